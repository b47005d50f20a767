"""Device faults mid-run (CUDA out of memory, a lost device), injected on the CPU: the run stops
with a message offering the CPU, nothing crashes, the network is as it was (issue 13)."""

from __future__ import annotations

import pytest
import torch
from test_engine import configured, same, weights

from playground.engine import protocol as p
from playground.engine.engine import failure_message
from playground.engine.protocol import RunState

OOM = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 7.79 GiB total capacity)"


def expected(error: BaseException) -> str:
    return ("The device (cpu) ran out of memory, so the run stopped; the network is as it was before that step. "
            "Switch Device to cpu (or make the network or the batch smaller) and press Train. "
            f"[{type(error).__name__}: {error}]")


def inject(h, where: str, at_step: int, error: BaseException):
    """Make the trainer's forward (``model``) or ``optimizer.step`` raise at step ``at_step``;
    the weights just before it land in the returned dict."""
    t = h.trainer
    seen: dict[str, dict] = {}
    owner = t.model if where == "model" else t.optimizer
    real = owner.forward if where == "model" else owner.step

    def failing(*args, **kwargs):
        if t.step_count + 1 == at_step and t.model.training:
            seen["before"] = weights(t)
            raise error
        return real(*args, **kwargs)

    if where == "model":
        owner.forward = failing
    else:
        owner.step = failing
    return seen, lambda: setattr(owner, "forward" if where == "model" else "step", real)


@pytest.mark.parametrize("where", ["model", "optimizer"])
def test_out_of_memory_mid_run_stops_with_a_message_and_keeps_the_network(where):
    h = configured()
    error = torch.cuda.OutOfMemoryError(OOM)
    seen, undo = inject(h, where, at_step=3, error=error)
    h.put(p.Train(seq=2))
    h.drain()
    failed = h.of(p.RunFailed, p.RunFinished)
    assert [type(e) for e in failed] == [p.RunFailed, p.RunFinished]
    assert failed[0].message == expected(error)
    assert "Switch Device to cpu" in failed[0].message
    assert (failed[1].summary.status, failed[1].summary.steps) == ("stopped", 2)
    assert h.engine.state is RunState.IDLE and h.engine.reporter is None
    assert same(weights(h.trainer), seen["before"])  # as before the failing step
    assert h.trainer.step_count == 2 and len(h.trainer.step_losses) == 2
    # the engine still trains, the failed batch included: a whole round of 12 steps
    undo()
    start = h.mark()
    h.put(p.Train(seq=3))
    h.drain()
    s = h.of(p.RunFinished, since=start)[0].summary
    assert (s.status, s.steps) == ("completed", 12)
    assert not h.of(p.RunFailed, since=start)


def test_a_single_step_that_runs_out_of_memory():
    h = configured()
    error = torch.cuda.OutOfMemoryError(OOM)
    seen, undo = inject(h, "model", at_step=1, error=error)
    h.put(p.Step(seq=2))
    h.drain()
    assert [e.message for e in h.of(p.RunFailed)] == [expected(error)]
    assert not h.of(p.RunFinished) and h.engine.state is RunState.IDLE
    assert same(weights(h.trainer), seen["before"]) and h.trainer.step_count == 0
    undo()
    h.put(p.Step(seq=3))
    h.drain()
    assert h.trainer.step_count == 1


def test_a_lost_device_offers_the_cpu():
    h = configured()
    error = RuntimeError("CUDA error: an illegal memory access was encountered")
    seen, _ = inject(h, "optimizer", at_step=5, error=error)
    h.put(p.Train(seq=2))
    h.drain()
    message = h.of(p.RunFailed)[0].message
    assert message == ("The device (cpu) failed, so the run stopped; the network is as it was before that step. "
                       "Switch Device to cpu and press Train. [RuntimeError: CUDA error: an illegal memory access "
                       "was encountered]")
    assert same(weights(h.trainer), seen["before"])


def test_other_errors_are_said_as_they_are():
    assert failure_message(ValueError("bad"), "cpu") == "ValueError: bad"
    assert failure_message(RuntimeError("MPS backend out of memory"), "mps").startswith(
        "The device (mps) ran out of memory")
