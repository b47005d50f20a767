"""A run written for TensorBoard (``playground train --tensorboard DIR``), with torch.utils.tensorboard.

Each run gets its own folder under DIR, ``<YYYYmmdd-HHMMSS>-<preset or dataset>`` (``-2``, ``-3`` ... when
that name is taken), so ``tensorboard --logdir DIR`` shows the runs side by side. It holds:

- scalars per epoch (the step axis is the epoch): ``loss/train``, ``loss/test``, ``accuracy/train``,
  ``accuracy/test`` (classification only) and ``learning_rate``;
- histograms per epoch of each parameter, ``weights/<name>`` (``weights/fc1.weight``), and of its
  gradient from the epoch's last step, ``gradients/<name>``;
- the model graph once, traced on one mini-batch (a model that cannot be traced: one line on stderr);
- the hyperparameters (the config's fields) with the final metrics (``hparam/...``), at the end.

TensorBoard is an optional extra (``pip install "pytorch-playground[tensorboard]"``): ``available()``
says whether it is installed, and NOT_INSTALLED (MISSING, after the field) is what to tell the user when it is not.
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

MISSING = 'not installed; pip install "pytorch-playground[tensorboard]"'  # the ConfigError's message (field tensorboard)
NOT_INSTALLED = f"tensorboard: {MISSING}"  # the line the CLI prints


def available() -> bool:
    """Whether torch.utils.tensorboard can write: it needs the ``tensorboard`` package."""
    try:
        import tensorboard  # noqa: F401
    except ImportError:
        return False
    return True


def run_folder(root: str | Path, name: str, now: float | None = None) -> Path:
    """A new folder for one run under ``root``: ``<time>-<name>``, numbered if it exists."""
    root = Path(root)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "run"
    base = root / f"{stamp}-{safe}"
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


def _hparam(value):
    """A config value as TensorBoard's hparams take it: bool, int, float or str."""
    if isinstance(value, (bool, int, float, str)):
        return value
    return "" if value is None else str(value)


class TensorBoardLog:
    """Writes one run for TensorBoard: ``attach(trainer)``, train, then ``close(summary)`` (``detach`` first if the
    trainer trains on unlogged)."""

    def __init__(self, root: str | Path, config, preset: str | None = None) -> None:
        from torch.utils.tensorboard import SummaryWriter  # ImportError without the tensorboard package

        self.config = config
        self.folder = run_folder(root, preset or config.dataset)
        self.folder.mkdir(parents=True, exist_ok=False)
        self.writer = SummaryWriter(log_dir=str(self.folder))
        self.last = None  # the last epoch's metrics
        self._graphed = False
        self._own_step = None

    def attach(self, trainer) -> None:
        """Log each epoch the trainer ends: its ``train_step`` is wrapped (on this instance only)."""
        step: Callable = trainer.train_step
        self._own_step = trainer.__dict__.get("train_step")  # a wrapper already on this instance, kept by detach

        def train_step():
            result = step()
            if result.epoch_end is not None:
                self.epoch(trainer, result.epoch_end)
            return result

        trainer.train_step = train_step
        self.graph(trainer)

    def detach(self, trainer) -> None:
        """Stop logging the trainer's epochs (undoes ``attach``)."""
        if self._own_step is None:
            trainer.__dict__.pop("train_step", None)
        else:
            trainer.train_step = self._own_step

    def graph(self, trainer) -> None:
        """The model graph, traced once on one mini-batch; a model that cannot be traced is skipped."""
        if self._graphed:
            return
        self._graphed = True
        model = trainer.model
        was_training = model.training
        try:
            batch = trainer.x_train[: max(1, trainer.config.batch_size)]
            with warnings.catch_warnings():  # torch.jit.trace's deprecation and tracer warnings: not the user's
                warnings.simplefilter("ignore")
                self.writer.add_graph(model, batch)
        except Exception as e:  # tracing is best effort: control flow, custom modules
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            print(f"tensorboard: no model graph ({type(e).__name__}: {first[:200]})", file=sys.stderr)
        finally:
            model.train(was_training)

    def epoch(self, trainer, m) -> None:
        """One epoch's scalars and histograms, at step ``m.epoch``."""
        w, n = self.writer, m.epoch
        self.last = m
        w.add_scalar("loss/train", m.train_loss, n)
        w.add_scalar("loss/test", m.test_loss, n)
        if m.train_accuracy is not None:
            w.add_scalar("accuracy/train", m.train_accuracy, n)
        if m.test_accuracy is not None:
            w.add_scalar("accuracy/test", m.test_accuracy, n)
        w.add_scalar("learning_rate", trainer.learning_rate, n)
        for name, p in trainer.model.named_parameters():
            w.add_histogram(f"weights/{name}", p.detach().float().cpu(), n)
            if p.grad is not None:
                w.add_histogram(f"gradients/{name}", p.grad.detach().float().cpu(), n)
        w.flush()

    def close(self, summary=None) -> None:
        """The hyperparameters with the final metrics (those the run has), then the files are closed."""
        try:
            d = summary.to_dict() if summary is not None else {}
            metrics = {f"hparam/{k}": float(d[k]) for k in ("train_loss", "test_loss", "train_accuracy",
                                                            "test_accuracy") if d.get(k) is not None}
            if not metrics and self.last is not None:
                metrics = {"hparam/test_loss": float(self.last.test_loss)}
            hparams = {k: _hparam(v) for k, v in self.config.to_dict().items() if k != "schema_version"}
            if d.get("preset"):
                hparams["preset"] = d["preset"]
            # run_name ".": the hparams go into this run's folder, not a new one beside it
            self.writer.add_hparams(hparams, metrics or {"hparam/epochs_run": 0.0}, run_name=".")
        finally:
            self.writer.close()
