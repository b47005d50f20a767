"""The modules the CLI needs to list and to parse import no torch (issue 14): core.catalog, core.config,
core.presets, core.lessons, the CLI itself. Each is checked in a fresh process, where nothing else has
imported torch yet; what they give without torch is the same as with it."""

import json
import subprocess
import sys

import pytest

from playground.core import catalog

TORCH_FREE = ["playground", "playground.cli", "playground.core.catalog",
              "playground.core.config", "playground.core.presets", "playground.core.lessons"]


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", TORCH_FREE)
def test_importing_it_imports_no_torch(module):
    imported = _run(f"import json, sys, {module}\n"
                    "print(json.dumps([m for m in ('torch', 'numpy', 'PySide6') if m in sys.modules]))")
    assert imported == []


# Everything a listing, a help text or a config check reads from the catalog, the presets and the lessons.
READ_ALL = """
import json, sys
from playground.core import catalog
from playground.core.config import TrainConfig
from playground.core.lessons import load_lessons
from playground.core.presets import load_presets

table = {
    "datasets": [[d.name, d.task, d.classes, d.function, d.description, d.label] for d in catalog.DATASETS.values()],
    "activations": [[a.name, a.display, list(a.ops), a.formula, a.code] for a in catalog.ACTIVATIONS.values()],
    "optimizers": [[o.name, o.label, o.code, o.formula, o.script_line(True)] for o in catalog.OPTIMIZERS.values()],
    "models": [[m.name, m.label, m.description] for m in catalog.MODELS.values()],
    "op": catalog.activation_for_op("TanhBackward0").name,
    "presets": {n: p.config.to_dict() for n, p in load_presets().items()},
    "lessons": sorted(load_lessons()[0]),
    "config": TrainConfig(dataset="multi-gauss", activation="gelu", optimizer="adam").validate().to_dict(),
    "torch": "torch" in sys.modules,
}
print(json.dumps(table))
"""


def test_the_catalog_presets_and_lessons_read_whole_without_torch():
    from playground.core.config import TrainConfig
    from playground.core.lessons import load_lessons
    from playground.core.presets import load_presets

    table = _run(READ_ALL)
    assert table.pop("torch") is False
    assert table["activations"] == [[a.name, a.module.__name__, list(a.ops), a.formula, a.code]
                                    for a in catalog.ACTIVATIONS.values()]  # display: the nn class's own name
    assert table["datasets"] == [[d.name, d.task, d.classes, d.generator.__name__, d.description, d.label]
                                 for d in catalog.DATASETS.values()]
    assert table["op"] == "tanh"
    assert table["presets"] == {n: p.config.to_dict() for n, p in load_presets().items()}
    assert table["lessons"] == sorted(load_lessons()[0])
    assert table["config"] == TrainConfig(dataset="multi-gauss", activation="gelu", optimizer="adam").to_dict()


def test_the_torch_parts_resolve_on_first_use():
    import torch

    from playground.core import datasets

    for entry in catalog.DATASETS.values():  # a function name in core/datasets.py, found there
        assert entry.generator is getattr(datasets, entry.function) and entry.generator is entry.generator
    for entry in catalog.ACTIVATIONS.values():  # a class name in torch.nn
        assert entry.module is getattr(torch.nn, entry.display) and issubclass(entry.module, torch.nn.Module)
    opt = catalog.OPTIMIZERS["sgd"].build(torch.nn.Linear(2, 1).parameters(), 0.1, 0.0)
    assert type(opt) is torch.optim.SGD


def test_a_dataset_entry_takes_a_function_or_the_name_of_one():
    def stripes(n, noise, g):
        raise NotImplementedError

    assert catalog.DatasetEntry("stripes", "classification", 3, stripes, "").generator is stripes
    with pytest.raises(ValueError, match="no function name"):
        catalog.DatasetEntry("bad", "classification", 2, "not a name", "")
