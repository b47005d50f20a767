"""The output view: what the network answers, painted where the data lives.

A title and the step / accuracy above, a legend and the toggles below, and between them one page
per kind of dataset: the decision boundary for 2-D data (views/boundary.py), a confusion matrix
and labelled test images for the digits (views/digits.py), a 2-D projection colored by prediction
for anything else (views/projection.py). The view picks the page from the dataset and hands each
snapshot of that kind to it; snapshots of another kind are ignored.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from playground.core.datasets import Dataset
from playground.core.inspect import ViewSnapshot, view_kind
from playground.ui import theme
from playground.ui.views.boundary import BoundaryPage
from playground.ui.views.digits import DigitsPage
from playground.ui.views.projection import ProjectionPage


class OutputView(QWidget):
    """Output of the model over its input (``boundaryView``). Feed it ``set_dataset`` then snapshots."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self._dataset: Dataset | None = None
        self._kind: str | None = None
        self._snap: ViewSnapshot | None = None
        self._hover: tuple[int, int] | None = None

        self._title = QLabel()
        self._title.setFont(theme.scaled_font(self, 1.0, bold=True))
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._title.setMinimumWidth(theme.em(self, 6))
        # Plain text whose width only grows (see _set_info): its text changes with every refresh,
        # and rich text or a width that follows the text cost a relayout of the pane each time
        # (benchmarks/bench_views.py).
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
        self._pages = {page.kind: page for page in (BoundaryPage(), DigitsPage(), ProjectionPage())}
        for page in self._pages.values():
            self._stack.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self._stack, 1)
        layout.addLayout(footer)
        for w in (self._show_test, self._discretize, self._info, self._legend):
            w.setVisible(False)
        self._title.setText(self.tr("Output"))

    # -- public API -----------------------------------------------------------------------
    @property
    def kind(self) -> str | None:
        return self._kind

    @property
    def snapshot(self) -> ViewSnapshot | None:
        return self._snap

    @property
    def page(self) -> BoundaryPage | DigitsPage | ProjectionPage | None:
        """The page on show (None before the first dataset): its read-only surface says what it draws."""
        return self._pages.get(self._kind)

    @property
    def title_text(self) -> str:
        return self._title.text()

    @property
    def info_text(self) -> str:
        """The step, epoch and test accuracy above the picture."""
        return self._info.text()

    @Slot(object)
    def set_dataset(self, dataset: Dataset) -> None:
        """Draw the data and prepare the picture for this dataset's kind; forget old snapshots."""
        self._dataset = dataset
        self._kind = view_kind(dataset)
        self._snap = None
        self._hover = None
        page = self.page
        page.set_dataset(dataset)
        if "show_test" in page.toggles:
            page.set_show_test(self.show_test_data)
        if "discretize" in page.toggles:
            page.set_discretize(self.discretize)
        self._stack.setCurrentWidget(page)
        self._show_test.setVisible("show_test" in page.toggles)
        self._discretize.setVisible("discretize" in page.toggles)
        self._info.setVisible(True)
        self._legend.setVisible(True)
        self._legend.setText(page.legend())
        self._set_title(page.title)
        self._set_info(self.tr("Not trained yet"), fit=True)

    @Slot(object)
    def set_snapshot(self, snap: ViewSnapshot) -> None:
        """Show a new snapshot: only updates existing items. Snapshots of another kind are ignored."""
        if self._dataset is None or snap.kind != self._kind:
            return
        self._snap = snap
        self._set_info(self._info_text(snap.step, snap.epoch, snap.accuracy))
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

    def _info_text(self, step: int, epoch: int, accuracy: float | None) -> str:
        text = self.tr("step %1 \u00b7 epoch %2").replace("%1", f"{step:,}").replace("%2", str(epoch))
        if accuracy is not None:
            text += " \u00b7 " + self.tr("test accuracy %1%").replace("%1", f"{100 * accuracy:.1f}")
        return text

    def _set_info(self, text: str, fit: bool = False) -> None:
        """Show ``text``; the label widens when it must and shrinks only with ``fit`` (a new
        dataset), so a refresh repaints the label and nothing else moves."""
        if text == self._info.text() and not fit:
            return
        need = math.ceil(QFontMetricsF(self._info.font()).horizontalAdvance(text) + theme.em_f(self, 0.3))
        if fit or need > self._info.width():
            self._info.setFixedWidth(need)
        self._info.setText(text)


__all__ = ["OutputView"]
