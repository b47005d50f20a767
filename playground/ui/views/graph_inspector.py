"""The inspector beside the graph: what one node is, its shapes, and its live statistics.

Its texts wrap (long op names may break before a capital: "Tanh|Backward0") and it scrolls
vertically, so a narrow or low pane cuts nothing.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from playground.core.trace import GraphNode, short_op
from playground.ui import theme


def fmt(x: Any) -> str:
    if x is None:
        return "\u2013"
    if isinstance(x, float):
        if not math.isfinite(x):
            return str(x)
        return f"{x:.3g}" if 1e-3 <= abs(x) < 1e4 or x == 0 else f"{x:.2e}"
    return str(x)


def breakable(text: str) -> str:
    """``text`` with zero-width spaces where a long word may break: before an inner capital and
    after "_" or "." ("TanhBackward0" -> "Tanh\u200bBackward0"); short words stay whole."""
    return re.sub(r"\S{12,}", lambda m: re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[_.])(?=\w)", "\u200b", m.group()), text)


def shape_text(shape: list[int] | None) -> str:
    if shape is None:
        return "\u2013"
    return "[" + ", ".join(str(s) for s in shape) + "]" if shape else "scalar"


class HistogramWidget(QWidget):
    """A small bar chart of one histogram (counts, bin edges); sizes follow the font."""

    def __init__(self, title: str, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.color = QColor(color)
        self.counts: np.ndarray | None = None
        self.edges: np.ndarray | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(round(line * 10), round(line * 5))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumHeight(self.sizeHint().height())

    def set_histogram(self, hist: tuple[np.ndarray, np.ndarray] | None) -> None:
        self.counts, self.edges = (None, None) if hist is None else (np.asarray(hist[0]), np.asarray(hist[1]))
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        line = fm.height()
        r = QRectF(self.rect())
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(0, 0, r.width(), line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   self.title)
        plot = QRectF(0, line * 1.1, r.width(), r.height() - line * 2.2)
        p.setPen(QPen(QColor(theme.LINE), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        if self.counts is None or self.counts.size == 0 or self.counts.max() <= 0:
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "\u2013")
            return
        n = len(self.counts)
        w = plot.width() / n
        top = float(self.counts.max())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        for i, c in enumerate(self.counts):
            h = plot.height() * float(c) / top
            p.drawRect(QRectF(plot.left() + i * w + 0.5, plot.bottom() - h, max(w - 1, 1), h))
        p.setPen(self.palette().windowText().color())
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        p.setFont(small)
        lab = QRectF(0, plot.bottom() + line * 0.1, r.width(), line)
        p.drawText(lab, Qt.AlignmentFlag.AlignLeft, fmt(float(self.edges[0])))
        p.drawText(lab, Qt.AlignmentFlag.AlignRight, fmt(float(self.edges[-1])))


class GraphInspector(QWidget):
    """Op, module, shapes, value and gradient statistics, and histograms of the selected node."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphInspector")
        self.title = QLabel()
        self.title.setObjectName("graphInspectorTitle")
        self.title.setFont(self._title_font())
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("graphInspectorDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.value_hist = HistogramWidget(self.tr("Values"), theme.BLUE)
        self.grad_hist = HistogramWidget(self.tr("Gradients"), theme.ORANGE)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.title)
        inner.addWidget(self.details)
        inner.addWidget(self.value_hist)
        inner.addWidget(self.grad_hist)
        inner.addStretch(1)
        self.scroll = QScrollArea()  # a low pane scrolls the inspector instead of squeezing it
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumHeight(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.node_id: str | None = None
        self.show_node(None)

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(round(line * 13), round(line * 20))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "title"):
            self.title.setFont(self._title_font())

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        return font

    def clipped_texts(self) -> list[str]:
        """Texts their label cuts: too narrow for a word, or too low ([] when all fit)."""
        return [label.text() for label in (self.title, self.details) if label.isVisible() and (
            label.width() < label.minimumSizeHint().width() or label.height() < label.heightForWidth(label.width()))]

    def show_node(self, node: GraphNode | None, stats: Mapping[str, Any] | None = None,
                  members: list[tuple[GraphNode, Mapping[str, Any]]] | None = None) -> None:
        """Show ``node`` (None: a hint to click one). ``members``: a layer box's parameters."""
        self.node_id = node.id if node is not None else None
        stats = stats or {}
        self.setVisible(node is not None)  # the graph gets the room until a node is clicked
        if node is None:
            self.title.setText(self.tr("Inspector"))
            self.details.setText(self.tr("Click a node to see its op, shapes, values and gradients."))
            self.value_hist.hide()
            self.grad_hist.hide()
            return
        rows: list[tuple[str, str]] = []
        if node.kind == "param":
            self.title.setText(breakable(node.param or node.label))
            rows.append((self.tr("Kind"), self.tr("parameter (leaf)")))
        elif node.kind in ("op", "layer"):
            self.title.setText(breakable(short_op(node.op) if node.kind == "op" else node.label))
            if node.kind == "op":
                rows.append((self.tr("Op"), node.op))
                rows.append((self.tr("Does"), node.label))
        else:
            self.title.setText(breakable(node.label))
        if node.module:
            rows.append((self.tr("Module"), node.module))
        rows.append((self.tr("Shape") if node.kind != "op" else self.tr("Output"), shape_text(node.shape)))
        for name, shp in node.saved.items():
            rows.append((self.tr("Saved {0}").format(name), shape_text(shp)))
        if "grad_norm" in stats:
            rows.append((self.tr("Gradient norm"), fmt(stats["grad_norm"])))
        for key, label in (("mean", self.tr("Mean")), ("std", self.tr("Std")), ("min", self.tr("Min")),
                           ("max", self.tr("Max"))):
            if key in stats:
                rows.append((label, fmt(stats[key])))
        if "grad_mean" in stats:
            rows.append((self.tr("Grad mean / std"), f"{fmt(stats['grad_mean'])} / {fmt(stats['grad_std'])}"))
        for m, st in members or []:
            rows.append((m.param or m.label, self.tr("|grad| {0}, mean {1}").format(
                fmt(st.get("grad_norm")), fmt(st.get("mean")))))
        cells = "".join(
            f"<tr><td style='color:{theme.MUTED_TEXT}; padding-right:0.6em'>{html.escape(breakable(k))}</td>"
            f"<td>{html.escape(breakable(v))}</td></tr>" for k, v in rows)
        self.details.setText(f"<table>{cells}</table>")
        hist_source = stats
        if "value_hist" not in stats and members:
            hist_source = next((st for m, st in members if "value_hist" in st), {})
        has_hist = "value_hist" in hist_source
        self.value_hist.setVisible(has_hist)
        self.grad_hist.setVisible(has_hist)
        if has_hist:
            self.value_hist.set_histogram(hist_source.get("value_hist"))
            self.grad_hist.set_histogram(hist_source.get("grad_hist"))
