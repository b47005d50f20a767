"""The plain data a run reports: what the window receives from the engine (pickled in events), and
what the CLI prints. Numbers, strings and numpy arrays only: this module imports no torch, so the
window's process, which unpickles these, never loads it (issue 14).

Each type is re-exported where it was made (``core.training.EpochMetrics`` and ``Summary``,
``core.datasets.Dataset``, ``core.gradient.GradientExplanation`` and ``PathTerm``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

TOLERANCE = 1e-6  # the chain rule and autograd agree to this (absolute)


@dataclass(frozen=True)
class EpochMetrics:
    epoch: int
    step: int
    train_loss: float
    test_loss: float
    train_accuracy: float | None  # None for regression
    test_accuracy: float | None
    # The regularization penalty at the epoch's end (0 without one). train_loss and test_loss are
    # the data's loss alone; a step's loss (what backward() ran on) is the data's plus this.
    regularization: float = 0.0


@dataclass(frozen=True)
class Summary:
    status: str  # completed | stopped | diverged
    preset: str | None
    epochs_run: int
    steps: int
    train_loss: float | None
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    device: str
    seconds: float
    steps_per_second: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Dataset:
    name: str
    task: str  # "classification" or "regression"
    x_train: np.ndarray  # float32 (n, features)
    y_train: np.ndarray  # int64 (n,) classes, or float32 (n, 1) targets
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int  # 0 for regression

    @property
    def n_features(self) -> int:
        return int(self.x_train.shape[1])

    @property
    def n_outputs(self) -> int:
        return self.n_classes if self.task == "classification" else 1

    @property
    def is_2d(self) -> bool:
        return self.n_features == 2


@dataclass(frozen=True, eq=False)
class DataTable:
    """Your own data, as read from a CSV file or drawn in the output view: raw feature values and
    labels, before any standardizing or splitting (core/datasets.make_dataset does both, from the
    config). Torch-free: the window draws it, sessions and the exported script carry it."""

    x: np.ndarray  # float32 (n, features), as read
    y: np.ndarray  # classification: int64 (n,) class indices 0..k-1; regression: float32 (n,) targets
    task: str  # "classification" or "regression"
    feature_names: tuple[str, ...]  # one per column of x
    class_names: tuple[str, ...] = ()  # classification: what each class index stood for in the file
    # Which rows train (True) and which test (False). None: make_dataset splits by the data seed
    # and train_fraction. Drawn points keep theirs, so adding one never moves the others.
    train_mask: np.ndarray | None = None
    source: str = ""  # the file it came from, or "drawn"
    label_name: str = "label"  # the label column's name

    @property
    def n_classes(self) -> int:
        """Classes of a classification table; 0 for regression."""
        return len(self.class_names) if self.task == "classification" else 0

    @property
    def n_features(self) -> int:
        return int(self.x.shape[1])

    def __len__(self) -> int:
        return int(self.x.shape[0])


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
    # first samples: (a_j(b) or 1, delta_i(b), product); with several applications of the layer,
    # up to SAMPLES rows for each application, in forward order
    samples: tuple[tuple[float, float, float], ...]
    batch_size: int
    applications: int  # how many times this layer ran in the forward pass (dynamic model: 0-3)
    chain_value: float  # the chain rule's sum over the whole batch
    autograd_value: float  # w.grad from loss.backward()
    step: int  # the step whose batch and weights these are: steps taken before this batch

    @property
    def difference(self) -> float:
        return abs(self.chain_value - self.autograd_value)

    @property
    def agree(self) -> bool:
        return self.difference <= TOLERANCE


__all__ = ["TOLERANCE", "EpochMetrics", "Summary", "Dataset", "DataTable", "PathTerm", "GradientExplanation"]
