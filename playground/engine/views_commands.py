"""The views' own commands, for the Engine: which test image the CNN's view shows (``InspectImage``).

The picked index lives in the views probe (``ViewsProbe``), which hands it to
``core.inspect.snapshot_views``; it outlives new networks and new settings (an index past a smaller
test set is clamped by the snapshot). At rest the views are sent again once the inbox is empty.
"""

from __future__ import annotations

from numbers import Integral

from playground.core.config import ConfigError
from playground.engine import protocol as p
from playground.engine.protocol import RunState
from playground.engine.reporter import FunctionProbe


class ViewsProbe(FunctionProbe):
    """``snapshot_views(trainer, picked=...)``: the output and network views, with the picked test image."""

    def __init__(self) -> None:
        super().__init__(self._snapshot)
        self.picked = 0

    def _snapshot(self, trainer):
        from playground.core.inspect import snapshot_views

        return snapshot_views(trainer, picked=self.picked)


def handlers(engine) -> dict[type, object]:
    """The engine's handlers for these commands (``Engine._handlers``)."""
    return {p.InspectImage: lambda c: inspect_image(engine, c)}


def inspect_image(engine, c: p.InspectImage) -> None:
    if isinstance(c.index, bool) or not isinstance(c.index, Integral) or c.index < 0:
        raise ConfigError("index", f"{c.index!r} is not a test image's index; give a whole number from 0")
    probe = engine.all_probes.get("views")
    if isinstance(probe, ViewsProbe):
        probe.picked = int(c.index)
    if engine.trainer is not None and engine.state is not RunState.RUNNING:
        engine.stale.add("views")  # at rest: the views again, for this image


__all__ = ["ViewsProbe", "handlers", "inspect_image"]
