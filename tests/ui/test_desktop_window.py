"""The desktop features of the window (step 13): its icon, File > Open recent, dropped files, and the
config of the last window shown again on the next start."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog
from safetensors.torch import load_file
from windows import RUN, START, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.app import app_icon, create_window, icon_path
from playground.engine.protocol import ModelChange
from playground.ui import recent
from playground.ui.settings import last_config, restore_last_config


def rows(n: int) -> str:
    lines = ["x1,x2,label"]
    for i in range(n):
        a = 2 * math.pi * i / n
        lines.append(f"{math.cos(a):.3f},{math.sin(a):.3f},{'in' if i % 2 else 'out'}")
    return "\n".join(lines) + "\n"


def test_the_icon_loads_as_svg_and_is_the_applications(qtbot):
    assert icon_path().is_file() and icon_path().suffix == ".svg"
    icon = QIcon(str(icon_path()))
    assert not icon.isNull()
    for size in (16, 32, 64, 256):
        pixmap = icon.pixmap(size)
        assert not pixmap.isNull() and pixmap.width() == size
    image = icon.pixmap(64).toImage()
    assert image.pixelColor(32, 32).alpha() > 0  # drawn, not blank
    assert not app_icon().isNull()
    w = create_window("xor")
    qtbot.addWidget(w)
    w.ask_before_closing = False
    w.remember_geometry = False
    QApplication.instance().setWindowIcon(app_icon())  # as make_app does
    assert not w.windowIcon().isNull()


def test_open_recent_lists_what_was_opened_most_recent_first_and_opens_it(qtbot, tmp_path, monkeypatch):
    w = open_window(qtbot)
    w.ask_before_closing = False
    menu = w.openRecentMenu
    assert menu.objectName() == "openRecentMenu" and menu.menuAction() in w.fileMenu.actions()
    assert w.fileMenu.actions().index(menu.menuAction()) == w.fileMenu.actions().index(w.openAction) + 1
    menu.aboutToShow.emit()
    assert not w.clearRecentAction.isEnabled()

    config = tmp_path / "run.json"
    config.write_text(w.controller.config.replace(hidden=(3,)).to_json())
    data = tmp_path / "mine.csv"
    data.write_text(rows(40))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(config), "")))
    w.openAction.trigger()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(data), "")))
    w.importDataAction.trigger()
    weights = tmp_path / "w.safetensors"
    assert w.export_to(weights)  # an export is not recorded; a session or config saved is
    session = tmp_path / "s.pgsession"
    assert w.export_to(session)
    assert recent.recent_files() == [str(session), str(data), str(config)]
    assert w.import_weights(weights)
    assert recent.recent_files()[:2] == [str(weights), str(session)]

    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(weights), str(session), str(data), str(config)]
    assert entries[0].text().endswith("w.safetensors")
    assert w.clearRecentAction.isEnabled() and menu.actions()[-1] is w.clearRecentAction

    # clicking the config opens it through File > Open's flow; it moves to the top
    entries[3].trigger()
    qtbot.waitUntil(lambda: w.controller.model.config.hidden == (3,), timeout=RUN)
    assert w.statusBar().currentMessage() == f"Loaded config {config}"
    assert recent.recent_files()[0] == str(config)

    # a file that has gone is dropped from the list
    data.unlink()
    menu.aboutToShow.emit()
    assert str(data) not in [a.data() for a in menu.actions()]

    w.clearRecentAction.trigger()
    assert recent.recent_files() == []
    assert not w.clearRecentAction.isEnabled()


def test_open_recent_keeps_eight(qtbot, tmp_path):
    for i in range(10):
        path = tmp_path / f"c{i}.json"
        path.write_text("{}")
        recent.add_recent(path)
    assert recent.recent_files() == [str(tmp_path / f"c{i}.json") for i in range(9, 1, -1)]
    recent.add_recent(tmp_path / "c5.json")
    assert recent.recent_files()[:2] == [str(tmp_path / "c5.json"), str(tmp_path / "c9.json")]
    recent.clear_recent()


_mimes = []  # each event's data, alive as long as the test (the events point at it)


def _drop(w, paths, kind=QEvent.Drop):
    """A drag of ``paths`` entering the window, then (``kind`` Drop) dropped: Qt delivers a drop only to
    the widget that accepted the drag's entry."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _mimes.append(mime)
    event = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(w, event)
    if kind == QEvent.Drop:
        event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(w, event)
    return event


def test_dropped_files_open_or_import_and_others_are_refused(qtbot, tmp_path):
    w = open_window(qtbot)
    w.ask_before_closing = False
    assert w.acceptDrops()
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert not _drop(w, [text], QEvent.DragEnter).isAccepted()
    message = w.statusBar().currentMessage()
    assert message.startswith("Cannot open notes.txt") and "\n" not in message
    assert not _drop(w, [text]).isAccepted()
    assert w.dropFilter.opened == []

    # a CSV file: imported as data
    data = tmp_path / "mine.csv"
    data.write_text(rows(40))
    assert _drop(w, [data], QEvent.DragEnter).isAccepted()
    assert _drop(w, [data]).isAccepted()
    qtbot.waitUntil(lambda: w.dropFilter.opened == [(str(data), True)], timeout=RUN)
    assert w.controller.config.dataset == "custom"

    # weights: loaded into the current network
    weights = tmp_path / "w.safetensors"
    assert w.export_to(weights)
    _drop(w, [weights])
    qtbot.waitUntil(lambda: len(w.dropFilter.opened) == 2, timeout=RUN)
    assert w.dropFilter.opened[-1] == (str(weights), True)
    assert load_file(weights).keys()

    # a config: opened as File > Open opens it
    config = tmp_path / "run.json"
    config.write_text(w.controller.config.replace(dataset="xor", data="", classes=None, hidden=(5,)).to_json())
    _drop(w, [text, config])  # the first file the window reads
    qtbot.waitUntil(lambda: len(w.dropFilter.opened) == 3, timeout=RUN)
    assert w.dropFilter.opened[-1] == (str(config), True)
    info = w.controller.model
    assert info.reason is ModelChange.NEW and info.config.hidden == (5,)

    # a session
    session = tmp_path / "s.pgsession"
    assert w.export_to(session)
    _drop(w, [session])
    qtbot.waitUntil(lambda: len(w.dropFilter.opened) == 4, timeout=RUN)
    assert w.dropFilter.opened[-1] == (str(session), True)
    assert recent.recent_files()[0] == str(session)


def test_the_last_config_is_shown_again_on_the_next_start(qtbot):
    assert last_config() is None
    first = create_window("xor")
    qtbot.addWidget(first)
    first.ask_before_closing = False
    first.show()
    qtbot.waitUntil(lambda: first.controller.model is not None, timeout=START)
    changed = first.controller.config.replace(hidden=(6, 2), learning_rate=0.05)
    first.controller.set_config(changed, None)
    first.controls.set_config(changed, None)
    qtbot.waitUntil(lambda: first.controller.model.config == changed, timeout=RUN)
    assert first.close()
    assert last_config() == (changed, None)

    second = create_window()  # as `playground` with no preset, lesson or file
    qtbot.addWidget(second)
    second.ask_before_closing = False
    second.remember_geometry = False
    second.show()
    assert restore_last_config(second)
    qtbot.waitUntil(lambda: second.controller.model is not None and second.controller.model.config == changed,
                    timeout=START)
    assert second.controls.layerSizesInput.text().replace(" ", "") == "6,2"
