"""The layer controls with deep and wide networks (issue 14): a spin box per layer up to
MAX_LAYER_SPINS, past that the text box alone and a note; a network too big for the memory is
refused in the panel, which keeps showing the network there is; the network view draws 64 columns
and 4096-wide layers with no text cut."""

import pytest
from PySide6.QtWidgets import QLabel, QSpinBox

from playground.core import config as config_module
from playground.core.config import TrainConfig
from playground.core.presets import load_presets
from playground.ui.controls import MAX_LAYER_SPINS, ControlPanel


@pytest.fixture
def panel(qtbot):
    c = ControlPanel(load_presets())
    qtbot.addWidget(c)
    c.set_config(TrainConfig(dataset="moons", hidden=(4, 4)))
    sent = []
    c.configChanged.connect(sent.append)
    return c, sent


def _type_layers(c, text):
    c.layerSizesInput.setText(text)
    c.layerSizesInput.editingFinished.emit()


def test_a_spin_box_per_layer_up_to_the_limit_then_the_text_box_alone(panel):
    c, sent = panel
    _type_layers(c, ", ".join(["8"] * MAX_LAYER_SPINS))
    assert len(c.layerSpins.findChildren(QSpinBox)) == MAX_LAYER_SPINS
    assert c.layerSpins.findChild(QLabel, "layerSpinsNote") is None
    c.addLayerButton.click()
    assert sent[-1].hidden == (8,) * (MAX_LAYER_SPINS + 1)
    assert c.layerSpins.findChildren(QSpinBox) == []
    note = c.layerSpins.findChild(QLabel, "layerSpinsNote")
    assert note.text() == f"{MAX_LAYER_SPINS + 1} layers: edit them in the text box"
    assert f"up to {MAX_LAYER_SPINS} hidden layers" in note.toolTip()
    assert f"Past {MAX_LAYER_SPINS} layers there is no box per layer: edit them here" in c.layerSizesInput.toolTip()
    c.removeLayerButton.click()
    assert sent[-1].hidden == (8,) * MAX_LAYER_SPINS
    assert len(c.layerSpins.findChildren(QSpinBox)) == MAX_LAYER_SPINS


def test_64_layers_then_no_more(panel):
    c, sent = panel
    _type_layers(c, ", ".join(["3"] * 64))
    assert sent[-1].hidden == (3,) * 64
    assert not c.addLayerButton.isEnabled() and c.removeLayerButton.isEnabled()
    _type_layers(c, ", ".join(["3"] * 65))
    assert c.layerError.text() == "65 hidden layers given; allowed 0 to 64"
    assert sent[-1].hidden == (3,) * 64


def test_the_spin_boxes_go_to_4096(panel):
    c, sent = panel
    spin = c.layerSpins.findChildren(QSpinBox)[0]
    assert spin.maximum() == 4096
    spin.setValue(4096)
    assert sent[-1].hidden == (4096, 4)


def test_a_network_too_big_for_the_memory_is_refused_and_the_panel_keeps_the_last_one(panel, monkeypatch):
    c, sent = panel
    monkeypatch.setattr(config_module, "available_memory", lambda: 64 * 10**9)
    c.optimizerInput.setCurrentIndex(c.optimizerInput.findData("adam"))
    assert sent[-1].optimizer == "adam"
    _type_layers(c, ", ".join(["4096"] * 8))
    assert not c.layerError.isHidden()
    assert c.layerError.text() == ("8 x 4096 neurons with Adam need about 4.7 GB; the playground allows 2.0 GB: use "
                                   "fewer or narrower layers")
    assert sent[-1].hidden == (4, 4)
    assert c.layerSizesInput.text() == "4, 4"
    assert [s.value() for s in c.layerSpins.findChildren(QSpinBox)] == [4, 4]
    # the same refusal from another field: SGD fits (1.9 GB), then Adam does not
    _type_layers(c, ", ".join(["4096"] * 8))
    assert c.layerError.text().startswith("8 x 4096 neurons with Adam")
    c.optimizerInput.setCurrentIndex(c.optimizerInput.findData("sgd"))
    _type_layers(c, ", ".join(["4096"] * 8))
    assert sent[-1].hidden == (4096,) * 8 and sent[-1].optimizer == "sgd"
    assert not c.layerError.text()
    n = len(sent)
    c.optimizerInput.setCurrentIndex(c.optimizerInput.findData("adam"))
    assert len(sent) == n and c.optimizerInput.currentData() == "sgd"
    assert c.layerError.text().startswith("8 x 4096 neurons with Adam need about 4.7 GB")


@pytest.mark.parametrize("hidden", [(64,) * 64, (4096,) * 8, (8,) * 30])
def test_the_network_view_draws_deep_and_wide_networks_without_cut_texts(qtbot, hidden):
    from playground.ui.views.network_view import MAX_DRAWN, NetworkView

    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.set_architecture([2, *hidden, 2])
    view.grab()
    assert view.sizes == (2, *hidden, 2)
    assert view.clipped_texts() == []
    heads = [head for head, _ in view._headers]
    assert heads[0].isVisible() and heads[-1].isVisible()  # input and output always named
    drawn = sum(len(column) for column in view._neurons)
    assert drawn == 4 + len(hidden) * min(hidden[0], 8 if hidden[0] > MAX_DRAWN else hidden[0])


def test_a_new_rate_for_a_big_network_is_not_checked_against_the_memory_it_holds(panel, monkeypatch):
    c, sent = panel
    monkeypatch.setattr(config_module, "available_memory", lambda: 64 * 10**9)
    _type_layers(c, ", ".join(["4096"] * 8))
    assert sent[-1].hidden == (4096,) * 8
    monkeypatch.setattr(config_module, "available_memory", lambda: 10**9)  # the engine holds it now
    c.learningRateInput.setValue(0.1)
    assert sent[-1].learning_rate == 0.1 and not c.layerError.text()
    c.batchSizeInput.setValue(20)  # what the memory depends on: checked again
    assert c.layerError.text() == ("8 x 4096 neurons with SGD need about 1.9 GB; this computer has 1.0 GB free: use "
                                   "fewer or narrower layers")
    assert sent[-1].batch_size == 10 and c.batchSizeInput.value() == 10
