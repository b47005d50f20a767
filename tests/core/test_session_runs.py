"""Sessions keep the window's earlier runs (io/session_runs.py): written, read back the same, read
without torch, and a bad ``runs`` field refuses the file with one line naming it."""

import json
import subprocess
import sys
from dataclasses import asdict

import pytest
from safetensors import safe_open
from safetensors.torch import save_file

from playground.core.presets import get_preset
from playground.core.records import EpochMetrics
from playground.core.training import Trainer
from playground.io.session import SessionError, load_session, save_session
from playground.io.session_runs import read_session_runs


def small_trainer() -> Trainer:
    trainer = Trainer(get_preset("xor").config.replace(samples=60, epochs=1), preset="xor")
    trainer.train_step()
    return trainer


def a_run(number=1, **changes) -> dict:
    config = get_preset("xor").config.replace(samples=60, epochs=2, learning_rate=0.1)
    history = [asdict(EpochMetrics(epoch=e, step=3 * e, train_loss=0.7 / e, test_loss=0.75 / e,
                                   train_accuracy=0.5 + e / 10, test_accuracy=0.5, regularization=0.0))
               for e in (1, 2)]
    run = {"number": number, "name": "", "preset": "xor", "shown": True, "config": config.to_dict(),
           "history": history, "summary": {"status": "completed", "steps_per_second": 812.5, "seconds": 0.25},
           "seconds": 0.25}
    return {**run, **changes}


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A session with two runs: its tensors and metadata, to craft bad ones from."""
    path = save_session(small_trainer(), tmp_path_factory.mktemp("runs") / "two.pgsession",
                        [a_run(1, name="baseline"), a_run(2, shown=False)])
    with safe_open(str(path), framework="pt") as f:
        return {k: f.get_tensor(k) for k in f.keys()}, dict(f.metadata())  # noqa: SIM118 (a file handle)


def craft(tmp_path, saved, runs) -> str:
    tensors, meta = saved
    path = tmp_path / "bad.pgsession"
    save_file(dict(tensors), str(path), metadata={**meta, "runs": runs if isinstance(runs, str) else json.dumps(runs)})
    return str(path)


def test_runs_are_saved_and_read_back_in_order(tmp_path):
    runs = [a_run(1, name="baseline"), a_run(4, shown=False, summary=None, preset=None)]
    path = save_session(small_trainer(), tmp_path / "s.pgsession", runs)
    assert read_session_runs(path) == runs
    assert load_session(path).step_count == 1  # the network opens as ever
    with safe_open(str(path), framework="pt") as f:
        assert json.loads(f.metadata()["runs"]) == runs


def test_a_diverged_run_keeps_its_infinite_losses_and_missing_accuracies(tmp_path):
    run = a_run(1, summary={"status": "diverged", "train_loss": float("inf"), "steps_per_second": 90.0})
    run["history"][1].update(train_loss=float("inf"), train_accuracy=None, test_accuracy=None)
    path = save_session(small_trainer(), tmp_path / "d.pgsession", [run])
    assert read_session_runs(path) == [run]


def test_a_session_without_runs_has_none(tmp_path):
    path = save_session(small_trainer(), tmp_path / "old.pgsession")
    with safe_open(str(path), framework="pt") as f:
        assert "runs" not in f.metadata()
    assert read_session_runs(path) == []
    assert load_session(path).step_count == 1


def test_older_histories_in_runs_get_today_s_fields(tmp_path, saved):
    old = a_run()
    for m in old["history"]:
        del m["regularization"]  # saved before regularization
    assert read_session_runs(craft(tmp_path, saved, [old]))[0]["history"] == a_run()["history"]


def _bad_history():
    run = a_run(2)
    run["history"][1]["train_loss"] = "low"
    return [a_run(1), run]


BAD = [
    ("[{", "runs is not valid JSON"),
    ({"number": 1}, "runs is {\"number\": 1}; allowed: a JSON list"),
    ([1], "runs[0] is 1; allowed: a JSON object with number, name"),
    ([a_run(history="long")], "runs[0].history is \"long\"; allowed: a JSON list of objects with epoch"),
    (_bad_history(), "runs[1].history[1] is {"),
    ([a_run(config={**a_run()["config"], "learning_rat": 0.1})],
     "runs[0].config is not a valid config (learning_rat: unknown setting"),
    ([a_run(config={**a_run()["config"], "hidden": "8,8"})], "runs[0].config is not a valid config (hidden:"),
    ([a_run(shown="yes")], "runs[0].shown is \"yes\"; allowed: true or false"),
    ([a_run(2), {k: v for k, v in a_run().items() if k != "number"}], "runs[1].number is missing"),
    ([a_run(colour="red")], "runs[0].colour is not a field of a run"),
    ([a_run(name=7)], "runs[0].name is 7; allowed: a string"),
    ([a_run(seconds=-1)], "runs[0].seconds is -1; allowed: a number of seconds, 0 or more"),
    ([a_run(summary={"steps_per_second": "fast"})], "runs[0].summary.steps_per_second is \"fast\""),
    ([a_run(summary=[1])], "runs[0].summary is [1]; allowed: null, or a JSON object"),
]


@pytest.mark.parametrize(("runs", "words"), BAD, ids=[w.split(" ")[0] + f"-{i}" for i, (_, w) in enumerate(BAD)])
def test_bad_runs_refuse_the_session_with_one_line_naming_the_field(tmp_path, saved, runs, words):
    path = craft(tmp_path, saved, runs)
    for read in (load_session, read_session_runs):  # the engine's open and the window's read say the same
        with pytest.raises(SessionError) as info:
            read(path)
        text = str(info.value)
        assert "\n" not in text and text.startswith(f"session: {path}: {words}"), text


def test_runs_that_could_not_be_read_back_are_not_written(tmp_path):
    path = tmp_path / "never.pgsession"
    with pytest.raises(SessionError) as info:
        save_session(small_trainer(), path, [a_run(shown=1)])
    assert str(info.value) == "session: the runs to save: runs[0].shown is 1; allowed: true or false"
    assert not path.exists()


def test_the_window_reads_runs_without_torch(tmp_path, saved):
    path = craft(tmp_path, saved, [a_run(3, name="x")])
    code = ("import sys; from playground.io.session_runs import read_session_runs; "
            f"runs = read_session_runs({path!r}); print(runs[0]['name'], 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["x", "False"]


def test_a_file_that_is_not_a_session_is_said_so(tmp_path):
    path = tmp_path / "junk.pgsession"
    path.write_bytes(b"not a session at all")
    with pytest.raises(SessionError) as info:
        read_session_runs(path)
    assert str(info.value).startswith(f"session: cannot read {path}: not a valid safetensors file")
