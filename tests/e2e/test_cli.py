import json
import os
import signal
import subprocess
import sys

import pytest

from playground import __version__
from playground.cli import main


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=timeout)


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_presets_one_line_each(capsys):
    assert main(["presets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split()[0] for line in lines]
    assert {"xor", "circle", "gauss", "spiral", "moons", "plane", "digits", "seed-example"} <= set(names)
    assert all(len(line.split(None, 1)) == 2 for line in lines)


def test_train_json_summary_is_the_last_stdout_line(capsys):
    assert main(["train", "--preset", "xor", "--epochs", "3", "--layers", "4", "--json"]) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out.strip().splitlines()[-1])
    assert set(summary) == {"status", "preset", "epochs_run", "steps", "train_loss", "test_loss", "train_accuracy",
                            "test_accuracy", "device", "seconds", "steps_per_second"}
    assert summary["status"] == "completed" and summary["preset"] == "xor" and summary["epochs_run"] == 3
    assert summary["device"] == "cpu" and 0 <= summary["test_accuracy"] <= 1
    assert "epoch 3/3" in err  # the progress bar


def test_regression_accuracy_is_null(capsys):
    assert main(["train", "--preset", "plane", "--epochs", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["test_accuracy"] is None


def test_options_override_the_preset_and_config_file_loads(tmp_path, capsys):
    from playground.core.config import TrainConfig

    path = tmp_path / "run.json"
    path.write_text(TrainConfig(dataset="gauss", epochs=2, hidden=(3,)).to_json())
    assert main(["train", "--config", str(path), "--epochs", "1", "--optimizer", "adam", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert summary["epochs_run"] == 1 and summary["preset"] is None


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--lr", "100"], "learning_rate: 100 is out of range; allowed 1e-05 to 10"),
        (["--layers", "8,x"], "layers"),
        (["--layers", ",".join(["8"] * 65)], "layers: 65 hidden layers given; allowed 0 to 64"),
        (["--layers", "4097"], "layers: a layer of 4097 neurons; allowed 1 to 4096 per layer"),
        (["--layers", ",".join(["4096"] * 8), "--optimizer", "adam"],
         "layers: 8 x 4096 neurons with Adam need about 4.7 GB; "),
        (["--activation", "swish"], "allowed: relu, tanh"),
        (["--preset", "nope"], "unknown preset 'nope'; available: xor"),
        (["--device", "cuda:9"], "device: 'cuda:9' is not present"),
        (["--epochs", "many"], "--epochs"),
        (["--config", "/no/such/file.json"], "cannot read"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, fragment):
    r = run_cli("train", *args)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]
    assert "Traceback" not in r.stderr


def test_64_hidden_layers_train():
    r = run_cli("train", "--layers", ",".join(["4"] * 64), "--epochs", "1", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[-1])["status"] == "completed"


def test_divergence_exits_3_and_suggests_a_lower_rate():
    r = run_cli("train", "--preset", "plane", "--lr", "10", "--layers", "8,8", "--activation", "relu", "--json")
    assert r.returncode == 3
    assert json.loads(r.stdout.splitlines()[-1])["status"] == "diverged"
    assert "lower learning rate" in r.stderr and "--lr 1" in r.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_cleanly_with_130_and_a_summary():
    p = subprocess.Popen([sys.executable, "-m", "playground", "train", "--preset", "spiral", "--epochs", "100000",
                          "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # wait for training to be under way: the progress bar prints after each epoch
    line = p.stderr.readline()
    assert "epoch" in line
    os.kill(p.pid, signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130
    assert json.loads(out.splitlines()[-1])["status"] == "stopped"
    assert "Traceback" not in err


def test_window_without_a_screen_says_so_instead_of_aborting():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "playground"], capture_output=True, text=True, timeout=120, env=env)
    if sys.platform.startswith("linux"):
        assert r.returncode == 2
        assert "no screen" in r.stderr and "playground train" in r.stderr
        assert "Traceback" not in r.stderr


def test_screenshot_trains_and_saves_a_png(tmp_path):
    out = tmp_path / "shot.png"
    r = run_cli("--screenshot", str(out), "--preset", "gauss", "--epochs", "2")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_screenshot_with_phases_shows_the_iteration_panel_at_that_phase(tmp_path):
    out = tmp_path / "phases.png"
    r = run_cli("--screenshot", str(out), "--preset", "xor", "--epochs", "1", "--phases", "4")
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)


@pytest.mark.parametrize("phases", ["6", "-1"])
def test_screenshot_phases_out_of_range_is_one_line_and_exit_2(phases):
    r = run_cli("--screenshot", "x.png", "--phases", phases)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        f"playground: error: phases: {phases} phases; allowed 0 to 5 (forward, loss, zero_grad, backward, step)"]
