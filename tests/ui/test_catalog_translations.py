"""The catalog's texts the window shows through self.tr() (model families, regularization kinds) are
in the Chinese translation file: lupdate only finds them because controls.py and
regularization_input.py list them with QT_TRANSLATE_NOOP, so a new catalog entry must be listed too."""

import xml.etree.ElementTree as ET
from pathlib import Path

from playground.core import catalog

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "playground_zh_CN.ts"


def sources(context: str) -> set[str]:
    root = ET.parse(TS).getroot()
    return {m.findtext("source") for c in root.iter("context") if c.findtext("name") == context
            for m in c.iter("message")}


def test_every_model_family_label_and_description_is_translated():
    listed = sources("ControlPanel")
    missing = [t for m in catalog.MODELS.values() for t in (m.label, m.description) if t not in listed]
    assert missing == []


def test_the_regularization_none_is_translated():
    assert "None" in sources("RegularizationInput")
