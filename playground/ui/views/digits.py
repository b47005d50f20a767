"""The output view's page for the digits: a confusion matrix of the test set and a mosaic of the
first test images, each labelled with its prediction (the wrong ones framed and marked).

Items are created once per dataset; a snapshot only recolors the matrix, re-frames the mosaic
and changes the labels that changed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from playground.core.datasets import Dataset
from playground.core.inspect import DigitsSnapshot
from playground.ui import theme

DIGIT_TILES = (4, 6)  # rows, columns of test images shown


class DigitsPage(pg.GraphicsLayoutWidget):
    """Confusion matrix and labelled test images. ``set_dataset`` first, then snapshots."""

    kind = "digits"
    toggles = ()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.style_canvas(self)
        self._dataset: Dataset | None = None
        conf = self.addPlot(row=0, col=0)
        theme.style_plot(conf, self)
        conf.invertY(True)
        conf.setLabel("bottom", self.tr("predicted digit"), **theme.label_style(self))
        conf.setLabel("left", self.tr("true digit"), **theme.label_style(self))
        conf.setTitle(self.tr("Confusion matrix (test set)"), **theme.label_style(self))
        self._conf_plot = conf
        self._conf_image = pg.ImageItem(axisOrder="row-major")
        conf.addItem(self._conf_image)
        self._conf_texts: list[pg.TextItem] = []
        self._conf_shown: np.ndarray | None = None

        tiles = self.addPlot(row=0, col=1)
        theme.style_plot(tiles, self)
        tiles.hideAxis("left")
        tiles.hideAxis("bottom")
        tiles.setAspectLocked(True)
        tiles.invertY(True)
        tiles.setTitle(self.tr("Test images, predicted"), **theme.label_style(self))  # short: it sets the minimum width
        self._tiles_plot = tiles
        self._tiles_image = pg.ImageItem(axisOrder="row-major")
        tiles.addItem(self._tiles_image)
        self._tile_texts: list[pg.TextItem] = []
        self._tile_shown: list[tuple[int, bool]] = []
        self._tile_base: np.ndarray | None = None
        self.ci.layout.setColumnStretchFactor(0, 5)
        self.ci.layout.setColumnStretchFactor(1, 6)

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self.tr("Digits: what it confuses")

    def legend(self) -> str:
        return " &nbsp;&nbsp; ".join(
            [
                theme.swatch(theme.BLUE, self.tr("correct (diagonal)"), "\u25a0"),
                theme.swatch(theme.ORANGE, self.tr("confused"), "\u25a0"),
                theme.swatch(theme.WRONG, self.tr("wrong: predicted \u2260 true"), "\u25a1"),
            ]
        )

    def confusion_shown(self) -> np.ndarray | None:
        """The confusion matrix on screen (rows true, columns predicted)."""
        return self._conf_shown

    def confusion_texts(self) -> list[str]:
        """The numbers written in the matrix, row by row ("" for a zero)."""
        return [t.textItem.toPlainText() for t in self._conf_texts]

    def tile_labels(self) -> list[str]:
        """The label under each test image: the prediction, "p\u2260y" where it is wrong."""
        return [t.textItem.toPlainText() for t in self._tile_texts]

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset = d
        k = max(d.n_classes, 1)
        conf = self._conf_plot
        for item in self._conf_texts:
            conf.removeItem(item)
        self._conf_texts = []
        font = self.font()
        for i in range(k):
            for j in range(k):
                t = pg.TextItem("", anchor=(0.5, 0.5))
                t.setFont(font)
                t.setPos(j, i)
                conf.addItem(t)
                self._conf_texts.append(t)
        ticks = [[(i, str(i)) for i in range(k)]]
        conf.getAxis("bottom").setTicks(ticks)
        conf.getAxis("left").setTicks(ticks)
        self._conf_image.setImage(np.full((k, k, 3), 255, dtype=np.uint8), levels=(0, 255))
        self._conf_image.setRect(QRectF(-0.5, -0.5, k, k))
        conf.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)
        self._conf_shown = None

        # The mosaic: the first test images, dark ink on white, a frame around each.
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
        self._tile_base = base
        self._tile_geom = (rows, cols, n, side, pitch_x, pitch_y)
        tiles = self._tiles_plot
        for item in self._tile_texts:
            tiles.removeItem(item)
        self._tile_texts = []
        label_font = theme.scaled_font(self, 1.0, bold=True)
        for t in range(n):
            r, c = divmod(t, cols)
            item = pg.TextItem("", anchor=(0.5, 0.0), color=self.palette().color(QPalette.ColorRole.Text))
            item.setFont(label_font)
            item.setPos(c * pitch_x + 1 + (side + 2) / 2, r * pitch_y + side + 2.6)
            tiles.addItem(item)
            self._tile_texts.append(item)
        self._tile_shown = [(-1, False)] * n
        self._tiles_image.setImage(self._framed_tiles(None), levels=(0, 255))
        self._tiles_image.setRect(QRectF(0, 0, base.shape[1], base.shape[0]))
        tiles.setRange(xRange=(0, base.shape[1]), yRange=(0, base.shape[0]), padding=0.01)

    def set_snapshot(self, snap: DigitsSnapshot) -> None:
        self._draw_confusion(snap.confusion)
        self._draw_tiles(snap.test_predictions)

    # -- drawing -------------------------------------------------------------------------------
    def _framed_tiles(self, pred: np.ndarray | None) -> np.ndarray:
        rows, cols, n, side, pitch_x, pitch_y = self._tile_geom
        y_test = self._dataset.y_test
        out = self._tile_base.copy()
        frame_ok, frame_bad = theme.rgb(theme.TILE_FRAME), theme.rgb(theme.WRONG)
        for t in range(n):
            r, c = divmod(t, cols)
            y0, x0 = r * pitch_y + 1, c * pitch_x + 1
            wrong = pred is not None and pred[t] != y_test[t]
            color = frame_bad if wrong else frame_ok
            out[y0, x0 : x0 + side + 2] = color
            out[y0 + side + 1, x0 : x0 + side + 2] = color
            out[y0 : y0 + side + 2, x0] = color
            out[y0 : y0 + side + 2, x0 + side + 1] = color
        return out

    def _draw_confusion(self, conf: np.ndarray) -> None:
        k = conf.shape[0]
        rows = conf.sum(1, keepdims=True).astype(np.float64)
        share = conf / np.maximum(rows, 1)
        eye = np.eye(k, dtype=bool)
        white = np.array([255.0, 255.0, 255.0])
        t = np.where(eye, share, np.clip(share * 4, 0, 1))[..., None]  # errors stand out
        color = np.where(eye[..., None], theme.rgb(theme.BLUE), theme.rgb(theme.ORANGE))
        rgb = (white + (color - white) * t * 0.9).astype(np.uint8)
        self._conf_image.setImage(rgb, levels=(0, 255))
        if self._conf_shown is None or not np.array_equal(self._conf_shown, conf):
            for idx, item in enumerate(self._conf_texts):
                i, j = divmod(idx, k)
                v = int(conf[i, j])
                item.setText(str(v) if v else "")
                item.setColor(theme.text_on(QColor(*rgb[i, j].tolist())))
            self._conf_shown = conf.copy()

    def _draw_tiles(self, pred: np.ndarray) -> None:
        y_test = self._dataset.y_test
        self._tiles_image.setImage(self._framed_tiles(pred), levels=(0, 255))
        dark = self.palette().color(QPalette.ColorRole.Text)
        for t_i, item in enumerate(self._tile_texts):
            p, y = int(pred[t_i]), int(y_test[t_i])
            state = (p, p != y)
            if state == self._tile_shown[t_i]:
                continue
            self._tile_shown[t_i] = state
            if p != y:
                item.setText(f"{p}\u2260{y}")
                item.setColor(QColor(theme.WRONG))
            else:
                item.setText(str(p))
                item.setColor(dark)
