"""Earlier runs of the session (Compare runs): kept when a network is replaced, drawn as fainter
curves in the loss pane, listed in its Runs tab.

``RunHistory`` follows the engine's events: the network shown grows its per-epoch history from
the snapshots; a run's end leaves its summary (steps/s, seconds); when another network replaces it
(NEW, RESET, OPENED with a new model id) a trained one becomes an earlier run, up to ``MAX_RUNS``
(the oldest dropped). Each is labelled with what differed from the current settings
(``differences``), unless the user renamed it.

Saved sessions keep them (the run on screen is the session's network itself): File > Save session
sends ``saved()`` with ``SaveSession`` (``EarlierRun.to_dict`` / ``from_dict``: the one conversion,
both ways; io/session_runs.py checks that form); File > Open session hands the file's runs to
``open_runs`` once the engine has opened it (ModelInfo OPENED came first). Opening replaces the
window's earlier runs with the file's, in the file's order, names and shown state (none for a
session saved before runs were kept). The network the open replaced is treated as any replaced
network is (NEW, RESET, OPENED with a new model id): if it trained, it becomes an earlier run,
after the file's ones, so opening a session never loses the run on screen.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from playground.core.config import TrainConfig
from playground.core.records import EpochMetrics
from playground.engine.protocol import ModelChange, RunState
from playground.ui.views.runs_table import RunsTable

MAX_RUNS = 10
REPLACED = (ModelChange.NEW, ModelChange.RESET, ModelChange.OPENED)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _numbers(values) -> str:
    return ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values)


# What differs, in short words: field -> its value as a word or two ("lr 0.1", "adam", "16,16")
FORMATTERS = {
    "dataset": lambda v: translate("RunHistory", "dataset {0}").format(v),
    "model": lambda v: str(v),
    "hidden": lambda v: _numbers(v) if v else translate("RunHistory", "no hidden layer"),
    "channels": lambda v: translate("RunHistory", "conv {0}").format(_numbers(v)),
    "kernel_size": lambda v: translate("RunHistory", "kernel {0}").format(v),
    "heads": lambda v: translate("RunHistory", "heads {0}").format(v),
    "activation": lambda v: str(v),
    "optimizer": lambda v: str(v),
    "learning_rate": lambda v: translate("RunHistory", "lr {0:g}").format(v),
    "batch_size": lambda v: translate("RunHistory", "batch {0}").format(v),
    "epochs": lambda v: translate("RunHistory", "{0} epochs").format(v),
    "seed": lambda v: translate("RunHistory", "seed {0}").format(v),
    "data_seed": lambda v: translate("RunHistory", "data seed {0}").format("-" if v is None else v),
    "noise": lambda v: translate("RunHistory", "noise {0:g}").format(v),
    "samples": lambda v: translate("RunHistory", "{0} samples").format(v),
    "train_fraction": lambda v: translate("RunHistory", "train {0:.0%}").format(v),
    "classes": lambda v: translate("RunHistory", "{0} classes").format("-" if v is None else v),
    "features": lambda v: "+".join(v),
    "data": lambda v: str(v).replace("\\", "/").rsplit("/", 1)[-1] or translate("RunHistory", "drawn data"),
    "standardize": lambda v: translate("RunHistory", "standardized") if v else translate("RunHistory", "raw features"),
    "dropout": lambda v: translate("RunHistory", "dropout {0}").format(_numbers(v) if isinstance(v, tuple) else f"{v:g}"),
    "weight_decay": lambda v: translate("RunHistory", "decay {0:g}").format(v),
    "regularization": lambda v: translate("RunHistory", "no regularization") if v == "none" else str(v),
    "regularization_rate": lambda v: translate("RunHistory", "reg. rate {0:g}").format(v),
    "device": lambda v: str(v),
}


def differences(old: TrainConfig, current: TrainConfig) -> str:
    """What ``old`` has that ``current`` has not, in short words ("sgd, lr 0.1"); "" when alike."""
    words = []
    for f in fields(TrainConfig):
        a, b = getattr(old, f.name), getattr(current, f.name)
        if a != b:
            fmt = FORMATTERS.get(f.name, lambda v, n=f.name: f"{n} {v}")
            words.append(fmt(a))
    return ", ".join(words)


def settings_summary(config: TrainConfig) -> str:
    """The settings a run is told apart by, in one line: "circle, 8,8 tanh, sgd lr 0.03, batch 10"."""
    return ", ".join((config.dataset, f"{_numbers(config.hidden)} {config.activation}",
                      f"{config.optimizer} lr {config.learning_rate:g}", translate("RunHistory", "batch {0}").format(config.batch_size)))


@dataclass
class EarlierRun:
    number: int  # 1, 2, ... in the order the runs were kept
    config: TrainConfig
    preset: str | None
    history: list = field(default_factory=list)  # EpochMetrics per epoch
    summary: dict | None = None  # the last finished run's (steps_per_second, seconds)
    seconds: float = 0.0  # all the rounds' time together
    name: str = ""  # the user's; "" for what differed
    label: str = ""
    shown: bool = True

    @property
    def settings(self) -> str:
        return settings_summary(self.config)

    @property
    def final(self):
        return self.history[-1] if self.history else None

    def to_dict(self) -> dict:
        """The run as a session keeps it (io/session_runs.py checks this form); the label is not
        kept: it follows the name or what differs from the settings of the day."""
        return {"number": self.number, "name": self.name, "preset": self.preset, "shown": self.shown,
                "config": self.config.to_dict(), "history": [asdict(m) for m in self.history],
                "summary": dict(self.summary) if self.summary is not None else None,
                "seconds": float(self.seconds)}

    @classmethod
    def from_dict(cls, d: dict) -> EarlierRun:
        """A run from ``to_dict``'s form, as io/session_runs.py has checked it."""
        return cls(number=d["number"], config=TrainConfig.from_dict(d["config"]), preset=d["preset"],
                   history=[EpochMetrics(**m) for m in d["history"]], summary=d["summary"],
                   seconds=d["seconds"], name=d["name"], shown=d["shown"])


class RunHistory(QObject):
    """The earlier runs of the session, wired to the window's engine, loss view and Runs tab."""

    changed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.runs: list[EarlierRun] = []
        self._current: EarlierRun | None = None
        self._model_id: int | None = None
        self._count = 0
        self._replaced_by_open: EarlierRun | None = None  # the run the last OPENED kept (open_runs)
        self.table = RunsTable()
        window.runsTable = self.table
        c = self.controller
        c.modelChanged.connect(self._on_model)
        c.snapshotReady.connect(self._on_snapshot)
        c.configChanged.connect(self._on_config)
        c.runFinished.connect(self._on_finished)
        self.table.shownChanged.connect(self.set_shown)
        self.table.renamed.connect(self.rename)
        self.table.bringBackRequested.connect(self.bring_back)
        self.changed.connect(self._show)

    # -- engine events --------------------------------------------------------------------
    @Slot(object)
    def _on_model(self, info) -> None:
        if info.reason is ModelChange.DATA:
            return
        self._replaced_by_open = None
        if info.reason in REPLACED and info.model_id != self._model_id and self._current is not None \
                and self._current.history:
            self._keep(self._current)
            if info.reason is ModelChange.OPENED:
                self._replaced_by_open = self._current
        if info.model_id != self._model_id or self._current is None:
            self._current = EarlierRun(0, info.config, info.preset, list(info.history))
        else:  # the same network, rewound or described again: its own history, its summary kept
            self._current.config, self._current.preset = info.config, info.preset
            self._current.history = list(info.history)
        self._model_id = info.model_id
        self._relabel()

    @Slot(object)
    def _on_snapshot(self, snap) -> None:
        if self._current is not None and snap.new_epochs:
            self._current.history.extend(snap.new_epochs)

    @Slot(object)
    def _on_config(self, event) -> None:
        if self._current is not None:  # the learning rate (or epochs, batch) changed in place
            self._current.config, self._current.preset = event.config, event.preset
            self._relabel()

    @Slot(dict)
    def _on_finished(self, summary: dict) -> None:
        if self._current is not None:
            self._current.summary = summary
            self._current.seconds += float(summary.get("seconds") or 0.0)

    def _keep(self, run: EarlierRun) -> None:
        self._count += 1
        run.number = self._count
        self.runs.append(run)
        del self.runs[:-MAX_RUNS]

    def _relabel(self) -> None:
        current = self._current.config if self._current is not None else None
        for run in self.runs:
            words = differences(run.config, current) if current is not None else ""
            run.label = run.name or words or self.tr("run {0}").format(run.number)
        self.changed.emit()

    # -- sessions -------------------------------------------------------------------------
    def saved(self) -> list[dict]:
        """The earlier runs as a session keeps them, oldest first."""
        return [run.to_dict() for run in self.runs]

    def open_runs(self, saved: list[dict]) -> None:
        """A session's runs (checked dicts, oldest first) replace the earlier runs; the network the
        open replaced, if it trained, stays one, after them."""
        replaced, self._replaced_by_open = self._replaced_by_open, None
        self.runs = [EarlierRun.from_dict(d) for d in saved][-MAX_RUNS:]
        self._count = max((run.number for run in self.runs), default=0)
        if replaced is not None:
            self._keep(replaced)
        self._relabel()

    def take_over(self, other: RunHistory) -> None:
        """The earlier runs (and the run on screen) of the window this one replaces (a language switch)."""
        self.runs, self._current = list(other.runs), other._current
        self._model_id, self._count = other._model_id, other._count
        self._relabel()

    # -- the user's -----------------------------------------------------------------------
    @Slot(int, bool)
    def set_shown(self, row: int, on: bool) -> None:
        if 0 <= row < len(self.runs) and self.runs[row].shown != on:
            self.runs[row].shown = on
            self.window.lossView.set_earlier_runs(self.runs)

    @Slot(int, str)
    def rename(self, row: int, name: str) -> None:
        if 0 <= row < len(self.runs):
            self.runs[row].name = name.strip()
            self._relabel()

    @Slot(int)
    def bring_back(self, row: int) -> bool:
        """The run's settings become the current ones (a new network with them); False while training."""
        if not 0 <= row < len(self.runs) or self.controller.state is not RunState.IDLE:
            return False
        run = self.runs[row]
        self.controller.set_config(run.config, run.preset)
        return True

    @Slot()
    def _show(self) -> None:
        self.window.lossView.set_earlier_runs(self.runs)
        self.table.set_runs(self.runs)
        tabs = self.window.lossView.tabs
        if self.runs and tabs.indexOf(self.table) < 0:  # the tab comes with the first earlier run:
            tabs.addTab(self.table, self.tr("Runs"))  # a narrow pane has room for two tabs' names
        elif not self.runs and tabs.indexOf(self.table) >= 0:  # a session without runs opened
            tabs.removeTab(tabs.indexOf(self.table))


__all__ = ["MAX_RUNS", "EarlierRun", "RunHistory", "differences", "settings_summary"]
