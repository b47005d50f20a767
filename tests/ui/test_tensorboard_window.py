"""File > Log runs for TensorBoard (tensorboardAction): each run of the window in its own folder, read back
with TensorBoard's own reader; without the package, a message saying how to get it."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.io import tensorboard_log
from playground.ui.tensorboard import INSTALL

pytest.importorskip("tensorboard")
from tensorboard.backend.event_processing.event_accumulator import (  # noqa: E402
    GRAPH,
    HISTOGRAMS,
    SCALARS,
    EventAccumulator,
)


def _train(qtbot, window):
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as done:
        window.trainButton.click()
    return done.args[0]


def test_each_run_of_the_window_is_written_for_tensorboard(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, "xor")
    window.controls.epochsInput.setValue(2)
    root = tmp_path / "board"
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: asked.append(a[2]) or str(root))
    action = window.tensorboardAction
    assert action in window.fileMenu.actions() and action.isCheckable() and not action.isChecked()
    with qtbot.waitSignal(window.controller.tensorBoardRun, timeout=RUN) as started:
        action.trigger()  # on: asks for the folder, then the first run writes under it
        assert action.isChecked() and window.tensorboard.folder == str(root)
        assert "tensorboard --logdir" in window.statusBar().currentMessage()
        summary = _train(qtbot, window)
    (run,) = root.iterdir()
    assert started.args[0].folder == str(run) and started.args[0].error == ""
    assert run.name.endswith("-xor")
    acc = EventAccumulator(str(run), size_guidance={SCALARS: 0, HISTOGRAMS: 0, GRAPH: 0})
    acc.Reload()
    assert [e.step for e in acc.Scalars("loss/train")] == [1, 2]
    assert acc.Scalars("loss/test")[-1].value == pytest.approx(summary["test_loss"], rel=1e-6)
    assert [e.step for e in acc.Scalars("accuracy/test")] == [1, 2]
    assert [e.step for e in acc.Scalars("learning_rate")] == [1, 2]
    assert "weights/fc1.weight" in acc.Tags()[HISTOGRAMS] and "gradients/fc1.weight" in acc.Tags()[HISTOGRAMS]
    assert acc.Graph().node
    assert "hparam/test_loss" in acc.Tags()[SCALARS]

    _train(qtbot, window)  # another round: a folder of its own
    assert len(list(root.iterdir())) == 2

    action.trigger()  # off: the next run writes nothing
    assert not action.isChecked() and window.tensorboard.folder is None
    _train(qtbot, window)
    assert len(list(root.iterdir())) == 2

    action.trigger()  # on again: the last folder is offered
    assert asked == [str(tmp_path.home() / "playground-runs"), str(root)]


def test_without_tensorboard_the_window_says_how_to_get_it(qtbot, monkeypatch):
    window = open_window(qtbot, "xor")
    monkeypatch.setattr(tensorboard_log, "available", lambda: False)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: pytest.fail("no folder to ask for"))
    window.tensorboardAction.trigger()
    assert not window.tensorboardAction.isChecked() and window.tensorboard.folder is None
    ((title, text),) = told
    assert title == "TensorBoard is not installed"
    assert INSTALL in text and INSTALL == 'pip install "pytorch-playground[tensorboard]"'


def test_a_folder_that_cannot_be_written_is_refused_in_one_line(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, "xor")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    assert window.tensorboard.set_folder(str(blocker / "runs")) is False
    assert not window.tensorboardAction.isChecked() and window.tensorboard.folder is None
    ((title, text),) = warned
    assert title == "Cannot log runs for TensorBoard"
    assert text.startswith(f"TensorBoard folder: cannot write to {blocker / 'runs'} (") and "\n" not in text
