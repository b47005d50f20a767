"""Lessons in the window: the Lessons menu, File > Open lesson file, the lesson panel beside the
views (with the lesson's hands-on tool under its text), the settings a lesson fixes or hides, and its
goal, checked after every run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground.core.config import ConfigError
from playground.core.lessons import (
    Lesson,
    get_lesson,
    load_lesson_file,
    load_lessons,
    parameter_count,
    user_lessons_dir,
)
from playground.ui.language import current_language
from playground.ui.views.device_race import DeviceRaceView


def make_tool(name: str, window):
    """The widget for a lesson's ``tool`` (core.lessons.TOOLS), wired to the window's engine client."""
    if name == "device-race":
        return DeviceRaceView(window.controller)
    raise ValueError(f"unknown lesson tool {name!r}")


class LessonFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._reported: set[str] = set()  # lesson file errors already shown

    @property
    def lesson(self) -> Lesson | None:
        return self.window.lessonPanel.lesson

    def fill_menu(self) -> None:
        """The built-in and the user's lessons, each a click away; bad files are named once."""
        w = self.window
        menu = w.lessonsMenu
        menu.clear()
        lessons, errors = load_lessons()
        for lesson in lessons.values():
            action = QAction(lesson.title_for(current_language()), menu, objectName=f"lesson_{lesson.name}")
            action.setCheckable(True)
            action.setChecked(self.lesson is not None and self.lesson.name == lesson.name)
            action.triggered.connect(lambda _checked=False, name=lesson.name: self.open(name))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(QAction(self.tr("Open lesson &file..."), menu, triggered=self.open_dialog))
        menu.addAction(QAction(self.tr("Open the &user lessons folder"), menu, triggered=self.open_user_folder))
        close = QAction(self.tr("&Close lesson"), menu, objectName="closeLessonAction", triggered=self.close)
        close.setEnabled(self.lesson is not None)
        menu.addAction(close)
        new = [e for e in errors if e not in self._reported]
        if new:
            self._reported.update(new)
            w.statusBar().showMessage(self.tr("Skipped a lesson file: {0}").format(new[0]), 10_000)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open lesson"), str(self.window.files.last_dir),
                                              self.tr("Lessons (*.json);;All files (*)"))
        if path:
            self.open(Path(path))

    def open_user_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_lessons_dir(create=True))))

    def open(self, lesson: Lesson | str | Path) -> bool:
        """Show a lesson (a name, a lesson file or a Lesson) and load its settings; False after
        saying why not."""
        w = self.window
        try:
            if isinstance(lesson, Path):
                lesson = load_lesson_file(lesson)
            elif isinstance(lesson, str):
                lesson = get_lesson(lesson)
        except ConfigError as e:
            QMessageBox.warning(w, self.tr("Cannot open lesson"), str(e))
            return False
        if w.controller.busy:
            w.controller.stop()
        preset = lesson.preset if lesson.preset in w.presets and w.presets[lesson.preset].config == lesson.config \
            else None
        w.controls.set_locked(())
        w.controls.set_config(lesson.config, preset)
        w.controller.set_config(lesson.config, preset)
        self.show(lesson)
        w.statusBar().showMessage(self.tr("Lesson: {0}").format(lesson.title_for(current_language())), 8000)
        return True

    def show(self, lesson: Lesson) -> None:
        """The lesson's panel and the settings it fixes or hides (its settings already loaded)."""
        w = self.window
        w.controls.set_locked(lesson.locked)
        w.controls.set_hidden(lesson.hidden)
        w.lessonPanel.set_lesson(lesson, current_language())
        panel = w.lessonPanel
        if lesson.tool != panel.tool_name:  # the same tool stays, with what it shows
            panel.set_tool(make_tool(lesson.tool, w) if lesson.tool else None, lesson.tool)
        w.lessonPanel.show()

    def close(self) -> None:
        w = self.window
        w.controls.set_locked(())
        w.controls.set_hidden(())
        w.lessonPanel.set_lesson(None)
        w.lessonPanel.set_tool(None)
        w.lessonPanel.hide()

    def check(self, summary: dict) -> None:
        """After a run: is the lesson's goal reached?"""
        shown = self.window._shown
        if self.lesson is not None and shown is not None:
            if self.window.lessonPanel.set_result(summary, parameter_count(shown.sizes)):
                self.window.statusBar().showMessage(self.tr("Goal reached!"), 8000)


__all__ = ["LessonFlow", "make_tool"]
