"""The window and its engine together, in the scenarios a user walks through.

Each test drives the real window (buttons, combos, menu actions) and checks what it shows against
what the engine reports: the learning rate after a bring back, live views switched mid-run, a step
while paused, the progress of a second round, and that no tensor work happens on the GUI thread.
"""

import json
import threading

import torch
from safetensors.torch import load_file
from windows import RUN, START, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.presets import get_preset
from playground.engine.protocol import ModelChange


def is_state(state):
    return lambda s: s == state


def model_change(qtbot, window, reason: ModelChange, timeout=10_000):
    return qtbot.waitSignal(window.controller.modelChanged, check_params_cb=lambda m: m.reason is reason,
                            timeout=timeout)


def choose_preset(window, name):
    combo = window.controls.presetInput
    index = combo.findData(name)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a user's pick in the combo sends


def test_a_brought_back_network_trains_and_exports_at_its_own_learning_rate(qtbot, tmp_path):
    """Spiral trained, lesson xor chosen, Edit > Bring back, Reset, Train: one learning rate everywhere."""
    window = open_window(qtbot, "spiral")
    c = window.controller
    spiral_lr = get_preset("spiral").config.learning_rate
    assert spiral_lr != get_preset("xor").config.learning_rate
    window.controls.epochsInput.setValue(2)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as first:
        window.trainButton.click()
    assert first.args[0]["status"] == "completed" and first.args[0]["epochs_run"] == 2
    with model_change(qtbot, window, ModelChange.NEW) as xor:
        choose_preset(window, "xor")
    assert xor.args[0].preset == "xor" and window.controls.learningRateInput.value() == 0.03
    assert window.undoAction.isEnabled()
    with model_change(qtbot, window, ModelChange.BROUGHT_BACK) as back:
        window.undoAction.trigger()  # Edit > Bring back (Ctrl+Z)
    assert back.args[0].preset == "spiral" and back.args[0].learning_rate == spiral_lr
    assert back.args[0].config.learning_rate == spiral_lr and back.args[0].config.epochs == 2
    with model_change(qtbot, window, ModelChange.RESET) as reset:
        window.resetButton.click()
    assert reset.args[0].step == 0 and reset.args[0].learning_rate == spiral_lr
    snaps = []
    c.snapshotReady.connect(snaps.append)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as second:
        window.trainButton.click()
    assert second.args[0]["status"] == "completed" and second.args[0]["preset"] == "spiral"
    assert window.controls.learningRateInput.value() == spiral_lr
    assert window.statusLabel.text().endswith(f" - lr {spiral_lr:g}")
    assert snaps and {s.learning_rate for s in snaps} == {spiral_lr}
    assert window.export_to(tmp_path / "run.json")
    exported = json.loads((tmp_path / "run.json").read_text())
    assert exported["learning_rate"] == spiral_lr and exported["dataset"] == "spiral"
    assert c.config.learning_rate == spiral_lr


def test_live_views_switched_off_and_on_act_on_the_run_in_progress(qtbot):
    window = open_window(qtbot)
    c = window.controller
    snaps, marks = [], []
    c.snapshotReady.connect(snaps.append)
    # The first reply after a switch answers it (nothing else is sent meanwhile): snapshots after it
    # were taken after the engine applied the switch.
    c.replied.connect(lambda reply: marks.append((reply.ok, len(snaps))))
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(c.snapshotReady, check_params_cb=lambda s: "views" in s.extras, timeout=START):
        window.trainButton.click()
    assert c.state == "running"

    marks.clear()
    with qtbot.waitSignal(c.replied, timeout=10_000):
        window.liveViewsAction.trigger()  # View > Live graph and output (Ctrl+L): off
    assert not window.liveViewsAction.isChecked() and not c.live_views
    assert marks[0][0] is True
    off = marks[0][1]
    qtbot.waitUntil(lambda: len(snaps) >= off + 8, timeout=20_000)
    assert c.state == "running"  # the same run goes on
    assert [s.extras for s in snaps[off:]] == [{}] * (len(snaps) - off)

    marks.clear()
    with qtbot.waitSignal(c.replied, timeout=10_000):
        window.liveViewsAction.trigger()  # on again, mid-run
    assert window.liveViewsAction.isChecked() and c.live_views
    on = marks[0][1]
    qtbot.waitUntil(lambda: any("graph" in s.extras for s in snaps[on:]) and
                    any("views" in s.extras for s in snaps[on:]), timeout=20_000)
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None and window.outputView.snapshot.step > snaps[off].step,
                    timeout=10_000)
    with qtbot.waitSignal(window.trainingFinished, timeout=10_000) as finished:
        window.stopButton.click()
    assert finished.args[0]["status"] == "stopped"


def test_a_step_while_paused_takes_one_step_and_the_run_stays_paused(qtbot):
    window = open_window(qtbot)
    c = window.controller
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(c.snapshotReady, timeout=START):
        window.trainButton.click()
    assert not window.stepButton.isEnabled()  # not while running
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=10_000):
        window.trainButton.click()  # Pause
    assert window.stepButton.isEnabled() and window.stepAction.isEnabled()
    before = c.step_count
    states, snaps = [], []
    c.stateChanged.connect(states.append)
    c.snapshotReady.connect(snaps.append)
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("paused"), timeout=10_000):
        window.stepButton.click()
    assert states == ["stepping", "paused"]
    assert [(s.step, s.paused) for s in snaps] == [(before + 1, True)]
    assert c.step_count == before + 1 and c.state == "paused"
    assert window.trainButton.text() == "Resume" and window.stepButton.isEnabled() and window.stopButton.isEnabled()
    assert window.statusLabel.text().startswith(f"step {before + 1} - ")
    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("running"), timeout=10_000):
        window.trainButton.click()  # Resume goes on from there
    with qtbot.waitSignal(c.snapshotReady, check_params_cb=lambda s: s.step > before + 1, timeout=10_000):
        pass
    with qtbot.waitSignal(window.trainingFinished, timeout=10_000) as finished:
        window.stopButton.click()
    assert finished.args[0]["status"] == "stopped" and finished.args[0]["steps"] == c.step_count


def test_after_a_second_round_is_stopped_a_step_shows_that_round_everywhere(qtbot):
    window = open_window(qtbot)
    c = window.controller
    epochs = 20  # a round of 500 steps: Stop arrives long before the second one ends
    window.controls.epochsInput.setValue(epochs)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as first:
        window.trainButton.click()
    round_steps = first.args[0]["steps"]
    assert first.args[0]["epochs_run"] == epochs and window.progressBar.text() == f"epoch {epochs} of {epochs}"

    # Stop the second round right after its first snapshot: the engine takes Stop at its next step.
    def stop_in_second_round(snap):
        if snap.step > round_steps:
            c.snapshotReady.disconnect(stop_in_second_round)
            window.stopButton.click()  # Esc

    c.snapshotReady.connect(stop_in_second_round)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as second:
        window.trainButton.click()
    assert second.args[0]["status"] == "stopped", "the second round ended before Stop arrived"
    assert round_steps < second.args[0]["steps"] < 2 * round_steps
    assert window.progressBar.maximum() == 2 * epochs

    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("idle"), timeout=10_000):
        window.stepButton.click()
    steps = c.step_count
    assert steps == second.args[0]["steps"] + 1
    epoch = steps // c.model.steps_per_epoch
    assert window.progressBar.maximum() == 2 * epochs and window.progressBar.value() == epoch
    assert window.progressBar.text() == f"epoch {epoch} of {2 * epochs}"
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None and window.outputView.snapshot.step == steps,
                    timeout=10_000)
    assert window.graphView.snapshot is not None and window.graphView.snapshot.step == steps


def test_no_tensor_work_on_the_gui_thread(qtbot, monkeypatch, tmp_path):
    """With the engine in a thread, every model, data, probe and file call runs on that thread."""
    from playground.core import inspect, probe, training
    from playground.io import weights as weight_files

    calls: list[tuple[str, str]] = []

    def record(name, fn):
        def wrapper(*args, **kwargs):
            calls.append((name, threading.current_thread().name))
            return fn(*args, **kwargs)
        return wrapper

    # looked up where the engine finds them: at call time, from these modules and classes
    monkeypatch.setattr(inspect, "snapshot_views", record("snapshot_views", inspect.snapshot_views))
    monkeypatch.setattr(probe, "preview_snapshot", record("preview_snapshot", probe.preview_snapshot))
    monkeypatch.setattr(probe.GraphProbe, "take", record("graph", probe.GraphProbe.take))
    monkeypatch.setattr(weight_files, "load_weights", record("load_weights", weight_files.load_weights))
    monkeypatch.setattr(training.Trainer, "__init__", record("Trainer", training.Trainer.__init__))
    monkeypatch.setattr(training.Trainer, "train_step", record("train_step", training.Trainer.train_step))
    monkeypatch.setattr(torch.nn.Module, "__call__", record("forward", torch.nn.Module.__call__))
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")
    window = open_window(qtbot)
    c = window.controller
    assert c.transport.kind == "thread"

    with qtbot.waitSignal(c.stateChanged, check_params_cb=is_state("idle"), timeout=10_000):
        window.stepButton.click()
    stepped = tmp_path / "stepped.safetensors"
    assert window.export_to(stepped)
    with model_change(qtbot, window, ModelChange.NEW) as noisy:
        window.controls.noiseInput.setValue(20)  # the noise slider: new data, a new network
    assert noisy.args[0].config.noise == 0.2
    with model_change(qtbot, window, ModelChange.RESET):
        window.resetButton.click()
    assert window.import_weights(stepped)
    assert c.model.reason is ModelChange.WEIGHTS
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as finished:
        window.trainButton.click()
    assert finished.args[0]["status"] == "completed"
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None and window.outputView.snapshot.step == c.step_count,
                    timeout=10_000)
    assert window.export_to(tmp_path / "end.safetensors")
    assert set(load_file(tmp_path / "end.safetensors")) == set(load_file(stepped))

    names = {name for name, _ in calls}
    assert names == {"snapshot_views", "preview_snapshot", "graph", "load_weights", "Trainer", "train_step",
                     "forward"}
    assert threading.current_thread() is threading.main_thread()
    on_gui = sorted({name for name, thread in calls if thread == threading.main_thread().name})
    assert on_gui == [], f"tensor work on the GUI thread: {on_gui}"
    assert {thread for _, thread in calls} == {"playground-engine"}


def test_the_process_and_the_thread_engine_train_the_same_run(qtbot, monkeypatch, tmp_path):
    found = {}
    for kind in ("process", "thread"):
        monkeypatch.setenv("PLAYGROUND_PROCESS", "1" if kind == "process" else "0")
        window = open_window(qtbot)
        assert window.controller.transport.kind == kind
        window.controls.epochsInput.setValue(1)
        with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as finished:
            window.trainButton.click()
        summary = finished.args[0]
        assert summary["status"] == "completed" and summary["steps"] == window.controller.model.steps_per_epoch
        assert window.export_to(tmp_path / f"{kind}.safetensors")
        found[kind] = (summary, load_file(tmp_path / f"{kind}.safetensors"))
    (p_summary, p_weights), (t_summary, t_weights) = found["process"], found["thread"]
    keys = ("steps", "train_loss", "test_loss", "train_accuracy", "test_accuracy")
    assert [p_summary[k] for k in keys] == [t_summary[k] for k in keys]  # the same seed: the same run
    assert p_weights.keys() == t_weights.keys() and all(torch.equal(p_weights[k], t_weights[k]) for k in p_weights)


def test_a_refused_setting_puts_the_controls_back_to_what_the_engine_has(qtbot):
    window = open_window(qtbot, "xor")
    window.controls.epochsInput.setValue(200)
    with qtbot.waitSignal(window.controller.stateChanged, check_params_cb=lambda s: s == "running", timeout=RUN):
        window.trainButton.click()
    noise = window.controls.noiseInput
    before = window.controller.model.config.noise
    noise.setEnabled(True)  # as if the lock had been missed: the engine refuses a new network mid-run
    with qtbot.waitSignal(window.controller.configRefused, timeout=RUN):
        noise.setValue(noise.value() + 10)
    assert noise.value() == round(before * 100) and window.controller.config.noise == before
    assert "stop the run first" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.stopButton.click()
