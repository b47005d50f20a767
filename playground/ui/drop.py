"""Files dropped on the window: a session or config (.pgsession, .json) opens, weights (.safetensors,
.pt) load into the current network, a CSV file is imported as data, each through the same flow as its
File menu entry (ui/recent.py's ``open_file``). Anything else is refused with one line in the status bar.

An event filter on the main window; the file opens just after the drop returns, so a message box
it may show does not block the application the file was dragged from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from playground.ui.recent import DATA_SUFFIXES, OPEN_SUFFIXES, WEIGHT_SUFFIXES, open_file

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
SUFFIXES = OPEN_SUFFIXES + WEIGHT_SUFFIXES + DATA_SUFFIXES


def dropped_files(mime) -> list[str]:
    """The local files in a drag's data."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def accepted_file(paths: list[str]) -> str | None:
    """The first of ``paths`` the window can open or import."""
    return next((p for p in paths if Path(p).suffix.lower() in SUFFIXES), None)


class DropFilter(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.opened: list[tuple[str, bool]] = []  # each dropped file and whether it opened (for tests)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def refuse(self, paths: list[str]) -> None:
        name = Path(paths[0]).name if paths else translate("MainWindow", "this")
        self.window.statusBar().showMessage(translate(
            "MainWindow", "Cannot open {0}: drop a session (.pgsession), a config (.json), weights (.safetensors, "
                          ".pt) or data (.csv)").format(name), 8000)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is not self.window or kind not in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop):
            return False
        paths = dropped_files(event.mimeData())
        path = accepted_file(paths)
        if path is None:
            event.ignore()
            if kind != QEvent.DragMove:
                self.refuse(paths)
            return True
        event.acceptProposedAction()
        if kind == QEvent.Drop:
            self.window.statusBar().clearMessage()
            QTimer.singleShot(0, self.window, lambda: self.open(path))
        return True

    def open(self, path: str) -> bool:
        ok = open_file(self.window, path)
        self.opened.append((path, ok))
        return ok


def install(window) -> DropFilter:
    window.dropFilter = DropFilter(window)
    return window.dropFilter


__all__ = ["DropFilter", "SUFFIXES", "accepted_file", "dropped_files", "install"]
