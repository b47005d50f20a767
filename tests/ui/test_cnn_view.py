"""The CNN in the window: its settings (channels, kernel size, shown for the CNN only), its page in
the output view (test images to click, the picked image's kernels and feature maps per conv layer)
and the network view on its linear head."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from windows import RUN, open_window, output_view  # noqa: E402  (tests/ui/windows.py)

from playground.core.config import TrainConfig
from playground.core.inspect import CNNSnapshot, snapshot_views
from playground.core.presets import load_presets
from playground.core.training import Trainer
from playground.ui.controls import ControlPanel
from playground.ui.views.cnn_view import CNNPage, mosaic
from playground.ui.views.digits import DigitsPage

WIDE = (800, 560)  # the output view as big as the pages need


@pytest.fixture(scope="module")
def cnn():
    trainer = Trainer(TrainConfig(dataset="digits", model="cnn", hidden=(), channels=(4, 6), kernel_size=3,
                                  batch_size=64, optimizer="adam", learning_rate=0.01))
    for _ in range(5):
        trainer.train_step()
    return trainer, snapshot_views(trainer, picked=2)



def test_a_cnn_snapshot_turns_to_the_cnn_page(qtbot, cnn):
    trainer, snap = cnn
    view = output_view(qtbot, trainer.dataset, size=WIDE)
    assert view.kind == "digits"
    view.set_snapshot(snap)
    page = view.page
    assert view.kind == "cnn" and isinstance(page, CNNPage) and view.snapshot is snap
    assert view.title_text == "CNN: what the convolutions see"
    assert [k.shape for k in page.kernels_shown()] == [(4, 3, 3), (6, 3, 3)]
    np.testing.assert_array_equal(page.kernels_shown()[0], snap.kernels[0][:, 0])
    assert [m.shape for m in page.maps_shown()] == [(4, 8, 8), (6, 4, 4)]
    assert page.picked == 2
    truth, pred = int(trainer.dataset.y_test[2]), int(snap.test_predictions[2])
    assert page.captions() == [
        f"Test image 2: true {truth}, predicted {pred}",
        "conv1: 4 kernels 3x3", "conv1: 4 feature maps 8x8",
        "conv2: 6 kernels 3x3 (each averaged over its 4 inputs)", "conv2: 6 feature maps 4x4",
    ]
    sizes = page.picture_sizes()
    assert len(sizes) == 5 and all(w > 0 and h > 0 for w, h in sizes)
    assert len(page.tile_labels()) == 24 and page.tile_labels()[0] in {str(int(snap.test_predictions[0])),
                                                                      f"{int(snap.test_predictions[0])}\u2260"
                                                                      f"{int(trainer.dataset.y_test[0])}"}
    # the digits' own snapshot (the model is an MLP again) turns back to the digits page
    mlp = Trainer(TrainConfig(dataset="digits", hidden=(8,)))
    view.set_snapshot(snapshot_views(mlp))
    assert view.kind == "digits" and isinstance(view.page, DigitsPage)


def test_a_cnn_snapshot_on_other_data_is_ignored(qtbot, cnn):
    circle = Trainer(TrainConfig(dataset="circle", samples=100))
    view = output_view(qtbot, circle.dataset, size=WIDE)
    view.set_snapshot(cnn[1])
    assert view.kind == "boundary2d" and view.snapshot is None


def test_clicking_a_test_image_picks_it(qtbot, cnn):
    trainer, snap = cnn
    view = output_view(qtbot, trainer.dataset, size=WIDE)
    view.set_snapshot(snap)
    page = view.page
    with qtbot.waitSignal(view.imagePicked, timeout=2000) as picked:
        qtbot.mouseClick(page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=page.tile_point(11))  # the last column: its thick frame stays inside
    assert picked.args == [11] and page.picked == 11


def test_mosaic_lays_out_pictures_in_rows_on_a_symmetric_scale():
    tiles = np.array([[[1.0, -1.0]], [[0.0, 0.5]], [[0.25, 0.0]]], dtype=np.float32)  # 3 pictures of 1x2
    out = mosaic(tiles, columns=2)
    assert out.shape == (3, 5, 4) and out.dtype == np.uint8
    assert tuple(out[1, 2]) == (255, 255, 255, 255)  # the gap
    assert out[0, 0, 2] > out[0, 0, 0] and out[0, 1, 0] > out[0, 1, 2]  # blue positive, orange negative


def presets():
    return load_presets()


def panel(qtbot) -> ControlPanel:
    p = ControlPanel(presets())
    qtbot.addWidget(p)
    p.set_config(TrainConfig())
    p.show()
    return p


def test_choosing_the_cnn_shows_its_settings_and_picks_the_digits(qtbot):
    p = panel(qtbot)
    assert not p.channelsInput.isVisibleTo(p) and not p.kernelSizeInput.isVisibleTo(p)
    with qtbot.waitSignal(p.configChanged, timeout=2000) as changed:
        p.modelInput.setCurrentIndex(p.modelInput.findData("cnn"))
    config = changed.args[0]
    assert (config.model, config.dataset, config.channels, config.kernel_size) == ("cnn", "digits", (8, 16), 3)
    assert p.datasetInput.currentData() == "digits"
    assert p.channelsInput.isVisibleTo(p) and p.kernelSizeInput.isVisibleTo(p)
    assert p.channelsInput.text() == "8, 16" and p.kernelSizeInput.currentData() == 3
    assert [p.kernelSizeInput.itemData(i) for i in range(p.kernelSizeInput.count())] == [1, 3, 5, 7]
    label = p.findChild(type(p.channelsError), "layerError").parentWidget().layout()
    assert label.labelForField(p.layerSizesInput.parentWidget()).text() == "&Linear head"
    with qtbot.waitSignal(p.configChanged, timeout=2000) as changed:
        p.kernelSizeInput.setCurrentIndex(p.kernelSizeInput.findData(5))
    assert changed.args[0].kernel_size == 5
    p.channelsInput.setFocus()
    p.channelsInput.selectAll()
    qtbot.keyClicks(p.channelsInput, "4,6,8")
    with qtbot.waitSignal(p.configChanged, timeout=2000) as changed:
        qtbot.keyClick(p.channelsInput, Qt.Key.Key_Return)
    assert changed.args[0].channels == (4, 6, 8) and p.channelsInput.text() == "4, 6, 8"
    # too many layers: said in one line, nothing applied
    p.channelsInput.selectAll()
    qtbot.keyClicks(p.channelsInput, "1, 2, 3, 4, 5")
    assert p.channelsError.isVisibleTo(p)
    assert p.channelsError.text() == 'give 1 to 4 convolution layers\' channel counts, e.g. "8, 16"'
    assert p.config.channels == (4, 6, 8)
    # back to the MLP: the rows go, the hidden layers are hidden layers again
    p.modelInput.setCurrentIndex(p.modelInput.findData("mlp"))
    assert not p.channelsInput.isVisibleTo(p) and p.config.model == "mlp"
    assert label.labelForField(p.layerSizesInput.parentWidget()).text() == "&Hidden layers"


def test_a_non_image_dataset_with_the_cnn_says_why_in_one_line(qtbot):
    p = panel(qtbot)
    p.modelInput.setCurrentIndex(p.modelInput.findData("cnn"))
    assert p.config.dataset == "digits"
    p.datasetInput.setCurrentIndex(p.datasetInput.findData("circle"))
    assert p.config.dataset == "digits" and p.datasetInput.currentData() == "digits"  # kept
    assert p.layerError.isVisibleTo(p)
    assert p.layerError.text() == "the CNN learns from pictures; circle is not image data (use digits and shapes)"


def test_lessons_lock_and_hide_the_cnn_settings(qtbot):
    p = panel(qtbot)
    p.set_locked(("channels", "kernel_size"))
    assert not p.channelsInput.isEnabled() and not p.kernelSizeInput.isEnabled()
    p.set_locked(())
    p.set_hidden(())
    assert not p.channelsInput.isVisibleTo(p)  # shown for the CNN only, whatever a lesson shows


# -- the window, with its engine ------------------------------------------------------------------

@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    w.graphView.phases.end()


def test_the_window_trains_a_cnn_and_shows_the_picked_images_maps(window, qtbot):
    controls = window.controls
    with qtbot.waitSignal(window.controller.modelChanged, timeout=RUN):
        controls.modelInput.setCurrentIndex(controls.modelInput.findData("cnn"))
    qtbot.waitUntil(lambda: window.controller.model.config.model == "cnn", timeout=RUN)
    assert window.controller.model.config.dataset == "digits"
    controls.epochsInput.setValue(1)
    controls.batchSizeInput.setValue(64)
    qtbot.waitUntil(lambda: (window.controller.config.epochs, window.controller.config.batch_size) == (1, 64),
                    timeout=RUN)
    with qtbot.waitSignal(window.trainingFinished, timeout=RUN):
        window.trainButton.click()
    view = window.outputView
    qtbot.waitUntil(lambda: view.kind == "cnn" and isinstance(view.snapshot, CNNSnapshot), timeout=RUN)
    page = view.page
    qtbot.waitUntil(lambda: view.snapshot.step == window.controller.step_count, timeout=RUN)
    assert [k.shape for k in page.kernels_shown()] == [(8, 3, 3), (16, 3, 3)]
    assert [m.shape for m in page.maps_shown()] == [(8, 8, 8), (16, 4, 4)]
    assert view.snapshot.picked == 0 and page.picked == 0
    # the network view draws the head: the flattened maps (16 x 2 x 2) in, the classes out
    assert list(window.networkView.sizes) == [64, *window.controller.model.config.hidden, 10]
    with qtbot.waitSignal(window.controller.viewsReady, timeout=RUN):
        qtbot.mouseClick(page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=page.tile_point(5))
    qtbot.waitUntil(lambda: view.snapshot.picked == 5, timeout=RUN)
    assert page.picked == 5 and page.captions()[0].startswith("Test image 5: true ")
    assert [m.shape for m in page.maps_shown()] == [(8, 8, 8), (16, 4, 4)]
