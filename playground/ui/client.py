"""The window's side of the engine: commands out, engine events in as Qt signals.

The engine (``playground.engine``) owns the network; this client keeps only what the window
shows (the settings as displayed, the last ``ModelInfo``, the step count, the run state) and
turns each event into a signal on the GUI thread, in the order the engine sent them. It never
holds a tensor. If the engine's process is lost, a new engine starts from the last checkpoint
(or, before any run ended, from the settings shown) and ``runFailed`` says what happened.
"""

from __future__ import annotations

import collections
import gc
import threading

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from playground.core.config import TrainConfig
from playground.core.devices import remember_devices
from playground.engine import protocol as p
from playground.engine import transport as transports
from playground.engine.protocol import RunState
from playground.engine.reporter import TrainSnapshot
from playground.ui.busy import wait_busy


class _GuiThreadGarbage:
    """Python's cycle collector runs in whichever thread allocates when a threshold is passed: in
    the engine's thread or the event reader, it would destroy the Qt objects of a closed window
    there, and Qt deadlocks (a QObject may only die in its own thread). While an engine runs, the
    automatic collector is off and the GUI thread collects on a timer instead (pyqtgraph's
    GarbageCollector does the same)."""

    users = 0

    @classmethod
    def start(cls, owner: QObject) -> QTimer:
        if cls.users == 0:
            gc.disable()
        cls.users += 1
        timer = QTimer(owner, interval=1000)
        timer.timeout.connect(cls.collect)
        timer.start()
        return timer

    @classmethod
    def stop(cls, timer: QTimer) -> None:
        timer.stop()
        cls.users = max(0, cls.users - 1)
        gc.collect()  # here, in the GUI thread
        if cls.users == 0:
            gc.enable()

    @staticmethod
    def collect() -> None:
        thresholds, counts = gc.get_threshold(), gc.get_count()
        if counts[0] > thresholds[0]:
            gc.collect(2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0)


class EngineClient(QObject):
    snapshotReady = Signal(object)  # engine.reporter.TrainSnapshot
    viewsReady = Signal(object)  # protocol.Views: graph and output views outside a run's snapshots
    modelChanged = Signal(object)  # protocol.ModelInfo: another network (or the same, rewound)
    configChanged = Signal(object)  # protocol.ConfigChanged: a pace setting the engine applied
    stateChanged = Signal(str)  # RunState value: "idle" | "running" | "paused" | "stepping"
    runFinished = Signal(dict)  # the summary, same keys as `playground train --json`
    runFailed = Signal(str, bool)  # an unexpected error ended the run: message, steps kept
    notice = Signal(str)  # a passing message for the status bar
    replied = Signal(object)  # protocol.Reply
    configRefused = Signal(object, object)  # the engine kept its settings: (config, preset) it has
    engineReady = Signal()
    phaseReported = Signal(object)  # protocol.PhaseReport: one phase of one mini-batch
    gradientExplained = Signal(object)  # protocol.GradientExplained: the chain rule for one weight
    weightRead = Signal(object)  # protocol.WeightValue: one weight's value and .grad (read_weight)
    deviceRaced = Signal(object)  # protocol.DeviceRace: one measurement of the device lesson's race
    deviceMismatchShown = Signal(object)  # protocol.DeviceMismatch
    tensorBoardRun = Signal(object)  # protocol.TensorBoardRun: where a run is written for TensorBoard
    _wake = Signal()

    def __init__(self, config: TrainConfig, preset: str | None = None, parent: QObject | None = None,
                 separate_process: bool | None = None):
        super().__init__(parent)
        self._events: collections.deque = collections.deque()
        self._lock = threading.Lock()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._seq = 0
        self._last_pace_seq = 0  # the newest pace command sent: older echoes are stale
        self._waiting: dict[int, QEventLoop] = {}
        self._replies: dict[int, p.Reply] = {}
        self._checkpoint: bytes | None = None
        self._closed = False
        self.state = RunState.IDLE
        self.config, self.preset = config, preset  # what the engine has (as far as we have heard)
        self._engine_config = (config, preset)  # ... as the engine last confirmed it
        self._config_seqs: set[int] = set()  # settings commands not answered yet
        self.model: p.ModelInfo | None = None
        self.step_count = 0
        self.live_views = True
        self.inspected = ""  # the node the graph inspector shows: the graph probe's histograms are for it
        self.picked_image = 0  # the test image whose feature maps the CNN's view shows
        self.pace: tuple[float | None, bool] = (None, False)  # steps a second, until paused
        self.tensorboard: str | None = None  # runs are written for TensorBoard under it (ui/tensorboard.py)
        self.is_ready = False
        self._garbage = _GuiThreadGarbage.start(self)
        wanted_process = transports.use_process_default() if separate_process is None else separate_process
        self.transport = transports.start_transport(self._on_event, separate_process)
        if wanted_process and self.transport.kind == "thread":
            self._on_event(_FellBack())  # said once the window listens
        self.send(p.SetConfig(config, preset))

    # -- what the engine has --------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A run is on (running, paused or a step being taken)."""
        return self.state is not RunState.IDLE

    @property
    def awaited(self) -> set[int]:
        """Commands whose reply someone is waiting for (``request``)."""
        return set(self._waiting)

    @property
    def separate_process(self) -> bool:
        return self.transport.kind == "process"

    # -- commands -------------------------------------------------------------------------
    def send(self, command: p.Command) -> int:
        """Send a command; returns its seq (its Reply carries the same)."""
        if self._closed:
            return 0
        self._seq += 1
        command = _with_seq(command, self._seq)
        if isinstance(command, (p.SetConfig, p.SetLearningRate)):
            self._last_pace_seq = self._seq
            self._config_seqs.add(self._seq)
        self.transport.send(command)
        return self._seq

    def request(self, command: p.Command, parent: QWidget | None = None, text: str | None = None) -> p.Reply:
        """Send a command and wait for its Reply, the window painting meanwhile (input held back)."""
        seq = self.send(command)
        if seq == 0:
            return p.Reply(0, False, "the engine has ended")
        if seq not in self._replies:
            loop = QEventLoop()
            self._waiting[seq] = loop
            try:
                wait_busy(parent, text, loop)
            finally:
                self._waiting.pop(seq, None)
        return self._replies.pop(seq, None) or p.Reply(seq, False, "no answer from the engine")

    def set_config(self, config: TrainConfig, preset: str | None) -> None:
        self.config, self.preset = config, preset
        self.send(p.SetConfig(config, preset))

    def set_learning_rate(self, lr: float) -> None:
        self.send(p.SetLearningRate(lr))

    @Slot()
    def train(self) -> None:
        if not self.is_ready:
            self.notice.emit(self.tr("Starting the training process (loading PyTorch)..."))
        self.send(p.Train())

    @Slot()
    def pause(self) -> None:
        self.send(p.Pause())

    @Slot()
    def resume(self) -> None:
        self.send(p.Resume())

    @Slot()
    def stop(self) -> None:
        self.send(p.Stop())

    @Slot()
    def step(self) -> None:
        self.send(p.Step())

    @Slot()
    def reset(self) -> None:
        self.send(p.Reset())

    @Slot()
    def bring_back(self) -> None:
        self.send(p.BringBack())

    @Slot()
    def capture_views(self) -> None:
        self.send(p.CaptureViews())

    @Slot(bool)
    def set_live_views(self, on: bool) -> None:
        self.live_views = bool(on)
        self.send(p.SetLiveViews(self.live_views))

    @Slot(str)
    def inspect_node(self, node_id: str) -> None:
        """The graph inspector shows ``node_id`` ("" none): its histograms come with the live graph."""
        self.inspected = node_id
        self.send(p.InspectNode(node_id))

    @Slot(int)
    def inspect_image(self, index: int) -> None:
        """The CNN's view shows test image ``index``: its feature maps come with the next views."""
        self.picked_image = int(index)
        self.send(p.InspectImage(self.picked_image))

    def set_pace(self, steps_per_second: float | None, until_paused: bool) -> None:
        self.pace = (steps_per_second, bool(until_paused))
        self.send(p.SetPace(steps_per_second, bool(until_paused)))

    def phase_step(self) -> int:
        return self.send(p.PhaseStep())

    def explain_weight(self, param: str, index: tuple[int, ...]) -> int:
        return self.send(p.ExplainWeight(param, tuple(int(i) for i in index)))

    def read_weight(self, param: str, index: tuple[int, ...]) -> int:
        """Ask for one weight's value and .grad: ``weightRead`` answers (a Reply too)."""
        return self.send(p.ReadWeight(param, tuple(int(i) for i in index)))

    def set_weight(self, param: str, index: tuple[int, ...], value: float) -> int:
        """Write one weight (idle or paused); the Reply says whether it was, the views follow."""
        return self.send(p.SetWeight(param, tuple(int(i) for i in index), float(value)))

    def import_data(self, path: str) -> int:
        """Your own data from a CSV file: a new network on it (idle only; a bad file: a Reply, field "data")."""
        return self.send(p.ImportData(str(path)))

    def edit_points(self, add=(), remove=()) -> int:
        """Add points ((x1, x2, class or value), ...) and remove the nearest to positions ((x1, x2), ...)."""
        return self.send(p.EditPoints(tuple((float(a), float(b), float(c)) for a, b, c in add),
                                      tuple((float(a), float(b)) for a, b in remove)))

    def export_data(self, path: str) -> int:
        """The points with their split and the network's prediction, as CSV (a Reply with the path)."""
        return self.send(p.ExportData(str(path)))

    def export_history(self, path: str) -> int:
        """The loss history as CSV (a Reply with the path)."""
        return self.send(p.ExportHistory(str(path)))

    def race_devices(self, widths: tuple[int, ...] = (16, 64, 256, 1024), steps: int = 30) -> int:
        return self.send(p.RaceDevices(tuple(widths), steps))

    def show_device_mismatch(self) -> int:
        return self.send(p.ShowDeviceMismatch())

    def describe(self) -> None:
        """Ask the engine for the network as it stands (a new window shows it from scratch)."""
        self.send(p.Describe())

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Stop any run and end the engine (its process is kept for the next window)."""
        if self._closed:
            return
        self._closed = True
        self.transport.close(timeout_ms / 1000)
        _GuiThreadGarbage.stop(self._garbage)
        for loop in self._waiting.values():
            loop.quit()
        # wake-ups the engine's last events posted: dropped now, not at interpreter exit (where
        # destroying a queued Python signal crashes)
        QCoreApplication.removePostedEvents(self, QEvent.MetaCall)

    def kill_engine(self) -> None:
        """End the engine's process at once, as a driver crash would (for tests)."""
        self.transport.kill()

    # -- events ---------------------------------------------------------------------------
    def _on_event(self, event: p.Event) -> None:  # any thread: the engine's, or a reader's
        with self._lock:
            self._events.append(event)
        self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        """Dispatch waiting events one by one (a slot may wait for a reply: this runs nested then)."""
        while not self._closed:
            with self._lock:
                if not self._events:
                    return
                event = self._events.popleft()
            self._dispatch(event)

    def _dispatch(self, event: p.Event) -> None:
        if isinstance(event, TrainSnapshot):
            self.step_count = event.step
            self.snapshotReady.emit(event)
        elif isinstance(event, p.PhaseReport):
            self.phaseReported.emit(event)
        elif isinstance(event, p.GradientExplained):
            self.gradientExplained.emit(event)
        elif isinstance(event, p.WeightValue):
            self.weightRead.emit(event)
        elif isinstance(event, p.DeviceRace):
            self.deviceRaced.emit(event)
        elif isinstance(event, p.DeviceMismatch):
            self.deviceMismatchShown.emit(event)
        elif isinstance(event, p.Views):
            self.viewsReady.emit(event)
        elif isinstance(event, p.TensorBoardRun):
            self.tensorBoardRun.emit(event)
        elif isinstance(event, p.StateChanged):
            self.state = event.state
            self.stateChanged.emit(event.state.value)
        elif isinstance(event, p.ModelInfo):
            self.model = event
            self.config, self.preset, self.step_count = event.config, event.preset, event.step
            self._engine_config = (event.config, event.preset)
            if event.reason not in (p.ModelChange.WEIGHTS, p.ModelChange.RESTORED, p.ModelChange.SHOWN,
                                    p.ModelChange.DATA):  # DATA: the same network (the old points if lost)
                self._checkpoint = None  # it belonged to the network just replaced
            self.modelChanged.emit(event)
        elif isinstance(event, p.ConfigChanged):
            self._engine_config = (event.config, event.preset)
            if event.in_reply_to >= self._last_pace_seq:  # else a newer change is on its way
                self.config, self.preset = event.config, event.preset
                self.configChanged.emit(event)
        elif isinstance(event, p.RunFinished):
            self.runFinished.emit(event.summary.to_dict())
        elif isinstance(event, p.RunFailed):
            self.runFailed.emit(event.message, True)
        elif isinstance(event, p.Reply):
            if event.in_reply_to in self._config_seqs:
                self._config_seqs.discard(event.in_reply_to)
                if not event.ok and not self._config_seqs:  # refused, and nothing newer on its way
                    self.config, self.preset = self._engine_config
                    self.configRefused.emit(self.config, self.preset)
            self._replies[event.in_reply_to] = event
            loop = self._waiting.get(event.in_reply_to)
            if loop is not None:
                loop.quit()
            else:
                self._replies.pop(event.in_reply_to)
            self.replied.emit(event)
        elif isinstance(event, p.Checkpoint):
            self._checkpoint = event.data
        elif isinstance(event, p.Ready):
            remember_devices(event.devices)  # the controls list them (core.devices.known_devices)
            self.is_ready = True
            self.engineReady.emit()
        elif isinstance(event, p.EngineLost):
            self._engine_lost(event.message)
        elif isinstance(event, _FellBack):
            self._say_fell_back()

    def _say_fell_back(self) -> None:
        self.notice.emit(self.tr(
            "Training runs in the window's own thread: no training process could start (details on the "
            "console). Live views may slow training down."))

    def _engine_lost(self, message: str) -> None:
        """Start a new engine where the last run ended (or from the settings shown)."""
        had_started, was_busy = self.transport.ready, self.busy
        self.transport.close(0)
        for seq, loop in list(self._waiting.items()):
            self._replies[seq] = p.Reply(seq, False, message)
            loop.quit()
        self.is_ready = False
        if had_started:
            self.transport = transports.start_transport(self._on_event, self.separate_process)
        else:  # no process could start here: threads from now on
            self.transport = transports.ThreadTransport(self._on_event)
            self._say_fell_back()
        if self._checkpoint is not None:
            self.send(p.Restore(self._checkpoint))
        else:
            self.send(p.SetConfig(self.config, self.preset))
        if not self.live_views:
            self.send(p.SetLiveViews(False))
        if self.inspected:
            self.send(p.InspectNode(self.inspected))
        if self.picked_image:
            self.send(p.InspectImage(self.picked_image))
        if self.pace != (None, False):
            self.send(p.SetPace(*self.pace))
        if self.tensorboard is not None:
            self.send(p.SetTensorBoard(self.tensorboard))
        if was_busy or had_started:
            self.runFailed.emit(message, False)
        if self.state is not RunState.IDLE:
            self.state = RunState.IDLE
            self.stateChanged.emit(RunState.IDLE.value)


class _FellBack(p.Event):
    """Made here: the engine runs in a thread because no training process could start."""


def _with_seq(command: p.Command, seq: int) -> p.Command:
    import dataclasses

    return dataclasses.replace(command, seq=seq)


__all__ = ["EngineClient"]
