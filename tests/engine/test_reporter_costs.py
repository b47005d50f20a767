"""What each probe costs the training process, sent with the snapshots (issue 14): a fake clock."""

from __future__ import annotations

import pytest

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.engine.reporter import PROBE_GAP, PROBE_SHARE, FunctionProbe, GraphTrainProbe, ProbeCost, Reporter


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Costly(FunctionProbe):
    """Takes ``collect_s`` of the clock after the step and says it took ``step_s`` inside it."""

    def __init__(self, clock: Clock, collect_s: float, step_s: float = 0.0):
        super().__init__(self._work)
        self.clock, self.collect_s, self.step_s = clock, collect_s, step_s

    def _work(self, trainer):
        self.clock.now += self.collect_s
        return trainer.step_count

    def step_cost(self) -> float:
        return self.step_s


def test_each_probe_reports_its_cost_per_capture_how_often_and_its_share():
    clock = Clock()
    trainer = Trainer(get_preset("circle").config)
    sent = []
    probes = {"graph": Costly(clock, 0.002, 0.001), "views": Costly(clock, 0.010)}
    reporter = Reporter(trainer, probes, 1, sent.append, clock)
    for _ in range(40):
        clock.now += 0.05  # a step: 50 ms
        reporter.after_step(trainer.train_step())
    with_extras = [s for s in sent if s.extras]
    assert [list(s.extras) for s in with_extras[:4]] == [["graph"], ["views"], ["graph"], ["views"]]
    last = sent[-1]
    costs = last.probe_costs
    assert list(costs) == ["graph", "views"]
    n_graph = sum("graph" in s.extras for s in sent)
    n_views = sum("views" in s.extras for s in sent)
    assert costs["graph"] == ProbeCost(pytest.approx(0.003), pytest.approx(last.elapsed / n_graph),
                                       pytest.approx(0.003 * n_graph / last.elapsed), n_graph)
    assert costs["views"] == ProbeCost(pytest.approx(0.010), pytest.approx(last.elapsed / n_views),
                                       pytest.approx(0.010 * n_views / last.elapsed), n_views,
                                       slowed=True)  # 10 ms over its part of PROBE_SHARE: 0.4 s, over 1/3 s
    assert 0 < costs["graph"].share + costs["views"].share <= PROBE_SHARE
    assert sent[0].probe_costs.keys() == {"graph"}  # the first step shows the graph; the views come after


def test_each_probe_comes_round_at_the_rate_the_eye_needs():
    clock = Clock()
    trainer = Trainer(get_preset("circle").config)
    sent = []
    graph, views = Costly(clock, 0.0), Costly(clock, 0.0)
    graph.interval = GraphTrainProbe.interval
    reporter = Reporter(trainer, {"graph": graph, "views": views}, 1, sent.append, clock)
    for _ in range(400):
        clock.now += 0.01  # fast steps: 100 a second
        reporter.after_step(trainer.train_step())
    times = {name: [s.elapsed for s in sent if name in s.extras] for name in ("graph", "views")}
    assert GraphTrainProbe.interval == 0.5 and views.interval == pytest.approx(1 / 3)
    for name, probe in (("graph", graph), ("views", views)):
        gaps = [b - a for a, b in zip(times[name], times[name][1:])]
        assert min(gaps) >= probe.interval - 1e-9 and max(gaps) <= probe.interval + PROBE_GAP + 0.02
    every = sorted(times["graph"] + times["views"])
    assert min(b - a for a, b in zip(every, every[1:])) >= PROBE_GAP - 1e-9  # one heavy view at a time
    assert len(times["graph"]) == pytest.approx(4 / 0.5, abs=1) and len(times["views"]) == pytest.approx(4 * 3, abs=2)
