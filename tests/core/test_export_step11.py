"""Step 11 in the exports: input features, L1/L2 regularization, data_seed, classes and your own data
reach the .py script (which reproduces every step's loss), sessions, ONNX and torch.export."""

import json

import numpy as np
import pytest
import torch
from script_runs import assert_scripts_reproduce, write_scripts  # tests/core/script_runs.py

from playground.core.config import TrainConfig
from playground.core.presets import get_preset
from playground.core.records import DataTable
from playground.core.training import Trainer
from playground.io.export import export
from playground.io.script import standalone_script
from playground.io.session import load_session, load_session_bytes, save_session, session_bytes


def table(task: str = "classification", n: int = 90, mask: bool = False, seed: int = 1) -> DataTable:
    """A small table of your own: 2 features far from mean 0 (so standardizing matters)."""
    rng = np.random.default_rng(seed)
    x = (rng.normal(size=(n, 2)) * [3.0, 0.5] + [10.0, -2.0]).astype(np.float32)
    if task == "classification":
        y = (x[:, 0] - 10 + rng.normal(size=n) > 0).astype(np.int64) + (x[:, 1] > -1.8).astype(np.int64)
        classes = ("low", "mid", "high")
    else:
        y = (np.sin(x[:, 0]) + x[:, 1]).astype(np.float32)
        classes = ()
    split = (rng.random(n) < 0.6) if mask else None
    return DataTable(x=x, y=y, task=task, feature_names=("a", "b"), class_names=classes, train_mask=split,
                     source="points.csv", label_name="y")


def custom_config(tab: DataTable, **changes) -> TrainConfig:
    return get_preset("circle").config.replace(**{"dataset": "custom", "classes": tab.n_classes, "epochs": 3,
                                                  **changes})


def base(name: str, **changes) -> TrainConfig:
    return get_preset(name).config.replace(**{"samples": 100, "epochs": 3, **changes})


RUNS = {
    "circle-features-l2": (base("circle", features=("x1^2", "x2^2", "x1*x2"), regularization="l2",
                                regularization_rate=0.01), None),
    "xor-l1-sin": (base("xor", features=("x1", "x2", "sin(x1)", "sin(x2)"), regularization="l1",
                        regularization_rate=0.003, hidden=(5, 4)), None),
    "spiral-4-classes": (base("spiral", classes=4, seed=3, data_seed=17, regularization="l2"), None),
    "gauss-5-classes-dynamic": (base("gauss", classes=5, data_seed=2, model="dynamic", hidden=(6,), dropout=0.2,
                                     regularization="l1", features=("x1", "x2", "x1*x2")), None),
    "custom-classes": (custom_config(table(), features=("x1", "x2", "x1^2"), regularization="l2"), table()),
    "custom-split": (custom_config(table(mask=True), data_seed=5, standardize=False, learning_rate=0.01),
                     table(mask=True)),
    "custom-regression": (custom_config(table("regression"), regularization="l1", learning_rate=0.01, data_seed=4),
                          table("regression")),
}


def test_py_export_reproduces_every_step_of_features_regularization_classes_and_own_data(tmp_path):
    trainers, sources = write_scripts(tmp_path, RUNS)
    for name, (config, _table) in RUNS.items():
        if config.regularization != "none":
            assert "+ penalty(net)" in sources[name] and "REGULARIZATION_RATE = " in sources[name]
        if not config.plain_features:
            assert "x = self.features(x)" in sources[name]
    (tmp_path / "playground").mkdir()  # a decoy: the scripts must not import the playground
    (tmp_path / "playground" / "__init__.py").write_text("raise ImportError('the script imported playground')\n")
    assert_scripts_reproduce(tmp_path, trainers, epochs=3)


def test_the_scripts_penalty_sums_like_the_model():
    """fc1 first, then each layer added, then times the rate: the same floats as core.model.penalty."""
    trainer = Trainer(base("circle", hidden=(4, 3), regularization="l2", regularization_rate=0.01))
    source = standalone_script(trainer)
    assert ("    total = net.fc1.weight.pow(2).sum()\n    total = total + net.fc2.weight.pow(2).sum()\n"
            "    total = total + net.fc3.weight.pow(2).sum()\n    return total * REGULARIZATION_RATE") in source
    assert "penalty" not in standalone_script(Trainer(base("circle")))


def test_the_script_embeds_your_own_data_compactly():
    tab = table(n=2000)
    source = standalone_script(Trainer(custom_config(tab, epochs=1), table=tab))
    assert "X_DATA = (" in source and "import base64" in source
    assert len(source) < 60_000  # 2000 x 2 float32 + 2000 int64 in base64: about 32 kB


# -- sessions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("mask", [False, True])
def test_a_session_with_your_own_data_continues_exactly(tmp_path, mask):
    tab = table(mask=mask)
    config = custom_config(tab, epochs=4, features=("x1", "x2", "x1*x2"), regularization="l1", data_seed=9)
    straight = Trainer(config, table=tab)
    straight.run()

    first = Trainer(config, table=tab)
    first.run(epochs=1)
    for _ in range(3):
        first.train_step()
    path = save_session(first, tmp_path / "own")
    del first

    resumed = load_session(path)
    assert resumed.table is not None and resumed.table.source == "points.csv"
    assert resumed.table.class_names == tab.class_names and resumed.table.label_name == "y"
    np.testing.assert_array_equal(resumed.table.x, tab.x)
    np.testing.assert_array_equal(resumed.table.y, tab.y)
    assert (resumed.table.train_mask is None) == (not mask)
    resumed.run()
    assert resumed.step_losses == straight.step_losses
    assert resumed.history == straight.history


def test_a_regression_table_round_trips_through_session_bytes():
    tab = table("regression")
    trainer = Trainer(custom_config(tab, epochs=1), table=tab)
    trainer.run()
    back = load_session_bytes(session_bytes(trainer))
    assert back.table.task == "regression" and back.table.y.dtype == np.float32
    np.testing.assert_array_equal(back.table.y, tab.y)
    assert back.history == trainer.history


def test_a_session_from_before_step_11_still_loads(tmp_path):
    """No data keys, no regularization in the history, no new config fields: loads as before."""
    from safetensors.torch import load, save

    trainer = Trainer(base("xor", epochs=1))
    trainer.run()
    data = session_bytes(trainer)
    header = json.loads(data[8:8 + int.from_bytes(data[:8], "little")])["__metadata__"]
    header["history"] = json.dumps([{k: v for k, v in m.items() if k != "regularization"}
                                    for m in json.loads(header["history"])])
    config = json.loads(header["config"])
    for key in ("data_seed", "classes", "features", "data", "standardize", "regularization", "regularization_rate"):
        config.pop(key)
    header["config"] = json.dumps(config)
    old = save(load(data), metadata=header)
    back = load_session_bytes(old)
    assert back.history == trainer.history and back.table is None


def test_a_damaged_data_entry_is_one_line_naming_it():
    from safetensors.torch import load, save

    from playground.io.session import SessionError

    tab = table()
    data = session_bytes(Trainer(custom_config(tab, epochs=1), table=tab))
    header = json.loads(data[8:8 + int.from_bytes(data[:8], "little")])["__metadata__"]
    tensors = load(data)
    tensors["data.y"] = tensors["data.y"] + 7
    with pytest.raises(SessionError, match="data.y") as e:
        load_session_bytes(save(tensors, metadata=header))
    assert "\n" not in str(e.value)


# -- ONNX and torch.export: the Features layer is inside the model --------------------------------


@pytest.fixture(scope="module")
def featured():
    trainer = Trainer(base("circle", features=("x1", "x1^2", "x2^2", "x1*x2", "sin(x2)"), regularization="l2"))
    trainer.run()
    return trainer


def test_onnx_of_a_network_with_features_takes_the_point_and_matches(featured, tmp_path):
    import onnxruntime as ort

    path = export(featured, tmp_path / "model.onnx")
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    featured.model.eval()
    for batch in (1, 13):
        x = torch.randn(batch, 2, generator=torch.Generator().manual_seed(batch))
        (got,) = session.run(["output"], {"input": x.numpy()})
        with torch.no_grad():
            want = featured.model(x).numpy()
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)


def test_pt2_of_a_network_with_features_matches(featured, tmp_path):
    module = torch.export.load(str(export(featured, tmp_path / "model.pt2"))).module()
    featured.model.eval()
    for batch in (1, 9):
        x = torch.randn(batch, 2)
        with torch.no_grad():
            assert torch.allclose(module(x), featured.model(x), rtol=0, atol=1e-6)
