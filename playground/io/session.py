"""Sessions: a run saved to continue later (config, weights, optimizer state, batch order, history).

Format (also in docs/session-format.md): one safetensors file, so reading it never runs code.
Tensors:
    ``model.<name>``                   each ``state_dict`` entry of the network
    ``optimizer.state.<i>.<key>``      each tensor in ``optimizer.state_dict()["state"][i]``
    ``trainer.shuffle_state``          the batch-order generator's state (uint8)
    ``trainer.pending_batches``        the batches left in the current epoch, in training order, concatenated (int64)
    ``history.step_losses``            every step's loss (float64)
String metadata: ``format`` = ``"pytorch-playground-session"``, ``format_version`` = ``"1"``,
``config`` (the config's JSON), ``preset`` (JSON string or null), ``history`` (JSON list of
per-epoch metrics), ``epoch``, ``step``, ``diverged`` (JSON), ``optimizer`` (JSON: param_groups
and any non-tensor state), ``pending_batch_sizes`` (JSON list), ``playground_version``,
``torch_version``, ``saved_at`` (ISO 8601 UTC).

``session_bytes`` / ``load_session_bytes`` are the same format in memory, to hand a whole session
between processes. ``load_config`` reads a config from a .json file or a session.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import asdict
from pathlib import Path

import torch

from playground import __version__
from playground.core.config import ConfigError, TrainConfig
from playground.io.atomic import ExportError, atomic_write, first_line, os_reason
from playground.io.weights import check_weights_fit, read_head, read_safetensors

SESSION_EXTENSION = ".pgsession"
SESSION_FORMAT = "pytorch-playground-session"
SESSION_VERSION = 1


class SessionError(ConfigError):
    """A session file that cannot be read or was not written by the playground."""

    def __init__(self, message: str):
        super().__init__("session", message)


def save_session(trainer, path: str | os.PathLike) -> Path:
    """Write a session (see the module docstring) that ``load_session`` continues exactly; a path
    without an extension gets ``.pgsession``. Returns the path written."""
    path = Path(path).expanduser()
    if not path.suffix:
        path = path.with_name(path.name + SESSION_EXTENSION)
    atomic_write(path, session_bytes(trainer))
    return path


def session_bytes(trainer) -> bytes:
    """The session file's bytes (to hand a whole session to another process)."""
    from safetensors.torch import save

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
    pending = state["pending_batches"]
    if pending:
        tensors["trainer.pending_batches"] = torch.cat(pending).to(torch.int64)
    tensors["history.step_losses"] = state["step_losses"]
    metadata = {
        "format": SESSION_FORMAT,
        "format_version": str(SESSION_VERSION),
        "config": trainer.config.to_json(),
        "preset": json.dumps(trainer.preset),
        "history": json.dumps(state["history"]),
        "epoch": str(state["epoch"]),
        "step": str(state["step_count"]),
        "diverged": json.dumps(bool(state["diverged"])),
        "optimizer": json.dumps({"param_groups": groups, "state": other_state}),
        "pending_batch_sizes": json.dumps([len(b) for b in pending]),
        "playground_version": __version__,
        "torch_version": torch.__version__,
        "saved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    try:
        return save(tensors, metadata=metadata)
    except Exception as e:
        raise ExportError(f"cannot save the session: {first_line(e)}") from e


def _read_session_file(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
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
    """A Trainer from a session's tensors and metadata; ``path`` names the source in errors."""
    from playground.core.devices import list_devices
    from playground.core.training import EpochMetrics, Trainer

    try:
        config = TrainConfig.from_json(meta["config"])
        if device is not None:
            config = config.replace(device=device)
        elif ("cuda:0" if config.device == "cuda" else config.device) not in {d.id for d in list_devices()}:
            config = config.replace(device="cpu")
        preset = json.loads(meta.get("preset", "null"))
        history = [asdict(EpochMetrics(**m)) for m in json.loads(meta["history"])]  # checks the fields
        optimizer_meta = json.loads(meta["optimizer"])
        pending_sizes = [int(n) for n in json.loads(meta.get("pending_batch_sizes", "[]"))]
        epoch, step = int(meta["epoch"]), int(meta["step"])
        diverged = bool(json.loads(meta.get("diverged", "false")))
    except (KeyError, ValueError, TypeError) as e:
        raise SessionError(f"{path}: damaged session ({type(e).__name__}: {e})") from None

    trainer = Trainer(config, preset=preset)
    weights = {k[len("model."):]: v for k, v in tensors.items() if k.startswith("model.")}
    check_weights_fit(trainer.model, weights, path)

    opt_state: dict[int, dict] = {}
    for key, value in tensors.items():
        if key.startswith("optimizer.state."):
            index, name = key[len("optimizer.state."):].split(".", 1)
            opt_state.setdefault(int(index), {})[name] = value
    for index, values in optimizer_meta.get("state", {}).items():
        opt_state.setdefault(int(index), {}).update(values)
    groups = optimizer_meta["param_groups"]
    for g in groups:
        if isinstance(g.get("betas"), list):
            g["betas"] = tuple(g["betas"])
    pending = tensors.get("trainer.pending_batches", torch.zeros(0, dtype=torch.int64))
    if sum(pending_sizes) != len(pending):
        raise SessionError(f"{path}: damaged session (the pending batches do not add up)")
    state = {
        "model": weights,
        "optimizer": {"state": opt_state, "param_groups": groups},
        "shuffle": tensors.get("trainer.shuffle_state", trainer.shuffle.get_state()),
        "pending_batches": list(pending.split(pending_sizes)) if pending_sizes else [],
        "step_count": step,
        "epoch": epoch,
        "history": history,
        "step_losses": tensors.get("history.step_losses", torch.zeros(0, dtype=torch.float64)),
        "diverged": diverged,
    }
    try:
        trainer.load_state(state)  # the same path a run in the training process comes back by
    except (ValueError, KeyError, TypeError, RuntimeError) as e:
        raise SessionError(f"{path}: the saved training state does not fit ({first_line(e)})") from None
    return trainer


# -- configs --------------------------------------------------------------------------------------


def load_config(path: str | os.PathLike) -> TrainConfig:
    """A config from a .json file (an exported config or a preset file) or from a session file."""
    path = Path(path).expanduser()
    if path.suffix.lower() == SESSION_EXTENSION:
        _, metadata = _read_session_file(path)
        return TrainConfig.from_json(metadata["config"])
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
    if isinstance(data, dict) and isinstance(data.get("config"), dict) and "name" in data:
        data = data["config"]  # a preset file: {"name", "description", "config"}
    return TrainConfig.from_dict(data)


__all__ = [
    "SESSION_EXTENSION",
    "SESSION_FORMAT",
    "SESSION_VERSION",
    "SessionError",
    "load_config",
    "load_session",
    "load_session_bytes",
    "save_session",
    "session_bytes",
]
