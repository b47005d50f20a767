"""Edit a weight by hand, as TensorFlow Playground allows: a click on an edge or a bias square of
the network view, while the network rests (idle or paused), opens a small popup beside it.

The popup (``weightEditor``) names the weight, shows its value in an editable field
(``weightValueInput``) and its ``.grad`` from the last backward pass beside it
(``weightGradientLabel``); Enter or Apply (``weightApplyButton``) sends ``SetWeight``, Esc closes.
The numbers come from the engine (``ReadWeight`` -> ``WeightValue``): the window never holds a
tensor. A refusal shows in the popup in one line; once the engine has written the value it sends
the views again, and the chain rule of that weight is asked for afresh. The click still asks for
the chain rule first (ui/iteration_flow.py); while a run trains, no popup opens.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QCursor, QDoubleValidator, QGuiApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton

from playground.engine.protocol import ModelChange, RunState
from playground.ui.theme import DANGER, MUTED_TEXT, em


def weight_name(param: str, index: tuple[int, ...]) -> str:
    """As PyTorch indexes it: "fc2.weight[1, 0]", "fc2.bias[1]"."""
    return f"{param}[{', '.join(str(i) for i in index)}]"


class _Popup(QFrame):
    """A frame that closes on Esc and applies on Enter (the field itself ignores both keys)."""

    def __init__(self, parent, apply) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self._apply = apply
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the window's font (zoom) and palette
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._apply()
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)


class WeightEditor(QObject):
    """The popup and its wiring; ``window.weightEditor`` (made in IterationFlow.wire)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.weight: tuple[str, tuple[int, ...]] | None = None  # the weight the popup edits
        self._read_seq = 0  # the ReadWeight whose answer the popup waits for
        self._set_seq = 0  # the SetWeight whose Reply it waits for
        self._build()
        c = window.controller
        window.networkView.weightClicked.connect(self.on_weight_clicked)
        c.weightRead.connect(self.on_weight_read)
        c.replied.connect(self.on_reply)
        c.stateChanged.connect(self.on_state)
        c.modelChanged.connect(self.on_model)

    def _build(self) -> None:
        self.popup = _Popup(self.window, self.apply)
        self.popup.setObjectName("weightEditor")
        self.titleLabel = QLabel(objectName="weightEditorTitle")
        font = self.titleLabel.font()
        font.setBold(True)
        self.titleLabel.setFont(font)
        self.valueInput = QLineEdit(objectName="weightValueInput")
        validator = QDoubleValidator(self.valueInput)
        validator.setLocale(QLocale.c())  # "0.5" and "-1e-3", whatever the system's locale
        self.valueInput.setValidator(validator)
        self.valueInput.setToolTip(self.tr("Type a new value: Enter applies it, Esc closes"))
        self.valueInput.setMinimumWidth(em(self.window, 9))
        self.gradientLabel = QLabel(objectName="weightGradientLabel")
        self.gradientLabel.setStyleSheet(f"color: {MUTED_TEXT}")
        self.gradientLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.applyButton = QPushButton(self.tr("Apply"), objectName="weightApplyButton")
        self.applyButton.setAutoDefault(False)
        self.applyButton.clicked.connect(self.apply)
        self.errorLabel = QLabel(objectName="weightEditorError")
        self.errorLabel.setStyleSheet(f"color: {DANGER}")
        self.errorLabel.hide()
        grid = QGridLayout(self.popup)
        grid.addWidget(self.titleLabel, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Value")), 1, 0)
        grid.addWidget(self.valueInput, 1, 1)
        grid.addWidget(self.applyButton, 1, 2)
        grid.addWidget(self.gradientLabel, 2, 0, 1, 3)
        grid.addWidget(self.errorLabel, 3, 0, 1, 3)

    # -- opening ----------------------------------------------------------------------------
    @property
    def resting(self) -> bool:
        return self.window.controller.state in (RunState.IDLE, RunState.PAUSED)

    @Slot(str, object)
    def on_weight_clicked(self, param: str, index) -> None:
        cursor = QCursor.pos()
        net = self.window.networkView
        inside = net.rect().contains(net.mapFromGlobal(cursor))
        self.edit_weight(param, index, cursor if inside else None)

    def edit_weight(self, param: str, index, at: QPoint | None = None) -> bool:
        """Open the popup for one weight ("fc2.weight", (1, 0)) or bias ("fc2.bias", (1,)) at ``at``
        (global; None: beside the weight in the network view) and ask the engine for its numbers.
        False (nothing opens) while a run trains."""
        if not self.resting:
            return False
        index = tuple(int(i) for i in index)
        self.weight = (param, index)
        kind = self.tr("Bias {0}") if param.endswith(".bias") else self.tr("Weight {0}")
        self.titleLabel.setText(kind.format(weight_name(param, index)))
        self.valueInput.clear()
        self.valueInput.setEnabled(False)  # until the engine's value is in
        self.applyButton.setEnabled(False)
        self.gradientLabel.setText(self.tr("Reading..."))
        self.errorLabel.hide()
        self._set_seq = 0
        self._read_seq = self.window.controller.read_weight(param, index)
        self.popup.adjustSize()
        self.popup.move(self._placed(self._anchor(param, index) if at is None else at))
        self.popup.show()
        self.popup.raise_()
        return True

    def _anchor(self, param: str, index: tuple[int, ...]) -> QPoint:
        """Global: the middle of the weight's edge, or its neuron; the view's centre if not drawn."""
        net = self.window.networkView
        point = None
        try:
            layer = int(param.split(".")[0].removeprefix("fc"))
            if param.endswith(".weight"):
                edge = net.edge_item(layer, index[1], index[0])
                point = edge.path().pointAtPercent(0.5) if edge is not None else None
            else:
                neuron = net.neuron_item(layer, index[0])
                point = neuron.scenePos() if neuron is not None else None
        except (ValueError, IndexError):  # a parameter not drawn as fcN
            point = None
        local = net.mapFromScene(point) if point is not None else net.rect().center()
        return net.viewport().mapToGlobal(local)

    def _placed(self, at: QPoint) -> QPoint:
        """Just below and right of ``at``, kept on its screen."""
        pos = at + QPoint(em(self.window, 0.6), em(self.window, 0.6))
        screen = QGuiApplication.screenAt(at) or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            size = self.popup.sizeHint()
            pos.setX(max(room.left(), min(pos.x(), room.right() - size.width())))
            pos.setY(max(room.top(), min(pos.y(), room.bottom() - size.height())))
        return pos

    @property
    def is_open(self) -> bool:
        return self.popup.isVisible()

    @Slot()
    def close(self) -> None:
        self.popup.close()

    # -- applying ---------------------------------------------------------------------------
    @Slot()
    def apply(self) -> bool:
        """Send the typed value (SetWeight); False after saying in the popup why not."""
        if self.weight is None or not self.valueInput.isEnabled():
            return False
        if not self.resting:
            return self._say(self.tr("Pause training to edit a weight"))
        try:
            value = float(self.valueInput.text().strip())
        except ValueError:
            return self._say(self.tr("Type a number, e.g. 0.5 or -1.2e-3"))
        self.errorLabel.hide()
        self._set_seq = self.window.controller.set_weight(*self.weight, value)
        return True

    def _say(self, message: str) -> bool:
        self.errorLabel.setText(message)
        self.errorLabel.show()
        self.popup.adjustSize()
        return False

    # -- engine events ----------------------------------------------------------------------
    @Slot(object)
    def on_weight_read(self, event) -> None:
        if event.in_reply_to != self._read_seq:
            return  # an older popup's question
        self.valueInput.setText(f"{event.value:.7g}")  # float32 holds about 7 digits
        self.valueInput.setEnabled(True)
        self.applyButton.setEnabled(True)
        if event.grad is None:
            self.gradientLabel.setText(self.tr("No gradient yet (train one step)"))
        else:
            self.gradientLabel.setText(self.tr("Gradient (.grad): {0}").format(f"{event.grad:.6g}"))
        self.popup.adjustSize()
        if self.popup.isVisible():
            self.valueInput.setFocus()
            self.valueInput.selectAll()

    @Slot(object)
    def on_reply(self, reply) -> None:
        seq = reply.in_reply_to
        if seq == 0 or seq not in (self._read_seq, self._set_seq):
            return
        if not reply.ok:
            self._say(reply.message)  # one line from the engine: what is allowed
        elif seq == self._set_seq:
            self._applied()

    def _applied(self) -> None:
        param, index = self.weight
        self._set_seq = 0
        self.popup.close()
        w = self.window
        w.statusBar().showMessage(self.tr("{0} set to {1}").format(weight_name(param, index), self.valueInput.text()),
                                  5000)
        w.explain_weight(param, index)  # its chain rule at the new value

    @Slot(str)
    def on_state(self, state: str) -> None:
        if state == RunState.RUNNING:
            self.popup.close()

    @Slot(object)
    def on_model(self, info) -> None:
        if info.reason is not ModelChange.SHOWN:  # another network (or other weights): not this one
            self.popup.close()


__all__ = ["WeightEditor", "weight_name"]
