"""SetTensorBoard, the engine driven directly (tests/engine/test_engine.py's harness): each run from
then on in a folder of its own, single steps of a run that end an epoch logged too, nothing after
it is turned off; refused in one line without the package or a folder that can be written."""

from __future__ import annotations

import pytest
from test_engine import configured  # noqa: E402  (tests/engine/test_engine.py)

from playground.engine import protocol as p
from playground.io import tensorboard_log

pytest.importorskip("tensorboard")
from tensorboard.backend.event_processing.event_accumulator import SCALARS, EventAccumulator  # noqa: E402


def _loss_steps(folder) -> list[int]:
    acc = EventAccumulator(str(folder), size_guidance={SCALARS: 0})
    acc.Reload()
    return [e.step for e in acc.Scalars("loss/train")]


def test_each_run_gets_a_folder_and_its_epochs(tmp_path):
    h = configured()  # xor, 3 epochs of 8 steps
    root = tmp_path / "runs"
    reply = h.do(p.SetTensorBoard(str(root), seq=2))
    assert reply == p.Reply(2, True, "", str(root)) and root.is_dir()
    start = h.mark()
    h.put(p.Train(seq=3))
    h.drain()
    (run,) = root.iterdir()
    assert h.of(p.TensorBoardRun, since=start) == [p.TensorBoardRun(str(run))]
    assert _loss_steps(run) == [1, 2, 3]
    assert h.trainer.__dict__.get("train_step") is None  # the trainer no longer logs

    assert h.do(p.SetTensorBoard(None, seq=4)) == p.Reply(4, True, "")
    h.put(p.Train(seq=5))
    h.drain()
    assert [f.name for f in root.iterdir()] == [run.name]


def test_without_the_package_or_a_writable_folder_it_is_refused(tmp_path, monkeypatch):
    h = configured()
    blocker = tmp_path / "file"
    blocker.write_text("")
    reply = h.do(p.SetTensorBoard(str(blocker / "runs"), seq=2))
    assert not reply.ok and reply.field == "tensorboard"
    assert reply.message.startswith(f"cannot write to {blocker / 'runs'} (")
    assert h.do(p.SetTensorBoard("  ", seq=3)) == p.Reply(3, False, "an empty path; give a folder", field="tensorboard")
    monkeypatch.setattr(tensorboard_log, "available", lambda: False)
    reply = h.do(p.SetTensorBoard(str(tmp_path / "runs"), seq=4))
    assert reply == p.Reply(4, False, 'not installed; pip install "pytorch-playground[tensorboard]"', field="tensorboard")
    assert not (tmp_path / "runs").exists() and h.engine.tensorboard_root is None


def test_an_epoch_ended_by_a_single_step_in_a_paused_run_is_logged(tmp_path):
    h = configured()
    assert h.do(p.SetTensorBoard(str(tmp_path), seq=2)).ok
    wrapper = h.on_step(queue={7: [p.Pause(seq=3)]}) and h.trainer.train_step
    h.put(p.Train(seq=4))
    h.drain()
    assert h.engine.state is p.RunState.PAUSED and h.trainer.step_count == 7
    h.put(p.Step(seq=5))  # the 8th step ends epoch 1
    h.drain()
    h.put(p.Resume(seq=6))
    h.drain()
    (run,) = tmp_path.iterdir()
    assert _loss_steps(run) == [1, 2, 3]
    assert h.trainer.train_step is wrapper  # what was on the trainer before the run is back
