"""One gradient by the chain rule, with the live numbers, beside autograd's ``.grad``.

``explain_gradient(trainer, "fc1.weight", (i, j))`` takes one recorded forward pass (``model.tape``:
each linear layer call's input ``x``, its ``z = x @ W.T + b`` and its dropout mask) and walks the
chain rule back from the loss by hand, in float64::

    dL/dz (output)   = (softmax(z) - onehot(y)) / B       cross-entropy, mean over the batch
                     = 2 (z - y) / numel                   MSE, mean over every number
    dL/dx            = delta @ W                           back through a linear layer
    delta (below)    = dL/dx * mask * act'(z)              through dropout and the activation
    dL/dW[i, j]      = sum over the batch of delta_i * x_j (and over the layer's applications)
    dL/db[i]         = sum over the batch of delta_i

It sets that beside autograd's value for the same batch, masks and weights; they agree to
``TOLERANCE``. A layer that ran several times in the pass (the dynamic model's middle layer) adds
up over its applications, as autograd does.

Which batch: during a phase walk (``core.iteration.PhaseWalk``) after its forward pass, the walk's
own batch, dropout masks and loop count (autograd's value is ``torch.autograd.grad`` on the walk's
graph, or ``p.grad`` once its backward has run). Otherwise the batch the next training step will
take (``Trainer.peek_batch``), with the masks and loop count that step will draw: the model's
generator is rewound afterwards, and autograd's value comes from ``torch.autograd.grad``, so
nothing moves (weights, ``.grad``, batch order, generator, train/eval mode).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

import torch
import torch.nn.functional as F

from playground.core.config import ConfigError
from playground.core.records import TOLERANCE, GradientExplanation, PathTerm  # plain data, torch-free

CNN_REFUSAL = "the chain rule by hand is shown for the MLP's linear layers; the CNN's gradients are in the graph view"
# The sequence families (core.sequence): their recurrent and attention layers record no tape either.
SEQUENCE_REFUSAL = ("the chain rule by hand is shown for the MLP's linear layers; the {0}'s gradients are in the "
                    "graph view")
_SEQUENCE_NAMES = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM", "attention": "attention model"}
SAMPLES = 8  # rows of ``samples`` per application of the layer
LISTED = 10  # a layer's outputs are listed one by one on the path up to this width

# act'(z), for people (the numbers come from a tiny autograd call on z alone, in float64)
DERIVATIVES = {
    "relu": "1 if z > 0 else 0",
    "tanh": "1 - tanh(z)^2",
    "sigmoid": "s(z) (1 - s(z))",
    "leaky_relu": "1 if z > 0 else 0.01",
    "gelu": "Phi(z) + z phi(z)",
    "linear": "1",
}


def check_weight(model: torch.nn.Module, param: str, index: Sequence[int]) -> tuple[torch.nn.Parameter,
                                                                                  tuple[int, ...]]:
    """The parameter and the index as ints; ConfigError naming ``param`` or ``index`` otherwise."""
    params = dict(model.named_parameters())
    if not isinstance(param, str) or param not in params:
        raise ConfigError("param", f"unknown parameter {param!r}; the network has {', '.join(params)}")
    p = params[param]
    shape = list(p.shape)
    try:
        if isinstance(index, (str, bytes)) or any(isinstance(i, bool) for i in index):
            raise TypeError
        ints = tuple(operator.index(i) for i in index)
    except TypeError:
        raise ConfigError("index", f"{index!r} is not an index; {param} has shape {shape}: give "
                                   f"{len(shape)} whole numbers") from None
    if len(ints) != len(shape) or not all(0 <= i < n for i, n in zip(ints, shape)):
        raise ConfigError("index", f"{list(ints)} is out of range for {param} of shape {shape}")
    return p, ints


def explain_gradient(trainer, param: str, index: Sequence[int], walk=None) -> GradientExplanation:
    """The chain rule for ``param[index]`` beside autograd, on the walk's batch (after its forward
    pass) or else on the batch the next step takes (see the module's docstring)."""
    model = trainer.model
    if getattr(model, "family", None) == "cnn":  # its tape records no linear layer calls: no hand-made chain
        raise ConfigError("model", CNN_REFUSAL)
    if getattr(model, "family", None) in _SEQUENCE_NAMES:
        raise ConfigError("model", SEQUENCE_REFUSAL.format(_SEQUENCE_NAMES[model.family]))
    p, index = check_weight(model, param, index)
    recorded = walk.recorded() if walk is not None else None
    if recorded is not None:
        tape, y = recorded
        grad = walk.autograd_gradient(p)
    else:
        tape, y, grad = _next_pass(trainer, p)
    c = trainer.config
    return explain_tape(model, tape, y, c.loss, param, index, grad, trainer.step_count,
                        (c.regularization, c.regularization_rate))


def _next_pass(trainer, p: torch.nn.Parameter):
    """A forward pass of the next training batch, recorded, and autograd's gradient of ``p``;
    the model is left as it was (its generator rewound, its mode restored, ``.grad`` untouched)."""
    model = trainer.model
    idx = trainer.peek_batch()
    x, y = trainer.x_train[idx], trainer.y_train[idx]
    was_training, rng_state, old_tape = model.training, model.rng.get_state(), model.tape
    repeats = getattr(model, "last_repeats", None)
    tape: list = []
    model.tape = tape
    model.train()
    try:
        with torch.enable_grad():
            loss = trainer.loss(model(x), y)
            (grad,) = torch.autograd.grad(loss, p, allow_unused=True)
    finally:
        model.tape = old_tape
        model.train(was_training)
        model.rng.set_state(rng_state)
        if hasattr(model, "last_repeats"):
            model.last_repeats = repeats
    return tape, y, grad


def activation_derivative(act: torch.nn.Module, z: torch.Tensor) -> torch.Tensor:
    """act'(z) elementwise, in float64: a tiny autograd call on z alone."""
    z = z.detach().double().requires_grad_(True)
    with torch.enable_grad():
        (d,) = torch.autograd.grad(act(z).sum(), z)
    return d


def explain_tape(model, tape, y: torch.Tensor, loss: str, param: str, index: tuple[int, ...],
                 autograd_grad: torch.Tensor | None, step: int = 0,
                 regularization: tuple[str, float] = ("none", 0.0)) -> GradientExplanation:
    """The chain rule on one recorded forward pass (``tape``: the model's linear layer calls in
    order, each one's input the output of the one before) with targets ``y``; a weight's
    ``regularization`` penalty (kind, rate) adds its own term, rate * sign(w) or 2 * rate * w."""
    layer, _, kind = param.rpartition(".")
    i, j = index[0], (index[1] if kind == "weight" else None)
    apps = list(tape)
    mine = [k for k, a in enumerate(apps) if a.layer == layer]
    autograd_value = 0.0 if autograd_grad is None else float(autograd_grad[index])
    batch = int(apps[-1].z.shape[0]) if apps else 0
    w_sym = f"dL/dW[{i},{j}]" if kind == "weight" else f"dL/db[{i}]"
    term = f"delta_{i}(b) * a_{j}(b)" if kind == "weight" else f"delta_{i}(b)"
    formula = f"{w_sym} = sum over the batch b of {term},  delta_{i} = dL/dz_{i} of {layer}"
    if len(mine) > 1:
        formula += f", summed over its {len(mine)} applications"
    if not mine:
        path = (PathTerm(f"{layer} did not run in this forward pass",
                         "no path from the loss reaches it, so its gradient is 0", 0.0),)
        return GradientExplanation(param, index, layer, kind, formula, path, (), batch, 0, 0.0, autograd_value, step)

    weights = {a.layer: getattr(model, a.layer).weight.detach().double() for a in apps}
    deltas, upstream, derivs = _backward(model, apps, weights, y, loss)
    inputs = [a.x.detach().double() for a in apps]

    samples, chain, per_app0 = [], 0.0, []
    for k in mine:
        d = deltas[k][:, i]
        a = inputs[k][:, j] if kind == "weight" else torch.ones_like(d)
        prod = a * d
        chain += float(prod.sum())
        per_app0.append(float(prod[0]))
        samples += [(float(a[b]), float(d[b]), float(prod[b])) for b in range(min(SAMPLES, len(d)))]
    path = _path(model, apps, weights, deltas, upstream, derivs, inputs, y, loss, mine, i, j, param, kind)
    if len(mine) > 1:
        path += (PathTerm(f"the other {len(mine) - 1} application(s) of {layer} (sample 0)",
                          "the same chain through the earlier passes, added", sum(per_app0[:-1])),
                 PathTerm(f"dL/d{param}[{','.join(map(str, index))}] (sample 0, all {len(mine)} applications)", "the sum", sum(per_app0)))
    kind_of_penalty, rate = regularization
    if kind == "weight" and kind_of_penalty != "none":
        w = float(weights[layer][i, j])
        if kind_of_penalty == "l1":
            extra, how = rate * (w > 0) - rate * (w < 0), f"rate * sign(w) = {rate:g} * sign({w:.6g})"
        else:
            extra, how = 2 * rate * w, f"2 * rate * w = 2 * {rate:g} * {w:.6g}"
        chain += extra
        formula += f", plus the {kind_of_penalty.upper()} penalty's {how.split(' = ')[0]}"
        path += (PathTerm(f"{kind_of_penalty.upper()} regularization on {param}[{i},{j}]", how, extra),)
    return GradientExplanation(param, index, layer, kind, formula, path, tuple(samples), batch, len(mine),
                               chain, autograd_value, step)


def _backward(model, apps, weights, y, loss):
    """dL/dz of every application (delta), dL/d(its output) and act'(z), by hand in float64."""
    n = len(apps)
    z_out = apps[-1].z.detach().double()
    if loss == "cross_entropy":
        delta = (torch.softmax(z_out, 1) - F.one_hot(y.long(), z_out.shape[1]).double()) / z_out.shape[0]
    else:
        delta = 2 * (z_out - y.detach().double().reshape(z_out.shape)) / z_out.numel()
    deltas: list = [None] * n
    upstream: list = [None] * n
    derivs: list = [None] * n
    deltas[-1] = delta
    for k in range(n - 1, 0, -1):
        below = apps[k - 1]
        dx = deltas[k] @ weights[apps[k].layer]
        derivs[k - 1] = activation_derivative(model.act, below.z)
        g = dx * below.mask.detach().double() if below.mask is not None else dx
        deltas[k - 1] = g * derivs[k - 1]
        upstream[k - 1] = dx
    return deltas, upstream, derivs


def _path(model, apps, weights, deltas, upstream, derivs, inputs, y, loss, mine, i, j, param, kind):
    """Sample 0, from the loss back to ``param[index]`` through the layer's last application."""
    n, t = len(apps), mine[-1]
    totals: dict[str, int] = {}
    for a in apps:
        totals[a.layer] = totals.get(a.layer, 0) + 1
    names = [a.layer for a in apps]
    seen: dict[str, int] = {}
    for k, a in enumerate(apps):
        seen[a.layer] = seen.get(a.layer, 0) + 1
        if totals[a.layer] > 1:
            names[k] = f"{a.layer}, pass {seen[a.layer]} of {totals[a.layer]}"
    terms: list[PathTerm] = []
    z_out = apps[-1].z.detach().double()
    outputs = range(z_out.shape[1]) if t < n - 1 else (i,)
    if len(outputs) <= LISTED:
        for k in outputs:
            terms.append(PathTerm(f"dL/dz[{k}] ({names[-1]}, output)", _output_formula(z_out, y, loss, k),
                                  float(deltas[-1][0, k])))
    else:
        terms.append(PathTerm(f"|dL/dz| ({names[-1]}, output)", f"the loss's gradient at all {len(outputs)} outputs; "
                                                                f"its length", float(deltas[-1][0].norm())))
    act = getattr(model, "activation_name", "act")
    for m in range(n - 2, t, -1):  # the applications between the output and this one: a vector each
        if m == t + 1 and deltas[m].shape[1] <= LISTED:
            continue  # listed one by one below, beside the weights
        mask = " * mask" if apps[m].mask is not None else ""
        terms.append(PathTerm(f"|dL/dz| ({names[m]})", f"(dL/dz ({names[m + 1]}) @ {apps[m + 1].layer}.weight)"
                                                      f"{mask} * {act}'(z): a vector of {deltas[m].shape[1]}; its length",
                              float(deltas[m][0].norm())))
    if t < n - 1:
        m, w = t + 1, weights[apps[t + 1].layer]
        if w.shape[0] <= LISTED:
            for k in range(w.shape[0]):
                if m < n - 1:
                    terms.append(PathTerm(f"dL/dz[{k}] ({names[m]})", "from the layers above", float(deltas[m][0, k])))
                terms.append(PathTerm(f"{apps[m].layer}.weight[{k},{i}]",
                                      f"from unit {i} of {names[t]} to output {k} of {names[m]}", float(w[k, i])))
        terms.append(PathTerm(f"dL/da[{i}] ({names[t]} output)",
                              f"sum over k of dL/dz[k] ({names[m]}) * {apps[m].layer}.weight[k,{i}]",
                              float(upstream[t][0, i])))
        z = float(apps[t].z.detach()[0, i])
        terms.append(PathTerm(f"{act}'(z[{i}]) ({names[t]})", f"{DERIVATIVES.get(act, act + chr(39) + '(z)')} "
                                                              f"at z = {z:.6g}", float(derivs[t][0, i])))
        mask = apps[t].mask
        if mask is not None:
            terms.append(PathTerm(f"dropout mask[{i}] ({names[t]})", "0 (dropped) or 1 / (1 - rate) (kept)",
                                  float(mask[0, i])))
        terms.append(PathTerm(f"delta[{i}] = dL/dz[{i}] ({names[t]})",
                              f"dL/da[{i}] * {act}'(z[{i}])" + (f" * mask[{i}]" if mask is not None else ""),
                              float(deltas[t][0, i])))
    d = float(deltas[t][0, i])
    if kind == "weight":
        source = "the data x" if t == 0 else f"the output of {names[t - 1]}"
        a = float(inputs[t][0, j])
        terms.append(PathTerm(f"a[{j}] (input {j} of {names[t]})", f"{source}, feature {j}", a))
        terms.append(PathTerm(f"dL/d{param}[{i},{j}] (sample 0)", f"delta[{i}] * a[{j}] = {d:.6g} * {a:.6g}", d * a))
    else:
        terms.append(PathTerm(f"dL/d{param}[{i}] (sample 0)", f"delta[{i}] * 1 = {d:.6g}", d))
    return tuple(terms)


def _output_formula(z: torch.Tensor, y: torch.Tensor, loss: str, k: int) -> str:
    batch = z.shape[0]
    if loss == "cross_entropy":
        s = float(torch.softmax(z[0], 0)[k])
        hit = int(int(y[0]) == k)
        return f"(softmax(z)[{k}] - [y == {k}]) / batch = ({s:.6g} - {hit}) / {batch}"
    target = float(y.detach().double().reshape(z.shape)[0, k])
    return f"2 (z[{k}] - y[{k}]) / numel = 2 ({float(z[0, k]):.6g} - {target:.6g}) / {z.numel()}"


__all__ = ["CNN_REFUSAL", "SEQUENCE_REFUSAL", "TOLERANCE", "PathTerm", "GradientExplanation", "check_weight", "explain_gradient", "explain_tape",
           "activation_derivative"]
