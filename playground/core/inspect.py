"""What the network learned, as plain numbers: the output over the input plane, each hidden
neuron's activation map, the weights, and for the other datasets a confusion matrix or a 2-D
projection of the data colored by prediction.

``snapshot_views(trainer)`` runs in the training thread between steps (``torch.no_grad()``, eval
mode, the train/eval state restored afterwards) and returns one immutable snapshot per kind of
picture (``BoundarySnapshot``, ``DigitsSnapshot``, ``ProjectionSnapshot``, all ``ViewSnapshot``s)
holding only numpy arrays and numbers copied off the device, so it may cross to the UI thread. The input
grid is built once per trainer, dataset, device and resolution and kept on the device; the
output map and all neuron maps come from one forward pass.

Conventions: ``grid[iy, ix]`` has y rising with the row index and x with the column index, pixel
centres at ``grid_axes(extent, n)``; the picture covers ``extent = (xmin, xmax, ymin, ymax)``
exactly. Layers are numbered as in ``sizes``: 0 is the input, 1..L the hidden layers, L+1 the
output; ``neuron_maps[k]`` belongs to hidden layer k+1, ``output_maps[c]`` to output neuron c.
"""

from __future__ import annotations

import math
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from playground.core import catalog
from playground.core.records import Dataset

if TYPE_CHECKING:  # torch is imported where it is used: the window imports this module and no torch
    import torch

MAX_MAPPED_NEURONS = 16  # hidden layers up to this wide get a map per neuron
# Multiply-adds one view snapshot may take (every grid point through every layer): a wide deep
# network draws coarser maps instead of slowing its training (8 x 512 at 100x100 + 40x40 points is
# ~21 G, over half a second on one CPU core; at this budget ~60 ms, maps of 30x30 and 12x12). The
# networks under it (everything up to ~4 x 200) keep the full resolution.
VIEW_MACS = 2e9
MIN_RESOLUTION = 8  # the coarsest map a snapshot draws, whatever the budget
DEFAULT_EXTENT = (-1.2, 1.2, -1.2, 1.2)

Extent = tuple[float, float, float, float]


@dataclass(frozen=True, eq=False, kw_only=True)
class ViewSnapshot:
    """What every view snapshot holds: where training stands and the weights (the network view
    reads only these). Plain numbers and read-only numpy arrays; ``kind`` names the subclass."""

    kind: ClassVar[str] = ""
    task: str  # "classification" | "regression"
    n_classes: int  # 0 for regression
    step: int
    epoch: int
    sizes: tuple[int, ...]  # neurons per layer, input to output
    weights: tuple[np.ndarray, ...]  # per layer, (out, in) float32
    biases: tuple[np.ndarray, ...]  # per layer, (out,) float32
    accuracy: float | None = None  # test accuracy (classification)
    # the dynamic model's reused middle layer, as an index into ``sizes`` (its output layer); None
    # for the MLP
    loop_layer: int | None = None

    @property
    def hidden_sizes(self) -> tuple[int, ...]:
        return self.sizes[1:-1]


@dataclass(frozen=True, eq=False, kw_only=True)
class BoundarySnapshot(ViewSnapshot):
    """A 2-D dataset: the output over the input plane and each small hidden layer's maps."""

    kind: ClassVar[str] = "boundary2d"
    extent: Extent
    # (H, W) float32: P(class 1) for two classes, the winning class index for more, the value
    # for regression
    grid: np.ndarray
    confidence: np.ndarray | None = None  # (H, W) float32, winning class probability (> 2 classes)
    # per hidden layer: (n_neurons, h, w) float32 activations, or None for layers wider than 16
    neuron_maps: tuple[np.ndarray | None, ...] = ()
    # (n_outputs, h, w) float32 at the neuron maps' resolution, one per output neuron: the softmax
    # probability of its class (classification) or the value (regression); None for more than 16
    output_maps: np.ndarray | None = None
    # (n_inputs, h, w) float32 at the neuron maps' resolution: each input neuron's value over the
    # plane (x1, x2 themselves, or the chosen features: x1^2, sin(x1)...), in the order of ``input_names``
    input_maps: np.ndarray | None = None
    input_names: tuple[str, ...] = ()  # catalog.FEATURES names of the input neurons ("x1", "x1^2", ...)

    def grid_value(self, x: float, y: float) -> float:
        """The output map at the pixel nearest to (x, y)."""
        iy, ix = grid_index(self.extent, self.grid.shape, x, y)
        return float(self.grid[iy, ix])


@dataclass(frozen=True, eq=False, kw_only=True)
class DigitsSnapshot(ViewSnapshot):
    """8x8 digit images: the confusion matrix and the test predictions."""

    kind: ClassVar[str] = "digits"
    confusion: np.ndarray  # (K, K) int64, rows true class, columns predicted
    test_predictions: np.ndarray  # (n_test,) int64


@dataclass(frozen=True, eq=False, kw_only=True)
class CNNSnapshot(DigitsSnapshot):
    """The CNN on pictures: what the digits page shows (confusion, test predictions) and, for the
    picked test image, each conv layer's kernels and feature maps. ``sizes``/``weights``/``biases``
    are the linear head's (its input layer is the flattened maps), for the network view."""

    kind: ClassVar[str] = "cnn"
    image_shape: tuple[int, int]  # (H, W) of the pictures
    kernels: tuple[np.ndarray, ...]  # per conv layer, (out, in, k, k) float32: the conv weights
    picked: int  # index into the test set of the image the feature maps are for
    image: np.ndarray  # (H, W) float32: the picked test image's pixels
    feature_maps: tuple[np.ndarray, ...]  # per conv layer, (C, h, w) float32, after the activation

    @property
    def kernel_pictures(self) -> tuple[np.ndarray, ...]:
        """Per conv layer, one (k, k) picture per out-channel: layer 1's own (one input), deeper
        layers' kernels averaged over their input channels."""
        return tuple(kernel_picture(k) for k in self.kernels)


def kernel_picture(kernel: np.ndarray) -> np.ndarray:
    """(out, in, k, k) -> (out, k, k) float32: each out-channel's kernel averaged over its inputs."""
    return np.asarray(kernel, dtype=np.float32).mean(axis=1)


@dataclass(frozen=True, eq=False, kw_only=True)
class ProjectionSnapshot(ViewSnapshot):
    """Any other data: predictions for every point, drawn on a 2-D projection."""

    kind: ClassVar[str] = "projection"
    test_predictions: np.ndarray  # (n_test,) int64 classes or float32 values
    train_predictions: np.ndarray  # (n_train,)
    confusion: np.ndarray | None = None  # (K, K) int64 of the test set (classification), rows true class


# -- helpers, plain numpy ------------------------------------------------------------------


def view_kind(dataset: Dataset) -> str:
    """Which picture suits the dataset: the plane for 2-D, images for digits, else a projection."""
    if dataset.is_2d:
        return "boundary2d"
    if dataset.name == "digits" or (dataset.n_features == 64 and dataset.n_classes == 10):
        return "digits"
    return "projection"


def plot_extent(dataset: Dataset, margin: float = 1.1) -> Extent:
    """The square the output map covers and the plot shows: centred on the origin, reaching
    ``margin`` times the farthest coordinate of any point (train or test), rounded up to a tenth.
    ``DEFAULT_EXTENT`` for a dataset without points."""
    pts = np.concatenate([dataset.x_train, dataset.x_test])[:, :2]
    if not len(pts) or not np.isfinite(pts).all():
        return DEFAULT_EXTENT
    far = float(np.abs(pts).max())
    if far <= 0:
        return DEFAULT_EXTENT
    half = math.ceil(round(far * margin * 10, 6)) / 10  # round first: 1.0 * 1.1 is 1.1000000000000001
    return (-half, half, -half, half)


def grid_axes(extent: Extent, resolution: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates (xs, ys) of a resolution x resolution map covering ``extent``."""
    xmin, xmax, ymin, ymax = extent
    i = (np.arange(resolution, dtype=np.float64) + 0.5) / resolution
    return (xmin + i * (xmax - xmin)).astype(np.float32), (ymin + i * (ymax - ymin)).astype(np.float32)


def grid_index(extent: Extent, shape: tuple[int, ...], x: float, y: float) -> tuple[int, int]:
    """(row, column) of the pixel holding the point (x, y), clamped to the map."""
    xmin, xmax, ymin, ymax = extent
    h, w = shape[:2]
    ix = int(np.clip((x - xmin) / (xmax - xmin) * w, 0, w - 1))
    iy = int(np.clip((y - ymin) / (ymax - ymin) * h, 0, h - 1))
    return iy, ix


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """(K, K) int64 counts, rows the true class, columns the predicted one."""
    y_true = np.asarray(y_true, dtype=np.int64).ravel()
    y_pred = np.asarray(y_pred, dtype=np.int64).ravel()
    return np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def projection_2d(x: np.ndarray, reference: np.ndarray | None = None) -> np.ndarray:
    """(n, 2) float32: ``x`` on the two principal axes of ``reference`` (default ``x`` itself).

    Plain SVD, with each axis' sign fixed (largest loading positive), so the picture is the same
    every time for the same data: fit it once per dataset, on the training set.
    """
    x = np.asarray(x, dtype=np.float64)
    ref = x if reference is None else np.asarray(reference, dtype=np.float64)
    mean = ref.mean(0)
    _, _, vt = np.linalg.svd(ref - mean, full_matrices=False)
    axes = vt[:2]
    if len(axes) < 2:  # a single feature: pad with a zero axis
        axes = np.vstack([axes, np.zeros((2 - len(axes), ref.shape[1]))])
    signs = np.sign(axes[np.arange(2), np.abs(axes).argmax(1)])
    axes = axes * np.where(signs == 0, 1.0, signs)[:, None]
    return ((x - mean) @ axes.T).astype(np.float32)


class Throttle:
    """``ready()`` is True at most ``hz`` times a second: bound how often snapshots are sent."""

    def __init__(self, hz: float = 20.0):
        self.interval = 1.0 / hz
        self._next = 0.0

    def ready(self, now: float | None = None) -> bool:
        now = time.perf_counter() if now is None else now
        if now < self._next:
            return False
        self._next = now + self.interval
        return True


# -- the snapshot, in the training thread ------------------------------------------------


class _Inputs:
    """Cached per trainer: the grid points (output map + neuron maps, concatenated) on the device."""

    def __init__(self, dataset: Dataset, device: torch.device, resolution: int, neuron_resolution: int):
        import torch

        self.key = (id(dataset), str(device), resolution, neuron_resolution)
        self.kind = view_kind(dataset)
        self.extent: Extent | None = None
        self.points: torch.Tensor | None = None
        if self.kind == "boundary2d":
            self.extent = plot_extent(dataset)
            parts = []
            for n in (resolution, neuron_resolution):
                xs, ys = grid_axes(self.extent, n)
                gx, gy = np.meshgrid(xs, ys)  # (n, n), row = y
                parts.append(np.stack([gx.ravel(), gy.ravel()], 1))
            self.points = torch.as_tensor(np.concatenate(parts), dtype=torch.float32, device=device)


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cached_inputs(trainer, resolution: int, neuron_resolution: int) -> _Inputs:
    key = (id(trainer.dataset), str(trainer.device), resolution, neuron_resolution)
    inputs = _cache.get(trainer)
    if inputs is None or inputs.key != key:
        inputs = _Inputs(trainer.dataset, trainer.device, resolution, neuron_resolution)
        _cache[trainer] = inputs
    return inputs


def _to_numpy(t: torch.Tensor) -> np.ndarray:
    """A read-only host copy (never a view of a live parameter)."""
    a = t.detach().to("cpu", copy=True).numpy()
    a.setflags(write=False)
    return a


def _forward_all(model, x: torch.Tensor) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Hidden activations and the output from one eval-mode pass (the model's own layers and
    activation; no dropout). The dynamic model's middle layer is drawn as a layer (its first
    call); its output is the eval output, the average over the loop counts 0 to MAX_REPEATS."""
    import torch

    *hidden, last = model.layers
    acts = []
    if getattr(model, "features", None) is not None:  # the input neurons are the chosen features
        x = model.features(x)
    for fc in hidden:
        x = model.act(fc(x))
        acts.append(x)
    middle = getattr(model, "middle_index", None)
    if middle is None:
        return acts, last(x)
    x = acts[middle - 1]  # the middle layer's input (the dynamic model has a hidden layer before it)
    outs = []
    for repeats in range(model.MAX_REPEATS + 1):  # as DynamicMLP.forward in eval mode
        outs.append(last(x))
        if repeats < model.MAX_REPEATS:
            x = acts[middle] if repeats == 0 else model.act(hidden[middle](x))
    return acts, torch.stack(outs).mean(0)


def view_resolutions(sizes, resolution: int = 100, neuron_resolution: int = 40,
                     max_macs: float | None = VIEW_MACS) -> tuple[int, int]:
    """(resolution, neuron_resolution) for a network of ``sizes`` (neurons per layer, input to
    output): as asked, or both scaled down alike (never below ``MIN_RESOLUTION``, nor above what was
    asked) so that the points through every layer take at most ``max_macs`` multiply-adds."""
    per_point = sum(int(a) * int(b) for a, b in zip(sizes, sizes[1:]))
    points = resolution * resolution + neuron_resolution * neuron_resolution
    if max_macs is None or per_point * points <= max_macs:
        return resolution, neuron_resolution
    f = math.sqrt(max_macs / (per_point * points))
    return (min(resolution, max(MIN_RESOLUTION, int(resolution * f))),
            min(neuron_resolution, max(MIN_RESOLUTION, int(neuron_resolution * f))))


def snapshot_views(trainer, resolution: int = 100, neuron_resolution: int = 40,
                   max_macs: float | None = VIEW_MACS, picked: int = 0) -> ViewSnapshot:
    """Everything the output and network views draw, for the trainer's current weights; for a
    network too big for ``max_macs`` at this resolution, coarser maps (``view_resolutions``).
    A CNN's snapshot (``CNNSnapshot``) has the feature maps of test image ``picked`` (clamped to
    the test set); the sequence families' (core/inspect_sequence.py) the picked test sequence's.

    Call it from the thread that trains, between steps, at a bounded rate (see ``Throttle``).
    """
    import torch

    model = trainer.model
    dataset: Dataset = trainer.dataset
    resolution, neuron_resolution = view_resolutions(model.sizes, resolution, neuron_resolution, max_macs)
    inputs = _cached_inputs(trainer, resolution, neuron_resolution)
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            family = getattr(model, "family", None)
            if family == "cnn":
                return _cnn_snapshot(trainer, model, dataset, picked)
            if family in ("rnn", "gru", "lstm", "attention"):  # core/inspect_sequence.py
                from playground.core import inspect_sequence as seq

                snap = seq.attention_snapshot if family == "attention" else seq.sequence_snapshot
                return snap(trainer, model, picked)
            return _snapshot(trainer, model, dataset, inputs, resolution, neuron_resolution)
    finally:
        model.train(was_training)


def _snapshot(trainer, model, dataset: Dataset, inputs: _Inputs, res: int, nres: int) -> ViewSnapshot:
    import torch

    task, k = dataset.task, dataset.n_classes
    common = dict(
        task=task,
        n_classes=k,
        step=int(trainer.step_count),
        epoch=int(trainer.epoch),
        sizes=tuple(int(s) for s in model.sizes),
        weights=tuple(_to_numpy(fc.weight) for fc in model.layers),
        biases=tuple(_to_numpy(fc.bias) for fc in model.layers),
        loop_layer=None if getattr(model, "middle_index", None) is None else model.middle_index + 1,
    )

    # The test set: accuracy, and the predictions the digits and projection views draw.
    test_out = model(trainer.x_test)
    accuracy = None
    if task == "classification":
        test_pred = test_out.argmax(1)
        accuracy = float((test_pred == trainer.y_test).float().mean()) if len(test_pred) else None
    else:
        test_pred = test_out[:, 0]

    if inputs.kind == "boundary2d":
        acts, out = _forward_all(model, inputs.points)
        n_big = res * res
        out, small_out = out[:n_big], out[n_big:]
        confidence = None
        if task == "regression":
            grid = out[:, 0]
        elif k == 2:  # softmax(out)[:, 1], as sigmoid of the logit difference: a fifth of the time
            grid = torch.sigmoid(out[:, 1] - out[:, 0])
        else:
            conf, cls = torch.softmax(out, 1).max(1)
            grid, confidence = cls.float(), _to_numpy(conf.reshape(res, res))
        maps = tuple(
            _to_numpy(a[n_big:].T.reshape(a.shape[1], nres, nres)) if a.shape[1] <= MAX_MAPPED_NEURONS else None
            for a in acts
        )
        output_maps = None
        if small_out.shape[1] <= MAX_MAPPED_NEURONS:  # each output neuron's own picture
            per_class = small_out if task == "regression" else torch.softmax(small_out, 1)
            output_maps = _to_numpy(per_class.T.reshape(small_out.shape[1], nres, nres).float())
        features = getattr(model, "features", None)
        small_points = inputs.points[n_big:]
        if features is not None:
            names, values = tuple(features.names), features(small_points)
        else:
            names, values = catalog.PLAIN_FEATURES, small_points
        input_maps = _to_numpy(values.T.reshape(values.shape[1], nres, nres).float())
        return BoundarySnapshot(
            **common,
            accuracy=accuracy,
            extent=inputs.extent,
            grid=_to_numpy(grid.float().reshape(res, res)),
            confidence=confidence,
            neuron_maps=maps,
            output_maps=output_maps,
            input_maps=input_maps,
            input_names=names,
        )

    if inputs.kind == "digits":
        kk = max(k, 1)
        conf = torch.bincount(trainer.y_test * kk + test_pred, minlength=kk * kk).reshape(kk, kk)
        return DigitsSnapshot(
            **common, accuracy=accuracy, confusion=_to_numpy(conf), test_predictions=_to_numpy(test_pred)
        )

    train_out = model(trainer.x_train)
    train_pred = train_out.argmax(1) if task == "classification" else train_out[:, 0]
    test_pred = _to_numpy(test_pred)
    confusion = None
    if task == "classification":
        confusion = confusion_matrix(_to_numpy(trainer.y_test), test_pred, max(k, 1))
        confusion.setflags(write=False)
    return ProjectionSnapshot(
        **common,
        accuracy=accuracy,
        test_predictions=test_pred,
        train_predictions=_to_numpy(train_pred),
        confusion=confusion,
    )


def _cnn_snapshot(trainer, model, dataset: Dataset, picked: int) -> CNNSnapshot:
    import torch

    k = max(dataset.n_classes, 1)
    test_pred = model(trainer.x_test).argmax(1)
    n_test = len(test_pred)
    accuracy = float((test_pred == trainer.y_test).float().mean()) if n_test else None
    conf = torch.bincount(trainer.y_test * k + test_pred, minlength=k * k).reshape(k, k)
    picked = min(max(int(picked), 0), max(n_test - 1, 0))
    shape = tuple(int(s) for s in model.image_shape)
    if n_test:
        x = trainer.x_test[picked : picked + 1]
        image = _to_numpy(x.reshape(shape).float())
        maps = tuple(_to_numpy(m[0].float()) for m in model.feature_maps(x))
    else:
        image = np.zeros(shape, dtype=np.float32)
        maps = ()
    return CNNSnapshot(
        task=dataset.task,
        n_classes=dataset.n_classes,
        step=int(trainer.step_count),
        epoch=int(trainer.epoch),
        sizes=tuple(int(s) for s in model.sizes),
        weights=tuple(_to_numpy(fc.weight) for fc in model.head),
        biases=tuple(_to_numpy(fc.bias) for fc in model.head),
        accuracy=accuracy,
        confusion=_to_numpy(conf),
        test_predictions=_to_numpy(test_pred),
        image_shape=shape,
        kernels=tuple(_to_numpy(conv.weight.float()) for conv in model.convs),
        picked=picked,
        image=image,
        feature_maps=maps,
    )


__all__ = [
    "ViewSnapshot",
    "CNNSnapshot",
    "kernel_picture",
    "BoundarySnapshot",
    "DigitsSnapshot",
    "ProjectionSnapshot",
    "snapshot_views",
    "view_resolutions",
    "VIEW_MACS",
    "view_kind",
    "plot_extent",
    "grid_axes",
    "grid_index",
    "confusion_matrix",
    "projection_2d",
    "Throttle",
    "MAX_MAPPED_NEURONS",
]
