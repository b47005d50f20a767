"""Zoom (Ctrl++ / Ctrl+- / Ctrl+0) and presenter mode (F11) for a projector.

Every size in the window derives from its font (``theme.em``), so zooming is setting the window's
font: widgets get a FontChange and lay themselves out again, and the window recomputes the few
sizes it fixed itself (``MainWindow.apply_zoom``). Presenter mode is full screen, at least
``PRESENTER_ZOOM`` times the normal size, high contrast, with a big epoch counter.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow

ZOOMS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
# Presenter mode keeps the run's buttons and hides the settings: the views get the room (the keys
# still work: Space, N, Esc, R; F11 brings the settings back).
PRESENTER_ZOOM = 1.5

# Presenter mode: black text and stronger frames on white, for a washed-out projector picture.
HIGH_CONTRAST = """
QWidget { color: #000000; }
QGroupBox { font-weight: bold; }
QPushButton, QToolButton { border: 2px solid #202020; border-radius: 3px; padding: 2px 6px; background: #ffffff; }
QPushButton:disabled, QToolButton:disabled { color: #707070; border-color: #909090; }
QPushButton:default { border-width: 3px; }
"""


class Presenter(QObject):
    zoomChanged = Signal(float)
    presentingChanged = Signal(bool)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.base_font = QFont(window.font())
        self.zoom = 1.0
        self.presenting = False
        self._before: tuple[Qt.WindowStates, float] | None = None  # window state and zoom to go back to

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(float(zoom), ZOOMS[0]), ZOOMS[-1])
        if self.presenting:
            zoom = max(zoom, PRESENTER_ZOOM)
        self.zoom = zoom
        font = QFont(self.base_font)
        font.setPointSizeF(self.base_font.pointSizeF() * zoom)
        # a style sheet stops a new font reaching the children: the sheet goes on after the font
        self.window.setStyleSheet("")
        self.window.setFont(font)
        self.window.setStyleSheet(HIGH_CONTRAST if self.presenting else "")
        self.zoomChanged.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self.zoom + 1e-6), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self.zoom - 1e-6), ZOOMS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(PRESENTER_ZOOM if self.presenting else 1.0)

    def set_presenting(self, on: bool) -> None:
        on = bool(on)
        if on == self.presenting:
            return
        window = self.window
        if on:
            self._before = (window.windowState(), self.zoom)
            self.presenting = True
            window.setWindowState(window.windowState() | Qt.WindowFullScreen)
            self.set_zoom(max(self.zoom, PRESENTER_ZOOM))
        else:
            state, zoom = self._before or (Qt.WindowNoState, 1.0)
            self.presenting = False
            window.setWindowState(state & ~Qt.WindowFullScreen)
            self.set_zoom(zoom)
        self.presentingChanged.emit(on)


__all__ = ["Presenter", "ZOOMS", "PRESENTER_ZOOM"]
