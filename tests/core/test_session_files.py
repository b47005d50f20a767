"""Hostile session and weights files: each is refused with one line naming the file and the field.

The crafted files are written the way docs/session-format.md describes a session: a safetensors file
(``safetensors.torch.save_file``) whose string metadata holds the JSON fields. A property test then
perturbs valid files byte by byte and field by field: every load works or is a one-line
ConfigError naming the file, and a refused file changes nothing.
"""

import json
import os
import pickle
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors import safe_open
from safetensors.torch import save_file

from playground.core.config import ConfigError
from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.io.session import SessionError, load_config, load_session, save_session
from playground.io.weights import WeightsError, load_weights, pt_bytes, safetensors_bytes


def small_trainer(optimizer="adam") -> Trainer:
    """Mid-epoch, with optimizer state tensors: every part of a session is present."""
    config = get_preset("xor").config.replace(samples=120, epochs=2, optimizer=optimizer)
    trainer = Trainer(config, preset="xor")
    for _ in range(4):
        trainer.train_step()
    return trainer


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A valid session's tensors and metadata, read back as any safetensors reader would."""
    path = save_session(small_trainer(), tmp_path_factory.mktemp("session") / "good.pgsession")
    with safe_open(str(path), framework="pt") as f:
        return {k: f.get_tensor(k) for k in f.keys()}, dict(f.metadata())  # noqa: SIM118 (a file handle)


def craft(tmp_path, saved, name="bad", tensors=None, drop=(), **metadata) -> Path:
    base_tensors, base_meta = saved
    meta = {**base_meta, **metadata}
    tensors = dict(base_tensors if tensors is None else tensors)
    for key in drop:
        meta.pop(key, None)
        tensors.pop(key, None)
    path = tmp_path / f"{name}.pgsession"
    save_file(tensors, str(path), metadata=meta)
    return path


def refused(path, *words, error=SessionError) -> str:
    """Load ``path``: it must be refused with one line that names the file and ``words``."""
    with pytest.raises(error) as info:
        load_session(path)
    text = str(info.value)
    assert "\n" not in text and str(path) in text, text
    for word in words:
        assert word in text, text
    return text


def optimizer_meta(saved) -> dict:
    return json.loads(saved[1]["optimizer"])


# -- item 7: optimizer metadata and state tensors -------------------------------------------------


def test_a_valid_crafted_session_loads(tmp_path, saved):
    trainer = load_session(craft(tmp_path, saved))
    assert trainer.step_count == 4
    trainer.train_step()


def test_optimizer_without_param_groups_is_refused(tmp_path, saved):
    path = craft(tmp_path, saved, optimizer=json.dumps({"state": {}}))
    refused(path, "optimizer", "param_groups")


def test_optimizer_as_a_list_is_refused(tmp_path, saved):
    refused(craft(tmp_path, saved, optimizer="[1, 2, 3]"), "optimizer", "JSON object")


@pytest.mark.parametrize("field, value, words", [
    ("param_groups", [], ("optimizer.param_groups", "groups")),
    ("param_groups", [[1]], ("optimizer.param_groups[0]", "JSON object")),
    ("lr", "fast", ("optimizer.param_groups[0].lr", "a number")),
    ("lr", -1.0, ("optimizer.param_groups[0].lr",)),
    ("betas", [0.9], ("optimizer.param_groups[0].betas", "2 numbers")),
    ("params", [0, 1], ("optimizer.param_groups[0].params",)),
    ("state", [1], ("optimizer.state", "JSON object")),
])
def test_bad_optimizer_fields_are_named(tmp_path, saved, field, value, words):
    meta = optimizer_meta(saved)
    if field in ("param_groups", "state"):
        meta[field] = value
    else:
        meta["param_groups"][0][field] = value
    refused(craft(tmp_path, saved, optimizer=json.dumps(meta)), *words)


@pytest.mark.parametrize("name", ["optimizer.state.x", "optimizer.state.abc.def", "optimizer.state.99.exp_avg",
                                  "optimizer.state.-1.exp_avg", "optimizer.state.0."])
def test_misnamed_optimizer_state_tensors_are_refused(tmp_path, saved, name):
    tensors = {**saved[0], name: torch.zeros(2)}
    refused(craft(tmp_path, saved, tensors=tensors), f"tensor {name}", "optimizer.state.<parameter index")


def test_optimizer_state_tensors_of_the_wrong_shape_or_set_are_refused(tmp_path, saved):
    tensors = dict(saved[0])
    tensors["optimizer.state.0.exp_avg"] = torch.zeros(3, 3, 3)
    refused(craft(tmp_path, saved, tensors=tensors), "optimizer.state.0.exp_avg", "allowed: a tensor")
    tensors = dict(saved[0])
    del tensors["optimizer.state.1.exp_avg_sq"]
    refused(craft(tmp_path, saved, "partial", tensors=tensors), "optimizer.state.1", "exp_avg_sq")


# -- item 8: counts and batch sizes ---------------------------------------------------------------


@pytest.mark.parametrize("field", ["epoch", "step"])
@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "1.5", "ten", "", " 3", "１"])
def test_epoch_and_step_must_be_sensible_whole_numbers(tmp_path, saved, field, value):
    text = refused(craft(tmp_path, saved, **{field: value}), f"{field} is", "a whole number from 0 to")
    assert len(text) < 300


@pytest.mark.parametrize("sizes, words", [
    ("[5, -3]", ("pending_batch_sizes", "positive whole numbers")),
    ("[1000]", ("pending_batch_sizes", "adding up to")),
    ('{"a": 1}', ("pending_batch_sizes", "JSON list")),
    ("[true]", ("pending_batch_sizes",)),
    ("[10, 10, 10, 20, -20]", ("pending_batch_sizes",)),  # adds up, yet torch's split would refuse it
    ("[1, 2", ("pending_batch_sizes is not valid JSON",)),
])
def test_bad_pending_batch_sizes_name_the_field(tmp_path, saved, sizes, words):
    text = refused(craft(tmp_path, saved, pending_batch_sizes=sizes), *words)
    assert "split_with_sizes" not in text and "torch" not in text


def test_pending_batches_must_index_the_training_set(tmp_path, saved):
    tensors = dict(saved[0])
    tensors["trainer.pending_batches"] = tensors["trainer.pending_batches"] + 10_000
    refused(craft(tmp_path, saved, tensors=tensors), "trainer.pending_batches", "indices outside")
    tensors["trainer.pending_batches"] = saved[0]["trainer.pending_batches"].float()
    refused(craft(tmp_path, saved, "floats", tensors=tensors), "trainer.pending_batches", "int64")


@pytest.mark.parametrize("field, value, words", [
    ("history", '[{"epoch": "one"}]', ("history[0]", "epoch and step whole numbers")),
    ("history", '{"a": 1}', ("history is",)),
    ("diverged", '"yes"', ("diverged", "true or false")),
    ("preset", "[1]", ("preset",)),
    ("config", "{\"optimizer\": \"rmsprop\"}", ("config: optimizer",)),
    ("config", "[1]", ("config",)),
    ("config", "not json", ("config",)),
])
def test_other_bad_fields_are_named(tmp_path, saved, field, value, words):
    refused(craft(tmp_path, saved, **{field: value}), *words)


def test_missing_fields_are_named(tmp_path, saved):
    for field in ("config", "history", "optimizer", "epoch", "step"):
        refused(craft(tmp_path, saved, field, drop=[field]), field)
    with pytest.raises(SessionError, match="no config"):
        load_config(craft(tmp_path, saved, "noconfig", drop=["config"]))


def test_bad_tensors_are_named(tmp_path, saved):
    tensors = {**saved[0], "trainer.shuffle_state": torch.zeros(3, dtype=torch.uint8)}
    refused(craft(tmp_path, saved, "shuffle", tensors=tensors), "trainer.shuffle_state", "uint8")
    tensors = {**saved[0], "history.step_losses": torch.zeros(2, 2)}
    refused(craft(tmp_path, saved, "losses", tensors=tensors), "history.step_losses")


# -- item 12: a .pt with code ---------------------------------------------------------------------


class Payload:
    def __reduce__(self):
        return (os.system, ("echo never",))


def test_a_pt_with_code_says_so_in_our_words(tmp_path):
    model = Trainer(get_preset("xor").config.replace(samples=120)).model
    before = {k: v.clone() for k, v in model.state_dict().items()}
    for name, data in [("saved", None), ("bare", pickle.dumps({"w": Payload()}))]:
        path = tmp_path / f"{name}.pt"
        if data is None:
            torch.save({"w": Payload()}, path)
        else:
            path.write_bytes(data)
        with pytest.raises(WeightsError) as info:
            load_weights(model, path)
        text = str(info.value)
        assert "\n" not in text and str(path) in text
        assert "code" in text and "run" in text, text
        assert "weights_only" not in text and "Re-running" not in text and "torch.load" not in text, text
        assert len(text) - len(str(path)) < 200, text
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())


# -- property test: perturbed files ---------------------------------------------------------------


@contextmanager
def no_hang(seconds=20):
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(*_):
        raise TimeoutError(f"a load took over {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def load_or_refuse(load, path):
    """``load(path)``: works, or a one-line ConfigError naming the file; nothing else, no hang."""
    with no_hang():
        try:
            return load(path)
        except ConfigError as e:
            assert isinstance(e, (SessionError, WeightsError)) or e.field == "config", repr(e)
            text = str(e)
            assert "\n" not in text and str(path) in text, text
            assert "Traceback" not in text and len(text) < 600, text
            return None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**25, 10**25) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def byte_edits(draw):
    return draw(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=4))


def apply_bytes(data: bytes, edits, truncate: float | None) -> bytes:
    out = bytearray(data)
    for where, value in edits:
        out[int(where * len(out))] = value
    if truncate is not None:
        out = out[: int(truncate * len(out))]
    return bytes(out)


@st.composite
def field_edits(draw, keys, tensor_names):
    kind = draw(st.sampled_from(["meta", "meta", "meta-text", "drop", "rename", "reshape", "dtype"]))
    if kind.startswith("meta"):
        key = draw(st.sampled_from(keys))
        value = draw(st.text(max_size=12)) if kind == "meta-text" else json.dumps(draw(JSON))
        return kind, key, value
    name = draw(st.sampled_from(tensor_names))
    if kind == "rename":
        return kind, name, draw(st.sampled_from(["optimizer.state.", "model.", "trainer.", ""])) + draw(
            st.text("abc.0123_", min_size=0, max_size=6))
    if kind == "dtype":
        return kind, name, draw(st.sampled_from([torch.float16, torch.float64, torch.int64, torch.uint8, torch.bool]))
    return kind, name, draw(st.sampled_from(["flat", "unsqueeze", "half", "empty"]))


def apply_field(tensors: dict, meta: dict, edit) -> tuple[dict, dict]:
    tensors, meta = dict(tensors), dict(meta)
    kind, key, value = edit
    if kind.startswith("meta"):
        meta[key] = value
    elif kind == "drop":
        del tensors[key]
    elif kind == "rename":
        tensors[value or "x"] = tensors.pop(key)
    elif kind == "dtype":
        tensors[key] = tensors[key].to(value)
    else:
        t = tensors[key]
        tensors[key] = {"flat": t.reshape(-1), "unsqueeze": t.unsqueeze(0),
                        "half": t.reshape(-1)[: t.numel() // 2], "empty": t.reshape(-1)[:0]}[value].contiguous()
    return tensors, meta


PROPERTY = settings(max_examples=35, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def originals(tmp_path_factory, saved):
    trainer = small_trainer()
    folder = tmp_path_factory.mktemp("originals")
    session = save_session(trainer, folder / "a.pgsession").read_bytes()
    return {"session": session, "safetensors": safetensors_bytes(trainer), "pt": pt_bytes(trainer)}


def use_session(path):
    trainer = load_session(path)
    trainer.train_step()  # a session that opens can train on
    return trainer


@PROPERTY
@given(edits=byte_edits(), truncate=st.none() | st.floats(0, 1))
def test_sessions_perturbed_byte_by_byte(tmp_path, originals, edits, truncate):
    path = tmp_path / "perturbed.pgsession"
    path.write_bytes(apply_bytes(originals["session"], edits, truncate))
    load_or_refuse(use_session, path)


@PROPERTY
@given(data=st.data())
def test_sessions_perturbed_field_by_field(tmp_path, saved, data):
    tensors, meta = saved
    edits = data.draw(st.lists(field_edits(sorted(meta), sorted(tensors)), min_size=1, max_size=2))
    for edit in edits:
        if edit[0] in ("drop", "rename", "dtype", "reshape") and edit[1] not in tensors:
            continue
        tensors, meta = apply_field(tensors, meta, edit)
    path = tmp_path / "fields.pgsession"
    save_file(tensors, str(path), metadata=meta)
    load_or_refuse(use_session, path)
    load_or_refuse(load_config, path)


@PROPERTY
@given(kind=st.sampled_from(["safetensors", "pt"]), edits=byte_edits(), truncate=st.none() | st.floats(0, 1))
def test_weights_perturbed_byte_by_byte(tmp_path, originals, kind, edits, truncate):
    model = small_trainer("sgd").model
    before = {k: v.clone() for k, v in model.state_dict().items()}
    path = tmp_path / f"perturbed.{kind}"
    path.write_bytes(apply_bytes(originals[kind], edits, truncate))
    if load_or_refuse(lambda p: load_weights(model, p) or True, path) is None:
        after = model.state_dict()
        assert all(torch.equal(before[k], after[k]) for k in before)  # refused: nothing changed
    else:
        assert all(v.shape == before[k].shape for k, v in model.state_dict().items())



# -- the model's own generator (dropout masks, the dynamic model's loop counts) --------------------


def test_the_model_generator_state_is_checked_and_may_be_absent(tmp_path, saved):
    assert saved[0]["trainer.model_rng_state"].dtype == torch.uint8
    tensors = {**saved[0], "trainer.model_rng_state": torch.zeros(3, dtype=torch.uint8)}
    refused(craft(tmp_path, saved, "rng", tensors=tensors), "trainer.model_rng_state", "uint8")
    tensors = {**saved[0], "trainer.model_rng_state": saved[0]["trainer.model_rng_state"].float()}
    refused(craft(tmp_path, saved, "rngfloat", tensors=tensors), "trainer.model_rng_state", "allowed: uint8")
    # a session from before dropout and the dynamic model: no generator state, no model or dropout
    # in its config; it opens as the MLP without dropout, its generator seeded from the seed
    config = json.loads(saved[1]["config"])
    old_config = json.dumps({k: v for k, v in config.items() if k not in ("model", "dropout")})
    trainer = load_session(craft(tmp_path, saved, "old", drop=["trainer.model_rng_state"], config=old_config))
    assert (trainer.config.model, trainer.config.dropout) == ("mlp", 0.0)
    assert torch.equal(trainer.model.rng.get_state(), torch.Generator().manual_seed(trainer.config.seed).get_state())
    trainer.train_step()


def test_a_dynamic_session_with_a_bad_model_field_is_named(tmp_path, saved):
    config = json.loads(saved[1]["config"])
    for field, value, words in [("model", "loop", "unknown model 'loop'"), ("dropout", 1.5, "out of range"),
                                ("dropout", [0.1, 0.2, 0.3], "3 rates for")]:
        refused(craft(tmp_path, saved, field, config=json.dumps({**config, field: value})), "config", field, words)
    trainer = load_session(craft(tmp_path, saved, "dyn", config=json.dumps({**config, "dropout": [0.1, 0.2]})))
    assert trainer.config.dropout == (0.1, 0.2) and trainer.model.dropout == (0.1, 0.2)
