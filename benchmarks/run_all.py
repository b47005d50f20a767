"""Run every benchmark in this folder, one after another, printing their figures.

    make bench        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py)
"""

import os
import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
failed = []
for script in sorted(here.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    if subprocess.run([sys.executable, str(script)], env=env).returncode != 0:
        failed.append(script.name)
sys.exit(f"failed: {', '.join(failed)}" if failed else 0)
