"""The Data group's step-11 controls and the Regularization row: each edit sends one complete,
validated TrainConfig; showing a config sends nothing."""

import pytest
from PySide6.QtCore import Qt

from playground.core import catalog
from playground.core.config import TrainConfig
from playground.core.presets import load_presets
from playground.ui.controls import ControlPanel


@pytest.fixture
def panel(qtbot):
    c = ControlPanel(load_presets())
    qtbot.addWidget(c)
    c.set_config(TrainConfig(dataset="circle", seed=7))
    sent = []
    c.configChanged.connect(sent.append)
    return c, sent


def find(c, name):
    from PySide6.QtWidgets import QWidget
    w = c.findChild(QWidget, name)
    assert w is not None, name
    return w


def test_feature_toggles_send_the_features_and_keep_one_on(panel):
    c, sent = panel
    boxes = [find(c, f"feature:{n}") for n in catalog.FEATURES]
    assert [b.text() for b in boxes] == [f.label for f in catalog.FEATURES.values()]
    assert all(b.toolTip() for b in boxes)
    assert [b.isChecked() for b in boxes] == [True, True, False, False, False, False, False]
    find(c, "feature:x1^2").click()
    assert sent[-1] == TrainConfig(dataset="circle", seed=7, features=("x1", "x2", "x1^2"))
    find(c, "feature:x1").click()
    find(c, "feature:x2").click()
    assert sent[-1].features == ("x1^2",)
    error = find(c, "featuresError")
    find(c, "feature:x1^2").click()  # the last one: refused, visibly
    assert find(c, "feature:x1^2").isChecked() and len(sent) == 3
    assert not error.isHidden() and "At least one" in error.text()


def test_features_are_off_for_data_that_is_not_2d_and_come_back(panel):
    c, sent = panel
    find(c, "feature:sin(x1)").click()
    c.datasetInput.setCurrentIndex(c.datasetInput.findData("seed-example"))
    assert sent[-1].dataset == "seed-example" and sent[-1].features == ("x1", "x2")
    group = find(c, "featuresInput")
    assert not group.isEnabled() and "2-D" in group.toolTip()
    c.datasetInput.setCurrentIndex(c.datasetInput.findData("xor"))
    assert group.isEnabled() and sent[-1].features == ("x1", "x2", "sin(x1)")  # the user's choice


def test_regularization_and_its_rate(panel):
    c, sent = panel
    kind, rate = find(c, "regularizationInput"), find(c, "regularizationRateInput")
    assert [kind.itemData(i) for i in range(kind.count())] == list(catalog.REGULARIZATIONS)
    assert [rate.itemText(i) for i in range(rate.count())] == ["0", "0.001", "0.003", "0.01", "0.03", "0.1",
                                                               "0.3", "1", "3", "10"]
    assert not rate.isEnabled()  # None
    kind.setCurrentIndex(kind.findData("l2"))
    assert rate.isEnabled()
    assert (sent[-1].regularization, sent[-1].regularization_rate) == ("l2", 0.001)
    rate.setCurrentIndex(rate.findText("0.3"))
    rate.activated.emit(rate.currentIndex())
    assert sent[-1] == TrainConfig(dataset="circle", seed=7, regularization="l2", regularization_rate=0.3)
    c.set_config(TrainConfig(regularization="l1", regularization_rate=0.05))  # a rate not listed
    assert rate.currentText() == "0.05" and kind.currentData() == "l1"
    assert sent[-1].regularization_rate == 0.3  # showing sent nothing


def test_samples_seed_and_regenerate(panel):
    c, sent = panel
    samples, seed, button = find(c, "samplesInput"), find(c, "dataSeedInput"), find(c, "regenerateButton")
    assert (samples.minimum(), samples.maximum(), samples.value()) == (20, 100_000, 500)
    assert seed.text() == "" and "7" in seed.placeholderText()
    samples.setValue(300)
    assert sent[-1] == TrainConfig(dataset="circle", seed=7, samples=300)
    button.click()  # the seed in use (the weights' 7) plus one
    assert sent[-1].data_seed == 8 and sent[-1].seed == 7 and seed.text() == "8"
    c.set_config(sent[-1])
    button.click()
    assert sent[-1].data_seed == 9
    assert button.shortcut().toString() == "Ctrl+Shift+R" and button.toolTip()


def test_classes_for_gauss_and_your_own_data(panel):
    c, sent = panel
    classes = find(c, "classesInput")
    assert not classes.isEnabled()
    c.datasetInput.setCurrentIndex(c.datasetInput.findData("gauss"))
    assert classes.isEnabled() and (classes.minimum(), classes.maximum()) == (2, 6)
    classes.setValue(5)
    assert sent[-1] == TrainConfig(dataset="gauss", seed=7, classes=5)
    n = len(sent)
    c.set_config(TrainConfig(dataset="custom", classes=3, data="/tmp/mine.csv", standardize=False))
    assert len(sent) == n
    assert c.datasetInput.currentData() == "custom" and c.datasetInput.currentText() == "Your data"
    assert classes.value() == 3 and classes.isReadOnly()
    standardize = find(c, "standardizeInput")
    assert standardize.isEnabled() and not standardize.isChecked()
    standardize.click()
    assert sent[-1] == TrainConfig(dataset="custom", classes=3, data="/tmp/mine.csv", standardize=True)
    c.noiseInput  # noqa: B018
    c.splitInput.setValue(60)
    assert (sent[-1].dataset, sent[-1].data, sent[-1].classes) == ("custom", "/tmp/mine.csv", 3)
    c.datasetInput.setCurrentIndex(c.datasetInput.findData("circle"))  # leaves your own data
    assert (sent[-1].dataset, sent[-1].data, sent[-1].classes) == ("circle", "", None)
    assert c.datasetInput.findData("custom") < 0 and not standardize.isEnabled()


def test_the_new_controls_have_tooltips(panel):
    c, _ = panel
    for name in ("featuresInput", "regularizationInput", "regularizationRateInput", "samplesInput",
                 "dataSeedInput", "regenerateButton", "classesInput", "standardizeInput"):
        assert find(c, name).toolTip(), name
    assert find(c, "regenerateButton").focusPolicy() & Qt.FocusPolicy.TabFocus
