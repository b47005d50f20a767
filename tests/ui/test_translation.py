"""Visible strings go through tr(): a translation file changes what the window shows."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QGroupBox

from playground.app import create_window

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>MainWindow</name>
  <message><source>Train</source><translation>训练</translation></message>
</context>
<context><name>Sidebar</name>
  <message><source>Train</source><translation>训练</translation></message>
  <message><source>Stop</source><translation>停止</translation></message>
</context>
<context><name>ControlPanel</name>
  <message><source>Data</source><translation>数据</translation></message>
</context>
</TS>
"""


def test_a_translation_changes_the_window(qtbot, tmp_path):
    ts = tmp_path / "playground_zh_CN.ts"
    ts.write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts)], check=True, capture_output=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "playground_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        w = create_window("xor")
        qtbot.addWidget(w)
        assert w.trainButton.text() == "训练" and w.stopButton.text() == "停止"
        assert "数据" in [box.title() for box in w.controls.findChildren(QGroupBox)]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_shipped_template_lists_the_window_strings():
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "playground_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    for source in ("<source>Train</source>", "<source>Export...</source>", "<source>Learning &amp;rate</source>"):
        assert source in text
