"""Slow motion and runs that go on until paused (SetPace)."""

import threading

from playground.core.config import TrainConfig
from playground.engine import protocol as p
from playground.engine.engine import Engine
from playground.engine.reporter import TrainSnapshot
from playground.engine.transport import Inbox

CONFIG = TrainConfig(dataset="xor", samples=40, hidden=(4,), epochs=1, batch_size=10)


def test_until_paused_runs_past_the_round_and_reports_no_target():
    events = []
    engine = Engine(events.append, probes={})
    engine.handle(p.SetConfig(CONFIG))
    engine.handle(p.SetPace(until_paused=True))
    engine.handle(p.Train())
    for _ in range(12):  # three rounds' worth of steps: the run is still on
        engine._train_one()
    assert engine.state is p.RunState.RUNNING and engine.trainer.epoch == 6
    assert engine.target_epochs == 0
    engine.handle(p.SetPace(until_paused=False))  # back to rounds: the round is long done
    engine._train_one()
    finished = [e.summary for e in events if isinstance(e, p.RunFinished)]
    assert [(s.status, s.epochs_run) for s in finished] == [("completed", 6)]
    assert engine.state is p.RunState.IDLE


def test_slow_motion_takes_at_most_the_pace_and_stays_responsive():
    events = []
    finished = threading.Event()

    def emit(event):
        events.append(event)
        if isinstance(event, p.RunFinished):
            finished.set()

    engine = Engine(emit, probes={})
    inbox = Inbox()
    engine.handle(p.SetConfig(CONFIG.replace(epochs=100)))
    engine.handle(p.SetPace(steps_per_second=50))
    engine.handle(p.Train())
    worker = threading.Thread(target=engine.serve, args=(inbox,))
    worker.start()
    try:
        assert not finished.wait(0.5)  # 100 epochs of 4 steps at 50 steps/s take 8 s
        inbox.put(p.Stop())
        assert finished.wait(5)  # a Stop is heard during the wait between steps
    finally:
        inbox.put(p.Shutdown())
        worker.join(10)
    summary = [e.summary for e in events if isinstance(e, p.RunFinished)][0]
    assert summary.status == "stopped"
    assert 0 < summary.steps <= summary.seconds * 50 + 1  # never faster than the pace
    snapshots = [e for e in events if isinstance(e, TrainSnapshot)]
    assert snapshots[-1].step == summary.steps


def test_a_pace_out_of_range_is_refused():
    events = []
    engine = Engine(events.append, probes={})
    engine.handle(p.SetPace(steps_per_second=0.0, seq=3))
    assert events == [p.Reply(3, False, "0 is out of range; allowed 0.1 to 100000", field="steps_per_second")]
