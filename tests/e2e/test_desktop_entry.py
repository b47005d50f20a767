"""`playground --install-desktop-entry` and `--uninstall-desktop-entry` (Linux), and `python -m playground`,
each in a fresh process as a user runs them, with XDG_DATA_HOME in the test's own folder."""

import os
import shutil
import subprocess
import sys

import pytest
from modules_probe import PROBE  # noqa: E402  (tests/e2e/modules_probe.py)

from playground import __version__, desktop

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop menus: Linux")


def _run(tmp_path, *args, probe=False):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "LC_ALL": "C.UTF-8",
           "PLAYGROUND_PROBE_OUT": str(tmp_path / "modules.json")}
    env.pop("LANG", None)
    command = [sys.executable, "-c", PROBE, *args] if probe else [sys.executable, "-m", "playground", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_python_m_playground_version(tmp_path):
    done = _run(tmp_path, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"playground {__version__}"


def test_install_writes_the_entry_and_the_icon_and_uninstall_removes_them(tmp_path):
    share = tmp_path / "share"
    done = _run(tmp_path, "--install-desktop-entry", probe=True)
    assert done.returncode == 0, done.stderr
    entry = share / "applications" / "pytorch-playground.desktop"
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / "pytorch-playground.svg"
    assert done.stdout.strip() == f"wrote {entry} and {icon}" and len(done.stdout.splitlines()) == 1
    assert (tmp_path / "modules.json").read_text() == "[]"  # no torch, no Qt
    assert icon.read_bytes() == desktop.icon_source().read_bytes()

    lines = entry.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys = dict(line.split("=", 1) for line in lines[1:] if line)
    assert keys["Type"] == "Application" and keys["Name"] == "PyTorch Playground" and keys["Comment"]
    assert keys["Icon"] == str(icon) and keys["Terminal"] == "false"
    assert keys["Categories"] == "Education;Science;"
    program = keys["Exec"].split(" ")[0].strip('"')
    assert os.path.isabs(program) and os.path.exists(program)
    assert keys["Exec"] in (f"{program} -m playground", program) or keys["Exec"].endswith(" -m playground")
    validate = shutil.which("desktop-file-validate")
    if validate:
        checked = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr

    again = _run(tmp_path, "--install-desktop-entry")  # installing twice replaces the files
    assert again.returncode == 0 and entry.is_file()

    removed = _run(tmp_path, "--uninstall-desktop-entry", probe=True)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.strip() == f"removed {entry} and {icon}"
    assert not entry.exists() and not icon.exists()
    assert (tmp_path / "modules.json").read_text() == "[]"

    nothing = _run(tmp_path, "--uninstall-desktop-entry")
    assert nothing.returncode == 0 and len(nothing.stdout.splitlines()) == 1 and "no desktop entry" in nothing.stdout


def test_the_exec_line_runs_this_python_when_there_is_no_playground_script(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "argv", ["-c"])
    monkeypatch.setattr(desktop.shutil, "which", lambda *a, **k: None)
    command = desktop.launch_command()
    assert command == [os.path.abspath(sys.executable), "-m", "playground"]
    text = desktop.entry_text(["/opt/my apps/python", "-m", "playground"], tmp_path / "i.svg")
    assert 'Exec="/opt/my apps/python" -m playground' in text.splitlines()


def test_off_linux_it_says_it_is_for_linux(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(desktop.sys, "platform", "win32")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop.install() == 2 and desktop.uninstall() == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("for Linux" in line for line in err)
    assert not any(tmp_path.iterdir())
