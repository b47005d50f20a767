"""Datasets, made offline and seeded, with plain torch ops so an exported script can remake them.

Synthetic 2-D sets follow TensorFlow Playground's generators (coordinates scaled to [-1, 1]);
``seed-example`` is the article's 10 random features; ``digits`` is scikit-learn's bundled 8x8
handwritten digits (no download).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import torch

from playground.core.records import Dataset, DataTable  # plain data, torch-free (the window receives them)

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


def gauss(n: int, noise: float, g: torch.Generator, classes: int = 2):
    y = (torch.arange(n) % classes).long()
    if classes == 2:
        centers = torch.tensor([[-0.4, -0.4], [0.4, 0.4]])
    else:  # evenly around a circle
        angle = torch.arange(classes) * (2 * math.pi / classes) + math.pi / 4
        centers = 0.55 * torch.stack([torch.cos(angle), torch.sin(angle)], 1)
    x = centers[y] + torch.randn(n, 2, generator=g) * (0.15 + noise)
    return x, y


def spiral(n: int, noise: float, g: torch.Generator, classes: int = 2):
    y = (torch.arange(n) % classes).long()
    t = torch.rand(n, generator=g) * 0.95 + 0.05  # position along the arm
    angle = t * 1.75 * 2 * math.pi + y * (2 * math.pi / classes)  # one arm per class, evenly turned
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


def shapes(n: int, noise: float, g: torch.Generator):
    # 16x16 pictures, one shape each, drawn from the seed: 0 a line (across or down), 1 a circle's
    # outline, 2 a square's outline; each at a random place and size, with pixel noise.
    size = 16
    y = (torch.arange(n) % 3).long()
    rows = torch.arange(size, dtype=torch.float32)[:, None].expand(size, size)
    cols = torch.arange(size, dtype=torch.float32)[None, :].expand(size, size)
    images = torch.zeros(n, size, size)
    centre = 5 + torch.rand(n, 2, generator=g) * 6  # (row, column) of the shape's centre
    radius = 2.5 + torch.rand(n, generator=g) * 2.5
    across = torch.rand(n, generator=g) < 0.5
    for i in range(n):
        r0, c0, rad = float(centre[i, 0]), float(centre[i, 1]), float(radius[i])
        if y[i] == 0:
            along = cols if bool(across[i]) else rows
            off = rows if bool(across[i]) else cols
            line = ((off - (r0 if bool(across[i]) else c0)).abs() < 0.75) & ((along - (c0 if bool(across[i]) else r0)).abs() <= rad + 1)
            images[i] = line.float()
        elif y[i] == 1:
            d = ((rows - r0) ** 2 + (cols - c0) ** 2).sqrt()
            images[i] = ((d - rad).abs() < 0.75).float()
        else:
            d = torch.maximum((rows - r0).abs(), (cols - c0).abs())
            images[i] = ((d - rad).abs() < 0.75).float()
    images = images + torch.randn(n, size, size, generator=g) * (0.1 + noise)
    return images.reshape(n, size * size), y


def sine(n: int, noise: float, g: torch.Generator):
    # 21 samples of a sum of two sines (random frequencies, phases and sizes): the first 20 are the
    # input, the 21st the value to predict.
    t = torch.arange(21, dtype=torch.float32) * 0.3
    freq = 0.5 + torch.rand(n, 2, generator=g) * 1.5
    phase = torch.rand(n, 2, generator=g) * 2 * math.pi
    size = 0.3 + torch.rand(n, 2, generator=g) * 0.4
    wave = (size[:, :, None] * torch.sin(freq[:, :, None] * t + phase[:, :, None])).sum(1)
    wave = wave + torch.randn(n, 21, generator=g) * (0.02 + noise)
    return wave[:, :20], wave[:, 20:]


def pattern(n: int, noise: float, g: torch.Generator):
    # 20 values of a sine (class 0) or a sawtooth (class 1) wave of the same random period, phase and
    # size, with noise: the shape over time tells them apart, no single value does.
    y = (torch.arange(n) % 2).long()
    t = torch.arange(20, dtype=torch.float32)
    period = 5 + torch.rand(n, 1, generator=g) * 7
    phase = torch.rand(n, 1, generator=g)
    size = 0.5 + torch.rand(n, 1, generator=g) * 0.5
    cycle = (t / period + phase) % 1.0
    wave = torch.where(y[:, None] == 0, torch.sin(2 * math.pi * cycle), 2 * cycle - 1) * size
    return wave + torch.randn(n, 20, generator=g) * (0.1 + noise), y


def reverse(n: int, noise: float, g: torch.Generator):
    # 6 digits 0-9; the answer is the same digits in reverse order, one token per position
    x = torch.randint(0, 10, (n, 6), generator=g)
    return x.float(), x.flip(1)


def sort(n: int, noise: float, g: torch.Generator):
    # 6 digits 0-9; the answer is the same digits sorted
    x = torch.randint(0, 10, (n, 6), generator=g)
    return x.float(), x.sort(1).values


def make_dataset(config: TrainConfig, table: DataTable | None = None) -> Dataset:
    """Make the config's dataset and split it, all from ``config.seed_of_data``. Your own data
    (dataset "custom") comes as ``table``: standardized if the config says so, split by its own
    train_mask or else by the seed."""
    from playground.core.catalog import DATASETS  # not at the top: the catalog imports this module

    g = torch.Generator().manual_seed(config.seed_of_data)
    if config.dataset == "custom":
        if table is None:
            raise ValueError("dataset \"custom\" needs its data table")
        return _from_table(config, table, g)
    entry = DATASETS[config.dataset]
    extra = (config.class_count,) if entry.multiclass and config.class_count != entry.classes else ()
    x, y = entry.generator(config.samples, config.noise, g, *extra)
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
        n_classes=config.class_count,
    )


def standardized(x: torch.Tensor) -> torch.Tensor:
    """Each feature to mean 0 and standard deviation 1 over all rows (a constant column: to 0)."""
    std = x.std(0, unbiased=False)
    return (x - x.mean(0)) / torch.where(std > 0, std, torch.ones_like(std))


def _from_table(config: TrainConfig, table: DataTable, g: torch.Generator) -> Dataset:
    x = torch.as_tensor(table.x, dtype=torch.float32)
    if config.standardize:
        x = standardized(x)
    if table.task == "regression":
        y = torch.as_tensor(table.y, dtype=torch.float32).reshape(-1, 1)
    else:
        y = torch.as_tensor(table.y, dtype=torch.long)
    if table.train_mask is not None:
        mask = torch.as_tensor(table.train_mask, dtype=torch.bool)
        train, test = mask.nonzero().flatten(), (~mask).nonzero().flatten()
    else:
        order = torch.randperm(len(x), generator=g)
        n_train = max(1, min(len(x) - 1, round(len(x) * config.train_fraction)))
        train, test = order[:n_train], order[n_train:]
    return Dataset(
        name="custom",
        task=table.task,
        x_train=x[train].numpy(),
        y_train=y[train].numpy(),
        x_test=x[test].numpy(),
        y_test=y[test].numpy(),
        n_classes=table.n_classes,
    )

