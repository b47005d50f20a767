"""The left panel: every setting, each widget validated, emitting one complete TrainConfig."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core import catalog
from playground.core import config as cfg
from playground.core.config import ConfigError, TrainConfig
from playground.core.devices import known_devices
from playground.core.presets import Preset
from playground.ui.catalog_texts import translated
from playground.ui.cnn_controls import CNNControls
from playground.ui.control_locks import LessonLocks
from playground.ui.data_controls import DataControls, row
from playground.ui.layer_editor import MAX_LAYER_SPINS, LayerEditor  # noqa: F401  (MAX_LAYER_SPINS: re-exported)
from playground.ui.model_controls import HeadsControl, fitting_dataset, fitting_hidden
from playground.ui.rate_boxes import LR_SLIDER_STEPS, DropoutBox, RateBox, lr_to_slider, slider_to_lr
from playground.ui.regularization_input import RegularizationInput
from playground.ui.theme import DANGER


class ControlPanel(LessonLocks, QWidget):
    """Emits ``configChanged(TrainConfig)`` for every valid edit, the learning rate's included."""

    configChanged = Signal(object)  # TrainConfig

    def __init__(self, presets: dict[str, Preset], parent: QWidget | None = None):
        super().__init__(parent)
        self.presets = presets
        self._config = TrainConfig()
        self._preset: str | None = None
        self._running = False
        self._locked: tuple[str, ...] = ()  # TrainConfig fields a lesson fixes (set_locked)
        self._free_tooltips: dict[QWidget, str] = {}  # their tooltips before the lesson's note
        self._build()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.presetInput = QComboBox(objectName="presetInput")
        self.presetInput.addItem(self.tr("(custom)"), None)
        for name, preset in self.presets.items():
            self.presetInput.addItem(name, name)
            self.presetInput.setItemData(self.presetInput.count() - 1, translated(preset.description),
                                       Qt.ToolTipRole)  # translations: catalog_texts.py
        self.presetInput.setToolTip(self.tr("Load a ready-made preset: dataset, network and training settings (lessons: the Lessons menu)"))
        self.presetInput.activated.connect(self._on_preset)
        preset_row = QFormLayout()
        preset_row.addRow(self.tr("&Preset"), self.presetInput)
        layout.addLayout(preset_row)

        self.data = DataControls()  # dataset, noise, split, samples, data seed, classes, features
        self.datasetInput, self.noiseInput, self.splitInput = (self.data.datasetInput, self.data.noiseInput,
                                                               self.data.splitInput)
        layout.addWidget(self.data)

        # Network
        net = QGroupBox(self.tr("Network"))
        form = QFormLayout(net)
        self.modelInput = QComboBox(objectName="modelInput")
        # as wide as a short name: a long family name must not widen the settings column (1024 x 768)
        self.modelInput.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.modelInput.setMinimumContentsLength(12)
        for m in catalog.MODELS.values():
            self.modelInput.addItem(translated(m.label), m.name)  # translations: catalog_texts.py
            self.modelInput.setItemData(self.modelInput.count() - 1, translated(m.description), Qt.ToolTipRole)
        form.addRow(self.tr("&Model"), self.modelInput)
        self.cnn = CNNControls(form, parent=self)  # channels, kernel size: shown for the CNN (ui/cnn_controls.py)
        self.channelsInput, self.kernelSizeInput = self.cnn.widgets()
        self.channelsError = self.cnn.channelsError
        self.heads = HeadsControl(form, parent=self)  # the attention model's heads (ui/model_controls.py)
        self.headsInput = self.heads.headsInput
        # the hidden layers: text box, + and -, a spin box per layer, the error line (ui/layer_editor.py)
        self.layers = LayerEditor(form, hidden=lambda: self._config.hidden, min_layers=self._min_layers,
                                  free=lambda: not self._running and "hidden" not in self._locked, parent=self)
        self.layerSizesInput, self.addLayerButton, self.removeLayerButton, self.layerSpins = self.layers.widgets()
        self.layerSpinLayout, self.layerError = self.layers.layerSpinLayout, self.layers.layerError
        self.activationInput = QComboBox(objectName="activationInput")
        for a in catalog.ACTIVATIONS.values():
            self.activationInput.addItem(a.name, a.name)
            self.activationInput.setItemData(self.activationInput.count() - 1, a.formula, Qt.ToolTipRole)
        self.activationInput.setToolTip(self.tr("The non-linearity between layers"))
        self.dropoutInput = DropoutBox(objectName="dropoutInput")
        self.dropoutInput.setDecimals(2)
        self.dropoutInput.setRange(0.0, cfg.MAX_DROPOUT)
        self.dropoutInput.setSingleStep(0.05)
        self.dropoutInput.per_layer_text = self.tr("per layer")
        form.addRow(self.tr("&Activation"), self.activationInput)
        form.addRow(self.tr("Dro&pout"), self.dropoutInput)
        layout.addWidget(net)

        # Training
        train = QGroupBox(self.tr("Training"))
        form = QFormLayout(train)
        self.learningRateSlider = QSlider(Qt.Horizontal, objectName="learningRateSlider")
        self.learningRateSlider.setRange(0, LR_SLIDER_STEPS)
        self.learningRateSlider.setToolTip(self.tr("Learning rate on a log scale; can change while training"))
        self.learningRateInput = RateBox(objectName="learningRateInput")
        self.learningRateInput.setDecimals(5)
        self.learningRateInput.setRange(cfg.MIN_LR, cfg.MAX_LR)
        self.learningRateInput.setStepType(QAbstractSpinBox.AdaptiveDecimalStepType)
        self.learningRateInput.setToolTip(self.tr("Learning rate, 0.00001 to 10; takes effect at the next step"))
        form.addRow(self.tr("Learning &rate"), row(self.learningRateSlider, self.learningRateInput))
        self.lrError = QLabel(objectName="learningRateError")  # a typed rate out of range is not clamped silently
        self.lrError.setWordWrap(True)
        self.lrError.setStyleSheet(f"color: {DANGER}")
        self.lrError.hide()
        form.addRow(self.lrError)
        self.optimizerInput = QComboBox(objectName="optimizerInput")
        for o in catalog.OPTIMIZERS.values():
            self.optimizerInput.addItem(translated(o.label), o.name)  # translations: catalog_texts.py
            self.optimizerInput.setItemData(self.optimizerInput.count() - 1, o.formula, Qt.ToolTipRole)
        self.optimizerInput.setToolTip(self.tr("How the gradients move the weights: optimizer.step()"))
        form.addRow(self.tr("&Optimizer"), self.optimizerInput)
        self.epochsInput = QSpinBox(objectName="epochsInput")
        self.epochsInput.setRange(1, cfg.MAX_EPOCHS)
        self.epochsInput.setToolTip(self.tr("Passes over the training data"))
        form.addRow(self.tr("&Epochs"), self.epochsInput)
        self.batchSizeInput = QSpinBox(objectName="batchSizeInput")
        self.batchSizeInput.setRange(1, cfg.MAX_BATCH)
        self.batchSizeInput.setToolTip(self.tr("Samples per mini-batch: one optimizer step each"))
        form.addRow(self.tr("&Batch size"), self.batchSizeInput)
        self.weightDecayInput = QDoubleSpinBox(objectName="weightDecayInput")
        self.weightDecayInput.setDecimals(4)
        self.weightDecayInput.setRange(0.0, 1.0)
        self.weightDecayInput.setSingleStep(0.0001)
        self.weightDecayInput.setToolTip(self.tr("L2 penalty on the weights, 0 to 1"))
        form.addRow(self.tr("&Weight decay"), self.weightDecayInput)
        self.regularization = RegularizationInput()
        form.addRow(self.tr("Re&gularization"), self.regularization)
        self.seedInput = QSpinBox(objectName="seedInput")
        self.seedInput.setRange(0, 2**31 - 1)
        self.seedInput.setToolTip(self.tr("Random seed: the same seed gives the same data, start and run"))
        form.addRow(self.tr("See&d"), self.seedInput)
        self.deviceInput = QComboBox(objectName="deviceInput")
        self.set_devices(known_devices())  # the CPU until the engine has said (no torch here)
        self.deviceInput.setToolTip(self.tr("Where the tensors live: .to(device). Only devices present are listed"))
        form.addRow(self.tr("De&vice"), self.deviceInput)
        layout.addWidget(train)
        layout.addStretch(1)

        # Signals: every edit becomes one complete config.
        self.data.edited.connect(self._edited)
        self.regularization.edited.connect(self._edited)
        self.layers.edited.connect(lambda hidden: self._try_apply(hidden=hidden))
        self.cnn.edited.connect(lambda fields: self._try_apply(**fields))
        self.heads.edited.connect(lambda fields: self._try_apply(**fields))
        self.activationInput.currentIndexChanged.connect(self._edited)
        self.modelInput.currentIndexChanged.connect(self._on_model)
        self.dropoutInput.valueChanged.connect(self._on_dropout)
        self.learningRateSlider.valueChanged.connect(self._on_lr_slider)
        self.learningRateInput.valueChanged.connect(self._on_lr_box)
        self.learningRateInput.lineEdit().textEdited.connect(self._check_lr_text)
        self.learningRateInput.refused.connect(self._check_lr_text)
        self.optimizerInput.currentIndexChanged.connect(self._edited)
        self.epochsInput.valueChanged.connect(self._edited)
        self.batchSizeInput.valueChanged.connect(self._edited)
        self.weightDecayInput.valueChanged.connect(self._edited)
        self.seedInput.valueChanged.connect(self._edited)
        self.deviceInput.currentIndexChanged.connect(self._edited)

    # -- public ---------------------------------------------------------------------------
    @property
    def config(self) -> TrainConfig:
        return self._config

    @property
    def preset(self) -> str | None:
        return self._preset

    def set_devices(self, devices) -> None:
        """The Device box's choices (core.devices.DeviceInfo), as the engine reported them; the
        choice stays where it is still listed."""
        ids = [d.id for d in devices]
        if [self.deviceInput.itemData(i) for i in range(self.deviceInput.count())] == ids:
            return
        current = self.deviceInput.currentData()
        blocker = QSignalBlocker(self.deviceInput)
        self.deviceInput.clear()
        for dev in devices:
            self.deviceInput.addItem(dev.label, dev.id)
        self.deviceInput.setCurrentIndex(max(0, self.deviceInput.findData(current)))
        del blocker

    def set_config(self, config: TrainConfig, preset: str | None = None) -> None:
        """Show a config in the widgets without emitting configChanged."""
        self._config, self._preset = config, preset
        blockers = [QSignalBlocker(w) for w in self._inputs()]
        self.presetInput.setCurrentIndex(max(0, self.presetInput.findData(preset)))
        self.data.show_config(config)
        self.regularization.show_config(config)
        self.layers.show_text(config.hidden)
        self.modelInput.setCurrentIndex(self.modelInput.findData(config.model))
        self.cnn.show_config(config)
        self.heads.show_config(config)
        self.activationInput.setCurrentIndex(self.activationInput.findData(config.activation))
        self._show_dropout(config)
        self.learningRateInput.setValue(config.learning_rate)
        self.learningRateSlider.setValue(lr_to_slider(config.learning_rate))
        self.optimizerInput.setCurrentIndex(self.optimizerInput.findData(config.optimizer))
        self.epochsInput.setValue(config.epochs)
        self.batchSizeInput.setValue(config.batch_size)
        self.weightDecayInput.setValue(config.weight_decay)
        self.seedInput.setValue(config.seed)
        index = self.deviceInput.findData(config.device)
        if index < 0:  # a session from a machine with another GPU: fall back to the CPU
            index = 0
        self.deviceInput.setCurrentIndex(index)
        del blockers
        self.layers.rebuild_spins(config.hidden)
        self.cnn.label_hidden_row(self.layerSizesInput, config.model)
        self._update_model_tips()
        self._update_enabled()
        self._update_labels()
        self._set_layer_error(None)
        self._set_lr_error(None)

    def set_data_features(self, n: int | None) -> None:
        """Your own data's column count (the engine's ModelInfo.dataset): the feature toggles are
        off, saying why, while it has other than 2 features."""
        self.data.set_data_features(n)
        self._update_enabled()

    def set_running(self, running: bool) -> None:
        """Lock what would change the model or data; the learning rate stays live."""
        self._running = running
        locked = self._locked_widgets()
        for w in self._model_inputs():
            w.setEnabled(not running and w not in locked)
        self._update_enabled()

    # -- helpers --------------------------------------------------------------------------
    def _inputs(self) -> list[QWidget]:
        return [self.presetInput, self.learningRateSlider, self.learningRateInput, self.epochsInput,
                self.batchSizeInput, *self._model_inputs()]

    def _model_inputs(self) -> list[QWidget]:
        return [self.presetInput, *self.data.widgets(), *self.regularization.widgets(), self.modelInput,
                self.layerSizesInput, self.addLayerButton, self.removeLayerButton, self.layerSpins,
                *self.cnn.widgets(), *self.heads.widgets(), self.activationInput, self.dropoutInput, self.optimizerInput, self.weightDecayInput, self.seedInput,
                self.deviceInput, self.epochsInput, self.batchSizeInput]

    def _show_dropout(self, config: TrainConfig) -> None:
        """The dropout box shows the config's rate, or "per layer" while the rates differ per layer."""
        rates = config.dropout_rates
        per_layer = rates if len(set(rates)) > 1 else None
        if per_layer == self.dropoutInput.per_layer and (per_layer or rates[:1] == (self.dropoutInput.value(),)):
            return
        self.dropoutInput.per_layer = per_layer
        with QSignalBlocker(self.dropoutInput):
            self.dropoutInput.setValue(rates[0] if rates else 0.0 if isinstance(config.dropout, tuple)
                                       else float(config.dropout))
        self.dropoutInput.updateGeometry()

    def _update_enabled(self) -> None:
        """What the config itself rules out, over the lesson's locks and the run's: the dropout box
        while the rates differ per layer (a list from a file, a lesson or the command line), removing
        the dynamic model's last hidden layer."""
        free = not self._running and "dropout" not in self._locked
        self.dropoutInput.setEnabled(free and self.dropoutInput.per_layer is None)
        locked = self._locked_widgets()
        self.data.update_enabled(lambda w: not self._running and w not in locked)
        self.regularization.update_enabled(not self._running)
        self.layers.update_remove()

    def _min_layers(self) -> int:
        return 1 if self.modelInput.currentData() == "dynamic" else 0

    def _update_model_tips(self) -> None:
        entry = catalog.MODELS.get(self.modelInput.currentData())
        tip = self.tr("The model family: how the forward pass runs the layers")
        if entry is not None:
            tip += f"\n{self.modelInput.currentText()}: {translated(entry.description)}"
        self._set_free_tooltip(self.modelInput, tip)
        tip = self.tr("Dropout: while training, each hidden neuron's output is set to 0 with this probability "
                      "(a new random mask on every step) and the rest are scaled by 1/(1 - rate). Off when "
                      "evaluating. 0 to {0}").format(f"{cfg.MAX_DROPOUT:g}")
        rates = self.dropoutInput.per_layer
        if rates is not None:
            tip = self.tr("Dropout per hidden layer: {0} (set by a file, a lesson or the command line; a preset "
                          "sets one rate again)").format(", ".join(f"{r:g}" for r in rates)) + "\n" + tip
        self._set_free_tooltip(self.dropoutInput, tip)

    def _set_free_tooltip(self, widget: QWidget, tip: str) -> None:
        """A widget's own tooltip, kept under a lesson's "fixes this setting" note when it has one."""
        if widget in self._free_tooltips:
            self._free_tooltips[widget] = tip
            widget.setToolTip(f"{self.tr('This lesson fixes this setting.')}\n{tip}")
        else:
            widget.setToolTip(tip)

    def _update_labels(self) -> None:
        self.data.update_labels()

    def _set_layer_error(self, message: str | None) -> None:
        self.layers.set_error(message)

    def _set_lr_error(self, message: str | None) -> None:
        self.lrError.setVisible(bool(message))
        self.lrError.setText(message or "")

    def _build_config(self, **override) -> TrainConfig | None:
        values = dict(
            **self.data.values(self._config),
            **self.regularization.values(),
            hidden=self._config.hidden,
            model=self.modelInput.currentData(),
            channels=self._config.channels,
            kernel_size=self._config.kernel_size,
            heads=self._config.heads,
            activation=self.activationInput.currentData(),
            dropout=self._config.dropout,  # one rate per layer stays as it is; the box sets one for all
            learning_rate=self.learningRateInput.value(),
            epochs=self.epochsInput.value(),
            batch_size=self.batchSizeInput.value(),
            optimizer=self.optimizerInput.currentData(),
            weight_decay=self.weightDecayInput.value(),
            seed=self.seedInput.value(),
            device=self.deviceInput.currentData(),
        )
        values.update(override)
        dropout, hidden = values["dropout"], values["hidden"]
        if isinstance(dropout, tuple) and len(dropout) != len(hidden):  # layers added or removed
            values["dropout"] = (dropout + (dropout[-1:] or (0.0,)) * len(hidden))[:len(hidden)]
        config = TrainConfig(**values)
        # the memory is checked when what it depends on changes, not on a new rate for the network there is
        # (whose memory, held by the engine, is no longer free)
        return config.validate(memory=any(getattr(config, f) != getattr(self._config, f) for f in cfg.MEMORY_FIELDS))

    def _try_apply(self, **override) -> None:
        """Apply the widgets' config; one that is refused (a network too big for the memory) undoes
        the edit, so the controls keep showing the network there is, and says why."""
        try:
            config = self._build_config(**override)
        except ConfigError as e:
            self.set_config(self._config, self._preset)
            self._set_layer_error(e.message)
            return
        self._apply(config)

    def _apply(self, config: TrainConfig) -> None:
        self._config = config
        if self.dropoutInput.per_layer is not None:  # the list follows the layers added or removed
            self._show_dropout(config)
            self._update_model_tips()
            self._update_enabled()
        if self._preset is not None and not self._matches_preset(config):
            self._preset = None
            with QSignalBlocker(self.presetInput):
                self.presetInput.setCurrentIndex(0)  # (custom)
        self.configChanged.emit(config)

    def _matches_preset(self, config: TrainConfig) -> bool:
        """Still the lesson if only the pace (learning rate, epochs, batch size, device) changed."""
        base = self.presets[self._preset].config
        pace = dict(learning_rate=base.learning_rate, epochs=base.epochs, batch_size=base.batch_size,
                    device=base.device)
        return config.replace(**pace) == base

    # -- slots ----------------------------------------------------------------------------
    @Slot(int)
    def _on_preset(self, index: int) -> None:
        name = self.presetInput.itemData(index)
        if name is None:
            return
        preset = self.presets[name]
        config = preset.config.replace(device=self.deviceInput.currentData())
        self.set_config(config, name)
        self.configChanged.emit(config)

    @Slot()
    def _edited(self, *_) -> None:
        self._update_labels()
        self._try_apply()
        self._update_enabled()  # what the new dataset or penalty allows

    @Slot(int)
    def _on_model(self, _index: int) -> None:
        if len(self._config.hidden) < self._min_layers():  # the dynamic model repeats the last hidden layer
            with QSignalBlocker(self.modelInput):
                self.modelInput.setCurrentIndex(self.modelInput.findData(self._config.model))
            self._set_layer_error(self.tr("The dynamic model needs at least one hidden layer: add one first"))
            return
        self._set_layer_error(None)
        model = self.modelInput.currentData()
        self.cnn.set_shown(model == "cnn")
        self.heads.set_shown(model == "attention")
        self.cnn.label_hidden_row(self.layerSizesInput, model)
        hidden = fitting_hidden(model, self._config.hidden)  # the sequence families: layers of one width
        if hidden != self._config.hidden:
            self._config = self._config.replace(hidden=hidden)
            self.layers.show_text(hidden)
            self.layers.rebuild_spins(hidden)
        self._update_model_tips()
        self._update_enabled()
        dataset = fitting_dataset(model, self.datasetInput.currentData())  # the CNN: digits, rnn: sine...
        if dataset is not None:
            self.datasetInput.setCurrentIndex(self.datasetInput.findData(dataset))  # applies it, as a choice would
            return
        self._edited()

    @Slot(float)
    def _on_dropout(self, value: float) -> None:
        if self.dropoutInput.per_layer is not None:  # not editable then; a value set from code
            return
        self._try_apply(dropout=round(value, 4))

    @Slot(str)
    def _check_lr_text(self, text: str) -> None:
        """A typed rate outside the box's range is refused or clamped: say so instead of silently.
        Below the minimum counts only once all the decimals are typed ("0.0" may become 0.01)."""
        typed = text.strip()
        try:
            value = float(typed.replace(",", "."))
        except ValueError:
            value = None
        decimals = len(typed.replace(",", ".").partition(".")[2])
        too_big = value is not None and value > cfg.MAX_LR
        too_small = value is not None and value < cfg.MIN_LR and decimals >= self.learningRateInput.decimals()
        if too_big or too_small:
            self._set_lr_error(self.tr("learning rate: {0} is out of range; allowed 0.00001 to 10").format(typed))
        else:
            self._set_lr_error(None)

    @Slot(int)
    def _on_lr_slider(self, value: int) -> None:
        with QSignalBlocker(self.learningRateInput):
            self.learningRateInput.setValue(slider_to_lr(value))
        self._edited()

    @Slot(float)
    def _on_lr_box(self, value: float) -> None:
        with QSignalBlocker(self.learningRateSlider):
            self.learningRateSlider.setValue(lr_to_slider(value))
        self._edited()

