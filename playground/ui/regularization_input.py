"""The Regularization row of the settings panel: the penalty (None, L1, L2; catalog.REGULARIZATIONS)
and its rate, an editable box of TensorFlow Playground's rates. Widgets only, as DataControls:
``values()`` reads them, ``show_config`` shows a config without emitting, ``edited`` says the
user changed one. A typed rate outside 0 to 10 is refused by the validator; the box is disabled
while the penalty is None. The optimizer's weight decay is a separate knob."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from playground.core import catalog
from playground.core import config as cfg
from playground.core.config import TrainConfig

RATES = (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)  # TensorFlow Playground's choices


# The catalog's labels, for lupdate (the combo translates them by name; L1 and L2 stay as they are)
_LABELS = (QT_TRANSLATE_NOOP("RegularizationInput", "None"),)


class RegularizationInput(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kindInput = QComboBox(objectName="regularizationInput")
        for r in catalog.REGULARIZATIONS.values():
            self.kindInput.addItem(self.tr(r.label), r.name)
            self.kindInput.setItemData(self.kindInput.count() - 1, r.formula, Qt.ToolTipRole)
        self.kindInput.setToolTip(self.tr("A penalty on the weights (not the biases) added to the loss: L1 = rate "
                                          "\u00d7 sum |w| pushes weights to 0, L2 = rate \u00d7 sum w\u00b2 keeps "
                                          "them small"))
        self.rateInput = QComboBox(objectName="regularizationRateInput", editable=True)
        self.rateInput.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for rate in RATES:
            self.rateInput.addItem(f"{rate:g}", float(rate))
        validator = QDoubleValidator(0.0, cfg.MAX_REGULARIZATION_RATE, 6, self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.rateInput.setValidator(validator)
        self.rateInput.setToolTip(self.tr("Regularization rate: how strongly the penalty counts, 0 to {0} (choose "
                                          "or type one)").format(f"{cfg.MAX_REGULARIZATION_RATE:g}"))
        layout.addWidget(self.kindInput, 1)
        layout.addWidget(self.rateInput, 1)
        self._rate = 0.001
        self.kindInput.currentIndexChanged.connect(self._on_kind)
        self.rateInput.activated.connect(self._on_rate)
        self.rateInput.lineEdit().editingFinished.connect(self._on_rate)
        self.show_config(TrainConfig())

    def widgets(self) -> list[QWidget]:
        return [self.kindInput, self.rateInput]

    def values(self) -> dict:
        return dict(regularization=self.kindInput.currentData(), regularization_rate=self._rate)

    def show_config(self, config: TrainConfig) -> None:
        with QSignalBlocker(self.kindInput), QSignalBlocker(self.rateInput):
            self.kindInput.setCurrentIndex(self.kindInput.findData(config.regularization))
            self._show_rate(config.regularization_rate)

    def update_enabled(self, free: bool) -> None:
        self.kindInput.setEnabled(free)
        self.rateInput.setEnabled(free and self.kindInput.currentData() != "none")

    def _show_rate(self, rate: float) -> None:
        self._rate = float(rate)
        index = self.rateInput.findData(self._rate)
        if index >= 0:
            self.rateInput.setCurrentIndex(index)
        else:
            self.rateInput.setCurrentIndex(-1)
            self.rateInput.setEditText(f"{self._rate:g}")

    @Slot(int)
    def _on_kind(self, _index: int) -> None:
        self.rateInput.setEnabled(self.kindInput.isEnabled() and self.kindInput.currentData() != "none")
        self.edited.emit()

    @Slot()
    def _on_rate(self, *_) -> None:
        text = self.rateInput.currentText().strip().replace(",", ".")
        try:
            rate = float(text)
        except ValueError:
            rate = None
        if rate is None or not 0 <= rate <= cfg.MAX_REGULARIZATION_RATE:
            with QSignalBlocker(self.rateInput):
                self._show_rate(self._rate)  # back to the rate in use
            return
        if rate != self._rate:
            self._rate = rate
            self.edited.emit()
