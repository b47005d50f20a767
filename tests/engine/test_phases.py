"""PhaseStep and ExplainWeight, the engine driven directly (events into a list, a fake clock):
five PhaseReports in order; after the step phase the network is where a Step puts it and the
engine says what a Step says; an unfinished walk gives its batch back to any command that trains
or changes the network; a paused run stays paused; ExplainWeight agrees with w.grad."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.config import TrainConfig
from playground.core.gradient import TOLERANCE
from playground.core.iteration import PHASES
from playground.core.presets import get_preset
from playground.core.training import StepResult, Trainer
from playground.engine import protocol as p
from playground.engine.engine import Engine
from playground.engine.protocol import RunState
from playground.engine.reporter import GraphTrainProbe, TrainSnapshot
from playground.engine.transport import Inbox


def config(**kw) -> TrainConfig:
    return TrainConfig(**{"dataset": "xor", "samples": 80, "hidden": (4,), "epochs": 2, "batch_size": 10,
                          "learning_rate": 0.1, **kw})


class Drained(Exception):
    pass


class TestInbox(Inbox):
    __test__ = False

    def get(self) -> p.Command:
        command = self.get_nowait()
        if command is None:
            raise Drained
        return command


class Harness:
    def __init__(self, cfg: TrainConfig | None = None, probes: dict | None = None):
        self.events: list[p.Event] = []
        self.inbox = TestInbox()
        self.now = 0.0
        self.engine = Engine(self.events.append, probes={} if probes is None else probes, clock=lambda: self.now)
        self.seq = 0
        assert self.do(p.SetConfig(cfg or config())).ok

    @property
    def trainer(self) -> Trainer:
        return self.engine.trainer

    def do(self, command: p.Command) -> p.Reply:
        self.seq += 1
        command = type(command)(**{**command.__dict__, "seq": self.seq})
        start = len(self.events)
        self.engine.handle(command)
        replies = [e for e in self.events[start:] if isinstance(e, p.Reply)]
        assert len(replies) == 1 and replies[0].in_reply_to == self.seq, replies
        return replies[0]

    def phase(self) -> p.PhaseReport:
        start = len(self.events)
        assert self.do(p.PhaseStep()).ok
        (report,) = self.of(p.PhaseReport, since=start)
        return report

    def cycle(self) -> dict[str, p.PhaseReport]:
        return {r.phase: r for r in (self.phase() for _ in PHASES)}

    def drain(self) -> None:
        try:
            self.engine.serve(self.inbox)
        except Drained:
            pass

    def of(self, *types: type, since: int = 0) -> list:
        return [e for e in self.events[since:] if isinstance(e, types)]

    def mark(self) -> int:
        return len(self.events)

    def losses(self, since: int = 0) -> list[float]:
        snaps = self.of(TrainSnapshot, since=since)
        return np.concatenate([s.new_step_losses for s in snaps]).tolist() if snaps else []

    def pause_after(self, steps: int) -> None:
        """Train, and pause after ``steps`` steps (the clock stands still: no probes, few snapshots)."""
        t = self.trainer
        real = t.train_step

        def step() -> StepResult:
            result = real()
            if t.step_count == steps:
                self.inbox.put(p.Pause(seq=999))
            return result

        t.train_step = step
        self.inbox.put(p.Train(seq=998))
        self.drain()
        t.train_step = real
        assert self.engine.state is RunState.PAUSED and t.step_count == steps


def weights(t: Trainer) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in t.model.state_dict().items()}


def same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


# -- the phases ------------------------------------------------------------------------------------

def test_five_phases_in_order_then_the_step_says_what_a_step_says():
    h = Harness()
    start = h.mark()
    reports = [h.phase() for _ in PHASES]
    assert tuple(r.phase for r in reports) == PHASES
    assert [r.step for r in reports] == [0, 0, 0, 0, 1] and all(r.batch_size == 10 for r in reports)
    forward, loss, zero, backward, step = reports
    assert forward.graph is not None and forward.order[0] == "input" and forward.node_values
    assert loss.loss == h.trainer.step_losses[0] and {n.id for n in loss.graph.nodes} >= set(forward.order)
    assert set(zero.grad_norms) == {"fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"}
    assert backward.order[0] == "loss" and backward.order[-1].startswith("param:")
    assert step.update.param == "fc1.weight" and step.update.index == (0, 0) and set(step.changes) == set(zero.grad_norms)
    assert not any(r.model_changed for r in reports)
    for r in reports:  # plain data: a process transport pickles them
        again = pickle.loads(pickle.dumps(r))
        assert (again.phase, again.order, again.node_values, again.grad_norms, again.update) == (
            r.phase, r.order, r.node_values, r.grad_norms, r.update)
    # until the step phase nothing but PhaseReports and Replies; then what a Step sends
    kinds = [type(e).__name__ for e in h.events[start:]]
    assert kinds == ["PhaseReport", "Reply"] * 4 + ["StateChanged", "PhaseReport", "TrainSnapshot", "StateChanged",
                                                      "Reply"]
    (snap,) = h.of(TrainSnapshot, since=start)
    assert snap.step == 1 and snap.new_step_losses.tolist() == [loss.loss] and not snap.paused
    assert [e.state for e in h.of(p.StateChanged, since=start)] == [RunState.STEPPING, RunState.IDLE]
    assert h.engine.walk is None and h.engine.stale == {"graph", "views"}
    # then the next walk takes the next batch
    assert h.phase().phase == "forward" and h.engine.walk is not None


def test_one_phase_cycle_on_seed_example_is_a_plain_pytorch_sgd_step():
    cfg = get_preset("seed-example").config
    h = Harness(cfg)
    t = h.trainer
    plain = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 2))
    with torch.no_grad():
        for q, w in zip(plain.parameters(), t.model.parameters()):
            q.copy_(w)
    first = torch.randperm(len(t.x_train), generator=torch.Generator().manual_seed(cfg.seed))[: cfg.batch_size]
    optimizer = torch.optim.SGD(plain.parameters(), lr=cfg.learning_rate)
    loss = nn.CrossEntropyLoss()(plain(t.x_train[first]), t.y_train[first])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    reports = h.cycle()
    assert reports["loss"].loss == loss.item()
    for (name, w), q in zip(t.model.named_parameters(), plain.parameters()):
        assert torch.equal(w.detach(), q.detach()), name
    u = reports["step"].update
    assert u.after == float(plain[0].weight.detach()[0, 0]) and abs(u.computed - u.after) <= 1e-6


def test_a_phase_cycle_then_train_gives_the_losses_of_plain_train():
    h, reference = Harness(), Harness()
    h.cycle()
    h.do(p.Train())
    h.drain()
    reference.do(p.Train())
    reference.drain()
    assert h.trainer.step_losses == reference.trainer.step_losses and len(h.trainer.step_losses) == 8
    assert same(weights(h.trainer), weights(reference.trainer)) and h.trainer.history == reference.trainer.history
    assert h.of(p.RunFinished)[-1].summary.steps == 8


@pytest.mark.parametrize("phases", [1, 2, 3, 4])
@pytest.mark.parametrize("command", [p.Step(), p.Train(), p.Reset()])
def test_a_walk_abandoned_midway_gives_its_batch_back(phases, command):
    cfg = config(dropout=0.3)
    h, reference = Harness(cfg), Harness(cfg)
    for _ in range(phases):
        h.phase()
    h.do(command)
    reference.do(command)
    h.drain()
    reference.drain()
    assert h.engine.walk is None and h.trainer.step_losses == reference.trainer.step_losses
    assert same(weights(h.trainer), weights(reference.trainer))
    assert h.phase().model_changed  # the next walk starts over, and says so
    assert not h.phase().model_changed


def test_settings_that_make_a_new_network_abandon_the_walk_and_the_pace_does_not():
    h = Harness()
    h.phase()
    h.phase()
    assert h.do(p.SetConfig(config(learning_rate=0.2))).ok and h.engine.walk is not None  # the pace: walk on
    assert h.do(p.SetLearningRate(0.05)).ok and h.do(p.Describe()).ok and h.do(p.CaptureViews()).ok
    assert h.engine.walk.next_phase == "zero_grad"
    old = h.trainer
    assert h.do(p.SetConfig(config(hidden=(3,)))).ok
    assert h.engine.walk is None and len(old.pending_batches) == old.steps_per_epoch  # the batch went back
    r = h.phase()
    assert r.phase == "forward" and r.model_changed


def test_the_step_phase_uses_the_learning_rate_set_mid_walk():
    h = Harness()
    for _ in range(4):
        h.phase()
    h.do(p.SetLearningRate(0.01))
    u = h.phase().update
    assert u.lr == 0.01 and abs(u.computed - u.after) <= 1e-6


def test_pausing_a_run_and_stepping_by_phase_goes_on_from_there():
    h = Harness()
    reference = Trainer(config())
    h.pause_after(3)
    start = h.mark()
    reports = h.cycle()
    assert [r.step for r in reports.values()] == [3, 3, 3, 3, 4]
    assert h.engine.state is RunState.PAUSED and h.trainer.step_count == 4
    assert [e.state for e in h.of(p.StateChanged, since=start)] == [RunState.STEPPING, RunState.PAUSED]
    (snap,) = h.of(TrainSnapshot, since=start)
    assert snap.paused and snap.step == 4 and len(snap.new_step_losses) == 1
    h.phase()  # a walk begun while paused, then Resume: its batch goes back, the run trains it
    h.do(p.Resume())
    h.drain()
    assert h.engine.state is RunState.IDLE and h.of(p.RunFinished)[-1].summary.status == "completed"
    reference.run()
    assert h.trainer.step_losses == reference.step_losses and same(weights(h.trainer), weights(reference))


def test_phase_steps_are_refused_while_running():
    h = Harness()
    t = h.trainer
    real = t.train_step
    asked = {}

    def step() -> StepResult:
        result = real()
        if t.step_count == 2:
            asked["reply"] = h.do(p.PhaseStep())
            asked["explain"] = h.do(p.ExplainWeight("fc1.weight", (0, 0)))
        return result

    t.train_step = step
    h.do(p.Train())
    h.drain()
    assert (asked["reply"].ok, asked["reply"].field) == (False, "state")
    assert (asked["explain"].ok, asked["explain"].field) == (False, "state")
    assert not h.of(p.PhaseReport) and h.engine.walk is None


def test_a_diverged_step_phase_ends_as_a_diverged_step():
    h = Harness()
    with torch.no_grad():
        h.trainer.model.fc1.weight.fill_(float("nan"))
    reports = h.cycle()
    assert reports["step"].update is None and reports["step"].step == 0
    (finished,) = h.of(p.RunFinished)
    assert finished.summary.status == "diverged" and h.engine.state is RunState.IDLE


def test_views_computed_mid_walk_leave_the_walk_as_it_was():
    h, reference = Harness(probes={"graph": GraphTrainProbe()}), Harness()
    for _ in range(4):
        h.phase()
    h.do(p.CaptureViews())
    start = h.mark()
    h.drain()  # the graph preview: a forward and backward of its own
    assert h.of(p.Views, since=start)
    h.phase()
    reference.do(p.Step())
    assert same(weights(h.trainer), weights(reference.trainer))
    assert h.trainer.step_losses == reference.trainer.step_losses


def test_a_session_saved_mid_walk_holds_the_walks_batch_as_pending(tmp_path):
    h = Harness(config(dropout=0.3))
    for _ in range(3):
        h.phase()
    path = tmp_path / "mid.pgsession"
    assert h.do(p.SaveSession(str(path))).ok
    assert h.engine.walk is not None and h.engine.walk.next_phase == "backward"
    h.phase()
    h.phase()
    other = Harness(config(dropout=0.3))
    assert other.do(p.OpenSession(str(path))).ok
    other.do(p.Step())
    assert same(weights(h.trainer), weights(other.trainer))


# -- explaining one gradient -----------------------------------------------------------------------

def explained(h: Harness, param: str, index: tuple[int, ...]):
    start = h.mark()
    reply = h.do(p.ExplainWeight(param, index))
    assert reply.ok
    (event,) = h.of(p.GradientExplained, since=start)
    assert event.in_reply_to == reply.in_reply_to
    return event.explanation


@pytest.mark.parametrize("param, index", [("fc1.weight", (2, 1)), ("fc1.bias", (3,)), ("fc2.weight", (1, 0)),
                                          ("fc2.bias", (0,))])
def test_the_explained_gradient_is_w_grad(param, index):
    h = Harness(config(dropout=0.2, hidden=(4,)))
    h.phase()
    mid = explained(h, param, index)  # after forward: autograd.grad on the walk's graph
    for _ in range(3):
        h.phase()
    e = explained(h, param, index)  # after backward: w.grad itself
    w = dict(h.trainer.model.named_parameters())[param]
    assert e.autograd_value == float(w.grad[index]) and abs(e.chain_value - e.autograd_value) <= TOLERANCE
    assert (mid.chain_value, mid.autograd_value) == (e.chain_value, e.autograd_value)
    assert e.step == 0 and e.batch_size == 10 and e.param == param and e.index == index


def test_explaining_at_rest_shows_the_next_steps_gradient_and_moves_nothing():
    h, reference = Harness(config(dropout=0.3)), Harness(config(dropout=0.3))
    e = explained(h, "fc1.weight", (1, 1))
    assert e.agree and e.step == 0
    h.do(p.Step())
    reference.do(p.Step())
    assert same(weights(h.trainer), weights(reference.trainer))
    assert e.autograd_value == float(h.trainer.model.fc1.weight.grad[1, 1])


def test_the_explained_weight_is_the_one_the_step_phase_writes_out():
    h = Harness()
    explained(h, "fc2.bias", (1,))
    assert h.cycle()["step"].update.param == "fc2.bias"
    h.phase()
    explained(h, "fc2.weight", (0, 3))  # mid-walk: this walk's step shows it
    for _ in range(3):
        h.phase()
    u = h.phase().update
    assert (u.param, u.index) == ("fc2.weight", (0, 3))


def test_explaining_while_paused():
    h = Harness()
    h.pause_after(2)
    e = explained(h, "fc2.weight", (1, 2))
    assert e.agree and e.step == 2 and h.engine.state is RunState.PAUSED
    assert pickle.loads(pickle.dumps(e)) == e


@pytest.mark.parametrize("param, index, field", [("fc7.weight", (0, 0), "param"), ("weight", (0,), "param"),
                                                 ("fc1.weight", (9, 0), "index"), ("fc1.weight", (0,), "index"),
                                                 ("fc2.bias", (2,), "index"), ("fc2.bias", (-1,), "index")])
def test_a_bad_parameter_or_index_is_refused_naming_the_field(param, index, field):
    h = Harness()
    start = h.mark()
    reply = h.do(p.ExplainWeight(param, index))
    assert (reply.ok, reply.field) == (False, field) and reply.message
    assert h.events[start:] == [reply] and h.engine.selected is None
