"""Probes keep to a time budget (issue 14): a slow probe comes round less often, a fast one keeps
its rate; big networks draw coarser maps. A fake clock and injected costs, no timing."""

from __future__ import annotations

import pytest

from playground.core.config import TrainConfig
from playground.core.inspect import MIN_RESOLUTION, VIEW_MACS, snapshot_views, view_resolutions
from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.engine.reporter import PROBE_GAP, PROBE_SHARE, FunctionProbe, GraphTrainProbe, Reporter


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Costly(FunctionProbe):
    """Takes ``seconds`` of the fake clock per capture."""

    def __init__(self, clock: Clock, seconds: float):
        super().__init__(self._work)
        self.clock, self.seconds = clock, seconds

    def _work(self, trainer):
        self.clock.now += self.seconds
        return trainer.step_count


def run(probes: dict, clock: Clock, steps: int, step_s: float = 0.01):
    trainer = Trainer(get_preset("circle").config)
    sent = []
    reporter = Reporter(trainer, probes, 1, sent.append, clock)
    start = clock.now
    for _ in range(steps):
        clock.now += step_s
        reporter.after_step(trainer.train_step())
    times = {name: [s.elapsed for s in sent if name in s.extras] for name in probes}
    return times, sent, clock.now - start


def test_a_slow_probe_waits_its_cost_over_its_share_and_the_fast_one_keeps_its_rate():
    clock = Clock()
    graph, views = Costly(clock, 0.001), Costly(clock, 0.2)  # the views of a big network: 200 ms
    graph.interval = GraphTrainProbe.interval
    times, sent, wall = run({"graph": graph, "views": views}, clock, 3000)  # 30 s of 10 ms steps
    wait = 0.2 * 2 / PROBE_SHARE  # two probes: each gets half the share
    assert wait == pytest.approx(8.0)
    assert PROBE_GAP + 0.2 < times["views"][0] <= PROBE_GAP + 0.2 + 0.04  # after the graph: its cost unknown
    gaps = [b - a for a, b in zip(times["views"], times["views"][1:])]
    assert len(times["views"]) == 4 and all(wait + 0.2 <= g <= wait + 0.2 + PROBE_GAP + 0.02 for g in gaps)
    graph_gaps = [b - a for a, b in zip(times["graph"], times["graph"][1:])]
    assert max(graph_gaps) <= GraphTrainProbe.interval + 0.2 + PROBE_GAP + 0.02  # never held up by the views
    costs = sent[-1].probe_costs
    assert costs["views"].share <= PROBE_SHARE / 2 + 0.2 / wall  # its part, plus the first, unbudgeted one
    assert views.last_cost == pytest.approx(0.2) and graph.last_cost == pytest.approx(0.001)
    assert costs["views"].slowed and not costs["graph"].slowed  # for the status tooltip


def test_a_cheap_probe_is_not_slowed():
    clock = Clock()
    views = Costly(clock, 0.002)  # 2 ms * 1 probe / PROBE_SHARE = 40 ms: under its interval
    times, _, _ = run({"views": views}, clock, 400)
    gaps = [b - a for a, b in zip(times["views"], times["views"][1:])]
    assert min(gaps) >= views.interval and max(gaps) <= views.interval + 2 * 0.01 + 0.002 + 1e-9


def test_a_probe_known_to_be_slow_waits_from_the_runs_start_and_a_fast_one_comes_at_once():
    clock = Clock()
    graph, views = Costly(clock, 0.001), Costly(clock, 0.1)
    graph.last_cost, views.last_cost = 0.001, 0.1  # from an earlier run (or the views at rest)
    times, sent, _ = run({"graph": graph, "views": views}, clock, 600)
    assert sent[0].extras == {"graph": sent[0].step}  # the first step still shows its graph
    assert times["views"][0] >= 0.1 * 2 / PROBE_SHARE  # 4 s: not at the start of the run
    assert times["views"][0] <= 0.1 * 2 / PROBE_SHARE + PROBE_GAP + 0.01 + 0.002


def test_small_networks_keep_their_maps_and_big_ones_draw_coarser_ones_within_the_budget():
    assert view_resolutions((2, 8, 8, 2)) == (100, 40)
    assert view_resolutions((2, 200, 200, 200, 200, 2)) == (100, 40)
    big = (2,) + (512,) * 8 + (3,)
    res, nres = view_resolutions(big)
    assert (res, nres) == (30, 12)
    per_point = 2 * 512 + 7 * 512 * 512 + 512 * 3
    assert per_point * (res * res + nres * nres) <= VIEW_MACS
    assert view_resolutions((2,) + (4096,) * 64 + (2,)) == (MIN_RESOLUTION, MIN_RESOLUTION)
    assert view_resolutions(big, max_macs=None) == (100, 40)
    assert view_resolutions((2, 8, 8, 2), 10, 40) == (10, 40)  # never above what was asked


def test_a_snapshot_over_the_budget_has_the_coarser_maps():
    trainer = Trainer(TrainConfig(dataset="circle", samples=100, hidden=(8, 8)))
    per_point = 2 * 8 + 8 * 8 + 8 * 2
    snap = snapshot_views(trainer, max_macs=per_point * (50 * 50 + 20 * 20))
    assert snap.grid.shape == (50, 50)
    assert [m.shape for m in snap.neuron_maps] == [(8, 20, 20), (8, 20, 20)]
    assert snap.output_maps.shape == (2, 20, 20) and snap.input_maps.shape == (2, 20, 20)
    full = snapshot_views(trainer)
    assert full.grid.shape == (100, 100) and full.neuron_maps[0].shape == (8, 40, 40)
