"""The device lesson's tool, under the lesson text: race the devices, and make the classic mistake.

**Race** asks the engine to train the current task on two hidden layers of 16, 64, 256 and 1024
neurons on every device present; the table fills in as each measurement arrives (steps per second,
the fastest device of each width in bold green). **Show the mistake** runs a model on one device
with data on another: the text shows the code, PyTorch's real error, why it happens, and the fix
(``x = x.to(device)``) with what it printed. Everything comes from the engine's events
(``deviceRaced``, ``deviceMismatchShown``); the view holds no tensor.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from playground.core.devices import known_devices
from playground.ui.theme import MUTED_TEXT, em

WIDTHS = (16, 64, 256, 1024)  # the race's networks: two hidden layers of each
WINNER_FILL, WINNER_TEXT = "#e8f5e9", "#1b5e20"
ERROR_TEXT = "#b71c1c"
CODE_FILL = "#eef0f2"


def compact(n: int) -> str:
    """1482 -> "1.5k", 1126410 -> "1.1M": a parameter count that fits a narrow column."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}M"
    if n >= 1000:
        return f"{n / 1e3:.1f}k" if n < 10_000 else f"{n / 1e3:.0f}k"
    return str(n)


def rate_text(steps_per_second: float) -> str:
    return f"{steps_per_second:,.0f}" if steps_per_second >= 10 else f"{steps_per_second:.1f}"


class DeviceRaceView(QWidget):
    """Race and mismatch, driven by an EngineClient (``race_devices``, ``show_device_mismatch``)."""

    def __init__(self, client, parent: QWidget | None = None, widths: tuple[int, ...] = WIDTHS):
        super().__init__(parent)
        self.setObjectName("deviceRaceView")
        self.client = client
        self.widths = tuple(widths)
        self._devices = [d.id for d in known_devices()]  # as the engine reported them
        self._results: dict[tuple[str, int], float] = {}
        self._parameters: dict[int, int] = {}
        self._racing = False
        self._race_seq = 0
        self._mismatch: Any = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.raceButton = QPushButton(self.tr("Race"), objectName="raceButton")
        self.raceButton.setToolTip(self.tr("Train the same task on every device, as the network widens"))
        self.raceButton.clicked.connect(self.race)
        layout.addLayout(_left(self.raceButton))
        self.statusLabel = QLabel(objectName="raceStatus")
        self.statusLabel.setWordWrap(True)
        layout.addWidget(self.statusLabel)
        self.raceTable = QTableWidget(objectName="raceTable")
        self.raceTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.raceTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.raceTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.raceTable.verticalHeader().hide()
        self.raceTable.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + em(self, 0.4))
        self.raceTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.raceTable.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.raceTable)
        self.captionLabel = QLabel(self.tr("Steps per second: two hidden layers of each width (more is faster)"),
                                   objectName="raceCaption")
        self.captionLabel.setWordWrap(True)
        self.captionLabel.setStyleSheet(f"color: {MUTED_TEXT}")
        layout.addWidget(self.captionLabel)

        self.mismatchButton = QPushButton(self.tr("Show the mistake"), objectName="mismatchButton")
        self.mismatchButton.setToolTip(self.tr("Run a model on one device with its data on another"))
        self.mismatchButton.clicked.connect(self.show_mistake)
        layout.addLayout(_left(self.mismatchButton))
        self.mismatchView = QTextBrowser(objectName="mismatchView")
        self.mismatchView.document().setDefaultStyleSheet(
            f"pre {{ font-family: monospace; background-color: {CODE_FILL}; white-space: pre-wrap; }}"
            f" .error {{ color: {ERROR_TEXT}; }} .hint {{ color: {MUTED_TEXT}; }} p {{ margin-bottom: 0.3em; }}")
        self.mismatchView.setHtml('<p class="hint">' + html.escape(self.tr(
            "Press \u201cShow the mistake\u201d: the model on one device, the data on another.")) + "</p>")
        self.mismatchView.setMinimumHeight(em(self, 6))
        self.mismatchView.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.mismatchView, 1)

        client.deviceRaced.connect(self._on_race)
        client.deviceMismatchShown.connect(self._on_mismatch)
        client.replied.connect(self._on_reply)
        client.stateChanged.connect(self._on_state)
        self._on_state(client.state.value)
        self._build_table()
        self._show_status()

    # -- what it shows (read-only) --------------------------------------------------------
    @property
    def devices(self) -> list[str]:
        """The table's device columns, in order (cpu first)."""
        return list(self._devices)

    @property
    def results(self) -> dict[tuple[str, int], float]:
        """Steps per second measured so far, by (device, width)."""
        return dict(self._results)

    @property
    def racing(self) -> bool:
        return self._racing

    @property
    def status_text(self) -> str:
        return self.statusLabel.text()

    @property
    def mismatch_text(self) -> str:
        """The mistake, the error, the explanation and the fix, as plain text."""
        return self.mismatchView.toPlainText()

    def cell_text(self, device: str, width: int) -> str:
        item = self.raceTable.item(self.widths.index(width), 2 + self._devices.index(device))
        return item.text() if item is not None else ""

    def winner(self, width: int) -> str | None:
        """The fastest device at ``width`` so far (None before any result)."""
        rates = {d: r for (d, w), r in self._results.items() if w == width}
        return max(rates, key=rates.get) if rates else None

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def race(self) -> None:
        """Clear the table and ask the engine for a new race."""
        self._results.clear()
        self._parameters.clear()
        self._build_table()
        self._racing = True
        self._race_seq = self.client.race_devices(self.widths)
        self._show_status()
        self._on_state(self.client.state.value)

    @Slot()
    def show_mistake(self) -> None:
        self.client.show_device_mismatch()

    # -- events ---------------------------------------------------------------------------
    @Slot(object)
    def _on_race(self, event) -> None:
        if event.device not in self._devices:  # the engine knows a device this process does not
            self._devices.append(event.device)
            self._build_table()
        self._results[(event.device, event.width)] = float(event.steps_per_second)
        self._parameters[event.width] = int(event.parameters)
        if event.width not in self.widths:
            self.widths = (*self.widths, event.width)
            self._build_table()
        self._fill_row(event.width)
        if event.done:
            self._racing = False
            self._on_state(self.client.state.value)
        self._show_status()

    @Slot(object)
    def _on_reply(self, reply) -> None:
        if reply.in_reply_to != self._race_seq or not self._racing and reply.ok:
            return
        self._racing = False
        self._on_state(self.client.state.value)
        self._show_status(None if reply.ok else reply.message)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        idle = state == "idle"
        self.raceButton.setEnabled(idle and not self._racing)
        self.raceButton.setToolTip(self.tr("Train the same task on every device, as the network widens") if idle
                                   else self.tr("Stop training first: the race needs the devices to itself"))

    @Slot(object)
    def _on_mismatch(self, event) -> None:
        self._mismatch = event
        gpus = [d for d in event.devices if d != "cpu"]
        device = gpus[0] if gpus else "meta"
        parts = []
        if not gpus:
            parts.append(self.tr("No GPU on this computer, so PyTorch\u2019s <code>meta</code> device (tensors with a "
                                 "shape but no numbers) stands in for the GPU: the same mistake, a real error. On a "
                                 "GPU the message begins \u201cExpected all tensors to be on the same device\u201d."))
        parts.append(_bold(self.tr("The mistake:")))
        parts.append(_pre(event.code))
        if event.error:
            parts.append(_bold(self.tr("PyTorch says:")))
            parts.append(_pre(event.error, "error"))
        else:
            parts.append(html.escape(self.tr("PyTorch raised no error here.")))
        parts.append(_bold(self.tr("Why:")) + " " + html.escape(self.tr(
            "model.to(device) moved the weights to {0}, but x was made on the cpu. A layer multiplies its input "
            "by its weights, and PyTorch only computes with tensors on the same device: it never moves them for "
            "you.").format(device)))
        parts.append(_bold(self.tr("The fix:")))
        parts.append(_pre(event.fixed_code))
        parts.append(_bold(self.tr("It prints:")))
        parts.append(_pre(event.fixed_result))
        self.mismatchView.setHtml("\n".join(p if p.startswith("<pre") else f"<p>{p}</p>" for p in parts))

    # -- drawing --------------------------------------------------------------------------
    def _build_table(self) -> None:
        t = self.raceTable
        t.clear()
        t.setColumnCount(2 + len(self._devices))
        t.setRowCount(len(self.widths))
        t.setHorizontalHeaderLabels([self.tr("Width"), self.tr("Params"), *self._devices])
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # width and params: as needed
        for col in range(2, t.columnCount()):  # the devices share the rest
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for row, width in enumerate(self.widths):
            item = QTableWidgetItem(str(width))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(row, 0, item)
            self._fill_row(width)
        height = header.sizeHint().height() + 2 * t.frameWidth()
        height += sum(t.verticalHeader().sectionSize(r) for r in range(t.rowCount()))
        t.setFixedHeight(height)

    def _fill_row(self, width: int) -> None:
        t, row = self.raceTable, self.widths.index(width)
        n = self._parameters.get(width)
        params = QTableWidgetItem(compact(n) if n else "")
        params.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if n:
            params.setToolTip(self.tr("Two hidden layers of {0} neurons: {1:,} weights and biases").format(width, n))
        t.setItem(row, 1, params)
        best = self.winner(width) if len(self._devices) > 1 else None
        for col, device in enumerate(self._devices, start=2):
            rate = self._results.get((device, width))
            item = QTableWidgetItem("" if rate is None else rate_text(rate))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if device == best:
                font = QFont(t.font())
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(QColor(WINNER_FILL)))
                item.setForeground(QBrush(QColor(WINNER_TEXT)))
            t.setItem(row, col, item)

    def _show_status(self, error: str | None = None) -> None:
        lines = []
        if self._devices == ["cpu"]:
            lines.append(self.tr("No GPU on this computer: only the CPU races."))
        if error:
            lines.append(self.tr("The race stopped: {0}").format(error))
        elif self._racing:
            lines.append(self.tr("Racing... {0} of {1} measured").format(
                len(self._results), len(self.widths) * len(self._devices)))
        elif self._results:
            lines.append(self._verdict())
        else:
            lines.append(self.tr("Press Race and predict: which device wins as the network widens?"))
        self.statusLabel.setText("\n".join(lines))

    def _verdict(self) -> str:
        """One line on the widest network raced: who won, and by how much."""
        widest = max(w for _, w in self._results)
        rates = {d: r for (d, w), r in self._results.items() if w == widest}
        best = max(rates, key=rates.get)
        cpu = rates.get("cpu")
        if best == "cpu" or not cpu:
            narrow = min(w for _, w in self._results)
            return self.tr("Done. The cpu went from {0} steps/s at width {1} to {2} at width {3}.").format(
                rate_text(self._results.get(("cpu", narrow), 0.0)), narrow, rate_text(rates.get("cpu", 0.0)), widest)
        return self.tr("Done. At width {0}, {1} is {2:.1f}\u00d7 as fast as the cpu.").format(
            widest, best, rates[best] / cpu)


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _pre(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<pre{attr}>{html.escape(text)}</pre>"


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


__all__ = ["DeviceRaceView", "WIDTHS", "compact", "rate_text"]
