"""The left side: the run's buttons, its pace (speed, until paused) and every setting, scrolling
vertically when the screen is short (never clipped sideways)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from playground.core.presets import Preset
from playground.ui.controls import ControlPanel

SPEEDS = (None, 300.0, 100.0, 30.0, 10.0, 3.0, 1.0)  # steps a second; None: as fast as it can


class _SpaceTrains(QObject):
    """Space in a number box trains (as everywhere else in the window) instead of erasing the box."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Space and not event.modifiers():
            return True  # not accepted: the window's Space shortcut gets it
        return False


class Sidebar(QScrollArea):
    paceChanged = Signal(object, bool)  # steps a second (None: full speed), until paused

    def __init__(self, presets: dict[str, Preset], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("controlsScroll")
        self.trainButton = QPushButton(self.tr("Train"), objectName="trainButton")
        self.trainButton.setToolTip(self.tr("Start training (Space); while training: pause and resume"))
        self.stepButton = QPushButton(self.tr("Step"), objectName="stepButton")
        self.stepButton.setToolTip(self.tr("Train on one mini-batch: forward, backward, step (N); also while paused"))
        self.phaseStepButton = QPushButton(self.tr("Phase \u25b8"), objectName="phaseStepButton")
        self.phaseStepButton.setToolTip(self.tr(
            "One mini-batch, one phase per press: forward, loss, zero_grad, backward, step (Shift+N); "
            "press again while the graph grows to see it whole"))
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
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.trainButton, 0, 0, 1, 2)
        buttons.addWidget(self.stepButton, 1, 0)
        buttons.addWidget(self.phaseStepButton, 1, 1)
        buttons.addWidget(self.stopButton, 2, 0)
        buttons.addWidget(self.resetButton, 2, 1)
        buttons.addWidget(self.exportButton, 3, 0, 1, 2)
        self.buttonBox = QWidget()
        self.buttonBox.setLayout(buttons)

        self.speedInput = QComboBox(objectName="speedInput")
        for speed in SPEEDS:
            self.speedInput.addItem(self.tr("Full speed") if speed is None else
                                    self.tr("%n step(s) a second", "", int(speed)), speed)
        self.speedInput.setToolTip(self.tr("Slow motion for a demo: at most this many training steps a second"))
        self.untilPausedInput = QCheckBox(self.tr("Until paused"), objectName="untilPausedInput")
        self.untilPausedInput.setToolTip(self.tr("Train on and on, past the set number of epochs, until you pause"))
        pace = QFormLayout()
        pace.setContentsMargins(0, 0, 0, 0)
        pace.addRow(self.tr("Speed"), self.speedInput)
        pace.addRow("", self.untilPausedInput)

        self.controls = ControlPanel(presets)
        self.paceBox = QWidget()
        self.paceBox.setLayout(pace)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.buttonBox)
        layout.addWidget(self.paceBox)
        layout.addWidget(self.controls, 1)
        layout.addStretch(0)  # the buttons stay at the top when the settings hide
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.fit_width()

        self._space = _SpaceTrains(self)
        self.watch_number_boxes()
        inner.installEventFilter(self)  # its layout changed (e.g. more layer boxes): as wide as it needs
        self.speedInput.currentIndexChanged.connect(self._on_pace)
        self.untilPausedInput.toggled.connect(self._on_pace)

    def set_compact(self, on: bool) -> None:
        """Only the run's buttons (presenter mode): the settings and the pace hide."""
        self.controls.setVisible(not on)
        self.paceBox.setVisible(not on)
        self.fit_width()

    @property
    def steps_per_second(self) -> float | None:
        return self.speedInput.currentData()

    def fit_width(self) -> None:
        """As wide as the settings need (they never clip sideways), plus the scroll bar."""
        self.setMinimumWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
                             + 2 * self.frameWidth())

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget() and event.type() == QEvent.LayoutRequest:
            self.fit_width()
        return False

    def watch_number_boxes(self) -> None:
        """(Again after the layer boxes are rebuilt: they are new widgets.)"""
        for box in self.findChildren(QAbstractSpinBox):
            box.removeEventFilter(self._space)
            box.installEventFilter(self._space)

    def _on_pace(self, *_) -> None:
        self.paceChanged.emit(self.steps_per_second, self.untilPausedInput.isChecked())


__all__ = ["Sidebar", "SPEEDS"]
