"""Phase ▸ in the window: the button, the action and Shift+N; phaseChanged in the article's order; the
loop's line for each phase; the graph growing and a second press; a weight's chain rule beside
autograd; clicks on the network view's edges and biases asking for one."""

from __future__ import annotations

import pytest
from phase_reports import explanation, phase_reports  # noqa: E402  (tests/ui/phase_reports.py)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser
from windows import open_window  # noqa: E402  (tests/ui/windows.py)

from playground.engine import protocol as p

PHASES = ["forward", "loss", "zero_grad", "backward", "step"]
LINES = {"forward": "output = net(x)", "loss": "loss = criterion(output, y)", "zero_grad": "optimizer.zero_grad()",
         "backward": "loss.backward()", "step": "optimizer.step()"}


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
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


@pytest.fixture(scope="module")
def reports():
    from playground.core.presets import get_preset

    return phase_reports(get_preset("xor").config)


def test_the_button_the_action_and_shift_n_each_ask_for_the_next_phase(window, qtbot, sent):
    button, action = window.phaseStepButton, window.phaseStepAction
    assert button.objectName() == "phaseStepButton" and button.isEnabled() and "Shift+N" in button.toolTip()
    assert button.parent() is window.buttonBox and button.text() == "Phase \u25b8"
    assert action.objectName() == "phaseStepAction" and action.shortcut() == QKeySequence("Shift+N")
    train_menu = window.stepAction.associatedObjects()[0]
    actions = train_menu.actions()
    assert actions.index(action) == actions.index(window.stepAction) + 1  # right under One step
    assert not window.iterationPanel.isVisible()
    button.click()
    assert [type(c) for c in sent] == [p.PhaseStep]
    assert window.iterationPanel.isVisible() and window.iterationPanelAction.isChecked()  # it opens
    action.trigger()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.graphView.view, Qt.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert [type(c) for c in sent] == [p.PhaseStep] * 3
    window.shortcutsAction.trigger()
    keys = window.findChild(QDialog, "shortcutsDialog").findChild(QTextBrowser).toPlainText()
    assert "Shift+N" in keys and "One phase of a step" in keys


def test_each_phase_shows_its_line_its_numbers_and_says_so(window, qtbot, reports):
    panel, graph = window.iterationPanel, window.graphView
    seen = []
    window.phaseChanged.connect(seen.append)
    for phase in PHASES:
        with qtbot.waitSignal(window.phaseChanged, check_params_cb=lambda name, ph=phase: name == ph, timeout=1000):
            window.controller.phaseReported.emit(reports[phase])
        assert panel.current_phase() == phase and graph.phase == phase
        assert panel.highlighted_line() == LINES[phase]
        if phase in ("forward", "backward"):
            assert graph.animating()
            window.phaseStepButton.click()  # a second press: the end of the animation, nothing sent
            assert not graph.animating()
    assert seen == PHASES
    assert panel.isVisible() and window.sideColumn.isVisible()
    text = panel.details_text()
    assert "optimizer.step()" in text and "fc1.weight[0, 0]" in text and reports["step"].update.expression in text
    assert window.networkView.selected_weight() == ("fc1.weight", (0, 0))  # the weight whose step is shown


def test_details_name_the_numbers_of_each_phase(window, reports):
    panel = window.iterationPanel
    emit = window.controller.phaseReported.emit
    emit(reports["forward"])
    assert "forward" in panel.details_text().lower() and f"batch of {reports['forward'].batch_size} samples" in \
        panel.details_text()
    emit(reports["loss"])
    assert f"{reports['loss'].loss:.6g}" in panel.details_text()
    emit(reports["zero_grad"])
    assert "every .grad is now None" in panel.details_text() and "fc2.bias None None" in panel.details_text()
    emit(reports["backward"])
    text = panel.details_text()
    assert "NllLoss \u2192 LogSoftmax \u2192 Addmm" in text
    assert f"fc1.weight {reports['backward'].grad_norms['param:fc1.weight']:.4g}" in text
    window.graphView.finish_animation()


def test_a_second_press_while_the_graph_grows_jumps_to_its_end_and_sends_nothing(window, qtbot, sent, reports):
    graph = window.graphView
    window.controller.phaseReported.emit(reports["forward"])
    assert graph.animating() and len(graph.revealed_nodes()) < len(reports["forward"].graph.nodes)
    with qtbot.waitSignal(graph.animationFinished, timeout=1000):
        window.phaseStepButton.click()
    assert sent == [] and len(graph.revealed_nodes()) == len(reports["forward"].graph.nodes)
    window.phaseStepButton.click()  # now the next phase
    assert [type(c) for c in sent] == [p.PhaseStep]


def test_a_step_or_a_run_ends_the_phase_display(window, qtbot, reports):
    window.controller.phaseReported.emit(reports["forward"])
    window.controller.phaseReported.emit(reports["loss"])
    assert window.graphView.phase == "loss"
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=60_000):
        window.stepButton.click()
    assert window.graphView.phase is None and window.iterationPanel.current_phase() == ""
    assert window.iterationPanel.highlighted_line() == ""


def test_the_chain_rule_beside_autograd(window, qtbot):
    event = explanation("fc1.weight", (2, 0))
    window.controller.gradientExplained.emit(event)
    e = event.explanation
    text = window.iterationPanel.explanation_text()
    assert "Why fc1.weight[2, 0].grad is what it is" in text
    for term in e.path:
        assert f"{term.label} = {term.value:.6g}" in text
    assert "Their product: -0.046875" in text  # 0.125 * -0.75 * 1 * 0.5
    assert "1 0.5 0.2 0.1" in text and "2 -1 0.3 -0.3" in text  # the first samples, a_j, delta_i, product
    assert f"Chain rule, summed over 3 samples {e.chain_value:.9g}" in text
    assert f"w.grad from autograd {e.autograd_value:.9g}" in text
    assert "They agree to 3e-09." in text
    assert window.iterationPanel.isVisible()
    assert window.networkView.selected_weight() == ("fc1.weight", (2, 0))


def _click(view, scene_point):
    qtbot_point = view.mapFromScene(scene_point)
    return QPoint(qtbot_point.x(), qtbot_point.y())


def test_clicking_an_edge_or_a_bias_asks_for_its_chain_rule(window, qtbot, sent):
    net = window.networkView
    qtbot.waitUntil(lambda: net.edge_weight(net.edge_item(1, 0, 2)) is not None, timeout=60_000)
    edge = net.edge_item(1, 0, 2)  # input 0 -> neuron 2 of layer 1: fc1.weight[2, 0]
    path = edge.path()
    middle = path.pointAtPercent(0.3)
    with qtbot.waitSignal(net.weightClicked) as clicked:
        qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=_click(net, middle))
    assert clicked.args == ["fc1.weight", (2, 0)]
    assert [(type(c), c.param, c.index) for c in sent] == [(p.ExplainWeight, "fc1.weight", (2, 0))]
    assert net.selected_weight() == ("fc1.weight", (2, 0)) and edge.marked
    assert window.iterationPanel.isVisible()
    neuron = net.neuron_item(2, 1)
    bias = neuron.mapToScene(neuron._bias_rect.center())
    with qtbot.waitSignal(net.weightClicked) as clicked:
        qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=_click(net, bias))
    assert clicked.args == ["fc2.bias", (1,)]
    assert (sent[-1].param, sent[-1].index) == ("fc2.bias", (1,))
    assert neuron.marked and not edge.marked
    n = len(sent)
    qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=_click(net, neuron.scenePos()))
    assert len(sent) == n  # a neuron's circle is not a weight


def test_clicking_a_parameter_in_the_graph_asks_for_its_first_element(window, qtbot, sent, reports):
    window.controller.phaseReported.emit(reports["forward"])
    window.graphView.finish_animation()
    item = window.graphView.nodes["param:fc2.weight"]
    view = window.graphView.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(item.scenePos()))
    assert [(type(c), c.param, c.index) for c in sent] == [(p.ExplainWeight, "fc2.weight", (0, 0))]
    assert window.graphView.inspector.node_id == "param:fc2.weight"  # it is still inspected too
