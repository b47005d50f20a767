"""Output neurons: each shows its own class's probability (two classes: opposite pictures), and
hovering one shows that picture large in the output view, as a hidden neuron does."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from windows import output_view  # noqa: E402  (tests/ui/windows.py)

from playground.core.config import TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.training import Trainer
from playground.ui.views.network_view import NetworkView


def trained(**settings):
    trainer = Trainer(TrainConfig(samples=200, hidden=(8, 8), learning_rate=0.1, **settings))
    for _ in range(40):
        trainer.train_step()
    return trainer, snapshot_views(trainer)


@pytest.fixture(scope="module")
def circle():
    return trained(dataset="circle")


def network_view(qtbot, sizes) -> NetworkView:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.set_architecture(list(sizes))
    view.show()
    return view



def pixels(image) -> np.ndarray:
    """(h, w, 3) RGB of a neuron's picture, NaN outside its disc."""
    out = np.full((image.height(), image.width(), 3), np.nan)
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                out[y, x] = c.getRgb()[:3]
    return out


def test_the_snapshot_has_one_probability_map_per_output_neuron(circle):
    _, snap = circle
    maps = snap.output_maps
    assert maps.shape == (2, *snap.neuron_maps[0].shape[1:])
    np.testing.assert_allclose(maps.sum(0), 1.0, atol=1e-5)  # softmax over the classes
    assert np.corrcoef(maps[1][::4, ::4].ravel(), snap.grid[::10, ::10].ravel())[0, 1] > 0.95  # P(class 1)


def test_the_two_output_neurons_show_opposite_pictures(qtbot, circle):
    _, snap = circle
    view = network_view(qtbot, snap.sizes)
    view.set_snapshot(snap)
    a, b = (pixels(view.neuron_item(3, k).image) for k in (0, 1))
    inside = ~np.isnan(a[..., 0])
    assert inside.any() and not np.array_equal(a[inside], b[inside])
    # where class 1 is likely its neuron is blue and class 0's orange, and the other way round
    blue_a, blue_b = a[..., 2] - a[..., 0], b[..., 2] - b[..., 0]
    assert np.corrcoef(blue_a[inside], blue_b[inside])[0, 1] < -0.9
    assert view.thumbnail_count(hidden_only=False) == 2 + 8 + 8 + 2  # inputs, hidden, outputs


def test_regression_output_neuron_shows_the_value(qtbot):
    trainer, snap = trained(dataset="plane")
    np.testing.assert_allclose(snap.output_maps[0][::4, ::4], snap.grid[::10, ::10], atol=0.2)
    view = network_view(qtbot, snap.sizes)
    view.set_snapshot(snap)
    assert view.neuron_item(len(snap.sizes) - 1, 0).image is not None
    out = output_view(qtbot, trainer.dataset)
    out.set_snapshot(snap)
    out.show_neuron(len(snap.sizes) - 1, 0)
    assert out.title_text == "Output: the predicted value"


def test_hovering_an_output_neuron_shows_its_class_large(qtbot, circle):
    trainer, snap = circle
    net = network_view(qtbot, snap.sizes)
    out = output_view(qtbot, trainer.dataset)
    net.neuronHovered.connect(out.show_neuron)
    net.set_snapshot(snap)
    out.set_snapshot(snap)
    last = len(snap.sizes) - 1
    shown = {}
    for k in (0, 1):
        where = net.mapFromScene(net.neuron_item(last, k).scenePos())
        qtbot.mouseMove(net.viewport(), QPoint(2, 2))
        with qtbot.waitSignal(net.neuronHovered, timeout=2000, check_params_cb=lambda *a: a[0] == last) as hovered:
            qtbot.mouseMove(net.viewport(), where)
        assert hovered.args == [last, k]
        assert out.shown_neuron == (last, k)
        assert out.title_text == f"Output class {k}: its probability"
        assert out.page.colorbar_label == f"P(class {k})"
        shown[k] = out.displayed_image().copy()
        assert shown[k].shape[0] > snap.output_maps.shape[1]  # large: upsampled like a hidden neuron's
        assert np.corrcoef(shown[k][::3, ::3].ravel(), snap.output_maps[k].ravel())[0, 1] > 0.99
    np.testing.assert_allclose(shown[0] + shown[1], 1.0, atol=1e-4)  # opposite
    out.show_neuron(-1, None)
    np.testing.assert_array_equal(out.displayed_image(), snap.grid)  # back to the output map
