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


def test_the_cnn_presets_come_after_the_others_and_before_the_sequence_ones():
    names = list(load_presets())
    assert names[names.index("digits-cnn"):names.index("sine-rnn")] == ["digits-cnn", "shapes-cnn"]
    assert all(get_preset(n).config.model not in ("cnn", "rnn", "gru", "lstm", "attention")
               for n in names[:names.index("digits-cnn")])
