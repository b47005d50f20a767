"""The main window: controls on the left, the live views on the right, status at the bottom.

It lays out the panels and views (which never import each other), and wires them to the
``EngineClient``: controls send commands, engine events update what is shown. It holds no
training state of its own beyond what it shows, and never a tensor. File flows live in
``ui/files.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.core.config import TrainConfig
from playground.core.devices import known_devices
from playground.core.presets import get_preset, load_presets
from playground.engine.protocol import ModelChange, RunState
from playground.ui.client import EngineClient
from playground.ui.data_flow import DataFlow, data_features
from playground.ui.drop import install as accept_drops
from playground.ui.files import FileFlows
from playground.ui.iteration_flow import IterationFlow
from playground.ui.iteration_panel import IterationPanel
from playground.ui.language import current_language, normalize, save_language, set_language
from playground.ui.lesson_panel import LessonPanel
from playground.ui.lessons_flow import LessonFlow
from playground.ui.menus import build_menus
from playground.ui.panes import ViewArea
from playground.ui.presenter import Presenter
from playground.ui.runs import RunHistory
from playground.ui.settings import restore_geometry, save_geometry
from playground.ui.sidebar import Sidebar
from playground.ui.status_area import StatusArea
from playground.ui.theme import DANGER, em


class MainWindow(QMainWindow):
    trainingFinished = Signal(dict)  # once per run: the same keys as `playground train --json`
    languageChanged = Signal(object)  # the new window that replaced this one, in the new language
    phaseChanged = Signal(str)  # a phase of one mini-batch was shown: forward, loss, zero_grad, backward, step

    def __init__(self, preset: str | None = None, parent: QWidget | None = None,
                 controller: EngineClient | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PyTorch Playground"))
        self.presets = load_presets()
        if controller is None:
            name = preset if preset is not None else "circle"
            config = get_preset(name).config  # an unknown name: ConfigError listing the presets
            self.controller = EngineClient(config, preset=name, parent=self)
        else:  # another window hands its engine over (a language change rebuilds the window)
            name, config = controller.preset, controller.config
            self.controller = controller
            controller.setParent(self)
        self.files = FileFlows(self, self.controller)
        self._shown: object | None = None  # the ModelInfo the views show
        self._last_step = 0  # the step the views show
        self._engine_was_lost = False  # its banner waits for the new engine's network
        self._passing_notice = ""  # a status-bar message that the first snapshot of a run clears
        self._handed_over = False  # the engine went to a new window (language change)
        self._build(config, name)
        self._wire()
        self._on_state(self.controller.state.value)
        if controller is not None:
            controller.describe()
        self.remember_geometry = True  # off for --screenshot and tests that size the window themselves
        restore_geometry(self)

    # -- construction ---------------------------------------------------------------------
    def _build(self, config: TrainConfig, preset: str) -> None:
        self.sidebar = Sidebar(self.presets)
        side = self.sidebar
        self.controls = side.controls
        self.controls.set_config(config, preset)
        self.sidebar.fit_width()
        self.trainButton, self.stepButton, self.stopButton = side.trainButton, side.stepButton, side.stopButton
        self.phaseStepButton = side.phaseStepButton
        self.resetButton, self.exportButton, self.buttonBox = side.resetButton, side.exportButton, side.buttonBox
        self.speedInput, self.untilPausedInput = side.speedInput, side.untilPausedInput

        self.divergedBanner = QLabel(objectName="divergedBanner")
        self.divergedBanner.setWordWrap(True)
        self.divergedBanner.setStyleSheet(
            f"background: {DANGER}; color: white; padding: {em(self, 0.3)}px; border-radius: {em(self, 0.2)}px")
        self.divergedBanner.hide()

        self.viewArea = ViewArea()
        area = self.viewArea
        self.lossView, self.graphView, self.outputView, self.networkView = (
            area.lossView, area.graphView, area.outputView, area.networkView)
        self.panes, self.topRow, self.bottomRow = area.panes, area.topRow, area.bottomRow

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.divergedBanner)
        # the step line and progress bar, the metrics line, the epoch counter (ui/status_area.py)
        self.statusArea = StatusArea(self)
        status = self.statusArea
        self.epochCounter, self.metricsLabel = status.epochCounter, status.metricsLabel
        self.progressBar, self.statusLabel = status.progressBar, status.statusLabel
        right_layout.addWidget(self.epochCounter)  # presenter mode: the epoch, large, above the views
        right_layout.addWidget(self.viewArea, 1)
        right_layout.addWidget(self.metricsLabel)

        self.lessonPanel = LessonPanel()
        self.lessonPanel.setMinimumWidth(em(self, 14))
        self.lessonPanel.hide()
        self.iterationPanel = IterationPanel()  # one iteration phase by phase (ui/iteration_flow.py)
        self.iterationPanel.hide()
        # right of the views: the lesson above the iteration, as either is open
        self.sideColumn = QSplitter(Qt.Vertical, objectName="sideColumn")
        self.sideColumn.addWidget(self.lessonPanel)
        self.sideColumn.addWidget(self.iterationPanel)
        self.sideColumn.setChildrenCollapsible(False)
        self.sideColumn.hide()

        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.sidebar)
        split.addWidget(right)
        split.addWidget(self.sideColumn)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)

        self.presenter = Presenter(self)
        self.presenter.zoomChanged.connect(self.apply_zoom)
        self.presenter.presentingChanged.connect(self._on_presenting)
        self.lessons = LessonFlow(self)
        self.iterations = IterationFlow(self)
        self.data = DataFlow(self)  # your own data: import, draw, export (ui/data_flow.py)
        self.runs = RunHistory(self)  # earlier runs: faint curves, the loss pane's Runs tab (ui/runs.py)
        build_menus(self)
        accept_drops(self)  # dropped sessions, configs, weights and CSV files (ui/drop.py)
        self.apply_zoom()

    def _wire(self) -> None:
        c = self.controller
        self.trainButton.clicked.connect(self._on_train_clicked)
        self.stepButton.clicked.connect(self._on_step)
        self.stopButton.clicked.connect(c.stop)
        self.resetButton.clicked.connect(self._on_reset)
        self.exportButton.clicked.connect(self.export_dialog)
        self.controls.configChanged.connect(self._on_config)
        self.outputView.imagePicked.connect(c.inspect_image)  # the CNN page's test image: its feature maps
        self.sidebar.paceChanged.connect(c.set_pace)
        c.snapshotReady.connect(self._on_snapshot)
        c.viewsReady.connect(self._on_views)
        c.modelChanged.connect(self._on_model)
        c.configChanged.connect(self._on_pace)
        c.configRefused.connect(self.controls.set_config)  # the controls show what the engine kept
        c.runFinished.connect(self._on_finished)
        c.runFailed.connect(self._on_failed)
        c.notice.connect(self._on_notice)
        c.engineReady.connect(self._on_engine_ready)
        c.replied.connect(self._on_reply)
        c.stateChanged.connect(self._on_state)
        self.networkView.neuronHovered.connect(self.outputView.show_neuron)
        self.graphView.nodeSelected.connect(c.inspect_node)  # the live graph's histograms are for it
        self.iterations.wire()

    # -- user actions ---------------------------------------------------------------------
    @Slot()
    def _on_train_clicked(self) -> None:
        state = self.controller.state
        if state is RunState.RUNNING:
            self.controller.pause()
        elif state is RunState.PAUSED:
            self.iterations.interrupt()
            self.controller.resume()
        elif state is RunState.IDLE:
            self.divergedBanner.hide()
            self.iterations.interrupt()
            self.controller.train()

    @Slot()
    def _on_step(self) -> None:
        if self.controller.state in (RunState.IDLE, RunState.PAUSED):
            self.iterations.interrupt()
            self.controller.step()

    @Slot()
    def step_phase(self) -> None:
        """The next phase of one mini-batch (Phase ▸, Shift+N): ui/iteration_flow.py."""
        self.iterations.step_phase()

    def explain_weight(self, param: str, index: tuple[int, ...]) -> bool:
        """Ask for one weight's gradient by the chain rule (e.g. "fc1.weight", (2, 0)); False while training."""
        return self.iterations.explain_weight(param, index)

    @Slot()
    def _on_reset(self) -> None:
        if self.controller.state is RunState.IDLE:
            self.divergedBanner.hide()
            self.iterations.interrupt()
            self.controller.reset()

    @Slot(object)
    def _on_config(self, config: TrainConfig) -> None:
        self.controller.set_config(config, self.controls.preset)

    @Slot()
    def bring_back_previous(self) -> None:
        """Restore the trained network that the last settings change (or reset) replaced."""
        if self.controller.state is RunState.IDLE and self.undoAction.isEnabled():
            self.controller.bring_back()

    @Slot(bool)
    def set_live_views(self, on: bool) -> None:
        """Live views on or off, at once, also for a run in progress."""
        self.controller.set_live_views(on)

    # -- engine events --------------------------------------------------------------------
    @Slot(object)
    def _on_model(self, info) -> None:
        """Another network (or the same one, rewound): show it from scratch."""
        if info.reason is ModelChange.DATA:  # the same network, other points: ui/data_flow.py
            return
        before = self._shown
        self._shown = info
        if info.reason is not ModelChange.SHOWN:
            self.iterations.interrupt()
        self.lossView.clear(info.steps_per_epoch)
        if len(info.step_losses) or info.history:
            self.lossView.add(info.step_losses, info.history)
        self.statusArea.show_model(info)
        if info.reason is not ModelChange.WEIGHTS:
            if not self._engine_was_lost:  # that banner stays until the user acts (Train, Reset)
                self.divergedBanner.hide()
            self._engine_was_lost = False
            self.outputView.set_dataset(info.dataset)
            if tuple(self.networkView.sizes) != tuple(info.sizes):
                self.networkView.set_architecture(list(info.sizes))
            if before is None or _structure(before.config) != _structure(info.config):
                self.graphView.clear()
        self.controls.set_data_features(data_features(info))
        if (self.controls.config, self.controls.preset) != (info.config, info.preset):
            self.controls.set_config(info.config, info.preset)
            self.sidebar.watch_number_boxes()
        self.undoAction.setEnabled(info.previous_steps is not None)
        if info.reason is ModelChange.BROUGHT_BACK:
            self.statusBar().showMessage(self.tr("Brought back the trained network ({0} steps)").format(info.step),
                                         8000)
        elif info.reason in (ModelChange.NEW, ModelChange.RESET, ModelChange.OPENED) and \
                self._last_step > 0 and info.previous_steps == self._last_step:
            self.statusBar().showMessage(self.tr(
                "New network. The trained one ({0} steps) is kept: Edit > Bring back (Ctrl+Z)").format(
                info.previous_steps), 10000)
        self._last_step = info.step

    @Slot(object)
    def _on_pace(self, event) -> None:
        """The engine applied a learning rate, epochs or batch size: show what trains now."""
        if (self.controls.config, self.controls.preset) != (event.config, event.preset):
            self.controls.set_config(event.config, event.preset)
        self.statusArea.show_progress(self.progressBar.value(), event.target_epochs)

    @Slot(object)
    def _on_views(self, event) -> None:
        if event.graph is not None:
            self.graphView.set_snapshot(event.graph)
        if event.views is not None:
            self._show_views(event.views)

    def _show_views(self, views) -> None:
        self.outputView.set_snapshot(views)
        self.networkView.set_snapshot(views)

    @Slot(object)
    def _on_snapshot(self, snap) -> None:
        if self._passing_notice and self.statusBar().currentMessage() == self._passing_notice:
            self.statusBar().clearMessage()  # "starting..." has passed: training is under way
        self._passing_notice = ""
        self._last_step = snap.step
        self.lossView.add(snap.new_step_losses, snap.new_epochs)
        self.statusArea.show_snapshot(snap)
        if "graph" in snap.extras:
            self.graphView.set_snapshot(snap.extras["graph"])
        if "views" in snap.extras:
            self._show_views(snap.extras["views"])

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state == RunState.STEPPING:  # a moment: keep the buttons as they are
            return
        in_run = state in (RunState.RUNNING, RunState.PAUSED)
        idle = state == RunState.IDLE
        self.controls.set_running(in_run)
        self.trainButton.setText({RunState.RUNNING: self.tr("Pause"), RunState.PAUSED: self.tr("Resume")}.get(
            RunState(state), self.tr("Train")))
        self.stopButton.setEnabled(in_run)
        for w in (self.stepButton, self.stepAction, self.phaseStepButton, self.phaseStepAction):
            w.setEnabled(state != RunState.RUNNING)
        if state == RunState.RUNNING:
            self.iterations.interrupt()
        self.resetButton.setEnabled(idle)
        for w in (self.exportButton, self.exportAction, self.saveAction):
            w.setEnabled(state != RunState.RUNNING)
        for w in (self.openAction, self.importAction):
            w.setEnabled(idle)
        self.undoAction.setEnabled(idle and self._shown is not None and self._shown.previous_steps is not None)
        if state == RunState.PAUSED:
            self.statusBar().showMessage(self.tr("Paused: press Space or Resume to go on, N for one step"))
        elif in_run:
            self.statusBar().clearMessage()

    @Slot()
    def _on_engine_ready(self) -> None:
        self.controls.set_devices(known_devices())  # what the engine's process found

    @Slot(str)
    def _on_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self._passing_notice = message

    @Slot(object)
    def _on_reply(self, reply) -> None:
        """A command nobody waits for was refused (e.g. a setting out of range): say why."""
        if not reply.ok and reply.in_reply_to not in self.controller.awaited:
            self.statusBar().showMessage(reply.message, 8000)

    @Slot(str, bool)
    def _on_failed(self, message: str, kept: bool) -> None:
        if kept:
            text = self.tr("Training stopped because of an unexpected error; the weights so far are kept. "
                           "Details: {0}").format(message)
        else:
            text = self.tr("Training stopped because of an unexpected error; the network is as it was after "
                           "the last finished run. Details: {0}").format(message)
            self._engine_was_lost = True
        self.divergedBanner.setText(text)
        self.divergedBanner.show()

    @Slot(dict)
    def _on_finished(self, summary: dict) -> None:
        self.lossView.redraw()  # the final points, without waiting for the timer
        status = summary["status"]
        if status == "diverged":
            lr = self.controller.config.learning_rate
            self.divergedBanner.setText(self.tr(
                "Training diverged at step {0}: the loss blew up (too large, or not a number), so training stopped and "
                "the last good weights were kept. Try a lower learning rate, e.g. {1:g}, then press Reset."
            ).format(summary["steps"] + 1, lr / 10))
            self.divergedBanner.show()
        elif status == "stopped":
            self.statusBar().showMessage(self.tr("Stopped after {0} steps").format(summary["steps"]), 5000)
        else:
            self.statusBar().showMessage(self.tr("Finished {0} epochs in {1:.1f} s").format(
                summary["epochs_run"], summary["seconds"]), 8000)
        self.lessons.check(summary)
        self.trainingFinished.emit(summary)

    # -- files (ui/files.py) ----------------------------------------------------------------
    @property
    def has_unsaved_work(self) -> bool:
        return self.files.has_unsaved_work

    @property
    def ask_before_closing(self) -> bool:
        return self.files.ask_before_closing

    @ask_before_closing.setter
    def ask_before_closing(self, on: bool) -> None:
        self.files.ask_before_closing = on

    @Slot()
    def export_dialog(self) -> str | None:
        """Ask where, then export the trained model; the format follows the extension."""
        return self.files.export_dialog() if self.controller.state is not RunState.RUNNING else None

    @Slot()
    def save_session_dialog(self) -> str | None:
        return self.files.save_session_dialog() if self.controller.state is not RunState.RUNNING else None

    def export_to(self, path) -> bool:
        """Write any export format without a dialog (the extension picks it); False after showing why not."""
        return self.files.export(str(path)) is not None

    def open_path(self, path) -> bool:
        """Open a session or a .json config without a dialog; False after showing why not."""
        return self.files.open_path(str(path))

    def import_weights(self, path) -> bool:
        return self.files.import_weights(str(path))

    # -- lessons, language, zoom ----------------------------------------------------------
    def open_lesson(self, lesson) -> bool:
        """Show a lesson (its name, a lesson file's path, or a Lesson) and load its settings."""
        return self.lessons.open(Path(lesson) if str(lesson).endswith(".json") else lesson)

    @Slot(str)
    def set_language(self, code: str) -> None:
        """Switch the window's language now (and for next time): the window is built again in it,
        with the same engine, network, lesson and zoom."""
        code = normalize(code)
        self.languageActions[code].setChecked(True)
        if code == current_language():
            return
        save_language(code)
        set_language(code)
        new = MainWindow(controller=self.controller)
        new.runs.take_over(self.runs)  # the compared runs stay
        new.remember_geometry = self.remember_geometry
        new.restoreGeometry(self.saveGeometry())
        new.presenter.set_zoom(self.presenter.zoom)
        if self.lessons.lesson is not None:
            new.lessons.show(self.lessons.lesson)
        self._handed_over = True
        new.show()
        self.close()
        self.deleteLater()
        self.languageChanged.emit(new)

    @Slot()
    def apply_zoom(self, *_) -> None:
        """Sizes this window fixed itself follow its font (views follow their own FontChange)."""
        self.statusArea.apply_zoom()
        self.divergedBanner.setStyleSheet(
            f"background: {DANGER}; color: white; padding: {em(self, 0.3)}px; border-radius: {em(self, 0.2)}px")
        self.lessonPanel.setMinimumWidth(em(self, 14))
        self.sidebar.fit_width()

    @Slot(bool)
    def _on_presenting(self, on: bool) -> None:
        self.epochCounter.setVisible(on)
        self.sidebar.set_compact(on)
        split = self.centralWidget()
        sizes = split.sizes()
        spare = sizes[0] - self.sidebar.minimumWidth()
        if on and spare > 0:  # the room the settings leave goes to the views
            split.setSizes([sizes[0] - spare, sizes[1] + spare, *sizes[2:]])

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self._handed_over:  # the engine lives on in the window that took over
            super().closeEvent(event)
            return
        if self.files.writing:  # a file is being written: it ends on its own in a moment
            event.ignore()
            return
        answer = self.files.ask_to_save()
        if answer == QMessageBox.Cancel:
            event.ignore()
            return
        if answer == QMessageBox.Save:
            if self.controller.state is RunState.RUNNING:
                self.controller.pause()  # a session is saved between two steps
            if self.save_session_dialog() is None:
                event.ignore()
                return
        if self.remember_geometry:
            save_geometry(self)
        self.controller.shutdown()
        super().closeEvent(event)


def _structure(config: TrainConfig) -> tuple:
    """What shapes the autograd graph: the same structure keeps the graph's layout."""
    return config.dataset, config.hidden, config.activation, config.model


__all__ = ["MainWindow"]
