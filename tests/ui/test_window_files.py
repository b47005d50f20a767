"""Export, import, sessions and never losing work, driven through the window (dialogs patched).

The engine writes and reads the files; the window asks for the path and says how it went.
Weights are compared through the window's own ``.safetensors`` export.
"""

import threading

import pytest
import torch
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog
from safetensors.torch import load_file
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.engine.protocol import ModelChange
from playground.io import export as exporting
from playground.io import session as sessions


def train(qtbot, w, epochs=2) -> dict:
    w.controls.epochsInput.setValue(epochs)
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN) as finished:
        w.trainButton.click()
    assert finished.args[0]["status"] == "completed"
    return finished.args[0]


@pytest.fixture
def trained(qtbot):
    w = open_window(qtbot)
    train(qtbot, w)
    return w


def weights(window, path) -> dict[str, torch.Tensor]:
    assert window.export_to(path)
    return load_file(path)


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def save_dialog_returns(monkeypatch, path, chosen_filter=""):
    calls = []

    def fake(*args, **kwargs):
        calls.append(args)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return calls


def open_dialog_returns(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_export_button_writes_safetensors_equal_to_the_model(trained, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "xor.safetensors"
    calls = save_dialog_returns(monkeypatch, target)
    assert trained.has_unsaved_work
    qtbot.mouseClick(trained.exportButton, Qt.LeftButton)
    assert len(calls) == 1, "the export button opens a file dialog"
    assert calls[0][1] == "Export" and calls[0][2].endswith("xor.safetensors")  # named after the lesson
    assert not trained.has_unsaved_work
    assert trained.statusBar().currentMessage() == f"Saved {target}"
    saved = load_file(target)
    assert set(saved) == {"fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"}
    assert same(saved, weights(trained, tmp_path / "again.safetensors"))  # the same network, written twice
    assert not same(saved, load_file(exporting.export(Trainer(get_preset("xor").config), tmp_path / "s.safetensors")))


def test_export_takes_the_extension_of_the_chosen_filter(trained, tmp_path, monkeypatch):
    save_dialog_returns(monkeypatch, tmp_path / "run", "Standalone PyTorch script (*.py)")
    assert trained.export_dialog() == str(tmp_path / "run.py")
    assert "class Net(nn.Module)" in (tmp_path / "run.py").read_text()


def test_a_json_export_does_not_count_as_saving_the_work(trained, tmp_path):
    assert trained.export_to(tmp_path / "run.json")
    assert trained.has_unsaved_work  # the settings alone do not keep the trained weights


def test_overwriting_asks_first(trained, tmp_path, monkeypatch, message_boxes):
    target = tmp_path / "w.safetensors"
    target.write_bytes(b"precious")
    save_dialog_returns(monkeypatch, target)
    # the default answer of the test fixture is "Discard" (not Yes): nothing is written
    assert trained.export_dialog() is None
    assert target.read_bytes() == b"precious"
    assert message_boxes == [("question", "Replace file?", "w.safetensors already exists. Replace it?")]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    assert trained.export_dialog() == str(target)
    assert target.read_bytes() != b"precious"


def test_failed_export_shows_a_clear_message_and_leaves_no_file(trained, tmp_path, monkeypatch, message_boxes):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    save_dialog_returns(monkeypatch, blocker / "w.onnx")  # the "folder" is a file
    assert trained.export_dialog() is None
    assert len(message_boxes) == 1
    kind, title, text = message_boxes[0]
    assert kind == "warning" and title == "Export failed" and text.startswith(f"cannot write {blocker / 'w.onnx'}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]
    assert trained.statusBar().currentMessage() == ""
    assert trained.has_unsaved_work


def test_import_weights_via_the_dialog(trained, tmp_path, monkeypatch, message_boxes, qtbot):
    path = exporting.export(Trainer(get_preset("xor").config.replace(seed=42)), tmp_path / "other.safetensors")
    open_dialog_returns(monkeypatch, path)
    steps = trained.controller.step_count
    with qtbot.waitSignal(trained.controller.modelChanged, timeout=10_000) as changed:
        trained.importAction.trigger()
    assert changed.args[0].reason is ModelChange.WEIGHTS and changed.args[0].step == steps  # same network
    assert same(weights(trained, tmp_path / "now.safetensors"), load_file(path))
    assert not message_boxes


def test_mismatched_weights_are_refused_and_nothing_changes(trained, tmp_path, monkeypatch, message_boxes):
    path = exporting.export(Trainer(get_preset("spiral").config), tmp_path / "spiral.safetensors")  # 16, 16, 16
    before = weights(trained, tmp_path / "before.safetensors")
    changes = []
    trained.controller.modelChanged.connect(changes.append)
    open_dialog_returns(monkeypatch, path)
    trained.importAction.trigger()
    assert len(message_boxes) == 1
    kind, title, text = message_boxes[0]
    assert kind == "warning" and title == "Cannot import weights"
    assert "fc1.weight" in text and "[16, 2]" in text
    assert not changes
    assert same(weights(trained, tmp_path / "after.safetensors"), before)


def test_session_save_and_open_restores_config_weights_and_history(trained, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "lesson.pgsession"
    save_dialog_returns(monkeypatch, target)
    assert trained.save_session_dialog() == str(target)
    assert not trained.has_unsaved_work
    assert trained.statusBar().currentMessage() == f"Saved session {target}"
    saved = sessions.load_session(target)
    steps = trained.controller.step_count
    assert saved.step_count == steps and saved.epoch == 2 and len(saved.history) == 2

    w = open_window(qtbot, "circle")
    open_dialog_returns(monkeypatch, target)
    with qtbot.waitSignal(w.controller.modelChanged, timeout=10_000) as changed:
        w.openAction.trigger()
    info = changed.args[0]
    assert info.reason is ModelChange.OPENED and w.controller.model is info
    assert info.step == steps and info.epoch == 2 and info.history == tuple(saved.history)
    assert info.config == saved.config == trained.controller.config and info.preset == "xor"
    assert w.controls.layerSizesInput.text() == "8, 8" and w.controls.datasetInput.currentData() == "xor"
    assert w.lossView.train_loss.size == 2 and w.lossView.step_loss.size == steps
    assert w.progressBar.value() == 2 and w.progressBar.maximum() == 2
    assert w.statusBar().currentMessage() == f"Opened session {target}: step {steps}, epoch 2"
    assert same(weights(w, tmp_path / "opened.safetensors"), weights(trained, tmp_path / "trained.safetensors"))
    assert not w.has_unsaved_work
    # and it continues training from there: a new round of 2 epochs
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN) as blocker:
        w.trainButton.click()
    assert blocker.args[0]["epochs_run"] == 4 and blocker.args[0]["steps"] == 2 * steps
    assert w.progressBar.value() == 4 and w.progressBar.maximum() == 4


def test_open_config_json_loads_the_settings(qtbot, tmp_path, monkeypatch):
    w = open_window(qtbot)
    path = tmp_path / "run.json"
    path.write_text(w.controller.config.replace(hidden=(3,), activation="relu").to_json())
    open_dialog_returns(monkeypatch, path)
    w.openAction.trigger()
    info = w.controller.model
    assert info.reason is ModelChange.NEW and info.config.hidden == (3,) and info.sizes == (2, 3, 2)
    assert info.preset is None and w.controls.presetInput.currentText() == "(custom)"
    assert w.controls.activationInput.currentData() == "relu" and w.controls.layerSizesInput.text() == "3"
    assert w.statusBar().currentMessage() == f"Loaded config {path}"


def test_opening_a_broken_session_says_why_and_keeps_the_network(trained, tmp_path, message_boxes):
    path = tmp_path / "broken.pgsession"
    path.write_bytes(b"not a session")
    before = weights(trained, tmp_path / "before.safetensors")
    assert not trained.open_path(path)
    assert len(message_boxes) == 1 and message_boxes[0][:2] == ("warning", "Cannot open session")
    assert trained.controller.model.reason is ModelChange.NEW and trained.controller.step_count > 0
    assert same(weights(trained, tmp_path / "after.safetensors"), before)


def test_closing_with_unsaved_training_offers_to_save_and_cancel_keeps_the_window(trained, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a[1]) or QMessageBox.Cancel))
    assert not trained.close()
    assert asked == ["Save this session?"] and trained.isVisible()
    trained.ask_before_closing = False
    assert trained.close()  # now it closes (and stops its timers) before the test ends
    assert asked == ["Save this session?"]


def test_closing_and_choosing_save_writes_a_session(trained, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Save))
    save_dialog_returns(monkeypatch, tmp_path / "end.pgsession")
    steps = trained.controller.step_count
    assert trained.close()
    assert sessions.load_session(tmp_path / "end.pgsession").step_count == steps > 0


def test_nothing_trained_closes_without_asking(qtbot, message_boxes):
    w = open_window(qtbot)
    assert not w.has_unsaved_work
    assert w.close()
    assert not message_boxes


def test_a_slow_export_keeps_the_window_painting_and_the_window_open(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")  # the engine in a thread: the slow export is patched here
    w = open_window(qtbot)
    train(qtbot, w, epochs=1)
    target = tmp_path / "xor.onnx"
    save_dialog_returns(monkeypatch, target)
    real_export, gate, seen = exporting.export, threading.Event(), {}

    def slow_export(trainer, path, lang=None):
        if not gate.wait(20):  # only the window's event loop opens the gate
            raise RuntimeError("the window's event loop did not run during the export")
        return real_export(trainer, path, lang)

    def tick():
        seen["dialog"] = any(d.isVisible() for d in w.findChildren(QProgressDialog))
        seen["closed"] = w.close()  # refused while the file is being written
        gate.set()

    monkeypatch.setattr(exporting, "export", slow_export)
    timer = QTimer(singleShot=True, interval=600)  # after the "please wait" dialog shows (400 ms)
    timer.timeout.connect(tick)
    timer.start()
    assert w.export_dialog() == str(target)
    assert gate.is_set() and seen == {"dialog": True, "closed": False}
    assert w.isVisible() and target.exists()
    assert not any(d.isVisible() for d in w.findChildren(QProgressDialog))  # gone afterwards
