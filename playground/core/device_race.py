"""The device lesson, Qt-free: how fast each device trains the same network as it widens, and the
error PyTorch gives when the model and the data sit on different devices.

``race`` measures training steps per second of the current task (its data, activation, optimizer,
learning rate and batch size) on a network of two hidden layers of ``width`` neurons, for each
width and each device present (cpu, cuda:N, mps). It yields one ``RaceResult`` at a time, so the
engine can send each measurement as it is made. Each measurement trains a few warm-up steps, then
times up to ``steps`` steps, at most ``max_seconds``: the same five lines as ``Trainer.train_step``
(forward, loss, zero_grad, backward, step, and ``loss.item()``, which waits for the device), with a
synchronize before each reading of the clock on a GPU.

``mismatch_demo`` runs the classic mistake (the model on the GPU, the data left on the CPU) and its
fix, ``x = x.to(device)``; the code strings are exactly what runs (with ``torch`` and ``nn``
imported). On a machine without a GPU the ``meta`` device (tensors with a shape but no numbers)
stands in for it: the same mistake gives a real PyTorch device error, and the demo says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import torch
from torch import nn

from playground.core import catalog
from playground.core.datasets import Dataset
from playground.core.devices import list_devices
from playground.core.model import build_model

HIDDEN_LAYERS = 2  # the raced network: input -> width -> width -> output
WARMUP_STEPS = 3  # untimed: the first steps on a device pay for its start-up (CUDA context, kernels)
MAX_SECONDS = 0.5  # the timed steps of one measurement stop after this long
MAX_WIDTH = 4096


@dataclass(frozen=True)
class RaceResult:
    device: str  # "cpu", "cuda:0", "mps"
    width: int  # neurons in each hidden layer
    steps_per_second: float
    parameters: int  # weights and biases of the raced network
    steps: int  # timed steps the measurement took
    index: int  # this measurement's place in the race, from 0
    total: int  # how many measurements the race makes


def race_devices_present() -> list[str]:
    """The devices a race runs on: cpu first, then each GPU."""
    return [d.id for d in list_devices()]


def synchronize(device: torch.device) -> None:
    """Wait until the device has finished the work queued on it (a GPU runs ahead of Python)."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


def race(dataset: Dataset, activation: str, optimizer: str, learning_rate: float, batch_size: int,
         widths: Sequence[int], steps: int, devices: Sequence[str] | None = None,
         max_seconds: float = MAX_SECONDS, warmup: int = WARMUP_STEPS,
         clock: Callable[[], float] = time.perf_counter) -> Iterator[RaceResult]:
    """One ``RaceResult`` per width and device, width by width (every device at 16, then at 64...)."""
    devices = list(race_devices_present() if devices is None else devices)
    plan = [(w, d) for w in widths for d in devices]
    for index, (width, device) in enumerate(plan):
        done, seconds, parameters = _measure(dataset, activation, optimizer, learning_rate, batch_size, width,
                                             torch.device(device), steps, max_seconds, warmup, clock)
        yield RaceResult(device, width, done / seconds if seconds > 0 else float("inf"), parameters, done,
                         index, len(plan))


def _measure(dataset: Dataset, activation: str, optimizer: str, learning_rate: float, batch_size: int,
             width: int, device: torch.device, steps: int, max_seconds: float, warmup: int,
             clock: Callable[[], float]) -> tuple[int, float, int]:
    """(timed steps, their seconds, parameters) of one network on one device."""
    with torch.random.fork_rng(devices=[]):  # the race leaves the training's random numbers alone
        torch.manual_seed(0)
        model = build_model(dataset.n_features, (width,) * HIDDEN_LAYERS, dataset.n_outputs, activation)
        order = torch.randperm(len(dataset.x_train))
    model.to(device)
    opt = catalog.OPTIMIZERS[optimizer].build(model.parameters(), learning_rate, 0.0)
    criterion = nn.MSELoss() if dataset.task == "regression" else nn.CrossEntropyLoss()
    x_all = torch.as_tensor(dataset.x_train, device=device)
    y_all = torch.as_tensor(dataset.y_train, device=device)
    batches = [(x_all[i], y_all[i]) for i in order.to(device).split(max(1, batch_size))]
    parameters = sum(p.numel() for p in model.parameters())
    model.train()

    def step(k: int) -> None:
        x, y = batches[k % len(batches)]
        loss = criterion(model(x), y)
        loss.item()  # as Trainer.train_step: the loop waits for each step's loss
        opt.zero_grad()
        loss.backward()
        opt.step()

    start = clock()
    for k in range(max(1, warmup)):  # at least one; no more than half the time allowed
        step(k)
        if clock() - start > max_seconds / 2:
            break
    synchronize(device)
    done, start = 0, clock()
    while done < max(1, steps):
        step(done)
        done += 1
        if clock() - start >= max_seconds:
            break
    synchronize(device)
    seconds = clock() - start
    return done, seconds, parameters


# -- the mistake and its fix ------------------------------------------------------------------

STAND_IN = "meta"  # no GPU here: the device the demo uses in its place


@dataclass(frozen=True)
class MismatchDemo:
    devices: tuple[str, ...]  # the devices present
    device: str  # where the demo puts the model: the first GPU, or "meta" as a stand-in
    code: str  # the mistake, exactly as it runs
    error: str  # PyTorch's message ("RuntimeError: ..."), "" if the mistake raised nothing
    fixed_code: str  # the fix, exactly as it runs
    fixed_result: str  # what the fixed code printed (or its error, should it fail)
    note: str  # "" with a GPU; otherwise what stands in for it

    @property
    def stand_in(self) -> bool:
        return self.device == STAND_IN


def mismatch_code(device: str) -> tuple[str, str]:
    """(the mistake, the fix) for a model on ``device`` and data made on the cpu."""
    if device == STAND_IN:
        first = f'device = torch.device("{STAND_IN}")  # no GPU here: stands in for "cuda:0"'
    else:
        first = f'device = torch.device("{device}")'
    mistake = "\n".join([first,
                         "model = nn.Linear(2, 2).to(device)",
                         "x = torch.zeros(1, 2)  # made on the cpu",
                         "y = model(x)"])
    fixed = "\n".join([first,
                       "model = nn.Linear(2, 2).to(device)",
                       "x = torch.zeros(1, 2)  # made on the cpu",
                       "x = x.to(device)  # the fix: data goes where the model is",
                       "y = model(x)",
                       "print(y.shape, y.device)"])
    return mistake, fixed


def run_code(code: str) -> tuple[str, str]:
    """Run ``code`` with ``torch`` and ``nn`` imported: (what it printed, the error it raised or "")."""
    printed: list[str] = []

    def capture(*args, sep=" ", end="\n", **_):
        printed.append(sep.join(str(a) for a in args) + end)

    namespace = {"torch": torch, "nn": nn, "print": capture}
    with torch.random.fork_rng(devices=[]):  # nn.Linear draws its weights: not from the training's numbers
        try:
            exec(compile(code, "<lesson>", "exec"), namespace)
        except Exception as e:  # the point of the demo: the error a student sees
            return "".join(printed).rstrip("\n"), f"{type(e).__name__}: {e}"
    return "".join(printed).rstrip("\n"), ""


def mismatch_demo(devices: Sequence[str] | None = None) -> MismatchDemo:
    """Run the mistake and its fix on the first GPU present (``meta`` standing in when there is none)."""
    devices = tuple(race_devices_present() if devices is None else devices)
    gpus = [d for d in devices if d != "cpu"]
    device = gpus[0] if gpus else STAND_IN
    code, fixed_code = mismatch_code(device)
    _, error = run_code(code)
    printed, fix_error = run_code(fixed_code)
    note = ""
    if not gpus:
        note = (f'No GPU on this computer, so the "{STAND_IN}" device (tensors with a shape but no numbers) '
                'stands in for "cuda:0": the same mistake, a real PyTorch error. On a GPU the message begins '
                '"Expected all tensors to be on the same device".')
    return MismatchDemo(devices, device, code, error, fixed_code, fix_error or printed, note)


__all__ = ["RaceResult", "race", "race_devices_present", "synchronize", "MismatchDemo", "mismatch_demo",
           "mismatch_code", "run_code", "HIDDEN_LAYERS", "MAX_WIDTH", "MAX_SECONDS", "STAND_IN"]
