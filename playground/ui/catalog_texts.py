"""The texts of the Qt-free tables that the window shows, listed for lupdate.

The model families, datasets and optimizers (core/catalog.py) and the presets
(resources/presets/*.json) are plain data that never import Qt, so lupdate cannot see their labels
and descriptions. They are listed here with QT_TRANSLATE_NOOP, in the context "ControlPanel", and the
controls show them through ``translated()``. tests/ui/test_catalog_translations.py checks that each
text the tables hold now has a finished translation, so a new entry must be added here (and
translated in resources/translations/*.ts). Names that are identifiers (xor, spiral, seed-example)
and pure formulas (max(0, x), w -= lr * g) stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ControlPanel"


def translated(text: str) -> str:
    """``text`` in the window's language: its translation in the context "ControlPanel", else itself."""
    return QCoreApplication.translate("ControlPanel", text)


# catalog.MODELS: labels and descriptions
MODEL_TEXTS = (
    QT_TRANSLATE_NOOP("ControlPanel", 'MLP'),
    QT_TRANSLATE_NOOP("ControlPanel", "Linear layers fc1..fcN with one activation between them (the article's network)"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", 'Dynamic (loop 0-3x)'),
    QT_TRANSLATE_NOOP("ControlPanel", 'the MLP plus a square middle layer that each training forward pass applies a random 0-3 times: the graph is built anew on every pass'),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", 'CNN (convolutions)'),
    QT_TRANSLATE_NOOP("ControlPanel", 'convolution layers with pooling on the pictures, then linear layers: for image data (digits, shapes)'),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", 'RNN'),
    QT_TRANSLATE_NOOP("ControlPanel", 'a recurrent layer over the time steps, then a linear layer on the last state: for sequences (sine, pattern)'),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", 'GRU'),
    QT_TRANSLATE_NOOP("ControlPanel", 'a gated recurrent unit (GRU) over the time steps: for sequences (sine, pattern)'),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", 'LSTM'),
    QT_TRANSLATE_NOOP("ControlPanel", 'a long short-term memory (LSTM) over the time steps: for sequences (sine, pattern)'),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", 'Attention (transformer)'),
    QT_TRANSLATE_NOOP("ControlPanel", 'token and position embeddings, multi-head self-attention and a feed-forward layer: for token sequences (reverse, sort)'),  # noqa: E501
)

# catalog.DATASETS: descriptions (the dataset combo's tooltips); the labels are the names, identifiers
DATASET_TEXTS = (
    QT_TRANSLATE_NOOP("ControlPanel", "2-D: an inner disc of one class inside a ring of the other"),
    QT_TRANSLATE_NOOP("ControlPanel", "2-D: opposite quadrants share a class"),
    QT_TRANSLATE_NOOP("ControlPanel", "2-D: Gaussian clusters, one per class"),
    QT_TRANSLATE_NOOP("ControlPanel", "2-D: interleaved spirals, one arm per class"),
    QT_TRANSLATE_NOOP("ControlPanel", "2-D: two interleaving half circles"),
    QT_TRANSLATE_NOOP("ControlPanel", "10 random features, 2 classes (the article's example)"),
    QT_TRANSLATE_NOOP("ControlPanel", "8x8 handwritten digits, 10 classes (bundled, no download)"),
    QT_TRANSLATE_NOOP("ControlPanel", "16x16 pictures of lines, circles and squares, drawn from the seed"),
    QT_TRANSLATE_NOOP("ControlPanel", "sequences: the next value of a noisy sum of two sines, from the last 20"),
    QT_TRANSLATE_NOOP("ControlPanel", "sequences: which of two patterns (a sine or a sawtooth wave) 20 noisy values follow"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", "tokens: 6 digits, to be written back in reverse order"),
    QT_TRANSLATE_NOOP("ControlPanel", "tokens: 6 digits, to be written back sorted"),
    QT_TRANSLATE_NOOP("ControlPanel", "2-D regression: the value rises along a tilted plane"),
    QT_TRANSLATE_NOOP("ControlPanel", "2-D regression: a landscape of Gaussian bumps"),
)

# catalog.DATASETS: the words classes stand for (class_names; the sequence page names them)
CLASS_TEXTS = (
    QT_TRANSLATE_NOOP("ControlPanel", "sine"),
    QT_TRANSLATE_NOOP("ControlPanel", "sawtooth"),
)

# catalog.OPTIMIZERS: the labels with a word in them (SGD and Adam are names)
OPTIMIZER_TEXTS = (
    QT_TRANSLATE_NOOP("ControlPanel", "SGD + momentum"),
)

# resources/presets/*.json: descriptions (the preset combo's tooltips); the names are identifiers
PRESET_TEXTS = (
    QT_TRANSLATE_NOOP("ControlPanel", "Opposite quadrants share a class: needs a hidden layer"),
    QT_TRANSLATE_NOOP("ControlPanel", "A disc inside a ring: a curved boundary from straight lines"),
    QT_TRANSLATE_NOOP("ControlPanel", "Two Gaussian clusters: the easiest start, one small layer"),
    QT_TRANSLATE_NOOP("ControlPanel", "Two interleaved spirals: deep, wide and Adam"),
    QT_TRANSLATE_NOOP("ControlPanel", "Two interleaving half circles with a little noise"),
    QT_TRANSLATE_NOOP("ControlPanel", "Regression: fit a tilted plane with MSE"),
    QT_TRANSLATE_NOOP("ControlPanel", "Regression: fit a landscape of Gaussian bumps"),
    QT_TRANSLATE_NOOP("ControlPanel", "Real data: 8x8 handwritten digits, 10 classes"),
    QT_TRANSLATE_NOOP("ControlPanel", "The article's network: 10 -> 5 -> 2, ReLU, cross-entropy, SGD lr 0.01"),
    QT_TRANSLATE_NOOP("ControlPanel", "The dynamic model: a middle layer that each training pass repeats 0-3 times (a new graph every step)"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", "A CNN on the 8x8 digits: two conv layers with pooling, at least 97% test accuracy"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", "A CNN on 16x16 pictures of lines, circles and squares, 3 classes"),
    QT_TRANSLATE_NOOP("ControlPanel", "An RNN predicts the next value of a sum of two sines from the last 20: test MSE about 0.003"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", "A GRU tells a sine from a sawtooth wave over 20 noisy steps: at least 90% test accuracy"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", "An attention block writes 6 digits back in reverse order: at least 95% of the tokens right"),  # noqa: E501
    QT_TRANSLATE_NOOP("ControlPanel", "Two attention blocks sort 6 digits: at least 95% of the tokens right"),
)

# io/export.FORMATS: the Export dialog's file types (ui/files.py shows them with FileFlows.tr)
FORMAT_TEXTS = (
    QT_TRANSLATE_NOOP("FileFlows", "Weights (safetensors)"),
    QT_TRANSLATE_NOOP("FileFlows", "Weights (PyTorch state_dict)"),
    QT_TRANSLATE_NOOP("FileFlows", "Model for ONNX Runtime"),
    QT_TRANSLATE_NOOP("FileFlows", "Model (torch.export program)"),
    QT_TRANSLATE_NOOP("FileFlows", "Standalone PyTorch script"),
    QT_TRANSLATE_NOOP("FileFlows", "Jupyter notebook"),
    QT_TRANSLATE_NOOP("FileFlows", "Config (JSON)"),
    QT_TRANSLATE_NOOP("FileFlows", "Playground session (config, weights, history)"),
)

__all__ = ["translated", "CONTEXT", "MODEL_TEXTS", "DATASET_TEXTS", "CLASS_TEXTS", "OPTIMIZER_TEXTS",
           "PRESET_TEXTS", "FORMAT_TEXTS"]
