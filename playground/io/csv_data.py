"""Your own data from a CSV file, and the data or the loss history written back out as CSV.

``read_data_csv(path) -> DataTable``. The file:

- UTF-8 text (a byte-order mark is fine), one row per point, fields separated by commas (or by
  semicolons or tabs: the separator the first line uses most), LF, CRLF or CR line ends, blank
  lines skipped. At most MAX_BYTES (refused before reading).
- A header row when the first row is not all numbers. Without one, the features are named
  x1..xn and the label ``label``.
- The label column is the one named ``label``, else ``y`` (any case), else the last column.
  Columns named ``split`` or ``prediction`` are left out (``write_data_csv`` writes them); every
  other column is a feature and must hold numbers: 1 to MAX_FEATURES of them, 1 to MAX_ROWS rows.
- Labels that are all whole numbers, or that are not all numbers, make a classification of up to
  MAX_CLASSES classes (class indices in the sorted order of the labels, whole numbers by value);
  numbers with a decimal point or an exponent (``3.0``, ``2.5e-1``) make a regression.

A bad file raises ``DataFileError``: one line naming the file, the line and column, what is wrong
and what is allowed, e.g. ``points.csv line 7, column 2 ("x2"): "abc" is not a number``.

Speed: a file of numbers only is parsed by numpy's C reader (np.loadtxt); anything else (string
labels, the split column, a bad value) goes through the csv module in chunks, which finds the
exact line and column of a problem (see benchmarks/bench_csv.py).
"""

from __future__ import annotations

import csv
import errno
import io
import itertools
import math
import os
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from playground.core.checks import ConfigError
from playground.core.records import DataTable, EpochMetrics
from playground.io.atomic import atomic_write, os_reason

MAX_ROWS = 1_000_000
MAX_FEATURES = 1_000
MAX_CLASSES = 20
MAX_BYTES = 1_000_000_000  # read into memory whole: a bigger file is refused before reading it
IGNORED = ("split", "prediction")  # columns write_data_csv adds; never features
CHUNK = 65_536  # rows the csv-module path turns into arrays at a time
FLOAT32_MAX = float(np.finfo(np.float32).max)
_BINARY_KINDS = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"PK\x03\x04":
                 "a zip archive (an Excel .xlsx workbook is one: save it as CSV)", b"%PDF": "a PDF document",
                 b"\x1f\x8b": "a gzip archive", b"GIF8": "a GIF image"}


class DataFileError(ValueError):
    """A data file that cannot be read: ``path``, ``line`` and ``column`` (1-based, None where
    they do not apply) and ``message`` (what is wrong and what is allowed). str() is one line."""

    def __init__(self, path: str | os.PathLike, message: str, line: int | None = None,
                 column: int | None = None, column_name: str | None = None):
        self.path, self.line, self.column, self.message = str(path), line, column, message
        where = Path(path).name
        if line is not None:
            where += f" line {line}"
        if column is not None:
            where += ("," if line is not None else "") + f" column {column}"
            if column_name:
                where += f' ("{column_name}")'
        super().__init__(f"{where}: {message}")


# -- reading ------------------------------------------------------------------------------------

def read_data_csv(path: str | os.PathLike) -> DataTable:
    """Read a data file (see the module's docstring); raise DataFileError for a bad one."""
    text = _read_text(path)
    if "\r" in text and "\n" not in text:  # old Mac line ends (the csv module reads only \n and \r\n)
        text = text.replace("\r", "\n")
    first, top = next(((i, line) for i, line in enumerate(_lines(text)) if line.strip()), (None, ""))
    if first is None:
        raise DataFileError(path, "the file is empty; a data file has feature columns and a label column, "
                                  "one row per point")
    delimiter = _delimiter(top)
    try:
        cells = next(csv.reader([top], delimiter=delimiter))
    except csv.Error as e:
        raise DataFileError(path, f"not valid CSV: {e}", first + 1) from None
    header = not all(_is_number(c) for c in cells)
    if header:
        names = [c.strip() or f"column {i}" for i, c in enumerate(cells, 1)]
    else:
        names = [f"x{i}" for i in range(1, len(cells))] + ["label"]
    label, features = _columns(path, names, header, first + 1)
    skip = first + 1 if header else first  # lines before the data
    _check_row_count(path, text, skip)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # numpy's "input contained no data": said below, in words
            parsed = _read_numbers(path, delimiter, skip, names, features, label)
    except ValueError as e:
        if isinstance(e, DataFileError):
            raise
        parsed = None
    if parsed is None:
        parsed = _read_any(path, text, delimiter, skip, header, names, features, label)
    x, y, task, class_names = parsed
    return DataTable(x=x, y=y, task=task, feature_names=tuple(names[c] for c in features),
                     class_names=class_names, train_mask=None, source=str(path), label_name=names[label])


def _read_text(path: str | os.PathLike) -> str:
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise DataFileError(path, f"the file is {size / 1e9:.1f} GB; data files up to {MAX_BYTES / 1e9:.0f} GB "
                                      f"(and {MAX_ROWS:,} rows) are allowed")
        data = Path(path).read_bytes()
    except OSError as e:
        reasons = {errno.ENOENT: "no such file", errno.EISDIR: "this is a folder, not a file"}
        raise DataFileError(path, f"cannot read it: {reasons.get(e.errno) or os_reason(e, path)}") from None
    kind = next((k for magic, k in _BINARY_KINDS.items() if data.startswith(magic)), None)
    if kind is None and b"\x00" in data:
        kind = "binary data"
    if kind is None:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            kind = f"bytes that are not UTF-8 text at byte {e.start + 1:,}"
    raise DataFileError(path, f"not a CSV text file (it holds {kind}); save the data as CSV: UTF-8 text, "
                              f"one row per point, values separated by commas")


def _delimiter(line: str) -> str:
    """The separator the line uses most: semicolon, tab or comma (a tie: in that order, since a
    decimal comma comes with semicolons)."""
    return max(";\t,", key=line.count) if any(d in line for d in ";\t") else ","


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _columns(path, names: list[str], header: bool, line: int) -> tuple[int, list[int]]:
    """The label column's index and the feature columns' indices."""
    lower = [n.lower() for n in names]
    used = [i for i, n in enumerate(lower) if not header or n not in IGNORED]
    label = next((i for want in ("label", "y") for i in used if lower[i] == want), used[-1] if used else 0)
    features = [i for i in used if i != label]
    where = dict(line=line if header else None)
    if not features:
        raise DataFileError(path, f"no feature column besides the label \"{names[label]}\"; a data file needs "
                                  f"1 to {MAX_FEATURES:,} columns of numbers and a label column", **where)
    if len(features) > MAX_FEATURES:
        raise DataFileError(path, f"{len(features):,} feature columns; allowed 1 to {MAX_FEATURES:,}", **where)
    return label, features


def _check_row_count(path, text: str, skip: int) -> None:
    if text.count("\n") - skip < MAX_ROWS:  # the cheap bound; count rows only when it says maybe
        return
    rows = sum(1 for line in itertools.islice(_lines(text), skip, None) if line.strip())
    if rows > MAX_ROWS:
        raise DataFileError(path, f"{rows:,} data rows; allowed up to {MAX_ROWS:,}")


def _lines(text: str, block: int = 1 << 20):
    """The lines of ``text``, without their "\n", a block at a time (io.StringIO would hold a copy
    of four bytes a character)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + block)
        end = len(text) if end < 0 else end + 1
        lines = text[start:end].split("\n")
        yield from lines[:-1] if end < len(text) or text.endswith("\n") else lines
        start = end


def _read_numbers(path, delimiter, skip, names, features, label):
    """The fast path for a file of numbers only (numpy's C reader, reading the file in chunks): the
    table, or None where the file needs the csv-module path (a ValueError from numpy says the same)."""
    read = dict(delimiter=delimiter, skiprows=skip, comments=None, quotechar='"', ndmin=2, encoding="utf-8-sig")
    values = np.loadtxt(path, dtype=np.float64, **read)
    if values.shape[1] != len(names) or len(values) == 0:
        return None
    with np.errstate(over="ignore"):
        x = values[:, features].astype(np.float32)
    if not np.isfinite(x).all():
        return None
    try:
        whole = np.loadtxt(path, usecols=[label], dtype=np.int64, **read)[:, 0]
    except ValueError:  # some label has a decimal point or an exponent: a regression
        with np.errstate(over="ignore"):
            y = values[:, label].astype(np.float32)
        return (x, y, "regression", ()) if np.isfinite(y).all() else None
    classes, index = np.unique(whole, return_inverse=True)
    return x, *_classes(path, index, [str(c) for c in classes.tolist()], True, label, names)


def _read_any(path, text, delimiter, skip, header, names, features, label):
    """The csv-module path: any labels, ignored columns, quoting; the exact place of a problem."""
    reader = csv.reader(_lines(text), delimiter=delimiter)
    for _ in range(skip):
        next(reader, None)
    xs, labels, line_numbers, rows, lines = [], [], [], [], []

    def flush() -> None:
        table = np.array(rows, dtype=str)
        xs.append(_numbers(path, table[:, features], lines, features, names, "every feature needs a number"))
        text = np.char.strip(table[:, label])
        labels.append(text.astype(f"U{max(1, int(np.char.str_len(text).max()))}"))  # the table's width: wider
        line_numbers.append(np.array(lines))
        rows.clear()
        lines.clear()

    try:
        for row in reader:
            if len(row) != len(names):
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue  # a blank line
                raise DataFileError(path, f"{len(row)} values; expected {len(names)}, as many as "
                                          f"{'the header has' if header else 'the first row has'}", reader.line_num)
            rows.append(row)
            lines.append(reader.line_num)
            if len(rows) == CHUNK:
                flush()
    except csv.Error as e:
        raise DataFileError(path, f"not valid CSV: {e}", reader.line_num) from None
    if rows:
        flush()
    if not xs:
        raise DataFileError(path, "no data rows after the header; add one row per point")
    return (np.concatenate(xs), *_labels(path, np.concatenate(labels), np.concatenate(line_numbers), label, names))


def _numbers(path, cells: np.ndarray, lines, columns, names, need: str) -> np.ndarray:
    """float32 values of a chunk's cells (text); DataFileError naming the first bad cell."""
    try:
        with np.errstate(over="ignore"):
            values = cells.astype(np.float64).astype(np.float32)
        bad = np.argwhere(~np.isfinite(values))
    except ValueError:
        bad = None
    for r, c in (bad if bad is not None else itertools.product(range(len(cells)), range(len(columns)))):
        problem = _problem(str(cells[r, c]), need)
        if problem:
            raise DataFileError(path, problem, lines[r], columns[c] + 1, names[columns[c]])
    if bad is None:  # numpy refused a value that Python reads: say so, at the chunk's lines
        raise DataFileError(path, f"a value in lines {lines[0]}-{lines[-1]} is not a number")
    return values


def _problem(cell: str, need: str) -> str | None:
    """What is wrong with one cell that should hold a number; None if nothing."""
    text = cell.strip()
    if not text:
        return f"empty value; {need}"
    try:
        value = float(text)
    except ValueError:
        if _is_number(text.replace(",", ".")):
            return f'"{text}" is not a number (write the decimal mark as a point: {text.replace(",", ".")})'
        return f'"{text}" is not a number'
    if math.isnan(value):
        return f'"{text}" marks a missing value; {need}'
    if math.isinf(value):
        return f'"{text}" is not a finite number; {need}'
    if abs(value) > FLOAT32_MAX:
        return f'"{text}" is too large; allowed sizes up to {FLOAT32_MAX:.1e}'
    return None


def _labels(path, labels: np.ndarray, lines: np.ndarray, column: int, names: list[str]):
    """(y, task, class_names) from the label column's text (stripped) and the file line of each."""
    where = dict(column=column + 1, column_name=names[column])
    if (labels == "").any():
        raise DataFileError(path, "empty value; every row needs a label", int(lines[np.argmax(labels == "")]),
                            **where)
    try:
        ints = labels.astype(np.int64)
    except (ValueError, OverflowError):
        ints = None
    if ints is not None:
        classes, index = np.unique(ints, return_inverse=True)
        return _classes(path, index, [str(c) for c in classes.tolist()], True, column, names)
    try:
        with np.errstate(over="ignore"):
            y = labels.astype(np.float64).astype(np.float32)
    except ValueError:
        classes, index = np.unique(labels, return_inverse=True)
        return _classes(path, index, [str(c) for c in classes.tolist()], False, column, names)
    if not np.isfinite(y).all():
        i = int(np.argmax(~np.isfinite(y)))
        raise DataFileError(path, _problem(str(labels[i]), "every row needs a label") or "not a finite number",
                            int(lines[i]), **where)
    return y, "regression", ()


def _classes(path, index: np.ndarray, classes: list[str], numbers: bool, column: int, names: list[str]):
    """(y, "classification", class_names), or DataFileError for under 2 or over MAX_CLASSES classes."""
    where = dict(column=column + 1, column_name=names[column])
    if len(classes) < 2:
        raise DataFileError(path, f'every row has the label "{classes[0]}"; a classification needs at least 2 '
                                  f"classes", **where)
    if len(classes) > MAX_CLASSES:
        hint = " (to make it a regression, write the numbers as decimals, e.g. 3.0)" if numbers else ""
        raise DataFileError(path, f"{len(classes):,} different labels; a classification allows up to "
                                  f"{MAX_CLASSES} classes{hint}", **where)
    return index.astype(np.int64).reshape(-1), "classification", tuple(classes)


# -- writing ------------------------------------------------------------------------------------

def read_data_file(path: str | os.PathLike) -> DataTable:
    """``read_data_csv`` for the window, the engine and the CLI: an empty path or a bad file is a
    ConfigError on the setting ``data`` whose message is the reader's one line (file, line, column)."""
    if not str(path).strip():
        raise ConfigError("data", "an empty path; give a CSV file such as points.csv")
    try:
        return read_data_csv(path)
    except DataFileError as e:
        raise ConfigError("data", str(e)) from None


def write_data_csv(path: str | os.PathLike, x: np.ndarray, y: np.ndarray, split: Sequence[bool] | np.ndarray,
                   prediction: np.ndarray | None = None, feature_names: Sequence[str] | None = None,
                   label_name: str = "label", class_names: Sequence[str] = ()) -> None:
    """Write points as CSV, atomically: the features, the label, ``split`` (``train`` where
    ``split`` is True, else ``test``) and, when given, ``prediction``. With ``class_names``, ``y``
    and ``prediction`` are class indices written as their names; else they are written as numbers.
    read_data_csv reads it back (it leaves out split and prediction); class indices come back in
    the sorted order of the names."""
    x = np.asarray(x, dtype=np.float32).reshape(len(x), -1)
    names = list(feature_names) if feature_names is not None else [f"x{i}" for i in range(1, x.shape[1] + 1)]
    columns = [x[:, j].astype(str) for j in range(x.shape[1])]
    columns += [_label_text(y, class_names), np.where(np.asarray(split, dtype=bool), "train", "test")]
    header = [*names, label_name, "split"]
    if prediction is not None:
        columns.append(_label_text(prediction, class_names))
        header.append("prediction")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(zip(*(c.tolist() for c in columns)))
    atomic_write(path, out.getvalue())


def _label_text(values, class_names: Sequence[str]) -> np.ndarray:
    values = np.asarray(values).reshape(-1)
    if class_names:
        return np.asarray(list(class_names), dtype=str)[values.astype(np.int64)]
    if np.issubdtype(values.dtype, np.integer):
        return values.astype(str)
    return values.astype(np.float32).astype(str)  # 3.0 stays "3.0": read back as a regression


def write_history_csv(path: str | os.PathLike, history: Sequence[EpochMetrics], step_losses: Sequence[float]) -> None:
    """Write the loss history as one CSV, atomically, with the columns

        step, epoch, loss, train_loss, test_loss, train_accuracy, test_accuracy

    One row per step (1, 2, ...): ``loss`` is that step's mini-batch loss (step_losses[step - 1]),
    ``epoch`` the epoch it belongs to (from 1). The per-epoch columns, measured on the whole train
    and test sets, are filled only on the row of the step that ended an epoch (EpochMetrics.step);
    the accuracies stay empty for a regression. An epoch measured at a step with no loss (step 0,
    before training) gets a row of its own with ``loss`` empty."""
    losses = np.asarray(step_losses, dtype=np.float64).reshape(-1)
    ends = {int(m.step): m for m in history}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["step", "epoch", "loss", "train_loss", "test_loss", "train_accuracy", "test_accuracy"])
    epoch = 1
    for step in sorted(set(range(1, len(losses) + 1)) | set(ends)):
        loss = _number_text(losses[step - 1]) if 1 <= step <= len(losses) else ""
        m = ends.get(step)
        if m is None:
            writer.writerow([step, epoch, loss, "", "", "", ""])
            continue
        writer.writerow([step, m.epoch, loss, _number_text(m.train_loss), _number_text(m.test_loss),
                         _number_text(m.train_accuracy), _number_text(m.test_accuracy)])
        epoch = m.epoch + 1
    atomic_write(path, out.getvalue())


def _number_text(value: float | None) -> str:
    return "" if value is None else repr(float(value))


__all__ = ["DataFileError", "read_data_csv", "write_data_csv", "write_history_csv",
           "MAX_ROWS", "MAX_FEATURES", "MAX_CLASSES", "MAX_BYTES"]
