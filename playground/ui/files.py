"""File dialogs and flows: export, save and open sessions (with the earlier runs), open configs, import weights.

Every flow ends in one engine command (the engine owns the network and writes or reads the
file); this module asks for the path, confirms overwriting, waits for the reply with the window
painting, and shows the outcome the way a user reads it: a status-bar line on success, a message
box naming the file and what is wrong on failure. ``export_to`` / ``open_path`` /
``import_weights`` skip the dialogs (tests and teachers' scripts) and say the same things.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from playground.core.config import ConfigError
from playground.engine import protocol as p
from playground.io.export import DEFAULT_EXTENSION, FORMATS
from playground.io.session import SESSION_EXTENSION, load_config
from playground.io.session_runs import read_session_runs
from playground.ui.language import current_language


def error_text(title: str, message: str, field: str = "") -> str:
    """``field: message`` (as the CLI prints a ConfigError), without repeating a field the title names.

    "schema_version: 99 is not supported; this version reads 1" says which setting is wrong; in a
    box titled "Cannot import weights", "weights: " would say nothing new.
    """
    field = field.strip()
    if not field or field.lower() in title.lower() or message.startswith(f"{field}:"):
        return message
    return f"{field}: {message}"


class FileFlows(QObject):
    def __init__(self, window: QMainWindow, client):
        super().__init__(window)
        self.window = window
        self.client = client
        self.last_dir = Path.home()
        self.writing = False  # a file is being written: closing waits for it
        self.ask_before_closing = True  # offer to save trained work on close (off for --screenshot)
        self._saved_marker: tuple[int, int] | None = None

    # -- unsaved work ---------------------------------------------------------------------
    @property
    def has_unsaved_work(self) -> bool:
        """Trained steps that no export or session save has captured."""
        steps = self.client.step_count
        return steps > 0 and self._saved_marker != (self._model_id(), steps)

    def _model_id(self) -> int:
        return self.client.model.model_id if self.client.model is not None else 0

    def mark_saved(self) -> None:
        self._saved_marker = (self._model_id(), self.client.step_count)

    def ask_to_save(self):
        """Save / Discard / Cancel for trained steps nothing has saved (Discard when there are none)."""
        if not self.has_unsaved_work or not self.ask_before_closing:
            return QMessageBox.Discard
        return QMessageBox.question(
            self.window, self.tr("Save this session?"),
            self.tr("The network has trained {0} steps that are not saved. Save the session to continue "
                    "next time?").format(self.client.step_count),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)

    def maybe_keep_work(self) -> bool:
        """Offer to save trained, unsaved work before it is replaced. False if the user cancels."""
        answer = self.ask_to_save()
        if answer == QMessageBox.Save:
            return self.save_session_dialog() is not None
        return answer == QMessageBox.Discard

    # -- helpers --------------------------------------------------------------------------
    def _status(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _fail(self, title: str, message: str, field: str = "") -> None:
        """A warning box: ``field: message`` as the CLI says it, unless the title already names the field."""
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, title, error_text(title, message, field))

    def _request(self, command: p.Command, text: str) -> p.Reply:
        self.writing = True
        try:
            return self.client.request(command, self.window, text)
        finally:
            self.writing = False

    def _default_name(self) -> str:
        return self.client.preset or self.client.config.dataset

    def save_path(self, title: str, name: str, filters: list[str]) -> str | None:
        """Ask for a file to write; confirm before overwriting. None when cancelled."""
        path, chosen = QFileDialog.getSaveFileName(self.window, title, str(self.last_dir / name),
                                                   ";;".join(filters), filters[0], QFileDialog.DontConfirmOverwrite)
        if not path:
            return None
        if not Path(path).suffix:  # take the extension of the chosen filter
            path += chosen[chosen.find("*") + 1:chosen.find(")")] if "*" in chosen else ""
        if Path(path).exists():
            answer = QMessageBox.question(
                self.window, self.tr("Replace file?"), self.tr("{0} already exists. Replace it?").format(Path(path).name),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return None
        self.last_dir = Path(path).parent
        return path

    # -- export ---------------------------------------------------------------------------
    def export_dialog(self) -> str | None:
        """Ask where, then export; the format follows the extension. Returns the path written."""
        filters = [f"{self.tr(desc)} (*{ext})" for ext, desc in FORMATS.items()]
        path = self.save_path(self.tr("Export"), self._default_name() + DEFAULT_EXTENSION, filters)
        if path is None:
            return None
        return self.export(path)

    def export(self, path: str) -> str | None:
        """Export without a dialog; the path written, or None after showing why not."""
        name = Path(path).name
        self.window.statusBar().showMessage(self.tr("Exporting {0}...").format(name))
        reply = self._request(p.Export(str(path), current_language()), self.tr("Exporting {0}...").format(name))
        if not reply.ok:
            self._fail(self.tr("Export failed"), reply.message, reply.field)
            return None
        if Path(reply.path).suffix.lower() != ".json":
            self.mark_saved()
        self._status(self.tr("Saved {0}").format(reply.path))
        return reply.path

    # -- sessions -------------------------------------------------------------------------
    def save_session_dialog(self) -> str | None:
        path = self.save_path(self.tr("Save session"), self._default_name() + SESSION_EXTENSION,
                              [self.tr("Playground session (*{0})").format(SESSION_EXTENSION)])
        if path is None:
            return None
        runs = tuple(self.window.runs.saved())  # the earlier runs go with it (ui/runs.py)
        reply = self._request(p.SaveSession(path, runs), self.tr("Saving {0}...").format(Path(path).name))
        if not reply.ok:
            self._fail(self.tr("Saving the session failed"), reply.message, reply.field)
            return None
        self.mark_saved()
        self._status(self.tr("Saved session {0}").format(reply.path))
        return reply.path

    def open_dialog(self) -> None:
        if not self.maybe_keep_work():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open session or config"), str(self.last_dir),
            self.tr("Sessions and configs (*{0} *.json);;All files (*)").format(SESSION_EXTENSION))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a session (config, weights, history) or a .json config. False, with a message, on failure."""
        self.last_dir = Path(path).parent
        if Path(path).suffix.lower() == ".json":
            try:
                config = load_config(path)
            except ConfigError as e:
                self._fail(self.tr("Cannot open config"), e.message, e.field)
                return False
            reply = self._request(p.SetConfig(config, None), self.tr("Opening {0}...").format(Path(path).name))
            if not reply.ok:
                self._fail(self.tr("Cannot open config"), reply.message, reply.field)
                return False
            self._status(self.tr("Loaded config {0}").format(path))
            return True
        reply = self._request(p.OpenSession(str(path)), self.tr("Opening {0}...").format(Path(path).name))
        if not reply.ok:
            self._fail(self.tr("Cannot open session"), reply.message, reply.field)
            return False
        self.mark_saved()
        try:  # the engine has checked them with the rest of the file: read from its header, no torch
            runs = read_session_runs(path)
        except ConfigError as e:  # the file changed since: the network is open, its runs are not
            runs = []
            self._fail(self.tr("Cannot read the session's earlier runs"), e.message, e.field)
        self.window.runs.open_runs(runs)
        model = self.client.model
        self._status(self.tr("Opened session {0}: step {1}, epoch {2}").format(path, model.step, model.epoch))
        return True

    # -- weights --------------------------------------------------------------------------
    def import_weights_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import weights"), str(self.last_dir),
                                              self.tr("Weights (*.safetensors *.pt);;All files (*)"))
        if path:
            self.last_dir = Path(path).parent
            self.import_weights(path)

    def import_weights(self, path: str) -> bool:
        """Load weights into the current network; on a mismatch nothing changes and a message says why."""
        reply = self._request(p.LoadWeights(str(path)), self.tr("Loading {0}...").format(Path(path).name))
        if not reply.ok:
            self._fail(self.tr("Cannot import weights"), reply.message, reply.field)
            return False
        self._status(self.tr("Loaded weights from {0}").format(path))
        return True


__all__ = ["FileFlows", "error_text"]
