"""File > Open recent: the sessions, configs, data and weights last opened, imported or saved.

Up to ``MAX_RECENT`` paths, most recent first, kept in the user's QSettings (``recent/files``); a file
that no longer exists is dropped when the menu is shown. Clicking one opens it through the same flow
as its dialog (``open_file``): a session or config opens, a CSV file is imported as data, weights are
loaded into the current network. The flows record a path when they succeed: ``install`` wraps the
window's file flows (ui/files.py, ui/data_flow.py) without their knowing.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from playground.ui.settings import settings

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
MAX_RECENT = 8
KEY = "recent/files"
OPEN_SUFFIXES = (".pgsession", ".json")  # File > Open
WEIGHT_SUFFIXES = (".safetensors", ".pt")  # File > Import weights
DATA_SUFFIXES = (".csv",)  # File > Import data


def recent_files() -> list[str]:
    """The remembered paths, most recent first, those that no longer exist left out."""
    value = settings().value(KEY)
    if isinstance(value, str):  # QSettings gives a one-item list back as a string on some backends
        value = [value]
    paths = [p for p in (value or []) if isinstance(p, str) and p]
    return [p for p in paths if Path(p).is_file()][:MAX_RECENT]


def add_recent(path) -> None:
    """Put ``path`` (made absolute) first in the list."""
    path = str(Path(path).expanduser().resolve())
    paths = [path, *(p for p in recent_files() if p != path)]
    settings().setValue(KEY, paths[:MAX_RECENT])


def clear_recent() -> None:
    settings().remove(KEY)


def open_file(window, path) -> bool:
    """Open, or import, ``path`` by its extension, as File > Open, Import weights or Import data would;
    False after the flow said why not (or for an extension none of them reads)."""
    suffix = Path(path).suffix.lower()
    if suffix in OPEN_SUFFIXES:
        return window.files.maybe_keep_work() and window.files.open_path(str(path))
    if suffix in WEIGHT_SUFFIXES:
        return window.files.import_weights(str(path))
    if suffix in DATA_SUFFIXES:
        return window.data.import_data(str(path))
    return False


def _recording(flow, success=bool):
    """``flow`` that adds its path to the recent files when it succeeds."""
    @functools.wraps(flow)
    def run(path, *args, **kwargs):
        result = flow(path, *args, **kwargs)
        if success(result):
            add_recent(path)
        return result
    return run


def _recording_saved(flow):
    """A save flow returning the path it wrote (or None): the path, when it is a session or a config."""
    @functools.wraps(flow)
    def run(*args, **kwargs):
        written = flow(*args, **kwargs)
        if written and Path(written).suffix.lower() in OPEN_SUFFIXES:
            add_recent(written)
        return written
    return run


class RecentMenu(QObject):
    """The ``openRecentMenu`` submenu, filled each time it opens."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu = QMenu(translate("MainWindow", "Open &recent"), window, objectName="openRecentMenu")
        self.menu.aboutToShow.connect(self.fill)
        # owned by the window, so the menu's clear() takes it out without deleting it
        self.clearAction = QAction(translate("MainWindow", "&Clear list"), window, objectName="clearRecentAction")
        self.clearAction.triggered.connect(self.clear)
        window.clearRecentAction = self.clearAction
        self.fill()

    def fill(self) -> None:
        self.menu.clear()
        paths = recent_files()
        for i, path in enumerate(paths):
            action = QAction(f"&{i + 1} {Path(path).name}", self.menu, objectName=f"recentFile{i}")
            action.setData(path)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
            self.menu.addAction(action)
        if not paths:
            empty = self.menu.addAction(translate("MainWindow", "No recent files"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.clearAction.setEnabled(bool(paths))
        self.menu.addAction(self.clearAction)

    def open(self, path: str) -> bool:
        if not Path(path).is_file():
            self.window.statusBar().showMessage(translate("MainWindow", "{0} no longer exists").format(path), 8000)
            self.fill()
            return False
        return open_file(self.window, path)

    def clear(self) -> None:
        clear_recent()
        self.fill()


def install(window) -> RecentMenu:
    """Record what the window's file flows open, import and save; add File > Open recent after File > Open."""
    files, data = window.files, window.data
    files.open_path = _recording(files.open_path)
    files.import_weights = _recording(files.import_weights)
    files.export = _recording_saved(files.export)
    files.save_session_dialog = _recording_saved(files.save_session_dialog)
    data.import_data = _recording(data.import_data)
    recent = RecentMenu(window)
    window.recent = recent
    window.openRecentMenu = recent.menu
    actions = window.fileMenu.actions()
    after = actions.index(window.openAction) + 1 if window.openAction in actions else 0
    before = actions[after] if after < len(actions) else None
    window.fileMenu.insertMenu(before, recent.menu) if before is not None else window.fileMenu.addMenu(recent.menu)
    return recent


__all__ = ["MAX_RECENT", "RecentMenu", "add_recent", "clear_recent", "install", "open_file", "recent_files"]
