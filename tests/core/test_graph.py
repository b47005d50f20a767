"""The autograd graph: tracing, live statistics, structure key, layout, export, CLI (no Qt)."""

from __future__ import annotations

import json
import math
import threading
from collections import Counter

import pytest
import torch
from torch import nn

from playground.cli import main as cli_main
from playground.core.config import ConfigError
from playground.core.model import MLP
from playground.core.presets import get_preset
from playground.core.probe import GraphProbe, graph_for_config, layer_stats
from playground.core.trace import GraphSpec, layer_graph, trace_graph
from playground.core.training import Trainer
from playground.io.graph_render import layout_graph, write_graph


@pytest.fixture
def seed_config():
    return get_preset("seed-example").config


@pytest.fixture
def seed_graph():
    torch.manual_seed(0)
    model = MLP(10, (5,), 2, "relu")
    x, y = torch.randn(10, 10), torch.randint(0, 2, (10,))
    loss = nn.CrossEntropyLoss()(model(x), y)
    return model, loss, trace_graph(loss, model)


def test_seed_example_holds_exactly_the_ops_pytorch_records(seed_graph):
    _, _, spec = seed_graph
    ops = Counter(n.op for n in spec.nodes if n.kind in ("op", "param"))
    assert ops == Counter({"NllLossBackward0": 1, "LogSoftmaxBackward0": 1, "AddmmBackward0": 2,
                           "ReluBackward0": 1, "TBackward0": 2, "AccumulateGrad": 4})
    params = {n.param: n.shape for n in spec.nodes if n.kind == "param"}
    assert params == {"fc1.weight": [5, 10], "fc1.bias": [5], "fc2.weight": [2, 5], "fc2.bias": [2]}
    kinds = Counter(n.kind for n in spec.nodes)
    assert kinds["input"] == kinds["target"] == kinds["loss"] == 1


def test_shapes_modules_and_labels(seed_graph):
    _, _, spec = seed_graph
    by_module = {(n.op, n.module): n for n in spec.nodes if n.kind == "op"}
    fc1, fc2 = by_module[("AddmmBackward0", "fc1")], by_module[("AddmmBackward0", "fc2")]
    assert fc1.shape == [10, 5] and fc2.shape == [10, 2]
    assert fc1.saved["mat1"] == [10, 10] and fc2.saved["mat1"] == [10, 5]
    assert fc1.label == "Linear fc1: x @ W.T + b"
    assert by_module[("TBackward0", "fc1")].shape == [10, 5]
    assert by_module[("ReluBackward0", "act")].shape == [10, 5]
    nll = next(n for n in spec.nodes if n.op == "NllLossBackward0")
    assert nll.shape == [] and nll.module == "CrossEntropyLoss"
    assert spec.node("input").shape == [10, 10] and spec.node("target").shape == [10]


def test_edges_run_in_forward_direction(seed_graph):
    _, _, spec = seed_graph
    edges = {(spec.node(e.source).op, spec.node(e.target).op) for e in spec.edges}
    assert ("AccumulateGrad", "TBackward0") in edges
    assert ("TBackward0", "AddmmBackward0") in edges
    assert ("input", "AddmmBackward0") in edges
    assert ("AddmmBackward0", "ReluBackward0") in edges
    assert ("NllLossBackward0", "loss") in edges
    assert ("target", "NllLossBackward0") in edges
    assert not any(e.source == "loss" for e in spec.edges)  # nothing flows out of the loss
    ids = {n.id for n in spec.nodes}
    assert all(e.source in ids and e.target in ids for e in spec.edges)


def test_deep_graph_traced_without_recursion():
    model = MLP(4, (4,) * 600, 2, "tanh")  # far deeper than Python's recursion limit allows
    loss = nn.CrossEntropyLoss()(model(torch.randn(3, 4)), torch.tensor([0, 1, 0]))
    spec = trace_graph(loss, model)
    assert sum(n.kind == "param" for n in spec.nodes) == 2 * 601


def test_json_round_trip(seed_graph):
    _, _, spec = seed_graph
    data = json.loads(json.dumps(spec.to_dict()))
    for n in data["nodes"]:
        assert {"id", "op", "label", "kind", "param", "shape"} <= n.keys()
    assert all(e.keys() >= {"source", "target"} for e in data["edges"])
    again = GraphSpec.from_dict(data)
    assert again.structure_key == spec.structure_key
    assert [n.to_dict() for n in again.nodes] == [n.to_dict() for n in spec.nodes]


def test_structure_key_stable_across_steps_changed_by_architecture(seed_config):
    probe = GraphProbe()
    trainer = Trainer(seed_config)
    probe.attach(trainer)
    keys = []
    for _ in range(3):
        probe.request()
        trainer.train_step()
        keys.append(probe.take().spec.structure_key)
    assert len(set(keys)) == 1
    assert graph_for_config(seed_config).structure_key == keys[0]
    assert graph_for_config(seed_config.replace(hidden=(5, 5))).structure_key != keys[0]
    assert graph_for_config(seed_config.replace(activation="tanh")).structure_key != keys[0]


def test_probe_grad_norms_equal_p_grad_norm(seed_config):
    trainer = Trainer(seed_config)
    probe = GraphProbe()
    probe.attach(trainer)
    trainer.train_step()
    assert probe.take() is None  # nothing requested: nothing captured, no hooks
    probe.request()
    trainer.train_step()
    snap = probe.take()
    assert snap is not None and snap.step == trainer.step_count - 1
    params = dict(trainer.model.named_parameters())
    for n in snap.spec.nodes:
        st = snap.node_stats.get(n.id)
        if n.kind == "param":
            p = params[n.param]
            assert st["grad_norm"] == pytest.approx(p.grad.norm().item(), rel=1e-6)
            assert st["mean"] == pytest.approx(p.mean().item(), abs=1e-6)
            assert st["min"] == pytest.approx(p.min().item()) and st["max"] == pytest.approx(p.max().item())
            counts, edges = st["value_hist"]
            assert counts.sum() == p.numel() and len(edges) == len(counts) + 1
            assert st["grad_hist"][0].sum() == p.numel()
        elif n.kind == "op":
            assert isinstance(st["grad_norm"], float) and math.isfinite(st["grad_norm"])
    # The gradient into the loss op is d(loss)/d(loss) = 1; into W.T it is W's gradient, transposed.
    nll = next(n for n in snap.spec.nodes if n.op == "NllLossBackward0")
    assert snap.node_stats[nll.id]["grad_norm"] == pytest.approx(1.0)
    t1 = next(n for n in snap.spec.nodes if n.op == "TBackward0" and n.module == "fc1")
    assert snap.node_stats[t1.id]["grad_norm"] == pytest.approx(params["fc1.weight"].grad.norm().item(), rel=1e-5)
    for st in snap.node_stats.values():  # plain numbers and numpy arrays only: safe across threads
        for v in st.values():
            assert not isinstance(v, torch.Tensor)
    assert probe.take() is None  # one capture, one snapshot


def test_probe_hooks_only_on_requested_steps(seed_config):
    trainer = Trainer(seed_config)
    probe = GraphProbe()
    probe.attach(trainer)
    calls = []
    original = probe.capture
    probe.capture = lambda *a, **k: (calls.append(1), original(*a, **k))
    for _ in range(5):
        trainer.train_step()
    assert calls == []
    threading.Thread(target=probe.request).start()  # request() from another thread
    while not probe.requested:
        pass
    trainer.train_step()
    trainer.train_step()
    assert calls == [1]
    probe.detach()
    assert trainer.on_loss is None


def test_layer_view_folds_ops_into_layers():
    model = MLP(4, (8,) * 19, 3, "relu")  # 20 Linear layers
    loss = nn.CrossEntropyLoss()(model(torch.randn(6, 4)), torch.tensor([0, 1, 2, 0, 1, 2]))
    loss.backward()
    spec = trace_graph(loss, model)
    layers = layer_graph(spec)
    assert len(spec.nodes) > 100
    layer_nodes = [n for n in layers.nodes if n.kind == "layer"]
    assert len(layer_nodes) == 21  # fc1..fc20 + the loss function
    assert layers.node("layer:fc1").label == "fc1: Linear 4\u21928 + ReLU"
    assert layers.node("layer:fc20").label == "fc20: Linear 8\u21923"
    members = [m for n in layers.nodes for m in n.members]
    assert sorted(members) == sorted(n.id for n in spec.nodes)  # every node in exactly one box
    stats = {f"param:{name}": {"grad_norm": p.grad.norm().item()} for name, p in model.named_parameters()}
    ls = layer_stats(layers, spec, stats)
    expect = math.sqrt(model.fc3.weight.grad.norm() ** 2 + model.fc3.bias.grad.norm() ** 2)
    assert ls["layer:fc3"]["grad_norm"] == pytest.approx(float(expect), rel=1e-5)


def test_layout_positions_every_node_and_is_cached(seed_graph):
    _, _, spec = seed_graph
    tb = layout_graph(spec, "TB")
    assert set(tb) == {n.id for n in spec.nodes}
    assert layout_graph(spec, "TB") is tb
    assert tb["input"][1] < tb["loss"][1]  # top to bottom: data flows down
    lr = layout_graph(spec, "LR")
    assert lr["input"][0] < lr["loss"][0]
    assert set(tb.edges) == {(e.source, e.target) for e in spec.edges}
    with pytest.raises(ConfigError):
        layout_graph(spec, "XY")


@pytest.mark.parametrize("ext", [".json", ".svg", ".png", ".dot"])
def test_write_graph_formats(seed_graph, tmp_path, ext):
    _, _, spec = seed_graph
    path = tmp_path / f"g{ext}"
    write_graph(spec, path)
    data = path.read_bytes()
    if ext == ".json":
        assert GraphSpec.from_dict(json.loads(data)).structure_key == spec.structure_key
    elif ext == ".svg":
        assert b"<svg" in data and b"fc1.weight" in data
    elif ext == ".png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        text = data.decode()
        assert text.lstrip().startswith("digraph") and '"param:fc1.weight" -> "op' in text
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


def test_write_graph_is_atomic_and_reports_a_failure_in_one_line(seed_graph, tmp_path, monkeypatch):
    import errno
    import os

    from playground.io.atomic import ExportError

    _, _, spec = seed_graph
    target = tmp_path / "g.json"
    target.write_text("the previous graph\n")

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(ExportError, match=r"cannot write .*g\.json: the disk is full"):
        write_graph(spec, target)
    monkeypatch.undo()
    assert target.read_text() == "the previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_write_graph_unknown_extension(seed_graph, tmp_path):
    _, _, spec = seed_graph
    with pytest.raises(ConfigError) as err:
        write_graph(spec, tmp_path / "g.pdf")
    assert err.value.field == "out" and ".json, .svg, .png, .dot" in err.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ext", [".json", ".svg", ".png", ".dot"])
def test_cli_graph(tmp_path, ext, capsys):
    out = tmp_path / f"seed{ext}"
    assert cli_main(["graph", "--preset", "seed-example", "--out", str(out)]) == 0
    assert out.stat().st_size > 0
    assert "14 nodes" in capsys.readouterr().err
    if ext == ".json":
        data = json.loads(out.read_text())
        assert len(data["nodes"]) == 14 and len(data["edges"]) == 13
        assert {n["op"] for n in data["nodes"]} >= {"AddmmBackward0", "AccumulateGrad", "NllLossBackward0"}


def test_cli_graph_layers_and_bad_extension(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert cli_main(["graph", "--preset", "seed-example", "--layers", "4,4", "--out", str(out)]) == 0
    params = [n["param"] for n in json.loads(out.read_text())["nodes"] if n["kind"] == "param"]
    assert sorted(params) == sorted(f"fc{i}.{w}" for i in (1, 2, 3) for w in ("weight", "bias"))
    assert cli_main(["graph", "--preset", "seed-example", "--out", str(tmp_path / "g.gif")]) == 2
    assert "allowed: .json, .svg, .png, .dot" in capsys.readouterr().err
