"""The output view's page for the CNN on pictures (digits, shapes): the first test images with their
predictions (click one to pick it) and, for the picked image, what each conv layer does to it.

Left, the digits page's mosaic (views/digits.py ``ImageTiles``): a click on a test image emits
``imagePicked(index)`` (the window sends ``InspectImage``) and frames it at once; its feature maps
come with the next snapshot. Right, top to bottom: the picked image, then per conv layer its
kernels (one k x k picture per out-channel: layer 1's own, deeper layers' averaged over their input
channels, ``CNNSnapshot.kernel_pictures``) and its feature maps (one h x w picture per channel,
after the activation). Kernels and maps use the diverging ramp, each layer on its own symmetric
scale (orange negative, near white zero, blue positive). The pictures are numpy mosaics shown as
pixmaps, scaled by whole pixels (nearest) to the pane's width.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from playground.core.inspect import CNNSnapshot
from playground.core.records import Dataset
from playground.ui import theme
from playground.ui.views.digits import ImageTiles

GAP = 1  # pixels (of the mosaic, before scaling) between two pictures


def mosaic(tiles: np.ndarray, columns: int, diverging: bool = True) -> np.ndarray:
    """(n, h, w) values -> (rows * (h + GAP) - GAP, columns * (w + GAP) - GAP, 4) uint8 RGBA, row
    by row; diverging: the ramp over a symmetric scale, else dark ink on white (pixels 0..1)."""
    n, h, w = tiles.shape
    columns = max(1, min(columns, n))
    rows = -(-n // columns)
    out = np.full((rows * (h + GAP) - GAP, columns * (w + GAP) - GAP, 4), 255, dtype=np.uint8)
    if diverging:
        m = float(np.nanmax(np.abs(tiles))) if tiles.size else 0.0
        m = m if m > 0 and np.isfinite(m) else 1.0
        colored = theme.to_rgba(tiles.reshape(n * h, w).astype(np.float32), (-m, m), theme.diverging_lut(1.0))
        colored = colored.reshape(n, h, w, 4)
    else:
        ink = (255 * (1 - np.clip(tiles, 0, 1))).astype(np.uint8)
        colored = np.concatenate([np.repeat(ink[..., None], 3, axis=3), np.full((n, h, w, 1), 255, np.uint8)], 3)
    for i in range(n):
        r, c = divmod(i, columns)
        out[r * (h + GAP) : r * (h + GAP) + h, c * (w + GAP) : c * (w + GAP) + w] = colored[i]
    return out


class CNNPage(QWidget):
    """Test images to pick from, and the picked one's kernels and feature maps per conv layer."""

    kind = "cnn"
    toggles = ()
    imagePicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._snap: CNNSnapshot | None = None
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        self._tiles_title = self._caption(self.tr("Test images, predicted: click one to look inside"))
        self._tiles_title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setObjectName("cnnTestImages")
        theme.style_canvas(self.canvas)
        self.tiles = ImageTiles(self.canvas.addPlot(row=0, col=0), self)
        self.canvas.scene().sigMouseClicked.connect(self._on_click)
        left_layout.addWidget(self._tiles_title)
        left_layout.addWidget(self.canvas, 1)

        self._inside = QWidget(objectName="cnnInside")
        self._inside.setBackgroundRole(QPalette.ColorRole.Base)
        self._inside.setAutoFillBackground(True)
        self._rows = QVBoxLayout(self._inside)
        self._rows.setContentsMargins(theme.em(self, 0.3), 0, 0, 0)
        self._rows.setSpacing(theme.em(self, 0.15))
        self._empty = self._caption(self.tr("Train a step to see the kernels and the feature maps."))
        self._rows.addWidget(self._empty)
        self._rows.addStretch(1)
        self._labels: list[tuple[QLabel, QLabel]] = []  # (caption, picture) per row shown
        self.scroll = QScrollArea(objectName="cnnInsideScroll")
        self.scroll.setWidget(self._inside)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(left, 4)
        layout.addWidget(self.scroll, 5)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBackgroundRole(QPalette.ColorRole.Base)
        label.setAutoFillBackground(True)
        return label

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "tiles"):
            theme.style_canvas(self.canvas)
            self.tiles.restyle()
            self._render()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self.tr("CNN: what the convolutions see")

    def legend_entries(self) -> list[str]:
        return [
            theme.swatch(theme.ORANGE, self.tr("negative"), "\u25a0"),
            theme.swatch(theme.BLUE, self.tr("positive (kernels and maps, each layer its own scale)"), "\u25a0"),
            theme.swatch(theme.WRONG, self.tr("wrong: predicted \u2260 true"), "\u25a1"),
        ]

    def clipped_texts(self) -> list[str]:
        labels = [self._tiles_title, *(caption for caption, _ in self._labels)]
        return [label.text() for label in labels if label.isVisible() and (
            label.width() < label.minimumSizeHint().width() or label.height() < label.heightForWidth(label.width()))]

    @property
    def picked(self) -> int | None:
        """The test image framed as picked (a click frames it before its maps arrive)."""
        return self.tiles.picked

    @property
    def snapshot(self) -> CNNSnapshot | None:
        return self._snap

    def tile_labels(self) -> list[str]:
        return self.tiles.labels()

    def captions(self) -> list[str]:
        """The captions of the pictures on the right, top to bottom."""
        return [caption.text() for caption, _ in self._labels]

    def kernels_shown(self) -> tuple[np.ndarray, ...]:
        """Per conv layer, the (out, k, k) kernel pictures drawn."""
        return () if self._snap is None else self._snap.kernel_pictures

    def maps_shown(self) -> tuple[np.ndarray, ...]:
        """Per conv layer, the (C, h, w) feature maps drawn (of the picked image in the snapshot)."""
        return () if self._snap is None else self._snap.feature_maps

    def picture_sizes(self) -> list[tuple[int, int]]:
        """(width, height) in pixels of each picture on the right, top to bottom."""
        return [(pic.pixmap().width(), pic.pixmap().height()) for _, pic in self._labels]

    def tile_point(self, index: int) -> QPoint:
        """Where test image ``index`` lies in the canvas' viewport (for a click)."""
        x, y = self.tiles.tile_center(index)
        scene = self.tiles.plot.vb.mapViewToScene(QPointF(x, y))
        return self.canvas.mapFromScene(scene)

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._snap = d, None
        self.tiles.set_dataset(d)
        self.tiles.pick(None)
        self._set_rows([])
        self._empty.show()

    def set_snapshot(self, snap: CNNSnapshot) -> None:
        self._snap = snap
        self.tiles.draw(snap.test_predictions)
        self.tiles.pick(snap.picked if snap.picked < self.tiles.count else None)
        self._empty.hide()
        self._render()

    def pick(self, index: int) -> None:
        """Pick test image ``index`` (what a click does): framed now, its maps with the next snapshot."""
        self.tiles.pick(index)
        self.imagePicked.emit(int(index))

    # -- drawing -------------------------------------------------------------------------------
    @Slot(object)
    def _on_click(self, event) -> None:
        vb = self.tiles.plot.vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        point = vb.mapSceneToView(event.scenePos())
        index = self.tiles.index_at(point.x(), point.y())
        if index is not None:
            self.pick(index)

    def _set_rows(self, rows: list[tuple[str, np.ndarray, int]]) -> None:
        """One caption and one picture per row; the labels are reused when the count stays."""
        while len(self._labels) > len(rows):
            caption, pic = self._labels.pop()
            for w in (caption, pic):
                self._rows.removeWidget(w)
                w.setParent(None)
                w.deleteLater()
        while len(self._labels) < len(rows):
            caption, pic = self._caption(""), QLabel()
            pic.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            index = self._rows.count() - 1  # before the stretch
            self._rows.insertWidget(index, caption)
            self._rows.insertWidget(index + 1, pic)
            self._labels.append((caption, pic))
        for (caption, pic), (text, rgba, scale) in zip(self._labels, rows):
            if caption.text() != text:
                caption.setText(text)
            pic.setPixmap(self._pixmap(rgba, scale))

    def _pixmap(self, rgba: np.ndarray, scale: int) -> QPixmap:
        """The mosaic, each of its pixels ``scale`` x ``scale`` screen pixels (nearest, no blur)."""
        h, w = rgba.shape[:2]
        image = QImage(np.ascontiguousarray(rgba).data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
        return QPixmap.fromImage(image.scaled(w * scale, h * scale, Qt.AspectRatioMode.IgnoreAspectRatio,
                                              Qt.TransformationMode.FastTransformation))

    def _render(self) -> None:
        snap = self._snap
        if snap is None or not hasattr(self, "scroll"):
            return
        width = max(theme.em(self, 8), self.scroll.viewport().width() - theme.em(self, 0.6))
        target = theme.em(self, 2.5)  # about the size of one feature map on screen
        rows: list[tuple[str, np.ndarray, int]] = []
        h, w = snap.image.shape
        truth = "" if self._dataset is None or snap.picked >= len(self._dataset.y_test) \
            else str(int(self._dataset.y_test[snap.picked]))
        pred = str(int(snap.test_predictions[snap.picked])) if snap.picked < len(snap.test_predictions) else ""
        rows.append((self.tr("Test image %1: true %2, predicted %3").replace("%1", str(snap.picked))
                     .replace("%2", truth).replace("%3", pred),
                     mosaic(snap.image[None], 1, diverging=False), max(1, 2 * target // max(h, w))))
        for i, (kernels, maps) in enumerate(zip(snap.kernel_pictures, snap.feature_maps), start=1):
            layer = f"conv{i}"
            n, k = kernels.shape[0], kernels.shape[1]
            scale = max(1, target * 2 // 3 // k)
            columns = max(1, width // ((k + GAP) * scale))
            text = self.tr("%1: %2 kernels %3x%3").replace("%1", layer).replace("%2", str(n)).replace("%3", str(k))
            if i > 1:
                text += " " + self.tr("(each averaged over its %1 inputs)").replace("%1", str(snap.kernels[i - 1].shape[1]))
            rows.append((text, mosaic(kernels, columns), scale))
            c, mh, mw = maps.shape
            scale = max(1, target // max(mh, mw))
            columns = max(1, width // ((mw + GAP) * scale))
            text = self.tr("%1: %2 feature maps %3x%4").replace("%1", layer).replace("%2", str(c)) \
                .replace("%3", str(mh)).replace("%4", str(mw))
            rows.append((text, mosaic(maps, columns), scale))
        self._set_rows(rows)


__all__ = ["CNNPage", "mosaic"]
