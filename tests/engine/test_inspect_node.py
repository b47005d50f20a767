"""Histograms only for the node the graph inspector shows (InspectNode, issue 14).

During runs and steps the graph probe computes value and gradient histograms for the inspected
node's parameters only (a parameter, or a layer box's); the graph at rest (a preview) has them for
every parameter, and a node whose histograms the graph on show lacks brings the graph again."""

from test_engine import configured  # noqa: E402  (tests/engine/test_engine.py)

from playground.engine import protocol as p
from playground.engine.reporter import GraphTrainProbe, TrainSnapshot

PARAMS = {"param:fc1.weight", "param:fc1.bias", "param:fc2.weight", "param:fc2.bias"}


def with_histograms(graph) -> set[str]:
    params = {n.id for n in graph.spec.nodes if n.kind == "param"}
    assert params == PARAMS
    for nid in params:  # every parameter keeps its numbers, histograms or not
        assert {"grad_norm", "mean", "std", "min", "max", "numel", "grad_mean"} <= graph.node_stats[nid].keys()
    return {nid for nid in params if {"value_hist", "grad_hist"} <= graph.node_stats[nid].keys()}


def step(h):
    start = h.mark()
    h.put(p.Step(seq=90))
    h.drain()
    (snap,) = h.of(TrainSnapshot, since=start)
    return snap.extras["graph"], h.of(p.Views, since=start)


def test_the_live_graph_has_histograms_for_the_inspected_node_only():
    h = configured(probes={"graph": GraphTrainProbe()})
    h.drain()
    assert with_histograms(h.events[-1].graph) == PARAMS  # the graph at rest: all of them

    graph, _ = step(h)
    assert with_histograms(graph) == set()  # nothing inspected yet

    assert h.do(p.InspectNode("param:fc1.weight", seq=2)).ok
    assert h.engine.stale == {"graph"}  # at rest, and the graph on show lacks them: the graph again
    start = h.mark()
    h.drain()
    (views,) = h.of(p.Views, since=start)
    assert with_histograms(views.graph) == PARAMS
    assert h.do(p.InspectNode("param:fc2.bias", seq=3)).ok
    assert h.engine.stale == set()  # the graph on show has them all already

    graph, _ = step(h)
    assert with_histograms(graph) == {"param:fc2.bias"}
    assert h.do(p.InspectNode("layer:fc1", seq=4)).ok and h.engine.stale == {"graph"}
    h.drain()
    graph, _ = step(h)
    assert with_histograms(graph) == {"param:fc1.weight", "param:fc1.bias"}  # a layer box: its parameters

    op = next(n.id for n in graph.spec.nodes if n.kind == "op")
    assert h.do(p.InspectNode(op, seq=5)).ok and h.engine.stale == set()  # an op has no histograms to show
    graph, _ = step(h)
    assert with_histograms(graph) == set()
