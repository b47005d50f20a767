"""The output view's page for 2-D datasets: the model's output over the input plane (P(class 1),
the winning class tinted by its confidence, or the predicted value) with the training and test
points on top (training points round, test points diamonds, both with a dark outline that reads
on every color of the map), or one neuron's activation over the plane while the network view
hovers it. The plot shows exactly the square the map covers (``plot_extent``): the view box is
kept square by the layout's margins, so no band of the plane is left unpainted.

Items are created once; a snapshot only calls ``setImage`` on the image.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsItem, QWidget

from playground.core import catalog
from playground.core.inspect import DEFAULT_EXTENT, BoundarySnapshot, grid_axes, plot_extent
from playground.core.records import Dataset
from playground.ui import theme

POINT_OUTLINE = theme.TEST_OUTLINE  # every point: a dark ring reads on the pale map and on pale points
TRAIN_SYMBOL, TEST_SYMBOL = "o", "d"  # round training points, diamond test points


def upsample(a: np.ndarray, factor: int) -> np.ndarray:
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


class BoundaryPage(pg.GraphicsLayoutWidget):
    """The plane, the points and a color bar. ``set_dataset`` first, then snapshots."""

    kind = "boundary2d"
    toggles = ("show_test", "discretize")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.style_canvas(self)
        self._dataset: Dataset | None = None
        self._snap: BoundarySnapshot | None = None
        self._hover: tuple[int, int] | None = None
        self._discretize = False
        self._value_range = 1.0  # regression: colors span [-r, r]
        self._extent = DEFAULT_EXTENT
        self._bg_map = theme.diverging_colormap(0.7)
        self._bg_lut = theme.diverging_lut(0.7)
        self._neuron_map = theme.diverging_colormap(1.0)
        self._neuron_lut = theme.diverging_lut(1.0)
        self._confidence_map = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (110, 110, 110)])  # tint strength
        self._levels: tuple[float, float] | None = None
        self._shown_data: np.ndarray | None = None  # the values behind the image
        self._image_shape: tuple[int, ...] = ()
        self._bar_label = ""
        self._lut_is_neuron = False
        self._title = ""

        plot = self.addPlot(row=0, col=0)
        # No aspect lock: it widens one axis past the map. The range is the extent exactly, and
        # _square_plot keeps the view box square (one unit is as long on both axes).
        plot.setRange(xRange=self._extent[:2], yRange=self._extent[2:], padding=0)
        self._plot = plot
        self._image = pg.ImageItem(axisOrder="row-major")  # gets RGBA: colored here, see _set_image
        self._image.setZValue(-10)
        plot.addItem(self._image)
        self._train_points = pg.ScatterPlotItem(symbol=TRAIN_SYMBOL)
        self._test_points = pg.ScatterPlotItem(symbol=TEST_SYMBOL)
        plot.addItem(self._train_points)
        plot.addItem(self._test_points)
        self._colorbar = pg.ColorBarItem(
            values=(0, 1),
            colorMap=self._bg_map,
            interactive=False,
            colorMapMenu=False,
        )
        text = self.palette().color(QPalette.ColorRole.Text)
        for name in ("left", "right", "top", "bottom"):
            axis = self._colorbar.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.addItem(self._colorbar, row=0, col=1)
        # Only the image changes per refresh: let Qt blit the points, axes and color bar from a cache
        # instead of repainting them in Python each time (benchmarks/bench_views.py).
        for item in (self._train_points, self._test_points, self._colorbar, *plot.axes.values()):
            item = item["item"] if isinstance(item, dict) else item
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._base_margins = tuple(self.ci.layout.getContentsMargins())
        self._squaring = False
        plot.vb.sigResized.connect(self._square_plot)  # the axes settle their size after a paint too
        self._restyle()

    def _restyle(self) -> None:
        """Every size from the font: at start, and again when the window zooms (a FontChange)."""
        theme.style_canvas(self)
        theme.style_plot(self._plot, self)
        self._plot.setLabel("bottom", "x\u2081", **theme.label_style(self))
        self._plot.setLabel("left", "x\u2082", **theme.label_style(self))
        d = theme.em_f(self, 0.62)
        pen = pg.mkPen(POINT_OUTLINE, width=max(1.0, d / 7))
        for points, size in ((self._train_points, d), (self._test_points, d * 1.3)):  # a diamond as wide as a dot
            points.setSize(size)
            points.setPen(pen)
        self._colorbar.layout.setColumnFixedWidth(1, theme.em_f(self, 1.0))  # the bar's width
        self._colorbar.axis.setStyle(tickFont=self.font())
        self._colorbar.axis.setWidth(theme.em(self, 2.8))
        if self._bar_label:
            self._colorbar.getAxis("left").setLabel(self._bar_label, **theme.label_style(self))
        self._square_plot()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_colorbar"):
            self._restyle()

    # -- what it shows (read-only) ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self._title

    @property
    def image(self) -> pg.ImageItem:
        return self._image

    def items(self) -> tuple:
        """The plot's items, in order (they are made once, never replaced)."""
        return tuple(self._plot.items)

    def displayed_image(self) -> np.ndarray | None:
        """The values the image shows now, before coloring."""
        return self._shown_data

    @property
    def train_point_count(self) -> int:
        return len(self._train_points.data)

    @property
    def test_point_count(self) -> int:
        return len(self._test_points.data)

    @property
    def test_points_visible(self) -> bool:
        return self._test_points.isVisible()

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax): what the map covers and the axes show."""
        return self._extent

    def view_range(self) -> tuple[float, float, float, float]:
        """The plot's visible range now, (xmin, xmax, ymin, ymax)."""
        (x0, x1), (y0, y1) = self._plot.vb.viewRange()
        return (x0, x1, y0, y1)

    def image_rect(self) -> QRectF:
        """The rectangle the map is painted on, in data coordinates."""
        return self._image.mapRectToParent(self._image.boundingRect())

    def view_box_size(self) -> tuple[float, float]:
        """The plot area's width and height in pixels (kept square)."""
        return self._plot.vb.width(), self._plot.vb.height()

    @property
    def colorbar_label(self) -> str:
        return self._bar_label

    def clipped_texts(self) -> list[str]:
        """The color bar's label where the bar is shorter than it ([] when it fits)."""
        axis = self._colorbar.getAxis("left")
        if self._bar_label and axis.isVisible() and axis.label.boundingRect().width() > axis.geometry().height():
            return [self._bar_label]
        return []

    @property
    def train_points(self) -> pg.ScatterPlotItem:
        """Round, dark outline."""
        return self._train_points

    @property
    def test_points(self) -> pg.ScatterPlotItem:
        """Diamonds, dark outline."""
        return self._test_points

    def legend_entries(self) -> list[str]:
        """The legend under the picture, one rich-text entry each (a line breaks between entries only)."""
        d = self._dataset
        if d is None:
            return []
        if d.task == "regression":
            parts = [theme.swatch(theme.ORANGE, self.tr("low value")), theme.swatch(theme.BLUE, self.tr("high value"))]
        else:
            parts = [theme.swatch(theme.class_color(c), self.tr("class %1").replace("%1", str(c)))
                     for c in range(d.n_classes)]
        parts.append(theme.swatch(POINT_OUTLINE, self.tr("training point"), "\u25cf"))
        parts.append(theme.swatch(POINT_OUTLINE, self.tr("test point"), "\u25c6"))
        return parts

    def legend(self) -> str:
        """The legend under the picture (rich text)."""
        return " &nbsp;&nbsp; ".join(self.legend_entries())

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._snap, self._hover = d, None, None
        self._extent = xmin, xmax, ymin, ymax = plot_extent(d)
        self._image.setImage(np.full((2, 2), np.nan, dtype=np.float32), autoLevels=False, levels=(0, 1))
        self._image.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        self._image_shape = (2, 2)
        self._shown_data = None
        self._plot.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
        self._square_plot()
        if d.task == "regression":
            r = float(np.abs(np.concatenate([d.y_train.ravel(), d.y_test.ravel()])).max())
            self._value_range = max(r, 1e-6)
            train_brush = self._value_brushes(d.y_train.ravel())
            test_brush = self._value_brushes(d.y_test.ravel())
        else:
            train_brush, test_brush = theme.class_brushes(d.y_train), theme.class_brushes(d.y_test)
        self._train_points.setData(pos=d.x_train[:, :2], brush=train_brush)
        self._test_points.setData(pos=d.x_test[:, :2], brush=test_brush)
        self._title = self._output_title()

    def set_snapshot(self, snap: BoundarySnapshot) -> None:
        self._snap = snap
        self._draw()

    def set_show_test(self, on: bool) -> None:
        self._test_points.setVisible(on)

    def set_discretize(self, on: bool) -> None:
        if on != self._discretize:
            self._discretize = on
            self._draw()

    def show_neuron(self, hover: tuple[int, int] | None) -> None:
        """Show neuron ``hover = (layer, index)`` large, or the output for None."""
        if hover != self._hover:
            self._hover = hover
            self._draw()

    # -- layout --------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._square_plot()

    def _square_plot(self, *_) -> None:
        """Pad the layout so the view box is square: the extent (a square) then fills it exactly."""
        if getattr(self, "_squaring", True):  # True too while pyqtgraph's constructor resizes
            return
        self._squaring = True
        try:
            layout = self.ci.layout
            bl, bt, br, bb = self._base_margins
            layout.setContentsMargins(bl, bt, br, bb)  # from the base margins: the view box at its largest
            self.ci.setGeometry(self.range)  # a layout grown past the view by older margins comes back
            layout.activate()
            w, h = self._plot.vb.width(), self._plot.vb.height()
            if w > 1 and h > 1 and abs(w - h) >= 0.5:
                dx, dy = max(0.0, w - h) / 2, max(0.0, h - w) / 2  # the view box takes margins one for one
                layout.setContentsMargins(bl + dx, bt + dy, br + dx, bb + dy)
                self.ci.setGeometry(self.range)
                layout.activate()
        finally:
            self._squaring = False

    # -- drawing -------------------------------------------------------------------------------
    def _value_brushes(self, values: np.ndarray) -> list:
        return theme.diverging_brushes(np.asarray(values, dtype=np.float64) / self._value_range)

    def _output_title(self) -> str:
        d = self._dataset
        if d.task == "regression":
            return self.tr("Predicted value")
        if d.n_classes == 2:
            return self.tr("Probability of class 1")
        return self.tr("Winning class, shaded by confidence")

    def _set_image(self, data: np.ndarray, levels: tuple[float, float], neuron: bool | None, label: str) -> None:
        """``neuron``: True for a neuron's picture, False for the output, None for the winning class
        shaded by confidence (RGB data; the bar then shows the shading: pale unsure, strong sure)."""
        if neuron is not self._lut_is_neuron:
            maps = {True: self._neuron_map, False: self._bg_map, None: self._confidence_map}
            self._colorbar.setColorMap(maps[neuron])
            self._lut_is_neuron = neuron
        self._shown_data = data
        # Colored here into RGBA: Qt draws that straight, while pyqtgraph's own path (an indexed
        # image with a color table) cost Qt a conversion on every repaint (benchmarks/bench_views.py).
        lut = self._neuron_lut if neuron else self._bg_lut
        self._image.setImage(theme.to_rgba(data, levels, lut), autoLevels=False, levels=None)
        if data.shape[:2] != self._image_shape:  # setRect scales by the current image's size
            xmin, xmax, ymin, ymax = self._extent
            self._image.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
            self._image_shape = data.shape[:2]
        if levels != self._levels:
            self._colorbar.setLevels(levels)
            self._levels = levels
        if label != self._bar_label:  # setLabel re-lays out the axis: only on a change
            self._colorbar.getAxis("left").setLabel(label, **theme.label_style(self))
            self._bar_label = label

    def _draw(self) -> None:
        snap = self._snap
        if snap is None:
            return
        if self._hover is not None:
            picture = self._neuron_picture(snap, *self._hover)
            if picture is not None:
                data, title, *style = picture  # style: (levels, label) for an output neuron
                m = float(np.abs(data).max()) if data.size else 1.0
                m = m if m > 1e-9 else 1.0
                levels, label = style if style else ((-m, m), self.tr("activation"))
                self._set_image(data, levels, True, label)
                self._title = title
                return
        self._title = self._output_title()
        grid = snap.grid
        if snap.task == "regression":
            r = self._value_range
            if self._discretize:
                step = r / 4
                grid = np.round(grid / step) * step
            self._set_image(grid, (-r, r), False, self.tr("value"))
        elif snap.n_classes == 2:
            if self._discretize:
                grid = (grid >= 0.5).astype(np.float32)
            self._set_image(grid, (0.0, 1.0), False, self.tr("P(class 1)"))
        else:
            k = max(snap.n_classes, 2)
            self._set_image(self._class_rgb(snap), (1 / k, 1.0), None, self.tr("confidence"))

    def _class_rgb(self, snap: BoundarySnapshot) -> np.ndarray:
        """The winning class's color, paler the less sure the network is."""
        k = max(snap.n_classes, 2)
        palette = theme.CLASS_RGB[np.arange(k) % len(theme.CLASS_RGB)]
        cls = snap.grid.astype(np.int64).clip(0, k - 1)
        if self._discretize or snap.confidence is None:
            strength = np.full(cls.shape, 0.7)
        else:
            strength = 0.7 * np.clip((snap.confidence - 1 / k) / (1 - 1 / k), 0, 1)
        rgb = 255 + (palette[cls] - 255) * strength[..., None]
        return rgb.astype(np.uint8)

    def _neuron_picture(self, snap: BoundarySnapshot, layer: int, index: int) -> tuple | None:
        n_layers = len(snap.sizes)
        inputs = snap.input_maps
        if layer == 0 and inputs is not None and index < len(inputs) and index < len(snap.input_names):
            name = catalog.FEATURES[snap.input_names[index]].label  # the feature this input neuron sees
            return upsample(inputs[index], 3), self.tr("Input %1").replace("%1", name)
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
            return upsample(maps[index], 3), title.replace("%1", str(layer)).replace("%2", str(index + 1))
        maps = snap.output_maps  # an output neuron: its class's probability (or the value), large
        if layer == n_layers - 1 and maps is not None and index < len(maps):
            if snap.task == "regression":
                r = self._value_range
                return upsample(maps[index], 3), self.tr("Output: the predicted value"), (-r, r), self.tr("value")
            name = self.tr("P(class %1)").replace("%1", str(index))
            title = self.tr("Output class %1: its probability").replace("%1", str(index))
            return upsample(maps[index], 3), title, (0.0, 1.0), name
        return None
