"""The bridge between the Qt-free training loop and the window.

``TrainingController`` owns the ``Trainer``. Train starts a parentless ``TrainingWorker`` moved to
a fresh ``QThread`` (``started -> run``, ``finished -> quit / deleteLater``; Python references
kept until the thread has finished). The worker runs ``Trainer.run`` and emits small immutable
``TrainSnapshot``s at a bounded rate; stop and pause go through the core's ``RunControl`` (a
queued slot would never run inside the busy loop). Only one thread touches the trainer at a time:
the worker while a run is on, the GUI thread otherwise.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core.config import TrainConfig
from playground.core.training import EpochMetrics, RunControl, StepResult, Summary, Trainer

SNAPSHOT_INTERVAL = 1 / 10  # seconds between snapshots: status and loss ~10 times a second
PROBE_INTERVAL = 1 / 4  # each heavier extra (graph; output and network): ~4 times a second, in turns

# Settings that can change between runs without new weights.
LIVE_FIELDS = {"learning_rate", "epochs", "batch_size"}


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
    """An extra view of the model, computed in the worker thread at a bounded rate.

    ``prepare`` runs before the step whose state will be read (e.g. to hook its graph);
    ``collect`` runs after it and returns plain data (numbers, numpy arrays), never tensors.
    """

    def prepare(self, trainer: Trainer) -> None:
        pass

    def collect(self, trainer: Trainer) -> Any:
        raise NotImplementedError


class FunctionProbe(Probe):
    def __init__(self, fn: Callable[[Trainer], Any]):
        self.fn = fn

    def collect(self, trainer: Trainer) -> Any:
        return self.fn(trainer)


class TrainingWorker(QObject):
    snapshot = Signal(object)  # TrainSnapshot
    finished = Signal(object)  # Summary, or None after a single step

    def __init__(self, trainer: Trainer, control: RunControl, probes: dict[str, Probe],
                 target_epochs: int | None, single_step: bool = False):
        super().__init__()
        self.trainer = trainer
        self.control = control
        self.probes = probes
        self.target_epochs = target_epochs
        self.single_step = single_step
        self._sent_steps = trainer.step_count
        self._sent_epochs = len(trainer.history)
        self._last_emit = 0.0
        self._last_probe = 0.0
        self._armed: list[str] = []  # probes prepared: collect them after the next step
        self._turn = 0  # probes take turns, so the GUI draws one heavy view at a time
        self._start = 0.0
        self._start_step = trainer.step_count
        self.summary: Summary | None = None  # set before `finished`; read once the thread has ended
        self.error: str | None = None  # what went wrong, if the run ended by an unexpected error

    @Slot()
    def run(self) -> None:
        self._start = time.perf_counter()
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
            try:
                self._emit(force_probes=True)  # the final state, every view included
            finally:
                self.summary = summary
                self.finished.emit(summary)  # always: it ends the thread

    def _on_step(self, result: StepResult) -> None:
        now = time.perf_counter()
        if self.control.paused:  # the loop waits after this step: show exactly where it stopped
            self._emit(force_probes=True, paused=True)
        elif self._armed or now - self._last_emit >= SNAPSHOT_INTERVAL or result.diverged:
            self._emit()
        if self.probes and not self._armed and now - self._last_probe >= PROBE_INTERVAL / len(self.probes):
            names = list(self.probes)
            self._turn = (self._turn + 1) % len(names)
            self._prepare([names[self._turn]])  # the next step is the one this probe will show

    def _prepare(self, names: list[str] | None = None) -> None:
        names = list(self.probes) if names is None else names
        for name in names:
            self.probes[name].prepare(self.trainer)
        self._armed = names

    def _emit(self, force_probes: bool = False, paused: bool = False) -> None:
        t = self.trainer
        now = time.perf_counter()
        extras = {}
        if self._armed or force_probes:
            names = list(self.probes) if force_probes else self._armed
            self._armed = []
            self._last_probe = now
            for name in names:
                probe = self.probes.get(name)
                if probe is None:
                    continue
                try:
                    value = probe.collect(t)
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
        self._last_emit = time.perf_counter()
        self.snapshot.emit(snap)


class TrainingController(QObject):
    """Starts, pauses, stops and steps runs; the window talks only to this."""

    snapshotReady = Signal(object)  # TrainSnapshot
    runFinished = Signal(dict)  # the summary, same keys as `playground train --json`
    runFailed = Signal(str)  # an unexpected error ended the run (runFinished follows, status "stopped")
    stateChanged = Signal(str)  # "idle" | "running" | "paused"
    trainerReplaced = Signal(object)  # the new Trainer (new data / architecture / weights)

    def __init__(self, config: TrainConfig, preset: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.probes: dict[str, Probe] = {}
        self.trainer = Trainer(config, preset=preset)
        self.control = RunControl()
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._state = "idle"

    # -- state ----------------------------------------------------------------------------
    @property
    def preset(self) -> str | None:
        return self.trainer.preset

    @property
    def state(self) -> str:
        return self._state

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def set_config(self, config: TrainConfig, preset: str | None = None) -> None:
        """Apply new settings. Only live ones while running; new weights when the model changes."""
        old = self.trainer.config
        self.trainer.preset = preset
        changed = {k for k in config.to_dict() if getattr(config, k, None) != getattr(old, k, None)}
        if "learning_rate" in changed:
            self.trainer.set_learning_rate(config.learning_rate)
        if changed <= LIVE_FIELDS:
            self.trainer.config = config if not self.busy else self.trainer.config.replace(
                learning_rate=config.learning_rate)
            return
        if self.busy:
            raise RuntimeError("model settings cannot change while training")
        self.trainer = Trainer(config, preset=preset)
        self.trainerReplaced.emit(self.trainer)

    def replace_trainer(self, trainer: Trainer) -> None:
        """Adopt a trainer made elsewhere (a loaded session)."""
        if self.busy:
            raise RuntimeError("cannot load while training")
        self.trainer = trainer
        self.trainerReplaced.emit(trainer)

    def set_learning_rate(self, lr: float) -> None:
        self.trainer.set_learning_rate(lr)

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def train(self) -> None:
        """Start a run; after a finished run, Train continues for another `epochs` epochs."""
        if self.busy:
            return
        t = self.trainer
        target = t.config.epochs
        if t.epoch >= target:
            target = t.epoch + t.config.epochs
        self._start(single_step=False, target_epochs=target)

    @Slot()
    def step(self) -> None:
        if not self.busy:
            self._start(single_step=True, target_epochs=None)

    @Slot()
    def pause(self) -> None:
        if self.busy and self._state == "running":
            self.control.pause()
            self._set_state("paused")

    @Slot()
    def resume(self) -> None:
        if self.busy and self._state == "paused":
            self.control.resume()
            self._set_state("running")

    @Slot()
    def stop(self) -> None:
        if self.busy:
            self.control.stop()

    @Slot()
    def reset(self) -> None:
        """New initial weights from the seed; same seed, same start."""
        if self.busy:
            return
        self.trainer.reset()
        self.trainerReplaced.emit(self.trainer)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Stop any run, wait for its thread and finish the run now (its summary included)."""
        thread = self._thread
        if thread is None:
            return
        self.control.stop()
        thread.quit()
        if thread.wait(timeout_ms):
            self._on_thread_finished()

    # -- the thread -----------------------------------------------------------------------
    def _start(self, single_step: bool, target_epochs: int | None) -> None:
        self.control = RunControl()
        worker = TrainingWorker(self.trainer, self.control, dict(self.probes), target_epochs, single_step)
        thread = QThread()
        thread.setObjectName("training")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.snapshot.connect(self._on_snapshot)
        worker.finished.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self._single_step = single_step
        self._set_state("stepping" if single_step else "running")
        thread.start()

    @Slot(object)
    def _on_snapshot(self, snap: TrainSnapshot) -> None:
        self.snapshotReady.emit(snap)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, worker = self._thread, self._worker
        if thread is None:  # already finished by shutdown()
            return
        self._thread = self._worker = None
        worker.deleteLater()
        thread.deleteLater()
        self._set_state("idle")
        if worker.error is not None:
            self.runFailed.emit(worker.error)
        if worker.summary is not None:
            self.runFinished.emit(worker.summary.to_dict())


class GraphTrainProbe(Probe):
    """The live autograd graph: hook the next step's loss.grad_fn, then read its gradients."""

    def __init__(self) -> None:
        from playground.core.graph import GraphProbe

        self.probe = GraphProbe()

    def prepare(self, trainer: Trainer) -> None:
        if self.probe.trainer is not trainer:
            self.probe.attach(trainer)
        self.probe.request()

    def collect(self, trainer: Trainer) -> Any:
        return self.probe.take()
