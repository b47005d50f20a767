"""File > Export data and Export loss history through the window (dialogs patched): the engine
writes the points with their split and prediction, and every step's loss with the epochs' metrics."""

import pytest
import torch
from PySide6.QtWidgets import QFileDialog
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)


@pytest.fixture(autouse=True)
def engine_in_a_thread(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")  # the engine's Trainer is then here to compare with


def save_dialog_returns(monkeypatch, path):
    calls = []

    def fake(*args, **kwargs):
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return calls


@pytest.fixture
def trained(qtbot):
    w = open_window(qtbot)
    w.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN):
        w.trainButton.click()
    return w


def test_export_data_writes_points_split_and_prediction(trained, tmp_path, monkeypatch, message_boxes):
    w = trained
    target = tmp_path / "points.csv"
    calls = save_dialog_returns(monkeypatch, target)
    assert w.exportDataAction.toolTip()
    w.exportDataAction.trigger()
    assert len(calls) == 1 and calls[0][1] == "Export data" and calls[0][2].endswith("xor-data.csv")
    assert w.statusBar().currentMessage() == f"Saved {target}" and message_boxes == []
    t = w.controller.transport.engine.trainer
    d = t.dataset
    with torch.no_grad():
        t.model.eval()
        predicted = t.model(torch.as_tensor(d.x_train[:2])).argmax(1).tolist()
    lines = target.read_text().splitlines()
    assert lines[:3] == ["x1,x2,label,split,prediction"] + [
        f"{str(x[0])},{str(x[1])},{y},train,{p}" for x, y, p in zip(d.x_train[:2], d.y_train[:2], predicted)]
    assert len(lines) == 1 + len(d.x_train) + len(d.x_test)
    assert lines[-1].split(",")[3] == "test"


def test_export_history_writes_every_steps_loss(trained, tmp_path, monkeypatch, message_boxes):
    w = trained
    target = tmp_path / "loss.csv"
    save_dialog_returns(monkeypatch, target)
    assert w.exportHistoryAction.toolTip()
    w.exportHistoryAction.trigger()
    assert w.statusBar().currentMessage() == f"Saved {target}" and message_boxes == []
    t = w.controller.transport.engine.trainer
    losses, (m,) = list(t.step_losses), t.history
    lines = target.read_text().splitlines()
    assert lines[:3] == ["step,epoch,loss,train_loss,test_loss,train_accuracy,test_accuracy",
                         f"1,1,{losses[0]!r},,,,", f"2,1,{losses[1]!r},,,,"]
    assert lines[-1] == (f"{m.step},1,{losses[-1]!r},{m.train_loss!r},{m.test_loss!r},{m.train_accuracy!r},"
                         f"{m.test_accuracy!r}")
    assert len(lines) == 1 + len(losses)


def test_a_failed_export_says_why(trained, tmp_path, message_boxes):
    missing = tmp_path / "no-such-folder" / "points.csv"
    assert trained.data.export_data(missing) is None
    assert message_boxes == [("warning", "Export data failed",
                              f"cannot write {missing}: the folder {missing.parent} does not exist")]
