"""Step 12: the sequence families (RNN, GRU, LSTM, attention) in every export. The .py script redoes
the run step for step, ONNX and .pt2 rebuild the family and give its outputs, the weights read back
into it, a session saved mid-run continues exactly; and the graph, the probe's cache, the phase walk
and the chain rule's refusal."""


import numpy as np
import pytest
import torch
from script_runs import assert_scripts_reproduce, onnx_session, write_scripts  # tests/core/script_runs.py

from playground.core.config import ConfigError, TrainConfig
from playground.core.gradient import explain_gradient
from playground.core.iteration import PhaseWalk
from playground.core.probe import GraphProbe, graph_for_config
from playground.core.sequence import AttentionNet, RecurrentNet
from playground.core.trace import layer_graph
from playground.core.training import Trainer
from playground.io.export import export
from playground.io.session import load_session, save_session
from playground.io.weights import read_weights


def seq(model: str, dataset: str, **changes) -> TrainConfig:
    base = {"dataset": dataset, "model": model, "optimizer": "adam", "learning_rate": 0.01, "batch_size": 32,
            "epochs": 2, "activation": "relu", "hidden": (8,), "samples": 160}
    return TrainConfig(**{**base, **changes}).validate()


RUNS = {
    "gru-sine": seq("gru", "sine"),
    "lstm-pattern": seq("lstm", "pattern", hidden=(6, 6), regularization="l2", regularization_rate=0.001),
    "rnn-sine": seq("rnn", "sine", optimizer="sgd", learning_rate=0.1, seed=3),
    "attention-reverse": seq("attention", "reverse", hidden=(8, 8), heads=2, activation="gelu",
                             regularization="l1", regularization_rate=0.0001),
}


@pytest.fixture(scope="module")
def trained() -> dict[str, Trainer]:
    trainers = {}
    for name, config in {"gru": seq("gru", "sine", epochs=1), "lstm": seq("lstm", "pattern", hidden=(6, 6), epochs=1),
                         "rnn": seq("rnn", "sine", epochs=1),
                         "attention": seq("attention", "reverse", hidden=(8, 8), epochs=1)}.items():
        trainer = Trainer(config)
        trainer.run()
        trainers[name] = trainer
    return trainers


def test_the_py_export_of_each_sequence_family_reproduces_every_step(tmp_path):
    trainers, _ = write_scripts(tmp_path, RUNS)
    gru = (tmp_path / "gru-sine.py").read_text()
    assert "        self.rnn = nn.GRU(1, 8, num_layers=1, batch_first=True)" in gru and "STEPS = 20" in gru
    lstm = (tmp_path / "lstm-pattern.py").read_text()
    assert "    total = net.rnn.weight_ih_l0.pow(2).sum()\n    total = total + net.rnn.weight_hh_l0.pow(2).sum()\n" \
           in lstm and "    total = total + net.fc1.weight.pow(2).sum()\n" in lstm
    attention = (tmp_path / "attention-reverse.py").read_text()
    assert "class Block(nn.Module):" in attention and "        self.block2 = Block(8)" in attention
    assert "    total = net.embed.weight.abs().sum()\n    total = total + net.position.weight.abs().sum()\n" \
           "    total = total + net.block1.attention.in_proj_weight.abs().sum()\n" in attention
    assert_scripts_reproduce(tmp_path, trainers, epochs=2, load_weights=True)


@pytest.mark.parametrize(("name", "shape"), [("gru", (1,)), ("lstm", (2,)), ("rnn", (1,)), ("attention", (10, 6))])
def test_onnx_rebuilds_the_sequence_family_and_matches_pytorch(trained, tmp_path, name, shape):
    trainer = trained[name]
    _, session = onnx_session(trainer, tmp_path / f"{name}.onnx")
    trainer.model.eval()
    for batch in (1, 5, 40):
        x = trainer.x_test[:batch]
        (got,) = session.run(["output"], {"input": x.numpy()})
        with torch.no_grad():
            want = trainer.model(x).numpy()
        assert got.shape == want.shape == (batch, *shape)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)


@pytest.mark.parametrize("name", ["gru", "lstm", "attention"])
def test_pt2_is_a_program_of_the_sequence_family(trained, tmp_path, name):
    trainer = trained[name]
    module = torch.export.load(str(export(trainer, tmp_path / f"{name}.pt2"))).module()
    trainer.model.eval()
    for batch in (1, 9):
        x = trainer.x_test[:batch]
        with torch.no_grad():
            assert torch.allclose(module(x), trainer.model(x), rtol=0, atol=1e-5)


@pytest.mark.parametrize("ext", [".safetensors", ".pt"])
def test_the_weights_read_back_into_the_sequence_families(trained, tmp_path, ext):
    fresh = {"lstm": RecurrentNet("lstm", 20, (6, 6), 2), "attention": AttentionNet(6, 10, (8, 8), 2, "relu")}
    for name, model in fresh.items():
        src = trained[name].model
        weights = read_weights(export(trained[name], tmp_path / f"{name}{ext}"))
        assert sorted(weights) == sorted(src.state_dict())
        model.load_state_dict(weights)
        assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), src.state_dict().values()))
    assert weights["block2.attention.in_proj_weight"].shape == (24, 8)


@pytest.mark.parametrize(("model", "dataset", "hidden"), [("lstm", "sine", (8,)), ("attention", "sort", (8,))])
def test_a_sequence_session_saved_mid_run_continues_exactly(tmp_path, model, dataset, hidden):
    config = seq(model, dataset, hidden=hidden, epochs=3)
    straight = Trainer(config)
    straight.run()
    first = Trainer(config)
    first.run(epochs=1)
    first.train_step()
    path = save_session(first, tmp_path / model)
    del first
    resumed = load_session(path)
    assert type(resumed.model) is type(straight.model) and resumed.config == config
    resumed.run()
    assert resumed.step_losses == straight.step_losses
    assert resumed.history == straight.history


# -- the graph, the probe, the phase walk, the chain rule -------------------------------------------


@pytest.mark.parametrize(("model", "dataset", "hidden", "box"), [
    ("gru", "sine", (8,), "rnn: GRU 1\u21928 over the steps"),
    ("rnn", "sine", (8,), "rnn: RNN 1\u21928 over the steps"),
    ("lstm", "pattern", (8, 8), "rnn: LSTM 1\u21928, 2 layers over the steps"),
])
def test_the_graph_folds_a_recurrent_layer_into_one_box(model, dataset, hidden, box):
    spec = graph_for_config(seq(model, dataset, hidden=hidden))
    labels = {n.label for n in spec.nodes}
    assert "input x: 20 time steps, one value each" in labels and "Select rnn: the last step's state" in labels
    fused = [n.label for n in spec.nodes if "RnnLayer" in n.op or "CudnnRnn" in n.op]
    assert all(label.startswith(f"{model.upper()} rnn: 20 steps") for label in fused)
    assert all(n.group == "rnn" for n in spec.nodes if n.kind == "op" and n.label.startswith(model.upper()))
    layers = layer_graph(spec)
    boxes = {n.id: n.label for n in layers.nodes if n.kind == "layer"}
    assert boxes == {"layer:rnn": box, "layer:fc1": f"fc1: Linear 8\u2192{1 if dataset == 'sine' else 2}",
                     "layer:loss_fn": "MSELoss" if dataset == "sine" else "CrossEntropyLoss"}
    x = next(n.id for n in layers.nodes if n.kind == "input")
    chain = {(e.source, e.target) for e in layers.edges}
    assert chain == {(x, "layer:rnn"), ("layer:rnn", "layer:fc1"), ("layer:fc1", "layer:loss_fn"),
                     ("target", "layer:loss_fn"), ("layer:loss_fn", "loss")}


def test_the_graph_of_attention_reads_embed_blocks_fc1_loss():
    spec = graph_for_config(seq("attention", "reverse", hidden=(16, 16), heads=2))
    labels = {n.label for n in spec.nodes}
    assert {"input x: 6 tokens (0-9)", "Embedding embed: a learned vector per token", "Add: token + position vectors",
            "Attention block1: softmax(q k^T / sqrt(d)) v, 2 heads", "Add block2: the residual, x + f(x)",
            "LayerNorm block2.norm1: (x - mean) / std * w + b", "NllLoss2D: -mean(log p[y]) over every position",
            "loss (CrossEntropyLoss)"} <= labels
    layers = layer_graph(spec)
    assert {n.id: n.label for n in layers.nodes if n.kind == "layer"} == {
        "layer:embed": "embed: Embedding 10 tokens + 6 positions \u2192 16",
        "layer:block1": "block1: self-attention, 2 heads + feed-forward 16\u219232\u219216 (ReLU), LayerNorm",
        "layer:block2": "block2: self-attention, 2 heads + feed-forward 16\u219232\u219216 (ReLU), LayerNorm",
        "layer:fc1": "fc1: Linear 16\u219210",
        "layer:loss_fn": "CrossEntropyLoss",
    }
    assert {(e.source, e.target) for e in layers.edges} == {
        ("input", "layer:embed"), ("layer:embed", "layer:block1"), ("layer:block1", "layer:block2"),
        ("layer:block2", "layer:fc1"), ("layer:fc1", "layer:loss_fn"), ("target", "layer:loss_fn"),
        ("layer:loss_fn", "loss")}


@pytest.mark.parametrize(("model", "dataset"), [("gru", "sine"), ("attention", "reverse")])
def test_the_probe_traces_a_sequence_family_once_and_hooks_every_op(model, dataset):
    trainer = Trainer(seq(model, dataset, samples=300, batch_size=50))  # 210 training samples: 4 full batches
    probe = GraphProbe()
    probe.attach(trainer)
    snaps = []
    for _ in range(4):
        probe.request()
        trainer.train_step()
        snaps.append(probe.take())
    assert probe.traces == 1 and all(s.spec is snaps[0].spec for s in snaps)
    ops = {n.id for n in snaps[0].spec.nodes if n.kind == "op"}
    assert all(ops <= s.node_stats.keys() for s in snaps)


@pytest.mark.parametrize(("model", "dataset", "hidden"),
                         [("rnn", "sine", (8,)), ("lstm", "pattern", (6, 6)), ("attention", "sort", (8, 8))])
def test_a_phase_walk_on_a_sequence_family_ends_where_a_step_does(model, dataset, hidden):
    walked, stepped = Trainer(seq(model, dataset, hidden=hidden)), Trainer(seq(model, dataset, hidden=hidden))
    for _ in range(2):
        w = PhaseWalk(walked)
        phases = []
        while not w.done:
            phases.append(w.advance().phase)
        assert phases == ["forward", "loss", "zero_grad", "backward", "step"]
        stepped.train_step()
        a, b = walked.model.state_dict(), stepped.model.state_dict()
        assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert walked.step_losses == stepped.step_losses


@pytest.mark.parametrize(("model", "dataset", "name"),
                         [("rnn", "sine", "RNN"), ("gru", "pattern", "GRU"), ("lstm", "sine", "LSTM"),
                          ("attention", "reverse", "attention model")])
def test_the_chain_rule_by_hand_refuses_the_sequence_families_in_one_line(model, dataset, name):
    trainer = Trainer(seq(model, dataset))
    with pytest.raises(ConfigError) as caught:
        explain_gradient(trainer, "fc1.weight", (0, 0))
    assert str(caught.value) == (f"model: the chain rule by hand is shown for the MLP's linear layers; the {name}'s "
                                 f"gradients are in the graph view")
