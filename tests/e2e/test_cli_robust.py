"""Bad input on the command line (issue 13): one line on stderr naming the file or field and what is
allowed, exit 2; Ctrl-C exits 130. Never a traceback, a hang or a crash."""

import errno
import os
import signal
import subprocess
import sys
import time

import pytest

from playground.cli import main


def error_lines(err: str) -> list[str]:
    """stderr without the C libraries' own chatter (Graphviz's Fontconfig, Qt's offscreen plugin)."""
    return [line for line in err.splitlines()
            if line.strip() and not line.startswith(("Fontconfig", "This plugin does not support"))]


def one_error_line(err: str) -> str:
    lines = error_lines(err)
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def run_cli(*args, timeout=60, env=None):
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


# -- 1. config files that are not text, not JSON a config can hold ----------------------------


@pytest.mark.parametrize("name, data", [
    ("binary.json", bytes(range(256)) * 4),
    ("picture.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xfe"),
    ("run.pgsession", b"\xff\xfe not a session \x00\x01"),
    ("long.json", b'{"epochs": ' + b"7" * 5000 + b"}"),
    ("deep.json", b"[" * 200_000 + b"]" * 200_000),
])
def test_a_config_that_cannot_be_read_is_one_line_naming_the_file(tmp_path, capsys, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["train", "--config", str(path), "--epochs", "1"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith("playground: error: ") and name in line


# -- 2. export paths are checked before training ------------------------------------------------


def test_an_empty_export_path_is_refused_before_training(capsys):
    assert main(["train", "--preset", "xor", "--epochs", "1", "--export", ""]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "export" in line and "empty" in line


def test_an_export_into_a_missing_folder_is_refused_before_training(tmp_path, capsys):
    target = tmp_path / "nodir" / "m.safetensors"
    assert main(["train", "--preset", "xor", "--epochs", "1", "--export", str(target)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert str(target) in line and "does not exist" in line


# -- 3. PLAYGROUND_THREADS ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "0", "-3", "2.5"])
def test_a_bad_thread_count_warns_once_and_uses_one_thread(monkeypatch, capsys, tmp_path, value):
    import torch

    from playground.core import devices

    monkeypatch.setenv("PLAYGROUND_THREADS", value)
    monkeypatch.setattr(devices, "_warned_threads", [])
    assert main(["presets"]) == 0  # runs no torch: no thread count, no warning (issue 14)
    assert capsys.readouterr().err == ""
    assert main(["graph", "--preset", "xor", "--out", str(tmp_path / "g.json")]) == 0
    lines = [line for line in error_lines(capsys.readouterr().err) if "PLAYGROUND_THREADS" in line]
    assert len(lines) == 1 and "1 or more" in lines[0]
    assert torch.get_num_threads() == 1
    assert os.environ["PLAYGROUND_THREADS"] == "1"  # the window's engine process does not warn again


# -- 4. --screenshot -----------------------------------------------------------------------------


def test_a_screenshot_into_a_missing_folder_is_refused_before_training(tmp_path, capsys):
    target = tmp_path / "nodir" / "s.png"
    assert main(["--screenshot", str(target)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert str(target) in line and "does not exist" in line
    assert not target.parent.exists()


@pytest.mark.parametrize("epochs", ["0", "-1"])
def test_a_screenshot_needs_at_least_one_epoch(tmp_path, capsys, epochs):
    assert main(["--screenshot", str(tmp_path / "s.png"), "--epochs", epochs]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "epochs" in line and "1 or more" in line
    assert not (tmp_path / "s.png").exists()


def test_a_screenshot_on_a_full_disk_says_so_and_leaves_no_file(tmp_path):
    out = tmp_path / "s.png"
    code = (
        "import errno, os, sys\n"
        "real = os.fsync\n"
        "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = full\n"
        "from playground.cli import main\n"
        f"sys.exit(main(['--screenshot', {str(out)!r}, '--preset', 'xor', '--epochs', '1']))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2, r.stderr
    line = one_error_line(r.stderr)
    assert str(out) in line and "the disk is full" in line and "saved" not in r.stderr
    assert list(tmp_path.iterdir()) == []


# -- 5. --layers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("layers", ["8,,8", "8,", ",8"])
def test_an_empty_layer_between_commas_is_an_error(capsys, layers):
    assert main(["train", "--preset", "xor", "--epochs", "1", "--layers", layers]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "layers" in line and repr(layers) in line


def test_no_hidden_layer_is_still_the_empty_string(capsys):
    assert main(["train", "--preset", "xor", "--epochs", "1", "--layers", "", "--json"]) == 0


# -- 6. graph --out: the message names the target the user gave --------------------------------


def test_graph_into_a_missing_folder_names_the_target(tmp_path, capsys):
    target = tmp_path / "nodir" / "g.svg"
    assert main(["graph", "--preset", "xor", "--out", str(target)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith("playground: error: out: ")
    assert f"cannot write {target}:" in line and "does not exist" in line and ".tmp" not in line


def test_graph_to_an_empty_path_names_the_option(capsys):
    assert main(["graph", "--preset", "xor", "--out", ""]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith("playground: error: out: an empty path") and ".svg" in line


def test_graph_onto_a_folder_names_the_target(tmp_path, capsys):
    target = tmp_path / "g.svg"
    target.mkdir()
    assert main(["graph", "--preset", "xor", "--out", str(target)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert f"cannot write {target}:" in line and "folder" in line and ".tmp" not in line
    assert [p.name for p in tmp_path.iterdir()] == ["g.svg"]


def test_graph_into_a_read_only_folder_names_the_target(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root ignores permissions: fail the move into place instead

            def refuse(src, dst):
                raise PermissionError(errno.EACCES, "Permission denied", str(src))

            monkeypatch.setattr(os, "replace", refuse)
        target = folder / "g.svg"
        assert main(["graph", "--preset", "xor", "--out", str(target)]) == 2
        line = one_error_line(capsys.readouterr().err)
        assert f"cannot write {target}: permission denied" in line and ".tmp" not in line
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_atomic_write_names_the_target_whatever_the_os_names(tmp_path, monkeypatch):
    from playground.io.atomic import ExportError, atomic_write

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device", str(src), None, str(dst))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ExportError) as e:
        atomic_write(tmp_path / "x.json", "{}")
    assert str(e.value) == f"export: cannot write {tmp_path / 'x.json'}: the disk is full"
    assert list(tmp_path.iterdir()) == []


# -- 9. --open with --screenshot: no modal box -------------------------------------------------


def test_a_bad_session_with_screenshot_is_one_line_not_a_box(tmp_path):
    session = tmp_path / "bad.pgsession"
    session.write_bytes(b"not a session at all")
    r = run_cli("--open", str(session), "--screenshot", str(tmp_path / "o.png"), timeout=60)
    assert r.returncode == 2
    line = one_error_line(r.stderr)
    assert str(session) in line
    assert not (tmp_path / "o.png").exists()


# -- 10. Ctrl-C -----------------------------------------------------------------------------------


def _start_training(*extra):
    return subprocess.Popen([sys.executable, "-m", "playground", "train", "--preset", "spiral", "--epochs",
                             "100000", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_quick_ctrl_c_never_deadlock():
    for _ in range(3):
        p = _start_training()
        try:
            assert "epoch" in p.stderr.readline()
            p.send_signal(signal.SIGINT)
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=30)
        finally:
            p.kill()
        assert p.returncode == 130, err
        assert "Traceback" not in err


def test_ctrl_c_before_training_starts_exits_130_without_a_traceback():
    p = _start_training()
    try:
        time.sleep(1.0)  # importing torch: no epoch yet
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
    finally:
        p.kill()
    assert p.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


@pytest.mark.parametrize("delay", [0.4, 0.55, 0.7, 0.85])
def test_ctrl_c_while_torch_loads_is_never_lost_and_never_a_traceback(delay):
    """torch's import can swallow a KeyboardInterrupt (the run went on, exit 0) or leave CPython
    killing the process with SIGINT at exit (-2): the CLI holds Ctrl-C back during the import."""
    p = subprocess.Popen([sys.executable, "-m", "playground", "train", "--preset", "xor", "--epochs", "5"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(delay)  # somewhere in the import of torch (about a second here)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
    finally:
        p.kill()
    assert p.returncode == 130, err
    assert error_lines(err)[-1] == "playground: interrupted" and "Traceback" not in err


def test_ctrl_c_during_an_export_exits_130_with_one_line(tmp_path, capsys, monkeypatch):
    from playground.io import export

    def interrupted(trainer, path, lang=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "export", interrupted)
    previous = signal.getsignal(signal.SIGINT)
    assert main(["train", "--preset", "xor", "--epochs", "1", "--export", str(tmp_path / "m.onnx")]) == 130
    err = capsys.readouterr().err
    assert error_lines(err)[-1] == "playground: interrupted" and "Traceback" not in err
    assert signal.getsignal(signal.SIGINT) is previous
    assert list(tmp_path.iterdir()) == []


# -- 16. the X libraries Qt needs --------------------------------------------------------------


def test_missing_x_libraries_are_named_with_the_apt_get_command(monkeypatch, capsys):
    import ctypes.util

    from playground import app

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if "cursor" in name or "icccm" in name
                        else f"lib{name}.so")

    def cdll(name):  # this machine may lack any of them: these two are missing, the others load
        if "cursor" in name or "icccm" in name:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    assert "libxcb-cursor" in app.missing_xcb_libraries()
    assert app.main() == 2
    line = one_error_line(capsys.readouterr().err)
    assert "libxcb-cursor" in line and "libxcb-icccm" in line and "apt-get install" in line
    assert "libxcb-cursor0" in line


def test_no_x_library_check_offscreen_or_without_a_display(monkeypatch):
    import ctypes.util

    from playground import app

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(ctypes, "CDLL", lambda name: (_ for _ in ()).throw(OSError(name)))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_xcb_libraries() == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("DISPLAY")
    assert app.missing_xcb_libraries() == []


def test_a_session_the_window_refuses_with_screenshot_is_one_line_not_a_box(tmp_path):
    session = tmp_path / "bad.pgsession"
    session.write_bytes(b"not a session at all")
    code = (  # past the check before the window: the window's own refusal must not be a modal box either
        "import sys\n"
        "from playground import app\n"
        "app.session_problem = lambda path: None\n"
        "from playground.cli import main\n"
        f"sys.exit(main(['--open', {str(session)!r}, '--screenshot', {str(tmp_path / 'o.png')!r}]))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2, r.stderr
    assert str(session) in one_error_line(r.stderr)
    assert not (tmp_path / "o.png").exists()
