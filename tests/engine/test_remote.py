"""Training in a separate process (core.remote), without Qt: same results as training here."""

import threading

import pytest
import torch

from playground.core import remote
from playground.core.config import TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.runner import FunctionProbe, GraphTrainProbe
from playground.core.training import Trainer


@pytest.fixture(scope="module")
def process():
    p = remote.acquire()
    yield p
    remote.release(p)


def config(**kw) -> TrainConfig:
    return TrainConfig(**{"dataset": "xor", "samples": 200, "hidden": (4,), "epochs": 3, **kw})


def same_weights(a: Trainer, b: Trainer) -> bool:
    sa, sb = a.model.state_dict(), b.model.state_dict()
    return sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)


@pytest.mark.parametrize("optimizer", ["sgd+momentum", "adam"])
def test_a_run_in_the_process_equals_the_same_run_here_and_continues_exactly(process, optimizer):
    here, there = Trainer(config(optimizer=optimizer)), Trainer(config(optimizer=optimizer))
    here.run(epochs=2)
    snaps = []
    probes = {"graph": GraphTrainProbe(), "views": FunctionProbe(snapshot_views)}
    summary, state, error = process.run(remote.Job.of(there, probes, 2, False), snaps.append)
    assert error is None and summary.status == "completed" and summary.epochs_run == 2
    there.load_state(state)
    assert same_weights(here, there)
    assert there.step_count == here.step_count and there.history == here.history
    assert there.step_losses == here.step_losses
    assert snaps[-1].step == here.step_count and "views" in snaps[-1].extras  # the final state
    here.run(epochs=3)  # the optimizer state and the batch order came back too
    summary, state, error = process.run(remote.Job.of(there, {}, 3, False), snaps.append)
    there.load_state(state)
    assert same_weights(here, there) and there.history == here.history


def test_single_step_and_a_requested_learning_rate(process):
    t = Trainer(config())
    t.set_learning_rate(0.25)
    snaps = []
    probes = {"graph": GraphTrainProbe(), "views": FunctionProbe(snapshot_views)}
    summary, state, error = process.run(remote.Job.of(t, probes, None, True), snaps.append)
    assert summary is None and error is None  # one step, not a run
    assert len(snaps) == 1 and set(snaps[0].extras) == {"graph", "views"}  # that step's graph and views
    assert snaps[0].extras["graph"].spec.nodes  # the autograd graph, traced over there
    t.load_state(state)
    assert t.step_count == 1 and t.learning_rate == 0.25


def test_stop_pause_and_learning_rate_reach_the_process(process):
    t = Trainer(config(epochs=100000))
    control = remote.LinkedControl()
    snaps, paused = [], threading.Event()

    def emit(snap):
        snaps.append(snap)
        if len(snaps) == 2:
            control.set_learning_rate(0.5)
            control.pause()
        if snap.paused:
            paused.set()
            control.stop()  # stopping a paused run takes no further step

    summary, state, error = process.run(remote.Job.of(t, {}, None, False), emit, control)
    assert paused.is_set() and summary.status == "stopped"
    assert summary.steps == snaps[-1].step == next(s for s in snaps if s.paused).step
    t.load_state(state)
    assert t.requested_learning_rate == 0.5 and control.process is None


def test_a_job_that_cannot_travel_is_refused_before_it_leaves(process):
    t = Trainer(config())
    probes = {"local": FunctionProbe(lambda trainer: 1)}  # a lambda cannot be pickled
    with pytest.raises(remote.NotStarted):
        process.run(remote.Job.of(t, probes, None, True), lambda snap: None)
    summary, state, error = process.run(remote.Job.of(t, {}, None, True), lambda snap: None)
    assert state["step_count"] == 1  # the process still serves


def test_an_error_in_the_process_comes_back_as_a_message(process):
    t = Trainer(config())
    job = remote.Job.of(t, {}, None, False)
    job.state = remote.encode_state({**t.state(), "model": {}})  # damaged: no weights
    summary, state, error = process.run(job, lambda snap: None)
    assert summary is None and state is None and "Missing key" in error


def test_a_process_that_dies_raises_remote_error():
    p = remote.TrainingProcess()
    t = Trainer(config(epochs=100000))

    def emit(snap):
        p.process.kill()

    with pytest.raises(remote.RemoteError, match="ended unexpectedly"):
        p.run(remote.Job.of(t, {}, None, False), emit)
    p.close(0)


def failing_view(trainer):
    raise ValueError("view bug")


def test_a_failing_probe_is_dropped_and_the_run_goes_on(process):
    t = Trainer(config(epochs=2))
    snaps = []
    probes = {"broken": FunctionProbe(failing_view), "views": FunctionProbe(snapshot_views)}
    summary, state, error = process.run(remote.Job.of(t, probes, None, False), snaps.append)
    assert error is None and summary.status == "completed" and summary.epochs_run == 2
    assert "views" in snaps[-1].extras and not any("broken" in s.extras for s in snaps)


def test_the_reporter_alone_runs_synchronously_without_qt():
    from playground.core.runner import Reporter
    from playground.core.training import RunControl

    t = Trainer(config(epochs=2))
    snaps = []
    reporter = Reporter(t, RunControl(), {"broken": FunctionProbe(failing_view)}, None, False, snaps.append)
    summary = reporter.run()
    assert summary.status == "completed" and reporter.error is None
    assert snaps[-1].step == t.step_count and sum(len(s.new_step_losses) for s in snaps) == t.step_count


@pytest.mark.parametrize("cost, expected", [(0.0, range(10, 100)), (1.0, range(1, 3))])
def test_a_slow_probe_comes_round_less_often(cost, expected):
    """Probes take at most ~PROBE_SHARE of the run: a 1 s probe is not run 4 times a second."""
    from playground.core.runner import Reporter
    from playground.core.training import RunControl

    now = [0.0]
    t = Trainer(config(epochs=40))  # 400 steps of 10 ms: 4 s on the fake clock
    real_step = t.train_step

    def step():
        now[0] += 0.01
        return real_step()

    calls = []

    def probe(trainer):
        calls.append(trainer.step_count)
        now[0] += cost

    t.train_step = step
    reporter = Reporter(t, RunControl(), {"slow": FunctionProbe(probe)}, None, False, lambda snap: None,
                        clock=lambda: now[0])
    assert reporter.run().status == "completed"
    assert len(calls) in expected, calls  # the final state is always collected


def test_a_process_that_dies_before_it_is_ready_does_not_take_the_job():
    p = remote.TrainingProcess()
    p.process.kill()
    p.process.join(10)
    assert not p.poll_ready()
    with pytest.raises(remote.NotStarted):  # the window then trains in its thread
        p.run(remote.Job.of(Trainer(config()), {}, None, True), lambda snap: None)
    p.close(0)
