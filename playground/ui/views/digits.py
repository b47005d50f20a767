"""The output view's page for the digits: a confusion matrix of the test set and a mosaic of the
first test images, each labelled with its prediction (the wrong ones framed and marked).

Items are created once per dataset; a snapshot only recolors the matrix, re-frames the mosaic
and changes the labels that changed. The two titles are word-wrapped labels above the canvas (a
title inside a pyqtgraph plot is cut when the plot is narrower than it).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from playground.core.inspect import DigitsSnapshot
from playground.core.records import Dataset
from playground.ui import theme
from playground.ui.views.confusion import ConfusionMatrix

DIGIT_TILES = (4, 6)  # rows, columns of test images shown


class DigitsPage(QWidget):
    """Confusion matrix and labelled test images. ``set_dataset`` first, then snapshots."""

    kind = "digits"
    toggles = ()
    STRETCH = (5, 6)  # the matrix's and the mosaic's shares of the width

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = pg.GraphicsLayoutWidget()
        theme.style_canvas(self.canvas)
        self._titles = [QLabel(self.tr("Confusion matrix (test\u00a0set)")), QLabel(self.tr("Test images, predicted"))]
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for col, label in enumerate(self._titles):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            label.setBackgroundRole(QPalette.ColorRole.Base)
            label.setAutoFillBackground(True)
            layout.addWidget(label, 0, col)
            layout.setColumnStretch(col, self.STRETCH[col])
        layout.addWidget(self.canvas, 1, 0, 1, 2)
        layout.setRowStretch(1, 1)
        self._dataset: Dataset | None = None
        conf = self.canvas.addPlot(row=0, col=0)
        theme.style_plot(conf, self)
        conf.setLabel("bottom", self.tr("predicted digit"), **theme.label_style(self))
        conf.setLabel("left", self.tr("true digit"), **theme.label_style(self))
        self._conf_plot = conf
        self.confusion = ConfusionMatrix(conf, self)

        self.tiles = ImageTiles(self.canvas.addPlot(row=0, col=1), self)
        self._tiles_plot = self.tiles.plot
        self.canvas.ci.layout.setColumnStretchFactor(0, self.STRETCH[0])
        self.canvas.ci.layout.setColumnStretchFactor(1, self.STRETCH[1])

    def _restyle(self) -> None:
        """Sizes from the font again when the window zooms (a FontChange)."""
        theme.style_canvas(self.canvas)
        for plot in (self._conf_plot, self._tiles_plot):
            theme.style_plot(plot, self)
        self._conf_plot.setLabel("bottom", self.tr("predicted digit"), **theme.label_style(self))
        self._conf_plot.setLabel("left", self.tr("true digit"), **theme.label_style(self))
        self.tiles.restyle()
        self.confusion.restyle()  # the numbers' size, chosen for the new font

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_tiles_plot"):
            self._restyle()

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self.tr("Digits: what it confuses")

    @property
    def plot_titles(self) -> list[str]:
        """The titles above the matrix and the mosaic."""
        return [label.text() for label in self._titles]

    def clipped_texts(self) -> list[str]:
        """Titles their label cuts ([] when all fit)."""
        return [label.text() for label in self._titles if label.isVisible() and (
            label.width() < label.minimumSizeHint().width() or label.height() < label.heightForWidth(label.width()))]

    def legend_entries(self) -> list[str]:
        return [
            theme.swatch(theme.BLUE, self.tr("correct (diagonal)"), "\u25a0"),
            theme.swatch(theme.ORANGE, self.tr("confused"), "\u25a0"),
            theme.swatch(theme.WRONG, self.tr("wrong: predicted \u2260 true"), "\u25a1"),
        ]

    def legend(self) -> str:
        return " &nbsp;&nbsp; ".join(self.legend_entries())

    def confusion_shown(self) -> np.ndarray | None:
        """The confusion matrix on screen (rows true, columns predicted)."""
        return self.confusion.shown

    def confusion_texts(self) -> list[str]:
        """The numbers written in the matrix, row by row ("" for a zero)."""
        return self.confusion.text_values()

    def tile_labels(self) -> list[str]:
        """The label under each test image: the prediction, "p\u2260y" where it is wrong."""
        return self.tiles.labels()

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset = d
        self.confusion.set_classes(max(d.n_classes, 1))

        self.tiles.set_dataset(d)

    @property
    def confusion_font_factor(self) -> float | None:
        """The size of the matrix's numbers as a share of the font (None: hidden, the cells are too small)."""
        return self.confusion.font_factor

    def set_snapshot(self, snap: DigitsSnapshot) -> None:
        self.confusion.draw(snap.confusion)
        self.tiles.draw(snap.test_predictions)



class ImageTiles:
    """The mosaic of the first test images in a plot, dark ink on white, each framed and labelled
    with its prediction (a wrong one framed in WRONG, "p\u2260y"); the picked one (``pick``) is framed
    dark and thick. Shared by the digits page and the CNN's page (which picks an image by a click)."""

    def __init__(self, plot: pg.PlotItem, widget: QWidget):
        self.plot, self._widget = plot, widget
        theme.style_plot(plot, widget)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setAspectLocked(True)
        plot.invertY(True)
        self._image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self._image)
        self._texts: list[pg.TextItem] = []
        self._shown: list[tuple[int, bool]] = []
        self._base: np.ndarray | None = None
        self._dataset: Dataset | None = None
        self._geom = (0, 0, 0, 0, 1, 1)
        self._pred: np.ndarray | None = None
        self.picked: int | None = None

    def restyle(self) -> None:
        theme.style_plot(self.plot, self._widget)
        label_font = theme.scaled_font(self._widget, 1.0, bold=True)
        for item in self._texts:
            item.setFont(label_font)

    @property
    def count(self) -> int:
        """How many test images the mosaic shows."""
        return self._geom[2]

    def labels(self) -> list[str]:
        return [t.textItem.toPlainText() for t in self._texts]

    def tile_center(self, index: int) -> tuple[float, float]:
        """(x, y) in the plot's coordinates of test image ``index``'s middle."""
        rows, cols, n, side, pitch_x, pitch_y = self._geom
        r, c = divmod(index, cols)
        return c * pitch_x + 1 + (side + 2) / 2, r * pitch_y + 1 + (side + 2) / 2

    def index_at(self, x: float, y: float) -> int | None:
        """The test image under the plot point (x, y), or None."""
        rows, cols, n, side, pitch_x, pitch_y = self._geom
        if x < 0 or y < 0:
            return None
        c, r = int(x // pitch_x), int(y // pitch_y)
        index = r * cols + c
        inside = x - c * pitch_x <= side + 2 and y - r * pitch_y <= side + 2
        return index if c < cols and index < n and inside else None

    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._pred = d, None
        rows, cols = DIGIT_TILES
        n = min(rows * cols, len(d.x_test))
        side = int(round(np.sqrt(d.n_features)))
        pitch_x, pitch_y = side + 3, side + 7  # room for the frame and the label under it
        base = np.full((rows * pitch_y, cols * pitch_x, 3), 255, dtype=np.uint8)
        for t in range(n):
            r, c = divmod(t, cols)
            img = d.x_test[t].reshape(side, side)
            ink = (255 * (1 - np.clip(img, 0, 1))).astype(np.uint8)
            y0, x0 = r * pitch_y + 1, c * pitch_x + 1
            base[y0 + 1 : y0 + 1 + side, x0 + 1 : x0 + 1 + side] = ink[..., None]
        self._base = base
        self._geom = (rows, cols, n, side, pitch_x, pitch_y)
        for item in self._texts:
            self.plot.removeItem(item)
        self._texts = []
        label_font = theme.scaled_font(self._widget, 1.0, bold=True)
        for t in range(n):
            r, c = divmod(t, cols)
            item = pg.TextItem("", anchor=(0.5, 0.0), color=self._widget.palette().color(QPalette.ColorRole.Text))
            item.setFont(label_font)
            item.setPos(c * pitch_x + 1 + (side + 2) / 2, r * pitch_y + side + 2.6)
            self.plot.addItem(item)
            self._texts.append(item)
        self._shown = [(-1, False)] * n
        self._image.setImage(self._framed(None), levels=(0, 255))
        self._image.setRect(QRectF(0, 0, base.shape[1], base.shape[0]))
        self.plot.setRange(xRange=(0, base.shape[1]), yRange=(0, base.shape[0]), padding=0.01)

    def pick(self, index: int | None) -> None:
        """Frame test image ``index`` as the picked one (None: none)."""
        if index != self.picked and self._base is not None:
            self.picked = index
            self._image.setImage(self._framed(self._pred), levels=(0, 255))

    def _framed(self, pred: np.ndarray | None) -> np.ndarray:
        rows, cols, n, side, pitch_x, pitch_y = self._geom
        y_test = self._dataset.y_test
        out = self._base.copy()
        frame_ok, frame_bad, frame_picked = theme.rgb(theme.TILE_FRAME), theme.rgb(theme.WRONG), theme.rgb(theme.HOVER)
        for t in range(n):
            r, c = divmod(t, cols)
            y0, x0 = r * pitch_y + 1, c * pitch_x + 1
            wrong = pred is not None and pred[t] != y_test[t]
            color = frame_picked if t == self.picked else frame_bad if wrong else frame_ok
            width = 2 if t == self.picked else 1  # the picked image: a thick dark frame, out into the gap
            for w in range(width):
                top, left = max(0, y0 - w), max(0, x0 - w)
                bottom, right = min(out.shape[0] - 1, y0 + side + 1 + w), min(out.shape[1] - 1, x0 + side + 1 + w)
                out[top, left : right + 1] = color
                out[bottom, left : right + 1] = color
                out[top : bottom + 1, left] = color
                out[top : bottom + 1, right] = color
        return out

    def draw(self, pred: np.ndarray) -> None:
        self._pred = pred
        y_test = self._dataset.y_test
        self._image.setImage(self._framed(pred), levels=(0, 255))
        dark = self._widget.palette().color(QPalette.ColorRole.Text)
        for t_i, item in enumerate(self._texts):
            p, y = int(pred[t_i]), int(y_test[t_i])
            state = (p, p != y)
            if state == self._shown[t_i]:
                continue
            self._shown[t_i] = state
            if p != y:
                item.setText(f"{p}\u2260{y}")
                item.setColor(QColor(theme.WRONG))
            else:
                item.setText(str(p))
                item.setColor(dark)
