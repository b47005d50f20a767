"""Run a slow call (an ONNX export: 3-8 s the first time) without freezing the window.

``run_busy(parent, text, fn)`` calls ``fn()`` in a Python thread and, meanwhile, runs a local
event loop that keeps every window painted but holds back the user's clicks and keys (so nothing
can touch what ``fn`` is working on). A "please wait" dialog with a busy bar appears if the call
takes longer than a moment. It returns what ``fn`` returned, or raises what it raised, so callers
stay as simple as a plain call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 400  # quicker calls finish without a dialog flashing up


class _Done(QObject):
    done = Signal()


def run_busy(parent: QWidget, text: str, fn: Callable[[], Any]) -> Any:
    outcome: dict[str, Any] = {}
    notifier = _Done()
    loop = QEventLoop()
    notifier.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as e:  # handed back to the caller's thread, raised there
            outcome["error"] = e
        finally:
            notifier.done.emit()

    dialog = QProgressDialog(text, None, 0, 0, parent)  # no cancel button: a file is being written
    dialog.setWindowTitle(parent.tr("Please wait") if parent is not None else "Please wait")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.reset()  # QProgressDialog shows itself on construction otherwise; the timer decides
    later = QTimer(dialog, singleShot=True, interval=SHOW_AFTER_MS)
    later.timeout.connect(dialog.show)
    thread = threading.Thread(target=work, name="busy", daemon=True)
    try:
        later.start()
        thread.start()
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        thread.join()
    finally:
        later.stop()
        dialog.hide()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


__all__ = ["run_busy"]
