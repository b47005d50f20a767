"""Soak: a few hundred random window actions, each through the real widgets, with what the window
shows checked against what the engine says after every one.

The actions are chosen by a seeded ``random.Random`` (the same sequence every run): train, pause
and resume, step, stop, reset, a preset, the learning rate, the epochs, live views on and off,
export, save and open a session, bring back. After each action the test waits until the engine has
answered every command sent so far (each command gets a Reply, and events come in order), then
checks the invariants. At the end: back to idle, no thread left over, no Qt warning logged.
"""

import math
import random
import threading
import time

from PySide6 import QtCore
from PySide6.QtWidgets import QFileDialog
from windows import open_window  # noqa: E402  (tests/ui/windows.py)

from playground.engine.protocol import RunState

SEED = 13
ACTIONS = 200
SMALL_PRESETS = ("xor", "circle", "gauss", "moons", "plane", "seed-example")
RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
ANSWER = 30_000  # ms for the engine to answer a command (a step on a loaded 2-core machine)
BUTTON_TEXT = {RunState.IDLE: "Train", RunState.RUNNING: "Pause", RunState.PAUSED: "Resume"}
# what the offscreen platform plugin says about any top-level window: not the window's doing
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)


class QtMessages:
    """Qt's warnings and criticals while installed (qInstallMessageHandler)."""

    def __init__(self):
        self.bad: list[str] = []

    def __call__(self, kind, context, text):
        if kind in (QtCore.QtMsgType.QtWarningMsg, QtCore.QtMsgType.QtCriticalMsg, QtCore.QtMsgType.QtFatalMsg) \
                and text not in PLATFORM_NOISE:
            self.bad.append(f"{kind.name}: {text}")


class Soak:
    def __init__(self, qtbot, window, tmp_path):
        self.qtbot, self.window, self.c, self.tmp = qtbot, window, window.controller, tmp_path
        self.rng = random.Random(SEED)  # each action's own choices (which preset, which rate)
        self.answered = 0
        self.c.replied.connect(self._on_reply)
        self.sessions: list = []

    def _on_reply(self, reply):
        self.answered = max(self.answered, reply.in_reply_to)

    def settle(self):
        """Wait until the engine has answered every command sent so far."""
        sent = self.c._seq
        self.qtbot.waitUntil(lambda: self.answered >= sent, timeout=ANSWER)

    # -- the actions: each returns False when the window would not let a user do it now --------
    def train_pause_resume(self):
        self.window.trainButton.click()

    def step(self):
        if not self.window.stepButton.isEnabled():
            return False
        self.window.stepButton.click()

    def stop(self):
        if not self.window.stopButton.isEnabled():
            return False
        self.window.stopButton.click()

    def reset(self):
        if not self.window.resetButton.isEnabled():
            return False
        self.window.resetButton.click()

    def preset(self):
        combo = self.window.controls.presetInput
        if not combo.isEnabled():
            return False
        index = combo.findData(self.rng.choice(SMALL_PRESETS))
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # what a user's pick in the combo sends
        self.epochs()  # the presets train for tens of epochs: this soak trains for 1 to 3

    def epochs(self):
        box = self.window.controls.epochsInput
        if not box.isEnabled():
            return False
        box.setValue(self.rng.randint(1, 3))

    def learning_rate(self):
        box = self.window.controls.learningRateInput
        if not box.isEnabled():
            return False
        box.setValue(self.rng.choice(RATES))

    def live_views(self):
        self.window.liveViewsAction.trigger()

    def export(self):
        if not self.window.exportAction.isEnabled():
            return False
        path = self.tmp / f"export{self.rng.choice(('.safetensors', '.json'))}"
        assert self.window.export_to(path), path
        assert path.stat().st_size > 0

    def save_session(self, monkeypatch):
        if not self.window.saveAction.isEnabled():
            return False
        path = self.tmp / f"session{len(self.sessions)}.pgsession"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
        self.window.saveAction.trigger()
        assert path.exists()
        self.sessions.append(path)

    def open_session(self):
        if not self.window.openAction.isEnabled() or not self.sessions:
            return False
        assert self.window.open_path(self.rng.choice(self.sessions))

    def bring_back(self):
        if not self.window.undoAction.isEnabled():
            return False
        self.window.undoAction.trigger()

    # -- the invariants -----------------------------------------------------------------------
    def check(self, what: str):
        w, c = self.window, self.c
        if c.state is RunState.STEPPING:  # a moment: the buttons stay as they were
            return
        assert w.trainButton.text() == BUTTON_TEXT[c.state], (what, c.state, w.trainButton.text())
        assert w.stepButton.isEnabled() == (c.state is not RunState.RUNNING), (what, c.state)
        assert w.resetButton.isEnabled() == (c.state is RunState.IDLE), (what, c.state)
        assert w.stopButton.isEnabled() == (c.state in (RunState.RUNNING, RunState.PAUSED)), (what, c.state)
        if c.state is RunState.IDLE:
            shown = w.controls.learningRateInput.value()
            assert shown == c.config.learning_rate, (what, shown, c.config.learning_rate)
            assert c.model is not None and math.isfinite(c.model.learning_rate)


def test_two_hundred_random_actions_keep_the_window_and_the_engine_agreed(qtbot, tmp_path, monkeypatch,
                                                                         message_boxes):
    threads_before = set(threading.enumerate())
    messages = QtMessages()
    previous = QtCore.qInstallMessageHandler(messages)
    try:
        QtCore.qWarning("soak: is the handler listening?")
        assert messages.bad == ["QtWarningMsg: soak: is the handler listening?"], messages.bad
        messages.bad.clear()
        started = time.monotonic()
        window = open_window(qtbot, "xor")
        assert window.controller.separate_process  # the engine in its own process, the default
        soak = Soak(qtbot, window, tmp_path)
        finished: list[str] = []
        window.controller.runFinished.connect(lambda summary: finished.append(summary["status"]))
        window.controls.epochsInput.setValue(2)
        soak.settle()
        actions = {
            "train/pause/resume": (soak.train_pause_resume, 6), "step": (soak.step, 3), "stop": (soak.stop, 2),
            "reset": (soak.reset, 2), "preset": (soak.preset, 2), "epochs": (soak.epochs, 1),
            "learning rate": (soak.learning_rate, 3), "live views": (soak.live_views, 2),
            "export": (soak.export, 1), "save session": (lambda: soak.save_session(monkeypatch), 1),
            "open session": (soak.open_session, 1), "bring back": (soak.bring_back, 1),
        }
        names = list(actions)
        # The plan is fixed by the seed; which of its steps the window allows when (a button disabled
        # while a run is on) follows how fast the runs go, so it is longer than the actions needed.
        plan = random.Random(SEED).choices(names, [actions[n][1] for n in names], k=3 * ACTIONS)
        done: dict[str, int] = {}
        for name in plan:
            if actions[name][0]() is False:
                continue  # not possible now (a disabled button): the next one
            done[name] = done.get(name, 0) + 1
            soak.settle()
            soak.check(name)
            if sum(done.values()) == ACTIONS:
                break
        assert sum(done.values()) == ACTIONS, done

        # the end: stop what runs, and wait until the engine is idle
        if window.stopButton.isEnabled():
            window.stopButton.click()
        qtbot.waitUntil(lambda: window.controller.state is RunState.IDLE, timeout=ANSWER)
        soak.settle()
        soak.check("end")
        assert all(done.get(n, 0) > 0 for n in names), done  # every kind of action happened
        assert not message_boxes, message_boxes  # nothing refused or failed on the way
        assert "completed" in finished and "stopped" in finished, finished  # runs ran, to the end and not
        extra = {t.name for t in set(threading.enumerate()) - threads_before}
        assert extra <= {"playground-engine-events"}, extra  # the engine's own reader, nothing else
        print(f"soak: {ACTIONS} actions in {time.monotonic() - started:.1f} s: {done}; runs {finished}")
    finally:
        QtCore.qInstallMessageHandler(previous)
    assert not messages.bad, messages.bad
