"""Live loss and accuracy curves (pyqtgraph), fed from growing numpy buffers, redrawn on a timer."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from playground.core.training import EpochMetrics
from playground.ui.theme import PAPER, TEST_COLOR, TRAIN_COLOR, em

REDRAW_MS = 100  # ~10 redraws a second at most, however fast training runs (benchmarks/bench_window.py)


class Buffer:
    """A growing float64 array with amortised O(1) append."""

    def __init__(self, capacity: int = 1024):
        self._data = np.empty(capacity)
        self.size = 0

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=np.float64)
        need = self.size + len(values)
        if need > len(self._data):
            grown = np.empty(max(need, 2 * len(self._data)))
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        self._data[self.size:need] = values
        self.size = need

    @property
    def data(self) -> np.ndarray:
        return self._data[: self.size]

    def clear(self) -> None:
        self.size = 0


def _faint(color: str) -> QColor:
    """``color`` at a quarter opacity: the per-step curve, under the per-epoch ones."""
    c = QColor(color)
    c.setAlpha(60)
    return c


def _plot(object_name: str, y_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background=PAPER)
    plot.setObjectName(object_name)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setLabel("bottom", "epoch")
    plot.setLabel("left", y_label)
    plot.getAxis("left").enableAutoSIPrefix(False)
    plot.addLegend(offset=(-10, 10))
    plot.setClipToView(True)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setMouseEnabled(x=True, y=False)
    return plot


class LossPlot(QWidget):
    """Tabs "Loss" and "Accuracy"; per-epoch train/test curves and a lighter per-step curve."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps_per_epoch = 1
        self.step_loss = Buffer()
        self.epoch = Buffer(256)
        self.train_loss, self.test_loss = Buffer(256), Buffer(256)
        self.train_acc, self.test_acc = Buffer(256), Buffer(256)
        self._dirty = False

        self.lossPlot = _plot("lossPlot", self.tr("loss"))
        width = max(1, em(self, 0.12))
        self.stepCurve = self.lossPlot.plot(name=self.tr("train (per step)"),
                                            pen=pg.mkPen(_faint(TRAIN_COLOR), width=1))
        self.trainCurve = self.lossPlot.plot(name=self.tr("train"), pen=pg.mkPen(TRAIN_COLOR, width=width * 2))
        self.testCurve = self.lossPlot.plot(name=self.tr("test"), pen=pg.mkPen(TEST_COLOR, width=width * 2))
        self.accuracyPlot = _plot("accuracyPlot", self.tr("accuracy"))
        self.accuracyPlot.setYRange(0, 1)
        self.trainAccCurve = self.accuracyPlot.plot(name=self.tr("train"), pen=pg.mkPen(TRAIN_COLOR, width=width * 2))
        self.testAccCurve = self.accuracyPlot.plot(name=self.tr("test"), pen=pg.mkPen(TEST_COLOR, width=width * 2))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.lossPlot, self.tr("Loss"))
        self.tabs.addTab(self.accuracyPlot, self.tr("Accuracy"))
        self.logInput = QCheckBox(self.tr("&Log scale"), objectName="logScaleInput")
        self.logInput.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        self.logInput.toggled.connect(self._on_log)
        self.stepsInput = QCheckBox(self.tr("Per &step"), objectName="perStepInput", checked=True)
        self.stepsInput.setToolTip(self.tr("Also draw the loss of every mini-batch (lighter)"))
        self.stepsInput.toggled.connect(self.stepCurve.setVisible)
        self.readout = QLabel(objectName="plotReadout")
        self.readout.setToolTip(self.tr("Values under the mouse"))

        top = QHBoxLayout()
        top.addWidget(self.logInput)
        top.addWidget(self.stepsInput)
        top.addStretch(1)
        top.addWidget(self.readout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.lossPlot.scene().sigMouseMoved.connect(self._on_mouse)
        self.accuracyPlot.scene().sigMouseMoved.connect(self._on_mouse)
        self.timer = QTimer(self, interval=REDRAW_MS)
        self.timer.timeout.connect(self.redraw)

    # -- data -----------------------------------------------------------------------------
    def clear(self, steps_per_epoch: int = 1) -> None:
        self.steps_per_epoch = max(1, steps_per_epoch)
        for b in (self.step_loss, self.epoch, self.train_loss, self.test_loss, self.train_acc, self.test_acc):
            b.clear()
        self._dirty = True
        self.redraw()

    def add(self, step_losses: np.ndarray, epochs: tuple[EpochMetrics, ...] | list[EpochMetrics]) -> None:
        """Append new points; drawn on the next timer tick."""
        self.step_loss.extend(step_losses)
        if epochs:
            self.epoch.extend([m.epoch for m in epochs])
            self.train_loss.extend([m.train_loss for m in epochs])
            self.test_loss.extend([m.test_loss for m in epochs])
            self.train_acc.extend([np.nan if m.train_accuracy is None else m.train_accuracy for m in epochs])
            self.test_acc.extend([np.nan if m.test_accuracy is None else m.test_accuracy for m in epochs])
        self._dirty = True
        if not self.timer.isActive() and self.isVisible():
            self.timer.start()

    @Slot()
    def redraw(self) -> None:
        if not self._dirty:
            self.timer.stop()  # idle: no timer runs when nothing changes
            return
        self._dirty = False
        n = self.step_loss.size
        steps_x = np.arange(1, n + 1) / self.steps_per_epoch
        self.stepCurve.setData(steps_x, _finite(self.step_loss.data))
        x = self.epoch.data
        self.trainCurve.setData(x, _finite(self.train_loss.data))
        self.testCurve.setData(x, _finite(self.test_loss.data))
        self.trainAccCurve.setData(x, self.train_acc.data)
        self.testAccCurve.setData(x, self.test_acc.data)

    def hideEvent(self, event) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.timer.start()

    # -- interaction ----------------------------------------------------------------------
    @Slot(bool)
    def _on_log(self, on: bool) -> None:
        self.lossPlot.setLogMode(y=on)

    def _on_mouse(self, pos) -> None:
        plot = self.lossPlot if self.tabs.currentIndex() == 0 else self.accuracyPlot
        if not plot.sceneBoundingRect().contains(pos) or self.epoch.size == 0:
            return
        x = plot.plotItem.vb.mapSceneToView(pos).x()
        i = int(np.clip(np.searchsorted(self.epoch.data, x), 0, self.epoch.size - 1))
        text = self.tr("epoch {0}: train loss {1:.4f}, test loss {2:.4f}").format(
            int(self.epoch.data[i]), self.train_loss.data[i], self.test_loss.data[i])
        if not np.isnan(self.test_acc.data[i]):
            text += self.tr(", test accuracy {0:.1%}").format(self.test_acc.data[i])
        self.readout.setText(text)


def _finite(a: np.ndarray) -> np.ndarray:
    """Non-finite points (a diverging run) become gaps, never a broken axis."""
    if np.isfinite(a).all():
        return a
    return np.where(np.isfinite(a), a, np.nan)
