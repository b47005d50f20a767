"""The output view's page for data that is neither 2-D nor digits: every point on the data's two
principal axes (fitted once per dataset, on the training set), colored by the prediction, with
the wrong ones ringed. Training points are round and test points diamonds, both with a dark
outline that reads on every fill.

Beside it, the test set's confusion matrix (classification) or its predicted values against the
true ones (regression, with the line where they agree).

Items are created once per dataset; a snapshot only re-brushes the points, moves the rings and
redraws the matrix or the prediction points.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from playground.core.inspect import ProjectionSnapshot, projection_2d
from playground.core.records import Dataset
from playground.ui import theme
from playground.ui.views.confusion import ConfusionMatrix

POINT_OUTLINE = theme.TEST_OUTLINE  # a dark ring reads on every fill, the grey of "not predicted yet" too
TRAIN_SYMBOL, TEST_SYMBOL = "o", "d"


class ProjectionPage(pg.GraphicsLayoutWidget):
    """Points on a 2-D projection, colored by prediction. ``set_dataset`` first, then snapshots."""

    kind = "projection"
    toggles = ("show_test",)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.style_canvas(self)
        self._dataset: Dataset | None = None
        self._snap: ProjectionSnapshot | None = None
        self._show_test = True
        self._value_range = 1.0  # regression: colors span [-r, r]
        plot = self.addPlot(row=0, col=0)
        self._plot = plot
        self._train = pg.ScatterPlotItem(symbol=TRAIN_SYMBOL)
        self._test = pg.ScatterPlotItem(symbol=TEST_SYMBOL)
        self._wrong = pg.ScatterPlotItem(brush=None)
        for item in (self._train, self._test, self._wrong):
            plot.addItem(item)
        self._side: pg.PlotItem | None = None  # the confusion matrix or the prediction plot
        self.confusion: ConfusionMatrix | None = None
        self._predicted: pg.ScatterPlotItem | None = None
        self._train_xy: np.ndarray | None = None
        self._test_xy: np.ndarray | None = None
        self._restyle()

    def _restyle(self) -> None:
        """Every size from the font: at start, and again when the window zooms (a FontChange)."""
        theme.style_canvas(self)
        theme.style_plot(self._plot, self)
        self._plot.setLabel("bottom", self.tr("principal axis 1"), **theme.label_style(self))
        self._plot.setLabel("left", self.tr("principal axis 2"), **theme.label_style(self))
        d = theme.em_f(self, 0.7)
        pen = pg.mkPen(POINT_OUTLINE, width=max(1.0, d / 7))
        for points, size in ((self._train, d), (self._test, d * 1.3)):  # a diamond as wide as a dot
            points.setSize(size)
            points.setPen(pen)
        self._wrong.setSize(d * 2.0)
        self._wrong.setPen(pg.mkPen(theme.WRONG, width=max(1.5, d / 4)))
        if self._side is not None:
            theme.style_plot(self._side, self)
            self._label_side()
            if self.confusion is not None:
                self.confusion.restyle()
            if self._predicted is not None:
                self._predicted.setSize(d)
                self._predicted.setPen(pen)

    def _label_side(self) -> None:
        style = theme.label_style(self)
        if self.confusion is not None:
            self._side.setLabel("bottom", self.tr("predicted class (test set)"), **style)
            self._side.setLabel("left", self.tr("true class"), **style)
        else:
            self._side.setLabel("bottom", self.tr("true value (test set)"), **style)
            self._side.setLabel("left", self.tr("predicted value"), **style)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_wrong"):
            self._restyle()

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self.tr("Predictions, 2-D projection")  # the axes say which

    @property
    def test_point_count(self) -> int:
        return len(self._test.data)

    @property
    def wrong_point_count(self) -> int:
        """How many points carry the "wrong" ring."""
        return len(self._wrong.data)

    @property
    def train_points(self) -> pg.ScatterPlotItem:
        """Round, dark outline."""
        return self._train

    @property
    def test_points(self) -> pg.ScatterPlotItem:
        """Diamonds, dark outline."""
        return self._test

    @property
    def side_kind(self) -> str | None:
        """What is beside the projection: "confusion", "prediction" or None (no dataset yet)."""
        if self._side is None:
            return None
        return "confusion" if self.confusion is not None else "prediction"

    def confusion_shown(self) -> np.ndarray | None:
        """The test set's confusion matrix on screen (classification; rows true, columns predicted)."""
        return None if self.confusion is None else self.confusion.shown

    def prediction_points(self) -> np.ndarray | None:
        """(n_test, 2): (true value, predicted value) of each test point drawn (regression)."""
        if self._predicted is None:
            return None
        x, y = self._predicted.getData()
        return np.column_stack([x, y])

    def legend(self) -> str:
        return " &nbsp;&nbsp; ".join(self.legend_entries())

    def legend_entries(self) -> list[str]:
        """The legend under the picture, one rich-text entry each."""
        d = self._dataset
        if d is None:
            return []
        parts = []
        if d.task == "regression":
            parts += [theme.swatch(theme.ORANGE, self.tr("low prediction")),
                      theme.swatch(theme.BLUE, self.tr("high prediction"))]
        else:
            for c in range(d.n_classes):
                text = self.tr("predicted class %1").replace("%1", str(c))
                parts.append(theme.swatch(theme.class_color(c), text))
            parts.append(theme.swatch(theme.WRONG, self.tr("wrong"), "\u25cb"))
        parts.append(theme.swatch(POINT_OUTLINE, self.tr("training point"), "\u25cf"))
        parts.append(theme.swatch(POINT_OUTLINE, self.tr("test point"), "\u25c6"))
        return parts

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._snap = d, None
        if d.task == "regression":
            r = float(np.abs(np.concatenate([d.y_train.ravel(), d.y_test.ravel()])).max()) if len(d.y_train) else 1.0
            self._value_range = max(r, 1e-6)
        self._train_xy = projection_2d(d.x_train)
        self._test_xy = projection_2d(d.x_test, reference=d.x_train)
        grey = pg.mkBrush(theme.UNPREDICTED)
        self._train.setData(pos=self._train_xy, brush=grey)
        self._test.setData(pos=self._test_xy, brush=grey)
        self._wrong.setData(pos=np.zeros((0, 2)))
        self._make_side(d)

    def _make_side(self, d: Dataset) -> None:
        if self._side is not None:
            self.removeItem(self._side)
        self._side = side = self.addPlot(row=0, col=1)
        theme.style_plot(side, self)
        self.confusion, self._predicted = None, None
        if d.task == "classification":
            self.confusion = ConfusionMatrix(side, self)
            self.confusion.set_classes(max(d.n_classes, 1))
        else:
            r = self._value_range
            side.addItem(pg.PlotCurveItem([-r, r], [-r, r], pen=pg.mkPen(theme.LINE, width=1)))  # right answers
            self._predicted = pg.ScatterPlotItem(symbol=TEST_SYMBOL)
            side.addItem(self._predicted)
            side.setAspectLocked(True)
        self._label_side()
        self._restyle()

    def set_snapshot(self, snap: ProjectionSnapshot) -> None:
        self._snap = snap
        self._train.setBrush(self._brushes(snap.train_predictions))
        self._test.setBrush(self._brushes(snap.test_predictions))
        self._draw_wrong()
        if self.confusion is not None and snap.confusion is not None:
            self.confusion.draw(np.asarray(snap.confusion))
        if self._predicted is not None:
            true = np.asarray(self._dataset.y_test, dtype=np.float64).ravel()
            pred = np.asarray(snap.test_predictions, dtype=np.float64).ravel()
            self._predicted.setData(x=true, y=pred, brush=self._brushes(pred))

    def set_show_test(self, on: bool) -> None:
        self._show_test = on
        self._test.setVisible(on)
        if self._snap is not None:
            self._draw_wrong()

    # -- drawing -------------------------------------------------------------------------------
    def _brushes(self, pred: np.ndarray) -> list:
        if self._dataset.task == "regression":
            return theme.diverging_brushes(np.asarray(pred, dtype=np.float64) / self._value_range)
        return theme.class_brushes(pred)

    def _draw_wrong(self) -> None:
        d, snap = self._dataset, self._snap
        if d.task != "classification":
            return
        pts = [self._test_xy[np.asarray(snap.test_predictions) != d.y_test]] if self._show_test else []
        pts.append(self._train_xy[np.asarray(snap.train_predictions) != d.y_train])
        self._wrong.setData(pos=np.concatenate(pts))
