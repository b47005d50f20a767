"""docs/compared-runs.png: the real window, offscreen, after three runs of the circle preset that
differ only in their learning rate (0.003, 0.03, 0.3): the two earlier runs as fainter curves in the
loss plot, labelled with what differed ("lr 0.003", "lr 0.03"), beside the run on screen (solid), the
loss pane maximized and on a log scale.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/shots/compared_runs.py [docs/compared-runs.png]

Each step waits on the engine's own signal (the settings applied, the new network, the run's end).
"""

from __future__ import annotations

import sys
from pathlib import Path

RATES = (0.003, 0.03, 0.3)
EPOCHS = 100
SIZE = (1280, 800)
TIMEOUT_MS = 300_000  # a run on a loaded 2-core machine; only a guard, nothing waits this long


def wait(signal, trigger, accept=lambda *args: True):
    """Run ``trigger()`` and the event loop until ``signal`` fires with arguments ``accept`` takes."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, got = QEventLoop(), []

    def on(*args):
        if accept(*args):
            got.append(args)
            loop.quit()

    signal.connect(on)
    guard = QTimer(singleShot=True, interval=TIMEOUT_MS)
    guard.timeout.connect(loop.quit)
    guard.start()
    trigger()
    if not got:
        loop.exec()
    guard.stop()
    signal.disconnect(on)
    if not got:
        sys.exit(f"compared_runs: timed out waiting for {signal}")
    return got[0]


def main(out: Path) -> int:
    from playground.app import create_window, make_app
    from playground.engine.protocol import ModelChange

    app = make_app(lang="en")
    window = create_window("circle", lang="en")
    window.remember_geometry = False
    window.ask_before_closing = False
    window.resize(*SIZE)
    window.show()
    c = window.controller
    if c.model is None:
        wait(c.modelChanged, lambda: None)
    for i, rate in enumerate(RATES):
        if i:  # a fresh network (Reset): the trained one becomes an earlier run
            wait(c.modelChanged, window.resetButton.click, lambda m: m.reason is ModelChange.RESET)
        config = c.config.replace(learning_rate=rate, epochs=EPOCHS)
        wait(c.configChanged, lambda config=config: c.set_config(config, c.preset))
        summary = wait(c.runFinished, window.trainButton.click)[0]
        print(f"lr {rate:g}: {summary['status']}, train loss {summary['train_loss']:.4f}")
    window.lossView.stepsInput.setChecked(False)  # per epoch only: the runs' curves, not the steps' noise
    window.lossView.logInput.setChecked(True)  # a loss of 0.6 and one of 0.005 both readable
    window.panes[0].maxButton.setChecked(True)  # the loss pane fills the view area (its maximize button)
    window.lossView.redraw()
    app.processEvents()
    if not window.grab().save(str(out), "PNG"):
        print(f"compared_runs: cannot write {out}", file=sys.stderr)
        return 2
    print(f"wrote {out}: {window.width()}x{window.height()}, earlier runs {window.lossView.earlier_run_labels()}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/compared-runs.png")))
