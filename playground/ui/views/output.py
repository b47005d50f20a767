"""The output view: what the network answers, painted where the data lives.

For 2-D datasets the model's output over the input plane (P(class 1), the winning class tinted by
its confidence, or the predicted value) with the training and test points on top; for digits a
confusion matrix and a grid of test images labelled with their prediction; for other data a 2-D
projection of the points colored by prediction. Items are created once per dataset; a snapshot
only calls ``setImage`` / ``setData`` on them.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.datasets import Dataset
from playground.core.inspect import ViewSnapshot, grid_axes, plot_extent, projection_2d, view_kind
from playground.ui.style import BLUE, ORANGE, scaled_font

# TensorFlow Playground's palette (ui/style.py): orange for class 0 / negative, blue for class 1 / positive.
WRONG = "#d32f2f"
CLASS_COLORS = [ORANGE, BLUE, "#2e9d4a", "#8e44ad", "#c0392b", "#16a3b8", "#7f6a00", "#e84393", "#555555", "#2c3e9e"]
DIGIT_TILES = (4, 6)  # rows, columns of test images shown


def _rgb(color: str) -> np.ndarray:
    c = QColor(color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


def mix(a: str, b: str, t: float) -> QColor:
    """``a`` moved a share ``t`` of the way to ``b``."""
    ca, cb = _rgb(a), _rgb(b)
    r, g, bl = (ca + (cb - ca) * t).round().astype(int)
    return QColor(int(r), int(g), int(bl))


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


_packed: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _packed_lut(lut: np.ndarray) -> np.ndarray:
    """(256,) uint32 whose bytes are the lut's RGBA (opaque where the lut has no alpha)."""
    hit = _packed.get(id(lut))
    if hit is None or hit[0] is not lut:
        rgba = np.full((len(lut), 4), 255, dtype=np.uint8)
        rgba[:, : lut.shape[1]] = lut
        hit = _packed[id(lut)] = (lut, rgba.view(np.uint32).ravel())
    return hit[1]


def diverging_map(strength: float = 1.0) -> pg.ColorMap:
    """Orange (low) through near-white to blue (high); ``strength`` < 1 pales the ends."""
    pale = 1.0 - strength
    colors = [mix(ORANGE, "#ffffff", pale), QColor("#f2f3f3"), mix(BLUE, "#ffffff", pale)]
    return pg.ColorMap([0.0, 0.5, 1.0], colors)


def _upsample(a: np.ndarray, factor: int) -> np.ndarray:
    """Bilinear upsampling of a small (h, w) map by ``factor``, pixel centres kept in place."""
    h, w = a.shape

    def coords(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        c = np.clip((np.arange(n * factor) + 0.5) / factor - 0.5, 0, n - 1)
        lo = np.floor(c).astype(np.int64)
        hi = np.minimum(lo + 1, n - 1)
        return lo, hi, (c - lo).astype(np.float32)

    y0, y1, ty = coords(h)
    x0, x1, tx = coords(w)
    rows = a[y0] * (1 - ty)[:, None] + a[y1] * ty[:, None]
    return (rows[:, x0] * (1 - tx) + rows[:, x1] * tx).astype(np.float32)


class OutputView(QWidget):
    """Output of the model over its input (``boundaryView``). Feed it ``set_dataset`` then snapshots."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self._dataset: Dataset | None = None
        self._kind: str | None = None
        self._snap: ViewSnapshot | None = None
        self._hover: tuple[int, int] | None = None
        self._value_range = 1.0  # regression: colors span [-r, r]
        self._extent = (-1.2, 1.2, -1.2, 1.2)
        self._bg_map = diverging_map(0.7)
        self._bg_lut = self._bg_map.getLookupTable(nPts=256)
        self._neuron_lut = diverging_map(1.0).getLookupTable(nPts=256)
        self._levels: tuple[float, float] | None = None
        self._shown_data: np.ndarray | None = None  # the values behind the boundary image
        self._image_shape: tuple[int, ...] = ()
        self._bar_label = ""
        self._lut_is_neuron = False

        self._title = QLabel()
        self._title.setFont(scaled_font(self, 1.0, bold=True))
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._title.setMinimumWidth(round(self._em(6)))
        # Plain text whose width only grows (see _set_info): its text changes with every refresh,
        # and rich text or a width that follows the text cost a relayout of the pane each time
        # (1.4 ms of 3.3 ms per refresh in benchmarks/bench_views.py).
        self._info = QLabel()
        self._info.setTextFormat(Qt.TextFormat.PlainText)
        self._info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._info.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._show_test = QCheckBox(self.tr("Show test data"))
        self._show_test.setChecked(True)
        self._show_test.setToolTip(self.tr("Draw the held-out test points too (dark outline)"))
        self._show_test.toggled.connect(self._on_show_test)
        self._discretize = QCheckBox(self.tr("Discretize output"))
        self._discretize.setToolTip(self.tr("Paint only the decision, not how sure the network is"))
        self._discretize.toggled.connect(self._on_discretize)
        self._legend = QLabel()
        self._legend.setWordWrap(True)
        self._legend.setTextFormat(Qt.TextFormat.RichText)

        header = QHBoxLayout()  # title and numbers above the picture, legend and toggles below it
        header.addWidget(self._title, 1)
        header.addWidget(self._info)
        footer = QHBoxLayout()
        footer.addWidget(self._legend, 1)
        footer.addWidget(self._show_test)
        footer.addWidget(self._discretize)

        self._empty = QLabel(self.tr("Choose a dataset and press Train to see what the network learns."))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty)
        self._build_boundary_page()
        self._build_digits_page()
        self._build_projection_page()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self._stack, 1)
        layout.addLayout(footer)
        self._show_controls(False)
        self._title.setText(self.tr("Output"))

    # -- construction ---------------------------------------------------------------------
    def _em(self, factor: float = 1.0) -> float:
        return QFontMetricsF(self.font()).height() * factor

    def _new_canvas(self) -> pg.GraphicsLayoutWidget:
        canvas = pg.GraphicsLayoutWidget()
        canvas.setBackground(self.palette().color(QPalette.ColorRole.Base))
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumSize(round(self._em(12)), round(self._em(10)))
        self._stack.addWidget(canvas)
        return canvas

    def _style_plot(self, plot: pg.PlotItem) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
            axis.setStyle(tickFont=self.font())
        plot.getAxis("left").setWidth(round(self._em(2.6)))

    def _label_style(self) -> dict:
        color = self.palette().color(QPalette.ColorRole.Text).name()
        return {"color": color, "font-size": f"{self.font().pointSizeF():.1f}pt"}

    def _build_boundary_page(self) -> None:
        self._boundary_canvas = canvas = self._new_canvas()
        plot = canvas.addPlot(row=0, col=0)
        self._style_plot(plot)
        plot.setAspectLocked(True)
        plot.setLabel("bottom", "x\u2081", **self._label_style())
        plot.setLabel("left", "x\u2082", **self._label_style())
        self._plot = plot
        self._image = pg.ImageItem(axisOrder="row-major")  # gets RGBA: colored here, see _set_image
        self._image.setZValue(-10)
        plot.addItem(self._image)
        d = self._em(0.62)
        self._train_points = pg.ScatterPlotItem(size=d, pen=pg.mkPen("w", width=max(1.0, d / 6)))
        self._test_points = pg.ScatterPlotItem(size=d, pen=pg.mkPen("#111111", width=max(1.0, d / 6)))
        plot.addItem(self._train_points)
        plot.addItem(self._test_points)
        self._colorbar = pg.ColorBarItem(
            values=(0, 1),
            colorMap=self._bg_map,
            interactive=False,
            colorMapMenu=False,
            width=self._em(1.0),
        )
        text = self.palette().color(QPalette.ColorRole.Text)
        for name in ("left", "right", "top", "bottom"):
            axis = self._colorbar.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self._colorbar.axis.setStyle(tickFont=self.font())
        self._colorbar.axis.setWidth(round(self._em(2.8)))
        canvas.addItem(self._colorbar, row=0, col=1)
        # Only the image changes per refresh: let Qt blit the points, axes and color bar from a cache
        # instead of repainting them in Python each time (benchmarks/bench_views.py).
        for item in (self._train_points, self._test_points, self._colorbar, *plot.axes.values()):
            item = item["item"] if isinstance(item, dict) else item
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _build_digits_page(self) -> None:
        self._digits_canvas = canvas = self._new_canvas()
        conf = canvas.addPlot(row=0, col=0)
        self._style_plot(conf)
        conf.invertY(True)
        conf.setLabel("bottom", self.tr("predicted digit"), **self._label_style())
        conf.setLabel("left", self.tr("true digit"), **self._label_style())
        conf.setTitle(self.tr("Confusion matrix (test set)"), **self._label_style())
        self._conf_plot = conf
        self._conf_image = pg.ImageItem(axisOrder="row-major")
        conf.addItem(self._conf_image)
        self._conf_texts: list[pg.TextItem] = []
        self._conf_shown: np.ndarray | None = None

        tiles = canvas.addPlot(row=0, col=1)
        self._style_plot(tiles)
        tiles.hideAxis("left")
        tiles.hideAxis("bottom")
        tiles.setAspectLocked(True)
        tiles.invertY(True)
        tiles.setTitle(self.tr("Test images, predicted"), **self._label_style())  # short: it sets the minimum width
        self._tiles_plot = tiles
        self._tiles_image = pg.ImageItem(axisOrder="row-major")
        tiles.addItem(self._tiles_image)
        self._tile_texts: list[pg.TextItem] = []
        self._tile_shown: list[tuple[int, bool]] = []
        self._tile_base: np.ndarray | None = None
        canvas.ci.layout.setColumnStretchFactor(0, 5)
        canvas.ci.layout.setColumnStretchFactor(1, 6)

    def _build_projection_page(self) -> None:
        self._proj_canvas = canvas = self._new_canvas()
        plot = canvas.addPlot(row=0, col=0)
        self._style_plot(plot)
        plot.setLabel("bottom", self.tr("principal axis 1"), **self._label_style())
        plot.setLabel("left", self.tr("principal axis 2"), **self._label_style())
        self._proj_plot = plot
        d = self._em(0.7)
        self._proj_train = pg.ScatterPlotItem(size=d, pen=pg.mkPen("w", width=max(1.0, d / 6)))
        self._proj_test = pg.ScatterPlotItem(size=d, pen=pg.mkPen("#111111", width=max(1.0, d / 6)))
        self._proj_wrong = pg.ScatterPlotItem(size=d * 2.0, pen=pg.mkPen(WRONG, width=max(1.5, d / 4)), brush=None)
        for item in (self._proj_train, self._proj_test, self._proj_wrong):
            plot.addItem(item)
        self._proj_train_xy: np.ndarray | None = None
        self._proj_test_xy: np.ndarray | None = None
        self._class_brushes = np.array([pg.mkBrush(c) for c in CLASS_COLORS], dtype=object)

    # -- public API -----------------------------------------------------------------------
    @property
    def kind(self) -> str | None:
        return self._kind

    @property
    def snapshot(self) -> ViewSnapshot | None:
        return self._snap

    @Slot(object)
    def set_dataset(self, dataset: Dataset) -> None:
        """Draw the data and prepare the picture for this dataset's kind; forget old snapshots."""
        self._dataset = dataset
        self._kind = view_kind(dataset)
        self._snap = None
        self._hover = None
        if self._kind == "boundary2d":
            self._setup_boundary(dataset)
            self._stack.setCurrentWidget(self._boundary_canvas)
        elif self._kind == "digits":
            self._setup_digits(dataset)
            self._stack.setCurrentWidget(self._digits_canvas)
        else:
            self._setup_projection(dataset)
            self._stack.setCurrentWidget(self._proj_canvas)
        self._info.setVisible(True)
        self._legend.setVisible(True)
        self._set_info(self.tr("Not trained yet"), fit=True)

    @Slot(object)
    def set_snapshot(self, snap: ViewSnapshot) -> None:
        """Show a new snapshot: only updates existing items. Snapshots of another kind are ignored."""
        if self._dataset is None or snap.kind != self._kind:
            return
        self._snap = snap
        self._update_info(snap)
        if snap.kind == "boundary2d":
            self._draw_boundary()
        elif snap.kind == "digits":
            self._draw_digits(snap)
        else:
            self._draw_projection(snap)

    @Slot(int, int)
    def show_neuron(self, layer: int, index: int | None = None) -> None:
        """Show neuron ``index`` of ``layer`` (0 input, 1..L hidden, L+1 output) large; None or a
        negative layer returns to the output. Only 2-D datasets have neuron maps."""
        hover = None if index is None or layer < 0 or index < 0 else (int(layer), int(index))
        if hover == self._hover:
            return
        self._hover = hover
        if self._kind == "boundary2d":
            self._draw_boundary()

    @property
    def shown_neuron(self) -> tuple[int, int] | None:
        return self._hover

    @property
    def show_test_data(self) -> bool:
        return self._show_test.isChecked()

    def set_show_test_data(self, on: bool) -> None:
        self._show_test.setChecked(on)

    @property
    def discretize(self) -> bool:
        return self._discretize.isChecked()

    def set_discretize(self, on: bool) -> None:
        self._discretize.setChecked(on)

    def displayed_image(self) -> np.ndarray | None:
        """The values the boundary image shows now, before coloring (for tests and the benchmark)."""
        return self._shown_data

    # -- slots ------------------------------------------------------------------------------
    @Slot(bool)
    def _on_show_test(self, on: bool) -> None:
        self._test_points.setVisible(on)
        self._proj_test.setVisible(on)
        if self._snap is not None and self._kind == "projection":
            self._draw_projection(self._snap)

    @Slot(bool)
    def _on_discretize(self, _on: bool) -> None:
        if self._kind == "boundary2d":
            self._draw_boundary()

    # -- boundary ---------------------------------------------------------------------------
    def _setup_boundary(self, d: Dataset) -> None:
        self._extent = xmin, xmax, ymin, ymax = plot_extent(d)
        self._image.setImage(np.full((2, 2), np.nan, dtype=np.float32), autoLevels=False, levels=(0, 1))
        self._image.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        self._image_shape = (2, 2)
        self._plot.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
        if d.task == "regression":
            r = float(np.abs(np.concatenate([d.y_train.ravel(), d.y_test.ravel()])).max())
            self._value_range = max(r, 1e-6)
            train_brush = self._value_brushes(d.y_train.ravel())
            test_brush = self._value_brushes(d.y_test.ravel())
        else:
            train_brush = self._class_brushes[np.asarray(d.y_train) % len(CLASS_COLORS)]
            test_brush = self._class_brushes[np.asarray(d.y_test) % len(CLASS_COLORS)]
        self._train_points.setData(pos=d.x_train[:, :2], brush=list(train_brush))
        self._test_points.setData(pos=d.x_test[:, :2], brush=list(test_brush))
        self._test_points.setVisible(self._show_test.isChecked())
        self._discretize.setVisible(True)
        self._show_test.setVisible(True)
        self._set_output_legend()
        self._set_title(self._output_title())

    def _value_brushes(self, values: np.ndarray) -> list:
        r = self._value_range
        t = np.clip((values + r) / (2 * r), 0, 1)
        colors = diverging_map(1.0).map(t, mode="qcolor")
        return [pg.mkBrush(c) for c in colors]

    def _set_title(self, text: str) -> None:
        if text != self._title.text():
            self._title.setText(text)
            self._title.setToolTip(text)  # the whole title, where a narrow pane cuts it

    def _output_title(self) -> str:
        d = self._dataset
        if d.task == "regression":
            return self.tr("Predicted value")
        if d.n_classes == 2:
            return self.tr("Probability of class 1")
        return self.tr("Winning class, shaded by confidence")

    def _swatch(self, color: str, text: str, symbol: str = "\u25cf") -> str:
        return f'<span style="color:{color}; font-size:large">{symbol}</span>&nbsp;{text}'

    def _set_output_legend(self) -> None:
        d = self._dataset
        parts = []
        if d.task == "regression":
            parts.append(self._swatch(ORANGE, self.tr("low value")))
            parts.append(self._swatch(BLUE, self.tr("high value")))
        else:
            for c in range(d.n_classes):
                parts.append(self._swatch(CLASS_COLORS[c % len(CLASS_COLORS)], self.tr("class %1").replace("%1", str(c))))
        parts.append(self.tr("points: white outline = training, dark outline = test"))
        self._legend.setText(" &nbsp;&nbsp; ".join(parts))

    def _set_image(self, data: np.ndarray, levels: tuple[float, float], neuron: bool, label: str) -> None:
        if neuron != self._lut_is_neuron:
            self._colorbar.setColorMap(diverging_map(1.0) if neuron else self._bg_map)
            self._lut_is_neuron = neuron
        self._shown_data = data
        # Colored here into RGBA: Qt draws that straight, while pyqtgraph's own path (an indexed
        # image with a color table) cost Qt a conversion on every repaint (benchmarks/bench_views.py).
        lut = self._neuron_lut if neuron else self._bg_lut
        self._image.setImage(to_rgba(data, levels, lut), autoLevels=False, levels=None)
        if data.shape[:2] != self._image_shape:  # setRect scales by the current image's size
            xmin, xmax, ymin, ymax = self._extent
            self._image.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
            self._image_shape = data.shape[:2]
        if levels != self._levels:
            self._colorbar.setLevels(levels)
            self._levels = levels
        if label != self._bar_label:  # setLabel re-lays out the axis: only on a change
            self._colorbar.getAxis("left").setLabel(label, **self._label_style())
            self._bar_label = label

    def _draw_boundary(self) -> None:
        snap = self._snap
        if snap is None or snap.grid is None:
            return
        hover = self._hover
        if hover is not None:
            picture = self._neuron_picture(snap, *hover)
            if picture is not None:
                data, title = picture
                m = float(np.abs(data).max()) if data.size else 1.0
                m = m if m > 1e-9 else 1.0
                self._set_image(data, (-m, m), True, self.tr("activation"))
                self._set_title(title)
                return
        self._set_title(self._output_title())
        grid = snap.grid
        if snap.task == "regression":
            r = self._value_range
            if self.discretize:
                step = r / 4
                grid = np.round(grid / step) * step
            self._set_image(grid, (-r, r), False, self.tr("predicted value"))
        elif snap.n_classes == 2:
            if self.discretize:
                grid = (grid >= 0.5).astype(np.float32)
            self._set_image(grid, (0.0, 1.0), False, self.tr("Probability of class 1"))
        else:
            self._set_image(self._class_rgb(snap), (0.0, 255.0), False, self.tr("confidence"))

    def _class_rgb(self, snap: ViewSnapshot) -> np.ndarray:
        k = max(snap.n_classes, 2)
        palette = np.array([_rgb(CLASS_COLORS[i % len(CLASS_COLORS)]) for i in range(k)])
        cls = snap.grid.astype(np.int64).clip(0, k - 1)
        if self.discretize or snap.confidence is None:
            strength = np.full(cls.shape, 0.7)
        else:
            strength = 0.7 * np.clip((snap.confidence - 1 / k) / (1 - 1 / k), 0, 1)
        rgb = 255 + (palette[cls] - 255) * strength[..., None]
        return rgb.astype(np.uint8)

    def _neuron_picture(self, snap: ViewSnapshot, layer: int, index: int) -> tuple[np.ndarray, str] | None:
        n_layers = len(snap.sizes)
        if layer == 0 and index < 2:
            xs, ys = grid_axes(snap.extent, 40)
            gx, gy = np.meshgrid(xs, ys)
            name = "x\u2081" if index == 0 else "x\u2082"
            return (gx if index == 0 else gy), self.tr("Input %1").replace("%1", name)
        if 1 <= layer < n_layers - 1:
            maps = snap.neuron_maps[layer - 1] if layer - 1 < len(snap.neuron_maps) else None
            if maps is None or index >= len(maps):
                return None
            title = self.tr("Layer %1, neuron %2: its activation")
            return _upsample(maps[index], 3), title.replace("%1", str(layer)).replace("%2", str(index + 1))
        return None  # the output layer: the output map itself

    # -- digits -----------------------------------------------------------------------------
    def _setup_digits(self, d: Dataset) -> None:
        k = max(d.n_classes, 1)
        conf = self._conf_plot
        for item in self._conf_texts:
            conf.removeItem(item)
        self._conf_texts = []
        font = self.font()
        for i in range(k):
            for j in range(k):
                t = pg.TextItem("", anchor=(0.5, 0.5))
                t.setFont(font)
                t.setPos(j, i)
                conf.addItem(t)
                self._conf_texts.append(t)
        ticks = [[(i, str(i)) for i in range(k)]]
        conf.getAxis("bottom").setTicks(ticks)
        conf.getAxis("left").setTicks(ticks)
        self._conf_image.setImage(np.full((k, k, 3), 255, dtype=np.uint8), levels=(0, 255))
        self._conf_image.setRect(QRectF(-0.5, -0.5, k, k))
        conf.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)
        self._conf_shown = None

        # The mosaic: the first test images, dark ink on white, a frame around each.
        rows, cols = DIGIT_TILES
        n = min(rows * cols, len(d.x_test))
        side = int(round(np.sqrt(d.n_features)))
        pitch_x, pitch_y = side + 3, side + 7  # room for the frame and the label under it
        base = np.full((rows * pitch_y, cols * pitch_x, 3), 255, dtype=np.uint8)
        for t in range(n):
            r, c = divmod(t, cols)
            img = d.x_test[t].reshape(side, side)
            ink = (255 * (1 - np.clip(img, 0, 1))).astype(np.uint8)
            y0, x0 = r * pitch_y + 1, c * pitch_x + 1
            base[y0 + 1 : y0 + 1 + side, x0 + 1 : x0 + 1 + side] = ink[..., None]
        self._tile_base = base
        self._tile_geom = (rows, cols, n, side, pitch_x, pitch_y)
        tiles = self._tiles_plot
        for item in self._tile_texts:
            tiles.removeItem(item)
        self._tile_texts = []
        label_font = scaled_font(self, 1.0, bold=True)
        for t in range(n):
            r, c = divmod(t, cols)
            item = pg.TextItem("", anchor=(0.5, 0.0), color=self.palette().color(QPalette.ColorRole.Text))
            item.setFont(label_font)
            item.setPos(c * pitch_x + 1 + (side + 2) / 2, r * pitch_y + side + 2.6)
            tiles.addItem(item)
            self._tile_texts.append(item)
        self._tile_shown = [(-1, False)] * n
        self._tiles_image.setImage(self._framed_tiles(None, d), levels=(0, 255))
        self._tiles_image.setRect(QRectF(0, 0, base.shape[1], base.shape[0]))
        tiles.setRange(xRange=(0, base.shape[1]), yRange=(0, base.shape[0]), padding=0.01)
        self._discretize.setVisible(False)
        self._show_test.setVisible(False)
        self._set_title(self.tr("Digits: what it confuses"))
        self._legend.setText(
            " &nbsp;&nbsp; ".join(
                [
                    self._swatch(BLUE, self.tr("correct (diagonal)"), "\u25a0"),
                    self._swatch(ORANGE, self.tr("confused"), "\u25a0"),
                    self._swatch(WRONG, self.tr("wrong: predicted \u2260 true"), "\u25a1"),
                ]
            )
        )

    def _framed_tiles(self, pred: np.ndarray | None, d: Dataset) -> np.ndarray:
        rows, cols, n, side, pitch_x, pitch_y = self._tile_geom
        out = self._tile_base.copy()
        frame_ok, frame_bad = _rgb("#b0b0b0"), _rgb(WRONG)
        for t in range(n):
            r, c = divmod(t, cols)
            y0, x0 = r * pitch_y + 1, c * pitch_x + 1
            wrong = pred is not None and pred[t] != d.y_test[t]
            color = frame_bad if wrong else frame_ok
            out[y0, x0 : x0 + side + 2] = color
            out[y0 + side + 1, x0 : x0 + side + 2] = color
            out[y0 : y0 + side + 2, x0] = color
            out[y0 : y0 + side + 2, x0 + side + 1] = color
        return out

    def _draw_digits(self, snap: ViewSnapshot) -> None:
        conf = snap.confusion
        if conf is None:
            return
        k = conf.shape[0]
        rows = conf.sum(1, keepdims=True).astype(np.float64)
        share = conf / np.maximum(rows, 1)
        eye = np.eye(k, dtype=bool)
        white = np.array([255.0, 255.0, 255.0])
        t = np.where(eye, share, np.clip(share * 4, 0, 1))[..., None]  # errors stand out
        color = np.where(eye[..., None], _rgb(BLUE), _rgb(ORANGE))
        rgb = (white + (color - white) * t * 0.9).astype(np.uint8)
        self._conf_image.setImage(rgb, levels=(0, 255))
        if self._conf_shown is None or not np.array_equal(self._conf_shown, conf):
            dark = self.palette().color(QPalette.ColorRole.Text)
            for idx, item in enumerate(self._conf_texts):
                i, j = divmod(idx, k)
                v = int(conf[i, j])
                item.setText(str(v) if v else "")
                item.setColor(QColor("white") if t[i, j, 0] > 0.55 else dark)
            self._conf_shown = conf.copy()

        d = self._dataset
        pred = snap.test_predictions
        if pred is None:
            return
        self._tiles_image.setImage(self._framed_tiles(pred, d), levels=(0, 255))
        dark = self.palette().color(QPalette.ColorRole.Text)
        for t_i, item in enumerate(self._tile_texts):
            p, y = int(pred[t_i]), int(d.y_test[t_i])
            state = (p, p != y)
            if state == self._tile_shown[t_i]:
                continue
            self._tile_shown[t_i] = state
            if p != y:
                item.setText(f"{p}\u2260{y}")
                item.setColor(QColor(WRONG))
            else:
                item.setText(str(p))
                item.setColor(dark)

    def confusion_shown(self) -> np.ndarray | None:
        """The confusion matrix on screen (rows true, columns predicted)."""
        return self._conf_shown

    # -- projection ---------------------------------------------------------------------------
    def _setup_projection(self, d: Dataset) -> None:
        self._proj_train_xy = projection_2d(d.x_train)
        self._proj_test_xy = projection_2d(d.x_test, reference=d.x_train)
        grey = pg.mkBrush("#9e9e9e")
        self._proj_train.setData(pos=self._proj_train_xy, brush=grey)
        self._proj_test.setData(pos=self._proj_test_xy, brush=grey)
        self._proj_wrong.setData(pos=np.zeros((0, 2)))
        self._proj_test.setVisible(self._show_test.isChecked())
        self._discretize.setVisible(False)
        self._show_test.setVisible(True)
        self._set_title(self.tr("Predictions, 2-D projection"))  # the axes say which
        parts = []
        if d.task == "regression":
            parts += [self._swatch(ORANGE, self.tr("low prediction")), self._swatch(BLUE, self.tr("high prediction"))]
        else:
            for c in range(d.n_classes):
                text = self.tr("predicted class %1").replace("%1", str(c))
                parts.append(self._swatch(CLASS_COLORS[c % len(CLASS_COLORS)], text))
            parts.append(self._swatch(WRONG, self.tr("wrong"), "\u25cb"))
        parts.append(self.tr("white outline = training, dark = test"))
        self._legend.setText(" &nbsp;&nbsp; ".join(parts))

    def _prediction_brushes(self, pred: np.ndarray) -> list:
        if self._dataset.task == "regression":
            return self._value_brushes(np.asarray(pred, dtype=np.float64))
        return list(self._class_brushes[np.asarray(pred, dtype=np.int64) % len(CLASS_COLORS)])

    def _draw_projection(self, snap: ViewSnapshot) -> None:
        d = self._dataset
        if snap.train_predictions is not None:
            self._proj_train.setBrush(self._prediction_brushes(snap.train_predictions))
        if snap.test_predictions is None:
            return
        self._proj_test.setBrush(self._prediction_brushes(snap.test_predictions))
        if d.task == "classification":
            wrong_test = np.asarray(snap.test_predictions) != d.y_test
            pts = [self._proj_test_xy[wrong_test]] if self.show_test_data else []
            if snap.train_predictions is not None:
                pts.append(self._proj_train_xy[np.asarray(snap.train_predictions) != d.y_train])
            pts = np.concatenate(pts) if pts else np.zeros((0, 2), dtype=np.float32)
            self._proj_wrong.setData(pos=pts)

    # -- text -------------------------------------------------------------------------------
    def _show_controls(self, on: bool) -> None:
        for w in (self._show_test, self._discretize, self._info, self._legend):
            w.setVisible(on)

    def _info_text(self, step: int, epoch: int, accuracy: float | None) -> str:
        text = self.tr("step %1 \u00b7 epoch %2").replace("%1", f"{step:,}").replace("%2", str(epoch))
        if accuracy is not None:
            text += " \u00b7 " + self.tr("test accuracy %1%").replace("%1", f"{100 * accuracy:.1f}")
        return text

    def _update_info(self, snap: ViewSnapshot) -> None:
        self._set_info(self._info_text(snap.step, snap.epoch, snap.accuracy))

    def _set_info(self, text: str, fit: bool = False) -> None:
        """Show ``text``; the label widens when it must and shrinks only with ``fit`` (a new
        dataset), so a refresh repaints the label and nothing else moves."""
        if text == self._info.text() and not fit:
            return
        need = math.ceil(QFontMetricsF(self._info.font()).horizontalAdvance(text) + self._em(0.3))
        if fit or need > self._info.width():
            self._info.setFixedWidth(need)
        self._info.setText(text)


__all__ = ["OutputView", "diverging_map", "ORANGE", "BLUE", "CLASS_COLORS"]
