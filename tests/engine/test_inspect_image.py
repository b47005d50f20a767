"""InspectImage: the CNN's view shows the feature maps of the test image picked in the window."""

from __future__ import annotations

import numpy as np
from test_engine import Harness  # noqa: E402  (tests/engine/test_engine.py)

from playground.core.config import TrainConfig
from playground.core.inspect import CNNSnapshot
from playground.engine import protocol as p
from playground.engine.engine import Engine
from playground.engine.views_commands import ViewsProbe


def cnn_config() -> TrainConfig:
    return TrainConfig(dataset="digits", model="cnn", hidden=(), channels=(2, 3), kernel_size=3, epochs=1,
                       batch_size=64)


def views_harness() -> Harness:
    h = Harness(probes={"views": ViewsProbe()})
    assert h.do(p.SetConfig(cnn_config(), seq=1)).ok
    return h


def last_views(h: Harness) -> CNNSnapshot:
    (views,) = [e for e in h.events if isinstance(e, p.Views)][-1:]
    assert isinstance(views.views, CNNSnapshot)
    return views.views


def test_the_default_engine_sends_the_first_test_image():
    events: list = []
    engine = Engine(events.append)
    assert isinstance(engine.all_probes["views"], ViewsProbe)
    engine.handle(p.SetConfig(cnn_config(), seq=1))
    engine._send_views()
    snap = [e for e in events if isinstance(e, p.Views)][-1].views
    assert isinstance(snap, CNNSnapshot) and snap.picked == 0


def test_inspect_image_picks_the_image_and_sends_the_views_again():
    h = views_harness()
    h.drain()
    assert last_views(h).picked == 0
    mark = h.mark()
    h.put(p.InspectImage(7, seq=2))
    h.drain()
    assert h.reply(2).ok
    views = h.of(p.Views, since=mark)
    assert len(views) == 1
    snap = views[0].views
    assert snap.picked == 7
    np.testing.assert_array_equal(snap.image, h.trainer.x_test[7].reshape(8, 8).numpy())


def test_the_picked_image_outlives_a_new_network():
    h = views_harness()
    assert h.do(p.InspectImage(3, seq=2)).ok
    assert h.do(p.SetConfig(cnn_config().replace(channels=(4,)), seq=3)).ok
    h.drain()
    snap = last_views(h)
    assert snap.picked == 3 and [m.shape for m in snap.feature_maps] == [(4, 8, 8)]


def test_a_bad_index_is_refused_and_keeps_the_picked_image():
    h = views_harness()
    assert h.do(p.InspectImage(4, seq=2)).ok
    reply = h.do(p.InspectImage(-1, seq=3))
    assert not reply.ok and reply.field == "index" and "-1" in reply.message
    assert h.engine.all_probes["views"].picked == 4


def test_inspect_image_before_any_network_is_kept():
    h = Harness(probes={"views": ViewsProbe()})
    assert h.do(p.InspectImage(2, seq=1)).ok
    assert h.do(p.SetConfig(cnn_config(), seq=2)).ok
    h.drain()
    assert last_views(h).picked == 2
