"""The graph panel, one phase of one mini-batch at a time (``protocol.PhaseReport``), and what changed
in the graph since the last step (the dynamic model builds a different graph on every pass).

forward: the output's graph grows node by node in the order the forward pass made them, each node
with a few of its output's values; loss: the loss node joins with its value; zero_grad: every
parameter shows ``.grad = None``; backward: the nodes light up in the order autograd ran them, in
the gradient ramp, parameters with their gradient norm; step: every parameter shows how far it
moved. One timer runs the animations; ``finish()`` (a second press) jumps to their end.

Node ids are numbered in depth-first order, so the same op can get another id in the next step's
graph: ``structure_keys`` names each node by what it is (kind, op, module) and how many of those
came before it in data-flow order, which is what two graphs are compared by.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from playground.core.palette import grad_range
from playground.core.trace import GraphSpec
from playground.ui.views.graph_items import CHANGED_FRAME

ANIMATION_MS = 2800  # a whole animation takes about this long (under 3 s) ...
STEP_MS = (40, 220)  # ... at these bounds per step: slow enough for a class to follow one node
VALUES_SHOWN = 3  # values on a node in the forward phase


def _fmt(x: float | None) -> str:
    if x is None:
        return "None"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.3g}" if x == 0 or 1e-3 <= abs(x) < 1e4 else f"{x:.2e}"


def structure_keys(spec: GraphSpec) -> dict[str, tuple]:
    """{node id: (kind, op, parameter or module, occurrence)}, occurrences counted in data-flow order."""
    indeg = {n.id: 0 for n in spec.nodes}
    out: dict[str, list[str]] = {n.id: [] for n in spec.nodes}
    for e in spec.edges:
        if e.source in out and e.target in indeg:
            indeg[e.target] += 1
            out[e.source].append(e.target)
    ready = [n.id for n in spec.nodes if indeg[n.id] == 0]
    order: list[str] = []
    while ready:  # Kahn: any topological order counts the repeats of one layer alike (they form a chain)
        nid = ready.pop(0)
        order.append(nid)
        for t in out[nid]:
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    order += [n.id for n in spec.nodes if n.id not in set(order)]  # a cycle cannot happen; be safe
    seen: dict[tuple, int] = {}
    keys = {}
    for nid in order:
        n = spec.by_id[nid]
        base = (n.kind, n.op, n.param or n.module)
        keys[nid] = (*base, seen.get(base, 0))
        seen[base] = seen.get(base, 0) + 1
    return keys


def reveal_groups(spec: GraphSpec, order: Sequence[str]) -> list[list[str]]:
    """The forward animation: one group per op of ``order`` (the order the pass ran them); a node
    that is not an op (the input, a parameter) appears with the first op it feeds, one fed only by
    others after the last of them. Without ops in ``order``, one group per node of it."""
    listed = [i for i in dict.fromkeys(order) if i in spec.by_id]
    steps = [i for i in listed if spec.by_id[i].kind == "op"] or listed
    pos = {nid: k for k, nid in enumerate(steps)}
    if not pos:
        return [[n.id for n in spec.nodes]] if spec.nodes else []
    groups: list[list[str]] = [[nid] for nid in pos]
    first: list[str] = []
    rest = sorted((n.id for n in spec.nodes if n.id not in pos), key=lambda i: listed.index(i) if i in listed else 0)
    for nid in rest:
        feeds = [pos[e.target] for e in spec.edges if e.source == nid and e.target in pos]
        fed_by = [pos[e.source] for e in spec.edges if e.target == nid and e.source in pos]
        if feeds:
            groups[min(feeds)].insert(-1, nid)
        elif fed_by:
            groups[max(fed_by)].append(nid)
        else:
            first.append(nid)
    return [first, *groups] if first else groups


def values_text(entry: Mapping[str, Any] | None) -> str:
    """A node's output in the forward phase: "= 0.12, -0.5, 0.33 …" (its shape is on the line above)."""
    values = list((entry or {}).get("values") or [])
    if not values:
        return ""
    shape = (entry or {}).get("shape")
    total = math.prod(shape) if shape else len(values)
    more = " \u2026" if total > VALUES_SHOWN else ""
    return "= " + ", ".join(_fmt(float(v)) for v in values[:VALUES_SHOWN]) + more


class StructureWatch(QObject):
    """What is new in a graph's structure since the last whole graph noted (the last step's)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.reset()

    def reset(self) -> None:
        self.keys: set[tuple] | None = None
        self.count = 0
        self.changed: set[str] = set()  # ids, in the graph last noted, of its new nodes
        self.text = ""  # what changed, in words ("" when nothing did)

    def note(self, spec: GraphSpec, partial: bool = False) -> None:
        """``partial``: the forward phase's graph (no loss yet), compared but not kept."""
        keys = structure_keys(spec)
        prev = self.keys
        self.changed = set() if prev is None else {nid for nid, k in keys.items() if k not in prev}
        if partial:
            self.text = self.tr("Dashed frame: new since the last step's graph") if self.changed else ""
            return
        values = set(keys.values())
        if prev is None or values == prev:
            self.text = ""
        elif self.changed:
            self.text = self.tr("This step's graph: {0} nodes ({1:+d} since the last one shown); dashed frame: "
                                "new").format(len(keys), len(keys) - self.count)
        else:
            self.text = self.tr("This step's graph: {0} nodes ({1:+d} since the last one shown)").format(
                len(keys), len(keys) - self.count)
        self.keys, self.count = values, len(keys)


class PhaseDisplay(QObject):
    """The graph panel's phase mode (``panel.show_phase``): what each phase shows, and its animation.

    It draws through the panel (``draw_phase_graph``, ``set_phase_stats``) and keeps its own state:
    the graph of this batch, the values, the notes on the nodes, the nodes revealed so far."""

    animationFinished = Signal()

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.timer = QTimer(self)
        self.timer.setObjectName("graphPhaseTimer")
        self.timer.timeout.connect(self._tick)
        self.phase: str | None = None
        self.report = None
        self.spec: GraphSpec | None = None
        self.values: dict[str, str] = {}  # node id -> its values line (forward)
        self.notes: dict[str, str] = {}  # node id -> what this phase did to it
        self.loss_notes: dict[str, str] = {}  # the loss node -> its value, from the loss phase on
        self.stats: dict[str, dict] = {}  # node id -> {"grad_norm": ...} lit so far (backward)
        self.revealed: list[str] = []
        self._queue: list[list[str]] = []
        self._mode = ""  # what the timer does: "reveal" | "light"
        self.range: tuple[float, float] | None = None

    @property
    def active(self) -> bool:
        return self.phase is not None

    def animating(self) -> bool:
        return self.timer.isActive()

    def note_widths(self, kind: str) -> list[str]:
        """The widest notes a node of ``kind`` may show (its size makes room for them once)."""
        wide = "-8.88e-88"
        if kind == "param":
            return [self.tr(".grad = None"), self.tr("|grad| {0}").format(wide), self.tr("moved {0}").format(wide)]
        return [self.tr("loss = {0}").format(wide)] if kind == "loss" else []

    # -- the phases -------------------------------------------------------------------------
    def show(self, r) -> None:
        self.finish()
        self.phase, self.report = r.phase, r
        if r.phase == "forward" or self.spec is None:
            self.notes, self.stats, self.range = {}, {}, None
            self.values, self.loss_notes = {}, {}
        if r.graph is not None and (r.phase in ("forward", "loss") or self.spec is None):
            self._new_graph(r.graph)
        if r.phase == "forward":
            self.values = {nid: t for nid, v in (r.node_values or {}).items() if (t := values_text(v))}
            self._draw(hidden=True)
            self._start("reveal", reveal_groups(self.spec, r.order))
            return
        if r.phase == "loss":  # the loss side joins: the target, the loss function's ops, the loss
            self.values.update({nid: t for nid, v in (r.node_values or {}).items()
                                if nid in self.spec.by_id and self.spec.by_id[nid].kind != "loss" and (t := values_text(v))})
            self.loss_notes = {n.id: self.tr("loss = {0}").format(_fmt(r.loss)) for n in self.spec.nodes
                               if n.kind == "loss" and r.loss is not None}
            self.notes = {}
            added = [nid for nid in dict.fromkeys(r.order) if nid in self.spec.by_id]
            self._draw(hidden=True)
            self.revealed = [n.id for n in self.spec.nodes if n.id not in added]
            self._start("reveal", [[nid] for nid in added])
        elif r.phase == "zero_grad":
            self.stats, self.range = {}, None
            after = dict(r.grads_after or {})
            self.notes = {n.id: (self.tr(".grad = None") if after.get(n.param) is None else self.tr(".grad = 0"))
                          for n in self._params() if not after or n.param in after}
            self._draw()
        elif r.phase == "backward":
            norms = {k: float(v) for k, v in (r.grad_norms or {}).items() if v is not None}
            colored = {nid for nid, item in self.panel.nodes.items() if item.node.kind in ("op", "param")}
            self.range = grad_range({k: {"grad_norm": v} for k, v in norms.items()}, colored)
            self.stats, self.notes = {}, {}
            self._draw()
            order = [nid for nid in dict.fromkeys(r.order) if nid in self.panel.nodes and nid in norms]
            order += [nid for nid in norms if nid in self.panel.nodes and nid not in order]
            self._start("light", [[nid] for nid in order])
        elif r.phase == "step":
            changes = dict(r.changes or {})
            self.notes = {n.id: self.tr("moved {0}").format(_fmt(changes[n.param])) for n in self._params()
                          if n.param in changes}
            self._apply()

    def finish(self) -> None:
        """Jump to the end of the running animation (nothing when none runs)."""
        if not self._queue and not self.timer.isActive():
            return
        self.timer.stop()
        while self._queue:
            self._step(self._queue.pop(0))
        self._apply()
        self.animationFinished.emit()

    def end(self) -> None:
        """Leave phase mode (a run or an ordinary step goes on from here)."""
        self.timer.stop()
        self._queue = []
        self.phase = self.report = self.spec = None
        self.values, self.notes, self.loss_notes, self.stats, self.revealed = {}, {}, {}, {}, []

    def redraw(self) -> None:
        """Draw the current phase again (a new direction or font), the animation at its end."""
        self.finish()
        self._draw()

    # -- drawing ------------------------------------------------------------------------------
    def _new_graph(self, spec: GraphSpec) -> None:
        old_spec, old_values = self.spec, self.values
        self.spec = spec
        self.panel.note_structure(spec, commit=self.phase != "forward")
        if old_spec is not None and old_values and self.phase != "forward":
            # carry the forward values over to the same nodes of the loss graph (ids may differ)
            by_key = {k: old_values[nid] for nid, k in structure_keys(old_spec).items()
                      if nid in old_values and old_spec.by_id[nid].kind in ("op", "param", "input")}
            self.values = {nid: by_key[k] for nid, k in structure_keys(spec).items() if k in by_key}

    def _params(self):
        return [n for n in self.spec.nodes if n.kind == "param"] if self.spec is not None else []

    def _draw(self, hidden: bool = False) -> None:
        if self.spec is None:
            return
        self.panel.draw_phase_graph(self.spec, self.values)
        self.revealed = [] if hidden else [n.id for n in self.spec.nodes]
        self._apply()

    def _apply(self) -> None:
        """Visibility, notes and colors as the state says (cheap: only changed items repaint)."""
        panel = self.panel
        shown = set(self.revealed)
        for nid, item in panel.nodes.items():
            item.setVisible(nid in shown)
            note = self.notes.get(nid) or self.loss_notes.get(nid, "")
            if not note and nid in self.stats and item.node.kind == "param":
                note = self.tr("|grad| {0}").format(_fmt(self.stats[nid]["grad_norm"]))
            item.set_note(note)
        for (s, t), edge in panel.edges.items():
            edge.setVisible(s in shown and t in shown)
        panel.set_phase_stats(self.stats, self.range)

    def _start(self, mode: str, queue: list[list[str]]) -> None:
        queue = [q for q in queue if q]
        per_tick = max(1, math.ceil(len(queue) * STEP_MS[0] / ANIMATION_MS))  # a big graph: several a tick
        self._mode, self._queue = mode, [sum(queue[k:k + per_tick], []) for k in range(0, len(queue), per_tick)]
        if not self._queue:
            self._apply()
            return
        interval = round(min(STEP_MS[1], max(STEP_MS[0], ANIMATION_MS / len(self._queue))))
        self._step(self._queue.pop(0))  # the first at once: a press shows something at once
        self._apply()
        if self._queue:
            self.timer.start(interval)
        else:
            self.animationFinished.emit()

    def _step(self, ids: list[str]) -> None:
        if self._mode == "reveal":
            self.revealed += [i for i in ids if i not in self.revealed]
        else:
            norms = self.report.grad_norms or {}
            for nid in ids:
                self.stats[nid] = {"grad_norm": float(norms[nid])}

    def _tick(self) -> None:
        if not self._queue:
            self.timer.stop()
            return
        self._step(self._queue.pop(0))
        self._apply()
        if not self._queue:
            self.timer.stop()
            self.animationFinished.emit()


class PhaseViewMixin:
    """The graph panel's side of phase mode and of the change marking, and what it shows for tests
    (a part of ``GraphPanel``: it uses its ``phases``, ``watch``, ``changes``, ``nodes``, ``_build``)."""

    def finish_animation(self) -> None:
        """Jump to the end of the phase's animation (a second press)."""
        self.phases.finish()

    def animating(self) -> bool:
        return self.phases.animating()

    @property
    def phase(self) -> str | None:
        """The phase shown, or None for a whole step's graph."""
        return self.phases.phase

    def revealed_nodes(self) -> list[str]:
        """Node ids shown so far, in the order they appeared (all of them outside the forward phase)."""
        return list(self.phases.revealed) if self.phases.active else list(self.nodes)

    def phase_label(self, node_id: str) -> str:
        """What the phase shows on a node: its note (".grad = None"), else its forward values."""
        item = self.nodes.get(node_id)
        if item is None:
            return ""
        return item.note or self.phases.values.get(node_id, "") if self.phases.active else item.note

    def lit_nodes(self) -> list[str]:
        """Backward: the nodes lit so far, in the order autograd ran them."""
        return list(self.phases.stats) if self.phases.active else []

    def changed_nodes(self) -> list[str]:
        """Drawn nodes framed as new since the last step's graph."""
        return [nid for nid, item in self.nodes.items() if item.changed]

    def change_text(self) -> str:
        return self.changes.text.text() if self.changes.isVisible() else ""

    def note_structure(self, spec: GraphSpec, commit: bool = True) -> None:
        """Compare ``spec`` with the last step's graph: frames on the new nodes and a line saying so."""
        self.watch.note(spec, partial=not commit)
        self.changes.set_text(self.watch.text, bool(self.watch.changed))
        self._mark_changes()

    def draw_phase_graph(self, spec: GraphSpec, values: dict[str, str]) -> None:
        self.spec = spec
        key = ("phase", spec.structure_key, tuple(sorted(values.items())), self.rankdir, self.font().key())
        if key != self._drawn_key:
            self._build(spec, values, notes=True)
            self._drawn_key = key
            self.fit()
        self._mark_changes()

    def set_phase_stats(self, stats: dict[str, dict], fixed_range: tuple[float, float] | None) -> None:
        self.stats, self._fixed_range = stats, fixed_range
        self.recolor()

    def _mark_changes(self) -> None:
        new = self.watch.changed
        for item in self.nodes.values():
            n = item.node
            item.set_changed(n.id in new or (n.kind == "layer" and any(m in new for m in n.members)))

class Caption(QLabel):
    """A word-wrapping label that asks for its text's width on one line (QLabel's own hint is
    narrower: it picks a width that gives a pleasant shape, and so wraps where there is room)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        m = self.contentsMargins()
        one_line = math.ceil(QFontMetricsF(self.font()).horizontalAdvance(self.text())) + m.left() + m.right() + 1
        return QSize(max(hint.width(), one_line), hint.height())

    def resizeEvent(self, event) -> None:
        # a row of widgets gives a wrapped label one line's height: ask for the lines it needs
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class ChangeNote(QWidget):
    """The key to the dashed frame, with what changed: "This step's graph: 14 nodes (+3 ...)"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphChangeNote")
        self.swatch = QLabel(self)
        self.text = Caption(self)
        self.text.setObjectName("graphChangeText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.hide()

    def set_text(self, text: str, framed: bool) -> None:
        """``framed``: some nodes wear the dashed frame (the swatch shows it); "" hides the note."""
        self.text.setText(text)
        if framed:
            em = QFontMetricsF(self.font()).height()
            pixmap = QPixmap(round(em * 1.6), round(em))
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(QColor(CHANGED_FRAME), max(1.5, em * 0.12), Qt.PenStyle.DashLine))
            p.drawRoundedRect(QRectF(pixmap.rect()).adjusted(2, 2, -2, -2), em * 0.25, em * 0.25)
            p.end()
            self.swatch.setPixmap(pixmap)
        self.swatch.setVisible(framed)
        self.setVisible(bool(text))


__all__ = ["Caption", "ChangeNote", "PhaseDisplay", "PhaseViewMixin", "StructureWatch", "reveal_groups", "structure_keys", "values_text"]
