"""The classroom features of the window: lessons, presenter mode and zoom, slow motion, help,
language, remembered geometry, and Space in a number box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from playground.app import create_window
from playground.engine.reporter import TrainSnapshot
from playground.ui.language import current_language, set_language
from playground.ui.presenter import PRESENTER_ZOOM

START = 120_000
RUN = 60_000


@pytest.fixture
def window(qtbot):
    w = create_window("xor")
    qtbot.addWidget(w)
    w.remember_geometry = False
    w.ask_before_closing = False
    w.show()
    qtbot.waitUntil(lambda: w.controller.model is not None, timeout=START)
    return w


def test_a_lesson_shows_beside_the_views_locks_its_settings_and_checks_its_goal(window, qtbot):
    assert window.open_lesson("xor")
    lesson = window.lessonPanel.lesson
    assert window.lessonPanel.isVisible() and window.lessonPanel.title_text == lesson.title
    qtbot.waitUntil(lambda: window.controller.config == lesson.config, timeout=RUN)
    for field in lesson.locked:
        widget = {"dataset": window.controls.datasetInput, "hidden": window.controls.layerSizesInput,
                  "activation": window.controls.activationInput}.get(field)
        if widget is not None:
            assert not widget.isEnabled()
    # the lesson's solution reaches the goal, and the panel says so
    solution = lesson.solution
    window.controller.set_config(solution, None)
    window.controls.set_config(solution, None)
    qtbot.waitUntil(lambda: window.controller.model.config == solution, timeout=RUN)
    with qtbot.waitSignal(window.lessonPanel.goalReached, timeout=RUN):
        window.trainButton.click()
    assert window.lessonPanel.goal_reached


def test_a_bad_lesson_name_says_which_exist(window, message_boxes):
    assert not window.open_lesson("no-such-lesson")
    assert message_boxes[0][:2] == ("warning", "Cannot open lesson")
    assert "no-such-lesson" in message_boxes[0][2] and "xor" in message_boxes[0][2]
    assert not window.lessonPanel.isVisible()


def test_the_lessons_menu_lists_every_lesson(window):
    from playground.core.lessons import load_lessons

    window.lessonsMenu.aboutToShow.emit()
    names = [a.objectName() for a in window.lessonsMenu.actions() if a.objectName().startswith("lesson_")]
    assert names == [f"lesson_{name}" for name in load_lessons()[0]]


def test_presenter_mode_goes_full_screen_large_with_a_big_epoch_counter(window, qtbot):
    base = window.font().pointSizeF()
    label_px = window.statusLabel.fontMetrics().height()
    pen_width = window.lossView.trainCurve.opts["pen"].widthF()
    window.presentationModeAction.trigger()
    assert window.presenter.presenting and window.presentationModeAction.isChecked()
    assert window.isFullScreen()
    assert window.font().pointSizeF() == pytest.approx(base * PRESENTER_ZOOM)
    assert window.statusLabel.font().pointSizeF() == pytest.approx(base * PRESENTER_ZOOM)
    assert window.statusLabel.fontMetrics().height() >= 1.4 * label_px
    assert window.epochCounter.isVisible() and window.epochCounter.text() == "Epoch 0"
    assert window.epochCounter.font().pointSizeF() >= 2 * window.font().pointSizeF()
    assert not window.controls.isVisible() and window.trainButton.isVisible()  # the views get the room
    assert window.lossView.trainCurve.opts["pen"].widthF() >= 1.5 * pen_width  # lines too
    window.presentationModeAction.trigger()
    assert not window.presenter.presenting and not window.isFullScreen()
    assert window.font().pointSizeF() == pytest.approx(base) and not window.epochCounter.isVisible()
    assert window.controls.isVisible()


def test_zoom_in_and_out_scales_everything_and_actual_size_restores(window):
    base = window.font().pointSizeF()
    window.zoomInAction.trigger()
    window.zoomInAction.trigger()
    assert window.presenter.zoom == 1.3 and window.font().pointSizeF() == pytest.approx(base * 1.3)
    assert window.controls.learningRateInput.font().pointSizeF() == pytest.approx(base * 1.3)
    window.zoomOutAction.trigger()
    assert window.presenter.zoom == 1.15
    window.zoomResetAction.trigger()
    assert window.presenter.zoom == 1.0 and window.font().pointSizeF() == pytest.approx(base)


def test_slow_motion_paces_the_run_and_until_paused_goes_past_the_epochs(window, qtbot):
    window.controls.epochsInput.setValue(1)
    window.speedInput.setCurrentIndex(window.speedInput.findData(30.0))
    window.untilPausedInput.setChecked(True)
    assert window.controller.pace == (30.0, True)
    snaps: list[TrainSnapshot] = []
    window.controller.snapshotReady.connect(snaps.append)
    window.trainButton.click()
    qtbot.waitUntil(lambda: bool(snaps) and snaps[-1].step >= 60, timeout=RUN)  # past epoch 1 (25 steps)
    last = snaps[-1]
    assert last.epoch >= 2 and last.target_epochs == 0
    assert last.steps_per_second <= 30 * 1.1  # never faster than the pace
    assert window.progressBar.text() == f"epoch {last.epoch}, until paused"
    with qtbot.waitSignal(window.controller.stateChanged, check_params_cb=lambda s: s == "paused", timeout=RUN):
        window.trainButton.click()
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as finished:
        window.stopButton.click()
    assert finished.args[0]["status"] == "stopped" and finished.args[0]["epochs_run"] >= 2


def test_help_dialogs_explain_the_views_and_list_the_shortcuts(window):
    window.firstStepsAction.trigger()
    steps = window.findChild(QDialog, "firstStepsDialog")
    text = steps.findChild(QTextBrowser).toPlainText()
    assert steps.isVisible() and "Computation graph" in text and "loss.backward()" in text
    window.shortcutsAction.trigger()
    keys = window.findChild(QDialog, "shortcutsDialog").findChild(QTextBrowser).toPlainText()
    for key, what in (("Space", "Train / Pause / Resume"), ("F11", "Presenter mode"), ("F1", "Keyboard shortcuts"),
                      ("Ctrl+Z", "Bring back the trained network")):
        assert key in keys and what in keys
    assert window.shortcutsAction.shortcut().toString() == "F1"


def test_space_in_a_number_box_trains_instead_of_erasing_it(window, qtbot):
    box = window.controls.epochsInput
    box.setValue(1)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        qtbot.keyClick(box, Qt.Key_Space)
    assert box.value() == 1 and box.text() == "1"


def trained_window(qtbot):
    """A window (not handed to qtbot: a language switch deletes it) after a run of 2 epochs of xor."""
    window = create_window("xor")
    window.remember_geometry = False
    window.ask_before_closing = False
    window.show()
    qtbot.waitUntil(lambda: window.controller.model is not None, timeout=START)
    window.controls.epochsInput.setValue(2)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.trainButton.click()
    return window


def to_chinese(qtbot, old):
    """Switch ``old`` to Chinese; the window built in its place (the caller sets English back)."""
    with qtbot.waitSignal(old.languageChanged, timeout=RUN) as changed:
        old.languageActions["zh_CN"].trigger()
    new = changed.args[0]
    qtbot.addWidget(new)
    new.ask_before_closing = False
    new.remember_geometry = False
    return new


def test_switching_the_language_rebuilds_the_window_in_chinese_with_the_same_network(qtbot):
    old = trained_window(qtbot)
    steps, controller = old.controller.step_count, old.controller
    new = to_chinese(qtbot, old)
    try:
        assert current_language() == "zh_CN"
        assert new.trainButton.text() == "训练" and new.controller is controller
        qtbot.waitUntil(lambda: new.controller.model is not None and new.controller.model.step == steps, timeout=RUN)
        assert new.lossView.step_loss.size == steps  # the same network, its history shown again
        assert new.languageActions["zh_CN"].isChecked()
    finally:
        set_language("en")


def test_a_language_switch_keeps_the_compared_runs_and_the_tensorboard_setting(qtbot, tmp_path):
    pytest.importorskip("tensorboard")
    old = trained_window(qtbot)
    with qtbot.waitSignal(old.controller.modelChanged, timeout=RUN):
        old.resetButton.click()  # a new network: the trained one becomes an earlier run
    assert old.lossView.earlier_run_labels() == ["run 1"] and old.runsTable.table.rowCount() == 1
    assert old.tensorboard.set_folder(str(tmp_path)) and old.tensorboardAction.isChecked()
    new = to_chinese(qtbot, old)
    try:
        assert new.runsTable.table.rowCount() == 1
        assert new.lossView.earlier_run_labels() == ["第 1 次"]  # labelled again in the new language
        assert new.tensorboardAction.isChecked() and new.tensorboard.folder == str(tmp_path)
    finally:
        set_language("en")


def test_the_window_remembers_its_geometry(qtbot):
    first = create_window("xor")
    qtbot.addWidget(first)
    first.ask_before_closing = False
    first.show()
    first.resize(first.minimumSizeHint().width() + 13, first.minimumSizeHint().height() + 17)
    size = first.size()
    first.move(QPoint(5, 7))
    assert first.close()
    second = create_window("xor")
    qtbot.addWidget(second)
    second.ask_before_closing = False
    second.remember_geometry = False
    assert second.size() == size


def test_space_key_event_in_a_spin_box_is_not_taken_by_the_box(window):
    box = window.controls.seedInput
    override = QKeyEvent(QEvent.ShortcutOverride, Qt.Key_Space, Qt.NoModifier, " ")
    QApplication.sendEvent(box, override)
    assert not override.isAccepted()  # so the window's Space shortcut gets it
