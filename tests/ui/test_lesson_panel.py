"""The lesson panel shows a lesson and its goal; the control panel locks and hides what a lesson fixes."""

import pytest
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QTextBrowser

from playground.core.lessons import get_lesson, load_lessons
from playground.core.presets import load_presets
from playground.ui.controls import ControlPanel
from playground.ui.lesson_panel import REACHED_TEXT, LessonPanel, text_to_html

REACHED = {"status": "completed", "epochs_run": 30, "test_accuracy": 0.996, "train_accuracy": 1.0,
           "test_loss": 0.05, "train_loss": 0.04}


@pytest.fixture(autouse=True)
def no_user_lessons(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_LESSONS_DIR", str(tmp_path / "none"))


@pytest.fixture
def panel(qtbot):
    p = LessonPanel()
    qtbot.addWidget(p)
    return p


def test_the_panel_shows_title_text_and_goal(panel):
    xor = get_lesson("xor")
    panel.set_lesson(xor, "en")
    assert panel.objectName() == "lessonPanel" and panel.lesson is xor and not panel.goal_reached
    assert panel.title_text == "A straight line cannot solve XOR"
    assert panel.findChild(QLabel, "lessonTitle").text() == xor.title
    text = panel.findChild(QTextBrowser, "lessonText").toPlainText()
    assert "The network starts with no hidden layer" in text and "**" not in text and "`" not in text
    assert "<b>no hidden layer</b>" in panel.text_html and "<code>8</code>" in panel.text_html
    goal = panel.findChild(QLabel, "lessonGoal")
    assert goal.isVisibleTo(panel)
    assert panel.goal_text == "Goal: test accuracy ≥ 95% with at most 50 parameters"
    assert goal.text() == "Goal: test accuracy ≥ 95% with at most 50 parameters"
    assert not panel.findChild(QLabel, "lessonResult").isVisibleTo(panel)


def test_the_panel_speaks_chinese(panel):
    panel.set_lesson(get_lesson("xor"), "zh_CN")
    assert panel.title_text == "一条直线解决不了异或（XOR）"
    assert "网络一开始没有隐藏层" in panel.findChild(QTextBrowser, "lessonText").toPlainText()
    assert panel.goal_text.endswith("测试准确率 ≥ 95%，且参数不超过 50 个")


def test_goal_reached_is_signalled_once_and_shown_in_green(panel, qtbot):
    panel.set_lesson(get_lesson("xor"), "en")
    assert panel.set_result({**REACHED, "test_accuracy": 0.46}, 6) is False
    assert not panel.goal_reached and panel.goal_text.startswith("Goal: ")
    assert panel.result_text == "Last run: test accuracy 46.0%, 6 parameters"
    assert panel.set_result(REACHED, 2000) is False  # right accuracy, too many parameters
    with qtbot.waitSignal(panel.goalReached, timeout=1000) as signal:
        assert panel.set_result(REACHED, 42) is True
    assert signal.args == ["xor"]
    assert panel.goal_reached
    assert panel.goal_text == "Goal reached ✓  test accuracy ≥ 95% with at most 50 parameters"
    goal = panel.findChild(QLabel, "lessonGoal")
    assert "Goal reached ✓" in goal.text() and REACHED_TEXT in goal.styleSheet()
    with qtbot.assertNotEmitted(panel.goalReached):
        assert panel.set_result(REACHED, 42) is True  # once per lesson
        assert panel.set_result({**REACHED, "status": "diverged"}, 42) is False
    assert panel.goal_reached  # it stays reached
    panel.set_lesson(get_lesson("spiral-depth"), "en")  # a new lesson starts over
    assert not panel.goal_reached and REACHED_TEXT not in goal.styleSheet() and panel.result_text == ""


def test_a_lesson_without_a_goal_hides_the_goal(panel, tmp_path):
    from playground.core.lessons import lesson_from_dict

    lesson = lesson_from_dict({"name": "free", "title": "Free play", "text": "Play.", "config": {}})
    panel.set_lesson(lesson)
    assert not panel.findChild(QLabel, "lessonGoal").isVisibleTo(panel)
    assert panel.set_result(REACHED, 1) is False and not panel.goal_reached
    panel.set_lesson(None)
    assert panel.title_text == "" and panel.lesson is None


def test_text_to_html():
    assert text_to_html("One **bold** `a<b`\nline two\n\n- x\n- `y`") == \
        "<p>One <b>bold</b> <code>a&lt;b</code><br>line two</p>\n<ul><li>x</li><li><code>y</code></li></ul>"
    assert text_to_html("`w -= lr * grad` and **b**") == "<p><code>w -= lr * grad</code> and <b>b</b></p>"
    assert text_to_html("an odd ` tick") == "<p>an odd ` tick</p>"


def test_every_builtin_lesson_renders(panel):
    for lesson in load_lessons()[0].values():
        for lang in ("en", "zh_CN"):
            panel.set_lesson(lesson, lang)
            assert panel.title_text == lesson.title_for(lang)
            assert panel.findChild(QTextBrowser, "lessonText").toPlainText().count("\n") >= 3
            assert "**" not in panel.findChild(QTextBrowser, "lessonText").toPlainText()


# -- the control panel ------------------------------------------------------------------------


@pytest.fixture
def controls(qtbot):
    c = ControlPanel(load_presets())
    qtbot.addWidget(c)
    c.set_config(get_lesson("xor").config.replace(hidden=(4,)))
    return c


def label_of(controls, widget):
    for form in controls.findChildren(QFormLayout):
        for w in (widget, widget.parentWidget()):
            label = form.labelForField(w)
            if label is not None:
                return label
    raise AssertionError(f"no label for {widget.objectName()}")


def test_set_locked_disables_the_lesson_fields_and_survives_running(controls):
    c = controls
    lr_tip = c.learningRateInput.toolTip()
    c.set_locked(("dataset", "hidden", "learning_rate"))
    fixed = [c.datasetInput, c.layerSizesInput, c.addLayerButton, c.removeLayerButton, c.layerSpins,
             c.learningRateSlider, c.learningRateInput, c.presetInput]
    free = [c.noiseInput, c.splitInput, c.activationInput, c.optimizerInput, c.epochsInput, c.batchSizeInput,
            c.weightDecayInput, c.seedInput, c.deviceInput]
    assert [w.objectName() for w in fixed if w.isEnabled()] == []
    assert all(w.isEnabled() for w in free)
    assert c.learningRateInput.toolTip() == "This lesson fixes this setting.\n" + lr_tip
    assert c.datasetInput.toolTip().startswith("This lesson fixes this setting.")
    assert not c.findChild(type(c.epochsInput), "layerSpin1").isEnabled()
    c.set_running(True)
    assert not any(w.isEnabled() for w in fixed) and not c.activationInput.isEnabled()
    c.set_running(False)
    assert not any(w.isEnabled() for w in fixed) and all(w.isEnabled() for w in free)
    c.set_config(c.config.replace(hidden=(3, 3)))  # new layer spins: still locked
    assert not c.addLayerButton.isEnabled() and not c.removeLayerButton.isEnabled()
    assert not c.findChild(type(c.epochsInput), "layerSpin2").isEnabled()
    c.set_locked(())
    assert all(w.isEnabled() for w in fixed + free)
    assert c.learningRateInput.toolTip() == lr_tip
    c.set_running(True)
    assert c.learningRateInput.isEnabled() and not c.datasetInput.isEnabled()  # running locks as before
    c.set_running(False)
    with pytest.raises(ValueError, match="unknown setting 'layers'"):
        c.set_locked(("layers",))


def test_set_hidden_hides_rows_with_their_labels_and_empty_groups(controls):
    c = controls
    noise_label = label_of(c, c.noiseInput)
    c.set_hidden(("noise", "device", "hidden"))
    assert not c.noiseInput.isVisibleTo(c) and not noise_label.isVisibleTo(c)
    assert not c.deviceInput.isVisibleTo(c) and not label_of(c, c.deviceInput).isVisibleTo(c)
    assert not c.layerSizesInput.isVisibleTo(c) and not c.layerSpins.isVisibleTo(c)
    assert c.datasetInput.isVisibleTo(c) and label_of(c, c.datasetInput).isVisibleTo(c)
    c.set_running(True)
    c.set_running(False)
    assert not c.noiseInput.isVisibleTo(c) and c.splitInput.isVisibleTo(c)
    data = c.datasetInput.parentWidget()
    assert isinstance(data, QGroupBox) and data.isVisibleTo(c)
    c.set_hidden(("dataset", "noise", "train_fraction", "samples", "classes", "data_seed", "features"))
    assert data.isVisibleTo(c) and c.data.standardizeInput.isVisibleTo(c)  # a row still shown: the group stays
    c.set_hidden(("dataset", "noise", "train_fraction", "samples", "classes", "data_seed", "features",
                  "standardize"))
    assert not data.isVisibleTo(c)  # nothing left to show in it
    assert c.deviceInput.isVisibleTo(c) and c.layerSizesInput.isVisibleTo(c)
    c.set_hidden(())
    assert data.isVisibleTo(c) and c.noiseInput.isVisibleTo(c) and noise_label.isVisibleTo(c)


def test_every_config_field_has_its_widgets():
    import dataclasses

    from playground.core.config import TrainConfig
    from playground.ui import control_locks

    assert list(control_locks._FIELD_WIDGETS) == [f.name for f in dataclasses.fields(TrainConfig)]
