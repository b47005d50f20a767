"""The window as a user drives it: buttons, fields, the live plot, closing mid-run, the engine's process.

The engine owns the network (in its own process unless ``PLAYGROUND_PROCESS=0``): these tests read
what the window shows, what ``window.controller`` last heard (ModelInfo, snapshots, step count) and,
for weights, a ``.safetensors`` export.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
import torch
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QProgressBar, QPushButton, QSlider, QSpinBox
from safetensors.torch import load_file
from windows import RUN, START, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.app import create_window
from playground.core.devices import list_devices
from playground.core.presets import get_preset
from playground.engine import transport as transports
from playground.engine.protocol import ModelChange

SUMMARY_KEYS = {"status", "preset", "epochs_run", "steps", "train_loss", "test_loss", "train_accuracy",
                "test_accuracy", "device", "seconds", "steps_per_second"}
STARTING = "Starting the training process (loading PyTorch)..."
THREAD_NOTICE = ("Training runs in the window's own thread: no training process could start (details on the console). "
                 "Live views may slow training down.")
LOST = ("Training stopped because of an unexpected error; the network is as it was after the last finished run. "
        "Details: {0}")



@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def weights(window, path) -> dict[str, torch.Tensor]:
    """The engine's weights as they stand, through the window's own export."""
    assert window.export_to(path)
    return load_file(path)


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def is_state(state):
    return lambda s: s == state


def start_long_run(qtbot, window):
    """Train with epochs that will not end on their own; returns once the first snapshot is in."""
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, timeout=START):
        window.trainButton.click()
    assert window.controller.state == "running"


def stop(qtbot, window) -> dict:
    with qtbot.waitSignal(window.trainingFinished, timeout=10_000) as finished:
        window.stopButton.click()
    assert finished.args[0]["status"] == "stopped"
    return finished.args[0]


def model_change(qtbot, window, reason: ModelChange, timeout=10_000):
    return qtbot.waitSignal(window.controller.modelChanged, check_params_cb=lambda m: m.reason is reason,
                            timeout=timeout)


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


def test_the_first_model_info_shows_the_preset(window):
    info = window.controller.model
    assert info.reason is ModelChange.NEW and info.preset == "xor" and info.config == get_preset("xor").config
    assert info.sizes == (2, 8, 8, 2) and info.step == 0 and info.previous_steps is None
    assert window.progressBar.maximum() == 60 and window.progressBar.value() == 0
    assert window.statusLabel.text() == "step 0 - epoch 0"


def test_train_to_completion_from_a_click(window, qtbot):
    window.controls.epochsInput.setValue(6)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        qtbot.mouseClick(window.trainButton, Qt.LeftButton)
    summary = blocker.args[0]
    assert set(summary) == SUMMARY_KEYS
    assert summary["status"] == "completed" and summary["epochs_run"] == 6 and summary["preset"] == "xor"
    assert summary["steps"] == 6 * window.controller.model.steps_per_epoch == window.controller.step_count
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
    assert window.controller.state == "idle"


def test_stop_mid_run_gives_stopped_quickly(window, qtbot):
    start_long_run(qtbot, window)
    assert not window.controls.datasetInput.isEnabled()  # model controls are locked while training
    assert window.controls.learningRateInput.isEnabled()  # the learning rate stays live
    assert window.stopButton.isEnabled() and not window.resetButton.isEnabled()
    assert not window.stepButton.isEnabled()
    began = time.perf_counter()
    summary = stop(qtbot, window)
    assert time.perf_counter() - began < 5
    assert summary["steps"] == window.controller.step_count
    assert window.controls.datasetInput.isEnabled() and not window.stopButton.isEnabled()


def test_pause_and_resume(window, qtbot):
    c = window.controller
    start_long_run(qtbot, window)
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=10_000):
        window.trainButton.click()  # Pause
    assert window.trainButton.text() == "Resume"
    frozen = c.step_count
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("running"), timeout=10_000):
        window.trainButton.click()  # Resume
    assert window.trainButton.text() == "Pause"
    with qtbot.waitSignal(c.snapshotReady, check_params_cb=lambda s: s.step > frozen, timeout=10_000):
        pass
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=10_000):
        window.trainButton.click()  # Pause again, then stop while paused: not one more step
    frozen = c.step_count
    summary = stop(qtbot, window)
    assert summary["steps"] == frozen == c.step_count


def test_space_toggles_train_and_pause(window, qtbot):
    c = window.controller
    window.controls.epochsInput.setValue(100000)
    window.trainButton.setFocus()
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("running"), timeout=START):
        window.trainAction.trigger()
    assert c.state == "running"
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=10_000):
        window.trainAction.trigger()
    assert c.state == "paused"
    stop(qtbot, window)


def test_step_advances_exactly_one_step(window, qtbot):
    c = window.controller
    states = []
    c.stateChanged.connect(states.append)
    assert c.step_count == 0
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("idle"), timeout=10_000):
        window.stepButton.click()
    assert states == ["stepping", "idle"]
    assert c.step_count == 1
    assert len(window.lossView.step_loss.data) == 1
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("idle"), timeout=10_000):
        window.stepButton.click()
    assert c.step_count == 2 and len(window.lossView.step_loss.data) == 2


def test_reset_gives_the_same_start_for_the_same_seed(window, qtbot, tmp_path):
    start = weights(window, tmp_path / "start.safetensors")
    with qtbot.waitSignal(window.controller.stateChanged, check_params_cb=is_state("idle"), timeout=10_000):
        window.stepButton.click()
    assert not same(weights(window, tmp_path / "stepped.safetensors"), start)
    with model_change(qtbot, window, ModelChange.RESET) as changed:
        window.resetButton.click()
    assert changed.args[0].step == 0 and window.controller.step_count == 0
    assert same(weights(window, tmp_path / "reset.safetensors"), start)
    assert window.lossView.step_loss.size == 0


def test_live_learning_rate_change_applies(window, qtbot, tmp_path):
    c = window.controller
    start_long_run(qtbot, window)
    window.controls.learningRateInput.setValue(0.5)
    with qtbot.waitSignal(c.snapshotReady, check_params_cb=lambda s: s.learning_rate == 0.5, timeout=10_000):
        pass
    assert c.state == "running"  # no restart, the same run goes on
    stop(qtbot, window)
    assert c.config.learning_rate == 0.5
    assert window.export_to(tmp_path / "run.json")  # and the trained network keeps it
    assert json.loads((tmp_path / "run.json").read_text())["learning_rate"] == 0.5


def test_learning_rate_slider_and_box_stay_in_step(window, qtbot):
    c = window.controller
    with qtbot.waitSignal(c.configChanged, check_params_cb=lambda e: e.config.learning_rate == 0.1,
                          timeout=10_000):
        window.controls.learningRateInput.setValue(0.1)
    assert window.controls.learningRateSlider.value() == 400
    with qtbot.waitSignal(c.configChanged, check_params_cb=lambda e: e.config.learning_rate == 0.001,
                          timeout=10_000):
        window.controls.learningRateSlider.setValue(200)
    assert window.controls.learningRateInput.value() == 0.001
    assert c.config.learning_rate == 0.001 and c.model.model_id == 1  # the same network, a new rate


def test_invalid_layer_text_is_rejected_with_a_message(window, qtbot):
    c = window.controller
    field = window.controls.layerSizesInput
    changes = []
    c.modelChanged.connect(changes.append)
    field.clear()
    qtbot.keyClicks(field, "8, 5000")
    qtbot.keyClick(field, Qt.Key_Return)
    assert window.controls.layerError.isVisible()
    assert "1 to 4096" in window.controls.layerError.text()
    assert c.config.hidden == (8, 8)  # nothing changed
    field.clear()
    qtbot.keyClicks(field, "4,3,2")
    assert c.config.hidden == (8, 8)  # applied when editing is done
    with model_change(qtbot, window, ModelChange.NEW) as changed:
        qtbot.keyClick(field, Qt.Key_Return)
    assert field.text() == "4, 3, 2"
    assert not window.controls.layerError.isVisible()
    assert changed.args[0].config.hidden == (4, 3, 2) and changed.args[0].sizes == (2, 4, 3, 2, 2)
    assert len(changes) == 1  # the rejected text never reached the engine
    # letters cannot even be typed
    qtbot.keyClicks(field, "x")
    assert field.text() == "4, 3, 2"


def test_layer_buttons_and_spin_boxes_edit_the_network(window, qtbot):
    c = window.controls

    def network(hidden):
        return qtbot.waitSignal(window.controller.modelChanged, check_params_cb=lambda m: m.config.hidden == hidden,
                                timeout=10_000)

    with network((8, 8, 8)) as changed:
        c.addLayerButton.click()
    assert changed.args[0].sizes == (2, 8, 8, 8, 2) and c.layerSizesInput.text() == "8, 8, 8"
    with network((3, 8, 8)):
        window.findChild(QSpinBox, "layerSpin1").setValue(3)
    with network((3, 8)) as changed:
        c.removeLayerButton.click()
    assert changed.args[0].sizes == (2, 3, 8, 2) and c.layerSizesInput.text() == "3, 8"


def test_preset_picker_loads_every_setting(window, qtbot):
    c = window.controls
    index = c.presetInput.findData("spiral")
    c.presetInput.setCurrentIndex(index)
    with model_change(qtbot, window, ModelChange.NEW) as changed:
        c.presetInput.activated.emit(index)
    info = changed.args[0]
    assert info.preset == "spiral" and info.config == get_preset("spiral").config
    assert info.config.dataset == "spiral" and info.config.hidden == (16, 16, 16) and info.config.optimizer == "adam"
    assert c.layerSizesInput.text() == "16, 16, 16" and c.optimizerInput.currentData() == "adam"
    assert c.learningRateInput.value() == 0.01 and c.epochsInput.value() == 200
    assert window.progressBar.maximum() == 200


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
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "diverged"
    assert window.divergedBanner.isVisible()
    assert "Try a lower learning rate, e.g. 1, then press Reset." in window.divergedBanner.text()


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
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
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
    views = []
    window.controller.snapshotReady.connect(lambda s: views.append(s) if "views" in s.extras else None)
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(window.controller.snapshotReady, check_params_cb=lambda s: "graph" in s.extras,
                          timeout=START):
        window.trainButton.click()
    qtbot.waitUntil(lambda: len(views) >= 2, timeout=20_000)
    assert window.outputView.snapshot is views[-1].extras["views"]
    assert window.graphView.view.objectName() == "graphView"
    stop(qtbot, window)


def test_live_views_off_sends_no_extras(window, qtbot):
    c = window.controller
    window.liveViewsAction.setChecked(False)
    window.controls.epochsInput.setValue(2)
    snaps = []
    c.snapshotReady.connect(snaps.append)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.trainButton.click()
    assert snaps and all(not s.extras for s in snaps)
    # refreshed once the run has ended
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None and
                    window.outputView.snapshot.step == c.step_count == 2 * c.model.steps_per_epoch, timeout=10_000)


def test_a_failing_view_does_not_stop_training(qtbot, monkeypatch, capsys):
    from playground.core import inspect

    def broken(trainer, *args, **kwargs):
        raise ValueError("view bug")

    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")  # the patch lives in this process
    monkeypatch.setattr(inspect, "snapshot_views", broken)
    window = open_window(qtbot)
    window.controls.epochsInput.setValue(2)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 2
    assert "view bug" in capsys.readouterr().err  # logged for the developer, not shown as a crash
    assert not window.divergedBanner.isVisible()


def test_an_unexpected_error_ends_the_run_with_a_message(qtbot, monkeypatch):
    from playground.core.training import Trainer

    real_step = Trainer.train_step

    def failing_step(self):
        if self.step_count >= 5:
            raise RuntimeError("mat1 and mat2 shapes cannot be multiplied")
        return real_step(self)

    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")  # the patch lives in this process
    monkeypatch.setattr(Trainer, "train_step", failing_step)
    window = open_window(qtbot)
    failed = []
    window.controller.runFailed.connect(lambda message, kept: failed.append((message, kept)))
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "stopped" and blocker.args[0]["steps"] == 5
    assert failed == [("RuntimeError: mat1 and mat2 shapes cannot be multiplied", True)]
    assert window.divergedBanner.isVisible()
    assert window.divergedBanner.text() == ("Training stopped because of an unexpected error; the weights so far are "
                                            "kept. Details: RuntimeError: mat1 and mat2 shapes cannot be multiplied")
    assert window.trainButton.isEnabled() and window.controller.state == "idle" and window.controller.step_count == 5


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
        print("engine:", w.controller.transport.kind)
        w.close()
    """))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("status: completed") == 1  # one window, one run: the child did not run the script
    assert r.stdout.count("engine: process") == 1  # it trained in its process, no fallback
    assert "runs in a thread" not in r.stderr


def test_a_training_process_that_dies_mid_run_shows_a_message_and_the_next_run_works(window, qtbot, tmp_path):
    c = window.controller
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as first:
        window.trainButton.click()
    kept_steps = first.args[0]["steps"]
    kept = weights(window, tmp_path / "kept.safetensors")
    start_long_run(qtbot, window)
    qtbot.waitUntil(lambda: c.step_count > kept_steps + 20, timeout=10_000)
    lost = c.transport.child
    with qtbot.waitSignal(c.runFailed, timeout=20_000) as failed, \
            model_change(qtbot, window, ModelChange.RESTORED, timeout=START) as restored:
        c.kill_engine()  # as a driver crash or the OOM killer would
    message, steps_kept = failed.args
    assert "ended unexpectedly" in message and steps_kept is False
    assert not lost.alive and c.transport.child is not lost and c.separate_process
    assert window.divergedBanner.isVisible()
    assert window.divergedBanner.text() == LOST.format(message)
    info = restored.args[0]
    assert info.step == kept_steps == c.step_count and info.epoch == 1 and info.config.epochs == 1
    assert window.lossView.step_loss.size == kept_steps  # the lost steps are off the plot too
    assert c.state == "idle" and window.trainButton.text() == "Train" and window.trainButton.isEnabled()
    assert same(weights(window, tmp_path / "restored.safetensors"), kept)
    with qtbot.waitSignal(window.trainingFinished, timeout=START) as blocker:
        window.trainButton.click()  # a fresh process takes the next run: a new round of 1 epoch
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 2
    assert blocker.args[0]["steps"] == 2 * kept_steps
    assert not window.divergedBanner.isVisible()


def test_a_training_process_that_dies_in_the_first_run_leaves_the_first_weights(window, qtbot, tmp_path):
    c = window.controller
    start = weights(window, tmp_path / "start.safetensors")
    start_long_run(qtbot, window)
    with qtbot.waitSignal(c.runFailed, timeout=20_000) as failed, \
            model_change(qtbot, window, ModelChange.NEW, timeout=START) as fresh:
        c.kill_engine()
    message, steps_kept = failed.args
    assert "ended unexpectedly" in message and steps_kept is False
    assert window.divergedBanner.isVisible() and window.divergedBanner.text() == LOST.format(message)
    info = fresh.args[0]
    assert info.step == 0 == c.step_count and info.config == c.config and info.preset == "xor"
    assert window.lossView.step_loss.size == 0  # the lost steps are off the plot too
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None and window.outputView.snapshot.step == 0,
                    timeout=10_000)
    assert c.state == "idle" and window.trainButton.text() == "Train"
    assert same(weights(window, tmp_path / "after.safetensors"), start)
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()  # the new process takes the next run
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX")
def test_closing_ends_a_training_process_that_does_not_answer(window, qtbot):
    c = window.controller
    start_long_run(qtbot, window)
    child = c.transport.child
    os.kill(child.process.pid, signal.SIGSTOP)  # hung, as in a driver
    failed = []
    c.runFailed.connect(lambda *args: failed.append(args))
    began = time.perf_counter()
    c.shutdown(timeout_ms=500)
    assert time.perf_counter() - began < 10  # not the 30 s a healthy engine gets to finish
    assert not child.alive and child.process.exitcode == -signal.SIGKILL
    assert child not in transports._idle  # a killed process is not kept for the next window
    QCoreApplication.processEvents()
    assert not failed  # closing on purpose is not a crash


def test_the_first_run_says_when_it_waits_for_a_new_training_process(qtbot, monkeypatch):
    fresh: list = []
    monkeypatch.setattr(transports, "_idle", fresh)  # none started yet, as right after the app starts
    window = create_window("xor")
    qtbot.addWidget(window)
    window.show()
    notices = []
    window.controller.notice.connect(notices.append)
    window.controls.epochsInput.setValue(1)
    assert not window.controller.is_ready  # it is importing torch
    with qtbot.waitSignal(window.trainingFinished, timeout=START) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed"
    assert notices == [STARTING]
    assert window.statusBar().currentMessage().startswith("Finished 1 epochs in ")  # "Starting" is gone
    assert window.controller.separate_process
    window.ask_before_closing = False
    assert window.close()
    assert len(fresh) == 1  # the process is kept for the next window
    for child in fresh:  # ... of this test's pool, which ends here
        child.close()


def test_with_the_thread_setting_the_engine_runs_in_a_thread(qtbot, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")
    window = open_window(qtbot)
    c = window.controller
    assert not c.separate_process and c.transport.kind == "thread" and c.is_ready
    assert c.transport.thread.name == "playground-engine" and c.transport.thread.is_alive()
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 1
    window.ask_before_closing = False
    assert window.close()
    assert not c.transport.thread.is_alive()


def test_without_a_training_process_the_window_trains_in_its_thread_and_says_so(qtbot, monkeypatch):
    def cannot_start():
        raise OSError("no processes here")

    monkeypatch.setattr(transports, "acquire", cannot_start)
    window = create_window("xor")
    qtbot.addWidget(window)
    notices = []
    window.controller.notice.connect(notices.append)
    window.show()
    qtbot.waitUntil(lambda: window.controller.model is not None, timeout=RUN)
    assert not window.controller.separate_process  # the next runs do not try again
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 1
    assert notices == [THREAD_NOTICE]


def test_a_training_process_that_dies_while_starting_leaves_the_window_training_in_its_thread(qtbot, monkeypatch):
    def dying():
        child = transports.TrainingProcess()
        child.process.kill()  # before it could say Ready
        return child

    monkeypatch.setattr(transports, "acquire", dying)
    window = create_window("xor")
    qtbot.addWidget(window)
    window.show()
    notices = []
    window.controller.notice.connect(notices.append)
    qtbot.waitUntil(lambda: window.controller.model is not None, timeout=START)
    assert not window.controller.separate_process
    assert notices == [THREAD_NOTICE]
    assert window.statusBar().currentMessage() == notices[0]
    assert not window.divergedBanner.isVisible()  # nothing was lost: no run had started
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as blocker:
        window.trainButton.click()
    assert blocker.args[0]["status"] == "completed" and blocker.args[0]["epochs_run"] == 1


def test_a_settings_change_keeps_the_trained_network_a_step_away(window, qtbot, tmp_path):
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as finished:
        window.trainButton.click()
    trained_steps = finished.args[0]["steps"]
    trained = weights(window, tmp_path / "trained.safetensors")
    assert not window.undoAction.isEnabled()
    with model_change(qtbot, window, ModelChange.NEW) as changed:
        window.controls.activationInput.setCurrentIndex(window.controls.activationInput.findData("relu"))
    assert changed.args[0].step == 0 and changed.args[0].previous_steps == trained_steps
    assert window.undoAction.isEnabled()
    assert window.statusBar().currentMessage() == (
        f"New network. The trained one ({trained_steps} steps) is kept: Edit > Bring back (Ctrl+Z)")
    with model_change(qtbot, window, ModelChange.BROUGHT_BACK) as back:
        window.undoAction.trigger()
    assert back.args[0].step == trained_steps and window.controller.step_count == trained_steps
    assert window.controls.activationInput.currentData() == "tanh"
    assert window.lossView.train_loss.size == 1  # its history is back in the plot
    assert same(weights(window, tmp_path / "back.safetensors"), trained)
    assert back.args[0].previous_steps is None
    assert not window.undoAction.isEnabled()  # the untrained one is not worth coming back to
