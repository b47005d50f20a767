"""The lesson beside the views: its title, its text, a hands-on tool under the text for lessons
that have one (``set_tool``; LessonFlow builds it), and its goal with a visible "goal reached"."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from playground.core.lessons import Lesson
from playground.ui.theme import MUTED_TEXT, em, scaled_font

# "Goal reached" must read from the back of a classroom: dark green on pale green, bold.
REACHED_TEXT, REACHED_FILL, REACHED_BORDER = "#1b5e20", "#e8f5e9", "#2e7d32"
GOAL_FILL, GOAL_BORDER = "#f5f6f7", "#c9ccd1"
CODE_FILL = "#eef0f2"


def text_to_html(text: str) -> str:
    """Lesson text as rich text: blank lines part paragraphs, lines starting "- " are a list,
    `code` is monospace and **this** is bold. Everything else is escaped."""
    blocks = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in para.strip().splitlines()]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif lines:
            blocks.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return "\n".join(blocks)


def _inline(text: str) -> str:
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: show it as it is
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<code>{html.escape(part)}</code>")
        else:
            out.append(re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(part)))
    return "".join(out)


class LessonPanel(QWidget):
    """Shows one lesson; ``set_result`` after each run checks its goal and says when it is reached."""

    goalReached = Signal(str)  # the lesson's name, once per lesson when its goal is first reached

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self._lesson: Lesson | None = None
        self._lang = "en"
        self._reached = False
        self._result = ""
        self._tool: QWidget | None = None
        self._tool_name: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(objectName="lessonTitle")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setFont(scaled_font(self, 1.3, bold=True))
        self.textView = QTextBrowser(objectName="lessonText")  # rich text, wraps, scrolls
        self.textView.setOpenExternalLinks(True)
        self.textView.document().setDefaultStyleSheet(
            f"code {{ font-family: monospace; background-color: {CODE_FILL}; }} p {{ margin-bottom: 0.6em; }}")
        self.textView.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        self.textView.setMinimumWidth(em(self, 14))
        self.goalLabel = QLabel(objectName="lessonGoal")
        self.goalLabel.setWordWrap(True)
        self.goalLabel.setFont(scaled_font(self, 1.15))
        self.resultLabel = QLabel(objectName="lessonResult")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setStyleSheet(f"color: {MUTED_TEXT}")
        layout.addWidget(self.titleLabel)
        layout.addWidget(self.textView, 1)
        self._tool_index = layout.count()  # a tool goes here, under the text
        layout.addWidget(self.goalLabel)
        layout.addWidget(self.resultLabel)
        self._show()

    # -- what it shows (read-only) --------------------------------------------------------
    @property
    def lesson(self) -> Lesson | None:
        return self._lesson

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def goal_reached(self) -> bool:
        """Whether a run since ``set_lesson`` reached the goal (it stays reached)."""
        return self._reached

    @property
    def tool(self) -> QWidget | None:
        """The lesson's hands-on tool under the text (e.g. the device race), or None."""
        return self._tool

    @property
    def tool_name(self) -> str | None:
        """The name of the tool shown (a ``Lesson.tool``), or None."""
        return self._tool_name

    @property
    def title_text(self) -> str:
        return self.titleLabel.text()

    @property
    def text_html(self) -> str:
        """The lesson text as the rich text given to the view."""
        return text_to_html(self._lesson.text_for(self._lang)) if self._lesson else ""

    @property
    def goal_text(self) -> str:
        """The goal line as plain text: "Goal: ..." or "Goal reached ✓ ..."."""
        return self._goal_line(html_markup=False)

    @property
    def result_text(self) -> str:
        return self.resultLabel.text()

    # -- input ----------------------------------------------------------------------------
    def set_lesson(self, lesson: Lesson | None, lang: str = "en") -> None:
        """Show ``lesson`` in ``lang`` ('en' or 'zh_CN'); a new lesson starts with its goal not reached."""
        if lesson != self._lesson:
            self._reached = False
            self._result = ""
        self._lesson, self._lang = lesson, lang
        self._show()

    def set_tool(self, widget: QWidget | None, name: str | None = None) -> None:
        """Show ``widget`` under the lesson text (None: no tool); the one it replaces is deleted.
        The text and the tool share the height the panel has."""
        if widget is self._tool:
            self._tool_name = name if widget is not None else None
            return
        layout = self.layout()
        if self._tool is not None:
            layout.removeWidget(self._tool)
            self._tool.hide()
            self._tool.deleteLater()
        self._tool, self._tool_name = widget, (name if widget is not None else None)
        if widget is not None:
            layout.insertWidget(self._tool_index, widget, 1)
            widget.show()

    def set_result(self, summary: dict, n_parameters: int) -> bool:
        """Check a finished run (``Summary.to_dict()``) on a network with ``n_parameters``; return
        whether it reaches the goal. The first time it does, ``goalReached`` is emitted."""
        lesson = self._lesson
        if lesson is None or lesson.goal is None:
            return False
        reached = lesson.goal.check(summary, n_parameters)
        self._result = self.tr("Last run: {0}").format(lesson.goal.result_text(summary, n_parameters, self._lang))
        first = reached and not self._reached
        self._reached = self._reached or reached
        self._show()
        if first:
            self.goalReached.emit(lesson.name)
        return reached

    # -- drawing --------------------------------------------------------------------------
    def _goal_line(self, html_markup: bool) -> str:
        goal = self._lesson.goal if self._lesson else None
        if goal is None:
            return ""
        text = goal.describe(self._lang)
        if not self._reached:
            line = self.tr("Goal: {0}").format(text)
            return html.escape(line) if html_markup else line
        head = self.tr("Goal reached ✓")
        if not html_markup:
            return f"{head}  {text}"
        return f"<b>{html.escape(head)}</b>&nbsp;&nbsp;{html.escape(text)}"

    def _show(self) -> None:
        lesson = self._lesson
        self.titleLabel.setText(lesson.title_for(self._lang) if lesson else "")
        self.textView.setHtml(self.text_html)
        has_goal = lesson is not None and lesson.goal is not None
        self.goalLabel.setVisible(has_goal)
        self.goalLabel.setText(self._goal_line(html_markup=True))
        pad, radius = em(self, 0.35), em(self, 0.25)
        if self._reached:
            style = (f"color: {REACHED_TEXT}; background: {REACHED_FILL}; border: 2px solid {REACHED_BORDER}; "
                     f"border-radius: {radius}px; padding: {pad}px")
        else:
            style = f"background: {GOAL_FILL}; border: 1px solid {GOAL_BORDER}; border-radius: {radius}px; padding: {pad}px"
        self.goalLabel.setStyleSheet(style)
        self.goalLabel.setToolTip(self.tr("Checked when a run finishes"))
        self.resultLabel.setText(self._result)
        self.resultLabel.setVisible(bool(self._result))


__all__ = ["LessonPanel", "text_to_html"]
