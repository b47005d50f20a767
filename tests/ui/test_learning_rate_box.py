"""A learning rate typed outside 0.00001..10 is not clamped silently: the panel says so."""

from PySide6.QtCore import Qt

from playground.core.presets import load_presets
from playground.ui.controls import ControlPanel


def panel(qtbot):
    p = ControlPanel(load_presets())
    qtbot.addWidget(p)
    p.show()
    return p


def retype(qtbot, box, text):
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def test_a_rate_above_the_maximum_says_so_and_the_error_clears_when_valid(qtbot):
    p = panel(qtbot)
    box, error = p.learningRateInput, p.findChild(type(p.lrError), "learningRateError")
    assert error is p.lrError and not error.isVisible()
    retype(qtbot, box, "50")
    assert error.isVisible()
    assert error.text() == "learning rate: 50 is out of range; allowed 0.00001 to 10"
    assert box.value() <= 10
    retype(qtbot, box, "0.3")
    assert not error.isVisible() and error.text() == ""
    assert box.value() == 0.3
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)
    assert p.config.learning_rate == 0.3


def test_a_rate_below_the_minimum_says_so_once_all_its_decimals_are_typed(qtbot):
    p = panel(qtbot)
    box = p.learningRateInput
    retype(qtbot, box, "0.0")
    assert not p.lrError.isVisible()  # on its way to 0.01, say
    retype(qtbot, box, "0.000001")
    assert p.lrError.isVisible() and "0.000001 is out of range" in p.lrError.text()
    retype(qtbot, box, "0.00002")
    assert not p.lrError.isVisible()
    assert box.value() == 0.00002


def test_showing_a_config_clears_the_error(qtbot):
    p = panel(qtbot)
    retype(qtbot, p.learningRateInput, "99")
    assert p.lrError.isVisible()
    p.set_config(p.config)
    assert not p.lrError.isVisible()
