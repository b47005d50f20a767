"""The device lesson's commands, for the Engine: the race of devices and the mismatch demo.

``race_devices`` sends one ``DeviceRace`` per measurement as it is made (``done`` on the last), so
a class watches the table fill in; each measurement stops after ``MAX_SECONDS`` of timed steps, so
the default race (four widths) takes a few seconds on a CPU. ``show_device_mismatch`` sends one
``DeviceMismatch``. Neither touches the engine's network: they build their own small ones.
"""

from __future__ import annotations

from playground.core.config import ConfigError
from playground.core.device_race import MAX_WIDTH, mismatch_demo, race
from playground.engine import protocol as p

MAX_WIDTHS = 8  # widths in one race
MAX_STEPS = 1000  # timed steps per measurement (time caps them anyway)


def check_race(c: p.RaceDevices) -> tuple[tuple[int, ...], int]:
    """The race's widths and steps, or ConfigError naming the field and what is allowed."""
    widths = c.widths
    if not isinstance(widths, (tuple, list)) or not 1 <= len(widths) <= MAX_WIDTHS:
        raise ConfigError("widths", f"give 1 to {MAX_WIDTHS} widths, e.g. (16, 64, 256, 1024)")
    for w in widths:
        if isinstance(w, bool) or not isinstance(w, int) or not 1 <= w <= MAX_WIDTH:
            raise ConfigError("widths", f"a width of {w!r} neurons; allowed 1 to {MAX_WIDTH}")
    steps = c.steps
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise ConfigError("steps", f"{steps!r} steps; allowed 1 to {MAX_STEPS}")
    return tuple(widths), steps


def race_devices(engine, c: p.RaceDevices) -> None:
    widths, steps = check_race(c)
    t = engine.trainer
    config = t.config
    for r in race(t.dataset, config.activation, config.optimizer, config.learning_rate, config.batch_size,
                  widths, steps):
        engine.emit(p.DeviceRace(r.device, r.width, r.steps_per_second, done=r.index == r.total - 1,
                                 parameters=r.parameters))


def show_device_mismatch(engine, c: p.ShowDeviceMismatch) -> None:
    demo = mismatch_demo()
    engine.emit(p.DeviceMismatch(demo.devices, demo.code, demo.error, demo.fixed_code, demo.fixed_result,
                                 demo.note))


__all__ = ["race_devices", "show_device_mismatch", "check_race"]
