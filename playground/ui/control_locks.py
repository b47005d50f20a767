"""What a lesson does to the settings panel: lock the widgets of the fields it fixes (with a
tooltip that says so) and hide the rows of the fields it hides. A mixin of ControlPanel: it reads
the panel's widgets by name, its ``_running`` flag, ``_locked`` fields and ``_free_tooltips``."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from playground.core import config as cfg

# Each TrainConfig field a lesson can lock or hide: the panel's widgets that edit it.
_FIELD_WIDGETS = {
    "dataset": ("datasetInput",),
    "noise": ("noiseInput",),
    "train_fraction": ("splitInput",),
    "samples": ("samplesInput",),
    "data_seed": ("dataSeedInput", "regenerateButton"),
    "classes": ("classesInput",),
    "features": ("featuresInput",),
    "data": (),  # no control: the file menu imports your own data
    "standardize": ("standardizeInput",),
    "hidden": ("layerSizesInput", "addLayerButton", "removeLayerButton", "layerSpins"),
    "model": ("modelInput",),
    "channels": ("channelsInput",),
    "kernel_size": ("kernelSizeInput",),
    "heads": ("headsInput",),
    "activation": ("activationInput",),
    "dropout": ("dropoutInput",),
    "learning_rate": ("learningRateSlider", "learningRateInput"),
    "epochs": ("epochsInput",),
    "batch_size": ("batchSizeInput",),
    "optimizer": ("optimizerInput",),
    "weight_decay": ("weightDecayInput",),
    "regularization": ("regularizationInput",),
    "regularization_rate": ("regularizationRateInput",),
    "seed": ("seedInput",),
    "device": ("deviceInput",),
}


class LessonLocks:
    def set_locked(self, fields: tuple[str, ...]) -> None:
        """Disable the widgets of these TrainConfig fields (a lesson fixes them), with a tooltip
        that says so; () frees them all. Holds across set_running and set_config."""
        unknown = [f for f in fields if f not in _FIELD_WIDGETS]
        if unknown:
            raise ValueError(f"unknown setting {unknown[0]!r}; allowed: {', '.join(_FIELD_WIDGETS)}")
        self._locked = tuple(fields)
        locked = self._locked_widgets()
        model = self._model_inputs()
        note = self.tr("This lesson fixes this setting.")
        for w in self._lockable_widgets():
            if w in locked:
                self._free_tooltips.setdefault(w, w.toolTip())
                w.setToolTip(f"{note}\n{self._free_tooltips[w]}".strip())
            elif w in self._free_tooltips:
                w.setToolTip(self._free_tooltips.pop(w))
            w.setEnabled(w not in locked and not (self._running and w in model))
        if "hidden" not in self._locked and not self._running:
            self.addLayerButton.setEnabled(len(self._config.hidden) < cfg.MAX_LAYERS)
        self._update_enabled()  # what the config itself rules out (the panel's)

    def set_hidden(self, fields: tuple[str, ...]) -> None:
        """Hide the rows (label and widgets) of these TrainConfig fields, and a group box whose
        rows are all hidden; () shows them all again."""
        unknown = [f for f in fields if f not in _FIELD_WIDGETS]
        if unknown:
            raise ValueError(f"unknown setting {unknown[0]!r}; allowed: {', '.join(_FIELD_WIDGETS)}")
        shown_in: dict[QFormLayout, bool] = {}
        for name in _FIELD_WIDGETS:
            for form, row in self._field_rows(name):
                form.setRowVisible(row, name not in fields)
                shown_in[form] = shown_in.get(form, False) or name not in fields
        for form, shown in shown_in.items():
            if isinstance(form.parentWidget(), QGroupBox):
                form.parentWidget().setVisible(shown)
        cnn = getattr(self, "cnn", None)
        if cnn is not None:  # the CNN's rows show only while the model is the CNN
            cnn.set_shown(self._config.model == "cnn", hidden=tuple(fields))
        heads = getattr(self, "heads", None)
        if heads is not None:  # the attention model's heads: likewise (ui/model_controls.py)
            heads.set_shown(self._config.model == "attention", hidden=tuple(fields))

    def _widgets_of(self, name: str) -> list[QWidget]:
        # the panel's own attributes, or the widgets of its parts (the Data group) by object name
        return [w if (w := getattr(self, attr, None)) is not None else self.findChild(QWidget, attr)
                for attr in _FIELD_WIDGETS[name]]

    def _lockable_widgets(self) -> list[QWidget]:
        return [self.presetInput, *(w for name in _FIELD_WIDGETS for w in self._widgets_of(name))]

    def _locked_widgets(self) -> list[QWidget]:
        """The widgets a lesson fixes; the preset box too, since a preset would change them."""
        widgets = [w for name in self._locked for w in self._widgets_of(name)]
        return [self.presetInput, *widgets] if widgets else []

    def _field_rows(self, name: str) -> list[tuple[QFormLayout, int]]:
        """The form rows holding a field's widgets (a widget may sit in a row of several)."""
        rows = []
        for w in self._widgets_of(name):
            while w is not None and w is not self:
                parent = w.parentWidget()
                form = parent.layout() if parent is not None else None
                row = form.getWidgetPosition(w)[0] if isinstance(form, QFormLayout) else -1
                if row >= 0:
                    if (form, row) not in rows:
                        rows.append((form, row))
                    break
                w = parent
        return rows


__all__ = ["LessonLocks"]
