"""Step 13: the .ipynb export. The standalone script's parts as notebook cells with markdown between
them (English or Chinese); executed headless with nbclient, it prints the per-epoch losses the run showed."""

import re

import nbformat
import numpy as np
import pytest

from playground.core.config import TrainConfig
from playground.core.presets import get_preset
from playground.core.records import DataTable
from playground.core.training import Trainer
from playground.io.export import FORMATS, export, export_format
from playground.io.notebook import notebook_for, notebook_language, script_parts
from playground.io.script import standalone_script

LINE = re.compile(r"^epoch\s+(\d+)\s+train loss (\S+)\s+test loss (\S+)", re.MULTILINE)
ORDER = ["markdown", "markdown", "code", "markdown", "code", "markdown", "code", "markdown", "code", "markdown",
         "code"]


def circle() -> Trainer:
    return Trainer(get_preset("circle").config.replace(samples=100, epochs=3), preset="circle")


def gru_sine() -> Trainer:
    return Trainer(TrainConfig(dataset="sine", model="gru", optimizer="adam", learning_rate=0.01, batch_size=32,
                               epochs=2, activation="relu", hidden=(8,), samples=120).validate())


def own_data() -> Trainer:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, 2)).astype(np.float32)
    tab = DataTable(x=x, y=(x[:, 0] > 0).astype(np.int64), task="classification", feature_names=("a", "b"),
                    class_names=("no", "yes"), train_mask=None, source="points.csv", label_name="y")
    config = get_preset("circle").config.replace(dataset="custom", classes=2, epochs=2, regularization="l2")
    return Trainer(config, table=tab)


def code_of(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("make", [circle, gru_sine, own_data])
def test_the_notebook_validates_and_holds_the_scripts_parts_in_order(make):
    trainer = make()
    nb = notebook_for(trainer, "en")
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ORDER
    heads = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown"]
    assert heads[1:] == ["## Imports and settings", "## The data", "## The network", "## The loop", "## Run it"]
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert "import torch" in code[0] and "SEED = " in code[0] and "LEARNING_RATE = " in code[0]
    assert "def make_data():" in code[1] and code[2].lstrip().splitlines()[1].startswith("class Net(nn.Module)")
    for stage in ("output = net(", "loss = criterion(", "optimizer.zero_grad()", "loss.backward()", "optimizer.step()"):
        assert stage in code[3]
    assert code[4] == "net, step_losses = main()"
    loop = nb.cells[7].source
    stages = [loop.index(f"**{s}**") for s in ("forward", "loss", "zero_grad", "backward", "step")]
    assert stages == sorted(stages)
    # every line of the script's code is in the notebook: nothing lost in the split
    parts = script_parts(standalone_script(trainer))
    assert all(part in code_of(nb) for part in parts.values())
    assert "__main__" not in code_of(nb) and '"""' + "Standalone" not in code_of(nb)


def test_chinese_markdown_follows_the_language(monkeypatch):
    trainer = circle()
    zh = notebook_for(trainer, "zh_CN")
    nbformat.validate(zh)
    text = "\n".join(c.source for c in zh.cells if c.cell_type == "markdown")
    for word in ("计算图", "反向传播", "梯度", "学习率", "损失函数", "优化器", "## 数据", "## 网络", "## 训练循环"):
        assert word in text, word
    assert code_of(zh) == code_of(notebook_for(trainer, "en"))  # the code stays as it is
    assert "The loop" not in text
    monkeypatch.setenv("PLAYGROUND_LANG", "zh_CN")
    assert notebook_language() == "zh_CN" and notebook_language("en") == "en"
    monkeypatch.setenv("PLAYGROUND_LANG", "en")
    assert notebook_language() == "en" and notebook_language("zh-Hans") == "zh_CN"


def test_ipynb_is_an_export_format(tmp_path):
    assert ".ipynb" in FORMATS and export_format("run.IPYNB") == ".ipynb"
    trainer = circle()
    trainer.run()
    path = export(trainer, tmp_path / "run.ipynb")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ORDER and nb.metadata.kernelspec.name == "python3"


def test_the_executed_notebook_prints_the_runs_per_epoch_losses(tmp_path):
    from nbclient import NotebookClient

    for make in (circle, gru_sine):
        trainer = make()
        trainer.run()
        nb = notebook_for(trainer, "en")
        NotebookClient(nb, kernel_name="python3", timeout=120,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
        out = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
        rows = LINE.findall(out)
        assert len(rows) == len(trainer.history) > 0, out
        for (epoch, train_loss, test_loss), m in zip(rows, trainer.history):
            assert int(epoch) == m.epoch
            assert float(train_loss) == pytest.approx(m.train_loss, abs=1e-6)
            assert float(test_loss) == pytest.approx(m.test_loss, abs=1e-6)


def test_the_export_command_carries_the_windows_language(tmp_path):
    import nbformat

    from playground.core.config import TrainConfig
    from playground.engine import protocol as p
    from playground.engine.engine import Engine

    events = []
    engine = Engine(events.append, probes={})
    engine.handle(p.SetConfig(TrainConfig(epochs=1, samples=40)))
    engine.handle(p.Export(str(tmp_path / "run.ipynb"), "zh_CN", seq=7))
    reply = next(e for e in events if isinstance(e, p.Reply) and e.in_reply_to == 7)
    assert reply.ok, reply.message
    nb = nbformat.read(str(tmp_path / "run.ipynb"), as_version=4)
    markdown = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "反向传播" in markdown
