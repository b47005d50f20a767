"""The settings panel's number boxes with a twist: the learning rate's log slider mapping and a
box that says when it refuses typed text, and the dropout box that shows "per layer"."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from playground.core import config as cfg

LR_SLIDER_STEPS = 600  # 1e-5 .. 10 is six decades: 100 slider steps per decade


def lr_to_slider(lr: float) -> int:
    lr = min(max(lr, cfg.MIN_LR), cfg.MAX_LR)
    return round((math.log10(lr) - math.log10(cfg.MIN_LR)) * 100)


def slider_to_lr(value: int) -> float:
    return float(f"{10 ** (math.log10(cfg.MIN_LR) + value / 100):.3g}")


class DropoutBox(QDoubleSpinBox):
    """The dropout rate; while the config holds one rate per hidden layer (``per_layer``) it shows
    ``per_layer_text`` and is disabled, its tooltip listing the rates."""

    per_layer: tuple[float, ...] | None = None
    per_layer_text = "per layer"

    def textFromValue(self, value: float) -> str:
        return self.per_layer_text if self.per_layer is not None else super().textFromValue(value)


class RateBox(QDoubleSpinBox):
    """The learning-rate box; ``refused(text)`` when it rejects typed text (e.g. 50, above 10)."""

    refused = Signal(str)

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.Invalid:
            self.refused.emit(text)
        return result
