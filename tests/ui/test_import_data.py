"""File > Import data through the window (dialogs patched): a good file makes a network on it (the
output view fits the data: the plane for 2-D, a projection for more features, values for a
regression); a bad file gets one warning naming the line and column, and nothing changes."""

import pytest
from PySide6.QtWidgets import QFileDialog
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.engine.protocol import ModelChange
from playground.io import csv_data

TITLE = "Cannot import data"


@pytest.fixture(autouse=True)
def engine_in_a_thread(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")  # the reader's limits are patched in this process


def write(path, text: str):
    path.write_text(text)
    return path


def rows(n: int, features: int = 2, label=lambda i: "ab"[i % 2]) -> str:
    header = ",".join([f"f{j}" for j in range(1, features + 1)] + ["label"])
    lines = [",".join([*(str((i * 7 + j * 3) % 11 - 5) for j in range(features)), str(label(i))]) for i in range(n)]
    return header + "\n" + "\n".join(lines) + "\n"


def test_the_menu_imports_a_2d_classification_into_the_plane(qtbot, tmp_path, monkeypatch, message_boxes):
    w = open_window(qtbot)
    path = write(tmp_path / "mine.csv", rows(30))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    assert w.importDataAction.objectName() == "importDataAction" and w.importDataAction.toolTip()
    with qtbot.waitSignal(w.controller.modelChanged, timeout=RUN):
        w.importDataAction.trigger()
    info = w.controller.model
    assert info.reason is ModelChange.NEW and message_boxes == []
    assert (info.config.dataset, info.config.data, info.config.classes) == ("custom", str(path), 2)
    assert w.outputView.kind == "boundary2d" and w.outputView.drawer.picker.isVisible()
    assert w.statusBar().currentMessage() == f"Imported {path}: 30 points"
    assert w.controls.config == info.config


def test_five_features_show_a_projection(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)
    assert w.data.import_data(write(tmp_path / "five.csv", rows(30, features=5)))
    assert w.controller.model.sizes[0] == 5 and w.outputView.kind == "projection"
    assert not w.outputView.drawer.picker.isVisible()


def test_float_labels_make_a_regression(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)
    assert w.data.import_data(write(tmp_path / "values.csv", rows(30, label=lambda i: f"{i / 10:.1f}")))
    info = w.controller.model
    assert info.config.classes == 0 and info.dataset.task == "regression" and info.sizes[-1] == 1
    assert w.outputView.kind == "boundary2d"


BAD = {
    "number.csv": ("x1,x2,label\n1,2,a\n3,abc,b\n", 'number.csv line 3, column 2 ("x2"): "abc" is not a number'),
    "ragged.csv": ("x1,x2,label\n1,2,a\n3,4\n", "ragged.csv line 3: 2 values; expected 3, as many as the header has"),
    "one.csv": ("x1,x2,label\n1,2,a\n3,4,a\n",
                'one.csv column 3 ("label"): every row has the label "a"; a classification needs at least 2 classes'),
    "empty.csv": ("", "empty.csv: the file is empty; a data file has feature columns and a label column, one row "
                      "per point"),
    "picture.png": ("\x89PNG\r\n\x1a\n", "picture.png: not a CSV text file (it holds a PNG image); save the data as "
                                         "CSV: UTF-8 text, one row per point, values separated by commas"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_says_where_and_changes_nothing(qtbot, tmp_path, message_boxes, name):
    w = open_window(qtbot)
    before = w.controller.model
    text, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    assert w.data.import_data(path) is False
    assert message_boxes == [("warning", TITLE, message)]
    assert w.controller.model is before and w.controller.config.dataset == "xor"


def test_a_file_too_large_is_refused(qtbot, tmp_path, monkeypatch, message_boxes):
    w = open_window(qtbot)
    before = w.controller.model
    path = write(tmp_path / "big.csv", rows(3))
    monkeypatch.setattr(csv_data, "MAX_ROWS", 2)
    assert w.data.import_data(path) is False
    monkeypatch.setattr(csv_data, "MAX_BYTES", 10)
    assert w.data.import_data(path) is False
    assert message_boxes == [
        ("warning", TITLE, "big.csv: 3 data rows; allowed up to 2"),
        ("warning", TITLE, "big.csv: the file is 0.0 GB; data files up to 0 GB (and 2 rows) are allowed")]
    assert w.controller.model is before
