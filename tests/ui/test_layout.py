"""Every preset laid out on a projector (1024 x 768) and a big screen (1920 x 1080): the window
keeps the size it is given, no text is cut or elided, and no widget sticks out of the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QScrollArea, QSpinBox, QWidget

from playground.app import create_window
from playground.core.presets import load_presets

START = 120_000
SIZES = [(1024, 768), (1920, 1080)]


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _scroll_parent(widget: QWidget) -> QScrollArea | None:
    """The scroll area whose content holds ``widget`` (not its own scroll bars: those are checked
    against the window like any widget)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def layout_problems(window) -> list[str]:
    """What a user would see cut: widgets outside the window, texts wider or taller than their widget."""
    problems = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 1 or widget.height() <= 1:
            continue
        name = widget.objectName() or type(widget).__name__
        rect = _rect_in(window, widget)
        scroll = _scroll_parent(widget)
        if scroll is not None:  # it may scroll away vertically, never sideways
            area = _rect_in(window, scroll.viewport())
            if rect.left() < area.left() - 1 or rect.right() > area.right() + 1:
                problems.append(f"{name} sticks out sideways of its scroll area: {rect} vs {area}")
            continue
        if not bounds.contains(rect):
            problems.append(f"{name} outside the window: {rect} vs {bounds}")
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()) - 1:
                    problems.append(f"label {name} {widget.text()!r} is cut at the bottom")
            elif widget.width() < widget.minimumSizeHint().width() - 1:
                problems.append(f"label {name} {widget.text()!r} is cut")
        elif isinstance(widget, (QAbstractButton, QComboBox)) and widget.width() < widget.minimumSizeHint().width() - 1:
            problems.append(f"{name} is narrower than its text")
    for view in (window.outputView, window.graphView, window.networkView, window.lossView, window.iterationPanel):
        clipped = getattr(view, "clipped_texts", None)
        if clipped is not None:
            problems += [f"{type(view).__name__}: {text!r} is cut" for text in clipped()]
    return problems


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("preset", list(load_presets()))
def test_every_preset_fits_the_screen(qtbot, preset, size):
    window = create_window(preset)
    qtbot.addWidget(window)
    window.remember_geometry = False
    window.resize(*size)
    window.show()
    with qtbot.waitSignal(window.controller.viewsReady, check_params_cb=lambda e: e.views is not None,
                          timeout=START):
        pass
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None, timeout=START)
    qtbot.waitUntil(lambda: layout_problems(window) == [], timeout=5000)  # once the layouts have settled
    assert (window.width(), window.height()) == size  # never forced wider or taller than the screen
    assert layout_problems(window) == []


def test_a_trained_network_with_eight_wide_layers_fits_1024x768(qtbot):
    window = create_window("spiral")
    qtbot.addWidget(window)
    window.remember_geometry = False
    window.resize(1024, 768)
    window.show()
    qtbot.waitUntil(lambda: window.controller.model is not None, timeout=START)
    window.controls.layerSizesInput.setText("64, 64, 64, 64, 64, 64, 64, 64")
    window.controls.layerSizesInput.editingFinished.emit()
    qtbot.waitUntil(lambda: window.controller.model.sizes == (2, *(64,) * 8, 2), timeout=START)
    window.controls.epochsInput.setValue(1)
    with qtbot.waitSignal(window.trainingFinished, timeout=START):
        window.trainButton.click()
    qtbot.waitUntil(lambda: window.statusLabel.text().startswith("step "), timeout=START)
    qtbot.waitUntil(lambda: layout_problems(window) == [], timeout=5000)
    assert (window.width(), window.height()) == (1024, 768)
    assert layout_problems(window) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_iteration_panel_fits_beside_the_views_and_a_lesson(qtbot, size):
    """A whole phase walk and a weight's chain rule, with the lesson open too: nothing cut."""
    window = create_window("xor")
    qtbot.addWidget(window)
    window.remember_geometry = False
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.controller.model is not None, timeout=START)
    assert window.open_lesson("xor")
    qtbot.waitUntil(lambda: window.outputView.snapshot is not None, timeout=START)
    with qtbot.waitSignal(window.controller.gradientExplained, timeout=START):
        window.explain_weight("fc1.weight", (1, 0))
    for phase in ("forward", "loss", "zero_grad", "backward", "step"):
        with qtbot.waitSignal(window.phaseChanged, timeout=START):
            window.phaseStepButton.click()
        window.graphView.finish_animation()
        assert window.iterationPanel.current_phase() == phase
        qtbot.waitUntil(lambda: layout_problems(window) == [], timeout=5000)
    assert window.iterationPanel.isVisible() and window.lessonPanel.isVisible()
    assert (window.width(), window.height()) == size
    assert layout_problems(window) == []


@pytest.mark.parametrize("layers", [16, 30, 64])
def test_a_deep_network_fits_1024x768(qtbot, layers):
    """Up to 16 layers a spin box each (four rows); deeper, only the text box and a note."""
    window = create_window("spiral")
    qtbot.addWidget(window)
    window.remember_geometry = False
    window.resize(1024, 768)
    window.show()
    qtbot.waitUntil(lambda: window.controller.model is not None, timeout=START)
    window.controls.layerSizesInput.setText(", ".join(["8"] * layers))
    window.controls.layerSizesInput.editingFinished.emit()
    qtbot.waitUntil(lambda: window.controller.model.sizes == (2, *(8,) * layers, 2), timeout=START)
    qtbot.waitUntil(lambda: window.networkView.sizes == (2, *(8,) * layers, 2), timeout=START)
    spins = window.controls.layerSpins.findChildren(QSpinBox)
    notes = window.controls.layerSpins.findChildren(QLabel, "layerSpinsNote")
    assert (len(spins), len(notes)) == ((layers, 0) if layers <= 16 else (0, 1))
    qtbot.waitUntil(lambda: layout_problems(window) == [], timeout=5000)
    assert (window.width(), window.height()) == (1024, 768)
    assert layout_problems(window) == []
