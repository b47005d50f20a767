"""Every step's loss of a run, compact: ``LossHistory`` (the Trainer keeps one, sessions save it)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import numpy as np
import torch


class LossHistory:
    """Every step's loss, 8 bytes each (a 200,000-step run keeps 1.6 MB, not the ~10 MB of a list
    of floats). It reads like the list it replaces: ``len``, indexing, slices (plain lists),
    iteration, and ``==`` with a list or another LossHistory; ``numpy.asarray`` takes it without
    a copy through Python floats."""

    __slots__ = ("_values",)

    def __init__(self, values: Iterable[float] | np.ndarray | torch.Tensor = ()) -> None:
        if torch.is_tensor(values):
            values = values.detach().cpu().numpy()
        if isinstance(values, np.ndarray):
            self._values = array("d", np.ascontiguousarray(values, dtype=np.float64).tobytes())
        else:
            self._values = array("d", values)

    def append(self, value: float) -> None:
        self._values.append(value)

    def extend(self, values: Iterable[float]) -> None:
        self._values.extend(values)

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._values[index].tolist()
        return self._values[index]

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other) -> bool:
        if isinstance(other, LossHistory):
            return self._values == other._values
        if isinstance(other, (list, tuple)):
            return len(other) == len(self._values) and self._values.tolist() == list(other)
        return NotImplemented

    __hash__ = None  # mutable, like the list it replaces

    def __array__(self, dtype=None, copy=None):
        return self.to_numpy().astype(dtype or np.float64, copy=False)

    def to_numpy(self) -> np.ndarray:
        """A float64 array of its own (a copy: the buffer may grow under a view)."""
        return np.frombuffer(self._values, dtype=np.float64).copy() if self._values else np.zeros(0)

    def tolist(self) -> list[float]:
        return self._values.tolist()

    def to_tensor(self) -> torch.Tensor:
        """A float64 CPU tensor of its own (``state()`` saves it)."""
        return torch.from_numpy(self.to_numpy())

    @property
    def nbytes(self) -> int:
        return self._values.buffer_info()[1] * self._values.itemsize

    def __repr__(self) -> str:
        return f"LossHistory({self._values.tolist()!r})"


__all__ = ["LossHistory"]
