"""The sequence families' settings in the Network group: the attention model's heads per block
(``headsInput``, shown while the model is "attention"), and what choosing a model family does to
the rest: the data it learns from (``fitting_dataset``: a family on data it cannot learn switches
to the first fitting dataset) and its layers of one width (``fitting_hidden``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget

from playground.core import catalog
from playground.core import config as cfg
from playground.core.config import TrainConfig

SEQUENCE_FAMILIES = ("rnn", "gru", "lstm", "attention")
# The dataset a family switches to when the one chosen is not its kind of data
FIRST_DATASET = {"image": "digits", "sequence": "sine", "tokens": "reverse"}
DEFAULT_WIDTH = {"attention": 32}  # the layers a sequence family starts with when the MLP's differ in width; else 16


def fitting_dataset(model: str | None, dataset: str | None) -> str | None:
    """The dataset to switch to when ``model`` cannot learn ``dataset`` (None: it can, or any data)."""
    entry, data = catalog.MODELS.get(model), catalog.DATASETS.get(dataset)
    if entry is None or entry.data == "table" or (data is not None and data.kind == entry.data):
        return None
    return FIRST_DATASET.get(entry.data)


def fitting_hidden(model: str | None, hidden: tuple[int, ...]) -> tuple[int, ...]:
    """``hidden`` as the sequence families take it (1 to 4 layers of one width), else unchanged."""
    if model not in SEQUENCE_FAMILIES or (hidden and len(set(hidden)) == 1 and len(hidden) <= 4):
        return hidden
    return (DEFAULT_WIDTH.get(model, 16),)


class HeadsControl(QObject):
    """``edited(dict)`` with the heads the user chose ({"heads": n})."""

    edited = Signal(object)

    def __init__(self, form: QFormLayout, parent: QWidget):
        super().__init__(parent)
        self._form = form
        self._lesson_hidden = False
        self.headsInput = QSpinBox(objectName="headsInput")
        self.headsInput.setRange(1, cfg.MAX_HEADS)
        self.headsInput.setValue(TrainConfig().heads)
        self.headsInput.setToolTip(self.tr("Attention heads per block: each looks at the sequence in its own way; "
                                           "they split the width between them, so they must divide it"))
        form.addRow(self.tr("&Heads"), self.headsInput)
        self.headsInput.valueChanged.connect(self._on_heads)
        self.set_shown(False)  # until the model is the attention model

    def widgets(self) -> list[QWidget]:
        return [self.headsInput]

    def show_config(self, config: TrainConfig) -> None:
        """Show the config's heads without emitting; the row only for the attention model."""
        with QSignalBlocker(self.headsInput):
            self.headsInput.setValue(config.heads)
        self.set_shown(config.model == "attention")

    def set_shown(self, on: bool, hidden: tuple[str, ...] | None = None) -> None:
        """The row for the attention model (``on``), unless a lesson hides ``heads``."""
        if hidden is not None:
            self._lesson_hidden = "heads" in hidden
        self._form.setRowVisible(self.headsInput, on and not self._lesson_hidden)

    @Slot(int)
    def _on_heads(self, value: int) -> None:
        self.edited.emit({"heads": int(value)})


__all__ = ["HeadsControl", "fitting_dataset", "fitting_hidden", "SEQUENCE_FAMILIES"]
