"""The Network group's hidden layers: the text box ("8, 8"), the + and - buttons, a spin box per
layer (four a row, up to MAX_LAYER_SPINS layers) and the error line under them. It holds widgets
only and says what the user chose with ``edited(hidden)``; the ControlPanel builds, validates and
sends the config (and shows it again through ``show`` when the engine keeps another).

Its strings keep the ControlPanel's translation context: they were the panel's before they moved
here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QLineEdit, QSpinBox, QToolButton, QWidget

from playground.core import config as cfg
from playground.core.config import ConfigError, parse_layers
from playground.ui.data_controls import row
from playground.ui.theme import DANGER

LAYER_SPINS_PER_ROW = 4
# A spin box per layer up to this many layers (four rows); deeper networks are edited in the text box
# only: 64 boxes would make the panel taller than a 768-pixel screen.
MAX_LAYER_SPINS = 16


class LayerEditor(QObject):
    """``edited(tuple)`` with the hidden layers' sizes the user chose (text, spin box, + or -).

    ``hidden()`` gives the layers the panel shows, ``min_layers()`` how few the model allows
    and ``free()`` whether neither a run nor a lesson holds the layers."""

    edited = Signal(object)  # tuple[int, ...]

    def __init__(self, form: QFormLayout, hidden: Callable[[], tuple[int, ...]], min_layers: Callable[[], int],
                 free: Callable[[], bool], parent: QWidget):
        super().__init__(parent)
        self._hidden, self._min_layers, self._free = hidden, min_layers, free
        self.layerSizesInput = QLineEdit(objectName="layerSizesInput")
        self.layerSizesInput.setPlaceholderText(
            QCoreApplication.translate("ControlPanel", "e.g. 8, 8 (empty: no hidden layer)"))
        self.layerSizesInput.setToolTip(
            QCoreApplication.translate(
                "ControlPanel", "Neurons per hidden layer, input to output: 0 to {0} layers of 1 to {1} neurons").format(
                cfg.MAX_LAYERS, cfg.MAX_NEURONS) + "\n"
            + QCoreApplication.translate(
                "ControlPanel", "Past {0} layers there is no box per layer: edit them here").format(MAX_LAYER_SPINS))
        self.layerSizesInput.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9,\s]*"), parent))
        self.addLayerButton = QToolButton(objectName="addLayerButton", text="+")
        self.addLayerButton.setToolTip(QCoreApplication.translate("ControlPanel", "Add a hidden layer"))
        self.removeLayerButton = QToolButton(objectName="removeLayerButton", text="\u2212")
        self.removeLayerButton.setToolTip(QCoreApplication.translate("ControlPanel", "Remove the last hidden layer"))
        form.addRow(QCoreApplication.translate("ControlPanel", "&Hidden layers"),
                    row(self.layerSizesInput, self.removeLayerButton, self.addLayerButton))
        self.layerSpins = QWidget()
        self.layerSpinLayout = QGridLayout(self.layerSpins)  # four a row, four rows at most: never wider, not much taller
        self.layerSpinLayout.setContentsMargins(0, 0, 0, 0)
        self.layerSpinLayout.setColumnStretch(LAYER_SPINS_PER_ROW, 1)
        form.addRow(QCoreApplication.translate("ControlPanel", "Neurons"), self.layerSpins)
        self.layerError = QLabel(objectName="layerError")
        self.layerError.setWordWrap(True)
        self.layerError.setStyleSheet(f"color: {DANGER}")
        self.layerError.hide()
        form.addRow(self.layerError)

        self.layerSizesInput.textEdited.connect(self.check_text)
        self.layerSizesInput.editingFinished.connect(self._on_text_done)
        self.addLayerButton.clicked.connect(self._add_layer)
        self.removeLayerButton.clicked.connect(self._remove_layer)

    # -- public ---------------------------------------------------------------------------
    def widgets(self) -> list[QWidget]:
        return [self.layerSizesInput, self.addLayerButton, self.removeLayerButton, self.layerSpins]

    def show_text(self, hidden: tuple[int, ...]) -> None:
        self.layerSizesInput.setText(", ".join(map(str, hidden)))

    def set_error(self, message: str | None) -> None:
        self.layerError.setVisible(bool(message))
        self.layerError.setText(message or "")
        self.layerSizesInput.setStyleSheet(f"border: 2px solid {DANGER}" if message else "")

    def update_remove(self) -> None:
        """The - button: not below the model's fewest layers."""
        self.removeLayerButton.setEnabled(self._free() and len(self._hidden()) > self._min_layers())

    def rebuild_spins(self, hidden: tuple[int, ...]) -> None:
        while self.layerSpinLayout.count():
            widget = self.layerSpinLayout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next event loop pass
                widget.deleteLater()
        count = len(hidden)
        if count > MAX_LAYER_SPINS:
            note = QLabel(QCoreApplication.translate("ControlPanel", "{0} layers: edit them in the text box").format(
                len(hidden)), objectName="layerSpinsNote", wordWrap=True)
            note.setToolTip(QCoreApplication.translate(
                "ControlPanel", "A box per layer is shown for up to {0} hidden layers; deeper networks are "
                                "edited in the Hidden layers text box").format(MAX_LAYER_SPINS))
            self.layerSpinLayout.addWidget(note, 0, 0, 1, LAYER_SPINS_PER_ROW)
            hidden = ()
        for i, size in enumerate(hidden):
            spin = QSpinBox(objectName=f"layerSpin{i + 1}")
            spin.setRange(1, cfg.MAX_NEURONS)
            spin.setValue(size)
            spin.setToolTip(QCoreApplication.translate("ControlPanel", "Neurons in hidden layer {0}").format(i + 1))
            spin.valueChanged.connect(self._on_spin)
            self.layerSpinLayout.addWidget(spin, i // LAYER_SPINS_PER_ROW, i % LAYER_SPINS_PER_ROW)
        free = self._free()
        self.addLayerButton.setEnabled(free and count < cfg.MAX_LAYERS)
        self.removeLayerButton.setEnabled(free and count > self._min_layers())

    # -- slots ----------------------------------------------------------------------------
    @Slot(str)
    def check_text(self, text: str) -> tuple[int, ...] | None:
        """Say what is wrong while typing; the network changes only when editing is done."""
        try:
            hidden = parse_layers(text)
        except ConfigError as e:
            self.set_error(e.message)
            return None
        if len(hidden) < self._min_layers():
            self.set_error(QCoreApplication.translate("ControlPanel", "The dynamic model needs at least one hidden layer"))
            return None
        self.set_error(None)
        return hidden

    @Slot()
    def _on_text_done(self) -> None:
        hidden = self.check_text(self.layerSizesInput.text())
        if hidden is None:
            return
        self.show_text(hidden)  # tidy: "8,8" -> "8, 8"
        if hidden != self._hidden():
            self.rebuild_spins(hidden)
            self.edited.emit(hidden)

    @Slot(int)
    def _on_spin(self, _value: int) -> None:
        spins = (self.layerSpinLayout.itemAt(i).widget() for i in range(self.layerSpinLayout.count()))
        hidden = tuple(spin.value() for spin in spins if isinstance(spin, QSpinBox))
        self.show_text(hidden)
        self.set_error(None)
        self.edited.emit(hidden)

    def _set_hidden(self, hidden: tuple[int, ...]) -> None:
        self.show_text(hidden)
        self.set_error(None)
        self.rebuild_spins(hidden)
        self.edited.emit(hidden)

    @Slot()
    def _add_layer(self) -> None:
        hidden = self._hidden()
        if len(hidden) < cfg.MAX_LAYERS:
            self._set_hidden(hidden + ((hidden[-1] if hidden else 4),))

    @Slot()
    def _remove_layer(self) -> None:
        hidden = self._hidden()
        if len(hidden) > self._min_layers():
            self._set_hidden(hidden[:-1])


__all__ = ["LAYER_SPINS_PER_ROW", "MAX_LAYER_SPINS", "LayerEditor"]
