"""The graph panel: items match the spec, live recolor without re-layout, selection, layer mode, export."""

from __future__ import annotations

import json

import pytest
import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QGraphicsSceneHoverEvent
from torch import nn

from playground.core.model import MLP
from playground.core.presets import get_preset
from playground.core.probe import GraphProbe, GraphSnapshot, snapshot_for_config
from playground.core.trace import trace_graph
from playground.core.training import Trainer
from playground.ui.views.graph_items import EdgeItem, NodeItem
from playground.ui.views.graph_view import GraphPanel


@pytest.fixture
def seed_config():
    return get_preset("seed-example").config


@pytest.fixture
def panel(qtbot):
    w = GraphPanel()
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def _snapshots(config, n):
    trainer = Trainer(config)
    probe = GraphProbe()
    probe.attach(trainer)
    out = []
    for _ in range(n):
        probe.request()
        trainer.train_step()
        out.append(probe.take())
    return out


def test_items_match_the_spec(panel, seed_config):
    snap = snapshot_for_config(seed_config, steps=3)
    panel.set_snapshot(snap)
    assert panel.findChild(object, "graphView") is panel.view
    assert not panel.layer_mode  # 14 nodes: the whole autograd graph
    nodes = [it for it in panel.scene.items() if isinstance(it, NodeItem)]
    edges = [it for it in panel.scene.items() if isinstance(it, EdgeItem)]
    assert {it.node_id for it in nodes} == {n.id for n in snap.spec.nodes}
    assert {(e.source, e.target) for e in edges} == {(e.source, e.target) for e in snap.spec.edges}
    for it in nodes:  # every node drawn whole and apart from the others
        box = it.mapRectToScene(it.rect())
        assert not any(o is not it and o.mapRectToScene(o.rect()).intersects(box) for o in nodes)
    item = panel.nodes["param:fc1.weight"]
    assert "fc1.weight" in item.lines[0] and "[5\u00d710]" in item.lines
    item.hoverEnterEvent(QGraphicsSceneHoverEvent())  # the tooltip is built on hover
    assert item.hovered and "|grad|" in item.toolTip() and "fc1.weight" in item.toolTip()
    item.hoverLeaveEvent(QGraphicsSceneHoverEvent())
    # Parameters and ops are drawn differently; gradient colors the ops and parameters.
    assert item.fill != panel.nodes["input"].fill
    assert panel.nodes["param:fc1.weight"].grad_fraction is not None
    assert panel.nodes["input"].grad_fraction is None
    assert panel.legend.lo is not None and panel.legend.hi >= panel.legend.lo


def test_recolor_without_relayout_until_structure_changes(panel, seed_config):
    a, b = _snapshots(seed_config, 2)
    panel.set_snapshot(a)
    items = dict(panel.nodes)
    pos = {k: it.pos() for k, it in items.items()}
    widths = {k: e.width for k, e in panel.edges.items()}
    panel.set_snapshot(b)
    assert panel.nodes == items and all(items[k].pos() == pos[k] for k in items)  # same items, same places
    assert all(panel.nodes[k] is items[k] for k in items)
    assert b.node_stats != a.node_stats  # the second step's gradients differ ...
    assert {k: e.width for k, e in panel.edges.items()} != widths  # ... and the edges show it
    (c,) = _snapshots(seed_config.replace(hidden=(5, 3)), 1)  # an architecture edit
    panel.set_snapshot(c)
    assert "param:fc3.weight" in panel.nodes and panel.nodes["param:fc1.weight"] is not items["param:fc1.weight"]


def test_click_selects_and_inspector_shows_statistics(panel, qtbot, seed_config):
    snap = snapshot_for_config(seed_config, steps=2)
    panel.set_snapshot(snap)
    item = panel.nodes["param:fc2.weight"]
    point = panel.view.mapFromScene(item.scenePos())
    with qtbot.waitSignal(panel.nodeSelected) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["param:fc2.weight"]
    text = panel.inspector.details.text()
    st = snap.node_stats["param:fc2.weight"]
    assert panel.inspector.title.text() == "fc2.weight"
    assert "[2, 5]" in text and f"{st['grad_norm']:.3g}" in text and f"{st['mean']:.3g}" in text
    assert panel.inspector.value_hist.isVisible() and panel.inspector.grad_hist.isVisible()
    assert panel.inspector.value_hist.counts.sum() == 10
    with qtbot.waitSignal(panel.nodeSelected) as blocker:  # an op: its module and saved shapes
        panel.select_node("op2:Addmm")
    assert "fc2" in panel.inspector.details.text() and "[10, 5]" in panel.inspector.details.text()
    assert not panel.inspector.value_hist.isVisible()


def test_zoom_pan_fit_and_direction(panel, qtbot, seed_config):
    panel.set_snapshot(snapshot_for_config(seed_config))
    z = panel.view.zoom
    panel.view.zoom_by(2.0)
    assert panel.view.zoom == pytest.approx(2 * z)
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    assert panel.view.zoom == pytest.approx(z, rel=0.05)
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(panel.scene.itemsBoundingRect())  # Fit shows it whole
    y_tb = panel.nodes["loss"].y() - panel.nodes["input"].y()
    qtbot.mouseClick(panel.direction_button, Qt.MouseButton.LeftButton)
    assert panel.rankdir == "LR"
    assert panel.nodes["loss"].x() - panel.nodes["input"].x() > 0 and y_tb > 0
    assert panel.view.dragMode() == panel.view.DragMode.ScrollHandDrag


def test_deep_network_stays_readable(panel, qtbot):
    torch.manual_seed(0)
    model = MLP(2, (8,) * 19, 2, "relu")  # 20 layers
    loss = nn.CrossEntropyLoss()(model(torch.randn(8, 2)), torch.randint(0, 2, (8,)))
    probe = GraphProbe()
    probe.capture(loss, model)
    loss.backward()
    snap = probe.take()
    assert len(snap.spec.nodes) > 100
    panel.set_snapshot(snap)
    assert panel.layer_mode  # big graphs start as one box per layer
    assert len(panel.nodes) == 20 + 1 + 3  # fc1..fc20, the loss function, input, target, loss
    assert panel.nodes_out_of_view() == []  # fitted whole when it first appears
    assert panel.nodes["layer:fc5"].lines[0] == "fc5: Linear 8\u21928 + ReLU"
    assert panel.nodes["layer:fc5"].grad_fraction is not None
    with qtbot.waitSignal(panel.nodeSelected):
        panel.select_node("layer:fc5")
    assert "fc5.weight" in panel.inspector.details.text()
    qtbot.mouseClick(panel.layers_button, Qt.MouseButton.LeftButton)  # back to every autograd node
    assert not panel.layer_mode and len(panel.nodes) == len(snap.spec.nodes)


@pytest.mark.parametrize("fmt", ["svg", "png", "dot"])
def test_export_from_context_menu(panel, seed_config, tmp_path, monkeypatch, fmt):
    panel.set_snapshot(snapshot_for_config(seed_config))
    target = tmp_path / "graph"  # no extension: the panel adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    menu = panel.view.context_menu()
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"svg", "png", "dot"}
    actions[fmt].trigger()
    out = tmp_path / f"graph.{fmt}"
    data = out.read_bytes()
    if fmt == "svg":
        assert data.lstrip().startswith(b"<?xml") and b"<svg" in data and b"fc1.weight" in data
    elif fmt == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    else:
        assert data.decode().lstrip().startswith("digraph") and b"param:fc1.weight" in data
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temp file left behind
    menu.deleteLater()


def test_export_cancelled_writes_nothing(panel, seed_config, tmp_path, monkeypatch):
    panel.set_snapshot(snapshot_for_config(seed_config))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert panel.export("png") is None


def test_clear_and_snapshot_without_stats(panel, qtbot, seed_config):
    torch.manual_seed(0)
    model = MLP(10, (5,), 2, "relu")
    loss = nn.CrossEntropyLoss()(model(torch.randn(4, 10)), torch.tensor([0, 1, 0, 1]))
    panel.set_snapshot(GraphSnapshot(trace_graph(loss, model), {}))  # structure only: neutral colors
    assert len(panel.nodes) == 14 and all(it.grad_fraction is None for it in panel.nodes.values())
    panel.select_node("param:fc1.bias")
    with qtbot.waitSignal(panel.nodeSelected) as blocker:
        panel.clear()
    assert blocker.args == [""]
    assert panel.nodes == {} and panel.scene.items() == [] and panel.inspector.node_id is None


def test_graph_json_spec_renders(panel, seed_config, tmp_path):
    """A spec read back from the CLI's JSON draws the same items."""
    from playground.core.probe import graph_for_config
    from playground.core.trace import GraphSpec

    spec = GraphSpec.from_dict(json.loads(json.dumps(graph_for_config(seed_config).to_dict())))
    panel.set_snapshot(GraphSnapshot(spec, {}))
    assert set(panel.nodes) == {n.id for n in spec.nodes}
    panel.write(tmp_path / "x.png")
    assert (tmp_path / "x.png").stat().st_size > 0
    point = panel.view.mapFromScene(panel.nodes["loss"].scenePos())
    assert isinstance(point, QPoint)


# -- fitting the pane ------------------------------------------------------------------------


def test_panel_fits_a_narrow_pane(qtbot, seed_config):
    w = GraphPanel()
    qtbot.addWidget(w)
    w.set_snapshot(snapshot_for_config(seed_config, steps=2))
    assert w.minimumSizeHint().width() <= 300  # the default font: a 1024-wide window has room for it
    w.direction_button.setChecked(True)  # the longer button texts
    w.layers_button.setChecked(True)
    assert w.minimumSizeHint().width() <= 300
    w.select_node("layer:fc1")  # the inspector shown beside the graph
    assert not w.inspector.isHidden() and w.minimumSizeHint().width() <= 300
    w.resize(300, 420)
    w.show()
    qtbot.waitExposed(w)
    assert w.clipped_texts() == []
    # legend and caption on a row of their own, under the buttons
    assert w.legend.geometry().top() >= w.fit_button.geometry().bottom()
    assert w.caption.geometry().top() >= w.fit_button.geometry().bottom()


def test_the_first_graph_is_fitted_whole(panel, seed_config):
    panel.set_snapshot(snapshot_for_config(seed_config, steps=2))
    assert panel.nodes and panel.nodes_out_of_view() == []
    seen = panel.visible_scene_rect()
    for it in panel.nodes.values():
        assert seen.contains(it.mapRectToScene(it.rect()))


@pytest.mark.parametrize("size", [(520, 260), (300, 700), (900, 300)])
def test_fitted_when_the_pane_is_resized_before_the_first_paint(qtbot, seed_config, size):
    w = GraphPanel()
    qtbot.addWidget(w)
    w.set_snapshot(snapshot_for_config(seed_config.replace(hidden=(16, 16, 16)), steps=1))  # before it is shown
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.nodes_out_of_view() == []
    w.resize(size[1] + 100, size[0])  # and after any resize until the user zooms
    qtbot.waitUntil(lambda: w.width() == size[1] + 100)
    assert w.nodes_out_of_view() == []


def test_a_new_structure_is_fitted_even_after_zooming(panel, seed_config):
    panel.set_snapshot(snapshot_for_config(seed_config))
    panel.view.zoom_by(4.0)
    panel.view.auto_fit = False  # as a wheel zoom leaves it
    assert panel.nodes_out_of_view() != []
    (c,) = _snapshots(seed_config.replace(hidden=(5, 3)), 1)
    panel.set_snapshot(c)
    assert "param:fc3.weight" in panel.nodes and panel.nodes_out_of_view() == []
    assert panel.view.horizontalScrollBar().maximum() == 0 and panel.view.verticalScrollBar().maximum() == 0


def test_inspector_wraps_long_op_names(qtbot, seed_config):
    w = GraphPanel()
    qtbot.addWidget(w)
    w.resize(300, 420)
    w.show()
    w.set_snapshot(snapshot_for_config(seed_config.replace(activation="tanh"), steps=2))
    op = next(nid for nid, it in w.nodes.items() if it.node.op.startswith("TanhBackward"))
    w.select_node(op)
    qtbot.waitUntil(lambda: w.inspector.isVisible())
    w.splitter.setSizes([1000, 1])  # the inspector at its narrowest
    qtbot.wait(10)
    assert w.inspector.width() <= round(w.em * 14) + 2
    assert "Tanh\u200bBackward" in w.inspector.details.text()  # may break before "Backward"
    assert w.inspector.clipped_texts() == []


def test_a_zoomed_font_lays_the_graph_out_again(panel, seed_config):
    from PySide6.QtGui import QFont

    panel.set_snapshot(snapshot_for_config(seed_config))
    before = panel.nodes["loss"].font.pointSizeF()
    font = QFont(panel.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    panel.setFont(font)
    assert panel.nodes["loss"].font.pointSizeF() == pytest.approx(before * 1.5)
    assert panel.nodes_out_of_view() == []
