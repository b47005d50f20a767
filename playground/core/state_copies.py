"""Copies of tensors and state dicts for the Trainer: to the CPU, clones, fused copies in place,
and finiteness checks (the Trainer's good-state copies and its divergence checks use them)."""

from __future__ import annotations

from collections.abc import Iterable

import torch


def to_cpu(obj):
    if torch.is_tensor(obj):
        return obj.detach().to("cpu", copy=True)
    if isinstance(obj, dict):
        return {k: to_cpu(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [to_cpu(v) for v in obj]
    return obj


def clone_state(obj):
    """A copy of a state dict whose tensors are the copy's own (on their device)."""
    if torch.is_tensor(obj):
        return obj.detach().clone()
    if isinstance(obj, dict):
        return {k: clone_state(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [clone_state(v) for v in obj]
    return obj


def copy_into(good: dict | None, state: dict) -> bool:
    """Copy an optimizer's ``state_dict()`` into ``good`` (an earlier ``_clone`` of one) in place,
    with one fused copy for all its tensors; False, with nothing copied, if the layouts differ."""
    if good is None or good["state"].keys() != state["state"].keys():
        return False
    targets, sources, others = [], [], []
    for i, entry in state["state"].items():
        kept = good["state"][i]
        if kept.keys() != entry.keys():
            return False
        for key, value in entry.items():
            old = kept[key]
            if torch.is_tensor(value):
                if not (torch.is_tensor(old) and old.shape == value.shape and old.dtype == value.dtype):
                    return False  # (a copy would broadcast or convert)
                targets.append(old)
                sources.append(value)
            elif torch.is_tensor(old):
                return False
            else:
                others.append((kept, key, value))
    if targets:
        torch._foreach_copy_(targets, sources)
    for kept, key, value in others:
        kept[key] = value
    good["param_groups"] = state["param_groups"]  # state_dict() made these dicts; _back_to_good clones them
    return True


def state_tensors(state: dict) -> list[torch.Tensor]:
    """The tensors of an optimizer's ``state_dict()["state"]``, in order."""
    return [v for entry in state.values() for v in entry.values() if torch.is_tensor(v)]


def finite_copies(tensors: list[torch.Tensor]) -> bool:
    """``all_finite`` for tensors of our own (copies): torch.amp.GradScaler's check, one fused op
    that reads them all and writes them back times exactly 1.0 (unchanged), and one flag."""
    if not tensors:
        return True
    try:  # floating point, on one device (a mix, or a device without the op, raises)
        found = torch.zeros(1, device=tensors[0].device)
        torch._amp_foreach_non_finite_check_and_unscale_(tensors, found, torch.ones(1, device=found.device))
        return not found.item()
    except (RuntimeError, NotImplementedError):
        return all_finite(tensors)


@torch.no_grad()
def all_finite(tensors: Iterable[torch.Tensor]) -> bool:
    """Whether the floating-point ``tensors`` hold finite numbers only (one flat copy per device)."""
    by_device: dict[torch.device, list[torch.Tensor]] = {}
    for t in tensors:
        if t.is_floating_point():
            by_device.setdefault(t.device, []).append(t.reshape(-1))
    return all(bool(torch.cat(flat).isfinite().all()) for flat in by_device.values())
