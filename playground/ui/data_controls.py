"""The settings panel's Data group: the dataset (your own data too), noise, split, samples, the
data's seed and Regenerate, the class count, the input features a 2-D network sees and
standardizing. It holds widgets only: ``values(config)`` reads them into TrainConfig fields,
``show_config`` shows a config without emitting, and ``edited`` says a widget changed; the
ControlPanel builds and validates the config and sends it (one mechanism for every setting).

Regenerate draws a new data set by moving the data's seed on by one from the seed in use (the
weights' seed while ``data_seed`` is None): the same steps give the same data, and the weights'
seed stays where it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QIntValidator, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from playground.core import catalog
from playground.core import config as cfg
from playground.core.config import TrainConfig
from playground.ui.catalog_texts import translated
from playground.ui.theme import DANGER, em

MAX_SEED = 2**31 - 1
FEATURE_COLUMNS = 2  # the feature toggles in a two-column grid: the group stays short at 1024x768


def row(*widgets: QWidget) -> QWidget:
    """Widgets side by side in one form row, the first one stretching."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        layout.addWidget(w, 1 if i == 0 else 0)
    return box


class DataControls(QGroupBox):
    """The Data group box; ``edited`` after each change the user makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # the strings that moved here from the ControlPanel keep its translation context
        self.setTitle(QCoreApplication.translate("ControlPanel", "Data"))
        self._config = TrainConfig()
        self._data_features: int | None = None  # your own data's columns, as the engine reported them
        form = QFormLayout(self)
        self.form = form
        self.datasetInput = QComboBox(objectName="datasetInput")
        for d in catalog.DATASETS.values():
            self.datasetInput.addItem(translated(d.label), d.name)  # translations: catalog_texts.py
            self.datasetInput.setItemData(self.datasetInput.count() - 1, translated(d.description), Qt.ToolTipRole)
        self.datasetInput.setToolTip(QCoreApplication.translate("ControlPanel", "Which data the network learns from"))
        form.addRow(QCoreApplication.translate("ControlPanel", "&Dataset"), self.datasetInput)
        self.noiseInput = QSlider(Qt.Horizontal, objectName="noiseInput")
        self.noiseInput.setRange(0, 50)
        self.noiseInput.setToolTip(QCoreApplication.translate("ControlPanel", "Noise added to the synthetic datasets (0 to 0.5)"))
        self.noiseLabel = QLabel(minimumWidth=em(self, 2.2))
        form.addRow(QCoreApplication.translate("ControlPanel", "&Noise"), row(self.noiseInput, self.noiseLabel))
        self.splitInput = QSlider(Qt.Horizontal, objectName="splitInput")
        self.splitInput.setRange(10, 90)
        self.splitInput.setToolTip(QCoreApplication.translate("ControlPanel", "Share of the data used for training; the rest tests the network"))
        self.splitLabel = QLabel(minimumWidth=em(self, 2.2))
        form.addRow(QCoreApplication.translate("ControlPanel", "Trai&n split"), row(self.splitInput, self.splitLabel))

        self.samplesInput = QSpinBox(objectName="samplesInput")
        self.samplesInput.setRange(20, 100_000)
        self.samplesInput.setToolTip(self.tr("How many points the synthetic datasets draw (20 to 100000)"))
        self.classesInput = QSpinBox(objectName="classesInput")
        self.classesInput.setRange(2, 6)
        form.addRow(self.tr("Sa&mples"), row(self.samplesInput, QLabel(self.tr("Classes")), self.classesInput))
        self.dataSeedInput = QLineEdit(objectName="dataSeedInput")
        self.dataSeedInput.setValidator(QIntValidator(0, MAX_SEED, self))
        self.dataSeedInput.setToolTip(self.tr("The seed of the data: the points and the train/test split. Empty: "
                                              "the weights' seed (shown greyed)"))
        self.regenerateButton = QPushButton(self.tr("Regenerate"), objectName="regenerateButton")
        self.regenerateButton.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.regenerateButton.setToolTip(self.tr("Draw new data: the data's seed moves on by one; the weights' "
                                                 "seed stays (Ctrl+Shift+R)"))
        form.addRow(self.tr("Data s&eed"), row(self.dataSeedInput, self.regenerateButton))

        self.featuresInput = QGroupBox(self.tr("Features"), objectName="featuresInput")
        grid = QGridLayout(self.featuresInput)
        grid.setContentsMargins(em(self, 0.4), 0, 0, 0)
        self.featureBoxes: dict[str, QCheckBox] = {}
        for i, f in enumerate(catalog.FEATURES.values()):
            box = QCheckBox(f.label, objectName=f"feature:{f.name}")
            box.setToolTip(self.tr("Input neuron {0}: the network sees {1} of each point (x\u2081, x\u2082)").format(
                f.label, f.name))
            box.toggled.connect(self._on_feature)
            grid.addWidget(box, i // FEATURE_COLUMNS, i % FEATURE_COLUMNS)
            self.featureBoxes[f.name] = box
        self.featuresError = QLabel(objectName="featuresError", wordWrap=True)
        self.featuresError.setStyleSheet(f"color: {DANGER}")
        self.featuresError.hide()
        grid.addWidget(self.featuresError, grid.rowCount(), 0, 1, FEATURE_COLUMNS)
        form.addRow(self.featuresInput)
        self.standardizeInput = QCheckBox(self.tr("Standardize features"), objectName="standardizeInput")
        self.standardizeInput.setToolTip(self.tr("Your own data: scale each feature to mean 0 and standard "
                                                 "deviation 1 before training"))
        form.addRow(self.standardizeInput)

        self.datasetInput.currentIndexChanged.connect(self._on_dataset)
        for w in (self.noiseInput, self.splitInput, self.samplesInput, self.classesInput):
            w.valueChanged.connect(self._changed)
        self.standardizeInput.toggled.connect(self._changed)
        self.dataSeedInput.editingFinished.connect(self._on_seed_text)
        self.regenerateButton.clicked.connect(self.regenerate)
        self.show_config(self._config)

    # -- public -------------------------------------------------------------------------------
    def widgets(self) -> list[QWidget]:
        """The inputs (a run locks them all: each changes the data)."""
        return [self.datasetInput, self.noiseInput, self.splitInput, self.samplesInput, self.classesInput,
                self.dataSeedInput, self.regenerateButton, self.featuresInput, self.standardizeInput]

    def values(self, config: TrainConfig) -> dict:
        """The TrainConfig fields the widgets say; ``config`` (the one shown) gives what they keep."""
        dataset = self.datasetInput.currentData()
        entry = catalog.DATASETS.get(dataset)
        custom = dataset == cfg.CUSTOM
        seed_text = self.dataSeedInput.text().strip()
        chosen = tuple(n for n, box in self.featureBoxes.items() if box.isChecked())
        return dict(
            dataset=dataset,
            noise=self.noiseInput.value() / 100,
            train_fraction=self.splitInput.value() / 100,
            samples=self.samplesInput.value(),
            data_seed=int(seed_text) if seed_text else None,
            classes=config.classes if custom else self._classes(entry),
            features=chosen if self._two_d(dataset) else catalog.PLAIN_FEATURES,
            data=config.data if custom else "",
            standardize=self.standardizeInput.isChecked() if custom else config.standardize,
        )

    def show_config(self, config: TrainConfig) -> None:
        """Show ``config`` without emitting ``edited``."""
        self._config = config
        blockers = [QSignalBlocker(w) for w in (*self.widgets(), *self.featureBoxes.values())]
        self._show_custom(config.dataset == cfg.CUSTOM)
        self.datasetInput.setCurrentIndex(self.datasetInput.findData(config.dataset))
        self.noiseInput.setValue(round(config.noise * 100))
        self.splitInput.setValue(round(config.train_fraction * 100))
        self.samplesInput.setValue(config.samples)
        self.dataSeedInput.setText("" if config.data_seed is None else str(config.data_seed))
        self.standardizeInput.setChecked(config.standardize)
        if self._two_d(config.dataset):  # else the boxes keep the user's choice for a 2-D set again
            for name, box in self.featureBoxes.items():
                box.setChecked(name in config.features)
        self._show_classes(config)
        del blockers
        self._set_features_error(None)
        self.update_labels()

    def set_data_features(self, n: int | None) -> None:
        """How many features (columns) your own data has, from the engine's ModelInfo; None: not
        known. The feature toggles make inputs from 2-D points only. The panel updates what is
        enabled."""
        self._data_features = n

    def update_enabled(self, free: Callable[[QWidget], bool]) -> None:
        """What the dataset allows, for the widgets a run or a lesson leaves free (``free(widget)``)."""
        dataset = self.datasetInput.currentData()
        entry = catalog.DATASETS.get(dataset)
        custom = dataset == cfg.CUSTOM
        self.featuresInput.setEnabled(free(self.featuresInput) and self._two_d(dataset))
        self.featuresInput.setToolTip(
            self.tr("Toggles for the inputs a 2-D network sees: each is an input neuron") if self._two_d(dataset)
            else self.tr("Input features are made from 2-D points; {0} has {1} inputs of its own").format(
                self.datasetInput.currentText(), entry.features if entry else self._data_features or "?"))
        self.classesInput.setEnabled(free(self.classesInput) and (custom or bool(entry and entry.multiclass)))
        self.classesInput.setReadOnly(custom)
        self.classesInput.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons if custom
                                           else QSpinBox.ButtonSymbols.UpDownArrows)
        self.classesInput.setToolTip(
            self.tr("Your data's classes (0: a regression), as its file or drawing says") if custom
            else self.tr("How many classes gauss and spiral make: 2 to 6"))
        self.standardizeInput.setEnabled(free(self.standardizeInput) and custom)
        for w in (self.noiseInput, self.samplesInput):
            w.setEnabled(free(w) and not custom)

    def update_labels(self) -> None:
        self.noiseLabel.setText(f"{self.noiseInput.value() / 100:.2f}")
        self.splitLabel.setText(f"{self.splitInput.value()}%")
        self.dataSeedInput.setPlaceholderText(self.tr("{0} (weights' seed)").format(self._config.seed))

    @Slot()
    def regenerate(self) -> None:
        """A new data set: the data's seed in use plus one (0 after the largest seed)."""
        seed = self._config.seed_of_data + 1
        self.dataSeedInput.setText(str(0 if seed > MAX_SEED else seed))
        self.edited.emit()

    # -- internals ------------------------------------------------------------------------------
    def _two_d(self, dataset: str) -> bool:
        """Points in the plane: a catalog dataset of 2 features, or your own data with 2 columns
        (or not yet known)."""
        if dataset == cfg.CUSTOM:
            return self._data_features in (None, 2)
        entry = catalog.DATASETS.get(dataset)
        return entry is not None and entry.features == 2

    def _show_custom(self, on: bool) -> None:
        """The "Your data" item is listed only while a config of your own data is shown."""
        index = self.datasetInput.findData(cfg.CUSTOM)
        if on and index < 0:
            self.datasetInput.addItem(self.tr("Your data"), cfg.CUSTOM)
            self.datasetInput.setItemData(self.datasetInput.count() - 1,
                                          self.tr("Your own data: read from a CSV file or drawn"), Qt.ToolTipRole)
        elif not on and index >= 0:
            self.datasetInput.removeItem(index)

    def _classes(self, entry: catalog.DatasetEntry) -> int | None:
        """gauss and spiral: the box's count, None for the dataset's own (as presets say it)."""
        value = self.classesInput.value()
        return value if entry.multiclass and value != entry.classes else None

    def _show_classes(self, config: TrainConfig) -> None:
        entry = catalog.DATASETS.get(config.dataset)
        if entry is not None and entry.multiclass:
            self.classesInput.setSpecialValueText("")
            self.classesInput.setRange(2, entry.max_classes)
        else:
            self.classesInput.setRange(0, cfg.MAX_CUSTOM_CLASSES)
            self.classesInput.setSpecialValueText(self.tr("regression"))
        self.classesInput.setValue(config.class_count)

    def _set_features_error(self, message: str | None) -> None:
        self.featuresError.setVisible(bool(message))
        self.featuresError.setText(message or "")

    @Slot()
    def _changed(self, *_) -> None:
        self.update_labels()
        self.edited.emit()

    @Slot(int)
    def _on_dataset(self, _index: int) -> None:  # the panel's _update_enabled follows on its config
        dataset = self.datasetInput.currentData()
        entry = catalog.DATASETS.get(dataset)
        if entry is not None:
            if self.datasetInput.findData(cfg.CUSTOM) >= 0:  # leaving your own data
                with QSignalBlocker(self.datasetInput):
                    self._show_custom(False)
            with QSignalBlocker(self.classesInput):
                self._show_classes(TrainConfig(dataset=dataset, classes=None))
        self._changed()

    @Slot()
    def _on_seed_text(self) -> None:
        shown = "" if self._config.data_seed is None else str(self._config.data_seed)
        if self.dataSeedInput.text().strip() != shown:
            self._changed()

    @Slot(bool)
    def _on_feature(self, on: bool) -> None:
        if not on and not any(box.isChecked() for box in self.featureBoxes.values()):
            box = self.sender()
            with QSignalBlocker(box):
                box.setChecked(True)
            self._set_features_error(self.tr("At least one input feature stays on: the network needs an input"))
            return
        self._set_features_error(None)
        self._changed()
