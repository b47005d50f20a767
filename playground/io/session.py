"""Sessions: a run saved to continue later (config, weights, optimizer state, batch order, history).

Format (also in docs/session-format.md): one safetensors file, so reading it never runs code.
Tensors:
    ``model.<name>``                   each ``state_dict`` entry of the network
    ``optimizer.state.<i>.<key>``      each tensor in ``optimizer.state_dict()["state"][i]``
    ``trainer.shuffle_state``          the batch-order generator's state (uint8)
    ``trainer.model_rng_state``        the model's own generator's state (uint8): dropout masks and the
                                       dynamic model's loop counts (absent in older sessions)
    ``trainer.pending_batches``        the batches left in the current epoch, in training order, concatenated (int64)
    ``history.step_losses``            every step's loss (float64)
    ``data.x``, ``data.y``             your own data (dataset "custom"): the table's features (float32 [n, f])
                                       and labels (int64 class indices, or float32 targets), as read
    ``data.train_mask``                its own train/test split (bool), when it has one
String metadata: ``format`` = ``"pytorch-playground-session"``, ``format_version`` = ``"1"``, ``config``
(the config's JSON), ``preset`` (JSON string or null), ``history`` (JSON list of per-epoch metrics), ``epoch``,
``step``, ``diverged`` (JSON), ``optimizer`` (JSON: param_groups and any non-tensor state),
``pending_batch_sizes`` (JSON list), ``playground_version``, ``torch_version``, ``saved_at`` (ISO 8601 UTC);
with your own data, ``data`` (JSON: task, feature_names, class_names, source, label_name); ``runs`` (JSON:
the window's earlier runs, io/session_runs.py; absent when there are none).

``session_bytes`` / ``load_session_bytes`` are the same format in memory, to hand a whole session
between processes. ``load_config`` reads a config from a .json file or a session.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from playground import __version__
from playground.core.config import ConfigError, TrainConfig
from playground.io.atomic import ExportError, atomic_write, first_line, os_reason

if TYPE_CHECKING:  # torch is imported where it is used: the window reads configs with load_config, no torch
    import torch

SESSION_EXTENSION = ".pgsession"
SESSION_FORMAT = "pytorch-playground-session"
SESSION_VERSION = 1


class SessionError(ConfigError):
    """A session file that cannot be read or was not written by the playground."""

    def __init__(self, message: str):
        super().__init__("session", message)


def save_session(trainer, path: str | os.PathLike, runs=()) -> Path:
    """Write a session (see the module docstring) that ``load_session`` continues exactly; a path
    without an extension gets ``.pgsession``; ``runs``: the window's earlier runs. Returns the path written."""
    path = Path(path).expanduser()
    if not path.suffix:
        path = path.with_name(path.name + SESSION_EXTENSION)
    atomic_write(path, session_bytes(trainer, runs))
    return path


def session_bytes(trainer, runs=()) -> bytes:
    """The session file's bytes (to hand a whole session to another process)."""
    import torch
    from safetensors.torch import save

    from playground.io.session_runs import RUNS_KEY, runs_json

    state = trainer.state()  # where training stands, as CPU tensors and plain values
    tensors = {f"model.{k}": v for k, v in state["model"].items()}
    other_state: dict[str, dict] = {}
    for index, values in state["optimizer"]["state"].items():
        for key, value in values.items():
            if torch.is_tensor(value):
                tensors[f"optimizer.state.{index}.{key}"] = value.contiguous()
            else:
                other_state.setdefault(str(index), {})[key] = value
    groups = [dict(g) for g in state["optimizer"]["param_groups"]]
    for g in groups:  # a rate asked for but not yet applied is the one to continue with
        g["lr"] = state["requested_learning_rate"]
    tensors["trainer.shuffle_state"] = state["shuffle"]
    if state.get("model_rng") is not None:
        tensors["trainer.model_rng_state"] = state["model_rng"]
    pending = state["pending_batches"]
    if pending:
        tensors["trainer.pending_batches"] = torch.cat(pending).to(torch.int64)
    tensors["history.step_losses"] = state["step_losses"]
    table = getattr(trainer, "table", None)
    if table is not None:
        tensors.update(_table_tensors(table))
    metadata = {
        "format": SESSION_FORMAT, "format_version": str(SESSION_VERSION),
        "config": trainer.config.to_json(),
        "preset": json.dumps(trainer.preset),
        "history": json.dumps(state["history"]),
        "epoch": str(state["epoch"]), "step": str(state["step_count"]),
        "diverged": json.dumps(bool(state["diverged"])),
        "optimizer": json.dumps({"param_groups": groups, "state": other_state}),
        "pending_batch_sizes": json.dumps([len(b) for b in pending]),
        "playground_version": __version__, "torch_version": torch.__version__,
        "saved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    if table is not None:
        metadata["data"] = json.dumps({"task": table.task, "feature_names": list(table.feature_names),
                                       "class_names": list(table.class_names), "source": table.source,
                                       "label_name": table.label_name})
    if runs:
        metadata[RUNS_KEY] = runs_json(runs)
    try:
        return save(tensors, metadata=metadata)
    except Exception as e:
        raise ExportError(f"cannot save the session: {first_line(e)}") from e


def _read_session_file(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    from playground.io.weights import read_head, read_safetensors

    read_head(path, SessionError)
    tensors, metadata = read_safetensors(path, SessionError)
    _check_format(metadata, path)
    return tensors, metadata


def _check_format(metadata: dict[str, str], path) -> None:
    if metadata.get("format") != SESSION_FORMAT:
        raise SessionError(f"{path} is not a playground session")
    try:
        version = int(metadata.get("format_version", ""))
    except ValueError:
        raise SessionError(f"{path}: damaged session (no format version)") from None
    if version > SESSION_VERSION:
        raise SessionError(
            f"{path} was saved by a newer playground (session format {version}); this one reads up to {SESSION_VERSION}"
        )


def load_session(path: str | os.PathLike, device: str | None = None):
    """A Trainer restored from a session file, ready to continue training where it stopped.

    ``device`` overrides the saved one; by default the saved device is used when this machine has
    it, else the CPU (a session saved on a GPU machine opens on a laptop).
    """
    path = Path(path).expanduser()
    tensors, meta = _read_session_file(path)
    return _restore(tensors, meta, path, device)


def load_session_bytes(data: bytes, device: str | None = None):
    """``load_session`` for the bytes of a session file (``session_bytes``)."""
    from safetensors.torch import load

    where = "the session data"
    try:
        header_len = int.from_bytes(data[:8], "little")
        metadata = json.loads(data[8:8 + header_len]).get("__metadata__") or {}
        tensors = load(bytes(data))
    except Exception as e:  # noqa: BLE001  SafetensorError and friends: damaged data
        raise SessionError(f"{where}: not a valid safetensors file ({first_line(e)})") from None
    _check_format(metadata, where)
    return _restore(tensors, metadata, where, device)


def _restore(tensors: dict[str, torch.Tensor], meta: dict[str, str], path, device: str | None):
    """A Trainer from a session's tensors and metadata; ``path`` names the source in errors.

    Every field is checked before anything is built from it: a bad one is a SessionError naming the
    file, the field and what is allowed (one line), never another exception.
    """
    import torch

    from playground.core.devices import list_devices
    from playground.core.training import Trainer
    from playground.io.session_runs import runs_from_metadata
    from playground.io.weights import check_weights_fit

    def bad(field: str, problem: str) -> SessionError:
        return SessionError(f"{path}: {field} {problem}")

    config = _session_config(meta, path)
    if device is not None:
        config = config.replace(device=device)
    elif ("cuda:0" if config.device == "cuda" else config.device) not in {d.id for d in list_devices()}:
        config = config.replace(device="cpu")
    preset = _json_field(meta, "preset", path, "null")
    if preset is not None and not (isinstance(preset, str) and len(preset) <= 200):
        raise bad("preset", f"is {_show(preset)}; allowed: a preset's name (JSON string) or null")
    history = _history(_json_field(meta, "history", path), bad)
    runs_from_metadata(meta, path)  # the window's: checked here too, so a bad one refuses the file
    epoch = _count(meta, "epoch", bad)
    step = _count(meta, "step", bad)
    diverged = _json_field(meta, "diverged", path, "false")
    if not isinstance(diverged, bool):
        raise bad("diverged", f"is {_show(diverged)}; allowed: true or false")
    pending_sizes = _json_field(meta, "pending_batch_sizes", path, "[]")
    if not isinstance(pending_sizes, list) or not all(_is_int(n) and n > 0 for n in pending_sizes):
        raise bad("pending_batch_sizes", f"is {_show(pending_sizes)}; allowed: a JSON list of positive whole numbers")

    table = _table(tensors, meta, path, bad) if "data" in meta else None
    try:
        trainer = Trainer(config, preset=preset, table=table)
    except ConfigError as e:
        raise SessionError(f"{path}: config: {e}") from None
    weights = {k[len("model."):]: v for k, v in tensors.items() if k.startswith("model.")}
    check_weights_fit(trainer.model, weights, path)
    optimizer = _optimizer_state(trainer, tensors, _json_field(meta, "optimizer", path), bad)

    n_train = len(trainer.x_train)
    pending = tensors.get("trainer.pending_batches", torch.zeros(0, dtype=torch.int64))
    if pending.dtype != torch.int64 or pending.dim() != 1:
        raise bad("tensor trainer.pending_batches", f"is {_tensor_kind(pending)}; allowed: int64 [n]")
    if len(pending) and (int(pending.min()) < 0 or int(pending.max()) >= n_train):
        raise bad("tensor trainer.pending_batches", f"holds indices outside 0 to {n_train - 1} (the training set)")
    if sum(pending_sizes) != len(pending) or any(n > trainer.config.batch_size for n in pending_sizes):
        raise bad("pending_batch_sizes", f"is {_show(pending_sizes)}; allowed: batch sizes of at most "
                  f"{trainer.config.batch_size} adding up to {len(pending)} (trainer.pending_batches)")
    shuffle_now = trainer.shuffle.get_state()
    shuffle = tensors.get("trainer.shuffle_state", shuffle_now)
    if shuffle.dtype != torch.uint8 or tuple(shuffle.shape) != tuple(shuffle_now.shape):
        raise bad("tensor trainer.shuffle_state", f"is {_tensor_kind(shuffle)}; allowed: uint8 {list(shuffle_now.shape)}")
    model_rng = tensors.get("trainer.model_rng_state")  # absent in sessions from before dropout and `dynamic`
    if model_rng is not None:
        rng_now = trainer.model.rng.get_state()
        if model_rng.dtype != torch.uint8 or tuple(model_rng.shape) != tuple(rng_now.shape):
            raise bad("tensor trainer.model_rng_state",
                      f"is {_tensor_kind(model_rng)}; allowed: uint8 {list(rng_now.shape)}")
    losses = tensors.get("history.step_losses", torch.zeros(0, dtype=torch.float64))
    if not losses.is_floating_point() or losses.dim() != 1:
        raise bad("tensor history.step_losses", f"is {_tensor_kind(losses)}; allowed: float64 [steps]")
    state = {
        "model": weights,
        "optimizer": optimizer,
        "shuffle": shuffle,
        "model_rng": model_rng,
        "pending_batches": list(pending.split(pending_sizes)) if pending_sizes else [],
        "step_count": step,
        "epoch": epoch,
        "history": history,
        "step_losses": losses.to(torch.float64),
        "diverged": diverged,
    }
    try:
        trainer.load_state(state)  # the same path a run in the training process comes back by
    except (ValueError, KeyError, TypeError, RuntimeError, IndexError) as e:
        raise SessionError(f"{path}: the saved training state does not fit ({first_line(e)})") from None
    return trainer


def _table_tensors(table) -> dict[str, torch.Tensor]:
    import torch

    y_type = torch.float32 if table.task == "regression" else torch.int64
    tensors = {"data.x": torch.tensor(table.x, dtype=torch.float32), "data.y": torch.tensor(table.y, dtype=y_type)}
    if table.train_mask is not None:
        tensors["data.train_mask"] = torch.tensor(table.train_mask, dtype=torch.bool)
    return {k: v.contiguous() for k, v in tensors.items()}  # (a column-major table stays so in torch.tensor)


def _table(tensors: dict[str, torch.Tensor], meta: dict[str, str], path, bad):
    """Your own data (a DataTable) from a session's ``data.*`` tensors and ``data`` metadata, checked."""
    import torch

    from playground.core.records import DataTable

    info = _json_field(meta, "data", path)
    allowed = "a JSON object with task, feature_names, class_names, source and label_name"
    if not (isinstance(info, dict) and info.get("task") in ("classification", "regression")
            and all(isinstance(info.get(k), list) and all(isinstance(n, str) for n in info[k])
                    for k in ("feature_names", "class_names"))
            and all(isinstance(info.get(k), str) for k in ("source", "label_name"))):
        raise bad("data", f"is {_show(info)}; allowed: {allowed}")
    x, y, mask = tensors.get("data.x"), tensors.get("data.y"), tensors.get("data.train_mask")
    if x is None or x.dtype != torch.float32 or x.dim() != 2 or x.shape[1] != len(info["feature_names"]):
        raise bad("tensor data.x", f"is {'missing' if x is None else _tensor_kind(x)}; allowed: float32 "
                                   f"[rows, {len(info['feature_names'])}]")
    want = torch.float32 if info["task"] == "regression" else torch.int64
    if y is None or y.dtype != want or tuple(y.shape) != (len(x),):
        raise bad("tensor data.y", f"is {'missing' if y is None else _tensor_kind(y)}; allowed: "
                                   f"{str(want).removeprefix('torch.')} [{len(x)}]")
    if want == torch.int64 and len(y) and not (0 <= int(y.min()) and int(y.max()) < len(info["class_names"])):
        raise bad("tensor data.y", f"holds class indices outside 0 to {len(info['class_names']) - 1}")
    if mask is not None and (mask.dtype != torch.bool or tuple(mask.shape) != (len(x),)):
        raise bad("tensor data.train_mask", f"is {_tensor_kind(mask)}; allowed: bool [{len(x)}]")
    return DataTable(x=x.numpy(), y=y.numpy(), task=info["task"], feature_names=tuple(info["feature_names"]),
                     class_names=tuple(info["class_names"]), train_mask=None if mask is None else mask.numpy(),
                     source=info["source"], label_name=info["label_name"])


# -- checking a session's fields ------------------------------------------------------------------

MAX_COUNT = 1_000_000_000  # epochs and steps; far above any run, and inside the window's 32-bit counters


def _show(value) -> str:
    """A value for a one-line message: JSON-ish, short."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _tensor_kind(t: torch.Tensor) -> str:
    return f"{str(t.dtype).removeprefix('torch.')} {list(t.shape)}"


def _json_field(meta: dict[str, str], key: str, path, default: str | None = None):
    text = meta.get(key, default)
    if text is None:
        raise SessionError(f"{path}: damaged session (no {key})")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:
        reason = f"{e.msg} at character {e.pos}" if isinstance(e, json.JSONDecodeError) else "nested too deeply"
        raise SessionError(f"{path}: {key} is not valid JSON ({reason})") from None


def _session_config(meta: dict[str, str], path) -> TrainConfig:
    if "config" not in meta:
        raise SessionError(f"{path}: damaged session (no config)")
    try:
        return TrainConfig.from_json(meta["config"])
    except ConfigError as e:
        raise SessionError(f"{path}: config: {e}") from None
    except (ValueError, TypeError, RecursionError) as e:
        raise SessionError(f"{path}: config is not a valid config ({type(e).__name__})") from None


def _count(meta: dict[str, str], key: str, bad):
    text = meta.get(key)
    if text is None:
        raise bad(key, "is missing")
    if not (isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= 10 and int(text) <= MAX_COUNT):
        raise bad(key, f"is {_show(text)}; allowed: a whole number from 0 to {MAX_COUNT}")
    return int(text)


def _history(history, bad) -> list[dict]:
    from dataclasses import fields

    from playground.core.records import EpochMetrics  # torch-free: the window checks runs' histories

    names = [f.name for f in fields(EpochMetrics)]
    allowed = ("a JSON list of objects with " + ", ".join(names) +
               " (epoch and step whole numbers, losses numbers, accuracies numbers or null)")
    if not isinstance(history, list):
        raise bad("history", f"is {_show(history)}; allowed: {allowed}")
    for i, m in enumerate(history):
        if isinstance(m, dict) and "regularization" not in m:  # sessions from before regularization
            m = {**m, "regularization": 0.0}
        ok = isinstance(m, dict) and sorted(m) == sorted(names)
        ok = ok and _is_number(m["regularization"])
        ok = ok and all(_is_int(m[k]) and 0 <= m[k] <= MAX_COUNT for k in ("epoch", "step"))
        ok = ok and all(_is_number(m[k]) for k in ("train_loss", "test_loss"))
        ok = ok and all(m[k] is None or _is_number(m[k]) for k in ("train_accuracy", "test_accuracy"))
        if not ok:
            raise bad(f"history[{i}]", f"is {_show(m)}; allowed: {allowed}")
    return [asdict(EpochMetrics(**{"regularization": 0.0, **m})) for m in history]


def _optimizer_template(trainer) -> dict:
    """The optimizer's state_dict after one step, on a copy: the keys, types and shapes a saved one may hold."""
    import copy

    import torch

    from playground.core.training import make_optimizer

    model = copy.deepcopy(trainer.model).cpu()
    optimizer = make_optimizer(model, trainer.config)
    for p in model.parameters():
        p.grad = torch.zeros_like(p)
    optimizer.step()
    return optimizer.state_dict()


def _optimizer_state(trainer, tensors: dict[str, torch.Tensor], saved, bad) -> dict:
    """The optimizer state_dict a session holds, checked against what this optimizer makes."""
    import torch

    template = _optimizer_template(trainer)
    n = len(list(trainer.model.parameters()))
    if not isinstance(saved, dict) or not isinstance(saved.get("param_groups"), list):
        raise bad("optimizer", f"is {_show(saved)}; allowed: a JSON object with param_groups (a list) and state")
    groups = saved["param_groups"]
    if len(groups) != len(template["param_groups"]):
        raise bad("optimizer.param_groups", f"has {len(groups)} groups; allowed: {len(template['param_groups'])}")
    checked_groups = []
    for i, (group, model_group) in enumerate(zip(groups, template["param_groups"])):
        if not isinstance(group, dict):
            raise bad(f"optimizer.param_groups[{i}]", f"is {_show(group)}; allowed: a JSON object")
        checked = {}
        for key, expected in model_group.items():
            field = f"optimizer.param_groups[{i}].{key}"
            if key not in group:
                raise bad(field, "is missing")
            value = group[key]
            if key == "params":
                if value != expected:
                    raise bad(field, f"is {_show(value)}; allowed: {_show(expected)}")
            elif isinstance(expected, bool) or expected is None:
                if not (isinstance(value, bool) or value is None):
                    raise bad(field, f"is {_show(value)}; allowed: true, false or null")
            elif _is_number(expected):
                if not (_is_number(value) and math.isfinite(value)):
                    raise bad(field, f"is {_show(value)}; allowed: a number")
            elif isinstance(expected, (tuple, list)):
                if not (isinstance(value, list) and len(value) == len(expected)
                        and all(_is_number(v) and math.isfinite(v) for v in value)):
                    raise bad(field, f"is {_show(value)}; allowed: a list of {len(expected)} numbers")
                value = tuple(value) if isinstance(expected, tuple) else value
            elif isinstance(expected, str) and not isinstance(value, str):
                raise bad(field, f"is {_show(value)}; allowed: a string")
            checked[key] = value
        if "lr" in checked:
            try:
                trainer.config.replace(learning_rate=float(checked["lr"])).validate(memory=False)
            except ConfigError as e:
                raise bad(f"optimizer.param_groups[{i}].lr", f"is {_show(checked['lr'])}: {e.message}") from None
        checked_groups.append(checked)

    state: dict[int, dict] = {}
    where = f"0 to {n - 1}"
    for name, value in tensors.items():
        if name.startswith("optimizer.state."):
            index, _, key = name[len("optimizer.state."):].partition(".")
            if not (index.isascii() and index.isdigit() and int(index) < n and key):
                raise bad(f"tensor {name}", f"is not allowed; optimizer state tensors are named "
                          f"optimizer.state.<parameter index {where}>.<key>")
            state.setdefault(int(index), {})[key] = value
    other = saved.get("state", {})
    if not isinstance(other, dict):
        raise bad("optimizer.state", f"is {_show(other)}; allowed: a JSON object")
    for index, values in other.items():
        if not (index.isascii() and index.isdigit() and int(index) < n and isinstance(values, dict)):
            raise bad(f"optimizer.state.{index}", f"is not allowed; keys are parameter indices {where}, values objects")
        state.setdefault(int(index), {}).update(values)
    for index, values in state.items():
        expected = template["state"].get(index, {})
        if set(values) != set(expected):
            raise bad(f"optimizer.state.{index}", f"holds {_show(sorted(values))}; allowed: {_show(sorted(expected))}")
        for key, value in values.items():
            want = expected[key]
            field = f"optimizer.state.{index}.{key}"
            if torch.is_tensor(want):
                if not (torch.is_tensor(value) and value.shape == want.shape
                        and value.is_floating_point() == want.is_floating_point()):
                    shown = _tensor_kind(value) if torch.is_tensor(value) else _show(value)
                    raise bad(field, f"is {shown}; allowed: a tensor {_tensor_kind(want)}")
            elif _is_number(want):
                if not _is_number(value):
                    raise bad(field, f"is {_show(value)}; allowed: a number")
            elif want is None:
                if value is not None:
                    raise bad(field, f"is {_show(value)}; allowed: null")
    return {"state": state, "param_groups": checked_groups}


# -- configs --------------------------------------------------------------------------------------


def load_config(path: str | os.PathLike) -> TrainConfig:
    """A config from a .json file (an exported config or a preset file) or from a session file."""
    path = Path(path).expanduser()
    if path.suffix.lower() == SESSION_EXTENSION:
        _, metadata = _read_session_file(path)
        return _session_config(metadata, path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config", f"cannot read {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        reason = os_reason(e, path) if isinstance(e, OSError) else "not a text file"
        raise ConfigError("config", f"cannot read {path}: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError("config", f"{path} is not valid JSON ({e.msg} at line {e.lineno})") from None
    except RecursionError:
        raise ConfigError("config", f"{path} is not a config the playground can read (nested too deeply)") from None
    except ValueError:  # an integer of thousands of digits
        raise ConfigError("config", f"{path} is not a config the playground can read "
                                    "(a number with too many digits)") from None
    if isinstance(data, dict) and isinstance(data.get("config"), dict) and "name" in data:
        data = data["config"]  # a preset file: {"name", "description", "config"}
    return TrainConfig.from_dict(data)


__all__ = ["SESSION_EXTENSION", "SESSION_FORMAT", "SESSION_VERSION", "SessionError", "load_config", "load_session",
           "load_session_bytes", "save_session", "session_bytes"]
