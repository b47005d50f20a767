"""Opening a hostile session in the window: one warning box naming the file and the field, the
network unchanged, no traceback (issue 13)."""

import json

from safetensors import safe_open
from safetensors.torch import save_file
from windows import open_window  # noqa: E402  (tests/ui/windows.py)

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.io.session import save_session


def test_opening_a_crafted_session_warns_and_changes_nothing(qtbot, message_boxes, tmp_path):
    trainer = Trainer(get_preset("xor").config.replace(samples=120), preset="xor")
    trainer.train_step()
    good = save_session(trainer, tmp_path / "good.pgsession")
    with safe_open(str(good), framework="pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 (a file handle)
        meta = dict(f.metadata())
    w = open_window(qtbot)
    before = w.controller.model
    bad_files = {
        "optimizer": {**meta, "optimizer": json.dumps([1, 2])},
        "epoch": {**meta, "epoch": "99999999999999999999"},
        "pending_batch_sizes": {**meta, "pending_batch_sizes": "[40, -10]"},
    }
    for field, metadata in bad_files.items():
        path = tmp_path / f"bad-{field}.pgsession"
        save_file(tensors, str(path), metadata=metadata)
        message_boxes.clear()
        assert w.open_path(path) is False
        assert len(message_boxes) == 1, message_boxes
        kind, _title, text = message_boxes[0]
        assert kind == "warning"
        assert str(path) in text and field in text and "\n" not in text and "Traceback" not in text, text
        assert w.controller.model is before  # the network is the one it was


def test_opening_a_config_nested_too_deeply_or_with_a_huge_number_says_so(qtbot, message_boxes, tmp_path):
    w = open_window(qtbot)
    before = w.controller.model
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    huge = tmp_path / "huge.json"
    huge.write_text('{"seed": ' + "9" * 5000 + "}")
    assert not w.open_path(deep) and not w.open_path(huge)
    assert [box[:2] for box in message_boxes] == [("warning", "Cannot open config")] * 2
    assert message_boxes[0][2] == f"{deep} is not a config the playground can read (nested too deeply)"
    assert message_boxes[1][2] == f"{huge} is not a config the playground can read (a number with too many digits)"
    assert w.controller.model is before
