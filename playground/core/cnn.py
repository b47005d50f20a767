"""The convolutional family (config ``model`` "cnn"): image data in, as the article's closing
chapter uses PyTorch for pictures.

The data stays one row of pixels per image (digits: 64 values, shapes: 256), so the data pipeline,
the exports and the exported script are the same as for the MLP; the network reshapes each row to
its picture (1 channel, ``image_shape``) first. Then conv1..convK (``channels`` out-channels each,
``kernel_size`` square kernels, padding that keeps the size), the activation, and a 2x2 max-pool
after each conv while the picture is at least 4 pixels across; then the flattened maps go through
a head of linear layers fc1..fcN (the config's ``hidden`` sizes, then the classes), as in
pytorch/examples' mnist ``Net``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from playground.core import catalog
from playground.core.model import FamilyNet


def conv_plan(image_shape: tuple[int, int], channels: tuple[int, ...]) -> list[tuple[int, int, bool]]:
    """(height, width, pooled) after each conv layer: a 2x2 max-pool follows while the picture is at
    least 4 pixels across. The exported script and the memory estimate follow the same rule."""
    h, w = image_shape
    plan = []
    for _ in channels:
        pool = min(h, w) >= 4
        if pool:
            h, w = h // 2, w // 2
        plan.append((h, w, pool))
    return plan


class CNN(FamilyNet):
    """conv1..convK (+ activation, + max-pool) on the picture, then linear layers fc1..fcN."""

    family = "cnn"

    def __init__(self, image_shape: tuple[int, int], channels: tuple[int, ...], kernel_size: int,
                 hidden: tuple[int, ...], n_outputs: int, activation: str = "relu"):
        super().__init__()
        self.image_shape = tuple(image_shape)
        self.channels = tuple(channels)
        self.kernel_size = int(kernel_size)
        self.activation_name = activation
        self.plan = conv_plan(self.image_shape, self.channels)
        c_in = 1
        for i, c in enumerate(self.channels, start=1):
            setattr(self, f"conv{i}", nn.Conv2d(c_in, c, self.kernel_size, padding=self.kernel_size // 2))
            c_in = c
        h, w, _ = self.plan[-1]
        flat = c_in * h * w
        # ``sizes`` as the MLP's: the head's neurons per layer, its input (the flattened maps) first
        self.sizes = [flat, *hidden, n_outputs]
        for i, (a, b) in enumerate(zip(self.sizes, self.sizes[1:]), start=1):
            setattr(self, f"fc{i}", nn.Linear(a, b))
        self.act = catalog.ACTIVATIONS[activation].module()
        self.convs = tuple(getattr(self, f"conv{i}") for i in range(1, len(self.channels) + 1))
        self.head = tuple(getattr(self, f"fc{i}") for i in range(1, len(self.sizes)))

    @property
    def layers(self) -> tuple[nn.Module, ...]:
        """Every layer with weights, input to output (the regularization penalty sums their weights)."""
        return (*self.convs, *self.head)

    def layer_name(self, index: int) -> str:
        return f"conv{index + 1}" if index < len(self.convs) else f"fc{index - len(self.convs) + 1}"

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.reshape(-1, 1, *self.image_shape)  # one row of pixels -> a 1-channel picture
        for conv, (_, _, pool) in zip(self.convs, self.plan):
            x = self.act(conv(x))
            if pool:
                x = F.max_pool2d(x, 2)
        x = x.flatten(1)
        for fc in self.head[:-1]:
            x = self.act(fc(x))
        return self.head[-1](x)

    @torch.no_grad()
    def feature_maps(self, x: torch.Tensor) -> list[torch.Tensor]:
        """Each conv layer's output after its activation (before pooling), for pictures: (N, C, H, W)."""
        maps = []
        x = x.reshape(-1, 1, *self.image_shape)
        for conv, (_, _, pool) in zip(self.convs, self.plan):
            x = self.act(conv(x))
            maps.append(x)
            if pool:
                x = F.max_pool2d(x, 2)
        return maps

    def hidden_activations(self, x: torch.Tensor) -> list[torch.Tensor]:
        """The head's hidden layers' outputs (eval mode), as the MLP's."""
        x = x.reshape(-1, 1, *self.image_shape)
        for conv, (_, _, pool) in zip(self.convs, self.plan):
            x = self.act(conv(x))
            if pool:
                x = F.max_pool2d(x, 2)
        x, outs = x.flatten(1), []
        for fc in self.head[:-1]:
            x = self.act(fc(x))
            outs.append(x)
        return outs


def cnn_parameter_count(image_shape: tuple[int, int], channels: tuple[int, ...], kernel_size: int,
                        hidden: tuple[int, ...], n_outputs: int) -> int:
    count, c_in = 0, 1
    for c in channels:
        count += (c_in * kernel_size * kernel_size + 1) * c
        c_in = c
    h, w, _ = conv_plan(image_shape, channels)[-1]
    sizes = [c_in * h * w, *hidden, n_outputs]
    return count + sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
