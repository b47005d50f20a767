"""The output view's page for the attention model on a token task (reverse, sort).

Above, the test sequence to look at (``sequencePicker``: a change emits ``samplePicked(index)``, the
window sends it to the engine) and its tokens in three rows: the input, the target and the
prediction, a wrong predicted token in WRONG and underlined. Below, one heatmap per block and head of
the attention weights for that sequence: a row per query position (labelled with its input token), a
column per key position; white 0 to blue 1 (each row sums to 1: where that position looks).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from playground.core.inspect_sequence import AttentionSnapshot
from playground.core.records import Dataset
from playground.ui import theme


class AttentionPage(QWidget):
    """The picked test sequence's tokens and its attention weights per block and head."""

    kind = "attention"
    toggles = ()
    samplePicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dataset: Dataset | None = None
        self._snap: AttentionSnapshot | None = None
        self.sequencePicker = QSpinBox(objectName="sequencePicker")
        self.sequencePicker.setRange(0, 0)
        self.sequencePicker.setToolTip(self.tr("Which test sequence to show: its attention weights come with the next "
                                               "snapshot"))
        self.sequencePicker.valueChanged.connect(self._on_pick)
        self.tokensLabel = QLabel(objectName="attentionTokens")
        self.tokensLabel.setTextFormat(Qt.TextFormat.RichText)
        self.tokensLabel.setWordWrap(True)  # the page's least width stays small (a narrow pane, a small window)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Test sequence")))
        top.addWidget(self.sequencePicker)
        top.addWidget(self.tokensLabel, 1)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setObjectName("attentionHeatmaps")
        theme.style_canvas(self.canvas)
        self.canvas.setMinimumHeight(theme.em(self, 8.9))  # with the picker's row, no taller than the other pages
        self._plots: list[pg.PlotItem] = []
        self._images: list[pg.ImageItem] = []
        self._layout_key: tuple[int, ...] = ()
        self._shown: list[np.ndarray] = []
        lut = theme.diverging_lut()
        self._lut = lut[len(lut) // 2:]  # the ramp's blue half: near white 0 to blue 1

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        self.set_empty()

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self.tr("Attention: where each position looks")

    def legend_entries(self) -> list[str]:
        entries = [theme.swatch(theme.BLUE, self.tr("attention weight (0 to 1; rows: queries, columns: keys)"),
                                "\u25a0"),
                   theme.swatch(theme.WRONG, self.tr("wrong token"), "\u25a0")]
        if len(self._layout_key) == 3 and self._layout_key[0] > 1:
            entries.append(self.tr("B: block, H: head"))
        return entries

    @property
    def snapshot(self) -> AttentionSnapshot | None:
        return self._snap

    @property
    def picked(self) -> int:
        return self.sequencePicker.value()

    def heatmaps_shown(self) -> list[np.ndarray]:
        """Block by block, head by head: the (query, key) weights drawn."""
        return list(self._shown)

    def heatmap_titles(self) -> list[str]:
        return [plot.titleLabel.text for plot in self._plots]

    def token_rows(self) -> tuple[list[int], list[int], list[int]]:
        """(input, target, predicted) tokens shown."""
        s = self._snap
        return ([], [], []) if s is None else (s.tokens.tolist(), s.target.tolist(), s.predicted.tolist())

    def mistakes(self) -> list[int]:
        """The positions whose predicted token is marked wrong."""
        s = self._snap
        return [] if s is None else np.flatnonzero(s.predicted != s.target).tolist()

    def tokens_text(self) -> str:
        return self.tokensLabel.text()

    # -- input ---------------------------------------------------------------------------------
    def set_empty(self) -> None:
        self.tokensLabel.setText(html.escape(self.tr("Train a step to see the attention weights.")))

    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._snap = d, None
        with QSignalBlocker(self.sequencePicker):
            self.sequencePicker.setRange(0, max(len(d.y_test) - 1, 0))
        self._shown = []
        for image in self._images:
            image.clear()
        self.set_empty()

    def set_snapshot(self, snap: AttentionSnapshot) -> None:
        self._snap = snap
        with QSignalBlocker(self.sequencePicker):
            self.sequencePicker.setValue(snap.picked)
        self._set_tokens(snap)
        steps = len(snap.tokens)
        key = (len(snap.attention), snap.heads, steps)
        if key != self._layout_key:
            self._build_plots(*key)
        labels = [(i, f"{i}:{t}") for i, t in enumerate(snap.tokens.tolist())]
        shown = []
        for plot, image, w in zip(self._plots, self._images, (h for block in snap.attention for h in block)):
            # [key, query]; cell (key k, query q) centred on (k, q)
            image.setImage(np.asarray(w, dtype=np.float32).T, levels=(0.0, 1.0), autoLevels=False,
                           rect=QRectF(-0.5, -0.5, steps, steps))
            plot.getAxis("left").setTicks([labels])  # shown on the first heatmap only: they share the rows
            plot.getAxis("bottom").setTicks([[(i, str(t)) for i, t in enumerate(snap.tokens.tolist())]])  # narrow
            shown.append(np.asarray(w))
        self._shown = shown

    # -- drawing -------------------------------------------------------------------------------
    def _set_tokens(self, snap: AttentionSnapshot) -> None:
        def cells(values, wrong=()):
            out = []
            for i, v in enumerate(values):
                if i in wrong:
                    out.append(f'<td align="center" style="color:{theme.WRONG}"><b><u>{v}</u></b></td>')
                else:
                    out.append(f'<td align="center">{v}</td>')
            return "".join(out)

        wrong = set(self.mistakes())
        rows = ((self.tr("input"), cells(snap.tokens.tolist())), (self.tr("target"), cells(snap.target.tolist())),
                (self.tr("predicted"), cells(snap.predicted.tolist(), wrong)))
        self.tokensLabel.setText('<table cellspacing="0" cellpadding="2">' + "".join(
            f"<tr><td>{html.escape(name)}&nbsp;</td>{row}</tr>" for name, row in rows) + "</table>")

    def _build_plots(self, blocks: int, heads: int, steps: int) -> None:
        self.canvas.clear()
        self._plots, self._images = [], []
        style = theme.label_style(self)
        for b in range(blocks):
            for h in range(heads):  # one row: each heatmap gets the pane's full height
                plot = self.canvas.addPlot(row=0, col=b * heads + h)
                theme.style_plot(plot, self)
                plot.invertY(True)  # query position 0 at the top
                if b or h:  # the rows are the same queries in every heatmap: their labels once, at the left
                    plot.hideAxis("left")
                plot.setAspectLocked(True)
                # short titles: every heatmap sits in one row of a small pane ("B2 H1": block 2, head 1)
                title = self.tr("head %1") if blocks == 1 else self.tr("B%1 H%2").replace("%2", str(h + 1))
                plot.setTitle(title.replace("%1", str(b + 1) if blocks > 1 else str(h + 1)), **style)
                image = pg.ImageItem(axisOrder="col-major")
                image.setLookupTable(self._lut)
                plot.addItem(image)
                plot.setRange(xRange=(-0.5, steps - 0.5), yRange=(-0.5, steps - 0.5), padding=0)
                self._plots.append(plot)
                self._images.append(image)
        self._layout_key = (blocks, heads, steps)

    @Slot(int)
    def _on_pick(self, index: int) -> None:
        self.samplePicked.emit(int(index))


__all__ = ["AttentionPage"]
