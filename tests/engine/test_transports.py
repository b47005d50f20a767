"""Transports: the engine in a thread or in its own process means the same; a process that dies
is reported; a finished process serves the next engine; ``Inbox.post`` works from a signal.

The first training process costs a few seconds (it imports torch); the pool keeps it for the
next test, so the tests that need a live child come before the one that kills it.
"""

from __future__ import annotations

import signal
import sys
import threading

import numpy as np
import pytest

from playground.core.config import TrainConfig
from playground.core.training import Trainer
from playground.engine import protocol as p
from playground.engine import transport as transports
from playground.engine.engine import Engine
from playground.engine.reporter import TrainSnapshot

WAIT = 60.0  # seconds: the first process imports torch


def config(**kw) -> TrainConfig:
    return TrainConfig(**{"dataset": "xor", "samples": 80, "hidden": (4,), "epochs": 3, "batch_size": 10,
                          "learning_rate": 0.1, **kw})


class Recorder:
    """Events from any thread, in order; ``wait`` for one that matches (bounded)."""

    def __init__(self) -> None:
        self.events: list[p.Event] = []
        self._changed = threading.Condition()

    def __call__(self, event: p.Event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait(self, match, timeout: float = WAIT) -> p.Event:
        def found():
            return next((e for e in self.events if match(e)), None)

        with self._changed:
            event = self._changed.wait_for(found, timeout)
        assert event is not None, f"no such event within {timeout} s; got {[type(e).__name__ for e in self.events]}"
        return event

    def reply(self, seq: int, timeout: float = WAIT) -> p.Reply:
        return self.wait(lambda e: isinstance(e, p.Reply) and e.in_reply_to == seq, timeout)

    def count(self, kind: type) -> int:
        with self._changed:
            return sum(isinstance(e, kind) for e in self.events)


def make(kind: str, on_event):
    return transports.ProcessTransport(on_event) if kind == "process" else transports.ThreadTransport(on_event)


def kinds(events: list[p.Event]) -> list[str]:
    """Event type names, a run's snapshots counted as one (how many depends on the real clock)."""
    names: list[str] = []
    for e in events:
        name = type(e).__name__
        if not (name == "TrainSnapshot" and names and names[-1] == name):
            names.append(name)
    return names


@pytest.mark.parametrize("kind", ["thread", "process"])
def test_the_same_scenario_means_the_same_in_a_thread_and_in_a_process(kind, tmp_path):
    events = Recorder()
    transport = make(kind, events)
    try:
        events.wait(lambda e: isinstance(e, p.Ready))
        transport.send(p.SetConfig(config(), seq=1))
        assert events.reply(1).ok
        events.wait(lambda e: isinstance(e, p.Views))  # each step waits for the last one's views
        transport.send(p.Train(seq=2))
        events.wait(lambda e: isinstance(e, p.RunFinished))
        events.wait(lambda e: isinstance(e, p.Views) and e.step == 12)
        path = tmp_path / "net.safetensors"
        transport.send(p.Export(str(path), seq=3))
        assert events.reply(3) == p.Reply(3, True, "", str(path)) and path.exists()
    finally:
        assert transport.close(timeout=WAIT)
    got = events.events
    checkpoints = [i for i, e in enumerate(got) if isinstance(e, p.Checkpoint)]
    if kind == "process":  # the process can be lost: a checkpoint after each run
        assert len(checkpoints) == 1 and isinstance(got[checkpoints[0] - 1], p.RunFinished)
    else:
        assert checkpoints == []
    assert kinds([e for e in got if not isinstance(e, p.Checkpoint)]) == [
        "Ready", "ModelInfo", "Reply", "Views",  # SetConfig
        "StateChanged", "Reply", "TrainSnapshot", "StateChanged", "RunFinished", "Views",  # Train
        "Reply",  # Export
        "Reply", "Closed",  # Shutdown (close)
    ]
    assert [e.state.value for e in got if isinstance(e, p.StateChanged)] == ["running", "idle"]
    summary = next(e for e in got if isinstance(e, p.RunFinished)).summary
    assert (summary.status, summary.epochs_run, summary.steps) == ("completed", 3, 12)
    losses = np.concatenate([e.new_step_losses for e in got if isinstance(e, TrainSnapshot)]).tolist()
    reference = Trainer(config())
    reference.run()
    assert losses == reference.step_losses


def test_a_closed_process_transport_gives_its_process_to_the_next_one():
    first = Recorder()
    transport = transports.ProcessTransport(first)
    pid = transport.child.process.pid
    transport.send(p.SetConfig(config(), seq=1))
    assert first.reply(1).ok
    assert transport.close(timeout=WAIT)
    assert isinstance(first.events[-1], p.Closed) and transport.child in transports._idle
    second = Recorder()
    again = transports.ProcessTransport(second)
    try:
        assert again.child.process.pid == pid and again.child not in transports._idle
        second.wait(lambda e: isinstance(e, p.Ready), timeout=5)  # no new import: ready at once
        again.send(p.SetConfig(config(noise=0.1), seq=1))
        assert second.reply(1).ok
        info = second.wait(lambda e: isinstance(e, p.ModelInfo))
        assert info.model_id == 1 and info.config.noise == 0.1  # a new engine in the same process
    finally:
        assert again.close(timeout=WAIT)


def test_a_process_that_dies_mid_run_is_reported_as_engine_lost():
    events = Recorder()
    transport = transports.ProcessTransport(events)
    try:
        transport.send(p.SetConfig(config(epochs=100_000), seq=1))
        transport.send(p.Train(seq=2))
        events.wait(lambda e: isinstance(e, TrainSnapshot))
        transport.kill()
        lost = events.wait(lambda e: isinstance(e, p.EngineLost))
        assert "ended unexpectedly" in lost.message
        assert events.count(p.RunFinished) == 0 and events.count(p.EngineLost) == 1
    finally:
        transport.close(timeout=5)
    assert not transport.child.alive and transport.child not in transports._idle
    transport.send(p.Stop())  # to a dead process: ignored, no exception


def test_start_transport_picks_a_thread_when_asked(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")
    events = Recorder()
    transport = transports.start_transport(events)
    try:
        assert isinstance(transport, transports.ThreadTransport) and transport.kind == "thread"
        assert isinstance(events.events[0], p.Ready)
    finally:
        assert transport.close(timeout=WAIT)
    thread = transports.start_transport(Recorder(), separate_process=False)
    assert isinstance(thread, transports.ThreadTransport) and thread.close(timeout=WAIT)


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(signal, "setitimer"), reason="POSIX timers")
@pytest.mark.parametrize("running", [False, True])
def test_inbox_post_from_a_signal_handler_reaches_the_engine(running):
    """As the CLI's Ctrl-C: the handler posts without a lock, the engine (in this thread, maybe
    blocked in ``Inbox.get``) sees the command between two steps or within its poll interval."""
    events = Recorder()
    inbox = transports.Inbox()
    engine = Engine(events, probes={})
    engine.handle(p.SetConfig(config(epochs=100_000 if running else 3), seq=1))
    command = p.Stop(seq=7) if running else p.Shutdown(seq=7)
    watchdog = threading.Timer(20.0, inbox.put, args=(p.Shutdown(seq=99),))  # bounds the test if post is lost
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: inbox.post(command))
    watchdog.start()
    try:
        if running:
            engine.handle(p.Train(seq=2))
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        engine.serve(inbox, until_idle=running)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        watchdog.cancel()
    assert events.reply(7, timeout=0).ok and not [e for e in events.events if getattr(e, "in_reply_to", 0) == 99]
    if running:
        summary = next(e for e in events.events if isinstance(e, p.RunFinished)).summary
        assert summary.status == "stopped" and summary.steps > 0 and not engine.closed
    else:
        assert engine.closed and isinstance(events.events[-1], p.Closed)


def test_a_pipe_inbox_reads_a_closed_parent_as_shutdown():
    import multiprocessing

    reader, writer = multiprocessing.Pipe(duplex=False)
    inbox = transports.PipeInbox(reader)
    assert inbox.get_nowait() is None
    writer.send(p.Train(seq=3))
    assert inbox.get() == p.Train(seq=3)
    writer.close()
    assert isinstance(inbox.get(), p.Shutdown) and inbox.gone
    reader.close()


def test_every_event_and_command_pickles():
    """What crosses the process boundary: plain values and numpy arrays, never a tensor."""
    import pickle

    events = Recorder()
    engine = Engine(events, checkpoints=True)
    for command in (p.SetConfig(config(epochs=1), seq=1), p.Step(seq=2), p.Train(seq=3)):
        engine.handle(command)
    engine.serve(transports.Inbox(), until_idle=True)
    engine.handle(p.CaptureViews(seq=4))
    engine._send_views()
    assert {type(e).__name__ for e in events.events} >= {"ModelInfo", "Reply", "StateChanged", "TrainSnapshot",
                                                         "RunFinished", "Checkpoint", "Views"}
    for event in events.events:
        data = pickle.dumps(event)
        if not isinstance(event, p.Checkpoint):  # torch.save bytes, read with weights_only
            assert b"torch" not in data, type(event).__name__
        pickle.loads(data)
