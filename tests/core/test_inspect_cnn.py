"""core.inspect for the CNN: kernels, the picked test image and its feature maps (no Qt)."""

from __future__ import annotations

import numpy as np
import torch

from playground.core.config import TrainConfig
from playground.core.inspect import CNNSnapshot, DigitsSnapshot, kernel_picture, snapshot_views
from playground.core.training import Trainer


def cnn(dataset: str = "digits", **changes) -> Trainer:
    config = TrainConfig(dataset=dataset, model="cnn", hidden=(), channels=(4, 6), kernel_size=3, epochs=1,
                         activation="relu", **changes)
    return Trainer(config)


def test_cnn_snapshot_kernels_are_the_conv_weights():
    t = cnn()
    t.train_step()
    snap = snapshot_views(t)
    assert isinstance(snap, CNNSnapshot) and isinstance(snap, DigitsSnapshot) and snap.kind == "cnn"
    assert [k.shape for k in snap.kernels] == [(4, 1, 3, 3), (6, 4, 3, 3)]
    for kernel, conv in zip(snap.kernels, t.model.convs):
        assert kernel.dtype == np.float32 and not kernel.flags.writeable
        np.testing.assert_array_equal(kernel, conv.weight.detach().numpy())
    pictures = snap.kernel_pictures
    assert [p.shape for p in pictures] == [(4, 3, 3), (6, 3, 3)]
    np.testing.assert_array_equal(pictures[0], snap.kernels[0][:, 0])  # one input: its own kernel
    np.testing.assert_allclose(pictures[1], snap.kernels[1].mean(axis=1))


def test_cnn_snapshot_feature_maps_are_the_picked_images():
    t = cnn()
    snap = snapshot_views(t, picked=5)
    assert snap.picked == 5 and snap.image_shape == (8, 8)
    np.testing.assert_array_equal(snap.image, t.x_test[5].reshape(8, 8).numpy())
    t.model.eval()
    expected = t.model.feature_maps(t.x_test[5:6])
    assert [m.shape for m in snap.feature_maps] == [(4, 8, 8), (6, 4, 4)]
    for got, want in zip(snap.feature_maps, expected):
        np.testing.assert_array_equal(got, want[0].numpy())
    other = snapshot_views(t, picked=6)
    assert not np.array_equal(other.image, snap.image)


def test_cnn_snapshot_head_confusion_and_predictions():
    t = cnn()
    snap = snapshot_views(t)
    assert snap.sizes == tuple(t.model.sizes) == (6 * 2 * 2, 10)
    assert [w.shape for w in snap.weights] == [(10, 24)] and [b.shape for b in snap.biases] == [(10,)]
    with torch.no_grad():
        pred = t.model(t.x_test).argmax(1).numpy()
    np.testing.assert_array_equal(snap.test_predictions, pred)
    assert snap.confusion.shape == (10, 10) and snap.confusion.sum() == len(pred)
    assert snap.accuracy == float(np.float32((pred == t.y_test.numpy()).mean()))  # as torch reckons it, in float32


def test_cnn_snapshot_on_shapes_and_a_picked_index_past_the_end():
    t = cnn("shapes")
    n = len(t.x_test)
    snap = snapshot_views(t, picked=n + 10)
    assert snap.picked == n - 1 and snap.image.shape == (16, 16)
    assert [m.shape for m in snap.feature_maps] == [(4, 16, 16), (6, 8, 8)]
    assert snap.confusion.shape == (3, 3)


def test_kernel_picture_averages_over_inputs():
    k = np.arange(2 * 3 * 1 * 1, dtype=np.float32).reshape(2, 3, 1, 1)
    np.testing.assert_array_equal(kernel_picture(k), np.array([[[1.0]], [[4.0]]], dtype=np.float32))
