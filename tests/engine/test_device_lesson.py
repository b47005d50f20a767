"""The engine's device lesson: RaceDevices sends one DeviceRace per measurement (done on the last),
then its Reply; bad widths or steps are refused naming the field; ShowDeviceMismatch sends one
DeviceMismatch. Neither touches the engine's network."""

import dataclasses

import pytest
import torch

from playground.core.config import TrainConfig
from playground.core.devices import list_devices
from playground.engine import protocol as p
from playground.engine.engine import Engine

DEVICES = [d.id for d in list_devices()]


class Harness:
    def __init__(self):
        self.events: list[p.Event] = []
        self.engine = Engine(self.events.append, probes={})
        self.seq = 0
        self.do(p.SetConfig(TrainConfig(dataset="xor", samples=80, hidden=(4,), batch_size=10)))
        self.events.clear()

    def do(self, command: p.Command) -> list[p.Event]:
        """Handle one command: the events it sent, its Reply last."""
        self.seq += 1
        command = dataclasses.replace(command, seq=self.seq)
        start = len(self.events)
        self.engine.handle(command)
        sent = self.events[start:]
        assert isinstance(sent[-1], p.Reply) and sent[-1].in_reply_to == self.seq, sent
        assert not any(isinstance(e, p.Reply) for e in sent[:-1])
        return sent


@pytest.fixture
def h():
    return Harness()


def test_the_race_sends_each_measurement_in_order_done_on_the_last(h):
    weights = {k: v.clone() for k, v in h.engine.trainer.model.state_dict().items()}
    sent = h.do(p.RaceDevices(widths=(4, 32), steps=3))
    *races, reply = sent
    assert reply.ok and reply.message == ""
    assert all(isinstance(e, p.DeviceRace) for e in races)
    assert [(e.device, e.width) for e in races] == [(d, w) for w in (4, 32) for d in DEVICES]
    assert [e.done for e in races] == [False] * (len(races) - 1) + [True]
    assert all(e.steps_per_second > 0 for e in races)
    assert [e.parameters for e in races if e.device == "cpu"] == [2 * 4 + 4 + 4 * 4 + 4 + 4 * 2 + 2,
                                                                  2 * 32 + 32 + 32 * 32 + 32 + 32 * 2 + 2]
    after = h.engine.trainer.model.state_dict()
    assert all(torch.equal(after[k], v) for k, v in weights.items())  # the engine's network is untouched


@pytest.mark.parametrize("widths, steps, field, fragment", [
    ((0,), 30, "widths", "a width of 0 neurons; allowed 1 to 4096"),
    ((16, 5000), 30, "widths", "a width of 5000 neurons; allowed 1 to 4096"),
    ((), 30, "widths", "give 1 to 8 widths"),
    (tuple(range(1, 10)), 30, "widths", "give 1 to 8 widths"),
    ((True,), 30, "widths", "a width of True neurons"),
    (("8",), 30, "widths", "a width of '8' neurons"),
    ((16,), 0, "steps", "0 steps; allowed 1 to 1000"),
    ((16,), 1001, "steps", "1001 steps; allowed 1 to 1000"),
])
def test_bad_widths_or_steps_are_refused_naming_the_field(h, widths, steps, field, fragment):
    [reply] = h.do(p.RaceDevices(widths=widths, steps=steps))
    assert not reply.ok and reply.field == field and reply.message.startswith(fragment)


def test_no_race_while_training(h):
    h.engine.state = p.RunState.RUNNING  # as between two steps of a run
    [reply] = h.do(p.RaceDevices(widths=(4,), steps=2))
    assert not reply.ok and reply.field == "state" and reply.message == "cannot race the devices while running"


def test_the_mismatch_sends_the_mistake_the_error_and_the_fix(h):
    event, reply = h.do(p.ShowDeviceMismatch())
    assert reply.ok and isinstance(event, p.DeviceMismatch)
    assert event.devices == tuple(DEVICES)
    assert event.code.endswith("y = model(x)") and "x = x.to(device)" in event.fixed_code
    assert event.error.startswith("RuntimeError: ")
    assert event.fixed_result.startswith("torch.Size([1, 2]) ")
    if DEVICES == ["cpu"]:
        assert event.error == "RuntimeError: Tensor on device meta is not on the expected device cpu!"
        assert event.fixed_result == "torch.Size([1, 2]) meta" and event.note.startswith("No GPU on this computer")
    else:
        assert event.note == "" and event.fixed_result == f"torch.Size([1, 2]) {DEVICES[1]}"
