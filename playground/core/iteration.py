"""One training iteration, one phase at a time: forward, loss, zero_grad, backward, step.

``PhaseWalk(trainer)`` drives the trainer's next mini-batch through the phases, one per
``advance()``, each returning a ``PhaseResult`` of plain numbers (what ``PhaseReport`` carries).
It is ``Trainer.train_step`` cut into its five phases, with the same calls in the same order
(``take_batch``, ``model.train()``, the forward pass and the loss, ``on_loss``, ``zero_grad()``,
``backward()``, ``conclude_step``), so after ``step`` the network, the optimizer and the record
are exactly where one ordinary step would have put them, and phase steps and training mix
freely. ``abandon()`` before ``step`` gives the batch back and rewinds the model's generator (the
dropout masks and the dynamic model's loop count) and ``.grad``: nothing else has changed, so
the next ordinary step takes the same batch with the same draws.

What each phase reports (node ids are ``core.trace``'s, the same in every phase of a walk):

- forward: ``graph`` (the autograd graph of the output: inputs, parameters and ops, no loss),
  ``order`` (its node ids as the forward pass made them: inputs and parameters first), and
  ``node_values`` ({node id: {"shape": [...], "values": [up to 4 floats]}}: the node's output for
  the first sample of the batch; a parameter's first numbers).
- loss: ``graph`` (the whole graph, with the loss), ``order`` (the nodes it added: target, the loss
  function's ops, "loss"), their ``node_values``, and ``loss`` (the number).
- zero_grad: ``grad_norms`` ({parameter name: norm of .grad before, None for none}) and
  ``grads_after`` (the same after ``optimizer.zero_grad()``: None, torch's set_to_none).
- backward: ``order`` ("loss", then node ids in the order autograd ran them, parameters among
  them as their gradients arrive) and ``grad_norms`` ({node id: norm of the gradient flowing
  into the node's output; parameters: norm of p.grad; "loss": 1.0}).
- step: ``update`` (a ``WeightUpdate`` for the selected weight, None if no step was taken),
  ``changes`` ({parameter name: norm of w_new - w}), ``node_values`` of the parameter nodes
  after the step, and ``result`` (the trainer's ``StepResult``).

The loss is computed with the forward pass (as ``train_step`` does, in one go) so that every
phase's graph numbers its nodes alike; the loss phase is where it is read, shown and handed to
``on_loss``.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from playground.core.config import ConfigError
from playground.core.gradient import check_weight
from playground.core.trace import GraphSpec, trace_autograd
from playground.core.training import StepResult, Trainer
from playground.core.update import WeightUpdate, optimizer_state, weight_update

PHASES = ("forward", "loss", "zero_grad", "backward", "step")
DEFAULT_WEIGHT = ("fc1.weight", (0, 0))
VALUES = 4  # numbers per node in node_values


@dataclass(frozen=True)
class PhaseResult:
    """What one phase did; the fields are ``protocol.PhaseReport``'s (see the module docstring)."""

    phase: str
    step: int  # steps taken before this batch (after ``step``: including it)
    batch_size: int = 0
    graph: GraphSpec | None = None
    order: tuple[str, ...] = ()
    node_values: dict[str, dict[str, Any]] | None = None
    loss: float | None = None
    grad_norms: dict[str, float | None] | None = None
    grads_after: dict[str, float | None] | None = None
    update: WeightUpdate | None = None
    changes: dict[str, float] | None = None
    result: StepResult | None = None  # step: what conclude_step said (not part of the report)

    def report_fields(self) -> dict[str, Any]:
        """The fields ``PhaseReport`` has (all but ``result``)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "result"}


class PhaseWalk:
    """One mini-batch of ``trainer`` through the five phases; ``selected`` = (parameter name,
    index) is the weight whose update the step phase writes out (default fc1.weight[0, 0])."""

    def __init__(self, trainer: Trainer, selected: tuple[str, tuple[int, ...]] | None = None):
        self.trainer = trainer
        self.selected = selected
        self.next_phase: str | None = PHASES[0]
        self.step = trainer.step_count
        self.tape: list | None = None  # the forward pass's linear layer calls (model.tape)
        self.x: torch.Tensor | None = None
        self.y: torch.Tensor | None = None
        self._idx: torch.Tensor | None = None  # the batch, while the walk holds it
        self._loss_tensor: torch.Tensor | None = None
        self._loss_value = math.nan
        self._spec: GraphSpec | None = None
        self._fns: dict[str, Any] = {}
        self._values: dict[str, dict] = {}  # node id -> shape and values, from the forward pass
        self._ranks: dict[str, float] = {}  # node id -> when the forward pass made it
        self._before: dict[str, Any] = {}  # what abandon() puts back
        self._old_grads: dict[str, torch.Tensor | None] | None = None
        self._backward_done = False

    # -- the walk ------------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.next_phase is None

    @property
    def holds_batch(self) -> bool:
        return self._idx is not None

    def advance(self) -> PhaseResult:
        """Do the next phase. On an exception the walk is abandoned (the batch goes back)."""
        phase = self.next_phase
        if phase is None:
            raise RuntimeError("this walk is done: start a new one for the next mini-batch")
        try:
            result = getattr(self, f"_phase_{phase}")()
        except BaseException:
            self.abandon()
            raise
        following = PHASES.index(phase) + 1
        self.next_phase = PHASES[following] if following < len(PHASES) else None
        if self.done:
            self._release()
        return result

    def abandon(self) -> None:
        """Give the batch back and undo what the phases so far did (the model's generator and mode,
        ``.grad``); weights and optimizer are untouched before ``step``. The walk is then done."""
        if self.done:
            return
        t, model = self.trainer, self.trainer.model
        if self._idx is not None:
            t.put_back(self._idx)
            self._idx = None
        if self._before:
            model.rng.set_state(self._before["rng"])
            model.train(self._before["training"])
            if "repeats" in self._before:
                model.last_repeats = self._before["repeats"]
        if self._old_grads is not None:
            for name, p in model.named_parameters():
                p.grad = self._old_grads.get(name)
        self.next_phase = None
        self._release()

    def recorded(self) -> tuple[list, torch.Tensor] | None:
        """(tape, y) of this walk's forward pass while its weights stand (forward done, no step)."""
        return (self.tape, self.y) if self.tape is not None and not self.done else None

    def autograd_gradient(self, p: torch.nn.Parameter) -> torch.Tensor | None:
        """Autograd's gradient of ``p`` for this walk's batch: ``p.grad`` once backward has run,
        before that ``torch.autograd.grad`` on the walk's graph (``.grad`` untouched)."""
        if self._backward_done:
            return p.grad
        (grad,) = torch.autograd.grad(self._loss_tensor, p, retain_graph=True, allow_unused=True)
        return grad

    @contextmanager
    def set_aside(self):
        """For a moment, the trainer as before this walk: the batch back among the pending ones, the
        model's generator rewound, no ``.grad`` of the walk's (a session saved now records where
        training stands; a preview's backward cannot touch the walk's gradients). Then as it was."""
        t, model = self.trainer, self.trainer.model
        params = dict(model.named_parameters())
        grads = {name: p.grad for name, p in params.items()}
        rng = model.rng.get_state()
        training = model.training
        idx = self._idx
        if idx is not None:
            t.put_back(idx)
            model.rng.set_state(self._before["rng"])
        if self._old_grads is not None:
            for name, p in params.items():
                p.grad = self._old_grads.get(name)
        try:
            yield
        finally:
            if idx is not None:
                t.take_batch()  # the same batch: it was put back last
            model.rng.set_state(rng)
            model.train(training)
            for name, p in params.items():
                p.grad = grads[name]

    def _release(self) -> None:
        """Drop the graph, the recorded pass and what abandon() needed (no tensors once done)."""
        self._loss_tensor = self._old_grads = None
        self._fns, self._before = {}, {}
        self.tape = self.x = self.y = None

    def _batch_size(self) -> int:
        return 0 if self.x is None else int(self.x.shape[0])

    def _selection(self) -> tuple[str, tuple[int, ...]]:
        """The selected weight if this network has it, else fc1.weight[0, 0]."""
        if self.selected is not None:
            try:
                return self.selected[0], check_weight(self.trainer.model, *self.selected)[1]
            except ConfigError:
                pass
        return DEFAULT_WEIGHT

    # -- the phases -----------------------------------------------------------------------------
    def _phase_forward(self) -> PhaseResult:
        t, model = self.trainer, self.trainer.model
        self._before = {"rng": model.rng.get_state(), "training": model.training}
        if hasattr(model, "last_repeats"):
            self._before["repeats"] = model.last_repeats
        self._idx = t.take_batch()
        self.x, self.y = t.x_train[self._idx], t.y_train[self._idx]
        model.train()
        tape: list = []
        old_tape, model.tape = model.tape, tape
        recorder = _OutputRecorder()
        try:
            with recorder:
                output = model(self.x)
                self._loss_tensor = t.loss(output, self.y)
        finally:
            model.tape = old_tape
        self.tape = tape
        self._spec, self._fns = trace_autograd(self._loss_tensor, model)
        self._record_values(recorder.seen)
        forward = [n.id for n in self._spec.nodes if not _loss_side(n)]
        return PhaseResult("forward", self.step, self._batch_size(), graph=_subgraph(self._spec, set(forward)),
                           order=self._forward_order(forward),
                           node_values={nid: self._values[nid] for nid in forward if nid in self._values})

    def _phase_loss(self) -> PhaseResult:
        t = self.trainer
        self._loss_value = self._loss_tensor.item()
        if t.on_loss is not None:  # as train_step: the graph probe traces and hooks this loss
            t.on_loss(self._loss_tensor)
        added = [n.id for n in self._spec.nodes if _loss_side(n)]
        self._values["loss"] = {"shape": [], "values": [self._loss_value]}
        return PhaseResult("loss", self.step, self._batch_size(), graph=self._spec, order=self._forward_order(added),
                           node_values={nid: self._values[nid] for nid in added if nid in self._values},
                           loss=self._loss_value)

    def _phase_zero_grad(self) -> PhaseResult:
        model = self.trainer.model
        params = dict(model.named_parameters())
        self._old_grads = {name: p.grad for name, p in params.items()}
        before = {name: _norm(p.grad) for name, p in params.items()}
        self.trainer.optimizer.zero_grad()
        after = {name: _norm(p.grad) for name, p in params.items()}
        return PhaseResult("zero_grad", self.step, self._batch_size(), grad_norms=before, grads_after=after)

    def _phase_backward(self) -> PhaseResult:
        order, norms = ["loss"], {"loss": 1.0}
        if math.isfinite(self._loss_value):  # as train_step: no backward through a loss that is not finite
            handles = []
            for nid, fn in self._fns.items():
                def hook(grad_outputs, nid=nid):
                    order.append(nid)
                    g = grad_outputs[0] if grad_outputs else None
                    if g is not None:
                        norms[nid] = g.detach()
                handles.append(fn.register_prehook(hook))
            try:
                self._loss_tensor.backward()
            finally:
                for h in handles:
                    h.remove()
            norms = {nid: _norm(g) if torch.is_tensor(g) else g for nid, g in norms.items()}
            for nid, fn in self._fns.items():
                if hasattr(fn, "variable"):
                    norms[nid] = _norm(fn.variable.grad)
        self._backward_done = True
        return PhaseResult("backward", self.step, self._batch_size(), order=tuple(order), grad_norms=norms)

    def _phase_step(self) -> PhaseResult:
        t, model = self.trainer, self.trainer.model
        name, index = self._selection()
        params = dict(model.named_parameters())
        p = params[name]
        before = {n: q.detach().clone() for n, q in params.items()}
        w = float(p.detach()[index])
        grad = None if p.grad is None else float(p.grad[index])
        state_before = optimizer_state(t.optimizer.state.get(p, {}), index, p.shape)
        idx, self._idx = self._idx, None  # conclude_step takes the batch (or puts it back itself)
        result = t.conclude_step(idx, self._loss_value)
        changes = {n: float(torch.linalg.vector_norm(q.detach().double() - before[n].double()))
                   for n, q in params.items()}
        update = None
        if not result.diverged:
            group = next(g for g in t.optimizer.param_groups if any(q is p for q in g["params"]))
            update = weight_update(t.optimizer, group, t.config.optimizer, name, index, w, grad,
                                   float(p.detach()[index]), state_before,
                                   optimizer_state(t.optimizer.state.get(p, {}), index, p.shape))
        values = {f"param:{n}": _param_values(q) for n, q in params.items()}
        return PhaseResult("step", t.step_count, self._batch_size(), node_values=values, update=update,
                           changes=changes, result=result)

    # -- node values and order ------------------------------------------------------------------
    def _record_values(self, seen: dict[Any, tuple[int, dict]]) -> None:
        """{node id: shape and values} and the forward ranks, from what the forward pass made."""
        spec = self._spec
        for node in spec.nodes:
            nid, fn = node.id, self._fns.get(node.id)
            if node.kind == "param" and fn is not None:
                self._values[nid] = _param_values(fn.variable)
            elif fn is not None and fn in seen:
                self._ranks[nid], self._values[nid] = seen[fn]
            elif fn is not None:
                value = _unseen_output(fn)
                if value is not None:
                    self._values[nid] = _sample_values(value)
            elif node.kind == "input":
                value = self.x if nid == "input" else _input_of(spec, self._fns, nid)
                if value is not None:
                    self._values[nid] = _sample_values(value)
            elif node.kind == "target":
                self._values[nid] = _sample_values(self.y)

    def _forward_order(self, ids: list[str]) -> tuple[str, ...]:
        """``ids`` as the forward pass made them: inputs and targets, parameters, then ops by when
        they ran (an op the pass did not see, such as W.T inside a Linear, just before its first
        consumer), the loss last."""
        spec, keep = self._spec, set(ids)
        consumers: dict[str, list[str]] = {nid: [] for nid in ids}
        for e in spec.edges:
            if e.source in keep and e.target in keep:
                consumers[e.source].append(e.target)
        ranks = dict(self._ranks)

        def rank(nid: str, depth: int = 0) -> float:
            if nid not in ranks:
                later = [rank(c, depth + 1) for c in consumers[nid]] if depth < 64 else []
                ranks[nid] = min(later) - 0.5 if later else math.inf
            return ranks[nid]

        kinds = {"input": 0, "target": 0, "param": 1, "op": 2, "loss": 3}
        position = {n.id: k for k, n in enumerate(spec.nodes)}
        params = list(dict(self.trainer.model.named_parameters()))

        def key(nid: str):
            node = spec.by_id[nid]
            if node.kind == "param":
                return (1, params.index(node.param) if node.param in params else len(params), 0)
            return (kinds.get(node.kind, 2), rank(nid) if node.kind == "op" else 0, -position[nid])

        return tuple(sorted(ids, key=key))


# -- helpers ------------------------------------------------------------------------------------

class _OutputRecorder(TorchFunctionMode):
    """While active, each torch call's output that autograd recorded: {its node: (rank, values)}."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[Any, tuple[int, dict]] = {}

    def __torch_function__(self, func, types, args=(), kwargs=None):
        result = func(*args, **(kwargs or {}))
        fn = result.grad_fn if isinstance(result, torch.Tensor) else None
        if fn is not None and fn not in self.seen:
            self.seen[fn] = (len(self.seen), _sample_values(result))
        return result


def _loss_side(node) -> bool:
    """Whether a graph node belongs to the loss (the loss phase adds it), not the forward pass."""
    return node.kind in ("loss", "target") or node.group == "loss_fn"


def _subgraph(spec: GraphSpec, keep: set[str]) -> GraphSpec:
    data = spec.to_dict()
    return GraphSpec.from_dict({"nodes": [n for n in data["nodes"] if n["id"] in keep],
                                "edges": [e for e in data["edges"] if e["source"] in keep and e["target"] in keep]})


def _norm(t: torch.Tensor | None) -> float | None:
    return None if t is None else float(torch.linalg.vector_norm(t.detach().double()))


def _floats(t: torch.Tensor) -> list[float]:
    return [float(v) for v in t.detach().reshape(-1)[:VALUES].double().tolist()]


def _sample_values(t: torch.Tensor) -> dict[str, Any]:
    """A batch tensor's shape and its first sample's first numbers (a scalar: the scalar)."""
    return {"shape": list(t.shape), "values": _floats(t[0] if t.dim() >= 1 else t)}


def _param_values(p: torch.Tensor) -> dict[str, Any]:
    return {"shape": list(p.shape), "values": _floats(p)}


def _unseen_output(fn) -> torch.Tensor | None:
    """The output of a node no torch call returned (made inside another op): W.T inside a Linear,
    log_softmax inside cross_entropy (saved for backward)."""
    result = getattr(fn, "_saved_result", None)
    if isinstance(result, torch.Tensor):
        return result
    if type(fn).__name__ == "TBackward0":
        child = fn.next_functions[0][0]
        if child is not None and hasattr(child, "variable"):
            return child.variable.detach().t()
    return None


def _input_of(spec: GraphSpec, fns: dict[str, Any], nid: str) -> torch.Tensor | None:
    """An input node other than x (a dropout mask): the tensor its op saved for backward."""
    for e in spec.edges:
        if e.source == nid and e.target in fns:
            fn = fns[e.target]
            node_shape = spec.by_id[nid].shape
            for attr in ("_saved_other", "_saved_self"):
                saved = getattr(fn, attr, None)
                if isinstance(saved, torch.Tensor) and not saved.requires_grad and list(saved.shape) == node_shape:
                    return saved
    return None


__all__ = ["PHASES", "DEFAULT_WEIGHT", "WeightUpdate", "PhaseResult", "PhaseWalk", "weight_update"]
