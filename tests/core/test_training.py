import threading

import pytest
import torch

from playground.core.config import ConfigError, TrainConfig
from playground.core.devices import list_devices, resolve_device
from playground.core.presets import get_preset, load_presets
from playground.core.training import RunControl, Trainer


def test_presets_listed():
    names = set(load_presets())
    assert {"xor", "circle", "gauss", "spiral", "moons", "plane", "digits", "seed-example"} <= names


@pytest.mark.parametrize("name", ["xor", "circle", "gauss", "spiral", "moons"])
def test_classification_presets_reach_95_percent(name):
    summary = Trainer(get_preset(name).config, preset=name).run()
    assert summary.status == "completed"
    assert summary.test_accuracy >= 0.95


@pytest.mark.parametrize("name", ["plane", "multi-gauss", "digits", "seed-example"])
def test_loss_falls_on_the_other_presets(name):
    config = get_preset(name).config
    trainer = Trainer(config.replace(epochs=min(config.epochs, 50)))
    start = trainer.evaluate().train_loss
    summary = trainer.run()
    assert summary.train_loss < 0.8 * start


def test_same_config_and_seed_gives_identical_losses():
    c = get_preset("circle").config.replace(epochs=3)
    a, b = Trainer(c), Trainer(c)
    a.run(), b.run()
    assert a.step_losses == b.step_losses and len(a.step_losses) == 75
    other = Trainer(c.replace(seed=1))
    other.run()
    assert other.step_losses != a.step_losses


def test_reset_gives_the_same_start_for_the_same_seed():
    t = Trainer(TrainConfig(epochs=1))
    w0 = t.model.fc1.weight.detach().clone()
    t.run()
    assert not torch.equal(w0, t.model.fc1.weight)
    t.reset()
    assert torch.equal(w0, t.model.fc1.weight) and t.step_count == 0 and t.history == []
    t.reset(seed=5)
    assert not torch.equal(w0, t.model.fc1.weight)


def test_history_has_one_entry_per_epoch_and_steps_add_up():
    t = Trainer(TrainConfig(epochs=4, batch_size=32))
    s = t.run()
    assert [m.epoch for m in t.history] == [1, 2, 3, 4]
    assert s.steps == 4 * t.steps_per_epoch == len(t.step_losses)
    assert s.epochs_run == 4


def test_divergence_stops_and_keeps_finite_weights():
    c = TrainConfig(dataset="plane", learning_rate=10.0, optimizer="sgd", epochs=50, hidden=(8, 8), activation="relu")
    t = Trainer(c)
    s = t.run()
    assert s.status == "diverged"
    assert s.epochs_run < 50
    assert all(torch.isfinite(p).all() for p in t.model.parameters())


def test_stop_flag_ends_the_run_between_steps():
    t = Trainer(TrainConfig(epochs=1000))
    control = RunControl()
    seen = []

    def on_step(result):
        seen.append(result.step)
        if result.step == 7:
            control.stop()

    s = t.run(control, on_step)
    assert s.status == "stopped" and s.steps == 7 and seen[-1] == 7


def test_pause_blocks_until_resume():
    t = Trainer(TrainConfig(epochs=1000))
    control = RunControl()
    paused_at = threading.Event()

    def on_step(result):
        if result.step == 3:
            control.pause()
            paused_at.set()

    worker = threading.Thread(target=lambda: t.run(control, on_step))
    worker.start()
    assert paused_at.wait(10)
    worker.join(0.2)  # still paused: no step beyond 3
    assert worker.is_alive() and t.step_count == 3
    control.stop()  # stop wakes a paused loop
    worker.join(10)
    assert not worker.is_alive() and t.step_count == 3


def test_learning_rate_is_one_fact_and_its_changes_are_recorded():
    t = Trainer(TrainConfig(learning_rate=0.03))
    t.set_learning_rate(0.05)  # before any step: the run simply starts with it
    t.train_step()
    t.set_learning_rate(0.5)
    assert (t.learning_rate, t.config.learning_rate) == (0.5, 0.5)
    t.train_step()
    assert t.optimizer.param_groups[0]["lr"] == 0.5
    assert t.learning_rates == [(0, 0.05), (1, 0.5)]


def test_devices_cpu_always_and_missing_device_is_a_clear_error():
    ids = [d.id for d in list_devices()]
    assert ids[0] == "cpu"
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(ConfigError, match="not present on this machine; available: cpu"):
        resolve_device("cuda:7")
    with pytest.raises(ConfigError, match="device"):
        Trainer(TrainConfig(device="tpu"))


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU on this machine")
def test_trains_on_cuda():
    s = Trainer(get_preset("xor").config.replace(device="cuda:0", epochs=5)).run()
    assert s.device == "cuda:0" and s.status == "completed"
