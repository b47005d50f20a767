"""One gradient by the chain rule, with the live numbers, beside autograd's ``.grad``.

(Being built: ``explain_gradient`` fills the ``GradientExplanation`` below.)
"""

from __future__ import annotations

from dataclasses import dataclass

TOLERANCE = 1e-6  # the chain rule and autograd agree to this (absolute)


@dataclass(frozen=True)
class PathTerm:
    """One factor on the path from the loss back to the weight, for one sample."""

    label: str  # e.g. "dL/dz (fc3, output 1)"
    formula: str  # e.g. "softmax(z)[1] - [y == 1], / batch"
    value: float


@dataclass(frozen=True)
class GradientExplanation:
    param: str  # "fc1.weight" or "fc1.bias"
    index: tuple[int, ...]  # (i, j) for a weight (output i, input j), (i,) for a bias
    layer: str  # "fc1"
    kind: str  # "weight" | "bias"
    formula: str  # symbolic: "dL/dW[i,j] = sum over the batch of delta_i(b) * a_j(b)"
    path: tuple[PathTerm, ...]  # sample 0: from the loss back to the weight
    samples: tuple[tuple[float, float, float], ...]  # first samples: (a_j(b) or 1, delta_i(b), product)
    batch_size: int
    applications: int  # how many times this layer ran in the forward pass (dynamic model: 0-3)
    chain_value: float  # the chain rule's sum over the whole batch
    autograd_value: float  # w.grad from loss.backward()
    step: int  # the step whose batch and weights these are

    @property
    def difference(self) -> float:
        return abs(self.chain_value - self.autograd_value)

    @property
    def agree(self) -> bool:
        return self.difference <= TOLERANCE


__all__ = ["TOLERANCE", "PathTerm", "GradientExplanation"]
