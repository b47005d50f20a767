"""Training throughput and event-loop responsiveness with the window on screen (offscreen).

Prints steps/s for: the bare core loop; the window hidden; the window shown with live views off,
with the graph only, with every view live; and every view live with training in the worker
thread instead of its own process (how it was before core.remote). And the event-loop gap while
training: a 1 ms timer records how long the GUI thread goes between ticks; the target is a 99th
percentile under 20 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py [preset] [epochs]
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import torch  # noqa: E402,F401
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402

from playground.app import create_window, make_app  # noqa: E402
from playground.core.presets import get_preset  # noqa: E402
from playground.core.training import Trainer  # noqa: E402


def run_window(app, preset: str, epochs: int, show: bool, live: bool = True,
               probe_gaps: bool = False, without: tuple[str, ...] = (),
               separate_process: bool = True) -> tuple[float, np.ndarray]:
    """Train in a window; return steps/s and, with ``probe_gaps``, the event-loop gaps (ms).

    The 1 ms gap probe is itself GUI-thread Python work that takes the GIL from training a
    thousand times a second, so throughput is measured in runs without it.
    """
    w = create_window(preset)
    w.ask_before_closing = False
    for name in without:  # e.g. ("views",): the graph stays live, output and network do not
        w.live_probes.pop(name)
    w.set_live_views(live)
    w.controller.separate_process = separate_process
    w.resize(1280, 720)
    if show:
        w.show()
    w.controls.epochsInput.setValue(epochs)
    gaps, clock = [], QElapsedTimer()
    ticker = QTimer(interval=1)

    def tick():
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    result = {}

    def done(summary):
        result.update(summary)
        ticker.stop()
        app.quit()

    w.trainingFinished.connect(done)
    clock.start()
    if probe_gaps:
        ticker.start()
    w.trainButton.click()
    app.exec()
    w.close()
    return result["steps_per_second"], np.array(gaps[1:], dtype=float)


def main() -> None:
    preset = sys.argv[1] if len(sys.argv) > 1 else "circle"
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    app = make_app()  # as `playground` starts: translators, one torch thread
    from playground.core import remote

    start = time.perf_counter()
    process = remote.TrainingProcess()  # the window starts one as it opens (remote.prestart)
    process.wait_ready()
    print(f"training process: ready {time.perf_counter() - start:.1f} s after it was started "
          f"(torch imported and warmed up; the window opens meanwhile)")
    remote.release(process)
    config = get_preset(preset).config.replace(epochs=epochs)
    Trainer(config.replace(epochs=1)).run()  # warm up torch
    start = time.perf_counter()
    summary = Trainer(config).run()
    print(f"{preset}, {epochs} epochs, {summary.steps} steps, torch threads {torch.get_num_threads()}, "
          f"median of {repeats} runs")
    print(f"  core loop, no Qt:                 {summary.steps / (time.perf_counter() - start):6.0f} steps/s")
    runs = {"hidden": [], "off": [], "graph": [], "on": [], "thread": []}
    gaps = []
    for _ in range(repeats):  # interleaved, so drifting machine load hits every variant alike
        runs["hidden"].append(run_window(app, preset, epochs, show=False)[0])
        runs["off"].append(run_window(app, preset, epochs, show=True, live=False)[0])
        runs["graph"].append(run_window(app, preset, epochs, show=True, live=True, without=("views",))[0])
        runs["on"].append(run_window(app, preset, epochs, show=True, live=True)[0])
        runs["thread"].append(run_window(app, preset, epochs, show=True, live=True, separate_process=False)[0])
        gaps.append(run_window(app, preset, epochs, show=True, live=True, probe_gaps=True)[1])
    med = {k: float(np.median(v)) for k, v in runs.items()}
    gaps = np.concatenate(gaps)
    print(f"  window hidden:                    {med['hidden']:6.0f} steps/s")
    print(f"  window shown, live views off:     {med['off']:6.0f} steps/s (loss plot and status only)")
    print(f"  window shown, live graph only:    {med['graph']:6.0f} steps/s "
          f"({100 * (med['graph'] / med['off'] - 1):+.0f}% vs off)")
    print(f"  window shown, every view live:    {med['on']:6.0f} steps/s "
          f"({100 * (med['on'] / med['off'] - 1):+.0f}% vs off; output + network views: "
          f"{100 * (med['on'] / med['graph'] - 1):+.0f}% vs without them; target within 10%)")
    print(f"  every view live, training in the window's thread: {med['thread']:6.0f} steps/s "
          f"({100 * (med['thread'] / med['off'] - 1):+.0f}% vs off in a process)")
    print(f"  event-loop gap, views on: median {np.median(gaps):.1f} ms, p99 {np.percentile(gaps, 99):.1f} ms, "
          f"max {gaps.max():.0f} ms (target p99 < 20 ms)")


if __name__ == "__main__":
    main()
