"""The sequence families in the standalone ``.py`` export (core.sequence): the recurrent Net (``rnn``,
``fc1``) and the attention Net (``embed``, ``position``, ``block1``..., ``fc1``, with a ``Block``
class of the same submodules). The parameters have the playground's names and are made in its
order from the same seed, so the script's first weights, every step's loss and the exported
weights all match.
"""

from __future__ import annotations

SEQUENCE_MODELS = ("rnn", "gru", "lstm", "attention")
_RECURRENT = {"rnn": "nn.RNN", "gru": "nn.GRU", "lstm": "nn.LSTM"}


def sequence_settings(model) -> list[str]:
    if model.family == "attention":
        return [f"STEPS = {model.steps}  # tokens per sample (digits 0-{model.vocab - 1}, stored as floats)",
                f"VOCAB = {model.vocab}  # token values; the output scores each one at every position",
                f"HEADS = {model.heads}  # attention heads per block"]
    return [f"STEPS = {model.steps}  # time steps per sample: one value each"]


def sequence_network(model, act: str) -> tuple[str, str, str]:
    """The Net's ``__init__`` lines, its ``forward``, and the classes it needs first (attention's
    ``Block``; "" for the recurrent families)."""
    if model.family != "attention":
        n_layers = model.rnn.num_layers
        layers = [f"        self.rnn = {_RECURRENT[model.family]}(1, {model.hidden_size}, num_layers={n_layers}, "
                  f"batch_first=True)  # inputs per step, state size, stacked layers",
                  f"        self.fc1 = nn.Linear({model.hidden_size}, {model.sizes[-1]})  # from the last step's state"]
        forward = ["    def forward(self, x):",
                   "        out, _ = self.rnn(x.reshape(-1, STEPS, 1))  # (batch, steps, state): every step's state",
                   "        return self.fc1(out[:, -1])  # the last step's state -> the answer"]
        return "\n".join(layers), "\n".join(forward), ""
    width = model.embed.embedding_dim
    blocks = len(model.blocks)
    layers = [f"        self.embed = nn.Embedding(VOCAB, {width})  # each token -> a vector of {width}",
              f"        self.position = nn.Embedding(STEPS, {width})  # each position -> a vector, learned too"]
    layers += [f"        self.block{i} = Block({width})" for i in range(1, blocks + 1)]
    layers.append(f"        self.fc1 = nn.Linear({width}, VOCAB)  # each position's scores for every token")
    forward = ["    def forward(self, x):",
               "        tokens = x.reshape(-1, STEPS).long()",
               "        h = self.embed(tokens) + self.position.weight  # (batch, steps, width): what and where"]
    forward += [f"        h = self.block{i}(h)" for i in range(1, blocks + 1)]
    forward.append("        return self.fc1(h).transpose(1, 2)  # (batch, vocab, steps): one class per position")
    block = f'''# -- one attention block: self-attention, then a feed-forward layer, each added to its input
# and layer-normed (as in "Attention Is All You Need")
class Block(nn.Module):
    def __init__(self, width):
        super(Block, self).__init__()
        self.attention = nn.MultiheadAttention(width, HEADS, batch_first=True)
        self.norm1 = nn.LayerNorm(width)
        self.ff1 = nn.Linear(width, 2 * width)
        self.ff2 = nn.Linear(2 * width, width)
        self.norm2 = nn.LayerNorm(width)

    def forward(self, h):
        a, _ = self.attention(h, h, h, need_weights=False, average_attn_weights=False)  # every position looks at all
        h = self.norm1(h + a)
        return self.norm2(h + self.ff2({act.format("self.ff1(h)")}))'''
    return "\n".join(layers), "\n".join(forward), block


def penalized_names(model) -> list[str]:
    """The parameters core.model.penalty sums, by name, in its order (model.penalized_weights)."""
    ids = {id(p) for p in model.penalized_weights()}
    return [name for name, p in model.named_parameters() if id(p) in ids]


__all__ = ["SEQUENCE_MODELS", "penalized_names", "sequence_network", "sequence_settings"]
