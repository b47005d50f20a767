"""The project's colors, as plain hex strings (no Qt): the window, the CLI's graph renders and the
tests all read them from here, so a color is defined once.

Also the gradient legend: its ramp, ``ramp_color(t)``, and where a gradient norm falls on it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

# TensorFlow Playground's palette: orange for negative / class 0, blue for positive / class 1.
ORANGE = "#f59322"
BLUE = "#0877bd"
TRAIN_COLOR = "#1f77b4"
TEST_COLOR = "#ff7f0e"
DANGER = "#c62828"
WRONG = "#d32f2f"  # a misclassified point's frame

# One color per class; classes 0 and 1 keep the playground's orange and blue.
CLASS_COLORS = (ORANGE, BLUE, "#2e9d4a", "#8e44ad", "#c0392b", "#16a3b8", "#7f6a00", "#e84393", "#555555",
                "#2c3e9e")

# The computation graph, per node kind (op | param | input | target | loss | layer).
NODE_FILLS = {"param": "#dbeafe", "input": "#e5e7eb", "target": "#e5e7eb", "loss": "#fee2e2", "op": "#f3f4f6",
              "layer": "#f3f4f6"}
NODE_BORDERS = {"param": "#1d4ed8", "input": "#6b7280", "target": "#6b7280", "loss": "#b91c1c", "op": "#374151",
                "layer": "#374151"}
EDGE_COLOR = "#6b7280"
EDGE_IDLE = "#9ca3af"
EDGE_ACTIVE = "#4b5563"
HIGHLIGHT = "#f97316"  # the selected node's frame
TEXT_DARK = "#111827"  # text on a light fill (white on a dark one)

# A perceptually ordered ramp (viridis, sampled): small gradients dark blue, large bright yellow.
GRAD_RAMP = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``"#f59322"`` -> ``(245, 147, 34)``."""
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def rgb_hex(rgb: Iterable[int]) -> str:
    r, g, b = rgb
    return f"#{r:02x}{g:02x}{b:02x}"


def is_light(rgb: tuple[int, int, int]) -> bool:
    """Whether dark text reads on this fill (perceived luminance above 140 of 255)."""
    r, g, b = rgb
    return 0.299 * r + 0.587 * g + 0.114 * b > 140


_RAMP_STOPS = [hex_rgb(c) for c in GRAD_RAMP]


def ramp_color(t: float) -> tuple[int, int, int]:
    """The legend's color at ``t`` in 0..1."""
    stops = _RAMP_STOPS
    x = t * (len(stops) - 1)
    i = min(int(x), len(stops) - 2)
    f = x - i
    a, b = stops[i], stops[i + 1]
    return tuple(round(a[k] + (b[k] - a[k]) * f) for k in range(3))


def grad_range(node_stats: Mapping[str, Mapping[str, Any]], ids=None) -> tuple[float, float]:
    """log10 of the smallest and largest finite, positive gradient norm (the legend's ends)."""
    logs = []
    for nid, st in node_stats.items():
        if ids is not None and nid not in ids:
            continue
        g = st.get("grad_norm")
        if g is not None and math.isfinite(g) and g > 0:
            logs.append(math.log10(g))
    if not logs:
        return (-3.0, 0.0)
    lo, hi = min(logs), max(logs)
    if hi - lo < 1e-6:
        lo, hi = lo - 0.5, hi + 0.5
    return lo, hi


def grad_fraction(g: float | None, lo: float, hi: float) -> float | None:
    """Where a gradient norm falls on the log-scale legend, 0..1 (None: no gradient)."""
    if g is None or not math.isfinite(g) or g <= 0:
        return None
    return min(1.0, max(0.0, (math.log10(g) - lo) / (hi - lo)))


__all__ = [
    "BLUE", "CLASS_COLORS", "DANGER", "EDGE_ACTIVE", "EDGE_COLOR", "EDGE_IDLE", "GRAD_RAMP", "HIGHLIGHT",
    "NODE_BORDERS", "NODE_FILLS", "ORANGE", "TEST_COLOR", "TEXT_DARK", "TRAIN_COLOR", "WRONG", "grad_fraction",
    "grad_range", "hex_rgb", "is_light", "ramp_color", "rgb_hex",
]
