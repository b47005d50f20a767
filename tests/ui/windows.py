"""What window tests share: opening a window whose engine has made its first network."""

from playground.app import create_window

START = 120_000  # ms a new training process may take to import torch on a loaded 2-core machine
RUN = 60_000  # ms for a short run


def open_window(qtbot, preset="xor"):
    w = create_window(preset)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.model is not None, timeout=START)
    return w
