"""The shipped Simplified Chinese translation: complete, and every placeholder and accelerator kept."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "playground_zh_CN.ts"

# str.format fields ({0}, {1:.1%}), Qt's %1..%99, QProgressBar's %v / %m / %p, tr()'s %n, HTML tags
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\d{1,2}|[vmpn])(?![A-Za-z])|<[^<>]+>")
# "&X" marks an accelerator; "&&" is a literal ampersand
_ACCEL = re.compile(r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)([^&\s])")  # not an HTML entity (&gt;)


def _messages():
    """(context, source, translation element), lupdate's vanished / obsolete entries left out."""
    root = ET.parse(TS).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            out.append((name, message.findtext("source"), tr, message.get("numerus") == "yes"))
    return out


MESSAGES = _messages()


def _texts(tr, numerus):
    """The translation's text, or each plural form's."""
    if numerus:
        return [form.text or "" for form in tr.iter("numerusform")]
    return [tr.text or ""]


def _placeholders(text):
    return Counter(_PLACEHOLDER.findall(text))


def _accelerators(text):
    return _ACCEL.findall(text.replace("&&", ""))


def test_the_file_lists_the_window_strings():
    assert len(MESSAGES) >= 200
    assert ET.parse(TS).getroot().get("language") == "zh_CN"


def test_every_message_is_translated():
    unfinished = [(c, s) for c, s, tr, _ in MESSAGES if tr.get("type") == "unfinished"]
    empty = [(c, s) for c, s, tr, numerus in MESSAGES if not all(t.strip() for t in _texts(tr, numerus))]
    assert unfinished == []
    assert empty == []


def test_the_translations_are_chinese():
    # Brand names and code may stay as they are, but nearly every string must read as Chinese.
    cjk = re.compile(r"[\u4e00-\u9fff]")
    latin_only = [s for c, s, tr, numerus in MESSAGES if not any(cjk.search(t) for t in _texts(tr, numerus))]
    # the graph's notes on a parameter in the phase view are code: its .grad after zero_grad(), and |grad|
    assert set(latin_only) <= {"PyTorch Playground", "|grad| {0}", ".grad = None", ".grad = 0"}


@pytest.mark.parametrize("context,source,tr,numerus", MESSAGES, ids=[f"{m[0]}:{m[1][:40]}" for m in MESSAGES])
def test_placeholders_are_kept(context, source, tr, numerus):
    for text in _texts(tr, numerus):
        assert _placeholders(text) == _placeholders(source), text


@pytest.mark.parametrize("context,source,tr,numerus",
                         [m for m in MESSAGES if _accelerators(m[1])],
                         ids=[f"{m[0]}:{m[1][:40]}" for m in MESSAGES if _accelerators(m[1])])
def test_accelerators_are_kept(context, source, tr, numerus):
    (key,) = _accelerators(source)
    for text in _texts(tr, numerus):
        assert text.count("&") == 1, text
        # Qt's Chinese style: the key in parentheses after the words, e.g. "文件(&F)", "导出(&E)..."
        assert re.search(r"\(&" + re.escape(key.upper()) + r"\)(\.\.\.|…)?$", text), text
        assert text.endswith(("...", "…")) == source.endswith(("...", "…")), text


def test_the_placeholder_pattern():
    assert _placeholders("step {0} - {1:.0f} steps/s - {2}:{3:02d}") == Counter(["{0}", "{1:.0f}", "{2}", "{3:02d}"])
    assert _placeholders("test accuracy %1%") == Counter(["%1"])
    assert _placeholders("epoch %v of %m") == Counter(["%v", "%m"])
    assert _placeholders("<b>x {0}</b><p>y</p>") == Counter(["<b>", "{0}", "</b>", "<p>", "</p>"])
    assert _placeholders("train accuracy {0:.1%}") == Counter(["{0:.1%}"])
    assert _accelerators("Trai&n split") == ["n"] and _accelerators("Save && quit") == []
