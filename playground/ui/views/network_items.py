"""The network view's items: a neuron (circle, picture, bias square), an edge (one weight), static
text, and a scene that builds tooltips when asked (an edge shows its weight as it is now) and says
which weight a click picked (an edge: ``fc2.weight[dst, src]``; a bias square: ``fc2.bias[i]``).
The weight being explained wears a highlight.

``maps_to_images`` turns activation maps into the round pictures the neurons show, colored by
the theme's diverging ramp.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Protocol

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem, QToolTip

from playground.ui import theme


class NeuronHost(Protocol):
    """What the items ask of the view that holds them (NetworkView)."""

    text_color: QColor

    def tr(self, text: str) -> str: ...
    def neuron_name(self, layer: int, index: int) -> str: ...
    def edge_weight(self, edge: EdgeItem) -> float | None: ...
    def circle_pixmap(self, r: float, scale: float, hovered: bool, filled: bool) -> QPixmap: ...
    def neuron_entered(self, layer: int, index: int) -> None: ...
    def neuron_left(self, layer: int, index: int) -> None: ...


@lru_cache(maxsize=1)
def _ramp_argb() -> np.ndarray:
    """(256,) uint32 0xAARRGGBB, opaque: the diverging ramp as the raster engine stores pixels."""
    lut = theme.diverging_lut(1.0).astype(np.uint32)
    return np.uint32(0xFF000000) | lut[:, 0] << 16 | lut[:, 1] << 8 | lut[:, 2]


def maps_to_images(maps: np.ndarray, scale: float | None = None) -> list[QImage]:
    """(n, h, w) maps, y rising with the row, to round QImages (row 0 at the top, transparent
    outside the inscribed disc), colored by the diverging ramp in [-scale, scale] (default: the largest
    magnitude among them)."""
    if scale is None:
        scale = float(np.abs(maps).max()) if maps.size else 1.0
    scale = scale if scale > 1e-9 else 1.0
    n, h, w = maps.shape
    idx = np.clip(maps[:, ::-1, :] * (127.5 / scale) + 127.5, 0, 255).astype(np.uint8)
    argb = np.where(_disc(h, w), _ramp_argb()[idx], np.uint32(0))  # 0xAARRGGBB, the raster engine's own
    images = []
    for k in range(n):
        buf = np.ascontiguousarray(argb[k])
        images.append(QImage(buf.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied).copy())
    return images


_discs: dict[tuple[int, int], np.ndarray] = {}


def _disc(h: int, w: int) -> np.ndarray:
    """(h, w) bool: the disc inscribed in an h x w image (the neuron's outline hides its rim)."""
    mask = _discs.get((h, w))
    if mask is None:
        y = (np.arange(h) + 0.5) / h * 2 - 1
        x = (np.arange(w) + 0.5) / w * 2 - 1
        mask = x[None, :] ** 2 + y[:, None] ** 2 <= 1.0
        _discs[(h, w)] = mask
    return mask


def draw_circle(r: float, scale: float, hovered: bool, filled: bool, color: QColor) -> QPixmap:
    """A neuron's outline (filled grey when it has no picture) over its bounding box, at ``scale``
    device pixels per scene unit."""
    m = r * 1.25
    size = max(1, math.ceil(2 * m * scale))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / (2 * m), size / (2 * m))
    p.translate(m, m)
    p.setPen(QPen(QColor(theme.HOVER) if hovered else color, r * (0.2 if hovered else 0.08)))
    p.setBrush(QBrush(QColor(theme.EMPTY_NEURON)) if filled else Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
    p.end()
    return pixmap


def _mark_pen(width: float) -> QPen:
    """The weight being explained: a dark outline, clear beside blue and orange weights alike."""
    pen = QPen(QColor(theme.HOVER), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class NeuronItem(QGraphicsItem):
    """A circle, optionally filled with an activation map, with its bias as a small square."""

    def __init__(self, view: NeuronHost, layer: int, index: int, radius: float, has_bias: bool):
        super().__init__()
        self.view, self.layer, self.index, self.r = view, layer, index, radius
        self.has_bias = has_bias
        self.bias: float | None = None
        self._bias_brush = QBrush()
        self.image: QImage | None = None
        self.hovered = False
        self.marked = False  # its bias is the weight being explained
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self._geometry(radius)

    def _geometry(self, radius: float) -> None:
        self.r = radius
        self._circle = QPainterPath()
        self._circle.addEllipse(QPointF(0, 0), radius, radius)
        m, s = radius * 1.25, radius * 0.62
        self._bounds = QRectF(-m, -m, 2 * m, 2 * m)  # asked for several times per paint: made once
        self._disc = QRectF(-radius, -radius, 2 * radius, 2 * radius)
        self._bias_rect = QRectF(-radius * 1.05, radius * 1.05 - s, s, s)
        self._shape = QPainterPath(self._circle)  # the bias square too: it can be hovered and clicked
        if self.has_bias:
            square = QPainterPath()
            square.addRect(self._bias_rect)
            self._shape = self._circle.united(square)
        self._bias_pen = QPen(self.view.text_color, radius * 0.05)

    def set_radius(self, radius: float) -> None:
        if radius != self.r:
            self.prepareGeometryChange()
            self._geometry(radius)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.image is not None:
            painter.drawImage(self._disc, self.image)  # already round (alpha outside the disc)
        # the outline (and the empty neuron's fill): an antialiased circle, drawn once per look and
        # zoom into a pixmap and blitted from then on; drawing it per paint dominates the view's
        # cost (benchmarks/bench_views.py)
        scale = painter.deviceTransform().m11()  # device pixels: crisp on high-DPI screens too
        painter.drawPixmap(self._bounds, self.view.circle_pixmap(self.r, scale, self.hovered, self.image is None),
                           QRectF())
        if self.has_bias and self.bias is not None:
            painter.setPen(self._bias_pen)
            painter.setBrush(self._bias_brush)
            painter.drawRect(self._bias_rect)
        if self.marked:
            m = self.r * 0.12
            painter.setPen(_mark_pen(self.r * 0.16))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._bias_rect.adjusted(-m, -m, m, m))

    def bias_contains(self, scene_pos: QPointF) -> bool:
        """Whether a point (scene coordinates) is on the bias square, give or take a little."""
        m = self.r * 0.15
        return self.has_bias and self._bias_rect.adjusted(-m, -m, m, m).contains(self.mapFromScene(scene_pos))

    def set_marked(self, on: bool) -> None:
        self.marked = on
        self.update()

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def set_bias(self, bias: float) -> None:
        if bias != self.bias:
            self.bias = bias
            self._bias_brush = QBrush(theme.diverging_color(math.tanh(bias)))
            self.update()

    def tooltip_text(self) -> str:
        text = self.view.neuron_name(self.layer, self.index)
        if self.has_bias and self.bias is not None:
            b = QCoreApplication.translate("NetworkView", "bias (fc%1.bias[%2]) = %3")
            text += "\n" + b.replace("%1", str(self.layer)).replace("%2", str(self.index)).replace("%3", f"{self.bias:+.4f}")
        if self.image is not None:
            text += "\n" + QCoreApplication.translate("NetworkView", "the picture: this neuron's output over the input plane")
        return text

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()
        self.view.neuron_entered(self.layer, self.index)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()
        self.view.neuron_left(self.layer, self.index)


class EdgeItem(QGraphicsPathItem):
    """One weight: fc{layer}.weight[dst, src], from neuron src of layer-1 to neuron dst of layer."""

    def __init__(self, view: NeuronHost, layer: int, src: int, dst: int, a: QPointF, b: QPointF, grab: float):
        super().__init__()
        self.view, self.layer, self.src, self.dst = view, layer, src, dst
        self._grab = grab
        self.marked = False  # the weight being explained
        self.set_ends(a, b)
        self.setZValue(0)

    def set_marked(self, on: bool) -> None:
        if on == self.marked:
            return
        self.prepareGeometryChange()
        self.marked = on
        if on:
            self._z, z = self.zValue(), 1.5  # above the other edges, under the neurons
        else:
            z = self._z
        self.setZValue(z)
        self.update()

    def boundingRect(self) -> QRectF:
        r = super().boundingRect()
        return r.adjusted(-self._grab, -self._grab, self._grab, self._grab) if self.marked else r

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.marked:
            painter.setPen(_mark_pen(self.pen().widthF() + self._grab * 0.35))
            painter.drawPath(self.path())
        super().paint(painter, option, widget)

    def set_ends(self, a: QPointF, b: QPointF) -> None:
        path = QPainterPath(a)
        path.lineTo(b)  # straight: curves double the paint cost (benchmarks/bench_views.py)
        self.setPath(path)
        stroker = QPainterPathStroker()
        stroker.setWidth(self._grab)
        self._shape = stroker.createStroke(path)

    def shape(self) -> QPainterPath:
        return self._shape  # a wide band, so a thin edge is easy to hover

    @property
    def weight(self) -> float | None:
        """The weight as of the last snapshot (None before the first)."""
        return self.view.edge_weight(self)

    def tooltip_text(self) -> str:
        v = self.view
        head = f"fc{self.layer}.weight[{self.dst}, {self.src}] = "
        head += f"{self.weight:+.4f}" if self.weight is not None else QCoreApplication.translate("NetworkView", "(not trained yet)")
        route = QCoreApplication.translate("NetworkView", "from %1 to %2")
        route = route.replace("%1", v.neuron_name(self.layer - 1, self.src)).replace("%2", v.neuron_name(self.layer, self.dst))
        return f"{head}\n{route}"


class TextItem(QGraphicsSimpleTextItem):
    """Static text, optionally on a patch of ``background`` (to read over edges); ``forms`` are
    the long and short wordings the view may switch between (``set_form``)."""

    def __init__(self, text: str, font: QFont, color: QColor, tooltip: str | None = None,
                 background: QColor | None = None):
        super().__init__(text)
        self.setFont(font)
        self.setBrush(QBrush(color))
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # static text
        self._tip = tooltip
        self._background = background
        self.forms: tuple[str, ...] = (text,)
        self.factor = 1.0  # its size as a share of the view's font (the view sets it)

    def tooltip_text(self) -> str | None:
        return self._tip

    def width_of(self, text: str) -> float:
        return QFontMetricsF(self.font()).horizontalAdvance(text)

    def set_form(self, index: int) -> None:
        text = self.forms[min(index, len(self.forms) - 1)]
        if text != self.text():
            self.setText(text)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._background is not None:
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            painter.setBrush(self._background)
            painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)


class Scene(QGraphicsScene):
    weightClicked = Signal(str, object)  # parameter name, index: ("fc2.weight", (dst, src)), ("fc2.bias", (i,))

    _press: QPointF | None = None

    def mousePressEvent(self, event) -> None:
        self._press = event.scenePos() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.scenePos() - press).manhattanLength() > 4:
            return  # a drag, not a click
        picked = weight_at(self.items(event.scenePos()), event.scenePos())
        if picked is not None:
            self.weightClicked.emit(*picked)

    def helpEvent(self, event) -> None:
        """Tooltips are built when asked, so an edge shows its weight as it is now."""
        for item in self.items(event.scenePos()):
            tip = getattr(item, "tooltip_text", None)
            text = tip() if tip is not None else None
            if text:
                QToolTip.showText(event.screenPos(), text, event.widget())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()


def weight_at(items, scene_pos: QPointF) -> tuple[str, tuple[int, ...]] | None:
    """The weight under a point: a neuron's bias square (its circle: none), else the edge nearest
    the point among those whose grab band holds it (edges cross: the topmost is not always meant)."""
    edges = []
    for item in items:  # topmost first
        if isinstance(item, NeuronItem):
            return (f"fc{item.layer}.bias", (item.index,)) if item.bias_contains(scene_pos) else None
        if isinstance(item, EdgeItem):
            edges.append(item)
    if not edges:
        return None
    best = min(edges, key=lambda e: _distance(scene_pos, e.path().elementAt(0), e.path().elementAt(1)))
    return f"fc{best.layer}.weight", (best.dst, best.src)


def _distance(p: QPointF, a, b) -> float:
    """From ``p`` to the segment a-b (path elements: .x, .y)."""
    dx, dy = b.x - a.x, b.y - a.y
    t = max(0.0, min(1.0, ((p.x() - a.x) * dx + (p.y() - a.y) * dy) / (dx * dx + dy * dy or 1.0)))
    return math.hypot(p.x() - a.x - t * dx, p.y() - a.y - t * dy)


def header_columns(headers, gap: float, pad: float) -> list[bool]:
    """Which columns show their header (head, count): all where the short forms fit between two
    columns, else every k-th column and the output (deep networks: 64 columns in a pane)."""
    n = len(headers)
    short = max(max(h.width_of(h.forms[1]), c.width_of(c.forms[1])) for h, c in headers)
    stride = max(1, math.ceil((short + pad) / max(gap, 1e-6))) if n > 2 else 1
    return [stride == 1 or col == n - 1 or (col % stride == 0 and col + stride <= n - 1) for col in range(n)]


__all__ = ["EdgeItem", "NeuronHost", "NeuronItem", "Scene", "TextItem", "draw_circle", "header_columns", "maps_to_images",
           "weight_at"]
