"""Runs written for TensorBoard from the window (``SetTensorBoard``), for the Engine.

The window's File > Log runs for TensorBoard sends a folder (or None to stop). From then on each
run (Train from idle, until it completes, stops or diverges) gets its own folder under it, written
by io/tensorboard_log.TensorBoardLog as ``playground train --tensorboard DIR`` writes one: scalars
per epoch, weight and gradient histograms, the model graph, the hyperparameters with the final
metrics. Epochs ended by single steps inside a run are logged too (the log wraps the trainer's
``train_step`` for the run's length). Without the ``tensorboard`` package the command is refused with
the line that says how to get it (``tensorboard_log.MISSING``); a folder that cannot be
written is refused when it is set, and a run that cannot start its folder trains without it and
says so.
"""

from __future__ import annotations

import os
from pathlib import Path

from playground.core.config import ConfigError
from playground.engine import protocol as p


def handlers(engine) -> dict[type, object]:
    """The engine's handler for ``SetTensorBoard`` (``Engine._handlers``)."""
    return {p.SetTensorBoard: lambda c: set_folder(engine, c)}


def set_folder(engine, c: p.SetTensorBoard) -> str | None:
    """Remember the folder runs are written under (None: no more); answers with the folder."""
    from playground.io import tensorboard_log

    if c.folder is None:
        engine.tensorboard_root = None
        return None
    folder = str(c.folder).strip()
    if not folder:
        raise ConfigError("tensorboard", "an empty path; give a folder")
    if not tensorboard_log.available():
        raise ConfigError("tensorboard", tensorboard_log.MISSING)
    root = Path(folder).expanduser()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError("tensorboard", f"cannot write to {root} ({e.strerror or e})") from None
    if not os.access(root, os.W_OK | os.X_OK):
        raise ConfigError("tensorboard", f"cannot write to {root} (permission denied)")
    engine.tensorboard_root = str(root)
    return str(root)


def run_started(engine) -> None:
    """A run begins: its own folder under the chosen one, if one is chosen."""
    from playground.io.tensorboard_log import TensorBoardLog

    if engine.tensorboard_root is None or engine.board is not None:
        return
    try:
        board = TensorBoardLog(engine.tensorboard_root, engine.trainer.config, engine.trainer.preset)
        board.attach(engine.trainer)
    except Exception as e:  # ImportError, OSError, a graph TensorBoard cannot take: train on without it
        engine.emit(p.TensorBoardRun(None, f"{type(e).__name__}: {e}"))
        return
    engine.board = board
    engine.emit(p.TensorBoardRun(str(board.folder)))


def run_ended(engine, summary) -> None:
    """The run's hyperparameters and final metrics, and its files closed."""
    board, engine.board = engine.board, None
    if board is None:
        return
    try:
        board.detach(engine.trainer)
        board.close(summary)
    except Exception as e:  # a full disk must not lose the run the user just watched
        engine.emit(p.TensorBoardRun(str(board.folder), f"{type(e).__name__}: {e}"))
