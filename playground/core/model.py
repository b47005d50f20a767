"""The networks: model families whose parameters read like the article's (fc1.weight, fc2.bias...).

``MLP``: linear layers fc1..fcN with one activation between them, and optional dropout after each
hidden activation. ``DynamicMLP``: the same, plus a square middle layer that each *training*
forward pass applies a random number of times (0 to 3), the classic example of a graph that
PyTorch builds anew on every pass. Both draw their randomness (dropout masks, the loop count)
from their own CPU generator ``rng``, seeded by the Trainer, so a run is reproducible on any
device and the exported script can draw the same numbers.

``model.tape`` records one forward pass for teaching (the chain rule, the phase stepper): set it to
a list, run a forward pass, and it holds one ``Application`` per linear layer call, in order.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from playground.core import catalog


class FamilyNet(nn.Module):
    """What the Trainer, the views and the exports read on every family's network, as the families other
    than the MLP have it: ``rng`` (seeded by the Trainer; they draw nothing from it), no ``tape`` (the chain
    rule by hand is shown for the MLP's layers only), no input ``features`` layer and no ``dropout``."""

    def __init__(self) -> None:
        super().__init__()
        self.rng = torch.Generator()
        self.tape = None
        self.features = None
        self.dropout: tuple[float, ...] = ()


@dataclass
class Application:
    """One call of a linear layer in a forward pass: ``out = act(z) * mask`` (or ``z`` for the output)."""

    layer: str  # "fc2"
    x: torch.Tensor  # the layer's input
    z: torch.Tensor  # x @ W.T + b
    activated: bool  # whether the activation follows (all but the output layer)
    mask: torch.Tensor | None = None  # the dropout multiplier (0 or 1/(1-p)) applied after the activation


class Features(nn.Module):
    """The inputs a 2-D network sees, computed from each point (x1, x2): one column per name in
    catalog.FEATURES (x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)), as TensorFlow Playground's
    input neurons. No weights: the data stays the points, the network's first op makes the features."""

    def __init__(self, names: tuple[str, ...]):
        super().__init__()
        self.names = tuple(names)
        self._functions = [_feature_function(catalog.FEATURES[n].code) for n in self.names]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x1, x2 = x[:, 0], x[:, 1]
        return torch.stack([f(x1, x2) for f in self._functions], 1)

    def extra_repr(self) -> str:
        return ", ".join(self.names)


_CODE_FUNCTIONS: dict[tuple[str, str], object] = {}


def _code_function(args: str, code: str):
    """``lambda <args>: <code>``: a catalog expression (a feature, a penalty term), the same text the
    exported script writes, made a function once."""
    key = (args, code)
    if key not in _CODE_FUNCTIONS:
        _CODE_FUNCTIONS[key] = eval(f"lambda {args}: {code}", {"torch": torch})  # noqa: S307 (the catalog's text)
    return _CODE_FUNCTIONS[key]


def _feature_function(code: str):
    return _code_function("x1, x2", code)


class MLP(nn.Module):
    """Linear layers fc1..fcN with one activation between them; the last layer is the output.
    With ``features`` (2-D data), a ``Features`` layer first turns each point into those inputs."""

    family = "mlp"

    def __init__(self, n_inputs: int, hidden: tuple[int, ...], n_outputs: int, activation: str = "relu",
                 dropout: tuple[float, ...] | float = 0.0, features: tuple[str, ...] | None = None):
        super().__init__()
        self.features = Features(features) if features and tuple(features) != catalog.PLAIN_FEATURES else None
        if self.features is not None:
            n_inputs = len(self.features.names)
        self.sizes = [n_inputs, *hidden, n_outputs]
        self.activation_name = activation
        self.dropout = tuple(dropout) if isinstance(dropout, (tuple, list)) else (float(dropout),) * len(hidden)
        for i, (a, b) in enumerate(zip(self.sizes, self.sizes[1:]), start=1):
            setattr(self, f"fc{i}", nn.Linear(a, b))
        self.act = catalog.ACTIVATIONS[activation].module()
        # looked up once: a forward pass reads it per layer (the fcN modules are never replaced;
        # weights load in place)
        self._layers = tuple(getattr(self, f"fc{i}") for i in range(1, len(self.sizes)))
        self.rng = torch.Generator()  # dropout masks and loop counts; the Trainer seeds it
        self.tape: list[Application] | None = None  # a list: record the next forward passes into it

    @property
    def layers(self) -> tuple[nn.Linear, ...]:
        """The linear layers in drawing order (as ``sizes`` numbers them)."""
        return self._layers

    def layer_name(self, index: int) -> str:
        """The name of ``layers[index]`` ("fc1" for 0)."""
        return f"fc{index + 1}"

    def _hidden(self, index: int, x: torch.Tensor, rate: float = 0.0) -> torch.Tensor:
        """Layer ``index`` (0-based), its activation, and dropout at ``rate`` while training."""
        z = self._layers[index](x)
        # the activation module's forward, not its __call__: no hooks are ever put on it, and __call__'s
        # hook checks cost a small network's step about 2% (benchmarks/bench_train.py); the module stays
        # (`act`), as the graph and the chain-rule panel name it
        out = self.act.forward(z)
        mask = None
        if rate > 0 and self.training:
            keep = torch.rand(out.shape, generator=self.rng) >= rate
            mask = keep.to(device=out.device, dtype=out.dtype) / (1.0 - rate)
            out = out * mask
        if self.tape is not None:
            self.tape.append(Application(self.layer_name(index), x, z, True, mask))
        return out

    def _output(self, index: int, x: torch.Tensor) -> torch.Tensor:
        z = self.layers[index](x)
        if self.tape is not None:
            self.tape.append(Application(self.layer_name(index), x, z, False))
        return z

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.features is not None:
            x = self.features(x)
        n_hidden = len(self.sizes) - 2
        for i in range(n_hidden):
            x = self._hidden(i, x, self.dropout[i])
        return self._output(n_hidden, x)

    def hidden_activations(self, x: torch.Tensor) -> list[torch.Tensor]:
        """Each hidden layer's output (after the activation, eval mode), for the neuron pictures."""
        outs = []
        if self.features is not None:
            x = self.features(x)
        for fc in self.layers[:-1]:
            x = self.act(fc(x))
            outs.append(x)
        return outs


class DynamicMLP(MLP):
    """The MLP plus a square middle layer (``fc{k+1}`` after k hidden layers) that each training
    forward pass applies a random 0 to ``MAX_REPEATS`` times, drawn from ``rng``: the autograd
    graph differs from pass to pass. In eval mode the output is the average over the four choices
    (what the random draw gives on average), so views, accuracy and ONNX are deterministic."""

    family = "dynamic"
    MAX_REPEATS = 3

    def __init__(self, n_inputs: int, hidden: tuple[int, ...], n_outputs: int, activation: str = "relu",
                 dropout: tuple[float, ...] | float = 0.0, features: tuple[str, ...] | None = None):
        if not hidden:
            raise ValueError("the dynamic model needs at least one hidden layer")
        rates = tuple(dropout) if isinstance(dropout, (tuple, list)) else (float(dropout),) * len(hidden)
        super().__init__(n_inputs, (*hidden, hidden[-1]), n_outputs, activation, (*rates, 0.0), features)
        self.last_repeats: int | None = None  # the count the last training pass drew

    @property
    def middle_index(self) -> int:
        """Index in ``layers`` of the reused middle layer."""
        return len(self.sizes) - 3

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.features is not None:
            x = self.features(x)
        middle = self.middle_index
        for i in range(middle):
            x = self._hidden(i, x, self.dropout[i])
        if self.training:
            repeats = int(torch.randint(0, self.MAX_REPEATS + 1, (1,), generator=self.rng))
            self.last_repeats = repeats
            for _ in range(repeats):  # data-dependent control flow: a plain Python loop
                x = self._hidden(middle, x)
            return self._output(middle + 1, x)
        outs = []
        for repeats in range(self.MAX_REPEATS + 1):
            outs.append(self._output(middle + 1, x))
            if repeats < self.MAX_REPEATS:
                x = self._hidden(middle, x)
        return torch.stack(outs).mean(0)


def build_model(n_inputs: int, hidden: tuple[int, ...], n_outputs: int, activation: str,
                family: str = "mlp", dropout: tuple[float, ...] | float = 0.0,
                features: tuple[str, ...] | None = None) -> MLP:
    if family not in ("mlp", "dynamic"):
        raise ValueError(f"build_model makes the MLP families (mlp, dynamic), not {family!r}")
    cls = DynamicMLP if family == "dynamic" else MLP
    return cls(n_inputs, tuple(hidden), n_outputs, activation, dropout, features)


def model_for_config(config, n_inputs: int, n_outputs: int) -> MLP:
    """The network a TrainConfig describes (its weights from the global torch seed). The config's
    input features apply to 2-D data (``n_inputs`` 2); other data feeds its own columns."""
    if config.model in ("rnn", "gru", "lstm", "attention"):
        from playground.core.sequence import sequence_model

        return sequence_model(config, n_outputs)
    if config.model == "cnn":
        from playground.core.cnn import CNN

        image_shape = catalog.DATASETS[config.dataset].image_shape
        return CNN(image_shape, config.channels, config.kernel_size, config.hidden, n_outputs, config.activation)
    features = config.features if n_inputs == 2 else None
    return build_model(n_inputs, config.hidden, n_outputs, config.activation, config.model, config.dropout_rates,
                       features)


def penalty(model: MLP, kind: str, rate: float) -> torch.Tensor | None:
    """The regularization term added to the loss: ``rate`` times the sum over the linear layers'
    weights (not biases) of |w| (l1) or w^2 (l2); None for "none". Ops on the weights, so the
    autograd graph shows it and backward() adds its gradient (rate * sign(w), 2 * rate * w)."""
    if kind == "none":
        return None
    term = _code_function("w", catalog.REGULARIZATIONS[kind].code)
    # the sequence families name theirs (a recurrent layer has several weight matrices)
    weights = model.penalized_weights() if hasattr(model, "penalized_weights") else [fc.weight for fc in model.layers]
    total = term(weights[0])
    for w in weights[1:]:
        total = total + term(w)
    return total * rate


def cpu_state_dict(model: nn.Module) -> dict[str, torch.Tensor]:
    """The model's state_dict as contiguous CPU copies, safe to save and to keep."""
    return {k: v.detach().to("cpu", copy=True).contiguous() for k, v in model.state_dict().items()}
