"""README.md's benchmark table, made from benchmarks/results.md so that the two cannot drift.

    .venv/bin/python benchmarks/readme_table.py            put results.md's table into README.md
    .venv/bin/python benchmarks/readme_table.py --check    exit 1 if README.md shows another table

``make bench`` (run_all.py) writes results.md from the "README row:" lines the benchmarks print,
one block per benchmark with when, where and under what load it ran, and then calls ``update``.
tests/test_benchmark_table.py checks that README.md holds exactly ``render(results.md)``.
Not a benchmark itself (run_all.py runs ``bench_*.py`` only).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
README = HERE.parent / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
HEADER = ("| what | figure | target |", "|---|---|---|")
PREAMBLE = """# Benchmark figures

Written by `make bench` (benchmarks/run_all.py) from the lines its benchmarks print as "README row:".
benchmarks/readme_table.py copies these rows into README.md's table, and tests/test_benchmark_table.py
checks that README.md shows exactly them: do not edit either by hand, run the benchmarks.
Each figure: median (min-max, n samples; the 1-minute load average while it was taken: median, min-max).
"""


@dataclass
class Block:
    """One benchmark's figures: its name, the line saying when and where, and its table rows."""

    name: str
    measured: str
    rows: list[str] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    """The blocks of a results.md, in order."""
    blocks: list[Block] = []
    for part in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        lines = part.strip().splitlines()
        block = Block(lines[0].strip(), "")
        for line in lines[1:]:
            if line.startswith("|"):
                if line not in HEADER:
                    block.rows.append(line)
            elif line.strip() and not block.measured:
                block.measured = line.strip()
        blocks.append(block)
    return blocks


def format_results(blocks: list[Block]) -> str:
    """The text of a results.md holding ``blocks``."""
    out = [PREAMBLE]
    for b in blocks:
        out += [f"## {b.name}", "", b.measured, ""]
        if b.rows:
            out += [*HEADER, *b.rows, ""]
    return "\n".join(out)


def render(results_text: str) -> str:
    """README.md's block, from START to END: one line per benchmark, then one table of every row."""
    blocks = parse(results_text)
    lines = [START, "<!-- made by benchmarks/readme_table.py from benchmarks/results.md: do not edit -->", ""]
    lines += [f"- `{b.name}`: {b.measured}" for b in blocks]
    lines += ["", *HEADER]
    lines += [row for b in blocks for row in b.rows]
    lines.append(END)
    return "\n".join(lines)


def current(readme_text: str) -> str | None:
    """README.md's block as it is now (START to END), or None without the markers."""
    i, j = readme_text.find(START), readme_text.find(END)
    return readme_text[i:j + len(END)] if 0 <= i < j else None


def update(readme: Path = README, results: Path = RESULTS) -> bool:
    """Put results.md's table into README.md; True if README.md changed."""
    text = readme.read_text(encoding="utf-8")
    old = current(text)
    if old is None:
        raise SystemExit(f"{readme} has no {START} ... {END} markers for the benchmark table")
    new = render(results.read_text(encoding="utf-8"))
    if old == new:
        return False
    readme.write_text(text.replace(old, new), encoding="utf-8")
    return True


def main() -> int:
    if "--check" in sys.argv[1:]:
        ok = current(README.read_text(encoding="utf-8")) == render(RESULTS.read_text(encoding="utf-8"))
        print("README.md's benchmark table is results.md's" if ok else
              "README.md's benchmark table differs from benchmarks/results.md: run benchmarks/readme_table.py")
        return 0 if ok else 1
    print("README.md: table updated" if update() else "README.md: table already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
