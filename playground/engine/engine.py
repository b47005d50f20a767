"""The engine: the one owner of the network, from its first weights to its last export.

It holds the ``Trainer`` (model, optimizer, data, history), the network a change replaced
("bring back") and the probes, and runs the training loop itself. Commands come in through an
inbox (``serve``) or a plain call (``handle``); events go out through ``emit``, in order. It is
Qt-free and single-threaded: whatever thread or process runs ``serve`` is the only one that ever
touches a tensor, so nothing here is locked. Between two training steps it looks at its inbox
once, so a Pause, a Stop or a new learning rate takes effect at the next step.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import time
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from playground.core.config import ConfigError, TrainConfig
from playground.core.iteration import PhaseWalk
from playground.core.training import StepResult, Trainer
from playground.engine import data as data_commands
from playground.engine import protocol as p
from playground.engine import tensorboard_runs, views_commands, weights_edit
from playground.engine.data import table_for, table_from_state, table_state
from playground.engine.protocol import ModelChange, RunState
from playground.engine.reporter import GraphTrainProbe, Probe, Reporter

PACE_FIELDS = frozenset({"learning_rate", "epochs", "batch_size"})  # change in place, even mid-run


def default_probes() -> dict[str, Probe]:
    return {"graph": GraphTrainProbe(), "views": views_commands.ViewsProbe()}  # snapshot_views, picked image


def failure_message(error: BaseException, device: torch.device | str) -> str:
    """What a step's exception says to the user: a device fault (out of memory, a lost or broken
    GPU) offers the CPU; the network is as it was before the failing step (Trainer.train_step)."""
    text = f"{type(error).__name__}: {error}"
    said = str(error)
    if isinstance(error, torch.cuda.OutOfMemoryError) or "out of memory" in said.lower():
        return (f"The device ({device}) ran out of memory, so the run stopped; the network is as it was before "
                f"that step. Switch Device to cpu (or make the network or the batch smaller) and press Train. "
                f"[{text}]")
    if isinstance(error, RuntimeError) and ("CUDA" in said or "device-side" in said):
        return (f"The device ({device}) failed, so the run stopped; the network is as it was before that step. "
                f"Switch Device to cpu and press Train. [{text}]")
    return text


class Engine:
    def __init__(self, emit: Callable[[p.Event], None], probes: dict[str, Probe] | None = None,
                 clock: Callable[[], float] = time.perf_counter, checkpoints: bool = False):
        self.emit = emit
        self.clock = clock
        self.checkpoints = checkpoints  # send a Checkpoint after each run (a process can be lost)
        self.all_probes = default_probes() if probes is None else dict(probes)
        self.live_views = True
        self.trainer: Trainer | None = None
        self.previous: tuple[Trainer, int] | None = None  # (trainer, round start) for Bring back
        self.model_id = 0
        self.round_start = 0  # the epoch the current round of `config.epochs` epochs began at
        self.state = RunState.IDLE
        self.reporter: Reporter | None = None  # the run in progress (running or paused)
        self.stale: set[str] = set()  # "graph" / "views" to send once the inbox is empty
        self.step_interval = 0.0  # seconds between two steps of a run (slow motion); 0: no wait
        self.until_paused = False  # runs go on past their round until paused or stopped
        self._next_step_at = 0.0
        self.closed = False
        self.walk: PhaseWalk | None = None  # a mini-batch stepped phase by phase (PhaseStep), unfinished
        self.walk_abandoned = False  # the last walk was given up unfinished: the next one says so
        self.selected: tuple[str, tuple[int, ...]] | None = None  # ExplainWeight's: the step phase shows it
        self._handlers: dict[type, Callable[[Any], str | None]] = {
            p.SetConfig: self._set_config, p.SetLearningRate: self._set_learning_rate, p.Train: self._train,
            p.Pause: self._pause, p.Resume: self._resume, p.Stop: self._stop, p.Step: self._step,
            p.Reset: self._reset, p.BringBack: self._bring_back, p.LoadWeights: self._load_weights,
            p.Export: self._export, p.SaveSession: self._save_session, p.OpenSession: self._open_session,
            p.Restore: self._restore, p.CaptureViews: self._capture, p.SetLiveViews: self._set_live_views,
            p.InspectNode: self._inspect_node, p.SetPace: self._set_pace, p.Describe: self._describe, p.Shutdown: self._shutdown,
            p.PhaseStep: self._phase_step, p.ExplainWeight: self._explain_weight,
            p.RaceDevices: self._race_devices, p.ShowDeviceMismatch: self._show_device_mismatch,
        }
        self._handlers.update(weights_edit.handlers(self))  # ReadWeight, SetWeight: engine/weights_edit.py
        self._handlers.update(data_commands.handlers(self))  # ImportData, EditPoints, Export*: engine/data.py
        self._handlers.update(views_commands.handlers(self))  # InspectImage: engine/views_commands.py
        self._handlers.update(tensorboard_runs.handlers(self))  # SetTensorBoard: engine/tensorboard_runs.py
        self.tensorboard_root: str | None = None  # each run written for TensorBoard under it (SetTensorBoard)
        self.board = None  # the run in progress's io.tensorboard_log.TensorBoardLog

    # -- the loop -------------------------------------------------------------------------
    def serve(self, inbox, until_idle: bool = False) -> None:
        """Handle commands and train until Shutdown (or, with ``until_idle``, until no run is on)."""
        while not self.closed:
            if self.state is RunState.RUNNING:
                command = inbox.get_nowait()
                if command is None and self.step_interval:
                    wait = self._next_step_at - self.clock()
                    if wait > 0:  # slow motion: wait for the next step, listening
                        command = inbox.get(timeout=wait)
                        if command is None:
                            continue
                if command is None:
                    if self.step_interval:
                        self._next_step_at = self.clock() + self.step_interval
                    self._train_one()
                else:
                    self.handle(command)
                continue
            if until_idle and self.state is RunState.IDLE:
                if self.stale and self.trainer is not None:
                    self._send_views()
                return
            command = inbox.get_nowait()
            if command is None and self.stale and self.trainer is not None:
                self._send_views()  # only when nothing waits: ten slider ticks compute them once
                continue
            self.handle(command if command is not None else inbox.get())

    def handle(self, command: p.Command) -> None:
        """Carry out one command and answer it with a Reply."""
        handler = self._handlers.get(type(command))
        try:
            if handler is None:
                raise ConfigError("command", f"unknown command {type(command).__name__}")
            if self.trainer is None and not isinstance(command, (p.SetConfig, p.OpenSession, p.Restore,
                                                                   p.SetLiveViews, p.InspectNode, p.SetPace,
                                                                   p.InspectImage, p.SetTensorBoard, p.Shutdown)):
                raise ConfigError("command", "there is no network yet: send the settings first")
            result = handler(command)
        except ConfigError as e:
            self.emit(p.Reply(command.seq, False, e.message, field=e.field))
            return
        except Exception as e:  # never a traceback in the user's face: say what happened
            traceback.print_exc()
            self.emit(p.Reply(command.seq, False, f"{type(e).__name__}: {e}"))
            return
        self.emit(p.Reply(command.seq, True, "", result))
        if self.closed:
            self.emit(p.Closed())  # the last word: a transport stops listening here

    # -- the network ----------------------------------------------------------------------
    @property
    def target_epochs(self) -> int:
        """The epoch this round ends at; 0 while runs go on until paused."""
        return 0 if self.until_paused else self.round_start + self.trainer.config.epochs

    def _round_done(self) -> bool:
        return not self.until_paused and self.trainer.epoch >= self.target_epochs

    def _adopt(self, trainer: Trainer, reason: ModelChange, round_start: int = 0, keep_previous: bool = True) -> None:
        """Make ``trainer`` the network; the one it replaces stays a Bring back away if it trained."""
        old = self.trainer
        if keep_previous and old is not None and old.step_count > 0:
            self.previous = (old, self.round_start)
        self.trainer = trainer
        self.round_start = round_start
        self.model_id += 1
        self._send_model(reason)

    def _send_model(self, reason: ModelChange) -> None:
        t = self.trainer
        self.stale = {"graph", "views"}
        self.emit(p.ModelInfo(
            model_id=self.model_id, reason=reason, config=t.config, preset=t.preset, dataset=t.dataset,
            sizes=tuple(t.model.sizes), steps_per_epoch=t.steps_per_epoch, step=t.step_count, epoch=t.epoch,
            target_epochs=self.target_epochs, history=tuple(t.history),
            step_losses=np.asarray(t.step_losses, dtype=np.float64), learning_rate=t.learning_rate,
            previous_steps=None if self.previous is None else self.previous[0].step_count))

    def _require(self, *states: RunState, doing: str) -> None:
        if self.state not in states:
            raise ConfigError("state", f"cannot {doing} while {self.state.value}")

    def _set_config(self, c: p.SetConfig) -> None:
        config = c.config.validate()
        t = self.trainer
        if t is None:
            self._adopt(Trainer(config, preset=c.preset, table=table_for(config, c.table)), ModelChange.NEW)
            return
        changed = {f.name for f in dataclasses.fields(TrainConfig) if getattr(config, f.name) != getattr(t.config, f.name)}
        if changed <= PACE_FIELDS and c.table is None:
            t.preset = c.preset
            if "learning_rate" in changed:
                t.set_learning_rate(config.learning_rate)
            t.config = t.config.replace(epochs=config.epochs, batch_size=config.batch_size)
            self._pace_changed(c.seq)
            return
        self._require(RunState.IDLE, doing="change the data or the network (stop the run first)")
        self._end_walk()
        self._adopt(Trainer(config, preset=c.preset, table=table_for(config, c.table, t)), ModelChange.NEW)

    def _set_learning_rate(self, c: p.SetLearningRate) -> None:
        self.trainer.set_learning_rate(c.learning_rate)
        self._pace_changed(c.seq)

    def _pace_changed(self, seq: int) -> None:
        if self.reporter is not None:
            self.reporter.target_epochs = self.target_epochs
        t = self.trainer
        self.emit(p.ConfigChanged(t.config, t.preset, self.target_epochs, seq))

    def _reset(self, c: p.Reset) -> None:
        self._require(RunState.IDLE, doing="reset")
        self._end_walk()
        t = self.trainer
        self._adopt(Trainer(t.config, dataset=t.dataset, preset=t.preset, table=t.table), ModelChange.RESET)

    def _bring_back(self, c: p.BringBack) -> None:
        self._require(RunState.IDLE, doing="bring back a network")
        if self.previous is None:
            raise ConfigError("bring back", "there is no trained network to bring back")
        self._end_walk()
        (trainer, round_start), current = self.previous, self.trainer
        self.previous = (current, self.round_start) if current.step_count > 0 else None
        self._adopt(trainer, ModelChange.BROUGHT_BACK, round_start, keep_previous=False)

    def _load_weights(self, c: p.LoadWeights) -> str:
        from playground.io.weights import load_weights

        self._require(RunState.IDLE, doing="import weights")
        self._end_walk()
        load_weights(self.trainer.model, c.path)
        self._send_model(ModelChange.WEIGHTS)
        return c.path

    def _open_session(self, c: p.OpenSession) -> str:
        from playground.io.session import load_session

        self._require(RunState.IDLE, doing="open a session")
        self._end_walk()
        trainer = load_session(c.path)
        self._adopt(trainer, ModelChange.OPENED, self._round_of(trainer))
        return c.path

    def _restore(self, c: p.Restore) -> None:
        self._require(RunState.IDLE, doing="restore a checkpoint")  # a run's reporter holds the trainer
        self._end_walk()
        data = torch.load(io.BytesIO(c.data), weights_only=True)
        trainer = Trainer(TrainConfig.from_dict(data["config"]), preset=data["preset"],
                          table=table_from_state(data.get("table")))
        trainer.load_state(data["state"])
        self._adopt(trainer, ModelChange.RESTORED, int(data["round_start"]), keep_previous=False)

    def checkpoint_edit(self) -> None:
        """A Checkpoint after a change by hand at rest (a weight, drawn points): a new engine keeps it."""
        if self.checkpoints and self.state is not RunState.RUNNING:
            self.emit(p.Checkpoint(self._checkpoint()))

    def _checkpoint(self) -> bytes:
        t = self.trainer
        buffer = io.BytesIO()
        torch.save({"config": t.config.to_dict(), "preset": t.preset, "state": t.state(),
                    "round_start": self.round_start, "table": table_state(t.table)}, buffer)
        return buffer.getvalue()

    @staticmethod
    def _round_of(trainer: Trainer) -> int:
        """The start of the round a trainer stands in: rounds are `epochs` long from epoch 0, and
        a trainer at a round's end stands in that round (done, as it was saved), not the next."""
        return max(trainer.epoch - 1, 0) // trainer.config.epochs * trainer.config.epochs

    # -- files ----------------------------------------------------------------------------
    def _export(self, c: p.Export) -> str:
        from playground.io.export import export

        self._require(RunState.IDLE, RunState.PAUSED, doing="export")
        with self._walk_set_aside():
            return str(export(self.trainer, c.path, c.lang))

    def _save_session(self, c: p.SaveSession) -> str:
        from playground.io.session import save_session

        self._require(RunState.IDLE, RunState.PAUSED, doing="save the session")
        with self._walk_set_aside():
            return str(save_session(self.trainer, c.path, c.runs))

    # -- runs -----------------------------------------------------------------------------
    def _probes(self) -> dict[str, Probe]:
        return dict(self.all_probes) if self.live_views else {}

    def _set_state(self, state: RunState) -> None:
        if state is not self.state:
            self.state = state
            self.emit(p.StateChanged(state))

    def _train(self, c: p.Train) -> None:
        if self.state is RunState.PAUSED:
            self._resume(c)
            return
        self._require(RunState.IDLE, doing="start a run")
        self._end_walk()
        t = self.trainer
        if self._round_done():  # the round is done: Train goes on for another one
            self.round_start = t.epoch
        self.reporter = Reporter(t, self._probes(), self.target_epochs, self.emit, self.clock)
        tensorboard_runs.run_started(self)
        self._set_state(RunState.RUNNING)

    def _pause(self, c: p.Pause) -> None:
        if self.state is RunState.RUNNING:
            self.reporter.flush(paused=True)  # exactly where it stopped
            self.stale = {"graph", "views"}
            self._set_state(RunState.PAUSED)

    def _resume(self, c: p.Command) -> None:
        if self.state is RunState.PAUSED:
            self._end_walk()
            self._set_state(RunState.RUNNING)

    def _stop(self, c: p.Stop) -> None:
        if self.reporter is not None:
            self._end_walk()
            self._finish("stopped")

    def _train_one(self) -> None:
        t = self.trainer
        if self._round_done():  # e.g. a step while paused finished the round
            self._finish("completed")
            return
        try:
            result = t.train_step()
        except Exception as e:  # end the run, keep what it trained, and say what happened
            traceback.print_exc()
            self.emit(p.RunFailed(failure_message(e, t.device)))
            self._finish("stopped")
            return
        self.reporter.after_step(result)
        if result.diverged:
            self._finish("diverged")
        elif result.epoch_end is not None and self._round_done():  # (a round ends at an epoch's end)
            self._finish("completed")

    def _finish(self, status: str) -> None:
        t, reporter = self.trainer, self.reporter
        summary = t.summary(status, reporter.seconds, reporter.steps)
        reporter.flush(collect=["views"] if self.live_views else [])
        self.reporter = None
        tensorboard_runs.run_ended(self, summary)
        self.stale = {"graph"} if self.live_views else {"graph", "views"}
        self._set_state(RunState.IDLE)
        self.emit(p.RunFinished(summary))
        if self.checkpoints:
            self.emit(p.Checkpoint(self._checkpoint()))

    def _step(self, c: p.Step) -> None:
        """One mini-batch, from idle or in a paused run; its snapshot (and graph) come at once,
        the output and network views once no other command waits."""
        self._require(RunState.IDLE, RunState.PAUSED, doing="take a single step")
        self._end_walk()
        self._single_step(self.trainer.train_step, arm_graph=True)

    def _single_step(self, take: Callable[[], StepResult], arm_graph: bool) -> None:
        """One step (``take``) from idle or paused, and what it tells: its snapshot at once (with the
        graph probe armed before it), a failure or a divergence; the views once the inbox is empty."""
        before = self.state
        t = self.trainer
        reporter = self.reporter or Reporter(t, self._probes(), self.target_epochs, self.emit, self.clock)
        self._set_state(RunState.STEPPING)
        if arm_graph:
            reporter.arm(["graph"])
        try:
            result = take()
        except Exception as e:
            traceback.print_exc()
            self.emit(p.RunFailed(failure_message(e, t.device)))
            result = None
        reporter.flush(paused=before is RunState.PAUSED)
        self.stale = {"graph", "views"} if not (self.live_views and arm_graph) else {"views"}
        self._set_state(before)
        if result is not None and result.diverged:
            if before is RunState.PAUSED:
                self._finish("diverged")
            else:
                self.emit(p.RunFinished(t.summary("diverged")))

    # -- teaching: one iteration phase by phase, one gradient by the chain rule --------------
    def _phase_step(self, c: p.PhaseStep) -> None:
        """The next phase of the walk (a new walk takes the next mini-batch). The step phase ends
        as a Step does: snapshot, views, divergence; a paused run stays paused."""
        self._require(RunState.IDLE, RunState.PAUSED, doing="step by phase")
        restarted = False
        if self.walk is None:
            self.walk = PhaseWalk(self.trainer, self.selected)
            restarted, self.walk_abandoned = self.walk_abandoned, False
        walk = self.walk

        def advance() -> StepResult | None:
            try:
                result = walk.advance()  # on an exception the walk gives its batch back
            finally:
                if walk.done:
                    self.walk = None
            self.emit(p.PhaseReport(**result.report_fields(), model_changed=restarted))
            return result.result

        if walk.next_phase == "step":
            self._single_step(advance, arm_graph=False)
            return
        try:
            advance()
        except Exception as e:
            traceback.print_exc()
            self.emit(p.RunFailed(failure_message(e, self.trainer.device)))

    def _end_walk(self) -> None:
        """A command that trains or changes the network: an unfinished walk gives its batch back
        (nothing else had changed), so an ordinary step takes that same batch."""
        if self.walk is not None:
            self.walk.abandon()
            self.walk = None
            self.walk_abandoned = True

    def _walk_set_aside(self):
        """Files and previews see the trainer as it stands without the walk's batch taken out."""
        return self.walk.set_aside() if self.walk is not None else contextlib.nullcontext()

    def _explain_weight(self, c: p.ExplainWeight) -> None:
        """The chain rule for one weight beside autograd (the walk's batch once its forward pass
        ran, else the next batch a step would take); the step phase then shows this weight."""
        from playground.core.gradient import check_weight, explain_gradient

        self._require(RunState.IDLE, RunState.PAUSED, doing="explain a gradient")
        _, index = check_weight(self.trainer.model, c.param, c.index)
        self.selected = (c.param, index)
        if self.walk is not None:
            self.walk.selected = self.selected
        self.emit(p.GradientExplained(explain_gradient(self.trainer, c.param, index, self.walk), in_reply_to=c.seq))

    # -- the device lesson (engine/device_lesson.py) --------------------------------------------
    def _race_devices(self, c: p.RaceDevices) -> None:
        from playground.engine.device_lesson import race_devices

        self._require(RunState.IDLE, doing="race the devices")
        race_devices(self, c)

    def _show_device_mismatch(self, c: p.ShowDeviceMismatch) -> None:
        from playground.engine.device_lesson import show_device_mismatch

        show_device_mismatch(self, c)

    # -- views ----------------------------------------------------------------------------
    def _describe(self, c: p.Describe) -> None:
        self._send_model(ModelChange.SHOWN)

    def _capture(self, c: p.CaptureViews) -> None:
        self.stale = {"graph", "views"}

    def _set_live_views(self, c: p.SetLiveViews) -> None:
        self.live_views = bool(c.on)
        if self.reporter is not None:
            self.reporter.set_probes(self._probes())
        if self.trainer is not None and self.live_views:
            self.stale = {"graph", "views"}  # on again: show where things stand now

    def _inspect_node(self, c: p.InspectNode) -> None:
        graph = self.all_probes.get("graph")
        if isinstance(graph, GraphTrainProbe) and graph.inspect(c.node_id) and self.trainer is not None \
                and self.state is not RunState.RUNNING:
            self.stale.add("graph")  # at rest: the graph again, with every histogram

    def _send_views(self) -> None:
        from playground.core.probe import preview_snapshot

        stale, self.stale = self.stale, set()
        t = self.trainer
        graph = views = None
        try:
            with self._walk_set_aside():
                if "graph" in stale and "graph" in self.all_probes:
                    graph = preview_snapshot(t)  # every parameter's histograms
                    if isinstance(self.all_probes["graph"], GraphTrainProbe):
                        self.all_probes["graph"].shown_for = None
                if "views" in stale and "views" in self.all_probes:
                    views = self.all_probes["views"].collect(t)
        except Exception:  # a broken view must not take the engine down
            traceback.print_exc()
        self.emit(p.Views(t.step_count, graph, views))

    def _set_pace(self, c: p.SetPace) -> None:
        if c.steps_per_second is not None and not 0.1 <= c.steps_per_second <= 100_000:
            raise ConfigError("steps_per_second", f"{c.steps_per_second:g} is out of range; allowed 0.1 to 100000")
        self.step_interval = 0.0 if c.steps_per_second is None else 1.0 / c.steps_per_second
        self.until_paused = bool(c.until_paused)
        if self.reporter is not None:
            self.reporter.target_epochs = self.target_epochs

    def _shutdown(self, c: p.Shutdown) -> None:
        self._end_walk()
        if self.reporter is not None:
            self._finish("stopped")
        self.closed = True


__all__ = ["Engine", "PACE_FIELDS", "default_probes", "failure_message"]
