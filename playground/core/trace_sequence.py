"""The sequence families in the autograd graph (core.sequence): their ops folded into one box per
layer and labeled (core.trace calls ``regroup_sequence`` after its own attribution).

- Recurrent (rnn, gru, lstm): every op of the recurrent layer, fused (one MkldnnRnnLayer or
  CudnnRnn node per layer: "GRU rnn: 20 steps") or unrolled step by step (its matmuls and gates),
  is in the group ``rnn``; the box reads ``rnn: GRU 1->16``, between the input and ``fc1``.
- Attention: the token embedding and the added position vectors are ``embed``; each block's
  attention, layer norms, feed-forward layer and residual additions are ``block1``...; the
  reshapes between them go with the layer they feed. The loss is cross-entropy per position.
"""

from __future__ import annotations

from typing import Any

SEQUENCE_FAMILIES = ("rnn", "gru", "lstm", "attention")
_FAMILY = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM"}
_GATES = {1: "RNN", 3: "GRU", 4: "LSTM"}  # weight_ih_l0's rows per state unit
_KEEP = {"fc1", "loss_fn", "penalty", "loss", "target", "input"}
_RESHAPES = {"TBackward0", "ViewBackward0", "UnsafeViewBackward0", "TransposeBackward0", "PermuteBackward0",
             "CloneBackward0", "SelectBackward0", "UnsqueezeBackward0", "SqueezeBackward1", "ReshapeAliasBackward0"}


def _fused(op: str) -> bool:
    """A recurrent layer's whole pass as one autograd node (oneDNN on the CPU, cuDNN, MIOpen)."""
    return any(k in op for k in ("RnnLayer", "CudnnRnn", "MiopenRnn", "RnnTanh", "RnnRelu", "Lstm", "Gru"))


def regroup_sequence(nodes: list, edges: list, model: Any) -> None:
    """Regroup and relabel ``nodes`` (GraphNode) in place; may add the input node and its edge."""
    from playground.core.trace import GraphEdge, GraphNode, _topological, short_op

    by_id = {n.id: n for n in nodes}
    preds: dict[str, list] = {n.id: [] for n in nodes}
    succs: dict[str, list] = {n.id: [] for n in nodes}
    for e in edges:
        preds[e.target].append(by_id[e.source])
        succs[e.source].append(by_id[e.target])
    order = _topological(nodes, edges)
    for n in nodes:
        if n.label.startswith("Flatten:"):  # core.trace's CNN reading of a reshape: not here
            n.label = short_op(n.op)
    if "NllLoss2dBackward0" in {n.op for n in nodes} or "NllLoss2DBackward0" in {n.op for n in nodes}:
        for n in nodes:  # one class per position: cross-entropy over (batch, vocab, steps)
            if n.group == "loss_fn":
                n.module = "CrossEntropyLoss"
            if n.op.startswith("NllLoss2"):
                n.label = "NllLoss2D: -mean(log p[y]) over every position"
        by_id["loss"].label = "loss (CrossEntropyLoss)"
    if model.family == "attention":
        _attention(order, preds, succs, model)
        first = next((n for n in order if n.op == "EmbeddingBackward0"), None)
        label = f"input x: {model.steps} tokens (0-{model.vocab - 1})"
    else:
        _recurrent(order, preds, model)
        first = next((n for n in order if n.group == "rnn" and n.kind == "op"
                      and all(p.kind == "param" for p in preds[n.id])), None)
        label = f"input x: {model.steps} time steps, one value each"
    xs = [n for n in nodes if n.kind == "input"]
    for n in xs:
        if model.family != "attention" and (n.shape or [1])[-1] == model.hidden_size != 1:
            n.label, n.group = "h0: the first state, zeros", "rnn"  # an unrolled layer's start
        else:
            n.label = label
    if not xs and first is not None:  # the inputs need no gradient: autograd records no node for them
        shape = first.saved.get("indices") or first.saved.get("input")
        nodes.append(GraphNode("input", "input", label, "input", shape=shape, group="input"))
        edges.append(GraphEdge("input", first.id))


def _recurrent(order: list, preds: dict, model: Any) -> None:
    family, steps, layers = _FAMILY[model.family], model.steps, model.rnn.num_layers
    fused = 0
    for n in order:
        if n.kind not in ("op", "param") or n.group in _KEEP or n.group is None:
            continue
        n.group = "rnn"
        if n.kind != "op":
            continue
        n.module = "rnn"
        if _fused(n.op):
            fused += 1
            n.label = f"{family} rnn: {steps} steps" + (f" (layer {fused} of {layers})" if layers > 1 else "")
        elif n.op in ("AddmmBackward0", "MmBackward0"):
            n.label = f"{family} rnn: x @ W.T" + (" + b" if n.op == "AddmmBackward0" else "") + " (one step's gates)"
        elif n.op == "SelectBackward0" and any(p.kind == "op" and len(p.shape or ()) == 3 for p in preds[n.id]):
            n.label = "Select rnn: the last step's state"
        elif n.op == "SigmoidBackward0":
            n.label = f"Sigmoid {family} rnn: a gate, 1 / (1 + e^-x)"
        elif n.op == "TanhBackward0":
            n.label = f"Tanh {family} rnn: tanh(x)"


def _attention(order: list, preds: dict, succs: dict, model: Any) -> None:
    blocks = len(model.blocks)
    stages = {"embed": 0, **{f"block{i}": i for i in range(1, blocks + 1)}, "fc1": blocks + 1}

    def stage_of(group: str | None) -> str | None:
        if group is None:
            return None
        head = "embed" if group == "position" else group.split(".")[0].split("#")[0]
        return head if head in stages else None

    for n in order:  # forward: an op joins the latest stage among its own and its inputs'
        if n.kind not in ("op", "param") or n.group in ("loss_fn", "penalty"):
            continue
        found = [s for s in [stage_of(n.group), *(stage_of(p.group) for p in preds[n.id] if p.kind == "op")] if s]
        if n.kind == "param" or any(p.kind == "param" or p.op == "TBackward0" for p in preds[n.id]):
            found = [stage_of(n.group)] if stage_of(n.group) else found  # its module's own op
        if found:
            n.group = max(found, key=stages.__getitem__)
    for n in reversed(order):  # a reshape goes with the layer it feeds
        if n.kind == "op" and n.op in _RESHAPES and n.group in stages:
            after = {s.group for s in succs[n.id] if s.kind == "op"}
            if len(after) == 1 and (g := after.pop()) in stages and stages[g] > stages[n.group]:
                n.group = g
    for n in order:
        if n.kind != "op":
            continue
        mod = n.module or n.group
        if n.op == "EmbeddingBackward0":
            n.label = "Embedding embed: a learned vector per token"
        elif n.op == "AddBackward0" and n.group == "embed":
            n.label = "Add: token + position vectors"
        elif n.op == "AddBackward0" and n.group in stages:
            n.label = f"Add {n.group}: the residual, x + f(x)"
        elif "Attention" in n.op:
            heads = (n.shape or [0, 0])[1]
            n.label = f"Attention {n.group}: softmax(q k^T / sqrt(d)) v, {heads} heads"
        elif n.op == "NativeLayerNormBackward0":
            n.label = f"LayerNorm {mod}: (x - mean) / std * w + b"


def sequence_layer_label(group: str, params: list, ops: list) -> str | None:
    """The one-box-per-layer label of a sequence family's layer, or None for another layer."""
    shapes = {p.param: p.shape for p in params if p.param and p.shape}
    if f"{group}.weight_ih_l0" in shapes and f"{group}.weight_hh_l0" in shapes:
        (gated, inputs), (_, width) = shapes[f"{group}.weight_ih_l0"], shapes[f"{group}.weight_hh_l0"]
        layers = sum(1 for name in shapes if name.startswith(f"{group}.weight_ih_l"))
        return (f"{group}: {_GATES.get(gated // width, 'RNN')} {inputs}\u2192{width}"
                + (f", {layers} layers" if layers > 1 else "") + " over the steps")
    if f"{group}.attention.in_proj_weight" in shapes:
        width = shapes[f"{group}.attention.in_proj_weight"][1]
        wide = shapes.get(f"{group}.ff1.weight", [2 * width])[0]
        from playground.core.trace import _ACTIVATIONS

        heads = next(((m.shape or [0, 0])[1] for m in ops if "Attention" in m.op), 0)
        acts = "/".join(dict.fromkeys(_ACTIVATIONS[m.op] for m in ops if m.op in _ACTIVATIONS))
        return (f"{group}: self-attention" + (f", {heads} heads" if heads else "")
                + f" + feed-forward {width}\u2192{wide}\u2192{width}" + (f" ({acts})" if acts else "") + ", LayerNorm")
    if group == "embed" and "embed.weight" in shapes:
        vocab, width = shapes["embed.weight"]
        where = shapes.get("position.weight")
        return f"embed: Embedding {vocab} tokens" + (f" + {where[0]} positions" if where else "") + f" \u2192 {width}"
    return None


__all__ = ["SEQUENCE_FAMILIES", "regroup_sequence", "sequence_layer_label"]
