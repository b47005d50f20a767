"""The view area: four titled panes (loss, graph, output, network) in splitters, any one of
which can fill the area (its maximize button, or the View menu)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from playground.ui.theme import em
from playground.ui.views.graph_view import GraphPanel
from playground.ui.views.loss_plot import LossPlot
from playground.ui.views.network_view import NetworkView
from playground.ui.views.output import OutputView


class Pane(QWidget):
    """A titled frame around one view, with a button that maximizes it inside the window."""

    maximizeToggled = Signal(bool)

    def __init__(self, title: str, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.name = title
        self.title = QLabel(f"<b>{title}</b>")
        self.maxButton = QToolButton(checkable=True, text="\u2922", autoRaise=True)
        self.maxButton.setToolTip(self.tr("Maximize this view (click again to restore)"))
        self.maxButton.toggled.connect(self.maximizeToggled)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.maxButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em(self, 0.2), em(self, 0.2), em(self, 0.2), em(self, 0.2))
        layout.setSpacing(em(self, 0.15))
        layout.addLayout(head)
        layout.addWidget(view, 1)


class ViewArea(QSplitter):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Vertical, parent)
        self.lossView = LossPlot()
        self.graphView = GraphPanel()
        self.outputView = OutputView()
        self.networkView = NetworkView()
        self.panes = [Pane(self.tr("Loss"), self.lossView),
                      Pane(self.tr("Computation graph (loss.grad_fn)"), self.graphView),
                      Pane(self.tr("Output"), self.outputView),
                      Pane(self.tr("Network"), self.networkView)]
        self.topRow = QSplitter(Qt.Horizontal)
        self.bottomRow = QSplitter(Qt.Horizontal)
        self.topRow.addWidget(self.panes[0])
        self.topRow.addWidget(self.panes[1])
        self.bottomRow.addWidget(self.panes[2])
        self.bottomRow.addWidget(self.panes[3])
        self.addWidget(self.topRow)
        self.addWidget(self.bottomRow)
        for pane in self.panes:
            pane.maximizeToggled.connect(self._on_maximize)
        # proportions, not pixels: the splitters scale them to whatever room there is
        self.setSizes([1000, 1000])
        self.topRow.setSizes([900, 1100])
        self.bottomRow.setSizes([1000, 1000])

    @Slot(bool)
    def _on_maximize(self, on: bool) -> None:
        """One view fills the view area; unchecking its button (or the menu item) restores all."""
        sender = self.sender()
        if on:
            for pane in self.panes:
                if pane is not sender and pane.maxButton.isChecked():
                    pane.maxButton.setChecked(False)
        maximized = next((p for p in self.panes if p.maxButton.isChecked()), None)
        for pane in self.panes:
            pane.setVisible(maximized is None or pane is maximized)
        for row in (self.topRow, self.bottomRow):
            row.setVisible(maximized is None or maximized in _children(row))


def _children(splitter: QSplitter) -> list[QWidget]:
    return [splitter.widget(i) for i in range(splitter.count())]


__all__ = ["Pane", "ViewArea"]
