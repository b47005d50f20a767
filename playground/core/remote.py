"""Training in a separate process, so that drawing the window never slows the training down.

Why a process and not only a thread: the window's views paint in Python (pyqtgraph, our items),
and painting holds the GIL that a training thread needs between its (small, fast) torch calls.
With every view live the training thread lost 15-18% of its steps to the window
(benchmarks/bench_window.py). In its own process training keeps its speed however much the window
draws, and a crash in a driver cannot take the window down with it.

The shape:
- ``TrainingProcess`` is one child started with ``spawn`` (safe with Qt and CUDA on every OS). It
  imports torch once and then serves runs, one at a time, until told to quit or its parent goes.
- A run is a ``Job``: config, data, probes (pickled) and ``Trainer.state()`` as ``torch.save``
  bytes. The child trains a copy with ``runner.Reporter`` and sends back ``("snapshot", snap)``
  messages and finally ``("done", summary, state_bytes, error)``; the caller loads the state into
  its own Trainer, so between runs the window's Trainer is the truth, as before.
- ``LinkedControl`` is a ``RunControl`` whose stop / pause / resume and learning-rate changes
  also go to the child running the job.
- ``acquire`` / ``release`` keep started children for the next run (``prestart`` warms one up
  while the window opens), so the ~3-4 s start (import torch, warm up) is paid once, out of sight.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import multiprocessing
import os
import queue
import sys
import threading
import traceback
from dataclasses import dataclass
from typing import Any

import torch

from playground.core.runner import Probe, Reporter
from playground.core.training import RunControl, Summary, Trainer

READY_TIMEOUT = 120.0  # seconds a new child may take to import torch before we give up on it


class RemoteError(RuntimeError):
    """The training process ended unexpectedly."""


class NotStarted(RemoteError):
    """The job never reached a training process (it could not start, or the job cannot be
    pickled): nothing has changed, the caller may train in-process instead."""


def encode_state(state: dict) -> bytes:
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getvalue()


def decode_state(data: bytes) -> dict:
    return torch.load(io.BytesIO(data), weights_only=True)


@dataclass
class Job:
    config: Any  # TrainConfig
    preset: str | None
    dataset: Any  # Dataset: numpy arrays
    state: bytes  # encode_state(trainer.state())
    learning_rate: float  # the rate to continue with (one requested and not yet applied included)
    probes: dict[str, Probe]
    target_epochs: int | None
    single_step: bool

    @classmethod
    def of(cls, trainer: Trainer, probes: dict[str, Probe], target_epochs: int | None, single_step: bool) -> Job:
        return cls(trainer.config, trainer.preset, trainer.dataset, encode_state(trainer.state()),
                   trainer.requested_learning_rate, dict(probes), target_epochs, single_step)


class TrainingProcess:
    """One child process that trains jobs; talk to it from any thread of the parent."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        commands_in, self._commands = ctx.Pipe(duplex=False)
        self._events, events_out = ctx.Pipe(duplex=False)
        self._send_lock = threading.Lock()
        self.process = ctx.Process(target=serve, args=(commands_in, events_out), daemon=True,
                                   name="playground-training")
        with _main_script_hidden():
            self.process.start()
        commands_in.close()  # the child holds these ends now: EOF on ours means the child is gone
        events_out.close()
        self.ready = False

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def send(self, *message) -> None:
        with self._send_lock:
            self._commands.send(message)

    def receive(self) -> tuple:
        """The next message from the child (blocking). RemoteError if the child has ended."""
        try:
            return self._events.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            raise RemoteError(
                f"the training process ended unexpectedly (exit code {code})" if code is not None
                else "the training process stopped answering") from None

    def poll_ready(self) -> bool:
        """True once the child has started (without waiting; False if it ended instead)."""
        try:
            if not self.ready and self._events.poll(0):
                self.wait_ready(0)
        except (RemoteError, OSError):
            return False
        return self.ready

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        if self.ready:
            return
        if not self._events.poll(timeout):
            raise RemoteError(f"the training process did not start within {timeout:.0f} s")
        message = self.receive()
        if message[0] != "ready":
            raise RemoteError(f"the training process said {message[0]!r} instead of 'ready'")
        self.ready = True

    def run(self, job: Job, emit, control: LinkedControl | None = None) -> tuple[Summary | None, dict | None, str | None]:
        """Train ``job`` in the child; ``emit(snapshot)`` for each snapshot (in this thread).

        Returns the summary, the state to load (None if the child could not train) and an error
        message or None. Raises NotStarted if the job did not reach the child, RemoteError if the
        child died during the run.
        """
        try:
            self.wait_ready()
            self.send("run", job)  # pickles first: a job that cannot travel sends nothing
        except Exception as e:
            raise NotStarted(f"{type(e).__name__}: {e}") from e
        if control is not None:
            control.link(self)
        try:
            while True:
                message = self.receive()
                if message[0] == "snapshot":
                    emit(message[1])
                elif message[0] == "done":
                    _, summary, state, error = message
                    return summary, (decode_state(state) if state is not None else None), error
        finally:
            if control is not None:
                control.link(None)

    def close(self, timeout: float = 5.0) -> None:
        try:
            self.send("quit")
        except (OSError, ValueError):
            pass
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        self._commands.close()
        self._events.close()


@contextlib.contextmanager
def _main_script_hidden():
    """Start the child without re-running the parent's main script in it.

    ``spawn`` runs the parent's ``__main__`` file again in the child (as ``__mp_main__``), so that
    functions defined there can be unpickled. Jobs only carry playground's own classes, and a
    user's script that opens the window without an ``if __name__ == "__main__":`` guard would
    open a second window (or fail) in the child. With no ``__file__`` and no ``__spec__`` on
    ``__main__``, multiprocessing leaves the main module alone, as it does for ``python -c``.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.update(saved)
        if "__spec__" not in saved:
            del main.__spec__


class LinkedControl(RunControl):
    """A RunControl whose actions also reach the training process running the job, if any."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._process: TrainingProcess | None = None
        self._learning_rate: float | None = None

    @property
    def process(self) -> TrainingProcess | None:
        """The process running the job now, if any."""
        return self._process

    def link(self, process: TrainingProcess | None) -> None:
        with self._lock:
            self._process = process
            if process is None:
                return
            if self._learning_rate is not None:  # asked for before the child had the job
                self._send("lr", self._learning_rate)
            if self.stopped:
                self._send("stop")
            elif self.paused:
                self._send("pause")

    def _send(self, *message) -> None:
        if self._process is not None:
            try:
                self._process.send(*message)
            except (OSError, ValueError):  # the child is gone: the run ends with its own message
                pass

    def stop(self) -> None:
        with self._lock:
            super().stop()
            self._send("stop")

    def pause(self) -> None:
        with self._lock:
            super().pause()
            self._send("pause")

    def resume(self) -> None:
        with self._lock:
            super().resume()
            self._send("resume")

    def set_learning_rate(self, lr: float) -> None:
        with self._lock:
            self._learning_rate = float(lr)
            self._send("lr", float(lr))


# -- the pool of started children ---------------------------------------------------------------

_idle: list[TrainingProcess] = []
_pool_lock = threading.Lock()


def prestart() -> None:
    """Start a child now (it imports torch in the background) unless one is already waiting."""
    with _pool_lock:
        if not any(p.alive for p in _idle):
            _idle.append(TrainingProcess())


def acquire() -> TrainingProcess:
    """A started child for one run; give it back with ``release``."""
    with _pool_lock:
        while _idle:
            process = _idle.pop()
            if process.alive:
                return process
            process.close(0)
    return TrainingProcess()


def release(process: TrainingProcess) -> None:
    """Keep a finished child for the next run; one waiting child is enough (each holds ~300 MB)."""
    with _pool_lock:
        keep = process.alive and not any(p.alive for p in _idle)
        if keep:
            _idle.append(process)
    if not keep:
        process.close()


@atexit.register
def shutdown() -> None:
    """End the waiting children now: they hold nothing (one may still be importing torch, and
    the app should not wait for that to quit). A child that is training ends with its parent."""
    with _pool_lock:
        waiting, _idle[:] = list(_idle), []
    for process in waiting:
        process.process.terminate()
        process.close()


# -- the child ----------------------------------------------------------------------------------

class _Current:
    """The job the child is on: the listener thread steers it while the main thread trains."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.control = RunControl()
        self.trainer: Trainer | None = None
        self.learning_rate: float | None = None

    def set_learning_rate(self, lr: float) -> None:
        with self.lock:
            if self.trainer is not None:
                self.trainer.set_learning_rate(lr)
            else:
                self.learning_rate = lr

    def adopt(self, trainer: Trainer) -> None:
        with self.lock:
            self.trainer = trainer
            if self.learning_rate is not None:
                trainer.set_learning_rate(self.learning_rate)


def serve(commands, events) -> None:
    """The child's main: train the jobs that arrive until "quit" or the parent is gone."""
    from playground.core.devices import use_cpu_threads

    use_cpu_threads()
    _warm_up()
    jobs: queue.Queue = queue.Queue()
    current = [_Current()]

    def listen() -> None:  # commands arrive while the main thread is busy training
        try:
            while True:
                message = commands.recv()
                kind = message[0]
                if kind == "run":
                    job_current = _Current()
                    current[0] = job_current
                    jobs.put((message[1], job_current))
                elif kind == "quit":
                    break
                elif kind == "stop":
                    current[0].control.stop()
                elif kind == "pause":
                    current[0].control.pause()
                elif kind == "resume":
                    current[0].control.resume()
                elif kind == "lr":
                    current[0].set_learning_rate(message[1])
        except (EOFError, OSError):  # the parent has gone
            current[0].control.stop()
        jobs.put(None)

    threading.Thread(target=listen, name="commands", daemon=True).start()
    try:
        events.send(("ready", os.getpid()))
        while (item := jobs.get()) is not None:
            job, job_current = item
            events.send(_train(job, job_current, events))
    except (EOFError, OSError, BrokenPipeError):  # the parent has gone: nothing to report to
        pass


def _warm_up() -> None:
    """Before saying "ready": the imports and first calls a run needs (about a second), so the
    first Train after the window opens does not pay them."""
    from playground.core.config import TrainConfig
    from playground.core.inspect import snapshot_views
    from playground.core.runner import FunctionProbe, GraphTrainProbe

    try:
        trainer = Trainer(TrainConfig(epochs=1, samples=40, hidden=(2,)))
        probes = {"graph": GraphTrainProbe(), "views": FunctionProbe(snapshot_views)}
        Reporter(trainer, RunControl(), probes, None, True, emit=lambda snap: None).run()
    except Exception:  # only a warm-up: a real run reports its own errors
        traceback.print_exc()


def _train(job: Job, current: _Current, events) -> tuple:
    try:
        trainer = Trainer(job.config, dataset=job.dataset, preset=job.preset)
        trainer.load_state(decode_state(job.state))
        if job.learning_rate != trainer.learning_rate:
            trainer.set_learning_rate(job.learning_rate)
        current.adopt(trainer)
    except Exception as e:
        traceback.print_exc()
        return ("done", None, None, f"{type(e).__name__}: {e}")
    reporter = Reporter(trainer, current.control, job.probes, job.target_epochs, job.single_step,
                        emit=lambda snap: events.send(("snapshot", snap)))
    summary = reporter.run()
    return ("done", summary, encode_state(trainer.state()), reporter.error)


__all__ = ["TrainingProcess", "LinkedControl", "Job", "RemoteError", "NotStarted", "acquire", "release", "prestart",
           "shutdown", "encode_state", "decode_state"]
