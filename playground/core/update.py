"""How ``optimizer.step()`` moves one number: the optimizer's own rule, written out with the numbers.

``weight_update`` gives the ``WeightUpdate`` the step phase of a ``PhaseWalk`` shows for the
selected weight: SGD (``w_new = w - lr * g``), SGD with momentum and Adam, weight decay included,
their result computed in float64 beside what the optimizer wrote (they agree to 1e-6).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # torch is imported where it is used: the window imports this module and no torch
    import torch


@dataclass(frozen=True)
class WeightUpdate:
    """How ``optimizer.step()`` moved one number, with the optimizer's own formula and numbers."""

    param: str  # "fc1.weight"
    index: tuple[int, ...]  # (row, col) of a weight, (row,) of a bias
    optimizer: str  # catalog name: sgd | sgd+momentum | adam
    lr: float
    weight_decay: float
    before: float  # w
    grad: float  # w.grad as backward() left it (before weight decay)
    after: float  # w_new, as the optimizer wrote it
    formula: str  # symbolic, e.g. "w_new = w - lr * g"
    expression: str  # the same with the numbers, e.g. "0.4321 - 0.01 * 0.1234 = 0.4309"
    # named intermediate values: ("v", ...), ("m_hat", ...); the last is ("w_new", the formula's
    # own result in float64), which equals ``after`` to 1e-6
    terms: tuple[tuple[str, float], ...] = ()

    @property
    def computed(self) -> float:
        """The formula's result (``after`` when the formula could not be written out)."""
        return dict(self.terms).get("w_new", self.after)


def weight_update(optimizer: torch.optim.Optimizer, group: dict, name: str, param: str, index: tuple[int, ...],
                  w: float, grad: float | None, after: float, state_before: dict[str, float],
                  state_after: dict[str, float]) -> WeightUpdate:
    """``WeightUpdate`` for one number: the rule of ``optimizer`` (SGD, SGD with momentum, Adam)
    written out with the numbers, its result computed in float64 beside what the optimizer wrote.
    ``state_before``/``state_after``: the optimizer's state for this number (momentum_buffer,
    exp_avg, exp_avg_sq, step) before and after ``step()``."""
    import torch

    lr, wd = float(group["lr"]), float(group.get("weight_decay", 0.0))

    def made(formula: str, expression: str, terms: list[tuple[str, float]]) -> WeightUpdate:
        return WeightUpdate(param, index, name, lr, wd, w, 0.0 if grad is None else grad, after, formula,
                            expression, tuple(terms))

    if grad is None:  # not in this pass's graph (the dynamic model's middle layer, 0 times): no step
        return made("w_new = w (no gradient: the parameter took no part in this pass)", f"{w:.6g} = {after:.6g}",
                    [("w", w), ("w_new", w)])
    g = grad + wd * w
    decay = "g = grad + weight_decay * w;  " if wd else ""
    terms = [("w", w), ("grad", grad)] + ([("weight_decay", wd), ("g", g)] if wd else []) + [("lr", lr)]
    if isinstance(optimizer, torch.optim.SGD) and not group.get("maximize") and not group.get("nesterov"):
        momentum, dampening = float(group.get("momentum", 0.0)), float(group.get("dampening", 0.0))
        if not momentum:
            new = w - lr * g
            return made(f"{decay}w_new = w - lr * g", f"{w:.6g} - {lr:g} * {g:.6g} = {new:.6g}",
                        terms + [("w_new", new)])
        v_prev = state_before.get("momentum_buffer")
        v = g if v_prev is None else momentum * v_prev + (1 - dampening) * g  # torch: the first v is g
        new = w - lr * v
        first = v_prev is None
        damp = "" if not dampening else f"(1 - {dampening:g}) * "
        formula = (f"{decay}v = g (the first step);  w_new = w - lr * v" if first else
                   f"{decay}v = momentum * v_prev + {damp}g;  w_new = w - lr * v")
        expression = (f"v = {v:.6g};  " if first else f"v = {momentum:g} * {v_prev:.6g} + {damp}{g:.6g} = {v:.6g};  ")
        expression += f"{w:.6g} - {lr:g} * {v:.6g} = {new:.6g}"
        return made(formula, expression, terms + [("momentum", momentum), ("v_prev", 0.0 if first else v_prev),
                                                  ("v", v), ("w_new", new)])
    if isinstance(optimizer, torch.optim.Adam) and not group.get("amsgrad") and not group.get("maximize"):
        b1, b2 = (float(b) for b in group["betas"])
        eps = float(group["eps"])
        step = int(state_after.get("step", 1))
        m_prev, v_prev = state_before.get("exp_avg", 0.0), state_before.get("exp_avg_sq", 0.0)
        m = b1 * m_prev + (1 - b1) * g
        v = b2 * v_prev + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1 ** step), v / (1 - b2 ** step)
        new = w - lr * m_hat / (math.sqrt(v_hat) + eps)
        formula = (f"{decay}m = {b1:g} m_prev + {1 - b1:.3g} g;  v = {b2:g} v_prev + {1 - b2:.3g} g^2;  "
                   f"m_hat = m / (1 - {b1:g}^t);  v_hat = v / (1 - {b2:g}^t);  "
                   f"w_new = w - lr * m_hat / (sqrt(v_hat) + {eps:g})")
        expression = (f"t = {step};  m = {b1:g} * {m_prev:.6g} + {1 - b1:.3g} * {g:.6g} = {m:.6g};  "
                      f"v = {b2:g} * {v_prev:.6g} + {1 - b2:.3g} * {g:.6g}^2 = {v:.6g};  "
                      f"m_hat = {m_hat:.6g};  v_hat = {v_hat:.6g};  "
                      f"{w:.6g} - {lr:g} * {m_hat:.6g} / (sqrt({v_hat:.6g}) + {eps:g}) = {new:.6g}")
        return made(formula, expression, terms + [("beta1", b1), ("beta2", b2), ("eps", eps), ("t", float(step)),
                                                  ("m_prev", m_prev), ("v_prev", v_prev), ("m", m), ("v", v),
                                                  ("m_hat", m_hat), ("v_hat", v_hat), ("w_new", new)])
    return made(f"w_new = {type(optimizer).__name__}.step(w, g)", f"{w:.6g} -> {after:.6g}", terms)


def optimizer_state(state: dict, index: tuple[int, ...], shape: torch.Size) -> dict[str, float]:
    """The optimizer's state for one number: per-element tensors at ``index``, scalars as floats."""
    import torch

    out = {}
    for key, value in state.items():
        if torch.is_tensor(value):
            if value.shape == shape:
                out[key] = float(value.detach()[index])
            elif value.numel() == 1:
                out[key] = float(value)
    return out


__all__ = ["WeightUpdate", "weight_update", "optimizer_state"]
