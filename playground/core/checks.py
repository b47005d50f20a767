"""Checking one setting: the error every bad setting raises (naming its field and what is allowed)
and the checks of a choice, a number and a whole number. Plain Python: the config, the catalog's
families and every file reader use them."""

from __future__ import annotations

import math
from typing import Any


class ConfigError(ValueError):
    """A bad setting. ``field`` names it; the message says what is allowed."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def choice(name: str, value: Any, entries: dict[str, Any]) -> None:
    if not isinstance(value, str) or value not in entries:
        raise ConfigError(name, f"unknown {name} {value!r}; allowed: {', '.join(entries)}")


def number(name: str, value: Any, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(name, f"{value!r} is not a number; allowed {lo:g} to {hi:g}")
    if isinstance(value, int) and not lo <= value <= hi:  # an int too big for a float: no isfinite, no :g
        raise ConfigError(name, f"{short(value)} is out of range; allowed {lo:g} to {hi:g}")
    if not math.isfinite(value):
        raise ConfigError(name, f"{value!r} is not a number; allowed {lo:g} to {hi:g}")
    if not lo <= value <= hi:
        raise ConfigError(name, f"{value:g} is out of range; allowed {lo:g} to {hi:g}")


def short(value: int) -> str:
    """A whole number for a message (str() refuses ints of more than 4300 digits)."""
    return str(value) if abs(value) < 10**30 else f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"


def integer(name: str, value: Any, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(name, f"{value!r} is not a whole number; allowed {lo} to {hi}")
    if not lo <= value <= hi:
        raise ConfigError(name, f"{short(value)} is out of range; allowed {lo} to {hi}")


__all__ = ["ConfigError", "choice", "number", "integer", "short"]
