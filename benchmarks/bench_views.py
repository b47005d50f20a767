"""How much the output and network views cost: per refresh, and in training throughput.

    .venv/bin/python benchmarks/bench_views.py [--seconds 3] [--rounds 3]

Prints, for an 8-8 tanh network on circle (100x100 output map, 40x40 maps for all 16 neurons):
1. snapshot_views() in the training thread;
2. set_snapshot() on OutputView and NetworkView, alone and with a full repaint (grab());
3. training steps/s with a snapshot every 0.1 s (10 Hz) against none, in the training thread
   alone, and with the GUI thread drawing every snapshot on both views (the GIL is shared, so
   this is the figure a user sees). Rounds alternate so machine load affects both sides alike.
The budget from the issue: compute + draw under 10 ms per refresh; throughput within 10%.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
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


def train_for(trainer: Trainer, seconds: float, hz: float | None, sink=None) -> float:
    """Steps per second over ``seconds``, calling snapshot_views ``hz`` times a second."""
    interval = 1.0 / hz if hz else None
    start = time.perf_counter()
    next_snap = start
    steps = 0
    while True:
        now = time.perf_counter()
        if now - start >= seconds:
            break
        trainer.train_step()
        steps += 1
        if interval is not None and now >= next_snap:
            snap = snapshot_views(trainer)
            if sink is not None:
                sink(snap)
            next_snap = now + interval
    return steps / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=3.0, help="length of each throughput run")
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

    from playground.ui.network_view import NetworkView
    from playground.ui.output_view import OutputView

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

    # 3. throughput
    print(f"\ntraining throughput, {args.rounds} alternating rounds of {args.seconds:g} s each:")

    def worker_only(hz):
        t = Trainer(CONFIG)
        return train_for(t, args.seconds, hz)

    def with_gui(hz):
        """Training in a thread; the GUI thread draws the latest snapshot on both views."""
        t = Trainer(CONFIG)
        latest: list = [None]
        result: list = [0.0]

        def publish(s):  # the worker's signal, reduced to "replace the latest snapshot"
            latest[0] = s

        def run():
            result[0] = train_for(t, args.seconds, hz, publish)

        thread = threading.Thread(target=run)
        thread.start()
        drawn = 0
        while thread.is_alive():
            s, latest[0] = latest[0], None
            if s is not None:
                out.set_snapshot(s)
                net.set_snapshot(s)
                out.repaint()
                net.repaint()
                drawn += 1
            app.processEvents()
            time.sleep(0.01)  # the GUI thread's timer tick
        thread.join()
        return result[0], drawn

    for label, fn in (("training thread alone", worker_only), ("with GUI thread drawing", with_gui)):
        off, on, drawn_total = [], [], 0
        for _ in range(args.rounds):
            r_off = fn(None)
            r_on = fn(10.0)
            if isinstance(r_on, tuple):
                r_off, (r_on, drawn) = r_off[0], r_on
                drawn_total += drawn
            off.append(r_off)
            on.append(r_on)
        m_off, m_on = statistics.median(off), statistics.median(on)
        extra = f", {drawn_total / args.rounds:.0f} refreshes drawn per run" if drawn_total else ""
        print(f"  {label:24s} views off {m_off:8.0f} steps/s, views on (10 Hz) {m_on:8.0f} steps/s: "
              f"{100 * (m_on / m_off - 1):+.1f}%{extra}")
        print(f"  {'':24s} rounds off {[round(x) for x in off]}, on {[round(x) for x in on]}")


if __name__ == "__main__":
    main()
