"""Help > First steps, Help > Keyboard shortcuts (F1) and About: short, for a first lesson."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from playground import __version__
from playground.ui.theme import em

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def first_steps_html() -> str:
    return translate("Help", "<h3>First steps</h3>"
        "<ol>"
        "<li><b>Pick a lesson</b> from the Lessons menu, or a preset in the Lesson box on the left.</li>"
        "<li><b>Predict</b>: will this network learn the data? How fast?</li>"
        "<li>Press <b>Train</b> (Space). Press it again to pause; <b>Step</b> (N) trains one mini-batch, "
        "also while paused.</li>"
        "<li>Change the <b>learning rate</b> while it trains and watch the loss. Change the data or the "
        "layers and a new network starts; Edit &gt; Bring back (Ctrl+Z) returns to the trained one.</li>"
        "</ol>"
        "<h3>What each view shows</h3>"
        "<ul>"
        "<li><b>Loss</b>: the loss on the training and test data after each epoch, and each step's loss. "
        "Falling means learning; a gap between train and test means overfitting.</li>"
        "<li><b>Computation graph</b>: the real autograd graph that <code>loss.backward()</code> walks, from "
        "<code>loss.grad_fn</code> back to every weight. Colors show how large the gradient flowing through "
        "each operation is. Click a node for its numbers.</li>"
        "<li><b>Output</b>: what the network predicts over the whole input plane (the decision boundary), "
        "with the training and test points on top.</li>"
        "<li><b>Network</b>: every neuron with a picture of what it computes; edges are weights (blue "
        "positive, orange negative, thicker is larger). Hover a neuron to see it large.</li>"
        "</ul>"
        "<p>Slow motion: the Speed box runs a few steps a second so a class can follow. View &gt; Presenter "
        "mode (F11) makes everything large for a projector; Ctrl++ and Ctrl+- zoom.</p>") + translate("Help",
        "<p><b>Phase \u25b8</b> (Shift+N) walks one mini-batch through the training loop one phase per press: "
        "forward, loss, zero_grad, backward, step. Click a weight (an edge in the Network view) to see its "
        "gradient worked out by the chain rule.</p>")


def show_first_steps(parent: QWidget) -> QDialog:
    return _show_html(parent, translate("Help", "First steps"), first_steps_html(), "firstStepsDialog")


def shortcuts_html(actions: list[QAction]) -> str:
    rows = "".join(
        f"<tr><td><b>{action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)}</b></td>"
        f"<td>{_plain(action.text())}</td></tr>"
        for action in actions if not action.shortcut().isEmpty())
    title = translate("Help", "Keyboard shortcuts")
    return f"<h3>{title}</h3><table cellspacing='6'>{rows}</table>"


def _plain(text: str) -> str:
    """A menu text without its accelerator: "&File" -> "File", "文件(&F)" -> "文件"."""
    return re.sub(r"\(&\w\)|&(?=\w)", "", text).replace("&&", "&")


def menu_shortcuts(window) -> list[QAction]:
    """The menus' actions that have a key, in menu order."""
    found: list[QAction] = []
    for top in window.menuBar().actions():
        for action in top.menu().actions() if top.menu() else ():
            if not action.shortcut().isEmpty() and action not in found:
                found.append(action)
    return found


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QDialog:
    return _show_html(parent, translate("Help", "Keyboard shortcuts"), shortcuts_html(actions), "shortcutsDialog")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("Help", "About PyTorch Playground"), translate("Help", "<b>PyTorch Playground {0}</b><p>Watch real PyTorch train a neural network: the training loop, the "
        "autograd graph and what the network learns.</p>").format(__version__))


def _show_html(parent: QWidget, title: str, html: str, name: str) -> QDialog:
    """A non-modal dialog (the window stays usable beside it); one of each kind at a time."""
    dialog = parent.findChild(QDialog, name)
    if dialog is None:
        dialog = QDialog(parent, objectName=name)
        dialog.setWindowTitle(title)
        text = QTextBrowser(dialog, objectName=name + "Text")
        text.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
        buttons.rejected.connect(dialog.close)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(em(parent, 30), em(parent, 24))
        dialog.setAttribute(Qt.WA_DeleteOnClose, False)
    dialog.findChild(QTextBrowser).setHtml(html)
    dialog.show()
    dialog.raise_()
    return dialog


__all__ = ["show_first_steps", "show_shortcuts", "menu_shortcuts", "show_about", "first_steps_html", "shortcuts_html"]
