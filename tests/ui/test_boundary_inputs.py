"""The output view with input features and with more than two classes: hovering an input neuron
shows the feature it sees, large; the winning-class picture's color bar is the confidence shading."""

from __future__ import annotations

import numpy as np

from playground.core.config import TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.training import Trainer
from playground.ui.views.boundary import upsample
from playground.ui.views.output import OutputView


def view_of(qtbot, **settings):
    trainer = Trainer(TrainConfig(samples=200, hidden=(4,), learning_rate=0.1, **settings))
    for _ in range(10):
        trainer.train_step()
    snap = snapshot_views(trainer)
    view = OutputView()
    qtbot.addWidget(view)
    view.resize(640, 520)
    view.set_dataset(trainer.dataset)
    view.show()
    view.set_snapshot(snap)
    return view, snap


def test_hovering_an_input_neuron_shows_its_feature(qtbot):
    view, snap = view_of(qtbot, features=("x1", "x1^2", "sin(x2)"))
    assert snap.input_names == ("x1", "x1^2", "sin(x2)")
    for index, label in enumerate(("x\u2081", "x\u2081\u00b2", "sin(x\u2082)")):
        view.show_neuron(0, index)
        assert view.title_text == f"Input {label}"
        shown = view.displayed_image()
        np.testing.assert_array_equal(shown, upsample(snap.input_maps[index], 3))  # large, as a hidden neuron's


def test_more_than_two_classes_show_confidence_from_chance_to_sure(qtbot):
    view, snap = view_of(qtbot, dataset="gauss", classes=5)
    assert view.title_text == "Winning class, shaded by confidence"
    assert view.page.colorbar_label == "confidence"
    assert view.page._colorbar.levels() == (0.2, 1.0)
