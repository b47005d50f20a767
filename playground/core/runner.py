"""One run of the training loop that reports as it goes: snapshots at a bounded rate.

``Reporter`` drives ``Trainer.run`` (or a single step) and hands a small immutable
``TrainSnapshot`` to ``emit`` about ten times a second; the heavier extras (``Probe``s: the
autograd graph, the output and network views) are computed between steps, one at a time, a few
times a second. It is Qt-free: the window's worker thread uses it directly, and so does the
training process (``core.remote``), which pickles each snapshot to the window.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.core.training import EpochMetrics, RunControl, StepResult, Summary, Trainer

SNAPSHOT_INTERVAL = 1 / 10  # seconds between snapshots: status and loss ~10 times a second
PROBE_INTERVAL = 1 / 4  # each heavier extra (graph; output and network): ~4 times a second, in turns
PROBE_SHARE = 0.1  # ... or less often, so that probes take at most ~this share of the training time


@dataclass(frozen=True)
class TrainSnapshot:
    """What the window learns about a run: numbers and numpy arrays only, never tensors."""

    step: int
    epoch: int
    target_epochs: int
    new_step_losses: np.ndarray  # losses of the steps since the previous snapshot
    new_epochs: tuple[EpochMetrics, ...]  # epochs completed since the previous snapshot
    learning_rate: float
    elapsed: float
    steps_per_second: float
    paused: bool  # sent once when a pause takes hold: the loop waits after this step
    extras: dict[str, Any] = field(default_factory=dict)  # probe name -> its snapshot


class Probe:
    """An extra view of the model, computed by the training thread at a bounded rate.

    ``prepare`` runs before the step whose state will be read (e.g. to hook its graph);
    ``collect`` runs after it and returns plain data (numbers, numpy arrays), never tensors.
    Probes travel to the training process by pickle: keep them module-level and small.
    """

    def prepare(self, trainer: Trainer) -> None:
        pass

    def collect(self, trainer: Trainer) -> Any:
        raise NotImplementedError


class FunctionProbe(Probe):
    """``fn(trainer)`` after the step; ``fn`` must be a module-level function to reach the process."""

    def __init__(self, fn: Callable[[Trainer], Any]):
        self.fn = fn

    def collect(self, trainer: Trainer) -> Any:
        return self.fn(trainer)


class GraphTrainProbe(Probe):
    """The live autograd graph: hook the next step's loss.grad_fn, then read its gradients."""

    def __init__(self) -> None:
        from playground.core.probe import GraphProbe

        self.probe = GraphProbe()

    def __reduce__(self):  # a fresh probe on the other side: its hooks and locks stay here
        return (GraphTrainProbe, ())

    def prepare(self, trainer: Trainer) -> None:
        if self.probe.trainer is not trainer:
            self.probe.attach(trainer)
        self.probe.request()

    def collect(self, trainer: Trainer) -> Any:
        return self.probe.take()


class Reporter:
    """Runs the trainer to ``target_epochs`` (or one step) and reports through ``emit``."""

    def __init__(self, trainer: Trainer, control: RunControl, probes: dict[str, Probe],
                 target_epochs: int | None, single_step: bool, emit: Callable[[TrainSnapshot], None],
                 clock: Callable[[], float] = time.perf_counter):
        self.trainer = trainer
        self.control = control
        self.probes = dict(probes)
        self.target_epochs = target_epochs
        self.single_step = single_step
        self.emit = emit
        self.clock = clock
        self._cost: dict[str, float] = {}  # seconds each probe's last collect took
        self._sent_steps = trainer.step_count
        self._sent_epochs = len(trainer.history)
        self._last_emit = 0.0
        self._last_probe = 0.0
        self._armed: list[str] = []  # probes prepared: collect them after the next step
        self._turn = 0  # probes take turns, so the window draws one heavy view at a time
        self._start = 0.0
        self._start_step = trainer.step_count
        self.summary: Summary | None = None  # None after a single step that did not diverge
        self.error: str | None = None  # what went wrong, if an unexpected error ended the run

    def run(self) -> Summary | None:
        self._start = self.clock()
        summary = None
        try:
            if self.single_step:
                self._prepare()
                result = self.trainer.train_step()
                if result.diverged:
                    summary = self.trainer.summary("diverged")
            else:
                summary = self.trainer.run(self.control, self._on_step, epochs=self.target_epochs)
        except Exception as e:  # never a traceback in the user's face: end the run and say what happened
            traceback.print_exc()
            self.error = f"{type(e).__name__}: {e}"
            summary = self.trainer.summary("stopped")
        finally:
            self.summary = summary
            self._emit(force_probes=True)  # the final state, every view included
        return summary

    def _on_step(self, result: StepResult) -> None:
        now = self.clock()
        if self.control.paused:  # the loop waits after this step: show exactly where it stopped
            self._emit(force_probes=True, paused=True)
        elif self._armed or now - self._last_emit >= SNAPSHOT_INTERVAL or result.diverged:
            self._emit()
        if self.probes and not self._armed and now - self._last_probe >= PROBE_INTERVAL / len(self.probes):
            names = list(self.probes)
            turn = (self._turn + 1) % len(names)
            # a probe that is slow for this network (views of an 8x512 net: 1.6 s) comes round less
            # often, so training keeps ~90% of its speed with every view live
            if now - self._last_probe >= self._cost.get(names[turn], 0.0) / PROBE_SHARE:
                self._turn = turn
                self._prepare([names[turn]])  # the next step is the one this probe will show

    def _prepare(self, names: list[str] | None = None) -> None:
        names = list(self.probes) if names is None else names
        for name in names:
            self.probes[name].prepare(self.trainer)
        self._armed = names

    def _emit(self, force_probes: bool = False, paused: bool = False) -> None:
        t = self.trainer
        now = self.clock()
        extras = {}
        probed = bool(self._armed or force_probes)
        if probed:
            names = list(self.probes) if force_probes else self._armed
            self._armed = []
            for name in names:
                probe = self.probes.get(name)
                if probe is None:
                    continue
                try:
                    began = self.clock()
                    value = probe.collect(t)
                    self._cost[name] = self.clock() - began
                except Exception:  # a broken view must not stop training: drop it for this run
                    traceback.print_exc()
                    del self.probes[name]
                    continue
                if value is not None:
                    extras[name] = value
        elapsed = now - self._start
        steps = t.step_count - self._start_step
        snap = TrainSnapshot(
            step=t.step_count,
            epoch=t.epoch,
            target_epochs=self.target_epochs or t.config.epochs,
            new_step_losses=np.asarray(t.step_losses[self._sent_steps:], dtype=np.float64),
            new_epochs=tuple(t.history[self._sent_epochs:]),
            learning_rate=t.learning_rate,
            elapsed=elapsed,
            steps_per_second=steps / elapsed if elapsed > 0 else 0.0,
            paused=paused,
            extras=extras,
        )
        self._sent_steps = len(t.step_losses)
        self._sent_epochs = len(t.history)
        self._last_emit = self.clock()
        if probed:  # the next probe's wait starts when this one's work is done
            self._last_probe = self._last_emit
        self.emit(snap)


__all__ = ["TrainSnapshot", "Probe", "FunctionProbe", "GraphTrainProbe", "Reporter",
           "SNAPSHOT_INTERVAL", "PROBE_INTERVAL"]
