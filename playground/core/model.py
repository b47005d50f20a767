"""The network: a plain MLP whose parameters read like the article's (fc1.weight, fc2.bias...)."""

from __future__ import annotations

import torch
from torch import nn

from playground.core import catalog


class MLP(nn.Module):
    """Linear layers fc1..fcN with one activation between them; the last layer is the output."""

    def __init__(self, n_inputs: int, hidden: tuple[int, ...], n_outputs: int, activation: str = "relu"):
        super().__init__()
        self.sizes = [n_inputs, *hidden, n_outputs]
        self.activation_name = activation
        for i, (a, b) in enumerate(zip(self.sizes, self.sizes[1:]), start=1):
            setattr(self, f"fc{i}", nn.Linear(a, b))
        self.act = catalog.ACTIVATIONS[activation].module()

    @property
    def layers(self) -> list[nn.Linear]:
        return [getattr(self, f"fc{i}") for i in range(1, len(self.sizes))]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        *hidden, last = self.layers
        for fc in hidden:
            x = self.act(fc(x))
        return last(x)

    def hidden_activations(self, x: torch.Tensor) -> list[torch.Tensor]:
        """Each hidden layer's output (after the activation), for the neuron pictures."""
        outs = []
        for fc in self.layers[:-1]:
            x = self.act(fc(x))
            outs.append(x)
        return outs


def build_model(n_inputs: int, hidden: tuple[int, ...], n_outputs: int, activation: str) -> MLP:
    return MLP(n_inputs, tuple(hidden), n_outputs, activation)


def cpu_state_dict(model: nn.Module) -> dict[str, torch.Tensor]:
    """The model's state_dict as contiguous CPU copies, safe to save and to keep."""
    return {k: v.detach().to("cpu", copy=True).contiguous() for k, v in model.state_dict().items()}
