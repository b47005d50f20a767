"""Divergence without a NaN: the loss explodes but stays finite (issue 13, item 11)."""

import pytest
import torch

from playground.core.presets import get_preset, load_presets
from playground.core.training import EXPLODED_STEP_LOSS, Trainer, exploded


@pytest.mark.parametrize("name", sorted(load_presets()))
def test_no_preset_diverges_at_its_defaults(name):
    trainer = Trainer(get_preset(name).config, preset=name)
    summary = trainer.run()
    assert summary.status == "completed" and not trainer.diverged
    first = trainer.step_losses[0]
    assert all(not exploded(m.train_loss, first) for m in trainer.history)


@pytest.mark.parametrize("name, optimizer", [("spiral", "adam"), ("xor", "sgd"), ("digits", "sgd+momentum")])
def test_lr_10_diverges_while_the_loss_is_still_finite(name, optimizer):
    config = get_preset(name).config.replace(optimizer=optimizer, learning_rate=10.0, epochs=30)
    trainer = Trainer(config, preset=name)
    start = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    summary = trainer.run()
    assert summary.status == "diverged" and trainer.diverged_reason == "exploded"
    assert summary.epochs_run <= 30 and summary.train_loss is not None  # finite, just far too high
    # the weights are the last good ones: here the first epoch already exploded, so the initial ones
    assert trainer.epoch == 1
    assert all(torch.equal(v, start[k]) for k, v in trainer.model.state_dict().items())


def test_an_exploded_run_keeps_the_last_good_epochs_weights():
    config = get_preset("xor").config.replace(epochs=5)
    trainer = Trainer(config)
    trainer.run(epochs=2)
    good = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    trainer.set_learning_rate(10.0)  # as the window's box does mid-run
    summary = trainer.run(epochs=10)
    assert summary.status == "diverged" and trainer.epoch > 2
    assert all(torch.equal(v, good[k]) for k, v in trainer.model.state_dict().items())
    assert trainer.learning_rate == 10.0  # the rate set stays; the user lowers it
    assert len(trainer.step_losses) == trainer.step_count  # the record is what happened


def test_a_step_loss_above_the_limit_is_divergence_and_no_step():
    trainer = Trainer(get_preset("plane").config.replace(epochs=3))
    trainer.run(epochs=1)
    before = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    steps = trainer.step_count
    trainer.y_train = trainer.y_train * (10 * EXPLODED_STEP_LOSS) ** 0.5 * 10  # MSE far above the limit
    summary = trainer.run()
    assert summary.status == "diverged" and trainer.diverged_reason == "exploded"
    assert trainer.step_count == steps
    assert all(torch.equal(v, before[k]) for k, v in trainer.model.state_dict().items())


def test_a_nan_is_still_divergence():
    trainer = Trainer(get_preset("xor").config.replace(epochs=3))
    trainer.x_train = trainer.x_train * float("nan")
    assert trainer.run().status == "diverged" and trainer.diverged_reason == "not finite"
