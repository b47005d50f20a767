"""Your own data in the window: File > Import data, Export data and Export loss history, and the
points drawn in the output view (ui/draw_points.py).

Each ends in one engine command (the engine reads and writes the files and owns the data): the
file flows ask for the path and say how it went as ui/files.py does (a status-bar line on
success, one warning box naming the file, the line and the column on failure, and nothing
changes); drawn points go straight to the engine, mid-run too, and come back as a ModelInfo
``DATA``: the same network with other data, so the loss history and the graph stay and only the
data views are drawn again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMainWindow

from playground.engine import protocol as p
from playground.engine.protocol import ModelChange, RunState


class DataFlow(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.client = window.controller
        self.files = window.files  # its dialogs, replies and messages
        window.outputView.drawer.pointsEdited.connect(self.edit_points)
        self.client.modelChanged.connect(self._on_model)
        self.client.stateChanged.connect(self._on_state)

    # -- import ---------------------------------------------------------------------------
    @Slot()
    def import_data_dialog(self) -> None:
        if self.client.state is not RunState.IDLE:
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import data"), str(self.files.last_dir),
                                              self.tr("CSV data (*.csv);;All files (*)"))
        if path:
            self.files.last_dir = Path(path).parent
            self.import_data(path)

    def import_data(self, path: str) -> bool:
        """A new network on the file's data; a bad file: one message saying where, and nothing changes."""
        reply = self.files._request(p.ImportData(str(path)), self.tr("Reading {0}...").format(Path(path).name))
        if not reply.ok:
            self.files._fail(self.tr("Cannot import data"), reply.message, reply.field)
            return False
        d = self.client.model.dataset
        self.files._status(self.tr("Imported {0}: {1} points").format(reply.path, len(d.x_train) + len(d.x_test)))
        return True

    # -- export ---------------------------------------------------------------------------
    @Slot()
    def export_data_dialog(self) -> str | None:
        path = self.files.save_path(self.tr("Export data"), self.files._default_name() + "-data.csv",
                                    [self.tr("CSV (*.csv)")])
        return None if path is None else self.export_data(path)

    @Slot()
    def export_history_dialog(self) -> str | None:
        path = self.files.save_path(self.tr("Export loss history"), self.files._default_name() + "-loss.csv",
                                    [self.tr("CSV (*.csv)")])
        return None if path is None else self.export_history(path)

    def export_data(self, path: str) -> str | None:
        """The points with their split and the network's prediction as CSV; the path, or None after saying why not."""
        return self._write(p.ExportData(str(path)), self.tr("Export data failed"))

    def export_history(self, path: str) -> str | None:
        """The loss history as CSV (one row per step); the path, or None after saying why not."""
        return self._write(p.ExportHistory(str(path)), self.tr("Export loss history failed"))

    def _write(self, command, failed: str) -> str | None:
        reply = self.files._request(command, self.tr("Writing {0}...").format(Path(command.path).name))
        if not reply.ok:
            self.files._fail(failed, reply.message, reply.field)
            return None
        self.files._status(self.tr("Saved {0}").format(reply.path))
        return reply.path

    # -- drawn points ---------------------------------------------------------------------
    @Slot(object, object)
    def edit_points(self, add, remove) -> int:
        """Send drawn points to the engine (it answers with ModelInfo DATA); its seq."""
        return self.client.edit_points(add, remove)

    @Slot(object)
    def _on_model(self, info) -> None:
        """The same network with other data: the data views follow, the loss history and graph stay."""
        if info.reason is not ModelChange.DATA:
            return
        w = self.window
        w._shown = info
        w.outputView.set_dataset(info.dataset)
        w.controls.set_data_features(data_features(info))
        if (w.controls.config, w.controls.preset) != (info.config, info.preset):
            w.controls.set_config(info.config, info.preset)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state != RunState.STEPPING:
            self.window.importDataAction.setEnabled(state == RunState.IDLE)


def data_features(info) -> int | None:
    """A ModelInfo's data's feature count (columns); None when it has no data."""
    return None if info.dataset is None else info.dataset.n_features


__all__ = ["DataFlow", "data_features"]
