"""What the window (or the CLI) and the engine say to each other: typed commands and events.

Commands go in, events come out, in order, through a transport (a thread, a process, or a plain
call for the CLI). Everything here is a small frozen dataclass of plain values and numpy arrays
that pickles cheaply: never a tensor, never a Trainer. ``seq`` numbers a command; the ``Reply``
to it (for commands that can fail: files, settings) carries the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

import numpy as np

from playground.core.config import TrainConfig


class RunState(str, Enum):
    """Where the engine stands. A str, so ``state == "idle"`` reads naturally."""

    IDLE = "idle"  # no run: settings, files, reset and steps are welcome
    RUNNING = "running"  # a run is training
    PAUSED = "paused"  # a run waits between two steps: Step and Resume go on from there
    STEPPING = "stepping"  # one step is being taken (from idle or paused; back there afterwards)

    def __str__(self) -> str:
        return self.value


class ModelChange(str, Enum):
    """Why the engine now has another network (or the same one, rewound)."""

    NEW = "new"  # the settings changed the data or the architecture
    RESET = "reset"  # new initial weights from the seed
    BROUGHT_BACK = "brought_back"  # Edit > Bring back: the network a change replaced
    OPENED = "opened"  # a session file
    WEIGHTS = "weights"  # imported weights (same network, other values)
    RESTORED = "restored"  # after the training process was lost: the last checkpoint
    SHOWN = "shown"  # the same network, described again (a new window took over the engine)
    DATA = "data"  # the same network (weights, history), other data: points drawn or removed

    def __str__(self) -> str:
        return self.value


# -- commands ------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Command:
    seq: int = 0


@dataclass(frozen=True)
class SetConfig(Command):
    """Settings as the controls show them. Pace fields (learning rate, epochs, batch size)
    change the network in place, even mid-run; anything else makes a new network (idle only).
    ``table``: your own data (core.records.DataTable) for a config whose dataset is "custom"; None
    keeps the network's table, or reads the config's ``data`` file."""

    config: TrainConfig
    preset: str | None = None
    table: Any = None


@dataclass(frozen=True)
class SetLearningRate(Command):
    learning_rate: float


@dataclass(frozen=True)
class Train(Command):
    """Start a run (to the end of this round of epochs, or a new round); resume if paused."""


@dataclass(frozen=True)
class Pause(Command):
    pass


@dataclass(frozen=True)
class Resume(Command):
    pass


@dataclass(frozen=True)
class Stop(Command):
    pass


@dataclass(frozen=True)
class Step(Command):
    """One mini-batch: from idle, or while a run is paused (it stays paused)."""


@dataclass(frozen=True)
class Reset(Command):
    """New initial weights from the seed; the trained network stays a Bring back away."""


@dataclass(frozen=True)
class BringBack(Command):
    """Swap in the trained network that the last settings change, reset or open replaced."""


@dataclass(frozen=True)
class LoadWeights(Command):
    path: str


@dataclass(frozen=True)
class Export(Command):
    path: str  # the extension picks the format
    lang: str | None = None  # a notebook's language ("en", "zh_CN"): the window's; None: the environment's


@dataclass(frozen=True)
class SaveSession(Command):
    """``runs``: the window's earlier runs (dicts in io/session_runs.py's form, oldest first), saved
    with the network; the engine only carries them into the file."""

    path: str
    runs: tuple[dict, ...] = ()


@dataclass(frozen=True)
class OpenSession(Command):
    """A session file: a new network (ModelInfo OPENED). The file's earlier runs are the window's:
    the engine checks them (a bad one refuses the file) and the window reads them from the file's
    header once the Reply is ok (io/session_runs.read_session_runs)."""

    path: str


@dataclass(frozen=True)
class ImportData(Command):
    """Your own data from a CSV file (engine/data.py): a new network on it (ModelInfo NEW, idle
    only). A bad file: a Reply with ok False, field "data" and the reader's one line."""

    path: str


@dataclass(frozen=True)
class EditPoints(Command):
    """Points drawn in the output view: ``add`` (x1, x2, label: a class index or a value) joins the
    train set, ``remove`` takes the point nearest each (x1, x2). 2-D data only; catalog data first
    becomes your own (the same points and split). Any state, mid-run too (between two steps): the
    network, its weights and its history stay (ModelInfo DATA)."""

    add: tuple[tuple[float, float, float], ...] = ()
    remove: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class ExportData(Command):
    """The points as CSV: features, label, split and the network's prediction (any state: between two steps)."""

    path: str


@dataclass(frozen=True)
class ExportHistory(Command):
    """The loss history as CSV: one row per step, the epoch metrics where an epoch ended."""

    path: str


@dataclass(frozen=True)
class Restore(Command):
    """Continue from a ``Checkpoint`` (a new engine after the old one was lost)."""

    data: bytes


@dataclass(frozen=True)
class Describe(Command):
    """Send the network again as it stands (ModelInfo SHOWN) and then its views."""


@dataclass(frozen=True)
class CaptureViews(Command):
    """Send the graph and the output/network views as the weights stand now."""


@dataclass(frozen=True)
class SetLiveViews(Command):
    """Graph and views during runs on or off; applies from the next step of a run in progress."""

    on: bool


@dataclass(frozen=True)
class SetTensorBoard(Command):
    """Write each run from now on for TensorBoard, in its own folder under ``folder`` (None: stop).
    Refused (field "tensorboard") without the tensorboard package or a folder that can be written.
    The Reply's path is the folder (engine/tensorboard_runs.py)."""

    folder: str | None


@dataclass(frozen=True)
class InspectNode(Command):
    """The node the graph inspector shows ("" for none): during runs the graph probe computes value
    and gradient histograms for its parameters only (a parameter node, or a layer box "layer:fc1")."""

    node_id: str


@dataclass(frozen=True)
class InspectImage(Command):
    """The test image whose feature maps the CNN's view shows (an index into the test set, 0 first):
    the views are sent again at rest; during runs the next views snapshot has it."""

    index: int = 0


@dataclass(frozen=True)
class SetPace(Command):
    """How runs go: at most ``steps_per_second`` (None: as fast as it can), and whether a run
    stops at the end of its round of epochs or goes on until paused (``until_paused``)."""

    steps_per_second: float | None = None
    until_paused: bool = False


PHASES = ("forward", "loss", "zero_grad", "backward", "step")  # one training iteration, in the article's order


@dataclass(frozen=True)
class PhaseStep(Command):
    """The next phase of one mini-batch (PHASES, one per command), from idle or a paused run.
    After ``step`` the network is where one ``Step`` would have put it (same batch, same result).
    Any other command that trains or changes the network first gives the unfinished batch back
    (before ``step`` nothing has written a weight), so phase steps and runs mix freely."""


@dataclass(frozen=True)
class ExplainWeight(Command):
    """Explain the gradient of one number (``param``, e.g. "fc1.weight", at ``index``) by the chain
    rule with the live numbers, beside autograd's ``.grad`` (idle, paused, or mid-walk); it is also
    the weight whose update the ``step`` phase shows. The batch: the walk's once its forward pass
    ran, else the one the next step takes (nothing moves). A bad name or index: a Reply with ok
    False and field "param" or "index"."""

    param: str
    index: tuple[int, ...]


@dataclass(frozen=True)
class ReadWeight(Command):
    """One number of the network (``param``, e.g. "fc2.weight", at ``index``): its value and its
    ``.grad`` from the last backward pass, answered by ``WeightValue`` (a bad name or index: a Reply
    with ok False and field "param" or "index"). Any state: nothing moves."""

    param: str
    index: tuple[int, ...]


@dataclass(frozen=True)
class SetWeight(Command):
    """Write one number of the network in place (idle or paused, never while a run trains), as
    TensorFlow Playground's weight editor does; the views follow. History, optimizer state and
    batch order stay: the next step trains on from the edited weights. Refused (ok False) for a bad
    name ("param"), index ("index") or a value that is not a finite number ("value")."""

    param: str
    index: tuple[int, ...]
    value: float


@dataclass(frozen=True)
class RaceDevices(Command):
    """The device lesson: steps per second of the current network's task on every device present,
    as the hidden layers widen (one ``DeviceRace`` event per measurement)."""

    widths: tuple[int, ...] = (16, 64, 256, 1024)
    steps: int = 30


@dataclass(frozen=True)
class ShowDeviceMismatch(Command):
    """The device lesson: run the classic mistake (model and data on different devices) and its
    fix, ``.to(device)``; one ``DeviceMismatch`` event says what happened."""


@dataclass(frozen=True)
class Shutdown(Command):
    """End the engine (a run in progress stops first)."""


# -- events --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    pass


@dataclass(frozen=True)
class Ready(Event):
    """The engine is up (in a process: torch is imported and warmed up). ``devices``: the
    core.devices.DeviceInfo the engine's machine has (the window's process asks no torch)."""

    devices: tuple[Any, ...] = ()


@dataclass(frozen=True)
class StateChanged(Event):
    state: RunState


@dataclass(frozen=True, eq=False)
class ModelInfo(Event):
    """The network the engine now has, and all the window needs to show it from scratch."""

    model_id: int  # a new number for each network (NEW, RESET, OPENED, ...); same for WEIGHTS
    reason: ModelChange
    config: TrainConfig
    preset: str | None
    dataset: Any  # core.datasets.Dataset: numpy arrays
    sizes: tuple[int, ...]  # neurons per layer, input to output
    steps_per_epoch: int
    step: int
    epoch: int
    target_epochs: int  # the end of the current round
    history: tuple[Any, ...]  # EpochMetrics per completed epoch
    step_losses: np.ndarray  # float64, one per step
    learning_rate: float
    previous_steps: int | None  # steps of the network Bring back would restore; None: nothing to bring back


@dataclass(frozen=True)
class ConfigChanged(Event):
    """A pace setting changed in place (learning rate, epochs, batch size): what trains now."""

    config: TrainConfig
    preset: str | None
    target_epochs: int
    in_reply_to: int  # the command's seq


@dataclass(frozen=True, eq=False)
class Views(Event):
    """The graph and the output/network views as the weights stand (outside the run's snapshots)."""

    step: int
    graph: Any  # core GraphSnapshot or None
    views: Any  # core view snapshot or None


@dataclass(frozen=True)
class RunFinished(Event):
    summary: Any  # core.training.Summary


@dataclass(frozen=True)
class RunFailed(Event):
    """An unexpected error ended the run; the steps before it are kept. RunFinished follows."""

    message: str


@dataclass(frozen=True)
class TensorBoardRun(Event):
    """A run's TensorBoard folder: ``folder`` is being written (``error`` ""), or the run is not
    written (``folder`` None) or its last records were not (both set), and why."""

    folder: str | None
    error: str = ""


@dataclass(frozen=True)
class Reply(Event):
    in_reply_to: int
    ok: bool
    message: str = ""  # what went wrong, in one line ("" when ok)
    path: str | None = None  # the file written or read
    field: str = ""  # the setting or file role the error is about (ConfigError.field)


@dataclass(frozen=True, eq=False)
class Checkpoint(Event):
    """Where training stands, for a new engine should this one be lost (sent after each run)."""

    data: bytes


@dataclass(frozen=True)
class EngineLost(Event):
    """Made by the transport, not the engine: the engine's process ended unexpectedly."""

    message: str


@dataclass(frozen=True, eq=False)
class PhaseReport(Event):
    """What one phase of a mini-batch did (``PhaseStep``), in plain numbers (core.iteration's
    ``PhaseResult``). Node ids are core.trace's, the same in every phase of one mini-batch.

    forward: ``graph`` (the autograd graph of the output, a core GraphSpec without the loss),
    ``order`` (its node ids as the forward pass made them: inputs and parameters first, then the
    ops), ``node_values`` ({node id: {"shape": [...], "values": [up to 4 floats]}}: the node's
    output for the first sample of the batch; for a parameter its first numbers). loss: ``graph``
    (the whole graph, now with the loss), ``order`` (the node ids it added: "target", the loss
    function's ops, "loss"), their ``node_values``, and ``loss``. zero_grad: ``grad_norms``
    ({parameter name: norm of .grad before}, None for no .grad) and after (``grads_after``: None,
    torch's set_to_none). backward: ``order`` ("loss", then node ids in the order autograd ran
    them, each parameter as its gradient arrives: the last is a parameter), ``grad_norms`` ({node
    id: norm of the gradient flowing into the node's output; "param:NAME": norm of p.grad; "loss":
    1.0}). step: ``update`` (core WeightUpdate of the selected weight; None when the step was not
    taken: the run diverged), ``changes`` ({parameter name: norm of w_new - w}), ``node_values``
    of the parameter nodes ("param:NAME") after the step, and ``step`` (steps taken, this one
    included). ``batch_size`` in every phase. After ``step`` the engine sends what a ``Step``
    sends (StateChanged stepping and back, a TrainSnapshot, later Views)."""

    phase: str  # one of PHASES
    step: int  # steps taken before this batch (after ``step``: including it)
    batch_size: int = 0
    graph: Any = None
    order: tuple[str, ...] = ()
    node_values: Any = None
    loss: float | None = None
    grad_norms: Any = None
    grads_after: Any = None
    update: Any = None
    changes: Any = None
    # forward only: the walk before this one was given up unfinished (a Train, Step, Reset, new
    # settings... came in between), so this mini-batch starts over from forward
    model_changed: bool = False


@dataclass(frozen=True, eq=False)
class GradientExplained(Event):
    """The chain rule for one weight (core GradientExplanation), answering ``ExplainWeight``."""

    explanation: Any
    in_reply_to: int


@dataclass(frozen=True)
class WeightValue(Event):
    """``ReadWeight``'s answer: the number as it stands and its ``.grad`` (None before any backward
    pass, or after ``zero_grad``)."""

    param: str
    index: tuple[int, ...]
    value: float
    grad: float | None
    in_reply_to: int


@dataclass(frozen=True)
class DeviceRace(Event):
    """One measurement of ``RaceDevices``: ``done`` on the last one."""

    device: str
    width: int
    steps_per_second: float
    done: bool = False
    parameters: int = 0


@dataclass(frozen=True)
class DeviceMismatch(Event):
    """``ShowDeviceMismatch``: the code with the mistake, the error PyTorch gave, and the fix."""

    devices: tuple[str, ...]  # the devices present ("cpu", "cuda:0", ...)
    code: str  # the mistake
    error: str  # PyTorch's message, as a student sees it ("" when it cannot happen here)
    fixed_code: str
    fixed_result: str  # what the fixed code printed
    note: str = ""  # e.g. no GPU here: what the lesson shows instead


@dataclass(frozen=True)
class Closed(Event):
    """The engine has ended (after Shutdown)."""


