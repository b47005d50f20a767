"""The live autograd graph: a laid-out QGraphicsScene of node and edge items (Qt's "Elastic Nodes"
pattern, items in views/graph_items.py), recolored from each GraphSnapshot and re-laid out only
when the graph's structure changes; the inspector beside it shows the clicked node.

A new structure is fitted whole into the view when it first appears (and refitted on every resize
until the user zooms): nothing of it starts scrolled out of sight. The toolbar takes two rows
(buttons; legend and caption) so the panel fits a narrow pane; a third, only when the graph's
structure changed since the last one shown (the dynamic model), says how, and the new nodes wear a
dashed frame. ``show_phase`` shows one phase of a mini-batch (views/graph_phases.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSizeF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsScene,
    QHBoxLayout,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.palette import grad_fraction, grad_range
from playground.core.probe import GraphSnapshot, layer_stats
from playground.core.trace import GraphNode, GraphSpec, layer_graph, node_text, short_op
from playground.io.atomic import atomic_write
from playground.io.graph_render import layout_graph, write_graph
from playground.ui import theme
from playground.ui.views.graph_inspector import GraphInspector, fmt, shape_text
from playground.ui.views.graph_items import EdgeItem, GradientLegend, GraphView, NodeItem, scene_picture
from playground.ui.views.graph_phases import Caption, ChangeNote, PhaseDisplay, PhaseViewMixin, StructureWatch

AUTO_LAYER_NODES = 60  # a bigger autograd graph starts in one-box-per-layer mode
MAX_FIT_SCALE = 1.6  # a small graph is not blown up past this
_EDGE_IDLE, _EDGE_ACTIVE = QColor(theme.EDGE_IDLE), QColor(theme.EDGE_ACTIVE)

class GraphPanel(PhaseViewMixin, QWidget):
    """Toolbar (fit, direction, autograd graph / one box per layer, legend), the graph, the inspector."""

    nodeSelected = Signal(str)  # node id; "" when the selection is cleared
    parameterClicked = Signal(str)  # a parameter node clicked: its name ("fc1.weight")
    animationFinished = Signal()  # a phase's animation reached its end (or was jumped to it)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.scene = QGraphicsScene(self)
        self.view = GraphView(self.scene, self)
        self.view.refit = self.fit
        self.inspector = GraphInspector(self)

        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("graphFitButton")
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Fit the whole graph into view"))
        self.direction_button = QToolButton(self)
        self.direction_button.setObjectName("graphDirectionButton")
        self.direction_button.setCheckable(True)
        self.direction_button.setToolTip(self.tr("Lay the graph out top to bottom or left to right"))
        self.layers_button = QToolButton(self)
        self.layers_button.setObjectName("graphLayersButton")
        self.layers_button.setCheckable(True)
        self.layers_button.setToolTip(self.tr("Show every autograd node, or one box per layer"))
        self.legend = GradientLegend(self)
        self.caption = Caption(self)
        self.caption.setObjectName("graphCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)  # "step 1,234 · 24 nodes" takes two lines in a narrow pane
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.changes = ChangeNote(self)  # only when the structure changed since the last graph
        self.watch = StructureWatch(self)
        self.phases = PhaseDisplay(self)
        self.phases.animationFinished.connect(self.animationFinished)
        self._fixed_range: tuple[float, float] | None = None
        self._update_button_texts()

        bar = QHBoxLayout()  # the buttons; below them what the colors mean and which step is shown
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.fit_button, self.direction_button, self.layers_button):
            bar.addWidget(w)
        bar.addStretch(1)
        key = QHBoxLayout()
        key.setContentsMargins(0, 0, 0, 0)
        key.addWidget(self.legend)
        key.addStretch(1)
        key.addWidget(self.caption)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.inspector.setMinimumWidth(round(QFontMetricsF(self.font()).height() * 14))
        self.view.setToolTip(self.tr("Click a node to inspect it; wheel to zoom, drag to pan"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(key)
        layout.addWidget(self.changes)
        layout.addWidget(self.splitter, 1)

        self.fit_button.clicked.connect(self.fit)
        self.direction_button.toggled.connect(self._relayout)
        self.layers_button.toggled.connect(self._on_layers_toggled)
        self.view.exportRequested.connect(self.export)
        self.scene.selectionChanged.connect(self._on_selection)

        self.snapshot: GraphSnapshot | None = None
        self.spec: GraphSpec | None = None  # what is drawn: the autograd graph or its layer boxes
        self.stats: dict[str, dict] = {}
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self._drawn_key: tuple | None = None
        self._user_chose_mode = False
        self._auto_mode = True

    # -- public ----------------------------------------------------------------------------
    @property
    def rankdir(self) -> str:
        return "LR" if self.direction_button.isChecked() else "TB"

    @property
    def layer_mode(self) -> bool:
        return self.layers_button.isChecked()

    @Slot(object)
    def set_snapshot(self, snapshot: GraphSnapshot) -> None:
        """Show a captured step: re-layout only if the structure changed, else recolor in place.
        While a phase is shown (``show_phase``) it is kept for ``end_phases``."""
        self.note_structure(snapshot.spec)
        self.snapshot = snapshot
        if self.phases.active:
            return
        if not self._user_chose_mode:
            want = len(snapshot.spec.nodes) > AUTO_LAYER_NODES
            if want != self.layers_button.isChecked():
                self._auto_mode = True
                self.layers_button.blockSignals(True)
                self.layers_button.setChecked(want)
                self.layers_button.blockSignals(False)
                self._update_button_texts()
        self._show()

    @Slot()
    def clear(self) -> None:
        self.snapshot = None
        self.spec = None
        self.stats = {}
        self._drawn_key = None
        self.scene.clearSelection()
        self.scene.clear()
        self.nodes.clear()
        self.edges.clear()
        self.inspector.show_node(None)
        self.legend.set_range(None, None)
        self.caption.clear()
        self.phases.end()
        self.watch.reset()
        self.changes.set_text("", False)
        self.layers_button.setEnabled(True)

    @Slot()
    def fit(self) -> None:
        """Fit the whole graph into the view (and keep it fitted when the view is resized)."""
        self.view.auto_fit = True
        rect = self.scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        self.view.setSceneRect(rect)  # nothing to scroll to beyond the graph: no scroll bars
        self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.view.zoom > MAX_FIT_SCALE:
            self.view.resetTransform()
            self.view.scale(MAX_FIT_SCALE, MAX_FIT_SCALE)
        self.view.centerOn(rect.center())

    def visible_scene_rect(self) -> QRectF:
        """The part of the scene the view shows now."""
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def nodes_out_of_view(self) -> list[str]:
        """Ids of the nodes not wholly in sight ([] when the graph is fitted)."""
        seen = self.visible_scene_rect().adjusted(-0.5, -0.5, 0.5, 0.5)
        return [nid for nid, it in self.nodes.items() if not seen.contains(it.mapRectToScene(it.rect()))]

    def clipped_texts(self) -> list[str]:
        """Toolbar and inspector texts cut by too small a widget ([] when all fit)."""
        cut = [w.text() for w in (self.fit_button, self.direction_button, self.layers_button, self.caption,
                                  self.changes.text)
               if w.isVisible() and w.text() and (w.width() < w.minimumSizeHint().width() or (
                   w.hasHeightForWidth() and w.height() < w.heightForWidth(w.width())))]
        if self.legend.isVisible() and self.legend.width() < self.legend.minimumSizeHint().width():
            cut.append(self.legend.title)
        return cut + self.inspector.clipped_texts()

    def select_node(self, node_id: str) -> None:
        self.scene.clearSelection()
        item = self.nodes.get(node_id)
        if item is not None:
            item.setSelected(True)
            self.view.ensureVisible(item)

    @property
    def em(self) -> float:
        return QFontMetricsF(self.font()).height()

    def changeEvent(self, event) -> None:
        """The window zoomed: nodes are laid out again at the new font's size, and fitted."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "inspector"):
            self.inspector.setMinimumWidth(round(self.em * 14))
            if self.snapshot is not None:
                self._show()  # the drawn key holds the font: a new layout

    # -- drawing ---------------------------------------------------------------------------
    def _show(self) -> None:
        if self.phases.active:
            self.phases.redraw()
            return
        snap = self.snapshot
        if snap is None:
            return
        self._fixed_range = None
        if self.layer_mode:
            spec = layer_graph(snap.spec)
            stats = dict(snap.node_stats)
            stats.update(layer_stats(spec, snap.spec, snap.node_stats))
        else:
            spec, stats = snap.spec, dict(snap.node_stats)
        self.spec, self.stats = spec, stats
        key = (spec.structure_key, self.rankdir, self.font().key())
        if key != self._drawn_key:
            self._build(spec)
            self._drawn_key = key
            self.recolor()
            self.fit()
        else:
            self.recolor()
        self.caption.setText(self.tr("step {0} \u00b7 {1} nodes").format(snap.step, len(spec.nodes)))
        self._mark_changes()
        if self.inspector.node_id is not None:
            self._inspect(self.inspector.node_id)

    # -- one phase of a mini-batch (views/graph_phases.py) ---------------------------------
    def show_phase(self, report) -> None:
        """Show one ``PhaseReport``: the autograd graph as far as this phase of the batch went."""
        self.layers_button.setEnabled(False)  # phases show every autograd node
        self.phases.show(report)
        batch = report.step if report.phase == "step" else report.step + 1
        count = len(self.spec.nodes) if self.spec is not None else 0
        phase = {"forward": self.tr("forward"), "loss": self.tr("loss"), "zero_grad": self.tr("zero_grad"),
                 "backward": self.tr("backward"), "step": self.tr("step")}.get(report.phase, report.phase)
        self.caption.setText(self.tr("step {0} \u00b7 {1} nodes \u00b7 {2}").format(batch, count, phase))

    def end_phases(self) -> None:
        """Back to the graph of the latest step (a run, a Step or a reset goes on from here)."""
        if not self.phases.active:
            return
        self.phases.end()
        self.layers_button.setEnabled(True)
        self._drawn_key = None
        self._show()

    def _node_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.92)
        return font

    def _build(self, spec: GraphSpec, values: dict[str, str] | None = None, notes: bool = False) -> None:
        """``values``: a line more per node (forward values); ``notes``: room for a phase's note."""
        selected = self.inspector.node_id
        self.scene.blockSignals(True)
        self.scene.clear()
        self.scene.blockSignals(False)
        self.nodes.clear()
        self.edges.clear()
        font = self._node_font()
        fm = QFontMetricsF(font)
        bold = QFont(font)
        bold.setBold(True)
        fmb = QFontMetricsF(bold)
        em = fm.height()
        sizes, texts = {}, {}
        reserve = {}
        for n in spec.nodes:
            lines = node_text(n).split("\n") + ([values[n.id]] if values and values.get(n.id) else [])
            reserve[n.id] = self.phases.note_widths(n.kind) if notes else []
            w = max([fmb.horizontalAdvance(lines[0])] + [fm.horizontalAdvance(t) for t in lines[1:] + reserve[n.id]])
            pad_x = em * (1.5 if n.kind in ("input", "target", "loss") else 0.7)
            sizes[n.id] = (w + 2 * pad_x, fm.lineSpacing() * (len(lines) + bool(reserve[n.id])) + em * 0.6)
            texts[n.id] = lines
        layout = layout_graph(spec, self.rankdir, sizes)
        for n in spec.nodes:
            w, h = sizes[n.id]
            item = NodeItem(n, texts[n.id], font, QSizeF(w, h), em, note_line=bool(reserve[n.id]))
            item.click_handler = self._on_node_clicked
            item.tooltip_provider = self.tooltip
            item.setPos(*layout[n.id])
            self.scene.addItem(item)
            self.nodes[n.id] = item
        for e in spec.edges:
            k = (e.source, e.target)
            edge = EdgeItem(e.source, e.target, layout.edges.get(k, []), layout.arrows.get(k), em)
            self.scene.addItem(edge)
            self.edges[k] = edge
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-em, -em, em, em))
        if selected in self.nodes:
            self.nodes[selected].setSelected(True)
        elif selected is not None:
            self.inspector.show_node(None)

    def recolor(self) -> None:
        """Node fills and edge widths from the current statistics: no re-layout, only changed items."""
        stats = self.stats
        lo, hi = self._fixed_range or grad_range(stats, self.nodes)
        self.legend.set_range(lo, hi)
        em = self.em
        fractions: dict[str, float | None] = {}
        for nid, item in self.nodes.items():
            kind = item.node.kind
            t = grad_fraction(stats.get(nid, {}).get("grad_norm"), lo, hi) if kind in ("op", "param", "layer") \
                else None
            fractions[nid] = t
            fill = theme.grad_color(t) if t is not None else theme.NODE_FILL_QCOLORS.get(kind, theme.NODE_FILL_QCOLORS["op"])
            if fill is not item.fill:
                item.set_fill(fill, t)
            else:
                item.grad_fraction = t
        for (s, _), edge in self.edges.items():
            t = fractions.get(s)
            if t is None:
                edge.set_style(em * 0.06, _EDGE_IDLE)
            else:
                edge.set_style(em * (0.06 + 0.3 * round(t * 32) / 32), _EDGE_ACTIVE)

    def tooltip(self, node_id: str) -> str:
        """What hovering a node shows (built on hover, not on every recolor)."""
        item = self.nodes.get(node_id)
        return self._tooltip(item.node, self.stats.get(node_id, {})) if item is not None else ""

    def _tooltip(self, n: GraphNode, st: dict) -> str:
        lines = [n.param or short_op(n.op) if n.kind in ("param", "op") else n.label]
        if n.kind == "op" or n.kind == "layer":
            lines.append(n.label)
        lines.append(self.tr("shape {0}").format(shape_text(n.shape)))
        if "grad_norm" in st:
            lines.append(self.tr("|grad| {0}").format(fmt(st["grad_norm"])))
        if "mean" in st:
            lines.append(self.tr("mean {0}, std {1}").format(fmt(st["mean"]), fmt(st["std"])))
        return "\n".join(lines)

    # -- selection and inspector -----------------------------------------------------------
    @Slot()
    def _on_selection(self) -> None:
        try:
            items = [it for it in self.scene.selectedItems() if isinstance(it, NodeItem)]
        except RuntimeError:  # the scene is being torn down
            return
        node_id = items[0].node_id if items else ""
        if node_id:
            self._inspect(node_id)
        else:
            self.inspector.show_node(None)
        self.nodeSelected.emit(node_id)

    def _on_node_clicked(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        if item is not None and item.node.kind == "param" and item.node.param:
            self.parameterClicked.emit(item.node.param)

    def _inspect(self, node_id: str) -> None:
        if self.spec is None or node_id not in self.spec.by_id:
            self.inspector.show_node(None)
            return
        node = self.spec.node(node_id)
        members = None
        if node.kind == "layer" and self.snapshot is not None:
            full = self.snapshot.spec
            members = [(full.node(m), self.snapshot.node_stats.get(m, {})) for m in node.members
                       if m in full.by_id and full.node(m).kind == "param"]
        self.inspector.show_node(node, self.stats.get(node_id, {}), members)

    # -- toolbar ---------------------------------------------------------------------------
    def _update_button_texts(self) -> None:
        self.direction_button.setText(self.tr("Left \u2192 right") if self.direction_button.isChecked()
                                      else self.tr("Top \u2193 bottom"))
        self.layers_button.setText(self.tr("One box per layer") if self.layers_button.isChecked()
                                   else self.tr("Autograd graph"))

    @Slot(bool)
    def _on_layers_toggled(self, checked: bool) -> None:
        self._user_chose_mode = True
        self._relayout()

    @Slot()
    def _relayout(self) -> None:
        self._update_button_texts()
        self._drawn_key = None
        self._show()

    # -- export ----------------------------------------------------------------------------
    @Slot(str)
    def export(self, fmt_: str) -> str | None:
        """Ask for a file name and write the graph as shown: SVG, PNG, or Graphviz DOT."""
        if self.spec is None:
            return None
        filters = {"svg": self.tr("SVG image (*.svg)"), "png": self.tr("PNG image (*.png)"),
                   "dot": self.tr("Graphviz DOT (*.dot)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export graph"), f"autograd-graph.{fmt_}", filters[fmt_])
        if not path:
            return None
        if not path.lower().endswith("." + fmt_):
            path += "." + fmt_
        self.write(path)
        return path

    def write(self, path: str | os.PathLike) -> None:
        """Write what is drawn; the format follows the extension (io.atomic: nothing partial is left)."""
        path = Path(path)
        ext = path.suffix.lower()
        if ext in (".dot", ".json"):
            write_graph(self.spec, path, self.rankdir, self.stats)
            return
        if ext not in (".svg", ".png"):
            write_graph(self.spec, path)  # raises ConfigError naming the allowed formats
            return
        self.scene.clearSelection()
        rect = self.scene.itemsBoundingRect().adjusted(-self.em, -self.em, self.em, self.em)
        atomic_write(path, scene_picture(self.scene, rect, ext[1:], self.tr("Autograd graph")))
