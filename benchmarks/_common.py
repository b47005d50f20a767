"""What the window benchmarks share: figures with their spread and load, waiting on the event loop,
and the event-loop gap probe. Not a benchmark itself (run_all.py runs ``bench_*.py`` only).

On a 2-core machine a figure moves 10-30 % with load: every figure is printed as a median with
its spread (min-max over the samples) and the 1-minute load average while it was taken.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

import numpy as np


def load() -> float:
    """The 1-minute load average now."""
    return os.getloadavg()[0]


class Figure:
    """Samples of one figure, each with the load when it was taken (None: a sample that failed,
    kept so that rounds of two figures still pair up)."""

    def __init__(self) -> None:
        self.samples: list[float | None] = []
        self.sample_loads: list[float] = []

    def add(self, value: float | None) -> float | None:
        self.samples.append(None if value is None else float(value))
        self.sample_loads.append(load())
        return value

    @property
    def values(self) -> list[float]:
        return [v for v in self.samples if v is not None]

    @property
    def loads(self) -> list[float]:
        return [ld for v, ld in zip(self.samples, self.sample_loads) if v is not None]

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def max(self) -> float:
        return max(self.values) if self.values else float("nan")

    def text(self, unit: str, digits: int = 0) -> str:
        """'812 steps/s (min-max 790-840, n 3; load 1.6, 1.4-1.9)'."""
        if not self.values:
            return "no samples"
        percent = unit == "%"  # a change: signed, '+3% (min-max -2% to +8%, ...)'
        f = f"{{:{'+' if percent else ''}.{digits}f}}" + ("%" if percent else "")
        unit = "" if percent else f" {unit}"
        lo, hi = min(self.loads), max(self.loads)
        spread = f"{f.format(min(self.values))}{' to ' if percent else '-'}{f.format(max(self.values))}"
        return (f"{f.format(self.median)}{unit} (min-max {spread}, n {len(self.values)}; "
                f"load {statistics.median(self.loads):.1f}, {lo:.1f}-{hi:.1f})")


def change(a: Figure, b: Figure) -> Figure:
    """Per round, a against b in percent (rounds where both have a sample): drift in the machine's
    load between rounds cancels out of it, unlike a ratio of the two medians."""
    out = Figure()
    for x, y, ld in zip(a.samples, b.samples, a.sample_loads):
        if x is not None and y:
            out.samples.append(100 * (x / y - 1))
            out.sample_loads.append(ld)
    return out


ROW_MARK = "README row: "  # benchmarks/run_all.py collects the lines that start with it


def table_row(what: str, figure: str, target: str = "") -> None:
    """Print one row of README.md's benchmark table (what | figure | target): run_all.py collects
    these rows into benchmarks/results.md, and readme_table.py puts that table into README.md."""
    cells = [c.replace("|", "\\|").replace("\n", " ").strip() for c in (what, figure, target)]
    print(f"{ROW_MARK}| {' | '.join(cells)} |", flush=True)


def verdict(met: bool) -> str:
    return "target met" if met else "MISSED"


def wait_for(predicate: Callable[[], bool], timeout_s: float, poll_ms: int = 5) -> bool:
    """Run the event loop until ``predicate()`` holds or ``timeout_s`` passes; True if it held.

    A QEventLoop, not processEvents() and sleep(): the GUI thread behaves as in the app, and a
    gap probe running meanwhile sees only what the window itself does.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    poll = QTimer(interval=poll_ms)

    def check() -> None:
        if predicate() or time.monotonic() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return predicate()


class GapProbe:
    """A timer every ``interval_ms`` that records the time between its timeouts (ms): the event
    loop's longest gap is how long the window was frozen. Gaps include the interval itself.

    Each gap also records the CPU time the GUI thread used in it (``cpu``): a long gap with
    little CPU was spent waiting, for a core (machine load) or for the GIL (another thread of
    this process, e.g. the event reader unpickling), not in the window's own code.
    """

    def __init__(self, interval_ms: int = 5):
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.gaps: list[float] = []
        self.cpu: list[float] = []
        self.clock = QElapsedTimer()
        self._cpu_mark = 0.0
        self.timer = QTimer(interval=interval_ms)
        self.timer.setTimerType(self.timer.timerType().PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()
        now = time.thread_time()
        self.cpu.append(1e3 * (now - self._cpu_mark))
        self._cpu_mark = now

    def start(self) -> None:
        self.gaps, self.cpu = [], []
        self.clock.start()
        self._cpu_mark = time.thread_time()
        self.timer.start()

    def stop(self) -> np.ndarray:
        """The gaps so far, the time from the last tick to now included."""
        if self.timer.isActive():
            self.timer.stop()
            self._tick()
        return np.array(self.gaps, dtype=float)

    def longest(self) -> tuple[float, float]:
        """The longest gap (ms) and the GUI thread's CPU time in it (ms)."""
        i = int(np.argmax(self.gaps))
        return self.gaps[i], self.cpu[i]


def cpu_share(gaps: np.ndarray, cpu: np.ndarray, over_ms: float) -> str:
    """How much of the gaps longer than ``over_ms`` the GUI thread spent running."""
    long = gaps > over_ms
    if not long.any():
        return f"no gap over {over_ms:.0f} ms"
    return (f"{int(long.sum())} gaps over {over_ms:.0f} ms: the GUI thread ran {cpu[long].sum():.0f} ms of their "
            f"{gaps[long].sum():.0f} ms (the rest it waited for a core or the GIL)")


def quiet_offscreen() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" line (one per window
    shown); every other Qt message still goes to stderr."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


__all__ = ["load", "Figure", "change", "verdict", "table_row", "ROW_MARK", "wait_for", "GapProbe", "cpu_share", "quiet_offscreen"]
