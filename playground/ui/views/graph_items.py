"""The graph panel's parts: a node (pill, box or ellipse, filled by its gradient; a dashed frame when
it is new in this step's graph; a line for what the current phase did to it), an edge along
Graphviz's spline (its width follows the gradient it carries back), the zoomable view, the legend
of the gradient ramp.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, QSizeF, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QMenu, QSizePolicy, QWidget

from playground.core.trace import GraphNode
from playground.ui import theme

CHANGED_FRAME = "#c026d3"  # the dashed frame of a node new in this step's graph (on screen only)


class NodeItem(QGraphicsItem):
    """One autograd node: ops are rounded pills, parameters square boxes with a blue frame,
    inputs/target/loss ellipses. The fill follows the gradient norm; text lines come from the spec."""

    def __init__(self, node: GraphNode, lines: list[str], font: QFont, size: QSizeF, em: float,
                 note_line: bool = False):
        super().__init__()
        self.node = node
        self.lines = lines
        self.font = font
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.size = size
        self.em = em
        self.fill = theme.NODE_FILL_QCOLORS.get(node.kind, theme.NODE_FILL_QCOLORS["op"])
        self.hovered = False
        self.changed = False  # new in this step's graph: a dashed frame
        self.note = ""  # what the current phase did to it (a reserved last line, when note_line)
        self._note_text: QStaticText | None = None
        self.grad_fraction: float | None = None
        self.tooltip_provider = None  # node id -> tooltip text, asked on hover
        self.click_handler = None  # node id -> None, on a left click
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(1)
        # Shape and text never change once laid out: build them once, not in every paint().
        self._path = self._outline()
        line_h = QFontMetricsF(self.font).lineSpacing()
        top = -line_h * (len(lines) + note_line) / 2
        self._texts = []
        for i, text in enumerate(lines):
            self._texts.append((QPointF(-self.size.width() / 2, top + i * line_h), self._static(text, i == 0), i == 0))
        self._note_pos = QPointF(-self.size.width() / 2, top + len(lines) * line_h) if note_line else None

    def _static(self, text: str, bold: bool) -> QStaticText:
        static = QStaticText(text)
        static.setTextWidth(self.size.width())
        static.setTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        static.prepare(font=self.bold if bold else self.font)
        return static

    @property
    def node_id(self) -> str:
        return self.node.id

    def rect(self) -> QRectF:
        return QRectF(-self.size.width() / 2, -self.size.height() / 2, self.size.width(), self.size.height())

    def boundingRect(self) -> QRectF:
        m = self.em * 0.3
        return self.rect().adjusted(-m, -m, m, m)

    def _outline(self) -> QPainterPath:
        path = QPainterPath()
        r = self.rect()
        kind = self.node.kind
        if kind in ("input", "target", "loss"):
            path.addEllipse(r)
        elif kind == "param":
            path.addRoundedRect(r, self.em * 0.12, self.em * 0.12)
        else:
            radius = min(r.height() / 2, self.em * 0.7)
            path.addRoundedRect(r, radius, radius)
        return path

    def shape(self) -> QPainterPath:
        return self._path

    def set_fill(self, fill: QColor, fraction: float | None) -> None:
        self.fill = fill
        self.grad_fraction = fraction
        self.update()

    def set_note(self, text: str) -> None:
        """The reserved last line (nodes built with ``note_line``): e.g. ".grad = None"."""
        if text != self.note and self._note_pos is not None:
            self.note = text
            self._note_text = self._static(text, False) if text else None
            self.update()

    def set_changed(self, on: bool) -> None:
        if on != self.changed:
            self.changed = on
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        kind = self.node.kind
        border = theme.NODE_BORDER_QCOLORS.get(kind, theme.NODE_BORDER_QCOLORS["op"])
        width = self.em * (0.16 if kind == "param" else 0.08)
        if kind == "loss":
            width = self.em * 0.14
        if self.isSelected():
            border, width = QColor(theme.HIGHLIGHT), self.em * 0.22
        elif self.hovered:
            width *= 1.8
        painter.setPen(QPen(border, width))
        painter.setBrush(QBrush(self.fill))
        painter.drawPath(self._path)
        painter.setPen(theme.text_on(self.fill))
        for pos, static, bold in self._texts:
            painter.setFont(self.bold if bold else self.font)
            painter.drawStaticText(pos, static)
        if self._note_text is not None:
            painter.setFont(self.font)
            painter.drawStaticText(self._note_pos, self._note_text)
        if self.changed:
            pen = QPen(QColor(CHANGED_FRAME), self.em * 0.12, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            m = self.em * 0.2
            painter.drawRoundedRect(self.rect().adjusted(-m, -m, m, m), self.em * 0.3, self.em * 0.3)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self.click_handler is not None and event.button() == Qt.MouseButton.LeftButton:
            self.click_handler(self.node.id)

    def hoverEnterEvent(self, event) -> None:
        if self.tooltip_provider is not None:
            self.setToolTip(self.tooltip_provider(self.node.id))
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(2 if value else 1)
        return super().itemChange(change, value)


class EdgeItem(QGraphicsItem):
    """A forward data-flow edge along Graphviz's spline; its width follows the gradient it carries back."""

    def __init__(self, source: str, target: str, points: list[tuple[float, float]],
                 arrow: tuple[float, float] | None, em: float):
        super().__init__()
        self.source, self.target = source, target
        self.em = em
        self.width = em * 0.08
        self.color = QColor(theme.EDGE_COLOR)
        self.path = QPainterPath()
        pts = [QPointF(x, y) for x, y in points]
        if pts:
            self.path.moveTo(pts[0])
            rest = pts[1:]
            whole = len(rest) // 3 * 3
            for i in range(0, whole, 3):  # Graphviz splines: cubic Bezier segments
                self.path.cubicTo(rest[i], rest[i + 1], rest[i + 2])
            for p in rest[whole:]:
                self.path.lineTo(p)
        self.tip = QPointF(*arrow) if arrow else (pts[-1] if pts else QPointF())
        self.base = self.path.currentPosition() if pts else QPointF()
        self._update_geometry()
        self.setZValue(0)
        self.setAcceptHoverEvents(False)

    def set_style(self, width: float, color: QColor) -> None:
        if abs(width - self.width) > 1e-3 or color != self.color:
            self.prepareGeometryChange()
            self.width, self.color = width, color
            self._update_geometry()
            self.update()

    def _update_geometry(self) -> None:
        """Arrow head and bounds depend on the width only: computed when it changes, not per paint."""
        self._arrow_head = self._arrow()
        m = self.width + self.em * 0.5
        self._bounds = self.path.boundingRect().united(self._arrow_head.boundingRect()).adjusted(-m, -m, m, m)

    def _arrow(self) -> QPolygonF:
        tip, base = self.tip, self.base
        dx, dy = tip.x() - base.x(), tip.y() - base.y()
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        size = max(self.em * 0.45, self.width * 2.2)
        half = size * 0.45
        back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
        return QPolygonF([tip, QPointF(back.x() - uy * half, back.y() + ux * half),
                          QPointF(back.x() + uy * half, back.y() - ux * half)])

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(self.width + self.em * 0.2)
        return stroker.createStroke(self.path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.color, self.width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color)
        painter.drawPolygon(self._arrow_head)


class GraphView(QGraphicsView):
    """Wheel zooms around the cursor, dragging pans, right-click offers export."""

    exportRequested = Signal(str)  # "svg" | "png" | "dot"

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor(theme.PAPER))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.auto_fit = True  # refit on resize until the user zooms; the Fit button turns it back on
        self.refit = None  # set by the panel: how to fit

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit and self.refit is not None:
            self.refit()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(round(line * 24), round(line * 24))

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.auto_fit = False
            self.zoom_by(1.15 ** steps)
            event.accept()

    def zoom_by(self, factor: float) -> None:
        target = min(8.0, max(0.05, self.zoom * factor))
        factor = target / self.zoom
        self.scale(factor, factor)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        for fmt_, text in (("svg", self.tr("Export as SVG\u2026")), ("png", self.tr("Export as PNG\u2026")),
                           ("dot", self.tr("Export as Graphviz DOT\u2026"))):
            action = QAction(text, menu)
            action.setData(fmt_)
            action.triggered.connect(self._export_action)
            menu.addAction(action)
        return menu

    @Slot()
    def _export_action(self) -> None:
        self.exportRequested.emit(self.sender().data())

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()


class GradientLegend(QWidget):
    """The color ramp with its log-scale ends: what a node's color means."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphLegend")
        self.lo: float | None = None
        self.hi: float | None = None
        self.setToolTip(self.tr("Node color and edge width: the norm of the gradient flowing back through it "
                                "(log scale)"))

    @property
    def title(self) -> str:
        return self.tr("|grad| (log)")

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(max(round(fm.height() * 14), self.minimumSizeHint().width()), round(fm.height() * 1.6))

    def minimumSizeHint(self) -> QSize:
        """The title, both ends at their widest ("8.8e-88") and a bar two lines long."""
        fm = QFontMetricsF(self.font())
        ends = 2 * fm.horizontalAdvance("8.8e-88")
        w = fm.horizontalAdvance(self.title) + ends + fm.averageCharWidth() * 2.5 + fm.height() * 2 + 2
        return QSize(math.ceil(w), round(fm.height() * 1.6))

    def set_range(self, lo: float | None, hi: float | None) -> None:
        self.lo, self.hi = lo, hi
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        h = self.height()
        title = self.title
        lo = "\u2013" if self.lo is None else f"{10 ** self.lo:.2g}"
        hi = "\u2013" if self.hi is None else f"{10 ** self.hi:.2g}"
        x = 0.0
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(x, 0, fm.horizontalAdvance(title), h), Qt.AlignmentFlag.AlignVCenter, title)
        x += fm.horizontalAdvance(title) + fm.averageCharWidth()
        p.drawText(QRectF(x, 0, fm.horizontalAdvance(lo), h), Qt.AlignmentFlag.AlignVCenter, lo)
        x += fm.horizontalAdvance(lo) + fm.averageCharWidth() * 0.5
        bar_w = max(fm.height() * 2, self.width() - x - fm.horizontalAdvance(hi) - fm.averageCharWidth())
        bar = QRectF(x, h * 0.25, bar_w, h * 0.5)
        grad = QLinearGradient(bar.topLeft(), bar.topRight())
        for i in range(9):
            grad.setColorAt(i / 8, theme.grad_color(i / 8))
        p.setPen(QPen(QColor(theme.LINE), 1))
        p.setBrush(grad)
        p.drawRoundedRect(bar, h * 0.1, h * 0.1)
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(bar.right() + fm.averageCharWidth() * 0.5, 0, fm.horizontalAdvance(hi) + 2, h),
                   Qt.AlignmentFlag.AlignVCenter, hi)


def scene_picture(scene: QGraphicsScene, rect: QRectF, fmt_: str, title: str) -> bytes:
    """``rect`` of the scene on white paper as SVG or PNG (twice the scene's pixels) bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if fmt_ == "svg":
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setOutputDevice(buffer)
        gen.setSize(rect.size().toSize())
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setTitle(title)
        painter = QPainter(gen)
        painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), QColor(theme.PAPER))
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()
    else:
        scale = 2.0
        image = QImage((rect.size() * scale).toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor(theme.PAPER))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        if not image.save(buffer, "PNG"):
            raise OSError("could not encode the graph as PNG")
    buffer.close()
    return bytes(buffer.data())


__all__ = ["CHANGED_FRAME", "EdgeItem", "GradientLegend", "GraphView", "NodeItem", "scene_picture"]
