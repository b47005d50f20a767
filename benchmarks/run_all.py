"""Run every benchmark in this folder, one after another, printing their figures; then write
benchmarks/results.md and README.md's benchmark table from them.

    make bench        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py)
    .venv/bin/python benchmarks/run_all.py bench_train      only these (the others' figures stay)
    ... --no-write                                          print only; results.md and README.md stay

Each benchmark prints its figures with their spread and the load; the lines it starts with
"README row:" become its block of results.md (with the date, the machine and the load before and
after it ran), and readme_table.py puts all blocks' rows into README.md. A benchmark that prints
no row keeps its old block. A benchmark prints "MISSED" for a target it misses; only a crash (or
running past TIMEOUT) makes this exit non-zero.
"""

import argparse
import os
import platform
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))

import readme_table  # noqa: E402
from _common import ROW_MARK  # noqa: E402

TIMEOUT = 300  # seconds: each benchmark takes under 3 minutes on a 2-core machine


def machine() -> str:
    """'2 cores (AMD EPYC), no GPU; torch 2.13.0+cpu, Python 3.11.7'."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import torch

        gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
        version = f"torch {torch.__version__}"
    except ImportError:
        gpu, version = "no GPU", "no torch"
    return f"{os.cpu_count()} cores ({cpu}), {gpu}; {version}, Python {platform.python_version()}"


def run(script: Path, env: dict) -> tuple[int | str, list[str]]:
    """Run one benchmark, echoing its output; (exit code or why not, its table rows)."""
    rows: list[str] = []
    with subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True,
                          bufsize=1) as process:
        timed_out: list[bool] = []

        def stop() -> None:
            timed_out.append(True)
            process.kill()

        watchdog = threading.Timer(TIMEOUT, stop)
        watchdog.start()
        try:
            for line in process.stdout:
                print(line, end="", flush=True)
                if line.startswith(ROW_MARK):
                    rows.append(line[len(ROW_MARK):].strip())
            code = process.wait()
        finally:
            watchdog.cancel()
        return (f"still running after {TIMEOUT} s" if timed_out else code), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("only", nargs="*", help="benchmarks to run (bench_train or bench_train.py); default all")
    ap.add_argument("--no-write", action="store_true", help="leave results.md and README.md as they are")
    args = ap.parse_args()
    wanted = {name if name.endswith(".py") else f"{name}.py" for name in args.only}
    scripts = [s for s in sorted(here.glob("bench_*.py")) if not wanted or s.name in wanted]
    if wanted - {s.name for s in scripts}:
        sys.exit(f"no such benchmark: {', '.join(sorted(wanted - {s.name for s in scripts}))}")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    where = machine()
    blocks = {b.name: b for b in readme_table.parse(readme_table.RESULTS.read_text(encoding="utf-8"))} \
        if readme_table.RESULTS.exists() else {}
    failed = []
    for script in scripts:
        load_before = os.getloadavg()[0]
        print(f"== {script.name} (load {load_before:.1f})", flush=True)
        began = time.perf_counter()
        code, rows = run(script, env)
        seconds = time.perf_counter() - began
        load_after = os.getloadavg()[0]
        print(f"== {script.name}: {seconds:.0f} s, load {load_after:.1f}", flush=True)
        if code != 0:
            failed.append(f"{script.name} ({code})")
        if rows:
            when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            note = "" if code == 0 else f" It did not finish ({code}): these are the figures it printed."
            blocks[script.name] = readme_table.Block(
                script.name, f"Measured {when} on {where}; load {load_before:.1f} before, {load_after:.1f} after; "
                             f"{seconds:.0f} s.{note}", rows)
    if not args.no_write:
        order = [s.name for s in sorted(here.glob("bench_*.py"))]  # a removed benchmark's block goes
        ordered = sorted((b for b in blocks.values() if b.name in order), key=lambda b: order.index(b.name))
        readme_table.RESULTS.write_text(readme_table.format_results(ordered), encoding="utf-8")
        changed = readme_table.update()
        print(f"wrote {readme_table.RESULTS.relative_to(here.parent)}; README.md's table "
              f"{'updated' if changed else 'unchanged'}", flush=True)
    sys.exit(f"failed: {', '.join(failed)}" if failed else 0)


if __name__ == "__main__":
    main()
