import json

import pytest

from playground.core import config
from playground.core.config import ConfigError, TrainConfig, parse_layers


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
        ({"hidden": (8,) * 9}, "layers", "allowed 0 to 8"),
        ({"hidden": (0,)}, "layers", "1 to 512"),
        ({"hidden": (513,)}, "layers", "1 to 512"),
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
    with pytest.raises(ConfigError, match="1 to 512"):
        parse_layers("8, 0")


def test_the_allowed_names_keep_their_order():
    # the catalog's order: what the combos, the CLI's help and "allowed: ..." messages list
    assert config.DATASETS == ("circle", "xor", "gauss", "spiral", "moons", "seed-example", "digits", "plane",
                               "multi-gauss")
    assert config.REGRESSION_DATASETS == ("plane", "multi-gauss")
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
