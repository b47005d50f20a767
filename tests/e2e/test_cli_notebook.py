"""Step 13: ``playground train --export run.ipynb`` writes the run as a notebook that executes headless
and ends on the losses the CLI reported."""

import json
import os
import re
import subprocess
import sys

import nbformat
import pytest

LINE = re.compile(r"^epoch\s+(\d+)\s+train loss (\S+)\s+test loss (\S+)", re.MULTILINE)


def test_train_exports_a_notebook_that_runs_to_the_same_losses(tmp_path):
    from nbclient import NotebookClient

    out = tmp_path / "out.ipynb"
    env = {**os.environ, "PLAYGROUND_LANG": "zh_CN"}  # the notebook's markdown language
    done = subprocess.run([sys.executable, "-m", "playground", "train", "--preset", "xor", "--epochs", "3", "--json",
                           "--export", str(out)], capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    nb = nbformat.read(out, as_version=4)
    nbformat.validate(nb)
    assert "反向传播" in "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    rows = LINE.findall(text)
    assert [int(r[0]) for r in rows] == [1, 2, 3], text
    assert float(rows[-1][1]) == pytest.approx(summary["train_loss"], abs=1e-6)
    assert float(rows[-1][2]) == pytest.approx(summary["test_loss"], abs=1e-6)
