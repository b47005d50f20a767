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
from playground.ui import theme
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


def metrics(epoch, penalty):
    from playground.core.records import EpochMetrics
    return EpochMetrics(epoch=epoch, step=0, train_loss=0.5, test_loss=0.6, train_accuracy=0.5, test_accuracy=0.5,
                        regularization=penalty)


def test_the_loss_plot_draws_the_penalty_apart_only_when_there_is_one(qtbot):
    from playground.ui.views.loss_plot import LossPlot
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.add(np.array([0.5, 0.5]), [metrics(1, 0.0), metrics(2, 0.0)])
    plot.redraw()
    curve = plot.regularizationCurve
    assert curve.name() == "regularization" and not curve.isVisible()
    assert "regularization" not in [name for name, _ in plot.legend_entries()]
    plot.clear()
    plot.add(np.array([0.5, 0.5]), [metrics(1, 0.02), metrics(2, 0.015)])
    plot.redraw()
    assert curve.isVisible()
    np.testing.assert_allclose(curve.getData()[1], [0.02, 0.015])
    np.testing.assert_allclose(plot.trainCurve.getData()[1], [0.5, 0.5])  # the data loss alone
    assert ("regularization", theme.REGULARIZATION_COLOR) in plot.legend_entries()
    assert "regularization" in plot.legend.text()


def test_five_gauss_classes_each_have_their_own_color(qtbot):
    from playground.ui.views.boundary import BoundaryPage
    trainer = Trainer(TrainConfig(dataset="gauss", classes=5, samples=200, hidden=(6,)))
    for _ in range(30):
        trainer.train_step()
    snap = snapshot_views(trainer, resolution=40, neuron_resolution=8)
    page = BoundaryPage()
    qtbot.addWidget(page)
    page.set_dataset(trainer.dataset)
    page.set_snapshot(snap)
    colors = [theme.class_color(c) for c in range(5)]
    assert len(set(colors)) == 5
    assert len(page.legend_entries()) == 5 + 2 and all(c in page.legend() for c in colors)
    brushes = {b.color().name() for b in page.train_points.data["brush"]}
    assert brushes == set(colors)  # every point in its class's color
    rgb = page._class_rgb(snap).astype(float)
    cls = snap.grid.astype(int)
    for c in np.unique(cls):  # each pixel tinted toward its class's color, stronger where surer
        at = cls == c
        tint = 255 - rgb[at]
        direction = 255 - theme.CLASS_RGB[c]
        cos = (tint @ direction) / (np.linalg.norm(tint, axis=1) * np.linalg.norm(direction) + 1e-9)
        assert (cos[np.linalg.norm(tint, axis=1) > 5] > 0.99).all()
    strength = (255 - rgb).sum(-1)
    assert np.corrcoef(strength.ravel(), snap.confidence.ravel())[0, 1] > 0.9


def test_the_projection_page_shows_the_test_confusion_matrix(qtbot):
    from playground.ui.views.projection import ProjectionPage
    trainer = Trainer(TrainConfig(dataset="seed-example", samples=120, hidden=(4,)))
    snap = snapshot_views(trainer)
    page = ProjectionPage()
    qtbot.addWidget(page)
    page.resize(700, 400)
    page.set_dataset(trainer.dataset)
    assert page.side_kind == "confusion" and page.confusion_shown() is None
    page.set_snapshot(snap)
    np.testing.assert_array_equal(page.confusion_shown(), snap.confusion)
    assert page.confusion.text_values() == [str(v) if v else "" for v in snap.confusion.ravel()]
    assert page.prediction_points() is None


def test_the_projection_page_plots_predicted_against_true_values_for_regression(qtbot):
    from playground.core.inspect import ProjectionSnapshot
    from playground.core.records import Dataset
    from playground.ui.views.projection import ProjectionPage
    rng = np.random.default_rng(0)
    x = rng.normal(size=(30, 5)).astype(np.float32)
    y = x[:, :1] * 2
    d = Dataset("table", "regression", x[:20], y[:20], x[20:], y[20:], 0)
    pred = (y[20:, 0] + 0.1).astype(np.float32)
    snap = ProjectionSnapshot(task="regression", n_classes=0, step=1, epoch=1, sizes=(5, 1), weights=(),
                              biases=(), test_predictions=pred, train_predictions=y[:20, 0])
    page = ProjectionPage()
    qtbot.addWidget(page)
    page.set_dataset(d)
    page.set_snapshot(snap)
    assert page.side_kind == "prediction" and page.confusion_shown() is None
    np.testing.assert_allclose(page.prediction_points(), np.column_stack([y[20:, 0], pred]), rtol=1e-6)
    page.set_dataset(Trainer(TrainConfig(dataset="seed-example", samples=60, hidden=(2,))).dataset)
    assert page.side_kind == "confusion" and page.prediction_points() is None  # built anew for the data
