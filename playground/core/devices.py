"""Which devices this machine has: cpu always, each visible CUDA GPU, and mps where present.

Asking torch (``list_devices``) imports it. The window's process imports no torch when the engine
runs in its own process: there ``known_devices`` lists what that engine reported with its Ready
(``remember_devices``), and the CPU alone until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from playground.core.config import ConfigError

if TYPE_CHECKING:  # torch is imported where it is used: the window imports this module and no torch
    import torch


@dataclass(frozen=True)
class DeviceInfo:
    id: str  # what torch.device() takes: "cpu", "cuda:0", "mps"
    name: str  # what a person reads: "NVIDIA H100 80GB HBM3"

    @property
    def label(self) -> str:
        return self.id if self.name == self.id else f"{self.id} - {self.name}"


def list_devices() -> list[DeviceInfo]:
    import torch

    devices = [DeviceInfo("cpu", "cpu")]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            devices.append(DeviceInfo(f"cuda:{i}", torch.cuda.get_device_name(i)))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(DeviceInfo("mps", "Apple GPU (mps)"))
    return devices


_reported: list[DeviceInfo] = []  # what an engine in another process found (its Ready)


def remember_devices(devices) -> None:
    """The devices an engine reported (``protocol.Ready.devices``): ``known_devices`` lists them."""
    if devices:
        _reported[:] = [DeviceInfo(d.id, d.name) for d in devices]


def known_devices() -> list[DeviceInfo]:
    """The devices as far as this process knows without importing torch: those an engine reported;
    else, with torch already imported (the engine runs in this process), ``list_devices()``; else
    the CPU alone (the engine has not said yet)."""
    import sys

    if _reported:
        return list(_reported)
    if "torch" in sys.modules:
        return list_devices()
    return [DeviceInfo("cpu", "cpu")]


def resolve_device(name: str) -> torch.device:
    """Turn a device name into a torch.device, or raise ConfigError listing what is present."""
    import torch

    present = [d.id for d in list_devices()]
    key = "cuda:0" if name == "cuda" else name
    if key not in present:
        raise ConfigError("device", f"{name!r} is not present on this machine; available: {', '.join(present)}")
    return torch.device(key)


_warned_threads: list[str] = []


def use_cpu_threads(n: int | None = None) -> int:
    """Set torch's CPU threads: one by default (env PLAYGROUND_THREADS overrides).

    The playground's networks are small: one thread runs them fastest, and two OpenMP threads
    spin-waiting against the GUI thread (or any other busy process) slowed training up to 15x in
    benchmarks/bench_window.py. Returns the count in force.
    """
    import os
    import sys

    import torch

    if n is None:
        value = os.environ.get("PLAYGROUND_THREADS", "").strip()
        try:
            n = int(value) if value else 1
            if n < 1:
                raise ValueError
        except ValueError:
            if not _warned_threads:  # once: the window's start-up asks again
                _warned_threads.append(value)
                print(f"playground: warning: PLAYGROUND_THREADS={value[:40]!r} is not allowed; "
                      "use a whole number of 1 or more. Using 1 thread.", file=sys.stderr)
            n = 1
            os.environ["PLAYGROUND_THREADS"] = "1"  # the engine's process, started later, needs no second warning
    torch.set_num_threads(max(1, n))
    return torch.get_num_threads()
