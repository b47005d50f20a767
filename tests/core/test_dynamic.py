"""The dynamic model and dropout: a new graph on every training pass, traced and drawn readably.

The dynamic model (``--model dynamic``) runs a square middle layer a random 0 to 3 times on each
training forward pass; dropout draws a new mask on each. Both draw from the model's own generator
(``model.rng``, seeded with the config's seed): with hidden layers (8, 8) the seeds 0 and 1 draw 0
and 1 repeats on the first step, seed 0 then 3, 1, 0 (``REPEATS_SEED_0``).
"""

import dataclasses

import numpy as np
import pytest
import torch

from playground.core.config import TrainConfig
from playground.core.inspect import grid_axes, snapshot_views
from playground.core.lessons import SETTINGS, lesson_from_dict
from playground.core.probe import GraphProbe, graph_for_config, layer_stats, preview_snapshot, snapshot_for_config
from playground.core.trace import GraphSpec, group_title, layer_graph, trace_graph
from playground.core.training import Trainer

REPEATS_SEED_0 = [0, 3, 1, 0]  # the loop counts seed 0's first four steps draw


def dynamic(**changes) -> TrainConfig:
    return TrainConfig(**{"dataset": "moons", "model": "dynamic", "samples": 120, "epochs": 2, **changes})


def addmm_labels(spec: GraphSpec) -> list[str]:
    return sorted(n.label for n in spec.nodes if n.op == "AddmmBackward0")


def step_graphs(config: TrainConfig, steps: int) -> tuple[list, Trainer]:
    """The graph of each of the first ``steps`` training steps, and the repeats each drew."""
    trainer = Trainer(config)
    probe = GraphProbe()
    probe.attach(trainer)
    graphs = []
    for _ in range(steps):
        probe.request()
        trainer.train_step()
        graphs.append((probe.take(), trainer.model.last_repeats))
    return graphs, trainer


# -- the model's draws ------------------------------------------------------------------------


def test_each_training_step_draws_its_own_repeat_count_from_the_seed():
    graphs, _ = step_graphs(dynamic(), 4)
    assert [repeats for _, repeats in graphs] == REPEATS_SEED_0
    again, _ = step_graphs(dynamic(), 4)
    assert [s.spec.structure_key for s, _ in again] == [s.spec.structure_key for s, _ in graphs]


def test_two_steps_with_different_draws_have_different_graph_structures():
    (first, r1), (second, r2), (third, r3), (fourth, r4) = step_graphs(dynamic(), 4)[0]
    assert (r1, r2, r3, r4) == (0, 3, 1, 0)
    keys = [g.spec.structure_key for g in (first, second, third, fourth)]
    assert len(set(keys[:3])) == 3  # 0, 3 and 1 repeats: three structures
    assert keys[0] == keys[3]  # 0 repeats again: the same structure, traced anew
    for graph, repeats in ((first, 0), (second, 3), (third, 1)):
        fc3 = [n for n in graph.spec.nodes if n.op == "AddmmBackward0" and n.module == "fc3"]
        assert len(fc3) == repeats
        assert ("param:fc3.weight" in graph.spec.by_id) == (repeats > 0)  # unused weights are not in the graph


def test_dropout_masks_differ_between_steps_and_follow_the_seed():
    def masks(seed):
        trainer = Trainer(TrainConfig(dataset="moons", samples=120, dropout=0.5, seed=seed))
        trainer.model.tape = tape = []
        trainer.train_step()
        trainer.train_step()
        trainer.model.tape = None
        return [a.mask for a in tape if a.mask is not None]

    first, second, third, fourth = masks(0)  # two hidden layers, two steps
    assert first.shape == third.shape == (10, 8)
    assert not torch.equal(first, third) and not torch.equal(second, fourth)  # new masks on each step
    assert set(first.unique().tolist()) == {0.0, 2.0}  # dropped, or kept and scaled by 1 / (1 - 0.5)
    again = masks(0)
    assert all(torch.equal(a, b) for a, b in zip(again, [first, second, third, fourth]))
    assert not torch.equal(masks(1)[0], first)


def test_eval_mode_draws_nothing_and_has_no_dropout():
    trainer = Trainer(dynamic(dropout=0.5))
    model = trainer.model.eval()
    before = model.rng.get_state()
    with torch.no_grad():
        a, b = model(trainer.x_test), model(trainer.x_test)
    assert torch.equal(a, b) and torch.equal(model.rng.get_state(), before)


# -- the traced graph -------------------------------------------------------------------------


def test_graphs_of_seeds_0_and_1_differ_in_structure():
    g0, g1 = graph_for_config(dynamic(seed=0)), graph_for_config(dynamic(seed=1))
    assert g0.structure_key != g1.structure_key
    assert addmm_labels(g0) == ["Linear fc1: x @ W.T + b", "Linear fc2: x @ W.T + b", "Linear fc4: x @ W.T + b"]
    assert addmm_labels(g1) == ["Linear fc1: x @ W.T + b", "Linear fc2: x @ W.T + b",
                                "Linear fc3 (pass 1): x @ W.T + b", "Linear fc4: x @ W.T + b"]


def test_each_call_of_the_middle_layer_is_its_own_node_with_unique_ids():
    graphs, _ = step_graphs(dynamic(), 2)
    spec = graphs[1][0].spec  # 3 repeats
    ids = [n.id for n in spec.nodes]
    assert len(ids) == len(set(ids))
    assert addmm_labels(spec) == ["Linear fc1: x @ W.T + b", "Linear fc2: x @ W.T + b",
                                  "Linear fc3 (pass 1): x @ W.T + b", "Linear fc3 (pass 2): x @ W.T + b",
                                  "Linear fc3 (pass 3): x @ W.T + b", "Linear fc4: x @ W.T + b"]
    by_label = {n.label: n for n in spec.nodes}
    # the passes run in forward order: pass 1's output feeds pass 2 (through its activation)
    edges = {(e.source, e.target) for e in spec.edges}
    p1, p2 = by_label["Linear fc3 (pass 1): x @ W.T + b"], by_label["Linear fc3 (pass 2): x @ W.T + b"]
    act1 = next(t for s, t in edges if s == p1.id)
    assert spec.by_id[act1].op == "TanhBackward0" and (act1, p2.id) in edges
    assert (p1.group, p2.group) == ("fc3#1", "fc3#2")
    # one weight, shared: each pass has its own W.T fed by the same leaf
    w_t = sorted(n.label for n in spec.nodes if n.op == "TBackward0" and n.module == "fc3")
    assert w_t == ["fc3.weight.T (pass 1)", "fc3.weight.T (pass 2)", "fc3.weight.T (pass 3)"]
    assert sorted(t for s, t in edges if s == "param:fc3.weight") == sorted(
        n.id for n in spec.nodes if n.op == "TBackward0" and n.module == "fc3")
    assert spec.by_id["param:fc3.weight"].group == "fc3"


def test_the_layer_view_has_one_box_per_pass_and_a_shared_weights_box():
    graphs, _ = step_graphs(dynamic(), 2)
    full = graphs[1][0]
    layers = layer_graph(full.spec)
    labels = {n.id: n.label for n in layers.nodes}
    assert labels["layer:fc3"] == "fc3: Linear 8\u21928 weights, shared by 3 passes"
    for k in (1, 2, 3):
        assert labels[f"layer:fc3#{k}"] == f"fc3 (pass {k}): Linear 8\u21928 + Tanh"
    edges = {(e.source, e.target) for e in layers.edges}
    assert {("layer:fc2", "layer:fc3#1"), ("layer:fc3#1", "layer:fc3#2"), ("layer:fc3#2", "layer:fc3#3"),
            ("layer:fc3#3", "layer:fc4")} <= edges
    assert {("layer:fc3", f"layer:fc3#{k}") for k in (1, 2, 3)} <= edges
    stats = layer_stats(layers, full.spec, full.node_stats)
    assert stats["layer:fc3"]["params"] == ["param:fc3.bias", "param:fc3.weight"]
    assert all(stats[f"layer:fc3#{k}"]["grad_norm"] > 0 for k in (1, 2, 3))
    one = layer_graph(step_graphs(dynamic(), 3)[0][2][0].spec)  # 1 repeat
    assert {n.label for n in one.nodes} >= {"fc3: Linear 8\u21928 weights (1 pass)", "fc3 (pass 1): Linear 8\u21928 + Tanh"}
    assert group_title("fc3#2") == "fc3 (pass 2)" and group_title("fc2") == "fc2"


def test_a_layer_called_twice_without_a_model_is_numbered_too():
    fc = torch.nn.Linear(3, 3)
    x = torch.randn(4, 3)
    spec = trace_graph(fc(torch.tanh(fc(x))).sum(), None)
    assert len([n for n in spec.nodes if n.op == "AddmmBackward0"]) == 2
    model = torch.nn.Module()
    model.fc = fc
    spec = trace_graph(fc(torch.tanh(fc(x))).sum(), model)
    assert addmm_labels(spec) == ["Linear fc (pass 1): x @ W.T + b", "Linear fc (pass 2): x @ W.T + b"]


def test_dropout_multiplies_are_marked_with_their_mask():
    spec = graph_for_config(TrainConfig(dataset="moons", samples=120, dropout=(0.2, 0.4)))
    muls = sorted(n.label for n in spec.nodes if n.op == "MulBackward0")
    assert muls == ["Dropout fc1: x * dropout mask", "Dropout fc2: x * dropout mask"]
    masks = [n for n in spec.nodes if n.op == "mask"]
    assert sorted(n.group for n in masks) == ["fc1", "fc2"]
    assert all(n.label == "dropout mask" and n.kind == "input" and n.shape == [10, 8] for n in masks)
    assert [n.id for n in spec.nodes if n.kind == "input" and n.op == "input"] == ["input"]  # no stray inputs
    layers = {n.id: n.label for n in layer_graph(spec).nodes}
    assert layers["layer:fc1"] == "fc1: Linear 2\u21928 + Tanh + Dropout"
    assert layers["layer:fc3"] == "fc3: Linear 8\u21922"
    no_dropout = graph_for_config(TrainConfig(dataset="moons", samples=120))
    assert not [n for n in no_dropout.nodes if n.op in ("MulBackward0", "mask")]


def test_the_graph_json_round_trips_with_passes_and_masks():
    spec = graph_for_config(dynamic(seed=1, dropout=0.2))
    back = GraphSpec.from_dict(spec.to_dict())
    assert back.structure_key == spec.structure_key
    assert [dataclasses.astuple(n) for n in back.nodes] == [dataclasses.astuple(n) for n in spec.nodes]


def test_the_preview_draws_what_the_first_step_draws_and_moves_no_generator():
    trainer = Trainer(dynamic(seed=1, dropout=0.3))
    rng = trainer.model.rng.get_state()
    preview = preview_snapshot(trainer)
    assert torch.equal(trainer.model.rng.get_state(), rng)
    first = snapshot_for_config(dynamic(seed=1, dropout=0.3))
    assert addmm_labels(preview.spec) == addmm_labels(first.spec)
    straight = Trainer(dynamic(seed=1, dropout=0.3))
    trainer.run()
    straight.run()
    assert trainer.step_losses == straight.step_losses  # the preview changed nothing in the run


# -- the views --------------------------------------------------------------------------------


def test_views_draw_the_middle_layer_and_the_eval_output():
    trainer = Trainer(dynamic(hidden=(5, 6), dropout=0.4))
    trainer.run()
    rng = trainer.model.rng.get_state()
    snap = snapshot_views(trainer, resolution=20, neuron_resolution=8)
    assert torch.equal(trainer.model.rng.get_state(), rng)  # eval mode: no draws
    assert snap.sizes == (2, 5, 6, 6, 2) and snap.loop_layer == 3
    assert [w.shape for w in snap.weights] == [(5, 2), (6, 5), (6, 6), (2, 6)]
    assert [m.shape for m in snap.neuron_maps] == [(5, 8, 8), (6, 8, 8), (6, 8, 8)]
    model = trainer.model.eval()
    xs, ys = grid_axes(snap.extent, 20)
    gx, gy = np.meshgrid(xs, ys)
    points = torch.as_tensor(np.stack([gx.ravel(), gy.ravel()], 1))
    with torch.no_grad():
        test_pred = model(trainer.x_test).argmax(1)
        p1 = torch.softmax(model(points), 1)[:, 1].reshape(20, 20).numpy()
        hidden = model.hidden_activations(points)
    assert snap.accuracy == pytest.approx(float((test_pred == trainer.y_test).float().mean()))
    np.testing.assert_allclose(snap.grid, p1, rtol=0, atol=1e-5)  # the eval output: the average over 0-3 repeats
    assert torch.allclose(hidden[2], torch.tanh(model.fc3(hidden[1])))  # the middle layer's map: its first call
    again = snapshot_views(trainer, resolution=20, neuron_resolution=8)
    assert (again.grid == snap.grid).all()
    mlp = snapshot_views(Trainer(TrainConfig(dataset="moons", samples=120, dropout=0.5)), resolution=8)
    assert mlp.loop_layer is None and mlp.sizes == (2, 8, 8, 2)


# -- settings -----------------------------------------------------------------------------------


def test_lessons_can_lock_and_hide_model_and_dropout():
    assert {"model", "dropout"} <= set(SETTINGS)
    lesson = lesson_from_dict({"name": "dyn", "title": "Dyn", "text": ["One."],
                               "config": {"dataset": "moons", "model": "dynamic", "dropout": [0.1, 0.2]},
                               "locked": ["model"], "hidden": ["dropout"], "solution": {"hidden": [4, 4]}})
    assert lesson.config.model == "dynamic" and lesson.config.dropout == (0.1, 0.2)
    assert lesson.locked == ("model",) and lesson.hidden == ("dropout",)
    assert lesson.solution.dropout == (0.1, 0.2)
