"""Datasets, made offline and seeded, with plain torch ops so an exported script can remake them.

Synthetic 2-D sets follow TensorFlow Playground's generators (coordinates scaled to [-1, 1]);
``seed-example`` is the article's 10 random features; ``digits`` is scikit-learn's bundled 8x8
handwritten digits (no download).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import torch

from playground.core.records import Dataset  # plain data, torch-free (the window receives it)

if TYPE_CHECKING:  # at run time config imports the catalog, which imports these generators
    from playground.core.config import TrainConfig


# Each generator takes (n, noise, g) with g a seeded torch.Generator and returns (x, y) tensors;
# core/catalog.py lists them, with their task, classes and description.


def circle(n: int, noise: float, g: torch.Generator):
    r = torch.cat([torch.rand(n // 2, generator=g) * 0.5, 0.7 + torch.rand(n - n // 2, generator=g) * 0.3])
    angle = torch.rand(n, generator=g) * 2 * math.pi
    x = torch.stack([r * torch.cos(angle), r * torch.sin(angle)], 1)
    x = x + torch.randn(n, 2, generator=g) * noise
    y = (r > 0.6).long()
    return x, y


def xor(n: int, noise: float, g: torch.Generator):
    x = torch.rand(n, 2, generator=g) * 2 - 1
    x = x + torch.sign(x) * 0.05  # keep a small margin around the axes
    y = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).long()
    x = x + torch.randn(n, 2, generator=g) * noise
    return x, y


def gauss(n: int, noise: float, g: torch.Generator):
    y = (torch.arange(n) % 2).long()
    centers = torch.tensor([[-0.4, -0.4], [0.4, 0.4]])[y]
    x = centers + torch.randn(n, 2, generator=g) * (0.15 + noise)
    return x, y


def spiral(n: int, noise: float, g: torch.Generator):
    y = (torch.arange(n) % 2).long()
    t = torch.rand(n, generator=g) * 0.95 + 0.05  # position along the arm
    angle = t * 1.75 * 2 * math.pi + y * math.pi
    x = torch.stack([t * torch.sin(angle), t * torch.cos(angle)], 1)
    x = x + torch.randn(n, 2, generator=g) * noise
    return x, y


def moons(n: int, noise: float, g: torch.Generator):
    y = (torch.arange(n) % 2).long()
    t = torch.rand(n, generator=g) * math.pi
    upper = torch.stack([torch.cos(t), torch.sin(t)], 1)
    lower = torch.stack([1 - torch.cos(t), 0.5 - torch.sin(t)], 1)
    x = torch.where(y[:, None] == 0, upper, lower)
    x = (x - torch.tensor([0.5, 0.25])) / 1.25  # centre on the origin, inside [-1, 1]
    x = x + torch.randn(n, 2, generator=g) * noise
    return x, y


def plane(n: int, noise: float, g: torch.Generator):
    x = torch.rand(n, 2, generator=g) * 2 - 1
    y = (x[:, 0] + x[:, 1]) / 2 + torch.randn(n, generator=g) * noise
    return x, y[:, None]


def multi_gauss(n: int, noise: float, g: torch.Generator):
    x = torch.rand(n, 2, generator=g) * 2 - 1
    centers = torch.tensor([[-0.4, 0.6], [0.5, 0.5], [0.0, -0.1], [-0.6, -0.6], [0.6, -0.6]])
    signs = torch.tensor([1.0, -1.0, 1.0, -1.0, 1.0])
    d2 = ((x[:, None, :] - centers[None]) ** 2).sum(-1)
    y = (signs * torch.exp(-d2 / 0.08)).sum(1) + torch.randn(n, generator=g) * noise
    return x, y[:, None]


def seed_example(n: int, noise: float, g: torch.Generator):
    # As in the article: features from torch.randn. Its labels were random; here a hidden random
    # linear rule makes them, so there is something to learn.
    x = torch.randn(n, 10, generator=g)
    rule = torch.randn(10, generator=g)
    y = (x @ rule > 0).long()
    flip = torch.rand(n, generator=g) < noise
    return x, torch.where(flip, 1 - y, y)


def digits(n: int, noise: float, g: torch.Generator):
    from sklearn.datasets import load_digits  # bundled with scikit-learn, read from disk

    d = load_digits()
    return torch.tensor(d.data / 16.0, dtype=torch.float32), torch.tensor(d.target, dtype=torch.long)


def make_dataset(config: TrainConfig) -> Dataset:
    """Make the config's dataset and split it, all from ``config.seed``."""
    from playground.core.catalog import DATASETS  # not at the top: the catalog imports this module

    entry = DATASETS[config.dataset]
    g = torch.Generator().manual_seed(config.seed)
    x, y = entry.generator(config.samples, config.noise, g)
    order = torch.randperm(len(x), generator=g)
    n_train = max(1, min(len(x) - 1, round(len(x) * config.train_fraction)))
    train, test = order[:n_train], order[n_train:]
    x = x.float()
    y = y.float() if entry.task == "regression" else y.long()
    return Dataset(
        name=config.dataset,
        task=entry.task,
        x_train=x[train].numpy(),
        y_train=y[train].numpy(),
        x_test=x[test].numpy(),
        y_test=y[test].numpy(),
        n_classes=entry.classes,
    )

