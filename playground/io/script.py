"""The standalone ``.py`` export: a plain PyTorch script (no ``playground`` import) that remakes
the data, network, optimizer and batch order from the seed and prints the run's per-epoch losses.

The script's text is ``templates/script.py.tmpl``; this module fills in its ``$placeholders``.
"""

from __future__ import annotations

import base64
import inspect
import itertools
import string
import textwrap
from importlib import resources

import numpy as np
import torch

from playground import __version__
from playground.core.catalog import ACTIVATIONS, DATASETS, FEATURES, OPTIMIZERS, REGULARIZATIONS
from playground.core.config import CUSTOM
from playground.core.datasets import standardized
from playground.io.script_sequence import SEQUENCE_MODELS, penalized_names, sequence_network, sequence_settings

# ``$name`` placeholders (string.Template): the generated code's own braces need no escaping.
_TEMPLATE = string.Template((resources.files("playground.io") / "templates" / "script.py.tmpl").read_text("utf-8"))


def standalone_script(trainer) -> str:
    """A plain PyTorch script (torch only; scikit-learn too for digits) that redoes the run.

    It prints ``epoch N  train loss ...  test loss ...`` lines equal to ``trainer.history`` (on
    the CPU, for a run that started from the seed with its configured learning rate).
    """
    c = trainer.config
    regression = c.task == "regression"
    sizes = list(trainer.model.sizes)
    custom = c.dataset == CUSTOM
    epochs = trainer.epoch or c.epochs
    if custom:
        source = {"": "a table", "drawn": "points drawn in the playground"}.get(trainer.table.source, trainer.table.source)
        title = f"{trainer.preset or 'your own data'} ({len(trainer.table)} points from {source})"
    else:
        title = f"{trainer.preset or c.dataset} ({DATASETS[c.dataset].description})"

    notes = []
    if c.dataset == "digits":
        notes.append("The digits come from scikit-learn's bundled copy (no download): this script needs scikit-learn\n"
                     "as well as torch. Every other dataset is made with torch alone.")
    if c.device != "cpu":
        notes.append(f"The playground ran this on {c.device}; this script runs on the CPU, where the last digits\n"
                     f"of the losses can differ.")
    init = getattr(trainer.model, "playground_init_weights", None)
    if init:
        notes.append(f"The playground run started from weights loaded from {init}; this script starts from the\n"
                     f"seed's random weights, so its losses differ.")
    first_lr = trainer.learning_rates[0][1]
    if len(trainer.learning_rates) > 1:
        step, lr = trainer.learning_rates[1]
        notes.append(f"The learning rate was changed to {lr:g} at step {step} of the playground run; this\n"
                     f"script keeps the first rate, {first_lr!r}, so its losses differ after the change.")
    if trainer.epoch and trainer.epoch != c.epochs:
        notes.append(f"The playground run trained {trainer.epoch} of the {c.epochs} configured epochs.")
    notes_text = "".join(f"\n{n}\n" for n in notes)

    act = ACTIVATIONS[c.activation].code  # "{}" stands for a layer's output
    cnn = c.model == "cnn"
    sequence = c.model in SEQUENCE_MODELS
    uses_f = cnn or (act.startswith("F.") and (len(sizes) > 2 or c.model == "attention"))
    imports = ("import base64\n" if custom else "") + "import math\nimport time\n\nimport torch\nimport torch.nn as nn\n"
    if uses_f:
        imports += "import torch.nn.functional as F\n"
    imports += "import torch.optim as optim\n"

    settings = [f"SEED = {c.seed}" + ("  # the weights, dropout and the batch order" if c.data_seed is not None else "")]
    if c.data_seed is not None:
        settings.append(f"DATA_SEED = {c.data_seed}  # the data: its points and the train/test split")
    if not custom:
        settings += [
            f"SAMPLES = {c.samples}  # points the data generator draws" + (" (digits: unused, all 1797 images)"
                                                                           if c.dataset == "digits" else ""),
            f"NOISE = {c.noise!r}"]
        if DATASETS[c.dataset].multiclass and c.class_count != DATASETS[c.dataset].classes:
            settings.append(f"CLASSES = {c.class_count}")
    if not custom or trainer.table.train_mask is None:
        settings.append(f"TRAIN_FRACTION = {c.train_fraction!r}  # the rest is the test set")
    features = getattr(trainer.model, "features", None)
    if features is not None:
        settings.append(f"FEATURES = {list(features.names)!r}  # what the network sees of each point (x1, x2)")
    settings.append(f"LEARNING_RATE = {first_lr!r}")
    if c.weight_decay:
        settings.append(f"WEIGHT_DECAY = {c.weight_decay!r}  # L2 penalty")
    if c.regularization != "none":
        entry = REGULARIZATIONS[c.regularization]
        settings.append(f"REGULARIZATION_RATE = {c.regularization_rate!r}  # {entry.label}: {entry.formula}, "
                        f"added to the loss")
    settings += [f"BATCH_SIZE = {c.batch_size}", f"EPOCHS = {epochs}"]
    if cnn:
        h, w = trainer.model.image_shape
        settings.append(f"IMAGE_SHAPE = ({h}, {w})  # each sample is one row of pixels: a 1-channel picture")
    if sequence:
        settings += sequence_settings(trainer.model)

    dynamic = c.model == "dynamic"
    rates = c.dropout_rates
    uses_dropout = any(r > 0 for r in rates)
    if uses_dropout:
        if len(set(rates)) == 1:
            settings.append(f"DROPOUT = {rates[0]!r}  # dropout after each hidden layer, while training")
        else:
            settings.append(f"DROPOUT = {rates!r}  # dropout after each hidden layer (one rate each), while training")
    if dynamic:
        settings.append(f"MAX_REPEATS = {trainer.model.MAX_REPEATS}  # each training pass runs the middle layer a "
                        f"random 0 to MAX_REPEATS times")
    classes = ""
    if sequence:
        layers_text, methods, classes = sequence_network(trainer.model, act)
    elif cnn:
        layers_text, methods = _cnn_network(trainer.model, act)
    else:
        layers_text, methods = _network(sizes, act, rates if uses_dropout else None, dynamic,
                                        features.names if features is not None else None)
    if c.activation == "linear" and (len(sizes) > 2 or cnn) and not sequence:
        methods = methods.replace("(x)\n", "(x)  # linear: no activation between the layers\n", 1)

    optimizer = OPTIMIZERS[c.optimizer].script_line(weight_decay=bool(c.weight_decay))

    if regression:
        criterion = "nn.MSELoss()  # regression: mean squared error"
        to_types = "x, y = x.float(), y.float()"
        evaluate = '''def evaluate(net, criterion, x, y):
    """The loss on a whole set, without building a graph."""
    net.eval()
    with torch.no_grad():
        return criterion(net(x), y).item()'''
        measure = """        train_loss = evaluate(net, criterion, x_train, y_train)
        test_loss = evaluate(net, criterion, x_test, y_test)
        print(f"epoch {epoch + 1:3d}  train loss {train_loss:.8f}  test loss {test_loss:.8f}")"""
    else:
        criterion = "nn.CrossEntropyLoss()"
        to_types = "x, y = x.float(), y.long()"
        evaluate = '''def evaluate(net, criterion, x, y):
    """Loss and accuracy on a whole set, without building a graph."""
    net.eval()
    with torch.no_grad():
        output = net(x)
        loss = criterion(output, y).item()
        accuracy = (output.argmax(1) == y).float().mean().item()
    return loss, accuracy'''
        measure = """        train_loss, train_accuracy = evaluate(net, criterion, x_train, y_train)
        test_loss, test_accuracy = evaluate(net, criterion, x_test, y_test)
        print(f"epoch {epoch + 1:3d}  train loss {train_loss:.8f}  test loss {test_loss:.8f}  "
              f"train accuracy {train_accuracy:.1%}  test accuracy {test_accuracy:.1%}")"""

    return _TEMPLATE.substitute(
        title=title,
        seed=c.seed,
        notes=notes_text,
        playground_version=__version__,
        torch_version=torch.__version__,
        imports=imports,
        settings="\n".join(settings),
        data=(_custom_data(c, trainer.table, to_types) if custom else _generated_data(c, to_types))
        + (f"\n\n\n{classes}" if classes else ""),
        penalty=_penalty(c.regularization, penalized_names(trainer.model) if sequence else
                         [f"{trainer.model.layer_name(i)}.weight" for i in range(len(trainer.model.layers))]),
        loss=("loss = criterion(output, y_train[idx]) + penalty(net)  # the data's loss plus the weights' penalty"
              if c.regularization != "none" else "loss = criterion(output, y_train[idx])"),
        layers=layers_text,
        methods=methods,
        evaluate=evaluate,
        criterion=criterion,
        optimizer=optimizer,
        measure=measure,
    )


def _generated_data(c, to_types: str) -> str:
    """The catalog generator's source and ``make_data``: the points and the split from the data's seed."""
    generator = DATASETS[c.dataset].generator
    seed = "SEED" if c.data_seed is None else "DATA_SEED"
    classes = ", CLASSES" if DATASETS[c.dataset].multiclass and c.class_count != DATASETS[c.dataset].classes else ""
    return f"""# -- the data: the generator the playground used, from the same seed ----------------------------
{textwrap.dedent(inspect.getsource(generator)).strip()}


def make_data():
    g = torch.Generator().manual_seed({seed})
    x, y = {generator.__name__}(SAMPLES, NOISE, g{classes})
    order = torch.randperm(len(x), generator=g)  # shuffle, then split into train and test
    n_train = max(1, min(len(x) - 1, round(len(x) * TRAIN_FRACTION)))
    train, test = order[:n_train], order[n_train:]
    {to_types}
    return x[train], y[train], x[test], y[test]"""


def _packed(name: str, values: np.ndarray, dtype: str) -> str:
    """``NAME = ("...")``: the array's little-endian bytes in base64, in lines of 100 characters."""
    raw = np.ascontiguousarray(values, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()
    text = base64.b64encode(raw).decode("ascii")
    lines = [text[i:i + 100] for i in range(0, len(text), 100)] or [""]
    return f"{name} = (\n" + "".join(f'    "{line}"\n' for line in lines) + ")"


_UNPACK = '''def unpack(text, dtype):
    """An embedded array: base64 of its little-endian bytes."""
    return torch.frombuffer(bytearray(base64.b64decode(text)), dtype=dtype)'''


def _custom_data(c, table, to_types: str) -> str:
    """Your own data embedded in the script (base64 of its raw bytes), standardized and split as the
    playground does (core.datasets.make_dataset)."""
    regression = table.task == "regression"
    kind = "float32 targets" if regression else f"int64 class indices ({', '.join(table.class_names)})"
    head = (f"# -- the data: your own, embedded ({len(table)} points; features {', '.join(table.feature_names)}; "
            f"label {table.label_name}) --\n# x: float32 [{len(table)}, {table.n_features}]; y: {kind}"
            + ("; split: uint8, 1 for a training point" if table.train_mask is not None else ""))
    arrays = [_packed("X_DATA", table.x, "float32"), _packed("Y_DATA", table.y, "float32" if regression else "int64")]
    if table.train_mask is not None:
        arrays.append(_packed("SPLIT_DATA", np.asarray(table.train_mask, bool), "uint8"))
    blocks = [head + "\n" + "\n".join(arrays), _UNPACK]
    if c.standardize:
        blocks.append(textwrap.dedent(inspect.getsource(standardized)).strip())
    body = [f"    x = unpack(X_DATA, torch.float32).reshape(-1, {table.n_features})"]
    if c.standardize:
        body.append("    x = standardized(x)  # as the playground trains on it: mean 0, standard deviation 1")
    body.append("    y = unpack(Y_DATA, torch.float32).reshape(-1, 1)" if regression
                else "    y = unpack(Y_DATA, torch.int64)")
    if table.train_mask is not None:
        body += ["    split = unpack(SPLIT_DATA, torch.uint8).bool()  # the table's own split",
                 "    train, test = split.nonzero().flatten(), (~split).nonzero().flatten()"]
    else:
        body += [f"    g = torch.Generator().manual_seed({'SEED' if c.data_seed is None else 'DATA_SEED'})",
                 "    order = torch.randperm(len(x), generator=g)  # shuffle, then split into train and test",
                 "    n_train = max(1, min(len(x) - 1, round(len(x) * TRAIN_FRACTION)))",
                 "    train, test = order[:n_train], order[n_train:]"]
    body += [f"    {to_types}", "    return x[train], y[train], x[test], y[test]"]
    blocks.append("def make_data():\n" + "\n".join(body))
    return "\n\n\n".join(blocks)


def _penalty(kind: str, names: list[str]) -> str:
    """``penalty(net)``: the regularization term, summed in core.model.penalty's order (the first layer
    first: fc1, or the CNN's conv1; the sequence families name each weight, ``names`` are parameters)."""
    if kind == "none":
        return ""
    entry = REGULARIZATIONS[kind]
    term = entry.code.replace("w.", "net.{}.")
    lines = [f"    total = {term.format(names[0])}"] + [f"    total = total + {term.format(n)}" for n in names[1:]]
    return (f'\n\ndef penalty(net):\n    """{entry.label} regularization: {entry.formula} over the layers\' weights '
            f'(not the biases)."""\n' + "\n".join(lines) + "\n    return total * REGULARIZATION_RATE\n")


def _features(names: tuple[str, ...]) -> list[str]:
    codes = ", ".join(FEATURES[n].code for n in names)
    return ["    def features(self, x):",
            '        """The inputs the network sees, computed from each point (x1, x2): FEATURES."""',
            "        x1, x2 = x[:, 0], x[:, 1]",
            f"        return torch.stack([{codes}], 1)", ""]


def _network(sizes: list[int], act: str, rates: tuple[float, ...] | None, dynamic: bool,
             features: tuple[str, ...] | None = None) -> tuple[str, str]:
    """The Net's ``__init__`` lines and its methods (``forward``, and ``dropout`` when used), drawing
    the model's random numbers exactly as ``core.model`` does: the same generator, in the same order."""
    n_layers = len(sizes) - 1
    layers = [f"        self.fc{i} = nn.Linear({a}, {b})" for i, (a, b) in enumerate(itertools.pairwise(sizes), start=1)]
    if dynamic:
        layers[-2] += "  # the middle layer: used 0 to MAX_REPEATS times per pass"
    if rates is not None or dynamic:
        layers.append("        # the network's own randomness (" + ", ".join(
            (["dropout masks"] if rates is not None else []) + (["the loop count"] if dynamic else []))
            + "), drawn in this order on each pass")
        layers.append("        self.rng = torch.Generator().manual_seed(SEED)")

    def layer(i: int) -> str:
        return f"        x = {act.format(f'self.fc{i}(x)')}"

    n_hidden = n_layers - 2 if dynamic else n_layers - 1
    forward = [*(_features(features) if features else []), "    def forward(self, x):"]
    if features:
        forward.append("        x = self.features(x)")
    for i in range(1, n_hidden + 1):
        forward.append(layer(i))
        if rates is not None:
            rate = "DROPOUT" if len(set(rates)) == 1 else f"DROPOUT[{i - 1}]"
            forward.append(f"        x = self.dropout(x, {rate})")
    if dynamic:
        middle, out = n_layers - 1, n_layers
        forward += [
            "        if self.training:",
            "            # plain Python control flow: how often the middle layer runs is drawn anew on each pass",
            "            repeats = int(torch.randint(0, MAX_REPEATS + 1, (1,), generator=self.rng))",
            "            for _ in range(repeats):  # a different graph on every pass",
            "        " + layer(middle),
            f"            return self.fc{out}(x)",
            "        # evaluation: the average of the outputs after 0, 1, ..., MAX_REPEATS passes",
            f"        outputs = [self.fc{out}(x)]",
            "        for _ in range(MAX_REPEATS):",
            "    " + layer(middle),
            f"            outputs.append(self.fc{out}(x))",
            "        return torch.stack(outputs).mean(0)",
        ]
    else:
        forward += [f"        x = self.fc{n_layers}(x)", "        return x"]
    if rates is not None:
        forward += [
            "",
            "    def dropout(self, x, rate):",
            '        """While training, zero each value with probability `rate` (a new random mask on every',
            '        pass) and scale the rest by 1 / (1 - rate), so the expected value stays the same."""',
            "        if not self.training or rate == 0:",
            "            return x",
            "        mask = (torch.rand(x.shape, generator=self.rng) >= rate).float() / (1.0 - rate)",
            "        return x * mask",
        ]
    return "\n".join(layers), "\n".join(forward)


def _cnn_network(model, act: str) -> tuple[str, str]:
    """The CNN's ``__init__`` lines and ``forward`` (core.cnn.CNN): conv1..convK, each with the
    activation and, where ``conv_plan`` pools, a 2x2 max-pool; then the flattened maps through fc1..fcN."""
    k = model.kernel_size
    layers, c_in = [], 1
    for i, c in enumerate(model.channels, start=1):
        layers.append(f"        self.conv{i} = nn.Conv2d({c_in}, {c}, {k}, padding={k // 2})"
                      + ("  # in-channels, out-channels, kernel size; the padding keeps the size" if i == 1 else ""))
        c_in = c
    sizes = model.sizes
    h, w, _ = model.plan[-1]
    layers.append(f"        # the head: the {c_in} maps of {h}x{w} flattened to {sizes[0]} numbers, then linear layers")
    layers += [f"        self.fc{i} = nn.Linear({a}, {b})" for i, (a, b) in enumerate(itertools.pairwise(sizes), start=1)]
    forward = ["    def forward(self, x):",
               "        x = x.reshape(-1, 1, *IMAGE_SHAPE)  # each row of pixels -> a 1-channel picture"]
    size = model.image_shape
    for i, (ph, pw, pool) in enumerate(model.plan, start=1):
        forward.append(f"        x = {act.format(f'self.conv{i}(x)')}")
        if pool:
            forward.append(f"        x = F.max_pool2d(x, 2)  # {size[0]}x{size[1]} -> {ph}x{pw}")
        size = (ph, pw)
    forward.append("        x = x.flatten(1)  # the maps of each picture as one row")
    for i in range(1, len(sizes) - 1):
        forward.append(f"        x = {act.format(f'self.fc{i}(x)')}")
    forward += [f"        x = self.fc{len(sizes) - 1}(x)", "        return x"]
    return "\n".join(layers), "\n".join(forward)


def script_bytes(trainer) -> bytes:
    return standalone_script(trainer).encode("utf-8")


__all__ = ["script_bytes", "standalone_script"]
