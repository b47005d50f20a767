"""Live loss and accuracy curves (pyqtgraph), fed from growing numpy buffers, redrawn on a timer.

The legend is a row of text above the plot, never inside it where the curves run; the values
under the mouse show in a line below the plot. Both wrap in a narrow pane.

The axes fit the curves (auto range), again from scratch after ``clear`` (Reset, another
network). When a run diverges, losses past ``DIVERGED`` times the first epoch's median would
squash the earlier curve to a line at 0: the linear view then keeps to the losses below that
(``loss_y_range``) and the rest runs off the top; log scale shows everything.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.records import EpochMetrics
from playground.ui.theme import (
    MUTED_TEXT,
    PAPER,
    REGULARIZATION_COLOR,
    TEST_COLOR,
    TRAIN_COLOR,
    em,
    label_style,
    swatch,
)

EARLIER_ALPHA = 170  # earlier runs' curves (Compare runs): fainter than the current run's
# one muted color per earlier run, in turn (their train loss dashed, their test loss dotted): the first ones
# far apart in hue, and from the current run's blue and orange, so two or three runs are told apart at once
EARLIER_COLORS = ("#6b6ecf", "#d6616b", "#637939", "#e7ba52", "#ce6dbd", "#17becf", "#7f7f7f", "#8c6d31",
                  "#b5cf6b", "#9c9ede")
REDRAW_MS = 100  # ~10 redraws a second at most, however fast training runs (benchmarks/bench_window.py)
DIVERGED = 1e3  # losses above this many times the first epoch's median are off the (linear) view


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


FAINT_ALPHA = 60  # the per-step curve, under the per-epoch ones


def _faint(color: str) -> QColor:
    """``color`` at a quarter opacity."""
    c = QColor(color)
    c.setAlpha(FAINT_ALPHA)
    return c


def _faint_on_paper(color: str) -> str:
    """What the faint curve looks like on the plot's paper, opaque (for the legend's text)."""
    c, p, a = QColor(color), QColor(PAPER), FAINT_ALPHA / 255
    mix = [round(x * a + y * (1 - a)) for x, y in ((c.red(), p.red()), (c.green(), p.green()), (c.blue(), p.blue()))]
    return QColor(*mix).name()


def _faint_on_paper_alpha(c: QColor) -> str:
    """An earlier run's color as it looks on the paper, opaque (for the legend's text)."""
    p, a = QColor(PAPER), c.alpha() / 255
    mix = [round(x * a + y * (1 - a)) for x, y in ((c.red(), p.red()), (c.green(), p.green()), (c.blue(), p.blue()))]
    return QColor(*mix).name()


def _plot(object_name: str, y_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background=PAPER)
    plot.setObjectName(object_name)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setLabel("bottom", QCoreApplication.translate("LossPlot", "epoch"))
    plot.setLabel("left", y_label)
    plot.getAxis("left").enableAutoSIPrefix(False)
    # epochs read as epochs: no "(x0.001)" scaling after the first steps, no negative epochs, and
    # at least one epoch wide (one step's point would otherwise span -0.2 to 0.4)
    plot.getAxis("bottom").enableAutoSIPrefix(False)
    plot.setLimits(xMin=0, minXRange=1)
    plot.setClipToView(True)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setMouseEnabled(x=True, y=False)
    # The axes draw the grid across the whole plot: drawn into a cached pixmap (redrawn when their
    # range changes) it costs a tenth of drawing it straight onto the view at every repaint, which
    # was most of the window's time per redraw while training (benchmarks/bench_window.py --slots)
    for name in ("left", "bottom"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
        self.penalty = Buffer(256)  # EpochMetrics.regularization: the losses above are the data loss alone
        self._earlier: list[tuple[str, str, list]] = []  # (label, color, curves) of each earlier run drawn
        self._dirty = False

        self.lossPlot = _plot("lossPlot", self.tr("loss"))
        width = max(1, em(self, 0.12))
        self.stepCurve = self.lossPlot.plot(name=self.tr("train (per step)"),
                                            pen=pg.mkPen(_faint(TRAIN_COLOR), width=1))
        self.trainCurve = self.lossPlot.plot(name=self.tr("train"), pen=pg.mkPen(TRAIN_COLOR, width=width * 2))
        self.testCurve = self.lossPlot.plot(name=self.tr("test"), pen=pg.mkPen(TEST_COLOR, width=width * 2))
        self.regularizationCurve = self.lossPlot.plot(name=self.tr("regularization"),
                                                      pen=pg.mkPen(REGULARIZATION_COLOR, width=width * 2))
        self.regularizationCurve.setVisible(False)  # shown once a run has a penalty
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
        self.stepsInput.toggled.connect(self._refit)
        self._clipped = False  # the loss view is held below a divergence (not auto ranged in y)
        self.legend = QLabel(objectName="plotLegend")  # above the plot: it never hides a curve
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.readout = QLabel(objectName="plotReadout")
        self.readout.setToolTip(self.tr("Values under the mouse"))
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._hint = self.tr("Point at the curves to read their values")
        self.readout.setText(f"<span style='color:{MUTED_TEXT}'>{self._hint}</span>")

        top = QHBoxLayout()
        top.addWidget(self.logInput)
        top.addWidget(self.stepsInput)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.readout)
        self.tabs.currentChanged.connect(self._update_legend)
        self.stepsInput.toggled.connect(self._update_legend)
        self._update_legend()
        self._style_axes()

        self.lossPlot.scene().sigMouseMoved.connect(self._on_mouse)
        self.accuracyPlot.scene().sigMouseMoved.connect(self._on_mouse)
        self.timer = QTimer(self, interval=REDRAW_MS)
        self.timer.timeout.connect(self.redraw)

    # -- data -----------------------------------------------------------------------------
    def clear(self, steps_per_epoch: int = 1) -> None:
        self.steps_per_epoch = max(1, steps_per_epoch)
        for b in (self.step_loss, self.epoch, self.train_loss, self.test_loss, self.train_acc, self.test_acc,
                  self.penalty):
            b.clear()
        # the axes forget the last run's range (a divergence's 1e36, a pan along x) and fit anew
        for plot in (self.lossPlot, self.accuracyPlot):
            plot.plotItem.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            plot.enableAutoRange(x=True, y=plot is self.lossPlot)
        self._clipped = False
        self._dirty = True
        self.redraw()
        self.readout.setText(f"<span style='color:{MUTED_TEXT}'>{self._hint}</span>")

    def add(self, step_losses: np.ndarray, epochs: tuple[EpochMetrics, ...] | list[EpochMetrics]) -> None:
        """Append new points; drawn on the next timer tick."""
        self.step_loss.extend(step_losses)
        if epochs:
            self.epoch.extend([m.epoch for m in epochs])
            self.train_loss.extend([m.train_loss for m in epochs])
            self.test_loss.extend([m.test_loss for m in epochs])
            self.penalty.extend([getattr(m, "regularization", 0.0) or 0.0 for m in epochs])
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
        penalty = self.penalty.data
        shown = bool(np.any(penalty[np.isfinite(penalty)] != 0))
        self.regularizationCurve.setData(x, _finite(penalty))
        if shown != self.regularizationCurve.isVisible():
            self.regularizationCurve.setVisible(shown)
            self._update_legend()
        self.trainAccCurve.setData(x, self.train_acc.data)
        self.testAccCurve.setData(x, self.test_acc.data)
        self._fit_loss_y()

    def loss_y_range(self) -> tuple[float, float] | None:
        """The y range of the losses worth seeing on a linear axis, when some diverged past
        ``DIVERGED`` times the first epoch's median; None when every loss fits (auto range)."""
        first = self.step_loss.data[: self.steps_per_epoch]
        first = first[np.isfinite(first)]
        if not first.size:
            first = self.train_loss.data[np.isfinite(self.train_loss.data)][:1]
        if not first.size:
            return None
        shown = [self.train_loss.data, self.test_loss.data]
        if self.stepsInput.isChecked():
            shown.append(self.step_loss.data)
        values = np.concatenate(shown)
        values = values[np.isfinite(values)]
        cap = DIVERGED * max(float(np.median(np.abs(first))), 1e-12)
        if not values.size or values.max() <= cap:
            return None
        kept = values[values <= cap]
        if not kept.size:
            return None
        lo, hi = float(kept.min()), float(kept.max())
        return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)

    def _fit_loss_y(self) -> None:
        rng = None if self.logInput.isChecked() else self.loss_y_range()
        if rng is not None:
            self.lossPlot.setYRange(*rng)  # holds y (auto range off for y; x still follows)
            self._clipped = True
        elif self._clipped:
            self._clipped = False
            self.lossPlot.enableAutoRange(y=True)

    @Slot()
    def _refit(self, *_) -> None:
        self._fit_loss_y()

    def hideEvent(self, event) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.timer.start()

    # -- legend ---------------------------------------------------------------------------
    def legend_entries(self) -> list[tuple[str, str]]:
        """(curve name, color) of each curve the tab on show draws, in the legend's order."""
        entries = [(self.tr("train"), TRAIN_COLOR), (self.tr("test"), TEST_COLOR)]
        if self.tabs.currentIndex() == 0 and self.stepsInput.isChecked():
            entries.append((self.tr("train, per step"), _faint_on_paper(TRAIN_COLOR)))
        if self.tabs.currentIndex() == 0 and self.regularizationCurve.isVisible():
            entries.append((self.tr("regularization"), REGULARIZATION_COLOR))
        return entries + [(label, color) for label, color, curves in self._earlier if curves[0].isVisible()]

    # -- earlier runs (Compare runs) ------------------------------------------------------
    def set_earlier_runs(self, runs) -> None:
        """Draw earlier runs (objects with label, shown and history: EpochMetrics per epoch) as
        fainter curves: train loss dashed, test loss dotted, the accuracy tab likewise; one
        legend entry each, its label. Survives ``clear`` (another network)."""
        for _label, _color, curves in self._earlier:
            for i, curve in enumerate(curves):
                (self.lossPlot if i < 2 else self.accuracyPlot).removeItem(curve)
        self._earlier = []
        width = max(2, em(self, 0.16))  # thinner than the current run's, still seen on a projector
        for i, run in enumerate(runs):
            color = QColor(EARLIER_COLORS[i % len(EARLIER_COLORS)])
            color.setAlpha(EARLIER_ALPHA)
            x = np.array([m.epoch for m in run.history], dtype=np.float64)
            curves = []
            for plot, values in ((self.lossPlot, [(m.train_loss, m.test_loss) for m in run.history]),
                                 (self.accuracyPlot, [(m.train_accuracy, m.test_accuracy) for m in run.history])):
                ys = np.array([[np.nan if v is None else v for v in pair] for pair in values],
                              dtype=np.float64).reshape(-1, 2)
                for column, style in ((0, Qt.PenStyle.DashLine), (1, Qt.PenStyle.DotLine)):
                    curve = plot.plot(x, _finite(ys[:, column]), pen=pg.mkPen(color, width=width, style=style))
                    curve.setZValue(-1)  # under the current run's curves
                    curve.setVisible(bool(run.shown))
                    curves.append(curve)
            self._earlier.append((run.label, _faint_on_paper_alpha(color), curves))
        self._update_legend()

    def earlier_run_labels(self) -> list[str]:
        """The labels of the earlier runs drawn and shown, in order."""
        return [label for label, _color, curves in self._earlier if curves[0].isVisible()]

    def earlier_curves(self) -> list[list]:
        """Each earlier run's curves: train and test loss, then train and test accuracy."""
        return [curves for _label, _color, curves in self._earlier]

    @Slot()
    def _update_legend(self, *_) -> None:
        """One entry per curve; a line breaks between entries, never inside one."""
        earlier = {label for label, _color, _curves in self._earlier}
        parts = [swatch(color, html.escape(name).replace(" ", "&nbsp;"), "\u2504" if name in earlier else "\u2501")
                 for name, color in self.legend_entries()]
        self.legend.setText(" &nbsp; ".join(parts))

    def clipped_texts(self) -> list[str]:
        """Texts cut by too small a widget ([] when all fit)."""
        cut = [w.text() for w in (self.logInput, self.stepsInput)
               if w.isVisible() and w.width() < w.minimumSizeHint().width()]
        for label in (self.legend, self.readout):
            if label.isVisible() and label.height() < label.heightForWidth(label.width()):
                cut.append(label.text())
        return cut

    def _style_axes(self) -> None:
        """Tick labels and axis titles in the view's font (a plot's scene does not inherit it)."""
        for plot, y_label in ((self.lossPlot, self.tr("loss")), (self.accuracyPlot, self.tr("accuracy"))):
            for name in ("left", "bottom"):
                plot.getAxis(name).setStyle(tickFont=self.font())
            plot.setLabel("bottom", self.tr("epoch"), **label_style(self))
            plot.setLabel("left", y_label, **label_style(self))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "accuracyPlot"):
            self._style_axes()
            self._style_pens()

    def _style_pens(self) -> None:
        """Curves as thick as the font is large: zoom and presenter mode thicken them too."""
        width = max(1, em(self, 0.12)) * 2
        for curve, color in ((self.trainCurve, TRAIN_COLOR), (self.testCurve, TEST_COLOR),
                             (self.trainAccCurve, TRAIN_COLOR), (self.testAccCurve, TEST_COLOR)):
            curve.setPen(pg.mkPen(color, width=width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # room for the longest readout at this width, so pointing at the plot never moves it
        sample = self.tr("epoch {0}: train loss {1:.4f}, test loss {2:.4f}").format(9999, 0.1234, 0.1234) + \
            self.tr(", test accuracy {0:.1%}").format(0.999)
        box = QFontMetrics(self.readout.font()).boundingRect(
            QRect(0, 0, max(1, self.width()), 10_000), Qt.TextFlag.TextWordWrap, sample)
        self.readout.setMinimumHeight(box.height())

    # -- interaction ----------------------------------------------------------------------
    @Slot(bool)
    def _on_log(self, on: bool) -> None:
        self.lossPlot.setLogMode(y=on)
        if on and self._clipped:  # a log axis shows a divergence whole
            self._clipped = False
            self.lossPlot.enableAutoRange(y=True)
        self._fit_loss_y()

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
