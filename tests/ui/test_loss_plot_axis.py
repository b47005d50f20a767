import numpy as np
from playground.ui.views.loss_plot import LossPlot

def test_after_one_step_the_epoch_axis_spans_a_whole_epoch_without_si_scaling(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    plot.clear(steps_per_epoch=50)
    plot.add(np.array([0.7]), [])
    plot.redraw()
    lo, hi = plot.lossPlot.plotItem.vb.viewRange()[0]
    assert lo >= 0 and hi - lo >= 1
    assert plot.lossPlot.getAxis("bottom").autoSIPrefixScale == 1.0
