"""Start-up time of the commands that do no training: `playground presets`, `--version`, `--help`.

Run: .venv/bin/python benchmarks/bench_startup.py   (target: each < 0.3 s, wall time of a fresh process)

Each command runs as its own process, as a person types it (``python -m playground ...``, the
same interpreter as the ``playground`` script). The commands take turns, round after round, so
that a change in the machine's load falls on all of them alike; the first round is a warm-up
(cold file cache) and is not counted. Each figure is the median with its spread (min-max), the
number of runs and the load average. A last line says whether the process imported torch: these
commands need none, and importing it costs about a second and a quarter of a gigabyte.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, verdict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.3
ROUNDS = 15
COMMANDS = {
    "playground presets": ["presets"],
    "playground --version": ["--version"],
    "playground --help": ["--help"],
    "playground train --help": ["train", "--help"],
}
# Runs the command as `python -m playground` does, then says on stderr whether torch was imported.
PROBE = ("import runpy, sys\n"
         "sys.argv = ['playground', *sys.argv[1:]]\n"
         "try:\n"
         "    runpy.run_module('playground', run_name='__main__', alter_sys=True)\n"
         "finally:\n"
         "    sys.stderr.write('torch imported: %s\\n' % ('torch' in sys.modules))\n")


def env() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)}


def run_once(args: list[str]) -> float | None:
    """Wall time of one fresh process (s); None if it failed."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "playground", *args], cwd=ROOT, env=env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        print(f"  {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()[-200:]}", file=sys.stderr)
        return None
    return elapsed


def imports_torch(args: list[str]) -> bool:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return "torch imported: True" in done.stderr


def main() -> None:
    figures = {name: Figure() for name in COMMANDS}
    for args in COMMANDS.values():  # warm-up: the file cache, .pyc files
        run_once(args)
    for _ in range(ROUNDS):
        for name, args in COMMANDS.items():  # interleaved: load drift falls on every command alike
            value = run_once(args)
            figures[name].add(None if value is None else 1000 * value)
    print(f"Start-up wall time, a fresh process each (python -m playground; target < {TARGET_S * 1000:.0f} ms)")
    width = max(map(len, COMMANDS))
    for name, figure in figures.items():
        print(f"  {name:<{width}}  {figure.text('ms')}  {verdict(figure.median < 1000 * TARGET_S)}")
    torch_users = [name for name, args in COMMANDS.items() if imports_torch(args)]
    print("  torch imported by: " + (", ".join(torch_users) if torch_users else "none of them"))


if __name__ == "__main__":
    main()
