"""The Runs tab: the session's earlier runs in a table (Compare runs).

One row per earlier run: shown (a checkbox: its faint curves), its label (editable: rename), its
settings, final train and test loss, test accuracy, steps/s and time. "Bring back" makes the
selected run's settings the current ones; "Export CSV" writes the table. It draws nothing itself
and knows runs only by their attributes (ui/runs.py keeps them).
"""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SHOWN, LABEL = 0, 1


def _number(value, fmt: str) -> str:
    return "" if value is None else format(value, fmt)


class RunsTable(QWidget):
    shownChanged = Signal(int, bool)  # row, shown
    renamed = Signal(int, str)  # row, the new label
    bringBackRequested = Signal(int)  # row: its settings become the current ones

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 8, objectName="runsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Shown"), self.tr("Run"), self.tr("Settings"), self.tr("Train loss"), self.tr("Test loss"),
            self.tr("Test accuracy"), self.tr("Steps/s"), self.tr("Time (s)")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("Earlier runs of this session: tick to show their curves, "
                                      "double-click a name to rename it"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_menu)
        self.table.itemChanged.connect(self._on_item)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.bringBackButton = QPushButton(self.tr("&Bring back settings"), objectName="bringBackRunButton")
        self.bringBackButton.setToolTip(self.tr("Make the selected run's settings the current ones"))
        self.bringBackButton.setEnabled(False)
        self.bringBackButton.clicked.connect(self._on_bring_back)
        self.exportButton = QPushButton(self.tr("Export &CSV..."), objectName="exportRunsButton")
        self.exportButton.setToolTip(self.tr("Write this table to a CSV file"))
        self.exportButton.clicked.connect(self.export_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(self.bringBackButton)
        buttons.addWidget(self.exportButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._filling = False
        # a narrow loss pane is not held wider by this tab's buttons (they fit once it is shown wider)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_runs(self, runs) -> None:
        """Show ``runs`` (objects with label, settings, shown, final EpochMetrics, summary, seconds)."""
        self._filling = True
        try:
            self.table.setRowCount(len(runs))
            for row, run in enumerate(runs):
                shown = QTableWidgetItem()
                shown.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                               | Qt.ItemFlag.ItemIsSelectable)
                shown.setCheckState(Qt.CheckState.Checked if run.shown else Qt.CheckState.Unchecked)
                self.table.setItem(row, SHOWN, shown)
                label = QTableWidgetItem(run.label)
                label.setFlags(label.flags() | Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, LABEL, label)
                final, summary = run.final, run.summary or {}
                cells = [run.settings,
                         _number(final.train_loss if final else None, ".4f"),
                         _number(final.test_loss if final else None, ".4f"),
                         _number(final.test_accuracy if final else None, ".1%"),
                         _number(summary.get("steps_per_second"), ".1f"),
                         _number(run.seconds if summary else None, ".1f")]
                for column, text in enumerate(cells, start=2):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    if column > 2:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
        finally:
            self._filling = False
        self._on_selection()

    def rows(self) -> list[list[str]]:
        """The table as text, a header row first (what Export CSV writes)."""
        header = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        out = [header]
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text() if self.table.item(row, c) else ""
                     for c in range(self.table.columnCount())]
            shown = self.table.item(row, SHOWN)
            cells[SHOWN] = self.tr("yes") if shown and shown.checkState() == Qt.CheckState.Checked else self.tr("no")
            out.append(cells)
        return out

    def export_csv(self, path: str) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(self.rows())

    @Slot()
    def export_dialog(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the runs"), "runs.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return None
        self.export_csv(path)
        return path

    # -- the user's -----------------------------------------------------------------------
    @Slot(QTableWidgetItem)
    def _on_item(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.column() == SHOWN:
            self.shownChanged.emit(item.row(), item.checkState() == Qt.CheckState.Checked)
        elif item.column() == LABEL:
            self.renamed.emit(item.row(), item.text())

    @Slot()
    def _on_selection(self) -> None:
        self.bringBackButton.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def _on_bring_back(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.bringBackRequested.emit(rows[0].row())

    @Slot(object)
    def _on_menu(self, pos) -> None:
        row = self.table.rowAt(pos.y())
        if row < 0:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Bring back settings"), lambda: self.bringBackRequested.emit(row))
        menu.addAction(self.tr("Rename"), lambda: self.table.editItem(self.table.item(row, LABEL)))
        menu.exec(self.table.viewport().mapToGlobal(pos))


__all__ = ["RunsTable"]
