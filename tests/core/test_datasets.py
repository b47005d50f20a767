import numpy as np
import pytest

from playground.core.config import DATASETS, TrainConfig
from playground.core.datasets import make_dataset


@pytest.mark.parametrize("name", DATASETS)
def test_shapes_types_and_split(name):
    c = TrainConfig(dataset=name, samples=200, train_fraction=0.7)
    tokens = name in ("reverse", "sort")
    d = make_dataset(c)
    n = len(d.x_train) + len(d.x_test)
    assert d.x_train.dtype == np.float32 and d.x_train.ndim == 2
    assert d.x_train.shape[1] == {"seed-example": 10, "digits": 64, "shapes": 256, "sine": 20, "pattern": 20,
                                 "reverse": 6, "sort": 6}.get(name, 2)
    if name == "digits":
        assert n == 1797 and d.n_classes == 10
        assert set(np.unique(d.y_train)) == set(range(10))
    else:
        assert n == 200
        assert len(d.x_train) == 140
    if d.task == "regression":
        assert d.y_train.shape == (len(d.x_train), 1) and d.y_train.dtype == np.float32
    else:
        assert d.y_train.dtype == np.int64 and d.y_train.ndim == (2 if tokens else 1)
        assert set(np.unique(d.y_train)) <= set(range(d.n_classes))
    assert np.isfinite(d.x_train).all()


@pytest.mark.parametrize("name", ["circle", "spiral", "plane", "seed-example"])
def test_seeded(name):
    a = make_dataset(TrainConfig(dataset=name, seed=3))
    b = make_dataset(TrainConfig(dataset=name, seed=3))
    c = make_dataset(TrainConfig(dataset=name, seed=4))
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.x_train, c.x_train)


def test_two_d_sets_lie_near_the_unit_square():
    for name in ("circle", "xor", "gauss", "spiral", "moons", "plane", "multi-gauss"):
        d = make_dataset(TrainConfig(dataset=name))
        assert np.abs(d.x_train).max() < 1.6, name


def test_noise_moves_points():
    clean = make_dataset(TrainConfig(dataset="xor", noise=0.0))
    noisy = make_dataset(TrainConfig(dataset="xor", noise=0.3))
    assert not np.allclose(clean.x_train, noisy.x_train)
