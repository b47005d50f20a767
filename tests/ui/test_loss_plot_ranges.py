"""The loss plot's axes: fitted anew after clear (Reset, a preset change), and held to the readable
losses while a run diverges, so the earlier curve never flattens to a line at 0."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.training import EpochMetrics
from playground.ui.views.loss_plot import LossPlot


@pytest.fixture
def plot(qtbot):
    view = LossPlot()
    qtbot.addWidget(view)
    view.resize(400, 360)
    view.show()
    qtbot.waitExposed(view)
    return view


def epochs(losses, start=1) -> list[EpochMetrics]:
    return [EpochMetrics(epoch=start + i, step=0, train_loss=v, test_loss=v, train_accuracy=0.5, test_accuracy=0.5)
            for i, v in enumerate(losses)]


def y_range(view: LossPlot) -> tuple[float, float]:
    view.lossPlot.plotItem.vb.updateAutoRange()  # as the next paint would
    return tuple(view.lossPlot.plotItem.vb.viewRange()[1])


def x_range(view: LossPlot) -> tuple[float, float]:
    return tuple(view.lossPlot.plotItem.vb.viewRange()[0])


def test_a_divergence_keeps_the_earlier_curve_readable(plot):
    plot.clear(steps_per_epoch=4)
    plot.add(np.array([0.7, 0.69, 0.68, 0.66, 0.6, 0.55, 0.5, 0.45]), epochs([0.67, 0.52]))
    plot.redraw()
    lo, hi = y_range(plot)
    assert hi < 1.0  # fitted to the losses
    plot.add(np.array([3.0, 1e6, 1.3e36, np.inf]), epochs([1.3e36], start=3))
    plot.redraw()
    lo, hi = y_range(plot)
    assert hi < 10 and lo > -1, "the view keeps to the losses below 1e3 x the first epoch's median"
    assert plot.loss_y_range() == pytest.approx((0.45, 3.0))
    # log scale shows it all instead
    plot.logInput.setChecked(True)
    assert y_range(plot)[1] > 30  # log10 of 1.3e36 is about 36
    plot.logInput.setChecked(False)
    assert y_range(plot)[1] < 10


def test_clear_forgets_the_diverged_range(plot):
    plot.clear(steps_per_epoch=2)
    plot.add(np.array([0.7, 0.6, 1.3e36, 1.3e36]), epochs([0.65, 1.3e36]))
    plot.redraw()
    plot.lossPlot.plotItem.vb.setXRange(5, 9)  # the user panned along x: auto range is off
    plot.clear(steps_per_epoch=2)  # Reset
    assert y_range(plot)[1] < 10 and x_range(plot)[1] < 10
    vb = plot.lossPlot.plotItem.vb
    assert all(vb.autoRangeEnabled()), "the axes follow the next run again"
    plot.add(np.array([2.0, 1.9, 1.8, 1.7]), epochs([1.95, 1.75]))
    plot.redraw()
    lo, hi = y_range(plot)
    assert 1.5 < lo < 1.8 and 1.9 < hi < 2.2
    assert x_range(plot)[1] < 3
    assert not plot.accuracyPlot.plotItem.vb.autoRangeEnabled()[1]  # accuracy keeps its fixed 0..1 ...
    assert plot.accuracyPlot.plotItem.vb.autoRangeEnabled()[0]  # ... and follows the epochs


def test_losses_that_fit_are_auto_ranged(plot):
    plot.clear(steps_per_epoch=2)
    plot.add(np.array([1.0, 50.0, 20.0, 10.0]), epochs([25.0, 15.0]))  # large, but no divergence
    plot.redraw()
    assert plot.loss_y_range() is None
    assert plot.lossPlot.plotItem.vb.autoRangeEnabled()[1]


def test_hiding_the_per_step_curve_refits(plot):
    plot.clear(steps_per_epoch=2)
    plot.add(np.array([0.5, 0.5, 0.4, 1e9]), epochs([0.5, 0.45]))  # only one step diverged
    plot.redraw()
    assert plot.loss_y_range() == pytest.approx((0.4, 0.5))
    plot.stepsInput.setChecked(False)
    assert plot.loss_y_range() is None and plot.lossPlot.plotItem.vb.autoRangeEnabled()[1]
