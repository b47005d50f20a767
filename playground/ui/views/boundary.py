"""The output view's page for 2-D datasets: the model's output over the input plane (P(class 1),
the winning class tinted by its confidence, or the predicted value) with the training and test
points on top, or one neuron's activation over the plane while the network view hovers it.

Items are created once; a snapshot only calls ``setImage`` on the image.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsItem, QWidget

from playground.core.datasets import Dataset
from playground.core.inspect import BoundarySnapshot, grid_axes, plot_extent
from playground.ui import theme


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
        self._extent = (-1.2, 1.2, -1.2, 1.2)
        self._bg_map = theme.diverging_colormap(0.7)
        self._bg_lut = theme.diverging_lut(0.7)
        self._neuron_map = theme.diverging_colormap(1.0)
        self._neuron_lut = theme.diverging_lut(1.0)
        self._levels: tuple[float, float] | None = None
        self._shown_data: np.ndarray | None = None  # the values behind the image
        self._image_shape: tuple[int, ...] = ()
        self._bar_label = ""
        self._lut_is_neuron = False
        self._title = ""

        plot = self.addPlot(row=0, col=0)
        theme.style_plot(plot, self)
        plot.setAspectLocked(True)
        plot.setLabel("bottom", "x\u2081", **theme.label_style(self))
        plot.setLabel("left", "x\u2082", **theme.label_style(self))
        self._plot = plot
        self._image = pg.ImageItem(axisOrder="row-major")  # gets RGBA: colored here, see _set_image
        self._image.setZValue(-10)
        plot.addItem(self._image)
        d = theme.em_f(self, 0.62)
        ring = max(1.0, d / 6)
        self._train_points = pg.ScatterPlotItem(size=d, pen=pg.mkPen(theme.TRAIN_OUTLINE, width=ring))
        self._test_points = pg.ScatterPlotItem(size=d, pen=pg.mkPen(theme.TEST_OUTLINE, width=ring))
        plot.addItem(self._train_points)
        plot.addItem(self._test_points)
        self._colorbar = pg.ColorBarItem(
            values=(0, 1),
            colorMap=self._bg_map,
            interactive=False,
            colorMapMenu=False,
            width=theme.em_f(self, 1.0),
        )
        text = self.palette().color(QPalette.ColorRole.Text)
        for name in ("left", "right", "top", "bottom"):
            axis = self._colorbar.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self._colorbar.axis.setStyle(tickFont=self.font())
        self._colorbar.axis.setWidth(theme.em(self, 2.8))
        self.addItem(self._colorbar, row=0, col=1)
        # Only the image changes per refresh: let Qt blit the points, axes and color bar from a cache
        # instead of repainting them in Python each time (benchmarks/bench_views.py).
        for item in (self._train_points, self._test_points, self._colorbar, *plot.axes.values()):
            item = item["item"] if isinstance(item, dict) else item
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

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

    def legend(self) -> str:
        """The legend under the picture (rich text)."""
        d = self._dataset
        if d is None:
            return ""
        parts = []
        if d.task == "regression":
            parts.append(theme.swatch(theme.ORANGE, self.tr("low value")))
            parts.append(theme.swatch(theme.BLUE, self.tr("high value")))
        else:
            for c in range(d.n_classes):
                parts.append(theme.swatch(theme.class_color(c), self.tr("class %1").replace("%1", str(c))))
        parts.append(self.tr("points: white outline = training, dark outline = test"))
        return " &nbsp;&nbsp; ".join(parts)

    # -- input ---------------------------------------------------------------------------------
    def set_dataset(self, d: Dataset) -> None:
        self._dataset, self._snap, self._hover = d, None, None
        self._extent = xmin, xmax, ymin, ymax = plot_extent(d)
        self._image.setImage(np.full((2, 2), np.nan, dtype=np.float32), autoLevels=False, levels=(0, 1))
        self._image.setRect(QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        self._image_shape = (2, 2)
        self._shown_data = None
        self._plot.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
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

    def _set_image(self, data: np.ndarray, levels: tuple[float, float], neuron: bool, label: str) -> None:
        if neuron != self._lut_is_neuron:
            self._colorbar.setColorMap(self._neuron_map if neuron else self._bg_map)
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
                data, title = picture
                m = float(np.abs(data).max()) if data.size else 1.0
                m = m if m > 1e-9 else 1.0
                self._set_image(data, (-m, m), True, self.tr("activation"))
                self._title = title
                return
        self._title = self._output_title()
        grid = snap.grid
        if snap.task == "regression":
            r = self._value_range
            if self._discretize:
                step = r / 4
                grid = np.round(grid / step) * step
            self._set_image(grid, (-r, r), False, self.tr("predicted value"))
        elif snap.n_classes == 2:
            if self._discretize:
                grid = (grid >= 0.5).astype(np.float32)
            self._set_image(grid, (0.0, 1.0), False, self.tr("Probability of class 1"))
        else:
            self._set_image(self._class_rgb(snap), (0.0, 255.0), False, self.tr("confidence"))

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

    def _neuron_picture(self, snap: BoundarySnapshot, layer: int, index: int) -> tuple[np.ndarray, str] | None:
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
            return upsample(maps[index], 3), title.replace("%1", str(layer)).replace("%2", str(index + 1))
        return None  # the output layer: the output map itself
