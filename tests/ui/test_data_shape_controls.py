"""The window follows the shape of your own data: the input-feature toggles are for 2-D points, so
they are off (saying why) for imported data of other than 2 columns; and the metrics line says
"test loss –" rather than "nan" when drawn data has no test point left."""

import math

import pytest
from windows import RUN, open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.records import EpochMetrics


@pytest.fixture(autouse=True)
def engine_in_a_thread(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_PROCESS", "0")


def csv(path, features: int, n: int = 30):
    header = ",".join([f"f{j}" for j in range(1, features + 1)] + ["label"])
    lines = [",".join([*(str((i * 7 + j * 3) % 11 - 5) for j in range(features)), "ab"[i % 2]]) for i in range(n)]
    path.write_text(header + "\n" + "\n".join(lines) + "\n")
    return path


def test_feature_toggles_follow_the_imported_datas_columns(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)
    features = w.controls.data.featuresInput
    assert features.objectName() == "featuresInput" and features.isEnabled()
    assert w.data.import_data(csv(tmp_path / "five.csv", 5))
    assert w.controls.config.dataset == "custom" and w.controls.config.features == ("x1", "x2")
    assert not features.isEnabled()
    assert "2-D points" in features.toolTip() and "5 inputs" in features.toolTip()
    w.controls.seedInput.setValue(w.controls.seedInput.value() + 1)  # an edit keeps the plain features
    assert w.controls.config.features == ("x1", "x2") and not features.isEnabled()
    assert w.data.import_data(csv(tmp_path / "two.csv", 2))
    assert features.isEnabled() and "input neuron" in features.toolTip()
    assert message_boxes == []


def test_a_lesson_or_run_lock_still_holds_for_two_column_data(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)
    assert w.data.import_data(csv(tmp_path / "two.csv", 2))
    w.controls.set_running(True)
    assert not w.controls.data.featuresInput.isEnabled()
    w.controls.set_running(False)
    assert w.controls.data.featuresInput.isEnabled()


def test_the_metrics_line_says_there_is_no_test_loss_instead_of_nan(qtbot):
    w = open_window(qtbot)
    w.statusArea.show_metrics(EpochMetrics(3, 30, 0.25, math.nan, 0.9, None))
    assert w.metricsLabel.text() == "train loss 0.2500   test loss \u2013 (no test points)   train accuracy 90.0%"
    w.statusArea.show_metrics(EpochMetrics(3, 30, 0.25, 0.5, 0.9, 0.75))
    assert w.metricsLabel.text() == "train loss 0.2500   test loss 0.5000   train accuracy 90.0%   test accuracy 75.0%"


def test_drawn_data_without_test_points_trains_and_shows_no_nan(qtbot):
    w = open_window(qtbot)
    test = w.controller.model.dataset.x_test
    with qtbot.waitSignal(w.controller.modelChanged, timeout=RUN):
        w.controller.edit_points(remove=tuple(map(tuple, test)))
    with qtbot.waitSignal(w.trainingFinished, timeout=RUN):
        w.controls.epochsInput.setValue(1)
        w.trainButton.click()
    text = w.metricsLabel.text()
    assert "nan" not in text and "test loss \u2013" in text and "train accuracy" in text
