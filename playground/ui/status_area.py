"""What the window says about the run in progress: the status bar's step line (its tooltip: what
each live view's probe costs) and epoch progress bar, the metrics line under the views (the
latest epoch's losses and accuracies) and presenter mode's large epoch counter.

It holds labels only and is told what to show by the window (``show_model``, ``show_snapshot``);
its strings keep the MainWindow's translation context: they were the window's before they moved
here.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from playground.ui.theme import em, scaled_font


def _longest_status() -> str:
    """The longest step line: the label is that wide from the start, so the window never widens
    when training starts."""
    return QCoreApplication.translate("MainWindow", "step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}").format(
        999_999, 99_999, 999, 59, 0.00001)


class StatusArea(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        # presenter mode: the epoch, large, above the views (as TensorFlow Playground shows it)
        self.epochCounter = QLabel(objectName="epochCounter")
        self.epochCounter.setAlignment(Qt.AlignCenter)
        self.epochCounter.hide()
        # the latest epoch's losses and accuracies: under the views, where a long line has room
        self.metricsLabel = QLabel(objectName="metricsLabel")
        self.metricsLabel.setWordWrap(True)
        self.metricsLabel.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.progressBar = QProgressBar(objectName="progressBar")
        self.progressBar.setFormat(QCoreApplication.translate("MainWindow", "epoch %v of %m"))
        self.statusLabel = QLabel(objectName="statusLabel")
        # Permanent widgets stay visible while a message shows on the left.
        window.statusBar().addPermanentWidget(self.statusLabel)
        window.statusBar().addPermanentWidget(self.progressBar)
        self.apply_zoom()

    def apply_zoom(self) -> None:
        """The sizes fixed here follow the window's font."""
        self.progressBar.setMaximumWidth(em(self.window, 12))
        self.statusLabel.setMinimumWidth(
            self.statusLabel.fontMetrics().horizontalAdvance(_longest_status()) + em(self.window, 0.5))
        self.epochCounter.setFont(scaled_font(self.window, 2.2, bold=True))

    # -- what the engine said ---------------------------------------------------------------
    def show_model(self, info) -> None:
        """A ModelInfo: its progress, its last epoch's metrics and its step."""
        self.show_progress(info.epoch, info.target_epochs)
        self.show_metrics(info.history[-1] if info.history else None)
        self.statusLabel.setText(QCoreApplication.translate("MainWindow", "step {0} - epoch {1}").format(
            info.step, info.epoch))

    def show_snapshot(self, snap) -> None:
        """A TrainSnapshot: progress, speed, time, learning rate, the probes' costs, new metrics."""
        self.show_progress(snap.epoch, snap.target_epochs)
        minutes, seconds = divmod(int(snap.elapsed), 60)
        self.statusLabel.setText(QCoreApplication.translate(
            "MainWindow", "step {0} - {1:.0f} steps/s - {2}:{3:02d} elapsed - lr {4:g}").format(
            snap.step, snap.steps_per_second, minutes, seconds, snap.learning_rate))
        if snap.probe_costs:
            self.statusLabel.setToolTip(self.probe_costs_text(snap.probe_costs))
        if snap.new_epochs:
            self.show_metrics(snap.new_epochs[-1])

    def show_progress(self, epoch: int, target: int) -> None:
        """``target`` 0: the run goes on until paused."""
        self.progressBar.setFormat(QCoreApplication.translate("MainWindow", "epoch %v of %m") if target
                                   else QCoreApplication.translate("MainWindow", "epoch %v, until paused"))
        self.progressBar.setRange(0, max(target, epoch, 1))
        self.progressBar.setValue(epoch)
        self.epochCounter.setText(QCoreApplication.translate("MainWindow", "Epoch {0}").format(f"{epoch:,}"))

    def probe_costs_text(self, costs) -> str:
        """What each live view's probe costs the training process: "Graph probe: 4.1 ms every 0.5 s (0.8%)"."""
        names = {"graph": QCoreApplication.translate("MainWindow", "Graph probe"),
                 "views": QCoreApplication.translate("MainWindow", "output views")}
        slowed = QCoreApplication.translate("MainWindow", ", slowed to keep training fast")
        return "; ".join(QCoreApplication.translate("MainWindow", "{0}: {1:.1f} ms every {2:.1f} s ({3:.1%})").format(
            names.get(name, name), cost.seconds * 1000, cost.every, cost.share) + (slowed if cost.slowed else "")
            for name, cost in costs.items())

    def show_metrics(self, m) -> None:
        """An EpochMetrics, or None for none yet. Drawn data with no test point left has no test
        loss (NaN) and no test accuracy: the line says so instead of "nan"."""
        if m is None:
            self.metricsLabel.setText("")
            return
        if m.test_loss is None or math.isnan(m.test_loss):
            text = QCoreApplication.translate("MainWindow", "train loss {0:.4f}   test loss \u2013 (no test points)").format(
                m.train_loss)
        else:
            text = QCoreApplication.translate("MainWindow", "train loss {0:.4f}   test loss {1:.4f}").format(
                m.train_loss, m.test_loss)
        if m.test_accuracy is not None:
            text += QCoreApplication.translate("MainWindow", "   train accuracy {0:.1%}   test accuracy {1:.1%}").format(
                m.train_accuracy, m.test_accuracy)
        elif m.train_accuracy is not None:
            text += QCoreApplication.translate("MainWindow", "   train accuracy {0:.1%}").format(m.train_accuracy)
        self.metricsLabel.setText(text)


__all__ = ["StatusArea"]
