import json

import pytest

from playground.core import catalog, config
from playground.core import config as config_module
from playground.core.config import ConfigError, TrainConfig, memory_estimate, parameter_count, parse_layers


def test_defaults_validate():
    assert TrainConfig().validate().loss == "cross_entropy"


def test_loss_follows_the_problem():
    assert TrainConfig(dataset="plane").loss == "mse"
    assert TrainConfig(dataset="digits").loss == "cross_entropy"


def test_json_round_trip_keeps_every_field_and_version():
    c = TrainConfig(dataset="spiral", hidden=(16, 4), activation="gelu", learning_rate=0.005,
                    optimizer="adam", weight_decay=0.01, seed=7, noise=0.2, batch_size=3)
    data = json.loads(c.to_json())
    assert data["schema_version"] == 1
    assert data["hidden"] == [16, 4]
    assert TrainConfig.from_json(c.to_json()) == c


@pytest.mark.parametrize(
    "changes, field, fragment",
    [
        ({"dataset": "mnist"}, "dataset", "allowed: circle"),
        ({"hidden": (8,) * 65}, "layers", "allowed 0 to 64"),
        ({"hidden": (0,)}, "layers", "1 to 4096"),
        ({"hidden": (4097,)}, "layers", "1 to 4096"),
        ({"activation": "swish"}, "activation", "relu"),
        ({"learning_rate": 0.0}, "learning_rate", "1e-05 to 10"),
        ({"learning_rate": float("nan")}, "learning_rate", "not a number"),
        ({"epochs": 0}, "epochs", "1 to"),
        ({"batch_size": 2.5}, "batch_size", "whole number"),
        ({"optimizer": "rmsprop"}, "optimizer", "sgd+momentum"),
        ({"weight_decay": -1.0}, "weight_decay", "0 to 1"),
        ({"seed": -1}, "seed", "0 to"),
        ({"noise": 0.9}, "noise", "0 to 0.5"),
        ({"train_fraction": 1.0}, "train_fraction", "0.1 to 0.9"),
    ],
)
def test_each_bad_field_is_named_with_what_is_allowed(changes, field, fragment):
    with pytest.raises(ConfigError) as err:
        TrainConfig(**changes).validate()
    assert err.value.field == field
    assert fragment in str(err.value)


def test_unknown_json_key_and_bad_version_are_refused():
    with pytest.raises(ConfigError, match="unknown setting"):
        TrainConfig.from_dict({"lr": 0.1})
    with pytest.raises(ConfigError, match="schema_version"):
        TrainConfig.from_dict({"schema_version": 99})
    with pytest.raises(ConfigError, match="not valid JSON"):
        TrainConfig.from_json("{oops")


def test_parse_layers():
    assert parse_layers("8, 8") == (8, 8)
    assert parse_layers("4 2") == (4, 2)
    assert parse_layers("") == ()
    with pytest.raises(ConfigError, match="whole numbers"):
        parse_layers("8, x")
    with pytest.raises(ConfigError, match="1 to 4096"):
        parse_layers("8, 0")


def test_the_allowed_names_keep_their_order():
    # the catalog's order: what the combos, the CLI's help and "allowed: ..." messages list
    assert config.DATASETS == ("circle", "xor", "gauss", "spiral", "moons", "seed-example", "digits", "shapes",
                               "sine", "pattern", "reverse", "sort", "plane",
                               "multi-gauss")
    assert config.REGRESSION_DATASETS == ("sine", "plane", "multi-gauss")
    assert config.ACTIVATIONS == ("relu", "tanh", "sigmoid", "leaky_relu", "gelu", "linear")
    assert config.OPTIMIZERS == ("sgd", "sgd+momentum", "adam")
    with pytest.raises(ConfigError, match=r"unknown optimizer 'rmsprop'; allowed: sgd, sgd\+momentum, adam$"):
        TrainConfig(optimizer="rmsprop").validate()
    with pytest.raises(ConfigError, match=r"unknown dataset \['circle'\]; allowed: circle, xor"):
        TrainConfig(dataset=["circle"]).validate()


def test_parse_dropout_reads_one_rate_or_one_per_layer_and_refuses_an_empty_item():
    from playground.core.config import parse_dropout

    assert parse_dropout("0.2") == 0.2
    assert parse_dropout("0.1, 0.3") == (0.1, 0.3)
    assert parse_dropout("") == 0.0
    with pytest.raises(ConfigError) as e:
        parse_dropout("0.1,,0.3")
    assert e.value.field == "dropout"
    assert "empty item" in e.value.message


# -- the memory a network needs, estimated before it is built ---------------------------------
@pytest.mark.parametrize("hidden, dataset, model", [
    ((8, 8), "circle", "mlp"),
    ((30,) * 30, "spiral", "mlp"),
    ((64,) * 64, "digits", "dynamic"),
    ((100, 5), "seed-example", "mlp"),
    ((), "plane", "mlp"),
])
def test_parameter_count_is_the_built_networks(hidden, dataset, model):
    from playground.core.model import model_for_config
    from playground.core.training import Trainer

    config = TrainConfig(dataset=dataset, hidden=hidden, model=model, samples=40)
    trainer = Trainer(config)
    built = sum(p.numel() for p in trainer.model.parameters())
    assert parameter_count(config) == built
    d = trainer.dataset
    assert (catalog.DATASETS[dataset].features, max(catalog.DATASETS[dataset].classes, 1)) == (d.n_features,
                                                                                               d.n_outputs)
    assert model_for_config(config, d.n_features, d.n_outputs) is not None


def test_memory_estimate_counts_weights_gradients_optimizer_state_good_copies_and_activations():
    config = TrainConfig(dataset="circle", hidden=(10,), batch_size=5, samples=100)
    params = (2 + 1) * 10 + (10 + 1) * 2  # 52
    activations = 5 * 10 * 4 + 100 * 2 * 10
    # SGD: weights, gradients, two good copies of the weights
    assert memory_estimate(config) == 4 * (params * 4 + activations)
    # momentum: one buffer, kept in the good copies too
    assert memory_estimate(config.replace(optimizer="sgd+momentum")) == 4 * (params * 7 + activations)
    # Adam: two moments
    assert memory_estimate(config.replace(optimizer="adam")) == 4 * (params * 10 + activations)


def test_a_network_past_the_cap_is_refused_with_the_estimate_and_the_limit(monkeypatch):
    monkeypatch.setattr(config_module, "available_memory", lambda: 64 * 10**9)
    with pytest.raises(ConfigError) as e:
        TrainConfig(hidden=(4096,) * 8, optimizer="adam").validate()
    assert e.value.field == "layers"
    assert str(e.value) == ("layers: 8 x 4096 neurons with Adam need about 4.7 GB; the playground allows 2.0 GB: "
                            "use fewer or narrower layers")
    TrainConfig(hidden=(4096,) * 2, optimizer="adam").validate()  # 0.7 GB: fits
    TrainConfig(hidden=(64,) * 64).validate()  # deep and narrow: a few MB


def test_a_network_past_the_free_memory_is_refused(monkeypatch):
    monkeypatch.setattr(config_module, "available_memory", lambda: 1_100_000_000)
    config = TrainConfig(hidden=(4096,) * 6, optimizer="sgd")  # about 1.3 GB
    with pytest.raises(ConfigError, match=r"^layers: 6 x 4096 neurons with SGD need about 1\.\d GB; this computer "
                                          r"has 1\.1 GB free: use fewer or narrower layers$"):
        config.validate()
    monkeypatch.setattr(config_module, "available_memory", lambda: 8 * 10**9)
    assert config.validate() is config
    monkeypatch.setattr(config_module, "available_memory", lambda: None)  # unknown: the cap alone
    assert config.validate() is config


def test_small_networks_never_read_the_free_memory(monkeypatch):
    def fail():
        raise AssertionError("read")

    monkeypatch.setattr(config_module, "available_memory", fail)
    TrainConfig(hidden=(64,) * 64, samples=100_000, batch_size=1000).validate()


def test_available_memory_reads_a_number_or_none():
    free = config_module.available_memory()
    assert free is None or free > 0


def test_validate_without_the_memory_check(monkeypatch):
    monkeypatch.setattr(config_module, "available_memory", lambda: 10**9)
    config = TrainConfig(hidden=(4096,) * 8)
    with pytest.raises(ConfigError, match="this computer has 1.0 GB free"):
        config.validate()
    assert config.validate(memory=False) is config  # a new rate for a network that is built already
    assert set(config_module.MEMORY_FIELDS) < {f for f in config.to_dict()}
