"""Sequence families, as the article's closing chapter uses PyTorch for language: recurrent
networks (config ``model`` "rnn", "gru", "lstm") and a small transformer-style attention block
("attention").

As with the CNN, the data stays one row per sample: a sequence of ``steps`` numbers (the sine and
pattern sets: one value per time step) or token ids (reverse, sort: digits 0-9 as floats). The
network reshapes it first.

- ``RecurrentNet``: ``rnn`` (nn.RNN, nn.GRU or nn.LSTM, ``len(hidden)`` stacked layers of
  ``hidden[0]`` units, batch first) over the time steps, then ``fc1`` on the last step's state:
  the next value (regression) or the sequence's class.
- ``AttentionNet``: token embedding ``embed`` plus a learned position embedding ``position``,
  ``len(hidden)`` blocks (``block1``...: multi-head self-attention with ``heads`` heads, then a
  feed-forward layer, each with a residual connection and layer norm, as in "Attention Is All You
  Need"), and ``fc1`` giving each position's token scores. Its output is (batch, vocab, steps), the
  layout nn.CrossEntropyLoss takes for one class per position, so the loss and the accuracy
  (argmax over dim 1) need nothing special: accuracy is per token.
"""

from __future__ import annotations

import torch
from torch import nn

from playground.core import catalog
from playground.core.model import FamilyNet

RECURRENT = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


class RecurrentNet(FamilyNet):
    def __init__(self, family: str, steps: int, hidden: tuple[int, ...], n_outputs: int):
        super().__init__()
        self.family = family
        self.steps = int(steps)
        self.hidden_size = int(hidden[0])
        self.rnn = RECURRENT[family](1, self.hidden_size, num_layers=len(hidden), batch_first=True)
        self.fc1 = nn.Linear(self.hidden_size, n_outputs)
        self.sizes = [1, *hidden, n_outputs]

    @property
    def layers(self) -> tuple[nn.Module, ...]:
        return (self.rnn, self.fc1)

    def layer_name(self, index: int) -> str:
        return ("rnn", "fc1")[index]

    def penalized_weights(self) -> list[torch.Tensor]:
        """The weights the regularization penalty sums (not the biases), in parameter order."""
        return [p for name, p in self.named_parameters() if "weight" in name]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x.reshape(-1, self.steps, 1))  # (batch, steps, hidden): every step's state
        return self.fc1(out[:, -1])

    @torch.no_grad()
    def hidden_states(self, x: torch.Tensor) -> torch.Tensor:
        """The last layer's state at every time step, (batch, steps, hidden), for the heatmap."""
        out, _ = self.rnn(x.reshape(-1, self.steps, 1))
        return out


class Block(nn.Module):
    """Self-attention, then a feed-forward layer; each adds to its input and is layer-normed."""

    def __init__(self, width: int, heads: int, activation: str):
        super().__init__()
        self.attention = nn.MultiheadAttention(width, heads, batch_first=True)
        self.norm1 = nn.LayerNorm(width)
        self.ff1 = nn.Linear(width, 2 * width)
        self.ff2 = nn.Linear(2 * width, width)
        self.act = catalog.ACTIVATIONS[activation].module()
        self.norm2 = nn.LayerNorm(width)
        self.weights: torch.Tensor | None = None  # the last attention weights, when asked for

    def forward(self, h: torch.Tensor, keep_weights: bool = False) -> torch.Tensor:
        a, w = self.attention(h, h, h, need_weights=keep_weights, average_attn_weights=False)
        if keep_weights:
            self.weights = w  # (batch, heads, query position, key position)
        h = self.norm1(h + a)
        return self.norm2(h + self.ff2(self.act(self.ff1(h))))


class AttentionNet(FamilyNet):
    family = "attention"

    def __init__(self, steps: int, vocab: int, hidden: tuple[int, ...], heads: int, activation: str = "relu"):
        super().__init__()
        width = int(hidden[0])
        self.steps, self.vocab, self.heads = int(steps), int(vocab), int(heads)
        self.embed = nn.Embedding(vocab, width)
        self.position = nn.Embedding(steps, width)
        for i in range(1, len(hidden) + 1):
            setattr(self, f"block{i}", Block(width, heads, activation))
        self.blocks = tuple(getattr(self, f"block{i}") for i in range(1, len(hidden) + 1))
        self.fc1 = nn.Linear(width, vocab)
        self.sizes = [steps, *hidden, vocab]

    @property
    def layers(self) -> tuple[nn.Module, ...]:
        return (self.embed, *self.blocks, self.fc1)

    def layer_name(self, index: int) -> str:
        return ["embed", *(f"block{i}" for i in range(1, len(self.blocks) + 1)), "fc1"][index]

    def penalized_weights(self) -> list[torch.Tensor]:
        return [p for name, p in self.named_parameters() if "weight" in name and "norm" not in name]

    def forward(self, x: torch.Tensor, keep_weights: bool = False) -> torch.Tensor:
        tokens = x.reshape(-1, self.steps).long()
        h = self.embed(tokens) + self.position.weight  # (batch, steps, width): what and where
        for block in self.blocks:
            h = block(h, keep_weights)
        return self.fc1(h).transpose(1, 2)  # (batch, vocab, steps): one class per position

    @torch.no_grad()
    def attention_weights(self, x: torch.Tensor) -> list[torch.Tensor]:
        """Each block's attention weights for ``x``: (batch, heads, steps, steps), rows the queries."""
        self.forward(x, keep_weights=True)
        weights = [b.weights for b in self.blocks]
        for b in self.blocks:
            b.weights = None
        return weights


def sequence_model(config, n_outputs: int) -> nn.Module:
    """The sequence family's network a config describes (its weights from the global torch seed)."""
    entry = catalog.DATASETS[config.dataset]
    if config.model == "attention":
        return AttentionNet(entry.steps, entry.classes, config.hidden, config.heads, config.activation)
    return RecurrentNet(config.model, entry.steps, config.hidden, n_outputs)
