"""The device lesson's core: the race of devices and the model/data device mistake with its fix."""

import pytest
import torch

from playground.core.config import TrainConfig
from playground.core.datasets import make_dataset
from playground.core.device_race import (
    HIDDEN_LAYERS,
    STAND_IN,
    mismatch_code,
    mismatch_demo,
    race,
    race_devices_present,
    run_code,
)
from playground.core.devices import list_devices
from playground.core.lessons import parameter_count

CUDA = torch.cuda.is_available()
needs_cuda = pytest.mark.skipif(not CUDA, reason="needs a CUDA GPU")
no_gpu_here = pytest.mark.skipif(len(list_devices()) > 1, reason="this machine has a GPU")

CONFIG = TrainConfig(dataset="xor", samples=80, hidden=(4,), batch_size=10, activation="relu", optimizer="adam",
                     learning_rate=0.01)
DATA = make_dataset(CONFIG)


def run_race(widths, steps=5, devices=None, **kw):
    return list(race(DATA, CONFIG.activation, CONFIG.optimizer, CONFIG.learning_rate, CONFIG.batch_size, widths,
                     steps, devices=devices, **kw))


def test_the_race_measures_every_device_at_every_width_width_by_width():
    devices = race_devices_present()
    assert devices == [d.id for d in list_devices()] and devices[0] == "cpu"
    results = run_race((4, 32))
    assert [(r.device, r.width) for r in results] == [(d, w) for w in (4, 32) for d in devices]
    assert [r.index for r in results] == list(range(len(results)))
    assert {r.total for r in results} == {2 * len(devices)}
    for r in results:
        assert r.steps_per_second > 0 and 1 <= r.steps <= 5
        assert r.parameters == parameter_count([2, *(r.width,) * HIDDEN_LAYERS, 2])


def test_each_measurement_stops_after_max_seconds():
    class Clock:  # one second passes each time the race reads the clock
        now = 0.0

        def __call__(self):
            self.now += 1.0
            return self.now

    results = run_race((8,), steps=30, devices=["cpu"], max_seconds=0.5, clock=Clock())
    # one warm-up step (then past half the time), one timed step (then past it): 1 step in 2 readings' time
    assert [(r.steps, r.steps_per_second) for r in results] == [(1, 0.5)]


def test_the_race_leaves_the_training_random_numbers_alone():
    torch.manual_seed(7)
    expected = torch.rand(3)
    torch.manual_seed(7)
    run_race((4,), steps=2, devices=["cpu"])
    assert torch.equal(torch.rand(3), expected)


def test_a_regression_task_races_too():
    config = TrainConfig(dataset="plane", samples=60, hidden=(4,), batch_size=8)
    data = make_dataset(config)
    [r] = race(data, "tanh", "sgd", 0.01, 8, (6,), 3, devices=["cpu"])
    assert r.steps_per_second > 0 and r.parameters == parameter_count([data.n_features, 6, 6, 1])


def test_the_code_strings_are_exactly_what_runs():
    mistake, fixed = mismatch_code(STAND_IN)
    assert mistake.splitlines() == [
        'device = torch.device("meta")  # no GPU here: stands in for "cuda:0"',
        "model = nn.Linear(2, 2).to(device)",
        "x = torch.zeros(1, 2)  # made on the cpu",
        "y = model(x)",
    ]
    assert fixed.splitlines()[:3] == mistake.splitlines()[:3]
    assert fixed.splitlines()[3:] == ["x = x.to(device)  # the fix: data goes where the model is", "y = model(x)",
                                      "print(y.shape, y.device)"]
    assert run_code(fixed) == ("torch.Size([1, 2]) meta", "")
    assert run_code("print(1, 2, sep='-')\nraise ValueError('no')") == ("1-2", "ValueError: no")


def test_without_a_gpu_the_meta_device_stands_in_with_a_real_error():
    demo = mismatch_demo(devices=("cpu",))
    assert demo.devices == ("cpu",) and demo.device == "meta" and demo.stand_in
    assert demo.code == mismatch_code("meta")[0] and demo.fixed_code == mismatch_code("meta")[1]
    assert demo.error == "RuntimeError: Tensor on device meta is not on the expected device cpu!"
    assert demo.fixed_result == "torch.Size([1, 2]) meta"
    assert demo.note.startswith('No GPU on this computer, so the "meta" device')
    assert "Expected all tensors to be on the same device" in demo.note


@no_gpu_here
def test_the_demo_on_this_cpu_only_machine_uses_the_stand_in():
    assert mismatch_demo() == mismatch_demo(devices=("cpu",))


@needs_cuda
def test_with_a_gpu_the_model_goes_to_cuda_and_the_data_stays_on_the_cpu():
    demo = mismatch_demo()
    assert demo.device == "cuda:0" and not demo.stand_in and demo.note == ""
    assert demo.code.splitlines()[0] == 'device = torch.device("cuda:0")'
    assert demo.error.startswith("RuntimeError: Expected all tensors to be on the same device")
    assert "cuda:0" in demo.error and "cpu" in demo.error
    assert demo.fixed_result == "torch.Size([1, 2]) cuda:0"


@needs_cuda
def test_the_race_runs_on_the_gpu():
    results = run_race((16,), steps=3, devices=["cpu", "cuda:0"])
    assert [r.device for r in results] == ["cpu", "cuda:0"] and all(r.steps_per_second > 0 for r in results)
