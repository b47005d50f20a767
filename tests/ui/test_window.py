"""The window as a user drives it: buttons, fields, the live plot, closing mid-run."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QProgressBar, QPushButton, QSlider, QSpinBox

from playground.app import create_window
from playground.core.devices import list_devices

SUMMARY_KEYS = {"status", "preset", "epochs_run", "steps", "train_loss", "test_loss", "train_accuracy",
                "test_accuracy", "device", "seconds", "steps_per_second"}


@pytest.fixture
def window(qtbot):
    w = create_window("xor")
    qtbot.addWidget(w)
    w.show()
    return w


def test_automation_contract_object_names(window):
    import pyqtgraph as pg

    expected = {
        QPushButton: ["trainButton", "stopButton", "stepButton", "resetButton"],
        QComboBox: ["presetInput", "datasetInput", "activationInput", "optimizerInput", "deviceInput"],
        QLineEdit: ["layerSizesInput"],
        QDoubleSpinBox: ["learningRateInput"],
        QSlider: ["learningRateSlider"],
        QSpinBox: ["epochsInput", "batchSizeInput", "seedInput"],
        pg.PlotWidget: ["lossPlot"],
        QProgressBar: ["progressBar"],
    }
    for cls, names in expected.items():
        for name in names:
            assert window.findChild(cls, name) is not None, name
    assert window.findChild(QLineEdit, "layerSizesInput").text() == "8, 8"
    assert window.findChild(QComboBox, "presetInput").currentText() == "xor"


def test_train_to_completion_from_a_click(window, qtbot):
    window.controls.epochsInput.setValue(6)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        qtbot.mouseClick(window.trainButton, Qt.LeftButton)
    summary = blocker.args[0]
    assert set(summary) == SUMMARY_KEYS
    assert summary["status"] == "completed" and summary["epochs_run"] == 6 and summary["preset"] == "xor"
    # the loss curve: one point per epoch, and it falls
    train_loss = window.lossView.train_loss.data
    assert len(train_loss) == 6 and len(window.lossView.epoch.data) == 6
    assert train_loss[-1] < train_loss[0]
    x, y = window.lossView.trainCurve.getData()
    assert len(x) == 6 and np.allclose(y, train_loss)
    assert len(window.lossView.stepCurve.getData()[0]) == summary["steps"]
    assert window.progressBar.value() == 6 and window.progressBar.maximum() == 6
    assert "test accuracy" in window.metricsLabel.text()
    assert window.trainButton.text() == "Train" and window.resetButton.isEnabled()


def test_stop_mid_run_gives_stopped_quickly(window, qtbot):
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=20_000):
        window.trainButton.click()
    assert not window.controls.datasetInput.isEnabled()  # model controls are locked while training
    assert window.controls.learningRateInput.isEnabled()  # the learning rate stays live
    with qtbot.waitSignal(window.trainingFinished, timeout=5_000) as blocker:
        window.stopButton.click()
    assert blocker.args[0]["status"] == "stopped"
    assert window.controls.datasetInput.isEnabled()


def test_pause_and_resume(window, qtbot):
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=20_000):
        window.trainButton.click()
    with qtbot.waitSignal(window.controller.snapshotReady, check_params_cb=lambda s: s.paused,
                          timeout=10_000) as blocker:
        window.trainButton.click()  # Pause
    assert window.trainButton.text() == "Resume"
    frozen = blocker.args[0].step
    window.trainButton.click()  # Resume
    assert window.trainButton.text() == "Pause"
    with qtbot.waitSignal(window.controller.snapshotReady, check_params_cb=lambda s: s.step > frozen,
                          timeout=10_000):
        pass
    with qtbot.waitSignal(window.controller.snapshotReady, check_params_cb=lambda s: s.paused,
                          timeout=10_000) as blocker:
        window.trainButton.click()  # Pause again, then stop while paused: not one more step
    frozen = blocker.args[0].step
    with qtbot.waitSignal(window.trainingFinished, timeout=5_000) as finished:
        window.stopButton.click()
    assert finished.args[0]["status"] == "stopped" and finished.args[0]["steps"] == frozen
    assert window.controller.trainer.step_count == frozen


def test_space_toggles_train_and_pause(window, qtbot):
    window.controls.epochsInput.setValue(100000)
    window.trainButton.setFocus()
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=20_000):
        window.trainAction.trigger()
    assert window.controller.state == "running"
    window.trainAction.trigger()
    assert window.controller.state == "paused"
    with qtbot.waitSignal(window.trainingFinished, timeout=5_000):
        window.stopButton.click()


def test_step_advances_exactly_one_step(window, qtbot):
    trainer = window.controller.trainer
    assert trainer.step_count == 0
    with qtbot.waitSignal(window.controller.stateChanged, check_params_cb=lambda s: s == "idle", timeout=10_000):
        window.stepButton.click()
    assert trainer.step_count == 1
    assert len(window.lossView.step_loss.data) == 1
    with qtbot.waitSignal(window.controller.stateChanged, check_params_cb=lambda s: s == "idle", timeout=10_000):
        window.stepButton.click()
    assert trainer.step_count == 2


def test_reset_gives_the_same_start_for_the_same_seed(window, qtbot):
    trainer = window.controller.trainer
    w0 = trainer.model.fc1.weight.detach().clone()
    with qtbot.waitSignal(window.controller.stateChanged, check_params_cb=lambda s: s == "idle", timeout=10_000):
        window.stepButton.click()
    assert not (trainer.model.fc1.weight == w0).all()
    window.resetButton.click()
    assert (window.controller.trainer.model.fc1.weight == w0).all()
    assert window.lossView.step_loss.size == 0


def test_live_learning_rate_change_applies(window, qtbot):
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=20_000):
        window.trainButton.click()
    window.controls.learningRateInput.setValue(0.5)
    with qtbot.waitSignal(window.controller.snapshotReady, check_params_cb=lambda s: s.learning_rate == 0.5,
                          timeout=10_000):
        pass
    assert window.controller.state == "running"  # no restart, the same run goes on
    with qtbot.waitSignal(window.trainingFinished, timeout=5_000):
        window.stopButton.click()
    assert window.controller.trainer.learning_rate == 0.5  # and the trained network keeps it


def test_learning_rate_slider_and_box_stay_in_step(window):
    window.controls.learningRateInput.setValue(0.1)
    assert window.controls.learningRateSlider.value() == 400
    window.controls.learningRateSlider.setValue(200)
    assert window.controls.learningRateInput.value() == pytest.approx(0.001)
    assert window.controller.trainer.config.learning_rate == pytest.approx(0.001) or \
        window.controller.trainer._pending_lr == pytest.approx(0.001)


def test_invalid_layer_text_is_rejected_with_a_message(window, qtbot):
    field = window.controls.layerSizesInput
    before = window.controller.trainer.config.hidden
    field.clear()
    qtbot.keyClicks(field, "8, 600")
    qtbot.keyClick(field, Qt.Key_Return)
    assert window.controls.layerError.isVisible()
    assert "1 to 512" in window.controls.layerError.text()
    assert window.controller.trainer.config.hidden == before  # nothing changed
    field.clear()
    qtbot.keyClicks(field, "4,3,2")
    assert window.controller.trainer.config.hidden == before  # applied when editing is done
    qtbot.keyClick(field, Qt.Key_Return)
    assert field.text() == "4, 3, 2"
    assert not window.controls.layerError.isVisible()
    assert window.controller.trainer.config.hidden == (4, 3, 2)
    assert window.controller.trainer.model.fc1.out_features == 4
    # letters cannot even be typed
    qtbot.keyClicks(field, "x")
    assert field.text() == "4, 3, 2"


def test_layer_buttons_and_spin_boxes_edit_the_network(window):
    c = window.controls
    c.addLayerButton.click()
    assert window.controller.trainer.config.hidden == (8, 8, 8)
    assert c.layerSizesInput.text() == "8, 8, 8"
    window.findChild(QSpinBox, "layerSpin1").setValue(3)
    assert window.controller.trainer.config.hidden == (3, 8, 8)
    c.removeLayerButton.click()
    assert window.controller.trainer.config.hidden == (3, 8)


def test_preset_picker_loads_every_setting(window):
    c = window.controls
    index = c.presetInput.findData("spiral")
    c.presetInput.setCurrentIndex(index)
    c.presetInput.activated.emit(index)
    config = window.controller.trainer.config
    assert config.dataset == "spiral" and config.hidden == (16, 16, 16) and config.optimizer == "adam"
    assert c.layerSizesInput.text() == "16, 16, 16" and c.optimizerInput.currentData() == "adam"


def test_device_picker_lists_only_present_devices(window):
    combo = window.controls.deviceInput
    items = [combo.itemData(i) for i in range(combo.count())]
    assert items == [d.id for d in list_devices()]
    assert items[0] == "cpu"


def test_divergence_shows_a_friendly_message(window, qtbot):
    c = window.controls
    index = c.presetInput.findData("plane")
    c.presetInput.setCurrentIndex(index)
    c.presetInput.activated.emit(index)
    c.layerSizesInput.setText("8, 8")
    c.layerSizesInput.editingFinished.emit()
    c.activationInput.setCurrentIndex(c.activationInput.findData("relu"))
    c.learningRateInput.setValue(10.0)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "diverged"
    assert window.divergedBanner.isVisible()
    assert "lower learning rate" in window.divergedBanner.text()


def test_closing_mid_run_exits_cleanly_with_code_0():
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import torch
        from PySide6.QtWidgets import QApplication, QMessageBox
        from playground.app import create_window
        asked = []
        QMessageBox.question = lambda *a, **k: asked.append(a[1]) or QMessageBox.Discard
        app = QApplication([])
        w = create_window("spiral")
        w.show()
        def close_soon(snap):
            if snap.step > 50:
                w.close()
        w.controller.snapshotReady.connect(close_soon)
        w.trainButton.click()
        code = app.exec()
        print("asked:", asked)
        sys.exit(code)
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "asked: ['Save this session?']" in r.stdout  # trained, unsaved work: offered to save
    assert "QThread" not in r.stderr and "Destroyed while thread" not in r.stderr


def test_maximize_a_view_and_restore(window):
    loss, graph, output, network = window.panes
    output.maxButton.click()
    assert output.isVisible() and not loss.isVisible() and not graph.isVisible() and not network.isVisible()
    graph.maxButton.click()  # another one: it takes over
    assert graph.isVisible() and not output.isVisible() and not output.maxButton.isChecked()
    graph.maxButton.click()
    assert all(p.isVisible() for p in window.panes)


def test_all_views_fit_a_1280x720_screen(window):
    window.resize(1280, 720)
    for pane in window.panes:
        assert pane.isVisible()
        assert pane.height() >= 150 and pane.width() >= 250, pane.name
    assert window.width() <= 1280 and window.height() <= 720


def test_views_update_live_while_training(window, qtbot):
    window.controls.epochsInput.setValue(100000)
    views = []
    window.controller.snapshotReady.connect(lambda s: views.append(s) if "views" in s.extras else None)
    with qtbot.waitSignal(window.controller.snapshotReady, check_params_cb=lambda s: "graph" in s.extras,
                          timeout=20_000):
        window.trainButton.click()
    qtbot.waitUntil(lambda: len(views) >= 2, timeout=20_000)
    assert window.outputView.snapshot is views[-1].extras["views"]
    assert window.graphView.view.objectName() == "graphView"
    with qtbot.waitSignal(window.trainingFinished, timeout=5_000):
        window.stopButton.click()


def test_live_views_off_sends_no_extras(window, qtbot):
    window.liveViewsAction.setChecked(False)
    window.controls.epochsInput.setValue(2)
    snaps = []
    window.controller.snapshotReady.connect(snaps.append)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000):
        window.trainButton.click()
    assert snaps and all(not s.extras for s in snaps)
    assert window.outputView.snapshot.step == window.controller.trainer.step_count  # refreshed at the end


def test_a_failing_view_does_not_stop_training(window, qtbot, capsys):
    from playground.core.runner import FunctionProbe

    def broken(trainer):
        raise ValueError("view bug")

    window.controller.separate_process = False  # a test-local function cannot travel to a training process
    window.controller.probes["broken"] = FunctionProbe(broken)
    window.controls.epochsInput.setValue(2)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 2
    assert "view bug" in capsys.readouterr().err  # logged for the developer, not shown as a crash


def test_an_unexpected_error_ends_the_run_with_a_message(window, qtbot, monkeypatch):
    trainer = window.controller.trainer
    real_step = trainer.train_step

    def failing_step():
        if trainer.step_count >= 5:
            raise RuntimeError("out of memory")
        return real_step()

    monkeypatch.setattr(trainer, "train_step", failing_step)
    window.controller.separate_process = False  # the patch lives in this process (the thread fallback)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "stopped" and blocker.args[0]["steps"] == 5
    assert window.divergedBanner.isVisible() and "out of memory" in window.divergedBanner.text()
    assert window.trainButton.isEnabled() and window.controller.state == "idle"


def test_a_script_without_a_main_guard_trains_in_a_process(tmp_path):
    script = tmp_path / "lesson.py"  # a teacher's script: no `if __name__ == "__main__":`
    script.write_text(textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import torch
        from playground.app import create_window, make_app
        app = make_app()
        w = create_window("xor")
        w.ask_before_closing = False
        w.controls.epochsInput.setValue(1)
        w.trainingFinished.connect(lambda summary: (print("status:", summary["status"]), app.quit()))
        w.trainButton.click()
        app.exec()
        w.close()
    """))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("status: completed") == 1  # one window, one run: the child did not run the script
    assert "training in a thread" not in r.stderr  # it trained in its process, no fallback


def test_a_training_process_that_dies_ends_the_run_with_a_message_and_the_next_run_works(window, qtbot):
    trainer = window.controller.trainer
    before = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=20_000):
        window.trainButton.click()
    with qtbot.waitSignal(window.trainingFinished, timeout=20_000) as blocker:
        window.controller.control.process.process.kill()  # as a driver crash or the OOM killer would
    assert blocker.args[0]["status"] == "stopped"
    assert window.divergedBanner.isVisible() and "as it was before this run" in window.divergedBanner.text()
    assert "ended unexpectedly" in window.divergedBanner.text()
    assert trainer.step_count == 0 and all(torch.equal(v, before[k]) for k, v in trainer.model.state_dict().items())
    assert window.lossView.step_loss.size == 0  # the lost steps are off the plot too
    assert window.outputView.snapshot.step == 0
    assert window.controller.state == "idle" and window.trainButton.isEnabled()
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.trainButton.click()  # a fresh process takes the next run
    assert blocker.args[0]["status"] == "completed" and trainer.epoch == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX")
def test_closing_ends_a_training_process_that_does_not_answer(window, qtbot):
    import os
    import signal

    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=20_000):
        window.trainButton.click()
    os.kill(window.controller.control.process.process.pid, signal.SIGSTOP)  # hung, as in a driver
    with qtbot.waitSignal(window.controller.runFailed, timeout=20_000) as failed:
        window.controller.shutdown(timeout_ms=500)
    assert "ended unexpectedly" in failed.args[0] and failed.args[1] is False
    assert window.controller.state == "idle" and window.controller.trainer.step_count == 0


def test_the_first_run_says_when_it_waits_for_a_new_training_process(window, qtbot, monkeypatch):
    from playground.core import remote

    fresh: list = []
    monkeypatch.setattr(remote, "_idle", fresh)  # none started yet, as right after the window opens
    notices = []
    window.controller.notice.connect(notices.append)
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=120_000) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed"
    assert len(notices) == 1 and "Starting the training process" in notices[0]
    assert "Starting" not in window.statusBar().currentMessage()  # gone once training got under way
    assert window.controller.separate_process
    for process in fresh:  # the one started here, kept for a next run that will not come
        process.close()


def test_without_a_training_process_the_window_trains_in_its_thread_and_says_so(window, qtbot, monkeypatch):
    from playground.core import remote

    def cannot_start():
        raise OSError("no processes here")

    monkeypatch.setattr(remote, "acquire", cannot_start)
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed" and window.controller.trainer.epoch == 1
    assert "own thread" in window.statusBar().currentMessage()
    assert not window.controller.separate_process  # the next runs do not try again


def test_a_settings_change_keeps_the_trained_network_a_step_away(window, qtbot):
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=60_000):
        window.trainButton.click()
    trained = window.controller.trainer
    assert not window.undoAction.isEnabled()
    window.controls.activationInput.setCurrentIndex(window.controls.activationInput.findData("relu"))
    assert window.controller.trainer is not trained and window.controller.trainer.step_count == 0
    assert window.undoAction.isEnabled() and "Ctrl+Z" in window.statusBar().currentMessage()
    window.undoAction.trigger()
    assert window.controller.trainer is trained
    assert window.controls.activationInput.currentData() == "tanh"
    assert window.lossView.train_loss.size == 1  # its history is back in the plot
    assert not window.undoAction.isEnabled()  # the untrained one is not worth coming back to
