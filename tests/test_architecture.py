"""The shape of the program: core is Qt-free, views do not import each other."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "playground"
UI = PACKAGE / "ui"
# Each view (module path under ui/) and the modules that are its own parts: the only other views
# it may import.
VIEWS = {
    "views/loss_plot": set(),
    "views/graph_view": {"views/graph_items", "views/graph_inspector", "views/graph_phases"},
    "views/graph_items": set(),
    "views/graph_phases": {"views/graph_items"},
    "views/graph_inspector": set(),
    "views/network_view": {"views/network_items", "views/network_labels"},
    "views/network_labels": set(),
    "views/network_items": set(),
    "views/output": {"views/boundary", "views/digits", "views/projection", "views/cnn_view", "views/sequence_view",
                     "views/attention_view"},
    "views/sequence_view": set(),
    "views/attention_view": set(),
    "views/cnn_view": {"views/digits"},
    "views/boundary": set(),
    "views/digits": {"views/confusion"},
    "views/projection": {"views/confusion"},
    "views/confusion": set(),
    "views/device_race": set(),
    "views/runs_table": set(),
    "controls": set(),
}


def module_name(view: str) -> str:
    return "playground.ui." + view.replace("/", ".")


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
            names.update(f"{node.module}.{a.name}" for a in node.names)  # from package import module
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_core_module_imports_ui_or_cli():
    for path in (PACKAGE / "core").glob("*.py"):
        bad = {m for m in imports_of(path) if m.startswith(("playground.ui", "playground.cli", "playground.app"))}
        assert not bad, f"{path.name} imports {bad}"


def test_views_do_not_import_each_other():
    on_disk = {p.relative_to(UI).with_suffix("").as_posix() for p in (UI / "views").glob("*.py")} - {"views/__init__"}
    assert on_disk <= set(VIEWS), f"views missing from VIEWS: {on_disk - set(VIEWS)}"
    for name, parts in VIEWS.items():
        others = {module_name(v) for v in set(VIEWS) - {name} - parts}
        bad = imports_of(UI / f"{name}.py") & others
        assert not bad, f"{name} imports {bad}"


def test_views_stay_small():
    for path in (UI / "views").glob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 450, f"{path.name} has {lines} lines: split it by responsibility"
