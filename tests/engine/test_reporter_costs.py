"""What each probe costs the training process, sent with the snapshots (issue 14): a fake clock."""

from __future__ import annotations

import pytest

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.engine.reporter import PROBE_SHARE, FunctionProbe, ProbeCost, Reporter


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
                                       pytest.approx(0.010 * n_views / last.elapsed), n_views)
    assert 0 < costs["graph"].share + costs["views"].share <= PROBE_SHARE
    assert sent[0].probe_costs.keys() == {"graph"}  # the first step shows the graph; the views come after
