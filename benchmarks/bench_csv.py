"""Importing your own data: `read_data_csv` on a 1,000,000-row CSV file (2 features and a label).

Run: .venv/bin/python benchmarks/bench_csv.py   (target: < 3 s a file, on a 2-core machine)

Two files, written once to a temporary folder: integer labels (numbers only: numpy's C reader)
and string labels (the csv-module path, which also reads the split column and finds a bad
value's line). They are read in turns, round after round, so that a change in the machine's load
falls on both alike; the first round is a warm-up (file cache) and is not counted. Each figure is
the median with its spread (min-max), the number of runs and the load average. Memory: the peak
of memory allocated during one read beyond what was allocated before it (tracemalloc, which numpy
reports its arrays to; a separate, untimed read, since tracing slows Python down), against the
file's size.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import Figure, table_row, verdict  # noqa: E402

from playground.io.csv_data import read_data_csv  # noqa: E402

ROWS = 1_000_000
ROUNDS = 5
TARGET_S = 3.0


def write_file(path: Path, labels: list[str]) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(ROWS, 2)).astype(np.float32).astype(str)
    y = np.asarray(labels)[rng.integers(0, len(labels), ROWS)]
    body = "\n".join(f"{a},{b},{c}" for a, b, c in zip(x[:, 0].tolist(), x[:, 1].tolist(), y.tolist()))
    path.write_text("x1,x2,label\n" + body + "\n", encoding="utf-8")


def peak_mb(path: Path) -> float:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    table = read_data_csv(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(table) == ROWS
    return (peak - before) / 1e6


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = {"integer labels (numpy's reader)": Path(folder) / "ints.csv",
                 "string labels (csv module)": Path(folder) / "strings.csv"}
        write_file(files["integer labels (numpy's reader)"], ["0", "1", "2"])
        write_file(files["string labels (csv module)"], ["red", "green", "blue"])
        figures = {name: Figure() for name in files}
        for round_ in range(ROUNDS + 1):
            for name, path in files.items():  # interleaved: load drift falls on both alike
                began = time.perf_counter()
                table = read_data_csv(path)
                seconds = time.perf_counter() - began
                assert len(table) == ROWS and table.n_classes == 3
                if round_:  # round 0 warms the file cache
                    figures[name].add(seconds)
        print(f"read_data_csv, {ROWS:,} rows x (2 features + label), a file each (target < {TARGET_S:.0f} s)")
        width = max(map(len, files))
        for name, path in files.items():
            size = path.stat().st_size / 1e6
            print(f"  {name:<{width}}  {figures[name].text('s', 2)}  {verdict(figures[name].median < TARGET_S)}")
            print(f"  {'':<{width}}  peak memory {peak_mb(path):.0f} MB (tracemalloc) for a {size:.0f} MB file")
        print(f"  load average now: {', '.join(f'{v:.1f}' for v in os.getloadavg())} (1, 5, 15 min)")
        for name in files:
            table_row(f"import a {ROWS:,}-row CSV, {name}", figures[name].text("s", 2), f"< {TARGET_S:.0f} s")


if __name__ == "__main__":
    main()
