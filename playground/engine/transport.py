"""Where the engine runs: in its own process (the window's default) or in a thread. Same meaning.

Both take typed commands (``send``) and hand every event to ``on_event``, in order, from a
background thread; the caller turns them into whatever its world needs (Qt signals, a
progress bar). The CLI needs neither: it calls ``Engine.serve`` itself with an ``Inbox``.

Why a process by default: the window's views paint in Python, and painting holds the GIL that a
training thread needs between its small torch calls; in its own process training keeps its
speed however much the window draws, and a crash in a GPU driver ends the engine, not the window
(the window then starts a new one from the last checkpoint). The window's process then imports
no torch at all (every tensor is the engine's; the events it unpickles are plain data), so it
paints sooner and holds a few hundred MB less. A process takes a second or two to import torch and
warm up (``_warm_up``: an optimizer, so ``torch._dynamo``, and one step), so one is started as the
app starts (``prestart``), the window paints meanwhile, and its ``Ready`` says when it is done; a
finished one is kept for the next window (``release``). ``PLAYGROUND_PROCESS=0`` picks the thread
(e.g. to stop at a breakpoint in the training code), and torch loads in the window's process
then, when the engine starts; so does a machine where no process can start.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable

from playground.engine import protocol as p

READY_TIMEOUT = 120.0  # seconds a new process may take to import torch before we give up on it


class Inbox:
    """Commands waiting for an engine in this process. ``post`` is safe from a signal handler."""

    def __init__(self) -> None:
        self._items: collections.deque = collections.deque()
        self._ready = threading.Condition()

    def put(self, command: p.Command) -> None:
        with self._ready:
            self._items.append(command)
            self._ready.notify()

    def post(self, command: p.Command) -> None:
        """Append without a lock (a signal handler may interrupt a ``get`` holding it)."""
        self._items.append(command)

    def get_nowait(self) -> p.Command | None:
        items = self._items  # only the engine takes from it: no one empties it between these two lines
        return items.popleft() if items else None  # (no IndexError raised and caught on every step of a run)

    def get(self, timeout: float | None = None) -> p.Command | None:
        """The next command; with a timeout, None if none came in time."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            command = self.get_nowait()
            if command is not None:
                return command
            wait = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
            if wait <= 0:
                return None
            with self._ready:
                if not self._items:
                    self._ready.wait(wait)  # a post() does not notify: look again soon


class PipeInbox:
    """Commands from the parent process; the parent's end closing reads as Shutdown."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.gone = False

    def get_nowait(self) -> p.Command | None:
        try:
            return self.connection.recv() if self.connection.poll(0) else None
        except (EOFError, OSError):
            return self._gone()

    def get(self, timeout: float | None = None) -> p.Command | None:
        try:
            if timeout is not None and not self.connection.poll(timeout):
                return None
            return self.connection.recv()
        except (EOFError, OSError):
            return self._gone()

    def _gone(self) -> p.Command:
        self.gone = True
        return p.Shutdown()


def use_process_default() -> bool:
    return os.environ.get("PLAYGROUND_PROCESS", "1").strip() != "0"


class ThreadTransport:
    """The engine in a thread of this process."""

    kind = "thread"

    def __init__(self, on_event: Callable[[p.Event], None]):
        from playground.core.devices import list_devices, use_cpu_threads
        from playground.engine.engine import Engine  # torch, in this process: here, on demand

        use_cpu_threads()  # as the training process does (the window's process had no reason to)
        self.inbox = Inbox()
        self.engine = Engine(on_event)
        self.ready = True
        self.thread = threading.Thread(target=self.engine.serve, args=(self.inbox,), name="playground-engine",
                                       daemon=True)
        self.thread.start()
        on_event(p.Ready(devices=tuple(list_devices())))

    def send(self, command: p.Command) -> None:
        self.inbox.put(command)

    def close(self, timeout: float = 30.0) -> bool:
        """Stop the engine; True once its thread has ended."""
        self.inbox.put(p.Shutdown())
        self.thread.join(timeout)
        return not self.thread.is_alive()


class ProcessTransport:
    """The engine in a training process (taken from the pool); a reader thread relays its events."""

    kind = "process"

    def __init__(self, on_event: Callable[[p.Event], None]):
        self.child = acquire()
        self.on_event = on_event
        self._closing = False
        self._closed_cleanly = False
        self.reader = threading.Thread(target=self._read, name="playground-engine-events", daemon=True)
        self.reader.start()

    @property
    def ready(self) -> bool:
        return self.child.ready

    def _read(self) -> None:
        try:
            self.child.wait_ready()
            self.on_event(self.child.ready_event)
            while True:
                event = self.child.receive()
                if isinstance(event, p.Closed):  # the engine's last word, as a thread's engine says it
                    self._closed_cleanly = True
                    self.on_event(event)
                    return
                self.on_event(event)
        except RemoteError as e:
            if not self._closing:
                self.on_event(p.EngineLost(str(e)))

    def send(self, command: p.Command) -> None:
        try:
            self.child.send(command)
        except (OSError, ValueError):  # the process is gone: the reader reports it
            pass

    def close(self, timeout: float = 30.0) -> bool:
        """Stop the engine and keep its process for the next one; kill it if it does not answer."""
        self._closing = True
        self.send(p.Shutdown())
        self.reader.join(timeout)
        if self.reader.is_alive():  # hung (a driver, a stopped process): end it
            self.child.process.kill()
            self.reader.join(10)
        if self._closed_cleanly:
            release(self.child)
        else:
            self.child.close(0)
        return not self.reader.is_alive()

    def kill(self) -> None:
        """End the process at once, as a crash would (tests)."""
        self.child.process.kill()


def start_transport(on_event: Callable[[p.Event], None], separate_process: bool | None = None):
    """The engine in a process (default; ``PLAYGROUND_PROCESS=0``: a thread), or in a thread when
    no process can start."""
    if separate_process is None:
        separate_process = use_process_default()
    if separate_process:
        try:
            return ProcessTransport(on_event)
        except Exception as e:
            print(f"playground: the engine runs in a thread: cannot start a training process ({e})", file=sys.stderr)
    return ThreadTransport(on_event)


# -- the training process ------------------------------------------------------------------------

class RemoteError(RuntimeError):
    """The training process ended, or never started."""


class TrainingProcess:
    """One child started with ``spawn`` (safe with Qt and CUDA on every OS): it imports torch
    once, then serves engines one after the other until its parent goes."""

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
        self.ready_event = p.Ready()  # the child's own, with its devices, once it has said it

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def send(self, message) -> None:
        with self._send_lock:
            self._commands.send(message)

    def receive(self):
        """The next event from the child (blocking). RemoteError if the child has ended."""
        try:
            return self._events.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            raise RemoteError(
                f"the training process ended unexpectedly (exit code {code})" if code is not None
                else "the training process stopped answering") from None

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        if self.ready:
            return
        if not self._events.poll(timeout):
            raise RemoteError(f"the training process did not start within {timeout:.0f} s")
        event = self.receive()
        if not isinstance(event, p.Ready):
            raise RemoteError(f"the training process said {event!r} instead of Ready")
        self.ready_event = event
        self.ready = True

    def close(self, timeout: float = 5.0) -> None:
        self.process.terminate()
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)
        self._commands.close()
        self._events.close()


@contextlib.contextmanager
def _main_script_hidden():
    """Start the child without re-running the parent's main script in it.

    ``spawn`` runs the parent's ``__main__`` file again in the child (as ``__mp_main__``). A
    teacher's script that opens the window without an ``if __name__ == "__main__":`` guard would
    open a second window in the child. With no ``__file__`` and no ``__spec__`` on ``__main__``,
    multiprocessing leaves the main module alone, as it does for ``python -c``.
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


_idle: list[TrainingProcess] = []
_pool_lock = threading.Lock()


def prestart() -> None:
    """Start a training process now (it imports torch meanwhile) unless one is already waiting."""
    with _pool_lock:
        if not any(child.alive for child in _idle):
            _idle.append(TrainingProcess())


def acquire() -> TrainingProcess:
    with _pool_lock:
        while _idle:
            child = _idle.pop()
            if child.alive:
                return child
            child.close(0)
    return TrainingProcess()


def release(child: TrainingProcess) -> None:
    """Keep a process whose engine has ended for the next one (one waiting is enough: ~300 MB)."""
    with _pool_lock:
        keep = child.alive and not any(c.alive for c in _idle)
        if keep:
            _idle.append(child)
    if not keep:
        child.close()


@atexit.register
def shutdown() -> None:
    """End the waiting processes now: they hold nothing (one may still be importing torch)."""
    with _pool_lock:
        waiting, _idle[:] = list(_idle), []
    for child in waiting:
        child.close()


def serve(commands, events) -> None:
    """The training process: one engine after another until the parent is gone."""
    from playground.core.devices import list_devices, use_cpu_threads
    from playground.engine.engine import Engine

    use_cpu_threads()
    _warm_up()
    inbox = PipeInbox(commands)
    try:
        events.send(p.Ready(devices=tuple(list_devices())))
        while not inbox.gone:
            Engine(events.send, checkpoints=True).serve(inbox)
    except (EOFError, OSError):  # the parent has gone: nothing to report to
        pass


def _warm_up() -> None:
    """Before saying Ready: the imports and first calls a run needs (about a second), so the
    first Train after the window opens does not pay them."""
    from playground.core.config import TrainConfig
    from playground.engine.engine import Engine

    try:
        engine = Engine(lambda event: None)
        for command in (p.SetConfig(TrainConfig(epochs=1, samples=40, hidden=(2,))), p.Step(), p.CaptureViews()):
            engine.handle(command)
        engine.serve(Inbox(), until_idle=True)  # and the views, as after any step
    except Exception:  # only a warm-up: a real run reports its own errors
        traceback.print_exc()


__all__ = ["Inbox", "PipeInbox", "ThreadTransport", "ProcessTransport", "TrainingProcess", "RemoteError",
           "start_transport", "use_process_default", "prestart", "acquire", "release", "shutdown"]
