"""Training throughput in the window against the CLI, for each model family (issue step 12:
"throughput in the window stays within 10 % of the CLI").

For one preset of each family (mlp: spiral; cnn: digits-cnn, shapes-cnn; rnn: sine-rnn;
gru: pattern-gru; attention: reverse-attention, sort-attention) it measures steps/s
(a) as ``playground train --preset NAME`` does it: the Engine driven inline in this process with
    no probes (no views), as playground/cli.py drives it, one torch thread;
(b) in the real window (offscreen, shown) with every view live and the engine in its own process,
    as benchmarks/bench_window.py drives it (the window is opened once per preset and Train is
    pressed once per round: each press trains another round of the same epochs);
interleaved, round after round, so that drifting machine load hits both alike. Each figure comes
from the engine's own run summary (time from Train to the last step), and the printed change is
the window's steps/s against the CLI's of the same round (median, min-max, n; load), target:
no more than 10 % slower.

The epochs of a run are chosen per preset so that a CLI run takes about ``--seconds`` (from a
one-epoch warm-up run), which keeps the whole benchmark under about 4 minutes on 2 cores.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_families.py [--rounds 4]
        [--seconds 2.5] [--only PRESET] [--profile]

``--profile``: also, per preset, the same window with live views off (the process engine and its
transport, no views) and the bare engine (no Qt) with live views off and on (what the probes, i.e.
the graph, output and network snapshots, cost the engine itself), to tell where a gap comes from.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402,F401  (before the QApplication)
from _common import Figure, change, quiet_offscreen, table_row, verdict  # noqa: E402
from bench_window import bare_engine, close, open_window, train  # noqa: E402

from playground.app import make_app  # noqa: E402
from playground.core.devices import use_cpu_threads  # noqa: E402
from playground.core.presets import get_preset  # noqa: E402
from playground.engine import protocol as p  # noqa: E402
from playground.engine.engine import Engine  # noqa: E402
from playground.engine.transport import Inbox  # noqa: E402

FAMILIES = (("mlp", "spiral"), ("cnn", "digits-cnn"), ("cnn", "shapes-cnn"), ("rnn", "sine-rnn"),
            ("gru", "pattern-gru"), ("attention", "reverse-attention"), ("attention", "sort-attention"))
TARGET = -10.0  # % : the window may be at most this much slower than the CLI


def cli_run(preset: str, epochs: int) -> tuple[float, int]:
    """``playground train --preset`` without argument parsing and printing (as playground/cli.py
    drives it: the Engine inline, no probes); its steps/s and steps."""
    summary = []

    def on_event(event) -> None:
        if isinstance(event, p.RunFinished):
            summary.append(event.summary)

    engine = Engine(on_event, probes={})
    engine.handle(p.SetConfig(get_preset(preset).config.replace(epochs=epochs), preset))
    engine.handle(p.Train())
    engine.serve(Inbox(), until_idle=True)
    return summary[0].steps_per_second, summary[0].steps


def epochs_for(preset: str, seconds: float) -> int:
    """Epochs for a CLI run of about ``seconds`` (from a one-epoch run, which also warms torch up)."""
    sps, steps = cli_run(preset, 1)
    return max(1, math.ceil(seconds * sps / max(steps, 1)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=4, help="interleaved rounds of CLI and window per preset")
    ap.add_argument("--seconds", type=float, default=2.5, help="about how long one CLI run takes")
    ap.add_argument("--only", choices=[name for _, name in FAMILIES], help="only this preset")
    ap.add_argument("--profile", action="store_true",
                    help="also the window with live views off, and the bare engine with views off and on")
    args = ap.parse_args()
    app = make_app()  # as `playground` starts (with the engine in its own process it leaves torch's threads)
    quiet_offscreen()
    use_cpu_threads()  # as `playground train` does (cli.py): one thread; two spin-wait 10-100x slower on a busy machine
    print(f"torch {torch.__version__}, {torch.get_num_threads()} torch thread(s), {os.cpu_count()} cores; "
          f"every figure: median (min-max, n samples; 1-minute load average median, min-max)", flush=True)
    began = time.perf_counter()
    missed = []
    for family, preset in FAMILIES:
        if args.only and preset != args.only:
            continue
        t0 = time.perf_counter()
        epochs = epochs_for(preset, args.seconds)
        cli, window, window_cpu = Figure(), Figure(), Figure()
        watched = open_window(preset, epochs)  # every view live, the engine in its own process
        try:
            train(watched)  # warm-up: the training process's first run (torch's first calls)
            for _ in range(args.rounds):  # interleaved
                cli.add(cli_run(preset, epochs)[0])
                window.add(train(watched))
                window_cpu.add(watched.window_cpu)
        finally:
            close(watched)
        ratio = change(window, cli)
        met = bool(ratio.values) and ratio.median >= TARGET
        if not met:
            missed.append(preset)
        config = get_preset(preset).config
        print(f"\n{family} ({preset}, {getattr(config, 'model', 'mlp')}), {epochs} epochs per run, "
              f"rounds: {args.rounds}, interleaved:")
        print(f"  CLI (engine inline, no views):              {cli.text('steps/s')}")
        print(f"  window, every view live, engine process:    {window.text('steps/s')}")
        print(f"    the window's process (GUI thread, event reader) meanwhile: {window_cpu.text('% of a core')}")
        print(f"    window vs CLI, round by round: {ratio.text('%')}; medians "
              f"{100 * (window.median / cli.median - 1):+.0f}% (target within 10%: {verdict(met)})")
        if args.profile:
            off, on, quiet = Figure(), Figure(), Figure()
            watched = open_window(preset, epochs, live=False)
            try:
                train(watched)  # warm-up
                for _ in range(args.rounds):
                    quiet.add(train(watched))
            finally:
                close(watched)
            print(f"  window, live views off, engine process:     {quiet.text('steps/s')}")
            print(f"    every view live vs none, in the window (medians): {100 * (window.median / quiet.median - 1):+.0f}%; "
                  f"views off vs the CLI (medians): {100 * (quiet.median / cli.median - 1):+.0f}%")
            for _ in range(args.rounds):
                off.add(bare_engine(preset, epochs, live=False))
                on.add(bare_engine(preset, epochs, live=True))
            print(f"  bare engine, no Qt, live views off:         {off.text('steps/s')}")
            print(f"  bare engine, no Qt, every view live:        {on.text('steps/s')}")
            print(f"    the probes' own cost in the engine: {change(on, off).text('%')}")
        print(f"  ({time.perf_counter() - t0:.0f} s)", flush=True)
        table_row(f"{family} ({preset}): window with every view live vs the CLI, round by round",
                  ratio.text("%"), "within 10 %" + ("" if met else " (MISSED)"))
    print(f"\n({time.perf_counter() - began:.0f} s; {'MISSED: ' + ', '.join(missed) if missed else 'all within 10%'})",
          flush=True)
    app.processEvents()


if __name__ == "__main__":
    main()
