"""The window's log file: warnings, errors and tracebacks the user never sees, kept for a bug report.

``setup_logging()`` (called by ``app.make_app``) sends Python's logging at WARNING and above to a
rotating file (about 1 MB, 3 old files kept) ``playground.log`` in the platform's data folder
(``QStandardPaths.AppLocalDataLocation / "logs"``; ``PLAYGROUND_LOG_DIR`` overrides it, as the
tests do), and routes there what would otherwise only reach a console nobody watches: Python
warnings, Qt's own warnings (``qInstallMessageHandler``) and uncaught exceptions
(``sys.excepthook``, also in threads). Help > Open log folder shows the folder.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices

LOG_NAME = "playground.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("playground")
_handler: logging.handlers.RotatingFileHandler | None = None

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_dir() -> Path:
    """Where the log files go: ``PLAYGROUND_LOG_DIR``, else the platform's data folder + logs."""
    override = os.environ.get("PLAYGROUND_LOG_DIR")
    if override:
        return Path(override).expanduser()
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".playground") / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging() -> Path | None:
    """Start the log file (once; a second call only returns its path). None if it cannot be
    written (a read-only home): the app runs on without it."""
    global _handler
    path = log_path()
    if _handler is not None:
        return Path(_handler.baseFilename)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    _handler = handler
    logging.captureWarnings(True)  # warnings.warn(...) -> the "py.warnings" logger
    _install_hooks()
    return path


def log_uncaught(kind, value, tb, thread: str | None = None) -> None:
    """An uncaught exception, with its traceback, into the log."""
    if issubclass(kind, (KeyboardInterrupt, SystemExit)):
        return
    where = f" in thread {thread}" if thread else ""
    log.critical("uncaught exception%s", where, exc_info=(kind, value, tb))


def log_qt_message(mode, context, message: str) -> None:
    """A message from Qt (a warning about a widget, a plugin...) into the log."""
    logging.getLogger("playground.qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def _install_hooks() -> None:
    previous = sys.excepthook

    def excepthook(kind, value, tb):
        log_uncaught(kind, value, tb)
        previous(kind, value, tb)

    sys.excepthook = excepthook
    previous_thread = threading.excepthook

    def thread_excepthook(args):
        log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, getattr(args.thread, "name", "?"))
        previous_thread(args)

    threading.excepthook = thread_excepthook
    previous_qt = None

    def qt_messages(mode, context, message):
        log_qt_message(mode, context, message)
        if previous_qt is not None:
            previous_qt(mode, context, message)
        elif mode != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)  # still on the console, as before

    previous_qt = qInstallMessageHandler(qt_messages)


def open_log_folder() -> bool:
    """Show the log folder in the file manager (made if it does not exist yet)."""
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


__all__ = ["log_dir", "log_path", "log_qt_message", "log_uncaught", "open_log_folder", "setup_logging"]
