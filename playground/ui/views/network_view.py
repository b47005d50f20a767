"""The network view: neurons as circles, one column per layer, edges for the weights.

An edge is blue for a positive weight and orange for a negative one, and thicker the larger the
weight; each neuron carries its bias as a small colored square, and (2-D data, layers of up to 16
neurons) a thumbnail of its activation over the input plane. Layers wider than 16 neurons show
their first and last few neurons around an ellipsis that counts the rest, so a 512-wide layer
stays readable. Items are built once per architecture and placed in pixels for the view's size
(never scaled: every label keeps the font's size, and neurons grow or shrink with the pane); a
snapshot only re-pens edges and swaps thumbnails. Hovering a neuron emits ``neuronHovered(layer, index)`` ((-1, -1) on leaving); the
tooltip of an edge shows its weight live. Clicking an edge or a bias square emits
``weightClicked(param, index)``; ``select_weight`` marks the one being explained.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from playground.core.inspect import MAX_MAPPED_NEURONS, BoundarySnapshot, ViewSnapshot
from playground.ui import theme
from playground.ui.views import network_items
from playground.ui.views.network_items import EdgeItem, NeuronItem, Scene, TextItem, draw_circle, maps_to_images
from playground.ui.views.network_labels import NeuronNames

MAX_DRAWN = 16  # a layer up to this wide shows every neuron
HEAD, TAIL = 6, 2  # a wider one shows its first HEAD and last TAIL neurons around an ellipsis
WIDTH_LEVELS = 24  # edge pens are quantized to this many widths per sign and cached
LABEL_MIN, LABEL_MAX = 0.8, 1.3  # every text's size, as a share of the view's font


def shown_indices(n: int) -> list[int]:
    """Which neurons of an n-wide layer are drawn."""
    return list(range(n)) if n <= MAX_DRAWN else [*range(HEAD), *range(n - TAIL, n)]


class NetworkView(NeuronNames, QGraphicsView):
    """The network drawn live (``networkView``): call ``set_architecture`` then ``set_snapshot``."""

    neuronHovered = Signal(int, int)
    weightClicked = Signal(str, object)  # ("fc2.weight", (dst, src)) or ("fc2.bias", (i,))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self._scene = Scene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self._scene.weightClicked.connect(self.weightClicked)
        self._marked: tuple[str, tuple[int, ...]] | None = None
        # no SmoothPixmapTransform: thumbnails are drawn near their own size, and smoothing them
        # is a large share of the paint cost (benchmarks/bench_views.py)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Base))
        self.text_color = self.palette().color(QPalette.ColorRole.Text)
        self.setMinimumSize(round(self._em(12)), round(self._em(8)))
        self._sizes: tuple[int, ...] = ()
        self._neurons: list[dict[int, NeuronItem]] = []
        self._edges: list[list[EdgeItem]] = []  # per weight layer (fc1 first)
        self._edge_index: list[tuple[np.ndarray, np.ndarray]] = []  # (dst, src) per weight layer
        self._edge_keys: list[np.ndarray] = []  # each edge's pen (sign * WIDTH_LEVELS + level)
        self._weights: tuple[np.ndarray, ...] | None = None  # the last snapshot's, for tooltips
        self._pens: dict[tuple[int, int], QPen] = {}
        self._pen_unit = self._em()
        self._circles: dict[tuple, QPixmap] = {}
        self._more: list[tuple[int, TextItem, TextItem]] = []  # per wide layer: its ellipsis and "+N"
        self._headers: list[tuple[TextItem, TextItem]] = []  # per layer: name and neuron count
        self._labels: list[tuple[int, int, TextItem]] = []  # input and output neurons' names
        self._inputs_pictured: tuple | None = None  # (names, extent) the input neurons' pictures show
        self._input_names: tuple[str, ...] = ()  # catalog.FEATURES names of the input neurons, as the engine said
        self._hovered: tuple[int, int] | None = None
        self._placeholder = None
        self._show_placeholder()

    # -- geometry, from the font -----------------------------------------------------------
    def _em(self, factor: float = 1.0) -> float:
        return QFontMetricsF(self.font()).height() * factor

    def _font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        return font

    def _text(self, text: str, factor: float, color: QColor, tip: str | None = None, bold: bool = False,
              background: QColor | None = None) -> TextItem:
        item = TextItem(text, self._font(factor, bold), color, tip, background)
        item.factor = factor  # kept: a zoom re-makes its font at the same share of the view's
        return item

    # -- public API -------------------------------------------------------------------------
    @property
    def sizes(self) -> tuple[int, ...]:
        return self._sizes

    @Slot(list)
    def set_architecture(self, sizes: list[int]) -> None:
        """Build the items for ``sizes`` (input, hidden..., output neurons)."""
        self._sizes = tuple(int(s) for s in sizes)
        self._scene.clear()
        self._placeholder = None
        self._neurons, self._edges, self._edge_index, self._edge_keys = [], [], [], []
        self._more, self._headers, self._labels = [], [], []
        self._weights, self._marked = None, None
        self._pens.clear()
        self._inputs_pictured = None
        if self._hovered is not None:
            self._hovered = None
            self.neuronHovered.emit(-1, -1)
        if len(self._sizes) < 2:
            self._show_placeholder()
            return

        text = self.palette().color(QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlphaF(0.65)
        paper = self.palette().color(QPalette.ColorRole.Base)
        n_layers = len(self._sizes)
        for col, n in enumerate(self._sizes):
            neurons = {}
            for idx in shown_indices(n):
                item = NeuronItem(self, col, idx, self._em(1.2), has_bias=col > 0)
                self._scene.addItem(item)
                neurons[idx] = item
            if n > MAX_DRAWN:
                hidden = n - len(neurons)
                tip = self.tr("%1 more neurons, not drawn so the picture stays readable").replace("%1", str(hidden))
                dots = self._text("\u22ee", LABEL_MAX, text, tip, bold=True)
                more = self._text(f"+{hidden}", 0.9, faint, tip, background=paper)
                for item in (dots, more):
                    item.setZValue(3)  # above the edges that pass by
                    self._scene.addItem(item)
                self._more.append((col, dots, more))
            self._neurons.append(neurons)
        for layer in range(1, n_layers):  # edges between drawn neurons; placed by _layout
            edges, dst_idx, src_idx = [], [], []
            for dst in self._neurons[layer]:
                for src in self._neurons[layer - 1]:
                    e = EdgeItem(self, layer, src, dst, QPointF(), QPointF(), 0.5 * self._em())
                    self._scene.addItem(e)
                    edges.append(e)
                    dst_idx.append(dst)
                    src_idx.append(src)
            self._edges.append(edges)
            self._edge_keys.append(np.full(len(edges), -1, dtype=np.int64))
            self._edge_index.append((np.array(dst_idx, dtype=np.int64), np.array(src_idx, dtype=np.int64)))
        for col, n in enumerate(self._sizes):  # column headers: a long and a short form each
            if col == 0:
                names = (self.tr("Input"), self.tr("In"))
            elif col == n_layers - 1:
                names = (self.tr("Output"), self.tr("Out"))
            else:
                names = (self.tr("Hidden %1").replace("%1", str(col)), self.tr("H%1").replace("%1", str(col)))
            counts = (self.tr("%1 neurons").replace("%1", str(n)) if n != 1 else self.tr("1 neuron"), str(n))
            head = self._text(names[0], 1.0, text, names[0], bold=True)
            count = self._text(counts[0], 0.9, faint, counts[0])
            head.forms, count.forms = names, counts
            self._scene.addItem(head)
            self._scene.addItem(count)
            self._headers.append((head, count))
        for col, name in ((0, self.input_label), (n_layers - 1, self.output_label)):
            for idx in self._neurons[col]:
                label = self._text(name(idx), 0.95, text)
                self._scene.addItem(label)
                self._labels.append((col, idx, label))
        self._layout()

    def _layout(self) -> None:
        """Place everything for the viewport's size, in pixels (the view is never scaled, so text
        keeps the font's size): neurons as large as the height allows, columns spread over the width."""
        if not self._neurons:
            return
        vw, vh = max(1.0, float(self.viewport().width())), max(1.0, float(self.viewport().height()))
        self.resetTransform()
        self._scene.setSceneRect(0, 0, vw, vh)
        u = self._em()
        m = 0.4 * u
        n_cols = len(self._sizes)
        slots = [len(c) + (1 if n > MAX_DRAWN else 0) for c, n in zip(self._neurons, self._sizes)]
        tallest = max(slots)
        head_h = sum(item.boundingRect().height() for item in self._headers[0])
        pitch = min((vh - head_h - 0.4 * u - 2 * m) / tallest, 4.0 * u)
        show_labels = pitch >= 0.85 * QFontMetricsF(self._font(0.95)).height()
        left = max((it.boundingRect().width() for c, _, it in self._labels if c == 0), default=0.0) + 0.3 * u
        right = max((it.boundingRect().width() for c, _, it in self._labels if c == n_cols - 1), default=0.0) + 0.3 * u
        if not show_labels:
            left = right = 0.0
        span = vw - 2 * m - left - right
        r = max(0.15 * u, min(pitch * 0.42, span / max(1, n_cols - 1) * 0.2, 2.4 * u))
        gap = min((span - 2 * r) / max(1, n_cols - 1), max(8.0 * u, 10 * r))
        x0 = (vw - gap * (n_cols - 1)) / 2 + (left - right) / 2  # the picture centred, labels included
        y_mid = m + head_h + 0.4 * u + (vh - head_h - 0.4 * u - 2 * m) / 2
        for col, neurons in enumerate(self._neurons):
            n = self._sizes[col]
            y0 = y_mid - (slots[col] - 1) / 2 * pitch
            for slot, item in enumerate(neurons.values()):
                if n > MAX_DRAWN and slot >= HEAD:
                    slot += 1  # leave the ellipsis its slot
                item.set_radius(r)
                item.setPos(x0 + col * gap, y0 + slot * pitch)
        for col, dots, more in self._more:
            x, y = x0 + col * gap, y_mid - (slots[col] - 1) / 2 * pitch + HEAD * pitch
            db, mb = dots.boundingRect(), more.boundingRect()
            dots.setPos(x - db.width() / 2, y - db.height() / 2)
            more.setPos(x + db.width() / 2 + 0.15 * u, y - mb.height() / 2)
            # "+N" only where it does not run into the next column (the header and the tooltip count them)
            more.setVisible(n_cols == 1 or db.width() + 0.3 * u + mb.width() < gap)
            dots.setVisible(n_cols == 1 or db.width() + 0.1 * u < gap)  # 64 columns: they would touch
        for layer, edges in enumerate(self._edges, start=1):
            for e in edges:
                a = self._neurons[layer - 1][e.src].pos()
                b = self._neurons[layer][e.dst].pos()
                e.set_ends(a + QPointF(r, 0), b - QPointF(r, 0))
        top = y_mid - (tallest - 1) / 2 * pitch - r - 0.3 * u
        widest = max(max(h.width_of(h.forms[0]), c.width_of(c.forms[0])) for h, c in self._headers)
        form = 0 if n_cols == 1 or widest <= gap - 0.3 * u else 1  # short headers where long ones would touch
        shown = network_items.header_columns(self._headers, gap, 0.3 * u)  # 64 columns: every k-th one's header
        for col, (head, count) in enumerate(self._headers):
            x, y = x0 + col * gap, top
            for item in (count, head):
                item.setVisible(shown[col])
                item.set_form(form)
                y -= (b := item.boundingRect()).height()
                item.setPos(min(max(m, x - b.width() / 2), vw - m - b.width()), y)
        for col, idx, label in self._labels:
            label.setVisible(show_labels)
            p, b = self._neurons[col][idx].pos(), label.boundingRect()
            x = p.x() - r - 0.3 * u - b.width() if col == 0 else p.x() + r + 0.3 * u
            label.setPos(x, p.y() - b.height() / 2)
        pen_unit = r / 1.2  # edge widths keep their proportion to the neurons
        if abs(pen_unit - self._pen_unit) > 0.02 * self._pen_unit:
            self._pen_unit = pen_unit
            self._pens.clear()
            for layer, keys in enumerate(self._edge_keys, start=1):
                for e, key in zip(self._edges[layer - 1], keys.tolist()):
                    if key >= 0:
                        e.setPen(self._pen(divmod(key, WIDTH_LEVELS), pen_unit))

    @Slot(object)
    def set_snapshot(self, snap: ViewSnapshot) -> None:
        """Re-pen the edges, set the biases and thumbnails; no items are created."""
        if not self._sizes:
            self.set_architecture(list(snap.sizes))
        elif tuple(snap.sizes) != self._sizes:
            return  # a snapshot of an older architecture, still on its way
        u = self._pen_unit
        self._weights = snap.weights
        for layer, (w, b) in enumerate(zip(snap.weights, snap.biases), start=1):
            dst, src = self._edge_index[layer - 1]
            values = w[dst, src]
            levels = np.rint(np.tanh(np.abs(values) / 1.5) * (WIDTH_LEVELS - 1)).astype(np.int64)
            keys = np.where(values >= 0, WIDTH_LEVELS, 0) + levels  # sign and width: one pen each
            old = self._edge_keys[layer - 1]
            edges = self._edges[layer - 1]
            for k in np.flatnonzero(keys != old).tolist():  # only the edges whose look changed
                sign, level = divmod(int(keys[k]), WIDTH_LEVELS)
                edges[k].setPen(self._pen((sign, level), u))
                edges[k].setZValue(level / WIDTH_LEVELS)  # strong weights on top, under the neurons
            self._edge_keys[layer - 1] = keys
            for idx, item in self._neurons[layer].items():
                item.set_bias(float(b[idx]))
        if isinstance(snap, BoundarySnapshot):
            self._set_pictures(snap)

    def circle_pixmap(self, r: float, scale: float, hovered: bool, filled: bool) -> QPixmap:
        """A neuron's outline (filled grey when it has no picture) over its bounding box, at
        ``scale`` device pixels per scene unit."""
        key = (r, scale, hovered, filled)
        pixmap = self._circles.get(key)
        if pixmap is None:
            if len(self._circles) > 64:  # zoom levels come and go with resizes
                self._circles.clear()
            pixmap = self._circles[key] = draw_circle(r, scale, hovered, filled, self.text_color)
        return pixmap

    def edge_weight(self, edge: EdgeItem) -> float | None:
        """The weight an edge stands for, as of the last snapshot (None before the first)."""
        if self._weights is None or edge.layer > len(self._weights):
            return None
        return float(self._weights[edge.layer - 1][edge.dst, edge.src])

    def neuron_item(self, layer: int, index: int) -> NeuronItem | None:
        return self._neurons[layer].get(index) if 0 <= layer < len(self._neurons) else None

    def edge_item(self, layer: int, src: int, dst: int) -> EdgeItem | None:
        """The edge of fc{layer}.weight[dst, src], if drawn."""
        if not 1 <= layer <= len(self._edges):
            return None
        for e in self._edges[layer - 1]:
            if e.src == src and e.dst == dst:
                return e
        return None

    def select_weight(self, param: str | None, index: tuple[int, ...] = ()) -> None:
        """Mark one weight ("fc2.weight", (dst, src)) or bias ("fc2.bias", (i,)); None: none."""
        old = self._weight_item(*self._marked) if self._marked else None
        if old is not None:
            old.set_marked(False)
        self._marked = (param, tuple(index)) if param else None
        item = self._weight_item(*self._marked) if self._marked else None
        if item is not None:
            item.set_marked(True)

    def selected_weight(self) -> tuple[str, tuple[int, ...]] | None:
        return self._marked

    def _weight_item(self, param: str, index: tuple[int, ...]) -> EdgeItem | NeuronItem | None:
        layer, kind = int(param.split(".")[0][2:]), param.split(".")[1]
        return self.edge_item(layer, index[1], index[0]) if kind == "weight" else self.neuron_item(layer, index[0])

    def edge_count(self) -> int:
        return sum(len(e) for e in self._edges)

    def drawn_neurons(self, layer: int) -> list[int]:
        return sorted(self._neurons[layer])

    def thumbnail_count(self, hidden_only: bool = True) -> int:
        layers = self._neurons[1:-1] if hidden_only else self._neurons
        return sum(1 for layer in layers for item in layer.values() if item.image is not None)

    # -- internals --------------------------------------------------------------------------
    def _pen(self, key: tuple[int, int], u: float) -> QPen:
        pen = self._pens.get(key)
        if pen is None:
            sign, level = key
            t = level / (WIDTH_LEVELS - 1)
            # opaque colors from the diverging ramp, weaker weights nearer its pale middle: alpha
            # blending of many wide antialiased lines doubles the paint cost (benchmarks/bench_views.py)
            a = 0.3 + 0.7 * t
            color = theme.diverging_color(a if sign else -a)
            pen = QPen(color, u * (0.04 + 0.42 * t))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self._pens[key] = pen
        return pen

    def _set_pictures(self, snap: BoundarySnapshot) -> None:
        n_layers = len(self._sizes)
        if snap.input_names:
            self.set_input_names(snap.input_names)
        maps = snap.input_maps
        key = (snap.input_names, snap.extent)
        if self._inputs_pictured != key and maps is not None and len(maps) == self._sizes[0]:
            # each feature's value over the plane, on its own scale (x1^2 never goes negative: pale to blue)
            for idx, item in self._neurons[0].items():
                item.set_image(maps_to_images(maps[idx:idx + 1])[0])
            self._inputs_pictured = key
        for k, maps in enumerate(snap.neuron_maps):
            layer = k + 1
            if maps is None or layer >= n_layers - 1 or len(maps) > MAX_MAPPED_NEURONS:
                continue
            for idx, image in enumerate(maps_to_images(maps)):
                item = self._neurons[layer].get(idx)
                if item is not None:
                    item.set_image(image)
        out = self._neurons[-1]
        maps = snap.output_maps
        if maps is None or len(maps) != self._sizes[-1]:
            pictures = []
        elif snap.task == "regression":
            pictures = maps_to_images(maps)
        else:  # each output neuron its own class's probability: blue where likely, orange where not
            pictures = maps_to_images(maps * 2 - 1, scale=1.0)
        for idx, image in enumerate(pictures):
            if idx in out:
                out[idx].set_image(image)

    def neuron_entered(self, layer: int, index: int) -> None:
        self._hovered = (layer, index)
        self.neuronHovered.emit(layer, index)

    def neuron_left(self, layer: int, index: int) -> None:
        if self._hovered == (layer, index):
            self._hovered = None
            self.neuronHovered.emit(-1, -1)

    def _show_placeholder(self) -> None:
        self._placeholder = self._text(self.tr("The network appears here"), 1.0,
                                       self.palette().color(QPalette.ColorRole.Text))
        self._scene.addItem(self._placeholder)
        self._fit()

    def _fit(self) -> None:
        if self._placeholder is not None:
            vw, vh = self.viewport().width(), self.viewport().height()
            self.resetTransform()
            self._scene.setSceneRect(0, 0, vw, vh)
            b = self._placeholder.boundingRect()
            self._placeholder.setPos((vw - b.width()) / 2, (vh - b.height()) / 2)
        else:
            self._layout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        """The window zoomed: texts take the new font's sizes, then everything is placed again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_labels"):
            self.setMinimumSize(round(self._em(12)), round(self._em(8)))
            for item in self.text_items():
                item.setFont(self._font(item.factor, item.font().bold()))
            self._fit()

    # -- what it shows, for layout tests ---------------------------------------------------
    def text_items(self) -> list[TextItem]:
        """Every text drawn: headers, neuron names, the ellipses and "+N" of wide layers."""
        return [it for it in self._scene.items() if isinstance(it, TextItem)]

    def text_pixel_sizes(self) -> dict[str, float]:
        """Each shown text's line height in device pixels, as the view draws it now."""
        scale = self.transform().m22()
        return {it.text(): QFontMetricsF(it.font()).height() * scale for it in self.text_items() if it.isVisible()}

    def clipped_texts(self) -> list[str]:
        """Shown texts that leave the viewport or overlap another text ([] when all read whole)."""
        seen = self.mapToScene(self.viewport().rect()).boundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
        shown = [(it.text(), it.sceneBoundingRect()) for it in self.text_items() if it.isVisible()]
        cut = [t for t, r in shown if not seen.contains(r)]
        for i, (t, r) in enumerate(shown):
            if any(r.adjusted(0.5, 0.5, -0.5, -0.5).intersects(o) for _, o in shown[i + 1:]):
                cut.append(t)
        return cut


__all__ = ["NetworkView", "NeuronItem", "EdgeItem", "shown_indices", "maps_to_images", "MAX_DRAWN"]
