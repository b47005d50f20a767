"""The output view's page for a recurrent network (rnn, gru, lstm) on sequences (sine, pattern).

Above, the test sequence to look at (``sequencePicker``: a change emits ``samplePicked(index)``, the
window sends it to the engine, and the next snapshot is for that sequence) and one line saying the
answer. Then the picked sequence over time (one value per step) with, for the next-value task, the
true next value (a ring) and the prediction (a cross) one step past the end; beside it, the first
test sequences' predicted against true next values (on the diagonal: right). Below, the last
recurrent layer's state as a heatmap: time steps across, hidden units down, on the diverging ramp
(orange negative, blue positive, the scale symmetric).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from playground.core import catalog
from playground.core.inspect_sequence import SequenceSnapshot
from playground.core.records import Dataset
from playground.ui import theme
from playground.ui.catalog_texts import translated


class SequencePage(QWidget):
    """The picked test sequence, the answer, and the hidden state over time."""

    kind = "sequence"
    toggles = ()
    samplePicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._snap: SequenceSnapshot | None = None
        self.sequencePicker = QSpinBox(objectName="sequencePicker")
        self.sequencePicker.setRange(0, 0)
        self.sequencePicker.setToolTip(self.tr("Which test sequence to show: its hidden states come with the next "
                                               "snapshot"))
        self.sequencePicker.valueChanged.connect(self._on_pick)
        self.caption = QLabel(objectName="sequenceCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Test sequence")))
        top.addWidget(self.sequencePicker)
        top.addWidget(self.caption, 1)

        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setObjectName("sequencePlots")
        theme.style_canvas(self.canvas)
        self.canvas.setMinimumHeight(theme.em(self, 8.9))  # with the picker's row, no taller than the other pages
        # side by side, each the pane's full height (stacked, each got too little at 1280 x 720)
        self.series_plot = self.canvas.addPlot(row=0, col=0)
        self.hidden_plot = self.canvas.addPlot(row=0, col=1)
        self.scatter_plot = self.canvas.addPlot(row=0, col=2)
        for plot in (self.series_plot, self.scatter_plot, self.hidden_plot):
            theme.style_plot(plot, self)
        for col, stretch in enumerate((3, 3, 2)):
            self.canvas.ci.layout.setColumnStretchFactor(col, stretch)
        style = theme.label_style(self)
        # short titles, no axis labels: the pane is small at 1024 x 768 (the legend says the rest)
        self.series_plot.setTitle(self.tr("Input over time"), **style)
        self.scatter_plot.setTitle(self.tr("Test: predicted vs true"), **style)
        self.hidden_plot.setTitle(self.tr("Hidden state"), **style)
        self.hidden_plot.invertY(True)  # unit 0 at the top
        self._series = self.series_plot.plot(pen=pg.mkPen(theme.BLUE, width=2), symbol="o", symbolSize=5,
                                             symbolBrush=theme.BLUE, symbolPen=None)
        self._target = pg.ScatterPlotItem(size=12, symbol="o", pen=pg.mkPen(theme.HOVER, width=2), brush=None)
        self._predicted = pg.ScatterPlotItem(size=12, symbol="x", pen=None, brush=pg.mkBrush(theme.ORANGE))
        self.series_plot.addItem(self._target)
        self.series_plot.addItem(self._predicted)
        self._scatter = pg.ScatterPlotItem(size=6, pen=None, brush=pg.mkBrush(theme.BLUE))
        self._diagonal = pg.PlotDataItem(pen=pg.mkPen(theme.LINE, style=Qt.PenStyle.DashLine))
        self.scatter_plot.addItem(self._diagonal)
        self.scatter_plot.addItem(self._scatter)
        self._heat = pg.ImageItem(axisOrder="col-major")  # image[x, y]: (steps, hidden)
        self._heat.setLookupTable(theme.diverging_lut())
        self.hidden_plot.addItem(self._heat)
        self._hidden_shown = np.zeros((0, 0), dtype=np.float32)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        family = "" if self._snap is None else self._snap.family.upper()
        return self.tr("%1: the input over time and the hidden state").replace("%1", family or self.tr("Recurrent"))

    def legend_entries(self) -> list[str]:
        entries = [theme.swatch(theme.BLUE, self.tr("input sequence"))]
        if self._snap is None or self._snap.task == "regression":
            entries += [theme.swatch(theme.HOVER, self.tr("true next value"), "\u25cb"),
                        theme.swatch(theme.ORANGE, self.tr("predicted"), "\u00d7")]
        return entries + [theme.swatch(theme.ORANGE, self.tr("negative"), "\u25a0"),
                          theme.swatch(theme.BLUE, self.tr("positive state (time steps across, units down)"),
                                       "\u25a0")]

    @property
    def snapshot(self) -> SequenceSnapshot | None:
        return self._snap

    @property
    def picked(self) -> int:
        return self.sequencePicker.value()

    def series_shown(self) -> np.ndarray:
        """The input sequence drawn, one value per time step."""
        y = self._series.yData
        return np.zeros(0, dtype=np.float32) if y is None else np.asarray(y)

    def hidden_shown(self) -> np.ndarray:
        """The heatmap drawn: (steps, hidden), a row per time step (drawn across), a column per unit."""
        return self._hidden_shown

    def caption_text(self) -> str:
        return self.caption.text()

    def class_name(self, c: int) -> str:
        """The class's word from the catalog ("sine"), in the window's language; else "class 2"."""
        entry = catalog.DATASETS.get(self._dataset.name) if self._dataset is not None else None
        if entry is not None and 0 <= c < len(entry.class_names):
            return translated(entry.class_names[c])
        return self.tr("class %1").replace("%1", str(c))

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._snap = d, None
        with QSignalBlocker(self.sequencePicker):
            self.sequencePicker.setRange(0, max(len(d.y_test) - 1, 0))
        self.caption.setText(self.tr("Train a step to see the hidden state."))
        self.scatter_plot.setVisible(d.task == "regression")
        for item in (self._series, self._target, self._predicted, self._scatter, self._diagonal):
            item.setData([], [])
        self._heat.clear()
        self._hidden_shown = np.zeros((0, 0), dtype=np.float32)

    def set_snapshot(self, snap: SequenceSnapshot) -> None:
        self._snap = snap
        with QSignalBlocker(self.sequencePicker):
            self.sequencePicker.setValue(snap.picked)
        steps = len(snap.values)
        self._series.setData(np.arange(steps), snap.values)
        if snap.task == "regression":
            value = float(snap.prediction[0])
            self._target.setData([steps], [snap.target])
            self._predicted.setData([steps], [value])
            self.caption.setText(self.tr("next value: true %1, predicted %2").replace("%1", f"{snap.target:.3f}")
                                 .replace("%2", f"{value:.3f}"))
            t, p = snap.test_targets, snap.test_predictions
            self._scatter.setData(t, p)
            if len(t):
                lo, hi = float(min(t.min(), p.min())), float(max(t.max(), p.max()))
                self._diagonal.setData([lo, hi], [lo, hi])
        else:
            self._target.setData([], [])
            self._predicted.setData([], [])
            probs = ", ".join(f"{self.class_name(c)} {100 * float(q):.0f}%" for c, q in enumerate(snap.prediction))
            self.caption.setText(self.tr("true: %1 \u00b7 predicted: %2 (%3)")
                                 .replace("%1", self.class_name(int(snap.target)))
                                 .replace("%2", self.class_name(snap.predicted_class)).replace("%3", probs))
        hidden = np.asarray(snap.hidden, dtype=np.float32)
        m = float(np.abs(hidden).max()) if hidden.size else 0.0
        m = m if m > 0 and np.isfinite(m) else 1.0
        steps, units = hidden.shape if hidden.ndim == 2 else (0, 0)  # cell (step t, unit u) centred on (t, u)
        self._heat.setImage(hidden, levels=(-m, m), autoLevels=False, rect=QRectF(-0.5, -0.5, steps, units))
        self._hidden_shown = hidden

    @Slot(int)
    def _on_pick(self, index: int) -> None:
        self.samplePicked.emit(int(index))


__all__ = ["SequencePage"]
