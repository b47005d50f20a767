"""The main window: controls on the left, the live views on the right, status at the bottom.

It composes the panels and views (which never import each other) and wires them to the
``TrainingController``; it holds no training logic of its own.
"""

from __future__ import annotations


from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
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
from playground.core.graph import preview_snapshot
from playground.core.presets import load_presets
from playground.ui.controls import ControlPanel
from playground.ui.graph_view import GraphPanel
from playground.ui.loss_plot import LossPlot
from playground.ui.style import DANGER, em
from playground.ui.worker import GraphTrainProbe, TrainingController, TrainSnapshot


class Pane(QWidget):
    """A titled frame around one view, with a button that maximizes it inside the window."""

    maximizeToggled = Signal(bool)

    def __init__(self, title: str, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
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
        if name not in self.presets:
            raise ConfigError("preset", f"unknown preset {name!r}; available: {', '.join(self.presets)}")
        config = self.presets[name].config
        self.controller = TrainingController(config, preset=name, parent=self)
        self.controller.probes = {"graph": GraphTrainProbe()}
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
        self.trainButton.setDefault(True)
        buttons = QGridLayout()
        buttons.addWidget(self.trainButton, 0, 0, 1, 2)
        buttons.addWidget(self.stepButton, 1, 0)
        buttons.addWidget(self.stopButton, 1, 1)
        buttons.addWidget(self.resetButton, 2, 0, 1, 2)
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
        self.panes = [Pane(self.tr("Loss"), self.lossView),
                      Pane(self.tr("Computation graph (loss.grad_fn)"), self.graphView)]
        self.viewArea = QSplitter(Qt.Vertical)
        self.topRow = QSplitter(Qt.Horizontal)
        self.bottomRow = QSplitter(Qt.Horizontal)
        self.topRow.addWidget(self.panes[0])
        self.topRow.addWidget(self.panes[1])
        self.viewArea.addWidget(self.topRow)
        self.viewArea.addWidget(self.bottomRow)
        for pane in self.panes:
            pane.maximizeToggled.connect(self._on_maximize)

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
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.Quit, triggered=self.close)
        file_menu.addAction(quit_action)
        self.fileMenu = file_menu

        train_menu = self.menuBar().addMenu(self.tr("&Train"))
        self.trainAction = QAction(self.tr("Train / Pause / Resume"), self, shortcut=Qt.Key_Space,
                                   triggered=self._on_train_clicked)
        self.stepAction = QAction(self.tr("One step"), self, shortcut=Qt.Key_N, triggered=self.controller.step)
        self.stopAction = QAction(self.tr("Stop"), self, shortcut=Qt.Key_Escape, triggered=self.controller.stop)
        self.resetAction = QAction(self.tr("Reset weights"), self, shortcut=Qt.Key_R, triggered=self._on_reset)
        for action in (self.trainAction, self.stepAction, self.stopAction, self.resetAction):
            action.setShortcutContext(Qt.WindowShortcut)
            train_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(QAction(self.tr("&About"), self, triggered=self._about))

    def _wire(self) -> None:
        c = self.controller
        self.trainButton.clicked.connect(self._on_train_clicked)
        self.stepButton.clicked.connect(c.step)
        self.stopButton.clicked.connect(c.stop)
        self.resetButton.clicked.connect(self._on_reset)
        self.controls.configChanged.connect(self._on_config)
        c.snapshotReady.connect(self._on_snapshot)
        c.runFinished.connect(self._on_finished)
        c.stateChanged.connect(self._on_state)
        c.trainerReplaced.connect(self._on_trainer_replaced)

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
        try:
            self.controller.set_config(config, self.controls.preset)
        except (ConfigError, RuntimeError) as e:
            self.statusBar().showMessage(str(e), 8000)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        running = state in ("running", "paused", "stepping")
        self.controls.set_running(running)
        self.trainButton.setText({"running": self.tr("Pause"), "paused": self.tr("Resume")}.get(state, self.tr("Train")))
        self.stopButton.setEnabled(running)
        self.stepButton.setEnabled(state == "idle")
        self.resetButton.setEnabled(state == "idle")
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
        self.graphView.clear()
        self._refresh_graph(trainer)

    def _refresh_graph(self, trainer) -> None:
        """The graph as the weights stand now (idle only: the GUI thread may touch the trainer)."""
        graph = preview_snapshot(trainer)
        if graph is not None:
            self.graphView.set_snapshot(graph)

    @Slot(object)
    def _on_snapshot(self, snap: TrainSnapshot) -> None:
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

    def _show_metrics(self, m) -> None:
        if m is None:
            self.metricsLabel.setText("")
            return
        text = self.tr("train loss {0:.4f}   test loss {1:.4f}").format(m.train_loss, m.test_loss)
        if m.test_accuracy is not None:
            text += self.tr("   train accuracy {0:.1%}   test accuracy {1:.1%}").format(m.train_accuracy, m.test_accuracy)
        self.metricsLabel.setText(text)

    @Slot(dict)
    def _on_finished(self, summary: dict) -> None:
        self.lossView.redraw()  # the final points, without waiting for the timer
        self._refresh_graph(self.controller.trainer)
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
    def _on_maximize(self, on: bool) -> None:
        sender = self.sender()
        for pane in self.panes:
            if pane is not sender:
                pane.setVisible(not on)
                with_signals_blocked(pane.maxButton, False)
        for row in (self.topRow, self.bottomRow):
            row.setVisible(not on or any(p is sender for p in _children(row)))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About PyTorch Playground"), self.tr(
            "<b>PyTorch Playground {0}</b><p>Watch real PyTorch train a neural network: the training loop, the "
            "autograd graph and what the network learns.</p>").format(__version__))

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.controller.shutdown()
        super().closeEvent(event)


def _children(splitter: QSplitter) -> list[QWidget]:
    return [splitter.widget(i) for i in range(splitter.count())]


def with_signals_blocked(button: QToolButton, checked: bool) -> None:
    blocked = button.blockSignals(True)
    button.setChecked(checked)
    button.blockSignals(blocked)


__all__ = ["MainWindow"]
