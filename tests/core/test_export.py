"""Export and import: every format round-trips, bad files are refused, no write leaves a partial file."""

import errno
import json
import os
import pickle
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch

from playground.cli import main
from playground.core.config import ConfigError, TrainConfig
from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.io.atomic import ExportError
from playground.io.export import FORMATS, export
from playground.io.script import standalone_script
from playground.io.session import (
    SESSION_EXTENSION,
    SessionError,
    load_config,
    load_session,
    load_session_bytes,
    save_session,
    session_bytes,
)
from playground.io.weights import WeightsError, load_weights, read_weights

LINE = re.compile(r"^epoch\s+(\d+)\s+train loss (\S+)\s+test loss (\S+)", re.MULTILINE)


def small_config(**changes) -> TrainConfig:
    return get_preset("xor").config.replace(**{"samples": 120, "epochs": 3, **changes})


@pytest.fixture(scope="module")
def trained() -> Trainer:
    trainer = Trainer(small_config(), preset="xor")
    trainer.run()
    return trainer


@pytest.fixture(scope="module")
def onnx_file(trained, tmp_path_factory):
    """One ONNX export shared by the tests (the exporter takes seconds)."""
    return export(trained, tmp_path_factory.mktemp("onnx") / "model.onnx")


def state(model) -> dict:
    return {k: v.clone() for k, v in model.state_dict().items()}


def assert_same_weights(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for k in a:
        assert a[k].dtype == b[k].dtype and torch.equal(a[k], b[k]), k


def script_namespace(trainer) -> dict:
    """The exported script's definitions (Net, make_data...), without running its training."""
    namespace = {"__name__": "exported"}
    exec(compile(standalone_script(trainer), "exported.py", "exec"), namespace)
    return namespace


# -- formats ----------------------------------------------------------------------------------


def test_formats_lists_every_extension_in_order():
    assert list(FORMATS) == [".safetensors", ".pt", ".onnx", ".pt2", ".py", ".ipynb", ".json", SESSION_EXTENSION]
    assert all(isinstance(v, str) and v for v in FORMATS.values())


def test_unknown_extension_is_a_config_error_listing_the_allowed_ones(trained, tmp_path):
    with pytest.raises(ConfigError) as info:
        export(trained, tmp_path / "model.txt")
    assert info.value.field == "export"
    assert ".txt" in str(info.value) and "allowed: .safetensors, .pt, .onnx, .pt2, .py, .ipynb, .json" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_a_path_without_extension_gets_safetensors(trained, tmp_path):
    written = export(trained, tmp_path / "model")
    assert written == tmp_path / "model.safetensors" and written.is_file()


# -- weights ------------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", [".safetensors", ".pt", SESSION_EXTENSION])
def test_weights_round_trip_bit_for_bit(trained, tmp_path, ext):
    path = export(trained, tmp_path / f"model{ext}")
    fresh = Trainer(trained.config.replace(seed=7))
    assert not torch.equal(fresh.model.fc1.weight, trained.model.fc1.weight)
    params_before = [id(p) for p in fresh.model.parameters()]
    load_weights(fresh.model, path)
    assert_same_weights(state(fresh.model), state(trained.model))
    assert [id(p) for p in fresh.model.parameters()] == params_before  # the optimizer still holds them
    fresh.run(epochs=1)  # and training continues from them
    assert fresh.epoch == 1


def test_pt_export_is_a_plain_state_dict(trained, tmp_path):
    path = export(trained, tmp_path / "model.pt")
    loaded = torch.load(path, weights_only=True)
    assert list(loaded) == [f"fc{i}.{k}" for i in (1, 2, 3) for k in ("weight", "bias")]


def test_exported_weights_load_into_the_scripts_net_and_back(trained, tmp_path):
    net = script_namespace(trained)["Net"]()
    net.load_state_dict(read_weights(export(trained, tmp_path / "model.safetensors")))
    assert_same_weights(state(net), state(trained.model))
    other = Trainer(trained.config.replace(seed=3))
    other.model.load_state_dict(net.state_dict())
    x = torch.randn(5, 2)
    assert torch.equal(other.model(x), net(x))


def test_a_mismatch_names_the_tensors_and_leaves_the_model_unchanged(trained, tmp_path):
    path = export(trained, tmp_path / "model.safetensors")  # 2-8-8-2
    target = Trainer(trained.config.replace(hidden=(4,)))  # 2-4-2
    before = state(target.model)
    with pytest.raises(WeightsError) as info:
        load_weights(target.model, path)
    message = str(info.value)
    assert "does not fit this network (2-4-2)" in message
    assert "fc1.weight: file [8, 2], network [4, 2]" in message
    assert "fc2.weight: file [8, 8], network [2, 4]" in message
    assert "unexpected fc3.bias [2], fc3.weight [2, 8]" in message
    assert "\n" not in message
    assert info.value.unexpected == [("fc3.bias", (2,)), ("fc3.weight", (2, 8))]
    assert_same_weights(state(target.model), before)

    bigger = Trainer(trained.config.replace(hidden=(8, 8, 8)))
    with pytest.raises(WeightsError, match=r"missing fc4\.weight \[2, 8\], fc4\.bias \[2\]"):
        load_weights(bigger.model, path)


def test_a_partial_mismatch_changes_nothing(trained, tmp_path):
    tensors = state(trained.model)
    tensors["fc3.bias"] = torch.zeros(3)  # every other tensor fits
    path = tmp_path / "bad.pt"
    torch.save(tensors, path)
    target = Trainer(trained.config.replace(seed=5))
    before = state(target.model)
    with pytest.raises(WeightsError, match=r"fc3\.bias: file \[3\], network \[2\]"):
        load_weights(target.model, path)
    assert_same_weights(state(target.model), before)


class _Evil:
    """Unpickling this would create a marker file: the proof that pickled code ran."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("kind", ["torch.save", "raw pickle", "legacy torch.save"])
def test_a_pickle_with_code_is_refused_and_never_runs(trained, tmp_path, kind):
    marker = tmp_path / "pwned"
    payload = {**state(trained.model), "fc1.weight": _Evil(marker)}
    path = tmp_path / "evil.pt"
    if kind == "torch.save":
        torch.save(payload, path)
    elif kind == "legacy torch.save":
        torch.save(payload, path, _use_new_zipfile_serialization=False)
    else:
        path.write_bytes(pickle.dumps(payload, protocol=2))
    target = Trainer(trained.config.replace(seed=5))
    before = state(target.model)
    with pytest.raises(WeightsError) as info:
        load_weights(target.model, path)
    assert str(info.value).startswith(f"weights: refused {path}")
    assert "\n" not in str(info.value)
    assert not marker.exists()
    assert_same_weights(state(target.model), before)


def test_damaged_missing_and_non_weight_files_are_clear_errors(trained, tmp_path):
    model = Trainer(trained.config).model
    with pytest.raises(WeightsError, match="no such file"):
        load_weights(model, tmp_path / "absent.safetensors")
    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"this is not a weights file at all")
    with pytest.raises(WeightsError, match="not a plain PyTorch weights file"):
        load_weights(model, garbage)
    broken = tmp_path / "broken.safetensors"
    broken.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json")
    with pytest.raises(WeightsError, match="not a valid safetensors file"):
        load_weights(model, broken)
    numbers = tmp_path / "numbers.pt"
    torch.save([1, 2, 3], numbers)
    with pytest.raises(WeightsError, match="holds no state_dict"):
        load_weights(model, numbers)


def test_a_checkpoint_dict_holding_a_state_dict_is_accepted(trained, tmp_path):
    path = tmp_path / "checkpoint.pt"
    torch.save({"epoch": 3, "model_state_dict": state(trained.model)}, path)
    fresh = Trainer(trained.config.replace(seed=9))
    load_weights(fresh.model, path)
    assert_same_weights(state(fresh.model), state(trained.model))


# -- models: ONNX and torch.export --------------------------------------------------------------


def test_onnx_has_named_io_a_dynamic_batch_and_matches_pytorch(trained, onnx_file):
    import onnx
    import onnxruntime as ort

    proto = onnx.load(str(onnx_file))
    onnx.checker.check_model(proto)
    assert [i.name for i in proto.graph.input] == ["input"]
    assert [o.name for o in proto.graph.output] == ["output"]
    batch_dim = proto.graph.input[0].type.tensor_type.shape.dim[0]
    assert batch_dim.dim_param and not batch_dim.HasField("dim_value")  # symbolic, not fixed
    meta = {p.key: p.value for p in proto.metadata_props}
    assert TrainConfig.from_json(meta["playground_config"]) == trained.config

    session = ort.InferenceSession(str(onnx_file), providers=["CPUExecutionProvider"])
    trained.model.eval()
    for batch in (1, 7, 300):  # the export traced batch 2
        x = torch.randn(batch, 2, generator=torch.Generator().manual_seed(batch))
        (got,) = session.run(["output"], {"input": x.numpy()})
        with torch.no_grad():
            want = trained.model(x).numpy()
        assert got.shape == want.shape == (batch, 2)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)


def test_pt2_is_a_torch_export_program_that_matches(trained, tmp_path):
    path = export(trained, tmp_path / "model.pt2")
    program = torch.export.load(str(path))
    assert isinstance(program, torch.export.ExportedProgram)
    module = program.module()
    trained.model.eval()
    for batch in (1, 9):
        x = torch.randn(batch, 2)
        with torch.no_grad():
            assert torch.allclose(module(x), trained.model(x), rtol=0, atol=1e-6)


def test_model_exports_leave_the_global_rng_and_the_model_alone(trained, tmp_path):
    rng = torch.random.get_rng_state()
    before = state(trained.model)
    export(trained, tmp_path / "model.pt2")
    assert torch.equal(rng, torch.random.get_rng_state())
    assert_same_weights(state(trained.model), before)


# -- config ---------------------------------------------------------------------------------------


def test_json_config_round_trip(trained, tmp_path):
    path = export(trained, tmp_path / "run.json")
    assert load_config(path) == trained.config
    assert json.loads(path.read_text())["schema_version"] == 1


def test_load_config_reads_presets_and_sessions_and_reports_bad_files(trained, tmp_path):
    from playground.core.presets import resources_dir

    assert load_config(resources_dir() / "presets" / "xor.json") == get_preset("xor").config
    assert load_config(save_session(trained, tmp_path / "s.pgsession")) == trained.config
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_config(bad)
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.json")


# -- the standalone script ----------------------------------------------------------------------


def run_script(source: str, folder) -> str:
    """Run an exported script with plain python; a decoy `playground` package proves it is not used."""
    (folder / "playground").mkdir()
    (folder / "playground" / "__init__.py").write_text("raise ImportError('the script imported playground')\n")
    script = folder / "exported.py"
    script.write_text(source)
    done = subprocess.run(
        [sys.executable, str(script)], cwd=folder, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def assert_losses_match(stdout: str, history) -> None:
    rows = LINE.findall(stdout)
    assert len(rows) == len(history) > 0
    for (epoch, train_loss, test_loss), metrics in zip(rows, history):
        assert int(epoch) == metrics.epoch
        assert float(train_loss) == pytest.approx(metrics.train_loss, abs=1e-6)
        assert float(test_loss) == pytest.approx(metrics.test_loss, abs=1e-6)


@pytest.mark.parametrize(
    ("preset", "epochs"),
    [("xor", 8), ("seed-example", 20), ("plane", 15)],  # cut short: the tests share 2 slow cores
)
def test_py_export_reproduces_the_runs_losses(preset, epochs, tmp_path):
    config = get_preset(preset).config.replace(epochs=epochs)
    trainer = Trainer(config, preset=preset)
    trainer.run()
    source = standalone_script(trainer)
    assert "playground" not in re.findall(r"^(?:import|from) (\S+)", source, re.MULTILINE)
    assert "class Net(nn.Module)" in source and "optimizer.zero_grad()" in source
    assert_losses_match(run_script(source, tmp_path), trainer.history)


VARIANTS = [
    {"activation": "gelu", "optimizer": "sgd+momentum", "weight_decay": 0.01},
    {"activation": "leaky_relu", "optimizer": "adam", "hidden": (6, 5, 4)},
    {"activation": "sigmoid", "batch_size": 7, "train_fraction": 0.3},
    {"activation": "linear", "noise": 0.2, "seed": 11},
    {"hidden": ()},
]


def test_py_export_covers_every_dataset_and_option(tmp_path):
    """Every preset's dataset and every activation/optimizer, each script run as __main__ in one python."""
    runs = [(name, get_preset(name).config.replace(samples=100, epochs=2)) for name in
            ("circle", "gauss", "spiral", "moons", "multi-gauss", "digits")]
    runs += [(f"variant{i}", small_config(epochs=2, **v)) for i, v in enumerate(VARIANTS)]
    histories = {}
    for name, config in runs:
        trainer = Trainer(config, preset=name)
        trainer.run()
        histories[name] = trainer.history
        (tmp_path / f"{name}.py").write_text(standalone_script(trainer))
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(f"""
        import runpy, sys
        for name in {[name for name, _ in runs]!r}:
            print("== " + name, flush=True)
            runpy.run_path(name + ".py", run_name="__main__")
    """))
    done = subprocess.run(
        [sys.executable, str(driver)], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    outputs = dict(re.findall(r"^== (\S+)\n(.*?)(?=^== |\Z)", done.stdout, re.MULTILINE | re.DOTALL))
    for name, history in histories.items():
        assert_losses_match(outputs[name], history)


def test_py_export_notes_what_it_cannot_reproduce(trained, tmp_path):
    trainer = Trainer(small_config(epochs=5), preset="xor")
    trainer.run(epochs=2)
    load_weights(trainer.model, export(trained, tmp_path / "w.safetensors"))
    trainer.set_learning_rate(0.5)
    trainer.train_step()
    source = standalone_script(trainer)
    assert "started from weights loaded from" in source
    assert "learning rate was changed to 0.5" in source
    assert "EPOCHS = 2" in source and "trained 2 of the 5 configured epochs" in source
    digits = standalone_script(Trainer(get_preset("digits").config.replace(epochs=1)))
    assert "needs scikit-learn" in digits and "from sklearn.datasets import load_digits" in digits


# -- sessions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("optimizer", ["adam", "sgd+momentum"])
def test_a_session_continues_exactly_like_an_uninterrupted_run(tmp_path, optimizer):
    config = small_config(epochs=4, optimizer=optimizer, learning_rate=0.01)
    straight = Trainer(config, preset="xor")
    straight.run()

    first = Trainer(config, preset="xor")
    first.run(epochs=1)
    for _ in range(5):  # stop in the middle of an epoch
        first.train_step()
    path = save_session(first, tmp_path / "lesson")
    assert path.suffix == SESSION_EXTENSION
    del first

    resumed = load_session(path)
    assert (resumed.epoch, resumed.step_count, resumed.preset) == (1, straight.steps_per_epoch + 5, "xor")
    resumed.run()
    assert resumed.step_losses == straight.step_losses
    assert resumed.history == straight.history
    assert_same_weights(state(resumed.model), state(straight.model))


def test_a_session_restores_the_run_and_its_learning_rate(trained, tmp_path):
    trained.set_learning_rate(0.02)  # the rate the next step uses
    path = export(trained, tmp_path / "class.pgsession")
    restored = load_session(path)
    assert restored.config == trained.config
    assert restored.history == trained.history and restored.step_losses == trained.step_losses
    assert (restored.epoch, restored.step_count, restored.diverged) == (trained.epoch, trained.step_count, False)
    assert restored.learning_rate == 0.02
    assert_same_weights(state(restored.model), state(trained.model))
    restored.run(epochs=trained.epoch + 1)
    assert restored.epoch == trained.epoch + 1


def test_a_session_is_a_safetensors_file_with_readable_metadata(trained, tmp_path):
    from safetensors import safe_open

    path = save_session(trained, tmp_path / "s.pgsession")
    with safe_open(str(path), framework="pt") as f:
        meta = f.metadata()
        keys = set(f.keys())
    assert meta["format"] == "pytorch-playground-session" and meta["format_version"] == "1"
    assert TrainConfig.from_json(meta["config"]) == trained.config
    assert len(json.loads(meta["history"])) == trained.epoch
    assert {"model.fc1.weight", "trainer.shuffle_state", "history.step_losses"} <= keys


def test_session_from_a_machine_with_another_gpu_opens_on_the_cpu(trained, tmp_path):
    from safetensors import safe_open
    from safetensors.torch import save_file

    path = save_session(trained, tmp_path / "gpu.pgsession")
    with safe_open(str(path), framework="pt") as f:
        meta, tensors = f.metadata(), {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118
    meta["config"] = trained.config.replace(device="cuda:7").to_json()
    save_file(tensors, str(path), metadata=meta)
    restored = load_session(path)
    assert restored.config.device == "cpu" and str(restored.device) == "cpu"


def test_non_sessions_and_newer_sessions_are_refused(trained, tmp_path):
    from safetensors.torch import save_file

    weights = export(trained, tmp_path / "w.safetensors")
    with pytest.raises(SessionError, match="is not a playground session"):
        load_session(weights)
    future = tmp_path / "future.pgsession"
    save_file({"x": torch.zeros(1)}, str(future), metadata={"format": "pytorch-playground-session",
                                                           "format_version": "99"})
    with pytest.raises(SessionError, match="newer playground"):
        load_session(future)
    with pytest.raises(SessionError, match="no such file"):
        load_session(tmp_path / "absent.pgsession")


def test_session_bytes_hand_a_whole_session_over_in_the_file_format(trained, tmp_path):
    data = session_bytes(trained)
    restored = load_session_bytes(data)
    assert (restored.epoch, restored.step_count, restored.config) == (trained.epoch, trained.step_count,
                                                                      trained.config)
    assert restored.history == trained.history and restored.step_losses == trained.step_losses
    assert_same_weights(state(restored.model), state(trained.model))
    path = save_session(trained, tmp_path / "same.pgsession")
    assert load_session_bytes(path.read_bytes()).step_count == trained.step_count
    (tmp_path / "from-bytes.pgsession").write_bytes(data)
    assert load_session(tmp_path / "from-bytes.pgsession").step_count == trained.step_count
    with pytest.raises(SessionError, match="not a valid safetensors file"):
        load_session_bytes(b"garbage")
    with pytest.raises(SessionError, match="is not a playground session"):
        load_session_bytes(export(trained, tmp_path / "w.safetensors").read_bytes())


# -- never lose work: atomic writes -------------------------------------------------------------


def test_a_folder_that_is_a_file_gives_a_clear_error_and_no_file(trained, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    for name in ("model.safetensors", "model.json", "model.pgsession"):
        with pytest.raises(ExportError) as info:
            export(trained, blocker / name)
        assert str(info.value) == f"export: cannot write {blocker / name}: {blocker} is not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_missing_folder_gives_a_clear_error(trained, tmp_path):
    target = tmp_path / "absent" / "model.pt"
    with pytest.raises(ExportError, match=r"cannot write .*model\.pt: the folder .*absent does not exist"):
        export(trained, target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("failing", "code", "reason"),
    [("replace", errno.EACCES, "permission denied"), ("fsync", errno.ENOSPC, "the disk is full")],
)
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(trained, tmp_path, monkeypatch, failing, code,
                                                                   reason):
    target = tmp_path / "model.py"
    target.write_text("the previous export\n")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(ExportError) as info:
        export(trained, target)
    monkeypatch.undo()
    assert str(info.value) == f"export: cannot write {target}: {reason}"
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["model.py"]


def test_an_error_while_making_the_file_leaves_nothing(trained, tmp_path, monkeypatch):
    import playground.io.export as export_module

    def broken(trainer):
        raise RuntimeError("exporter crashed")

    monkeypatch.setitem(export_module._RENDERERS, ".pt", broken)
    with pytest.raises(RuntimeError):
        export(trained, tmp_path / "model.pt")
    assert list(tmp_path.iterdir()) == []


def test_written_files_get_normal_permissions(trained, tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    path = export(trained, tmp_path / "model.json")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


# -- the CLI --------------------------------------------------------------------------------------

TRAIN = ["train", "--preset", "xor", "--epochs", "2", "--seed", "1"]


def test_cli_exports_every_requested_file(tmp_path, capsys):
    paths = [tmp_path / f"run{ext}" for ext in (".safetensors", ".pt", ".py", ".json", ".pgsession")]
    args = [*TRAIN, "--json"]
    for p in paths:
        args += ["--export", str(p)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out)  # stdout stays one JSON line
    assert summary["status"] == "completed"
    for p in paths:
        assert p.is_file() and f"saved {p}" in err
    assert load_config(tmp_path / "run.json") == get_preset("xor").config.replace(epochs=2, seed=1)
    assert load_session(tmp_path / "run.pgsession").epoch == 2


def test_cli_config_reads_an_exported_config(trained, tmp_path, capsys):
    path = export(trained, tmp_path / "run.json")
    assert main(["train", "--config", str(path), "--epochs", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["epochs_run"] == 1


def test_cli_init_weights_starts_from_the_file(trained, tmp_path, capsys):
    path = export(trained, tmp_path / "start.safetensors")
    assert main(["train", "--config", str(export(trained, tmp_path / "c.json")), "--epochs", "1", "--json",
                 "--init-weights", str(path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    expected = Trainer(trained.config.replace(epochs=1))
    load_weights(expected.model, path)
    expected.run()
    assert summary["test_loss"] == expected.history[-1].test_loss


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--layers", "4", "--init-weights", "{weights}"], "does not fit this network (2-4-2)"),
        (["--init-weights", "{evil}"], "refused"),
        (["--init-weights", "{dir}/absent.pt"], "no such file"),
        (["--export", "{dir}/model.txt"], "unknown file type '.txt'; allowed: .safetensors"),
        (["--export", "{dir}/blocker/model.onnx"], "is not a folder"),
    ],
)
def test_cli_failures_are_one_line_and_exit_2(trained, tmp_path, capsys, extra, message):
    weights = export(trained, tmp_path / "w.safetensors")
    marker = tmp_path / "pwned"
    torch.save({"fc1.weight": _Evil(marker)}, tmp_path / "evil.pt")
    (tmp_path / "blocker").write_text("a file")
    extra = [a.format(weights=weights, evil=tmp_path / "evil.pt", dir=tmp_path) for a in extra]
    assert main([*TRAIN, *extra]) == 2
    err_lines = capsys.readouterr().err.strip().splitlines()
    assert err_lines[-1].startswith("playground: error: ") and message in err_lines[-1]
    assert not any("Traceback" in line for line in err_lines)
    assert not marker.exists()


def test_cli_subprocess_reports_an_unwritable_export_without_a_traceback(tmp_path):
    (tmp_path / "blocker").write_text("a file")
    done = subprocess.run(
        [sys.executable, "-m", "playground", *TRAIN, "--epochs", "1", "--export", str(tmp_path / "blocker" / "m.pt")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    blocker = tmp_path / "blocker"
    assert done.stderr.strip().splitlines()[-1] == (
        f"playground: error: export: cannot write {blocker / 'm.pt'}: {blocker} is not a folder"
    )


def test_session_weights_load_as_init_weights(trained, tmp_path):
    path = save_session(trained, tmp_path / "s.pgsession")
    fresh = Trainer(trained.config.replace(seed=4))
    load_weights(fresh.model, path)
    assert_same_weights(state(fresh.model), state(trained.model))


def test_no_qt_in_the_io_package():
    code = ("import sys, pkgutil, importlib, playground.io as p\n"
            "for m in pkgutil.iter_modules(p.__path__): importlib.import_module('playground.io.' + m.name)\n"
            "print(any(m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6') for m in sys.modules))")
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.stdout.strip() == "False", done.stderr



# -- the dynamic model and dropout: the model's own random draws travel with every export ----------


def dynamic_config(**changes) -> TrainConfig:
    return small_config(**{"dataset": "moons", "model": "dynamic", "epochs": 3, **changes})


@pytest.fixture(scope="module")
def trained_dynamic() -> Trainer:
    trainer = Trainer(dynamic_config(dropout=(0.2, 0.1), optimizer="adam", learning_rate=0.01))
    trainer.run()
    return trainer


DYNAMIC_RUNS = {
    "dynamic": {"model": "dynamic"},
    "dynamic-dropout": {"model": "dynamic", "dropout": 0.3, "optimizer": "adam", "learning_rate": 0.01},
    "dropout-per-layer": {"model": "mlp", "dropout": (0.1, 0.5), "activation": "relu"},
    "dynamic-linear": {"model": "dynamic", "dropout": (0.0, 0.25), "activation": "linear", "hidden": (6, 5)},
}


def test_py_export_for_dynamic_and_dropout_reproduces_the_runs_per_step_losses(tmp_path):
    """The script draws the model's randomness from its own generator, as the model does: the same
    loop counts and masks in the same order, so every step's loss is the playground's."""
    trainers = {}
    for name, changes in DYNAMIC_RUNS.items():
        trainer = Trainer(dynamic_config(**changes), preset=name)
        trainer.run()
        trainers[name] = trainer
        source = standalone_script(trainer)
        assert "self.rng = torch.Generator().manual_seed(SEED)" in source
        assert ("for _ in range(repeats):  # a different graph on every pass" in source) == (name != "dropout-per-layer")
        assert "playground" not in re.findall(r"^(?:import|from) (\S+)", source, re.MULTILINE)
        (tmp_path / f"{name}.py").write_text(source)
    (tmp_path / "playground").mkdir()  # a decoy: the scripts must not import the playground
    (tmp_path / "playground" / "__init__.py").write_text("raise ImportError('the script imported playground')\n")
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(f"""
        import json, runpy
        for name in {list(DYNAMIC_RUNS)!r}:
            print("== " + name, flush=True)
            net, step_losses = runpy.run_path(name + ".py")["main"]()
            print("steps " + json.dumps(step_losses), flush=True)
    """))
    done = subprocess.run(
        [sys.executable, str(driver)], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    outputs = dict(re.findall(r"^== (\S+)\n(.*?)(?=^== |\Z)", done.stdout, re.MULTILINE | re.DOTALL))
    for name, trainer in trainers.items():
        assert_losses_match(outputs[name], trainer.history)
        steps = json.loads(re.search(r"^steps (.*)$", outputs[name], re.MULTILINE).group(1))
        assert len(steps) == len(trainer.step_losses) == 3 * trainer.steps_per_epoch
        assert steps == pytest.approx(trainer.step_losses.tolist(), abs=1e-6)


def test_py_export_of_the_dynamic_model_reads_like_the_model():
    trainer = Trainer(dynamic_config(dropout=0.2))
    source = standalone_script(trainer)
    assert "DROPOUT = 0.2  # dropout after each hidden layer, while training" in source
    assert "MAX_REPEATS = 3" in source
    assert "self.fc3 = nn.Linear(8, 8)  # the middle layer: used 0 to MAX_REPEATS times per pass" in source
    assert "repeats = int(torch.randint(0, MAX_REPEATS + 1, (1,), generator=self.rng))" in source
    assert "mask = (torch.rand(x.shape, generator=self.rng) >= rate).float() / (1.0 - rate)" in source
    assert "return torch.stack(outputs).mean(0)" in source  # evaluation: the average over the loop counts
    per_layer = standalone_script(Trainer(dynamic_config(dropout=(0.1, 0.3))))
    assert "DROPOUT = (0.1, 0.3)" in per_layer and "self.dropout(x, DROPOUT[1])" in per_layer
    plain = standalone_script(Trainer(small_config()))
    assert "rng" not in plain and "dropout" not in plain.lower() and "MAX_REPEATS" not in plain


def test_onnx_and_pt2_of_the_dynamic_model_with_dropout_match_pytorch_in_eval_mode(trained_dynamic, tmp_path):
    import onnx
    import onnxruntime as ort

    model = trained_dynamic.model
    onnx_path = export(trained_dynamic, tmp_path / "dynamic.onnx")
    proto = onnx.load(str(onnx_path))
    onnx.checker.check_model(proto)
    meta = {p.key: p.value for p in proto.metadata_props}
    config = TrainConfig.from_json(meta["playground_config"])
    assert (config.model, config.dropout) == ("dynamic", (0.2, 0.1))
    assert "dynamic" in proto.doc_string and "dropout [0.2, 0.1]" in proto.doc_string
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    program = torch.export.load(str(export(trained_dynamic, tmp_path / "dynamic.pt2"))).module()
    rng = model.rng.get_state()
    model.eval()
    for batch in (1, 7, 300):
        x = torch.randn(batch, 2, generator=torch.Generator().manual_seed(batch))
        with torch.no_grad():
            want = model(x)
        (got,) = session.run(["output"], {"input": x.numpy()})
        np.testing.assert_allclose(got, want.numpy(), rtol=0, atol=1e-5)
        assert torch.allclose(program(x), want, rtol=0, atol=1e-6)
    assert torch.equal(model.rng.get_state(), rng)  # exporting draws nothing


def test_weights_of_the_dynamic_model_round_trip_and_do_not_fit_an_mlp(trained_dynamic, tmp_path):
    for ext in (".safetensors", ".pt"):
        path = export(trained_dynamic, tmp_path / f"dynamic{ext}")
        assert sorted(read_weights(path)) == sorted(f"fc{i}.{k}" for i in (1, 2, 3, 4) for k in ("weight", "bias"))
        fresh = Trainer(trained_dynamic.config.replace(seed=5))
        load_weights(fresh.model, path)
        assert_same_weights(state(fresh.model), state(trained_dynamic.model))
    mlp = Trainer(trained_dynamic.config.replace(model="mlp"))
    with pytest.raises(WeightsError) as info:
        load_weights(mlp.model, path)
    assert "fc4.weight" in str(info.value)
    net = script_namespace(trained_dynamic)["Net"]()  # the script's Net takes them too
    net.load_state_dict(read_weights(path))
    net.eval()
    trained_dynamic.model.eval()
    x = torch.randn(5, 2)
    with torch.no_grad():
        assert torch.equal(net(x), trained_dynamic.model(x))


def test_a_dynamic_session_with_dropout_continues_exactly_like_an_uninterrupted_run(tmp_path):
    config = dynamic_config(epochs=3, dropout=0.3, optimizer="adam", learning_rate=0.01)
    straight = Trainer(config)
    straight.run()
    first = Trainer(config)
    first.run(epochs=1)
    for _ in range(5):  # mid-epoch: the model's generator has moved on
        first.train_step()
    path = save_session(first, tmp_path / "dynamic")
    del first
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as f:
        assert f.get_tensor("trainer.model_rng_state").dtype == torch.uint8
    resumed = load_session(path)
    assert resumed.config == config
    resumed.run()
    assert resumed.step_losses == straight.step_losses
    assert resumed.history == straight.history
    assert_same_weights(state(resumed.model), state(straight.model))
