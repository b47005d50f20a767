"""Edit a weight in the window: a click on an edge or a bias at rest opens ``weightEditor`` with the
engine's value and gradient; Enter or Apply sends SetWeight and the network view shows the new
value; a refusal shows in the popup; Esc closes it; while a run trains no popup opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.engine import protocol as p


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    w.weightEditor.close()
    w.graphView.phases.end()  # no animation timer outlives the test


@pytest.fixture
def sent(window, monkeypatch):
    """The commands the window sends from now on (they still go to the engine)."""
    out: list = []
    transport = window.controller.transport
    original = transport.send

    def record(command):
        out.append(command)
        return original(command)

    monkeypatch.setattr(transport, "send", record)
    return out


def parts(window):
    popup = window.findChild(QFrame, "weightEditor")
    return (popup, popup.findChild(QLabel, "weightEditorTitle"), popup.findChild(QLineEdit, "weightValueInput"),
            popup.findChild(QLabel, "weightGradientLabel"), popup.findChild(QPushButton, "weightApplyButton"),
            popup.findChild(QLabel, "weightEditorError"))


def _click(view, scene_point):
    point = view.mapFromScene(scene_point)
    return QPoint(point.x(), point.y())


def read(window, qtbot, param, index):
    """Ask the engine for one weight; its WeightValue."""
    with qtbot.waitSignal(window.controller.weightRead, timeout=RUN) as got:
        window.controller.read_weight(param, index)
    return got.args[0]


def test_a_click_on_an_edge_at_rest_opens_the_editor_and_enter_applies(window, qtbot, sent):
    net = window.networkView
    qtbot.waitUntil(lambda: net.edge_weight(net.edge_item(1, 0, 2)) is not None, timeout=RUN)
    edge = net.edge_item(1, 0, 2)  # input 0 -> neuron 2 of layer 1: fc1.weight[2, 0]
    shown = net.edge_weight(edge)
    popup, title, value, gradient, apply, error = parts(window)
    assert not popup.isVisible()
    with qtbot.waitSignal(window.controller.weightRead, timeout=RUN):
        qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=_click(net, edge.path().pointAtPercent(0.3)))
    assert popup.isVisible() and popup.isWindow()
    assert title.text() == "Weight fc1.weight[2, 0]"
    assert value.text() == f"{shown:.7g}" and value.isEnabled() and apply.isEnabled()
    assert gradient.text() == "No gradient yet (train one step)"
    assert not error.isVisible()
    # the click still asks for the chain rule first, then the editor for the numbers
    assert [(type(c), c.param, c.index) for c in sent] == [(p.ExplainWeight, "fc1.weight", (2, 0)),
                                                           (p.ReadWeight, "fc1.weight", (2, 0))]
    value.selectAll()
    qtbot.keyClicks(value, "0.5")
    assert value.text() == "0.5"
    del sent[:]
    with qtbot.waitSignal(window.controller.viewsReady, timeout=RUN):
        qtbot.keyClick(value, Qt.Key.Key_Return)
    assert [(type(c), c.param, c.index) for c in sent][:1] == [(p.SetWeight, "fc1.weight", (2, 0))]
    assert sent[0].value == 0.5
    qtbot.waitUntil(lambda: net.edge_weight(edge) == 0.5, timeout=RUN)  # the network view shows it
    assert not popup.isVisible()
    assert window.statusBar().currentMessage() == "fc1.weight[2, 0] set to 0.5"
    assert (type(sent[-1]), sent[-1].param, sent[-1].index) == (p.ExplainWeight, "fc1.weight", (2, 0))  # afresh
    back = read(window, qtbot, "fc1.weight", (2, 0))
    assert (back.value, back.grad) == (0.5, None)


def test_a_bias_after_a_step_shows_its_gradient_and_apply_sends_it(window, qtbot, sent):
    c = window.controller
    with qtbot.waitSignal(c.viewsReady, timeout=RUN):
        window.stepButton.click()
    qtbot.waitUntil(lambda: c.step_count == 1 and c.state == "idle", timeout=RUN)
    popup, title, value, gradient, apply, error = parts(window)
    with qtbot.waitSignal(c.weightRead, timeout=RUN) as got:
        assert window.weightEditor.edit_weight("fc2.bias", (1,))
    event = got.args[0]
    assert (event.param, event.index) == ("fc2.bias", (1,)) and event.grad is not None
    assert popup.isVisible() and title.text() == "Bias fc2.bias[1]"
    assert value.text() == f"{event.value:.7g}"
    assert gradient.text() == f"Gradient (.grad): {event.grad:.6g}"
    value.setText("-1.25")
    with qtbot.waitSignal(c.replied, timeout=RUN, check_params_cb=lambda r: r.in_reply_to == c._seq) as replied:
        apply.click()
    assert replied.args[0].ok
    assert [type(x) for x in sent].count(p.SetWeight) == 1
    qtbot.waitUntil(lambda: net_bias(window, 2, 1) == -1.25, timeout=RUN)
    back = read(window, qtbot, "fc2.bias", (1,))
    assert back.value == -1.25 and back.grad == event.grad  # the gradient of the last backward stays


def net_bias(window, layer, index):
    return window.networkView.neuron_item(layer, index).bias


def test_a_refused_value_shows_in_the_popup_in_one_line_and_esc_closes(window, qtbot):
    c = window.controller
    popup, title, value, gradient, apply, error = parts(window)
    with qtbot.waitSignal(c.weightRead, timeout=RUN):
        window.weightEditor.edit_weight("fc1.weight", (0, 1))
    value.setText("1e39")
    with qtbot.waitSignal(c.replied, timeout=RUN, check_params_cb=lambda r: not r.ok):
        qtbot.keyClick(value, Qt.Key.Key_Enter)
    assert error.isVisible() and popup.isVisible()
    assert error.text() == "1e+39 is not a finite number; allowed: a number from -3.403e+38 to 3.403e+38, e.g. 0.5"
    value.setText("-")  # the validator lets it through as a start, not as a number
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert error.text() == "Type a number, e.g. 0.5 or -1.2e-3"
    qtbot.keyClick(value, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_no_editor_while_a_run_trains_and_one_while_paused(window, qtbot, sent):
    c = window.controller
    c.set_pace(20, True)  # a run that goes on until paused
    with qtbot.waitSignal(c.stateChanged, timeout=RUN, check_params_cb=lambda s: s == "running"):
        window.trainButton.click()
    popup = parts(window)[0]
    window.networkView.weightClicked.emit("fc1.weight", (0, 0))
    assert not popup.isVisible() and not window.weightEditor.edit_weight("fc1.weight", (0, 0))
    assert not any(isinstance(x, (p.ReadWeight, p.SetWeight, p.ExplainWeight)) for x in sent)
    with qtbot.waitSignal(c.stateChanged, timeout=RUN, check_params_cb=lambda s: s == "paused"):
        window.trainButton.click()
    with qtbot.waitSignal(c.weightRead, timeout=RUN) as got:
        window.networkView.weightClicked.emit("fc1.weight", (0, 0))
    assert popup.isVisible() and got.args[0].grad is not None
    with qtbot.waitSignal(c.runFinished, timeout=RUN):
        window.stopButton.click()
    c.set_pace(None, False)
