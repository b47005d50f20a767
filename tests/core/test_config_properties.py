"""Property tests: any config dict, and any `playground train` argument list, gives either a valid
config or a ConfigError naming the field (argparse: exit 2), never another exception.

The dicts start from valid values and perturb some fields: wrong types, out-of-range and huge
numbers, NaN and infinities, nested lists, unknown keys.
"""

import argparse
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.cli import build_parser, config_from_args
from playground.core import catalog
from playground.core.config import ConfigError, TrainConfig

SETTINGS = settings(derandomize=True, deadline=None, max_examples=75,
                    suppress_health_check=[HealthCheck.too_slow])

# a valid value for each field
VALID = {
    "dataset": st.sampled_from(list(catalog.DATASETS)),
    "noise": st.floats(0.0, 0.5),
    "train_fraction": st.floats(0.1, 0.9),
    "samples": st.integers(20, 100_000),
    "hidden": st.lists(st.integers(1, 4096), max_size=64),
    "model": st.sampled_from(list(catalog.MODELS)),
    "activation": st.sampled_from(list(catalog.ACTIVATIONS)),
    "dropout": st.one_of(st.floats(0.0, 0.9), st.lists(st.floats(0.0, 0.9), max_size=8)),
    "learning_rate": st.floats(1e-5, 10.0),
    "epochs": st.integers(1, 100_000),
    "batch_size": st.integers(1, 100_000),
    "optimizer": st.sampled_from(list(catalog.OPTIMIZERS)),
    "weight_decay": st.floats(0.0, 1.0),
    "seed": st.integers(0, 2**31 - 1),
    "device": st.just("cpu"),
}

# Huge ints are left out of the float fields until the known bug below is fixed.
_huge = st.integers(min_value=-(10**30), max_value=10**30)
_scalar = st.one_of(
    st.none(), st.booleans(), _huge, st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8),
)
WRONG = st.one_of(
    _scalar,
    st.lists(st.one_of(_scalar, st.lists(_scalar, max_size=3)), max_size=10),  # nested lists
    st.dictionaries(st.text(max_size=4), _scalar, max_size=3),
)
# the fields read as floats: ints up to what a float holds (see test_a_huge_int_for_a_float_field)
FLOAT_FIELDS = {"noise", "train_fraction", "learning_rate", "weight_decay", "dropout"}
WRONG_FLOAT = WRONG


@st.composite
def config_dicts(draw):
    data = {name: draw(valid) for name, valid in VALID.items() if draw(st.booleans())}
    for name in draw(st.lists(st.sampled_from(list(VALID)), max_size=3, unique=True)):
        data[name] = draw(WRONG_FLOAT if name in FLOAT_FIELDS else WRONG)
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.text(min_size=1, max_size=10).filter(lambda k: k not in VALID))] = draw(_scalar)
    if draw(st.integers(0, 9)) == 0:
        data["schema_version"] = draw(st.one_of(st.just(1), _scalar))
    return data


def _names_field(error: ConfigError, data: dict) -> bool:
    # "hidden" is reported as "layers", the name the CLI and the window use for it
    named = {error.field} | ({"hidden"} if error.field == "layers" else set())
    return error.field in str(error) and (bool(named & set(data)) or error.field in ("config", "schema_version"))


@SETTINGS
@given(config_dicts())
def test_a_config_dict_gives_a_valid_config_or_a_config_error_naming_the_field(data):
    try:
        config = TrainConfig.from_dict(data)
    except ConfigError as e:
        assert _names_field(e, data), (e.field, str(e))
        return
    assert config.validate() is config
    assert TrainConfig.from_dict(config.to_dict()) == config
    assert all(isinstance(s, int) and 1 <= s <= 4096 for s in config.hidden)
    assert all(math.isfinite(v) for v in (config.noise, config.learning_rate, config.weight_decay))


def test_a_huge_int_for_a_float_field_is_a_config_error():
    with pytest.raises(ConfigError, match="learning_rate: a number of about 401 digits is out of range"):
        TrainConfig.from_dict({"learning_rate": 10**400})
    with pytest.raises(ConfigError, match="noise: a number of about 5000 digits is out of range"):
        TrainConfig.from_dict({"noise": 10**4999})


# -- `playground train` argument lists -------------------------------------------------------
def _value(kind):
    """Mostly plausible values (so some runs get through), some wild ones."""
    words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=8)
    if kind is int:
        return st.one_of(st.integers(-3, 300).map(str), st.integers(-(10**25), 10**25).map(str), words)
    if kind is float:
        return st.one_of(st.floats(-0.5, 12).map(str), st.sampled_from(["nan", "inf", "-inf", "1e400", "1e-9"]),
                         words)
    return words


def _train_options():
    sub = next(a for a in build_parser()._subparsers._group_actions
               if isinstance(a, argparse._SubParsersAction)).choices["train"]
    options = []
    for action in sub._actions:
        flags = [f for f in action.option_strings if f.startswith("--")]
        if not flags or action.nargs == 0 or flags[0] in ("--help", "--config", "--export", "--init-weights"):
            continue
        choices = {"--preset": st.one_of(st.sampled_from(["circle", "xor", "spiral", "nope"]), _value(str)),
                   "--dataset": st.one_of(st.sampled_from(list(catalog.DATASETS)), _value(str)),
                   "--activation": st.one_of(st.sampled_from(list(catalog.ACTIVATIONS)), _value(str)),
                   "--model": st.one_of(st.sampled_from(list(catalog.MODELS)), _value(str)),
                   "--dropout": st.one_of(st.lists(st.floats(-0.5, 1.5), max_size=4).map(
                       lambda xs: ",".join(map(str, xs))), _value(float)),
                   "--optimizer": st.one_of(st.sampled_from(list(catalog.OPTIMIZERS)), _value(str)),
                   "--layers": st.one_of(st.lists(st.integers(-5, 600), max_size=10).map(
                       lambda xs: ",".join(map(str, xs))), _value(str)),
                   "--device": st.sampled_from(["cpu", "cuda:0", "mps", "", "tpu"])}
        options.append((flags[0], choices.get(flags[0], _value(action.type))))
    return options


TRAIN_OPTIONS = _train_options()


@st.composite
def train_argv(draw):
    argv = ["train"]
    for flag, values in draw(st.lists(st.sampled_from(TRAIN_OPTIONS), max_size=4)):
        argv.append(f"{flag}={draw(values)}")  # "--lr=-1": a value that starts with "-" stays a value
    if draw(st.integers(0, 14)) == 0:
        argv.append(draw(st.sampled_from(["--bogus", "extra", "--lr"])))
    return argv


def test_the_train_options_are_the_real_ones():
    flags = {f for f, _ in TRAIN_OPTIONS}
    assert {"--lr", "--epochs", "--batch-size", "--layers", "--dataset", "--seed", "--noise", "--model",
            "--dropout"} <= flags


@SETTINGS
@given(train_argv())
def test_train_arguments_give_a_config_or_a_config_error_or_exit_2(argv):
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        assert e.code == 2, (argv, e.code)
        return
    try:
        config, _preset = config_from_args(args)
    except ConfigError as e:
        assert e.field in str(e)
        return
    assert config.validate() is config
