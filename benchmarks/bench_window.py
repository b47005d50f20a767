"""Training throughput and event-loop responsiveness with the window on screen (offscreen).

Prints, each figure as a median with its spread (min-max) and the 1-minute load average:
- how long a training process takes to be ready after it starts (it imports and warms up torch
  while the window opens);
- steps/s of the bare engine (no Qt; live views off and on: what the probes cost the engine
  itself), then of circle 8-8 in the window: hidden; shown with live
  views off; shown with every view live (target: within 10 % of off); and both again with the
  engine in a thread of the window's process instead of its own process;
- the event-loop gap while training with every view live: a 1 ms timer records how long the GUI
  thread goes between ticks (target: p99 under 16 ms, the longest under 50 ms);
- the largest network (8 x 512 on spiral), every view live against none.
Variants are interleaved, round after round, so that drifting machine load hits them alike. The
steps/s figures come from the engine's own run summary (time from Train to the last step).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py [--rounds 5] [--epochs 150]
        [--only circle|large] [--slots]

``--slots``: also time, in the runs with every view live, what the GUI thread spends in each view's
update (loss plot, graph, output, network: calls, median and longest ms per call) and in the Qt
work between them (painting); it adds a little GUI-thread work of its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402,F401  (before the QApplication)
from _common import Figure, GapProbe, change, cpu_share, quiet_offscreen, table_row, verdict, wait_for  # noqa: E402

from playground.app import create_window, make_app  # noqa: E402
from playground.core.presets import get_preset  # noqa: E402
from playground.engine import protocol as p  # noqa: E402
from playground.engine import transport  # noqa: E402
from playground.engine.engine import Engine  # noqa: E402

LARGEST = (512,) * 8  # the largest network timed here (the controls allow up to 64 x 4096 within the memory estimate)
RUN_TIMEOUT = 60.0  # seconds one run may take before it is given up (and left out of the figure)


class SlotTimes:
    """perf_counter around the views' update methods of every window opened while it is on."""

    SLOTS = (("lossView", "add"), ("lossView", "redraw"), ("graphView", "set_snapshot"),
             ("outputView", "set_snapshot"), ("networkView", "set_snapshot"))

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}

    def wrap(self, window) -> None:
        for view, method in self.SLOTS:
            obj = getattr(window, view, None)
            if obj is None or not hasattr(obj, method):
                continue
            inner = getattr(obj, method)
            times = self.times.setdefault(f"{view}.{method}", [])

            def timed(*a, _inner=inner, _times=times, **kw):
                t = time.perf_counter()
                try:
                    return _inner(*a, **kw)
                finally:
                    _times.append(1000 * (time.perf_counter() - t))

            setattr(obj, method, timed)
        timer = getattr(window.lossView, "timer", None)  # the redraw timer was connected to the bound method
        if timer is not None:
            timer.timeout.disconnect()
            timer.timeout.connect(window.lossView.redraw)

    def report(self) -> None:
        for name, ts in self.times.items():
            if ts:
                a = np.array(ts)
                print(f"      {name:26s} {len(a):5d} calls, median {np.median(a):6.2f} ms, p99 "
                      f"{np.percentile(a, 99):6.1f} ms, max {a.max():6.1f} ms, total {a.sum():7.0f} ms")


SLOT_TIMES: SlotTimes | None = None


class Watched:
    """A window and what its engine has said since it opened."""

    def __init__(self, window):
        self.window = window
        self.views_since_model = 0
        self.finished: dict | None = None
        self.window_cpu = 0.0  # % of one core the window's process used during the last run
        c = window.controller
        c.modelChanged.connect(self._on_model)
        c.viewsReady.connect(self._on_views)
        window.trainingFinished.connect(self._on_finished)

    def _on_model(self, info) -> None:
        self.views_since_model = 0

    def _on_views(self, event) -> None:
        self.views_since_model += 1

    def _on_finished(self, summary: dict) -> None:
        self.finished = summary

    def settled(self, hidden: tuple[int, ...] | None) -> bool:
        """The engine has the network asked for and has sent its views."""
        c = self.window.controller
        return (c.is_ready and c.model is not None and self.views_since_model > 0
                and (hidden is None or c.model.config.hidden == hidden))


def open_window(preset: str, epochs: int, show: bool = True, live: bool = True, process: bool = True,
                hidden: tuple[int, ...] | None = None) -> Watched:
    saved = os.environ.get("PLAYGROUND_PROCESS")
    os.environ["PLAYGROUND_PROCESS"] = "1" if process else "0"
    try:
        w = create_window(preset)
    finally:
        if saved is None:
            del os.environ["PLAYGROUND_PROCESS"]
        else:
            os.environ["PLAYGROUND_PROCESS"] = saved
    assert w.controller.separate_process == process, "the engine did not start where asked"
    watched = Watched(w)
    if SLOT_TIMES is not None and live:
        SLOT_TIMES.wrap(w)
    w.ask_before_closing = False
    w.resize(1280, 720)
    if show:
        w.show()
    if not live:
        w.liveViewsAction.setChecked(False)  # View > Live graph and output, as a user would
    if hidden is not None:  # typed into the layer sizes box, as a user would
        w.controls.layerSizesInput.setText(", ".join(map(str, hidden)))
        w.controls.layerSizesInput.editingFinished.emit()
    w.controls.epochsInput.setValue(epochs)
    if not wait_for(lambda: watched.settled(hidden), RUN_TIMEOUT):
        print(f"  (the engine did not settle within {RUN_TIMEOUT:.0f} s)", flush=True)
    return watched


def close(watched: Watched) -> None:
    w = watched.window
    w.close()
    w.deleteLater()
    wait_for(lambda: False, 0.05)  # let the deferred delete run


def train(watched: Watched, gaps: GapProbe | None = None) -> float | None:
    """Press Train and wait for the run to end; its steps/s (None if it did not end in time)."""
    watched.finished = None
    if gaps is not None:
        gaps.start()
    wall, cpu = time.perf_counter(), time.process_time()
    watched.window.trainButton.click()
    done = wait_for(lambda: watched.finished is not None, RUN_TIMEOUT)
    watched.window_cpu = 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)
    if gaps is not None:
        gaps.stop()
    if not done:
        print(f"  (a run did not finish within {RUN_TIMEOUT:.0f} s: left out)", flush=True)
        return None
    return watched.finished["steps_per_second"]


def run_window(figure: Figure, preset: str, epochs: int, cpu: Figure | None = None, **kw) -> None:
    watched = open_window(preset, epochs, **kw)
    try:
        figure.add(train(watched))  # None (left out) if it did not finish
        if cpu is not None:
            cpu.add(watched.window_cpu)
    finally:
        close(watched)


def bare_engine(preset: str, epochs: int, live: bool = True) -> float:
    """steps/s of an Engine run in this thread with no Qt (its default probes: graph and views), on one
    torch thread as the training process and `playground train` run (torch's default spins two)."""
    from playground.core.devices import use_cpu_threads

    use_cpu_threads()
    events: list = []
    engine = Engine(events.append)
    engine.handle(p.SetConfig(get_preset(preset).config.replace(epochs=epochs), preset))
    engine.handle(p.SetLiveViews(live))
    engine.handle(p.Train())
    engine.serve(transport.Inbox(), until_idle=True)
    return next(e for e in events if isinstance(e, p.RunFinished)).summary.steps_per_second


def ready_time(samples: int) -> Figure:
    figure = Figure()
    for i in range(samples):
        start = time.perf_counter()
        child = transport.TrainingProcess()
        child.wait_ready()
        figure.add(time.perf_counter() - start)
        if i == samples - 1:
            transport.release(child)  # the first window takes it
        else:
            child.close()
    return figure


def pct(a: Figure, b: Figure) -> str:
    """a against b, round by round (median, spread), and as the ratio of the medians."""
    return f"{change(a, b).text('%')}; medians {100 * (a.median / b.median - 1):+.0f}%"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", default="circle")
    ap.add_argument("--epochs", type=int, default=150, help="epochs per circle run")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds of every variant")
    ap.add_argument("--large-epochs", type=int, default=12, help="epochs per 8 x 512 spiral run")
    ap.add_argument("--large-rounds", type=int, default=3, help="interleaved rounds of the 8 x 512 runs")
    ap.add_argument("--only", choices=("circle", "large"), help="only the circle runs or only the 8 x 512 ones")
    ap.add_argument("--slots", action="store_true", help="time each view's update in the GUI thread")
    args = ap.parse_args()
    global SLOT_TIMES
    SLOT_TIMES = SlotTimes() if args.slots else None
    app = make_app()  # as `playground` starts: translators, one torch thread
    quiet_offscreen()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} torch thread(s), {os.cpu_count()} cores; "
          f"every figure: median (min-max, n samples; 1-minute load average median, min-max)", flush=True)

    config = get_preset(args.preset).config
    if args.only != "large":
        ready = ready_time(3)
        print(f"training process ready after it is started: {ready.text('s', 1)}", flush=True)
        table_row("training process ready after it is started (while the window opens)", ready.text("s", 1), "")

        bare, bare_off = Figure(), Figure()
        bare_engine(args.preset, 1)  # warm up torch
        for _ in range(args.rounds):  # interleaved
            bare_off.add(bare_engine(args.preset, args.epochs, live=False))
            bare.add(bare_engine(args.preset, args.epochs))
        config = get_preset(args.preset).config
        print(f"\n{args.preset} {'-'.join(map(str, config.hidden))}, {args.epochs} epochs per run, "
              f"rounds: {args.rounds}, interleaved:")
        print(f"  bare engine, no Qt, live views off:   {bare_off.text('steps/s')}")
        print(f"  bare engine, no Qt, every view live:  {bare.text('steps/s')}")
        print(f"    the probes' own cost (graph, output and network snapshots, in the engine): "
              f"{pct(bare, bare_off)}", flush=True)

        names = ("hidden", "off", "on", "thread off", "thread on")
        runs = {name: Figure() for name in names}
        cpu = {name: Figure() for name in names}
        gap_runs = []
        began = time.perf_counter()
        for _ in range(args.rounds):  # interleaved: drifting load hits every variant alike
            run_window(runs["hidden"], args.preset, args.epochs, cpu["hidden"], show=False)
            run_window(runs["off"], args.preset, args.epochs, cpu["off"], live=False)
            run_window(runs["on"], args.preset, args.epochs, cpu["on"])
            run_window(runs["thread off"], args.preset, args.epochs, cpu["thread off"], live=False, process=False)
            run_window(runs["thread on"], args.preset, args.epochs, cpu["thread on"], process=False)
            # the 1 ms probe is GUI-thread work itself: throughput is measured in runs without it
            watched = open_window(args.preset, args.epochs)
            probe = GapProbe(1)
            try:
                if train(watched, probe) is not None:
                    gap_runs.append((probe.stop(), np.array(probe.cpu), os.getloadavg()[0]))
            finally:
                close(watched)
        print(f"  window hidden:                        {runs['hidden'].text('steps/s')}")
        print(f"  window shown, live views off:         {runs['off'].text('steps/s')}")
        print(f"  window shown, every view live:        {runs['on'].text('steps/s')}")
        print("    the window's process (GUI thread, event reader) during the run, in % of one core:")
        for name, label in (("hidden", "window hidden"), ("off", "live views off"), ("on", "every view live")):
            print(f"      {label + ':':18s} {cpu[name].text('% of a core')}")
        live = change(runs["on"], runs["off"])
        print(f"    every view live vs none, round by round: {pct(runs['on'], runs['off'])} "
              f"(target within 10%: {verdict(live.median >= -10)})")
        print(f"  engine in a thread, live views off:   {runs['thread off'].text('steps/s')}")
        print(f"  engine in a thread, every view live:  {runs['thread on'].text('steps/s')}")
        print(f"    in a thread, every view live vs none: {pct(runs['thread on'], runs['thread off'])}")
        print(f"    thread vs process, every view live:   {pct(runs['thread on'], runs['on'])}")
        net = f"{args.preset} {'-'.join(map(str, config.hidden))}"
        table_row(f"training with every view live vs none, window shown, {net}, round by round", live.text("%"),
                  "within 10 %")
        table_row("the same with the engine in a thread instead of its process; thread vs process, every view live",
                  f"{change(runs['thread on'], runs['thread off']).text('%')}; "
                  f"{change(runs['thread on'], runs['on']).text('%')}", "(why a process)")
        if gap_runs:
            gaps = np.concatenate([g for g, _, _ in gap_runs])
            cpus = np.concatenate([c for _, c, _ in gap_runs])
            p99s = Figure()
            for g, _, ld in gap_runs:
                p99s.samples.append(float(np.percentile(g, 99)))
                p99s.sample_loads.append(ld)
            p99 = float(np.percentile(gaps, 99))
            print(f"  event-loop gap while training, every view live (1 ms timer, {len(gap_runs)} runs, "
                  f"{len(gaps)} ticks): median {np.median(gaps):.1f} ms, p99 {p99:.1f} ms, max {gaps.max():.0f} ms; "
                  f"p99 per run {p99s.text('ms', 1)} (target p99 < 16 ms, max < 50 ms: "
                  f"{verdict(p99 < 16 and gaps.max() < 50)})")
            print(f"    {cpu_share(gaps, cpus, 16)}")
            table_row("event-loop gap while training with every view live: p99 of each run; the longest of all",
                      f"{p99s.text('ms', 1)}; {gaps.max():.0f} ms", "p99 < 16 ms, max < 50 ms")
        print(f"  ({time.perf_counter() - began:.0f} s)", flush=True)

    if args.only != "circle":
        large = {"off": Figure(), "on": Figure()}
        began = time.perf_counter()
        print(f"\nspiral {'x'.join(map(str, LARGEST))} (the largest network), window shown, "
              f"{args.large_epochs} epochs per run, rounds: {args.large_rounds}, interleaved:", flush=True)
        for _ in range(args.large_rounds):
            run_window(large["off"], "spiral", args.large_epochs, live=False, hidden=LARGEST)
            run_window(large["on"], "spiral", args.large_epochs, hidden=LARGEST)
        print(f"  live views off:                       {large['off'].text('steps/s', 1)}")
        print(f"  every view live:                      {large['on'].text('steps/s', 1)}")
        print(f"    every view live vs none: {pct(large['on'], large['off'])} "
              f"(no target; slow views come round less often: PROBE_SHARE in engine/reporter.py)")
        table_row(f"the largest network ({len(LARGEST)} x {LARGEST[0]} spiral), every view live vs none, "
                  f"{args.large_epochs} epochs", change(large["on"], large["off"]).text("%"),
                  "(slow views come round less often)")
        print(f"  ({time.perf_counter() - began:.0f} s)", flush=True)
    if SLOT_TIMES is not None:
        print("  the GUI thread's time in each view's update, runs with every view live:")
        SLOT_TIMES.report()
    app.processEvents()


if __name__ == "__main__":
    main()
