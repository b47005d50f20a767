"""README.md's benchmark table is the one benchmarks/readme_table.py makes from benchmarks/results.md
(which `make bench` writes from the benchmarks' output), so figures and README cannot drift."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


readme_table = load_module("readme_table")


def test_the_readme_shows_the_table_made_from_the_committed_results():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    results = (ROOT / "benchmarks" / "results.md").read_text(encoding="utf-8")
    assert readme.count(readme_table.START) == readme.count(readme_table.END) == 1
    assert readme_table.current(readme) == readme_table.render(results), \
        "README.md's benchmark table is not benchmarks/results.md's: run benchmarks/readme_table.py"


def test_every_figure_in_the_results_has_its_spread_and_load():
    blocks = readme_table.parse((ROOT / "benchmarks" / "results.md").read_text(encoding="utf-8"))
    assert blocks and all(b.measured.startswith("Measured ") and "load" in b.measured for b in blocks)
    rows = [row for b in blocks for row in b.rows]
    assert any("minimal one-thread loop" in row for row in rows)  # bench_train.py's figures are in
    for row in rows:
        assert row.count(" | ") == 2 and row.startswith("| ") and row.endswith(" |"), row
        figure = row.split(" | ")[1]
        assert ("min-max" in figure and "load" in figure) or figure.startswith("skipped"), row


def test_results_round_trip_and_the_readme_is_rewritten_in_place(tmp_path):
    blocks = [readme_table.Block("bench_a.py", "Measured today; load 1.0 before, 1.2 after; 3 s.",
                                 ["| a | 1 ms (min-max 1-2, n 3; load 1.0, 1.0-1.1) | < 5 ms |"]),
              readme_table.Block("bench_b.py", "Measured today; load 0.5 before, 0.5 after; 1 s.",
                                 ["| b \\| c | 2 x (min-max 1-3, n 3; load 0.5, 0.5-0.5) |  |"])]
    text = readme_table.format_results(blocks)
    assert readme_table.parse(text) == blocks
    results = tmp_path / "results.md"
    results.write_text(text)
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{readme_table.START}\nold\n{readme_table.END}\nafter\n")
    assert readme_table.update(readme, results) and not readme_table.update(readme, results)
    new = readme.read_text()
    assert new.startswith("before\n") and new.endswith("\nafter\n") and "old" not in new
    assert readme_table.current(new) == readme_table.render(text)
    assert "| a | 1 ms" in new and "- `bench_b.py`: Measured today" in new
