"""The window's error boxes say which field is wrong (as the CLI does) and, for weights, how to fix it."""

import json

from windows import open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.io import export as exporting
from playground.io.weights import WeightsError, check_weights_fit, implied_sizes
from playground.ui.files import error_text


def test_error_text_names_the_field_unless_the_title_does():
    message = "99 is not supported; this version reads 1"
    assert error_text("Cannot open config", message, "schema_version") == f"schema_version: {message}"
    assert error_text("Cannot import weights", "x does not fit", "weights") == "x does not fit"
    assert error_text("Export failed", "cannot write a: denied", "export") == "cannot write a: denied"
    assert error_text("Cannot open config", message, "") == message
    assert error_text("Cannot open config", f"hidden: {message}", "hidden") == f"hidden: {message}"  # not twice


def test_a_config_of_a_newer_version_names_the_field(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)
    data = json.loads(w.controller.config.to_json())
    data["schema_version"] = 99
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data))
    assert not w.open_path(str(path))
    assert len(message_boxes) == 1
    kind, title, text = message_boxes[0]
    assert (kind, title) == ("warning", "Cannot open config")
    assert text.startswith("schema_version: 99 is not supported; this version reads ")


def test_a_bad_setting_in_a_config_names_the_field(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)
    data = json.loads(w.controller.config.to_json())
    data["hidden"] = "eight"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    assert not w.open_path(str(path))
    assert message_boxes[0][2].startswith("hidden: ")


def test_the_weights_mismatch_box_says_which_layers_the_file_fits(qtbot, tmp_path, message_boxes):
    w = open_window(qtbot)  # xor: 2-8-8-2
    path = exporting.export(Trainer(get_preset("spiral").config), tmp_path / "spiral.safetensors")  # 16, 16, 16
    assert not w.import_weights(str(path))
    assert len(message_boxes) == 1
    kind, title, text = message_boxes[0]
    assert (kind, title) == ("warning", "Cannot import weights")
    assert "fc1.weight: file [16, 2], network [8, 2]" in text  # the shapes, as before
    assert text.endswith("The file fits hidden layers 16, 16, 16: set the hidden layers to that, then import again.")
    assert not text.startswith("weights:")  # the title says it already


def test_implied_sizes_read_the_chain_of_layers():
    spiral = Trainer(get_preset("spiral").config).model
    assert implied_sizes(spiral.state_dict()) == (2, 16, 16, 16, 2)
    one = Trainer(get_preset("xor").config.replace(hidden=())).model.state_dict()
    assert implied_sizes(one) == (2, 2)
    assert implied_sizes({}) is None
    broken = dict(spiral.state_dict())
    broken["fc2.weight"] = broken["fc2.weight"][:, :3]  # fc2 no longer takes fc1's outputs
    assert implied_sizes(broken) is None


def test_no_fix_is_offered_when_the_inputs_or_outputs_differ():
    xor = Trainer(get_preset("xor").config).model
    other = {k: v for k, v in xor.state_dict().items()}
    other["fc1.weight"] = other["fc1.weight"].new_zeros(8, 5)  # 5 inputs: not a hidden-layer question
    try:
        check_weights_fit(xor, other)
    except WeightsError as e:
        assert "different shape fc1.weight" in e.message and "The file fits" not in e.message
    else:
        raise AssertionError("a mismatch must be refused")


def test_no_hidden_layer_is_said_in_words():
    xor = Trainer(get_preset("xor").config).model
    flat = Trainer(get_preset("xor").config.replace(hidden=())).model.state_dict()
    try:
        check_weights_fit(xor, flat)
    except WeightsError as e:
        assert e.message.endswith("The file fits no hidden layer: set the hidden layers to that, then import again.")
    else:
        raise AssertionError("a mismatch must be refused")
