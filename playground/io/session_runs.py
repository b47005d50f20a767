"""The earlier runs a session keeps (Compare runs): checked on the way in and out, read without torch.

The window owns the runs (ui/runs.py turns its ``EarlierRun`` into these dicts and back); the
engine only carries them from ``SaveSession`` into the file. In the file they are one string of
metadata, ``runs``: a JSON list, oldest first, of objects with exactly these fields:

    number    whole number >= 1, the run's number in the window ("run 3")
    name      the name the user gave it ("" for none: labelled with what differed)
    preset    the preset's name, or null
    shown     true or false: its curves drawn in the loss plot
    config    its settings, as in ``config`` (an unknown setting is refused)
    history   its per-epoch metrics, as in ``history``
    summary   its last finished round's summary (``Summary`` fields), or null
    seconds   all its rounds' time together (a number >= 0)

A session without ``runs`` (saved before runs were kept) has none. A bad ``runs`` is a bad field
like any other in the file: the whole session is refused with one line naming it
(``runs[2].history is ...``), so a file opens completely or not at all and the network on screen
is kept. ``read_session_runs`` reads only the file's header: the window's process never imports torch.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from playground.core.config import ConfigError, TrainConfig
from playground.io.session import (
    MAX_COUNT,
    SessionError,
    _check_format,
    _history,
    _is_int,
    _is_number,
    _json_field,
    _show,
)

RUNS_KEY = "runs"
RUN_FIELDS = ("number", "name", "preset", "shown", "config", "history", "summary", "seconds")
MAX_SAVED_RUNS = 100  # the window keeps 10; a file may hold a few more, not a million
MAX_NAME = 200
MAX_HEADER = 100_000_000  # safetensors' own limit on a header


def runs_json(runs) -> str:
    """The ``runs`` metadata for the window's runs (a list of dicts), checked as a reader will check it."""
    runs = list(runs)

    def bad(field: str, problem: str) -> SessionError:
        return SessionError(f"the runs to save: {field} {problem}")

    check_runs(runs, bad)
    return json.dumps(runs)


def runs_from_metadata(meta: dict[str, str], path) -> list[dict]:
    """The checked runs of a session's metadata; [] when it has none (an older session)."""
    if RUNS_KEY not in meta:
        return []

    def bad(field: str, problem: str) -> SessionError:
        return SessionError(f"{path}: {field} {problem}")

    return check_runs(_json_field(meta, RUNS_KEY, path), bad)


def read_session_runs(path: str | os.PathLike) -> list[dict]:
    """The checked runs of a session file, from its header alone (no tensors read, no torch)."""
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as f:
            size = int.from_bytes(f.read(8), "little")
            if not 2 <= size <= MAX_HEADER:
                raise SessionError(f"cannot read {path}: not a valid safetensors file (header size {size})")
            header = json.loads(f.read(size))
    except OSError as e:
        raise SessionError(f"cannot read {path}: {e.strerror or type(e).__name__}") from None
    except (ValueError, RecursionError):
        raise SessionError(f"cannot read {path}: not a valid safetensors file (its header is not JSON)") from None
    meta = header.get("__metadata__") if isinstance(header, dict) else None
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise SessionError(f"{path} is not a playground session")
    _check_format(meta, path)
    return runs_from_metadata(meta, path)


def check_runs(value, bad) -> list[dict]:
    """``value`` (the parsed ``runs``) checked field by field; ``bad(field, problem)`` makes the error.
    Returns the runs with their configs and histories in today's form (older fields filled in)."""
    if not isinstance(value, list) or len(value) > MAX_SAVED_RUNS:
        raise bad(RUNS_KEY, f"is {_show(value)}; allowed: a JSON list of at most {MAX_SAVED_RUNS} runs "
                            f"(objects with {', '.join(RUN_FIELDS)})")
    return [_run(run, f"runs[{i}]", bad) for i, run in enumerate(value)]


def _run(run, where: str, bad) -> dict:
    if not isinstance(run, dict):
        raise bad(where, f"is {_show(run)}; allowed: a JSON object with {', '.join(RUN_FIELDS)}")
    for key in run:
        if key not in RUN_FIELDS:
            raise bad(f"{where}.{key[:40]}", f"is not a field of a run; allowed: {', '.join(RUN_FIELDS)}")
    for key in RUN_FIELDS:
        if key not in run:
            raise bad(f"{where}.{key}", "is missing")
    number, name, preset, shown, seconds = (run[k] for k in ("number", "name", "preset", "shown", "seconds"))
    if not (_is_int(number) and 1 <= number <= MAX_COUNT):
        raise bad(f"{where}.number", f"is {_show(number)}; allowed: a whole number from 1 to {MAX_COUNT}")
    if not (isinstance(name, str) and len(name) <= MAX_NAME):
        raise bad(f"{where}.name", f"is {_show(name)}; allowed: a string of at most {MAX_NAME} characters")
    if not (preset is None or (isinstance(preset, str) and len(preset) <= MAX_NAME)):
        raise bad(f"{where}.preset", f"is {_show(preset)}; allowed: a preset's name (string) or null")
    if not isinstance(shown, bool):
        raise bad(f"{where}.shown", f"is {_show(shown)}; allowed: true or false")
    if not (_is_number(seconds) and math.isfinite(seconds) and seconds >= 0):
        raise bad(f"{where}.seconds", f"is {_show(seconds)}; allowed: a number of seconds, 0 or more")
    try:
        config = TrainConfig.from_dict(run["config"])
    except ConfigError as e:
        raise bad(f"{where}.config", f"is not a valid config ({e})") from None
    except (ValueError, TypeError, RecursionError) as e:
        raise bad(f"{where}.config", f"is not a valid config ({type(e).__name__})") from None
    history = _history(run["history"], lambda field, problem: bad(f"{where}.{field}", problem))
    return {"number": number, "name": name, "preset": preset, "shown": shown, "config": config.to_dict(),
            "history": history, "summary": _summary(run["summary"], f"{where}.summary", bad),
            "seconds": float(seconds)}


def _summary(summary, where: str, bad) -> dict | None:
    """null, or an object of plain values (a ``Summary``'s fields) whose speed and time are numbers."""
    allowed = "null, or a JSON object of strings, numbers and nulls (a run's summary)"
    if summary is None:
        return None
    if not isinstance(summary, dict) or len(summary) > 50:
        raise bad(where, f"is {_show(summary)}; allowed: {allowed}")
    for key, value in summary.items():
        if not (value is None or isinstance(value, (str, int, float)) and len(str(value)) <= MAX_NAME):
            raise bad(f"{where}.{key[:40]}", f"is {_show(value)}; allowed: a string, a number or null")
    for key in ("steps_per_second", "seconds"):
        if key in summary and not (summary[key] is None or _is_number(summary[key])):
            raise bad(f"{where}.{key}", f"is {_show(summary[key])}; allowed: a number or null")
    return dict(summary)


__all__ = ["MAX_SAVED_RUNS", "RUNS_KEY", "RUN_FIELDS", "check_runs", "read_session_runs", "runs_from_metadata",
           "runs_json"]
