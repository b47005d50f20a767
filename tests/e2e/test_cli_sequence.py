"""Step 12 on the command line: --model rnn|gru|lstm|attention and --heads in `playground train` and
`playground graph`; the sequence presets; a bad value is one line naming the field, exit 2."""

import json

import pytest

from playground.cli import main


def summary(capsys) -> dict:
    out, _err = capsys.readouterr()
    return json.loads(out.strip().splitlines()[-1])


def test_train_a_gru_on_sine_with_json_and_exports(capsys, tmp_path):
    assert main(["train", "--model", "gru", "--dataset", "sine", "--layers", "8", "--optimizer", "adam", "--lr", "0.01",
                 "--samples", "300", "--epochs", "2", "--json", "--export", str(tmp_path / "run.json"),
                 "--export", str(tmp_path / "run.py"), "--export", str(tmp_path / "run.onnx")]) == 0
    result = summary(capsys)
    assert result["status"] == "completed" and result["epochs_run"] == 2 and result["test_accuracy"] is None
    config = json.loads((tmp_path / "run.json").read_text())
    assert (config["model"], config["dataset"], config["hidden"]) == ("gru", "sine", [8])
    assert "        self.rnn = nn.GRU(1, 8, num_layers=1, batch_first=True)" in (tmp_path / "run.py").read_text()
    assert (tmp_path / "run.onnx").stat().st_size > 0


@pytest.mark.parametrize("model", ["rnn", "lstm"])
def test_the_recurrent_families_train_on_pattern(capsys, model):
    assert main(["train", "--model", model, "--dataset", "pattern", "--layers", "8", "--samples", "200",
                 "--epochs", "1", "--json"]) == 0
    result = summary(capsys)
    assert result["status"] == "completed" and 0 <= result["test_accuracy"] <= 1


def test_train_attention_with_heads(capsys, tmp_path):
    assert main(["train", "--model", "attention", "--dataset", "reverse", "--layers", "16,16", "--heads", "4",
                 "--samples", "300", "--epochs", "1", "--json", "--export", str(tmp_path / "run.json")]) == 0
    assert summary(capsys)["status"] == "completed"
    config = json.loads((tmp_path / "run.json").read_text())
    assert (config["model"], config["heads"], config["hidden"]) == ("attention", 4, [16, 16])


def test_a_sequence_preset_trains_from_the_cli(capsys):
    assert main(["train", "--preset", "reverse-attention", "--epochs", "1", "--json"]) == 0
    result = summary(capsys)
    assert result["preset"] == "reverse-attention" and result["status"] == "completed"


def test_graph_of_a_recurrent_network(capsys, tmp_path):
    out = tmp_path / "g.json"
    assert main(["graph", "--model", "lstm", "--dataset", "sine", "--layers", "8", "--out", str(out)]) == 0
    assert "saved " in capsys.readouterr().err
    labels = {n["label"] for n in json.loads(out.read_text())["nodes"]}
    assert "input x: 20 time steps, one value each" in labels and "Linear fc1: x @ W.T + b" in labels


def test_graph_svg_of_attention(tmp_path):
    assert main(["graph", "--model", "attention", "--dataset", "reverse", "--out", str(tmp_path / "g.svg")]) == 0
    svg = (tmp_path / "g.svg").read_text()
    assert "Embedding" in svg and "block1" in svg


@pytest.mark.parametrize(("args", "line"), [
    (["--model", "attention", "--dataset", "reverse", "--layers", "8", "--heads", "3"],
     "playground: error: heads: 3 heads do not divide the width 8; the attention splits its width among its heads"),
    (["--model", "attention", "--dataset", "reverse", "--heads", "0"],
     "playground: error: heads: 0; allowed 1 to 8 attention heads"),
    (["--model", "attention", "--dataset", "reverse", "--heads", "x"],
     "playground train: error: argument --heads: invalid int value: 'x'"),
    (["--model", "lstm", "--dataset", "sine", "--layers", "8,4"],
     'playground: error: layers: the LSTM stacks 1 to 4 layers of one width: give e.g. "16" or "16, 16"'),
    (["--model", "gru", "--dataset", "circle"],
     "playground: error: model: the GRU learns from sequences; circle is not sequence data (use sine and pattern)"),
    (["--model", "attention", "--dataset", "sine"],
     "playground: error: model: the attention model learns from token sequences; sine is not a token task (use "
     "reverse and sort)"),
    (["--dataset", "sort"],
     "playground: error: model: sort is token sequences, one answer per position: use the attention model"),
    (["--preset", "xor", "--heads", "2"],  # an option the model does not use: said, not ignored
     "playground: error: heads: --heads is for --model attention; this run's model is mlp"),
    (["--preset", "sine-rnn", "--kernel-size", "3"],
     "playground: error: kernel_size: --kernel-size is for --model cnn; this run's model is rnn"),
    (["--preset", "reverse-attention", "--channels", "4,8"],
     "playground: error: channels: --channels is for --model cnn; this run's model is attention"),
])
def test_bad_sequence_options_are_one_line_with_exit_2(capsys, args, line):
    try:
        code = main(["train", *args, "--epochs", "1"])
    except SystemExit as e:  # argparse's own: a value that is not a number
        code = e.code
    assert code == 2
    assert capsys.readouterr().err == line + "\n"


def test_the_help_names_heads(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    assert "--heads N" in capsys.readouterr().out
