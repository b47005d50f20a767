"""The user's settings: one QSettings, whatever the QApplication's names; the window's geometry and the
config it last showed (shown again on a start with no preset, lesson or file given)."""

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
    """The window's geometry, and the config it shows (read back by ``restore_last_config``)."""
    settings().setValue("window/geometry", window.saveGeometry())
    controller = getattr(window, "controller", None)
    if controller is not None and getattr(controller, "config", None) is not None:
        settings().setValue("window/lastConfig", controller.config.to_json())
        settings().setValue("window/lastPreset", controller.preset or "")


def last_config():
    """The config and preset name the window showed when it last closed; None when there is none to show
    (never saved, unreadable, or your own data, whose CSV file the engine would have to read again)."""
    from playground.core.config import CUSTOM, ConfigError, TrainConfig

    text = settings().value("window/lastConfig")
    if not isinstance(text, str) or not text:
        return None
    try:
        config = TrainConfig.from_json(text).validate()
    except (ConfigError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if config.dataset == CUSTOM:
        return None
    preset = settings().value("window/lastPreset")
    return config, (preset if isinstance(preset, str) and preset else None)


def restore_last_config(window) -> bool:
    """Show the config of the last session's window (as a lesson loads its settings); False when there is none."""
    saved = last_config()
    if saved is None:
        return False
    config, preset = saved
    window.controller.set_config(config, preset)
    window.controls.set_config(config, preset)
    return True


__all__ = ["settings", "restore_geometry", "save_geometry", "last_config", "restore_last_config"]
