"""The device lesson's tool in the lesson panel: Race fills a table of steps per second live, "Show
the mistake" shows the code, PyTorch's error, why, and the fix; it fits a projector's 1024 x 768."""

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget
from test_layout import layout_problems  # noqa: E402  (tests/ui/test_layout.py)
from windows import START, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.devices import DeviceInfo, list_devices
from playground.engine import protocol as p
from playground.engine.protocol import RunState
from playground.ui.lesson_panel import LessonPanel
from playground.ui.views import device_race
from playground.ui.views.device_race import WINNER_FILL, DeviceRaceView, compact, rate_text

CPU_ONLY = [d.id for d in list_devices()] == ["cpu"]


@pytest.fixture(autouse=True)
def no_user_lessons(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_LESSONS_DIR", str(tmp_path / "none"))


class FakeClient(QObject):
    """What the view uses of an EngineClient, answering nothing by itself."""

    deviceRaced = Signal(object)
    deviceMismatchShown = Signal(object)
    replied = Signal(object)
    stateChanged = Signal(str)

    def __init__(self):
        super().__init__()
        self.state = RunState.IDLE
        self.sent: list[tuple] = []

    def race_devices(self, widths=(16, 64, 256, 1024), steps=30):
        self.sent.append(("race", tuple(widths)))
        return len(self.sent)

    def show_device_mismatch(self):
        self.sent.append(("mismatch",))
        return len(self.sent)


def make_view(qtbot, monkeypatch, devices):
    monkeypatch.setattr(device_race, "known_devices", lambda: [DeviceInfo(d, d) for d in devices])
    client = FakeClient()
    view = DeviceRaceView(client)
    qtbot.addWidget(view)
    return view, client


def test_compact_counts_and_rates():
    assert [compact(n) for n in (0, 999, 1482, 9000, 85002, 1126410)] == ["0", "999", "1.5k", "9.0k", "85k", "1.1M"]
    assert [rate_text(r) for r in (3376.2, 98.4, 2.25)] == ["3,376", "98", "2.2"]


def test_the_table_fills_in_live_and_the_fastest_device_is_marked(qtbot, monkeypatch):
    view, client = make_view(qtbot, monkeypatch, ["cpu", "cuda:0"])
    assert view.objectName() == "deviceRaceView" and view.devices == ["cpu", "cuda:0"]
    assert view.status_text == "Press Race and predict: which device wins as the network widens?"
    view.raceButton.click()
    assert client.sent == [("race", (16, 64, 256, 1024))] and view.racing and not view.raceButton.isEnabled()
    assert view.status_text == "Racing... 0 of 8 measured"
    table = view.raceTable
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == ["Width", "Params", "cpu",
                                                                                          "cuda:0"]
    rates = {16: (3000.0, 1500.0), 64: (2500.0, 1500.0), 256: (1600.0, 1400.0), 1024: (100.0, 1000.0)}
    params = {16: 1482, 64: 8970, 256: 85002, 1024: 1126410}
    for width, (cpu, gpu) in rates.items():
        client.deviceRaced.emit(p.DeviceRace("cpu", width, cpu, False, params[width]))
        assert view.cell_text("cpu", width) == rate_text(cpu) and view.cell_text("cuda:0", width) == ""
        client.deviceRaced.emit(p.DeviceRace("cuda:0", width, gpu, width == 1024, params[width]))
    assert not view.racing and view.raceButton.isEnabled()
    assert view.results == {(d, w): r[i] for w, r in rates.items() for i, d in enumerate(["cpu", "cuda:0"])}
    assert [table.item(r, 1).text() for r in range(4)] == ["1.5k", "9.0k", "85k", "1.1M"]
    assert [view.winner(w) for w in rates] == ["cpu", "cpu", "cpu", "cuda:0"]
    winner = table.item(3, 3)
    assert winner.text() == "1,000" and winner.font().bold() and winner.background().color().name() == WINNER_FILL
    assert not table.item(3, 2).font().bold()
    assert view.status_text == "Done. At width 1024, cuda:0 is 10.0× as fast as the cpu."


def test_a_cpu_only_machine_says_so_and_a_refused_race_says_why(qtbot, monkeypatch):
    view, client = make_view(qtbot, monkeypatch, ["cpu"])
    assert view.status_text == ("No GPU on this computer: only the CPU races.\n"
                                "Press Race and predict: which device wins as the network widens?")
    view.raceButton.click()
    client.replied.emit(p.Reply(1, False, "cannot race the devices while running", field="state"))
    assert not view.racing and view.raceButton.isEnabled()
    assert view.status_text == ("No GPU on this computer: only the CPU races.\n"
                                "The race stopped: cannot race the devices while running")
    client.stateChanged.emit("running")
    assert not view.raceButton.isEnabled()
    client.stateChanged.emit("idle")
    assert view.raceButton.isEnabled()


def test_the_mistake_shows_code_error_why_and_fix(qtbot, monkeypatch):
    view, client = make_view(qtbot, monkeypatch, ["cpu"])
    assert view.mismatch_text == "Press “Show the mistake”: the model on one device, the data on another."
    view.mismatchButton.click()
    assert client.sent == [("mismatch",)]
    client.deviceMismatchShown.emit(p.DeviceMismatch(
        ("cpu", "cuda:0"), "model = M().to(device)\ny = model(x)", "RuntimeError: Expected all tensors <here>",
        "x = x.to(device)\ny = model(x)", "torch.Size([1, 2]) cuda:0"))
    assert view.mismatch_text.splitlines() == [
        "The mistake:", "model = M().to(device)", "y = model(x)",
        "PyTorch says:", "RuntimeError: Expected all tensors <here>",
        "Why: model.to(device) moved the weights to cuda:0, but x was made on the cpu. A layer multiplies its "
        "input by its weights, and PyTorch only computes with tensors on the same device: it never moves them "
        "for you.",
        "The fix:", "x = x.to(device)", "y = model(x)",
        "It prints:", "torch.Size([1, 2]) cuda:0",
    ]
    client.deviceMismatchShown.emit(p.DeviceMismatch(("cpu",), "c", "RuntimeError: e", "f", "r", "note"))
    assert view.mismatch_text.startswith("No GPU on this computer, so PyTorch’s meta device")
    assert "moved the weights to meta" in view.mismatch_text


def test_the_panel_holds_one_tool_under_the_text(qtbot):
    panel = LessonPanel()
    qtbot.addWidget(panel)
    first = QLabel("tool")
    panel.set_tool(first, "device-race")
    assert panel.tool is first and panel.tool_name == "device-race"
    layout = panel.layout()
    assert layout.indexOf(first) == layout.indexOf(panel.textView) + 1
    with qtbot.waitSignal(first.destroyed, timeout=5000):
        panel.set_tool(None)
    assert panel.tool is None and panel.tool_name is None


def _panel_problems(window) -> list[str]:
    names = {w.objectName() or type(w).__name__ for w in window.lessonPanel.findChildren(QWidget)}
    names.add("lessonPanel")
    return [line for line in layout_problems(window) if any(name in line.split() for name in names)]


def test_the_device_lesson_races_and_shows_the_mistake_in_a_1024x768_window(qtbot):
    window = open_window(qtbot, "xor")
    window.remember_geometry = False
    window.resize(1024, 768)
    assert window.open_lesson("device")
    view = window.lessonPanel.tool
    assert isinstance(view, DeviceRaceView) and view.objectName() == "deviceRaceView"
    assert window.findChild(DeviceRaceView, "deviceRaceView") is view and view.isVisibleTo(window)
    assert view.devices == [d.id for d in list_devices()]

    with qtbot.waitSignal(window.controller.deviceRaced, check_params_cb=lambda e: e.done, timeout=START) as last:
        view.raceButton.click()
    assert last.args[0].width == 1024
    assert sorted(w for d, w in view.results if d == "cpu") == [16, 64, 256, 1024]
    assert all(rate > 0 for rate in view.results.values())
    assert all(view.cell_text("cpu", w) == rate_text(view.results[("cpu", w)]) for w in (16, 64, 256, 1024))
    assert not view.racing
    qtbot.waitUntil(view.raceButton.isEnabled, timeout=START)
    if CPU_ONLY:
        assert view.status_text.startswith("No GPU on this computer: only the CPU races.\nDone. The cpu went from ")

    with qtbot.waitSignal(window.controller.deviceMismatchShown, timeout=START) as shown:
        view.mismatchButton.click()
    event = shown.args[0]
    text = view.mismatch_text
    assert event.error in text and event.fixed_result in text
    assert "x = x.to(device)  # the fix: data goes where the model is" in text
    assert text.index("The mistake:") < text.index(event.error) < text.index("The fix:") < text.index(
        event.fixed_result)

    qtbot.waitUntil(lambda: _panel_problems(window) == [], timeout=5000)
    assert (window.width(), window.height()) == (1024, 768)
    assert not view.raceTable.horizontalScrollBar().isVisible()
    assert view.raceTable.viewport().height() >= sum(view.raceTable.rowHeight(r) for r in range(4))

    assert window.open_lesson("xor")  # another lesson: no tool
    assert window.lessonPanel.tool is None
    assert window.findChild(DeviceRaceView) is None or not window.findChild(DeviceRaceView).isVisibleTo(window)
    window.lessons.close()
    assert window.lessonPanel.tool is None


def test_the_winner_font_is_bold_only_with_a_rival(qtbot, monkeypatch):
    view, client = make_view(qtbot, monkeypatch, ["cpu"])
    view.raceButton.click()
    client.deviceRaced.emit(p.DeviceRace("cpu", 16, 50.0, False, 10))
    assert not view.raceTable.item(0, 2).font().bold()
    assert view.winner(16) == "cpu" and view.status_text.endswith("Racing... 1 of 4 measured")
