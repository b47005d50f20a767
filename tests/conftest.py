import os
import tempfile  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (window geometry, recent files) go to a folder of the test run's own, not the user's
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="playground-test-config-")
os.environ["PLAYGROUND_LOG_DIR"] = os.path.join(os.environ["XDG_CONFIG_HOME"], "logs")  # the log file too

import pytest  # noqa: E402
import torch  # noqa: E402,F401  (import torch before any QApplication exists: a known crash otherwise)

from playground.core.devices import use_cpu_threads  # noqa: E402

use_cpu_threads()  # as the app and the CLI do


@pytest.fixture(autouse=True)
def no_running_threads_or_timers(request, monkeypatch):
    """Fail any test that leaves a QThread running or a QTimer active (napari does the same).

    Only tests that use Qt (qtbot) are checked; core tests stay Qt-free.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QThread, QTimer

    started: list = []
    thread_start, timer_start = QThread.start, QTimer.start

    def record_thread(self, *args):
        started.append(self)
        return thread_start(self, *args)

    def record_timer(self, *args):
        started.append(self)
        return timer_start(self, *args)

    monkeypatch.setattr(QThread, "start", record_thread)
    monkeypatch.setattr(QTimer, "start", record_timer)
    yield
    import gc

    gc.collect()  # what the test's windows left, destroyed here in the GUI thread, not in some engine's
    leaks = []
    for obj in started:
        try:
            if isinstance(obj, QThread) and obj.isRunning():
                obj.quit()
                obj.wait(5000)
                leaks.append(f"QThread {obj.objectName() or obj!r} still running")
            elif isinstance(obj, QTimer) and obj.isActive():
                obj.stop()
                leaks.append(f"QTimer {obj.objectName() or obj!r} (parent {obj.parent()!r}) still active")
        except RuntimeError:  # the C++ object is already gone: nothing left running
            pass
    assert not leaks, "test left Qt work running: " + "; ".join(leaks)


@pytest.fixture(autouse=True)
def fresh_settings(request):
    """Each window test starts with no remembered geometry or recent files."""
    yield
    if "qtbot" in request.fixturenames:
        from playground.ui.settings import settings

        settings().clear()


@pytest.fixture(autouse=True)
def message_boxes(request, monkeypatch):
    """No modal message box may block a test: record them; questions answer "Discard"/"No".

    Tests that care replace ``QMessageBox.question`` themselves and read ``message_boxes``.
    """
    shown: list[tuple[str, str, str]] = []
    if "qtbot" not in request.fixturenames:
        yield shown
        return
    from PySide6.QtWidgets import QMessageBox

    def fake(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.Discard))
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind, QMessageBox.Ok))
    yield shown
