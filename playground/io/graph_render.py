"""Drawing the autograd graph: Graphviz ``dot`` layouts (pygraphviz, in-process) and files.

``layout_graph`` places the nodes, cached per graph structure (a forward pass rebuilds the graph
every step; its shape rarely changes). ``render_graph`` / ``write_graph`` give JSON, DOT, SVG or
PNG; colors come from ``core.palette``.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from playground.core.config import ConfigError
from playground.core.palette import (
    EDGE_COLOR,
    NODE_BORDERS,
    NODE_FILLS,
    grad_fraction,
    grad_range,
    is_light,
    ramp_color,
    rgb_hex,
)
from playground.core.trace import GraphSpec, node_text
from playground.io.atomic import atomic_write

GRAPH_FORMATS = (".json", ".svg", ".png", ".dot")


def to_agraph(spec: GraphSpec, rankdir: str = "TB", node_stats: Mapping[str, Mapping[str, Any]] | None = None,
              sizes: Mapping[str, tuple[float, float]] | None = None):
    """A pygraphviz AGraph of the spec (sizes in points fix each box; else Graphviz sizes the labels)."""
    import pygraphviz as pgv

    g = pgv.AGraph(directed=True, strict=False, rankdir=rankdir, nodesep="0.3", ranksep="0.4",
                   fontname="Helvetica", bgcolor="white")
    g.node_attr.update(fontname="Helvetica", fontsize="10", shape="box", style="rounded,filled", penwidth="1.2",
                       margin="0.12,0.06")
    g.edge_attr.update(color=EDGE_COLOR, arrowsize="0.7")
    stats = node_stats or {}
    lo, hi = grad_range(stats)
    for n in spec.nodes:
        attrs: dict[str, str] = {"fillcolor": NODE_FILLS.get(n.kind, NODE_FILLS["op"]),
                                 "color": NODE_BORDERS.get(n.kind, NODE_BORDERS["op"])}
        if n.kind == "param":
            attrs.update(style="filled")
        elif n.kind in ("input", "target"):
            attrs.update(shape="ellipse", style="filled")
        elif n.kind == "loss":
            attrs.update(shape="ellipse", style="filled,bold")
        t = grad_fraction(stats.get(n.id, {}).get("grad_norm"), lo, hi)
        if t is not None and n.kind in ("op", "layer"):
            rgb = ramp_color(t)
            attrs["fillcolor"] = rgb_hex(rgb)
            attrs["fontcolor"] = "black" if is_light(rgb) else "white"
        if sizes is not None and n.id in sizes:
            w, h = sizes[n.id]
            attrs.update(width=f"{w / 72:.4f}", height=f"{h / 72:.4f}", fixedsize="true", label="")
        else:
            attrs["label"] = node_text(n)
        g.add_node(n.id, **attrs)
    for e in spec.edges:
        attrs = {}
        t = grad_fraction(stats.get(e.source, {}).get("grad_norm"), lo, hi)
        if t is not None:
            attrs["penwidth"] = f"{0.8 + 3.2 * t:.2f}"
        g.add_edge(e.source, e.target, **attrs)
    return g


class Layout(dict):
    """{node id: (x, y)} box centers in points, y growing downward (Qt's convention), plus
    ``edges[(source, target)]``: the spline's points (cubic Bezier: p0, then c1 c2 p per segment)
    and ``arrow`` end point, and the bounding box ``width`` x ``height``."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.edges: dict[tuple[str, str], list[tuple[float, float]]] = {}
        self.arrows: dict[tuple[str, str], tuple[float, float]] = {}
        self.width = 0.0
        self.height = 0.0


_LAYOUT_CACHE: OrderedDict[tuple, Layout] = OrderedDict()
_LAYOUT_LOCK = threading.Lock()


def layout_graph(spec: GraphSpec, rankdir: str = "TB",
                 sizes: Mapping[str, tuple[float, float]] | None = None) -> Layout:
    """Layered ``dot`` layout, cached per (structure_key, rankdir, sizes)."""
    if rankdir not in ("TB", "LR"):
        raise ConfigError("rankdir", f"{rankdir!r}; allowed: TB, LR")
    size_key = tuple(sorted((k, round(w, 1), round(h, 1)) for k, (w, h) in sizes.items())) if sizes else None
    key = (spec.structure_key, rankdir, hash(size_key))
    with _LAYOUT_LOCK:
        if key in _LAYOUT_CACHE:
            _LAYOUT_CACHE.move_to_end(key)
            return _LAYOUT_CACHE[key]
    g = to_agraph(spec, rankdir, sizes=sizes)
    g.layout(prog="dot")
    bb = [float(v) for v in g.graph_attr["bb"].split(",")]
    height = bb[3]
    out = Layout()
    out.width, out.height = bb[2] - bb[0], bb[3] - bb[1]
    for n in g.nodes():
        x, y = (float(v) for v in n.attr["pos"].split(","))
        out[str(n)] = (x - bb[0], height - y)
    for e in g.edges():
        pts, arrow = [], None
        for tok in e.attr["pos"].split():
            parts = tok.split(",")
            if parts[0] == "e":
                arrow = (float(parts[1]) - bb[0], height - float(parts[2]))
            elif parts[0] == "s":
                continue
            else:
                pts.append((float(parts[0]) - bb[0], height - float(parts[1])))
        k = (str(e[0]), str(e[1]))
        out.edges[k] = pts
        if arrow is not None:
            out.arrows[k] = arrow
    with _LAYOUT_LOCK:
        _LAYOUT_CACHE[key] = out
        while len(_LAYOUT_CACHE) > 32:
            _LAYOUT_CACHE.popitem(last=False)
    return out


def render_graph(spec: GraphSpec, fmt: str, rankdir: str = "TB",
                 node_stats: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    """The graph as .json, .dot, .svg or .png bytes."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "json":
        data = spec.to_dict()
        for n in data["nodes"]:
            g = (node_stats or {}).get(n["id"], {}).get("grad_norm")
            if g is not None and math.isfinite(g):
                n["grad_norm"] = g
        return (json.dumps(data, indent=2) + "\n").encode()
    if fmt not in ("dot", "svg", "png"):
        raise ConfigError("out", f"unknown graph format .{fmt}; allowed: {', '.join(GRAPH_FORMATS)}")
    g = to_agraph(spec, rankdir, node_stats=node_stats)
    if fmt == "dot":
        return g.to_string().encode()
    return g.draw(format=fmt, prog="dot")


def write_graph(spec: GraphSpec, path: str | os.PathLike, rankdir: str = "TB",
                node_stats: Mapping[str, Mapping[str, Any]] | None = None) -> None:
    """Write the graph; the format follows the extension. Atomic: a temp file, then os.replace."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in GRAPH_FORMATS:
        raise ConfigError("out", f"unknown graph format {ext or '(none)'!r}; allowed: {', '.join(GRAPH_FORMATS)}")
    if node_stats is None:
        node_stats = spec.stats
    atomic_write(path, render_graph(spec, ext, rankdir, node_stats))


def clear_layout_cache() -> None:
    """Forget every cached layout (benchmarks time a cold layout)."""
    with _LAYOUT_LOCK:
        _LAYOUT_CACHE.clear()


__all__ = [
    "GRAPH_FORMATS",
    "Layout",
    "clear_layout_cache",
    "layout_graph",
    "render_graph",
    "to_agraph",
    "write_graph",
]
