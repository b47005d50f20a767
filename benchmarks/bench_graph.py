"""Autograd-graph speed: trace + layout (seed-example, a 50-layer MLP) and one live recolor.

Run: .venv/bin/python benchmarks/bench_graph.py   (targets: < 50 ms, < 300 ms, < 5 ms)
Each figure is the median of several runs; layout is measured cold (cache cleared), as after an
architecture edit. The first Graphviz call of a process (plugin loading) is warmed up first.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch
from _common import Figure, table_row
from torch import nn

from playground.core.model import MLP
from playground.core.probe import GraphProbe
from playground.core.trace import trace_graph
from playground.io.graph_render import clear_layout_cache, layout_graph


def median_ms(fn, runs: int = 15) -> Figure:
    """``runs`` timings of ``fn`` in ms (``.median``, ``.text('ms', 2)``: with spread and load)."""
    figure = Figure()
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        figure.add((time.perf_counter() - t) * 1000)
    return figure


def loss_of(model: nn.Module, n_in: int, n_out: int, batch: int = 10) -> torch.Tensor:
    return nn.CrossEntropyLoss()(model(torch.randn(batch, n_in)), torch.randint(0, n_out, (batch,)))


def trace_and_layout(model, n_in, n_out):
    loss = loss_of(model, n_in, n_out)  # the forward pass is not counted
    def run():
        clear_layout_cache()
        spec = trace_graph(loss, model)
        layout_graph(spec, "TB")
    return run


def main() -> None:
    torch.manual_seed(0)
    seed = MLP(10, (5,), 2, "relu")
    deep = MLP(10, (16,) * 49, 2, "relu")  # 50 Linear layers
    layout_graph(trace_graph(loss_of(seed, 10, 2), seed))  # warm up Graphviz
    rows = []
    for name, model, n_in, n_out, runs in (("seed-example", seed, 10, 2, 30), ("50-layer MLP", deep, 10, 2, 10)):
        loss = loss_of(model, n_in, n_out)
        spec = trace_graph(loss, model)
        t_trace = median_ms(lambda loss=loss, model=model: trace_graph(loss, model), runs)
        t_both = median_ms(trace_and_layout(model, n_in, n_out), runs)
        rows.append((name, len(spec.nodes), len(spec.edges), t_trace, t_both))

    # Probe overhead on a captured step (trace + hooks + backward stats) for the 50-layer MLP.
    def probe_step():
        probe = GraphProbe()
        loss = loss_of(deep, 10, 2)
        probe.capture(loss, deep)
        loss.backward()
        probe.take()
    t_probe = median_ms(probe_step, 10)

    # Live recolor: the panel already laid out, a new snapshot with the same structure.
    from PySide6.QtWidgets import QApplication

    from playground.ui.views.graph_view import GraphPanel

    app = QApplication.instance() or QApplication([])
    recolor = {}
    for name, model, layer_mode in (("seed-example", seed, False), ("50-layer MLP, every node", deep, False),
                                    ("50-layer MLP, layer boxes", deep, True)):
        snaps = []
        for _ in range(2):
            probe = GraphProbe()
            loss = loss_of(model, 10, 2)
            probe.capture(loss, model)
            loss.backward()
            snaps.append(probe.take())
        panel = GraphPanel()
        panel.resize(1200, 800)
        panel._user_chose_mode = True
        panel.layers_button.setChecked(layer_mode)
        panel.set_snapshot(snaps[0])
        t_full = median_ms(panel._relayout, 5)
        def swap(panel=panel, snaps=snaps, i=[0]):  # noqa: B006 (a counter kept between calls)
            i[0] ^= 1
            panel.set_snapshot(snaps[i[0]])
        recolor[name] = (median_ms(swap, 30), t_full, len(panel.nodes))
        panel.deleteLater()
    app.processEvents()

    print("Autograd graph benchmark (CPU), each figure in ms: median (min-max, n; load)")
    for name, n, e, tt, tb in rows:
        print(f"  {name} ({n} nodes, {e} edges): trace {tt.text('ms', 2)}")
        print(f"  {'':{len(name)}}  trace + layout {tb.text('ms', 1)}")
    print(f"probe capture+stats, 50-layer MLP (one requested step, backward included): {t_probe.text('ms', 2)}")
    for name, (t_re, t_full, n) in recolor.items():
        print(f"panel, {name} ({n} items): recolor (same structure) {t_re.text('ms', 2)}")
        print(f"  {'':{len(name)}}  full rebuild {t_full.text('ms', 1)}")
    table_row("trace + layout of a 50-layer MLP's graph", rows[1][4].text("ms"), "< 300 ms")
    table_row("live recolor of the 50-layer MLP's graph, every node", recolor["50-layer MLP, every node"][0].text("ms", 1),
              "< 5 ms")


if __name__ == "__main__":
    main()
