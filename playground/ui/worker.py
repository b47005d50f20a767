"""The bridge between the Qt-free training loop and the window.

``TrainingController`` owns the window's ``Trainer``. Train starts a parentless ``TrainingWorker``
moved to a fresh ``QThread`` (``started -> run``, ``finished -> quit / deleteLater``; Python
references kept until the thread has finished). The worker hands the run to a training process
(``core.remote``: painting the views then cannot slow training down) and relays its
``TrainSnapshot``s as signals; at the end it loads the trained state back into the window's
Trainer. If no process can take the run, the worker trains in its own thread with the same
``core.runner.Reporter``. Stop, pause and learning-rate changes go through a ``LinkedControl``
(a queued slot would never run inside a busy loop). Only one thread touches the trainer at a
time: the worker while a run is on, the GUI thread otherwise.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core import remote
from playground.core.config import TrainConfig
from playground.core.runner import Probe, Reporter, TrainSnapshot
from playground.core.training import Summary, Trainer

# Settings that can change between runs without new weights.
LIVE_FIELDS = {"learning_rate", "epochs", "batch_size"}


class TrainingWorker(QObject):
    snapshot = Signal(object)  # TrainSnapshot
    finished = Signal(object)  # Summary, or None after a single step
    notice = Signal(str)  # something the user should know about the run, for the status bar

    def __init__(self, trainer: Trainer, control: remote.LinkedControl, probes: dict[str, Probe],
                 target_epochs: int | None, single_step: bool = False, separate_process: bool = True):
        super().__init__()
        self.trainer = trainer
        self.control = control
        self.probes = probes
        self.target_epochs = target_epochs
        self.single_step = single_step
        self.separate_process = separate_process
        self.summary: Summary | None = None  # set before `finished`; read once the thread has ended
        self.error: str | None = None  # what went wrong, if the run ended by an unexpected error
        self.kept = True  # False if the run's steps were lost (its process died)
        self.fell_back = False  # True if no training process took the run and this thread trained

    @Slot()
    def run(self) -> None:
        try:
            if not (self.separate_process and self._run_in_process()):
                self.fell_back = self.separate_process
                reporter = Reporter(self.trainer, self.control, self.probes, self.target_epochs,
                                    self.single_step, self.snapshot.emit)
                self.summary = reporter.run()
                self.error = reporter.error
        finally:
            self.finished.emit(self.summary)  # always: it ends the thread

    def _run_in_process(self) -> bool:
        """Train in a training process; False if none could take the run (nothing changed then)."""
        try:
            process = remote.acquire()
        except Exception as e:
            print(f"playground: training in a thread: cannot start a training process ({e})", file=sys.stderr)
            return False
        try:
            if not process.poll_ready():
                self.notice.emit(self.tr("Starting the training process (loading PyTorch)..."))
            job = remote.Job.of(self.trainer, self.probes, self.target_epochs, self.single_step)
            summary, state, error = process.run(job, self.snapshot.emit, self.control)
        except remote.NotStarted as e:
            print(f"playground: training in a thread: the training process did not take the run ({e})",
                  file=sys.stderr)
            remote.release(process)
            return False
        except remote.RemoteError as e:
            process.close(0)
            self.error, self.kept = str(e), False
            self.summary = self.trainer.summary("stopped")
            return True
        remote.release(process)
        if state is not None:
            self.trainer.load_state(state)  # this thread owns the trainer until `finished`
        self.summary, self.error = summary, error
        if error is not None and summary is None:  # the child could not even begin: say so here
            self.summary = self.trainer.summary("stopped")
        return True


class TrainingController(QObject):
    """Starts, pauses, stops and steps runs; the window talks only to this."""

    snapshotReady = Signal(object)  # TrainSnapshot
    runFinished = Signal(dict)  # the summary, same keys as `playground train --json`
    runFailed = Signal(str, bool)  # an unexpected error ended the run: message, steps kept (runFinished follows)
    notice = Signal(str)  # a passing message for the status bar
    stateChanged = Signal(str)  # "idle" | "running" | "paused"
    trainerReplaced = Signal(object)  # the new Trainer (new data / architecture / weights)

    def __init__(self, config: TrainConfig, preset: str | None = None, parent: QObject | None = None,
                 separate_process: bool | None = None):
        super().__init__(parent)
        self.probes: dict[str, Probe] = {}
        self.trainer = Trainer(config, preset=preset)
        self.control = remote.LinkedControl()
        # Train in a separate process (see core.remote); False trains in the worker thread
        # (PLAYGROUND_PROCESS=0: e.g. to stop at a breakpoint in the training code).
        if separate_process is None:
            separate_process = os.environ.get("PLAYGROUND_PROCESS", "1").strip() != "0"
        self.separate_process = separate_process
        if separate_process:
            try:
                remote.prestart()  # it imports torch while the window opens: the first Train is quick
            except Exception as e:  # the run will try again, then fall back to a thread
                print(f"playground: cannot start a training process yet ({e})", file=sys.stderr)
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._state = "idle"
        self._live_step = 0

    # -- state ----------------------------------------------------------------------------
    @property
    def preset(self) -> str | None:
        return self.trainer.preset

    @property
    def state(self) -> str:
        return self._state

    @property
    def step_count(self) -> int:
        """Steps trained so far, those of the run in progress included (its trainer is elsewhere)."""
        return self._live_step if self.busy else self.trainer.step_count

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
            self.set_learning_rate(config.learning_rate)
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
        if self.busy:
            self.control.set_learning_rate(lr)  # to the process training it, if any

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
        if not thread.wait(timeout_ms):
            process = self.control.process
            if process is None:
                return
            process.process.kill()  # a training process that does not answer: end it (its run is lost)
            if not thread.wait(10_000):
                return
        self._on_thread_finished()

    # -- the thread -----------------------------------------------------------------------
    def _start(self, single_step: bool, target_epochs: int | None) -> None:
        self.control = remote.LinkedControl()
        worker = TrainingWorker(self.trainer, self.control, dict(self.probes), target_epochs, single_step,
                                self.separate_process)
        thread = QThread()
        thread.setObjectName("training")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.snapshot.connect(self._on_snapshot)
        worker.notice.connect(self._on_notice)
        worker.finished.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self._live_step = self.trainer.step_count
        self._single_step = single_step
        self._set_state("stepping" if single_step else "running")
        thread.start()

    @Slot(str)
    def _on_notice(self, message: str) -> None:
        self.notice.emit(message)

    @Slot(object)
    def _on_snapshot(self, snap: TrainSnapshot) -> None:
        self._live_step = snap.step
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
            self.runFailed.emit(worker.error, worker.kept)
        if worker.summary is not None:
            self.runFinished.emit(worker.summary.to_dict())
        if worker.fell_back:  # no process could start: threads from now on, and say why it may be slower
            self.separate_process = False
            self.notice.emit(self.tr(
                "Training ran in the window's own thread: no training process could start (details on the "
                "console). Live views may slow training down."))
