"""The ``.ipynb`` export: the standalone script (``io.script``) as a Jupyter notebook.

``notebook_for(trainer, lang)`` splits the script's text at its section comments into code cells
(imports and settings, the data, the network, the loop) with short markdown between them, in
English or Simplified Chinese; the last cell runs ``main()``, which prints the per-epoch losses the
playground showed. ``notebook_bytes`` is the writer ``io.export`` uses for ``.ipynb``.

The language: ``lang`` when given, else ``PLAYGROUND_LANG``, else the system's (LC_ALL, LC_MESSAGES,
LANG); anything starting with "zh" is Simplified Chinese, the rest English.
"""

from __future__ import annotations

import os
import re

import nbformat
from nbformat import v4

from playground.core.catalog import OPTIMIZERS
from playground.io.script import standalone_script

# The script's section comments (templates/script.py.tmpl and io.script's data parts).
_SETTINGS, _DATA, _NETWORK, _TRAINING = "# -- settings", "# -- the data", "# -- the network", "# -- training"

_TEXT = {
    "en": {
        "title": "# {title}\n\nA PyTorch Playground run as a notebook: plain PyTorch, no playground import. "
                 "Run all cells to remake the same data, network, optimizer and batch order from seed {seed} "
                 "and see the per-epoch losses the playground showed.\n\n"
                 "**Settings:** {settings}.",
        "imports": "## Imports and settings\n\nThe run's configuration, as constants the cells below use.",
        "data": "## The data\n\nThe points are remade from the seed exactly as the playground made them, "
                "then split into a training set and a test set.",
        "network": "## The network\n\n`Net` is an `nn.Module`: `__init__` creates the layers (their weights are "
                   "the parameters the optimizer changes), `forward` computes the output from the input. "
                   "Each call builds the computational graph that backpropagation walks back through.",
        "loop": "## The loop\n\nEach step of training takes one mini-batch through five stages:\n\n"
                "1. **forward**: `output = net(x)`: the network's prediction (and the graph behind it);\n"
                "2. **loss**: the loss function ({criterion}) measures how wrong the prediction is;\n"
                "3. **zero_grad**: `optimizer.zero_grad()` clears the gradients of the previous step "
                "(PyTorch adds them up otherwise);\n"
                "4. **backward**: `loss.backward()`: backpropagation computes the gradient of the loss "
                "for every weight;\n"
                "5. **step**: `optimizer.step()`: the optimizer ({optimizer}) moves each weight against "
                "its gradient, scaled by the learning rate ({lr}).\n\n"
                "After each epoch, `evaluate` measures the loss on the whole training and test sets.",
        "run": "## Run it\n\n`main()` trains and prints one line per epoch: the same losses the playground "
               "showed (on the CPU). It returns the trained network and every step's loss.",
        "notes": "**Notes:**",
    },
    "zh_CN": {
        "title": "# {title}\n\n把 PyTorch Playground 的一次训练导出为笔记本：纯 PyTorch 代码，不依赖 playground。"
                 "依次运行所有单元格，即可用种子 {seed} 重建相同的数据、网络、优化器和批次顺序，"
                 "并得到与 Playground 中显示的相同的每轮损失。\n\n"
                 "**设置：** {settings}。",
        "imports": "## 导入与设置\n\n本次训练的配置，写成常量供下面的单元格使用。",
        "data": "## 数据\n\n用同一个种子按 Playground 的方式重新生成数据点，再划分为训练集和测试集。",
        "network": "## 网络\n\n`Net` 是一个 `nn.Module`：`__init__` 创建各层（其权重就是优化器要调整的参数），"
                   "`forward` 根据输入计算输出。每次调用都会构建计算图，反向传播沿着它往回计算。",
        "loop": "## 训练循环\n\n每一步训练取一个小批量数据，经过五个阶段：\n\n"
                "1. **前向传播（forward）**：`output = net(x)`，得到网络的预测（以及背后的计算图）；\n"
                "2. **损失（loss）**：损失函数（{criterion}）衡量预测错得有多远；\n"
                "3. **梯度清零（zero_grad）**：`optimizer.zero_grad()` 清除上一步的梯度"
                "（否则 PyTorch 会把梯度累加起来）；\n"
                "4. **反向传播（backward）**：`loss.backward()` 计算损失对每个权重的梯度；\n"
                "5. **更新（step）**：`optimizer.step()`，优化器（{optimizer}）按学习率（{lr}）"
                "沿梯度的反方向调整每个权重。\n\n"
                "每轮结束后，`evaluate` 在整个训练集和测试集上计算损失。",
        "run": "## 运行\n\n`main()` 开始训练，并每轮打印一行：与 Playground 显示的损失相同（在 CPU 上）。"
               "它返回训练好的网络和每一步的损失。",
        "notes": "**说明：**",
    },
}


def notebook_language(lang: str | None = None) -> str:
    """"zh_CN" or "en": ``lang``, else PLAYGROUND_LANG, else the system's locale."""
    if not lang:
        lang = os.environ.get("PLAYGROUND_LANG") or next(
            (os.environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(n)), "en")
    return "zh_CN" if lang.replace("-", "_").lower().startswith("zh") else "en"


def _section(text: str, start: str, end: str | None) -> str:
    """The script's lines from the line starting with ``start`` up to the one starting with ``end``."""
    i = re.search(rf"^{re.escape(start)}", text, re.MULTILINE).start()
    j = re.search(rf"^{re.escape(end)}", text[i:], re.MULTILINE).start() + i if end else len(text)
    return text[i:j].strip()


def script_parts(source: str) -> dict[str, str]:
    """The standalone script's code in parts: imports, settings, data, network, loop (evaluate, the
    penalty and main); its docstring and ``if __name__ == "__main__"`` block are left out."""
    head = source[source.index('"""', 3) + 3:source.index(_SETTINGS)]
    network = _section(source, _NETWORK, _TRAINING)
    net, _, rest = network.partition("\n\n\ndef evaluate(")
    training = _section(source, _TRAINING, 'if __name__ == "__main__":')
    return {
        "imports": head.strip(),
        "settings": _section(source, _SETTINGS, _DATA),
        "data": _section(source, _DATA, _NETWORK),
        "network": net.strip(),
        "loop": (("def evaluate(" + rest.strip() + "\n\n\n") if rest else "") + training,
    }


def notebook_for(trainer, lang: str | None = None) -> nbformat.NotebookNode:
    """The run as a notebook: markdown, then code, for the imports, the data, the network and the loop;
    the last cell runs ``main()`` and prints the per-epoch losses."""
    text = _TEXT[notebook_language(lang)]
    source = standalone_script(trainer)
    parts = script_parts(source)
    c = trainer.config
    doc = source[3:source.index('"""', 3)]
    title = doc.split("\n", 1)[0].rstrip(".")
    notes = doc.split("\n\n")[2:-1]  # between the fixed first paragraph and the "Exported by" line
    settings = ", ".join(f"`{line.split('  #')[0]}`" for line in parts["settings"].splitlines()
                         if re.match(r"^[A-Z_]+ = ", line) and "(" not in line.split("=", 1)[1][:2])
    intro = text["title"].format(title=title, seed=c.seed, settings=settings)
    if notes:
        intro += "\n\n" + text["notes"] + "\n\n" + "\n".join(f"- {' '.join(n.split())}" for n in notes)
    intro += "\n\n" + doc.strip().splitlines()[-1]
    criterion = "MSELoss" if c.task == "regression" else "CrossEntropyLoss"
    loop = text["loop"].format(criterion=f"`nn.{criterion}`", optimizer=OPTIMIZERS[c.optimizer].label,
                               lr=f"`{trainer.learning_rates[0][1]!r}`")
    md, code = v4.new_markdown_cell, v4.new_code_cell
    nb = v4.new_notebook()
    nb.cells = [
        md(intro),
        md(text["imports"]), code(parts["imports"] + "\n\n" + parts["settings"]),
        md(text["data"]), code(parts["data"]),
        md(text["network"]), code(parts["network"]),
        md(loop), code(parts["loop"]),
        md(text["run"]), code("net, step_losses = main()"),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def notebook_bytes(trainer, lang: str | None = None) -> bytes:
    nb = notebook_for(trainer, lang)
    nbformat.validate(nb)
    return nbformat.writes(nb).encode("utf-8")


__all__ = ["notebook_bytes", "notebook_for", "notebook_language", "script_parts"]
