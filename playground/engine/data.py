"""Your own data in the engine: which table a config's network trains on, read from its CSV file
when the config names one, and carried through checkpoints; and the commands about data
(``ImportData``, ``EditPoints``, ``ExportData``, ``ExportHistory``: ``handlers``).

A config whose dataset is "custom" trains on a ``DataTable``: the one a command brings (File >
Import data, the CLI's ``--data``, points drawn in the output view), else the one the network has
now when the config's ``data`` file is the same, else the file read again.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import torch

from playground.core.catalog import PLAIN_FEATURES
from playground.core.config import CUSTOM, ConfigError, TrainConfig
from playground.core.records import DataTable
from playground.engine import protocol as p
from playground.engine.protocol import ModelChange, RunState
from playground.io.csv_data import read_data_file


def table_for(config: TrainConfig, given: DataTable | None, current=None) -> DataTable | None:
    """The table a network of ``config`` trains on (None for the catalog's datasets). ``current``:
    the Trainer the engine has now, whose table is kept while the config names the same file."""
    if config.dataset != CUSTOM:
        return None
    if given is not None:
        return given
    table = getattr(current, "table", None)
    if table is not None and current.config.data == config.data:
        return table
    if config.data:
        return read_data_file(config.data)
    raise ConfigError("data", "your own data needs a table: import a CSV file (File > Import data) or draw points")


def table_state(table: DataTable | None) -> dict[str, Any] | None:
    """The table as tensors and plain values, for ``torch.save`` and ``torch.load(weights_only=True)``."""
    if table is None:
        return None
    return {"x": torch.from_numpy(np.ascontiguousarray(table.x)), "y": torch.from_numpy(np.ascontiguousarray(table.y)),
            "train_mask": None if table.train_mask is None else torch.from_numpy(np.asarray(table.train_mask, bool)),
            "task": table.task, "feature_names": list(table.feature_names), "class_names": list(table.class_names),
            "source": table.source, "label_name": table.label_name}


def table_from_state(state: dict[str, Any] | None) -> DataTable | None:
    if state is None:
        return None
    mask = state["train_mask"]
    return DataTable(x=state["x"].numpy(), y=state["y"].numpy(), task=state["task"],
                     feature_names=tuple(state["feature_names"]), class_names=tuple(state["class_names"]),
                     train_mask=None if mask is None else mask.numpy(), source=state["source"],
                     label_name=state["label_name"])


# -- the commands (registered by Engine.__init__) -------------------------------------------------

def handlers(engine) -> dict[type, Any]:
    """The engine's handlers for the data commands (``Engine._handlers``)."""
    return {p.ImportData: lambda c: import_data(engine, c), p.EditPoints: lambda c: edit_points(engine, c),
            p.ExportData: lambda c: export_data(engine, c), p.ExportHistory: lambda c: export_history(engine, c)}


def import_data(engine, c: p.ImportData) -> str:
    """A new network on the file's data (idle only); a bad file changes nothing."""
    from playground.core.training import Trainer

    engine._require(RunState.IDLE, doing="import data (stop the run first)")
    table = read_data_file(c.path)
    current = engine.trainer.config
    config = current.replace(dataset=CUSTOM, data=str(c.path), classes=table.n_classes, standardize=True,
                             features=current.features if table.n_features == 2 else PLAIN_FEATURES).validate()
    trainer = Trainer(config, table=table)
    engine._end_walk()
    engine._adopt(trainer, ModelChange.NEW)
    return str(c.path)


def drawable_table(trainer) -> DataTable:
    """The trainer's points as a table of your own, in the coordinates the output view shows and
    with the split they have (so nothing moves): its own table when it is drawn data already."""
    t, d = trainer, trainer.dataset
    if not d.is_2d:
        raise ConfigError("data", f"points can be drawn on 2-D data only; this data has {d.n_features} features")
    table = t.table
    if table is not None and not t.config.standardize and table.train_mask is not None:
        return table
    x = np.concatenate([d.x_train, d.x_test]).astype(np.float32)
    y = np.concatenate([d.y_train.reshape(-1), d.y_test.reshape(-1)])
    mask = np.arange(len(x)) < len(d.x_train)
    if table is not None:
        return dataclasses.replace(table, x=x, y=y, train_mask=mask, source="drawn")
    names = tuple(str(i) for i in range(d.n_classes))
    return DataTable(x=x, y=y, task=d.task, feature_names=("x1", "x2"), class_names=names, train_mask=mask,
                     source="drawn")


def edit_points(engine, c: p.EditPoints) -> None:
    """Add and remove points (any state: between two steps of a run); the same network trains on."""
    t = engine.trainer
    table = drawable_table(t)
    x, y, mask = table.x, table.y, np.asarray(table.train_mask, dtype=bool)
    for x1, x2, label in c.add:
        if not (math.isfinite(x1) and math.isfinite(x2)):
            raise ConfigError("add", f"({x1}, {x2}) is not a point: both coordinates must be finite numbers")
        if table.task == "classification":
            if float(label) != int(label) or not 0 <= int(label) < table.n_classes:
                raise ConfigError("add", f"class {label:g} does not exist; allowed 0 to {table.n_classes - 1}")
            value = np.asarray([int(label)], dtype=y.dtype)
        elif not math.isfinite(label):
            raise ConfigError("add", f"{label} is not a value: a regression point needs a finite number")
        else:
            value = np.asarray([label], dtype=y.dtype)
        x = np.concatenate([x, np.asarray([[x1, x2]], dtype=np.float32)])
        y = np.concatenate([y, value])
        mask = np.concatenate([mask, [True]])
    for x1, x2 in c.remove:
        if not len(x):
            break
        nearest = int(np.argmin(((x - np.asarray([x1, x2], dtype=np.float32)) ** 2).sum(1)))
        keep = np.arange(len(x)) != nearest
        x, y, mask = x[keep], y[keep], mask[keep]
    table = dataclasses.replace(table, x=x, y=y, train_mask=mask, source="drawn")
    config = t.config.replace(dataset=CUSTOM, data="", standardize=False, classes=table.n_classes)
    engine._end_walk()
    t.set_data(table, config)
    if t.preset is not None:
        t.preset = None  # a preset's data no longer: the controls say "your data"
    engine._send_model(ModelChange.DATA)
    engine.checkpoint_edit()


def _rows(trainer) -> tuple[np.ndarray, np.ndarray, DataTable | None]:
    """The table's row numbers in the dataset's order (train, then test), or None for catalog data."""
    from playground.core.datasets import make_dataset

    table = trainer.table
    if table is None:
        return np.arange(len(trainer.dataset.x_train) + len(trainer.dataset.x_test)), np.array([]), None
    numbered = dataclasses.replace(table, x=np.arange(len(table), dtype=np.float32).reshape(-1, 1))
    d = make_dataset(trainer.config.replace(standardize=False), numbered)  # the same split, as row numbers
    return d.x_train[:, 0].astype(np.int64), d.x_test[:, 0].astype(np.int64), table


def export_data(engine, c: p.ExportData) -> str:
    """The points (as read or drawn), their label, split and the network's prediction, as CSV."""
    from playground.io.csv_data import write_data_csv

    t, d = engine.trainer, engine.trainer.dataset
    inputs = np.concatenate([d.x_train, d.x_test])
    split = np.arange(len(inputs)) < len(d.x_train)
    with engine._walk_set_aside():
        training = t.model.training
        t.model.eval()
        try:
            with torch.no_grad():
                out = t.model(torch.as_tensor(inputs, device=t.device))
        finally:
            t.model.train(training)
    prediction = (out.argmax(1) if d.task == "classification" else out[:, 0]).cpu().numpy()
    train_rows, test_rows, table = _rows(t)
    if table is None:
        y = np.concatenate([d.y_train.reshape(-1), d.y_test.reshape(-1)])
        write_data_csv(c.path, inputs, y, split, prediction)
    else:
        rows = np.concatenate([train_rows, test_rows])
        write_data_csv(c.path, table.x[rows], table.y[rows], split, prediction, feature_names=table.feature_names,
                       label_name=table.label_name, class_names=table.class_names)
    return str(c.path)


def export_history(engine, c: p.ExportHistory) -> str:
    """Every step's loss and the epochs' metrics, as CSV."""
    from playground.io.csv_data import write_history_csv

    t = engine.trainer
    write_history_csv(c.path, t.history, np.asarray(t.step_losses, dtype=np.float64))
    return str(c.path)
