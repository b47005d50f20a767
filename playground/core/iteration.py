"""One training iteration, one phase at a time: forward, loss, zero_grad, backward, step.

(Being built: ``PhaseWalk`` drives a Trainer's next mini-batch through the phases; the
``WeightUpdate`` below is what the ``step`` phase reports for the selected weight.)
"""

from __future__ import annotations

from dataclasses import dataclass

PHASES = ("forward", "loss", "zero_grad", "backward", "step")


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
    terms: tuple[tuple[str, float], ...] = ()  # named intermediate values: ("v", ...), ("m_hat", ...)


__all__ = ["PHASES", "WeightUpdate"]
