"""What the sequence families learned, as plain numbers (core/sequence.py's networks).

``sequence_snapshot`` (a RecurrentNet: rnn, gru, lstm) and ``attention_snapshot`` (AttentionNet) are
called by ``core.inspect.snapshot_views`` in eval mode under ``torch.no_grad()``; each is for one
picked test sequence (``picked``, clamped to the test set, the same index the CNN's picked image
uses) and holds only numpy arrays and numbers.

The network view draws them as layers of neurons: ``sizes``/``weights``/``biases`` are, for a
recurrent net, each recurrent layer's input weights of its candidate state (nn.RNN's own, the GRU's
"n" block, the LSTM's "g" block; the recurrence itself is not drawn) and ``fc1``; for the attention
model the position embedding (positions -> width), each further block's attention output
projection and ``fc1``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from playground.core.inspect import ViewSnapshot, _to_numpy, confusion_matrix

if TYPE_CHECKING:
    import torch

SHOWN_TEST = 50  # regression: the first test sequences whose predicted and true next values are drawn
_CANDIDATE_BLOCK = {"rnn": 0, "gru": 2, "lstm": 2}  # which gate block of weight_ih is the new state's


@dataclass(frozen=True, eq=False, kw_only=True)
class SequenceSnapshot(ViewSnapshot):
    """A recurrent network (rnn, gru, lstm) on sequences of one value per time step."""

    kind: ClassVar[str] = "sequence"
    family: str  # "rnn" | "gru" | "lstm"
    picked: int  # index into the test set of the sequence shown
    values: np.ndarray  # (steps,) float32: the picked test sequence
    target: float  # regression: the true next value; classification: the true class (as a float of an int)
    prediction: np.ndarray  # regression: (1,) the predicted value; classification: (K,) class probabilities
    hidden: np.ndarray  # (steps, hidden) float32: the last recurrent layer's state at every step
    # regression: the first SHOWN_TEST test sequences' true and predicted next values (float32);
    # classification: every test sequence's true and predicted class (int64)
    test_targets: np.ndarray
    test_predictions: np.ndarray
    confusion: np.ndarray | None = None  # (K, K) int64, rows the true class (classification)

    @property
    def predicted_class(self) -> int | None:
        return int(np.argmax(self.prediction)) if self.task == "classification" else None


@dataclass(frozen=True, eq=False, kw_only=True)
class AttentionSnapshot(ViewSnapshot):
    """The attention model on a token task: the picked test sequence's tokens and attention.
    ``accuracy`` is the test set's per-token accuracy."""

    kind: ClassVar[str] = "attention"
    picked: int
    tokens: np.ndarray  # (steps,) int64: the picked test input
    target: np.ndarray  # (steps,) int64: its answer
    predicted: np.ndarray  # (steps,) int64: the network's answer
    # per block, (heads, steps, steps) float32: rows the query positions, columns the key positions
    # (``weights`` is the network view's, per layer)
    attention: tuple[np.ndarray, ...]
    sequence_accuracy: float | None = None  # the test sequences answered right in every position

    @property
    def heads(self) -> int:
        return int(self.attention[0].shape[0]) if self.attention else 0


def _clamp(picked: int, n: int) -> int:
    return min(max(int(picked), 0), max(n - 1, 0))


def _common(trainer, model, weights, biases) -> dict:
    dataset = trainer.dataset
    return dict(task=dataset.task, n_classes=dataset.n_classes, step=int(trainer.step_count),
                epoch=int(trainer.epoch), sizes=tuple(int(s) for s in model.sizes),
                weights=tuple(weights), biases=tuple(biases))


def _recurrent_layers(model) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each recurrent layer's candidate input weights (h, in) and biases, then fc1's."""
    rnn, h = model.rnn, model.hidden_size
    block = slice(_CANDIDATE_BLOCK[model.family] * h, (_CANDIDATE_BLOCK[model.family] + 1) * h)
    weights, biases = [], []
    for i in range(rnn.num_layers):
        weights.append(_to_numpy(getattr(rnn, f"weight_ih_l{i}")[block]))
        biases.append(_to_numpy(getattr(rnn, f"bias_ih_l{i}")[block] + getattr(rnn, f"bias_hh_l{i}")[block]))
    return [*weights, _to_numpy(model.fc1.weight)], [*biases, _to_numpy(model.fc1.bias)]


def sequence_snapshot(trainer, model, picked: int) -> SequenceSnapshot:
    import torch

    task, k = trainer.dataset.task, trainer.dataset.n_classes
    x_test: torch.Tensor = trainer.x_test
    n = len(x_test)
    picked = _clamp(picked, n)
    steps = model.steps
    if n:
        x = x_test[picked : picked + 1]
        out = model(x)[0]
        hidden = _to_numpy(model.hidden_states(x)[0].float())
        values = _to_numpy(x.reshape(steps).float())
        y = trainer.y_test[picked]
        target = float(y.reshape(-1)[0]) if task == "regression" else float(int(y))
    else:
        out = torch.zeros(max(k, 1))
        hidden = np.zeros((steps, model.hidden_size), dtype=np.float32)
        values, target = np.zeros(steps, dtype=np.float32), 0.0
    confusion, accuracy = None, None
    if task == "regression":
        prediction = _to_numpy(out.float())
        shown = x_test[:SHOWN_TEST]
        test_targets = _to_numpy(trainer.y_test[:SHOWN_TEST].reshape(-1).float())
        test_predictions = _to_numpy(model(shown)[:, 0].float()) if len(shown) else np.zeros(0, np.float32)
    else:
        prediction = _to_numpy(torch.softmax(out.float(), 0))
        pred = model(x_test).argmax(1) if n else torch.zeros(0, dtype=torch.int64)
        test_predictions, test_targets = _to_numpy(pred), _to_numpy(trainer.y_test)
        accuracy = float((pred == trainer.y_test).float().mean()) if n else None
        confusion = confusion_matrix(test_targets, test_predictions, max(k, 1))
        confusion.setflags(write=False)
    weights, biases = _recurrent_layers(model)
    return SequenceSnapshot(**_common(trainer, model, weights, biases), accuracy=accuracy, family=model.family,
                            picked=picked, values=values, target=target, prediction=prediction, hidden=hidden,
                            test_targets=test_targets, test_predictions=test_predictions, confusion=confusion)


def attention_snapshot(trainer, model, picked: int) -> AttentionSnapshot:
    x_test: torch.Tensor = trainer.x_test
    n, steps = len(x_test), model.steps
    picked = _clamp(picked, n)
    accuracy = sequence_accuracy = None
    if n:
        pred = model(x_test).argmax(1)  # (n, steps)
        right = pred == trainer.y_test
        accuracy = float(right.float().mean())
        sequence_accuracy = float(right.all(1).float().mean())
        x = x_test[picked : picked + 1]
        tokens = _to_numpy(x.reshape(steps).long())
        target = _to_numpy(trainer.y_test[picked].long())
        predicted = _to_numpy(pred[picked])
        attention = tuple(_to_numpy(w[0].float()) for w in model.attention_weights(x))
    else:
        tokens = target = predicted = np.zeros(steps, dtype=np.int64)
        attention = tuple(np.zeros((model.heads, steps, steps), np.float32) for _ in model.blocks)
    later = model.blocks[1:]  # sizes: positions, one width per block, vocab
    weights = [_to_numpy(model.position.weight.T), *(_to_numpy(b.attention.out_proj.weight) for b in later),
               _to_numpy(model.fc1.weight)]
    width = model.position.weight.shape[1]
    biases = [np.zeros(width, dtype=np.float32), *(_to_numpy(b.attention.out_proj.bias) for b in later),
              _to_numpy(model.fc1.bias)]
    return AttentionSnapshot(**_common(trainer, model, weights, biases), accuracy=accuracy, picked=picked,
                             tokens=tokens, target=target, predicted=predicted, attention=attention,
                             sequence_accuracy=sequence_accuracy)


__all__ = ["SequenceSnapshot", "AttentionSnapshot", "sequence_snapshot", "attention_snapshot", "SHOWN_TEST"]
