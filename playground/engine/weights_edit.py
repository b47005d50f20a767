"""Reading and editing one number of the network, for the Engine (``ReadWeight``, ``SetWeight``).

As in TensorFlow Playground, a paused or resting network can be changed by hand: ``set_weight``
writes one entry of a parameter in place (under ``torch.no_grad()``, on the trainer's device), so
the optimizer keeps its state for that same Parameter and the next step trains on from the edited
value; the record of the run (steps, losses, epochs) stays as it happened. The graph and the
output/network views are sent again once the inbox is empty (``Engine.stale``), as after a step:
the network is the same one, so no ``ModelInfo``. An unfinished phase walk gives its batch back
first (its forward pass ran on the old value). ``read_weight`` answers with the value and the
``.grad`` of the last backward pass.
"""

from __future__ import annotations

import math
from numbers import Real

from playground.core.config import ConfigError
from playground.engine import protocol as p
from playground.engine.protocol import RunState


def handlers(engine) -> dict[type, object]:
    """The engine's handlers for these commands (``Engine._handlers``)."""
    return {p.ReadWeight: lambda c: read_weight(engine, c), p.SetWeight: lambda c: set_weight(engine, c)}


def read_weight(engine, c: p.ReadWeight) -> None:
    from playground.core.gradient import check_weight

    param, index = check_weight(engine.trainer.model, c.param, c.index)
    grad = None if param.grad is None else float(param.grad[index])
    engine.emit(p.WeightValue(c.param, index, float(param.detach()[index]), grad, in_reply_to=c.seq))


def check_value(value, dtype) -> float:
    """``value`` as a float the parameter can hold, or ConfigError("value") saying what is allowed."""
    import torch

    largest = torch.finfo(dtype).max
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(float(value)) \
            or abs(float(value)) > largest:
        raise ConfigError("value", f"{value!r} is not a finite number; allowed: a number from {-largest:.4g} "
                                   f"to {largest:.4g}, e.g. 0.5")
    return float(value)


def set_weight(engine, c: p.SetWeight) -> None:
    import torch

    from playground.core.gradient import check_weight

    if engine.state is RunState.RUNNING:
        raise ConfigError("state", "cannot edit a weight while a run is training: pause or stop it first")
    param, index = check_weight(engine.trainer.model, c.param, c.index)
    value = check_value(c.value, param.dtype)
    engine._end_walk()
    with torch.no_grad():
        param[index] = value
    engine.stale |= {"graph", "views"}
    engine.checkpoint_edit()


__all__ = ["check_value", "handlers", "read_weight", "set_weight"]
