"""Hand-made phase reports and gradient explanations from a real Trainer, for the window's tests
(the engine's own are tested in tests/engine/)."""

from __future__ import annotations

import torch

from playground.core.config import TrainConfig
from playground.core.gradient import GradientExplanation, PathTerm
from playground.core.iteration import WeightUpdate
from playground.core.trace import GraphEdge, GraphSpec, trace_graph
from playground.core.training import Trainer
from playground.engine.protocol import GradientExplained, PhaseReport


def topological(spec: GraphSpec) -> list[str]:
    indeg = {n.id: 0 for n in spec.nodes}
    for e in spec.edges:
        indeg[e.target] += 1
    ready = [n.id for n in spec.nodes if indeg[n.id] == 0]
    order = []
    while ready:
        nid = ready.pop(0)
        order.append(nid)
        for e in spec.edges:
            if e.source == nid:
                indeg[e.target] -= 1
                if indeg[e.target] == 0:
                    ready.append(e.target)
    return order


def output_graph(output: torch.Tensor, model) -> GraphSpec:
    """The forward graph: the output's, without the pseudo "loss" node the tracer puts on top."""
    spec = trace_graph(output, model)
    nodes = [n for n in spec.nodes if n.kind != "loss"]
    return GraphSpec(nodes, [GraphEdge(e.source, e.target) for e in spec.edges if e.target != "loss"])


def phase_reports(config: TrainConfig, step: int = 0) -> dict[str, PhaseReport]:
    """One mini-batch of a fresh trainer, phase by phase, as the engine reports it."""
    t = Trainer(config)
    idx = t.take_batch()
    x, y = t.x_train[idx], t.y_train[idx]
    t.model.train()
    output = t.model(x)
    fwd = output_graph(output, t.model)
    order = [nid for nid in topological(fwd) if fwd.by_id[nid].kind == "op"]
    values = {nid: {"shape": fwd.by_id[nid].shape, "values": [0.5 + k, -0.25, 0.125, 9.0]}
              for k, nid in enumerate(order)}
    loss = t.criterion(output, y)
    full = trace_graph(loss, t.model)
    names = [name for name, _ in t.model.named_parameters()]
    t.optimizer.zero_grad()
    loss.backward()
    back = [nid for nid in reversed(topological(full)) if full.by_id[nid].kind in ("op", "param")]
    norms = {nid: 0.01 * (k + 1) for k, nid in enumerate(back)}
    for name, p in t.model.named_parameters():
        norms[f"param:{name}"] = float(p.grad.norm())
    w = t.model.fc1.weight
    before, grad = w[0, 0].item(), w.grad[0, 0].item()
    lr = config.learning_rate
    after = before - lr * grad
    update = WeightUpdate("fc1.weight", (0, 0), "sgd", lr, 0.0, before, grad, after, "w_new = w - lr * g",
                          f"{before:.4f} - {lr:g} * {grad:.4f} = {after:.4f}", (("g", grad),))
    n = len(idx)
    return {
        "forward": PhaseReport("forward", step, n, graph=fwd, order=tuple(order), node_values=values),
        "loss": PhaseReport("loss", step, n, graph=full, loss=loss.item()),
        "zero_grad": PhaseReport("zero_grad", step, n, grad_norms={k: None for k in names},
                                 grads_after={k: None for k in names}),
        "backward": PhaseReport("backward", step, n, order=tuple(back), grad_norms=norms),
        "step": PhaseReport("step", step + 1, n, update=update, changes={k: 0.001 * (i + 1) for i, k in enumerate(names)}),
    }


def explanation(param: str = "fc1.weight", index: tuple[int, ...] = (2, 0)) -> GradientExplained:
    """A chain rule for one weight, numbers made up but consistent (the sum is the samples')."""
    samples = ((0.5, 0.2, 0.1), (-1.0, 0.3, -0.3), (2.0, -0.05, -0.1))
    chain = sum(s[2] for s in samples)
    path = (PathTerm("dL/dz (fc2, output 1)", "softmax(z)[1] - [y == 1], / batch", 0.125),
            PathTerm("dz/da (fc2.weight[1, 2])", "W[1, 2]", -0.75),
            PathTerm("da/dz (relu)", "1 if z > 0 else 0", 1.0),
            PathTerm("dz/dW (input 0)", "x[0]", 0.5))
    e = GradientExplanation(param, index, "fc1", "weight", "dL/dW[i,j] = sum over the batch of delta_i(b) * a_j(b)",
                            path, samples, 3, 1, chain, chain + 3e-9, 4)
    return GradientExplained(e, in_reply_to=0)
