"""`playground lessons` and `playground --lesson NAME`."""

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from playground.cli import main
from playground.core.config import TrainConfig
from playground.core.lessons import load_lessons

FIRST = ["tensors-autograd", "article-network", "xor"]


@pytest.fixture(autouse=True)
def user_folder(tmp_path, monkeypatch):
    folder = tmp_path / "lessons"
    monkeypatch.setenv("PLAYGROUND_LESSONS_DIR", str(folder))
    return folder


def test_lessons_prints_name_and_title_in_order(capsys):
    assert main(["lessons"]) == 0
    out, err = capsys.readouterr()
    lessons = load_lessons()[0]
    lines = out.splitlines()
    assert len(lines) == len(lessons) >= 12 and err == ""
    assert [line.split()[0] for line in lines] == list(lessons)
    assert lines[2] == "xor" + " " * (len("vanishing-gradients") - 3) + "  A straight line cannot solve XOR"


def test_lessons_json_one_object_per_line_in_a_real_process(user_folder):
    r = subprocess.run([sys.executable, "-m", "playground", "lessons", "--json"], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "PLAYGROUND_LESSONS_DIR": str(user_folder)})
    assert r.returncode == 0 and r.stderr == ""
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["name"] for row in rows][:3] == FIRST and len(rows) >= 12
    assert all(set(row) == {"name", "title", "title_zh"} for row in rows)
    assert rows[0] == {"name": "tensors-autograd", "title": "Tensors and autograd", "title_zh": "张量与自动求导"}


def test_a_bad_user_lesson_is_named_on_stderr_and_the_good_ones_listed(user_folder, capsys):
    user_folder.mkdir()
    (user_folder / "ours.json").write_text(json.dumps({"title": "Ours", "text": "x", "config": {}}), encoding="utf-8")
    bad = user_folder / "broken.json"
    bad.write_text(json.dumps({"title": "B", "text": "x", "config": {}, "locked": ["speed"]}), encoding="utf-8")
    assert main(["lessons", "--json"]) == 0
    out, err = capsys.readouterr()
    names = [json.loads(line)["name"] for line in out.splitlines()]
    assert names[:3] == FIRST and names[-1] == "ours" and "broken" not in names
    settings = ", ".join(f.name for f in dataclasses.fields(TrainConfig))  # every setting, in the config's order
    assert err.splitlines() == [f"playground: skipped lesson: {bad}: locked: unknown setting 'speed'; allowed: {settings}"]
    assert settings.startswith("dataset, noise, train_fraction, samples, ") and "regularization_rate" in settings


def test_an_unknown_lesson_exits_2_with_one_line_listing_them(capsys, monkeypatch):
    import playground.app

    monkeypatch.setattr(playground.app, "main", lambda **kw: pytest.fail("the window must not open"))
    assert main(["--lesson", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("playground: error: lesson: unknown lesson 'nope'; available: tensors-autograd, "
                          "article-network, xor, ")


def test_a_lesson_name_reaches_the_window(monkeypatch):
    import playground.app

    seen = {}
    monkeypatch.setattr(playground.app, "main", lambda **kw: seen.update(kw) or 0)
    assert main(["--lesson", "xor"]) == 0
    assert seen["lesson"] == "xor" and seen["preset"] is None
