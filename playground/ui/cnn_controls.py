"""The CNN's settings in the Network group (shown while the model is "cnn"): the conv layers'
channel counts as text ("8, 16", ``channelsInput``), the kernel size (``kernelSizeInput``: 1, 3,
5 or 7) and an error line (``channelsError``) for channels the config refuses. The hidden layers'
row then means the linear head after the flattened maps, and its label says so."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, QSignalBlocker, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from playground.core import catalog
from playground.core import config as cfg
from playground.core.config import ConfigError, TrainConfig
from playground.ui.theme import DANGER


def is_pictures(dataset: str | None) -> bool:
    """Whether the dataset is image data the CNN can learn from."""
    entry = catalog.DATASETS.get(dataset)
    return entry is not None and entry.image_shape is not None


class CNNControls(QObject):
    """``edited(dict)`` with the TrainConfig fields the user changed (channels or kernel_size)."""

    edited = Signal(object)

    def __init__(self, form: QFormLayout, parent: QWidget):
        super().__init__(parent)
        self._form = form
        self._channels: tuple[int, ...] = TrainConfig().channels
        self._lesson_hidden: tuple[str, ...] = ()  # fields a lesson hides
        self._hidden_texts: tuple[str, str] | None = None  # the hidden layers' label and placeholder, for the MLP
        self.channelsInput = QLineEdit(objectName="channelsInput")
        self.channelsInput.setPlaceholderText(QCoreApplication.translate("ControlPanel", "e.g. 8, 16"))
        self.channelsInput.setToolTip(QCoreApplication.translate("ControlPanel", "The convolution layers' output channels, first to last: 1 to {0} layers "
                                          "of 1 to {1} channels; each is followed by the activation and a 2x2 "
                                          "max-pool").format(cfg.MAX_CONV_LAYERS, cfg.MAX_CHANNELS))
        self.channelsInput.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9,\s]*"), parent))
        self.kernelSizeInput = QComboBox(objectName="kernelSizeInput")
        for k in cfg.KERNEL_SIZES:
            self.kernelSizeInput.addItem(f"{k} \u00d7 {k}", k)
        self.kernelSizeInput.setToolTip(QCoreApplication.translate("ControlPanel", "Each convolution's square kernel, in pixels (padding keeps the size)"))
        self.channelsError = QLabel(objectName="channelsError")
        self.channelsError.setWordWrap(True)
        self.channelsError.setStyleSheet(f"color: {DANGER}")
        self.channelsError.hide()
        form.addRow(QCoreApplication.translate("ControlPanel", "C&hannels"), self.channelsInput)
        form.addRow(QCoreApplication.translate("ControlPanel", "&Kernel size"), self.kernelSizeInput)
        form.addRow(self.channelsError)
        self.channelsInput.textEdited.connect(self.check_text)
        self.channelsInput.editingFinished.connect(self._on_text_done)
        self.kernelSizeInput.currentIndexChanged.connect(self._on_kernel)
        self.set_shown(False)  # until the model is the CNN

    # -- public ---------------------------------------------------------------------------
    def widgets(self) -> list[QWidget]:
        return [self.channelsInput, self.kernelSizeInput]

    def show_config(self, config: TrainConfig) -> None:
        """Show the config's channels and kernel size without emitting; the rows only for the CNN."""
        self._channels = config.channels
        with QSignalBlocker(self.channelsInput), QSignalBlocker(self.kernelSizeInput):
            self.channelsInput.setText(", ".join(map(str, config.channels)))
            self.kernelSizeInput.setCurrentIndex(max(0, self.kernelSizeInput.findData(config.kernel_size)))
        self.set_error(None)
        self.set_shown(config.model == "cnn")

    def set_shown(self, on: bool, hidden: tuple[str, ...] | None = None) -> None:
        """The rows for the CNN (``on``), less the fields a lesson hides (``hidden``: kept until told anew)."""
        if hidden is not None:
            self._lesson_hidden = tuple(hidden)
        for name, w in (("channels", self.channelsInput), ("kernel_size", self.kernelSizeInput)):
            self._form.setRowVisible(w, on and name not in self._lesson_hidden)
        self.channelsError.setVisible(on and bool(self.channelsError.text()))

    def label_hidden_row(self, layers_input: QLineEdit, model: str | None) -> None:
        """The hidden layers' row: "Linear head" for the CNN (its layers after the flattened maps),
        "Recurrent layers" or "Attention blocks" for the sequence families (all of one width)."""
        label = self._form.labelForField(layers_input.parentWidget())
        if not isinstance(label, QLabel):
            return
        if self._hidden_texts is None:
            self._hidden_texts = (label.text(), layers_input.placeholderText())
        text, placeholder = self._hidden_texts
        tip = ""
        if model == "cnn":
            text = QCoreApplication.translate("ControlPanel", "&Linear head")
            placeholder = QCoreApplication.translate("ControlPanel", "after the flattened maps, e.g. 32 (empty: none)")
            tip = QCoreApplication.translate(
                "ControlPanel", "The CNN's linear layers after the flattened feature maps: neurons per layer")
        elif model in ("rnn", "gru", "lstm"):
            text = QCoreApplication.translate("ControlPanel", "&Recurrent layers")
            placeholder = QCoreApplication.translate("ControlPanel", "one width, e.g. 16 or 16, 16")
            tip = QCoreApplication.translate("ControlPanel", "The recurrent layers stacked over the time steps, 1 to 4: "
                                                             "all layers share one width (units each)")
        elif model == "attention":
            text = QCoreApplication.translate("ControlPanel", "A&ttention blocks")
            placeholder = QCoreApplication.translate("ControlPanel", "one width, e.g. 32 or 32, 32")
            tip = QCoreApplication.translate("ControlPanel", "The attention blocks stacked, 1 to 4: all layers share "
                                                             "one width (the embedding's), which the heads divide")
        label.setText(text)
        label.setToolTip(tip)
        layers_input.setPlaceholderText(placeholder)

    @property
    def shown(self) -> bool:
        return self.channelsInput.isVisibleTo(self.parent())

    def set_error(self, message: str | None) -> None:
        self.channelsError.setVisible(bool(message))
        self.channelsError.setText(message or "")
        self.channelsInput.setStyleSheet(f"border: 2px solid {DANGER}" if message else "")

    # -- slots ----------------------------------------------------------------------------
    @Slot(str)
    def check_text(self, text: str) -> tuple[int, ...] | None:
        """Say what is wrong while typing; the network changes only when editing is done."""
        try:
            channels = cfg.parse_channels(text)
            TrainConfig(channels=channels).validate(memory=False)
        except ConfigError as e:
            self.set_error(e.message)
            return None
        self.set_error(None)
        return channels

    @Slot()
    def _on_text_done(self) -> None:
        channels = self.check_text(self.channelsInput.text())
        if channels is None:
            return
        self.channelsInput.setText(", ".join(map(str, channels)))  # tidy: "8,16" -> "8, 16"
        if channels != self._channels:
            self._channels = channels
            self.edited.emit({"channels": channels})

    @Slot(int)
    def _on_kernel(self, _index: int) -> None:
        self.edited.emit({"kernel_size": self.kernelSizeInput.currentData()})


__all__ = ["CNNControls", "is_pictures"]
