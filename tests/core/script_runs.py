"""Run exported ``.py`` scripts in one fresh process and check that each reproduces its run: the
per-epoch train and test losses it prints and every step's loss main() returns, to 1e-6."""

import json
import re
import subprocess
import sys
import textwrap

import pytest

from playground.io.export import export


def write_scripts(tmp_path, runs: dict) -> tuple[dict, dict]:
    """Train each run to its end, named as a preset (``runs``: name -> TrainConfig, or (TrainConfig, DataTable)
    for your own data), and write its exported script to ``tmp_path / name.py``, which must import nothing of
    the playground. Returns (trainers, sources), by name."""
    from playground.core.training import Trainer
    from playground.io.script import standalone_script

    trainers, sources = {}, {}
    for name, run in runs.items():
        config, table = run if isinstance(run, tuple) else (run, None)
        trainer = Trainer(config, preset=name, table=table)
        trainer.run()
        source = standalone_script(trainer)
        assert "playground" not in re.findall(r"^(?:import|from) (\S+)", source, re.MULTILINE), name
        (tmp_path / f"{name}.py").write_text(source)
        trainers[name], sources[name] = trainer, source
    return trainers, sources


def onnx_session(trainer, path):
    """Export ``trainer`` to ONNX at ``path``, check the model and the config in its metadata; (proto, an
    onnxruntime session on the CPU)."""
    import onnx
    import onnxruntime as ort

    from playground.core.config import TrainConfig

    proto = onnx.load(str(export(trainer, path)))
    onnx.checker.check_model(proto)
    meta = {p.key: p.value for p in proto.metadata_props}
    assert TrainConfig.from_json(meta["playground_config"]) == trainer.config
    return proto, ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


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
