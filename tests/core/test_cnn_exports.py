"""Step 12: the CNN in every export. The .py script redoes the run step for step (digits and shapes),
ONNX and .pt2 rebuild the CNN and give its outputs, the weights read back into it, a session saved
mid-run continues exactly; and the graph, the phase walk and the chain rule by hand on the CNN."""


import numpy as np
import pytest
import torch
from script_runs import assert_scripts_reproduce, onnx_session, write_scripts  # tests/core/script_runs.py

from playground.core.cnn import CNN
from playground.core.config import ConfigError, TrainConfig
from playground.core.gradient import explain_gradient
from playground.core.iteration import PhaseWalk
from playground.core.probe import GraphProbe, graph_for_config
from playground.core.trace import layer_graph
from playground.core.training import Trainer
from playground.io.export import export
from playground.io.session import load_session, save_session
from playground.io.weights import read_weights


def cnn(dataset: str, **changes) -> TrainConfig:
    base = {"dataset": dataset, "model": "cnn", "optimizer": "adam", "learning_rate": 0.01, "batch_size": 32,
            "epochs": 2, "activation": "relu", "hidden": ()}
    if dataset == "shapes":
        base["samples"] = 90
    return TrainConfig(**{**base, **changes}).validate()


RUNS = {
    "digits-4-8": cnn("digits", channels=(4, 8)),
    "digits-3-convs-k5": cnn("digits", channels=(4, 4, 4), kernel_size=5, hidden=(8,), activation="tanh"),
    "shapes-l2": cnn("shapes", hidden=(8,), regularization="l2", regularization_rate=0.001, seed=3),
}


@pytest.fixture(scope="module")
def digits() -> Trainer:
    trainer = Trainer(cnn("digits", hidden=(8,), epochs=1))
    trainer.run()
    return trainer


def test_the_py_export_of_a_cnn_reproduces_every_step(tmp_path):
    trainers, sources = write_scripts(tmp_path, RUNS)
    for source in sources.values():
        assert "        x = x.reshape(-1, 1, *IMAGE_SHAPE)" in source and "        x = x.flatten(1)" in source
    assert "        self.conv3 = nn.Conv2d(4, 4, 5, padding=2)\n" in (tmp_path / "digits-3-convs-k5.py").read_text()
    shapes = (tmp_path / "shapes-l2.py").read_text()
    assert "IMAGE_SHAPE = (16, 16)" in shapes and "    total = net.conv1.weight.pow(2).sum()\n" in shapes
    assert shapes.count("x = F.max_pool2d(x, 2)") == 2
    assert_scripts_reproduce(tmp_path, trainers, epochs=2, load_weights=True)


def test_onnx_rebuilds_the_cnn_and_matches_pytorch(digits, tmp_path):
    proto, session = onnx_session(digits, tmp_path / "cnn.onnx")
    assert "conv 8-16 k3" in proto.doc_string
    digits.model.eval()
    for batch in (1, 5, 300):
        x = digits.x_train[:batch] if batch < 300 else torch.rand(batch, 64, generator=torch.Generator().manual_seed(1))
        (got,) = session.run(["output"], {"input": x.numpy()})
        with torch.no_grad():
            want = digits.model(x).numpy()
        assert got.shape == want.shape == (batch, 10)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)


def test_pt2_is_a_program_of_the_cnn(digits, tmp_path):
    module = torch.export.load(str(export(digits, tmp_path / "cnn.pt2"))).module()
    digits.model.eval()
    for batch in (1, 9):
        x = digits.x_test[:batch]
        with torch.no_grad():
            assert torch.allclose(module(x), digits.model(x), rtol=0, atol=1e-6)


@pytest.mark.parametrize("ext", [".safetensors", ".pt"])
def test_the_weights_read_back_into_a_cnn(digits, tmp_path, ext):
    weights = read_weights(export(digits, tmp_path / f"cnn{ext}"))
    assert sorted(weights) == sorted(digits.model.state_dict())  # safetensors keeps them sorted
    assert weights["conv2.weight"].shape == (16, 8, 3, 3)
    fresh = CNN((8, 8), (8, 16), 3, (8,), 10)
    fresh.load_state_dict(weights)
    assert all(torch.equal(a, b) for a, b in zip(fresh.state_dict().values(), digits.model.state_dict().values()))


def test_a_cnn_session_saved_mid_run_continues_exactly(tmp_path):
    config = cnn("shapes", epochs=3, hidden=(8,))
    straight = Trainer(config)
    straight.run()
    first = Trainer(config)
    first.run(epochs=1)
    first.train_step()
    path = save_session(first, tmp_path / "cnn")
    del first
    resumed = load_session(path)
    assert isinstance(resumed.model, CNN) and resumed.config == config
    resumed.run()
    assert resumed.step_losses == straight.step_losses
    assert resumed.history == straight.history


# -- the graph, the phase walk, the chain rule ------------------------------------------------------


def test_the_graph_names_the_conv_ops_and_folds_them_per_layer():
    spec = graph_for_config(cnn("digits", hidden=(16,)))
    labels = {n.label for n in spec.nodes}
    assert {"Conv2d conv1: 3x3 kernels, 1\u21928 channels", "Conv2d conv2: 3x3 kernels, 8\u219216 channels",
            "max-pool 2x2: the largest value of each window", "Flatten: each sample's maps to one row of 64",
            "input x: 8x8 pictures"} <= labels
    layers = layer_graph(spec)
    assert {n.id: n.label for n in layers.nodes if n.kind == "layer"} == {
        "layer:conv1": "conv1: Conv2d 1\u21928, 3x3 + ReLU + max-pool 2x2",
        "layer:conv2": "conv2: Conv2d 8\u219216, 3x3 + ReLU + max-pool 2x2 + flatten",
        "layer:fc1": "fc1: Linear 64\u219216 + ReLU",
        "layer:fc2": "fc2: Linear 16\u219210",
        "layer:loss_fn": "CrossEntropyLoss",
    }
    chain = [(e.source, e.target) for e in layers.edges]
    for link in [("input", "layer:conv1"), ("layer:conv1", "layer:conv2"), ("layer:conv2", "layer:fc1"),
                 ("layer:fc1", "layer:fc2"), ("layer:fc2", "layer:loss_fn"), ("layer:loss_fn", "loss")]:
        assert link in chain


def test_the_probe_traces_the_cnn_once_and_hooks_every_op():
    trainer = Trainer(cnn("digits", batch_size=50))  # 899 training images: no short batch in 4 steps
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


def test_a_phase_walk_on_the_cnn_ends_where_a_step_does():
    walked, stepped = Trainer(cnn("shapes", hidden=(8,))), Trainer(cnn("shapes", hidden=(8,)))
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


def test_the_chain_rule_by_hand_refuses_the_cnn_in_one_line():
    trainer = Trainer(cnn("digits"))
    with pytest.raises(ConfigError) as caught:
        explain_gradient(trainer, "fc1.weight", (0, 0))
    assert str(caught.value) == ("model: the chain rule by hand is shown for the MLP's linear layers; the CNN's "
                                 "gradients are in the graph view")
