"""Export, import, sessions and never losing work, driven through the window (dialogs patched)."""

import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from safetensors.torch import load_file

from playground.app import create_window
from playground.io import export as exporting
from playground.io import session as sessions


@pytest.fixture
def trained(qtbot):
    w = create_window("xor")
    qtbot.addWidget(w)
    w.show()
    w.controls.epochsInput.setValue(2)
    with qtbot.waitSignal(w.trainingFinished, timeout=60_000):
        w.trainButton.click()
    return w


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
    assert calls, "the export button opens a file dialog"
    saved = load_file(target)
    for name, p in trained.controller.trainer.model.state_dict().items():
        assert torch.equal(saved[name], p)
    assert not trained.has_unsaved_work
    assert "Saved" in trained.statusBar().currentMessage()


def test_export_takes_the_extension_of_the_chosen_filter(trained, tmp_path, monkeypatch):
    save_dialog_returns(monkeypatch, tmp_path / "run", "Standalone PyTorch script (*.py)")
    assert trained.export_dialog() == str(tmp_path / "run.py")
    assert "class Net(nn.Module)" in (tmp_path / "run.py").read_text()


def test_overwriting_asks_first(trained, tmp_path, monkeypatch, message_boxes):
    target = tmp_path / "w.safetensors"
    target.write_bytes(b"precious")
    save_dialog_returns(monkeypatch, target)
    # the default answer of the test fixture is "Discard" (not Yes): nothing is written
    assert trained.export_dialog() is None
    assert target.read_bytes() == b"precious"
    assert message_boxes[-1][1] == "Replace file?"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    assert trained.export_dialog() == str(target)
    assert target.read_bytes() != b"precious"


def test_failed_export_shows_a_clear_message_and_leaves_no_file(trained, tmp_path, monkeypatch, message_boxes):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    save_dialog_returns(monkeypatch, blocker / "w.onnx")  # the "folder" is a file
    assert trained.export_dialog() is None
    kind, title, text = message_boxes[-1]
    assert kind == "warning" and title == "Export failed" and "cannot write" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_import_weights_via_the_dialog(trained, tmp_path, monkeypatch, message_boxes):
    source = create_window("xor")
    source.controller.trainer.reset(seed=42)
    path = exporting.export(source.controller.trainer, tmp_path / "other.safetensors")
    source.deleteLater()
    open_dialog_returns(monkeypatch, path)
    trained.importAction.trigger()
    model = trained.controller.trainer.model
    assert torch.equal(model.fc1.weight, load_file(path)["fc1.weight"])
    assert not message_boxes


def test_mismatched_weights_are_refused_and_nothing_changes(trained, tmp_path, monkeypatch, message_boxes):
    other = create_window("spiral")  # 16, 16, 16: does not fit 8, 8
    path = exporting.export(other.controller.trainer, tmp_path / "spiral.safetensors")
    other.deleteLater()
    before = {k: v.clone() for k, v in trained.controller.trainer.model.state_dict().items()}
    open_dialog_returns(monkeypatch, path)
    trained.importAction.trigger()
    kind, title, text = message_boxes[-1]
    assert kind == "warning" and title == "Cannot import weights"
    assert "fc1.weight" in text and "[16, 2]" in text
    after = trained.controller.trainer.model.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)


def test_session_save_and_open_restores_config_weights_and_history(trained, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "lesson.pgsession"
    save_dialog_returns(monkeypatch, target)
    assert trained.save_session_dialog() == str(target)
    trainer = trained.controller.trainer
    steps, history = trainer.step_count, trainer.history

    w = create_window("circle")
    qtbot.addWidget(w)
    open_dialog_returns(monkeypatch, target)
    w.openAction.trigger()
    restored = w.controller.trainer
    assert restored.step_count == steps and restored.history == history
    assert restored.config == trainer.config
    assert w.controls.layerSizesInput.text() == "8, 8" and w.controls.datasetInput.currentData() == "xor"
    assert w.lossView.train_loss.size == 2 and w.lossView.step_loss.size == steps
    assert torch.equal(restored.model.fc2.weight, trainer.model.fc2.weight)
    assert not w.has_unsaved_work
    # and it continues training from there
    with qtbot.waitSignal(w.trainingFinished, timeout=60_000) as blocker:
        w.trainButton.click()
    assert blocker.args[0]["epochs_run"] == 4


def test_open_config_json_loads_the_settings(qtbot, tmp_path, monkeypatch):
    w = create_window("xor")
    qtbot.addWidget(w)
    path = tmp_path / "run.json"
    path.write_text(w.controller.trainer.config.replace(hidden=(3,), activation="relu").to_json())
    open_dialog_returns(monkeypatch, path)
    w.openAction.trigger()
    assert w.controller.trainer.config.hidden == (3,)
    assert w.controls.activationInput.currentData() == "relu"


def test_closing_with_unsaved_training_offers_to_save_and_cancel_keeps_the_window(trained, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a[1]) or QMessageBox.Cancel))
    assert not trained.close()
    assert asked == ["Save this session?"] and trained.isVisible()
    trained.ask_before_closing = False
    assert trained.close()  # now it closes (and stops its timers) before the test ends


def test_closing_and_choosing_save_writes_a_session(trained, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Save))
    save_dialog_returns(monkeypatch, tmp_path / "end.pgsession")
    assert trained.close()
    assert sessions.load_session(tmp_path / "end.pgsession").step_count == trained.controller.trainer.step_count


def test_nothing_trained_closes_without_asking(qtbot, message_boxes):
    w = create_window("xor")
    qtbot.addWidget(w)
    w.show()
    assert w.close()
    assert not message_boxes


def test_a_slow_export_keeps_the_window_painting_and_the_window_open(trained, tmp_path, monkeypatch):
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    target = tmp_path / "xor.onnx"
    save_dialog_returns(monkeypatch, target)
    real_export, gate, seen = exporting.export, threading.Event(), {}

    def slow_export(trainer, path):
        if not gate.wait(20):  # only the window's event loop opens the gate
            raise RuntimeError("the window's event loop did not run during the export")
        return real_export(trainer, path)

    def tick():
        seen["dialog"] = any(d.isVisible() for d in trained.findChildren(QProgressDialog))
        seen["closed"] = trained.close()  # refused while the file is being written
        gate.set()

    monkeypatch.setattr(exporting, "export", slow_export)
    timer = QTimer(singleShot=True, interval=600)  # after the "please wait" dialog shows (400 ms)
    timer.timeout.connect(tick)
    timer.start()
    assert trained.export_dialog() == str(target)
    assert gate.is_set() and seen == {"dialog": True, "closed": False}
    assert trained.isVisible() and target.exists()
    assert not any(d.isVisible() for d in trained.findChildren(QProgressDialog))  # gone afterwards
