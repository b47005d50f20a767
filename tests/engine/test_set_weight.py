"""ReadWeight and SetWeight, the engine driven directly (tests/engine/test_engine.py's harness): one
number written in place, the views sent again, refused while a run trains or for a bad name, index
or value, and training going on from the edited weights with the run's record kept."""

from __future__ import annotations

import pytest
import torch
from test_engine import config, configured, same, weights  # noqa: E402  (tests/engine/test_engine.py)

from playground.core.inspect import snapshot_views
from playground.core.training import Trainer
from playground.engine import protocol as p
from playground.engine.reporter import FunctionProbe, GraphTrainProbe, TrainSnapshot

SHAPES = "fc1.weight, fc1.bias, fc2.weight, fc2.bias"


def edited(reference: Trainer, param: str, index: tuple[int, ...], value: float) -> None:
    with torch.no_grad():
        reference.model.get_parameter(param)[index] = value


def test_set_weight_writes_exactly_that_number_and_the_next_views_show_it():
    h = configured(probes={"graph": GraphTrainProbe(), "views": FunctionProbe(snapshot_views)})
    h.drain()  # the new network's views
    before = weights(h.trainer)
    start = h.mark()
    h.put(p.SetWeight("fc1.weight", (2, 0), 0.5, seq=2))
    h.drain()
    events = h.events[start:]
    assert [type(e) for e in events] == [p.Reply, p.Views]  # the same network: no ModelInfo
    assert events[0] == p.Reply(2, True, "")
    after = weights(h.trainer)
    assert after["fc1.weight"][2, 0].item() == 0.5
    expected = {k: v.clone() for k, v in before.items()}
    expected["fc1.weight"][2, 0] = 0.5
    assert same(after, expected)  # every other number as it was
    assert before["fc1.weight"][2, 0].item() != 0.5
    views = events[1]
    assert views.step == 0 and views.graph is not None
    assert views.views.weights[0][2, 0] == 0.5
    assert views.views.weights[0].tolist() == expected["fc1.weight"].tolist()
    # a bias too, and the engine reads back what it wrote
    assert h.do(p.SetWeight("fc2.bias", (1,), -1.25, seq=3)).ok
    start = h.mark()
    assert h.do(p.ReadWeight("fc2.bias", (1,), seq=4)).ok
    assert h.of(p.WeightValue, since=start) == [p.WeightValue("fc2.bias", (1,), -1.25, None, in_reply_to=4)]


def test_read_weight_gives_the_value_and_the_grad_of_the_last_backward():
    h = configured()
    start = h.mark()
    assert h.do(p.ReadWeight("fc1.weight", (2, 0), seq=2)).ok
    (value,) = h.of(p.WeightValue, since=start)
    w = h.trainer.model.get_parameter("fc1.weight").detach()
    assert value == p.WeightValue("fc1.weight", (2, 0), float(w[2, 0]), None, in_reply_to=2)  # no step yet
    h.put(p.Step(seq=3))
    h.drain()
    start = h.mark()
    assert h.do(p.ReadWeight("fc1.weight", [2, 0], seq=4)).ok
    (value,) = h.of(p.WeightValue, since=start)
    assert value.grad is not None and value.grad == float(h.trainer.model.get_parameter("fc1.weight").grad[2, 0]) and value.value == float(w[2, 0])
    assert value.index == (2, 0)


@pytest.mark.parametrize("command, field, message", [
    (p.SetWeight("fc9.weight", (0, 0), 1.0), "param", f"unknown parameter 'fc9.weight'; the network has {SHAPES}"),
    (p.SetWeight("fc1.weight", (4, 0), 1.0), "index", "[4, 0] is out of range for fc1.weight of shape [4, 2]"),
    (p.SetWeight("fc1.bias", (0, 0), 1.0), "index", "[0, 0] is out of range for fc1.bias of shape [4]"),
    (p.SetWeight("fc1.weight", "0", 1.0), "index",
     "'0' is not an index; fc1.weight has shape [4, 2]: give 2 whole numbers"),
    (p.SetWeight("fc1.weight", (0, 0), float("nan")), "value",
     "nan is not a finite number; allowed: a number from -3.403e+38 to 3.403e+38, e.g. 0.5"),
    (p.SetWeight("fc1.weight", (0, 0), float("-inf")), "value",
     "-inf is not a finite number; allowed: a number from -3.403e+38 to 3.403e+38, e.g. 0.5"),
    (p.SetWeight("fc1.weight", (0, 0), 1e39), "value",
     "1e+39 is not a finite number; allowed: a number from -3.403e+38 to 3.403e+38, e.g. 0.5"),
    (p.SetWeight("fc1.weight", (0, 0), "0.5"), "value",
     "'0.5' is not a finite number; allowed: a number from -3.403e+38 to 3.403e+38, e.g. 0.5"),
    (p.ReadWeight("fc1.wieght", (0, 0)), "param", f"unknown parameter 'fc1.wieght'; the network has {SHAPES}"),
])
def test_a_bad_name_index_or_value_is_refused_and_nothing_changes(command, field, message):
    h = configured()
    h.drain()  # the new network's views
    before = weights(h.trainer)
    start = h.mark()
    reply = h.do(type(command)(**{**command.__dict__, "seq": 2}))
    assert (reply.ok, reply.field, reply.message) == (False, field, message)
    assert same(weights(h.trainer), before)
    assert h.events[start:] == [reply] and not h.engine.stale


def test_set_weight_is_refused_while_a_run_trains_and_allowed_while_paused():
    h = configured()
    h.on_step({2: [p.SetWeight("fc1.weight", (0, 0), 2.0, seq=3)], 4: [p.Pause(seq=4)]})
    h.put(p.Train(seq=2))
    h.drain()
    refused = h.reply(3)
    assert (refused.ok, refused.field, refused.message) == (
        False, "state", "cannot edit a weight while a run is training: pause or stop it first")
    assert h.engine.state == "paused" and h.trainer.step_count == 4
    assert h.trainer.model.get_parameter("fc1.weight")[0, 0].item() != 2.0
    assert h.do(p.SetWeight("fc1.weight", (0, 0), 2.0, seq=5)).ok
    assert h.trainer.model.get_parameter("fc1.weight")[0, 0].item() == 2.0 and h.engine.state == "paused"


def test_a_resumed_run_trains_on_from_the_edited_weights_and_keeps_its_record():
    h = configured()
    h.on_step({5: [p.Pause(seq=3)]})
    h.put(p.Train(seq=2))
    h.drain()
    losses = list(h.trainer.step_losses)
    assert len(losses) == 5
    h.put(p.SetWeight("fc2.weight", (1, 3), -0.75, seq=4), p.Train(seq=5))  # Train resumes
    h.drain()
    assert h.trainer.step_count == 12 and h.trainer.step_losses[:5] == losses  # the record stays
    assert [s["status"] for s in (e.summary.to_dict() for e in h.of(p.RunFinished))] == ["completed"]
    reference = Trainer(config())
    for _ in range(5):
        reference.train_step()
    edited(reference, "fc2.weight", (1, 3), -0.75)
    for _ in range(7):
        reference.train_step()
    assert same(weights(h.trainer), weights(reference))
    assert h.trainer.step_losses == reference.step_losses


def test_a_step_after_an_edit_starts_from_the_edited_value():
    h = configured()
    assert h.do(p.SetWeight("fc1.bias", (3,), 0.25, seq=2)).ok
    start = h.mark()
    h.put(p.Step(seq=3))
    h.drain()
    assert len(h.of(TrainSnapshot, since=start)) == 1
    reference, unedited = Trainer(config()), Trainer(config())
    edited(reference, "fc1.bias", (3,), 0.25)
    reference.train_step()
    unedited.train_step()
    assert same(weights(h.trainer), weights(reference))
    assert not same(weights(h.trainer), weights(unedited))


def test_an_edit_mid_walk_gives_the_walks_batch_back():
    h = configured()
    assert h.do(p.PhaseStep(seq=2)).ok  # forward ran on the old value
    assert h.engine.walk is not None
    assert h.do(p.SetWeight("fc1.weight", (1, 1), 0.125, seq=3)).ok
    assert h.engine.walk is None
    start = h.mark()
    assert h.do(p.PhaseStep(seq=4)).ok
    (forward,) = h.of(p.PhaseReport, since=start)
    assert forward.phase == "forward" and forward.model_changed


def test_the_graph_at_rest_keeps_the_last_steps_grad_for_the_editor():
    h = configured(probes={"graph": GraphTrainProbe(), "views": FunctionProbe(snapshot_views)})
    h.put(p.Step(seq=2))
    h.drain()
    grad = h.trainer.model.get_parameter("fc2.weight").grad.clone()
    start = h.mark()
    h.put(p.SetWeight("fc2.weight", (0, 1), 0.5, seq=3))
    h.drain()
    views = h.of(p.Views, since=start)
    assert len(views) == 1 and views[0].graph is not None  # the graph's own backward pass ran
    assert torch.equal(h.trainer.model.get_parameter("fc2.weight").grad, grad)
    h.put(p.ReadWeight("fc2.weight", (0, 1), seq=4))
    h.drain()
    (value,) = h.of(p.WeightValue, since=start)
    assert (value.value, value.grad) == (0.5, float(grad[0, 1]))


def test_an_edit_at_rest_sends_a_checkpoint_a_new_engine_keeps():
    from test_engine import Harness  # noqa: E402  (tests/engine/test_engine.py)

    h = configured(checkpoints=True)
    start = h.mark()
    assert h.do(p.SetWeight("fc1.weight", (1, 1), 0.75, seq=2)).ok
    (checkpoint,) = h.of(p.Checkpoint, since=start)
    other = Harness()
    assert other.do(p.Restore(checkpoint.data, seq=1)).ok  # the engine was lost: a new one from the checkpoint
    assert other.trainer.model.get_parameter("fc1.weight")[1, 1].item() == 0.75
    assert same(weights(other.trainer), weights(h.trainer))
    start = h.mark()
    assert h.do(p.EditPoints(add=((0.5, 0.5, 1),), seq=3)).ok  # drawn points too
    (checkpoint,) = h.of(p.Checkpoint, since=start)
    assert other.do(p.Restore(checkpoint.data, seq=2)).ok
    assert len(other.trainer.x_train) + len(other.trainer.x_test) == len(h.trainer.x_train) + len(h.trainer.x_test)
    assert other.trainer.table is not None and other.trainer.table.source == "drawn"
