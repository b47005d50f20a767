"""The loss plot with a million per-step points: append and redraw cost (clip to view + peak downsampling).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_loss_plot.py
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from _common import Figure, table_row  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground.core.training import EpochMetrics  # noqa: E402
from playground.ui.views.loss_plot import LossPlot  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    plot = LossPlot()
    plot.resize(800, 400)
    plot.show()
    steps_per_epoch, epochs = 1000, 1000
    plot.clear(steps_per_epoch)
    rng = np.random.default_rng(0)
    start = time.perf_counter()
    for e in range(epochs):  # 1,000 snapshots of 1,000 steps and one epoch each
        losses = np.exp(-e / 300) + 0.05 * rng.random(steps_per_epoch)
        plot.add(losses, [EpochMetrics(e + 1, (e + 1) * steps_per_epoch, losses.mean(), losses.mean() * 1.1, 0.9, 0.88)])
    append = (time.perf_counter() - start) / epochs * 1e3
    times = Figure()
    for _ in range(10):
        plot._dirty = True
        t = time.perf_counter()
        plot.redraw()
        plot.lossPlot.repaint()  # the paint itself, synchronously
        app.processEvents()
        times.add(1e3 * (time.perf_counter() - t))
    plot.timer.stop()
    print(f"loss plot, {plot.step_loss.size:,} step points + {plot.epoch.size:,} epoch points:")
    print(f"  append one snapshot: {append:.3f} ms (the mean of {epochs:,})")
    print(f"  redraw + repaint: {times.text('ms', 1)} (redrawn at most 10 times a second)")
    table_row(f"loss plot with {plot.step_loss.size:,} step points: redraw + repaint", times.text("ms"),
              "(redrawn at most 10/s)")


if __name__ == "__main__":
    main()
