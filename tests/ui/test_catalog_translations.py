"""The texts of the Qt-free tables the window shows through Qt's translators (model families,
datasets, optimizers, presets, regularization kinds) are in the Chinese translation file: lupdate
only finds them because playground/ui/catalog_texts.py and regularization_input.py list them with
QT_TRANSLATE_NOOP, so a new catalog entry or preset must be listed and translated too."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt

from playground.app import create_window
from playground.core import catalog
from playground.core.presets import load_presets
from playground.ui import catalog_texts
from playground.ui.language import set_language

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "playground_zh_CN.ts"


def translations(context: str) -> dict[str, str | None]:
    """source -> its finished translation (None while unfinished or empty) in ``context``."""
    root = ET.parse(TS).getroot()
    return {m.findtext("source"): (None if m.find("translation").get("type") else m.findtext("translation") or None)
            for c in root.iter("context") if c.findtext("name") == context for m in c.iter("message")}


def _worded(label: str) -> bool:
    """Whether an optimizer's label holds a word ("SGD + momentum"), not only names ("SGD", "Adam")."""
    return re.search(r"\b[a-z]{3,}\b", label) is not None


def untranslated(texts) -> list[str]:
    done = translations(catalog_texts.CONTEXT)
    return [t for t in texts if not done.get(t)]


def test_every_model_family_label_and_description_is_translated():
    assert untranslated(t for m in catalog.MODELS.values() for t in (m.label, m.description)) == []


def test_every_dataset_description_and_label_is_translated():
    # the combo shows the label; one that is only the dataset's name (xor, spiral) is an identifier
    texts = [t for d in catalog.DATASETS.values() for t in (d.description, d.label) if t != d.name]
    assert untranslated(texts) == []


def test_every_optimizer_label_with_a_word_in_it_is_translated():
    # "SGD" and "Adam" are names; "SGD + momentum" is not; the formulas are math, shown as they are
    assert untranslated(o.label for o in catalog.OPTIMIZERS.values() if _worded(o.label)) == []


def test_every_class_name_is_translated():
    assert untranslated(n for d in catalog.DATASETS.values() for n in d.class_names) == []


def test_every_preset_description_is_translated():
    assert untranslated(p.description for p in load_presets().values()) == []


def test_the_lists_hold_the_tables_current_texts():
    # a text changed in the catalog or a preset file (and its stale line here) must be listed anew
    shown = {t for m in catalog.MODELS.values() for t in (m.label, m.description)}
    shown |= {d.description for d in catalog.DATASETS.values()} | {d.label for d in catalog.DATASETS.values()
                                                                   if d.label != d.name}
    shown |= {o.label for o in catalog.OPTIMIZERS.values() if _worded(o.label)}
    shown |= {p.description for p in load_presets().values()}
    shown |= {name for d in catalog.DATASETS.values() for name in d.class_names}
    listed = {*catalog_texts.MODEL_TEXTS, *catalog_texts.DATASET_TEXTS, *catalog_texts.OPTIMIZER_TEXTS,
              *catalog_texts.PRESET_TEXTS, *catalog_texts.CLASS_TEXTS}
    assert listed == shown


def test_every_export_format_is_listed_and_translated():
    from playground.io.export import FORMATS

    assert set(catalog_texts.FORMAT_TEXTS) == set(FORMATS.values())
    done = translations("FileFlows")
    assert [t for t in FORMATS.values() if not done.get(t)] == []


def test_every_runs_label_word_is_translated():
    # ui/runs.py's "what differed" words ("lr {0:g}", "no hidden layer", ...) in the Runs table's context
    source = (Path(__file__).resolve().parents[2] / "playground" / "ui" / "runs.py").read_text(encoding="utf-8")
    words = re.findall(r'translate\("RunHistory", "([^"]+)"\)', source)
    done = translations("RunHistory")
    assert len(words) >= 20 and [w for w in words if not done.get(w)] == []


def test_the_regularization_none_is_translated():
    assert translations("RegularizationInput").get("None")


def _tooltip(combo, data):
    return combo.itemData(combo.findData(data), Qt.ToolTipRole)


def test_the_chinese_window_shows_the_catalog_texts_in_chinese(qtbot):
    assert set_language("zh_CN") == "zh_CN"
    try:
        w = create_window("xor")
        qtbot.addWidget(w)
        w.remember_geometry = w.ask_before_closing = False
        c = w.controls
        assert _tooltip(c.datasetInput, "spiral") == "二维：互相交错的螺旋线，每个类别一条"
        assert _tooltip(c.presetInput, "seed-example") == "文章中的网络：10 -> 5 -> 2，ReLU，交叉熵，SGD，学习率 0.01"
        assert c.datasetInput.itemText(c.datasetInput.findData("spiral")) == "spiral"  # an identifier
        assert c.optimizerInput.itemText(c.optimizerInput.findData("sgd+momentum")) == "SGD + 动量"
        assert _tooltip(c.modelInput, "cnn") == "先对图像做卷积和池化，再接全连接层：用于图像数据（digits、shapes）"
    finally:
        set_language("en")
