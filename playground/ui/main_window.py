"""The main window: controls on the left, the live views on the right, status at the bottom.

It lays out the panels and views (which never import each other), and wires them to the
``EngineClient``: controls send commands, engine events update what is shown. It holds no
training state of its own beyond what it shows, and never a tensor. File flows live in
``ui/files.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground import __version__
from playground.core.config import TrainConfig
from playground.core.presets import get_preset, load_presets
from playground.engine.protocol import ModelChange, RunState
from playground.ui.client import EngineClient
from playground.ui.controls import ControlPanel
from playground.ui.files import FileFlows
from playground.ui.panes import ViewArea
from playground.ui.theme import DANGER, em


class MainWindow(QMainWindow):
    trainingFinished = Signal(dict)  # once per run: the same keys as `playground train --json`

    def __init__(self, preset: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PyTorch Playground"))
        self.presets = load_presets()
        name = preset if preset is not None else "circle"
        config = get_preset(name).config  # an unknown name: ConfigError listing the presets
        self.controller = EngineClient(config, preset=name, parent=self)
        self.files = FileFlows(self, self.controller)
        self._shown: object | None = None  # the ModelInfo the views show
        self._last_step = 0  # the step the views show
        self._engine_was_lost = False  # its banner waits for the new engine's network
        self._passing_notice = ""  # a status-bar message that the first snapshot of a run clears
        self._build(config, name)
        self._wire()
        self._on_state(RunState.IDLE.value)
        self.remember_geometry = True  # off for --screenshot and tests that size the window themselves
        self._restore_geometry()

    # -- construction ---------------------------------------------------------------------
    def _build(self, config: TrainConfig, preset: str) -> None:
        self.controls = ControlPanel(self.presets)
        self.controls.set_config(config, preset)

        self.trainButton = QPushButton(self.tr("Train"), objectName="trainButton")
        self.trainButton.setToolTip(self.tr("Start training (Space); while training: pause and resume"))
        self.stepButton = QPushButton(self.tr("Step"), objectName="stepButton")
        self.stepButton.setToolTip(self.tr("Train on one mini-batch: forward, backward, step (N)"))
        self.stopButton = QPushButton(self.tr("Stop"), objectName="stopButton")
        self.stopButton.setToolTip(self.tr("Stop training (Esc); the weights are kept"))
        self.resetButton = QPushButton(self.tr("Reset"), objectName="resetButton")
        self.resetButton.setToolTip(self.tr("New initial weights from the seed (R); the same seed gives the same start"))
        self.exportButton = QPushButton(self.tr("Export..."), objectName="exportButton")
        self.exportButton.setToolTip(self.tr(
            "Save the trained weights (.safetensors, .pt), the model (.onnx, .pt2), a script that "
            "reproduces the run (.py), the config (.json) or the whole session (Ctrl+E)"))
        self.trainButton.setDefault(True)
        buttons = QGridLayout()
        buttons.addWidget(self.trainButton, 0, 0, 1, 2)
        buttons.addWidget(self.stepButton, 1, 0)
        buttons.addWidget(self.stopButton, 1, 1)
        buttons.addWidget(self.resetButton, 2, 0)
        buttons.addWidget(self.exportButton, 2, 1)
        self.buttonBox = QWidget()
        self.buttonBox.setLayout(buttons)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.buttonBox)
        left_layout.addWidget(self.controls, 1)
        scroll = QScrollArea(objectName="controlsScroll")
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width())

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
        right_layout.addWidget(self.viewArea, 1)
        # the latest epoch's losses and accuracies: under the views, where a long line has room
        self.metricsLabel = QLabel(objectName="metricsLabel")
        self.metricsLabel.setWordWrap(True)
        self.metricsLabel.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        right_layout.addWidget(self.metricsLabel)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        self.setCentralWidget(split)

        self.progressBar = QProgressBar(objectName="progressBar")
        self.progressBar.setMaximumWidth(em(self, 12))
        self.progressBar.setFormat(self.tr("epoch %v of %m"))
        self.statusLabel = QLabel(objectName="statusLabel")
        # as wide as its longest text from the start: the window must not widen when training starts
        longest = self.tr("step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}").format(
            999_999, 99_999, 999, 59, 0.00001)
        self.statusLabel.setMinimumWidth(self.statusLabel.fontMetrics().horizontalAdvance(longest) + em(self, 0.5))
        # Permanent widgets stay visible while a message shows on the left.
        self.statusBar().addPermanentWidget(self.statusLabel)
        self.statusBar().addPermanentWidget(self.progressBar)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.openAction = QAction(self.tr("&Open session or config..."), self, shortcut=QKeySequence.Open,
                                  triggered=self.files.open_dialog)
        self.saveAction = QAction(self.tr("&Save session..."), self, shortcut=QKeySequence.Save,
                                  triggered=self.save_session_dialog)
        self.exportAction = QAction(self.tr("&Export..."), self, shortcut="Ctrl+E", triggered=self.export_dialog)
        self.importAction = QAction(self.tr("&Import weights..."), self, shortcut="Ctrl+I",
                                    triggered=self.files.import_weights_dialog)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.Quit, triggered=self.close)
        for action in (self.openAction, self.saveAction, None, self.exportAction, self.importAction, None,
                       quit_action):
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        self.fileMenu = file_menu

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undoAction = QAction(self.tr("&Bring back the trained network"), self, shortcut=QKeySequence.Undo,
                                  triggered=self.bring_back_previous, enabled=False)
        self.undoAction.setToolTip(self.tr("Undo the settings change that started a new network"))
        edit_menu.addAction(self.undoAction)

        train_menu = self.menuBar().addMenu(self.tr("&Train"))
        self.trainAction = QAction(self.tr("Train / Pause / Resume"), self, shortcut=Qt.Key_Space,
                                   triggered=self._on_train_clicked)
        self.stepAction = QAction(self.tr("One step"), self, shortcut=Qt.Key_N, triggered=self._on_step)
        self.stopAction = QAction(self.tr("Stop"), self, shortcut=Qt.Key_Escape, triggered=self.controller.stop)
        self.resetAction = QAction(self.tr("Reset weights"), self, shortcut=Qt.Key_R, triggered=self._on_reset)
        for action in (self.trainAction, self.stepAction, self.stopAction, self.resetAction):
            action.setShortcutContext(Qt.WindowShortcut)
            train_menu.addAction(action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.liveViewsAction = QAction(self.tr("&Live graph and output while training"), self, checkable=True,
                                       checked=True, shortcut="Ctrl+L", toggled=self.set_live_views)
        self.liveViewsAction.setObjectName("liveViewsAction")
        self.liveViewsAction.setToolTip(self.tr(
            "Update the graph, output and network views during training; off trains faster on slow computers "
            "and shows them when training stops"))
        view_menu.addAction(self.liveViewsAction)
        view_menu.addSeparator()
        for pane in self.panes:
            action = QAction(self.tr("Maximize {0}").format(pane.name), self, checkable=True)
            action.toggled.connect(pane.maxButton.setChecked)
            pane.maxButton.toggled.connect(action.setChecked)
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(QAction(self.tr("&About"), self, triggered=self._about))

    def _wire(self) -> None:
        c = self.controller
        self.trainButton.clicked.connect(self._on_train_clicked)
        self.stepButton.clicked.connect(self._on_step)
        self.stopButton.clicked.connect(c.stop)
        self.resetButton.clicked.connect(self._on_reset)
        self.exportButton.clicked.connect(self.export_dialog)
        self.controls.configChanged.connect(self._on_config)
        c.snapshotReady.connect(self._on_snapshot)
        c.viewsReady.connect(self._on_views)
        c.modelChanged.connect(self._on_model)
        c.configChanged.connect(self._on_pace)
        c.runFinished.connect(self._on_finished)
        c.runFailed.connect(self._on_failed)
        c.notice.connect(self._on_notice)
        c.replied.connect(self._on_reply)
        c.stateChanged.connect(self._on_state)
        self.networkView.neuronHovered.connect(self.outputView.show_neuron)

    # -- user actions ---------------------------------------------------------------------
    @Slot()
    def _on_train_clicked(self) -> None:
        state = self.controller.state
        if state is RunState.RUNNING:
            self.controller.pause()
        elif state is RunState.PAUSED:
            self.controller.resume()
        elif state is RunState.IDLE:
            self.divergedBanner.hide()
            self.controller.train()

    @Slot()
    def _on_step(self) -> None:
        if self.controller.state in (RunState.IDLE, RunState.PAUSED):
            self.controller.step()

    @Slot()
    def _on_reset(self) -> None:
        if self.controller.state is RunState.IDLE:
            self.divergedBanner.hide()
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
        before = self._shown
        self._shown = info
        self.lossView.clear(info.steps_per_epoch)
        if len(info.step_losses) or info.history:
            self.lossView.add(info.step_losses, info.history)
        self._show_progress(info.epoch, info.target_epochs)
        self._show_metrics(info.history[-1] if info.history else None)
        self.statusLabel.setText(self.tr("step {0} - epoch {1}").format(info.step, info.epoch))
        if info.reason is not ModelChange.WEIGHTS:
            if not self._engine_was_lost:  # that banner stays until the user acts (Train, Reset)
                self.divergedBanner.hide()
            self._engine_was_lost = False
            self.outputView.set_dataset(info.dataset)
            if tuple(self.networkView.sizes) != tuple(info.sizes):
                self.networkView.set_architecture(list(info.sizes))
            if before is None or _structure(before.config) != _structure(info.config):
                self.graphView.clear()
        if (self.controls.config, self.controls.preset) != (info.config, info.preset):
            self.controls.set_config(info.config, info.preset)
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
        self._show_progress(self.progressBar.value(), event.target_epochs)

    @Slot(object)
    def _on_views(self, event) -> None:
        if event.graph is not None:
            self.graphView.set_snapshot(event.graph)
        if event.views is not None:
            self._show_views(event.views)

    def _show_views(self, views) -> None:
        self.outputView.set_snapshot(views)
        self.networkView.set_snapshot(views)

    def _show_progress(self, epoch: int, target: int) -> None:
        self.progressBar.setRange(0, max(target, epoch, 1))
        self.progressBar.setValue(epoch)

    @Slot(object)
    def _on_snapshot(self, snap) -> None:
        if self._passing_notice and self.statusBar().currentMessage() == self._passing_notice:
            self.statusBar().clearMessage()  # "starting..." has passed: training is under way
        self._passing_notice = ""
        self._last_step = snap.step
        self.lossView.add(snap.new_step_losses, snap.new_epochs)
        self._show_progress(snap.epoch, snap.target_epochs)
        minutes, seconds = divmod(int(snap.elapsed), 60)
        self.statusLabel.setText(self.tr("step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}").format(
            snap.step, snap.steps_per_second, minutes, seconds, snap.learning_rate))
        if snap.new_epochs:
            self._show_metrics(snap.new_epochs[-1])
        if "graph" in snap.extras:
            self.graphView.set_snapshot(snap.extras["graph"])
        if "views" in snap.extras:
            self._show_views(snap.extras["views"])

    def _show_metrics(self, m) -> None:
        if m is None:
            self.metricsLabel.setText("")
            return
        text = self.tr("train loss {0:.4f}   test loss {1:.4f}").format(m.train_loss, m.test_loss)
        if m.test_accuracy is not None:
            text += self.tr("   train accuracy {0:.1%}   test accuracy {1:.1%}").format(m.train_accuracy, m.test_accuracy)
        self.metricsLabel.setText(text)

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
        self.stepButton.setEnabled(state != RunState.RUNNING)
        self.stepAction.setEnabled(state != RunState.RUNNING)
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
                "Training diverged at step {0}: the loss stopped being a finite number, so training stopped and "
                "the last good weights were kept. Try a lower learning rate, e.g. {1:g}, then press Reset."
            ).format(summary["steps"] + 1, lr / 10))
            self.divergedBanner.show()
        elif status == "stopped":
            self.statusBar().showMessage(self.tr("Stopped after {0} steps").format(summary["steps"]), 5000)
        else:
            self.statusBar().showMessage(self.tr("Finished {0} epochs in {1:.1f} s").format(
                summary["epochs_run"], summary["seconds"]), 8000)
        self.trainingFinished.emit(summary)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About PyTorch Playground"), self.tr(
            "<b>PyTorch Playground {0}</b><p>Watch real PyTorch train a neural network: the training loop, the "
            "autograd graph and what the network learns.</p>").format(__version__))

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

    # -- geometry -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """Where the window was last time (maximized included); else most of the screen."""
        saved = settings().value("window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            return
        if QGuiApplication.platformName() == "offscreen":  # no screen to fill: a fixed size, same every time
            self.resize(em(self, 64), em(self, 36))
            return
        screen = self.screen().availableGeometry()
        self.resize(max(min(screen.width(), em(self, 64)), round(screen.width() * 0.9)),
                    max(min(screen.height(), em(self, 36)), round(screen.height() * 0.9)))
        if screen.width() <= 1366 or screen.height() <= 800:  # a projector or a laptop: all of it
            self.setWindowState(self.windowState() | Qt.WindowMaximized)

    def _save_geometry(self) -> None:
        if self.remember_geometry:
            settings().setValue("window/geometry", self.saveGeometry())

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
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
        self._save_geometry()
        self.controller.shutdown()
        super().closeEvent(event)


def _structure(config: TrainConfig) -> tuple:
    """What shapes the autograd graph: the same structure keeps the graph's layout."""
    return config.dataset, config.hidden, config.activation


def settings() -> QSettings:
    """The user's settings (window geometry, ...): one place, whatever the QApplication's names."""
    return QSettings("PyTorch Playground", "PyTorch Playground")


__all__ = ["MainWindow", "settings"]
