"""Regression guard: PySide6 6.12.0 on Python 3.11 drops a reference to True on every Signal.emit()
and the process aborts ("bool_dealloc: deallocating True or False") after a few thousand emits.
Run a Python-side emit storm in a child process so such a release fails here, not in a classroom.
"""

import subprocess
import sys

STORM = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import torch
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

class Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)
    plain = Signal()

class Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    @Slot(bool)
    def on_flag(self, v):
        self.count += 1

    @Slot(object)
    def on_value(self, v):
        self.count += 1

    @Slot()
    def on_plain(self):
        self.count += 1

app = QCoreApplication([])
e, r = Emitter(), Receiver()
e.flag.connect(r.on_flag)
e.value.connect(r.on_value)
e.plain.connect(r.on_plain)
N = 30000
for i in range(N):
    e.flag.emit(i % 2 == 0)
    e.value.emit({"step": i})
    e.plain.emit()
print(r.count)
"""


def test_tens_of_thousands_of_emits_do_not_abort_the_process():
    r = subprocess.run([sys.executable, "-c", STORM], capture_output=True, text=True, timeout=300)
    assert "bool_dealloc" not in r.stderr
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == str(3 * 30000)


def test_pyside6_is_not_the_known_bad_release():
    import PySide6

    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ != "6.12.0", "PySide6 6.12.0 aborts on Python 3.11: see pyproject.toml"
