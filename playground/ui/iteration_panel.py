"""One training iteration, phase by phase, beside the views: the article's loop with the line of the
current phase highlighted, what that phase did (with the numbers), and one gradient by the chain
rule next to autograd's ``.grad``.

It shows ``protocol.PhaseReport`` and ``core.gradient.GradientExplanation`` objects as they come;
it holds no state of the network beyond them. Everything below the title scrolls vertically, so a
low window cuts nothing, and the panel is as wide as the loop's longest line.
"""

from __future__ import annotations

import html
import math
import re

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QFontMetricsF, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.trace import short_op
from playground.ui.theme import MUTED_TEXT, em, scaled_font

# The body of the article's loop (for x, y in loader: ...); each phase is one of its lines. No
# indentation: the panel stays narrow enough to sit beside the views at 1024 x 768.
CODE = ("output = net(x)", "loss = criterion(output, y)", "optimizer.zero_grad()", "loss.backward()",
        "optimizer.step()")
PHASE_LINES = {"forward": 0, "loss": 1, "zero_grad": 2, "backward": 3, "step": 4}
CODE_SIZE = 0.9  # the loop's font, as a share of the panel's
LINE_FILL = "#fde68a"  # the current phase's line (a marker's yellow: reads on a projector)
AGREE_TEXT, DISAGREE_TEXT = "#1b5e20", "#b71c1c"
SAMPLES_SHOWN = 4  # rows of the explanation's table of samples
ORDER_SHOWN = 12  # backward: the first nodes autograd ran, by name


def num(x: float | None, digits: int = 4) -> str:
    if x is None:
        return "None"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.{digits}g}" if x == 0 or 1e-3 <= abs(x) < 1e5 else f"{x:.{max(1, digits - 2)}e}"


class CodeView(QPlainTextEdit):
    """The loop, read-only, monospace, exactly as tall and wide as its lines."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("codeView")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setPlainText("\n".join(CODE))
        self.line: int | None = None

    def fit_to(self, point_size: float) -> None:
        """Monospace at ``point_size`` (the panel's text size), and sized to show every line whole."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(point_size)
        self.setFont(font)
        fm = QFontMetricsF(font)
        frame = 2 * self.frameWidth() + 2 * self.document().documentMargin()
        self.setMinimumWidth(math.ceil(max(fm.horizontalAdvance(t) for t in CODE) + frame + fm.averageCharWidth()))
        self.setFixedHeight(math.ceil(fm.lineSpacing() * len(CODE) + frame + 2))

    def highlight(self, line: int | None) -> None:
        self.line = line
        if line is None:
            self.setExtraSelections([])
            return
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(QColor(LINE_FILL))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(self.document().findBlockByNumber(line))
        sel.cursor = cursor
        self.setExtraSelections([sel])

    def highlighted_text(self) -> str:
        return CODE[self.line].strip() if self.line is not None else ""


class IterationPanel(QWidget):
    """``show_phase(report)`` and ``show_explanation(explanation)``; ``closeRequested`` from its ×."""

    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("iterationPanel")
        self._phase = ""
        self._names: dict[str, str] = {}  # node id -> a short name, from the last graph seen
        self.titleLabel = QLabel(self.tr("One iteration, phase by phase"), objectName="iterationTitle")
        self.titleLabel.setWordWrap(True)
        self.closeButton = QToolButton(objectName="iterationCloseButton", text="\u00d7", autoRaise=True)
        self.closeButton.setToolTip(self.tr("Close this panel (View menu: open it again)"))
        self.closeButton.clicked.connect(self.closeRequested)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.titleLabel, 1)
        head.addWidget(self.closeButton, 0, Qt.AlignmentFlag.AlignTop)

        self.codeView = CodeView()
        self.codeView.setToolTip(self.tr("The body of the training loop (for x, y in loader:); the highlighted "
                                         "line is the phase shown"))
        self.phaseDetails = self._label("phaseDetails")
        self.gradientExplanation = self._label("gradientExplanation")
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, em(self, 0.3), 0)
        inner.addWidget(self.phaseDetails)
        rule = QFrame(frameShape=QFrame.Shape.HLine, frameShadow=QFrame.Shadow.Sunken)
        inner.addWidget(rule)
        inner.addWidget(self.gradientExplanation)
        inner.addStretch(1)
        self.scroll = QScrollArea(objectName="iterationScroll")
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.codeView)  # above the scrolling part: always in sight, and no scroll bar beside it
        layout.addWidget(self.scroll, 1)
        self._apply_fonts()
        self.clear()

    def sizeHint(self) -> QSize:
        """Room for the loop and a comfortable column of text; a small screen gets the minimum."""
        return QSize(max(self.minimumWidth(), em(self, 22)), em(self, 30))

    def _label(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _apply_fonts(self) -> None:
        self.titleLabel.setFont(scaled_font(self, 1.15, bold=True))
        self.codeView.fit_to(self.font().pointSizeF() * CODE_SIZE)
        self.setMinimumWidth(max(em(self, 14), self.codeView.minimumWidth()))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "codeView"):
            self._apply_fonts()

    # -- what it shows (read-only) --------------------------------------------------------
    def current_phase(self) -> str:
        """The phase shown ("" before the first)."""
        return self._phase

    def highlighted_line(self) -> str:
        """The highlighted line of the loop, e.g. "loss.backward()" ("" when none is)."""
        return self.codeView.highlighted_text()

    def details_text(self) -> str:
        return _plain(self.phaseDetails.text())

    def explanation_text(self) -> str:
        return _plain(self.gradientExplanation.text())

    def clipped_texts(self) -> list[str]:
        return [w.text() for w in (self.titleLabel,) if w.isVisible() and w.height() < w.heightForWidth(w.width())]

    # -- input ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Before the first phase: how to start."""
        self._phase = ""
        self.codeView.highlight(None)
        self.phaseDetails.setText(html.escape(self.tr(
            "Phase \u25b8 (Shift+N) runs the next phase of one mini-batch: forward, loss, zero_grad, backward, "
            "step. The graph shows each as it happens.")))
        self.gradientExplanation.setText(html.escape(self.tr(
            "Click a weight (an edge in the Network view) or a parameter in the graph to see its gradient "
            "worked out by the chain rule, beside autograd's .grad.")))

    def interrupt(self) -> None:
        """A run or an ordinary step took the network on: no phase is current any more."""
        if self._phase:
            self._phase = ""
            self.codeView.highlight(None)

    def show_phase(self, r) -> None:
        """One ``protocol.PhaseReport``."""
        self._phase = r.phase
        self.codeView.highlight(PHASE_LINES.get(r.phase))
        if r.graph is not None:
            self._names = {n.id: (n.param or short_op(n.op) if n.kind in ("param", "op") else n.label)
                           for n in r.graph.nodes}
        parts = []
        if r.model_changed:
            parts.append(_p(self.tr("The network changed since this batch began, so the batch started over.")))
        parts += getattr(self, f"_{r.phase}")(r)
        self.phaseDetails.setText("".join(parts))

    def _forward(self, r) -> list[str]:
        count = len(r.graph.nodes) if r.graph is not None else 0
        out = [_h(self.tr("1. Forward: output = net(x)")),
               _p(self.tr("The batch of {0} samples went through the network, layer by layer. Autograd recorded "
                          "every operation as a node of the graph ({1} nodes so far), with what backward will "
                          "need.").format(r.batch_size, count))]
        last = (r.node_values or {}).get(r.order[-1]) if r.order else None
        if last:
            shape = "\u00d7".join(str(s) for s in last.get("shape") or [])
            values = ", ".join(num(float(v), 3) for v in (last.get("values") or [])[:4])
            out.append(_p(self.tr("The output: [{0}], starting {1}").format(shape, values)))
        return out

    def _loss(self, r) -> list[str]:
        return [_h(self.tr("2. Loss: loss = criterion(output, y)")),
                _p(self.tr("The loss compares the output with the targets y: {0}. Its grad_fn is where "
                           "backward() will start.").format(num(r.loss, 6)))]

    def _zero_grad(self, r) -> list[str]:
        after = dict(r.grads_after or {})
        zero = any(v is not None for v in after.values())
        out = [_h(self.tr("3. optimizer.zero_grad()")),
               _p(self.tr("Backward adds to .grad, so the last step's gradients are cleared first: every .grad "
                          "is now zero.") if zero else
                  self.tr("Backward adds to .grad, so the last step's gradients are cleared first: every .grad "
                          "is now None."))]
        rows = [(name, num(before), num(after.get(name))) for name, before in (r.grad_norms or {}).items()]
        out.append(_table([self.tr("parameter"), self.tr("|grad| before"), self.tr("after")], rows))
        return out

    def _backward(self, r) -> list[str]:
        names = [self._names.get(nid, nid) for nid in r.order]
        shown = " \u2192 ".join(html.escape(n) for n in names[:ORDER_SHOWN])
        if len(names) > ORDER_SHOWN:
            shown += " \u2192 \u2026"
        out = [_h(self.tr("4. loss.backward()")),
               _p(self.tr("Autograd walked the graph from the loss back to every parameter, applying the chain "
                          "rule at each node, in this order ({0} nodes):").format(len(names))),
               f"<p><code>{shown}</code></p>"]
        rows = [(nid.removeprefix("param:"), num(v)) for nid, v in (r.grad_norms or {}).items()
                if nid.startswith("param:")]
        out.append(_table([self.tr("parameter"), self.tr("|grad|")], rows))
        return out

    def _step(self, r) -> list[str]:
        out = [_h(self.tr("5. optimizer.step()")),
               _p(self.tr("Every parameter moved against its gradient. This was step {0}; the network is where "
                          "one Step would have put it.").format(r.step))]
        out.append(_table([self.tr("parameter"), self.tr("|change|")],
                          [(k, num(v)) for k, v in (r.changes or {}).items()]))
        u = r.update
        if u is not None:
            index = ", ".join(str(i) for i in u.index)
            out.append(_p(self.tr("One weight, {0}[{1}], with {2} (lr {3}):").format(u.param, index, u.optimizer,
                                                                                    num(u.lr))))
            out.append(f"<p><code>{html.escape(u.formula)}</code><br><code>{html.escape(u.expression)}</code></p>")
            extra = [(k, v) for k, v in u.terms if k not in ("w", "grad", "lr", "w_new")]  # the expression has those
            if extra:
                out.append(_p(", ".join(f"{k} = {num(v, 6)}" for k, v in extra)))
        return out

    def show_explanation(self, e) -> None:
        """One ``core.gradient.GradientExplanation``."""
        index = ", ".join(str(i) for i in e.index)
        parts = [_h(self.tr("Why {0}[{1}].grad is what it is").format(e.param, index)),
                 f"<p><code>{html.escape(e.formula)}</code></p>"]
        if e.applications == 0:
            parts.append(_p(self.tr("{0} did not run in this forward pass, so its gradient is zero.").format(e.layer)))
        elif e.applications > 1:
            parts.append(_p(self.tr("{0} ran {1} times in this forward pass: each use adds its own terms.").format(
                e.layer, e.applications)))
        if e.path:
            parts.append(_p(self.tr("Sample 0, from the loss back to the weight:")))
            parts += [f"<p>{k}. {html.escape(t.label)} = <b>{num(t.value, 6)}</b><br>"
                      f"<span style='color:{MUTED_TEXT}'>{html.escape(t.formula)}</span></p>"
                      for k, t in enumerate(e.path, start=1)]
        if e.samples:
            a = "1" if e.kind == "bias" else "a_j"
            parts.append(_p(self.tr("The first samples, {0} \u00d7 delta_i:").format(a)))
            lines = [f"{b}: {num(s[0], 4)} \u00d7 {num(s[1], 4)} = {num(s[2], 4)}"
                     for b, s in enumerate(e.samples[:SAMPLES_SHOWN])]
            if e.batch_size > len(lines):
                lines.append("\u2026")
            parts.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
        color = AGREE_TEXT if e.agree else DISAGREE_TEXT
        verdict = (self.tr("They agree to {0}.") if e.agree else self.tr("They differ by {0}.")).format(f"{e.difference:.0e}")
        chain = self.tr("Chain rule, summed over {0} samples:").format(e.batch_size)
        autograd = self.tr("w.grad from autograd:")
        parts.append(f"<p>{html.escape(chain)}<br>"
                     f"<code><b>{e.chain_value:.9g}</b></code><br>"
                     f"{html.escape(autograd)}<br>"
                     f"<code><b>{e.autograd_value:.9g}</b></code></p>"
                     f"<p style='color:{color}'><b>{html.escape(verdict)}</b></p>")
        self.gradientExplanation.setText("".join(parts))


def _h(text: str) -> str:
    return f"<p><b>{html.escape(text)}</b></p>"


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _table(head: list[str], rows: list[tuple[str, ...]]) -> str:
    if not rows:
        return ""
    th = "".join(f"<td style='color:{MUTED_TEXT}'>{html.escape(h)}</td>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='2'><tr>{th}</tr>{body}</table>"


def _plain(rich: str) -> str:
    """Rich text as the words it shows (tags dropped, entities read), for tests and the clipboard."""
    text = re.sub(r"<br>|</p>|</tr>|</li>", "\n", rich)
    text = re.sub(r"</td>", " ", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


__all__ = ["CODE", "PHASE_LINES", "CodeView", "IterationPanel"]
