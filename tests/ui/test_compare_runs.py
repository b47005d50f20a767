"""Compare runs: earlier runs of the session as fainter curves, labelled with what differed, and
the Runs tab (show/hide, rename, bring back the settings, export CSV)."""

import csv
import dataclasses

from PySide6.QtCore import Qt
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.config import TrainConfig
from playground.engine.protocol import ModelChange
from playground.ui.runs import differences, settings_summary


def test_differences_name_what_the_old_run_had():
    base = TrainConfig(dataset="xor")
    assert differences(base, base) == ""
    old = dataclasses.replace(base, learning_rate=0.1)
    assert differences(old, base) == "lr 0.1"
    assert differences(base, dataclasses.replace(base, optimizer="sgd+momentum")) == "sgd"
    assert differences(dataclasses.replace(base, optimizer="adam"), base) == "adam"
    assert differences(dataclasses.replace(base, hidden=(16, 16)), base) == "16,16"
    assert differences(dataclasses.replace(base, hidden=()), base) == "no hidden layer"
    assert differences(dataclasses.replace(base, activation="relu"), base) == "relu"
    assert differences(dataclasses.replace(base, batch_size=32), base) == "batch 32"
    assert differences(dataclasses.replace(base, seed=3), base) == "seed 3"
    assert differences(dataclasses.replace(base, dataset="spiral"), base) == "dataset spiral"
    assert differences(dataclasses.replace(base, epochs=5, noise=0.25), base) == "noise 0.25, 5 epochs"
    assert differences(dataclasses.replace(base, regularization="l2", regularization_rate=0.01), base) == \
        "l2, reg. rate 0.01"
    assert settings_summary(base) == "xor, 8,8 tanh, sgd lr 0.03, batch 10"


def _model_change(qtbot, window, reason):
    return qtbot.waitSignal(window.controller.modelChanged, check_params_cb=lambda m: m.reason is reason,
                            timeout=10_000)


def test_an_earlier_run_is_drawn_listed_hidden_brought_back_and_exported(qtbot, tmp_path):
    window = open_window(qtbot, "xor")
    plot, table = window.lossView, window.runsTable
    window.controls.epochsInput.setValue(2)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN) as first:
        window.trainButton.click()
    summary = first.args[0]
    assert summary["status"] == "completed" and summary["epochs_run"] == 2
    assert plot.earlier_run_labels() == [] and table.table.rowCount() == 0
    final = window.runs._current.history[-1]
    assert final.epoch == 2 and final.train_loss == summary["train_loss"]
    old_config = window.controller.config

    combo = window.controls.optimizerInput
    with _model_change(qtbot, window, ModelChange.NEW):
        combo.setCurrentIndex(combo.findData("adam"))  # another optimizer: a new network
    assert window.controller.config.optimizer == "adam"
    assert differences(old_config, window.controller.config) == "sgd"

    # the loss plot: one earlier run, labelled with what it had that the current one has not
    assert plot.earlier_run_labels() == ["sgd"]
    curves = plot.earlier_curves()
    assert len(curves) == 1 and len(curves[0]) == 4 and all(c.isVisible() for c in curves[0])
    x, y = curves[0][0].xData, curves[0][0].yData  # all the points (getData clips to the view)
    assert list(x) == [1.0, 2.0] and y[-1] == final.train_loss
    assert "sgd" in plot.legend.text()

    # the Runs tab in the loss pane: one row with the run's final numbers
    assert plot.tabs.tabText(plot.tabs.indexOf(table)) == "Runs"
    t = table.table
    assert t.objectName() == "runsTable" and t.rowCount() == 1
    assert [t.item(0, c).text() for c in range(1, 6)] == [
        "sgd", "xor, 8,8 tanh, sgd lr 0.03, batch 10", f"{final.train_loss:.4f}", f"{final.test_loss:.4f}",
        f"{final.test_accuracy:.1%}"]
    assert t.item(0, 6).text() == f"{summary['steps_per_second']:.1f}"
    assert t.item(0, 7).text() == f"{summary['seconds']:.1f}"

    # hide: its curves go, and its legend entry
    t.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert not any(c.isVisible() for c in plot.earlier_curves()[0])
    assert plot.earlier_run_labels() == [] and "sgd" not in plot.legend.text()
    t.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert plot.earlier_run_labels() == ["sgd"]

    # rename
    t.item(0, 1).setText("baseline")
    assert plot.earlier_run_labels() == ["baseline"] and t.item(0, 1).text() == "baseline"

    # export CSV
    path = tmp_path / "runs.csv"
    table.export_csv(str(path))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Shown", "Run", "Settings", "Train loss", "Test loss", "Test accuracy", "Steps/s",
                       "Time (s)"]
    assert rows[1][:5] == ["yes", "baseline", "xor, 8,8 tanh, sgd lr 0.03, batch 10", f"{final.train_loss:.4f}",
                           f"{final.test_loss:.4f}"]
    assert len(rows) == 2

    # bring back: the run's settings become the current ones (a new network with them)
    t.selectRow(0)
    assert table.bringBackButton.isEnabled()
    with _model_change(qtbot, window, ModelChange.NEW) as back:
        table.bringBackButton.click()
    assert back.args[0].config == old_config and window.controller.config == old_config
    assert window.controls.config == old_config
    # the adam network was never trained: nothing to keep; the kept run now matches the current settings
    assert t.rowCount() == 1 and plot.earlier_run_labels() == ["baseline"]
