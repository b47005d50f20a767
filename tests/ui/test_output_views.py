"""The output view and the network view, offscreen (pytest-qt)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetricsF
from windows import output_view  # noqa: E402  (tests/ui/windows.py)

from playground.core.config import TrainConfig
from playground.core.inspect import plot_extent, snapshot_views
from playground.core.palette import BLUE, ORANGE, hex_rgb
from playground.core.training import Trainer
from playground.ui import theme
from playground.ui.views.network_view import HEAD, LABEL_MAX, LABEL_MIN, TAIL, NetworkView


@pytest.fixture(scope="module")
def circle():
    trainer = Trainer(TrainConfig(dataset="circle", samples=200, hidden=(8, 8), learning_rate=0.1))
    for _ in range(40):
        trainer.train_step()
    return trainer, snapshot_views(trainer)


@pytest.fixture(scope="module")
def digits():
    trainer = Trainer(TrainConfig(dataset="digits", hidden=(32,), epochs=1, batch_size=32, learning_rate=0.003, optimizer="adam"))
    trainer.run()
    return trainer, snapshot_views(trainer)



def network_view(qtbot, sizes) -> NetworkView:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(640, 420)
    view.set_architecture(list(sizes))
    view.show()
    return view


# -- output view: 2-D ---------------------------------------------------------------------


def test_output_view_shows_the_boundary(qtbot, circle):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    assert view.objectName() == "boundaryView"
    assert view.kind == "boundary2d"
    view.set_snapshot(snap)
    shown = view.displayed_image()
    assert shown.shape == (100, 100)
    np.testing.assert_array_equal(shown, snap.grid)
    assert 0.0 <= shown.min() and shown.max() <= 1.0
    assert "%" in view.info_text  # accuracy shown


def test_output_view_updates_items_in_place(qtbot, circle):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    items = view.page.items()
    image = view.page.image
    for _ in range(5):
        trainer.train_step()
    view.set_snapshot(snapshot_views(trainer))
    assert view.page.image is image and view.page.items() == items
    assert not np.array_equal(view.displayed_image(), snap.grid)  # the picture moved


def test_toggles(qtbot, circle):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    assert view.page.test_points_visible
    assert view.page.train_point_count == len(trainer.dataset.x_train)
    assert view.page.test_point_count == len(trainer.dataset.x_test)
    view.set_show_test_data(False)
    assert not view.page.test_points_visible
    view.set_discretize(True)
    assert set(np.unique(view.displayed_image())) <= {0.0, 1.0}
    view.set_discretize(False)
    np.testing.assert_array_equal(view.displayed_image(), snap.grid)


def test_show_neuron_large_and_back(qtbot, circle):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    view.show_neuron(2, 3)  # hidden layer 2, fourth neuron
    assert view.shown_neuron == (2, 3)
    big = view.displayed_image()
    assert big.shape[0] >= snap.neuron_maps[1].shape[1]
    assert np.corrcoef(big[::3, ::3].ravel(), snap.neuron_maps[1][3].ravel())[0, 1] > 0.99
    assert view.title_text == "Layer 2, neuron 4: its activation"
    view.show_neuron(0, 0)  # input x1: the x coordinate itself
    assert view.displayed_image()[5, 0] < view.displayed_image()[5, -1]
    view.show_neuron(-1, None)
    assert view.shown_neuron is None
    np.testing.assert_array_equal(view.displayed_image(), snap.grid)


def test_snapshot_of_another_kind_is_ignored(qtbot, circle, digits):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    view.set_snapshot(digits[1])
    assert view.snapshot is snap


# -- output view: digits and projection ---------------------------------------------------


def test_digits_view_shows_a_confusion_matrix_summing_to_the_test_set(qtbot, digits):
    trainer, snap = digits
    view = output_view(qtbot, trainer.dataset)
    assert view.kind == "digits"
    view.set_snapshot(snap)
    shown = view.confusion_shown()
    assert shown.shape == (10, 10)
    assert int(shown.sum()) == len(trainer.dataset.y_test)
    texts = view.page.confusion_texts()
    assert sum(int(t) for t in texts if t) == len(trainer.dataset.y_test)
    # the test images: predicted label under each, the wrong ones marked
    labels = view.page.tile_labels()
    n = len(labels)
    assert n > 0
    wrong = snap.test_predictions[:n] != trainer.dataset.y_test[:n]
    marked = np.array(["\u2260" in t for t in labels])
    np.testing.assert_array_equal(marked, wrong)
    for t, p in zip(labels, snap.test_predictions[:n]):
        assert t.startswith(str(int(p)))


def test_seed_example_projection_colored_by_prediction(qtbot):
    trainer = Trainer(TrainConfig(dataset="seed-example", samples=200, hidden=(5,)))
    for _ in range(10):
        trainer.train_step()
    snap = snapshot_views(trainer)
    view = output_view(qtbot, trainer.dataset)
    assert view.kind == "projection"
    view.set_snapshot(snap)
    d = trainer.dataset
    assert view.page.test_point_count == len(d.x_test)
    n_wrong = int((snap.test_predictions != d.y_test).sum() + (snap.train_predictions != d.y_train).sum())
    assert view.page.wrong_point_count == n_wrong
    assert f"{100 * snap.accuracy:.1f}" in view.info_text


# -- network view -------------------------------------------------------------------------


def test_network_view_neurons_edges_and_maps(qtbot, circle):
    trainer, snap = circle
    view = network_view(qtbot, snap.sizes)
    assert view.objectName() == "networkView"
    assert view.edge_count() == 2 * 8 + 8 * 8 + 8 * 2
    n_items = len(view.scene().items())
    view.set_snapshot(snap)
    assert len(view.scene().items()) == n_items  # nothing rebuilt
    # neuron map count equals hidden neuron count
    assert view.thumbnail_count() == sum(snap.hidden_sizes) == sum(len(m) for m in snap.neuron_maps)
    # biases shown
    assert view.neuron_item(1, 0).bias == pytest.approx(float(snap.biases[0][0]))
    # edges: sign gives the color, magnitude the width, tooltip the value
    w = snap.weights[1]
    e_big = view.edge_item(2, *np.unravel_index(np.abs(w).argmax(), w.shape)[::-1])
    e_small = view.edge_item(2, *np.unravel_index(np.abs(w).argmin(), w.shape)[::-1])
    assert e_big.pen().widthF() > e_small.pen().widthF()
    edge = view.edge_item(1, 1, 4)  # fc1.weight[4, 1]
    assert f"{snap.weights[0][4, 1]:+.4f}" in edge.tooltip_text()
    assert "fc1.weight[4, 1]" in edge.tooltip_text()
    pos, neg = (view.edge_item(2, s, d) for d, s in (np.argwhere(w > 0)[0], np.argwhere(w < 0)[0]))
    assert pos.pen().color().blue() > pos.pen().color().red()
    assert neg.pen().color().red() > neg.pen().color().blue()


def test_network_view_updates_live(qtbot, circle):
    trainer, snap = circle
    view = network_view(qtbot, snap.sizes)
    view.set_snapshot(snap)
    edge = view.edge_item(1, 0, 0)
    before = edge.weight
    for _ in range(10):
        trainer.train_step()
    later = snapshot_views(trainer)
    view.set_snapshot(later)
    assert edge.weight == pytest.approx(float(later.weights[0][0, 0]))
    assert edge.weight != before


def test_hovering_a_neuron_shows_its_map_in_the_output_view(qtbot, circle):
    trainer, snap = circle
    net = network_view(qtbot, snap.sizes)
    out = output_view(qtbot, trainer.dataset)
    net.neuronHovered.connect(out.show_neuron)
    net.set_snapshot(snap)
    out.set_snapshot(snap)
    item = net.neuron_item(1, 2)
    where = net.mapFromScene(item.scenePos())
    qtbot.mouseMove(net.viewport(), where + QPoint(30, 30))
    with qtbot.waitSignal(net.neuronHovered, timeout=2000) as blocker:
        qtbot.mouseMove(net.viewport(), where)
    assert blocker.args == [1, 2]
    assert out.shown_neuron == (1, 2)
    with qtbot.waitSignal(net.neuronHovered, timeout=2000) as blocker:
        qtbot.mouseMove(net.viewport(), QPoint(2, 2))
    assert blocker.args == [-1, -1]
    assert out.shown_neuron is None


def test_wide_layers_drawn_compactly(qtbot, digits):
    trainer, snap = digits
    view = network_view(qtbot, snap.sizes)  # 64, 32, 10
    assert view.drawn_neurons(0) == [*range(HEAD), 62, 63]
    assert len(view.drawn_neurons(1)) == HEAD + TAIL
    assert view.drawn_neurons(2) == list(range(10))
    assert view.edge_count() == (HEAD + TAIL) ** 2 + (HEAD + TAIL) * 10  # never 64 x 32
    view.set_snapshot(snap)
    assert view.thumbnail_count() == 0  # no maps for image inputs
    edge = view.edge_item(1, 63, 31)
    assert f"{snap.weights[0][31, 63]:+.4f}" in edge.tooltip_text()


def test_stale_snapshot_of_another_architecture_is_ignored(qtbot, circle):
    _, snap = circle
    view = network_view(qtbot, [2, 4, 2])
    view.set_snapshot(snap)
    assert view.sizes == (2, 4, 2)
    assert view.edge_item(1, 0, 0).weight is None


def test_one_orange_blue_ramp_for_the_map_the_neurons_and_the_weights(qtbot, circle):
    trainer, snap = circle
    lut = theme.diverging_lut(1.0)
    assert tuple(lut[0]) == hex_rgb(ORANGE) and tuple(lut[-1]) == hex_rgb(BLUE)
    ramp = {tuple(int(c) for c in row) for row in lut}
    out = output_view(qtbot, trainer.dataset)
    out.set_snapshot(snap)
    out.show_neuron(1, 0)
    shown = out.page.image.image[..., :3].reshape(-1, 3)
    assert {tuple(int(c) for c in px) for px in shown} <= ramp  # the big neuron picture
    net = network_view(qtbot, snap.sizes)
    net.set_snapshot(snap)
    image = net.neuron_item(1, 0).image
    thumb = {image.pixelColor(x, y).getRgb()[:3] for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y).alpha() == 255}
    assert thumb and thumb <= ramp  # the same neuron's thumbnail
    pens = {net.edge_item(1, s, d).pen().color().getRgb()[:3] for s in range(2) for d in range(8)}
    assert pens <= ramp  # the weights


def test_render_offscreen(qtbot, circle, tmp_path):
    trainer, snap = circle
    out = output_view(qtbot, trainer.dataset)
    net = network_view(qtbot, snap.sizes)
    out.set_snapshot(snap)
    net.set_snapshot(snap)
    for w, name in ((out, "out.png"), (net, "net.png")):
        image = w.grab().toImage()
        assert not image.isNull() and image.width() > 100
        assert image.save(str(tmp_path / name))


# -- fitting the pane and reading from afar -------------------------------------------------

PANE_SIZES = [(640, 520), (380, 330), (260, 330), (300, 600), (900, 300)]


@pytest.mark.parametrize("size", PANE_SIZES)
def test_boundary_map_covers_exactly_what_the_axes_show(qtbot, circle, size):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    view.resize(*size)
    qtbot.wait(10)
    page = view.page
    extent = plot_extent(trainer.dataset)
    assert page.extent == snap.extent == extent
    assert page.view_range() == pytest.approx(extent, abs=1e-9)  # the axes: the extent, nothing more
    r = page.image_rect()
    assert (r.left(), r.right(), r.top(), r.bottom()) == pytest.approx(extent, abs=1e-9)  # the map: all of it
    w, h = page.view_box_size()
    assert w > 50 and abs(w - h) <= 1.0  # square: a unit as long on both axes


def test_the_extent_is_the_data_with_a_small_margin(qtbot, circle):
    trainer, _ = circle
    far = float(np.abs(np.concatenate([trainer.dataset.x_train, trainer.dataset.x_test])).max())
    xmin, xmax, ymin, ymax = output_view(qtbot, trainer.dataset).page.extent
    assert xmax == -xmin == ymax == -ymin
    assert far < xmax <= far * 1.1 + 0.1


def _dark(color) -> bool:
    return color.lightnessF() < 0.3


@pytest.mark.parametrize("dataset", ["circle", "multi-gauss", "seed-example"])
def test_training_and_test_points_have_dark_outlines_and_different_markers(qtbot, dataset):
    trainer = Trainer(TrainConfig(dataset=dataset, samples=200, hidden=(4,)))
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snapshot_views(trainer))
    page = view.page
    train, test = page.train_points, page.test_points
    for points in (train, test):
        assert _dark(points.opts["pen"].color()) and points.opts["pen"].widthF() >= 1.0
    assert train.opts["symbol"] == "o" and test.opts["symbol"] == "d"
    legend = " ".join(view.legend_texts)
    assert "training point" in legend and "test point" in legend
    assert "\u25cf" in legend and "\u25c6" in legend  # the legend shows each marker


@pytest.mark.parametrize("dataset", ["circle", "multi-gauss", "seed-example", "digits"])
@pytest.mark.parametrize("size", [(640, 520), (380, 330), (260, 330)])
def test_no_text_is_cut_and_no_legend_entry_breaks(qtbot, dataset, size):
    trainer = Trainer(TrainConfig(dataset=dataset, samples=200, hidden=(4,), epochs=1, batch_size=64))
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snapshot_views(trainer))
    view.resize(*size)
    qtbot.waitUntil(lambda: view.width() == size[0])
    assert view.clipped_texts() == []
    line = QFontMetricsF(view.font()).height()
    for label in view._legend_labels:  # one label per entry, each on one line
        assert label.height() < 2 * line and label.width() >= label.sizeHint().width()
    assert view.title_text == view.page.title  # whole, never elided
    if view.kind == "boundary2d":
        assert view.page.colorbar_label in ("P(class 1)", "value")


def test_a_long_neuron_title_wraps_instead_of_being_cut(qtbot, circle):
    trainer, snap = circle
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    view.resize(240, 400)
    view.show_neuron(2, 3)
    qtbot.wait(10)
    assert view.title_text.startswith("Layer 2, neuron 4")
    assert view.clipped_texts() == []


def test_digits_numbers_shrink_then_hide_when_cells_are_small(qtbot, digits):
    trainer, snap = digits
    view = output_view(qtbot, trainer.dataset)
    view.set_snapshot(snap)
    view.resize(1200, 800)
    qtbot.waitUntil(lambda: view.page.confusion_font_factor == 1.0)
    view.resize(330, 300)
    qtbot.waitUntil(lambda: view.page.confusion_font_factor is None)
    assert not any(t.isVisible() for t in view.page.confusion.texts)
    assert view.page.plot_titles == ["Confusion matrix (test\u00a0set)", "Test images, predicted"]
    assert view.clipped_texts() == []


# -- network view: texts at the font's size, whatever the architecture ---------------------


@pytest.mark.parametrize("sizes", [(2, 4, 1), (2, 16, 16, 16, 2), (64, 32, 10), (2, *(8,) * 8, 2)])
@pytest.mark.parametrize("pane", [(380, 330), (700, 480), (1200, 900)])
def test_network_labels_keep_a_readable_size(qtbot, sizes, pane):
    view = network_view(qtbot, sizes)
    view.resize(*pane)
    qtbot.waitUntil(lambda: view.width() == pane[0])
    app_line = QFontMetricsF(view.font()).height()
    px = view.text_pixel_sizes()
    assert px, "no labels drawn"
    for text, h in px.items():
        assert LABEL_MIN * app_line - 0.5 <= h <= LABEL_MAX * app_line + 0.5, text
    assert view.clipped_texts() == []  # inside the view, none over another
    assert view.transform().isIdentity()  # drawn in pixels: the fit never scales text


def test_hidden_neuron_counts_sit_above_the_edges_on_a_patch(qtbot, digits):
    _, snap = digits
    view = network_view(qtbot, snap.sizes)
    view.set_snapshot(snap)
    more = [it for it in view.text_items() if it.text().startswith("+")]
    assert sorted(it.text() for it in more) == ["+24", "+56"]
    top_edge = max(e.zValue() for layer in view._edges for e in layer)
    for it in more:
        assert it.zValue() > top_edge and it._background is not None


def test_neurons_fill_the_height_of_the_pane(qtbot):
    view = network_view(qtbot, (2, 4, 1))
    view.resize(380, 200)
    qtbot.waitUntil(lambda: view.height() == 200)
    small = view.neuron_item(1, 0).r
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view.neuron_item(1, 0).r > small)
    neurons = [view.neuron_item(1, i).sceneBoundingRect() for i in range(4)]
    assert all(view.sceneRect().contains(r) for r in neurons)


# -- loss plot: the legend above the curves --------------------------------------------------


def test_loss_legend_is_a_row_above_the_plot_not_inside_it(qtbot):
    from playground.ui.views.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(220, 360)
    plot.show()
    qtbot.waitExposed(plot)
    assert plot.lossPlot.plotItem.legend is None and plot.accuracyPlot.plotItem.legend is None
    assert [name for name, _ in plot.legend_entries()] == ["train", "test", "train, per step"]
    assert plot.legend.geometry().bottom() < plot.tabs.geometry().top()
    plot.stepsInput.setChecked(False)
    assert [name for name, _ in plot.legend_entries()] == ["train", "test"]
    plot.tabs.setCurrentIndex(1)
    assert "per step" not in plot.legend.text()
    assert plot.clipped_texts() == []
    assert plot.minimumSizeHint().width() <= 200


def test_views_follow_a_zoom_of_the_font(qtbot, circle):
    """Presenter mode zooms by setting a bigger font: the views' texts and fixed sizes follow it."""
    from PySide6.QtGui import QFont

    trainer, snap = circle
    out, net = output_view(qtbot, trainer.dataset), network_view(qtbot, snap.sizes)
    out.set_snapshot(snap)
    net.set_snapshot(snap)
    for view in (out, net):
        font = QFont(view.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        view.setFont(font)
    qtbot.wait(10)
    line = QFontMetricsF(net.font()).height()
    assert all(LABEL_MIN * line - 0.5 <= h <= LABEL_MAX * line + 0.5 for h in net.text_pixel_sizes().values())
    assert net.clipped_texts() == []
    assert out._info.height() >= QFontMetricsF(out.font()).height() - 0.5  # the numbers are not cut
    assert out.page.train_points.opts["size"] == pytest.approx(theme.em_f(out, 0.62))
    assert out.clipped_texts() == []
