"""One iteration phase by phase, and one gradient by the chain rule, in the window.

Phase ▸ (Shift+N, Train > One phase) asks the engine for the next phase of a mini-batch; each
``PhaseReport`` goes to the graph view and the iteration panel, then the window's ``phaseChanged``
says which phase it was. A press while the graph's animation runs only jumps to its end. Clicking a
weight (an edge or a bias in the network view, a parameter in the graph) while the network rests
asks for its chain rule; the answer goes to the panel. A run, a Step, a reset or another network
ends the phase display: the views show the latest step again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Slot

from playground.engine.protocol import RunState
from playground.ui.weight_editor import WeightEditor


class IterationFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def wire(self) -> None:
        w, c = self.window, self.window.controller
        w.phaseStepButton.clicked.connect(self.step_phase)
        c.phaseReported.connect(self.on_phase)
        c.gradientExplained.connect(self.on_gradient)
        w.networkView.weightClicked.connect(self.explain_weight)
        w.graphView.parameterClicked.connect(self.on_parameter_clicked)
        w.iterationPanel.closeRequested.connect(self.close_panel)
        for panel in (w.lessonPanel, w.iterationPanel):  # the side column shows while either does
            panel.installEventFilter(self)
        w.weightEditor = WeightEditor(w)  # a click at rest also edits the weight: ui/weight_editor.py

    @property
    def resting(self) -> bool:
        return self.window.controller.state in (RunState.IDLE, RunState.PAUSED)

    # -- user actions -----------------------------------------------------------------------
    @Slot()
    def step_phase(self) -> None:
        """The next phase; while the graph still grows (or lights up), its end instead."""
        w = self.window
        if w.graphView.animating():
            w.graphView.finish_animation()
        elif self.resting:
            self.show_panel()
            w.controller.phase_step()

    @Slot(str, object)
    def explain_weight(self, param: str, index) -> bool:
        """Ask for the chain rule of one weight ("fc1.weight", (2, 0)) or bias ("fc1.bias", (2,))."""
        w = self.window
        if not self.resting:
            w.statusBar().showMessage(self.tr("Pause training to see a weight's gradient by the chain rule"), 5000)
            return False
        index = tuple(int(i) for i in index)
        w.networkView.select_weight(param, index)
        self.show_panel()
        w.controller.explain_weight(param, index)
        return True

    @Slot(str)
    def on_parameter_clicked(self, param: str) -> None:
        """A parameter node of the graph: the weight marked in the network view if it is one of
        this parameter's, else its first element ([0, 0] of a weight, [0] of a bias)."""
        marked = self.window.networkView.selected_weight()
        if marked is not None and marked[0] == param:
            index = marked[1]
        else:
            index = (0, 0) if param.endswith(".weight") else (0,)
        if self.resting:
            self.explain_weight(param, index)

    @Slot(bool)
    def set_panel_visible(self, on: bool) -> None:
        self.window.iterationPanel.setVisible(on)

    def show_panel(self) -> None:
        self.window.iterationPanelAction.setChecked(True)

    @Slot()
    def close_panel(self) -> None:
        self.window.iterationPanelAction.setChecked(False)

    def interrupt(self) -> None:
        """A run, a Step, a reset or another network: back to the views of the latest step."""
        self.window.graphView.end_phases()
        self.window.iterationPanel.interrupt()

    # -- engine events ----------------------------------------------------------------------
    @Slot(object)
    def on_phase(self, report) -> None:
        w = self.window
        w.graphView.show_phase(report)
        w.iterationPanel.show_phase(report)
        if report.update is not None:
            w.networkView.select_weight(report.update.param, tuple(report.update.index))
        self.show_panel()
        w.phaseChanged.emit(report.phase)

    @Slot(object)
    def on_gradient(self, event) -> None:
        e = event.explanation
        self.window.iterationPanel.show_explanation(e)
        self.window.networkView.select_weight(e.param, tuple(e.index))
        self.show_panel()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            w = self.window
            w.sideColumn.setVisible(not w.lessonPanel.isHidden() or not w.iterationPanel.isHidden())
        return False


__all__ = ["IterationFlow"]
