"""Live statistics on the autograd graph, captured one training step at a time.

``GraphProbe`` hooks one step on request (so at a bounded rate) and turns the gradients that flow
through the graph into a frozen ``GraphSnapshot`` of plain numbers. ``snapshot_for_config`` and
``preview_snapshot`` capture one without a training loop (the CLI, the window before a run).

No Qt here: the CLI and the tests use this module headless.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.core.config import TrainConfig
from playground.core.trace import GraphSpec, short_op, trace_autograd, trace_graph

if TYPE_CHECKING:  # torch is imported where it is used: the window imports this module and no torch
    import torch


@dataclass(frozen=True)
class GraphSnapshot:
    """One captured step: the graph and plain-number statistics per node id (no tensors).

    ``node_stats[id]`` holds ``grad_norm`` (the norm of the gradient flowing into that node's
    output during backward; for parameters ``p.grad.norm()``), and for parameters also ``mean``,
    ``std``, ``min``, ``max``, ``numel`` and ``value_hist`` / ``grad_hist`` as (counts, bin_edges)
    numpy arrays."""

    spec: GraphSpec
    node_stats: Mapping[str, Mapping[str, Any]]
    step: int = 0

    @property
    def structure_key(self) -> str:
        return self.spec.structure_key


def layer_stats(layer_spec: GraphSpec, full: GraphSpec, node_stats: Mapping[str, Mapping[str, Any]]) -> dict:
    """Statistics for the layer boxes: the layer's parameter-gradient norm (sqrt of the sum of
    squares), or for boxes without parameters the gradient at the box's output."""
    out: dict[str, dict] = {}
    for n in layer_spec.nodes:
        members = [full.by_id[m] for m in n.members if m in full.by_id]
        params = [m for m in members if m.kind == "param" and m.id in node_stats]
        if params:
            norms = [node_stats[p.id].get("grad_norm", math.nan) for p in params]
            out[n.id] = {"grad_norm": math.sqrt(sum(x * x for x in norms)), "params": [p.id for p in params]}
        else:
            vals = [node_stats[m.id]["grad_norm"] for m in members if "grad_norm" in node_stats.get(m.id, {})]
            if vals:
                out[n.id] = {"grad_norm": vals[0]}
    return out


class GraphProbe:
    """Captures the graph and its gradients on request, one training step at a time.

    ``attach(trainer)`` installs ``trainer.on_loss``. ``request()`` (any thread) arms a capture of
    the next step: its loss graph is traced and autograd pre-hooks record the norm of the gradient
    flowing into every op. After that step ``take()`` returns a ``GraphSnapshot`` of plain numbers.
    Between requests the probe costs one flag check per step.

    A network whose graph cannot change between passes (the MLP without dropout, the CNN, the
    sequence families) is traced once per model and batch shape: later captures walk ``loss.grad_fn`` only to find the nodes to hook
    and reuse the spec (``traces`` counts the full traces). The dynamic model and dropout are
    traced on every capture: their graph changes from pass to pass.
    """

    def __init__(self, bins: int = 24):
        self.bins = bins
        self._requested = threading.Event()
        self._lock = threading.Lock()
        self._pending: dict | None = None
        self._trainer = None
        # (a weak reference to the model: a spent network is not kept alive), batch key, spec, node ids
        self._cached: tuple[weakref.ref, tuple, GraphSpec, frozenset[str]] | None = None
        self.traces = 0  # full traces of loss.grad_fn (the rest reused a cached spec)
        self.capture_seconds = 0.0  # what the last capture cost inside its step (trace and hooks)
        # histograms for this node's parameters only (a parameter, or a layer box "layer:fc1");
        # None: for every parameter
        self.inspect: str | None = None

    @property
    def trainer(self):
        return self._trainer

    def attach(self, trainer) -> None:
        self._trainer = trainer
        trainer.on_loss = self._on_loss

    def detach(self) -> None:
        if self._trainer is not None and self._trainer.on_loss == self._on_loss:
            self._trainer.on_loss = None
        self._trainer = None

    def request(self) -> None:
        self._requested.set()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    def _on_loss(self, loss: torch.Tensor) -> None:
        if not self._requested.is_set():
            return
        self._requested.clear()
        model = self._trainer.model if self._trainer is not None else None
        self.capture(loss, model)

    def capture(self, loss: torch.Tensor, model: torch.nn.Module | None = None) -> None:
        """Trace ``loss`` and hook its graph; call before ``loss.backward()`` (training thread)."""
        import torch

        began = time.perf_counter()
        spec, fns = self._trace(loss, model)
        norms: dict[str, torch.Tensor] = {}
        handles = []
        for nid, fn in fns.items():
            if spec.by_id[nid].kind != "op":
                continue

            def hook(grad_outputs, nid=nid):
                g = grad_outputs[0] if grad_outputs else None
                if g is not None:
                    norms[nid] = torch.linalg.vector_norm(g.detach().float())

            handles.append(fn.register_prehook(hook))
        params = {nid: fn.variable for nid, fn in fns.items() if spec.by_id[nid].kind == "param"}
        step = self._trainer.step_count if self._trainer is not None else 0
        with self._lock:
            self._pending = {"spec": spec, "norms": norms, "handles": handles, "params": params, "step": step}
        self.capture_seconds = time.perf_counter() - began

    def _trace(self, loss: torch.Tensor, model: torch.nn.Module | None) -> tuple[GraphSpec, dict[str, Any]]:
        """``trace_autograd(loss, model)``, or the cached spec where the graph cannot have changed."""
        if not _fixed_structure(model) or loss.grad_fn is None:
            self._cached = None
            self.traces += 1
            return trace_autograd(loss, model)
        key = _batch_key(loss)
        cached = self._cached
        if cached is not None and cached[0]() is model and cached[1] == key:
            fns = _walk_autograd(loss, model)
            if fns.keys() == cached[3]:
                return cached[2], fns
        self.traces += 1
        spec, fns = trace_autograd(loss, model)
        self._cached = (weakref.ref(model), key, spec, frozenset(fns))
        return spec, fns

    def take(self) -> GraphSnapshot | None:
        """The snapshot of the captured step once its backward has run; else None (training thread)."""
        import torch

        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return None
        for h in pending["handles"]:
            h.remove()
        spec: GraphSpec = pending["spec"]
        norms: dict[str, torch.Tensor] = pending["norms"]
        if not norms:  # backward never ran (a non-finite loss): nothing to show
            return None
        stats: dict[str, dict] = {"loss": {"grad_norm": 1.0}}
        ids = list(norms)
        values = torch.stack([norms[i] for i in ids]).cpu().tolist() if ids else []
        for nid, v in zip(ids, values):
            stats[nid] = {"grad_norm": float(v)}
        inspect = self.inspect
        for nid, p in pending["params"].items():
            hist = inspect is None or inspect in (nid, f"layer:{spec.by_id[nid].group}")
            stats[nid] = _param_stats(p, self.bins, hist)
        return GraphSnapshot(spec, stats, pending["step"])


def _fixed_structure(model: Any) -> bool:
    """Whether every training pass of ``model`` records the same graph: the MLP without dropout, the CNN,
    the sequence families (a fixed number of time steps and blocks)."""
    from playground.core.cnn import CNN
    from playground.core.model import MLP
    from playground.core.sequence import AttentionNet, RecurrentNet

    return (type(model) in (CNN, RecurrentNet, AttentionNet)
            or (type(model) is MLP and not any(rate > 0 for rate in model.dropout)))


def _batch_key(loss: torch.Tensor) -> tuple:
    """What a fixed graph's shapes depend on: the loss op and the shape of what it reads (the batch)."""
    root = loss.grad_fn
    first = next((fn for fn, _ in root.next_functions if fn is not None), None)
    meta = getattr(first, "_input_metadata", ()) if first is not None else ()
    return type(root).__name__, tuple(meta[0].shape) if meta else None, str(loss.device), loss.dtype


def _walk_autograd(loss: torch.Tensor, model: torch.nn.Module) -> dict[str, Any]:
    """{node id: autograd node} as ``trace_autograd`` numbers them, without building the spec."""
    names = {id(p): name for name, p in model.named_parameters()}
    ids: dict[Any, str] = {}
    fns: dict[str, Any] = {}

    def node_id(fn: Any) -> str:
        if fn not in ids:
            op = type(fn).__name__
            if op == "AccumulateGrad":
                name = names.get(id(fn.variable))
                ids[fn] = f"param:{name}" if name else f"param:{len(ids)}"
            else:
                ids[fn] = f"op{len(ids)}:{short_op(op)}"
        return ids[fn]

    root = loss.grad_fn
    node_id(root)
    stack = [root]
    while stack:
        fn = stack.pop()
        nid = ids[fn]
        if nid in fns:
            continue
        fns[nid] = fn
        if type(fn).__name__ == "AccumulateGrad":
            continue
        children = [child for child, _ in fn.next_functions if child is not None]
        for child in children:
            node_id(child)
        stack.extend(reversed(children))
    return fns


def _histogram(a: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """np.histogram(a, bins) for finite data, without its per-call overhead (many small tensors)."""
    lo, hi = float(a.min()), float(a.max())
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return np.histogram(a[np.isfinite(a)], bins=bins)
    if not hi - lo > 1e-12 * max(1.0, abs(lo), abs(hi)):  # one value (or too close to tell apart)
        pad = 0.5 * max(1.0, abs(lo))
        lo, hi = lo - pad, hi + pad
    idx = ((a - np.float32(lo)) * np.float32(bins / (hi - lo))).astype(np.int64)
    np.clip(idx, 0, bins - 1, out=idx)
    return np.bincount(idx, minlength=bins), np.linspace(lo, hi, bins + 1)


def _param_stats(p: torch.Tensor, bins: int, hist: bool = True) -> dict:
    # torch reductions (one thread, like training) rather than numpy's: np.linalg.norm goes through
    # a multi-threaded BLAS that fights the training thread for the cores
    import torch

    with torch.no_grad():
        values = p.detach().float().cpu().ravel()
        st: dict[str, Any] = {"mean": float(values.mean()), "std": float(values.std(correction=0)),
                              "min": float(values.min()), "max": float(values.max()), "numel": values.numel()}
        if hist:
            st["value_hist"] = _histogram(values.numpy(), bins)
        if p.grad is None:
            st["grad_norm"] = math.nan
        else:
            grads = p.grad.detach().float().cpu().ravel()
            st["grad_norm"] = float(torch.linalg.vector_norm(grads, dtype=torch.float64))
            if hist:
                st["grad_hist"] = _histogram(grads.numpy(), bins)
            st["grad_mean"] = float(grads.mean())
            st["grad_std"] = float(grads.std(correction=0))
    return st


def graph_for_config(config: TrainConfig) -> GraphSpec:
    """The graph of one real forward+backward pass of the configured network (headless)."""
    snapshot = snapshot_for_config(config)
    snapshot.spec.stats = {k: {"grad_norm": v["grad_norm"]} for k, v in snapshot.node_stats.items()
                           if "grad_norm" in v}
    return snapshot.spec


def snapshot_for_config(config: TrainConfig, steps: int = 1):
    """Train ``steps`` steps of a fresh ``Trainer(config)`` and capture the last one."""
    from playground.core.training import Trainer

    trainer = Trainer(config)
    probe = GraphProbe()
    probe.attach(trainer)
    snapshot = None
    for i in range(steps):
        if i == steps - 1:
            probe.request()
        trainer.train_step()
    snapshot = probe.take()
    probe.detach()
    if snapshot is None:  # the step diverged: still show the structure
        trainer.model.train()
        x, y = trainer.x_train[: config.batch_size], trainer.y_train[: config.batch_size]
        loss = trainer.loss(trainer.model(x), y)
        snapshot = GraphSnapshot(trace_graph(loss, trainer.model), {}, trainer.step_count)
    return snapshot


def preview_snapshot(trainer, probe: GraphProbe | None = None) -> GraphSnapshot | None:
    """The graph of the trainer's next mini-batch with its gradients, without taking a step.

    For showing the graph before training starts (or after a reset): forward, trace, backward,
    then each ``.grad`` is put back as it was (the last step's: the weight editor shows it);
    weights, batch order, optimizer state and the model's own generator (dropout masks, the
    dynamic model's loop count) do not move, so the next step draws what this preview drew.
    """
    import torch

    probe = probe or GraphProbe()
    n = min(trainer.config.batch_size, len(trainer.x_train))
    x, y = trainer.x_train[:n], trainer.y_train[:n]
    was_training = trainer.model.training
    rng = getattr(trainer.model, "rng", None)
    rng_state = rng.get_state() if rng is not None else None
    grads = [(p, p.grad) for p in trainer.model.parameters()]
    for p, _ in grads:
        p.grad = None  # backward would add into the last step's .grad in place
    trainer.model.train()
    try:
        loss = trainer.loss(trainer.model(x), y)
        if not torch.isfinite(loss):
            return None
        probe.capture(loss, trainer.model)
        loss.backward()
        snap = probe.take()
    finally:
        for p, grad in grads:
            p.grad = grad
        trainer.model.train(was_training)
        if rng_state is not None:
            rng.set_state(rng_state)
    return None if snap is None else dataclasses.replace(snap, step=trainer.step_count)


__all__ = [
    "GraphProbe",
    "GraphSnapshot",
    "graph_for_config",
    "layer_stats",
    "preview_snapshot",
    "snapshot_for_config",
]
