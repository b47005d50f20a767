"""playground.core.inspect: the numbers behind the output and network views (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from playground.core.config import TrainConfig
from playground.core.datasets import Dataset
from playground.core.inspect import (
    DEFAULT_EXTENT,
    DigitsSnapshot,
    Throttle,
    ViewSnapshot,
    _cached_inputs,
    confusion_matrix,
    grid_axes,
    grid_index,
    plot_extent,
    projection_2d,
    snapshot_views,
    view_kind,
)
from playground.core.presets import get_preset
from playground.core.training import Trainer


def small(dataset: str = "circle", **changes) -> Trainer:
    config = TrainConfig(dataset=dataset, samples=200, epochs=2, **changes)
    return Trainer(config)


def test_boundary_image_shape_and_range():
    trainer = small("circle", hidden=(8, 8))
    snap = snapshot_views(trainer, resolution=100)
    assert isinstance(snap, ViewSnapshot)
    assert snap.kind == "boundary2d"
    assert snap.grid.shape == (100, 100)
    assert snap.grid.dtype == np.float32
    assert np.isfinite(snap.grid).all()
    assert 0.0 <= snap.grid.min() and snap.grid.max() <= 1.0  # P(class 1)
    assert snap.extent == plot_extent(trainer.dataset)  # the map covers what the plot shows
    assert snap.sizes == (2, 8, 8, 2)
    assert [w.shape for w in snap.weights] == [(8, 2), (8, 8), (2, 8)]
    assert [b.shape for b in snap.biases] == [(8,), (8,), (2,)]
    assert 0.0 <= snap.accuracy <= 1.0
    assert snap.step == 0 and snap.epoch == 0


def test_snapshot_holds_copies_not_live_tensors():
    trainer = small()
    snap = snapshot_views(trainer)
    for name, value in vars(snap).items():
        assert not isinstance(value, torch.Tensor), name
    w_before = snap.weights[0].copy()
    for _ in range(20):
        trainer.train_step()
    np.testing.assert_array_equal(snap.weights[0], w_before)  # training did not reach into it
    with pytest.raises(ValueError):
        snap.grid[0, 0] = 1.0  # read-only


def test_boundary_changes_as_training_proceeds():
    trainer = small("circle", learning_rate=0.1)
    first = snapshot_views(trainer)
    for _ in range(50):
        trainer.train_step()
    later = snapshot_views(trainer)
    assert later.step == 50
    assert np.abs(later.grid - first.grid).max() > 0.01
    assert not np.allclose(later.weights[0], first.weights[0])


def test_train_eval_mode_restored():
    trainer = small()
    trainer.model.train()
    snapshot_views(trainer)
    assert trainer.model.training
    trainer.model.eval()
    snapshot_views(trainer)
    assert not trainer.model.training


def test_snapshot_does_not_disturb_training():
    a, b = small(), small()
    for i in range(30):
        a.train_step()
        b.train_step()
        if i % 5 == 0:
            snapshot_views(b)
    assert a.step_losses == b.step_losses


def test_xor_separates_the_quadrants_after_training():
    trainer = Trainer(get_preset("xor").config)
    summary = trainer.run()
    assert summary.test_accuracy > 0.9
    snap = snapshot_views(trainer)
    # xor: class 1 where exactly one coordinate is positive
    for (x, y), label in {(0.5, 0.5): 0, (-0.5, -0.5): 0, (-0.5, 0.5): 1, (0.5, -0.5): 1}.items():
        p = snap.grid_value(x, y)
        assert (p > 0.5) == bool(label), (x, y, p)
        assert abs(p - 0.5) > 0.3, (x, y, p)  # confidently, not on the fence


def test_neuron_map_count_equals_hidden_neuron_count():
    trainer = small("circle", hidden=(8, 8))
    snap = snapshot_views(trainer, neuron_resolution=32)
    assert len(snap.neuron_maps) == 2
    assert sum(len(m) for m in snap.neuron_maps) == 16 == sum(snap.hidden_sizes)
    assert all(m.shape == (8, 32, 32) for m in snap.neuron_maps)
    assert all(np.isfinite(m).all() for m in snap.neuron_maps)
    assert all(-1.0 <= m.min() and m.max() <= 1.0 for m in snap.neuron_maps)  # tanh


def test_neuron_maps_match_the_model():
    trainer = small("circle", hidden=(3,))
    snap = snapshot_views(trainer, resolution=20, neuron_resolution=10)
    xs, ys = grid_axes(snap.extent, 10)
    iy, ix = 7, 2
    point = torch.tensor([[xs[ix], ys[iy]]])
    with torch.no_grad():
        expected = trainer.model.hidden_activations(point)[0][0].numpy()
    np.testing.assert_allclose(snap.neuron_maps[0][:, iy, ix], expected, rtol=1e-5, atol=1e-6)
    # and the output map: row = y, column = x
    xs, ys = grid_axes(snap.extent, 20)
    with torch.no_grad():
        p = torch.softmax(trainer.model(torch.tensor([[xs[3], ys[15]]])), 1)[0, 1].item()
    assert snap.grid[15, 3] == pytest.approx(p, abs=1e-5)


def test_wide_layers_get_no_maps():
    trainer = small("circle", hidden=(20, 4))
    snap = snapshot_views(trainer)
    assert snap.neuron_maps[0] is None
    assert snap.neuron_maps[1].shape[0] == 4


def test_regression_grid_is_the_value():
    trainer = small("plane", hidden=(4,))
    snap = snapshot_views(trainer)
    assert snap.kind == "boundary2d" and snap.task == "regression"
    assert snap.grid.shape == (100, 100)
    assert snap.accuracy is None
    with torch.no_grad():
        xs, ys = grid_axes(snap.extent, 100)
        v = trainer.model(torch.tensor([[xs[10], ys[80]]]))[0, 0].item()
    assert snap.grid[80, 10] == pytest.approx(v, abs=1e-5)


def test_more_than_two_classes_on_the_plane():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (90, 2)).astype(np.float32)
    y = (np.arctan2(x[:, 1], x[:, 0]) > 0).astype(np.int64) + (x[:, 0] > 0.5)
    ds = Dataset("three", "classification", x[:60], y[:60], x[60:], y[60:], 3)
    trainer = Trainer(TrainConfig(hidden=(5,)), dataset=ds)
    snap = snapshot_views(trainer, resolution=30)
    assert snap.kind == "boundary2d" and snap.n_classes == 3
    assert set(np.unique(snap.grid)) <= {0.0, 1.0, 2.0}
    assert snap.confidence.shape == (30, 30)
    assert (snap.confidence >= 1 / 3 - 1e-6).all() and (snap.confidence <= 1).all()


def test_digits_confusion_matrix_sums_to_test_set_size():
    trainer = Trainer(TrainConfig(dataset="digits", hidden=(32,), epochs=1, batch_size=32))
    trainer.run()
    snap = snapshot_views(trainer)
    assert snap.kind == "digits"
    n_test = len(trainer.dataset.y_test)
    assert snap.confusion.shape == (10, 10)
    assert int(snap.confusion.sum()) == n_test
    assert snap.test_predictions.shape == (n_test,)
    np.testing.assert_array_equal(snap.confusion, confusion_matrix(trainer.dataset.y_test, snap.test_predictions, 10))
    assert snap.accuracy == pytest.approx(np.trace(snap.confusion) / n_test, abs=1e-6)
    assert type(snap) is DigitsSnapshot  # no boundary grid, no neuron maps


def test_seed_example_projection():
    trainer = small("seed-example", hidden=(5,))
    snap = snapshot_views(trainer)
    assert snap.kind == "projection"
    d = trainer.dataset
    assert snap.test_predictions.shape == (len(d.y_test),)
    assert snap.train_predictions.shape == (len(d.y_train),)
    assert snap.accuracy == pytest.approx((snap.test_predictions == d.y_test).mean(), abs=1e-6)
    p = projection_2d(d.x_train)
    assert p.shape == (len(d.x_train), 2) and p.dtype == np.float32
    np.testing.assert_array_equal(p, projection_2d(d.x_train))  # fixed per dataset
    assert p[:, 0].var() >= p[:, 1].var()  # principal axes, largest first
    assert abs(float(np.corrcoef(p.T)[0, 1])) < 1e-4  # uncorrelated
    q = projection_2d(d.x_test, reference=d.x_train)
    assert q.shape == (len(d.x_test), 2)


def test_view_kinds_and_extent():
    cfg = TrainConfig(samples=100)
    assert view_kind(Trainer(cfg).dataset) == "boundary2d"
    noisy = Trainer(cfg.replace(noise=0.5)).dataset
    ext = plot_extent(noisy)
    pts = np.concatenate([noisy.x_train, noisy.x_test])
    assert ext[0] <= pts[:, 0].min() and ext[1] >= pts[:, 0].max()
    assert ext[2] <= pts[:, 1].min() and ext[3] >= pts[:, 1].max()


@pytest.mark.parametrize("dataset", ["circle", "xor", "gauss", "spiral", "moons", "plane", "multi-gauss"])
@pytest.mark.parametrize("noise", [0.0, 0.5])
def test_extent_is_the_data_with_a_small_margin(dataset, noise):
    """A square around the origin: every point inside, at most 10% and a rounding tenth beyond the farthest."""
    d = Trainer(TrainConfig(dataset=dataset, samples=200, noise=noise)).dataset
    far = float(np.abs(np.concatenate([d.x_train, d.x_test])).max())
    xmin, xmax, ymin, ymax = plot_extent(d)
    assert (xmin, ymin) == (-xmax, -xmax) and ymax == xmax  # square, centred
    assert far * 1.1 <= xmax + 1e-9 <= far * 1.1 + 0.1 + 1e-9
    assert xmax == pytest.approx(round(xmax, 1))  # a round tenth: tidy axis ends


def test_extent_without_points_is_the_default():
    d = Trainer(TrainConfig(samples=100)).dataset
    empty = Dataset(**{**vars(d), "x_train": d.x_train[:0], "x_test": d.x_test[:0]})
    assert plot_extent(empty) == DEFAULT_EXTENT
    assert plot_extent(d, margin=1.0) == (-1.0, 1.0, -1.0, 1.0)  # the circle reaches 0.99: rounded up


def test_grid_helpers():
    xs, ys = grid_axes((-1.0, 1.0, -2.0, 2.0), 4)
    np.testing.assert_allclose(xs, [-0.75, -0.25, 0.25, 0.75])
    np.testing.assert_allclose(ys, [-1.5, -0.5, 0.5, 1.5])
    assert grid_index((-1.0, 1.0, -2.0, 2.0), (4, 4), 0.3, -1.9) == (0, 2)
    assert grid_index((-1.0, 1.0, -2.0, 2.0), (4, 4), 9.0, 9.0) == (3, 3)  # clamped


def test_confusion_matrix_helper():
    m = confusion_matrix(np.array([0, 0, 1, 2, 2]), np.array([0, 1, 1, 2, 0]), 3)
    np.testing.assert_array_equal(m, [[1, 1, 0], [0, 1, 0], [1, 0, 1]])


def test_grid_inputs_cached_per_trainer():
    trainer = small()
    a = _cached_inputs(trainer, 100, 40)
    snapshot_views(trainer)
    assert _cached_inputs(trainer, 100, 40) is a
    assert _cached_inputs(trainer, 50, 40) is not a


def test_throttle():
    t = Throttle(hz=10)
    assert t.ready(now=100.0)
    assert not t.ready(now=100.05)
    assert t.ready(now=100.11)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
def test_snapshot_on_cuda():
    trainer = small(device="cuda")
    for _ in range(5):
        trainer.train_step()
    snap = snapshot_views(trainer)
    assert isinstance(snap.grid, np.ndarray) and snap.grid.shape == (100, 100)
    assert all(isinstance(m, np.ndarray) for m in snap.neuron_maps)
