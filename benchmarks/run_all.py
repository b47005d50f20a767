"""Run every benchmark in this folder, one after another, printing their figures.

    make bench        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py)

A benchmark prints "MISSED" for a target it misses; only a crash (or running past TIMEOUT) makes
this exit non-zero.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

TIMEOUT = 300  # seconds: each benchmark takes under 3 minutes on a 2-core machine

here = Path(__file__).resolve().parent
env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
failed = []
for script in sorted(here.glob("bench_*.py")):
    print(f"== {script.name} (load {os.getloadavg()[0]:.1f})", flush=True)
    began = time.perf_counter()
    try:
        code = subprocess.run([sys.executable, str(script)], env=env, timeout=TIMEOUT).returncode
    except subprocess.TimeoutExpired:
        code = f"still running after {TIMEOUT} s"
    print(f"== {script.name}: {time.perf_counter() - began:.0f} s, load {os.getloadavg()[0]:.1f}", flush=True)
    if code != 0:
        failed.append(f"{script.name} ({code})")
sys.exit(f"failed: {', '.join(failed)}" if failed else 0)
