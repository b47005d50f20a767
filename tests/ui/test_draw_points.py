"""Draw your own 2-D data in the output view: a click adds a point of the picked class, a Ctrl+click
or right-click removes the nearest; the engine trains on them at once (mid-run too), and the loss
history and graph stay."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.engine.protocol import ModelChange, RunState


def click(qtbot, w, x, y, button=Qt.LeftButton, modifier=Qt.NoModifier):
    page = w.outputView.page
    point = page.mapFromScene(w.outputView.drawer.scene_position(x, y))
    with qtbot.waitSignal(w.controller.modelChanged, timeout=RUN,
                          check_params_cb=lambda info: info.reason is ModelChange.DATA):
        qtbot.mouseClick(page.viewport(), button, modifier, point)


@pytest.fixture(autouse=True)
def engine_in_a_thread(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")  # the engine's Trainer is then here to look at


def engine_trainer(w):
    return w.controller.transport.engine.trainer


def shown_points(w):
    page = w.outputView.page
    return len(page.train_points.data), len(page.test_points.data)


def test_a_click_adds_a_point_of_the_picked_class_and_ctrl_click_removes_it(qtbot):
    w = open_window(qtbot)
    picker = w.outputView.drawer.picker
    assert picker.objectName() == "classPicker" and picker.isVisible()
    assert [picker.itemText(i) for i in range(picker.count())] == ["class 0", "class 1"]
    picker.setCurrentIndex(1)
    n_train, n_test = shown_points(w)
    w.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN):
        w.trainButton.click()
    history = len(w.lossView.step_loss.data)
    assert history > 0
    click(qtbot, w, 0.5, -0.5)
    info = w.controller.model
    assert info.config.dataset == "custom" and info.config.data == "" and not info.config.standardize
    assert shown_points(w) == (n_train + 1, n_test)
    last = info.dataset.x_train[-1]
    assert abs(last[0] - 0.5) < 0.05 and abs(last[1] + 0.5) < 0.05 and info.dataset.y_train[-1] == 1
    assert w.controls.config == info.config
    assert len(w.lossView.step_loss.data) == history  # the loss history stays
    assert len(engine_trainer(w).x_train) == n_train + 1  # the engine's network trains on it
    # Ctrl+click on it removes it
    click(qtbot, w, float(last[0]), float(last[1]), Qt.LeftButton, Qt.ControlModifier)
    assert shown_points(w) == (n_train, n_test)
    # a right click removes one too
    x, y = (float(v) for v in w.controller.model.dataset.x_test[0])
    click(qtbot, w, x, y, Qt.RightButton)
    assert shown_points(w) == (n_train, n_test - 1)


def test_points_drawn_while_training_are_used_at_once_and_the_history_stays(qtbot):
    w = open_window(qtbot)
    w.controls.epochsInput.setValue(200)
    with qtbot.waitSignal(w.controller.snapshotReady, timeout=RUN):
        w.trainButton.click()
    assert w.controller.state is RunState.RUNNING
    n_train = len(w.controller.model.dataset.x_train)
    click(qtbot, w, 0.25, 0.25)
    info = w.controller.model
    assert len(info.dataset.x_train) == n_train + 1 and info.step > 0 and len(info.step_losses) == info.step
    before = info.step
    with qtbot.waitSignal(w.controller.snapshotReady, timeout=RUN,
                          check_params_cb=lambda snap: snap.step > before):
        pass
    assert len(engine_trainer(w).x_train) == n_train + 1
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN):
        w.stopButton.click()


def test_removing_every_test_point_shows_no_test_accuracy(qtbot):
    w = open_window(qtbot)
    test = w.controller.model.dataset.x_test
    with qtbot.waitSignal(w.controller.modelChanged, timeout=RUN):
        w.controller.edit_points(remove=tuple(map(tuple, test)))
    assert len(w.controller.model.dataset.x_test) == 0
    assert shown_points(w)[1] == 0
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN) as finished:
        w.controls.epochsInput.setValue(1)
        w.trainButton.click()
    assert finished.args[0]["status"] == "completed"
    assert "test accuracy" not in w.metricsLabel.text() and "train loss" in w.metricsLabel.text()
    assert np.isnan(w.controller.model.dataset.x_test).size == 0


def test_on_a_regression_the_picker_holds_the_value_a_point_gets(qtbot, tmp_path):
    w = open_window(qtbot)
    path = tmp_path / "values.csv"
    path.write_text("x1,x2,y\n" + "\n".join(f"{i % 5 - 2},{i % 3 - 1},{i / 10:.1f}" for i in range(20)) + "\n")
    assert w.data.import_data(path)
    picker = w.outputView.drawer.picker
    assert picker.isVisible() and picker.isEditable() and picker.currentText() == "1"
    picker.setEditText("0.25")
    n_train = len(engine_trainer(w).x_train)
    click(qtbot, w, 0.0, 0.0)
    assert len(engine_trainer(w).x_train) == n_train + 1
    assert float(w.controller.model.dataset.y_train[-1, 0]) == 0.25
