"""The autograd graph, traced from a real loss: what PyTorch records on every forward pass.

``trace_graph(loss, model)`` walks ``loss.grad_fn.next_functions`` with an explicit stack into a
plain ``GraphSpec`` (nodes and forward-direction edges, JSON-serializable, no tensors), maps the
ops back to the modules that recorded them, and gives each a friendly label. ``layer_graph``
folds it into one box per layer. Statistics live in ``core.probe``, drawing in ``io.graph_render``.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from playground.core import catalog
from playground.core.trace_sequence import SEQUENCE_FAMILIES, regroup_sequence, sequence_layer_label

if TYPE_CHECKING:  # torch is imported where it is used: the window imports this module and no torch
    import torch

KINDS = ("op", "param", "input", "target", "loss", "layer")

# Ops that only reshape a parameter on its way into the layer's matmul (W.T for nn.Linear).
_PASS_THROUGH = {"TBackward0", "ViewBackward0", "ExpandBackward0", "PermuteBackward0",
                 "UnsqueezeBackward0", "TransposeBackward0", "ReshapeAliasBackward0"}
# Activation ops -> the nn.Module class name that records them, and their formulas: from the catalog.
_ACTIVATIONS = {op: a.display for a in catalog.ACTIVATIONS.values() for op in a.ops}
_FORMULAS = {
    **{op: a.formula for a in catalog.ACTIVATIONS.values() for op in a.ops},
    "LogSoftmaxBackward0": "log_softmax(logits)",
    "NllLossBackward0": "-mean(log p[y])",
    "MseLossBackward0": "mean((y_hat - y)^2)",
}
# Which forward argument each next_functions slot is, where the saved tensor tells its shape.
_SLOT_SAVED = {"AddmmBackward0": {0: "self", 1: "mat1", 2: "mat2"}, "MmBackward0": {0: "self", 1: "mat2"},
               "MulBackward0": {0: "self", 1: "other"}, "ConvolutionBackward0": {0: "input", 1: "weight"}}
# The CNN's ops (core.cnn): convolution, pooling, and the reshape that flattens the maps for the head.
_CONV, _POOL, _RESHAPES = "ConvolutionBackward0", "MaxPool2DWithIndicesBackward0", {"ViewBackward0", "UnsafeViewBackward0"}


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


# -- tracing -------------------------------------------------------------------------------------


def _shape(t: Any) -> list[int] | None:
    import torch

    return list(t.shape) if isinstance(t, torch.Tensor) else None


_SAVED_ATTRS: dict[type, list[str]] = {}


def trace_autograd(loss: torch.Tensor, model: torch.nn.Module | None = None) -> tuple[GraphSpec, dict[str, Any]]:
    """The spec plus {node id: autograd node} for the op and param nodes (the probe hooks those)."""
    import torch

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
                if op == "MulBackward0" and argname == "other" and not shape:
                    continue  # times a constant number (the regularization's rate): not an input
                if op == "MulBackward0" and argname == "other" and shape is not None and shape == out_shape:
                    # x * mask with a constant mask of x's shape: dropout's random mask, new every pass
                    mid = f"mask:{nid}"
                    nodes[mid] = GraphNode(mid, "mask", "dropout mask", "input", shape=shape)
                    edges.append(GraphEdge(mid, nid))
                    continue
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
    _attribute_modules(spec_nodes, unique, act_modules, _reused_layers(model))
    if getattr(model, "family", None) in SEQUENCE_FAMILIES:  # one box per recurrent layer, attention block
        regroup_sequence(spec_nodes, unique, model)
    features = getattr(model, "features", None)
    if features is not None and "input" in nodes:  # the Features layer's ops use no weights: not in the graph
        nodes["input"].label = "input x: " + ", ".join(catalog.FEATURES[n].label for n in features.names)
    image_shape = getattr(model, "image_shape", None)
    if image_shape is not None and "input" in nodes:  # the CNN's rows of pixels, reshaped to pictures
        nodes["input"].label = f"input x: {image_shape[0]}x{image_shape[1]} pictures"
    return GraphSpec(spec_nodes, unique), fns


def _reused_layers(model: torch.nn.Module | None) -> set[str]:
    """The layers a model may call more than once per pass (the dynamic model's middle layer)."""
    index = getattr(model, "middle_index", None)
    return {model.layer_name(index)} if index is not None else set()


def group_title(group: str) -> str:
    """How a group reads: ``fc3#2`` (the second call of fc3 in one pass) -> ``fc3 (pass 2)``."""
    module, sep, k = group.partition("#")
    return f"{module} (pass {k})" if sep else group


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


_PENALTY_TERMS = {"AbsBackward0": "L1 {0}: |w|", "PowBackward0": "L2 {0}: w^2"}


def _penalty_ops(nodes: list[GraphNode], preds: dict, succs: dict) -> list[GraphNode]:
    """The regularization penalty's ops (core.model.penalty): |w| or w^2 of each layer's weight, their
    sums, the sums added up and the total times the rate; not the Add that joins it to the data's loss."""
    found = [n for n in nodes if n.kind == "op" and n.op in _PENALTY_TERMS
             and any(p.kind == "param" and (p.param or "").endswith(".weight") for p in preds[n.id])]
    grew = bool(found)
    while grew:
        grew = False
        for n in list(found):
            for s in succs[n.id]:
                if (s not in found and s.op in ("SumBackward0", "AddBackward0", "MulBackward0")
                        and all(p in found for p in preds[s.id] if p.kind == "op")):
                    found.append(s)
                    grew = True
    return found


def _penalty_label(n: GraphNode, inputs: list[GraphNode], penalty: list[GraphNode]) -> str:
    if n.op in _PENALTY_TERMS:
        return _PENALTY_TERMS[n.op].format(next(p.param for p in inputs if p.kind == "param"))
    if n.op == "SumBackward0":
        return "Sum: over the weights"
    if n.op == "MulBackward0":
        return "Penalty: total * rate"
    if n in penalty:
        return "Add: the layers' penalties"
    return "Add: loss + penalty"


def _attribute_modules(nodes: list[GraphNode], edges: list[GraphEdge], act_modules: dict[str, str],
                       reused: set[str] = frozenset()) -> None:
    """Map ops back to the modules that recorded them, and give each a friendly label.

    A layer called more than once in the pass (or one of ``reused``, the layers a model may call
    several times) gets one group per call, in forward order: ``fc3#1``, ``fc3#2``... Its weight and
    bias stay in the group ``fc3``, shared by the calls."""
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
    penalty = _penalty_ops(nodes, preds, succs)
    for n in penalty:
        n.module = n.group = "penalty"
    order = _topological(nodes, edges)
    # A layer used several times in one pass: one group per call, numbered in forward order.
    calls: dict[str, list[GraphNode]] = {}
    for n in order:
        if n.kind == "op" and n.op in ("AddmmBackward0", "MmBackward0") and n.module:
            calls.setdefault(n.module, []).append(n)
    for module, ops in calls.items():
        if len(ops) > 1 or module in reused:
            for k, n in enumerate(ops, start=1):
                n.group = f"{module}#{k}"
                for p in preds[n.id]:  # its own W.T
                    if p.kind == "op" and p.op in _PASS_THROUGH and p.module == module:
                        p.group = n.group
    # Everything else (activations, dropout) joins the layer that feeds it, in forward order.
    for n in order:
        if n.kind == "op" and n.group is None:
            fed = [p.group for p in preds[n.id] if p.kind == "op" and p.group]
            n.group = fed[0] if fed else "ops"
            act = _ACTIVATIONS.get(n.op)
            n.module = act_modules.get(act, act) if act else n.group
    for n in nodes:
        if n.op == "mask":  # a dropout mask belongs to the layer it drops from
            n.group = next((s.group for s in succs[n.id] if s.group), "input")
    for n in nodes:
        if n.kind != "op":
            continue
        formula = _FORMULAS.get(n.op)
        title = group_title(n.group) if n.group and n.group.startswith(f"{n.module}#") else n.module
        if n.op == "AddmmBackward0" and n.module:
            n.label = f"Linear {title}: x @ W.T + b"
        elif n.op == "MmBackward0" and n.module:
            n.label = f"Linear {title}: x @ W.T"
        elif n.op == "TBackward0" and n.module:
            n.label = f"{n.module}.weight.T" + (title[len(n.module):] if title != n.module else "")
        elif n.op == _CONV and n.module and len(w := n.saved.get("weight") or ()) == 4:
            n.label = f"Conv2d {n.module}: {w[2]}x{w[3]} kernels, {w[1]}\u2192{w[0]} channels"
        elif n.op == _POOL:  # core.cnn pools 2x2
            n.label = "max-pool 2x2: the largest value of each window"
        elif n.op in _RESHAPES and _flattens(n, preds[n.id]):
            n.label = f"Flatten: each sample's maps to one row of {n.shape[-1]}"
        elif n.op in _ACTIVATIONS:
            n.label = f"{_ACTIVATIONS[n.op]} {n.module}: {formula}"
        elif n.op == "MulBackward0" and any(p.op == "mask" for p in preds[n.id]):
            n.label = f"Dropout {group_title(n.group)}: x * dropout mask"
        elif n in penalty or (n.op == "AddBackward0" and any(p in penalty for p in preds[n.id])):
            n.label = _penalty_label(n, preds[n.id], penalty)
        elif formula:
            n.label = f"{short_op(n.op)}: {formula}"
    by_id["loss"].label = f"loss ({loss_name})" if loss_name != "loss" else "loss"


def _flattens(n: GraphNode, inputs: list[GraphNode]) -> bool:
    """A reshape of pictures (N, C, H, W) to rows (N, C*H*W): the CNN's flatten before its head."""
    return len(n.shape or ()) == 2 and any(len(p.shape or ()) == 4 for p in inputs if p.kind == "op")


def trace_graph(loss: torch.Tensor, model: torch.nn.Module | None = None) -> GraphSpec:
    """The autograd graph behind ``loss`` (call before ``backward()`` frees its saved tensors)."""
    return trace_autograd(loss, model)[0]


def layer_graph(spec: GraphSpec) -> GraphSpec:
    """One box per layer: ops and parameters folded into their layer (for deep networks)."""
    groups: OrderedDict[str, list[GraphNode]] = OrderedDict()
    for n in spec.nodes:
        groups.setdefault(n.group or n.id, []).append(n)
    passes: dict[str, int] = {}  # a layer called once per pass box: how many
    for g in groups:
        module, sep, _ = g.partition("#")
        if sep:
            passes[module] = passes.get(module, 0) + 1
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
        matmul = next((m for m in ops if m.op in ("AddmmBackward0", "MmBackward0")), None)
        w_t = matmul.saved.get("mat2") if matmul is not None else None  # W.T: (in, out)
        calls = passes.get(g, 0)
        if (seq := sequence_layer_label(g, params, ops)) is not None:  # core.trace_sequence
            label, acts = seq, []
        elif weight is not None and weight.shape and len(weight.shape) == 4:  # a convolution: out, in, kh, kw
            o, i, kh, kw = weight.shape
            label = f"{g}: Conv2d {i}\u2192{o}, {kh}x{kw}"
        elif weight is not None and weight.shape and len(weight.shape) == 2:
            label = f"{g}: Linear {weight.shape[1]}\u2192{weight.shape[0]}"
            if calls:  # the weights of a layer called once per pass box
                label += f" weights, shared by {calls} passes" if calls > 1 else " weights (1 pass)"
        elif "#" in g and w_t and len(w_t) == 2:
            label = f"{group_title(g)}: Linear {w_t[0]}\u2192{w_t[1]}"
        elif g == "loss_fn":
            label = next((m.module for m in ops if m.module), "loss")
        else:
            label = group_title(g)
        if acts:
            label += " + " + "/".join(dict.fromkeys(acts))
        if any(m.op == _POOL for m in ops):
            label += " + max-pool 2x2"
        if any(m.label.startswith("Flatten:") for m in ops):
            label += " + flatten"
        if any(m.op == "mask" for m in members):
            label += " + Dropout"
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


__all__ = ["KINDS", "GraphEdge", "GraphNode", "GraphSpec", "layer_graph", "group_title", "node_text", "short_op",
           "trace_autograd", "trace_graph"]
