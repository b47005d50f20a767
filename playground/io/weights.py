"""Weights: written as safetensors or a PyTorch ``state_dict``, read safely, checked before use.

The names (``fc1.weight``, ``fc1.bias`` ... ``fcN.bias``) match the ``Net`` of the ``.py`` export,
so weights load in both directions. Weights are read only through safetensors or
``torch.load(..., weights_only=True)`` (a ``.pt`` file is a pickle and can run code), and are
checked against the network before any of it changes: ``WeightsError`` names the differing tensors.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path

import torch

from playground.core.config import ConfigError
from playground.core.model import cpu_state_dict
from playground.io.atomic import first_line, os_reason


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


def safetensors_bytes(trainer) -> bytes:
    from safetensors.torch import save

    metadata = {"format": "pt", "playground_config": trainer.config.to_json()}
    return save(cpu_state_dict(trainer.model), metadata=metadata)


def pt_bytes(trainer) -> bytes:
    buf = io.BytesIO()
    torch.save(cpu_state_dict(trainer.model), buf)
    return buf.getvalue()


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
    from playground.io.session import SESSION_EXTENSION, SESSION_FORMAT  # session.py imports this module

    path = Path(path).expanduser()
    head = read_head(path, WeightsError)
    if path.suffix.lower() in (".safetensors", SESSION_EXTENSION) or _looks_like_safetensors(head):
        tensors, metadata = read_safetensors(path, WeightsError)
        if metadata.get("format") == SESSION_FORMAT:
            tensors = {k[len("model."):]: v for k, v in tensors.items() if k.startswith("model.")}
        return tensors
    return _torch_load_weights(path)


def read_head(path: Path, error: type) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(16)
    except FileNotFoundError:
        raise error(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise error(f"cannot read {path}: it is a folder") from None
    except OSError as e:
        raise error(f"cannot read {path}: {os_reason(e, path)}") from None


def _looks_like_safetensors(head: bytes) -> bool:
    # 8-byte little-endian header length, then the JSON header.
    return len(head) > 9 and head[8:9] == b"{" and 2 <= int.from_bytes(head[:8], "little") < 100_000_000


def read_safetensors(path: Path, error: type) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt", device="cpu") as f:
            metadata = f.metadata() or {}
            tensors = {k: f.get_tensor(k).clone() for k in f.keys()}  # noqa: SIM118 (a file handle)
    except OSError as e:
        raise error(f"cannot read {path}: {os_reason(e, path)}") from None
    except Exception as e:  # noqa: BLE001  SafetensorError and friends: a damaged or foreign file
        raise error(f"cannot read {path}: not a valid safetensors file ({first_line(e)})") from None
    return tensors, metadata


def _torch_load_weights(path: Path) -> dict[str, torch.Tensor]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            obj = torch.load(path, map_location="cpu", weights_only=True)  # never weights_only=False
    except OSError as e:
        raise WeightsError(f"cannot read {path}: {os_reason(e, path)}") from None
    except Exception as e:  # noqa: BLE001  UnpicklingError for refused globals, RuntimeError if damaged
        raise WeightsError(_refusal(path, str(e))) from None
    state = _find_state_dict(obj)
    if state is None:
        raise WeightsError(f"{path} holds no state_dict (a mapping of parameter names to tensors)")
    return state


def _refusal(path: Path, text: str) -> str:
    """Why the safe loader refused ``path``, in our words (never torch's advice to load it unsafely)."""
    found = re.search(r"(?:Unsupported global: GLOBAL|unsupported GLOBAL) ([\w.]+)", text)
    if found:
        return (f"refused {path}: it holds pickled Python code ({found.group(1)}) that would run when loaded; "
                f"it was not run. Only plain tensors are accepted (save a state_dict, or use .safetensors)")
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        head = b""
    if head.startswith(b"PK") or head[:1] == b"\x80":  # a torch.save zip, or a bare pickle
        return (f"refused {path}: it holds pickled Python objects beyond plain tensors, which could run code; "
                f"nothing in it was run. Only plain tensors are accepted (save a state_dict, or use .safetensors)")
    return (f"refused {path}: not a plain PyTorch weights file (neither .safetensors nor a saved state_dict "
            f"of tensors); nothing in it was run")


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


def implied_sizes(tensors: Mapping[str, torch.Tensor]) -> tuple[int, ...] | None:
    """The layer sizes (inputs, hidden..., outputs) that ``fc1.weight`` ... ``fcN.weight`` imply.

    None unless the file's weights form one unbroken chain of 2-D matrices (fc1, fc2, ... with
    each layer's inputs the previous layer's outputs).
    """
    shapes = []
    while (w := tensors.get(f"fc{len(shapes) + 1}.weight")) is not None:
        if w.dim() != 2 or (shapes and shapes[-1][0] != w.shape[1]):
            return None
        shapes.append(tuple(w.shape))
    if not shapes:
        return None
    return (shapes[0][1], *(out for out, _ in shapes))


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
        implied = implied_sizes(tensors)
        if implied and sizes and implied != tuple(sizes) and (implied[0], implied[-1]) == (sizes[0], sizes[-1]):
            fits = f"hidden layers {', '.join(map(str, implied[1:-1]))}" if len(implied) > 2 else "no hidden layer"
            message += f". The file fits {fits}: set the hidden layers to that, then import again."
        raise WeightsError(message, missing, unexpected, mismatched)
    bad = [k for k, v in expected.items() if v.is_floating_point() and not tensors[k].is_floating_point()]
    if bad:
        raise WeightsError(f"{path}: {', '.join(bad)} hold {tensors[bad[0]].dtype} values, not floating point numbers")


__all__ = [
    "WeightsError",
    "check_weights_fit",
    "implied_sizes",
    "load_weights",
    "pt_bytes",
    "read_head",
    "read_safetensors",
    "read_weights",
    "safetensors_bytes",
]
