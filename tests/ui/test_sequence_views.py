"""The sequence families in the window: their settings (heads for attention; the hidden row as
recurrent layers or attention blocks; the fitting dataset), the sequence page (the picked input over
time, the hidden state's heatmap) and the attention page (heatmaps per block and head, the tokens)."""

from __future__ import annotations

import numpy as np
import pytest
from windows import RUN, open_window, output_view  # noqa: E402  (tests/ui/windows.py)

from playground.core.config import TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.inspect_sequence import AttentionSnapshot, SequenceSnapshot
from playground.core.presets import load_presets
from playground.core.training import Trainer
from playground.ui.controls import ControlPanel
from playground.ui.views.attention_view import AttentionPage
from playground.ui.views.sequence_view import SequencePage

WIDE = (800, 560)  # the output view as big as the pages need


def trained(dataset: str, model: str, picked: int = 3, **changes):
    t = Trainer(TrainConfig(dataset=dataset, model=model, samples=200, epochs=1, **{"hidden": (16,), **changes}))
    t.train_step()
    return t, snapshot_views(t, picked=picked)



def test_a_gru_snapshot_turns_to_the_sequence_page(qtbot):
    t, snap = trained("sine", "gru")
    view = output_view(qtbot, t.dataset, size=WIDE)
    assert view.kind == "projection"  # an MLP on sine draws a projection; the GRU's snapshot turns the page
    view.set_snapshot(snap)
    page = view.page
    assert view.kind == "sequence" and isinstance(page, SequencePage) and view.snapshot is snap
    assert view.title_text == "GRU: the input over time and the hidden state"
    assert page.picked == 3 and page.sequencePicker.maximum() == len(t.y_test) - 1
    np.testing.assert_array_equal(page.series_shown(), snap.values)
    assert page.hidden_shown().shape == (20, 16)
    np.testing.assert_array_equal(page.hidden_shown(), snap.hidden)
    assert page.caption_text() == f"next value: true {snap.target:.3f}, predicted {float(snap.prediction[0]):.3f}"
    with qtbot.waitSignal(view.imagePicked, timeout=2000) as picked:
        page.sequencePicker.setValue(9)
    assert picked.args == [9]
    # back to an MLP's snapshot: the projection again
    mlp = Trainer(TrainConfig(dataset="sine", samples=200, hidden=(4,)))
    view.set_snapshot(snapshot_views(mlp))
    assert view.kind == "projection"


def test_an_lstm_on_pattern_names_the_classes(qtbot):
    t, snap = trained("pattern", "lstm", picked=0)
    view = output_view(qtbot, t.dataset, size=WIDE)
    view.set_snapshot(snap)
    page = view.page
    names = ("sine", "sawtooth")
    probs = ", ".join(f"{n} {100 * float(q):.0f}%" for n, q in zip(names, snap.prediction))
    assert page.caption_text() == (f"true: {names[int(snap.target)]} \u00b7 predicted: "
                                   f"{names[snap.predicted_class]} ({probs})")
    assert not page.scatter_plot.isVisible()


def test_an_attention_snapshot_shows_heatmaps_per_block_and_head(qtbot):
    t, snap = trained("reverse", "attention", hidden=(32, 32), heads=2)
    view = output_view(qtbot, t.dataset, size=WIDE)
    assert view.kind == "attention"  # token data: only the attention model learns it
    view.set_snapshot(snap)
    page = view.page
    assert isinstance(page, AttentionPage) and view.title_text == "Attention: where each position looks"
    shown = page.heatmaps_shown()
    assert [h.shape for h in shown] == [(6, 6)] * 4
    for got, want in zip(shown, [h for block in snap.attention for h in block]):
        np.testing.assert_array_equal(got, want)
    assert page.heatmap_titles() == ["B1 H1", "B1 H2", "B2 H1", "B2 H2"]  # one row: short titles
    assert page.token_rows() == (snap.tokens.tolist(), snap.target.tolist(), snap.predicted.tolist())
    assert page.mistakes() == np.flatnonzero(snap.predicted != snap.target).tolist()
    assert page.picked == 3
    with qtbot.waitSignal(view.imagePicked, timeout=2000) as picked:
        page.sequencePicker.setValue(4)
    assert picked.args == [4]


def test_a_sequence_snapshot_on_other_data_is_ignored(qtbot):
    _, snap = trained("sine", "gru")
    other = Trainer(TrainConfig(dataset="circle", samples=100))
    view = output_view(qtbot, other.dataset, size=WIDE)
    view.set_snapshot(snap)
    assert view.kind == "boundary2d" and view.snapshot is None


# -- the settings ---------------------------------------------------------------------------------

def panel(qtbot) -> ControlPanel:
    p = ControlPanel(load_presets())
    qtbot.addWidget(p)
    p.set_config(TrainConfig(hidden=(4, 2)))
    p.show()
    return p


def hidden_label(p: ControlPanel) -> str:
    form = p.layerError.parentWidget().layout()
    return form.labelForField(p.layerSizesInput.parentWidget()).text()


def test_choosing_gru_picks_sine_and_layers_of_one_width(qtbot):
    p = panel(qtbot)
    models = [p.modelInput.itemData(i) for i in range(p.modelInput.count())]
    assert {"rnn", "gru", "lstm", "attention"} <= set(models)
    with qtbot.waitSignal(p.configChanged, timeout=2000) as changed:
        p.modelInput.setCurrentIndex(p.modelInput.findData("gru"))
    config = changed.args[0]
    assert (config.model, config.dataset, config.hidden) == ("gru", "sine", (16,))
    assert p.datasetInput.currentData() == "sine" and p.layerSizesInput.text() == "16"
    assert hidden_label(p) == "&Recurrent layers" and not p.headsInput.isVisibleTo(p)
    tip = p.layerError.parentWidget().layout().labelForField(p.layerSizesInput.parentWidget()).toolTip()
    assert "all layers share one width" in tip
    # a dataset the GRU cannot learn: one line, the dataset kept
    p.datasetInput.setCurrentIndex(p.datasetInput.findData("circle"))
    assert p.config.dataset == "sine" and p.datasetInput.currentData() == "sine"
    assert p.layerError.text() == "the GRU learns from sequences; circle is not sequence data (use sine and pattern)"


def test_choosing_attention_picks_reverse_and_shows_heads(qtbot):
    p = panel(qtbot)
    with qtbot.waitSignal(p.configChanged, timeout=2000) as changed:
        p.modelInput.setCurrentIndex(p.modelInput.findData("attention"))
    config = changed.args[0]
    assert (config.model, config.dataset, config.hidden, config.heads) == ("attention", "reverse", (32,), 2)
    assert p.headsInput.isVisibleTo(p) and p.headsInput.value() == 2
    assert (p.headsInput.minimum(), p.headsInput.maximum()) == (1, 8)
    assert hidden_label(p) == "A&ttention blocks"
    with qtbot.waitSignal(p.configChanged, timeout=2000) as changed:
        p.headsInput.setValue(4)
    assert changed.args[0].heads == 4
    # 3 heads do not divide 32: said in one line, 4 kept
    p.headsInput.setValue(3)
    assert p.config.heads == 4 and p.headsInput.value() == 4
    assert p.layerError.text().startswith("3 heads do not divide the width 32")
    p.set_locked(("heads",))
    assert not p.headsInput.isEnabled()
    p.set_locked(())
    p.set_hidden(("heads",))
    assert not p.headsInput.isVisibleTo(p)
    p.set_hidden(())
    assert p.headsInput.isVisibleTo(p)
    p.modelInput.setCurrentIndex(p.modelInput.findData("mlp"))  # an MLP on tokens: refused, in one line
    assert p.config.model == "attention" and p.modelInput.currentData() == "attention"


# -- the window, with its engine ------------------------------------------------------------------

@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    w.graphView.phases.end()


def train_one_epoch(window, qtbot, model: str, samples: int) -> None:
    controls = window.controls
    with qtbot.waitSignal(window.controller.modelChanged, timeout=RUN):
        controls.modelInput.setCurrentIndex(controls.modelInput.findData(model))
    qtbot.waitUntil(lambda: window.controller.model.config.model == model, timeout=RUN)
    controls.epochsInput.setValue(1)
    controls.data.samplesInput.setValue(samples)
    qtbot.waitUntil(lambda: (window.controller.config.epochs, window.controller.config.samples) == (1, samples),
                    timeout=RUN)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.trainButton.click()


def test_the_window_trains_a_gru_and_picks_a_sequence(window, qtbot):
    train_one_epoch(window, qtbot, "gru", 200)
    assert window.controller.model.config.dataset == "sine"
    view = window.outputView
    qtbot.waitUntil(lambda: view.kind == "sequence" and isinstance(view.snapshot, SequenceSnapshot)
                    and view.snapshot.step == window.controller.step_count, timeout=RUN)
    page = view.page
    hidden = window.controller.model.config.hidden  # the preset's layers, when they share one width
    assert page.hidden_shown().shape == (20, hidden[0])
    assert view.snapshot.picked == 0 and page.picked == 0
    with qtbot.waitSignal(window.controller.viewsReady, timeout=RUN):
        page.sequencePicker.setValue(5)
    qtbot.waitUntil(lambda: view.snapshot.picked == 5, timeout=RUN)
    assert page.picked == 5 and page.hidden_shown().shape == (20, hidden[0])
    np.testing.assert_array_equal(page.series_shown(), view.snapshot.values)
    assert list(window.networkView.sizes) == [1, *hidden, 1]


def test_the_window_trains_attention_on_reverse(window, qtbot):
    train_one_epoch(window, qtbot, "attention", 200)
    assert window.controller.model.config.dataset == "reverse"
    view = window.outputView
    qtbot.waitUntil(lambda: view.kind == "attention" and isinstance(view.snapshot, AttentionSnapshot)
                    and view.snapshot.step == window.controller.step_count, timeout=RUN)
    page = view.page
    config = window.controller.model.config
    assert [h.shape for h in page.heatmaps_shown()] == [(6, 6)] * (len(config.hidden) * config.heads)
    with qtbot.waitSignal(window.controller.viewsReady, timeout=RUN):
        page.sequencePicker.setValue(2)
    qtbot.waitUntil(lambda: view.snapshot.picked == 2, timeout=RUN)
    assert page.token_rows()[0] == view.snapshot.tokens.tolist() and len(page.token_rows()[0]) == 6
