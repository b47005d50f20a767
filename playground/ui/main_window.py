"""The main window: controls on the left, the live views on the right, status at the bottom.

It composes the panels and views (which never import each other) and wires them to the
``TrainingController``; it holds no training logic of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground import __version__
from playground.core.config import ConfigError, TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.presets import get_preset, load_presets
from playground.core.probe import preview_snapshot
from playground.core.runner import FunctionProbe, GraphTrainProbe, TrainSnapshot
from playground.io import export as exporting
from playground.io import session as sessions
from playground.io.weights import load_weights
from playground.ui.busy import run_busy
from playground.ui.controls import ControlPanel
from playground.ui.graph_view import GraphPanel
from playground.ui.loss_plot import LossPlot
from playground.ui.network_view import NetworkView
from playground.ui.output_view import OutputView
from playground.ui.style import DANGER, em
from playground.ui.worker import TrainingController


class Pane(QWidget):
    """A titled frame around one view, with a button that maximizes it inside the window."""

    maximizeToggled = Signal(bool)

    def __init__(self, title: str, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.name = title
        self.title = QLabel(f"<b>{title}</b>")
        self.maxButton = QToolButton(checkable=True, text="\u2922", autoRaise=True)
        self.maxButton.setToolTip(self.tr("Maximize this view (click again to restore)"))
        self.maxButton.toggled.connect(self.maximizeToggled)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.maxButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em(self, 0.2), em(self, 0.2), em(self, 0.2), em(self, 0.2))
        layout.setSpacing(em(self, 0.15))
        layout.addLayout(head)
        layout.addWidget(view, 1)


class MainWindow(QMainWindow):
    trainingFinished = Signal(dict)  # once per run: the same keys as `playground train --json`

    def __init__(self, preset: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PyTorch Playground"))
        self.presets = load_presets()
        name = preset if preset is not None else "circle"
        config = get_preset(name).config  # an unknown name: ConfigError listing the presets
        self.controller = TrainingController(config, preset=name, parent=self)
        self.live_probes = {"graph": GraphTrainProbe(), "views": FunctionProbe(snapshot_views)}
        self.controller.probes = dict(self.live_probes)
        self._last_dir = Path.home()
        self._saved_marker: tuple[int, int] | None = None
        self._previous = None  # a trained network that a settings change replaced (Edit > Bring back)
        self._busy = False  # an export is writing its file (in a thread, see ui/busy.py)
        self._passing_notice = ""  # a status-bar message that the first snapshot of a run clears
        self.ask_before_closing = True  # offer to save trained work on close (off for --screenshot)
        self._build(config, name)
        self._wire()
        self._on_trainer_replaced(self.controller.trainer)
        self._on_state("idle")
        self.resize(em(self, 64), em(self, 36))

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

        self.lossView = LossPlot()
        self.graphView = GraphPanel()
        self.outputView = OutputView()
        self.networkView = NetworkView()
        self.panes = [Pane(self.tr("Loss"), self.lossView),
                      Pane(self.tr("Computation graph (loss.grad_fn)"), self.graphView),
                      Pane(self.tr("Output"), self.outputView),
                      Pane(self.tr("Network"), self.networkView)]
        self.viewArea = QSplitter(Qt.Vertical)
        self.topRow = QSplitter(Qt.Horizontal)
        self.bottomRow = QSplitter(Qt.Horizontal)
        self.topRow.addWidget(self.panes[0])
        self.topRow.addWidget(self.panes[1])
        self.bottomRow.addWidget(self.panes[2])
        self.bottomRow.addWidget(self.panes[3])
        self.viewArea.addWidget(self.topRow)
        self.viewArea.addWidget(self.bottomRow)
        for pane in self.panes:
            pane.maximizeToggled.connect(self._on_maximize)
        # proportions, not pixels: the splitters scale them to whatever room there is
        self.viewArea.setSizes([1000, 1000])
        self.topRow.setSizes([900, 1100])
        self.bottomRow.setSizes([1000, 1000])

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.divergedBanner)
        right_layout.addWidget(self.viewArea, 1)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        self.setCentralWidget(split)

        self.progressBar = QProgressBar(objectName="progressBar")
        self.progressBar.setMaximumWidth(em(self, 12))
        self.progressBar.setFormat(self.tr("epoch %v of %m"))
        self.statusLabel = QLabel(objectName="statusLabel")
        self.metricsLabel = QLabel(objectName="metricsLabel")
        # Permanent widgets stay visible while a message shows on the left.
        self.statusBar().addPermanentWidget(self.metricsLabel)
        self.statusBar().addPermanentWidget(self.statusLabel)
        self.statusBar().addPermanentWidget(self.progressBar)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.openAction = QAction(self.tr("&Open session or config..."), self, shortcut=QKeySequence.Open,
                                  triggered=self._on_open)
        self.saveAction = QAction(self.tr("&Save session..."), self, shortcut=QKeySequence.Save,
                                  triggered=self.save_session_dialog)
        self.exportAction = QAction(self.tr("&Export..."), self, shortcut="Ctrl+E", triggered=self.export_dialog)
        self.importAction = QAction(self.tr("&Import weights..."), self, shortcut="Ctrl+I",
                                    triggered=self._on_import_weights)
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
        self.stepAction = QAction(self.tr("One step"), self, shortcut=Qt.Key_N, triggered=self.controller.step)
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
        self.stepButton.clicked.connect(c.step)
        self.stopButton.clicked.connect(c.stop)
        self.resetButton.clicked.connect(self._on_reset)
        self.exportButton.clicked.connect(self.export_dialog)
        self.controls.configChanged.connect(self._on_config)
        c.snapshotReady.connect(self._on_snapshot)
        c.runFinished.connect(self._on_finished)
        c.runFailed.connect(self._on_failed)
        c.notice.connect(self._on_notice)
        c.stateChanged.connect(self._on_state)
        c.trainerReplaced.connect(self._on_trainer_replaced)
        self.networkView.neuronHovered.connect(self.outputView.show_neuron)

    # -- reactions ------------------------------------------------------------------------
    @Slot()
    def _on_train_clicked(self) -> None:
        state = self.controller.state
        if state == "running":
            self.controller.pause()
        elif state == "paused":
            self.controller.resume()
        elif state == "idle":
            self.divergedBanner.hide()
            self.controller.train()

    @Slot()
    def _on_reset(self) -> None:
        if self.controller.state == "idle":
            self.divergedBanner.hide()
            self.controller.reset()

    @Slot(object)
    def _on_config(self, config: TrainConfig) -> None:
        old = self.controller.trainer
        try:
            self.controller.set_config(config, self.controls.preset)
        except (ConfigError, RuntimeError) as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        if self.controller.trainer is not old and old.step_count > 0:
            # A new network replaced a trained one: keep the trained one a step away (Ctrl+Z).
            self._previous = old
            self.undoAction.setEnabled(True)
            self.statusBar().showMessage(self.tr(
                "New network. The trained one ({0} steps) is kept: Edit > Bring back (Ctrl+Z)").format(old.step_count),
                10000)

    @Slot()
    def bring_back_previous(self) -> None:
        """Restore the trained network that the last settings change replaced."""
        previous = self._previous
        if previous is None or self.controller.state != "idle":
            return
        current = self.controller.trainer
        self.controller.replace_trainer(previous)
        self.controls.set_config(previous.config, previous.preset)
        # the one just left becomes the one to come back to, if it had trained
        self._previous = current if current.step_count > 0 else None
        self.undoAction.setEnabled(self._previous is not None)
        self.statusBar().showMessage(self.tr("Brought back the trained network ({0} steps)").format(
            previous.step_count), 8000)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        running = state in ("running", "paused", "stepping")
        self.controls.set_running(running)
        self.trainButton.setText({"running": self.tr("Pause"), "paused": self.tr("Resume")}.get(state, self.tr("Train")))
        self.stopButton.setEnabled(running)
        self.stepButton.setEnabled(state == "idle")
        self.resetButton.setEnabled(state == "idle")
        for w in (self.exportButton, self.exportAction, self.saveAction, self.openAction, self.importAction):
            w.setEnabled(state == "idle")
        if state == "paused":
            self.statusBar().showMessage(self.tr("Paused: press Space or Resume to go on"))
        elif running:
            self.statusBar().clearMessage()

    @Slot(object)
    def _on_trainer_replaced(self, trainer) -> None:
        self.lossView.clear(trainer.steps_per_epoch)
        if trainer.step_losses or trainer.history:
            self.lossView.add(trainer.step_losses, trainer.history)
        self.progressBar.setRange(0, trainer.config.epochs)
        self.progressBar.setValue(min(trainer.epoch, trainer.config.epochs))
        self._show_metrics(trainer.history[-1] if trainer.history else None)
        self.statusLabel.setText(self.tr("step {0} - epoch {1}").format(trainer.step_count, trainer.epoch))
        self.outputView.set_dataset(trainer.dataset)
        self.networkView.set_architecture(list(trainer.model.sizes))
        self.graphView.clear()
        self._refresh_views(trainer)

    def _refresh_views(self, trainer, views_if_stale: bool = False) -> None:
        """Graph and views as the weights stand now (idle only: the GUI thread may touch the trainer).

        ``views_if_stale``: keep output and network views that already show this step (the run's
        last snapshot carries them; for the largest networks computing them again takes a second)."""
        graph = preview_snapshot(trainer)
        if graph is not None:
            self.graphView.set_snapshot(graph)
        shown = self.outputView.snapshot
        if not views_if_stale or shown is None or shown.step != trainer.step_count:
            self._show_views(snapshot_views(trainer))

    def _show_views(self, views) -> None:
        self.outputView.set_snapshot(views)
        self.networkView.set_snapshot(views)

    @Slot(object)
    def _on_snapshot(self, snap: TrainSnapshot) -> None:
        if self._passing_notice and self.statusBar().currentMessage() == self._passing_notice:
            self.statusBar().clearMessage()  # "starting..." has passed: training is under way
        self._passing_notice = ""
        self.lossView.add(snap.new_step_losses, snap.new_epochs)
        self.progressBar.setRange(0, snap.target_epochs)
        self.progressBar.setValue(min(snap.epoch, snap.target_epochs))
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
    def _on_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self._passing_notice = message if self.controller.busy else ""

    @Slot(str, bool)
    def _on_failed(self, message: str, kept: bool) -> None:
        if kept:
            text = self.tr("Training stopped because of an unexpected error; the weights so far are kept. "
                           "Details: {0}").format(message)
        else:
            text = self.tr("Training stopped because of an unexpected error; the network is as it was before "
                           "this run. Details: {0}").format(message)
            self._on_trainer_replaced(self.controller.trainer)  # plots and views back to that network
        self.divergedBanner.setText(text)
        self.divergedBanner.show()

    @Slot(dict)
    def _on_finished(self, summary: dict) -> None:
        self.lossView.redraw()  # the final points, without waiting for the timer
        self._refresh_views(self.controller.trainer, views_if_stale=True)
        status = summary["status"]
        if status == "diverged":
            lr = self.controller.trainer.learning_rate
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

    @Slot(bool)
    def set_live_views(self, on: bool) -> None:
        """Live views on or off; applies from the next run (or step)."""
        self.controller.probes = dict(self.live_probes) if on else {}

    @Slot(bool)
    def _on_maximize(self, on: bool) -> None:
        """One view fills the view area; unchecking its button (or the menu item) restores all."""
        sender = self.sender()
        if on:
            for pane in self.panes:
                if pane is not sender and pane.maxButton.isChecked():
                    pane.maxButton.setChecked(False)
        maximized = next((p for p in self.panes if p.maxButton.isChecked()), None)
        for pane in self.panes:
            pane.setVisible(maximized is None or pane is maximized)
        for row in (self.topRow, self.bottomRow):
            row.setVisible(maximized is None or maximized in _children(row))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About PyTorch Playground"), self.tr(
            "<b>PyTorch Playground {0}</b><p>Watch real PyTorch train a neural network: the training loop, the "
            "autograd graph and what the network learns.</p>").format(__version__))

    # -- files ----------------------------------------------------------------------------
    @property
    def has_unsaved_work(self) -> bool:
        """Trained steps that no export or session save has captured."""
        t, steps = self.controller.trainer, self.controller.step_count
        return steps > 0 and self._saved_marker != (id(t), steps)

    def _mark_saved(self) -> None:
        t = self.controller.trainer
        self._saved_marker = (id(t), t.step_count)

    def _error(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self, title, str(error.message if isinstance(error, ConfigError) else error))

    def _save_path(self, title: str, name: str, filters: list[str]) -> str | None:
        """Ask for a file to write; confirm before overwriting. None when cancelled."""
        path, chosen = QFileDialog.getSaveFileName(self, title, str(self._last_dir / name), ";;".join(filters),
                                                   filters[0], QFileDialog.DontConfirmOverwrite)
        if not path:
            return None
        if not Path(path).suffix:  # take the extension of the chosen filter
            ext = chosen[chosen.find("*") + 1:chosen.find(")")] if "*" in chosen else ""
            path += ext
        if Path(path).exists():
            answer = QMessageBox.question(
                self, self.tr("Replace file?"),
                self.tr("{0} already exists. Replace it?").format(Path(path).name),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return None
        self._last_dir = Path(path).parent
        return path

    def _default_name(self) -> str:
        return self.controller.preset or self.controller.trainer.config.dataset

    @Slot()
    def export_dialog(self) -> str | None:
        """Export the trained model; the format follows the extension. Returns the path written."""
        if self.controller.state != "idle":
            return None
        filters = [f"{self.tr(desc)} (*{ext})" for ext, desc in exporting.FORMATS.items()]
        path = self._save_path(self.tr("Export"), self._default_name() + exporting.DEFAULT_EXTENSION, filters)
        if path is None:
            return None
        self.statusBar().showMessage(self.tr("Exporting {0}...").format(Path(path).name))
        trainer = self.controller.trainer
        self._busy = True  # closing waits for the file
        try:  # in a thread: the first ONNX export takes seconds, and the window keeps painting
            written = run_busy(self, self.tr("Exporting {0}...").format(Path(path).name),
                               lambda: exporting.export(trainer, path))
        except Exception as e:  # ConfigError names what went wrong; anything else still gets a message
            self.statusBar().clearMessage()
            self._error(self.tr("Export failed"), e)
            return None
        finally:
            self._busy = False
        if Path(written).suffix.lower() != ".json":
            self._mark_saved()
        self.statusBar().showMessage(self.tr("Saved {0}").format(written), 8000)
        return str(written)

    @Slot()
    def save_session_dialog(self) -> str | None:
        if self.controller.state != "idle":
            return None
        ext = sessions.SESSION_EXTENSION
        path = self._save_path(self.tr("Save session"), self._default_name() + ext,
                               [self.tr("Playground session (*{0})").format(ext)])
        if path is None:
            return None
        try:
            written = sessions.save_session(self.controller.trainer, path)
        except ConfigError as e:
            self._error(self.tr("Saving the session failed"), e)
            return None
        self._mark_saved()
        self.statusBar().showMessage(self.tr("Saved session {0}").format(written), 8000)
        return str(written)

    @Slot()
    def _on_open(self) -> None:
        if self.controller.state != "idle" or not self._maybe_keep_work():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open session or config"), str(self._last_dir),
            self.tr("Sessions and configs (*{0} *.json);;All files (*)").format(sessions.SESSION_EXTENSION))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a session (config, weights, history) or a .json config. False, with a message, on failure."""
        self._last_dir = Path(path).parent
        if Path(path).suffix.lower() == ".json":
            try:
                config = sessions.load_config(path)
                self.controller.set_config(config, None)
            except (ConfigError, RuntimeError) as e:
                self._error(self.tr("Cannot open config"), e)
                return False
            self.controls.set_config(config, None)
            self.statusBar().showMessage(self.tr("Loaded config {0}").format(path), 8000)
            return True
        return self.open_session(path)

    def open_session(self, path: str) -> bool:
        try:
            trainer = sessions.load_session(path)
            self.controller.replace_trainer(trainer)
        except (ConfigError, RuntimeError) as e:
            self._error(self.tr("Cannot open session"), e)
            return False
        self.controls.set_config(trainer.config, trainer.preset)
        self._mark_saved()
        self.statusBar().showMessage(self.tr("Opened session {0}: step {1}, epoch {2}").format(
            path, trainer.step_count, trainer.epoch), 8000)
        return True

    @Slot()
    def _on_import_weights(self) -> None:
        if self.controller.state != "idle":
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import weights"), str(self._last_dir),
                                              self.tr("Weights (*.safetensors *.pt);;All files (*)"))
        if path:
            self.import_weights(path)

    def import_weights(self, path: str) -> bool:
        """Load weights into the current network; on a mismatch nothing changes and a message says why."""
        try:
            load_weights(self.controller.trainer.model, path)
        except ConfigError as e:
            self._error(self.tr("Cannot import weights"), e)
            return False
        self._refresh_views(self.controller.trainer)
        self.statusBar().showMessage(self.tr("Loaded weights from {0}").format(path), 8000)
        return True

    def _ask_to_save(self):
        """Save / Discard / Cancel for trained steps nothing has saved (Discard when there are none)."""
        if not self.has_unsaved_work or not self.ask_before_closing:
            return QMessageBox.Discard
        return QMessageBox.question(
            self, self.tr("Save this session?"),
            self.tr("The network has trained {0} steps that are not saved. Save the session to continue "
                    "next time?").format(self.controller.step_count),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)

    def _maybe_keep_work(self) -> bool:
        """Offer to save trained, unsaved work before it is replaced. False if the user cancels."""
        answer = self._ask_to_save()
        if answer == QMessageBox.Save:
            return self.save_session_dialog() is not None
        return answer == QMessageBox.Discard

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self._busy:  # an export is writing its file: it ends on its own in a moment
            event.ignore()
            return
        answer = self._ask_to_save()
        if answer == QMessageBox.Cancel:
            event.ignore()
            return
        if answer == QMessageBox.Save:
            self.controller.shutdown()  # saving needs the run stopped; every finished step is kept
            if self.save_session_dialog() is None:
                event.ignore()
                return
        self.controller.shutdown()
        super().closeEvent(event)


def _children(splitter: QSplitter) -> list[QWidget]:
    return [splitter.widget(i) for i in range(splitter.count())]



__all__ = ["MainWindow"]
