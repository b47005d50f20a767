"""The user's settings: one QSettings, whatever the QApplication's names; the window's geometry."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from playground.ui.theme import em


def settings() -> QSettings:
    return QSettings("PyTorch Playground", "PyTorch Playground")


def restore_geometry(window: QMainWindow) -> None:
    """Where the window was last time (maximized included); else most of the screen."""
    saved = settings().value("window/geometry")
    if saved is not None and window.restoreGeometry(saved):
        return
    if QGuiApplication.platformName() == "offscreen":  # no screen to fill: a fixed size, same every time
        window.resize(em(window, 64), em(window, 36))
        return
    screen = window.screen().availableGeometry()
    window.resize(max(min(screen.width(), em(window, 64)), round(screen.width() * 0.9)),
                  max(min(screen.height(), em(window, 36)), round(screen.height() * 0.9)))
    if screen.width() <= 1366 or screen.height() <= 800:  # a projector or a laptop: all of it
        window.setWindowState(window.windowState() | Qt.WindowMaximized)


def save_geometry(window: QMainWindow) -> None:
    settings().setValue("window/geometry", window.saveGeometry())


__all__ = ["settings", "restore_geometry", "save_geometry"]
