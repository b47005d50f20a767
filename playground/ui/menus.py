"""The window's menus and their actions (File, Edit, Train, Lessons, View, Help).

Every action becomes an attribute of the window (``window.trainAction``...) with an objectName,
so tests, the shortcuts dialog and teachers' scripts can find it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from playground.ui import help as helpdialogs
from playground.ui import logfile
from playground.ui import recent as recentfiles
from playground.ui import tensorboard as tensorboardsetting
from playground.ui.language import current_language

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
LANGUAGES = (("en", "English"), ("zh_CN", "中文（简体）"))  # each in its own language


def _action(window: QMainWindow, name: str, text: str, shortcut=None, slot=None, **kw) -> QAction:
    action = QAction(text, window, objectName=name, **kw)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        (action.toggled if action.isCheckable() else action.triggered).connect(slot)
    setattr(window, name, action)
    return action


def _fill(menu: QMenu, actions) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        elif isinstance(action, QMenu):
            menu.addMenu(action)
        else:
            menu.addAction(action)


def build_menus(w) -> None:
    bar = w.menuBar()
    w.fileMenu = bar.addMenu(translate("MainWindow", "&File"))
    _fill(w.fileMenu, [
        _action(w, "openAction", translate("MainWindow", "&Open session or config..."), QKeySequence.Open, w.files.open_dialog),
        _action(w, "openLessonAction", translate("MainWindow", "Open &lesson file..."), None, w.lessons.open_dialog),
        _action(w, "saveAction", translate("MainWindow", "&Save session..."), QKeySequence.Save, w.save_session_dialog),
        None,
        _action(w, "exportAction", translate("MainWindow", "&Export..."), "Ctrl+E", w.export_dialog),
        _action(w, "importAction", translate("MainWindow", "&Import weights..."), "Ctrl+I", w.files.import_weights_dialog),
        None,
        _action(w, "importDataAction", translate("MainWindow", "Import &data..."), "Ctrl+Shift+I",
                w.data.import_data_dialog),
        _action(w, "exportDataAction", translate("MainWindow", "Export d&ata..."), None, w.data.export_data_dialog),
        _action(w, "exportHistoryAction", translate("MainWindow", "Export loss &history..."), None,
                w.data.export_history_dialog),
        tensorboardsetting.install(w),
        None,
        _action(w, "quitAction", translate("MainWindow", "&Quit"), QKeySequence.Quit, w.close),
    ])
    recentfiles.install(w)  # File > Open recent (openRecentMenu), after Open

    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    _fill(edit, [_action(w, "undoAction", translate("MainWindow", "&Bring back the trained network"), QKeySequence.Undo,
                         w.bring_back_previous, enabled=False)])
    w.importDataAction.setToolTip(translate("MainWindow",
        "Train on your own data: a CSV file with numeric feature columns and a label column"))
    w.exportDataAction.setToolTip(translate("MainWindow",
        "Write the points as CSV: features, label, train or test, and the network's prediction"))
    w.exportHistoryAction.setToolTip(translate("MainWindow",
        "Write the loss history as CSV: every step's loss, and each epoch's train and test loss and accuracy"))
    w.undoAction.setToolTip(translate("MainWindow", "Undo the settings change that started a new network"))

    train = bar.addMenu(translate("MainWindow", "&Train"))
    for action in (_action(w, "trainAction", translate("MainWindow", "Train / Pause / Resume"), Qt.Key_Space, w._on_train_clicked),
                   _action(w, "stepAction", translate("MainWindow", "One step"), Qt.Key_N, w._on_step),
                   _action(w, "phaseStepAction", translate("MainWindow", "One phase of a step"), "Shift+N",
                           w.step_phase),
                   _action(w, "stopAction", translate("MainWindow", "Stop"), Qt.Key_Escape, w.controller.stop),
                   _action(w, "resetAction", translate("MainWindow", "Reset weights"), Qt.Key_R, w._on_reset)):
        action.setShortcutContext(Qt.WindowShortcut)
        train.addAction(action)

    w.lessonsMenu = bar.addMenu(translate("MainWindow", "&Lessons"))
    w.lessonsMenu.setObjectName("lessonsMenu")
    w.lessonsMenu.aboutToShow.connect(w.lessons.fill_menu)

    view = bar.addMenu(translate("MainWindow", "&View"))
    _action(w, "liveViewsAction", translate("MainWindow", "&Live graph and output while training"), "Ctrl+L", w.set_live_views,
            checkable=True, checked=True)
    w.liveViewsAction.setToolTip(translate("MainWindow",
        "Update the graph, output and network views during training; off trains faster on slow computers "
        "and shows them when training stops"))
    _action(w, "iterationPanelAction", translate("MainWindow", "One &iteration panel"), None,
            w.iterations.set_panel_visible, checkable=True)
    w.iterationPanelAction.setToolTip(translate("MainWindow",
        "The training loop phase by phase, and one weight's gradient by the chain rule"))
    _action(w, "presentationModeAction", translate("MainWindow", "&Presenter mode"), Qt.Key_F11, w.presenter.set_presenting,
            checkable=True)
    w.presentationModeAction.setToolTip(translate("MainWindow", "Full screen, large text and lines, high contrast, a big epoch counter"))
    w.presenter.presentingChanged.connect(w.presentationModeAction.setChecked)
    zoom = [_action(w, "zoomInAction", translate("MainWindow", "Zoom &in"), QKeySequence.ZoomIn, w.presenter.zoom_in),
            _action(w, "zoomOutAction", translate("MainWindow", "Zoom &out"), QKeySequence.ZoomOut, w.presenter.zoom_out),
            _action(w, "zoomResetAction", translate("MainWindow", "&Actual size"), "Ctrl+0", w.presenter.reset_zoom)]
    w.languageMenu = QMenu(translate("MainWindow", "Lan&guage"), w, objectName="languageMenu")
    group = QActionGroup(w)
    w.languageActions = {}
    for code, name in LANGUAGES:
        action = QAction(name, w, checkable=True, objectName=f"language_{code}")
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: w.set_language(c))
        group.addAction(action)
        w.languageMenu.addAction(action)
        w.languageActions[code] = action
    w.languageActions[current_language()].setChecked(True)
    maximize = []
    for pane in w.panes:
        action = QAction(translate("MainWindow", "Maximize {0}").format(pane.name), w, checkable=True)
        action.toggled.connect(pane.maxButton.setChecked)
        pane.maxButton.toggled.connect(action.setChecked)
        maximize.append(action)
    _fill(view, [w.liveViewsAction, w.iterationPanelAction, None, w.presentationModeAction, *zoom, None, w.languageMenu, None, *maximize])

    w.helpMenu = bar.addMenu(translate("MainWindow", "&Help"))
    _fill(w.helpMenu, [
        _action(w, "firstStepsAction", translate("MainWindow", "&First steps"), None, lambda: helpdialogs.show_first_steps(w)),
        _action(w, "shortcutsAction", translate("MainWindow", "&Keyboard shortcuts"), Qt.Key_F1,
                lambda: helpdialogs.show_shortcuts(w, helpdialogs.menu_shortcuts(w))),
        None,
        _action(w, "openLogFolderAction", translate("MainWindow", "Open &log folder"), None, lambda: logfile.open_log_folder()),
        _action(w, "aboutAction", translate("MainWindow", "&About"), None, lambda: helpdialogs.show_about(w)),
    ])


__all__ = ["build_menus", "LANGUAGES"]
