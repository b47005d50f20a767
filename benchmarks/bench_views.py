"""How much the output and network views cost: per refresh, and in training throughput.

    .venv/bin/python benchmarks/bench_views.py [--epochs 100] [--rounds 3]

Prints, for an 8-8 tanh network on circle (100x100 output map, 40x40 maps for all 16 neurons):
1. snapshot_views() in the training thread;
2. set_snapshot() on OutputView and NetworkView, alone and with a full repaint (grab());
3. training steps/s in the training process (core.remote, as the window trains) with the views
   probe on against off, this process drawing every snapshot on both views as it arrives.
   Rounds alternate so machine load affects both sides alike.
The budget from the issue: compute + draw under 10 ms per refresh; throughput within 10%.
Compute runs in the training process and drawing in the window's, so they overlap in time; the
per-refresh figure still adds them up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch  # noqa: E402  (before the QApplication)

from playground.core.config import TrainConfig  # noqa: E402
from playground.core.inspect import snapshot_views  # noqa: E402
from playground.core.training import Trainer  # noqa: E402

CONFIG = TrainConfig(dataset="circle", hidden=(8, 8), activation="tanh", learning_rate=0.1, epochs=100_000)


def use_app_threads() -> int:
    try:  # the app's own setting (one CPU thread) where present
        from playground.core.devices import use_cpu_threads
    except ImportError:
        torch.set_num_threads(1)
        return 1
    return use_cpu_threads()


def timed(fn, n: int) -> tuple[float, float]:
    """Median and 90th percentile, in ms, of n calls."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=100, help="length of each throughput run")
    ap.add_argument("--rounds", type=int, default=3, help="alternating on/off rounds")
    ap.add_argument("--refreshes", type=int, default=200, help="calls timed per refresh figure")
    args = ap.parse_args()

    threads = use_app_threads()
    print(f"torch {torch.__version__}, {threads} CPU thread(s), {os.cpu_count()} cores, device cpu")
    trainer = Trainer(CONFIG)
    for _ in range(300):  # a partly trained net, so the pictures are not flat
        trainer.train_step()

    # 1. the snapshot, in the training thread
    snapshot_views(trainer)  # builds the cached grid
    med, p90 = timed(lambda: snapshot_views(trainer), args.refreshes)
    snap = snapshot_views(trainer)
    n_maps = sum(len(m) for m in snap.neuron_maps if m is not None)
    print(f"\nsnapshot_views 8-8 circle, 100x100 output + {n_maps} neuron maps "
          f"{snap.neuron_maps[0].shape[1]}x{snap.neuron_maps[0].shape[2]}: median {med:.2f} ms, p90 {p90:.2f} ms")
    t_snap = med

    # 2. drawing, in the GUI thread
    from PySide6.QtWidgets import QApplication

    from playground.ui.views.network_view import NetworkView
    from playground.ui.views.output import OutputView

    app = QApplication.instance() or QApplication(sys.argv)
    out, net = OutputView(), NetworkView()
    out.resize(640, 560)
    net.resize(640, 420)
    out.set_dataset(trainer.dataset)
    net.set_architecture(list(snap.sizes))
    out.show()
    net.show()
    snaps = []
    for _ in range(8):
        for _ in range(5):
            trainer.train_step()
        snaps.append(snapshot_views(trainer))
    app.processEvents()
    k = iter(range(10**9))

    def draw(view, paint: bool):
        s = snaps[next(k) % len(snaps)]  # a different snapshot each time, as in a live run
        view.set_snapshot(s)
        if paint:
            app.processEvents()  # the repaint Qt does for it (of what changed), to the backing store

    rows = []
    for name, view in (("OutputView", out), ("NetworkView", net)):
        m1, q1 = timed(lambda v=view: draw(v, False), args.refreshes)
        app.processEvents()
        m2, q2 = timed(lambda v=view: draw(v, True), args.refreshes)
        rows.append((m1, m2))
        print(f"{name:12s} set_snapshot: median {m1:.2f} ms (p90 {q1:.2f}); "
              f"set_snapshot + its repaint: median {m2:.2f} ms (p90 {q2:.2f})")
    total_set = t_snap + sum(r[0] for r in rows)
    total_paint = t_snap + sum(r[1] for r in rows)
    print(f"per refresh: compute + set_snapshot on both views {total_set:.2f} ms; "
          f"compute + set_snapshot + repaint of both views {total_paint:.2f} ms (budget 10 ms)")

    # 3. throughput: training in its own process, as the window does (core.remote)
    print(f"\ntraining throughput in the training process, {args.rounds} alternating rounds of "
          f"{args.epochs} epochs, this process drawing every view snapshot it receives:")
    from playground.core import remote
    from playground.core.runner import FunctionProbe

    process = remote.acquire()
    process.wait_ready()

    def in_process(views: bool) -> tuple[float, int]:
        t = Trainer(CONFIG)
        drawn = [0]

        def draw_snapshot(s):
            v = s.extras.get("views")
            if v is not None:
                out.set_snapshot(v)
                net.set_snapshot(v)
                drawn[0] += 1
            app.processEvents()  # the repaint

        probes = {"views": FunctionProbe(snapshot_views)} if views else {}
        summary, _, _ = process.run(remote.Job.of(t, probes, args.epochs, False), draw_snapshot)
        return summary.steps_per_second, drawn[0]

    off, on, drawn = [], [], []
    for _ in range(args.rounds):
        off.append(in_process(False)[0])
        rate, n = in_process(True)
        on.append(rate)
        drawn.append(n)
    remote.release(process)
    m_off, m_on = statistics.median(off), statistics.median(on)
    print(f"  views off {m_off:6.0f} steps/s, views on {m_on:6.0f} steps/s: {100 * (m_on / m_off - 1):+.1f}% "
          f"(target within 10%), {statistics.median(drawn):.0f} refreshes drawn per run")
    print(f"  rounds off {[round(x) for x in off]}, on {[round(x) for x in on]}")


if __name__ == "__main__":
    main()
