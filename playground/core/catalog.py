"""The one table of what can be chosen: datasets, activations, optimizers, model families.

Everything else iterates these dicts: the config's allowed values and the task of a dataset, the
data maker, the model, the optimizer, the control panel's combo boxes, the CLI's help, the graph's
labels and the exported script. Adding a dataset is one ``DatasetEntry`` here plus its generator
function in ``core/datasets.py`` (see docs/adding-a-dataset.md). The order of each dict is the
order people see.

The table is plain data and imports no torch: ``playground presets``, ``lessons`` and every help
text read it in a fraction of a second. What needs torch is named here and found on first use:
a dataset's generator (a function name in core/datasets.py), an activation's module (a class name
in torch.nn); an optimizer's factory imports torch when it is called.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch
    from torch import nn

TASKS = ("classification", "regression")

# (n, noise, g) -> (x, y): g is a seeded torch.Generator; y holds class indices, or (n, 1) targets.
Generator = Callable[[int, float, "torch.Generator"], "tuple[torch.Tensor, torch.Tensor]"]


@dataclass(frozen=True)
class DatasetEntry:
    name: str  # what configs, presets and the CLI say
    task: str  # "classification" or "regression"; picks the loss
    classes: int  # how many classes the generator's labels span; 0 for regression
    function: str | Generator  # its generator: a function's name in core/datasets.py (or the function itself)
    description: str  # one line for tooltips and the exported script's title
    label: str = ""  # what the dataset combo shows; the name when empty
    features: int = 2  # the network's inputs per sample (the memory estimate needs it before any data exists)
    max_classes: int = 0  # 2-D sets that can make 2 to this many classes (config ``classes``); 0: ``classes`` only
    image_shape: tuple[int, int] | None = None  # pictures (height, width), one row of pixels per sample: the CNN's data
    steps: int = 0  # sequences: time steps per sample (one value each), or tokens per sample
    tokens: bool = False  # token sequences (digits 0..classes-1 as floats), one class per position: attention's data
    class_names: tuple[str, ...] = ()  # what each class stands for, where it is a word ("sine"); else "class 0"...

    @property
    def kind(self) -> str:
        """"image", "tokens", "sequence" or "table": which model families can learn it."""
        if self.image_shape:
            return "image"
        if self.tokens:
            return "tokens"
        return "sequence" if self.steps else "table"

    @property
    def multiclass(self) -> bool:
        """Whether config ``classes`` picks how many classes the generator makes (gauss, spiral)."""
        return self.max_classes > self.classes

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"dataset {self.name!r}: task {self.task!r} is not one of {TASKS}")
        if (self.task == "regression") != (self.classes == 0) or self.classes == 1:
            raise ValueError(f"dataset {self.name!r}: {self.classes} classes for a {self.task} task")
        if not (callable(self.function) or str(self.function).isidentifier()):
            raise ValueError(f"dataset {self.name!r}: {self.function!r} is no function name in core/datasets.py")
        if not self.label:
            object.__setattr__(self, "label", self.name)

    @cached_property
    def generator(self) -> Generator:
        """The plain function in core/datasets.py (imported, with torch, on first use); the exported
        script copies its source."""
        if callable(self.function):
            return self.function
        from playground.core import datasets

        return getattr(datasets, self.function)


@dataclass(frozen=True)
class ActivationEntry:
    name: str
    display: str  # the torch.nn class ("ReLU"): how the graph names it; called with no arguments, it makes the layer
    ops: tuple[str, ...]  # the autograd nodes it records (ReluBackward0...); none for "linear"
    formula: str  # the graph's label for those nodes
    code: str  # the exported script's forward: "{}" stands for a layer's output, e.g. "torch.relu({})"

    @cached_property
    def module(self) -> type[nn.Module]:
        """The module class, ``torch.nn.<display>`` (imported on first use): the layer the MLP uses between layers."""
        from torch import nn

        return getattr(nn, self.display)


@dataclass(frozen=True)
class OptimizerEntry:
    name: str
    label: str  # what the optimizer combo shows
    factory: Callable[[Iterable[nn.Parameter], float, float], torch.optim.Optimizer]  # (params, lr, weight_decay)
    code: str  # the exported script's line; "{weight_decay}" becomes ", weight_decay=WEIGHT_DECAY" or ""
    formula: str  # the update rule, for people; g is the gradient (plus weight_decay * w)

    def build(self, params: Iterable[nn.Parameter], lr: float, weight_decay: float) -> torch.optim.Optimizer:
        return self.factory(params, lr, weight_decay)

    def script_line(self, weight_decay: bool) -> str:
        return self.code.format(weight_decay=", weight_decay=WEIGHT_DECAY" if weight_decay else "")


def _index(*entries):
    return {e.name: e for e in entries}


DATASETS: dict[str, DatasetEntry] = _index(
    DatasetEntry("circle", "classification", 2, "circle",
                 "2-D: an inner disc of one class inside a ring of the other"),
    DatasetEntry("xor", "classification", 2, "xor", "2-D: opposite quadrants share a class"),
    DatasetEntry("gauss", "classification", 2, "gauss", "2-D: Gaussian clusters, one per class", max_classes=6),
    DatasetEntry("spiral", "classification", 2, "spiral", "2-D: interleaved spirals, one arm per class",
                 max_classes=6),
    DatasetEntry("moons", "classification", 2, "moons", "2-D: two interleaving half circles"),
    DatasetEntry("seed-example", "classification", 2, "seed_example",
                 "10 random features, 2 classes (the article's example)", features=10),
    DatasetEntry("digits", "classification", 10, "digits",
                 "8x8 handwritten digits, 10 classes (bundled, no download)", features=64, image_shape=(8, 8)),
    DatasetEntry("shapes", "classification", 3, "shapes",
                 "16x16 pictures of lines, circles and squares, drawn from the seed", features=256,
                 image_shape=(16, 16)),
    DatasetEntry("sine", "regression", 0, "sine",
                 "sequences: the next value of a noisy sum of two sines, from the last 20", features=20, steps=20),
    DatasetEntry("pattern", "classification", 2, "pattern",
                 "sequences: which of two patterns (a sine or a sawtooth wave) 20 noisy values follow", features=20,
                 steps=20, class_names=("sine", "sawtooth")),
    DatasetEntry("reverse", "classification", 10, "reverse",
                 "tokens: 6 digits, to be written back in reverse order", features=6, steps=6, tokens=True),
    DatasetEntry("sort", "classification", 10, "sort",
                 "tokens: 6 digits, to be written back sorted", features=6, steps=6, tokens=True),
    DatasetEntry("plane", "regression", 0, "plane", "2-D regression: the value rises along a tilted plane"),
    DatasetEntry("multi-gauss", "regression", 0, "multi_gauss", "2-D regression: a landscape of Gaussian bumps"),
)

ACTIVATIONS: dict[str, ActivationEntry] = _index(
    ActivationEntry("relu", "ReLU", ("ReluBackward0",), "max(0, x)", "torch.relu({})"),
    ActivationEntry("tanh", "Tanh", ("TanhBackward0",), "tanh(x)", "torch.tanh({})"),
    ActivationEntry("sigmoid", "Sigmoid", ("SigmoidBackward0",), "1 / (1 + e^-x)", "torch.sigmoid({})"),
    ActivationEntry("leaky_relu", "LeakyReLU", ("LeakyReluBackward0",), "max(0.01 x, x)", "F.leaky_relu({})"),
    ActivationEntry("gelu", "GELU", ("GeluBackward0",), "x * Phi(x)", "F.gelu({})"),
    ActivationEntry("linear", "Identity", (), "x", "{}"),
)


@dataclass(frozen=True)
class FeatureEntry:
    """One input a 2-D network can see, computed from the point (x1, x2), as in TensorFlow Playground."""

    name: str  # what configs and the CLI say (--features x1,x2,x1^2)
    label: str  # how the network view and the graph name the input neuron
    code: str  # a torch expression of the 1-D tensors x1 and x2: the model and the exported script both use it


FEATURES: dict[str, FeatureEntry] = _index(
    FeatureEntry("x1", "x₁", "x1"),
    FeatureEntry("x2", "x₂", "x2"),
    FeatureEntry("x1^2", "x₁²", "x1 ** 2"),
    FeatureEntry("x2^2", "x₂²", "x2 ** 2"),
    FeatureEntry("x1*x2", "x₁x₂", "x1 * x2"),
    FeatureEntry("sin(x1)", "sin(x₁)", "torch.sin(x1)"),
    FeatureEntry("sin(x2)", "sin(x₂)", "torch.sin(x2)"),
)
PLAIN_FEATURES = ("x1", "x2")  # the point itself: no feature layer in the network


@dataclass(frozen=True)
class RegularizationEntry:
    """A penalty on the weights (not the biases) added to the loss, as in TensorFlow Playground."""

    name: str
    label: str
    code: str  # the exported script's term for one weight matrix w (times the rate, summed over layers)
    formula: str


REGULARIZATIONS: dict[str, RegularizationEntry] = _index(
    RegularizationEntry("none", "None", "", ""),
    RegularizationEntry("l1", "L1", "w.abs().sum()", "rate * sum |w|"),
    RegularizationEntry("l2", "L2", "w.pow(2).sum()", "rate * sum w^2"),
)


def _sgd(momentum: float):
    def factory(params, lr: float, weight_decay: float) -> torch.optim.Optimizer:
        import torch

        return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)

    return factory


def _adam(params, lr: float, weight_decay: float) -> torch.optim.Optimizer:
    """Adam's fused kernel (one op for all parameters, the same rule): on the CPU a third of the time of
    torch's default loop over the parameters, a quarter of a small network's step (benchmarks/bench_train.py,
    section 4); the default where a device has no fused Adam."""
    import torch

    params = list(params)
    try:
        return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay, fused=True)
    except RuntimeError:  # "`fused=True` requires all the params to be floating point Tensors of supported devices"
        return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay)


OPTIMIZERS: dict[str, OptimizerEntry] = _index(
    OptimizerEntry("sgd", "SGD", _sgd(0.0), "optim.SGD(net.parameters(), lr=LEARNING_RATE{weight_decay})",
                   "w -= lr * g"),
    OptimizerEntry("sgd+momentum", "SGD + momentum", _sgd(0.9),
                   "optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=0.9{weight_decay})",
                   "v = 0.9 v + g;  w -= lr * v"),
    OptimizerEntry("adam", "Adam", _adam, "optim.Adam(net.parameters(), lr=LEARNING_RATE{weight_decay}, fused=True)",
                   "m = 0.9 m + 0.1 g;  v = 0.999 v + 0.001 g^2;  w -= lr * m^ / (sqrt(v^) + 1e-8)"),
)


@dataclass(frozen=True)
class ModelEntry:
    name: str  # what configs, presets and the CLI (--model) say
    label: str  # what the model combo shows
    description: str  # one line for tooltips, help and the exported script
    # The DatasetEntry.kind it learns from; "table" families (the MLPs) take any data but tokens,
    # pictures and sequences as rows of numbers.
    data: str = "table"


MODELS: dict[str, ModelEntry] = _index(
    ModelEntry("mlp", "MLP", "Linear layers fc1..fcN with one activation between them (the article's network)"),
    ModelEntry("dynamic", "Dynamic (loop 0-3x)",
               "the MLP plus a square middle layer that each training forward pass applies a random 0-3 times: "
               "the graph is built anew on every pass"),
    ModelEntry("cnn", "CNN (convolutions)",
               "convolution layers with pooling on the pictures, then linear layers: for image data (digits, shapes)",
               data="image"),
    ModelEntry("rnn", "RNN", "a recurrent layer over the time steps, then a linear layer on the last state: for "
                             "sequences (sine, pattern)", data="sequence"),
    ModelEntry("gru", "GRU", "a gated recurrent unit (GRU) over the time steps: for sequences (sine, pattern)",
               data="sequence"),
    ModelEntry("lstm", "LSTM", "a long short-term memory (LSTM) over the time steps: for sequences (sine, pattern)",
               data="sequence"),
    ModelEntry("attention", "Attention (transformer)",
               "token and position embeddings, multi-head self-attention and a feed-forward layer: for token "
               "sequences (reverse, sort)", data="tokens"),
)


def activation_for_op(op: str) -> ActivationEntry | None:
    """The activation that records autograd node ``op`` (``ReluBackward0`` -> relu), if any."""
    return next((a for a in ACTIVATIONS.values() if op in a.ops), None)


__all__ = ["DATASETS", "ACTIVATIONS", "OPTIMIZERS", "MODELS", "FEATURES", "REGULARIZATIONS", "PLAIN_FEATURES",
           "DatasetEntry", "ActivationEntry", "OptimizerEntry", "ModelEntry", "FeatureEntry", "RegularizationEntry",
           "activation_for_op", "TASKS"]
