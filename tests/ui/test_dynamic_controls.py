"""The Model and Dropout controls, and the window showing the dynamic model (graph, network, output)."""

import pytest
from PySide6.QtWidgets import QDoubleSpinBox
from windows import START, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core import catalog
from playground.core.config import TrainConfig
from playground.core.presets import get_preset, load_presets
from playground.ui.controls import ControlPanel


@pytest.fixture
def panel(qtbot):
    c = ControlPanel(load_presets())
    qtbot.addWidget(c)
    c.set_config(TrainConfig(dataset="moons", hidden=(4, 4)))
    sent = []
    c.configChanged.connect(sent.append)
    return c, sent


def test_the_model_box_lists_the_catalog_with_descriptions(panel):
    c, sent = panel
    box = c.modelInput
    assert [box.itemData(i) for i in range(box.count())] == list(catalog.MODELS)
    assert [box.itemText(i) for i in range(box.count())] == [m.label for m in catalog.MODELS.values()]
    assert box.itemData(1, 3) == catalog.MODELS["dynamic"].description  # Qt.ToolTipRole
    assert catalog.MODELS["mlp"].description in box.toolTip()
    box.setCurrentIndex(box.findData("dynamic"))
    assert len(sent) == 1 and sent[0] == TrainConfig(dataset="moons", hidden=(4, 4), model="dynamic")
    assert catalog.MODELS["dynamic"].description in box.toolTip()


def test_the_dropout_box_sends_one_complete_config_per_edit(panel):
    c, sent = panel
    box = c.dropoutInput
    assert isinstance(box, QDoubleSpinBox)
    assert (box.minimum(), box.maximum(), box.singleStep(), box.value()) == (0.0, 0.9, 0.05, 0.0)
    assert "new random mask on every step" in box.toolTip()
    box.stepUp()
    assert [s.dropout for s in sent] == [0.05]
    box.setValue(0.3)
    assert len(sent) == 2 and sent[-1] == TrainConfig(dataset="moons", hidden=(4, 4), dropout=0.3)
    c.noiseInput.setValue(20)  # another edit keeps the rate
    assert (sent[-1].dropout, sent[-1].noise) == (0.3, 0.2)


def test_rates_per_layer_are_shown_kept_and_follow_the_layers(panel):
    c, sent = panel
    c.set_config(TrainConfig(dataset="moons", hidden=(4, 4), dropout=(0.1, 0.3)))
    box = c.dropoutInput
    assert box.text() == "per layer" and not box.isEnabled()
    assert box.toolTip().startswith("Dropout per hidden layer: 0.1, 0.3")
    c.activationInput.setCurrentIndex(c.activationInput.findData("relu"))
    assert sent[-1].dropout == (0.1, 0.3) and sent[-1].activation == "relu"  # not lost
    c.addLayerButton.click()
    assert (sent[-1].hidden, sent[-1].dropout) == ((4, 4, 4), (0.1, 0.3, 0.3))
    assert box.toolTip().startswith("Dropout per hidden layer: 0.1, 0.3, 0.3")
    c.removeLayerButton.click()
    c.removeLayerButton.click()
    assert (sent[-1].hidden, sent[-1].dropout) == ((4,), (0.1,))
    assert box.isEnabled() and box.value() == pytest.approx(0.1)  # one layer, one rate: editable again
    c.set_running(True)
    assert not box.isEnabled()
    c.set_running(False)
    c.set_config(TrainConfig(dataset="moons", hidden=(4, 4), dropout=(0.1, 0.3)))
    c.set_running(True)
    c.set_running(False)
    assert not box.isEnabled()  # still not editable after a run
    c.presetInput.setCurrentIndex(c.presetInput.findData("moons"))
    c.presetInput.activated.emit(c.presetInput.currentIndex())
    assert sent[-1].dropout == 0.0 and box.isEnabled() and box.text() == "0.00"


def test_the_dynamic_model_keeps_a_hidden_layer(panel):
    c, sent = panel
    c.set_config(TrainConfig(dataset="moons", hidden=()))
    c.modelInput.setCurrentIndex(c.modelInput.findData("dynamic"))
    assert sent == [] and c.modelInput.currentData() == "mlp"
    assert c.layerError.isVisibleTo(c) and "needs at least one hidden layer" in c.layerError.text()
    c.set_config(TrainConfig(dataset="moons", hidden=(3,), model="dynamic"))
    assert not c.removeLayerButton.isEnabled()
    c.layerSizesInput.setText("")
    c.layerSizesInput.editingFinished.emit()
    assert sent == [] and "needs at least one hidden layer" in c.layerError.text()
    c.modelInput.setCurrentIndex(c.modelInput.findData("mlp"))
    assert sent[-1].model == "mlp" and c.removeLayerButton.isEnabled()


def test_lessons_lock_and_hide_model_and_dropout(panel):
    c, _ = panel
    c.set_locked(("model", "dropout"))
    assert not c.modelInput.isEnabled() and not c.dropoutInput.isEnabled()
    assert c.modelInput.toolTip().startswith("This lesson fixes this setting.\nThe model family")
    c.set_config(TrainConfig(dataset="moons", hidden=(4, 4), model="dynamic"))
    assert c.modelInput.toolTip().startswith("This lesson fixes this setting.\nThe model family")
    assert catalog.MODELS["dynamic"].description in c.modelInput.toolTip()
    c.set_locked(())
    assert c.modelInput.isEnabled() and c.dropoutInput.isEnabled()
    assert c.modelInput.toolTip().startswith("The model family")
    c.set_hidden(("model", "dropout"))
    assert not c.modelInput.isVisibleTo(c) and not c.dropoutInput.isVisibleTo(c)
    assert c.activationInput.isVisibleTo(c)
    c.set_hidden(())
    assert c.modelInput.isVisibleTo(c) and c.dropoutInput.isVisibleTo(c)


def test_the_window_shows_the_dynamic_model(qtbot):
    window = open_window(qtbot, "dynamic")
    c = window.controller
    assert c.model.sizes == (2, 12, 12, 12, 2)
    assert window.controls.modelInput.currentData() == "dynamic"
    qtbot.waitUntil(lambda: window.graphView.snapshot is not None and window.outputView.snapshot is not None,
                    timeout=START)
    assert window.networkView.sizes == (2, 12, 12, 12, 2)
    assert window.outputView.snapshot.loop_layer == 3
    def fc3_calls():
        return len([n for n in window.graphView.snapshot.spec.nodes
                    if n.op == "AddmmBackward0" and n.module == "fc3"])

    assert window.graphView.snapshot.step == 0 and fc3_calls() == 0  # the preview draws what step 1 will
    keys = set()
    for step, repeats in ((1, 0), (2, 3), (3, 1)):  # seed 0 draws 0, 3 and 1 repeats: three graphs
        with qtbot.waitSignal(c.stateChanged, check_params_cb=lambda s: s == "idle", timeout=START):
            window.stepButton.click()
        qtbot.waitUntil(lambda step=step: window.graphView.snapshot.step == step, timeout=START)
        keys.add(window.graphView.snapshot.spec.structure_key)
        assert fc3_calls() == repeats
    assert len(keys) == 3
    assert get_preset("dynamic").config.model == "dynamic"

