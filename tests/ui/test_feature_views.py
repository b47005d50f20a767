"""Step-11 views, offscreen (pytest-qt): the input neurons as features with their own pictures,
five gauss classes in the boundary view, and the projection page's confusion matrix and
prediction plot."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core import catalog
from playground.core.config import TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.training import Trainer
from playground.ui.views.network_view import NetworkView

FEATURES = ("x1", "x2", "x1^2", "x1*x2", "sin(x2)")


@pytest.fixture(scope="module")
def featured():
    trainer = Trainer(TrainConfig(dataset="circle", samples=100, hidden=(3,), features=FEATURES))
    return trainer, snapshot_views(trainer, resolution=20, neuron_resolution=16)


def network_view(qtbot, sizes) -> NetworkView:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.set_architecture(list(sizes))
    view.show()
    return view


def blue_minus_orange(image) -> np.ndarray:
    """Per pixel of a neuron's round picture: blue minus red (NaN outside the disc)."""
    out = np.full((image.height(), image.width()), np.nan)
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                out[y, x] = c.blue() - c.red()
    return out


def test_input_neurons_are_the_features_with_their_labels(qtbot, featured):
    _, snap = featured
    view = network_view(qtbot, snap.sizes)
    assert view.input_label(2) == "x3"  # before the engine says which features
    view.set_snapshot(snap)
    assert [view.input_label(i) for i in range(5)] == [catalog.FEATURES[n].label for n in FEATURES]
    assert view.neuron_name(0, 3) == "input x\u2081x\u2082"
    labels = sorted((it for it in view.text_items() if it.text() in {"x\u2081\u00b2", "sin(x\u2082)"}),
                    key=lambda it: it.pos().y())
    assert [it.text() for it in labels] == ["x\u2081\u00b2", "sin(x\u2082)"]  # drawn, top to bottom
    assert view.thumbnail_count(hidden_only=False) == 5 + 3 + 2  # every input neuron has its picture


def test_each_input_picture_is_its_feature(qtbot, featured):
    _, snap = featured
    view = network_view(qtbot, snap.sizes)
    view.set_snapshot(snap)
    x1, x2, sq, prod, _ = (blue_minus_orange(view.neuron_item(0, i).image) for i in range(5))
    inside = ~np.isnan(x1)
    # x1 rises to the right (blue) and x2 upwards (row 0 at the top)
    assert np.nanmean(x1[:, -3:]) > 100 and np.nanmean(x1[:, :3]) < -100
    assert np.nanmean(x2[:3, :]) > 100 and np.nanmean(x2[-3:, :]) < -100
    assert (sq[inside] >= -1).all()  # x1^2 is never negative: never orange
    assert np.nanmean(sq[:, :3]) > 100 and np.nanmean(sq[:, -3:]) > 100  # blue at both sides
    # x1*x2: blue in the top-right and bottom-left quadrants, orange in the others
    assert np.nanmean(prod[:6, -6:]) > 50 and np.nanmean(prod[-6:, :6]) > 50
    assert np.nanmean(prod[:6, :6]) < -50 and np.nanmean(prod[-6:, -6:]) < -50


def test_plain_inputs_keep_x1_x2(qtbot):
    trainer = Trainer(TrainConfig(dataset="xor", samples=100, hidden=(2,)))
    snap = snapshot_views(trainer, resolution=10, neuron_resolution=8)
    view = network_view(qtbot, snap.sizes)
    view.set_snapshot(snap)
    assert [view.input_label(i) for i in range(2)] == ["x\u2081", "x\u2082"]
    assert view.neuron_item(0, 0).image is not None and view.neuron_item(0, 1).image is not None
