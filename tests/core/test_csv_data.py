"""Your own data from CSV: what each kind of file becomes, each bad file's one-line message (with
its line and column), and the data and history CSVs the playground writes."""

import csv
import zipfile

import numpy as np
import pytest

import playground.io.csv_data as csv_data
from playground.core.records import DataTable, EpochMetrics
from playground.io.csv_data import DataFileError, read_data_csv, write_data_csv, write_history_csv


def write(tmp_path, text: str | bytes, name: str = "points.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def error(tmp_path, text: str | bytes, name: str = "points.csv") -> DataFileError:
    with pytest.raises(DataFileError) as info:
        read_data_csv(write(tmp_path, text, name))
    e = info.value
    assert isinstance(e, ValueError) and "\n" not in str(e) and e.path == str(tmp_path / name)
    return e


# -- what a file becomes ------------------------------------------------------------------------

def test_integer_labels_make_a_classification_in_numeric_order(tmp_path):
    table = read_data_csv(write(tmp_path, "x1,x2,label\n0.5,1,10\n1.5,-2,2\n2.5,3e2,10\n"))
    assert isinstance(table, DataTable) and table.task == "classification"
    assert table.class_names == ("2", "10") and table.n_classes == 2  # 2 before 10: by value
    assert table.y.dtype == np.int64 and table.y.tolist() == [1, 0, 1]
    assert table.x.dtype == np.float32 and table.x.tolist() == [[0.5, 1], [1.5, -2], [2.5, 300]]
    assert table.feature_names == ("x1", "x2") and table.label_name == "label"
    assert table.source == str(tmp_path / "points.csv") and table.train_mask is None


def test_string_labels_make_a_classification_with_their_names(tmp_path):
    table = read_data_csv(write(tmp_path, "a,b,kind\n1,2, dog\n3,4,cat\n5,6,dog\n"))
    assert table.task == "classification" and table.class_names == ("cat", "dog")
    assert table.y.tolist() == [1, 0, 1] and table.label_name == "kind"


def test_decimal_labels_make_a_regression(tmp_path):
    table = read_data_csv(write(tmp_path, "x,target\n1,3.0\n2,4\n3,-1.5e-1\n"))
    assert table.task == "regression" and table.class_names == () and table.n_classes == 0
    assert table.y.dtype == np.float32 and table.y.tolist() == pytest.approx([3.0, 4.0, -0.15])


def test_without_a_header_the_features_are_x1_to_xn_and_the_last_column_the_label(tmp_path):
    table = read_data_csv(write(tmp_path, "1,2,3,0\n4,5,6,1\n"))
    assert table.feature_names == ("x1", "x2", "x3") and table.label_name == "label"
    assert table.x.tolist() == [[1, 2, 3], [4, 5, 6]] and table.y.tolist() == [0, 1]


@pytest.mark.parametrize("header, label, features", [
    ("a,label,b", "label", ("a", "b")),
    ("a,Y,b", "Y", ("a", "b")),
    ("y,LABEL,b", "LABEL", ("y", "b")),  # label before y
    ("a,b,c", "c", ("a", "b")),  # neither: the last column
])
def test_the_label_column_is_label_then_y_then_the_last(tmp_path, header, label, features):
    table = read_data_csv(write(tmp_path, f"{header}\n1,0,5\n2,1,6\n"))
    assert table.label_name == label and table.feature_names == features and table.n_classes == 2


def test_split_and_prediction_columns_are_left_out(tmp_path):
    table = read_data_csv(write(tmp_path, "a,Split,c,prediction\n1,train,0,1\n2,test,1,1\n"))
    assert table.feature_names == ("a",) and table.label_name == "c" and table.x.tolist() == [[1], [2]]


def test_semicolons_tabs_a_bom_line_ends_quotes_and_blank_lines(tmp_path):
    for text in ["\ufeffx1;x2;label\r\n1;2;a\r\n3;4;b\r\n\r\n\r\n",
                 "x1\tx2\tlabel\n1\t2\ta\n\n3\t4\tb\n",
                 '\n"x1","x2","label"\n"1",2,a\n3,"4",b\n  \n',
                 "x1,x2,label\r1,2,a\r3,4,b\r"]:
        table = read_data_csv(write(tmp_path, text))
        assert table.feature_names == ("x1", "x2") and table.label_name == "label", repr(text)
        assert table.x.tolist() == [[1, 2], [3, 4]] and table.class_names == ("a", "b"), repr(text)


def test_up_to_20_classes(tmp_path):
    rows = "".join(f"{i},{i}\n" for i in range(20))
    assert read_data_csv(write(tmp_path, "x,label\n" + rows)).n_classes == 20


# -- bad files: one line each, with the line and the column ----------------------------------

@pytest.mark.parametrize("text, message, line, column", [
    ("x1,x2,label\n1,2,0\n3,abc,1\n",
     'points.csv line 3, column 2 ("x2"): "abc" is not a number', 3, 2),
    ("x1;x2;label\n1,5;2;0\n3;4;1\n",
     'points.csv line 2, column 1 ("x1"): "1,5" is not a number (write the decimal mark as a point: 1.5)', 2, 1),
    ("x1,x2,label\n1,2,0\n\n3,4\n",
     "points.csv line 4: 2 values; expected 3, as many as the header has", 4, None),
    ("1,2,0\n3,4,1,5\n",
     "points.csv line 2: 4 values; expected 3, as many as the first row has", 2, None),
    ("x1,x2,label\n1,,0\n3,4,1\n",
     'points.csv line 2, column 2 ("x2"): empty value; every feature needs a number', 2, 2),
    ("x1,x2,label\n1,2,0\n3,4,\n",
     'points.csv line 3, column 3 ("label"): empty value; every row needs a label', 3, 3),
    ("x1,x2,label\n1,2,0\n3,NaN,1\n",
     'points.csv line 3, column 2 ("x2"): "NaN" marks a missing value; every feature needs a number', 3, 2),
    ("x1,x2,label\n1,2,0.5\n3,4,nan\n",
     'points.csv line 3, column 3 ("label"): "nan" marks a missing value; every row needs a label', 3, 3),
    ("x1,x2,label\n-inf,2,0\n3,4,1\n",
     'points.csv line 2, column 1 ("x1"): "-inf" is not a finite number; every feature needs a number', 2, 1),
    ("x1,x2,label\n1,2,0\n3,1e39,1\n",
     'points.csv line 3, column 2 ("x2"): "1e39" is too large; allowed sizes up to 3.4e+38', 3, 2),
    ("x1,x2,label\n1,2,0\n3,4,0\n",
     'points.csv column 3 ("label"): every row has the label "0"; a classification needs at least 2 classes',
     None, 3),
    ("", "points.csv: the file is empty; a data file has feature columns and a label column, one row per point",
     None, None),
    ("\n  \n", "points.csv: the file is empty; a data file has feature columns and a label column, "
               "one row per point", None, None),
    ("x1,x2,label\n\n", "points.csv: no data rows after the header; add one row per point", None, None),
    ("label\n1\n2\n", 'points.csv line 1: no feature column besides the label "label"; a data file needs '
                      "1 to 1,000 columns of numbers and a label column", 1, None),
])
def test_each_bad_file_says_where_and_what(tmp_path, text, message, line, column):
    e = error(tmp_path, text)
    assert str(e) == message
    assert (e.line, e.column) == (line, column)
    assert message.endswith(e.message)


def test_too_many_classes_says_how_many_are_allowed(tmp_path):
    rows = "".join(f"{i},{i}\n" for i in range(21))
    assert str(error(tmp_path, "x,label\n" + rows)) == (
        'points.csv column 2 ("label"): 21 different labels; a classification allows up to 20 classes '
        "(to make it a regression, write the numbers as decimals, e.g. 3.0)")
    rows = "".join(f"{i},c{i}\n" for i in range(21))
    assert str(error(tmp_path, "x,label\n" + rows)) == (
        'points.csv column 2 ("label"): 21 different labels; a classification allows up to 20 classes')


def test_binary_files_are_not_csv(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert str(error(tmp_path, png, "points.png")) == (
        "points.png: not a CSV text file (it holds a PNG image); save the data as CSV: UTF-8 text, "
        "one row per point, values separated by commas")
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w") as z:
        z.writestr("a.xml", "<a/>")
    assert "(it holds a zip archive (an Excel .xlsx workbook is one: save it as CSV))" in \
        str(error(tmp_path, (tmp_path / "book.xlsx").read_bytes(), "book.xlsx"))
    assert "(it holds binary data)" in str(error(tmp_path, b"x,label\n1,\x00\n"))
    assert str(error(tmp_path, b"x,label\n1,caf\xe9\n")) == (
        "points.csv: not a CSV text file (it holds bytes that are not UTF-8 text at byte 14); save the data as "
        "CSV: UTF-8 text, one row per point, values separated by commas")


def test_a_missing_file_or_a_folder(tmp_path):
    with pytest.raises(DataFileError) as info:
        read_data_csv(tmp_path / "nowhere.csv")
    assert str(info.value) == "nowhere.csv: cannot read it: no such file"
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(DataFileError) as info:
        read_data_csv(tmp_path / "folder.csv")
    assert str(info.value) == "folder.csv: cannot read it: this is a folder, not a file"


def test_too_many_rows_or_features(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_data, "MAX_ROWS", 3)
    assert len(read_data_csv(write(tmp_path, "x,label\n1,0\n2,1\n\n\n3,0\n\n"))) == 3  # blank lines don't count
    assert str(error(tmp_path, "x,label\n1,0\n2,1\n3,0\n4,1\n")) == \
        "points.csv: 4 data rows; allowed up to 3"
    assert str(error(tmp_path, "1,0\n2,1\n3,0\n4,1\n")) == "points.csv: 4 data rows; allowed up to 3"
    monkeypatch.setattr(csv_data, "MAX_FEATURES", 2)
    assert str(error(tmp_path, "a,b,c,label\n1,2,3,0\n")) == \
        "points.csv line 1: 3 feature columns; allowed 1 to 2"


def test_an_oversized_file_is_refused_before_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_data, "MAX_BYTES", 10)
    assert str(error(tmp_path, "x,label\n1,0\n2,1\n")) == \
        "points.csv: the file is 0.0 GB; data files up to 0 GB (and 1,000,000 rows) are allowed"


def test_the_csv_module_path_finds_the_same_problems_past_its_first_chunk(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_data, "CHUNK", 4)
    rows = "".join(f"{i},{i % 3},{['red', 'blue'][i % 2]}\n" for i in range(10))  # string labels: the csv-module path
    table = read_data_csv(write(tmp_path, "x1,x2,label\n" + rows))
    assert len(table) == 10 and table.x[9].tolist() == [9, 0]
    bad = rows.replace("7,1,blue", "7,oops,blue")
    assert str(error(tmp_path, "x1,x2,label\n" + bad)) == 'points.csv line 9, column 2 ("x2"): "oops" is not a number'


# -- writing ------------------------------------------------------------------------------------

def test_data_round_trips_through_write_data_csv(tmp_path):
    x = np.array([[0.1, -2.0], [3.25, 4e-8], [5.0, 6.5]], dtype=np.float32)
    y = np.array([1, 0, 1])
    path = tmp_path / "out.csv"
    write_data_csv(path, x, y, [True, False, True], prediction=np.array([1, 1, 0]),
                   feature_names=["a", "b,c"], label_name="kind", class_names=["cat", "dog"])
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == ["a", "b,c", "kind", "split", "prediction"]
    assert rows[1] == ["0.1", "-2.0", "dog", "train", "dog"] and rows[2][3:] == ["test", "dog"]
    table = read_data_csv(path)
    assert table.feature_names == ("a", "b,c") and table.label_name == "kind"
    assert table.class_names == ("cat", "dog") and table.y.tolist() == [1, 0, 1]
    assert np.array_equal(table.x, x)
    regression = np.array([3.0, -1.5, 2.0], dtype=np.float32)
    write_data_csv(path, x, regression, np.array([True, True, False]))
    table = read_data_csv(path)
    assert table.task == "regression" and np.array_equal(table.y, regression)
    assert table.feature_names == ("x1", "x2") and table.label_name == "label"
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no temporary file left


def test_history_csv_has_a_row_per_step_and_the_epochs_on_their_last_step(tmp_path):
    history = [EpochMetrics(1, 2, 0.5, 0.625, 0.75, 0.5), EpochMetrics(2, 4, 0.25, 0.375, 1.0, 0.75)]
    path = tmp_path / "history.csv"
    write_history_csv(path, history, [0.9, 0.7, 0.4, 0.3])
    assert path.read_text(encoding="utf-8") == (
        "step,epoch,loss,train_loss,test_loss,train_accuracy,test_accuracy\n"
        "1,1,0.9,,,,\n"
        "2,1,0.7,0.5,0.625,0.75,0.5\n"
        "3,2,0.4,,,,\n"
        "4,2,0.3,0.25,0.375,1.0,0.75\n")
    write_history_csv(path, [EpochMetrics(1, 1, 2.5, float("nan"), None, None)], [3.0, 1.5])
    assert path.read_text(encoding="utf-8").splitlines()[1:] == ["1,1,3.0,2.5,nan,,", "2,2,1.5,,,,"]
