"""The command line's words: its language (``--lang``, else the system's), the translation of its
texts, and argparse's help formatter and parser with their own words translated and Chinese text
wrapped by its width on screen.

Torch-free and Qt-free until Chinese is asked for: `playground --help`, `presets`, `lessons` and
--version answer in a tenth of a second.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata

EXIT_BAD_INPUT = 2  # the parser's error() exit status, as cli.py's

_language: list[str] = []  # "en" or "zh_CN", once chosen
_translator: list = []  # the QTranslator with the .qm, once Chinese is asked for


def _system_language() -> str:
    """The environment's locale (the first of LC_ALL, LC_MESSAGES, LANG that is set), else Windows' UI language."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    if sys.platform == "win32":
        import ctypes
        import locale

        try:
            code = locale.windows_locale.get(ctypes.windll.kernel32.GetUserDefaultUILanguage(), "")
        except (AttributeError, OSError):
            code = ""
        return "zh_CN" if code.startswith("zh") else "en"
    return "en"


def choose_language(argv: list[str] | None = None) -> str:
    """``--lang zh_CN|en`` anywhere in ``argv`` (default: sys.argv), else the system's language.

    The command line is scanned before it is parsed: the parser's help texts are translated as it is built.
    """
    argv = sys.argv[1:] if argv is None else argv
    code = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            code = argv[i + 1]
        elif arg.startswith("--lang="):
            code = arg.partition("=")[2]
    if code not in ("en", "zh_CN"):  # none, or one the parser will reject in the system's language
        code = _system_language()
    _language[:] = [code]
    return code


def translate(context: str, text: str) -> str:
    """``text`` in the chosen language: the .qm's translation in Chinese, else ``text`` itself.

    lupdate (``make translations``) extracts the calls written as ``translate("cli", "literal")``. PySide6 is
    imported only here, and only for Chinese: ``playground --version`` and English runs never load Qt.
    """
    if (_language[0] if _language else choose_language()) != "zh_CN":
        return text
    if not _translator:
        from PySide6.QtCore import QTranslator  # no QCoreApplication: the window may create its own later

        from playground.core.presets import resources_dir

        translator = QTranslator()
        try:
            translator.load("playground_zh_CN", str(resources_dir() / "translations"))
        except FileNotFoundError:  # no resources folder: English
            pass
        _translator.append(translator)
    return _translator[0].translate(context, text) or text


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_NO_LINE_START = frozenset("，。；：、！？）》”,.;:!?)")


def _wrap_wide(text: str, width: int) -> list[str]:
    """Chinese text wrapped to ``width`` columns: between any two characters, never inside an ASCII word,
    never before closing punctuation (textwrap breaks only at spaces and counts characters, not columns)."""
    lines, line = [], ""
    for token in re.findall(r" |[!-~]+|.", " ".join(text.split())):
        if line and token != " " and token not in _NO_LINE_START and _width(line + token) > width:
            lines.append(line.rstrip())
            line = ""
        if line or token != " ":
            line += token
    return [*lines, line.rstrip()] if line else lines


class _Formatter(argparse.HelpFormatter):
    """argparse's, with its own words translated and Chinese text wrapped by its width on screen."""

    def format_help(self) -> str:
        text = super().format_help()
        if text.startswith("usage: "):  # argparse's word; padded so that wrapped usage lines stay aligned
            prefix = translate("cli", "usage: ")
            text = prefix + " " * (7 - _width(prefix)) + text[7:]
        return text

    def _split_lines(self, text, width):
        return super()._split_lines(text, width) if text.isascii() else _wrap_wide(text, width)

    def _fill_text(self, text, width, indent):
        if text.isascii():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in _wrap_wide(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs) -> None:  # argparse's help option and headings, translated
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = translate("cli", "positional arguments")
        self._optionals.title = translate("cli", "options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=translate("cli", "show this help message and exit"))

    def error(self, message: str):  # one line, no usage dump: scripts read stderr
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _one_of(names) -> str:
    """"a, b or c": the catalog's names, for help texts."""
    *first, last = names
    return translate("cli", "{0} or {1}").format(", ".join(first), last) if first else last
