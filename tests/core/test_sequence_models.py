"""The sequence families: RNN, GRU and LSTM on sequences, the attention block on token tasks."""

import pytest
import torch

from playground.core.config import ConfigError, TrainConfig, parameter_count
from playground.core.datasets import make_dataset
from playground.core.sequence import AttentionNet, RecurrentNet
from playground.core.training import Trainer


@pytest.mark.parametrize("model", ["rnn", "gru", "lstm"])
@pytest.mark.parametrize("dataset", ["sine", "pattern"])
def test_recurrent_families_train_on_sequences(model, dataset):
    config = TrainConfig(dataset=dataset, model=model, hidden=(8, 8), samples=120, epochs=2, batch_size=16,
                         optimizer="adam", learning_rate=0.01)
    trainer = Trainer(config)
    assert isinstance(trainer.model, RecurrentNet) and trainer.model.rnn.num_layers == 2
    assert parameter_count(config) == sum(p.numel() for p in trainer.model.parameters())
    before = trainer.evaluate().train_loss
    trainer.run()
    assert trainer.history[-1].train_loss < before
    states = trainer.model.hidden_states(trainer.x_test[:3])
    assert states.shape == (3, 20, 8)


@pytest.mark.parametrize("dataset", ["reverse", "sort"])
def test_attention_answers_one_token_per_position(dataset):
    config = TrainConfig(dataset=dataset, model="attention", hidden=(16,), heads=2, samples=200, epochs=1,
                         batch_size=20, optimizer="adam", learning_rate=0.01)
    trainer = Trainer(config)
    assert isinstance(trainer.model, AttentionNet)
    assert parameter_count(config) == sum(p.numel() for p in trainer.model.parameters())
    assert trainer.model(trainer.x_test[:4]).shape == (4, 10, 6)
    (weights,) = trainer.model.attention_weights(trainer.x_test[:4])
    assert weights.shape == (4, 2, 6, 6)
    assert torch.allclose(weights.sum(-1), torch.ones(4, 2, 6))
    summary = trainer.run()
    assert 0 <= summary.test_accuracy <= 1  # per token


def test_token_tasks_are_the_digits_reversed_and_sorted():
    d = make_dataset(TrainConfig(dataset="reverse", model="attention", hidden=(16,), samples=50))
    assert (d.y_train == d.x_train[:, ::-1]).all()
    s = make_dataset(TrainConfig(dataset="sort", model="attention", hidden=(16,), samples=50))
    assert (s.y_train == torch.tensor(s.x_train).sort(1).values.numpy()).all()


def test_the_regularization_penalty_covers_a_recurrent_layers_weights():
    trainer = Trainer(TrainConfig(dataset="sine", model="lstm", hidden=(4,), regularization="l2",
                                  regularization_rate=0.1, samples=40))
    weights = [p for n, p in trainer.model.named_parameters() if "weight" in n]
    assert len(weights) == 3  # weight_ih_l0, weight_hh_l0, fc1.weight
    expected = sum(float(w.detach().pow(2).sum()) for w in weights) * 0.1
    assert trainer.evaluate().regularization == pytest.approx(expected, rel=1e-5)


def test_bad_sequence_settings_name_the_field():
    with pytest.raises(ConfigError, match=r"^model: the GRU learns from sequences; circle is not sequence data "
                                          r"\(use sine and pattern\)"):
        TrainConfig(model="gru").validate()
    with pytest.raises(ConfigError, match="^model: reverse is token sequences, one answer per position: use the "
                                          "attention model"):
        TrainConfig(dataset="reverse").validate()
    with pytest.raises(ConfigError, match="^layers: the LSTM stacks 1 to 4 layers of one width"):
        TrainConfig(dataset="sine", model="lstm", hidden=(8, 4)).validate()
    with pytest.raises(ConfigError, match="^heads: 3 heads do not divide the width 16"):
        TrainConfig(dataset="sort", model="attention", hidden=(16,), heads=3).validate()
