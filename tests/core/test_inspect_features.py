"""core.inspect with step-11 configs: the input neurons' maps (x1, x2 or the chosen features), a
feature layer in the network's forward pass, more than two classes, and the confusion matrix of
data that is neither 2-D nor digits."""

from __future__ import annotations

import numpy as np

from playground.core.config import TrainConfig
from playground.core.inspect import ProjectionSnapshot, confusion_matrix, grid_axes, snapshot_views
from playground.core.training import Trainer


def test_plain_inputs_map_x1_and_x2():
    trainer = Trainer(TrainConfig(dataset="xor", samples=100, hidden=(3,)))
    snap = snapshot_views(trainer, resolution=20, neuron_resolution=10)
    assert snap.input_names == ("x1", "x2")
    assert snap.input_maps.shape == (2, 10, 10)
    xs, ys = grid_axes(snap.extent, 10)
    np.testing.assert_allclose(snap.input_maps[0], np.broadcast_to(xs, (10, 10)))  # x rises with the column
    np.testing.assert_allclose(snap.input_maps[1], np.broadcast_to(ys[:, None], (10, 10)))  # y with the row


def test_feature_maps_are_the_features_over_the_plane():
    features = ("x1", "x1^2", "x1*x2", "sin(x2)")
    trainer = Trainer(TrainConfig(dataset="circle", samples=100, hidden=(4,), features=features))
    snap = snapshot_views(trainer, resolution=20, neuron_resolution=12)
    assert snap.sizes == (4, 4, 2)  # the input neurons are the features
    assert snap.input_names == features
    assert snap.input_maps.shape == (4, 12, 12)
    xs, ys = grid_axes(snap.extent, 12)
    gx, gy = np.meshgrid(xs, ys)
    np.testing.assert_allclose(snap.input_maps[0], gx, rtol=1e-6)
    np.testing.assert_allclose(snap.input_maps[1], gx ** 2, rtol=1e-5)
    np.testing.assert_allclose(snap.input_maps[2], gx * gy, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(snap.input_maps[3], np.sin(gy), rtol=1e-5, atol=1e-7)
    # the output map runs the feature layer too: the same picture as the model's own forward pass
    assert snap.grid.shape == (20, 20) and np.isfinite(snap.grid).all()
    assert [m.shape for m in snap.neuron_maps] == [(4, 12, 12)]


def test_five_gauss_classes_give_a_class_index_and_confidence():
    trainer = Trainer(TrainConfig(dataset="gauss", classes=5, samples=200, hidden=(6,)))
    snap = snapshot_views(trainer, resolution=16, neuron_resolution=8)
    assert snap.n_classes == 5 and snap.sizes[-1] == 5
    assert set(np.unique(snap.grid)) <= {0.0, 1.0, 2.0, 3.0, 4.0}
    assert snap.confidence.shape == (16, 16)
    assert (snap.confidence >= 1 / 5 - 1e-6).all() and (snap.confidence <= 1).all()
    assert snap.output_maps.shape == (5, 8, 8)
    np.testing.assert_allclose(snap.output_maps.sum(0), 1.0, rtol=1e-5)


def test_projection_carries_the_test_confusion_matrix():
    trainer = Trainer(TrainConfig(dataset="seed-example", samples=120, hidden=(4,)))
    snap = snapshot_views(trainer)
    assert isinstance(snap, ProjectionSnapshot)
    expected = confusion_matrix(trainer.y_test.numpy(), snap.test_predictions, 2)
    np.testing.assert_array_equal(snap.confusion, expected)
    assert snap.confusion.sum() == len(snap.test_predictions)
    assert not snap.confusion.flags.writeable

