"""What a model family and a dataset allow together: your own data's classes and features, the
CNN's channels and kernels, the sequence families' stacked widths and the attention heads.
``TrainConfig.validate`` calls ``check_data`` and ``check_family``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from playground.core import catalog
from playground.core.checks import ConfigError
from playground.core.checks import integer as _integer

if TYPE_CHECKING:
    from playground.core.config import TrainConfig

# Your own data (a CSV file or drawn points) rather than a generator of the catalog's: the
# engine or the CLI hands the table to the Trainer; ``classes`` says its task (0: regression).
CUSTOM = "custom"
MAX_CUSTOM_CLASSES = 20

MAX_HEADS = 8
MAX_CONV_LAYERS = 4
MAX_CHANNELS = 64
KERNEL_SIZES = (1, 3, 5, 7)


def check_family(config: TrainConfig) -> None:
    """channels and kernel_size; the CNN needs pictures."""
    if not isinstance(config.channels, tuple) or not 1 <= len(config.channels) <= MAX_CONV_LAYERS:
        raise ConfigError("channels", f"give 1 to {MAX_CONV_LAYERS} convolution layers' channel counts, e.g. \"8, 16\"")
    for c in config.channels:
        if isinstance(c, bool) or not isinstance(c, int) or not 1 <= c <= MAX_CHANNELS:
            raise ConfigError("channels", f"a layer of {c!r} channels; allowed 1 to {MAX_CHANNELS}")
    if config.kernel_size not in KERNEL_SIZES or isinstance(config.kernel_size, bool):
        raise ConfigError("kernel_size", f"{config.kernel_size!r}; allowed {', '.join(map(str, KERNEL_SIZES))}")
    if isinstance(config.heads, bool) or not isinstance(config.heads, int) or not 1 <= config.heads <= MAX_HEADS:
        raise ConfigError("heads", f"{config.heads!r}; allowed 1 to {MAX_HEADS} attention heads")
    model = catalog.MODELS.get(config.model)
    entry = catalog.DATASETS.get(config.dataset)
    if model is None or entry is None:
        return  # named by their own checks
    kind = entry.kind
    if model.data == "table" and kind == "tokens":
        raise ConfigError("model", f"{config.dataset} is token sequences, one answer per position: use the attention "
                                   f"model")
    if model.data != "table" and model.data != kind:
        what, data = {"image": ("the CNN learns from pictures", "image data"),
                      "sequence": (f"the {model.label} learns from sequences", "sequence data"),
                      "tokens": ("the attention model learns from token sequences", "a token task")}[model.data]
        fits = " and ".join(n for n, e in catalog.DATASETS.items() if e.kind == model.data)
        raise ConfigError("model", f"{what}; {config.dataset} is not {data} (use {fits})")
    if model.data != "table" and any(r > 0 for r in config.dropout_rates):
        name = {"cnn": "CNN", "attention": "attention model"}.get(model.name, model.label)
        raise ConfigError("dropout", f"the {name} has no dropout here; set it to 0")
    if model.data in ("sequence", "tokens"):
        if not config.hidden or len(set(config.hidden)) != 1 or len(config.hidden) > 4:
            raise ConfigError("layers", f"the {model.label} stacks 1 to 4 layers of one width: give e.g. \"16\" or "
                                        f"\"16, 16\"")
    if model.data == "tokens" and config.hidden[0] % config.heads:
        raise ConfigError("heads", f"{config.heads} heads do not divide the width {config.hidden[0]}; the attention "
                                   f"splits its width among its heads")


def parse_channels(text: str) -> tuple[int, ...]:
    """Parse "8, 16" into (8, 16)."""
    try:
        channels = tuple(int(p) for p in text.replace(",", " ").split())
    except ValueError:
        raise ConfigError("channels", f"{text!r} is not a list of whole numbers; write e.g. \"8, 16\"") from None
    return channels


def check_data(config: TrainConfig) -> None:
    """classes, features, data and standardize: what the dataset allows."""
    entry = catalog.DATASETS.get(config.dataset)
    classes = config.classes
    if config.dataset == CUSTOM:
        if classes is None:
            raise ConfigError("classes", f"your own data needs its class count: 2 to {MAX_CUSTOM_CLASSES}, "
                                         f"or 0 for regression")
        if classes != 0:
            _integer("classes", classes, 2, MAX_CUSTOM_CLASSES)
    elif classes is not None and entry is not None:
        if entry.multiclass:
            _integer("classes", classes, 2, entry.max_classes)
        elif classes != entry.classes:
            multi = " and ".join(n for n, e in catalog.DATASETS.items() if e.multiclass)
            what = "is a regression" if entry.task == "regression" else f"has {entry.classes} classes"
            raise ConfigError("classes", f"{config.dataset} {what}; {multi} make 2 to 6 classes")
    if not isinstance(config.features, tuple) or not config.features:
        raise ConfigError("features", f"choose at least one input feature; allowed: {', '.join(catalog.FEATURES)}")
    for name in config.features:
        if name not in catalog.FEATURES:
            raise ConfigError("features", f"unknown feature {name!r}; allowed: {', '.join(catalog.FEATURES)}")
    if len(set(config.features)) != len(config.features):
        raise ConfigError("features", "a feature is listed twice; give each once")
    if entry is not None and entry.features != 2 and not config.plain_features:
        raise ConfigError("features", f"the input features (x1^2, sin(x1)...) are made from 2-D points; "
                                      f"{config.dataset} has {entry.features} inputs of its own")
    if not isinstance(config.data, str):
        raise ConfigError("data", "must be the path of a CSV file, or empty")
    if config.data and config.dataset != CUSTOM:
        raise ConfigError("data", f"a data file goes with dataset \"{CUSTOM}\", not {config.dataset!r}")
    if not isinstance(config.standardize, bool):
        raise ConfigError("standardize", "must be true or false")


__all__ = ["CUSTOM", "check_data", "check_family", "parse_channels"]
