"""Lessons: the built-in story, the file format and its error messages, goals, the user folder."""

import json
import re

import pytest

from playground.core import lessons as L
from playground.core.config import ConfigError, TrainConfig
from playground.core.lessons import (
    Goal,
    LessonError,
    get_lesson,
    load_lesson_file,
    load_lessons,
    parameter_count,
    user_lessons_dir,
)
from playground.core.model import MLP
from playground.core.presets import get_preset

STORY = ["tensors-autograd", "article-network", "xor", "spiral-depth", "regression", "lr-too-high", "lr-too-low",
         "activations", "optimizers", "overfitting", "digits", "dynamic-graph", "device",
         "vanishing-gradients", "features"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def empty_user_folder(tmp_path, monkeypatch):
    """Every test sees an empty user lessons folder, never the real one."""
    folder = tmp_path / "user-lessons"
    monkeypatch.setenv("PLAYGROUND_LESSONS_DIR", str(folder))
    return folder


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def minimal(**changes):
    data = {"name": "mine", "title": "Mine", "text": ["One paragraph."], "config": {"dataset": "xor"}}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# -- the built-in lessons ---------------------------------------------------------------------


def test_the_builtins_tell_the_story_in_order():
    lessons, errors = load_lessons()
    assert errors == []
    assert list(lessons) == STORY
    assert len(lessons) >= 12
    assert [lesson.order for lesson in lessons.values()] == list(range(1, len(STORY) + 1))
    files = sorted(p.stem for p in L.builtin_lessons_dir().glob("*.json"))
    assert files == sorted(STORY)  # one file each, named after the lesson


@pytest.mark.parametrize("name", STORY)
def test_each_builtin_is_complete_in_both_languages(name):
    lesson = get_lesson(name)
    assert lesson.title and lesson.title_zh and lesson.title != lesson.title_zh
    assert CJK.search(lesson.title_zh) and not CJK.search(lesson.title)
    assert len(lesson.paragraphs("en")) >= 4 and len(lesson.paragraphs("zh_CN")) == len(lesson.paragraphs("en"))
    assert "**Predict before you run:**" in lesson.text and "**先预测，再运行：**" in lesson.text_zh
    assert "**Ask the class:**" in lesson.text and "**问问全班：**" in lesson.text_zh
    assert "**Try:**" in lesson.text and "**试一试：**" in lesson.text_zh
    assert lesson.text.count("`") % 2 == 0 and lesson.text_zh.count("`") % 2 == 0  # code spans close
    assert lesson.text.count("**") % 2 == 0 and lesson.text_zh.count("**") % 2 == 0
    assert lesson.goal is not None and lesson.solution is not None
    assert set(lesson.locked) <= set(L.SETTINGS) and set(lesson.hidden) <= set(L.SETTINGS)
    assert not set(lesson.solution_changes) & set(lesson.locked + lesson.hidden)
    assert lesson.config.device == "cpu" and lesson.preset is None
    assert lesson.path == L.builtin_lessons_dir() / f"{name}.json"


def test_the_chinese_texts_use_the_classroom_terms():
    zh = "\n".join(lesson.text_zh for lesson in load_lessons()[0].values())
    terms = ["张量", "自动求导", "计算图", "前向传播", "反向传播", "梯度", "学习率", "损失函数", "优化器", "权重", "偏置",
             "激活函数", "隐藏层", "神经元", "训练集", "测试集", "准确率", "批大小", "轮", "过拟合", "权重衰减", "设备"]
    assert [t for t in terms if t not in zh] == []


def test_the_story_lessons_set_up_what_they_teach():
    lessons = load_lessons()[0]
    assert lessons["article-network"].config.hidden == (5,) and lessons["article-network"].config.dataset == "seed-example"
    assert lessons["xor"].config.hidden == () and lessons["xor"].solution_changes == {"hidden": [8]}
    assert lessons["xor"].goal == Goal("test_accuracy", at_least=0.95, max_parameters=50)
    assert lessons["lr-too-high"].config.learning_rate > lessons["lr-too-high"].solution.learning_rate
    assert lessons["lr-too-low"].config.learning_rate < lessons["lr-too-low"].solution.learning_rate
    assert lessons["activations"].config.activation == "linear"
    assert lessons["optimizers"].config.optimizer == "sgd" and "optimizer" not in lessons["optimizers"].locked
    assert lessons["overfitting"].config.weight_decay == 0 and lessons["overfitting"].solution.weight_decay > 0
    assert lessons["digits"].config.dataset == "digits" and lessons["device"].config.dataset == "digits"
    assert "device" not in lessons["device"].locked + lessons["device"].hidden


# -- reading a file -----------------------------------------------------------------------------


def test_a_minimal_file_loads_with_defaults_and_one_language(tmp_path):
    path = write(tmp_path, "x", {"name": "only-zh", "title_zh": "只有中文", "text_zh": "第一段。\n\n第二段。",
                                 "config": {"dataset": "gauss", "hidden": [3]}})
    lesson = load_lesson_file(path)
    assert lesson.name == "only-zh" and lesson.title == lesson.title_zh == "只有中文"
    assert lesson.paragraphs("en") == lesson.paragraphs("zh_CN") == ["第一段。", "第二段。"]
    assert lesson.config == TrainConfig(dataset="gauss", hidden=(3,))
    assert lesson.order == L.DEFAULT_ORDER and lesson.locked == lesson.hidden == ()
    assert lesson.goal is None and lesson.solution is None and lesson.preset is None


def test_the_name_defaults_to_the_file_name_and_a_preset_is_a_starting_point(tmp_path):
    path = write(tmp_path, "from-xor", {"title": "T", "text": "t", "preset": "xor", "config": {"hidden": []}})
    lesson = load_lesson_file(path)
    assert lesson.name == "from-xor" and lesson.preset == "xor"
    assert lesson.config == get_preset("xor").config.replace(hidden=())


def test_title_and_text_follow_the_language(tmp_path):
    lesson = load_lesson_file(write(tmp_path, "two", minimal(title_zh="中", text_zh=["段落"])))
    assert (lesson.title_for("en"), lesson.title_for("zh_CN"), lesson.title_for("zh")) == ("Mine", "中", "中")
    assert lesson.text_for("zh_CN") == "段落" and lesson.text_for("en") == "One paragraph."


BAD = [
    ("{not json", "file", "not valid JSON"),
    ("[1, 2]", "file", "one JSON object"),
    (minimal(colour="red"), "colour", "unknown key; allowed: schema_version, name"),
    (minimal(schema_version=2), "schema_version", "this version reads 1"),
    (minimal(name="two words"), "name", "letters, digits"),
    (minimal(order="first"), "order", "whole number"),
    (minimal(title=None), "title", "missing"),
    (minimal(title=5), "title", "int given; must be a string"),
    (minimal(text=None), "text", "missing"),
    (minimal(text=[1, 2]), "text", "a string or a list of strings"),
    (minimal(config=None), "config", "missing"),
    (minimal(config=[1]), "config", "must be an object"),
    (minimal(config={"dataset": "mnist"}), "config.dataset", "allowed: circle, xor"),
    (minimal(config={"learning_rate": 100}), "config.learning_rate", "allowed 1e-05 to 10"),
    (minimal(config={"hidden": 8}), "config.hidden", "list of layer sizes"),
    (minimal(config={"hidden": [0]}), "config.hidden", "allowed 1 to 4096"),
    (minimal(config={"colour": 1}), "config.colour", "unknown setting"),
    (minimal(preset="nope"), "preset", "available: "),
    (minimal(locked="dataset"), "locked", "list of setting names"),
    (minimal(locked=["layers"]), "locked", "unknown setting 'layers'; allowed: dataset, noise"),
    (minimal(hidden=["colour"]), "hidden", "unknown setting 'colour'"),
    (minimal(goal=0.95), "goal", "must be an object"),
    (minimal(goal={"metric": "test_accuracy", "at_least": 0.9, "within": 3}), "goal.within", "allowed: metric"),
    (minimal(goal={"metric": "f1", "at_least": 0.9}), "goal.metric", "allowed: test_accuracy, train_accuracy"),
    (minimal(goal={"metric": "test_accuracy"}), "goal.at_least", "exactly one of at_least or at_most"),
    (minimal(goal={"metric": "test_loss", "at_least": 0.1, "at_most": 0.2}), "goal.at_least", "exactly one"),
    (minimal(goal={"metric": "test_accuracy", "at_least": 95}), "goal.at_least", "0.95 is 95%"),
    (minimal(goal={"metric": "test_loss", "at_most": "low"}), "goal.at_most", "not a number"),
    (minimal(goal={"metric": "test_loss", "at_most": -1}), "goal.at_most", "a loss is 0 or more"),
    (minimal(goal={"metric": "test_accuracy", "at_least": 0.9, "max_parameters": 0}), "goal.max_parameters",
     "1 or more"),
    (minimal(goal={"metric": "test_accuracy", "at_least": 0.9, "max_epochs": 2.5}), "goal.max_epochs", "1 or more"),
    (minimal(config={"dataset": "plane"}, goal={"metric": "test_accuracy", "at_least": 0.9}), "goal.metric",
     "regression dataset"),
    (minimal(solution=[8]), "solution", "must be an object"),
    (minimal(solution={"layers": [8]}), "solution.layers", "unknown setting"),
    (minimal(locked=["hidden"], solution={"hidden": [8]}), "solution.hidden", "locks or hides"),
    (minimal(solution={"hidden": [9999]}), "solution.hidden", "allowed 1 to 4096"),
]


@pytest.mark.parametrize("data, field, fragment", BAD, ids=[f"{i}-{b[1]}" for i, b in enumerate(BAD)])
def test_a_bad_file_names_the_file_the_field_and_what_is_allowed(tmp_path, data, field, fragment):
    path = write(tmp_path, "bad-lesson", data)
    with pytest.raises(LessonError) as e:
        load_lesson_file(path)
    assert isinstance(e.value, ConfigError)
    assert e.value.field == field and e.value.path == path
    message = str(e.value)
    assert message.startswith(f"{path}: {field}: ")
    assert fragment in message and "\n" not in message


def test_unreadable_files_are_lesson_errors(tmp_path):
    with pytest.raises(LessonError, match="file: cannot read it"):
        load_lesson_file(tmp_path / "missing.json")
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(LessonError, match="latin1.json: file: is not UTF-8"):
        load_lesson_file(path)


# -- folders ----------------------------------------------------------------------------------


def test_user_lessons_load_after_the_builtins_and_bad_ones_are_skipped(empty_user_folder):
    write(empty_user_folder, "good", minimal(name="good", title="Good one"))
    bad = write(empty_user_folder, "bad", minimal(name="bad", goal={"metric": "speed", "at_least": 1}))
    lessons, errors = load_lessons()
    assert list(lessons)[:len(STORY)] == STORY and list(lessons)[-1] == "good"
    assert "bad" not in lessons
    assert errors == [f"{bad}: goal.metric: 'speed' is not a metric; allowed: test_accuracy, train_accuracy, "
                      "test_loss, train_loss"]


def test_a_user_lesson_with_a_builtin_name_replaces_it_and_extra_folders_come_last(empty_user_folder, tmp_path):
    mine = write(empty_user_folder, "xor", minimal(name="xor", title="Our XOR", order=3))
    assert get_lesson("xor").title == "Our XOR" and get_lesson("xor").path == mine
    lessons, _ = load_lessons()
    assert list(lessons) == STORY  # same place in the story
    extra = write(tmp_path / "extra", "x", minimal(name="xor", title="Extra XOR"))
    assert load_lessons([extra.parent])[0]["xor"].title == "Extra XOR"
    assert load_lessons([tmp_path / "no-such-folder"])[1] == []


def test_user_lessons_dir_follows_the_environment_and_is_made_only_when_asked(monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYGROUND_LESSONS_DIR", str(tmp_path / "mine"))
    assert user_lessons_dir() == tmp_path / "mine" and not (tmp_path / "mine").exists()
    assert user_lessons_dir(create=True).is_dir()
    monkeypatch.delenv("PLAYGROUND_LESSONS_DIR")
    monkeypatch.setattr(L.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert user_lessons_dir() == tmp_path / "data" / "pytorch-playground" / "lessons"
    assert not (tmp_path / "data").exists()
    load_lessons()  # reading does not create it either
    assert not (tmp_path / "data").exists()
    monkeypatch.setattr(L.sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))
    assert user_lessons_dir() == tmp_path / "roaming" / "pytorch-playground" / "lessons"
    monkeypatch.setattr(L.sys, "platform", "darwin")
    monkeypatch.setattr(L.Path, "home", classmethod(lambda cls: tmp_path / "home"))
    assert user_lessons_dir() == tmp_path / "home" / "Library" / "Application Support" / "pytorch-playground" / "lessons"


def test_get_lesson_lists_the_names_for_an_unknown_one():
    with pytest.raises(ConfigError) as e:
        get_lesson("nope")
    assert e.value.field == "lesson"
    assert str(e.value) == f"lesson: unknown lesson 'nope'; available: {', '.join(STORY)}"


# -- goals ------------------------------------------------------------------------------------


def test_goal_describe_in_both_languages():
    g = Goal("test_accuracy", at_least=0.95, max_parameters=50)
    assert g.describe() == "test accuracy ≥ 95% with at most 50 parameters"
    assert g.describe("zh_CN") == "测试准确率 ≥ 95%，且参数不超过 50 个"
    g = Goal("test_loss", at_most=0.005, max_epochs=30)
    assert g.describe("en") == "test loss ≤ 0.005 within 30 epochs"
    assert g.describe("zh_CN") == "测试损失 ≤ 0.005，且训练不超过 30 轮"
    g = Goal("train_accuracy", at_least=0.875, max_parameters=6, max_epochs=10)
    assert g.describe() == "training accuracy ≥ 87.5% with at most 6 parameters, within 10 epochs"
    assert g.describe("zh_CN") == "训练准确率 ≥ 87.5%，且参数不超过 6 个，训练不超过 10 轮"
    assert Goal("train_loss", at_most=0.1).describe("zh") == "训练损失 ≤ 0.1"


def summary(**values):
    base = {"status": "completed", "epochs_run": 30, "test_accuracy": 0.97, "train_accuracy": 0.99,
            "test_loss": 0.1, "train_loss": 0.05}
    return {**base, **values}


def test_goal_check():
    g = Goal("test_accuracy", at_least=0.95, max_parameters=50, max_epochs=30)
    assert g.check(summary(), 42)
    assert g.check(summary(test_accuracy=0.949999988079071), 50)  # a float32 95%
    assert not g.check(summary(test_accuracy=0.94), 42)
    assert not g.check(summary(), 51)
    assert not g.check(summary(epochs_run=31), 42)
    assert not g.check(summary(status="diverged"), 42)
    assert not g.check(summary(test_accuracy=None), 42)
    loss = Goal("test_loss", at_most=0.02)
    assert loss.check(summary(test_loss=0.02), 10**6) and not loss.check(summary(test_loss=0.03), 1)
    assert not loss.check(summary(test_loss=float("nan")), 1)
    assert Goal("train_loss", at_most=0.1).check(summary(), 1)


def test_goal_result_text():
    g = Goal("test_accuracy", at_least=0.95, max_parameters=50)
    assert g.result_text(summary(test_accuracy=0.932), 42) == "test accuracy 93.2%, 42 parameters"
    assert g.result_text(summary(test_accuracy=0.932), 42, "zh_CN") == "测试准确率 93.2%，42 个参数"
    assert Goal("test_loss", at_most=0.1).result_text(summary(status="diverged", test_loss=None), 3) == \
        "test loss diverged"


@pytest.mark.parametrize("sizes", [(2, 2), (10, 5, 2), (2, 8, 2), (64, 32, 10), (2, 16, 16, 16, 2)])
def test_parameter_count_matches_a_real_mlp(sizes):
    model = MLP(sizes[0], tuple(sizes[1:-1]), sizes[-1], "relu")
    assert parameter_count(sizes) == sum(p.numel() for p in model.parameters())


def test_parameter_count_of_the_article_network():
    assert parameter_count([10, 5, 2]) == 67 and parameter_count([2, 2]) == 6 and parameter_count([]) == 0
