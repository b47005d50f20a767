"""The one object that carries settings: a frozen, validated TrainConfig with a JSON form."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from playground.core import catalog
from playground.core.checks import ConfigError
from playground.core.checks import choice as _choice
from playground.core.checks import integer as _integer
from playground.core.checks import number as _number
from playground.core.family_checks import (  # re-exported: the controls read the limits here
    CUSTOM,
    KERNEL_SIZES,
    MAX_CHANNELS,
    MAX_CONV_LAYERS,
    MAX_CUSTOM_CLASSES,
    MAX_HEADS,
    check_data,
    check_family,
    parse_channels,
)

SCHEMA_VERSION = 1

# The allowed names, in the catalog's order (core/catalog.py is where they are defined).
DATASETS = tuple(catalog.DATASETS)
CLASSIFICATION_DATASETS = tuple(n for n, d in catalog.DATASETS.items() if d.task == "classification")
REGRESSION_DATASETS = tuple(n for n, d in catalog.DATASETS.items() if d.task == "regression")
ACTIVATIONS = tuple(catalog.ACTIVATIONS)
MODELS = tuple(catalog.MODELS)
OPTIMIZERS = tuple(catalog.OPTIMIZERS)
FEATURES = tuple(catalog.FEATURES)
REGULARIZATIONS = tuple(catalog.REGULARIZATIONS)

MAX_LAYERS = 64
MAX_NEURONS = 4096
# The most memory a network may need (memory_estimate) before it is built: this cap, or the
# memory the computer has free if that is less. Networks estimated under MEMORY_QUIET are
# never checked against free memory (no file read per validation, the same answer everywhere).
MEMORY_CAP = 2 * 10**9
MEMORY_QUIET = 256 * 1024**2
MIN_LR, MAX_LR = 1e-5, 10.0
MAX_EPOCHS = 100_000
MAX_BATCH = 100_000
MAX_DROPOUT = 0.9
MAX_REGULARIZATION_RATE = 10.0


def parse_layers(text: str) -> tuple[int, ...]:
    """Parse "8, 8" (or "8 8", or "" for no hidden layer) into (8, 8); "8,,8" is an error, not (8, 8)."""
    if text.strip() and any(not item.strip() for item in text.split(",")):
        raise ConfigError(
            "layers",
            f"{text!r} has an empty item between commas; write e.g. \"8, 8\" "
            f"(0 to {MAX_LAYERS} layers of 1 to {MAX_NEURONS} neurons, \"\" for none)",
        )
    parts = [p for p in text.replace(",", " ").split() if p]
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise ConfigError(
            "layers",
            f"{text!r} is not a list of whole numbers; write e.g. \"8, 8\" "
            f"(0 to {MAX_LAYERS} layers of 1 to {MAX_NEURONS} neurons)",
        ) from None
    _check_layers(sizes)
    return sizes


def _check_layers(sizes: tuple[int, ...]) -> None:
    if len(sizes) > MAX_LAYERS:
        raise ConfigError("layers", f"{len(sizes)} hidden layers given; allowed 0 to {MAX_LAYERS}")
    for s in sizes:
        if not isinstance(s, int) or isinstance(s, bool) or not 1 <= s <= MAX_NEURONS:
            raise ConfigError("layers", f"a layer of {s} neurons; allowed 1 to {MAX_NEURONS} per layer")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a run. Same config + seed on CPU gives identical losses."""

    dataset: str = "circle"  # a name in catalog.DATASETS (so are activation and optimizer in theirs), or "custom"
    noise: float = 0.0  # 0 to 0.5, label/feature noise of the synthetic sets
    train_fraction: float = 0.5  # share of the samples used for training; the rest is the test set
    samples: int = 500  # how many points the synthetic sets draw
    # The seed of the data (the points and the train/test split); None: the weights' seed. Regenerate
    # picks a new one and leaves the weights' seed alone.
    data_seed: int | None = None
    # How many classes: gauss and spiral make 2 to 6; your own data has its own (0: regression);
    # None: the dataset's own count.
    classes: int | None = None
    # The inputs a 2-D network sees, computed from the point (x1, x2): names in catalog.FEATURES,
    # kept in the catalog's order. Data with other than 2 features uses its own columns.
    features: tuple[str, ...] = catalog.PLAIN_FEATURES
    data: str = ""  # your own data's CSV file (dataset "custom"); "" for drawn points or a generator
    standardize: bool = True  # your own data's features scaled to mean 0, standard deviation 1
    hidden: tuple[int, ...] = (8, 8)  # neurons per hidden layer, input to output
    model: str = "mlp"  # the model family, a name in catalog.MODELS
    # The CNN's convolution layers (model "cnn", image data): out-channels per conv layer, and the
    # square kernels' size; ``hidden`` is then its head of linear layers after the flattened maps.
    channels: tuple[int, ...] = (8, 16)
    kernel_size: int = 3
    heads: int = 2  # the attention model's heads per block (its width, hidden[0], a multiple of it)
    activation: str = "tanh"
    # Dropout after each hidden layer's activation while training: one rate for every hidden layer,
    # or a list with one rate per hidden layer. 0 (the default) is no dropout.
    dropout: float | tuple[float, ...] = 0.0
    learning_rate: float = 0.03
    epochs: int = 100
    batch_size: int = 10
    optimizer: str = "sgd"
    weight_decay: float = 0.0  # L2 penalty, passed to the optimizer
    # A penalty on the weights added to the loss (so it is in the autograd graph): none, l1 or l2
    # (catalog.REGULARIZATIONS), times regularization_rate. Separate from the optimizer's weight_decay.
    regularization: str = "none"
    regularization_rate: float = 0.001
    seed: int = 0
    device: str = "cpu"

    def __post_init__(self) -> None:
        # Accept lists from JSON and callers; keep the frozen object hashable.
        if not isinstance(self.hidden, tuple):
            object.__setattr__(self, "hidden", tuple(self.hidden))
        if isinstance(self.dropout, list):
            object.__setattr__(self, "dropout", tuple(self.dropout))
        if isinstance(self.channels, list):
            object.__setattr__(self, "channels", tuple(self.channels))
        if isinstance(self.features, (list, tuple)):
            names = tuple(self.features)
            if len(set(names)) == len(names) and set(names) <= set(catalog.FEATURES):  # else validate() says why
                names = tuple(n for n in catalog.FEATURES if n in names)
            object.__setattr__(self, "features", names)

    # -- derived --------------------------------------------------------------------------
    @property
    def task(self) -> str:
        if self.dataset == CUSTOM:
            return "regression" if self.classes == 0 else "classification"
        entry = catalog.DATASETS.get(self.dataset)
        return entry.task if entry else "classification"

    @property
    def class_count(self) -> int:
        """How many classes the data has (0 for regression)."""
        entry = catalog.DATASETS.get(self.dataset)
        if self.classes is not None and (self.dataset == CUSTOM or (entry and entry.multiclass)):
            return self.classes
        return entry.classes if entry else 0

    @property
    def seed_of_data(self) -> int:
        """The seed that makes the points and the split: ``data_seed``, or the weights' seed."""
        return self.seed if self.data_seed is None else self.data_seed

    @property
    def plain_features(self) -> bool:
        """Whether the network sees the point itself (x1, x2) with no feature layer."""
        return self.features == catalog.PLAIN_FEATURES

    @property
    def loss(self) -> str:
        """The loss follows the problem: cross-entropy to classify, MSE to regress."""
        return "mse" if self.task == "regression" else "cross_entropy"

    @property
    def dropout_rates(self) -> tuple[float, ...]:
        """One dropout rate per hidden layer."""
        if isinstance(self.dropout, tuple):
            return tuple(float(r) for r in self.dropout)
        return (float(self.dropout),) * len(self.hidden)

    # -- validation -----------------------------------------------------------------------
    def validate(self, memory: bool = True) -> TrainConfig:
        """Raise ConfigError naming the first bad field and what is allowed; return self.
        ``memory=False`` leaves out the memory check (a new learning rate for a network that is
        built already: the memory it holds is no longer free, and it needs no more)."""
        if self.dataset != CUSTOM:
            _choice("dataset", self.dataset, catalog.DATASETS)
        check_data(self)
        _number("noise", self.noise, 0.0, 0.5)
        _number("train_fraction", self.train_fraction, 0.1, 0.9)
        _integer("samples", self.samples, 20, 100_000)
        _check_layers(self.hidden)
        _choice("model", self.model, catalog.MODELS)
        if self.model == "dynamic" and not self.hidden:
            raise ConfigError("layers", "the dynamic model needs at least one hidden layer (its middle layer "
                                        "repeats the last one); give e.g. \"8\"")
        _choice("activation", self.activation, catalog.ACTIVATIONS)
        _check_dropout(self.dropout, len(self.hidden))
        check_family(self)
        _number("learning_rate", self.learning_rate, MIN_LR, MAX_LR)
        _integer("epochs", self.epochs, 1, MAX_EPOCHS)
        _integer("batch_size", self.batch_size, 1, MAX_BATCH)
        _choice("optimizer", self.optimizer, catalog.OPTIMIZERS)
        _number("weight_decay", self.weight_decay, 0.0, 1.0)
        _choice("regularization", self.regularization, catalog.REGULARIZATIONS)
        _number("regularization_rate", self.regularization_rate, 0.0, MAX_REGULARIZATION_RATE)
        _integer("seed", self.seed, 0, 2**31 - 1)
        if self.data_seed is not None:
            _integer("data_seed", self.data_seed, 0, 2**31 - 1)
        if not isinstance(self.device, str) or not self.device:
            raise ConfigError("device", "must be a device name such as cpu, cuda:0 or mps")
        if memory:
            _check_memory(self)
        return self

    def replace(self, **changes: Any) -> TrainConfig:
        return dataclasses.replace(self, **changes)

    # -- JSON -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["hidden"] = list(self.hidden)
        d["features"] = list(self.features)
        d["channels"] = list(self.channels)
        if isinstance(self.dropout, tuple):
            d["dropout"] = list(self.dropout)
        return {"schema_version": SCHEMA_VERSION, **d}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        if not isinstance(data, dict):
            raise ConfigError("config", "must be a JSON object")
        data = dict(data)
        version = data.pop("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ConfigError("schema_version", f"{version!r} is not supported; this version reads {SCHEMA_VERSION}")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(unknown[0], f"unknown setting; allowed: {', '.join(sorted(known))}")
        if "hidden" in data and not isinstance(data["hidden"], (list, tuple)):
            raise ConfigError("hidden", "must be a list of layer sizes such as [8, 8]")
        if "channels" in data and not isinstance(data["channels"], (list, tuple)):
            raise ConfigError("channels", "must be a list of channel counts such as [8, 16]")
        if "features" in data and not isinstance(data["features"], (list, tuple)):
            raise ConfigError("features", f"must be a list of input features such as [\"x1\", \"x2\"]; allowed: "
                                          f"{', '.join(catalog.FEATURES)}")
        if "dropout" in data and not isinstance(data["dropout"], (int, float, list, tuple)):
            raise ConfigError("dropout", f"must be a rate from 0 to {MAX_DROPOUT:g}, or a list of one rate per hidden layer")
        return cls(**data).validate()

    @classmethod
    def from_json(cls, text: str) -> TrainConfig:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise ConfigError("config", f"not valid JSON ({e.msg} at line {e.lineno})") from None
        return cls.from_dict(data)


# Copies of the weights an optimizer keeps in its state (Adam: two moments; momentum: one buffer).
_OPTIMIZER_COPIES = {"adam": 2, "sgd+momentum": 1}


def input_count(config: TrainConfig, data_features: int | None = None) -> int:
    """The network's inputs: the chosen features of 2-D data, else the data's own columns
    (``data_features``: your own data's column count; the catalog knows its datasets')."""
    entry = catalog.DATASETS.get(config.dataset)
    n = data_features if data_features is not None else (entry.features if entry else 2)
    return len(config.features) if n == 2 else n


def parameter_count(config: TrainConfig, data_features: int | None = None) -> int:
    """The network's weights and biases, counted from the config (no torch, nothing built)."""
    entry = catalog.DATASETS.get(config.dataset)
    if config.model in ("rnn", "gru", "lstm", "attention") and entry is not None and entry.steps:
        return _sequence_parameter_count(config, entry, max(config.class_count, 1))
    if config.model == "cnn" and entry is not None and entry.image_shape:
        count, c_in = 0, 1
        for c in config.channels:
            count += (c_in * config.kernel_size ** 2 + 1) * c
            c_in = c
        h, w = entry.image_shape
        for _ in config.channels:  # as core.cnn.conv_plan: pooled while at least 4 across
            if min(h, w) >= 4:
                h, w = h // 2, w // 2
        sizes = [c_in * h * w, *config.hidden, max(config.class_count, 1)]
        return count + sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    sizes = [input_count(config, data_features), *config.hidden, max(config.class_count, 1)]
    count = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    if config.model == "dynamic" and config.hidden:
        count += (config.hidden[-1] + 1) * config.hidden[-1]  # the repeated square middle layer
    return count


_GATES = {"rnn": 1, "gru": 3, "lstm": 4}  # weight blocks per recurrent layer (nn.RNN, nn.GRU, nn.LSTM)


def _sequence_parameter_count(config: TrainConfig, entry, n_outputs: int) -> int:
    """The weights and biases of core.sequence's networks, counted without torch."""
    h = config.hidden[0]
    if config.model == "attention":  # per block: attention (in and out projections), 2 norms, feed-forward
        block = (3 * h * h + 3 * h) + (h * h + h) + 4 * h + (h * 2 * h + 2 * h) + (2 * h * h + h)
        return entry.classes * h + entry.steps * h + len(config.hidden) * block + h * entry.classes + entry.classes
    gates = _GATES[config.model]
    layers = sum(gates * (h * (1 if i == 0 else h) + h * h + 2 * h) for i in range(len(config.hidden)))
    return layers + h * n_outputs + n_outputs


def memory_estimate(config: TrainConfig, data_features: int | None = None) -> int:
    """Bytes (float32) a run of ``config`` needs: the weights, their gradients, the optimizer's
    state, the two good-state copies the Trainer keeps (weights + optimizer state each, see
    Trainer._keep_good), the activations a mini-batch keeps for backward (pre-activation and
    activation per hidden neuron, and their gradients) and an evaluation of the whole data set
    (two layers' outputs at a time, no graph)."""
    params = parameter_count(config, data_features)
    state = _OPTIMIZER_COPIES.get(config.optimizer, 0)
    weights = params * (1 + 1 + state + 2 * (1 + state))
    width = sum(config.hidden) + (config.hidden[-1] if config.model == "dynamic" and config.hidden else 0)
    batch = config.batch_size * width * 4
    evaluation = config.samples * 2 * max(config.hidden, default=0)
    return 4 * (weights + batch + evaluation)


# The settings a network's memory depends on (memory_estimate reads them)
MEMORY_FIELDS = ("dataset", "samples", "hidden", "model", "batch_size", "optimizer", "features", "classes", "channels",
                 "kernel_size", "heads")


def available_memory() -> int | None:
    """Bytes the computer has free (MemAvailable in /proc/meminfo); None where that is unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _gb(n: int) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e8 else f"{n / 1e6:.0f} MB"


def _check_memory(config: TrainConfig) -> None:
    need = memory_estimate(config)
    if need <= MEMORY_QUIET:
        return
    free = available_memory()
    opt = catalog.OPTIMIZERS[config.optimizer].label
    shape = _shape(config.hidden)
    if free is not None and free < MEMORY_CAP and need > free:
        raise ConfigError("layers", f"{shape} with {opt} need about {_gb(need)}; this computer has {_gb(free)} "
                                    f"free: use fewer or narrower layers")
    if need > MEMORY_CAP:
        raise ConfigError("layers", f"{shape} with {opt} need about {_gb(need)}; the playground allows "
                                    f"{_gb(MEMORY_CAP)}: use fewer or narrower layers")


def _shape(hidden: tuple[int, ...]) -> str:
    """ "8 x 4096 neurons" when the layers are alike, else "3 layers of 10 to 4096 neurons"."""
    if len(set(hidden)) == 1:
        return f"{len(hidden)} x {hidden[0]} neurons"
    return f"{len(hidden)} layers of {min(hidden)} to {max(hidden)} neurons"


def parse_dropout(text: str) -> float | tuple[float, ...]:
    """Parse "0.2" (every hidden layer) or "0.1, 0.3" (one rate per hidden layer); "0.1,,0.3" is an error."""
    if text.strip() and any(not item.strip() for item in text.split(",")):
        raise ConfigError("dropout", f"{text!r} has an empty item between commas; write e.g. 0.2, or 0.1,0.3 for one "
                                     f"rate per hidden layer (0 to {MAX_DROPOUT:g})")
    parts = [p for p in text.replace(",", " ").split() if p]
    try:
        rates = [float(p) for p in parts]
    except ValueError:
        raise ConfigError("dropout", f"{text!r} is not a rate; write e.g. 0.2, or 0.1,0.3 for one rate per hidden "
                                     f"layer (0 to {MAX_DROPOUT:g})") from None
    if not rates:
        return 0.0
    return rates[0] if len(rates) == 1 else tuple(rates)


def _check_dropout(value: Any, n_hidden: int) -> None:
    if isinstance(value, tuple):
        if len(value) != n_hidden:
            raise ConfigError("dropout", f"{len(value)} rates for {n_hidden} hidden layers; give one rate per hidden "
                                         f"layer, or a single rate for all")
        for rate in value:
            _number("dropout", rate, 0.0, MAX_DROPOUT)
    else:
        _number("dropout", value, 0.0, MAX_DROPOUT)


__all__ = ["TrainConfig", "ConfigError", "parse_layers", "parse_dropout", "memory_estimate", "parameter_count",
           "input_count", "parse_features", "parse_channels", "CUSTOM", "KERNEL_SIZES", "MAX_CHANNELS", "MAX_CONV_LAYERS",
           "MAX_CUSTOM_CLASSES", "MAX_HEADS",
           "SCHEMA_VERSION"]


def parse_features(text: str) -> tuple[str, ...]:
    """Parse "x1,x2,x1^2" (commas, spaces allowed around them) into the features' names."""
    names = tuple(p.strip() for p in text.split(",") if p.strip())
    if not names:
        raise ConfigError("features", f"choose at least one input feature; allowed: {', '.join(catalog.FEATURES)}")
    for name in names:
        if name not in catalog.FEATURES:
            raise ConfigError("features", f"unknown feature {name!r}; allowed: {', '.join(catalog.FEATURES)}")
    return names
