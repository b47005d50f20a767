"""The log file: warnings and errors the window never shows land in a rotating file in the data
folder (in tests: PLAYGROUND_LOG_DIR, a temporary folder); Help > Open log folder shows it."""

from __future__ import annotations

import logging
import os
import sys
import threading
import warnings
from pathlib import Path

from PySide6.QtCore import QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices
from windows import open_window  # noqa: E402  (tests/ui/windows.py)

from playground.ui import logfile


def flushed() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    path = logfile.log_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_log_goes_to_the_test_folder_and_rotates(qapp):
    path = logfile.setup_logging()
    assert path == Path(os.environ["PLAYGROUND_LOG_DIR"]) / "playground.log"
    assert logfile.setup_logging() == path  # once: no second handler
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 1
    assert handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 3


def test_a_logged_warning_and_a_python_warning_land_in_the_file(qapp):
    logfile.setup_logging()
    logging.getLogger("playground.test").warning("a warning for the log file")
    logging.getLogger("playground.test").info("an info line: not kept")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = logging.captureWarnings.__globals__["_showwarning"]  # as outside pytest
        warnings.warn("a python warning for the log file", UserWarning, stacklevel=1)
    text = flushed()
    assert "WARNING playground.test: a warning for the log file" in text
    assert "an info line" not in text
    assert "a python warning for the log file" in text


def test_qt_messages_and_uncaught_exceptions_are_logged(qapp):
    logfile.setup_logging()
    assert sys.excepthook is not sys.__excepthook__  # ours, or pytest-qt's around it in a test
    logfile.log_qt_message(QtMsgType.QtWarningMsg, None, "a qt warning for the log file")
    try:
        raise RuntimeError("an uncaught error for the log file")
    except RuntimeError:
        logfile.log_uncaught(*sys.exc_info(), thread="engine-reader")
    text = flushed()
    assert "WARNING playground.qt: a qt warning for the log file" in text
    assert "CRITICAL playground: uncaught exception in thread engine-reader" in text
    assert "RuntimeError: an uncaught error for the log file" in text and "Traceback" in text


def test_the_hooks_chain_to_the_ones_before(qapp, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *a: seen.append(a[0]))
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)  # put back afterwards
    logfile._install_hooks()
    try:
        sys.excepthook(ValueError, ValueError("chained to the previous hook"), None)
    finally:
        qInstallMessageHandler(None)
    assert seen == [ValueError]
    assert "ValueError: chained to the previous hook" in flushed()


def test_help_menu_opens_the_log_folder(qtbot, monkeypatch):
    w = open_window(qtbot)
    action = w.findChild(type(w.aboutAction), "openLogFolderAction")
    assert action is w.openLogFolderAction and action in w.helpMenu.actions()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    action.trigger()
    assert opened == [QUrl.fromLocalFile(os.environ["PLAYGROUND_LOG_DIR"])]
