"""The training loop: the article's forward -> loss -> zero_grad -> backward -> step, on a device.

``Trainer`` owns the model, optimizer and data (all on ``config.device``) and advances one
mini-batch per ``train_step()``. ``run()`` loops to the configured epoch count, checking a
``RunControl`` (stop / pause) between steps, and returns one ``Summary`` that the window, the
CLI's ``--json`` and the tests all read. One thread owns a Trainer (the engine's): nothing in
here is locked.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import NamedTuple

import torch
from torch import nn

from playground.core.config import CUSTOM, ConfigError, TrainConfig
from playground.core.datasets import Dataset, make_dataset
from playground.core.devices import resolve_device
from playground.core.history import LossHistory  # re-exported: the record of every step's loss
from playground.core.model import MLP, cpu_state_dict, model_for_config, penalty
from playground.core.records import DataTable, EpochMetrics, Summary  # plain data, torch-free
from playground.core.state_copies import all_finite, clone_state, copy_into, finite_copies, state_tensors, to_cpu


class StepResult(NamedTuple):
    """What one step did (a named tuple: one is made per step, in a few tenths of a microsecond)."""

    step: int  # steps taken so far, this one included
    epoch: int  # completed epochs
    loss: float  # this mini-batch's loss
    epoch_end: EpochMetrics | None  # set on the step that completed an epoch
    diverged: bool = False


# Divergence without a NaN: the loss explodes but stays finite (spiral with Adam at lr 10 sits
# at losses of 20-250, chance accuracy). A run has diverged when an epoch's train loss (measured
# on the whole train set at the epoch's end, so no extra device sync) is above both
# EXPLODED_RATIO x the run's first step loss (the untrained network's, about ln(classes) for
# cross-entropy) and EXPLODED_FLOOR, or when one step's loss (the float the step has anyway) is
# above EXPLODED_STEP_LOSS. A healthy preset run never goes above its first loss (at most 1.0x
# of it, epoch by epoch); the exploding runs are at 4.5x-200x after their first epoch.
EXPLODED_RATIO = 3.0
EXPLODED_FLOOR = 1.0
EXPLODED_STEP_LOSS = 1e6


def exploded(train_loss: float, first_loss: float) -> bool:
    """Whether an epoch's train loss says the run has exploded (see EXPLODED_RATIO)."""
    return train_loss > max(EXPLODED_RATIO * first_loss, EXPLODED_FLOOR)


class RunControl:
    """Thread-safe stop and pause flags, checked by the loop between steps."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()

    def stop(self) -> None:
        self._stop.set()
        self._running.set()  # a paused loop must wake up to see the stop

    def pause(self) -> None:
        if not self._stop.is_set():
            self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait_while_paused(self) -> None:
        self._running.wait()


class Trainer:
    def __init__(self, config: TrainConfig, dataset: Dataset | None = None, preset: str | None = None,
                 table: DataTable | None = None):
        """``table``: your own data, for a config whose dataset is "custom" (``dataset`` made from it
        otherwise); ``self.table`` keeps it for sessions and exports."""
        self.config = config.validate()
        self.preset = preset
        self.table = table
        self.device = resolve_device(config.device)
        if table is not None:
            check_table(config, table)
        self.dataset = dataset if dataset is not None else make_dataset(config, table)
        self._place_data()
        self.criterion = nn.MSELoss() if config.task == "regression" else nn.CrossEntropyLoss()
        # Called with each step's loss after the forward pass and before backward(), in the
        # training thread: the graph probe uses it to trace loss.grad_fn and hook its nodes.
        self.on_loss: Callable[[torch.Tensor], None] | None = None
        self._good: dict | None = None  # {"model": state dict, "optimizer": state dict}: copies (_keep_good)
        self._spare: dict | None = None  # the copies before those: the next _keep_good writes into them
        self._good_of: nn.Module | None = None  # the model those copies are of
        self._good_optimizer = None  # and its optimizer
        self._grads_of: torch.optim.Optimizer | None = None  # train_step's _params are this optimizer's
        self.reset()

    def _place_data(self) -> None:
        d = self.dataset
        self.x_train = torch.as_tensor(d.x_train, device=self.device)
        self.y_train = torch.as_tensor(d.y_train, device=self.device)
        self.x_test = torch.as_tensor(d.x_test, device=self.device)
        self.y_test = torch.as_tensor(d.y_test, device=self.device)

    def set_data(self, table: DataTable, config: TrainConfig | None = None) -> None:
        """New data for the same network (points drawn or removed): the weights, the optimizer and
        the record stay; the rest of this epoch's batches are dropped (the next step starts a new
        epoch order over the new points). The table must fit the network (features, classes)."""
        config = (config or self.config).validate(memory=False)
        check_table(config, table)
        if (table.n_features != self.dataset.n_features or table.n_classes != self.dataset.n_classes
                or table.task != self.dataset.task):
            raise ValueError("the new data does not fit the network (its features or classes differ)")
        self.config, self.table = config, table
        self.dataset = make_dataset(config, table)
        self._place_data()
        self._batches = []

    def loss(self, output: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """What backward() runs on: the data's loss (``criterion``), plus the regularization penalty
        on the weights when the config asks for one (it is in the autograd graph)."""
        loss = self.criterion(output, y)
        extra = penalty(self.model, self.config.regularization, self.config.regularization_rate)
        return loss if extra is None else loss + extra

    # -- state ----------------------------------------------------------------------------
    def reset(self, seed: int | None = None) -> None:
        """New initial weights from the seed (same seed, same start) and an empty history."""
        seed = self.config.seed if seed is None else seed
        torch.manual_seed(seed)
        d = self.dataset
        self.model: MLP = model_for_config(self.config, d.n_features, d.n_outputs)
        self.model.to(self.device)
        self.model.rng.manual_seed(seed)  # dropout masks and the dynamic model's loop counts
        self.optimizer = make_optimizer(self.model, self.config)
        self.shuffle = torch.Generator().manual_seed(seed)  # batch order, on the CPU
        self.step_count = 0
        self.epoch = 0
        self._batches: list[torch.Tensor] = []
        self.history: list[EpochMetrics] = []
        self.step_losses = LossHistory()
        self.diverged = False
        self.diverged_reason: str | None = None  # "not finite" | "exploded" once diverged
        # (first step, rate) for each learning rate the run used: the exported script needs them
        self.learning_rates: list[tuple[int, float]] = [(0, self.learning_rate)]
        self._keep_good()

    @property
    def learning_rate(self) -> float:
        """The rate the next step uses; always ``config.learning_rate``."""
        return self.optimizer.param_groups[0]["lr"]

    @property
    def pending_batches(self) -> list[torch.Tensor]:
        """The index batches left in the current epoch, in the order they will be trained."""
        return self._batches[::-1]

    @pending_batches.setter
    def pending_batches(self, batches: list[torch.Tensor]) -> None:
        self._batches = [b.to(self.device) for b in batches][::-1]

    def set_learning_rate(self, lr: float) -> None:
        """The rate for the next step on: the optimizer's and the config's (one fact, two views)."""
        lr = float(lr)
        self.config = self.config.replace(learning_rate=lr).validate(memory=False)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        if self.learning_rates[-1][1] != lr:
            if self.learning_rates[-1][0] == self.step_count:
                self.learning_rates.pop()
            self.learning_rates.append((self.step_count, lr))

    def state(self) -> dict:
        """Where training stands (weights, optimizer, batch order, history), as CPU tensors and
        plain values: ``torch.save`` writes it and ``torch.load(weights_only=True)`` reads it back.
        The config, preset and data are not included: they make the Trainer that loads it."""
        return {
            "model": cpu_state_dict(self.model),
            "optimizer": to_cpu(self.optimizer.state_dict()),
            "shuffle": self.shuffle.get_state(),
            "model_rng": self.model.rng.get_state(),
            "pending_batches": [b.to("cpu") for b in self.pending_batches],
            "step_count": self.step_count,
            "epoch": self.epoch,
            "history": [asdict(m) for m in self.history],
            "step_losses": self.step_losses.to_tensor(),
            "diverged": self.diverged,
            "requested_learning_rate": self.learning_rate,
        }

    def load_state(self, state: dict) -> None:
        """Continue from ``state()`` of a Trainer with the same config and data (in place: the
        model and optimizer objects stay the same). The state's learning rate wins: it is the one
        that trained, and the config follows it."""
        with torch.no_grad():
            self.model.load_state_dict(state["model"], strict=True)
        self.optimizer.load_state_dict(state["optimizer"])
        self.shuffle.set_state(state["shuffle"])
        if state.get("model_rng") is not None:  # files from before dropout and the dynamic model lack it
            self.model.rng.set_state(state["model_rng"])
        self.pending_batches = list(state["pending_batches"])
        self.step_count = int(state["step_count"])
        self.epoch = int(state["epoch"])
        self.history = [EpochMetrics(**m) for m in state["history"]]
        self.step_losses = LossHistory(torch.as_tensor(state["step_losses"], dtype=torch.float64))
        self.diverged = bool(state["diverged"])
        requested = state.get("requested_learning_rate")
        self.set_learning_rate(self.learning_rate if requested is None else float(requested))
        self._keep_good()

    def _keep_good(self, check: bool = False) -> bool:
        """Copy the weights and optimizer state as the good ones (at the start, on loading a state,
        and at each epoch end that did not diverge): a diverged run goes back to them.

        With ``check``, copies that are not all finite are not kept (False; the good ones stay).
        Two sets of copies take turns, so checking the new ones costs one fused op on them and
        nothing is written twice: while the optimizer's state keeps its layout, a copy is two fused
        copies in place (the weights, the optimizer's tensors), no new tensors and no sync."""
        model, optimizer = self.model, self.optimizer
        with torch.no_grad():
            if self._good_of is not model or self._good_optimizer is not optimizer:
                self._good_of, self._good_optimizer, self._spare = model, optimizer, None
                self._live = model.state_dict(keep_vars=True)  # the Parameters themselves: their identity stays
            copies = self._spare
            if copies is not None and not optimizer.state and not copies["optimizer"]["state"]:
                # an optimizer without state (plain SGD) that had none then either: the weights alone, no
                # state_dict() (its param_groups were the same then but for the learning rate, which the way
                # back sets anyway): a tenth of a small network's epoch end less
                torch._foreach_copy_(list(copies["model"].values()), list(self._live.values()))
            elif copies is not None and copy_into(copies["optimizer"], optimizer.state_dict()):
                torch._foreach_copy_(list(copies["model"].values()), list(self._live.values()))
            else:  # the first copies, or the optimizer's state changed its layout (its first step)
                copies = {"model": {k: v.detach().clone() for k, v in self._live.items()},
                          "optimizer": clone_state(optimizer.state_dict())}
            if check and not finite_copies([*copies["model"].values(), *state_tensors(copies["optimizer"]["state"])]):
                self._spare = copies
                return False
            self._spare, self._good = self._good, copies
        return True

    def _back_to_good(self) -> None:
        """The weights and optimizer state of the last good epoch end; the record (steps, epochs,
        losses) stays as it happened, and the learning rate stays the one set now."""
        lr = self.learning_rate
        with torch.no_grad():
            self.model.load_state_dict(self._good["model"], strict=True)
        self.optimizer.load_state_dict(clone_state(self._good["optimizer"]))
        for group in self.optimizer.param_groups:
            group["lr"] = lr

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(len(self.x_train) / self.config.batch_size)

    # -- one step -------------------------------------------------------------------------
    def train_step(self) -> StepResult:
        """One mini-batch: forward, loss, zero_grad, backward, step. Stops at a non-finite loss.

        ``core.iteration.PhaseWalk`` takes the same step one phase at a time, through
        ``take_batch`` and ``conclude_step``: both end with the network in the same place."""
        idx = self._batches.pop() if self._batches else self.take_batch()
        # A failure (CUDA out of memory, a lost device) leaves the weights as they were, and the
        # batch goes back so the step can be taken again: up to optimizer.step() nothing writes a
        # weight (forward, backward and zero_grad touch activations and .grad only), and torch's
        # SGD/Adam (foreach) write the weights in their last op, after every allocation (Adam's
        # sqrt/div temporaries, SGD's momentum), so an out-of-memory in step() leaves them too;
        # at most the optimizer's moments have seen this batch once. No copy per step is kept.
        try:
            x, y = self.x_train[idx], self.y_train[idx]
            if not self.model.training:  # evaluate() leaves it in eval mode; train() walks every module
                self.model.train()
            output = self.model(x)
            loss = self.loss(output, y)
            loss_value = loss.item()
            if self.on_loss is not None:
                self.on_loss(loss)
            # optimizer.zero_grad(), as its default (set_to_none) does it: every gradient to None.
            # Here without its wrappers (a profiler range, a guard against torch.compile), which
            # took ~10 us of a small network's ~150 us step. PhaseWalk calls zero_grad() itself.
            if self._grads_of is not self.optimizer:
                self._grads_of = self.optimizer
                self._params = [p for group in self.optimizer.param_groups for p in group["params"]]
            for p in self._params:
                p.grad = None
            if math.isfinite(loss_value):
                loss.backward()
        except BaseException:  # Ctrl-C too: the batch goes back
            self.put_back(idx)
            raise
        return self.conclude_step(idx, loss_value)

    def take_batch(self) -> torch.Tensor:
        """The indices of the next mini-batch (a new shuffled epoch order when the last is used up).
        The caller trains it (``conclude_step``) or gives it back (``put_back``)."""
        if not self._batches:
            order = torch.randperm(len(self.x_train), generator=self.shuffle).to(self.device)
            self._batches = list(order.split(self.config.batch_size))[::-1]  # pop() from the end
        return self._batches.pop()

    def peek_batch(self) -> torch.Tensor:
        """The indices ``take_batch`` would return next, with nothing moved: a new epoch's order is
        drawn from a copy of the shuffle generator (the batch size may still change before then)."""
        if self._batches:
            return self._batches[-1]
        copy = torch.Generator().set_state(self.shuffle.get_state())
        return torch.randperm(len(self.x_train), generator=copy).to(self.device)[: self.config.batch_size]

    def put_back(self, idx: torch.Tensor) -> None:
        """A batch that was not trained goes back: the next ``take_batch`` returns it again."""
        self._batches.append(idx)

    def weights_finite(self) -> bool:
        """Whether every weight, and every tensor of the optimizer's state, is finite: a few ops on
        all of them at once, and nothing written (called at each epoch's end and on divergence)."""
        state = [v for s in self.optimizer.state.values() for v in s.values() if torch.is_tensor(v)]
        return all_finite([*self.model.parameters(), *state])

    def conclude_step(self, idx: torch.Tensor, loss_value: float) -> StepResult:
        """After backward(): check for divergence, ``optimizer.step()``, and keep the record.

        Divergence, and the weights it leaves (the record of steps and losses stays as it happened):

        - a loss that is not finite (``diverged_reason`` "not finite"): no step. The weights are the
          last finite ones: those now, if they and the optimizer's state are finite, else those of
          the last epoch end that did not diverge.
        - a step loss above EXPLODED_STEP_LOSS (no step), or an epoch's train loss exploded (see
          EXPLODED_RATIO) ("exploded"): the weights of the last epoch end that did not diverge.
        - at an epoch's end, a weight or an optimizer's tensor that is not finite, or a train loss
          that is not finite ("not finite"): the weights of the last epoch end that did not diverge.

        The gradients are not checked on every step (that cost as much as a tenth of a small
        network's step): a step on a gradient that is not finite makes weights that are not finite
        (SGD and Adam carry it into them), which the next step's loss or the epoch's end finds, and
        which are never kept as good, since each epoch end checks the weights first.
        """
        try:
            if not math.isfinite(loss_value):
                self.diverged, self.diverged_reason = True, "not finite"
                if not self.weights_finite():  # a step before this one broke them: back to the last good
                    self._back_to_good()
                self.put_back(idx)
                return StepResult(self.step_count, self.epoch, loss_value, None, diverged=True)
            if loss_value > EXPLODED_STEP_LOSS:  # finite but exploded: no step, back to the last good
                self.diverged, self.diverged_reason = True, "exploded"
                self._back_to_good()
                self.put_back(idx)
                return StepResult(self.step_count, self.epoch, loss_value, None, diverged=True)
            self.optimizer.step()
        except BaseException:
            self.put_back(idx)
            raise
        self.step_count += 1
        self.step_losses.append(loss_value)
        if self._batches:
            return StepResult(self.step_count, self.epoch, loss_value, None)
        self.epoch += 1
        epoch_end = self.evaluate()
        self.history.append(epoch_end)
        if exploded(epoch_end.train_loss, self.step_losses[0]):
            self.diverged, self.diverged_reason = True, "exploded"
        elif math.isfinite(epoch_end.train_loss) and self._keep_good(check=True):
            return StepResult(self.step_count, self.epoch, loss_value, epoch_end)
        else:
            self.diverged, self.diverged_reason = True, "not finite"
        self._back_to_good()
        return StepResult(self.step_count, self.epoch, loss_value, epoch_end, diverged=True)

    @torch.no_grad()
    def evaluate(self) -> EpochMetrics:
        """Loss and accuracy on the whole train and test sets (eval mode, no graph)."""
        self.model.eval()
        tr_loss, tr_acc = self._measure(self.x_train, self.y_train)
        te_loss, te_acc = self._measure(self.x_test, self.y_test)
        extra = penalty(self.model, self.config.regularization, self.config.regularization_rate)
        return EpochMetrics(self.epoch, self.step_count, tr_loss, te_loss, tr_acc, te_acc,
                            0.0 if extra is None else extra.item())

    def _measure(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float | None]:
        if len(x) == 0:  # drawn data with no test point yet
            return math.nan, None
        out = self.model(x)
        loss = self.criterion(out, y).item()
        if self.config.task == "regression":
            return loss, None
        return loss, (out.argmax(1) == y).float().mean().item()

    # -- the loop -------------------------------------------------------------------------
    def run(
        self,
        control: RunControl | None = None,
        on_step: Callable[[StepResult], None] | None = None,
        epochs: int | None = None,
    ) -> Summary:
        """Train until ``epochs`` (default: the config's) epochs are done, stopped, or diverged."""
        control = control or RunControl()
        target = self.config.epochs if epochs is None else epochs
        start, start_step = time.perf_counter(), self.step_count
        status = "completed"
        while self.epoch < target:
            control.wait_while_paused()
            if control.stopped:
                status = "stopped"
                break
            result = self.train_step()
            if on_step is not None:
                on_step(result)
            if result.diverged:
                status = "diverged"
                break
        return self.summary(status, time.perf_counter() - start, self.step_count - start_step)

    def summary(self, status: str, seconds: float = 0.0, steps_this_run: int = 0) -> Summary:
        last = self.history[-1] if self.history else self.evaluate()
        return Summary(
            status=status,
            preset=self.preset,
            epochs_run=self.epoch,
            steps=self.step_count,
            train_loss=_finite(last.train_loss),
            test_loss=_finite(last.test_loss),
            train_accuracy=last.train_accuracy,
            test_accuracy=last.test_accuracy,
            device=str(self.device),
            seconds=round(seconds, 4),
            steps_per_second=round(steps_this_run / seconds, 1) if seconds > 0 else 0.0,
        )


def check_table(config: TrainConfig, table: DataTable) -> None:
    """Raise ConfigError when your own data and the config disagree (task, classes, features)."""
    if config.dataset != CUSTOM:
        raise ConfigError("dataset", f"a data table goes with dataset \"{CUSTOM}\", not {config.dataset!r}")
    if config.class_count != table.n_classes:
        what = "regression data" if table.n_classes == 0 else f"{table.n_classes} classes"
        raise ConfigError("classes", f"the data has {what}; the config says {config.class_count}")
    if table.n_features != 2 and not config.plain_features:
        raise ConfigError("features", f"the input features (x1^2, sin(x1)...) are made from 2-D points; this data "
                                      f"has {table.n_features} features of its own")
    if len(table) < 2:
        raise ConfigError("data", f"{len(table)} data point(s); training needs at least 2")


def make_optimizer(model: nn.Module, config: TrainConfig) -> torch.optim.Optimizer:
    from playground.core.catalog import OPTIMIZERS

    return OPTIMIZERS[config.optimizer].build(model.parameters(), config.learning_rate, config.weight_decay)


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


__all__ = ["Trainer", "RunControl", "LossHistory", "exploded", "all_finite", "Summary", "StepResult", "EpochMetrics",
           "make_optimizer"]
