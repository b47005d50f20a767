"""Commands that need no torch never import it (issue 14): `playground presets`, `lessons`, `--version`
and every `--help` answer in a tenth of a second, not the second and a half that importing torch costs.

Each command runs in a fresh process, as `python -m playground` runs it, and reports at exit which of
torch and Qt it imported; its output must be what the same command prints in this process, where
torch is loaded. How fast they are is measured by benchmarks/bench_startup.py, not asserted here.
"""

import json
import os
import subprocess
import sys

import pytest
from modules_probe import PROBE  # noqa: E402  (tests/e2e/modules_probe.py)

from playground import __version__
from playground.cli import main

COMMANDS = [
    ["presets"],
    ["lessons"],
    ["lessons", "--json"],
    ["--version"],
    ["--help"],
    ["presets", "--help"],
    ["lessons", "--help"],
    ["train", "--help"],
    ["graph", "--help"],
    ["--lang", "zh_CN", "--help"],
    ["train", "--help", "--lang", "zh_CN"],
    ["--lesson", "no-such-lesson"],  # an unknown lesson: one line listing them, before any window (or torch)
]


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_MESSAGES")}
    return {**env, "LC_ALL": "C.UTF-8", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8",
            "PLAYGROUND_PROBE_OUT": str(tmp_path / "modules.json")}


def _fresh_process(args, tmp_path):
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=_env(tmp_path), capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    return done, json.loads((tmp_path / "modules.json").read_text())


def _in_this_process(args, monkeypatch, capsys):
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")
    try:
        code = main(args)
    except SystemExit as e:  # --help, --version
        code = e.code
    out, err = capsys.readouterr()
    return code or 0, out, err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_command_that_trains_nothing_imports_no_torch_and_prints_the_same(args, tmp_path, monkeypatch, capsys):
    done, imported = _fresh_process(args, tmp_path)
    assert "torch" not in imported and "numpy" not in imported, done.stderr
    if "zh_CN" not in args:  # English never loads Qt; Chinese loads QtCore for the translation only
        assert "PySide6" not in imported
    assert "Traceback" not in done.stderr
    assert (done.returncode, done.stdout, done.stderr) == _in_this_process(args, monkeypatch, capsys)
    assert done.stdout or done.stderr


def test_the_lists_are_complete_without_torch(tmp_path):
    from playground.core.lessons import load_lessons
    from playground.core.presets import load_presets

    presets, _ = _fresh_process(["presets"], tmp_path)
    assert [line.split()[0] for line in presets.stdout.splitlines()] == list(load_presets())
    lessons, _ = _fresh_process(["lessons", "--json"], tmp_path)
    assert [json.loads(line)["name"] for line in lessons.stdout.splitlines()] == list(load_lessons()[0])


def test_help_lists_the_catalog_without_torch(tmp_path):
    from playground.core import catalog

    done, imported = _fresh_process(["train", "--help"], tmp_path)
    assert imported == []
    text = " ".join(done.stdout.split())
    for names in (catalog.ACTIVATIONS, catalog.OPTIMIZERS, catalog.MODELS):
        *first, last = names
        assert f"{', '.join(first)} or {last}" in text


def test_python_dash_m_playground_version():
    done = subprocess.run([sys.executable, "-m", "playground", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"playground {__version__}\n", "")


def test_a_command_that_trains_still_imports_torch(tmp_path):
    """The other side: torch is imported inside the commands that use it, and they still work."""
    done, imported = _fresh_process(["graph", "--preset", "xor", "--out", str(tmp_path / "g.json")], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "torch" in imported and (tmp_path / "g.json").exists()
