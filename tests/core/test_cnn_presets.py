"""The CNN presets train to their promise at their defaults (each a few seconds on one CPU thread)."""

import pytest

from playground.core.presets import get_preset, load_presets
from playground.core.training import Trainer


@pytest.mark.parametrize(("name", "accuracy"), [("digits-cnn", 0.97), ("shapes-cnn", 0.95)])
def test_the_cnn_presets_reach_their_test_accuracy(name, accuracy):
    config = get_preset(name).config
    assert config.model == "cnn" and config.optimizer == "adam"
    summary = Trainer(config, preset=name).run()
    assert summary.status == "completed"
    assert summary.test_accuracy >= accuracy


def test_the_cnn_presets_come_last_in_order():
    assert list(load_presets())[-2:] == ["digits-cnn", "shapes-cnn"]
