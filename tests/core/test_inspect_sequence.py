"""core.inspect for the sequence families: the picked test sequence, its hidden states or
attention weights, the test predictions (no Qt)."""

from __future__ import annotations

import numpy as np
import torch

from playground.core.config import TrainConfig
from playground.core.inspect import snapshot_views
from playground.core.inspect_sequence import SHOWN_TEST, AttentionSnapshot, SequenceSnapshot
from playground.core.training import Trainer


def trainer(dataset: str, model: str, **changes) -> Trainer:
    config = TrainConfig(dataset=dataset, model=model, samples=200, epochs=1, **{"hidden": (16,), **changes})
    t = Trainer(config)
    t.train_step()
    return t


def test_gru_on_sine_snapshot_is_the_picked_sequence_and_its_hidden_states():
    t = trainer("sine", "gru")
    snap = snapshot_views(t, picked=7)
    assert isinstance(snap, SequenceSnapshot) and snap.kind == "sequence" and snap.family == "gru"
    assert snap.picked == 7 and snap.task == "regression" and snap.accuracy is None and snap.confusion is None
    np.testing.assert_array_equal(snap.values, t.x_test[7].numpy())
    assert snap.target == float(t.y_test[7, 0])
    t.model.eval()
    with torch.no_grad():
        hidden = t.model.hidden_states(t.x_test[7:8])[0].numpy()
        out = t.model(t.x_test[7:8])[0].numpy()
        shown = t.model(t.x_test[:SHOWN_TEST])[:, 0].numpy()
    assert snap.hidden.shape == (20, 16) and snap.hidden.dtype == np.float32 and not snap.hidden.flags.writeable
    np.testing.assert_array_equal(snap.hidden, hidden)
    np.testing.assert_array_equal(snap.prediction, out)
    assert snap.test_targets.shape == snap.test_predictions.shape == (SHOWN_TEST,)
    np.testing.assert_array_equal(snap.test_targets, t.y_test[:SHOWN_TEST, 0].numpy())
    np.testing.assert_array_equal(snap.test_predictions, shown)
    # the network view's layers: the candidate block of the GRU's input weights ("n"), then fc1
    assert snap.sizes == (1, 16, 1) and [w.shape for w in snap.weights] == [(16, 1), (1, 16)]
    np.testing.assert_array_equal(snap.weights[0], t.model.rnn.weight_ih_l0.detach()[32:48].numpy())
    assert not np.array_equal(snapshot_views(t, picked=8).hidden, snap.hidden)


def test_lstm_on_pattern_snapshot_has_probabilities_and_confusion():
    t = trainer("pattern", "lstm", hidden=(8, 8))
    n = len(t.x_test)
    snap = snapshot_views(t, picked=n + 5)
    assert snap.picked == n - 1 and snap.task == "classification" and snap.hidden.shape == (20, 8)
    assert snap.prediction.shape == (2,) and abs(float(snap.prediction.sum()) - 1) < 1e-5
    assert snap.target == float(t.y_test[n - 1]) and snap.predicted_class == int(snap.prediction.argmax())
    t.model.eval()
    with torch.no_grad():
        pred = t.model(t.x_test).argmax(1).numpy()
        hidden = t.model.hidden_states(t.x_test[n - 1:])[0].numpy()
    np.testing.assert_array_equal(snap.hidden, hidden)  # the last of the two layers
    np.testing.assert_array_equal(snap.test_predictions, pred)
    assert snap.confusion.shape == (2, 2) and int(snap.confusion.sum()) == n
    assert snap.accuracy == float(np.float32((pred == t.y_test.numpy()).mean()))
    assert snap.sizes == (1, 8, 8, 2) and [w.shape for w in snap.weights] == [(8, 1), (8, 8), (2, 8)]


def test_attention_on_reverse_snapshot_is_the_picked_tokens_and_their_weights():
    t = trainer("reverse", "attention", hidden=(32, 32), heads=2, activation="relu")
    snap = snapshot_views(t, picked=4)
    assert isinstance(snap, AttentionSnapshot) and snap.kind == "attention" and snap.picked == 4
    np.testing.assert_array_equal(snap.tokens, t.x_test[4].long().numpy())
    np.testing.assert_array_equal(snap.target, t.y_test[4].numpy())
    np.testing.assert_array_equal(snap.target, snap.tokens[::-1])
    t.model.eval()
    with torch.no_grad():
        pred = t.model(t.x_test).argmax(1)
        weights = t.model.attention_weights(t.x_test[4:5])
    np.testing.assert_array_equal(snap.predicted, pred[4].numpy())
    assert snap.heads == 2 and [w.shape for w in snap.attention] == [(2, 6, 6), (2, 6, 6)]
    for got, want in zip(snap.attention, weights):
        np.testing.assert_array_equal(got, want[0].numpy())
        np.testing.assert_allclose(got.sum(-1), 1, atol=1e-5)  # each query's weights over the keys
    assert snap.accuracy == float((pred == t.y_test).float().mean())
    assert snap.sequence_accuracy == float((pred == t.y_test).all(1).float().mean())
    assert snap.sizes == (6, 32, 32, 10) and [w.shape for w in snap.weights] == [(32, 6), (32, 32), (10, 32)]
    assert [b.shape for b in snap.biases] == [(32,), (32,), (10,)]
