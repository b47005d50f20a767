"""explain_gradient: the chain rule by hand, from the model's tape, equals autograd's gradient
(1e-6) for every layer of MLPs with each activation, for regression, dropout and the dynamic
model's reused middle layer, weights and biases; and explaining moves nothing."""

from __future__ import annotations

import pytest
import torch

from playground.core import catalog
from playground.core.config import ConfigError, TrainConfig
from playground.core.gradient import TOLERANCE, check_weight, explain_gradient
from playground.core.iteration import PhaseWalk
from playground.core.training import Trainer


def config(**kw) -> TrainConfig:
    return TrainConfig(**{"dataset": "xor", "samples": 80, "hidden": (4, 3), "batch_size": 10, "epochs": 2,
                          "learning_rate": 0.1, **kw})


def indices(p: torch.Tensor) -> list[tuple[int, ...]]:
    """Every index of a small parameter."""
    return [tuple(int(i) for i in ix) for ix in torch.cartesian_prod(*[torch.arange(n) for n in p.shape]).reshape(
        -1, p.dim()).tolist()]


def autograd_gradients(trainer: Trainer) -> dict[str, torch.Tensor]:
    """The gradients the next train_step computes (its .grad after backward), on a copy."""
    twin = Trainer(trainer.config)
    twin.load_state(trainer.state())
    grads = {}
    real_step = twin.optimizer.step
    twin.optimizer.step = lambda: grads.update({n: p.grad.clone() for n, p in twin.model.named_parameters()
                                               if p.grad is not None})
    twin.train_step()
    twin.optimizer.step = real_step
    return grads


def check_all(trainer: Trainer) -> int:
    """Every number of every parameter: chain rule == autograd (and == the next step's .grad)."""
    grads = autograd_gradients(trainer)
    checked = 0
    for name, p in trainer.model.named_parameters():
        for index in indices(p):
            e = explain_gradient(trainer, name, index)
            assert e.agree, (name, index, e.chain_value, e.autograd_value)
            expected = float(grads[name][index]) if name in grads else 0.0
            assert e.autograd_value == expected
            assert abs(e.chain_value - expected) <= TOLERANCE
            checked += 1
    return checked


@pytest.mark.parametrize("activation", list(catalog.ACTIVATIONS))
def test_every_weight_and_bias_of_an_mlp_agrees_with_autograd(activation):
    t = Trainer(config(activation=activation))
    for _ in range(3):  # the untrained network and two steps on
        assert check_all(t) == sum(p.numel() for p in t.model.parameters())
        t.train_step()


def test_regression_with_mse_agrees():
    t = Trainer(config(dataset="plane", activation="tanh"))
    t.train_step()
    check_all(t)


def test_digits_ten_classes_agree():
    t = Trainer(config(dataset="digits", samples=200, hidden=(12,), activation="gelu", batch_size=16))
    for name, p in t.model.named_parameters():
        for index in [(0,) * p.dim(), tuple(n - 1 for n in p.shape), tuple(n // 2 for n in p.shape)]:
            assert explain_gradient(t, name, index).agree


def test_dropout_masks_are_the_next_steps_and_agree():
    t = Trainer(config(dropout=(0.5, 0.3), activation="relu"))
    check_all(t)
    e = explain_gradient(t, "fc1.weight", (1, 0))
    masks = [term for term in e.path if term.label.startswith("dropout mask")]
    assert len(masks) == 1 and masks[0].value in (0.0, 2.0)


def test_the_dynamic_models_reused_middle_layer_sums_over_its_applications():
    t = Trainer(config(model="dynamic", hidden=(3,), activation="tanh", dropout=0.2, seed=4))
    seen = set()
    for _ in range(12):
        e = explain_gradient(t, "fc2.weight", (1, 2))
        seen.add(e.applications)
        assert e.agree
        if e.applications == 0:
            assert e.chain_value == e.autograd_value == 0.0 and e.samples == ()
        else:
            assert len(e.samples) == 8 * e.applications
        check_all(t)
        t.train_step()
    assert {0, 2} <= seen or {0, 3} <= seen, seen  # the loop ran 0 times and several times


def test_the_path_and_the_samples_are_sample_zeros_numbers():
    t = Trainer(config(hidden=(4,), activation="relu", batch_size=6))
    e = explain_gradient(t, "fc1.weight", (2, 1))
    assert (e.layer, e.kind, e.batch_size, e.applications, e.step) == ("fc1", "weight", 6, 1, 0)
    assert len(e.samples) == 6 and all(a * d == pytest.approx(prod) for a, d, prod in e.samples)
    assert sum(s[2] for s in e.samples) == pytest.approx(e.chain_value, abs=1e-12)
    first, last = e.path[0], e.path[-1]
    assert first.label.startswith("dL/dz[0] (fc2, output)") and "softmax" in first.formula
    assert last.label == "dL/dfc1.weight[2,1] (sample 0)" and last.value == pytest.approx(e.samples[0][2])
    labels = [term.label for term in e.path]
    assert "fc2.weight[1,2]" in labels and "relu'(z[2]) (fc1)" in labels and "a[1] (input 1 of fc1)" in labels
    by = {term.label: term.value for term in e.path}
    up = by["dL/dz[0] (fc2, output)"] * by["fc2.weight[0,2]"] + by["dL/dz[1] (fc2, output)"] * by["fc2.weight[1,2]"]
    assert by["dL/da[2] (fc1 output)"] == pytest.approx(up)
    assert by["delta[2] = dL/dz[2] (fc1)"] == pytest.approx(up * by["relu'(z[2]) (fc1)"])
    bias = explain_gradient(t, "fc2.bias", (1,))
    assert bias.kind == "bias" and all(a == 1.0 for a, _, _ in bias.samples)


def test_explaining_moves_nothing():
    t = Trainer(config(dropout=0.3, model="dynamic", hidden=(4,)))
    t.train_step()
    t.model.eval()
    state = t.state()
    grads = {n: p.grad.clone() for n, p in t.model.named_parameters() if p.grad is not None}
    rng = t.model.rng.get_state()
    for name, p in t.model.named_parameters():
        explain_gradient(t, name, (0,) * p.dim())
    assert not t.model.training and t.model.tape is None and torch.equal(t.model.rng.get_state(), rng)
    assert {n: p.grad for n, p in t.model.named_parameters() if p.grad is not None}.keys() == grads.keys()
    assert all(torch.equal(p.grad, grads[n]) for n, p in t.model.named_parameters() if p.grad is not None)
    after = t.state()
    assert all(torch.equal(after["model"][k], v) for k, v in state["model"].items())
    assert [b.tolist() for b in after["pending_batches"]] == [b.tolist() for b in state["pending_batches"]]
    reference = Trainer(t.config)
    reference.load_state(state)
    assert t.train_step().loss == reference.train_step().loss


def test_at_an_epoch_end_the_next_epochs_first_batch_is_explained_and_the_epoch_order_is_left_alone():
    t = Trainer(config(hidden=(4,)))
    for _ in range(t.steps_per_epoch):
        t.train_step()
    assert t.pending_batches == []
    shuffle = t.shuffle.get_state()
    e = explain_gradient(t, "fc1.bias", (0,))
    assert t.pending_batches == [] and torch.equal(t.shuffle.get_state(), shuffle)
    grads = autograd_gradients(t)
    assert e.autograd_value == float(grads["fc1.bias"][0]) and e.agree


def test_peek_batch_is_what_take_batch_returns():
    t = Trainer(config())
    for _ in range(2 * t.steps_per_epoch + 1):
        peeked = t.peek_batch().clone()
        assert torch.equal(peeked, t.take_batch())
        t.put_back(peeked)
        t.train_step()


def test_during_a_walk_the_walks_batch_is_explained_before_and_after_backward():
    t = Trainer(config(dropout=0.4))
    walk = PhaseWalk(t)
    walk.advance()  # forward: the walk's batch and masks from now on
    before = explain_gradient(t, "fc2.weight", (1, 0), walk)
    walk.advance()
    walk.advance()
    assert all(p.grad is None for p in t.model.parameters())  # explaining did not touch .grad
    walk.advance()  # backward
    after = explain_gradient(t, "fc2.weight", (1, 0), walk)
    assert after.autograd_value == float(t.model.fc2.weight.grad[1, 0])
    assert before.autograd_value == after.autograd_value and before.chain_value == after.chain_value and after.agree
    walk.advance()  # step: the walk is done, the next batch is explained
    assert explain_gradient(t, "fc2.weight", (1, 0), walk).step == 1


@pytest.mark.parametrize("param, index, field", [
    ("fc9.weight", (0, 0), "param"), ("fc1", (0,), "param"), (3, (0,), "param"),
    ("fc1.weight", (0,), "index"), ("fc1.weight", (4, 0), "index"), ("fc1.weight", (0, -1), "index"),
    ("fc1.bias", (0, 0), "index"), ("fc1.bias", (True,), "index"), ("fc1.bias", ("0",), "index"),
    ("fc1.bias", "0", "index"),
])
def test_a_bad_parameter_or_index_is_a_config_error_naming_the_field(param, index, field):
    t = Trainer(config())
    with pytest.raises(ConfigError) as info:
        check_weight(t.model, param, index)
    assert info.value.field == field and info.value.message
    with pytest.raises(ConfigError):
        explain_gradient(t, param, index)
