"""The lean training step (issue 14): no gradient check per step, no train() per step, copies kept
in place; the divergence guarantee stays: a run that goes non-finite stops, diverged, and its
weights are finite (the last finite ones, or those of the last good epoch end)."""

import math

import pytest
import torch

from playground.core.presets import get_preset
from playground.core.training import Trainer, all_finite


def weights(trainer):
    return {k: v.detach().clone() for k, v in trainer.model.state_dict().items()}


def same(a, b):
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def optimizer_tensors(trainer):
    return [v.clone() for s in trainer.optimizer.state.values() for v in s.values() if torch.is_tensor(v)]


def test_an_infinite_gradient_with_a_finite_loss_ends_diverged_with_the_last_good_weights():
    trainer = Trainer(get_preset("xor").config.replace(epochs=6))
    trainer.run(epochs=2)
    good = weights(trainer)
    param = trainer.model.fc1.weight
    hook = param.register_hook(lambda g: g * math.inf)  # the loss stays finite, the gradient does not
    trainer.train_step()  # the step is taken: the weights are no longer finite
    hook.remove()
    assert not all_finite(trainer.model.parameters())
    summary = trainer.run()
    assert summary.status == "diverged" and trainer.diverged_reason == "not finite"
    assert same(weights(trainer), good) and all_finite(trainer.model.parameters())
    assert trainer.epoch == 2 and trainer.step_count == 2 * trainer.steps_per_epoch + 1  # the record as it happened


def test_an_infinite_weight_that_keeps_the_loss_finite_is_found_at_the_epochs_end():
    # tanh saturates: a weight of -inf in the first layer gives a finite loss and a zero gradient
    config = get_preset("spiral").config.replace(epochs=4, optimizer="sgd", learning_rate=0.01)
    trainer = Trainer(config)
    trainer.run(epochs=1)
    good = weights(trainer)
    trainer.train_step()
    with torch.no_grad():
        trainer.model.fc1.weight[0, 0] = -math.inf
    result = trainer.train_step()
    assert math.isfinite(result.loss) and not result.diverged
    summary = trainer.run()
    assert summary.status == "diverged" and trainer.diverged_reason == "not finite"
    assert trainer.epoch == 2  # found at the end of the epoch it happened in
    assert same(weights(trainer), good)


def test_a_nan_loss_keeps_the_finite_weights_it_stopped_at():
    trainer = Trainer(get_preset("xor").config.replace(epochs=3))
    trainer.run(epochs=1)
    for _ in range(3):
        trainer.train_step()
    before = weights(trainer)
    trainer.x_train = trainer.x_train * math.nan
    summary = trainer.run()
    assert summary.status == "diverged" and trainer.diverged_reason == "not finite"
    assert same(weights(trainer), before)  # the last finite ones, not the epoch end's


@pytest.mark.parametrize("optimizer", ["adam", "sgd+momentum"])
def test_an_exploded_run_gets_the_last_good_epochs_weights_and_optimizer_state_back(optimizer):
    # the copies are overwritten in place epoch after epoch: the last one must be the one restored
    trainer = Trainer(get_preset("xor").config.replace(optimizer=optimizer, epochs=40))
    trainer.run(epochs=3)
    good, good_state = weights(trainer), optimizer_tensors(trainer)
    trainer.set_learning_rate(10.0)
    summary = trainer.run()
    assert summary.status == "diverged" and trainer.epoch > 3
    assert same(weights(trainer), good)
    assert all(torch.equal(a, b) for a, b in zip(optimizer_tensors(trainer), good_state, strict=True))


def test_after_reset_a_trainer_trains_like_a_new_one():
    # the per-model and per-optimizer caches (gradients to clear, good copies) follow the new ones
    config = get_preset("circle").config.replace(epochs=2, optimizer="adam", learning_rate=0.01)
    trainer = Trainer(config)
    trainer.run()
    trainer.reset()
    trainer.run()
    fresh = Trainer(config)
    fresh.run()
    assert trainer.step_losses == fresh.step_losses and same(weights(trainer), weights(fresh))


def test_the_step_trains_in_training_mode_after_an_evaluation():
    config = get_preset("moons").config.replace(dropout=0.5, epochs=1, samples=60)
    trainer = Trainer(config)
    trainer.evaluate()
    assert not trainer.model.training
    trainer.train_step()
    assert trainer.model.training  # dropout is on in the step


def test_all_finite():
    assert all_finite([torch.ones(3), torch.zeros(2, 2, dtype=torch.float64), torch.tensor([1, 2])])
    assert all_finite([])
    for bad in (math.nan, math.inf, -math.inf):
        assert not all_finite([torch.ones(3), torch.tensor([0.0, bad])])
