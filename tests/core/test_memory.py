"""Long runs stay flat: the per-step loss history costs 8 bytes a step (issue 13, memory)."""

import gc
import tracemalloc

import numpy as np

from playground.core.presets import get_preset
from playground.core.training import LossHistory, Trainer


def test_200000_step_losses_cost_under_2_5_mb():
    trainer = Trainer(get_preset("xor").config.replace(epochs=1))
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        losses = trainer.step_losses
        for i in range(200_000):
            losses.append(0.5 + i * 1e-6)  # what train_step appends: one Python float per step
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
    assert len(trainer.step_losses) == 200_000
    assert grown < 2.5e6, f"{grown / 1e6:.1f} MB for 200,000 losses"


def test_training_grows_by_a_few_bytes_a_step():
    trainer = Trainer(get_preset("xor").config.replace(epochs=80))  # 25 steps an epoch
    mine = [tracemalloc.Filter(True, "*playground*core*training.py")]  # what the trainer keeps
    tracemalloc.start()
    try:
        trainer.run(epochs=20)  # warm: caches and allocator pools filled
        gc.collect()
        before = tracemalloc.take_snapshot().filter_traces(mine)
        trainer.run(epochs=80)
        gc.collect()
        after = tracemalloc.take_snapshot().filter_traces(mine)
    finally:
        tracemalloc.stop()
    grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
    steps = 60 * trainer.steps_per_epoch
    # the 8-byte loss plus each epoch's metrics (~250 bytes an epoch, 10 a step), amortized
    assert grown / steps < 40, f"{grown / steps:.0f} bytes a step"


def test_the_history_reads_like_the_list_it_was():
    h = LossHistory([0.5, 0.25])
    h.append(0.125)
    assert h == [0.5, 0.25, 0.125] and [0.5, 0.25, 0.125] == h and h != [0.5]
    assert len(h) == 3 and h[0] == 0.5 and h[-1] == 0.125 and h[1:] == [0.25, 0.125] and list(h) == h.tolist()
    assert np.asarray(h, dtype=np.float64).tolist() == h and np.asarray(h[3:]).shape == (0,)
    assert LossHistory(h.to_tensor()) == h and h.to_tensor().dtype.is_floating_point


def test_state_round_trip_keeps_every_loss():
    config = get_preset("xor").config.replace(epochs=2)
    trained = Trainer(config)
    trained.run()
    restored = Trainer(config)
    restored.load_state(trained.state())
    assert restored.step_losses == trained.step_losses and isinstance(restored.step_losses, LossHistory)
