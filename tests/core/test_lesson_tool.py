"""A lesson's optional hands-on tool: the "tool" key of the lesson format."""

import json

import pytest

from playground.core.lessons import TOOLS, LessonError, get_lesson, lesson_from_dict, load_lesson_file

MINIMAL = {"name": "mine", "title": "Mine", "text": ["One paragraph."], "config": {"dataset": "xor"}}


@pytest.fixture(autouse=True)
def no_user_lessons(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_LESSONS_DIR", str(tmp_path / "none"))


def test_the_device_lesson_shows_the_device_race():
    assert TOOLS == ("device-race",)
    assert get_lesson("device").tool == "device-race"
    assert get_lesson("xor").tool is None
    assert lesson_from_dict(MINIMAL).tool is None
    assert lesson_from_dict({**MINIMAL, "tool": "device-race"}).tool == "device-race"


@pytest.mark.parametrize("tool", ["race", 3, ["device-race"]])
def test_an_unknown_tool_names_the_field_and_what_is_allowed(tmp_path, tool):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**MINIMAL, "tool": tool}), encoding="utf-8")
    with pytest.raises(LessonError) as e:
        load_lesson_file(path)
    assert e.value.field == "tool"
    assert str(e.value) == f"{path}: tool: {tool!r} is not a tool; allowed: device-race (or leave it out)"
