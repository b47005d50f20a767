"""The window's process imports no torch when the engine runs in its own process (issue 14).

Every tensor is the engine's: the window sends commands and unpickles events of plain data (numbers,
strings, numpy arrays, the dataclasses of core.records, core.trace, core.inspect, core.probe,
core.update). A type that drags torch in through an import, or a tensor left in an event, would
import torch here again; these tests look in a fresh process, where nothing else has imported it.
With ``PLAYGROUND_PROCESS=0`` the engine runs in a thread of the window's process, and torch is
there once it has trained.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Open the window, click Train at once (before the engine is ready: the status bar says so), wait
# for the first loss point and the end of the run, step one mini-batch phase by phase with a
# weight explained, export a file; then say what this process imported.
SCRIPT = r"""
import json, os, sys, time
from PySide6.QtCore import QCoreApplication
from playground.app import create_window, make_app

app = make_app()
window = create_window("xor")
window.ask_before_closing = False
window.remember_geometry = False
c = window.controller
seen = {"snapshots": 0, "phases": [], "explained": 0, "finished": None, "ready_at_click": None}
c.snapshotReady.connect(lambda s: seen.__setitem__("snapshots", seen["snapshots"] + len(s.new_step_losses)))
window.trainingFinished.connect(lambda summary: seen.__setitem__("finished", summary))
window.phaseChanged.connect(seen["phases"].append)
c.gradientExplained.connect(lambda e: seen.__setitem__("explained", seen["explained"] + 1))

def wait(predicate, what, timeout=120):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.005)

window.controls.epochsInput.setValue(2)
window.show()
QCoreApplication.processEvents()
seen["torch_at_show"] = "torch" in sys.modules
seen["ready_at_click"] = c.is_ready
window.trainButton.click()
seen["status_at_click"] = window.statusBar().currentMessage()
wait(lambda: seen["snapshots"] > 0, "the first loss point")
wait(lambda: seen["finished"] is not None, "the end of the run")
wait(lambda: c.model is not None and c.state == "idle", "an idle engine")
window.explain_weight("fc1.weight", (0, 0))
for n in range(5):
    wait(lambda: not window.graphView.animating(), "the graph's animation")
    window.step_phase()
    wait(lambda: len(seen["phases"]) > n, f"phase {n + 1}")
wait(lambda: seen["explained"] > 0, "the gradient's explanation")
path = os.path.join(sys.argv[1], "model.json")
seen["exported"] = window.export_to(path) and os.path.exists(path)
seen["devices"] = [window.controls.deviceInput.itemData(i) for i in range(window.controls.deviceInput.count())]
seen["process"] = c.separate_process
seen["torch"] = "torch" in sys.modules
window.close()
print("RESULT " + json.dumps(seen), flush=True)
"""


def run_window(tmp_path, process: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLAYGROUND_PROCESS": process, "LC_ALL": "C.UTF-8",
           "LANGUAGE": "en", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout[-2000:] + done.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


def test_the_window_process_trains_without_importing_torch(tmp_path):
    seen = run_window(tmp_path, "1")
    assert seen["process"] is True
    assert seen["torch"] is False and seen["torch_at_show"] is False
    assert seen["ready_at_click"] is False  # the engine was still warming up behind the window ...
    assert seen["status_at_click"].startswith("Starting the training process")  # ... and the window said so
    assert seen["snapshots"] > 0 and seen["finished"]["status"] == "completed"  # ... and trained once ready
    assert seen["phases"] == ["forward", "loss", "zero_grad", "backward", "step"] and seen["explained"] >= 1
    assert seen["exported"] is True
    assert seen["devices"][0] == "cpu"  # as the engine reported them


def test_with_the_thread_setting_torch_loads_in_the_window_process(tmp_path):
    seen = run_window(tmp_path, "0")
    assert seen["process"] is False and seen["torch"] is True
    assert seen["finished"]["status"] == "completed" and seen["phases"][-1] == "step"


# Every module of the window (ui/, ui/views/, app) and what the events it unpickles come from.
IMPORT_ALL = """
import importlib, pkgutil, sys
import playground.ui as ui, playground.ui.views as views
for package in (ui, views):
    for m in pkgutil.iter_modules(package.__path__):
        importlib.import_module(package.__name__ + "." + m.name)
for name in ("playground.app", "playground.engine.protocol", "playground.engine.reporter", "playground.engine.transport",
             "playground.core.records", "playground.core.trace", "playground.core.inspect", "playground.core.probe",
             "playground.core.update", "playground.core.devices", "playground.io.export", "playground.io.session"):
    importlib.import_module(name)
print([m for m in sys.modules if m == "torch" or m.startswith("torch.")][:5])
"""


def test_no_module_of_the_window_imports_torch():
    done = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
