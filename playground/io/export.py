"""Export: ``export(trainer, path)`` picks the format from the extension (see ``FORMATS``).

- ``.safetensors`` (the default when ``path`` has no extension) and ``.pt``: the trained weights
  (``io.weights``).
- ``.onnx`` and ``.pt2``: the network for ONNX Runtime or as a ``torch.export`` program (``io.onnx``).
- ``.py``: a standalone PyTorch script that redoes the run (``io.script``).
- ``.ipynb``: the same script as a Jupyter notebook, with markdown between its parts (``io.notebook``).
- ``.json``: the run's ``TrainConfig``, read back by ``io.session.load_config`` and
  ``playground train --config``.
- ``.pgsession``: a session, to continue a run later (``io.session``).

Every file is written by ``io.atomic.atomic_write``: nothing partial is left behind, and a failure
raises ``ExportError("cannot write PATH: REASON")``. All errors here subclass ``ConfigError``,
which the CLI and the window report in one line.

Export while training is stopped or paused: the weights are copied off the live model.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from playground.core.config import ConfigError
from playground.io.atomic import atomic_write
from playground.io.session import SESSION_EXTENSION

FORMATS: dict[str, str] = {
    ".safetensors": "Weights (safetensors)",
    ".pt": "Weights (PyTorch state_dict)",
    ".onnx": "Model for ONNX Runtime",
    ".pt2": "Model (torch.export program)",
    ".py": "Standalone PyTorch script",
    ".ipynb": "Jupyter notebook",
    ".json": "Config (JSON)",
    SESSION_EXTENSION: "Playground session (config, weights, history)",
}
DEFAULT_EXTENSION = ".safetensors"


def _json_bytes(trainer) -> bytes:
    return (trainer.config.to_json() + "\n").encode("utf-8")


# What each format holds, as bytes (a session is written by save_session). The writers import
# torch, so they are found on first use: the window lists FORMATS with no torch in its process.
_RENDERERS: dict[str, str | Callable[[object], bytes]] = {
    ".safetensors": "playground.io.weights:safetensors_bytes",
    ".pt": "playground.io.weights:pt_bytes",
    ".onnx": "playground.io.onnx:onnx_bytes",
    ".pt2": "playground.io.onnx:pt2_bytes",
    ".py": "playground.io.script:script_bytes",
    ".ipynb": "playground.io.notebook:notebook_bytes",
    ".json": _json_bytes,
}


def _renderer(fmt: str) -> Callable[[object], bytes]:
    renderer = _RENDERERS[fmt]
    if callable(renderer):
        return renderer
    module, name = renderer.split(":")
    return getattr(importlib.import_module(module), name)


def export_format(path: str | os.PathLike) -> str:
    """The format ``path`` asks for (its extension, lower case); no extension means .safetensors."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return DEFAULT_EXTENSION
    if suffix not in FORMATS:
        raise ConfigError("export", f"{Path(path).name}: unknown file type {suffix!r}; allowed: {', '.join(FORMATS)}")
    return suffix


def export(trainer, path: str | os.PathLike, lang: str | None = None) -> Path:
    """Save ``trainer``'s result to ``path`` in the format its extension names; return the path written.
    ``lang`` ("en", "zh_CN"): the language of a notebook's text (None: PLAYGROUND_LANG or the system's).

    A path without an extension gets ``.safetensors``. Raises ConfigError for an unknown extension
    and ExportError when the file cannot be made or written (nothing partial is left behind).
    """
    path = Path(path).expanduser()
    fmt = export_format(path)
    if not path.suffix:
        path = path.with_name(path.name + fmt)
    if fmt == SESSION_EXTENSION:
        from playground.io.session import save_session

        return save_session(trainer, path)
    if fmt == ".ipynb":
        from playground.io.notebook import notebook_bytes

        atomic_write(path, notebook_bytes(trainer, lang))
        return path
    atomic_write(path, _renderer(fmt)(trainer))
    return path


__all__ = ["DEFAULT_EXTENSION", "FORMATS", "export", "export_format"]
