"""How a run tells the window about itself: small snapshots at a bounded rate.

The engine calls ``after_step`` once per training step; the reporter decides when to hand a
``TrainSnapshot`` to ``emit`` (about ten times a second) and when the heavier extras (``Probe``s:
the autograd graph, the output and network views) come round: one at a time, a few times a
second, and less often when they are slow for the network (at most ``PROBE_SHARE`` of the
training time). A probe is armed *before* the step it shows: the graph must hook that step's
``loss.grad_fn``.
"""

from __future__ import annotations

import dataclasses
import math
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.core.records import EpochMetrics
from playground.engine.protocol import Event

if TYPE_CHECKING:  # the window unpickles TrainSnapshot: this module imports no torch
    from playground.core.training import StepResult, Trainer

SNAPSHOT_INTERVAL = 1 / 10  # seconds between snapshots: status and loss ~10 times a second
# Each heavier extra at the rate the eye needs, in turns: the output and network pictures ~3 times
# a second (Probe.interval), the graph's colors twice (GraphTrainProbe.interval); never two within
# PROBE_GAP (the window draws one heavy view at a time) ...
PROBE_INTERVAL = 1 / 3
PROBE_GAP = 1 / 8
# ... or less often: all probes together take at most ~this share of the training process's time
# (issue 14: training with every view live within 10 % of none, and the window drawing what they
# send takes its own share of the same cores). Each probe gets an equal part: after a capture that
# cost c seconds, the next one of that probe waits c / (PROBE_SHARE / probes) seconds, so a big
# network's views come round less often instead of slowing its training.
PROBE_SHARE = 0.05


@dataclass(frozen=True, eq=False)
class TrainSnapshot(Event):
    """What the window learns about a run: numbers and numpy arrays only, never tensors."""

    step: int
    epoch: int
    target_epochs: int
    new_step_losses: np.ndarray  # losses of the steps since the previous snapshot
    new_epochs: tuple[EpochMetrics, ...]  # epochs completed since the previous snapshot
    learning_rate: float
    elapsed: float  # seconds since the run (or the step) began
    steps_per_second: float
    paused: bool  # the run waits after this step
    extras: dict[str, Any] = field(default_factory=dict)  # probe name -> its snapshot
    probe_costs: dict[str, ProbeCost] = field(default_factory=dict)  # probe name -> what it cost so far


@dataclass(frozen=True)
class ProbeCost:
    """What one probe has cost the training process in this run: its work in the step it showed
    (tracing, hooks) and after it (statistics, pictures)."""

    seconds: float  # per capture, the mean
    every: float  # seconds of the run between two captures, the mean
    share: float  # of the run's time so far (0.01: 1 %)
    captures: int
    # its captures come less often than its interval, to keep to PROBE_SHARE (a big network's views)
    slowed: bool = False


class Probe:
    """An extra view of the model, computed by the engine between steps at a bounded rate.

    ``prepare`` runs before the step whose state will be read (e.g. to hook its graph);
    ``collect`` runs after it and returns plain data (numbers, numpy arrays), never tensors.
    ``interval``: seconds between two of its captures during a run, at the least.
    """

    interval = PROBE_INTERVAL
    # seconds its last capture cost the training process (None: never taken): kept across runs, so
    # that a run's first capture of a slow probe keeps to the budget too
    last_cost: float | None = None

    def prepare(self, trainer: Trainer) -> None:
        pass

    def collect(self, trainer: Trainer) -> Any:
        raise NotImplementedError

    def step_cost(self) -> float:
        """Seconds its last capture added inside the step it showed (the reporter times ``collect``)."""
        return 0.0


class FunctionProbe(Probe):
    """``fn(trainer)`` after the step."""

    def __init__(self, fn: Callable[[Trainer], Any]):
        self.fn = fn

    def collect(self, trainer: Trainer) -> Any:
        began = time.perf_counter()  # also when collected outside a run (the views at rest)
        value = self.fn(trainer)
        self.last_cost = time.perf_counter() - began
        return value


class GraphTrainProbe(Probe):
    """The live autograd graph: hook the next step's loss.grad_fn, then read its gradients."""

    interval = 1 / 2  # gradient colors: twice a second shows their trend

    def __init__(self) -> None:
        from playground.core.probe import GraphProbe

        self.probe = GraphProbe()
        self.probe.inspect = ""  # histograms for the node the inspector shows: none until one is
        self.shown_for: str | None = None  # the node the last graph sent has histograms for; None: all
        self._step_cost = 0.0

    def inspect(self, node_id: str) -> bool:
        """Histograms for ``node_id`` from the next capture on; True if the last graph sent lacks them."""
        self.probe.inspect = node_id
        return (self.shown_for is not None and node_id != self.shown_for
                and node_id.startswith(("param:", "layer:")))

    def step_cost(self) -> float:
        return self._step_cost

    def prepare(self, trainer: Trainer) -> None:
        if self.probe.trainer is not trainer:
            self.probe.attach(trainer)
        self.probe.request()

    def collect(self, trainer: Trainer) -> Any:
        snap = self.probe.take()
        self._step_cost = self.probe.capture_seconds
        if snap is not None:
            self.shown_for = self.probe.inspect
        # the graph of the step just taken: numbered as the views that show its result
        return None if snap is None else dataclasses.replace(snap, step=trainer.step_count)


class Reporter:
    """Snapshots for one run (or one step) of ``trainer``; ``probes`` may change between steps."""

    def __init__(self, trainer: Trainer, probes: dict[str, Probe], target_epochs: int,
                 emit: Callable[[TrainSnapshot], None], clock: Callable[[], float] = time.perf_counter):
        self.trainer = trainer
        self.probes = dict(probes)
        self.target_epochs = target_epochs
        self.emit = emit
        self.clock = clock
        self._spent: dict[str, tuple[float, int]] = {}  # probe name -> (seconds in all, captures)
        self._sent_steps = len(trainer.step_losses)
        self._sent_epochs = len(trainer.history)
        self._start = clock()
        self._start_step = trainer.step_count
        self._last_emit = self._start
        self._last_probe = self._start - PROBE_GAP  # the first step of a run shows its graph
        self._last_run: dict[str, float] = {}  # probe name -> when its last capture was done
        self._armed: list[str] = []  # probes prepared: collect them after the next step
        self._turn = -1  # probes take turns, so the window draws one heavy view at a time

    @property
    def seconds(self) -> float:
        return self.clock() - self._start

    @property
    def steps(self) -> int:
        return self.trainer.step_count - self._start_step

    def set_probes(self, probes: dict[str, Probe]) -> None:
        self.probes = dict(probes)
        self._armed = [name for name in self._armed if name in self.probes]

    def arm(self, names: list[str] | None = None) -> None:
        """Prepare probes now: the next step is the one they show."""
        names = list(self.probes) if names is None else [n for n in names if n in self.probes]
        for name in names:
            self.probes[name].prepare(self.trainer)
        self._armed = names

    def after_step(self, result: StepResult) -> None:
        now = self.clock()
        if self._armed or now - self._last_emit >= SNAPSHOT_INTERVAL or result.diverged:
            self.flush()
        if self.probes and not self._armed and now - self._last_probe >= PROBE_GAP:
            names = list(self.probes)
            for i in range(1, len(names) + 1):  # the next in turn that is due
                turn = (self._turn + i) % len(names)
                name = names[turn]
                if now < self.due(name):
                    continue
                self._turn = turn
                self.arm([name])
                break

    def due(self, name: str) -> float:
        """When probe ``name`` may come round next in this run (``clock`` time): its interval after
        its last capture, or later to keep to its part of ``PROBE_SHARE``: a probe that is slow for
        this network (the views of an 8 x 512 net) waits its last cost over that part. Its first
        capture in a run comes at once, unless it is known to be that slow (from earlier runs, or
        the views at rest): then it waits as long from the run's start."""
        probe = self.probes[name]
        wait = self.budget_wait(name)
        last = self._last_run.get(name)
        if last is None:
            return -math.inf if wait <= probe.interval else self._start + wait
        return last + max(probe.interval, wait)

    def budget_wait(self, name: str) -> float:
        """Seconds probe ``name`` waits after a capture to keep to its part of ``PROBE_SHARE``."""
        cost = self.probes[name].last_cost
        return 0.0 if cost is None else cost * len(self.probes) / PROBE_SHARE

    def flush(self, paused: bool = False, collect: list[str] | None = None) -> TrainSnapshot:
        """Emit a snapshot now with the armed probes (and ``collect``: probes that need no arming)."""
        t = self.trainer
        names = list(dict.fromkeys(self._armed + (collect or [])))
        self._armed = []
        extras = {}
        for name in names:
            probe = self.probes.get(name)
            if probe is None:
                continue
            try:
                began = self.clock()
                value = probe.collect(t)
                cost = self.clock() - began + probe.step_cost()
                probe.last_cost = cost
                spent, count = self._spent.get(name, (0.0, 0))
                self._spent[name] = (spent + cost, count + 1)
            except Exception:  # a broken view must not stop training: drop it for this run
                traceback.print_exc()
                del self.probes[name]
                continue
            if value is not None:
                extras[name] = value
        now = self.clock()
        elapsed = now - self._start
        snap = TrainSnapshot(
            step=t.step_count,
            epoch=t.epoch,
            target_epochs=self.target_epochs,
            new_step_losses=np.asarray(t.step_losses[self._sent_steps:], dtype=np.float64),
            new_epochs=tuple(t.history[self._sent_epochs:]),
            learning_rate=t.learning_rate,
            elapsed=elapsed,
            steps_per_second=self.steps / elapsed if elapsed > 0 else 0.0,
            paused=paused,
            extras=extras,
            probe_costs=self.probe_costs(elapsed),
        )
        self._sent_steps = len(t.step_losses)
        self._sent_epochs = len(t.history)
        self._last_emit = now
        if names:  # the next probe's wait starts when this one's work is done
            self._last_probe = now
            for name in names:
                self._last_run[name] = now
        self.emit(snap)
        return snap

    def probe_costs(self, elapsed: float | None = None) -> dict[str, ProbeCost]:
        """Each probe's cost so far in this run (seconds per capture, how often, share of the time)."""
        elapsed = self.seconds if elapsed is None else elapsed
        return {name: ProbeCost(spent / count, elapsed / count, spent / elapsed if elapsed > 0 else 0.0, count,
                                name in self.probes and self.budget_wait(name) > self.probes[name].interval)
                for name, (spent, count) in self._spent.items() if count}


__all__ = ["TrainSnapshot", "ProbeCost", "Probe", "FunctionProbe", "GraphTrainProbe", "Reporter", "SNAPSHOT_INTERVAL",
           "PROBE_INTERVAL", "PROBE_GAP", "PROBE_SHARE"]
