"""Sessions keep the runs: File > Save session stores the earlier runs (names, shown, histories,
summaries) and File > Open session brings them back into the Runs tab and the loss plot."""

import json

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from safetensors import safe_open
from safetensors.torch import save_file
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.engine.protocol import ModelChange
from playground.io.session import save_session


def train(qtbot, w) -> dict:
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN) as finished:
        w.trainButton.click()
    assert finished.args[0]["status"] == "completed" and finished.args[0]["epochs_run"] == 2
    return finished.args[0]


def choose(qtbot, w, combo, value) -> None:
    """Another setting that makes a new network: the trained one becomes an earlier run."""
    with qtbot.waitSignal(w.controller.modelChanged, timeout=10_000,
                          check_params_cb=lambda m: m.reason is ModelChange.NEW):
        combo.setCurrentIndex(combo.findData(value))


def opened(qtbot, w, path) -> None:
    with qtbot.waitSignal(w.controller.modelChanged, timeout=10_000,
                          check_params_cb=lambda m: m.reason is ModelChange.OPENED):
        assert w.open_path(path)


def curves(w) -> list[list[tuple]]:
    return [[(c.xData.tolist(), c.yData.tolist()) for c in run] for run in w.lossView.earlier_curves()]


def test_saved_runs_come_back_in_a_new_window_and_replace_the_runs_of_one_that_opens_them(
        qtbot, tmp_path, monkeypatch):
    w = open_window(qtbot, "xor")
    w.controls.epochsInput.setValue(2)
    first = train(qtbot, w)  # sgd, tanh
    choose(qtbot, w, w.controls.optimizerInput, "adam")
    train(qtbot, w)  # adam, tanh
    choose(qtbot, w, w.controls.activationInput, "relu")
    train(qtbot, w)  # adam, relu: the session's own network
    t = w.runsTable.table
    assert [t.item(r, 1).text() for r in range(t.rowCount())] == ["tanh, sgd", "tanh"]
    t.item(0, 1).setText("baseline")  # renamed
    t.item(1, 0).setCheckState(Qt.CheckState.Unchecked)  # hidden
    rows, drawn = w.runsTable.rows(), curves(w)
    assert rows[1][:4] == ["yes", "baseline", "xor, 8,8 tanh, sgd lr 0.03, batch 10",
                           f"{w.runs.runs[0].final.train_loss:.4f}"]
    assert rows[1][6:] == [f"{first['steps_per_second']:.1f}", f"{first['seconds']:.1f}"]
    assert rows[2][:2] == ["no", "tanh"] and len(rows) == 3
    assert w.lossView.earlier_run_labels() == ["baseline"]

    target = tmp_path / "compared.pgsession"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert w.save_session_dialog() == str(target)
    with safe_open(str(target), framework="pt") as f:
        saved = json.loads(f.metadata()["runs"])
    assert [(r["number"], r["name"], r["shown"], r["config"]["optimizer"]) for r in saved] == [
        (1, "baseline", True, "sgd"), (2, "", False, "adam")]

    # a new window: the same rows, names, shown flags, final losses; the same faint curves
    fresh = open_window(qtbot, "circle")
    assert fresh.runsTable.table.rowCount() == 0
    opened(qtbot, fresh, target)
    assert fresh.runsTable.rows() == rows
    assert fresh.lossView.tabs.indexOf(fresh.runsTable) >= 0
    assert fresh.lossView.earlier_run_labels() == ["baseline"]
    assert curves(fresh) == drawn
    assert [c.isVisible() for c in fresh.lossView.earlier_curves()[1]] == [False] * 4
    assert [r.number for r in fresh.runs.runs] == [1, 2]
    assert fresh.runs.runs[0].summary == w.runs.runs[0].summary
    assert fresh.runs.runs[0].history == w.runs.runs[0].history

    # the window that saved it opens it: its runs become the file's; its trained network (the same
    # settings as the file's) follows them, as any trained network a new one replaces
    opened(qtbot, w, target)
    t = w.runsTable.table
    assert [t.item(r, 1).text() for r in range(t.rowCount())] == ["baseline", "tanh", "run 3"]
    assert [t.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(3)] == [True, False, True]
    assert w.lossView.earlier_run_labels() == ["baseline", "run 3"]


def _session(tmp_path, name, runs=None) -> str:
    """A session saved by the io layer: without ``runs`` (as before runs were kept), or with these."""
    trainer = Trainer(get_preset("xor").config.replace(epochs=1), preset="xor")
    trainer.train_step()
    path = save_session(trainer, tmp_path / f"{name}.pgsession")
    if runs is not None:
        with safe_open(str(path), framework="pt") as f:
            tensors, meta = {k: f.get_tensor(k) for k in f.keys()}, dict(f.metadata())  # noqa: SIM118
        save_file(tensors, str(path), metadata={**meta, "runs": runs})
    return str(path)


def test_a_bad_runs_field_refuses_the_file_in_one_line_and_an_old_session_opens_without_runs(
        qtbot, tmp_path, message_boxes):
    w = open_window(qtbot, "xor")
    model = w.controller.model
    bad = _session(tmp_path, "bad", '[{"number": 1}]')
    assert not w.open_path(bad)
    assert message_boxes == [("warning", "Cannot open session", f"{bad}: runs[0].name is missing")]
    assert w.controller.model is model and w.runsTable.table.rowCount() == 0  # the network is kept

    old = _session(tmp_path, "old")
    opened(qtbot, w, old)
    assert w.controller.model.step == 1 and len(message_boxes) == 1
    assert w.runs.runs == [] and w.runsTable.table.rowCount() == 0
    assert w.lossView.tabs.indexOf(w.runsTable) < 0 and w.lossView.earlier_curves() == []
    assert not np.isnan(w.controller.model.step_losses).any()
