"""ImportData, EditPoints, ExportData and ExportHistory, the engine driven directly
(tests/engine/test_engine.py's harness): your own data from a CSV file, points drawn on the same
network (its weights and history kept, mid-run too), and the data and history written as CSV."""

from __future__ import annotations

import numpy as np
import torch
from test_engine import config, configured  # noqa: E402  (tests/engine/test_engine.py)

from playground.engine import protocol as p
from playground.engine.protocol import ModelChange, RunState


def points_csv(path, rows=20, features=2, labels=None) -> str:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(rows, features)).round(3)
    labels = labels if labels is not None else ["a" if r[0] > 0 else "b" for r in x]
    header = ",".join([f"f{i}" for i in range(1, features + 1)] + ["label"])
    path.write_text(header + "\n" + "\n".join(",".join([*map(str, r), str(lab)]) for r, lab in zip(x, labels)) + "\n")
    return str(path)


def test_import_data_makes_a_network_on_the_files_points(tmp_path):
    h = configured()
    path = points_csv(tmp_path / "mine.csv")
    start = h.mark()
    reply = h.do(p.ImportData(path, seq=2))
    assert reply == p.Reply(2, True, "", path)
    (info,) = h.of(p.ModelInfo, since=start)
    assert info.reason is ModelChange.NEW
    assert (info.config.dataset, info.config.data, info.config.classes, info.config.standardize) == \
        ("custom", path, 2, True)
    assert info.preset is None and info.sizes == (2, 4, 2)
    assert h.trainer.table.class_names == ("a", "b") and len(h.trainer.x_train) + len(h.trainer.x_test) == 20


def test_import_five_features_trains_on_their_own_columns(tmp_path):
    h = configured(config(features=("x1", "x2", "x1^2")))
    assert h.do(p.ImportData(points_csv(tmp_path / "five.csv", features=5), seq=2)).ok
    assert h.trainer.config.features == ("x1", "x2") and h.trainer.model.sizes[0] == 5


def test_a_bad_file_says_where_and_changes_nothing(tmp_path):
    h = configured()
    before = h.trainer
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,a\n3,abc,b\n")
    start = h.mark()
    reply = h.do(p.ImportData(str(bad), seq=2))
    assert reply == p.Reply(2, False, 'bad.csv line 3, column 2 ("x2"): "abc" is not a number', field="data")
    assert h.trainer is before and h.of(p.ModelInfo, since=start) == []


def test_import_is_refused_while_a_run_trains(tmp_path):
    h = configured()
    h.engine.handle(p.Train(seq=2))
    assert h.engine.state is RunState.RUNNING
    reply = h.do(p.ImportData(points_csv(tmp_path / "mine.csv"), seq=3))
    assert (reply.ok, reply.message, reply.field) == (False, "cannot import data (stop the run first) while running",
                                                      "state")


def test_drawing_on_catalog_data_makes_it_your_own_and_keeps_the_network(tmp_path):
    h = configured()
    h.put(p.Step(seq=2))
    h.drain()
    trainer, weights = h.trainer, h.trainer.model.fc1.weight.detach().clone()
    x_train, x_test = h.trainer.dataset.x_train.copy(), h.trainer.dataset.x_test.copy()
    model_id = h.engine.model_id
    start = h.mark()
    assert h.do(p.EditPoints(add=((0.5, -0.25, 1),), seq=3)).ok
    (info,) = h.of(p.ModelInfo, since=start)
    assert info.reason is ModelChange.DATA and info.model_id == model_id and info.step == 1
    assert len(info.step_losses) == 1  # the history stays
    assert (info.config.dataset, info.config.data, info.config.standardize, info.config.classes) == \
        ("custom", "", False, 2)
    assert h.trainer is trainer and torch.equal(trainer.model.fc1.weight, weights)
    d = info.dataset
    assert np.array_equal(d.x_train, np.concatenate([x_train, [[0.5, -0.25]]]).astype(np.float32))
    assert np.array_equal(d.x_test, x_test)  # nothing moved
    assert d.y_train[-1] == 1 and trainer.table.source == "drawn" and trainer.table.class_names == ("0", "1")
    # remove the nearest point to a position
    assert h.do(p.EditPoints(remove=((0.51, -0.26),), seq=4)).ok
    assert np.array_equal(h.trainer.dataset.x_train, x_train)


def test_removing_every_test_point_leaves_an_empty_test_set(tmp_path):
    h = configured()
    test = tuple((float(a), float(b)) for a, b in h.trainer.dataset.x_test)
    assert h.do(p.EditPoints(remove=test, seq=2)).ok
    assert len(h.trainer.x_test) == 0
    metrics = h.trainer.evaluate()
    assert np.isnan(metrics.test_loss) and metrics.test_accuracy is None


def test_a_bad_class_is_refused():
    h = configured()
    reply = h.do(p.EditPoints(add=((0.0, 0.0, 5),), seq=2))
    assert (reply.ok, reply.message, reply.field) == (False, "class 5 does not exist; allowed 0 to 1", "add")
    assert h.trainer.config.dataset == "xor"


def test_points_drawn_mid_run_are_trained_on_at_the_next_step():
    h = configured()
    n = len(h.trainer.x_train)
    seen = []
    h.on_step({2: [p.EditPoints(add=((0.1, 0.2, 0), (0.3, 0.4, 1)), seq=3)]})
    wrapped = h.trainer.train_step

    def step():
        seen.append(len(h.trainer.x_train))  # the points this step trains on
        return wrapped()

    h.trainer.train_step = step
    h.put(p.Train(seq=2))
    h.drain()
    assert seen[:3] == [n, n, n + 2]  # step 3 trains on the new points
    assert h.of(p.RunFinished)[0].summary.status == "completed"
    assert [e.reason for e in h.of(p.ModelInfo)] == [ModelChange.NEW, ModelChange.DATA]


def test_export_data_and_history_write_the_points_predictions_and_losses(tmp_path):
    h = configured(config(samples=20))
    h.put(p.Step(seq=2), p.Step(seq=3))
    h.drain()
    data, history = tmp_path / "points.csv", tmp_path / "loss.csv"
    assert h.do(p.ExportData(str(data), seq=4)) == p.Reply(4, True, "", str(data))
    assert h.do(p.ExportHistory(str(history), seq=5)) == p.Reply(5, True, "", str(history))
    d, t = h.trainer.dataset, h.trainer
    with torch.no_grad():
        t.model.eval()
        predicted = t.model(torch.as_tensor(d.x_train[:2])).argmax(1).tolist()
    lines = data.read_text().splitlines()
    assert lines[0] == "x1,x2,label,split,prediction"
    assert len(lines) == 21
    for line, x, y, pred in zip(lines[1:3], d.x_train, d.y_train, predicted):
        assert line == f"{str(x[0])},{str(x[1])},{y},train,{pred}"  # float32 as numpy writes it
    assert lines[-1].split(",")[3] == "test"
    losses, (m1, m2) = list(t.step_losses), t.history  # one step an epoch: 10 training points, batches of 10
    assert history.read_text().splitlines() == [
        "step,epoch,loss,train_loss,test_loss,train_accuracy,test_accuracy",
        f"1,1,{losses[0]!r},{m1.train_loss!r},{m1.test_loss!r},{m1.train_accuracy!r},{m1.test_accuracy!r}",
        f"2,2,{losses[1]!r},{m2.train_loss!r},{m2.test_loss!r},{m2.train_accuracy!r},{m2.test_accuracy!r}"]


def test_export_data_of_a_file_writes_its_own_values_and_class_names(tmp_path):
    h = configured()
    source = tmp_path / "mine.csv"
    assert h.do(p.ImportData(points_csv(source, rows=6), seq=2)).ok
    out = tmp_path / "out.csv"
    assert h.do(p.ExportData(str(out), seq=3)).ok
    written = out.read_text().splitlines()
    assert written[0] == "f1,f2,label,split,prediction"
    original = {tuple(line.split(",")) for line in source.read_text().splitlines()[1:]}
    assert {tuple(line.split(",")[:3]) for line in written[1:]} == {(str(float(a)), str(float(b)), c)
                                                                    for a, b, c in original}
    assert [line.split(",")[3] for line in written[1:]] == ["train"] * 3 + ["test"] * 3
