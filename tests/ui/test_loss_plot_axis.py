import numpy as np
from PySide6.QtWidgets import QApplication

from playground.ui.views.loss_plot import LossPlot


def test_after_one_step_the_epoch_axis_spans_a_whole_epoch_without_si_scaling(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    plot.clear(steps_per_epoch=50)
    plot.add(np.array([0.7]), [])
    plot.redraw()
    for _ in range(3):  # the view box applies its auto range on posted events
        QApplication.processEvents()
    lo, hi = plot.lossPlot.plotItem.vb.viewRange()[0]
    assert (lo, hi) == (0, 1)
    axis = plot.lossPlot.getAxis("bottom")
    assert axis.autoSIPrefixScale == 1.0
    assert "x0.001" not in axis.labelString()
