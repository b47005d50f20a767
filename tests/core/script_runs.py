"""Run exported ``.py`` scripts in one fresh process and check that each reproduces its run: the
per-epoch train and test losses it prints and every step's loss main() returns, to 1e-6."""

import json
import re
import subprocess
import sys
import textwrap

import pytest

from playground.io.export import export

LINE = re.compile(r"^epoch\s+(\d+)\s+train loss (\S+)\s+test loss (\S+)", re.MULTILINE)


def assert_scripts_reproduce(tmp_path, trainers: dict, epochs: int, load_weights: bool = False) -> None:
    """``trainers``: name -> the Trainer whose script is ``tmp_path / name.py``. With ``load_weights``
    each script's Net also loads the playground's exported weights (the same parameter names)."""
    load = ""
    if load_weights:
        load = ('    net.load_state_dict(load_file(name + ".safetensors"))  # the playground\'s weights\n')
        for name, trainer in trainers.items():
            export(trainer, tmp_path / f"{name}.safetensors")
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(f"""\
        import json, runpy
        from safetensors.torch import load_file
        for name in {list(trainers)!r}:
            print("== " + name, flush=True)
            net, step_losses = runpy.run_path(name + ".py")["main"]()
        """) + load + '    print("steps " + json.dumps(step_losses), flush=True)\n')
    done = subprocess.run([sys.executable, str(driver)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    outputs = dict(re.findall(r"^== (\S+)\n(.*?)(?=^== |\Z)", done.stdout, re.MULTILINE | re.DOTALL))
    for name, trainer in trainers.items():
        rows = LINE.findall(outputs[name])
        assert len(rows) == len(trainer.history) == epochs, name
        for (_epoch, train_loss, test_loss), m in zip(rows, trainer.history):
            assert float(train_loss) == pytest.approx(m.train_loss, abs=1e-6), name
            assert float(test_loss) == pytest.approx(m.test_loss, abs=1e-6), name
        steps = json.loads(re.search(r"^steps (.*)$", outputs[name], re.MULTILINE).group(1))
        assert steps == pytest.approx(trainer.step_losses.tolist(), abs=1e-6), name
