"""The window's look in one place: fonts, and the Qt side of the palette.

Hex values come from ``playground.core.palette`` (the CLI's graph renders use them too); this
module turns them into QColors, brushes and lookup tables. There is one diverging ramp (orange
for negative / class 0, a near-white middle, blue for positive / class 1) shared by the output
map, the neuron pictures, the weights and the biases; one gradient ramp for the autograd graph;
one color per class; one fill and border per graph node kind. One base font, every size derived
from it: presenter mode only has to change the base.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from playground.core.palette import (
    BLUE,
    CLASS_COLORS,
    DANGER,
    EDGE_ACTIVE,
    EDGE_COLOR,
    EDGE_IDLE,
    GRAD_RAMP,
    HIGHLIGHT,
    NODE_BORDERS,
    NODE_FILLS,
    ORANGE,
    TEST_COLOR,
    TEXT_DARK,
    TRAIN_COLOR,
    WRONG,
    hex_rgb,
    is_light,
    ramp_color,
)

# UI-only shades (nothing outside the window draws them).
NEUTRAL = "#f2f3f3"  # the middle of the diverging ramp: zero, or "not sure"
EMPTY_NEURON = "#e4e6e7"  # a neuron without a picture
HOVER = "#222222"  # the hovered neuron's ring
TEST_OUTLINE = "#111111"  # test points: dark ring
UNPREDICTED = "#9e9e9e"  # a point before the first prediction
TILE_FRAME = "#b0b0b0"  # a digit image predicted right (wrong ones are framed in WRONG)
PAPER = "#ffffff"  # the graph's background, on screen and in exported pictures
LINE = EDGE_IDLE  # thin rules and frames: histogram axes, the legend's bar
REGULARIZATION_COLOR = "#8e44ad"  # the loss plot's penalty curve (L1/L2), apart from train and test
MUTED_TEXT = "#6b7280"  # labels beside values (the graph inspector's table)

def rgb(color: str) -> np.ndarray:
    """A hex color as a (3,) float64 array, for mixing colors in numpy images."""
    return np.array(hex_rgb(color), dtype=np.float64)


# -- fonts --------------------------------------------------------------------------------


def em(widget: QWidget | None = None, factor: float = 1.0) -> int:
    """``factor`` times the height of a line of text in the widget's (or the app's) font."""
    font = widget.font() if widget is not None else QApplication.font()
    return max(1, round(QFontMetricsF(font).height() * factor))


def em_f(widget: QWidget, factor: float = 1.0) -> float:
    """``em`` unrounded: for sizes that need not be whole pixels (points, pens)."""
    return QFontMetricsF(widget.font()).height() * factor


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


# -- the diverging ramp (orange - near white - blue) ------------------------------------------


@lru_cache(maxsize=8)
def diverging_lut(strength: float = 1.0) -> np.ndarray:
    """(256, 3) uint8: orange (entry 0) through NEUTRAL (the middle) to blue (entry 255), read-only.
    ``strength`` < 1 pales both ends toward white (the output map behind the points)."""
    white = np.array([255.0, 255.0, 255.0])
    mid = np.array(hex_rgb(NEUTRAL), dtype=float)
    lo, hi = (white + (np.array(hex_rgb(c), dtype=float) - white) * strength for c in (ORANGE, BLUE))
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    lut = np.where(t < 0, mid + (lo - mid) * -t, mid + (hi - mid) * t).round().astype(np.uint8)
    lut.setflags(write=False)
    return lut


def diverging_colormap(strength: float = 1.0) -> pg.ColorMap:
    """The same ramp for pyqtgraph (color bars)."""
    return pg.ColorMap(np.linspace(0.0, 1.0, 256), diverging_lut(strength))


@lru_cache(maxsize=1)
def _diverging_qcolors() -> tuple[QColor, ...]:
    return tuple(QColor(int(r), int(g), int(b)) for r, g, b in diverging_lut(1.0))


def diverging_color(t: float) -> QColor:
    """The ramp's color at ``t`` in [-1, 1] (clamped): orange below zero, blue above."""
    return _diverging_qcolors()[min(255, max(0, int((t + 1.0) * 127.5)))]


def diverging_brushes(t: np.ndarray) -> list[QBrush]:
    """One brush per value of ``t`` in [-1, 1] (points colored by a value)."""
    idx = np.clip(((np.asarray(t, dtype=np.float64) + 1.0) * 127.5).astype(np.int64), 0, 255)
    colors = _diverging_qcolors()
    return [QBrush(colors[i]) for i in idx.tolist()]


_packed: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _packed_lut(lut: np.ndarray) -> np.ndarray:
    """(256,) uint32 whose bytes are the lut's RGBA (opaque where the lut has no alpha)."""
    hit = _packed.get(id(lut))
    if hit is None or hit[0] is not lut:
        rgba = np.full((len(lut), 4), 255, dtype=np.uint8)
        rgba[:, : lut.shape[1]] = lut
        hit = _packed[id(lut)] = (lut, rgba.view(np.uint32).ravel())
    return hit[1]


def to_rgba(data: np.ndarray, levels: tuple[float, float], lut: np.ndarray) -> np.ndarray:
    """(h, w) values through ``lut`` ((256, 3 or 4) uint8) over ``levels``, or (h, w, 3) uint8
    colors as they are, to (h, w, 4) uint8 RGBA; not-a-number is transparent."""
    h, w = data.shape[:2]
    if data.ndim == 3:
        out = np.empty((h, w, 4), dtype=np.uint8)
        out[..., :3] = data[..., :3]
        out[..., 3] = 255
        return out
    lo, hi = levels
    nan = np.isnan(data)
    has_nan = bool(nan.any())
    x = np.where(nan, lo, data) if has_nan else data
    idx = (x - lo) * (256.0 / (hi - lo) if hi > lo else 0.0)
    np.clip(idx, 0, 255, out=idx)
    out = _packed_lut(lut)[idx.astype(np.uint8, order="C")].view(np.uint8).reshape(h, w, 4)  # one gather
    if has_nan:
        out[nan, 3] = 0
    return out


# -- classes ------------------------------------------------------------------------------------


def class_color(c: int) -> str:
    """Class ``c``'s color (hex), wrapping around after the last."""
    return CLASS_COLORS[c % len(CLASS_COLORS)]


CLASS_RGB = np.array([hex_rgb(c) for c in CLASS_COLORS], dtype=np.float64)  # (K, 3)
CLASS_BRUSHES = np.array([QBrush(QColor(c)) for c in CLASS_COLORS], dtype=object)


def class_brushes(labels: np.ndarray) -> list[QBrush]:
    """One brush per class label."""
    return list(CLASS_BRUSHES[np.asarray(labels, dtype=np.int64) % len(CLASS_COLORS)])


# -- the autograd graph -------------------------------------------------------------------------

GRAD_QCOLORS = tuple(QColor(*ramp_color(i / 63)) for i in range(64))  # the gradient ramp, shared QColors
NODE_FILL_QCOLORS = {kind: QColor(c) for kind, c in NODE_FILLS.items()}
NODE_BORDER_QCOLORS = {kind: QColor(c) for kind, c in NODE_BORDERS.items()}


def grad_color(t: float) -> QColor:
    """The gradient ramp at ``t`` in 0..1."""
    return GRAD_QCOLORS[round(min(1.0, max(0.0, t)) * (len(GRAD_QCOLORS) - 1))]


def text_on(fill: QColor) -> QColor:
    """Text that reads on ``fill``: dark on light fills, white on dark ones."""
    return QColor(TEXT_DARK) if is_light((fill.red(), fill.green(), fill.blue())) else QColor("white")


# -- pyqtgraph plots ----------------------------------------------------------------------------


def style_canvas(canvas: pg.GraphicsLayoutWidget) -> None:
    """A plot canvas on the widget's base color, at least 12 x 10 lines of text."""
    canvas.setBackground(canvas.palette().color(QPalette.ColorRole.Base))
    canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    canvas.setMinimumSize(em(canvas, 12), em(canvas, 10))


def style_plot(plot: pg.PlotItem, widget: QWidget) -> None:
    """A still plot (no menu, no mouse zoom) with axes in the widget's text color and font."""
    text = widget.palette().color(QPalette.ColorRole.Text)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
        axis.setStyle(tickFont=widget.font())
    plot.getAxis("left").setWidth(em(widget, 2.6))


def label_style(widget: QWidget) -> dict:
    """Keyword arguments for pyqtgraph labels and titles: the widget's text color and size."""
    color = widget.palette().color(QPalette.ColorRole.Text).name()
    return {"color": color, "font-size": f"{widget.font().pointSizeF():.1f}pt"}


def swatch(color: str, text: str, symbol: str = "\u25cf") -> str:
    """A legend entry (rich text): a colored symbol, then ``text``."""
    return f'<span style="color:{color}; font-size:large">{symbol}</span>&nbsp;{text}'


__all__ = [
    "BLUE", "CLASS_BRUSHES", "CLASS_COLORS", "CLASS_RGB", "DANGER", "EDGE_ACTIVE", "EDGE_COLOR", "EDGE_IDLE",
    "EMPTY_NEURON", "GRAD_QCOLORS", "GRAD_RAMP", "HIGHLIGHT", "HOVER", "LINE", "MUTED_TEXT", "NEUTRAL", "NODE_BORDER_QCOLORS",
    "NODE_FILL_QCOLORS", "ORANGE", "PAPER", "TEST_COLOR", "TEST_OUTLINE", "TILE_FRAME", "TRAIN_COLOR",
    "UNPREDICTED", "WRONG", "class_brushes", "class_color", "diverging_brushes",
    "diverging_color", "diverging_colormap", "diverging_lut", "em", "em_f", "grad_color", "label_style", "rgb", "scaled_font",
    "style_canvas", "style_plot", "swatch", "text_on", "to_rgba",
]
