"""The output view: what the network answers, painted where the data lives.

A title and the step / accuracy above, a legend and the toggles below, and between them one page
per kind of dataset: the decision boundary for 2-D data (views/boundary.py), a confusion matrix
and labelled test images for the digits (views/digits.py), a 2-D projection colored by prediction
for anything else (views/projection.py). The view picks the page from the dataset and hands each
snapshot of that kind to it; snapshots of another kind are ignored, except the CNN's on pictures:
its snapshot (kind "cnn") turns to the CNN's page (views/cnn_view.py), a recurrent network's on
sequences (kind "sequence") to views/sequence_view.py, and a snapshot of the dataset's own kind back
(the model changed); token data has only the attention page (views/attention_view.py). A click on a
test image there, or a test sequence picked, emits ``imagePicked``.

The header and the footer flow: their parts (title, numbers; legend entries, toggles) share a row
where they fit and move to the next row where they do not, so no text is cut in a narrow pane and
no line breaks inside a legend entry.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from playground.core import catalog
from playground.core.inspect import ViewSnapshot, view_kind
from playground.core.records import Dataset
from playground.ui import theme
from playground.ui.draw_points import PointDrawer
from playground.ui.views.attention_view import AttentionPage
from playground.ui.views.boundary import BoundaryPage
from playground.ui.views.cnn_view import CNNPage
from playground.ui.views.digits import DigitsPage
from playground.ui.views.projection import ProjectionPage
from playground.ui.views.sequence_view import SequencePage

# The snapshot kinds of a model family that turn to its page, and the data (DatasetEntry.kind) they need
_FAMILY_PAGES = {CNNPage.kind: "image", SequencePage.kind: "sequence", AttentionPage.kind: "tokens"}


class FlowLayout(QLayout):
    """Widgets left to right, wrapping to a new row where the next does not fit (Qt's flow layout
    example). A widget wider than the row gets the row's width (a word-wrapped label then wraps);
    one added with ``Qt.AlignRight`` sits at the right end of its row."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget, right: bool = False, index: int | None = None) -> None:
        """Add ``widget`` at the end (or at ``index``); ``right``: at the right end of its row."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        if right:
            item.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._items.insert(len(self._items) if index is None else index, item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def set_spacing(self, spacing: int) -> None:
        self._gap = spacing
        self.invalidate()

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = [it for it in self._items if not it.isEmpty()]
        w = sum(_natural_width(it) for it in shown) + self._gap * max(0, len(shown) - 1)
        return QSize(w, max((it.sizeHint().height() for it in shown), default=0))

    def minimumSize(self) -> QSize:
        """The widest part by one row: the rows it takes at a width come from ``heightForWidth``."""
        shown = [it for it in self._items if not it.isEmpty()]
        return QSize(max((it.minimumSize().width() for it in shown), default=0),
                     max((it.minimumSize().height() for it in shown), default=0))

    def _arrange(self, rect: QRect, move: bool) -> int:
        rows: list[list[tuple[QLayoutItem, int, int]]] = [[]]
        x = 0
        for item in self._items:
            if item.isEmpty():
                continue
            w = min(_natural_width(item), rect.width())
            w = max(w, min(item.minimumSize().width(), rect.width()))
            if rows[-1] and x + self._gap + w > rect.width():
                rows.append([])
                x = 0
            x += (self._gap if rows[-1] else 0) + w
            h = item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
            rows[-1].append((item, w, h))
        y = rect.y()
        for row in rows:
            if not row:
                continue
            line = max(h for _, _, h in row)
            if move:
                left, right = rect.x(), rect.x() + rect.width()
                for item, w, h in row:
                    if item.alignment() & Qt.AlignmentFlag.AlignRight:
                        continue
                    item.setGeometry(QRect(QPoint(left, y + (line - h) // 2), QSize(w, h)))
                    left += w + self._gap
                for item, w, h in reversed(row):
                    if item.alignment() & Qt.AlignmentFlag.AlignRight:
                        right -= w
                        item.setGeometry(QRect(QPoint(max(left, right), y + (line - h) // 2), QSize(w, h)))
                        right -= self._gap
            y += line + self._gap
        return max(0, y - rect.y() - self._gap)


def _natural_width(item: QLayoutItem) -> int:
    """The width a part takes on one row: a word-wrapping label's hint is narrower (Qt picks a
    width that gives it a pleasant shape), its plain text on one line is what it needs."""
    label = item.widget()
    if isinstance(label, QLabel) and label.wordWrap() and label.textFormat() == Qt.TextFormat.PlainText:
        m = label.contentsMargins()
        text_w = QFontMetricsF(label.font()).horizontalAdvance(label.text())
        return math.ceil(text_w) + 2 * label.margin() + m.left() + m.right() + 1
    return item.sizeHint().width()


def clipped_texts(widgets: list[QWidget]) -> list[str]:
    """The texts of the shown labels and check boxes that their widget cuts (too narrow or too low)."""
    cut = []
    for w in widgets:
        if not w.isVisible() or not w.text():
            continue
        need_h = w.heightForWidth(w.width()) if w.hasHeightForWidth() else w.minimumSizeHint().height()
        if w.width() < w.minimumSizeHint().width() or w.height() < need_h:
            cut.append(w.text())
    return cut


def _data_kind(dataset: Dataset) -> str | None:
    entry = catalog.DATASETS.get(dataset.name)
    return None if entry is None else entry.kind


class OutputView(QWidget):
    """Output of the model over its input (``boundaryView``). Feed it ``set_dataset`` then snapshots."""

    # the test sample picked: the CNN's image clicked, a test sequence picked (EngineClient.inspect_image)
    imagePicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self._dataset: Dataset | None = None
        self._kind: str | None = None
        self._snap: ViewSnapshot | None = None
        self._hover: tuple[int, int] | None = None

        self._title = QLabel()
        self._title.setObjectName("outputTitle")
        self._title.setFont(theme.scaled_font(self, 1.0, bold=True))
        self._title.setWordWrap(True)  # a long neuron title wraps in a narrow pane
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        # The numbers: plain text in labels of a fixed size whose width only grows (see _set_info):
        # they change with every refresh, and a label whose size follows its text costs a relayout
        # of the pane each time (benchmarks/bench_views.py). Two labels, so they can take two rows.
        self._info = self._number_label("outputStep")
        self._acc = self._number_label("outputAccuracy")
        self._show_test = QCheckBox(self.tr("Show test data"))
        self._show_test.setChecked(True)
        self._show_test.setToolTip(self.tr("Draw the held-out test points too (diamonds)"))
        self._show_test.toggled.connect(self._on_show_test)
        self._discretize = QCheckBox(self.tr("Discretize output"))
        self._discretize.setToolTip(self.tr("Paint only the decision, not how sure the network is"))
        self._discretize.toggled.connect(self._on_discretize)
        self._legend_labels: list[QLabel] = []

        # title and numbers above the picture, legend entries and toggles below it
        self._header = FlowLayout(spacing=theme.em(self, 0.5))
        self._header.add(self._title)
        self._header.add(self._info, right=True)
        self._header.add(self._acc, right=True)
        self._footer = FlowLayout(spacing=theme.em(self, 0.5))
        self.drawer = PointDrawer(self)  # draw your own 2-D data: the class picker, clicks on the plane
        self._footer.add(self.drawer.picker, right=True)
        self._footer.add(self._show_test, right=True)
        self._footer.add(self._discretize, right=True)

        self._empty = QLabel(self.tr("Choose a dataset and press Train to see what the network learns."))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty)
        self._pages = {page.kind: page for page in (BoundaryPage(), DigitsPage(), ProjectionPage(), CNNPage(),
                                                    SequencePage(), AttentionPage())}
        self._pages[CNNPage.kind].imagePicked.connect(self.imagePicked)
        for kind in (SequencePage.kind, AttentionPage.kind):
            self._pages[kind].samplePicked.connect(self.imagePicked)
        for page in self._pages.values():
            self._stack.addWidget(page)
        self.drawer.attach(self._pages[BoundaryPage.kind])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header)
        layout.addWidget(self._stack, 1)
        layout.addLayout(self._footer)
        for w in (self._show_test, self._discretize, self._info, self._acc):
            w.setVisible(False)
        self._title.setText(self.tr("Output"))

    def changeEvent(self, event) -> None:
        """The window zoomed: the title's font and the numbers' fixed sizes follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_title"):
            self._title.setFont(theme.scaled_font(self, 1.0, bold=True))
        if event.type() == QEvent.Type.FontChange and getattr(self, "_dataset", None) is not None:
            for layout in (self._header, self._footer):
                layout.set_spacing(theme.em(self, 0.5))
            self._set_info(self._info.text(), self._acc.text() or None, fit=True)

    def _number_label(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        label.setFixedHeight(math.ceil(QFontMetricsF(label.font()).height()))
        return label

    # -- public API -----------------------------------------------------------------------
    @property
    def kind(self) -> str | None:
        return self._kind

    @property
    def snapshot(self) -> ViewSnapshot | None:
        return self._snap

    @property
    def page(self) -> BoundaryPage | DigitsPage | ProjectionPage | CNNPage | SequencePage | AttentionPage | None:
        """The page on show (None before the first dataset): its read-only surface says what it draws."""
        return self._pages.get(self._kind)

    @property
    def title_text(self) -> str:
        return self._title.text()

    @property
    def info_text(self) -> str:
        """The step, epoch and test accuracy above the picture."""
        return " \u00b7 ".join(t for t in (self._info.text(), self._acc.text()) if t)

    @property
    def legend_texts(self) -> list[str]:
        """The legend entries under the picture, as shown (rich text, one per label)."""
        return [label.text() for label in self._legend_labels]

    def clipped_texts(self) -> list[str]:
        """Texts cut by too small a label or check box, here and in the page on show ([] when all fit)."""
        cut = clipped_texts([self._title, self._info, self._acc, self._show_test, self._discretize,
                             *self._legend_labels, self._empty])
        page = self.page
        return cut + (page.clipped_texts() if page is not None and hasattr(page, "clipped_texts") else [])

    @Slot(object)
    def set_dataset(self, dataset: Dataset) -> None:
        """Draw the data and prepare the picture for this dataset's kind; forget old snapshots."""
        self._dataset = dataset
        self._show_page("attention" if _data_kind(dataset) == "tokens" else view_kind(dataset))

    def _show_page(self, kind: str) -> None:
        """Turn to the page of ``kind`` for the dataset shown, as it is before any snapshot."""
        dataset = self._dataset
        self._kind = kind
        self._snap = None
        self._hover = None
        page = self.page
        page.set_dataset(dataset)
        self.drawer.set_dataset(dataset)
        if "show_test" in page.toggles:
            page.set_show_test(self.show_test_data)
        if "discretize" in page.toggles:
            page.set_discretize(self.discretize)
        self._stack.setCurrentWidget(page)
        self._show_test.setVisible("show_test" in page.toggles)
        self._discretize.setVisible("discretize" in page.toggles)
        self._info.setVisible(True)
        self._set_legend(page.legend_entries())
        self._set_title(page.title)
        self._set_info(self.tr("Not trained yet"), None, fit=True)

    @Slot(object)
    def set_snapshot(self, snap: ViewSnapshot) -> None:
        """Show a new snapshot: only updates existing items. Snapshots of another kind are ignored."""
        if self._dataset is None:
            return
        if snap.kind != self._kind:
            family = _FAMILY_PAGES.get(snap.kind)
            if not (snap.kind == view_kind(self._dataset) or (family and family == _data_kind(self._dataset))):
                return
            self._show_page(snap.kind)  # the CNN on pictures, a recurrent net on sequences, or back
        self._snap = snap
        self._set_info(*self._info_texts(snap.step, snap.epoch, snap.accuracy))
        self.page.set_snapshot(snap)
        self._set_title(self.page.title)

    @Slot(int, int)
    def show_neuron(self, layer: int, index: int | None = None) -> None:
        """Show neuron ``index`` of ``layer`` (0 input, 1..L hidden, L+1 output) large; None or a
        negative layer returns to the output. Only 2-D datasets have neuron maps."""
        hover = None if index is None or layer < 0 or index < 0 else (int(layer), int(index))
        if hover == self._hover:
            return
        self._hover = hover
        page = self.page
        if isinstance(page, BoundaryPage):
            page.show_neuron(hover)
            self._set_title(page.title)

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
        """The values the boundary image shows now, before coloring (2-D datasets)."""
        page = self.page
        return page.displayed_image() if isinstance(page, BoundaryPage) else None

    def confusion_shown(self) -> np.ndarray | None:
        """The confusion matrix on screen (rows true, columns predicted; digits)."""
        page = self.page
        return page.confusion_shown() if isinstance(page, DigitsPage) else None

    # -- slots ------------------------------------------------------------------------------
    @Slot(bool)
    def _on_show_test(self, on: bool) -> None:
        page = self.page
        if page is not None and "show_test" in page.toggles:
            page.set_show_test(on)

    @Slot(bool)
    def _on_discretize(self, on: bool) -> None:
        page = self.page
        if page is not None and "discretize" in page.toggles:
            page.set_discretize(on)

    # -- text -------------------------------------------------------------------------------
    def _set_title(self, text: str) -> None:
        if text != self._title.text():
            self._title.setText(text)
            self._title.setToolTip(text)  # the whole title, where a narrow pane cuts it

    def _set_legend(self, entries: list[str]) -> None:
        """One label per entry: a row may break between entries, never inside one."""
        for label in self._legend_labels:
            self._footer.removeWidget(label)
            label.hide()
            label.deleteLater()
        self._legend_labels = []
        for i, text in enumerate(entries):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.RichText)
            self._footer.add(label, index=i)
            self._legend_labels.append(label)

    def _info_texts(self, step: int, epoch: int, accuracy: float | None) -> tuple[str, str | None]:
        text = self.tr("step %1 \u00b7 epoch %2").replace("%1", f"{step:,}").replace("%2", str(epoch))
        acc = None if accuracy is None else self.tr("test accuracy %1%").replace("%1", f"{100 * accuracy:.1f}")
        return text, acc

    def _set_info(self, text: str, acc: str | None, fit: bool = False) -> None:
        """Show the numbers; each label widens when it must and shrinks only with ``fit`` (a new
        dataset), so a refresh repaints the labels and nothing else moves."""
        for label, value in ((self._info, text), (self._acc, acc)):
            if value is None:
                if fit:
                    label.setVisible(False)
                    label.clear()
                continue
            if value == label.text() and not fit and label.isVisibleTo(self):
                continue
            fm = QFontMetricsF(label.font())
            label.setText(value)
            need = math.ceil(fm.horizontalAdvance(value) + theme.em_f(self, 0.3))
            # glyphs from a fallback font (Chinese) stand taller than the label's own font says
            high = max(math.ceil(fm.height()), label.sizeHint().height())
            if fit or need > label.width() or high > label.height() or not label.isVisibleTo(self):
                label.setFixedSize(need, high)
            label.setVisible(True)


__all__ = ["OutputView"]
