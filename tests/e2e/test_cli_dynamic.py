"""`--model` and `--dropout` on the command line: the dynamic model's graph differs from seed to seed,
runs and exports carry both settings, and bad values are one line with exit 2."""

import json
import subprocess
import sys

import pytest

from playground.cli import main
from playground.core.config import TrainConfig


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True,
                          timeout=timeout)


def fc3_passes(graph: dict) -> list[str]:
    return sorted(n["label"] for n in graph["nodes"] if n["op"] == "AddmmBackward0" and n["module"] == "fc3")


def test_graph_of_the_dynamic_model_differs_between_seeds_0_and_1(tmp_path):
    """The issue's check, as a user types it: seeds 0 and 1 draw 0 and 1 repeats on the first step."""
    graphs = []
    for seed in (0, 1):
        out = tmp_path / f"g{seed}.json"
        done = run_cli("graph", "--model", "dynamic", "--seed", str(seed), "--out", str(out))
        assert done.returncode == 0, done.stderr
        graphs.append(json.loads(out.read_text()))
    g0, g1 = graphs
    assert g0["structure_key"] != g1["structure_key"]
    assert fc3_passes(g0) == [] and fc3_passes(g1) == ["Linear fc3 (pass 1): x @ W.T + b"]
    assert len(g1["nodes"]) > len(g0["nodes"])


def test_graph_with_dropout_marks_the_masks(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert main(["graph", "--model", "dynamic", "--seed", "1", "--dropout", "0.1,0.3", "--out", str(out)]) == 0
    graph = json.loads(out.read_text())
    assert sorted(n["group"] for n in graph["nodes"] if n["label"] == "dropout mask") == ["fc1", "fc2"]
    assert "saved " in capsys.readouterr().err
    assert main(["graph", "--model", "dynamic", "--seed", "1", "--out", str(out)]) == 0
    assert not [n for n in json.loads(out.read_text())["nodes"] if n["label"] == "dropout mask"]


def test_train_with_model_and_dropout_exports_them(tmp_path, capsys):
    config_path, script = tmp_path / "run.json", tmp_path / "run.py"
    code = main(["train", "--preset", "moons", "--model", "dynamic", "--dropout", "0.2", "--epochs", "2",
                 "--json", "--export", str(config_path), "--export", str(script)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out.strip().splitlines()[-1])["epochs_run"] == 2
    config = TrainConfig.from_json(config_path.read_text())
    assert (config.model, config.dropout, config.hidden) == ("dynamic", 0.2, (8, 8))
    assert "# a different graph on every pass" in script.read_text()
    # the exported config runs again, and the flags override it (one rate per hidden layer)
    code = main(["train", "--config", str(config_path), "--dropout", "0.1, 0.3", "--model", "mlp", "--epochs", "1",
                 "--export", str(config_path)])
    assert code == 0, capsys.readouterr().err
    again = TrainConfig.from_json(config_path.read_text())
    assert (again.model, again.dropout) == ("mlp", (0.1, 0.3))


@pytest.mark.parametrize(("args", "message"), [
    (["--model", "loop"], "playground: error: model: unknown model 'loop'; allowed: mlp, dynamic"),
    (["--dropout", "1.5"], "playground: error: dropout: 1.5 is out of range; allowed 0 to 0.9"),
    (["--dropout", "-0.1"], "playground: error: dropout: -0.1 is out of range; allowed 0 to 0.9"),
    (["--dropout", "half"], "playground: error: dropout: 'half' is not a rate; write e.g. 0.2, or 0.1,0.3"),
    (["--dropout", "0.1,0.2,0.3"], "playground: error: dropout: 3 rates for 2 hidden layers"),
    (["--layers", "", "--model", "dynamic"], "playground: error: layers: the dynamic model needs at least one "
                                             "hidden layer"),
])
@pytest.mark.parametrize("command", ["train", "graph"])
def test_bad_model_and_dropout_values_are_one_line_and_exit_2(command, args, message, tmp_path, capsys):
    extra = ["--out", str(tmp_path / "g.json")] if command == "graph" else []
    assert main([command, "--preset", "moons", *args, *extra]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith(message), err
    assert not (tmp_path / "g.json").exists()


@pytest.mark.parametrize("command", ["train", "graph"])
def test_help_lists_the_model_families_from_the_catalog(command, capsys):
    with pytest.raises(SystemExit) as e:
        main([command, "--help", "--lang", "en"])
    assert e.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    from playground.cli_text import _one_of
    from playground.core import catalog

    assert f"--model MODEL model family: {_one_of(catalog.MODELS)} (dynamic:" in text
    assert _one_of(catalog.MODELS).startswith("mlp, dynamic, cnn") or _one_of(catalog.MODELS) == "mlp, dynamic or cnn"
    assert "--kernel-size K with --model cnn: the square kernels' size, 1, 3, 5 or 7" in text
    assert '--dropout RATE[,RATE...] dropout after each hidden layer while training, 0 to 0.9; "0.1,0.3"' in text
