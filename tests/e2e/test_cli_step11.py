"""Step 11 on the command line: --features, --regularization, --samples, --data-seed, --classes and your
own data (--data FILE.csv, --no-standardize), in `playground train` and `playground graph`."""

import json
import subprocess
import sys

import pytest

from playground.cli import main


def summary(capsys) -> dict:
    out, _err = capsys.readouterr()
    return json.loads(out.strip().splitlines()[-1])


def test_the_circle_lesson_squared_features_and_no_hidden_layer_separate_it():
    """The classic lesson, end to end in a real process: x1^2 and x2^2 make the circle linearly separable."""
    done = subprocess.run([sys.executable, "-m", "playground", "train", "--dataset", "circle", "--features",
                           "x1^2,x2^2", "--layers", "", "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["status"] == "completed" and result["test_accuracy"] >= 0.95


@pytest.mark.parametrize("seed", [1, 7])
def test_the_circle_lesson_holds_for_other_seeds(capsys, seed):
    assert main(["train", "--dataset", "circle", "--features", "x1^2,x2^2", "--layers", "", "--json",
                 "--seed", str(seed)]) == 0
    assert summary(capsys)["test_accuracy"] >= 0.95


def test_regularization_classes_samples_and_data_seed_train(capsys, tmp_path):
    args = ["train", "--dataset", "spiral", "--classes", "4", "--samples", "120", "--data-seed", "9",
            "--features", "x1,x2,sin(x1),sin(x2)", "--regularization", "l2", "--regularization-rate", "0.01",
            "--epochs", "2", "--json", "--export", str(tmp_path / "run.json")]
    assert main(args) == 0
    assert summary(capsys)["status"] == "completed"
    config = json.loads((tmp_path / "run.json").read_text())
    assert (config["classes"], config["samples"], config["data_seed"], config["regularization"]) == (4, 120, 9, "l2")
    assert config["features"] == ["x1", "x2", "sin(x1)", "sin(x2)"] and config["regularization_rate"] == 0.01


def write_csv(path, rows=40):
    lines = ["a,b,label"] + [f"{i * 0.5},{(i % 7) - 3},{'yes' if i % 2 else 'no'}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_your_own_data_trains_and_exports_a_session_and_a_script(capsys, tmp_path):
    data = write_csv(tmp_path / "points.csv")
    assert main(["train", "--data", str(data), "--epochs", "2", "--json", "--export", str(tmp_path / "run.pgsession"),
                 "--export", str(tmp_path / "run.py"), "--export", str(tmp_path / "run.json")]) == 0
    assert summary(capsys)["status"] == "completed"
    config = json.loads((tmp_path / "run.json").read_text())
    assert (config["dataset"], config["classes"], config["data"], config["standardize"]) == (
        "custom", 2, str(data), True)
    assert "X_DATA = (" in (tmp_path / "run.py").read_text()
    from playground.io.session import load_session

    assert load_session(tmp_path / "run.pgsession").table.class_names == ("no", "yes")


def test_no_standardize_and_a_saved_config_naming_its_csv(capsys, tmp_path):
    data = write_csv(tmp_path / "points.csv")
    assert main(["train", "--data", str(data), "--no-standardize", "--epochs", "1", "--json",
                 "--export", str(tmp_path / "run.json")]) == 0
    summary(capsys)
    assert json.loads((tmp_path / "run.json").read_text())["standardize"] is False
    assert main(["train", "--config", str(tmp_path / "run.json"), "--epochs", "1", "--json"]) == 0  # reads the CSV
    assert summary(capsys)["status"] == "completed"


@pytest.mark.parametrize(("args", "fragment"), [
    (["--features", "x1,x3"], "features: unknown feature 'x3'"),
    (["--features", ","], "features: choose at least one"),
    (["--regularization", "l3"], "regularization"),
    (["--regularization", "l1", "--regularization-rate", "-1"], "regularization_rate"),
    (["--dataset", "gauss", "--classes", "9"], "classes"),
    (["--dataset", "circle", "--classes", "3"], "classes"),
    (["--data-seed", "-4"], "data_seed"),
    (["--samples", "3"], "samples"),
    (["--data", "BAD"], "bad.csv line 3, column 2"),
    (["--data", "MISSING"], "missing.csv"),
    (["--data", "GOOD", "--dataset", "xor"], "data: --data is your own data"),
    (["--data", "GOOD", "--features", "x1^2"], None),  # 2 columns: features are fine
    (["--data", "THREE", "--features", "x1^2"], "features"),
    (["--dataset", "custom"], "data: dataset custom is your own data: give its CSV file with --data"),
    (["--data", " "], "data: an empty path"),
])
@pytest.mark.parametrize("command", ["train", "graph"])
def test_bad_values_and_files_are_one_line_and_exit_2(capsys, tmp_path, command, args, fragment):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,a\n3,zz,b\n")
    three = tmp_path / "three.csv"
    three.write_text("a,b,c,label\n" + "".join(f"{i},{i + 1},{i * 2},{i % 2}\n" for i in range(10)))
    names = {"BAD": str(bad), "MISSING": str(tmp_path / "missing.csv"), "GOOD": str(write_csv(tmp_path / "g.csv")),
             "THREE": str(three)}
    args = [names.get(a, a) for a in args]
    tail = ["--epochs", "1"] if command == "train" else ["--out", str(tmp_path / "g.json")]
    code = main([command, *args, *tail])
    err = capsys.readouterr().err
    if fragment is None:
        assert code == 0, err
        return
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("playground: error: ") and fragment in lines[0], err
    assert "Traceback" not in err


def test_a_bad_file_in_a_real_process_has_no_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,a\n3,zz,b\n")
    done = subprocess.run([sys.executable, "-m", "playground", "train", "--data", str(bad)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "bad.csv line 3, column 2" in done.stderr


def test_the_graph_of_a_regularized_run_shows_the_penalty(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert main(["graph", "--features", "x1^2,x2^2,x1*x2", "--regularization", "l2", "--layers", "3",
                 "--out", str(out)]) == 0
    nodes = json.loads(out.read_text())["nodes"]
    ops = [n["op"] for n in nodes]
    labels = {n["label"] for n in nodes}
    assert ops.count("PowBackward0") == 2 and ops.count("SumBackward0") == 2
    assert "MulBackward0" in ops and ops.count("AddBackward0") == 2
    assert {"L2 fc1.weight: w^2", "L2 fc2.weight: w^2", "Penalty: total * rate", "Add: loss + penalty"} <= labels
    assert "input x: x₁², x₂², x₁x₂" in labels  # the network's inputs are the features
    assert not any(n["op"] == "mask" or n["label"].startswith("Dropout") for n in nodes)  # the rate is no mask
    assert all(n["group"] == "penalty" for n in nodes if n["op"] in ("PowBackward0", "SumBackward0"))

    assert main(["graph", "--regularization", "l1", "--layers", "", "--out", str(out)]) == 0
    nodes = json.loads(out.read_text())["nodes"]
    assert [n["label"] for n in nodes if n["op"] == "AbsBackward0"] == ["L1 fc1.weight: |w|"]
    assert main(["graph", "--layers", "3", "--out", str(out)]) == 0  # no regularization: no penalty
    assert not {"AbsBackward0", "PowBackward0", "AddBackward0"} & {n["op"] for n in json.loads(out.read_text())["nodes"]}


def test_graph_of_your_own_data(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert main(["graph", "--data", str(write_csv(tmp_path / "p.csv")), "--layers", "4", "--out", str(out)]) == 0
    assert any(n["op"] == "loss" for n in json.loads(out.read_text())["nodes"])


def test_help_lists_the_new_options(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    for option in ("--features", "--regularization", "--regularization-rate", "--samples", "--data-seed",
                   "--classes", "--data", "--no-standardize"):
        assert option in out
