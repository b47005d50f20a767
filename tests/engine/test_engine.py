"""The engine driven directly: its events land in a list (a fake transport) and a fake clock
decides when snapshots and probes come round.

``Harness.drain()`` serves the inbox until the engine would wait for a command (the inbox's
blocking ``get`` raises instead of waiting), so every test is bounded by the work it queued.
Commands are queued mid-run from a wrapped ``train_step`` (``on_step``), which also moves the
clock: one second per step makes every step send a snapshot and arm the next probe.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from playground.core.config import TrainConfig
from playground.core.training import StepResult, Trainer
from playground.engine import protocol as p
from playground.engine.engine import Engine
from playground.engine.protocol import ModelChange, RunState
from playground.engine.reporter import FunctionProbe, GraphTrainProbe, TrainSnapshot
from playground.engine.transport import Inbox

STEPS_PER_EPOCH = 4  # 80 samples, half for training, batches of 10


def config(**kw) -> TrainConfig:
    return TrainConfig(**{"dataset": "xor", "samples": 80, "hidden": (4,), "epochs": 3, "batch_size": 10,
                          "learning_rate": 0.1, **kw})


class Drained(Exception):
    """The engine has nothing left to do and would wait for a command now."""


class TestInbox(Inbox):
    __test__ = False

    def get(self) -> p.Command:
        command = self.get_nowait()
        if command is None:
            raise Drained
        return command


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """An engine, the events it sent (in order), its inbox and its clock."""

    def __init__(self, probes: dict | None = None, checkpoints: bool = False):
        self.events: list[p.Event] = []
        self.clock = Clock()
        self.inbox = TestInbox()
        self.engine = Engine(self.events.append, probes={} if probes is None else probes, clock=self.clock,
                             checkpoints=checkpoints)

    @property
    def trainer(self) -> Trainer:
        return self.engine.trainer

    def do(self, command: p.Command) -> p.Reply:
        """Handle one command now; its Reply (exactly one)."""
        start = len(self.events)
        self.engine.handle(command)
        replies = [e for e in self.events[start:] if isinstance(e, p.Reply)]
        assert len(replies) == 1 and replies[0].in_reply_to == command.seq, replies
        return replies[0]

    def put(self, *commands: p.Command) -> None:
        for command in commands:
            self.inbox.put(command)

    def drain(self) -> None:
        """Serve the inbox: runs, stale views and queued commands, until the engine would wait."""
        try:
            self.engine.serve(self.inbox)
        except Drained:
            pass

    def on_step(self, queue: dict[int, list[p.Command]] | None = None, advance: float = 1.0, fail_at=None):
        """Wrap the trainer's train_step: the clock moves ``advance`` s per step, and after step n
        the commands ``queue[n]`` wait in the inbox (handled before the next step)."""
        t = self.trainer
        real = t.train_step

        def step() -> StepResult:
            if fail_at is not None and t.step_count + 1 == fail_at:
                raise RuntimeError("boom")
            result = real()
            self.clock.now += advance
            for command in (queue or {}).get(t.step_count, []):
                self.inbox.put(command)
            return result

        t.train_step = step
        return real

    def mark(self) -> int:
        return len(self.events)

    def of(self, *types: type, since: int = 0) -> list:
        return [e for e in self.events[since:] if isinstance(e, types)]

    def states(self, since: int = 0) -> list[str]:
        return [e.state.value for e in self.of(p.StateChanged, since=since)]

    def reply(self, seq: int) -> p.Reply:
        replies = [e for e in self.of(p.Reply) if e.in_reply_to == seq]
        assert len(replies) == 1, replies
        return replies[0]

    def losses(self, since: int = 0) -> list[float]:
        snaps = self.of(TrainSnapshot, since=since)
        return np.concatenate([s.new_step_losses for s in snaps]).tolist() if snaps else []


def weights(trainer: Trainer) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in trainer.model.state_dict().items()}


def same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def configured(cfg: TrainConfig | None = None, **kw) -> Harness:
    h = Harness(**kw)
    assert h.do(p.SetConfig(cfg or config(), seq=1)).ok
    return h


# -- settings --------------------------------------------------------------------------------------

def test_set_config_makes_a_network_and_replies_with_the_commands_seq():
    h = Harness()
    h.engine.handle(p.SetConfig(config(), preset="mine", seq=7))
    info, reply = h.events
    assert isinstance(info, p.ModelInfo) and reply == p.Reply(7, True)
    assert (info.model_id, info.reason, info.preset) == (1, ModelChange.NEW, "mine")
    assert info.config == config() and info.sizes == (2, 4, 2)
    assert info.steps_per_epoch == STEPS_PER_EPOCH and (info.step, info.epoch, info.target_epochs) == (0, 0, 3)
    assert info.history == () and info.step_losses.shape == (0,) and info.learning_rate == 0.1
    assert info.previous_steps is None and info.dataset.x_train.shape == (40, 2)
    assert h.engine.state is RunState.IDLE and h.trainer.config == config()


@pytest.mark.parametrize("bad, field", [({"learning_rate": 100.0}, "learning_rate"), ({"samples": 5}, "samples"),
                                        ({"dataset": "nope"}, "dataset"), ({"hidden": (0,)}, "layers")])
def test_a_bad_config_is_refused_naming_the_field_and_nothing_changes(bad, field):
    h = Harness()
    first = h.do(p.SetConfig(config(**bad), seq=1))
    assert not first.ok and first.field == field and first.message
    assert h.trainer is None and h.events == [first]
    assert h.do(p.SetConfig(config(), seq=2)).ok
    trainer, start = h.trainer, h.mark()
    reply = h.do(p.SetConfig(config(**bad), seq=3))
    assert (reply.ok, reply.field) == (False, field)
    assert h.events[start:] == [reply]  # no ModelInfo, no ConfigChanged
    assert h.trainer is trainer and h.trainer.config == config() and h.engine.model_id == 1


@pytest.mark.parametrize("command", [p.Train(seq=4), p.Step(seq=4), p.Pause(seq=4), p.Stop(seq=4), p.Reset(seq=4),
                                     p.BringBack(seq=4), p.SetLearningRate(0.1, seq=4), p.CaptureViews(seq=4),
                                     p.Export("x.safetensors", seq=4), p.LoadWeights("x.safetensors", seq=4)])
def test_commands_before_the_first_config_are_refused(command):
    h = Harness()
    assert h.do(command) == p.Reply(4, False, "there is no network yet: send the settings first", field="command")
    assert h.events == [h.events[0]] and h.trainer is None and h.engine.state is RunState.IDLE


def test_live_views_and_shutdown_need_no_network_and_unknown_commands_are_refused():
    h = Harness()
    assert h.do(p.SetLiveViews(False, seq=1)).ok and h.engine.live_views is False

    class Strange(p.Command):
        pass

    reply = h.do(Strange(seq=2))
    assert (reply.ok, reply.field, reply.message) == (False, "command", "unknown command Strange")
    start = h.mark()
    h.engine.handle(p.Shutdown(seq=3))
    assert h.events[start:] == [p.Reply(3, True), p.Closed()] and h.engine.closed


# -- runs ------------------------------------------------------------------------------------------

def test_train_runs_to_the_end_of_the_round_then_another_round():
    h = configured()
    h.do(p.Train(seq=2))
    h.engine.serve(h.inbox, until_idle=True)  # as the CLI does
    assert h.states() == ["running", "idle"]
    (finished,) = h.of(p.RunFinished)
    s = finished.summary
    assert (s.status, s.epochs_run, s.steps) == ("completed", 3, 3 * STEPS_PER_EPOCH)
    reference = Trainer(config())
    reference.run()
    assert h.losses() == h.trainer.step_losses == reference.step_losses
    snaps = h.of(TrainSnapshot)
    assert [m for snap in snaps for m in snap.new_epochs] == h.trainer.history == reference.history
    assert [m.epoch for m in h.trainer.history] == [1, 2, 3]
    assert snaps[-1].step == 12 and snaps[-1].epoch == 3 and all(snap.target_epochs == 3 for snap in snaps)
    assert not any(snap.paused for snap in snaps)
    # the round is done: Train goes on for another `epochs` epochs
    start = h.mark()
    assert h.do(p.Train(seq=3)).ok
    h.engine.serve(h.inbox, until_idle=True)
    assert h.states(start) == ["running", "idle"]
    s = h.of(p.RunFinished, since=start)[0].summary
    assert (s.status, s.epochs_run, s.steps) == ("completed", 6, 24)
    assert all(snap.target_epochs == 6 for snap in h.of(TrainSnapshot, since=start))
    assert h.losses(start) == h.trainer.step_losses[12:]
    reference.run(epochs=6)
    assert h.trainer.step_losses == reference.step_losses


def test_pause_step_and_resume_between_steps():
    h = configured()
    h.on_step({2: [p.Pause(seq=3)]}, advance=0.0)
    h.put(p.Train(seq=2))
    h.drain()
    assert h.states() == ["running", "paused"] and h.engine.state is RunState.PAUSED
    paused = h.of(TrainSnapshot)[-1]
    assert paused.paused and paused.step == 2 == h.trainer.step_count
    assert h.reply(3).ok and isinstance(h.events[-1], p.Views) and h.events[-1].step == 2
    # Step while paused: exactly one more step, and the run stays paused
    start = h.mark()
    h.put(p.Step(seq=4))
    h.drain()
    assert h.states(start) == ["stepping", "paused"] and h.trainer.step_count == 3
    (snap,) = h.of(TrainSnapshot, since=start)
    assert snap.paused and snap.step == 3 and len(snap.new_step_losses) == 1
    # Pause again, or Step again after Pause: nothing else moves
    assert h.do(p.Pause(seq=5)).ok and h.trainer.step_count == 3
    # Resume finishes the run
    start = h.mark()
    h.put(p.Resume(seq=6))
    h.drain()
    assert h.states(start) == ["running", "idle"]
    s = h.of(p.RunFinished)[-1].summary
    assert (s.status, s.steps) == ("completed", 12)
    assert h.losses() == h.trainer.step_losses and len(h.trainer.step_losses) == 12


def test_a_step_while_paused_that_ends_the_round_leaves_resume_nothing_to_train():
    h = configured(config(epochs=1))
    h.on_step({3: [p.Pause(seq=3), p.Step(seq=4)]}, advance=0.0)
    h.put(p.Train(seq=2))
    h.drain()
    assert h.engine.state is RunState.PAUSED and h.trainer.epoch == 1 and h.trainer.step_count == 4
    start = h.mark()
    h.put(p.Resume(seq=5))
    h.drain()
    assert h.states(start) == ["running", "idle"] and h.trainer.step_count == 4
    s = h.of(p.RunFinished)[0].summary
    assert (s.status, s.epochs_run, s.steps) == ("completed", 1, 4)
    assert h.losses() == h.trainer.step_losses


def test_train_while_paused_resumes_and_stop_while_paused_ends_the_run():
    h = configured()
    h.on_step({1: [p.Pause(seq=3)], 2: [p.Pause(seq=5)]}, advance=0.0)
    h.put(p.Train(seq=2))
    h.drain()
    assert h.engine.state is RunState.PAUSED and h.trainer.step_count == 1
    h.put(p.Train(seq=4))  # a second Train resumes
    h.drain()
    assert h.states() == ["running", "paused", "running", "paused"] and h.trainer.step_count == 2
    start = h.mark()
    assert h.do(p.Stop(seq=6)).ok
    assert h.states(start) == ["idle"] and h.engine.reporter is None
    s = h.of(p.RunFinished)[-1].summary
    assert (s.status, s.steps) == ("stopped", 2)
    assert h.losses() == h.trainer.step_losses


def test_stop_mid_run_and_stop_when_idle_does_nothing():
    h = configured()
    h.on_step({3: [p.Stop(seq=3)]})
    h.put(p.Train(seq=2))
    h.drain()
    assert h.states() == ["running", "idle"] and h.reply(3).ok
    (finished,) = h.of(p.RunFinished)
    assert (finished.summary.status, finished.summary.steps, finished.summary.epochs_run) == ("stopped", 3, 0)
    assert h.losses() == h.trainer.step_losses and len(h.losses()) == 3
    start = h.mark()
    assert h.do(p.Stop(seq=4)).ok
    assert h.events[start:] == [p.Reply(4, True)] and h.trainer.step_count == 3


def test_shutdown_mid_run_stops_it_first():
    h = configured()
    h.on_step({2: [p.Shutdown(seq=3)]})
    h.put(p.Train(seq=2))
    h.drain()
    assert h.engine.closed and h.states() == ["running", "idle"]
    assert h.of(p.RunFinished)[0].summary.status == "stopped"
    assert h.events[-2:] == [p.Reply(3, True), p.Closed()]


def test_a_diverging_step_ends_the_run_as_diverged():
    h = configured()
    t = h.trainer
    real = t.train_step

    def step():
        if t.step_count == 2:
            return StepResult(t.step_count, t.epoch, float("nan"), None, diverged=True)
        return real()

    t.train_step = step
    h.put(p.Train(seq=2))
    h.drain()
    assert h.states() == ["running", "idle"]
    s = h.of(p.RunFinished)[0].summary
    assert (s.status, s.steps) == ("diverged", 2)
    assert h.losses() == t.step_losses


def test_a_step_that_raises_ends_the_run_and_the_engine_goes_on():
    h = configured()
    real = h.on_step(fail_at=3)
    h.put(p.Train(seq=2))
    h.drain()
    failed = h.of(p.RunFailed, p.RunFinished)
    assert [type(e) for e in failed] == [p.RunFailed, p.RunFinished]
    assert failed[0].message == "RuntimeError: boom"
    assert (failed[1].summary.status, failed[1].summary.steps) == ("stopped", 2)
    assert h.states() == ["running", "idle"] and h.engine.state is RunState.IDLE and h.engine.reporter is None
    # a single step that raises: reported, and the engine is idle again
    start = h.mark()
    h.put(p.Step(seq=3))
    h.drain()
    assert [type(e) for e in h.of(p.RunFailed, p.RunFinished, since=start)] == [p.RunFailed]
    assert h.states(start) == ["stepping", "idle"] and h.trainer.step_count == 2
    # the engine still trains
    h.trainer.train_step = real
    start = h.mark()
    h.put(p.Train(seq=4))
    h.drain()
    s = h.of(p.RunFinished, since=start)[0].summary
    assert (s.status, s.steps) == ("completed", 12)
    assert h.losses() == h.trainer.step_losses


# -- the learning rate and other settings mid-run ---------------------------------------------------

def test_a_new_learning_rate_mid_run_applies_from_the_next_step():
    h = configured()
    h.on_step({3: [p.SetLearningRate(0.5, seq=9)]})  # one second per step: a snapshot per step
    h.put(p.Train(seq=2))
    h.drain()
    snaps = h.of(TrainSnapshot)
    by_step = {s.step: s.learning_rate for s in snaps}
    assert by_step == {1: 0.1, 2: 0.1, 3: 0.1, **{n: 0.5 for n in range(4, 13)}}
    (changed,) = h.of(p.ConfigChanged)
    assert changed.in_reply_to == 9 and changed.config.learning_rate == 0.5 and changed.target_epochs == 3
    assert h.reply(9).ok
    t = h.trainer
    assert t.config.learning_rate == t.optimizer.param_groups[0]["lr"] == t.learning_rate == 0.5
    assert t.learning_rates == [(0, 0.1), (3, 0.5)]
    reference = Trainer(config())
    for _ in range(3):
        reference.train_step()
    reference.set_learning_rate(0.5)
    reference.run()
    assert t.step_losses == reference.step_losses
    assert h.engine.model_id == 1 and len(h.of(p.ModelInfo)) == 1


def test_an_out_of_range_learning_rate_is_refused_and_the_rate_stays():
    h = configured()
    h.on_step({2: [p.SetLearningRate(50.0, seq=3), p.SetConfig(config(learning_rate=0.0), seq=4)]})
    h.put(p.Train(seq=2))
    h.drain()
    for seq in (3, 4):
        reply = h.reply(seq)
        assert (reply.ok, reply.field) == (False, "learning_rate") and "out of range" in reply.message
    assert not h.of(p.ConfigChanged)
    assert {s.learning_rate for s in h.of(TrainSnapshot)} == {0.1}
    t = h.trainer
    assert t.config.learning_rate == t.learning_rate == 0.1 and t.learning_rates == [(0, 0.1)]
    assert h.of(p.RunFinished)[0].summary.status == "completed"


def test_pace_fields_change_in_place_mid_run_and_model_fields_are_refused():
    h = configured(config(epochs=2))
    faster = config(epochs=4, batch_size=20, learning_rate=0.2)
    h.on_step({2: [p.SetConfig(faster, preset="fast", seq=3), p.SetConfig(faster.replace(noise=0.2), seq=4),
                   p.SetConfig(faster.replace(hidden=(3,)), seq=5)]})
    h.put(p.Train(seq=2))
    h.drain()
    (changed,) = h.of(p.ConfigChanged)
    assert (changed.in_reply_to, changed.config, changed.preset, changed.target_epochs) == (3, faster, "fast", 4)
    assert h.reply(3).ok
    for seq in (4, 5):
        reply = h.reply(seq)
        assert (reply.ok, reply.field) == (False, "state")
        assert reply.message == "cannot change the data or the network (stop the run first) while running"
    assert len(h.of(p.ModelInfo)) == 1 and h.engine.model_id == 1  # the same network trained on
    s = h.of(p.RunFinished)[0].summary
    # epoch 1 finishes its batches of 10 (4 steps); epochs 2-4 take batches of 20 (2 steps each)
    assert (s.status, s.epochs_run, s.steps) == ("completed", 4, 4 + 3 * 2)
    assert h.trainer.config == faster and h.trainer.steps_per_epoch == 2
    snaps = h.of(TrainSnapshot)
    assert [s.target_epochs for s in snaps if s.step <= 2] == [2, 2] and snaps[-1].target_epochs == 4
    assert h.losses() == h.trainer.step_losses


def test_a_model_change_when_idle_makes_a_new_network_and_bring_back_swaps_them():
    h = configured()
    h.put(p.Train(seq=2))
    h.drain()
    trained = weights(h.trainer)
    start = h.mark()
    assert h.do(p.SetConfig(config(noise=0.1), seq=3)).ok
    (new,) = h.of(p.ModelInfo, since=start)
    assert (new.model_id, new.reason, new.step, new.previous_steps) == (2, ModelChange.NEW, 0, 12)
    assert new.config.noise == 0.1
    # the new network trains a little; Bring back swaps the two, and back again
    h.on_step({5: [p.Stop()]})
    h.put(p.Train(seq=4))
    h.drain()
    fresh = weights(h.trainer)
    start = h.mark()
    assert h.do(p.BringBack(seq=5)).ok
    (back,) = h.of(p.ModelInfo, since=start)
    assert (back.model_id, back.reason, back.step, back.previous_steps) == (3, ModelChange.BROUGHT_BACK, 12, 5)
    assert back.config == config() and back.target_epochs == 3 and len(back.step_losses) == 12
    assert same(weights(h.trainer), trained)
    assert h.do(p.BringBack(seq=6)).ok
    again = h.of(p.ModelInfo)[-1]
    assert (again.step, again.previous_steps, again.config.noise) == (5, 12, 0.1)
    assert same(weights(h.trainer), fresh)


def test_bring_back_of_an_untrained_replacement_leaves_nothing_to_bring_back():
    h = configured()
    h.put(p.Train(seq=2))
    h.drain()
    assert h.do(p.SetConfig(config(hidden=(3,)), seq=3)).ok
    assert h.do(p.BringBack(seq=4)).ok
    assert h.of(p.ModelInfo)[-1].previous_steps is None  # the replacement never trained: dropped
    reply = h.do(p.BringBack(seq=5))
    assert (reply.ok, reply.field) == (False, "bring back")
    assert h.trainer.step_count == 12


def test_bring_back_restores_the_config_that_trained_including_its_learning_rate():
    """Regression: train spiral, choose xor, bring back, Reset, Train -> spiral's learning rate."""
    spiral = config(dataset="spiral", learning_rate=0.3, epochs=1)
    h = configured(spiral)
    h.on_step({2: [p.SetLearningRate(0.25, seq=3)]})
    h.put(p.Train(seq=2))
    h.drain()
    assert h.trainer.config.learning_rate == 0.25
    assert h.do(p.SetConfig(config(dataset="xor", learning_rate=0.03), seq=4)).ok
    assert h.trainer.learning_rate == 0.03
    assert h.do(p.BringBack(seq=5)).ok
    back = h.of(p.ModelInfo)[-1]
    assert back.config == spiral.replace(learning_rate=0.25) and back.learning_rate == 0.25
    assert h.do(p.Reset(seq=6)).ok
    reset = h.of(p.ModelInfo)[-1]
    assert reset.reason is ModelChange.RESET and reset.config.dataset == "spiral" and reset.learning_rate == 0.25
    start = h.mark()
    h.put(p.Train(seq=7))
    h.drain()
    assert {s.learning_rate for s in h.of(TrainSnapshot, since=start)} == {0.25}
    t = h.trainer
    assert t.config == spiral.replace(learning_rate=0.25) and t.optimizer.param_groups[0]["lr"] == 0.25


def test_reset_gives_the_same_start_and_keeps_the_trained_network():
    h = configured()
    initial, dataset = weights(h.trainer), h.trainer.dataset
    h.put(p.Train(seq=2))
    h.drain()
    trained = weights(h.trainer)
    assert not same(trained, initial)
    start = h.mark()
    assert h.do(p.Reset(seq=3)).ok
    (info,) = h.of(p.ModelInfo, since=start)
    assert (info.model_id, info.reason, info.step, info.epoch, info.previous_steps) == (2, ModelChange.RESET, 0, 0, 12)
    assert info.history == () and info.target_epochs == 3
    assert same(weights(h.trainer), initial) and h.trainer.dataset is dataset
    assert same(weights(Trainer(config())), initial)  # same seed, same start
    assert h.do(p.BringBack(seq=4)).ok
    assert same(weights(h.trainer), trained) and h.trainer.step_count == 12


@pytest.mark.parametrize("command", [p.Reset(seq=5), p.BringBack(seq=5), p.SaveSession("x.pgsession", seq=5),
                                     p.LoadWeights("x.safetensors", seq=5), p.OpenSession("x.pgsession", seq=5),
                                     p.Step(seq=5), p.Restore(b"", seq=5)])
def test_commands_that_need_an_idle_engine_are_refused_mid_run(command):
    h = configured()
    assert h.do(p.Train(seq=2)).ok
    trainer = h.trainer
    reply = h.do(command)
    assert (reply.ok, reply.field) == (False, "state") and reply.message.endswith("while running")
    assert h.trainer is trainer and h.engine.state is RunState.RUNNING


# -- views -----------------------------------------------------------------------------------------

def test_a_step_from_idle_shows_that_steps_graph_then_the_views():
    h = configured(probes={"graph": GraphTrainProbe(), "views": FunctionProbe(_views)})
    h.drain()  # the new network's views
    assert isinstance(h.events[-1], p.Views) and h.events[-1].step == 0 and h.events[-1].graph is not None
    start = h.mark()
    h.put(p.Step(seq=2))
    h.drain()
    events = h.events[start:]
    assert [type(e) for e in events] == [p.StateChanged, TrainSnapshot, p.StateChanged, p.Reply, p.Views]
    assert h.states(start) == ["stepping", "idle"]
    snap, views = events[1], events[-1]
    assert snap.step == h.trainer.step_count == 1 and not snap.paused and list(snap.new_step_losses) == h.trainer.step_losses
    assert set(snap.extras) == {"graph"}
    graph = snap.extras["graph"]
    assert graph.step == 1
    # the graph holds the gradients and weights of the step just taken, not the one before
    reference = Trainer(config())
    reference.train_step()
    params = [n for n in graph.spec.nodes if n.kind == "param"]
    assert len(params) == 4
    for node in params:
        weight = reference.model.get_parameter(node.param)
        stats = graph.node_stats[node.id]
        assert stats["grad_norm"] == pytest.approx(float(weight.grad.norm()), rel=1e-6)
        assert stats["mean"] == pytest.approx(float(weight.detach().mean()), rel=1e-6, abs=1e-9)
    # the views come afterwards, once no command waits
    assert (views.step, views.graph, views.views) == (1, None, ("views", 1))


def _views(trainer):
    return ("views", trainer.step_count)


def counting_probe(calls: list) -> FunctionProbe:
    def probe(trainer):
        calls.append(trainer.step_count)
        return trainer.step_count

    return FunctionProbe(probe)


def test_live_views_off_mid_run_then_on_again():
    calls: list[int] = []
    h = configured(probes={"probe": counting_probe(calls)})
    h.on_step({4: [p.SetLiveViews(False, seq=3)], 7: [p.SetLiveViews(True, seq=4)]})
    h.put(p.Train(seq=2))
    h.drain()
    shown = [(s.step, s.extras.get("probe")) for s in h.of(TrainSnapshot)]
    # a snapshot per step; the probe is armed after a step, shows the next one, and waits a turn
    assert shown == [(1, None), (2, 2), (3, None), (4, 4),  # on
                     (5, None), (6, None), (7, None),  # off from step 5 (the probe armed for it too)
                     (8, None), (9, 9), (10, None), (11, 11), (12, None),  # on again: armed after step 8
                     (12, 12)]  # the run's end collects the probe armed after the last step
    assert calls == [2, 4, 9, 11, 12]
    assert all(set(s.extras) <= {"probe"} for s in h.of(TrainSnapshot))
    assert h.reply(3).ok and h.reply(4).ok


def test_live_views_off_means_no_extras_at_all_and_views_only_when_idle():
    calls: list[int] = []
    h = configured(probes={"views": counting_probe(calls)})
    assert h.do(p.SetLiveViews(False, seq=2)).ok
    h.on_step()
    h.put(p.Train(seq=3))
    h.drain()
    assert not any(s.extras for s in h.of(TrainSnapshot))
    # once idle, the views as the run left them, once
    assert calls == [12] and isinstance(h.events[-1], p.Views) and h.events[-1].views == 12


def test_stale_views_are_computed_once_for_many_queued_settings():
    calls: list[int] = []
    h = Harness(probes={"graph": GraphTrainProbe(), "views": counting_probe(calls)})
    h.put(*[p.SetConfig(config(noise=0.01 * i), seq=i + 1) for i in range(10)])
    h.drain()
    infos = h.of(p.ModelInfo)
    assert [i.model_id for i in infos] == list(range(1, 11)) and infos[-1].config.noise == 0.09
    assert all(r.ok for r in h.of(p.Reply)) and len(h.of(p.Reply)) == 10
    (views,) = h.of(p.Views)
    assert h.events[-1] is views and views.step == 0 and views.graph is not None and views.views == 0
    assert calls == [0]
    # CaptureViews asks for them again
    h.put(p.CaptureViews(seq=20))
    h.drain()
    assert calls == [0, 0] and isinstance(h.events[-1], p.Views) and h.events[-1].graph is not None


# -- files -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".safetensors", ".pt"])
def test_export_then_load_weights_round_trips(tmp_path, suffix):
    h = configured()
    h.put(p.Train(seq=2))
    h.drain()
    trained = weights(h.trainer)
    path = tmp_path / f"net{suffix}"
    reply = h.do(p.Export(str(path), seq=3))
    assert reply == p.Reply(3, True, "", str(path)) and path.exists()
    assert h.do(p.Reset(seq=4)).ok and not same(weights(h.trainer), trained)
    start = h.mark()
    reply = h.do(p.LoadWeights(str(path), seq=5))
    assert reply.ok and reply.path == str(path)
    (info,) = h.of(p.ModelInfo, since=start)
    assert (info.reason, info.model_id, info.step) == (ModelChange.WEIGHTS, 2, 0)  # same network, other values
    assert same(weights(h.trainer), trained)


def test_weights_that_do_not_fit_are_refused_and_the_weights_stay(tmp_path):
    h = configured()
    path = tmp_path / "four.safetensors"
    assert h.do(p.Export(str(path), seq=2)).ok
    assert h.do(p.SetConfig(config(hidden=(3,)), seq=3)).ok
    before, start = weights(h.trainer), h.mark()
    reply = h.do(p.LoadWeights(str(path), seq=4))
    assert (reply.ok, reply.field) == (False, "weights") and "does not fit this network" in reply.message
    assert h.events[start:] == [reply] and same(weights(h.trainer), before)
    missing = h.do(p.LoadWeights(str(tmp_path / "missing.safetensors"), seq=5))
    assert not missing.ok and same(weights(h.trainer), before)


def test_a_session_saves_and_opens_with_everything_and_trains_on_the_same(tmp_path):
    h = configured(config(optimizer="adam"))
    h.put(p.Train(seq=2))
    h.drain()
    path = tmp_path / "run.pgsession"
    reply = h.do(p.SaveSession(str(path), seq=3))
    assert reply.ok and reply.path == str(path) and path.exists()
    other = Harness()
    assert other.do(p.OpenSession(str(path), seq=1)).ok  # no settings needed first
    (info,) = other.of(p.ModelInfo)
    assert (info.reason, info.model_id, info.step, info.epoch, info.target_epochs) == (ModelChange.OPENED, 1, 12, 3, 3)
    assert info.config == h.trainer.config and info.history == tuple(h.trainer.history)
    assert info.step_losses.tolist() == h.trainer.step_losses
    assert same(weights(other.trainer), weights(h.trainer))
    # another round in each: the same losses (optimizer state and batch order came along)
    for harness in (h, other):
        harness.put(p.Train(seq=9))
        harness.drain()
        assert harness.of(p.RunFinished)[-1].summary.epochs_run == 6
    assert other.trainer.step_losses == h.trainer.step_losses


def test_export_is_refused_while_running_and_allowed_while_paused(tmp_path):
    h = configured()
    assert h.do(p.Train(seq=2)).ok
    path = tmp_path / "net.onnx"
    for command in (p.Export(str(path), seq=3), p.SaveSession(str(tmp_path / "s.pgsession"), seq=4)):
        reply = h.do(command)
        assert (reply.ok, reply.field) == (False, "state") and reply.message.endswith("while running")
    assert not any(tmp_path.iterdir())
    assert h.do(p.Pause(seq=5)).ok and h.engine.state is RunState.PAUSED
    assert h.do(p.Export(str(tmp_path / "net.json"), seq=6)).ok
    assert TrainConfig.from_json((tmp_path / "net.json").read_text()) == config()
    assert h.do(p.SaveSession(str(tmp_path / "s.pgsession"), seq=7)).ok
    bad = h.do(p.Export(str(tmp_path / "net.xyz"), seq=8))
    assert (bad.ok, bad.field) == (False, "export")


def test_a_checkpoint_after_each_run_restores_the_same_state():
    h = configured(checkpoints=True)
    h.on_step({6: [p.Stop()]})
    h.put(p.Train(seq=2))
    h.drain()
    kinds = [type(e) for e in h.events]
    assert kinds.index(p.Checkpoint) == kinds.index(p.RunFinished) + 1 and kinds.count(p.Checkpoint) == 1
    data = h.of(p.Checkpoint)[0].data
    other = Harness()
    assert other.do(p.Restore(data, seq=1)).ok  # a new engine, no settings first
    (info,) = other.of(p.ModelInfo)
    assert (info.reason, info.step, info.target_epochs, info.previous_steps) == (ModelChange.RESTORED, 6, 3, None)
    assert other.trainer.step_count == 6 and same(weights(other.trainer), weights(h.trainer))
    assert other.trainer.step_losses == h.trainer.step_losses and other.trainer.config == config()
    # both finish the round the same way
    h.trainer.train_step = Trainer.train_step.__get__(h.trainer)
    for harness in (h, other):
        harness.put(p.Train(seq=3))
        harness.drain()
    assert other.trainer.step_losses == h.trainer.step_losses and other.trainer.step_count == 12
    assert same(weights(other.trainer), weights(h.trainer))
    assert len(h.of(p.Checkpoint)) == 2 and not other.of(p.Checkpoint)  # only when asked for


@pytest.mark.parametrize("epoch, target", [(0, 3), (2, 3), (3, 3), (4, 6), (6, 6), (7, 9)])
def test_an_opened_session_stands_in_the_round_it_was_saved_in(tmp_path, epoch, target):
    """A session saved at a round's end opens with that round done (Train then starts the next)."""
    trainer = Trainer(config())
    trainer.run(epochs=epoch)
    from playground.io.session import save_session

    path = save_session(trainer, tmp_path / "s.pgsession")
    h = Harness()
    assert h.do(p.OpenSession(str(path), seq=1)).ok
    info = h.of(p.ModelInfo)[0]
    assert (info.epoch, info.target_epochs) == (epoch, target)
    h.put(p.Train(seq=2))
    h.drain()
    assert h.trainer.epoch == (target if epoch < target else target + 3)
