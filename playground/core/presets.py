"""Presets (lessons): named, described configs stored as JSON in resources/presets/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from playground.core.config import ConfigError, TrainConfig


def resources_dir() -> Path:
    """resources/ beside the package (a source checkout or editable install) or inside a wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the playground's resources/ folder is missing from this installation")


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    config: TrainConfig


def load_presets() -> dict[str, Preset]:
    """All presets, in the order their files give (``order``), then by name."""
    found = []
    for path in (resources_dir() / "presets").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        preset = Preset(data["name"], data["description"], TrainConfig.from_dict(data["config"]))
        found.append((data.get("order", 99), preset.name, preset))
    return {name: preset for _, name, preset in sorted(found, key=lambda t: t[:2])}


def get_preset(name: str) -> Preset:
    presets = load_presets()
    if name not in presets:
        raise ConfigError("preset", f"unknown preset {name!r}; available: {', '.join(presets)}")
    return presets[name]
