"""Lessons: a story step a class works through, as one JSON file each in resources/lessons/.

A lesson is a title and a few paragraphs (English and Simplified Chinese), a start config, the
controls it locks or hides, and a goal the app checks after each run ("test accuracy >= 95% with
at most 50 parameters"). Teachers add their own from a folder: ``user_lessons_dir()`` (or
``PLAYGROUND_LESSONS_DIR``), or File > Open lesson. A bad file never stops the others from loading:
``load_lessons`` skips it and returns one line naming the file, the field and what is allowed.

The file format (every key but ``title``/``title_zh``, ``text``/``text_zh`` and ``config`` or
``preset`` may be left out; resources/lessons/README.md has an example)::

    {"name": "xor", "order": 3, "title": "...", "title_zh": "...",
     "text": ["paragraph", "paragraph with `code`"], "text_zh": [...],
     "preset": "xor",                      # optional: the config starts from this preset
     "config": {"dataset": "xor", "hidden": []},   # TrainConfig fields (over the preset's)
     "locked": ["dataset"], "hidden": ["device"],  # TrainConfig field names
     "goal": {"metric": "test_accuracy", "at_least": 0.95, "max_parameters": 50},
     "solution": {"hidden": [8]},         # the change that reaches the goal (the tests train it)
     "tool": "device-race"}               # optional: a hands-on tool under the text (TOOLS)
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground.core.config import ConfigError, TrainConfig

LESSON_KEYS = ("schema_version", "name", "order", "title", "title_zh", "text", "text_zh", "preset", "config",
               "locked", "hidden", "goal", "solution", "tool")
GOAL_KEYS = ("metric", "at_least", "at_most", "max_parameters", "max_epochs")
METRICS = ("test_accuracy", "train_accuracy", "test_loss", "train_loss")
SETTINGS = tuple(f.name for f in dataclasses.fields(TrainConfig))
# The hands-on tools a lesson may show under its text (the window knows how to build each one):
# "device-race": race the devices as the network widens, and the model/data device mistake.
TOOLS = ("device-race",)
SCHEMA_VERSION = 1
DEFAULT_ORDER = 1000  # a lesson without "order" comes after the built-ins
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
# An accuracy is a float32 mean: 19 of 20 right reads 0.949999988, which must count as 95%.
_SLACK = 1e-6

_METRIC_LABELS = {
    "en": {"test_accuracy": "test accuracy", "train_accuracy": "training accuracy", "test_loss": "test loss",
           "train_loss": "training loss"},
    "zh": {"test_accuracy": "测试准确率", "train_accuracy": "训练准确率", "test_loss": "测试损失",
           "train_loss": "训练损失"},
}


def is_chinese(lang: str | None) -> bool:
    """'zh_CN', 'zh-Hans', 'zh' -> True; 'en', None -> False."""
    return bool(lang) and lang.lower().replace("-", "_").startswith("zh")


def parameter_count(sizes: Iterable[int]) -> int:
    """Weights and biases of an MLP with these layer sizes, input to output: sum of in*out + out."""
    sizes = list(sizes)
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


@dataclass(frozen=True)
class Goal:
    """What the class should reach: one metric past a threshold, optionally with a budget."""

    metric: str  # one of METRICS
    at_least: float | None = None  # exactly one of at_least / at_most
    at_most: float | None = None
    max_parameters: int | None = None
    max_epochs: int | None = None  # the run may use at most this many epochs

    @property
    def threshold(self) -> float:
        return self.at_least if self.at_least is not None else self.at_most

    def describe(self, lang: str = "en") -> str:
        """"test accuracy ≥ 95% with at most 50 parameters" (or in Chinese for 'zh_CN')."""
        zh = is_chinese(lang)
        label = _METRIC_LABELS["zh" if zh else "en"][self.metric]
        sign = "≥" if self.at_least is not None else "≤"
        text = f"{label} {sign} {_format_value(self.metric, self.threshold)}"
        if zh:
            parts = []
            if self.max_parameters is not None:
                parts.append(f"参数不超过 {self.max_parameters} 个")
            if self.max_epochs is not None:
                parts.append(f"训练不超过 {self.max_epochs} 轮")
            return text + ("，且" + "，".join(parts) if parts else "")
        if self.max_parameters is not None:
            text += f" with at most {self.max_parameters} parameters"
        if self.max_epochs is not None:
            text += f"{',' if self.max_parameters is not None else ''} within {self.max_epochs} epochs"
        return text

    def check(self, summary: Mapping[str, Any], n_parameters: int) -> bool:
        """Whether a run's summary (``Summary.to_dict()``) on a network of this size reaches it.
        A diverged run never does."""
        if summary.get("status") == "diverged":
            return False
        value = summary.get(self.metric)
        if value is None or not math.isfinite(value):
            return False
        if self.at_least is not None and value < self.at_least - _SLACK:
            return False
        if self.at_most is not None and value > self.at_most + _SLACK:
            return False
        if self.max_parameters is not None and n_parameters > self.max_parameters:
            return False
        return self.max_epochs is None or summary.get("epochs_run", 0) <= self.max_epochs

    def result_text(self, summary: Mapping[str, Any], n_parameters: int, lang: str = "en") -> str:
        """What a run measured, in the goal's terms: "test accuracy 93.2%, 42 parameters"."""
        zh = is_chinese(lang)
        label = _METRIC_LABELS["zh" if zh else "en"][self.metric]
        value = summary.get(self.metric)
        if summary.get("status") == "diverged" or value is None:
            shown = "发散" if zh else "diverged"
        else:
            shown = _format_value(self.metric, value, digits=1)
        parts = [f"{label} {shown}"]
        if self.max_parameters is not None:
            parts.append(f"{n_parameters} 个参数" if zh else f"{n_parameters} parameters")
        if self.max_epochs is not None:
            epochs = summary.get("epochs_run", 0)
            parts.append(f"{epochs} 轮" if zh else f"{epochs} epochs")
        return ("，" if zh else ", ").join(parts)


def _format_value(metric: str, value: float, digits: int | None = None) -> str:
    if metric.endswith("accuracy"):
        if digits is not None:
            return f"{value * 100:.{digits}f}%"
        return f"{round(value * 100, 4):g}%"
    return f"{value:.4g}"


@dataclass(frozen=True)
class Lesson:
    name: str
    order: int
    title: str
    title_zh: str
    text: str  # paragraphs separated by blank lines; `code` in backticks, **bold**
    text_zh: str
    config: TrainConfig  # where the lesson starts
    preset: str | None = None  # the preset the config starts from, if any
    locked: tuple[str, ...] = ()  # TrainConfig fields the controls lock
    hidden: tuple[str, ...] = ()  # TrainConfig fields the controls hide
    goal: Goal | None = None
    solution: TrainConfig | None = None  # the config after the change the lesson asks for
    tool: str | None = None  # a hands-on tool under the text, one of TOOLS
    path: Path | None = field(default=None, compare=False)  # the file it came from

    def title_for(self, lang: str = "en") -> str:
        return self.title_zh if is_chinese(lang) else self.title

    def text_for(self, lang: str = "en") -> str:
        return self.text_zh if is_chinese(lang) else self.text

    def paragraphs(self, lang: str = "en") -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.text_for(lang)) if p.strip()]

    @property
    def solution_changes(self) -> dict[str, Any]:
        """The settings the solution changes, as {field: new value}."""
        if self.solution is None:
            return {}
        start, end = self.config.to_dict(), self.solution.to_dict()
        return {k: end[k] for k in end if end[k] != start[k]}


class LessonError(ConfigError):
    """A bad lesson file: ``str()`` is one line naming the file, the field and what is allowed."""

    def __init__(self, path: Path | str, field: str, message: str):
        super().__init__(field, message)
        self.path = Path(path)
        self.args = (f"{self.path}: {field}: {message}",)


# -- reading a file ---------------------------------------------------------------------------


def load_lesson_file(path: str | Path) -> Lesson:
    """Read and check one lesson file; raise LessonError (a ConfigError) naming file and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise LessonError(path, "file", f"cannot read it: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise LessonError(path, "file", "is not UTF-8 text; save it as UTF-8") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise LessonError(path, "file", f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    return lesson_from_dict(data, path)


def lesson_from_dict(data: Any, path: str | Path = "<lesson>") -> Lesson:
    path = Path(path)

    def fail(field_name: str, message: str):
        raise LessonError(path, field_name, message)

    if not isinstance(data, dict):
        fail("file", "must hold one JSON object {...}")
    unknown = sorted(set(data) - set(LESSON_KEYS))
    if unknown:
        fail(unknown[0], f"unknown key; allowed: {', '.join(LESSON_KEYS)}")
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        fail("schema_version", f"{version!r} is not supported; this version reads {SCHEMA_VERSION}")

    name = data.get("name", path.stem)
    if not isinstance(name, str) or not _NAME.match(name):
        fail("name", f"{name!r} is not a lesson name; use letters, digits, - and _ (e.g. \"my-xor\")")
    order = data.get("order", DEFAULT_ORDER)
    if isinstance(order, bool) or not isinstance(order, int):
        fail("order", f"{order!r} is not a whole number; lessons are listed by it, smallest first")

    title = _optional_text(data, "title", fail)
    title_zh = _optional_text(data, "title_zh", fail)
    if not (title or title_zh):
        fail("title", "missing; give a title (English) or title_zh (Chinese), or both")
    body = _optional_text(data, "text", fail, paragraphs=True)
    body_zh = _optional_text(data, "text_zh", fail, paragraphs=True)
    if not (body or body_zh):
        fail("text", "missing; give text (English) or text_zh (Chinese), or both: a list of paragraphs")

    preset = data.get("preset")
    config = _config(data, preset, fail)
    locked = _settings(data, "locked", fail)
    hidden = _settings(data, "hidden", fail)
    goal = _goal(data.get("goal"), config, fail)
    solution = _solution(data.get("solution"), config, locked + hidden, fail)
    tool = data.get("tool")
    if tool is not None and tool not in TOOLS:
        fail("tool", f"{tool!r} is not a tool; allowed: {', '.join(TOOLS)} (or leave it out)")
    return Lesson(name=name, order=order, title=title or title_zh, title_zh=title_zh or title,
                  text=body or body_zh, text_zh=body_zh or body, config=config, preset=preset,
                  locked=locked, hidden=hidden, goal=goal, solution=solution, tool=tool, path=path)


def _optional_text(data: dict, key: str, fail, paragraphs: bool = False) -> str:
    value = data.get(key, "")
    if paragraphs and isinstance(value, list) and all(isinstance(p, str) for p in value):
        value = "\n\n".join(p.strip() for p in value)
    if not isinstance(value, str):
        allowed = "a string or a list of strings (paragraphs)" if paragraphs else "a string"
        fail(key, f"{type(value).__name__} given; must be {allowed}")
    return value.strip()


def _config(data: dict, preset: Any, fail) -> TrainConfig:
    from playground.core.presets import load_presets

    values = data.get("config", {} if preset is not None else None)
    if values is None:
        fail("config", "missing; give a config object (TrainConfig fields, as in resources/presets) or a preset")
    if not isinstance(values, dict):
        fail("config", f"{type(values).__name__} given; must be an object of settings such as {{\"dataset\": \"xor\"}}")
    base: dict[str, Any] = {}
    if preset is not None:
        presets = load_presets()
        if preset not in presets:
            fail("preset", f"unknown preset {preset!r}; available: {', '.join(presets)}")
        base = presets[preset].config.to_dict()
    try:
        return TrainConfig.from_dict({**base, **values})
    except ConfigError as e:
        fail(f"config.{'hidden' if e.field == 'layers' else e.field}", e.message)
    except TypeError as e:  # a value TrainConfig cannot even hold (hidden: 8)
        fail("config", str(e))


def _settings(data: dict, key: str, fail) -> tuple[str, ...]:
    values = data.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        fail(key, f"must be a list of setting names, e.g. [\"dataset\", \"hidden\"]; allowed: {', '.join(SETTINGS)}")
    for v in values:
        if v not in SETTINGS:
            fail(key, f"unknown setting {v!r}; allowed: {', '.join(SETTINGS)}")
    return tuple(dict.fromkeys(values))


def _goal(goal: Any, config: TrainConfig, fail) -> Goal | None:
    if goal is None:
        return None
    if not isinstance(goal, dict):
        fail("goal", "must be an object such as {\"metric\": \"test_accuracy\", \"at_least\": 0.95}")
    unknown = sorted(set(goal) - set(GOAL_KEYS))
    if unknown:
        fail(f"goal.{unknown[0]}", f"unknown key; allowed: {', '.join(GOAL_KEYS)}")
    metric = goal.get("metric")
    if metric not in METRICS:
        fail("goal.metric", f"{metric!r} is not a metric; allowed: {', '.join(METRICS)}")
    if metric.endswith("accuracy") and config.task == "regression":
        fail("goal.metric", f"{config.dataset!r} is a regression dataset (no accuracy); use test_loss or train_loss")
    bounds = [k for k in ("at_least", "at_most") if goal.get(k) is not None]
    if len(bounds) != 1:
        fail("goal.at_least", "give exactly one of at_least or at_most (a number)")
    key = bounds[0]
    value = goal[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        fail(f"goal.{key}", f"{value!r} is not a number")
    if metric.endswith("accuracy") and not 0 <= value <= 1:
        fail(f"goal.{key}", f"{value:g} is out of range; an accuracy is 0 to 1 (0.95 is 95%)")
    if value < 0:
        fail(f"goal.{key}", f"{value:g} is out of range; a loss is 0 or more")
    budgets = {}
    for k in ("max_parameters", "max_epochs"):
        v = goal.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 1):
            fail(f"goal.{k}", f"{v!r} is not a whole number of 1 or more (or null for no limit)")
        budgets[k] = v
    return Goal(metric, **{key: float(value)}, **budgets)


def _solution(changes: Any, config: TrainConfig, fixed: tuple[str, ...], fail) -> TrainConfig | None:
    if changes is None:
        return None
    if not isinstance(changes, dict):
        fail("solution", "must be an object of setting changes such as {\"hidden\": [8]}")
    for k in changes:
        if k not in SETTINGS:
            fail(f"solution.{k}", f"unknown setting; allowed: {', '.join(SETTINGS)}")
        if k in fixed:
            fail(f"solution.{k}", "the lesson locks or hides this setting, so the class cannot change it")
    try:
        return TrainConfig.from_dict({**config.to_dict(), **changes})
    except ConfigError as e:
        fail(f"solution.{'hidden' if e.field == 'layers' else e.field}", e.message)


# -- finding lessons --------------------------------------------------------------------------


def builtin_lessons_dir() -> Path:
    from playground.core.presets import resources_dir

    return resources_dir() / "lessons"


def user_lessons_dir(create: bool = False) -> Path:
    """Where a teacher's own lessons live: $PLAYGROUND_LESSONS_DIR, else the platform's data folder
    + pytorch-playground/lessons. Made only when ``create`` is true."""
    env = os.environ.get("PLAYGROUND_LESSONS_DIR")
    if env:
        folder = Path(env).expanduser()
    else:
        if sys.platform.startswith("win"):
            base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Application Support"
        else:
            base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        folder = base / "pytorch-playground" / "lessons"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def load_lessons(extra_dirs: Iterable[str | Path] | None = None) -> tuple[dict[str, Lesson], list[str]]:
    """Built-in lessons, then the user lessons folder, then ``extra_dirs``; a later lesson with
    the same name replaces an earlier one. Returns the lessons by (order, name) and one line per
    file that was skipped."""
    found: dict[str, Lesson] = {}
    errors: list[str] = []
    folders = [builtin_lessons_dir(), user_lessons_dir(), *(Path(d) for d in extra_dirs or ())]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            try:
                lesson = load_lesson_file(path)
            except ConfigError as e:
                errors.append(str(e))
                continue
            found[lesson.name] = lesson
    ordered = sorted(found.values(), key=lambda lesson: (lesson.order, lesson.name))
    return {lesson.name: lesson for lesson in ordered}, errors


def get_lesson(name: str, extra_dirs: Iterable[str | Path] | None = None) -> Lesson:
    lessons, _ = load_lessons(extra_dirs)
    if name not in lessons:
        raise ConfigError("lesson", f"unknown lesson {name!r}; available: {', '.join(lessons)}")
    return lessons[name]


__all__ = ["Lesson", "Goal", "LessonError", "METRICS", "TOOLS", "parameter_count", "load_lesson_file",
           "lesson_from_dict", "load_lessons", "get_lesson", "user_lessons_dir", "builtin_lessons_dir", "is_chinese"]
