"""The catalog is the one table: a new entry there (plus its generator) reaches every layer."""

import math
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PySide6.QtCore import Qt

from playground.core import catalog, config
from playground.core.catalog import DatasetEntry
from playground.core.config import ConfigError, TrainConfig
from playground.core.datasets import make_dataset
from playground.core.model import build_model
from playground.core.training import Trainer, make_optimizer


def stripes(n: int, noise: float, g: torch.Generator):
    """Three vertical bands of x0: a new dataset as small as one can be."""
    x = torch.rand(n, 2, generator=g) * 2 - 1
    y = ((x[:, 0] + 1) * 1.5).long().clamp(max=2)
    return x + torch.randn(n, 2, generator=g) * noise, y


STRIPES = DatasetEntry("stripes", "classification", 3, stripes, "2-D: three vertical bands")


@pytest.fixture
def with_stripes(monkeypatch):
    monkeypatch.setitem(catalog.DATASETS, "stripes", STRIPES)
    return STRIPES


# -- adding a dataset: one entry -------------------------------------------------------------


def test_a_new_entry_validates_and_picks_its_task(with_stripes):
    c = TrainConfig(dataset="stripes").validate()
    assert (c.task, c.loss) == ("classification", "cross_entropy")
    with pytest.raises(ConfigError) as err:
        TrainConfig(dataset="stripe").validate()
    assert err.value.field == "dataset"
    assert str(err.value).endswith("allowed: " + ", ".join([*config.DATASETS, "stripes"]))


def test_a_new_entry_is_unknown_without_it():
    with pytest.raises(ConfigError, match="unknown dataset 'stripes'"):
        TrainConfig(dataset="stripes").validate()


def test_make_dataset_builds_a_new_entry(with_stripes):
    d = make_dataset(TrainConfig(dataset="stripes", samples=60, train_fraction=0.5, seed=2))
    assert (d.name, d.task, d.n_classes, d.n_outputs, d.n_features) == ("stripes", "classification", 3, 3, 2)
    assert d.x_train.shape == (30, 2) and d.x_test.shape == (30, 2)
    assert d.y_train.dtype == np.int64 and d.y_train.shape == (30,)
    for x, y in ((d.x_train, d.y_train), (d.x_test, d.y_test)):  # noise 0: each label is its band
        assert (y == ((torch.from_numpy(x[:, 0]) + 1) * 1.5).long().clamp(max=2).numpy()).all()
    assert sorted({*d.y_train.tolist(), *d.y_test.tolist()}) == [0, 1, 2]


def test_a_trainer_trains_on_a_new_entry(with_stripes):
    trainer = Trainer(TrainConfig(dataset="stripes", samples=60, hidden=(4,), batch_size=10, seed=1))
    assert trainer.model.sizes == [2, 4, 3]
    first = trainer.train_step()
    assert first.step == 1 and first.epoch == 0 and math.isfinite(first.loss) and not first.diverged
    while trainer.epoch < 1:
        trainer.train_step()
    assert trainer.step_count == 3  # 30 training samples in batches of 10
    metrics = trainer.history[-1]
    assert 0.0 <= metrics.train_accuracy <= 1.0 and math.isfinite(metrics.test_loss)


def test_the_exported_script_remakes_a_new_entry(with_stripes, capsys):
    from playground.io.script import standalone_script

    trainer = Trainer(TrainConfig(dataset="stripes", samples=60, hidden=(4,), epochs=2, seed=1), preset="stripes")
    trainer.run()
    source = standalone_script(trainer)
    assert "stripes (2-D: three vertical bands)" in source
    assert "def stripes(n: int, noise: float, g: torch.Generator):" in source
    exec(compile(source, "exported.py", "exec"), {"__name__": "__main__"})
    printed = re.findall(r"^epoch +(\d+)  train loss (\S+)  test loss (\S+)", capsys.readouterr().out, re.M)
    assert [(int(e), float(a), float(b)) for e, a, b in printed] == [
        (m.epoch, pytest.approx(m.train_loss, abs=1e-6), pytest.approx(m.test_loss, abs=1e-6))
        for m in trainer.history]


def test_the_dataset_combo_lists_a_new_entry(with_stripes, qtbot):
    from playground.ui.controls import ControlPanel

    panel = ControlPanel({})
    qtbot.addWidget(panel)
    combo = panel.datasetInput
    assert [combo.itemData(i) for i in range(combo.count())] == [*config.DATASETS, "stripes"]
    index = combo.count() - 1
    assert combo.itemText(index) == "stripes"
    assert combo.itemData(index, Qt.ToolTipRole) == "2-D: three vertical bands"
    with qtbot.waitSignal(panel.configChanged) as blocker:
        combo.setCurrentIndex(index)
    assert blocker.args[0].dataset == "stripes"


# -- what each entry promises ----------------------------------------------------------------


def test_the_config_names_come_from_the_catalog():
    assert config.DATASETS == tuple(catalog.DATASETS)
    assert config.ACTIVATIONS == tuple(catalog.ACTIVATIONS)
    assert config.OPTIMIZERS == tuple(catalog.OPTIMIZERS)
    assert set(config.CLASSIFICATION_DATASETS) | set(config.REGRESSION_DATASETS) == set(config.DATASETS)
    assert all(catalog.DATASETS[n].task == "regression" for n in config.REGRESSION_DATASETS)


@pytest.mark.parametrize("entry", catalog.DATASETS.values(), ids=lambda e: e.name)
def test_each_dataset_entry_matches_what_its_generator_makes(entry):
    x, y = entry.generator(200, 0.1, torch.Generator().manual_seed(0))
    assert x.ndim == 2 and len(y) == len(x)
    if entry.task == "regression":
        assert entry.classes == 0 and y.shape == (len(x), 1) and y.is_floating_point()
    else:
        assert y.dtype == torch.int64 and y.ndim == (2 if entry.tokens else 1)  # tokens: one class per position
        assert sorted(y.unique().tolist()) == list(range(entry.classes))
    assert x.shape[1] == entry.features and (not entry.steps or entry.steps == x.shape[1])
    assert make_dataset(TrainConfig(dataset=entry.name, samples=200)).n_classes == entry.classes
    assert entry.label == entry.name and entry.description


def test_a_dataset_entry_refuses_a_class_count_that_does_not_fit_its_task():
    with pytest.raises(ValueError, match="0 classes for a classification task"):
        DatasetEntry("bad", "classification", 0, stripes, "")
    with pytest.raises(ValueError, match="2 classes for a regression task"):
        DatasetEntry("bad", "regression", 2, stripes, "")
    with pytest.raises(ValueError, match="task 'ranking'"):
        DatasetEntry("bad", "ranking", 2, stripes, "")


def _ops(t: torch.Tensor) -> set[str]:
    seen, stack = set(), [t.grad_fn]
    while stack:
        fn = stack.pop()
        if fn is not None and type(fn).__name__ not in seen:
            seen.add(type(fn).__name__)
            stack.extend(f for f, _ in fn.next_functions)
    return seen


@pytest.mark.parametrize("entry", catalog.ACTIVATIONS.values(), ids=lambda e: e.name)
def test_each_activation_builds_records_its_ops_and_exports_the_same_function(entry):
    model = build_model(2, (3,), 2, entry.name)
    assert type(model.act) is entry.module and entry.display == type(model.act).__name__
    ops = _ops(model(torch.randn(5, 2)))
    all_activation_ops = {op for a in catalog.ACTIVATIONS.values() for op in a.ops}
    assert ops & all_activation_ops == set(entry.ops)
    assert all(catalog.activation_for_op(op) is entry for op in entry.ops)
    h = torch.linspace(-3, 3, 61)
    script = eval(entry.code.format("h"), {"torch": torch, "F": F, "h": h})
    assert torch.equal(script, entry.module()(h))


def test_an_op_that_is_no_activation_has_no_entry():
    assert catalog.activation_for_op("AddmmBackward0") is None


@pytest.mark.parametrize("entry", catalog.OPTIMIZERS.values(), ids=lambda e: e.name)
def test_each_optimizer_builds_and_its_script_line_builds_the_same(entry):
    model = build_model(2, (3,), 2, "relu")
    opt = make_optimizer(model, TrainConfig(optimizer=entry.name, learning_rate=0.05, weight_decay=0.01))
    group = opt.param_groups[0]
    assert (group["lr"], group["weight_decay"]) == (0.05, 0.01)
    expected = {"sgd": (torch.optim.SGD, {"momentum": 0.0}), "sgd+momentum": (torch.optim.SGD, {"momentum": 0.9}),
                "adam": (torch.optim.Adam, {"betas": (0.9, 0.999), "eps": 1e-8})}[entry.name]
    assert type(opt) is expected[0]
    assert {k: group[k] for k in expected[1]} == expected[1]
    for weight_decay in (True, False):
        line = entry.script_line(weight_decay)
        scope = {"optim": torch.optim, "net": model, "LEARNING_RATE": 0.05, "WEIGHT_DECAY": 0.01}
        from_script = eval(line, scope).param_groups[0]
        built = entry.build(model.parameters(), 0.05, 0.01 if weight_decay else 0.0).param_groups[0]
        assert {k: v for k, v in from_script.items() if k != "params"} == {
            k: v for k, v in built.items() if k != "params"}
        assert ("weight_decay=WEIGHT_DECAY" in line) is weight_decay


def test_the_optimizer_labels_and_script_lines_are_todays():
    assert [o.label for o in catalog.OPTIMIZERS.values()] == ["SGD", "SGD + momentum", "Adam"]
    assert catalog.OPTIMIZERS["sgd+momentum"].script_line(True) == (
        "optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=0.9, weight_decay=WEIGHT_DECAY)")
    assert catalog.OPTIMIZERS["adam"].script_line(False) == "optim.Adam(net.parameters(), lr=LEARNING_RATE, fused=True)"
