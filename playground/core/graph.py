"""The autograd graph, traced from a real loss: what PyTorch records on every forward pass.

``trace_graph(loss, model)`` walks ``loss.grad_fn.next_functions`` with an explicit stack into a
plain ``GraphSpec`` (nodes and forward-direction edges, JSON-serializable, no tensors).
``GraphProbe`` hooks one training step at a time (on request, so at a bounded rate) and turns
the gradients that flow through the graph into a frozen ``GraphSnapshot`` of plain numbers.
``layout_graph`` places the nodes with Graphviz ``dot`` (pygraphviz, in-process), cached per
graph structure; ``write_graph`` renders JSON, DOT, SVG or PNG.

No Qt here: the CLI and the tests use this module headless.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import torch

from playground.core.config import ConfigError, TrainConfig
from playground.core.palette import (
    EDGE_COLOR,
    NODE_BORDERS,
    NODE_FILLS,
    grad_fraction,
    grad_range,
    is_light,
    ramp_color,
    rgb_hex,
)

KINDS = ("op", "param", "input", "target", "loss", "layer")
GRAPH_FORMATS = (".json", ".svg", ".png", ".dot")

# Ops that only reshape a parameter on its way into the layer's matmul (W.T for nn.Linear).
_PASS_THROUGH = {"TBackward0", "ViewBackward0", "ExpandBackward0", "PermuteBackward0",
                 "UnsqueezeBackward0", "TransposeBackward0", "ReshapeAliasBackward0"}
# Activation ops -> the nn.Module class name that records them.
_ACTIVATIONS = {"ReluBackward0": "ReLU", "TanhBackward0": "Tanh", "SigmoidBackward0": "Sigmoid",
                "LeakyReluBackward0": "LeakyReLU", "GeluBackward0": "GELU"}
_FORMULAS = {
    "ReluBackward0": "max(0, x)",
    "TanhBackward0": "tanh(x)",
    "SigmoidBackward0": "1 / (1 + e^-x)",
    "LeakyReluBackward0": "max(0.01 x, x)",
    "GeluBackward0": "x * Phi(x)",
    "LogSoftmaxBackward0": "log_softmax(logits)",
    "NllLossBackward0": "-mean(log p[y])",
    "MseLossBackward0": "mean((y_hat - y)^2)",
}
# Which forward argument each next_functions slot is, where the saved tensor tells its shape.
_SLOT_SAVED = {"AddmmBackward0": {0: "self", 1: "mat1", 2: "mat2"}, "MmBackward0": {0: "self", 1: "mat2"},
               "MulBackward0": {0: "self", 1: "other"}}


def short_op(op: str) -> str:
    """``AddmmBackward0`` -> ``Addmm`` (the forward op's name)."""
    for suffix in ("Backward0", "Backward1", "Backward"):
        if op.endswith(suffix):
            return op[: -len(suffix)]
    return op


@dataclass
class GraphNode:
    id: str
    op: str  # the autograd node's class name (AddmmBackward0, AccumulateGrad) or input/target/loss
    label: str  # friendly: "Linear fc1: x @ W.T + b"
    kind: str  # op | param | input | target | loss | layer (layer: the one-box-per-layer view)
    param: str | None = None  # parameter name, for param leaves
    shape: list[int] | None = None  # parameter shape, or the op's output shape
    module: str | None = None  # the module that recorded it ("fc1", "act", "CrossEntropyLoss")
    group: str | None = None  # the layer box it folds into
    saved: dict[str, list[int]] = field(default_factory=dict)  # shapes of the tensors saved for backward
    members: list[str] = field(default_factory=list)  # layer nodes: the ids they stand for

    def to_dict(self) -> dict:
        return {"id": self.id, "op": self.op, "label": self.label, "kind": self.kind, "param": self.param,
                "shape": self.shape, "module": self.module, "group": self.group, "saved": self.saved,
                "members": self.members}


@dataclass
class GraphEdge:
    source: str  # forward data flow: inputs and parameters toward the loss
    target: str


@dataclass
class GraphSpec:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    # Optional per-node statistics captured with the graph (graph_for_config fills it so the CLI can
    # color by gradient). Not part of the structure.
    stats: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def structure_key(self) -> str:
        """Stable hash of what the layout depends on: node ids, ops, kinds, parameter shapes, edges.

        Batch-dependent shapes are left out, so a short last batch does not force a re-layout."""
        parts = [[n.id, n.op, n.kind, n.param, n.shape if n.kind == "param" else None, n.label if n.kind == "layer"
                  else None] for n in self.nodes]
        parts.append(sorted((e.source, e.target) for e in self.edges))
        return hashlib.sha1(json.dumps(parts, separators=(",", ":")).encode()).hexdigest()[:16]

    @cached_property
    def by_id(self) -> dict[str, GraphNode]:
        return {n.id: n for n in self.nodes}

    def node(self, node_id: str) -> GraphNode:
        return self.by_id[node_id]

    def to_dict(self) -> dict:
        return {"structure_key": self.structure_key, "nodes": [n.to_dict() for n in self.nodes],
                "edges": [{"source": e.source, "target": e.target} for e in self.edges]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GraphSpec:
        names = GraphNode.__dataclass_fields__.keys()
        nodes = [GraphNode(**{k: v for k, v in n.items() if k in names}) for n in data["nodes"]]
        for n in nodes:
            n.saved = dict(n.saved or {})
            n.members = list(n.members or [])
        return cls(nodes, [GraphEdge(e["source"], e["target"]) for e in data["edges"]])


@dataclass(frozen=True)
class GraphSnapshot:
    """One captured step: the graph and plain-number statistics per node id (no tensors).

    ``node_stats[id]`` holds ``grad_norm`` (the norm of the gradient flowing into that node's
    output during backward; for parameters ``p.grad.norm()``), and for parameters also ``mean``,
    ``std``, ``min``, ``max``, ``numel`` and ``value_hist`` / ``grad_hist`` as (counts, bin_edges)
    numpy arrays."""

    spec: GraphSpec
    node_stats: Mapping[str, Mapping[str, Any]]
    step: int = 0

    @property
    def structure_key(self) -> str:
        return self.spec.structure_key


# -- tracing -------------------------------------------------------------------------------------


def _shape(t: Any) -> list[int] | None:
    return list(t.shape) if isinstance(t, torch.Tensor) else None


_SAVED_ATTRS: dict[type, list[str]] = {}


def _trace(loss: torch.Tensor, model: torch.nn.Module | None = None) -> tuple[GraphSpec, dict[str, Any]]:
    """The spec plus {node id: autograd node} for the op and param nodes (for hooks)."""
    names = {id(p): name for name, p in model.named_parameters()} if model is not None else {}
    act_modules: dict[str, str] = {}
    if model is not None:
        for mname, mod in model.named_modules():
            act_modules.setdefault(type(mod).__name__, mname)

    nodes: dict[str, GraphNode] = {}
    edges: list[GraphEdge] = []
    fns: dict[str, Any] = {}
    ids: dict[Any, str] = {}  # autograd node -> id
    inputs: dict[tuple, str] = {}
    counter = 0

    def node_id(fn: Any) -> str:
        nonlocal counter
        if fn not in ids:
            if type(fn).__name__ == "AccumulateGrad":
                var = fn.variable
                name = names.get(id(var))
                ids[fn] = f"param:{name}" if name else f"param:{counter}"
            else:
                ids[fn] = f"op{counter}:{short_op(type(fn).__name__)}"
            counter += 1
        return ids[fn]

    loss_node = GraphNode("loss", "loss", "loss", "loss", shape=_shape(loss))
    nodes["loss"] = loss_node
    root = loss.grad_fn
    if root is None:
        return GraphSpec([loss_node], []), {}
    edges.append(GraphEdge(node_id(root), "loss"))
    stack = [root]
    while stack:
        fn = stack.pop()
        nid = ids[fn]
        if nid in nodes:
            continue
        fns[nid] = fn
        op = type(fn).__name__
        if op == "AccumulateGrad":
            var = fn.variable
            pname = names.get(id(var))
            nodes[nid] = GraphNode(nid, op, pname or "parameter", "param", param=pname, shape=list(var.shape),
                                   module=pname.rpartition(".")[0] if pname else None)
            continue
        saved = {}
        attrs = _SAVED_ATTRS.get(type(fn))
        if attrs is None:
            attrs = _SAVED_ATTRS[type(fn)] = [a for a in dir(fn) if a.startswith("_saved_")]
        for attr in attrs:
            try:
                value = getattr(fn, attr)
            except RuntimeError:  # freed by an earlier backward
                continue
            if isinstance(value, torch.Tensor):
                saved[attr[len("_saved_"):]] = list(value.shape)
        meta = getattr(fn, "_input_metadata", ())
        out_shape = list(meta[0].shape) if meta else None
        nodes[nid] = GraphNode(nid, op, short_op(op), "op", shape=out_shape, saved=saved)
        is_loss_op = "Loss" in op
        if is_loss_op and "target" in saved:
            tid = "target"
            if tid not in nodes:
                nodes[tid] = GraphNode(tid, "target", "target y", "target", shape=saved["target"], group="target")
            edges.append(GraphEdge(tid, nid))
        children = []
        for slot, (child, _) in enumerate(fn.next_functions):
            if child is None:
                if is_loss_op:
                    continue  # the target, drawn above
                argname = _SLOT_SAVED.get(op, {}).get(slot)
                shape = saved.get(argname) if argname else None
                key = (argname is not None, tuple(shape) if shape else None)
                if argname is None:
                    continue  # a constant we cannot name: leave it out rather than guess
                if key not in inputs:
                    iid = "input" if not inputs else f"input{len(inputs) + 1}"
                    inputs[key] = iid
                    nodes[iid] = GraphNode(iid, "input", "input x", "input", shape=shape, group="input")
                edges.append(GraphEdge(inputs[key], nid))
                continue
            cid = node_id(child)
            edges.append(GraphEdge(cid, nid))
            children.append(child)
        stack.extend(reversed(children))  # visit slot 0 first: a deterministic id order

    # Dedupe edges (an op may use the same input twice), keep order.
    seen: set[tuple[str, str]] = set()
    unique = []
    for e in edges:
        if (e.source, e.target) not in seen:
            seen.add((e.source, e.target))
            unique.append(e)
    spec_nodes = list(nodes.values())
    _attribute_modules(spec_nodes, unique, act_modules)
    return GraphSpec(spec_nodes, unique), fns


def _topological(nodes: list[GraphNode], edges: list[GraphEdge]) -> list[GraphNode]:
    """Forward order: inputs and parameters first, the loss last (Kahn, no recursion)."""
    indeg = {n.id: 0 for n in nodes}
    out: dict[str, list[str]] = {n.id: [] for n in nodes}
    for e in edges:
        indeg[e.target] += 1
        out[e.source].append(e.target)
    by_id = {n.id: n for n in nodes}
    ready = [n.id for n in nodes if indeg[n.id] == 0]
    order = []
    while ready:
        nid = ready.pop()
        order.append(by_id[nid])
        for t in out[nid]:
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    return order


def _attribute_modules(nodes: list[GraphNode], edges: list[GraphEdge], act_modules: dict[str, str]) -> None:
    """Map ops back to the modules that recorded them, and give each a friendly label."""
    by_id = {n.id: n for n in nodes}
    preds: dict[str, list[GraphNode]] = {n.id: [] for n in nodes}  # forward inputs of each node
    succs: dict[str, list[GraphNode]] = {n.id: [] for n in nodes}
    for e in edges:
        preds[e.target].append(by_id[e.source])
        succs[e.source].append(by_id[e.target])
    for n in nodes:
        if n.kind == "param":
            n.group = n.module
    # Ops fed directly by a parameter, or by a W.T of one, belong to that parameter's module.
    for n in nodes:
        if n.kind == "op" and n.op in _PASS_THROUGH:
            mods = {p.module for p in preds[n.id] if p.kind == "param" and p.module is not None}
            if len(mods) == 1:
                n.module = n.group = mods.pop()
    for n in nodes:
        if n.kind == "op" and n.module is None:
            mods = {p.module for p in preds[n.id] if p.kind == "param" or p.op in _PASS_THROUGH} - {None}
            if len(mods) == 1:
                n.module = n.group = mods.pop()
    # The loss: ops between the last layer and the loss node.
    ops = {n.op for n in nodes}
    loss_name = "CrossEntropyLoss" if {"NllLossBackward0", "LogSoftmaxBackward0"} <= ops else (
        "MSELoss" if "MseLossBackward0" in ops else "loss")
    stack = [p for p in preds["loss"] if p.kind == "op"]
    while stack:
        n = stack.pop()
        if n.module is None and n.group is None:
            n.module, n.group = loss_name, "loss_fn"
            stack.extend(p for p in preds[n.id] if p.kind == "op")
    by_id["loss"].group = "loss"
    # Everything else (activations) joins the layer that feeds it, in forward order.
    for n in _topological(nodes, edges):
        if n.kind == "op" and n.group is None:
            fed = [p.group for p in preds[n.id] if p.kind == "op" and p.group]
            n.group = fed[0] if fed else "ops"
            act = _ACTIVATIONS.get(n.op)
            n.module = act_modules.get(act, act) if act else n.group
    for n in nodes:
        if n.kind != "op":
            continue
        formula = _FORMULAS.get(n.op)
        if n.op == "AddmmBackward0" and n.module:
            n.label = f"Linear {n.module}: x @ W.T + b"
        elif n.op == "MmBackward0" and n.module:
            n.label = f"Linear {n.module}: x @ W.T"
        elif n.op == "TBackward0" and n.module:
            n.label = f"{n.module}.weight.T"
        elif n.op in _ACTIVATIONS:
            n.label = f"{_ACTIVATIONS[n.op]} {n.module}: {formula}"
        elif formula:
            n.label = f"{short_op(n.op)}: {formula}"
    by_id["loss"].label = f"loss ({loss_name})" if loss_name != "loss" else "loss"


def trace_graph(loss: torch.Tensor, model: torch.nn.Module | None = None) -> GraphSpec:
    """The autograd graph behind ``loss`` (call before ``backward()`` frees its saved tensors)."""
    return _trace(loss, model)[0]


def layer_graph(spec: GraphSpec) -> GraphSpec:
    """One box per layer: ops and parameters folded into their layer (for deep networks)."""
    groups: OrderedDict[str, list[GraphNode]] = OrderedDict()
    for n in spec.nodes:
        groups.setdefault(n.group or n.id, []).append(n)
    nodes = []
    gid: dict[str, str] = {}
    for g, members in groups.items():
        if len(members) == 1 and members[0].kind in ("input", "target", "loss"):
            m = members[0]
            nodes.append(GraphNode(m.id, m.op, m.label, m.kind, shape=m.shape, group=g, members=[m.id]))
            gid[m.id] = m.id
            continue
        lid = f"layer:{g}"
        ops = [m for m in members if m.kind == "op"]
        params = [m for m in members if m.kind == "param"]
        weight = next((p for p in params if p.param and p.param.endswith("weight")), None)
        acts = [_ACTIVATIONS[m.op] for m in ops if m.op in _ACTIVATIONS]
        if weight is not None and weight.shape and len(weight.shape) == 2:
            label = f"{g}: Linear {weight.shape[1]}\u2192{weight.shape[0]}"
        elif g == "loss_fn":
            label = next((m.module for m in ops if m.module), "loss")
        else:
            label = g
        if acts:
            label += " + " + "/".join(dict.fromkeys(acts))
        out = [m for m in ops if m.op not in _PASS_THROUGH]
        nodes.append(GraphNode(lid, "layer", label, "layer", shape=out[-1].shape if out else None,
                               module=g, group=g, members=[m.id for m in members]))
        for m in members:
            gid[m.id] = lid
    edges, seen = [], set()
    for e in spec.edges:
        s, t = gid[e.source], gid[e.target]
        if s != t and (s, t) not in seen:
            seen.add((s, t))
            edges.append(GraphEdge(s, t))
    return GraphSpec(nodes, edges)


def layer_stats(layer_spec: GraphSpec, full: GraphSpec, node_stats: Mapping[str, Mapping[str, Any]]) -> dict:
    """Statistics for the layer boxes: the layer's parameter-gradient norm (sqrt of the sum of
    squares), or for boxes without parameters the gradient at the box's output."""
    out: dict[str, dict] = {}
    for n in layer_spec.nodes:
        members = [full.by_id[m] for m in n.members if m in full.by_id]
        params = [m for m in members if m.kind == "param" and m.id in node_stats]
        if params:
            norms = [node_stats[p.id].get("grad_norm", math.nan) for p in params]
            out[n.id] = {"grad_norm": math.sqrt(sum(x * x for x in norms)), "params": [p.id for p in params]}
        else:
            vals = [node_stats[m.id]["grad_norm"] for m in members if "grad_norm" in node_stats.get(m.id, {})]
            if vals:
                out[n.id] = {"grad_norm": vals[0]}
    return out


# -- live statistics -----------------------------------------------------------------------------


class GraphProbe:
    """Captures the graph and its gradients on request, one training step at a time.

    ``attach(trainer)`` installs ``trainer.on_loss``. ``request()`` (any thread) arms a capture of
    the next step: its loss graph is traced and autograd pre-hooks record the norm of the gradient
    flowing into every op. After that step ``take()`` returns a ``GraphSnapshot`` of plain numbers.
    Between requests the probe costs one flag check per step.
    """

    def __init__(self, bins: int = 24):
        self.bins = bins
        self._requested = threading.Event()
        self._lock = threading.Lock()
        self._pending: dict | None = None
        self._trainer = None

    @property
    def trainer(self):
        return self._trainer

    def attach(self, trainer) -> None:
        self._trainer = trainer
        trainer.on_loss = self._on_loss

    def detach(self) -> None:
        if self._trainer is not None and self._trainer.on_loss == self._on_loss:
            self._trainer.on_loss = None
        self._trainer = None

    def request(self) -> None:
        self._requested.set()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    def _on_loss(self, loss: torch.Tensor) -> None:
        if not self._requested.is_set():
            return
        self._requested.clear()
        model = self._trainer.model if self._trainer is not None else None
        self.capture(loss, model)

    def capture(self, loss: torch.Tensor, model: torch.nn.Module | None = None) -> None:
        """Trace ``loss`` and hook its graph; call before ``loss.backward()`` (training thread)."""
        spec, fns = _trace(loss, model)
        norms: dict[str, torch.Tensor] = {}
        handles = []
        for nid, fn in fns.items():
            if spec.by_id[nid].kind != "op":
                continue

            def hook(grad_outputs, nid=nid):
                g = grad_outputs[0] if grad_outputs else None
                if g is not None:
                    norms[nid] = torch.linalg.vector_norm(g.detach().float())

            handles.append(fn.register_prehook(hook))
        params = {nid: fn.variable for nid, fn in fns.items() if spec.by_id[nid].kind == "param"}
        step = self._trainer.step_count if self._trainer is not None else 0
        with self._lock:
            self._pending = {"spec": spec, "norms": norms, "handles": handles, "params": params, "step": step}

    def take(self) -> GraphSnapshot | None:
        """The snapshot of the captured step once its backward has run; else None (training thread)."""
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return None
        for h in pending["handles"]:
            h.remove()
        spec: GraphSpec = pending["spec"]
        norms: dict[str, torch.Tensor] = pending["norms"]
        if not norms:  # backward never ran (a non-finite loss): nothing to show
            return None
        stats: dict[str, dict] = {"loss": {"grad_norm": 1.0}}
        ids = list(norms)
        values = torch.stack([norms[i] for i in ids]).cpu().tolist() if ids else []
        for nid, v in zip(ids, values):
            stats[nid] = {"grad_norm": float(v)}
        for nid, p in pending["params"].items():
            stats[nid] = _param_stats(p, self.bins)
        return GraphSnapshot(spec, stats, pending["step"])


def _histogram(a: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """np.histogram(a, bins) for finite data, without its per-call overhead (many small tensors)."""
    lo, hi = float(a.min()), float(a.max())
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return np.histogram(a[np.isfinite(a)], bins=bins)
    if not hi - lo > 1e-12 * max(1.0, abs(lo), abs(hi)):  # one value (or too close to tell apart)
        pad = 0.5 * max(1.0, abs(lo))
        lo, hi = lo - pad, hi + pad
    idx = ((a.astype(np.float64) - lo) * (bins / (hi - lo))).astype(np.int64)
    np.clip(idx, 0, bins - 1, out=idx)
    return np.bincount(idx, minlength=bins), np.linspace(lo, hi, bins + 1)


def _param_stats(p: torch.Tensor, bins: int) -> dict:
    with torch.no_grad():
        values = p.detach().float().cpu().numpy().ravel()
        st: dict[str, Any] = {"mean": float(values.mean()), "std": float(values.std()),
                              "min": float(values.min()), "max": float(values.max()), "numel": int(values.size)}
        st["value_hist"] = _histogram(values, bins)
        if p.grad is None:
            st["grad_norm"] = math.nan
        else:
            grads = p.grad.detach().float().cpu().numpy().ravel()
            st["grad_norm"] = float(np.linalg.norm(grads.astype(np.float64)))
            st["grad_hist"] = _histogram(grads, bins)
            st["grad_mean"] = float(grads.mean())
            st["grad_std"] = float(grads.std())
    return st


def graph_for_config(config: TrainConfig) -> GraphSpec:
    """The graph of one real forward+backward pass of the configured network (headless)."""
    snapshot = snapshot_for_config(config)
    snapshot.spec.stats = {k: {"grad_norm": v["grad_norm"]} for k, v in snapshot.node_stats.items()
                           if "grad_norm" in v}
    return snapshot.spec


def snapshot_for_config(config: TrainConfig, steps: int = 1):
    """Train ``steps`` steps of a fresh ``Trainer(config)`` and capture the last one."""
    from playground.core.training import Trainer

    trainer = Trainer(config)
    probe = GraphProbe()
    probe.attach(trainer)
    snapshot = None
    for i in range(steps):
        if i == steps - 1:
            probe.request()
        trainer.train_step()
    snapshot = probe.take()
    probe.detach()
    if snapshot is None:  # the step diverged: still show the structure
        trainer.model.train()
        x, y = trainer.x_train[: config.batch_size], trainer.y_train[: config.batch_size]
        loss = trainer.criterion(trainer.model(x), y)
        snapshot = GraphSnapshot(trace_graph(loss, trainer.model), {}, trainer.step_count)
    return snapshot


# -- colors, layout, rendering --------------------------------------------------------------------

def node_text(n: GraphNode) -> str:
    """The text a node shows: op / parameter name, friendly label, shape."""
    shape = "\u00d7".join(str(s) for s in n.shape) if n.shape else ("scalar" if n.shape == [] else "")
    if n.kind == "param":
        lines = [n.param or n.label, f"[{shape}]" if shape else ""]
    elif n.kind == "op":
        name = short_op(n.op)
        label = n.label[len(name) + 2:] if n.label.startswith(name + ": ") else n.label
        lines = [name, label if label != name else "", f"[{shape}]" if shape else ""]
    else:
        lines = [n.label, f"[{shape}]" if shape else ""]
    return "\n".join(x for x in lines if x)


def to_agraph(spec: GraphSpec, rankdir: str = "TB", node_stats: Mapping[str, Mapping[str, Any]] | None = None,
              sizes: Mapping[str, tuple[float, float]] | None = None):
    """A pygraphviz AGraph of the spec (sizes in points fix each box; else Graphviz sizes the labels)."""
    import pygraphviz as pgv

    g = pgv.AGraph(directed=True, strict=False, rankdir=rankdir, nodesep="0.3", ranksep="0.4",
                   fontname="Helvetica", bgcolor="white")
    g.node_attr.update(fontname="Helvetica", fontsize="10", shape="box", style="rounded,filled", penwidth="1.2",
                       margin="0.12,0.06")
    g.edge_attr.update(color=EDGE_COLOR, arrowsize="0.7")
    stats = node_stats or {}
    lo, hi = grad_range(stats)
    for n in spec.nodes:
        attrs: dict[str, str] = {"fillcolor": NODE_FILLS.get(n.kind, NODE_FILLS["op"]),
                                 "color": NODE_BORDERS.get(n.kind, NODE_BORDERS["op"])}
        if n.kind == "param":
            attrs.update(style="filled")
        elif n.kind in ("input", "target"):
            attrs.update(shape="ellipse", style="filled")
        elif n.kind == "loss":
            attrs.update(shape="ellipse", style="filled,bold")
        t = grad_fraction(stats.get(n.id, {}).get("grad_norm"), lo, hi)
        if t is not None and n.kind in ("op", "layer"):
            rgb = ramp_color(t)
            attrs["fillcolor"] = rgb_hex(rgb)
            attrs["fontcolor"] = "black" if is_light(rgb) else "white"
        if sizes is not None and n.id in sizes:
            w, h = sizes[n.id]
            attrs.update(width=f"{w / 72:.4f}", height=f"{h / 72:.4f}", fixedsize="true", label="")
        else:
            attrs["label"] = node_text(n)
        g.add_node(n.id, **attrs)
    for e in spec.edges:
        attrs = {}
        t = grad_fraction(stats.get(e.source, {}).get("grad_norm"), lo, hi)
        if t is not None:
            attrs["penwidth"] = f"{0.8 + 3.2 * t:.2f}"
        g.add_edge(e.source, e.target, **attrs)
    return g


class Layout(dict):
    """{node id: (x, y)} box centers in points, y growing downward (Qt's convention), plus
    ``edges[(source, target)]``: the spline's points (cubic Bezier: p0, then c1 c2 p per segment)
    and ``arrow`` end point, and the bounding box ``width`` x ``height``."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.edges: dict[tuple[str, str], list[tuple[float, float]]] = {}
        self.arrows: dict[tuple[str, str], tuple[float, float]] = {}
        self.width = 0.0
        self.height = 0.0


_LAYOUT_CACHE: OrderedDict[tuple, Layout] = OrderedDict()
_LAYOUT_LOCK = threading.Lock()


def layout_graph(spec: GraphSpec, rankdir: str = "TB",
                 sizes: Mapping[str, tuple[float, float]] | None = None) -> Layout:
    """Layered ``dot`` layout, cached per (structure_key, rankdir, sizes)."""
    if rankdir not in ("TB", "LR"):
        raise ConfigError("rankdir", f"{rankdir!r}; allowed: TB, LR")
    size_key = tuple(sorted((k, round(w, 1), round(h, 1)) for k, (w, h) in sizes.items())) if sizes else None
    key = (spec.structure_key, rankdir, hash(size_key))
    with _LAYOUT_LOCK:
        if key in _LAYOUT_CACHE:
            _LAYOUT_CACHE.move_to_end(key)
            return _LAYOUT_CACHE[key]
    g = to_agraph(spec, rankdir, sizes=sizes)
    g.layout(prog="dot")
    bb = [float(v) for v in g.graph_attr["bb"].split(",")]
    height = bb[3]
    out = Layout()
    out.width, out.height = bb[2] - bb[0], bb[3] - bb[1]
    for n in g.nodes():
        x, y = (float(v) for v in n.attr["pos"].split(","))
        out[str(n)] = (x - bb[0], height - y)
    for e in g.edges():
        pts, arrow = [], None
        for tok in e.attr["pos"].split():
            parts = tok.split(",")
            if parts[0] == "e":
                arrow = (float(parts[1]) - bb[0], height - float(parts[2]))
            elif parts[0] == "s":
                continue
            else:
                pts.append((float(parts[0]) - bb[0], height - float(parts[1])))
        k = (str(e[0]), str(e[1]))
        out.edges[k] = pts
        if arrow is not None:
            out.arrows[k] = arrow
    with _LAYOUT_LOCK:
        _LAYOUT_CACHE[key] = out
        while len(_LAYOUT_CACHE) > 32:
            _LAYOUT_CACHE.popitem(last=False)
    return out


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def render_graph(spec: GraphSpec, fmt: str, rankdir: str = "TB",
                 node_stats: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    """The graph as .json, .dot, .svg or .png bytes."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "json":
        data = spec.to_dict()
        for n in data["nodes"]:
            g = (node_stats or {}).get(n["id"], {}).get("grad_norm")
            if g is not None and math.isfinite(g):
                n["grad_norm"] = g
        return (json.dumps(data, indent=2) + "\n").encode()
    if fmt not in ("dot", "svg", "png"):
        raise ConfigError("out", f"unknown graph format .{fmt}; allowed: {', '.join(GRAPH_FORMATS)}")
    g = to_agraph(spec, rankdir, node_stats=node_stats)
    if fmt == "dot":
        return g.to_string().encode()
    return g.draw(format=fmt, prog="dot")


def write_graph(spec: GraphSpec, path: str | os.PathLike, rankdir: str = "TB",
                node_stats: Mapping[str, Mapping[str, Any]] | None = None) -> None:
    """Write the graph; the format follows the extension. Atomic: a temp file, then os.replace."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in GRAPH_FORMATS:
        raise ConfigError("out", f"unknown graph format {ext or '(none)'!r}; allowed: {', '.join(GRAPH_FORMATS)}")
    if node_stats is None:
        node_stats = spec.stats
    _atomic_write(path, render_graph(spec, ext, rankdir, node_stats))


__all__ = [
    "GraphEdge",
    "GraphNode",
    "GraphProbe",
    "GraphSnapshot",
    "GraphSpec",
    "Layout",
    "grad_fraction",
    "grad_range",
    "graph_for_config",
    "layer_graph",
    "layer_stats",
    "layout_graph",
    "node_text",
    "ramp_color",
    "render_graph",
    "short_op",
    "snapshot_for_config",
    "to_agraph",
    "trace_graph",
    "write_graph",
]


def preview_snapshot(trainer, probe: GraphProbe | None = None) -> GraphSnapshot | None:
    """The graph of the trainer's next mini-batch with its gradients, without taking a step.

    For showing the graph before training starts (or after a reset): forward, trace, backward,
    then the gradients are cleared again; weights, batch order and optimizer state do not move.
    """
    probe = probe or GraphProbe()
    n = min(trainer.config.batch_size, len(trainer.x_train))
    x, y = trainer.x_train[:n], trainer.y_train[:n]
    was_training = trainer.model.training
    trainer.model.train()
    try:
        loss = trainer.criterion(trainer.model(x), y)
        if not torch.isfinite(loss):
            return None
        probe.capture(loss, trainer.model)
        loss.backward()
        snap = probe.take()
    finally:
        trainer.model.zero_grad(set_to_none=True)
        trainer.model.train(was_training)
    return None if snap is None else dataclasses.replace(snap, step=trainer.step_count)
