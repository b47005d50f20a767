"""Your own data in the engine: which table a config's network trains on, read from its CSV file
when the config names one, and carried through checkpoints.

A config whose dataset is "custom" trains on a ``DataTable``: the one a command brings (File >
Import data, the CLI's ``--data``, points drawn in the output view), else the one the network has
now when the config's ``data`` file is the same, else the file read again.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from playground.core.config import CUSTOM, ConfigError, TrainConfig
from playground.core.records import DataTable


def read_table(path: str) -> DataTable:
    """The CSV file's table; a bad file is a ConfigError on ``data`` with the reader's one line."""
    from playground.io.csv_data import DataFileError, read_data_csv

    try:
        return read_data_csv(path)
    except DataFileError as e:
        raise ConfigError("data", str(e)) from None


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
        return read_table(config.data)
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
