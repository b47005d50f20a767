"""What window tests share: opening a window whose engine has made its first network; an output view
alone, shown, for a dataset."""

from playground.app import create_window

START = 120_000  # ms a new training process may take to import torch on a loaded 2-core machine
RUN = 60_000  # ms for a short run


def open_window(qtbot, preset="xor"):
    w = create_window(preset)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.model is not None, timeout=START)
    return w


def output_view(qtbot, dataset, size=(640, 520)):
    """An OutputView on its own, showing ``dataset``, exposed."""
    from playground.ui.views.output import OutputView

    view = OutputView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_dataset(dataset)
    view.show()
    qtbot.waitExposed(view)
    return view
