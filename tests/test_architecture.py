"""The shape of the program: core is Qt-free, views do not import each other."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "playground"
VIEWS = {"loss_plot", "graph_view", "graph_inspector", "output_view", "network_view", "controls"}


def test_core_and_cli_import_no_qt():
    code = (
        "import sys, pkgutil, importlib, playground.core as c, playground.cli\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('playground.core.' + m.name)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(bad)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_core_module_imports_ui_or_cli():
    for path in (PACKAGE / "core").glob("*.py"):
        bad = {m for m in imports_of(path) if m.startswith(("playground.ui", "playground.cli", "playground.app"))}
        assert not bad, f"{path.name} imports {bad}"


def test_views_do_not_import_each_other():
    for name in VIEWS:
        others = {f"playground.ui.{v}" for v in VIEWS - {name}} - {"playground.ui.graph_inspector"}
        bad = imports_of(PACKAGE / "ui" / f"{name}.py") & others
        assert not bad, f"{name} imports {bad}"
