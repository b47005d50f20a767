"""Wait for something slow (an ONNX export: seconds the first time) without freezing the window.

``wait_busy(parent, text, loop)`` runs ``loop`` (a QEventLoop that someone else quits) so that
every window keeps painting while the user's clicks and keys wait; a "please wait" dialog with a
busy bar appears if it takes longer than a moment.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 400  # quicker waits end without a dialog flashing up


def wait_busy(parent: QWidget | None, text: str | None, loop: QEventLoop) -> None:
    dialog = None
    later = None
    if parent is not None and text:
        dialog = QProgressDialog(text, None, 0, 0, parent)  # no cancel button: a file is being written
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.reset()  # QProgressDialog shows itself on construction otherwise; the timer decides
        later = QTimer(dialog, singleShot=True, interval=SHOW_AFTER_MS)
        later.timeout.connect(dialog.show)
        later.start()
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        if dialog is not None:
            later.stop()
            dialog.hide()
            dialog.deleteLater()


__all__ = ["wait_busy", "SHOW_AFTER_MS"]
