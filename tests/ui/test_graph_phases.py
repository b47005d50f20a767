"""The graph panel, one phase of one mini-batch at a time, and the dynamic graph's changes marked."""

from __future__ import annotations

import pytest
import torch
from phase_reports import phase_reports  # noqa: E402  (tests/ui/phase_reports.py)

from playground.core.presets import get_preset
from playground.core.probe import GraphProbe
from playground.core.trace import GraphEdge, GraphNode, GraphSpec
from playground.core.training import Trainer
from playground.engine.protocol import PhaseReport
from playground.ui.views.graph_phases import reveal_groups, structure_keys, values_text
from playground.ui.views.graph_view import GraphPanel


@pytest.fixture
def panel(qtbot):
    w = GraphPanel()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.phases.end()


@pytest.fixture(scope="module")
def reports():
    return phase_reports(get_preset("seed-example").config)


def test_forward_grows_the_graph_node_by_node_and_a_second_press_jumps_to_the_end(panel, qtbot, reports):
    fwd = reports["forward"]
    panel.show_phase(fwd)
    groups = reveal_groups(fwd.graph, fwd.order)
    assert panel.phase == "forward" and panel.animating()
    assert panel.revealed_nodes() == groups[0]  # the first at once: "input", fc1's parameters, fc1's op...
    assert all(not panel.nodes[n].isVisible() for g in groups[1:] for n in g if n not in groups[0])
    with qtbot.waitSignal(panel.animationFinished, timeout=5000):
        pass
    assert not panel.animating()
    assert panel.revealed_nodes() == [n for g in groups for n in g]  # in the forward pass's order
    ops = [panel.revealed_nodes().index(n) for n in fwd.order]
    assert ops == sorted(ops)
    assert set(panel.revealed_nodes()) == {n.id for n in fwd.graph.nodes}
    first = fwd.order[0]
    assert panel.phase_label(first) == "= 0.5, -0.25, 0.125 \u2026"
    assert panel.phase_label(first) in panel.nodes[first].lines  # drawn on the node, under its shape
    assert any(line.startswith("[") for line in panel.nodes[first].lines)
    assert all(e.isVisible() for e in panel.edges.values())

    panel.show_phase(fwd)  # again, and jump
    assert panel.animating() and len(panel.revealed_nodes()) < len(fwd.graph.nodes)
    with qtbot.waitSignal(panel.animationFinished, timeout=1000):
        panel.finish_animation()
    assert not panel.animating() and len(panel.revealed_nodes()) == len(fwd.graph.nodes)


def test_loss_zero_grad_backward_and_step_each_show_their_numbers(panel, qtbot, reports):
    panel.show_phase(reports["forward"])
    panel.finish_animation()
    loss = reports["loss"]
    panel.show_phase(loss)
    assert panel.phase == "loss" and not panel.animating()
    assert panel.phase_label("loss") == f"loss = {loss.loss:.3g}"
    assert "loss" in panel.revealed_nodes() and len(panel.nodes) == len(loss.graph.nodes)
    # the forward values moved over to the same ops of the loss graph (traced again: other ids)
    assert sum(1 for nid in panel.nodes if panel.phase_label(nid).startswith("= ")) == len(reports["forward"].order)

    panel.show_phase(reports["zero_grad"])
    params = [n.id for n in loss.graph.nodes if n.kind == "param"]
    assert len(params) == 4 and all(panel.phase_label(p) == ".grad = None" for p in params)
    assert all(panel.nodes[p].grad_fraction is None for p in params)

    back = reports["backward"]
    panel.show_phase(back)
    assert panel.animating() and panel.lit_nodes() == [back.order[0]]
    with qtbot.waitSignal(panel.animationFinished, timeout=5000):
        pass
    assert panel.lit_nodes() == list(back.order)  # in the order autograd ran them
    norm = back.grad_norms["param:fc1.weight"]
    assert panel.phase_label("param:fc1.weight") == f"|grad| {norm:.3g}"
    assert all(panel.nodes[nid].grad_fraction is not None for nid in back.order)
    assert panel.nodes["input"].grad_fraction is None

    panel.show_phase(reports["step"])
    assert panel.phase_label("param:fc1.weight") == "moved 0.001"
    assert panel.phase_label("param:fc2.bias") == "moved 0.004"
    assert panel.caption.text() == "step 1 \u00b7 14 nodes \u00b7 step"


def test_a_snapshot_during_phases_waits_until_they_end(panel, reports):
    trainer = Trainer(get_preset("seed-example").config)
    probe = GraphProbe()
    probe.attach(trainer)
    probe.request()
    trainer.train_step()
    snap = probe.take()
    panel.show_phase(reports["forward"])
    panel.finish_animation()
    panel.set_snapshot(snap)
    assert panel.phase == "forward" and panel.snapshot is snap
    panel.end_phases()
    assert panel.phase is None and panel.phase_label("param:fc1.weight") == ""
    assert panel.caption.text() == f"step {snap.step} \u00b7 {len(snap.spec.nodes)} nodes" and len(panel.revealed_nodes()) == len(snap.spec.nodes)


def _dynamic_snapshots(n):
    config = get_preset("seed-example").config.replace(model="dynamic")
    trainer = Trainer(config)
    probe = GraphProbe()
    probe.attach(trainer)
    out = []
    for _ in range(n):
        probe.request()
        trainer.train_step()
        out.append((probe.take(), trainer.model.last_repeats))
    return out


def test_the_dynamic_graph_marks_what_is_new_since_the_last_step(panel):
    snaps = _dynamic_snapshots(30)
    (a, ra), (b, rb) = next((x, y) for x, y in zip(snaps, snaps[1:]) if y[1] > x[1] >= 1)
    panel.set_snapshot(a)
    assert panel.changed_nodes() == [] and panel.change_text() == ""
    panel.set_snapshot(b)
    grown = len(b.spec.nodes) - len(a.spec.nodes)
    assert grown == 3 * (rb - ra)  # each more use of the middle layer: its W.T, Addmm and activation
    assert len(panel.changed_nodes()) == grown
    ops = {b.spec.by_id[n].op for n in panel.changed_nodes()}
    assert ops == {"AddmmBackward0", "TBackward0", "ReluBackward0"} or ops == {"AddmmBackward0", "TBackward0",
                                                                                "TanhBackward0"}
    assert panel.change_text() == (f"This step's graph: {len(b.spec.nodes)} nodes (+{grown} since the last one "
                                   "shown); dashed frame: new")
    assert all(panel.nodes[n].changed for n in panel.changed_nodes())
    assert panel.clipped_texts() == []
    panel.set_snapshot(b)  # the same structure again: nothing is new
    assert panel.changed_nodes() == [] and panel.change_text() == ""
    panel.set_snapshot(a)  # fewer uses: nothing new, the count says so
    assert panel.changed_nodes() == [] and panel.change_text() == (
        f"This step's graph: {len(a.spec.nodes)} nodes ({-grown:+d} since the last one shown)")
    panel.clear()
    panel.set_snapshot(b)
    assert panel.changed_nodes() == []  # a new network: nothing to compare with


def test_structure_keys_follow_what_a_node_is_not_its_id():
    def spec(ids):
        a, b, c = (GraphNode(i, "AddmmBackward0", "Linear", "op", module="fc2") for i in ids)
        return GraphSpec([a, b, c], [GraphEdge(a.id, b.id), GraphEdge(b.id, c.id)])

    one, two = spec(["op0", "op1", "op2"]), spec(["op7", "op3", "op5"])
    assert list(structure_keys(one).values()) == list(structure_keys(two).values())
    assert structure_keys(two)["op5"] == ("op", "AddmmBackward0", "fc2", 2)


def test_values_text():
    assert values_text({"shape": [4, 2], "values": [1.0, -0.5, 0.25, 8.0]}) == "= 1, -0.5, 0.25 \u2026"
    assert values_text({"shape": [2], "values": [1.0, 2.0]}) == "= 1, 2"
    assert values_text({"shape": [], "values": [torch.tensor(0.5).item()]}) == "= 0.5"
    assert values_text(None) == ""


def test_a_big_graph_grows_in_under_three_seconds(panel, qtbot):
    nodes = [GraphNode(f"op{k}:Relu", "ReluBackward0", "Relu", "op", shape=[10, 4]) for k in range(150)]
    spec = GraphSpec(nodes, [GraphEdge(a.id, b.id) for a, b in zip(nodes, nodes[1:])])
    panel.show_phase(PhaseReport("forward", 0, 10, graph=spec, order=tuple(n.id for n in nodes)))
    assert panel.phases.timer.interval() * len(panel.phases._queue) < 3000
    with qtbot.waitSignal(panel.animationFinished, timeout=5000):
        pass
    assert panel.revealed_nodes() == [n.id for n in nodes]
