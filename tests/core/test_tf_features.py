"""Step 11's core: input features, regularization, classes, the data seed and your own data table."""

import numpy as np
import pytest
import torch

from playground.core.config import ConfigError, TrainConfig, parameter_count, parse_features
from playground.core.datasets import make_dataset
from playground.core.gradient import explain_gradient
from playground.core.records import DataTable
from playground.core.training import Trainer


def test_circle_with_squared_features_and_no_hidden_layer_is_solved_by_a_linear_model():
    config = TrainConfig(dataset="circle", features=("x1^2", "x2^2"), hidden=(), learning_rate=0.3, epochs=100)
    summary = Trainer(config).run()
    assert summary.test_accuracy >= 0.95


def test_features_are_the_first_inputs_and_keep_the_catalog_order():
    config = TrainConfig(features=["sin(x2)", "x1*x2", "x1"])
    assert config.features == ("x1", "x1*x2", "sin(x2)")
    trainer = Trainer(config)
    assert trainer.model.sizes[0] == 3
    x = torch.tensor([[0.5, -2.0]])
    expected = torch.tensor([[0.5, -1.0, float(torch.sin(torch.tensor(-2.0)))]])
    assert torch.allclose(trainer.model.features(x), expected)
    assert parameter_count(config) == (3 + 1) * 8 + (8 + 1) * 8 + (8 + 1) * 2


def test_bad_features_name_the_field():
    with pytest.raises(ConfigError, match=r"^features: unknown feature 'x3'; allowed: x1, x2, x1\^2"):
        TrainConfig(features=("x1", "x3")).validate()
    with pytest.raises(ConfigError, match="^features: choose at least one input feature"):
        TrainConfig(features=()).validate()
    with pytest.raises(ConfigError, match="^features: the input features .* digits has 64 inputs of its own"):
        TrainConfig(dataset="digits", features=("x1^2",)).validate()
    assert parse_features("x1, x2,x1^2") == ("x1", "x2", "x1^2")


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_regularization_is_in_the_step_loss_and_in_the_chain_rule(kind):
    config = TrainConfig(hidden=(4,), regularization=kind, regularization_rate=0.01)
    trainer = Trainer(config)
    plain = Trainer(config.replace(regularization="none"))
    weights = [fc.weight for fc in trainer.model.layers]
    term = sum(w.detach().abs().sum() if kind == "l1" else w.detach().pow(2).sum() for w in weights) * 0.01
    first = trainer.train_step().loss
    assert first == pytest.approx(plain.train_step().loss + float(term), abs=1e-6)
    explanation = explain_gradient(trainer, "fc1.weight", (1, 0))
    assert explanation.agree
    assert trainer.history == [] and trainer.evaluate().regularization > 0


def test_a_bad_regularization_names_the_field():
    with pytest.raises(ConfigError, match="^regularization: unknown regularization 'l3'; allowed: none, l1, l2"):
        TrainConfig(regularization="l3").validate()
    with pytest.raises(ConfigError, match="^regularization_rate: 11 is out of range; allowed 0 to 10"):
        TrainConfig(regularization_rate=11.0).validate()


@pytest.mark.parametrize("dataset", ["gauss", "spiral"])
def test_gauss_and_spiral_make_two_to_six_classes(dataset):
    for k in range(2, 7):
        data = make_dataset(TrainConfig(dataset=dataset, classes=k))
        assert data.n_classes == k
        assert sorted(set(data.y_train.tolist()) | set(data.y_test.tolist())) == list(range(k))
    two = make_dataset(TrainConfig(dataset=dataset))
    assert np.array_equal(two.x_train, make_dataset(TrainConfig(dataset=dataset, classes=2)).x_train)
    with pytest.raises(ConfigError, match=r"^classes: 7 is out of range; allowed 2 to 6"):
        TrainConfig(dataset=dataset, classes=7).validate()


def test_classes_of_a_fixed_dataset_are_refused():
    with pytest.raises(ConfigError, match="^classes: circle has 2 classes; gauss and spiral make 2 to 6 classes"):
        TrainConfig(dataset="circle", classes=3).validate()


def test_the_data_seed_moves_the_points_not_the_weights():
    a, b = Trainer(TrainConfig(data_seed=1)), Trainer(TrainConfig(data_seed=2))
    assert not np.array_equal(a.dataset.x_train, b.dataset.x_train)
    assert torch.equal(a.model.fc1.weight, b.model.fc1.weight)
    same = Trainer(TrainConfig(seed=0))
    assert np.array_equal(same.dataset.x_train, Trainer(TrainConfig(seed=0, data_seed=0)).dataset.x_train)


def table(n=40, classes=3, features=2, mask=None):
    g = np.random.default_rng(0)
    return DataTable(x=g.normal(size=(n, features)).astype(np.float32), y=np.arange(n) % classes,
                     task="classification", feature_names=tuple(f"f{i}" for i in range(features)),
                     class_names=tuple(str(c) for c in range(classes)), train_mask=mask)


def test_your_own_data_is_standardized_and_split_by_its_mask():
    mask = np.arange(40) < 30
    config = TrainConfig(dataset="custom", classes=3, features=("x1", "x2", "x1*x2"))
    trainer = Trainer(config, table=table(mask=mask))
    d = trainer.dataset
    assert (len(d.x_train), len(d.x_test)) == (30, 10)
    everything = np.concatenate([d.x_train, d.x_test])
    assert np.allclose(everything.mean(0), 0, atol=1e-6) and np.allclose(everything.std(0), 1, atol=1e-5)
    assert trainer.model.sizes == [3, 8, 8, 3]
    trainer.train_step()


def test_your_own_data_must_agree_with_the_config():
    with pytest.raises(ConfigError, match="^classes: the data has 3 classes; the config says 2"):
        Trainer(TrainConfig(dataset="custom", classes=2), table=table())
    with pytest.raises(ConfigError, match="^features: the input features .* this data has 5 features of its own"):
        Trainer(TrainConfig(dataset="custom", classes=3, features=("x1^2",)), table=table(features=5))
    with pytest.raises(ConfigError, match="^classes: your own data needs its class count"):
        TrainConfig(dataset="custom").validate()


def test_set_data_keeps_the_network_and_the_record():
    trainer = Trainer(TrainConfig(dataset="custom", classes=3), table=table(mask=np.arange(40) < 30))
    trainer.train_step()
    weights = trainer.model.fc1.weight.detach().clone()
    bigger = table(n=41, mask=np.arange(41) < 31)
    trainer.set_data(bigger)
    assert len(trainer.x_train) == 31 and trainer.step_count == 1
    assert torch.equal(trainer.model.fc1.weight, weights)
    trainer.train_step()
