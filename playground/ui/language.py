"""The window's language: English or Simplified Chinese, through Qt's own translators.

``set_language(code)`` installs the translators for ``code`` ("en", "zh_CN"; None: the user's
saved choice, else the system's language) and makes it the default QLocale, so lessons and number
formats follow. The compiled translations (``resources/translations/*.qm``) are built from the
``.ts`` sources by ``make``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from playground.core.presets import resources_dir
from playground.ui.settings import settings

LANGUAGE_CODES = ("en", "zh_CN")

_installed: list[QTranslator] = []
_current = ["en"]


def normalize(code: str | None) -> str:
    """ "zh", "zh_CN", "zh-Hans" -> "zh_CN"; anything else -> "en"."""
    return "zh_CN" if code and code.replace("-", "_").lower().startswith("zh") else "en"


def saved_language() -> str | None:
    value = settings().value("language")
    return value if value in LANGUAGE_CODES else None


def save_language(code: str) -> None:
    settings().setValue("language", normalize(code))


def current_language() -> str:
    return _current[0]


def set_language(code: str | None = None) -> str:
    """Install the translators for ``code``; returns the language now in force."""
    app = QCoreApplication.instance()
    code = normalize(code or saved_language() or QLocale.system().name())
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Chinese, QLocale.SimplifiedChineseScript, QLocale.China) if code == "zh_CN" \
        else QLocale(QLocale.English, QLocale.UnitedStates)
    QLocale.setDefault(locale)
    if code != "en" and app is not None:
        for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.TranslationsPath)),
                             ("playground", str(resources_dir() / "translations"))):
            translator = QTranslator(app)
            if translator.load(locale, name, "_", folder):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    _current[0] = code
    return code


__all__ = ["set_language", "current_language", "saved_language", "save_language", "normalize", "LANGUAGE_CODES"]
