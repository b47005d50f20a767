"""Step 12 on the command line: --model cnn, --channels and --kernel-size in `playground train` and
`playground graph`; a bad value is one line naming the field, exit 2."""

import json

import pytest

from playground.cli import main


def summary(capsys) -> dict:
    out, _err = capsys.readouterr()
    return json.loads(out.strip().splitlines()[-1])


def test_train_a_cnn_on_digits_with_json_and_exports(capsys, tmp_path):
    assert main(["train", "--model", "cnn", "--dataset", "digits", "--channels", "4,8", "--kernel-size", "5",
                 "--layers", "", "--optimizer", "adam", "--lr", "0.01", "--epochs", "2", "--json",
                 "--export", str(tmp_path / "run.json"), "--export", str(tmp_path / "run.py")]) == 0
    result = summary(capsys)
    assert result["status"] == "completed" and result["epochs_run"] == 2 and result["test_accuracy"] > 0.5
    config = json.loads((tmp_path / "run.json").read_text())
    assert (config["model"], config["channels"], config["kernel_size"], config["hidden"]) == ("cnn", [4, 8], 5, [])
    assert "        self.conv1 = nn.Conv2d(1, 4, 5, padding=2)" in (tmp_path / "run.py").read_text()


def test_the_default_cnn_trains_on_digits(capsys):
    assert main(["train", "--model", "cnn", "--dataset", "digits", "--epochs", "1", "--json"]) == 0
    assert summary(capsys)["status"] == "completed"


def test_graph_of_a_cnn(capsys, tmp_path):
    out = tmp_path / "g.json"
    assert main(["graph", "--model", "cnn", "--dataset", "shapes", "--samples", "60", "--channels", "4",
                 "--out", str(out)]) == 0
    assert "saved " in capsys.readouterr().err
    labels = {n["label"] for n in json.loads(out.read_text())["nodes"]}
    assert "Conv2d conv1: 3x3 kernels, 1\u21924 channels" in labels and "input x: 16x16 pictures" in labels


def test_graph_svg_of_a_cnn(tmp_path):
    assert main(["graph", "--model", "cnn", "--dataset", "digits", "--out", str(tmp_path / "g.svg")]) == 0
    assert "Conv2d" in (tmp_path / "g.svg").read_text()


@pytest.mark.parametrize(("args", "line"), [
    (["--channels", "8,x"], "playground: error: channels: '8,x' is not a list of whole numbers; write e.g. \"8, 16\""),
    (["--channels", "8,0"], "playground: error: channels: a layer of 0 channels; allowed 1 to 64"),
    (["--channels", ""], "playground: error: channels: give 1 to 4 convolution layers' channel counts, e.g. \"8, 16\""),
    (["--kernel-size", "4"], "playground: error: kernel_size: 4; allowed 1, 3, 5, 7"),
    (["--kernel-size", "x"], "playground train: error: argument --kernel-size: invalid int value: 'x'"),
])
def test_bad_cnn_options_are_one_line_with_exit_2(capsys, args, line):
    try:
        code = main(["train", "--model", "cnn", "--dataset", "digits", *args, "--epochs", "1"])
    except SystemExit as e:  # argparse's own: a value that is not a number
        code = e.code
    assert code == 2
    assert capsys.readouterr().err == line + "\n"


def test_a_cnn_on_points_is_one_line_naming_the_model(capsys):
    assert main(["train", "--model", "cnn", "--dataset", "circle", "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("playground: error: model: the CNN learns from pictures; circle is not ")
    assert err.endswith(" (use digits and shapes)\n") and err.count("\n") == 1
