"""The window's start-up: a fresh process to a painted window, the first Train to its first loss
point, and the window process's memory.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup_window.py [--rounds 5]

Each sample is a fresh process (as `playground` starts: make_app, create_window, show; the
engine in its own process, the default). Two kinds take turns, round after round, so that a
change in the machine's load falls on both alike (a first, uncounted round warms the file cache):

- *Train at once*: Train is clicked as soon as the window has painted, so the first loss point
  waits for whatever the engine has still to do (import torch, warm up);
- *Train when ready*: Train is clicked once the engine has said Ready.

Figures (median, min-max, n, and the 1-minute load average): the process's start to the window's
first paint (target: under the time `import torch` alone takes, measured here too, fresh
processes in the same rounds), the click to the first loss point on the plot (target < 0.3 s
when ready), the process's start to the engine's Ready, and the window process's memory (RSS,
after the first run; target < 250 MB) with whether it imported torch (it should not).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, table_row, verdict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAINT_TARGET = "the time `import torch` takes"
TRAIN_TARGET_MS = 300
RSS_TARGET_MB = 250
TIMEOUT = 120

# One window: the parent's clock at its start comes in argv[1] (time.time(), the same clock here).
CHILD = r"""
import json, os, sys, time
began = float(sys.argv[1]); at_once = sys.argv[2] == "1"
from playground.app import create_window, make_app
from PySide6.QtCore import QEvent, QObject, QTimer

app = make_app()
window = create_window("circle")
window.ask_before_closing = False
window.remember_geometry = False
out = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in out:
            out["paint"] = time.time() - began
            QTimer.singleShot(0, painted)
        return False

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

def click():
    out["clicked"] = time.time()
    window.trainButton.click()

def painted():
    if at_once:
        click()
    elif window.controller.is_ready:
        click()

def ready():
    out["ready"] = time.time() - began
    if not at_once and "paint" in out and "clicked" not in out:
        click()

def snapshot(snap):
    if "first_loss" not in out and "clicked" in out and len(snap.new_step_losses):
        out["first_loss"] = time.time() - out["clicked"]

def finished(summary):
    out["rss"] = rss_mb()
    out["torch"] = "torch" in sys.modules
    out.pop("clicked", None)
    window.close()
    app.quit()

window.controller.engineReady.connect(ready)
window.controller.snapshotReady.connect(snapshot)
window.trainingFinished.connect(finished)
window.controls.epochsInput.setValue(2)
flt = FirstPaint()
window.installEventFilter(flt)
QTimer.singleShot(60_000, app.quit)
window.show()
app.exec()
print("RESULT " + json.dumps(out), flush=True)
"""

TORCH = "import time, sys; began = float(sys.argv[1]); import torch; print('RESULT', time.time() - began)"


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8"}


def run_child(code: str, *args: str) -> str | None:
    began = time.time()
    try:
        done = subprocess.run([sys.executable, "-c", code, repr(began), *args], cwd=ROOT, env=env(),
                              capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        print("  a sample ran past the timeout", file=sys.stderr)
        return None
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return line[len("RESULT "):]
    print(f"  a sample failed (exit {done.returncode}): {done.stderr.strip()[-300:]}", file=sys.stderr)
    return None


def window_sample(at_once: bool) -> dict:
    text = run_child(CHILD, "1" if at_once else "0")
    return json.loads(text) if text else {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    names = ("paint_once", "paint_ready", "torch", "train_once", "train_ready", "ready", "rss")
    f = {name: Figure() for name in names}
    torch_in_window: set[bool] = set()
    window_sample(True)  # warm-up: the file cache, .pyc files
    for _ in range(args.rounds):
        text = run_child(TORCH)
        f["torch"].add(None if text is None else 1000 * float(text))
        for at_once in (True, False):
            s = window_sample(at_once)
            f["paint_once" if at_once else "paint_ready"].add(1000 * s["paint"] if "paint" in s else None)
            f["train_once" if at_once else "train_ready"].add(1000 * s["first_loss"] if "first_loss" in s else None)
            f["ready"].add(1000 * s["ready"] if "ready" in s else None)
            f["rss"].add(s.get("rss"))
            if "torch" in s:
                torch_in_window.add(s["torch"])
    paint = Figure()
    paint.samples = f["paint_once"].samples + f["paint_ready"].samples
    paint.sample_loads = f["paint_once"].sample_loads + f["paint_ready"].sample_loads
    print("Window start-up, a fresh process each (offscreen; the engine in its own process)")
    print(f"  import torch alone:                      {f['torch'].text('ms')}")
    print(f"  start to painted window:                 {paint.text('ms')}  "
          f"{verdict(paint.median < f['torch'].median)} (target: under {PAINT_TARGET})")
    print(f"  start to engine Ready:                   {f['ready'].text('ms')}")
    print(f"  first Train to first loss point, ready:  {f['train_ready'].text('ms')}  "
          f"{verdict(f['train_ready'].median < TRAIN_TARGET_MS)} (target < {TRAIN_TARGET_MS} ms)")
    print(f"  ... Train clicked as the window painted: {f['train_once'].text('ms')}")
    print(f"  window process memory (RSS):             {f['rss'].text('MB')}  "
          f"{verdict(f['rss'].median < RSS_TARGET_MB)} (target < {RSS_TARGET_MB} MB)")
    used = "yes" if torch_in_window == {True} else "no" if torch_in_window == {False} else "sometimes"
    print(f"  torch imported by the window's process:  {used}")
    table_row("window: fresh process to painted window", paint.text("ms"),
              f"< import torch ({f['torch'].median:.0f} ms here)")
    table_row("window: first Train (engine ready) to first loss point", f["train_ready"].text("ms"),
              f"< {TRAIN_TARGET_MS} ms")
    table_row("window: Train clicked as it painted, to first loss point", f["train_once"].text("ms"), "")
    table_row(f"window process memory (RSS; torch imported: {used})", f["rss"].text("MB"), f"< {RSS_TARGET_MB} MB")


if __name__ == "__main__":
    main()
