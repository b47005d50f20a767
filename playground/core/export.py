"""Export and import: weights, models, code, configs and sessions, written atomically, read safely.

``export(trainer, path)`` picks the format from the extension (see ``FORMATS``):

- ``.safetensors`` (the default when ``path`` has no extension) and ``.pt``: the trained weights, a
  ``state_dict`` whose names (``fc1.weight``, ``fc1.bias`` ... ``fcN.bias``) match the ``Net`` of
  the ``.py`` export, so weights load in both directions.
- ``.onnx``: the network for ONNX Runtime (no Python needed); input ``"input"`` (batch, features),
  output ``"output"`` (batch, classes) holding logits, or (batch, 1) for regression; the batch
  dimension is dynamic. The config travels in the model's ``metadata_props["playground_config"]``.
- ``.pt2``: a ``torch.export`` program (``torch.export.load(path).module()(x)``), batch dynamic.
- ``.py``: a standalone PyTorch script (no ``playground`` import) that remakes the data, network,
  optimizer and batch order from the seed and prints the run's per-epoch losses.
- ``.json``: the run's ``TrainConfig``, read back by ``load_config`` and ``playground train --config``.
- ``.pgsession``: a session, to continue a run later (config, weights, optimizer state, batch
  order, loss history). Format (also in docs/session-format.md): one safetensors file, so reading
  it never runs code. Tensors:
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

Every file goes to a temporary file beside the target, is flushed to disk and then moved into
place with ``os.replace``: a failure leaves the old file (or none) and no partial file, and raises
``ExportError("cannot write PATH: REASON")``.

Weights are read only through safetensors or ``torch.load(..., weights_only=True)``, and are
checked against the network before any of it changes (``WeightsError`` names the differing
tensors). All errors here subclass ``ConfigError``, which the CLI and the window report in one line.

Export while training is stopped or paused: the weights are copied off the live model.
"""

from __future__ import annotations

import datetime as _dt
import errno
import inspect
import io
import itertools
import json
import logging
import os
import re
import secrets
import textwrap
import warnings
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import torch

from playground import __version__
from playground.core.config import ConfigError, TrainConfig
from playground.core.datasets import DESCRIPTIONS, GENERATORS
from playground.core.model import MLP, build_model, cpu_state_dict

SESSION_EXTENSION = ".pgsession"
SESSION_FORMAT = "pytorch-playground-session"
SESSION_VERSION = 1

FORMATS: dict[str, str] = {
    ".safetensors": "Weights (safetensors)",
    ".pt": "Weights (PyTorch state_dict)",
    ".onnx": "Model for ONNX Runtime",
    ".pt2": "Model (torch.export program)",
    ".py": "Standalone PyTorch script",
    ".json": "Config (JSON)",
    SESSION_EXTENSION: "Playground session (config, weights, history)",
}
DEFAULT_EXTENSION = ".safetensors"
ONNX_INPUT, ONNX_OUTPUT = "input", "output"


class ExportError(ConfigError):
    """A file could not be written; the message names the path and the reason in plain words."""

    def __init__(self, message: str):
        super().__init__("export", message)


class WeightsError(ConfigError):
    """Weights that cannot be read, are refused, or do not fit the network.

    ``missing``, ``unexpected`` and ``mismatched`` list what differs, as (name, shape) and
    (name, file shape, model shape) tuples, for callers that want more than the message.
    """

    def __init__(self, message: str, missing=(), unexpected=(), mismatched=()):
        super().__init__("weights", message)
        self.missing = list(missing)
        self.unexpected = list(unexpected)
        self.mismatched = list(mismatched)


class SessionError(ConfigError):
    """A session file that cannot be read or was not written by the playground."""

    def __init__(self, message: str):
        super().__init__("session", message)


# -- formats and atomic writes ------------------------------------------------------------------


def export_format(path: str | os.PathLike) -> str:
    """The format ``path`` asks for (its extension, lower case); no extension means .safetensors."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return DEFAULT_EXTENSION
    if suffix not in FORMATS:
        raise ConfigError("export", f"{Path(path).name}: unknown file type {suffix!r}; allowed: {', '.join(FORMATS)}")
    return suffix


def export(trainer, path: str | os.PathLike) -> Path:
    """Save ``trainer``'s result to ``path`` in the format its extension names; return the path written.

    A path without an extension gets ``.safetensors``. Raises ConfigError for an unknown extension
    and ExportError when the file cannot be made or written (nothing partial is left behind).
    """
    path = Path(path).expanduser()
    fmt = export_format(path)
    if not path.suffix:
        path = path.with_name(path.name + fmt)
    if fmt == SESSION_EXTENSION:
        return save_session(trainer, path)
    data = _RENDERERS[fmt](trainer)
    atomic_write(path, data)
    return path


def atomic_write(path: str | os.PathLike, data: bytes | str) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then move it into place."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    created = False
    try:
        # 0o666 minus the umask, like any new file (mkstemp would make it private to the owner).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        created = True
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        if created:
            _remove_quietly(tmp)
        raise ExportError(f"cannot write {path}: {_reason(e, path)}") from None
    except BaseException:
        if created:
            _remove_quietly(tmp)
        raise


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _reason(e: OSError, path: Path) -> str:
    folder = path.parent
    reasons = {
        errno.ENOENT: f"the folder {folder} does not exist",
        errno.ENOTDIR: f"{folder} is not a folder",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EISDIR: "a folder of that name is in the way",
    }
    if hasattr(errno, "EDQUOT"):
        reasons[errno.EDQUOT] = "the disk quota is used up"
    if e.errno in reasons:
        return reasons[e.errno]
    text = e.strerror or str(e) or type(e).__name__
    return text[:1].lower() + text[1:]


# -- what each format holds ---------------------------------------------------------------------


def _cpu_model(trainer) -> MLP:
    """A CPU copy of the network in eval mode (made on the meta device: no global RNG is used)."""
    src = trainer.model
    with torch.device("meta"):
        model = build_model(src.sizes[0], tuple(src.sizes[1:-1]), src.sizes[-1], src.activation_name)
    model.load_state_dict(cpu_state_dict(src), assign=True)
    return model.eval()


def _safetensors_bytes(trainer) -> bytes:
    from safetensors.torch import save

    metadata = {"format": "pt", "playground_config": trainer.config.to_json()}
    return save(cpu_state_dict(trainer.model), metadata=metadata)


def _pt_bytes(trainer) -> bytes:
    buf = io.BytesIO()
    torch.save(cpu_state_dict(trainer.model), buf)
    return buf.getvalue()


def _json_bytes(trainer) -> bytes:
    return (trainer.config.to_json() + "\n").encode("utf-8")


def _example_input(model: MLP) -> torch.Tensor:
    # Batch 2, not 1: torch.export specializes a dimension traced at size 1.
    return torch.zeros(2, model.sizes[0])


@contextmanager
def _quiet_exporters():
    """Silence the exporters' chatter (torchvision not installed, deprecations) during an export."""
    logger = logging.getLogger("torch.onnx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _onnx_bytes(trainer) -> bytes:
    model = _cpu_model(trainer)
    batch = torch.export.Dim("batch", min=1)
    try:
        with _quiet_exporters():
            program = torch.onnx.export(
                model,
                (_example_input(model),),
                None,
                input_names=[ONNX_INPUT],
                output_names=[ONNX_OUTPUT],
                dynamic_shapes={"x": {0: batch}},
                dynamo=True,
                verbose=False,
            )
            proto = program.model_proto
    except Exception as e:  # the exporter's own errors: report in one line
        raise ExportError(f"cannot export the network as ONNX: {_first_line(e)}") from e
    proto.doc_string = f"PyTorch Playground {__version__}: {_describe(trainer)}"
    entry = proto.metadata_props.add()
    entry.key, entry.value = "playground_config", trainer.config.to_json()
    return proto.SerializeToString()


def _pt2_bytes(trainer) -> bytes:
    model = _cpu_model(trainer)
    batch = torch.export.Dim("batch", min=1)
    try:
        with _quiet_exporters():
            program = torch.export.export(model, (_example_input(model),), dynamic_shapes={"x": {0: batch}})
            buf = io.BytesIO()
            torch.export.save(program, buf)
    except Exception as e:
        raise ExportError(f"cannot export the network with torch.export: {_first_line(e)}") from e
    return buf.getvalue()


def _py_bytes(trainer) -> bytes:
    return standalone_script(trainer).encode("utf-8")


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def _describe(trainer) -> str:
    c = trainer.config
    sizes = "-".join(str(s) for s in trainer.model.sizes)
    return f"{c.dataset} ({sizes}, {c.activation}, {c.optimizer}, lr {c.learning_rate:g}, seed {c.seed})"


_RENDERERS: dict[str, Callable[[object], bytes]] = {
    ".safetensors": _safetensors_bytes,
    ".pt": _pt_bytes,
    ".onnx": _onnx_bytes,
    ".pt2": _pt2_bytes,
    ".py": _py_bytes,
    ".json": _json_bytes,
}


# -- reading weights safely ---------------------------------------------------------------------


def load_weights(model: torch.nn.Module, path: str | os.PathLike) -> None:
    """Load weights from a .safetensors, .pt (state_dict) or session file into ``model``.

    The file is read with safetensors or ``torch.load(..., weights_only=True)`` only: a pickle that
    carries code is refused and its code never runs. Names and shapes are checked first; on any
    difference WeightsError lists them and the model is left exactly as it was.
    """
    path = Path(path).expanduser()
    tensors = read_weights(path)
    check_weights_fit(model, tensors, path)
    with torch.no_grad():
        model.load_state_dict(tensors, strict=True)  # copies into the existing parameters
    # Remembered so a later .py export can say that this run did not start from the seed.
    model.playground_init_weights = str(path)


def read_weights(path: str | os.PathLike) -> dict[str, torch.Tensor]:
    """The tensors of a weights file (a session's model tensors for a session), read safely."""
    path = Path(path).expanduser()
    head = _read_head(path, WeightsError)
    if path.suffix.lower() in (".safetensors", SESSION_EXTENSION) or _looks_like_safetensors(head):
        tensors, metadata = _read_safetensors(path, WeightsError)
        if metadata.get("format") == SESSION_FORMAT:
            tensors = {k[len("model."):]: v for k, v in tensors.items() if k.startswith("model.")}
        return tensors
    return _torch_load_weights(path)


def _read_head(path: Path, error: type) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(16)
    except FileNotFoundError:
        raise error(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise error(f"cannot read {path}: it is a folder") from None
    except OSError as e:
        raise error(f"cannot read {path}: {_reason(e, path)}") from None


def _looks_like_safetensors(head: bytes) -> bool:
    # 8-byte little-endian header length, then the JSON header.
    return len(head) > 9 and head[8:9] == b"{" and 2 <= int.from_bytes(head[:8], "little") < 100_000_000


def _read_safetensors(path: Path, error: type) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt", device="cpu") as f:
            metadata = f.metadata() or {}
            tensors = {k: f.get_tensor(k).clone() for k in f.keys()}  # noqa: SIM118 (a file handle)
    except OSError as e:
        raise error(f"cannot read {path}: {_reason(e, path)}") from None
    except Exception as e:  # noqa: BLE001  SafetensorError and friends: a damaged or foreign file
        raise error(f"cannot read {path}: not a valid safetensors file ({_first_line(e)})") from None
    return tensors, metadata


def _torch_load_weights(path: Path) -> dict[str, torch.Tensor]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            obj = torch.load(path, map_location="cpu", weights_only=True)  # never weights_only=False
    except OSError as e:
        raise WeightsError(f"cannot read {path}: {_reason(e, path)}") from None
    except Exception as e:  # noqa: BLE001  UnpicklingError for refused globals, RuntimeError if damaged
        text = str(e)
        found = re.search(r"Unsupported global: GLOBAL (\S+)", text)
        if found:
            raise WeightsError(
                f"refused {path}: it holds pickled Python code ({found.group(1)}) that would run when loaded; "
                f"only plain tensors are accepted (save a state_dict, or use .safetensors)"
            ) from None
        raise WeightsError(
            f"refused {path}: not a plain PyTorch weights file (the safe loader rejected it: "
            f"{_weights_only_detail(text)}); use a .safetensors file or a saved state_dict"
        ) from None
    state = _find_state_dict(obj)
    if state is None:
        raise WeightsError(f"{path} holds no state_dict (a mapping of parameter names to tensors)")
    return state


def _weights_only_detail(text: str) -> str:
    found = re.search(r"WeightsUnpickler error: (.+?)(?:\n\n|$)", text, re.DOTALL)
    detail = found.group(1) if found else _first_line(Exception(text))
    return " ".join(detail.split())[:200]


def _find_state_dict(obj) -> dict[str, torch.Tensor] | None:
    def tensors_only(d):
        if isinstance(d, Mapping) and d and all(isinstance(k, str) and torch.is_tensor(v) for k, v in d.items()):
            return dict(d)
        return None

    found = tensors_only(obj)
    if found is None and isinstance(obj, Mapping):  # a checkpoint dict: {"model": state_dict, ...}
        for key in ("state_dict", "model_state_dict", "model"):
            found = tensors_only(obj.get(key))
            if found is not None:
                break
    return found


def _natural(item) -> list:
    """fc2 before fc10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", item[0])]


def _shape(t) -> str:
    return "[" + ", ".join(str(s) for s in t) + "]"


def check_weights_fit(model: torch.nn.Module, tensors: Mapping[str, torch.Tensor], path="the file") -> None:
    """Raise WeightsError unless ``tensors`` has exactly the model's names, shapes and float types."""
    expected = model.state_dict()
    missing = [(k, tuple(v.shape)) for k, v in expected.items() if k not in tensors]
    unexpected = sorted(((k, tuple(v.shape)) for k, v in tensors.items() if k not in expected), key=_natural)
    mismatched = [
        (k, tuple(tensors[k].shape), tuple(v.shape))
        for k, v in expected.items()
        if k in tensors and tuple(tensors[k].shape) != tuple(v.shape)
    ]
    if missing or unexpected or mismatched:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(f"{k} {_shape(s)}" for k, s in missing))
        if unexpected:
            parts.append("unexpected " + ", ".join(f"{k} {_shape(s)}" for k, s in unexpected))
        if mismatched:
            parts.append(
                "different shape " + ", ".join(f"{k}: file {_shape(a)}, network {_shape(b)}" for k, a, b in mismatched)
            )
        sizes = getattr(model, "sizes", None)
        net = f" ({'-'.join(map(str, sizes))})" if sizes else ""
        message = f"{path} does not fit this network{net}: " + "; ".join(parts)
        raise WeightsError(message, missing, unexpected, mismatched)
    bad = [k for k, v in expected.items() if v.is_floating_point() and not tensors[k].is_floating_point()]
    if bad:
        raise WeightsError(f"{path}: {', '.join(bad)} hold {tensors[bad[0]].dtype} values, not floating point numbers")


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
        reason = _reason(e, path) if isinstance(e, OSError) else "not a text file"
        raise ConfigError("config", f"cannot read {path}: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError("config", f"{path} is not valid JSON ({e.msg} at line {e.lineno})") from None
    if isinstance(data, dict) and isinstance(data.get("config"), dict) and "name" in data:
        data = data["config"]  # a preset file: {"name", "description", "config"}
    return TrainConfig.from_dict(data)


# -- sessions ---------------------------------------------------------------------------------


def save_session(trainer, path: str | os.PathLike) -> Path:
    """Write a session (see the module docstring) that ``load_session`` continues exactly."""
    from safetensors.torch import save

    path = Path(path).expanduser()
    if not path.suffix:
        path = path.with_name(path.name + SESSION_EXTENSION)
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
        data = save(tensors, metadata=metadata)
    except Exception as e:
        raise ExportError(f"cannot save the session: {_first_line(e)}") from e
    atomic_write(path, data)
    return path


def _read_session_file(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    _read_head(path, SessionError)
    tensors, metadata = _read_safetensors(path, SessionError)
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
    return tensors, metadata


def load_session(path: str | os.PathLike, device: str | None = None):
    """A Trainer restored from a session file, ready to continue training where it stopped.

    ``device`` overrides the saved one; by default the saved device is used when this machine has
    it, else the CPU (a session saved on a GPU machine opens on a laptop).
    """
    from playground.core.devices import list_devices
    from playground.core.training import EpochMetrics, Trainer

    path = Path(path).expanduser()
    tensors, meta = _read_session_file(path)
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
        raise SessionError(f"{path}: the saved training state does not fit ({_first_line(e)})") from None
    return trainer


# -- the standalone script --------------------------------------------------------------------

_ACTIVATION_CODE = {
    "relu": "torch.relu({})",
    "tanh": "torch.tanh({})",
    "sigmoid": "torch.sigmoid({})",
    "leaky_relu": "F.leaky_relu({})",
    "gelu": "F.gelu({})",
    "linear": "{}",
}


def standalone_script(trainer) -> str:
    """A plain PyTorch script (torch only; scikit-learn too for digits) that redoes the run.

    It prints ``epoch N  train loss ...  test loss ...`` lines equal to ``trainer.history`` (on
    the CPU, for a run that started from the seed with its configured learning rate).
    """
    c = trainer.config
    regression = c.task == "regression"
    sizes = list(trainer.model.sizes)
    generator = GENERATORS[c.dataset]
    gen_name = generator.__name__
    gen_source = textwrap.dedent(inspect.getsource(generator)).strip()
    epochs = trainer.epoch or c.epochs
    title = f"{trainer.preset or c.dataset} ({DESCRIPTIONS.get(c.dataset, c.dataset)})"

    notes = []
    if c.dataset == "digits":
        notes.append("The digits come from scikit-learn's bundled copy (no download): this script needs scikit-learn\n"
                     "as well as torch. Every other dataset is made with torch alone.")
    if c.device != "cpu":
        notes.append(f"The playground ran this on {c.device}; this script runs on the CPU, where the last digits\n"
                     f"of the losses can differ.")
    init = getattr(trainer.model, "playground_init_weights", None)
    if init:
        notes.append(f"The playground run started from weights loaded from {init}; this script starts from the\n"
                     f"seed's random weights, so its losses differ.")
    if abs(trainer.learning_rate - c.learning_rate) > 1e-12 * max(1.0, c.learning_rate):
        notes.append(f"The learning rate was changed to {trainer.learning_rate:g} during the playground run; this\n"
                     f"script keeps the configured {c.learning_rate!r}, so its losses differ after the change.")
    if trainer.epoch and trainer.epoch != c.epochs:
        notes.append(f"The playground run trained {trainer.epoch} of the {c.epochs} configured epochs.")
    notes_text = "".join(f"\n{n}\n" for n in notes)

    uses_f = c.activation in ("leaky_relu", "gelu") and len(sizes) > 2
    imports = "import math\n\nimport torch\nimport torch.nn as nn\n"
    if uses_f:
        imports += "import torch.nn.functional as F\n"
    imports += "import torch.optim as optim\n"

    settings = [
        f"SEED = {c.seed}",
        f"SAMPLES = {c.samples}  # points the data generator draws" + (" (digits: unused, all 1797 images)"
                                                                       if c.dataset == "digits" else ""),
        f"NOISE = {c.noise!r}",
        f"TRAIN_FRACTION = {c.train_fraction!r}  # the rest is the test set",
        f"LEARNING_RATE = {c.learning_rate!r}",
    ]
    if c.weight_decay:
        settings.append(f"WEIGHT_DECAY = {c.weight_decay!r}  # L2 penalty")
    settings += [f"BATCH_SIZE = {c.batch_size}", f"EPOCHS = {epochs}"]

    layers = "\n".join(
        f"        self.fc{i} = nn.Linear({a}, {b})" for i, (a, b) in enumerate(itertools.pairwise(sizes), start=1)
    )
    n_layers = len(sizes) - 1
    act = _ACTIVATION_CODE[c.activation]
    forward = [f"        x = {act.format(f'self.fc{i}(x)')}" for i in range(1, n_layers)]
    forward.append(f"        x = self.fc{n_layers}(x)")
    if c.activation == "linear" and n_layers > 1:
        forward[0] += "  # linear: no activation between the layers"
    forward_text = "\n".join(forward)

    if c.optimizer == "adam":
        optimizer = "optim.Adam(net.parameters(), lr=LEARNING_RATE"
    elif c.optimizer == "sgd+momentum":
        optimizer = "optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=0.9"
    else:
        optimizer = "optim.SGD(net.parameters(), lr=LEARNING_RATE"
    optimizer += ", weight_decay=WEIGHT_DECAY)" if c.weight_decay else ")"

    if regression:
        criterion = "nn.MSELoss()  # regression: mean squared error"
        to_types = "x, y = x.float(), y.float()"
        evaluate = '''def evaluate(net, criterion, x, y):
    """The loss on a whole set, without building a graph."""
    net.eval()
    with torch.no_grad():
        return criterion(net(x), y).item()'''
        measure = """        train_loss = evaluate(net, criterion, x_train, y_train)
        test_loss = evaluate(net, criterion, x_test, y_test)
        print(f"epoch {epoch + 1:3d}  train loss {train_loss:.8f}  test loss {test_loss:.8f}")"""
    else:
        criterion = "nn.CrossEntropyLoss()"
        to_types = "x, y = x.float(), y.long()"
        evaluate = '''def evaluate(net, criterion, x, y):
    """Loss and accuracy on a whole set, without building a graph."""
    net.eval()
    with torch.no_grad():
        output = net(x)
        loss = criterion(output, y).item()
        accuracy = (output.argmax(1) == y).float().mean().item()
    return loss, accuracy'''
        measure = """        train_loss, train_accuracy = evaluate(net, criterion, x_train, y_train)
        test_loss, test_accuracy = evaluate(net, criterion, x_test, y_test)
        print(f"epoch {epoch + 1:3d}  train loss {train_loss:.8f}  test loss {test_loss:.8f}  "
              f"train accuracy {train_accuracy:.1%}  test accuracy {test_accuracy:.1%}")"""

    settings_text = "\n".join(settings)
    return f'''"""{title}.

A PyTorch Playground run as a plain PyTorch script. Run it with plain `python`.
It remakes the same data, network, optimizer and batch order from seed {c.seed} and prints the
per-epoch losses the playground showed.
{notes_text}
Exported by PyTorch Playground {__version__} (torch {torch.__version__}).
"""

{imports}
# -- settings (the playground's config) ---------------------------------------------------------
{settings_text}


# -- the data: the generator the playground used, from the same seed ----------------------------
{gen_source}


def make_data():
    g = torch.Generator().manual_seed(SEED)
    x, y = {gen_name}(SAMPLES, NOISE, g)
    order = torch.randperm(len(x), generator=g)  # shuffle, then split into train and test
    n_train = max(1, min(len(x) - 1, round(len(x) * TRAIN_FRACTION)))
    train, test = order[:n_train], order[n_train:]
    {to_types}
    return x[train], y[train], x[test], y[test]


# -- the network --------------------------------------------------------------------------------
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
{layers}

    def forward(self, x):
{forward_text}
        return x


{evaluate}


# -- training: forward, loss, zero_grad, backward, step -----------------------------------------
def main():
    x_train, y_train, x_test, y_test = make_data()
    torch.manual_seed(SEED)  # the same seed gives the same initial weights
    net = Net()
    criterion = {criterion}
    optimizer = {optimizer}
    shuffle = torch.Generator().manual_seed(SEED)  # the batch order

    for epoch in range(EPOCHS):
        net.train()
        for idx in torch.randperm(len(x_train), generator=shuffle).split(BATCH_SIZE):
            output = net(x_train[idx])
            loss = criterion(output, y_train[idx])
            if not math.isfinite(loss.item()):
                raise SystemExit(f"epoch {{epoch + 1}}: the loss is {{loss.item()}}; training diverged, "
                                 f"try a lower LEARNING_RATE")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
{measure}
    return net


if __name__ == "__main__":
    net = main()
    # The playground's exported weights load into the same Net (the names match):
    #   from safetensors.torch import load_file
    #   net.load_state_dict(load_file("model.safetensors"))
'''


__all__ = [
    "DEFAULT_EXTENSION",
    "FORMATS",
    "SESSION_EXTENSION",
    "ExportError",
    "SessionError",
    "WeightsError",
    "atomic_write",
    "check_weights_fit",
    "cpu_state_dict",
    "export",
    "export_format",
    "load_config",
    "load_session",
    "load_weights",
    "read_weights",
    "save_session",
    "standalone_script",
]
