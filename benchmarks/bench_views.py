"""How much the output and network views cost: per refresh, and in training throughput.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_views.py [--epochs 300] [--rounds 5]

Prints, for an 8-8 tanh network on circle (100x100 output map, 40x40 maps for all 16 neurons),
each figure as a median with its spread and the 1-minute load average:
1. snapshot_views() where the engine runs it (between two training steps);
2. set_snapshot() on OutputView and NetworkView, alone and with the repaint Qt does for it;
3. training steps/s of an engine in its own process (spawned, fed over pipes, as the window's
   engine is) with the views probe on against live views off, this process drawing every
   snapshot on both views as it arrives. The engine here has the views as its only probe: the
   window's also has the graph (bench_window.py measures them all together, in the window).
   Rounds alternate so machine load affects both sides alike.
The budget from the issue: compute + draw under 10 ms per refresh; throughput within 10%.
Compute runs in the engine's process and drawing in the window's, so they overlap in time; the
per-refresh figure still adds them up.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402  (before the QApplication)
from _common import Figure, change, load, verdict  # noqa: E402

from playground.core.config import TrainConfig  # noqa: E402
from playground.core.devices import use_cpu_threads  # noqa: E402
from playground.core.inspect import snapshot_views  # noqa: E402
from playground.core.training import Trainer  # noqa: E402
from playground.engine import protocol as p  # noqa: E402
from playground.engine.reporter import TrainSnapshot  # noqa: E402
from playground.engine.transport import READY_TIMEOUT  # noqa: E402

CONFIG = TrainConfig(dataset="circle", hidden=(8, 8), activation="tanh", learning_rate=0.1, epochs=100_000)
RUN_TIMEOUT = 60.0  # seconds one throughput run may take


def timed(fn, n: int) -> tuple[float, str]:
    """Call ``fn`` n times: the median in ms, and a line with it, p90, min-max and the load."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    a = np.array(times)
    med = float(np.median(a))
    return med, (f"median {med:.2f} ms (p90 {np.percentile(a, 90):.2f}, min-max {a.min():.2f}-{a.max():.2f}, "
                 f"n {n}; load {load():.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=300, help="length of each throughput run")
    ap.add_argument("--rounds", type=int, default=5, help="alternating on/off rounds")
    ap.add_argument("--refreshes", type=int, default=200, help="calls timed per refresh figure")
    args = ap.parse_args()

    threads = use_cpu_threads()  # the app's setting (one CPU thread)
    print(f"torch {torch.__version__}, {threads} CPU thread(s), {os.cpu_count()} cores, device cpu")
    trainer = Trainer(CONFIG)
    for _ in range(300):  # a partly trained net, so the pictures are not flat
        trainer.train_step()

    # 1. the snapshot, where the engine takes it
    snapshot_views(trainer)  # builds the cached grid
    t_snap, line = timed(lambda: snapshot_views(trainer), args.refreshes)
    snap = snapshot_views(trainer)
    n_maps = sum(len(m) for m in snap.neuron_maps if m is not None)
    print(f"\nsnapshot_views 8-8 circle, 100x100 output + {n_maps} neuron maps "
          f"{snap.neuron_maps[0].shape[1]}x{snap.neuron_maps[0].shape[2]}: {line}")

    # 2. drawing, in the GUI thread
    from _common import quiet_offscreen
    from PySide6.QtWidgets import QApplication

    from playground.ui.views.network_view import NetworkView
    from playground.ui.views.output import OutputView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    quiet_offscreen()
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

    def set_one(view, paint: bool):
        s = snaps[next(k) % len(snaps)]  # a different snapshot each time, as in a live run
        view.set_snapshot(s)
        if paint:
            app.processEvents()  # the repaint Qt does for it (of what changed), to the backing store

    totals = [t_snap, t_snap]
    for name, view in (("OutputView", out), ("NetworkView", net)):
        m1, line1 = timed(lambda v=view: set_one(v, False), args.refreshes)
        app.processEvents()
        m2, line2 = timed(lambda v=view: set_one(v, True), args.refreshes)
        totals[0] += m1
        totals[1] += m2
        print(f"{name:12s} set_snapshot:              {line1}")
        print(f"{name:12s} set_snapshot + its repaint: {line2}")
    print(f"per refresh (medians added): compute + set_snapshot on both views {totals[0]:.2f} ms; "
          f"compute + set_snapshot + repaint of both views {totals[1]:.2f} ms "
          f"(budget 10 ms: {verdict(totals[1] < 10)})")

    def draw(views) -> None:
        out.set_snapshot(views)
        net.set_snapshot(views)
        app.processEvents()  # the repaint

    # 3. throughput: the engine in its own process, as the window runs it
    print(f"\ntraining throughput of an engine in its own process, {args.rounds} alternating rounds of "
          f"{args.epochs} epochs, this process drawing every view snapshot it receives:", flush=True)
    off, on, drawn = Figure(), Figure(), Figure()
    with ViewsOnlyEngine() as engine:
        for _ in range(args.rounds):
            off.add(engine.run(args.epochs, False, draw)[0])
            rate, n = engine.run(args.epochs, True, draw)
            on.add(rate)
            drawn.add(n)
    paired = change(on, off)
    print(f"  views off: {off.text('steps/s')}")
    print(f"  views on:  {on.text('steps/s')}")
    print(f"  views on vs off, round by round: {paired.text('%', 1)} (target within 10%: "
          f"{verdict(paired.median >= -10)}); medians: {100 * (on.median / off.median - 1):+.1f}%")
    print(f"  drawn per run: {drawn.text('refreshes')}")


def _serve_views_only(commands, events) -> None:
    """The training process as transport.serve runs it, with the output/network views as its only
    probe (the window's engine also has the graph probe, measured in bench_graph.py)."""
    from playground.core.devices import use_cpu_threads
    from playground.core.inspect import snapshot_views
    from playground.engine.engine import Engine
    from playground.engine.reporter import FunctionProbe
    from playground.engine.transport import PipeInbox

    use_cpu_threads()
    events.send(p.Ready())
    Engine(events.send, probes={"views": FunctionProbe(snapshot_views)}).serve(PipeInbox(commands))
    events.send(p.Closed())


class ViewsOnlyEngine:
    """An engine in a spawned process (as the window's), fed commands over a pipe."""

    def __enter__(self):
        ctx = multiprocessing.get_context("spawn")
        commands_in, self.commands = ctx.Pipe(duplex=False)
        self.events, events_out = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_serve_views_only, args=(commands_in, events_out), daemon=True)
        self.process.start()
        commands_in.close()
        events_out.close()
        self._expect(p.Ready, READY_TIMEOUT)
        self.commands.send(p.SetConfig(CONFIG))
        self.fresh = True
        return self

    def _expect(self, kind, timeout: float):
        while True:
            if not self.events.poll(timeout):
                raise TimeoutError(f"no {kind.__name__} from the engine within {timeout:.0f} s")
            event = self.events.recv()
            if isinstance(event, kind):
                return event

    def run(self, epochs: int, views: bool, draw) -> tuple[float, int]:
        """One run of ``epochs`` from fresh weights; steps/s and the view snapshots drawn."""
        if not self.fresh:
            self.commands.send(p.Reset())
        self.fresh = False
        self.commands.send(p.SetConfig(CONFIG.replace(epochs=epochs)))
        self.commands.send(p.SetLiveViews(views))
        self.commands.send(p.Train())
        drawn = 0
        while True:
            if not self.events.poll(RUN_TIMEOUT):
                raise TimeoutError(f"a run did not finish within {RUN_TIMEOUT:.0f} s")
            event = self.events.recv()
            if isinstance(event, TrainSnapshot) and "views" in event.extras:
                draw(event.extras["views"])
                drawn += 1
            elif isinstance(event, p.RunFinished):
                return event.summary.steps_per_second, drawn

    def __exit__(self, *exc) -> None:
        self.commands.send(p.Shutdown())
        try:
            self._expect(p.Closed, 10)
        except (TimeoutError, EOFError):
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


if __name__ == "__main__":
    main()
