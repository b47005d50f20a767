"""Application bootstrap: QApplication, translators, the window, and the screenshot mode."""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path

import torch  # noqa: F401  (import torch before the QApplication exists: a known crash otherwise)


def create_window(preset: str | None = None, lang: str | None = None):
    """The fully wired main window, not shown, no event loop started (a QApplication must exist).

    ``lang`` ("en" or "zh_CN") sets the language of this window and the next ones; None keeps the
    one in force (the user's choice, else the system's)."""
    from playground.ui.language import set_language
    from playground.ui.main_window import MainWindow

    if lang is not None:
        set_language(lang)
    return MainWindow(preset=preset)


def make_app(argv: list[str] | None = None, lang: str | None = None):
    from PySide6.QtWidgets import QApplication

    from playground.core.devices import use_cpu_threads

    use_cpu_threads()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("PyTorch Playground")
    app.setOrganizationName("PyTorch Playground")
    from playground.ui.logfile import setup_logging

    setup_logging()  # after the names: they pick the data folder the log goes to
    from playground.ui.language import set_language

    set_language(lang)
    atexit.register(_settle, app)
    return app


def _settle(app) -> None:
    """At interpreter exit, before Python tears its objects down: deliver what is still queued for
    the window's objects (a script that closes the window and ends leaves some; destroying them
    later, with half of Python gone, crashed)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    try:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    except RuntimeError:  # the application is already gone
        pass


def main(preset: str | None = None, session: str | None = None, screenshot: str | None = None,
         epochs: int | None = None, lesson: str | None = None, lang: str | None = None) -> int:
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not has_screen():
        print("playground: error: no screen to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). "
              "Train headless with `playground train`, or save a picture with `playground --screenshot OUT.png`.",
              file=sys.stderr)
        return 2
    app = make_app(lang=lang)
    window = create_window(preset)
    if lesson and hasattr(window, "open_lesson"):
        window.open_lesson(lesson)
    if session:
        window.open_path(session)
    if screenshot:
        return _screenshot(app, window, Path(screenshot), epochs)
    window.show()
    return app.exec()


def has_screen() -> bool:
    """False on a Linux machine with no display, where Qt would abort instead of opening a window."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _screenshot(app, window, out: Path, epochs: int | None) -> int:
    """Train to the end offscreen, then save a PNG of the whole window."""
    if epochs is not None:
        window.controls.epochsInput.setValue(epochs)
    window.remember_geometry = False
    window.resize(1280, 720)
    window.ask_before_closing = False
    window.show()
    result = {}

    def done(summary: dict) -> None:
        result.update(summary)
        app.processEvents()
        window.grab().save(str(out))
        window.close()

    window.trainingFinished.connect(done)
    window.trainButton.click()
    app.exec()
    print(f"saved {out} ({result.get('status')}, test loss {result.get('test_loss')})", file=sys.stderr)
    return 0 if out.exists() else 1
