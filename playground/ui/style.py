"""One base font, every size derived from it: presenter mode only has to change the base."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

# TensorFlow Playground's palette: orange for negative / class 0, blue for positive / class 1.
ORANGE = "#f59322"
BLUE = "#0877bd"
TRAIN_COLOR = "#1f77b4"
TEST_COLOR = "#ff7f0e"
DANGER = "#c62828"


def em(widget: QWidget | None = None, factor: float = 1.0) -> int:
    """``factor`` times the height of a line of text in the widget's (or the app's) font."""
    font = widget.font() if widget is not None else QApplication.font()
    return max(1, round(QFontMetricsF(font).height() * factor))


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font
