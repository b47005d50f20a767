"""File > Log runs for TensorBoard (``tensorboardAction``): each run from then on is written for
TensorBoard in its own folder under one the user picks, as ``playground train --tensorboard DIR``
writes it (the engine does the writing: engine/tensorboard_runs.py).

Turning it on asks for the folder (the last one is offered, ``tensorboard/folder`` in QSettings);
without the optional ``tensorboard`` package a message says how to get it and the action stays off.
Each run's folder shows in the status bar. The choice holds for this window's life (a new training
process after a crash gets it again: ui/client.py); the folder is remembered for next time, the
on/off is not, so nothing is written behind a user's back on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground.engine import protocol as p
from playground.io import tensorboard_log
from playground.ui.settings import settings

KEY = "tensorboard/folder"
INSTALL = 'pip install "pytorch-playground[tensorboard]"'


def default_folder() -> str:
    """The folder offered: the last one chosen, else ~/playground-runs."""
    saved = settings().value(KEY)
    return saved if isinstance(saved, str) and saved else str(Path.home() / "playground-runs")


class TensorBoardSetting(QObject):
    """The action and what it does; ``set_folder`` is the same without the dialogs' questions."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.client = window.controller
        self.action = QAction(self.tr("Log runs for &TensorBoard..."), window, objectName="tensorboardAction",
                              checkable=True)
        self.action.setToolTip(self.tr("Write each run for TensorBoard in its own folder: losses, accuracies and the "
                                   "learning rate per epoch, weight and gradient histograms, the graph, the settings "
                                   "with the final results. See them with: tensorboard --logdir FOLDER"))
        self._set_checked(self.client.tensorboard is not None)  # a window rebuilt (language) on the same engine
        self.action.toggled.connect(self._on_toggled)
        self.client.tensorBoardRun.connect(self._on_run)
        window.tensorboardAction = self.action
        window.tensorboard = self

    @property
    def folder(self) -> str | None:
        """Where runs are written now; None when off."""
        return self.client.tensorboard

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        if not on:
            self.set_folder(None)
            return
        if not tensorboard_log.available():
            self._say_not_installed()
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder for TensorBoard runs"), default_folder())
        if not folder or not self.set_folder(folder):
            self._set_checked(False)

    def set_folder(self, folder: str | None) -> bool:
        """Write the runs from now on under ``folder`` (None: stop). False, after a message, when refused."""
        reply = self.client.request(p.SetTensorBoard(folder), self.window,
                                    None if folder is None else self.tr("Setting up TensorBoard..."))
        if not reply.ok:
            self.client.tensorboard = None
            self._set_checked(False)
            if reply.message == tensorboard_log.MISSING:
                self._say_not_installed()
            else:
                QMessageBox.warning(self.window, self.tr("Cannot log runs for TensorBoard"),
                                    self.tr("TensorBoard folder: {0}").format(reply.message))
            return False
        self.client.tensorboard = reply.path
        self._set_checked(reply.path is not None)
        if reply.path is None:
            self.window.statusBar().showMessage(self.tr("Runs are no longer written for TensorBoard"), 5000)
        else:
            settings().setValue(KEY, reply.path)
            self.window.statusBar().showMessage(
                self.tr("Each run is written for TensorBoard under {0}. See them with: tensorboard --logdir \"{0}\"")
                .format(reply.path), 12000)
        return True

    def _say_not_installed(self) -> None:
        self._set_checked(False)
        QMessageBox.information(self.window, self.tr("TensorBoard is not installed"), self.tr(
            "Writing runs for TensorBoard needs the optional tensorboard package, in the Python that runs the "
            "playground. Install it with:\n\n    {0}\n\n(or: pip install tensorboard), then turn this on again.")
            .format(INSTALL))

    def _set_checked(self, on: bool) -> None:
        if self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)

    @Slot(object)
    def _on_run(self, event: p.TensorBoardRun) -> None:
        bar = self.window.statusBar()
        if event.error and event.folder is None:
            bar.showMessage(self.tr("TensorBoard: this run is not written ({0})").format(event.error), 12000)
        elif event.error:
            bar.showMessage(self.tr("TensorBoard: the end of {0} was not written ({1})").format(event.folder, event.error),
                            12000)
        else:
            bar.showMessage(self.tr("TensorBoard: writing {0}").format(event.folder), 8000)


def install(window) -> QAction:
    """Make ``window.tensorboardAction`` (the File menu shows it)."""
    return TensorBoardSetting(window).action


__all__ = ["TensorBoardSetting", "install", "default_folder", "INSTALL"]
