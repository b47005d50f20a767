"""Phase ▸ in the window: the button, the action and Shift+N; phaseChanged in the article's order; the
loop's line for each phase; the graph growing and a second press; a weight's chain rule beside
autograd; clicks on the network view's edges and biases asking for one."""

from __future__ import annotations

import pytest
from phase_reports import explanation, phase_reports  # noqa: E402  (tests/ui/phase_reports.py)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

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


def _press(window, qtbot, phase, press):
    """One press that asks for ``phase``; its animation (if any) jumped to the end."""
    with qtbot.waitSignal(window.phaseChanged, timeout=RUN) as shown:
        press()
    assert shown.args == [phase]
    window.graphView.finish_animation()


def test_the_button_the_action_and_shift_n_each_ask_for_the_next_phase(window, qtbot, sent):
    button, action = window.phaseStepButton, window.phaseStepAction
    assert button.objectName() == "phaseStepButton" and button.isEnabled() and "Shift+N" in button.toolTip()
    assert button.parent() is window.buttonBox and button.text() == "Phase \u25b8"
    assert action.objectName() == "phaseStepAction" and action.shortcut() == QKeySequence("Shift+N")
    train_menu = window.stepAction.associatedObjects()[0]
    actions = train_menu.actions()
    assert actions.index(action) == actions.index(window.stepAction) + 1  # right under One step
    assert not window.iterationPanel.isVisible()
    _press(window, qtbot, "forward", button.click)
    assert window.iterationPanel.isVisible() and window.iterationPanelAction.isChecked()  # it opens
    _press(window, qtbot, "loss", action.trigger)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    _press(window, qtbot, "zero_grad", lambda: qtbot.keyClick(window.graphView.view, Qt.Key_N,
                                                              Qt.KeyboardModifier.ShiftModifier))
    assert [type(c) for c in sent] == [p.PhaseStep] * 3
    window.shortcutsAction.trigger()
    keys = window.findChild(QDialog, "shortcutsDialog").findChild(QTextBrowser).toPlainText()
    assert "Shift+N" in keys and "One phase of a step" in keys
    window.iterationPanel.closeButton.click()  # closed, and the View menu opens it again
    assert not window.iterationPanel.isVisible() and not window.iterationPanelAction.isChecked()
    assert not window.sideColumn.isVisible()
    window.iterationPanelAction.trigger()
    assert window.iterationPanel.isVisible() and window.iterationPanel.current_phase() == "zero_grad"


def test_five_presses_walk_one_mini_batch_in_the_articles_order(window, qtbot):
    c, panel, graph = window.controller, window.iterationPanel, window.graphView
    before = c.step_count
    seen, reports = [], []
    window.phaseChanged.connect(seen.append)
    c.phaseReported.connect(reports.append)
    for phase in PHASES:
        with qtbot.waitSignal(window.phaseChanged, timeout=RUN):
            window.phaseStepButton.click()
        assert panel.current_phase() == phase and graph.phase == phase
        assert panel.highlighted_line() == LINES[phase]
        if phase in ("forward", "loss", "backward"):  # they animate: a press jumps to the end
            assert graph.animating()
            window.phaseStepButton.click()
            assert not graph.animating()
        r = reports[-1]
        if phase == "forward":
            assert set(graph.revealed_nodes()) == {n.id for n in r.graph.nodes}
            op = next(nid for nid in r.order if r.graph.by_id[nid].kind == "op")
            assert graph.phase_label(op).startswith("= ")
        elif phase == "loss":
            assert graph.phase_label("loss") == f"loss = {r.loss:.3g}" and f"{r.loss:.6g}" in panel.details_text()
        elif phase == "zero_grad":
            assert graph.phase_label("param:fc1.weight") == ".grad = None"
        elif phase == "backward":
            assert graph.lit_nodes()[0] == "loss" and graph.lit_nodes() == [n for n in r.order if n in graph.nodes]
            assert graph.phase_label("param:fc1.weight") == f"|grad| {r.grad_norms['param:fc1.weight']:.3g}"
    assert seen == PHASES
    step = reports[-1]
    assert step.step == before + 1 and step.update.param == "fc1.weight" and step.update.index == (0, 0)
    text = panel.details_text()
    assert "fc1.weight[0, 0]" in text and step.update.expression in text
    assert graph.phase_label("param:fc1.weight").startswith("moved ")
    qtbot.waitUntil(lambda: c.step_count == before + 1, timeout=RUN)  # the snapshot a Step sends came too
    qtbot.waitUntil(lambda: window.statusLabel.text().startswith(f"step {before + 1} "), timeout=RUN)
    assert graph.phase == "step"  # the graph of this step stays until the next press, Step or run
    with qtbot.waitSignal(window.phaseChanged, check_params_cb=lambda ph: ph == "forward", timeout=RUN):
        window.phaseStepButton.click()  # the next batch


def test_a_paused_run_steps_by_phase_and_stays_paused(window, qtbot):
    c = window.controller
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(c.snapshotReady, timeout=RUN):
        window.trainButton.click()
    assert not window.phaseStepButton.isEnabled() and not window.phaseStepAction.isEnabled()
    with qtbot.waitSignal(c.stateChanged, check_params_cb=lambda s: s == "paused", timeout=RUN):
        window.trainButton.click()
    assert window.phaseStepButton.isEnabled()
    before = c.step_count
    for phase in PHASES:
        _press(window, qtbot, phase, window.phaseStepButton.click)
        assert c.state == "paused"
    qtbot.waitUntil(lambda: c.step_count == before + 1, timeout=RUN)
    with qtbot.waitSignal(c.stateChanged, check_params_cb=lambda s: s == "running", timeout=RUN):
        window.trainButton.click()  # Resume: the phase display gives way to the run
    assert window.graphView.phase is None and window.iterationPanel.highlighted_line() == ""
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.stopButton.click()


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


def test_a_second_press_while_the_graph_grows_jumps_to_its_end_and_sends_nothing(window, qtbot, sent):
    graph = window.graphView
    with qtbot.waitSignal(window.phaseChanged, timeout=RUN):
        window.phaseStepButton.click()
    forward = graph.phases.report
    assert graph.animating() and len(graph.revealed_nodes()) < len(forward.graph.nodes)
    with qtbot.waitSignal(graph.animationFinished, timeout=1000):
        window.phaseStepButton.click()
    assert [type(c) for c in sent] == [p.PhaseStep]  # the second press sent nothing
    assert len(graph.revealed_nodes()) == len(forward.graph.nodes)
    with qtbot.waitSignal(window.phaseChanged, check_params_cb=lambda ph: ph == "loss", timeout=RUN):
        window.phaseStepButton.click()  # now the next phase


def test_a_step_ends_the_phase_display(window, qtbot):
    _press(window, qtbot, "forward", window.phaseStepButton.click)
    _press(window, qtbot, "loss", window.phaseStepButton.click)
    assert window.graphView.phase == "loss"
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=RUN):
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
    assert "Sample 0, from the loss back to the weight:" in text
    assert "0: 0.5 \u00d7 0.2 = 0.1" in text and "1: -1 \u00d7 0.3 = -0.3" in text  # a_j x delta_i
    assert f"Chain rule, summed over 3 samples:\n{e.chain_value:.9g}" in text
    assert f"w.grad from autograd:\n{e.autograd_value:.9g}" in text
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
    assert [(type(c), c.param, c.index) for c in sent] == [(p.ExplainWeight, "fc1.weight", (2, 0)),
                                                           (p.ReadWeight, "fc1.weight", (2, 0))]  # weight_editor.py
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
    assert [(type(c), c.param, c.index) for c in sent if not isinstance(c, p.InspectNode)] == \
        [(p.ExplainWeight, "fc2.weight", (0, 0))]
    assert window.graphView.inspector.node_id == "param:fc2.weight"  # it is still inspected too
    assert [c.node_id for c in sent if isinstance(c, p.InspectNode)] == ["param:fc2.weight"]  # its histograms


def test_a_clicked_edge_gets_the_engines_chain_rule_beside_autograd_and_its_step(window, qtbot):
    net, panel = window.networkView, window.iterationPanel
    qtbot.waitUntil(lambda: net.edge_weight(net.edge_item(2, 1, 0)) is not None, timeout=RUN)
    edge = net.edge_item(2, 1, 0)  # hidden neuron 1 -> output 0: fc2.weight[0, 1]
    with qtbot.waitSignal(window.controller.gradientExplained, timeout=RUN) as got:
        qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=_click(net, edge.path().pointAtPercent(0.7)))
    e = got.args[0].explanation
    assert (e.param, e.index) == ("fc2.weight", (0, 1)) and e.agree and e.difference <= 1e-6
    text = panel.explanation_text()
    assert "Why fc2.weight[0, 1].grad is what it is" in text
    assert all(f"{t.label} = {t.value:.6g}" in text for t in e.path)
    assert f"Chain rule, summed over {e.batch_size} samples:\n{e.chain_value:.9g}" in text
    assert f"w.grad from autograd:\n{e.autograd_value:.9g}" in text and "They agree to" in text
    for phase in PHASES:  # the step phase writes out the update of the weight explained
        _press(window, qtbot, phase, window.phaseStepButton.click)
    update = window.graphView.phases.report.update
    assert (update.param, update.index) == ("fc2.weight", (0, 1))
    assert f"fc2.weight[0, 1], with {update.optimizer}" in panel.details_text()


def test_the_dynamic_model_frames_what_is_new_since_the_last_step(qtbot):
    window = open_window(qtbot, "dynamic")
    graph, c = window.graphView, window.controller
    for _ in range(40):
        before = graph.snapshot
        with qtbot.waitSignal(c.snapshotReady, timeout=RUN):
            window.stepButton.click()
        qtbot.waitUntil(lambda b=before: graph.snapshot is not b, timeout=RUN)
        if graph.changed_nodes():
            break
    new = graph.changed_nodes()
    assert new and all(graph.nodes[n].changed for n in new)
    modules = {graph.spec.by_id[n].module for n in new}
    assert all(m and m.startswith("fc3") or m == "act" for m in modules)  # the repeated middle layer
    assert graph.change_text().startswith(f"This step's graph: {len(graph.snapshot.spec.nodes)} nodes (+")
