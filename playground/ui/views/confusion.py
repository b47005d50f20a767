"""A confusion matrix drawn in a pyqtgraph plot, shared by the digits page and the projection
page: rows the true class, columns the predicted one; the diagonal blue by the share of its row,
the confusions orange (four times as strong, so errors stand out), the counts written in the
cells at the font's size, 0.8 of it, or not at all where a cell is too small for "888".

Items are created once per class count (``set_classes``); ``draw`` recolors and rewrites only
the numbers that changed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QWidget

from playground.ui import theme


def confusion_rgb(conf: np.ndarray) -> np.ndarray:
    """(K, K, 3) uint8 colors of a confusion matrix (see the module's note)."""
    k = conf.shape[0]
    rows = conf.sum(1, keepdims=True).astype(np.float64)
    share = conf / np.maximum(rows, 1)
    eye = np.eye(k, dtype=bool)
    white = np.array([255.0, 255.0, 255.0])
    t = np.where(eye, share, np.clip(share * 4, 0, 1))[..., None]  # errors stand out
    color = np.where(eye[..., None], theme.rgb(theme.BLUE), theme.rgb(theme.ORANGE))
    return (white + (color - white) * t * 0.9).astype(np.uint8)


class ConfusionMatrix:
    """The matrix in ``plot`` (its y axis turned downwards); ``widget`` gives the font."""

    def __init__(self, plot: pg.PlotItem, widget: QWidget):
        self.plot, self.widget = plot, widget
        plot.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        self.shown: np.ndarray | None = None
        self.font_factor: float | None = 1.0  # None: the cells are too small for numbers
        plot.vb.sigResized.connect(self.fit_numbers)

    def set_classes(self, k: int) -> None:
        """A blank K x K matrix with its ticks and one (empty) number per cell."""
        plot = self.plot
        for item in self.texts:
            plot.removeItem(item)
        self.texts = []
        font = theme.scaled_font(self.widget, self.font_factor or 1.0)
        for i in range(k):
            for j in range(k):
                t = pg.TextItem("", anchor=(0.5, 0.5))
                t.setFont(font)
                t.setVisible(self.font_factor is not None)
                t.setPos(j, i)
                plot.addItem(t)
                self.texts.append(t)
        ticks = [[(i, str(i)) for i in range(k)]]
        plot.getAxis("bottom").setTicks(ticks)
        plot.getAxis("left").setTicks(ticks)
        self.image.setImage(np.full((k, k, 3), 255, dtype=np.uint8), levels=(0, 255))
        self.image.setRect(QRectF(-0.5, -0.5, k, k))
        plot.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)
        self.shown = None

    def draw(self, conf: np.ndarray) -> None:
        k = conf.shape[0]
        if k * k != len(self.texts):
            self.set_classes(k)
        rgb = confusion_rgb(conf)
        self.image.setImage(rgb, levels=(0, 255))
        if self.shown is None or not np.array_equal(self.shown, conf):
            for idx, item in enumerate(self.texts):
                i, j = divmod(idx, k)
                v = int(conf[i, j])
                item.setText(str(v) if v else "")
                item.setColor(theme.text_on(QColor(*rgb[i, j].tolist())))
            self.shown = conf.copy()

    def text_values(self) -> list[str]:
        """The numbers written in the matrix, row by row ("" for a zero)."""
        return [t.textItem.toPlainText() for t in self.texts]

    def restyle(self) -> None:
        """Choose the numbers' size again (the font changed)."""
        self.font_factor = -1.0
        self.fit_numbers()

    def fit_numbers(self, *_) -> None:
        k = max(1, int(round(np.sqrt(len(self.texts))))) if self.texts else 10
        cell = min(self.plot.vb.width(), self.plot.vb.height()) / k
        factor = None
        for f in (1.0, 0.8):
            font = theme.scaled_font(self.widget, f)
            if QFontMetricsF(font).horizontalAdvance("888") <= cell * 0.95:
                factor = f
                break
        if factor == self.font_factor:
            return
        self.font_factor = factor
        font = theme.scaled_font(self.widget, factor or 1.0)
        for item in self.texts:
            item.setFont(font)
            item.setVisible(factor is not None)
