"""The network as a model file for other runtimes: ONNX and a ``torch.export`` program.

- ``.onnx``: for ONNX Runtime (no Python needed); input ``"input"`` (batch, features: the point
  (x1, x2) for a network with input features such as x1^2, which the model computes itself; for
  the CNN each picture's pixels as one row, height x width, which it reshapes itself; for the
  sequence families one row of ``steps`` values, or token ids as floats for attention), output
  ``"output"`` (batch, classes) holding logits, or (batch, 1) for regression, or (batch, vocab,
  steps) for attention's tokens; the batch dimension is dynamic (the default dynamo exporter
  handles nn.RNN/GRU/LSTM and nn.MultiheadAttention with this torch). The config travels in the model's ``metadata_props["playground_config"]``.
- ``.pt2``: a ``torch.export`` program (``torch.export.load(path).module()(x)``), batch dynamic.

Both export a CPU copy of the network: the live model is not touched.
"""

from __future__ import annotations

import io
import logging
import warnings
from contextlib import contextmanager

import torch

from playground import __version__
from playground.core.model import MLP, build_model, cpu_state_dict
from playground.io.atomic import ExportError, first_line

ONNX_INPUT, ONNX_OUTPUT = "input", "output"


def cpu_model(trainer) -> MLP:
    """A CPU copy of the network in eval mode (made on the meta device: no global RNG is used): the
    same family and dropout rates. Eval mode has no dropout, and the dynamic model gives the average
    over its loop counts, so the exported graph is fixed."""
    src = trainer.model
    family = getattr(src, "family", "mlp")
    if family == "cnn":
        return _cpu_cnn(src)
    if family in ("rnn", "gru", "lstm", "attention"):
        return _cpu_sequence(src, trainer.config)
    hidden = tuple(src.sizes[1:-2] if family == "dynamic" else src.sizes[1:-1])  # less the repeated middle
    features = src.features.names if getattr(src, "features", None) is not None else None
    with torch.device("meta"):  # with input features, the network takes the point (x1, x2) and makes them
        model = build_model(2 if features else src.sizes[0], hidden, src.sizes[-1], src.activation_name, family,
                            tuple(src.dropout[:len(hidden)]), features)
    model.load_state_dict(cpu_state_dict(src), assign=True)
    return model.eval()


def _cpu_cnn(src) -> torch.nn.Module:
    """The CNN's CPU copy (core.cnn): the same pictures, conv layers, head and activation."""
    from playground.core.cnn import CNN

    with torch.device("meta"):
        model = CNN(src.image_shape, src.channels, src.kernel_size, tuple(src.sizes[1:-1]), src.sizes[-1],
                    src.activation_name)
    model.load_state_dict(cpu_state_dict(src), assign=True)
    return model.eval()


def _cpu_sequence(src, config) -> torch.nn.Module:
    """A sequence family's CPU copy (core.sequence): the same steps, layers, heads and activation."""
    from playground.core.sequence import AttentionNet, RecurrentNet

    hidden = tuple(config.hidden)
    with torch.device("meta"):
        if src.family == "attention":
            model = AttentionNet(src.steps, src.vocab, hidden, src.heads, config.activation)
        else:
            model = RecurrentNet(src.family, src.steps, hidden, src.sizes[-1])
    model.load_state_dict(cpu_state_dict(src), assign=True)
    return model.eval()


def _example_input(model: MLP) -> torch.Tensor:
    # Batch 2, not 1: torch.export specializes a dimension traced at size 1. The CNN takes rows of pixels.
    image = getattr(model, "image_shape", None)
    if image is not None:
        return torch.zeros(2, image[0] * image[1])
    steps = getattr(model, "steps", None)
    if steps is not None:  # a sequence: one value (or token id, as a float) per step
        return torch.zeros(2, steps)
    return torch.zeros(2, 2 if getattr(model, "features", None) is not None else model.sizes[0])


@contextmanager
def quiet_exporters():
    """Silence the exporters' chatter (torchvision not installed, deprecations) during an export."""
    logger = logging.getLogger("torch.onnx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def onnx_bytes(trainer) -> bytes:
    model = cpu_model(trainer)
    batch = torch.export.Dim("batch", min=1)
    try:
        with quiet_exporters():
            program = torch.onnx.export(
                model,
                (_example_input(model),),
                None,
                input_names=[ONNX_INPUT],
                output_names=[ONNX_OUTPUT],
                dynamic_shapes={"x": {0: batch}},
                dynamo=True,
                verbose=False,
            )
            proto = program.model_proto
    except Exception as e:  # the exporter's own errors: report in one line
        raise ExportError(f"cannot export the network as ONNX: {first_line(e)}") from e
    proto.doc_string = f"PyTorch Playground {__version__}: {describe(trainer)}"
    entry = proto.metadata_props.add()
    entry.key, entry.value = "playground_config", trainer.config.to_json()
    return proto.SerializeToString()


def pt2_bytes(trainer) -> bytes:
    model = cpu_model(trainer)
    batch = torch.export.Dim("batch", min=1)
    try:
        with quiet_exporters():
            program = torch.export.export(model, (_example_input(model),), dynamic_shapes={"x": {0: batch}})
            buf = io.BytesIO()
            torch.export.save(program, buf)
    except Exception as e:
        raise ExportError(f"cannot export the network with torch.export: {first_line(e)}") from e
    return buf.getvalue()


def describe(trainer) -> str:
    c = trainer.config
    sizes = "-".join(str(s) for s in trainer.model.sizes)
    if c.model == "cnn":  # the conv layers' channels, then the head from the flattened maps
        sizes = f"conv {'-'.join(map(str, c.channels))} k{c.kernel_size}, head {sizes}"
    elif c.model == "attention":  # blocks of one width, heads each
        sizes = f"attention, {len(c.hidden)} block(s) of width {c.hidden[0]}, {c.heads} heads, {c.dataset} tokens"
    elif c.model in ("rnn", "gru", "lstm"):
        sizes = f"{c.model.upper()} {len(c.hidden)}x{c.hidden[0]} over {trainer.model.steps} steps, {sizes}"
    extra = "".join([", dynamic (middle layer averaged over 0-3 passes)" if c.model == "dynamic" else "",
                     f", dropout {c.dropout if not isinstance(c.dropout, tuple) else list(c.dropout)}"
                     if any(c.dropout_rates) else ""])
    return f"{c.dataset} ({sizes}, {c.activation}{extra}, {c.optimizer}, lr {c.learning_rate:g}, seed {c.seed})"


__all__ = ["ONNX_INPUT", "ONNX_OUTPUT", "cpu_model", "describe", "onnx_bytes", "pt2_bytes", "quiet_exporters"]
