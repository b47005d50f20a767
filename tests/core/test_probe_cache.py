"""The graph probe traces loss.grad_fn only when the graph can have changed (issue 14).

The MLP without dropout records the same graph on every pass: it is traced once per model and
batch shape, and later captures reuse that spec, hooking the same nodes. The dynamic model and
dropout change the graph from pass to pass: every capture traces it anew.
"""

from __future__ import annotations

import dataclasses

import pytest

from playground.core.presets import get_preset
from playground.core.probe import GraphProbe
from playground.core.training import Trainer


def captures(trainer: Trainer, probe: GraphProbe, n: int) -> list:
    snaps = []
    for _ in range(n):
        probe.request()
        trainer.train_step()
        snaps.append(probe.take())
    return snaps


def fresh(trainer: Trainer):
    """What a probe without a cache captures on the trainer's next step."""
    probe = GraphProbe()
    probe.attach(trainer)
    (snap,) = captures(trainer, probe, 1)
    probe.detach()
    return snap


def test_an_mlp_without_dropout_is_traced_once_and_shows_what_a_fresh_trace_shows():
    trainer = Trainer(get_preset("circle").config)
    probe = GraphProbe()
    probe.attach(trainer)
    snaps = captures(trainer, probe, 5)
    assert probe.traces == 1
    assert all(s.spec is snaps[0].spec for s in snaps)  # the same spec, reused
    cached = captures(trainer, probe, 1)[0]
    reference = fresh(trainer)  # the step after: its own trace
    assert cached.spec.to_dict() == reference.spec.to_dict()
    assert cached.node_stats.keys() == reference.node_stats.keys()
    for nid, st in reference.node_stats.items():  # every op hooked again: each has its gradient norm
        assert st.keys() == cached.node_stats[nid].keys()
    assert probe.traces == 1


def test_a_new_batch_shape_or_a_new_model_is_traced_again():
    config = dataclasses.replace(get_preset("circle").config, batch_size=48)
    trainer = Trainer(config)
    probe = GraphProbe()
    probe.attach(trainer)
    steps_per_epoch = -(-len(trainer.x_train) // config.batch_size)
    assert len(trainer.x_train) % config.batch_size  # the last batch of an epoch is short
    snaps = captures(trainer, probe, steps_per_epoch + 1)
    shapes = [s.spec.by_id["input"].shape for s in snaps]
    assert shapes[-2] == [len(trainer.x_train) % config.batch_size, 2] and shapes[-1] == [48, 2]
    assert probe.traces == 3  # full batches, the short one, full batches again
    other = Trainer(config)
    probe.attach(other)
    captures(other, probe, 2)
    assert probe.traces == 4


@pytest.mark.parametrize("change", [{"dropout": 0.3}, {"model": "dynamic"}])
def test_dropout_and_the_dynamic_model_are_traced_on_every_capture(change):
    trainer = Trainer(dataclasses.replace(get_preset("circle").config, **change))
    probe = GraphProbe()
    probe.attach(trainer)
    snaps = captures(trainer, probe, 6)
    assert probe.traces == 6
    assert len({id(s.spec) for s in snaps}) == 6
    if "model" in change:  # the loop count changes the graph's structure from pass to pass
        assert len({s.structure_key for s in snaps}) > 1


def test_the_cache_does_not_keep_a_spent_network_alive():
    import gc
    import weakref

    trainer = Trainer(get_preset("circle").config)
    probe = GraphProbe()
    probe.attach(trainer)
    captures(trainer, probe, 2)
    model = weakref.ref(trainer.model)
    probe.detach()
    del trainer
    gc.collect()
    assert model() is None
