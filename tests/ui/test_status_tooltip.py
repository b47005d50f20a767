"""The status bar's tooltip tells what each live view costs the training process (issue 14)."""

from windows import RUN, START, open_window  # noqa: E402  (tests/ui/windows.py)


def test_the_status_tooltip_shows_what_each_probe_costs_after_a_short_run(qtbot):
    window = open_window(qtbot)
    c = window.controller
    assert window.statusLabel.toolTip() == ""
    seen = []  # (snapshot, the tooltip once the window has shown it): the window's slot runs first
    c.snapshotReady.connect(lambda s: seen.append((s, window.statusLabel.toolTip())))
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(c.snapshotReady, check_params_cb=lambda s: {"graph", "views"} <= s.probe_costs.keys(),
                          timeout=START) as got:
        window.trainButton.click()
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.stopButton.click()
    snap = got.args[0]
    tip = next(t for s, t in seen if s is snap)
    costs = snap.probe_costs
    for cost in costs.values():
        assert cost.captures >= 1 and cost.seconds > 0 and 0 < cost.share < 1
        assert abs(cost.every * cost.captures - snap.elapsed) < 1e-9
    labels = {"graph": "Graph probe", "views": "output views"}
    slowed = ", slowed to keep training fast"  # a probe over its share of the time comes less often
    assert tip == "; ".join(f"{labels[name]}: {cost.seconds * 1000:.1f} ms every {cost.every:.1f} s ({cost.share:.1%})"
                            f"{slowed if cost.slowed else ''}" for name, cost in costs.items())


def test_a_slowed_probe_says_so(qtbot):
    from playground.engine.reporter import ProbeCost

    window = open_window(qtbot)
    costs = {"graph": ProbeCost(0.004, 0.5, 0.008, 3), "views": ProbeCost(0.07, 2.8, 0.025, 1, slowed=True)}
    assert window.statusArea.probe_costs_text(costs) == ("Graph probe: 4.0 ms every 0.5 s (0.8%); output views: "
                                                         "70.0 ms every 2.8 s (2.5%), slowed to keep training fast")


def test_a_node_selected_in_the_graph_gets_its_histograms_from_the_live_graph(qtbot):
    window = open_window(qtbot)
    c = window.controller
    window.controls.epochsInput.setValue(100000)
    with qtbot.waitSignal(c.snapshotReady, check_params_cb=lambda s: "graph" in s.extras, timeout=START) as got:
        window.trainButton.click()
    assert not any("value_hist" in st for st in got.args[0].extras["graph"].node_stats.values())  # none selected
    view = window.graphView
    with qtbot.waitSignal(c.replied, timeout=10_000):
        view.nodes["param:fc1.weight"].setSelected(True)  # what a click does
    assert c.inspected == "param:fc1.weight"

    def has_histograms(snap):
        graph = snap.extras.get("graph")
        return graph is not None and {nid for nid, st in graph.node_stats.items() if "value_hist" in st} == \
            {"param:fc1.weight"}

    with qtbot.waitSignal(c.snapshotReady, check_params_cb=has_histograms, timeout=10_000):
        pass
    assert window.graphView.inspector.value_hist.isVisible() and window.graphView.inspector.grad_hist.isVisible()
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.stopButton.click()
