"""Draw your own 2-D data on the output view's plane: a left click adds a point of the class the
picker shows (``classPicker``; for a regression it holds the point's value), a right click or a
Ctrl+click removes the point nearest the pointer (within ``REMOVE_PIXELS``). The drawer only says
what was asked (``pointsEdited``): the engine changes the data and the view draws what it sends
back, so what is drawn is what trains.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QDoubleValidator, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox

from playground.core.records import Dataset
from playground.ui import theme

REMOVE_PIXELS = 8  # how near the pointer a point must be for a click to remove it
VALUES = ("-1", "-0.5", "0", "0.5", "1")  # a regression's picker: values to pick, or type one


class PointDrawer(QObject):
    """The class picker and the clicks on a boundary page's plane (``attach`` it to the page)."""

    pointsEdited = Signal(object, object)  # add: ((x1, x2, label), ...), remove: ((x1, x2), ...)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.picker = QComboBox(objectName="classPicker")
        self.picker.setToolTip(self.tr("Draw your own data: click the plot to add a point of this class, "
                                       "right-click or Ctrl+click a point to remove it"))
        self.picker.setVisible(False)
        self._dataset: Dataset | None = None
        self._page: pg.GraphicsLayoutWidget | None = None

    def attach(self, page: pg.GraphicsLayoutWidget) -> None:
        """Listen to clicks on ``page`` (views/boundary.py's BoundaryPage: one plot at row 0, column 0)."""
        self._page = page
        page.scene().sigMouseClicked.connect(self._on_click)

    # -- what it offers (read-only) --------------------------------------------------------
    @property
    def enabled(self) -> bool:
        """Whether clicks draw: 2-D data is shown."""
        return self._dataset is not None and self._dataset.is_2d

    @property
    def label(self) -> float:
        """The class index (or, for a regression, the value) a new point gets."""
        if self._dataset is not None and self._dataset.task == "regression":
            try:
                return float(self.picker.currentText())
            except ValueError:
                return 0.0
        return float(max(self.picker.currentIndex(), 0))

    def set_dataset(self, dataset: Dataset) -> None:
        """Offer the classes of ``dataset`` (its values for a regression); keep the picked class where it exists."""
        before, task_before = self.picker.currentIndex(), getattr(self._dataset, "task", None)
        self._dataset = dataset
        self.picker.setVisible(dataset.is_2d)
        if dataset.task == "regression":
            if task_before != "regression" or self.picker.count() == 0:
                self.picker.clear()
                self.picker.setEditable(True)
                self.picker.setValidator(QDoubleValidator(self.picker))
                self.picker.addItems(list(VALUES))
                self.picker.setCurrentIndex(VALUES.index("1"))
            return
        names = [self.tr("class %1").replace("%1", str(c)) for c in range(dataset.n_classes)]
        if [self.picker.itemText(i) for i in range(self.picker.count())] == names and not self.picker.isEditable():
            return
        self.picker.clear()
        self.picker.setEditable(False)
        for c, name in enumerate(names):
            self.picker.addItem(_swatch(theme.class_color(c), self.picker.fontMetrics().height()), name)
        self.picker.setCurrentIndex(before if 0 <= before < len(names) else 0)

    # -- clicks ------------------------------------------------------------------------------
    def _view_box(self) -> pg.ViewBox | None:
        item = self._page.getItem(0, 0) if self._page is not None else None
        return item.getViewBox() if isinstance(item, pg.PlotItem) else None

    def _on_click(self, event) -> None:
        vb = self._view_box()
        if not self.enabled or vb is None or not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        pos = vb.mapSceneToView(event.scenePos())
        remove = event.button() == Qt.MouseButton.RightButton or (
            event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if remove:
            nearest = self.nearest_point(pos.x(), pos.y())
            if nearest is not None:
                self.pointsEdited.emit((), (nearest,))
        elif event.button() == Qt.MouseButton.LeftButton:
            self.pointsEdited.emit(((pos.x(), pos.y(), self.label),), ())
        else:
            return
        event.accept()

    def nearest_point(self, x: float, y: float) -> tuple[float, float] | None:
        """The shown point nearest (x, y) within REMOVE_PIXELS on screen, or None."""
        vb, d = self._view_box(), self._dataset
        if vb is None or d is None:
            return None
        points = np.concatenate([d.x_train, d.x_test])[:, :2]
        if not len(points):
            return None
        px, py = vb.viewPixelSize()  # data units per screen pixel
        distance = np.hypot((points[:, 0] - x) / (px or 1), (points[:, 1] - y) / (py or 1))
        i = int(np.argmin(distance))
        if not math.isfinite(distance[i]) or distance[i] > REMOVE_PIXELS:
            return None
        return float(points[i, 0]), float(points[i, 1])

    def scene_position(self, x: float, y: float) -> QPointF:
        """Where the point (x, y) is on the page's scene (tests click there)."""
        return self._view_box().mapViewToScene(QPointF(x, y))


def _swatch(color: str, size: int) -> QIcon:
    pixmap = QPixmap(max(size, 8), max(size, 8))
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


__all__ = ["PointDrawer", "REMOVE_PIXELS"]
