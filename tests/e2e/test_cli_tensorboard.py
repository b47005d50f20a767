"""`playground train --tensorboard DIR`: one run folder that TensorBoard's own reader finds complete."""

import sys
from types import SimpleNamespace

import pytest

pytest.importorskip("tensorboard")

from tensorboard.backend.event_processing.event_accumulator import (  # noqa: E402
    COMPRESSED_HISTOGRAMS,
    GRAPH,
    HISTOGRAMS,
    IMAGES,
    SCALARS,
    TENSORS,
    EventAccumulator,
)

from playground.cli import main  # noqa: E402

EVERYTHING = {SCALARS: 0, HISTOGRAMS: 0, COMPRESSED_HISTOGRAMS: 0, IMAGES: 0, TENSORS: 0, GRAPH: 0}
SCALAR_TAGS = ["loss/train", "loss/test", "accuracy/train", "accuracy/test", "learning_rate"]


def test_train_writes_a_run_tensorboard_reads(tmp_path, capsys):
    root = tmp_path / "runs"
    assert main(["train", "--preset", "xor", "--epochs", "3", "--tensorboard", str(root)]) == 0
    (run,) = root.iterdir()  # one run, one folder
    assert run.name.endswith("-xor")
    assert f"tensorboard: writing {run}" in capsys.readouterr().err

    acc = EventAccumulator(str(run), size_guidance=EVERYTHING)
    acc.Reload()
    tags = acc.Tags()
    for tag in SCALAR_TAGS:
        assert [e.step for e in acc.Scalars(tag)] == [1, 2, 3], tag
    assert acc.Scalars("learning_rate")[0].value > 0
    assert {"weights/fc1.weight", "gradients/fc1.weight"} <= set(tags[HISTOGRAMS])
    assert [e.step for e in acc.Histograms("gradients/fc1.weight")] == [1, 2, 3]
    assert tags[GRAPH] and acc.Graph().node  # the model graph
    hparams = acc.PluginTagToContent("hparams")
    assert {"_hparams_/experiment", "_hparams_/session_start_info", "_hparams_/session_end_info"} <= set(hparams)
    start = hparams["_hparams_/session_start_info"]
    assert b"learning_rate" in start and b"xor" in start
    assert "hparam/test_loss" in tags[SCALARS]

    # a second run: a folder of its own beside the first
    assert main(["train", "--preset", "xor", "--epochs", "1", "--tensorboard", str(root)]) == 0
    assert len(list(root.iterdir())) == 2


def test_missing_tensorboard_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tensorboard", None)  # `import tensorboard` raises ImportError
    assert main(["train", "--preset", "xor", "--epochs", "1", "--tensorboard", str(tmp_path / "runs")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == 'tensorboard: not installed; pip install "pytorch-playground[tensorboard]"'
    assert not (tmp_path / "runs").exists()


def test_a_model_that_cannot_be_traced_is_one_line_not_a_crash(tmp_path, capsys):
    import torch

    from playground.core.config import TrainConfig
    from playground.io.tensorboard_log import TensorBoardLog

    class Untraceable(torch.nn.Module):
        def forward(self, x):
            raise RuntimeError("cannot trace this\nsecond line")

    trainer = SimpleNamespace(model=Untraceable(), x_train=torch.zeros(4, 2), config=TrainConfig())
    log = TensorBoardLog(tmp_path, TrainConfig(), "custom")
    log.graph(trainer)
    log.close()
    err = capsys.readouterr().err
    assert err == "tensorboard: no model graph (RuntimeError: cannot trace this)\n"
    (run,) = tmp_path.iterdir()
    acc = EventAccumulator(str(run), size_guidance=EVERYTHING)
    acc.Reload()
    assert "_hparams_/experiment" in acc.PluginTagToContent("hparams")
