"""The package as a user gets it: `python -m build` makes the sdist and the wheel from this checkout, pipx installs
the wheel into a clean virtual environment of its own (pip resolves the dependencies), and the installed
`playground` runs: the CLI, a short training, the Chinese translation, the window (offscreen) and the icon.

pipx's pip gets one constraint: torch at the version this test's own environment has (``make`` installs
torch==2.13.0), so it never fetches another torch build, e.g. a multi-GB CUDA one. Everything lives in one
temporary folder (about 2 GB with torch), removed at the end. About 50 s here, most of it pip (PySide6-Essentials,
pygraphviz and pyqtgraph come from PyPI). It always runs in CI (CI set); elsewhere it is skipped only when PyPI
cannot be reached.
"""

import importlib.metadata
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest

from playground import __version__

ROOT = Path(__file__).resolve().parents[2]
QM = "translations/playground_zh_CN.qm"


def _run(command, env, timeout=120, cwd=None):
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=timeout, cwd=cwd)


def _ok(done):
    assert done.returncode == 0, f"{done.args} exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _offline():
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
        return False
    except OSError:
        return True


@pytest.fixture(scope="module")
def installed():
    """The built sdist and wheel, and the pipx installation of the wheel (a clean venv, not this .venv)."""
    if not os.environ.get("CI") and _offline():
        pytest.skip("pipx installs the wheel's dependencies from PyPI, which this machine cannot reach")
    if not (ROOT / "resources" / QM).is_file():
        pytest.fail(f"resources/{QM} is missing: `make test` (or `make wheel`) builds it before the wheel")
    tmp = Path(tempfile.mkdtemp(prefix="playground-wheel-"))
    try:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV")
               and not k.startswith(("PIPX_", "LC_")) and k not in ("LANG", "LANGUAGE")}
        env.update(PIPX_HOME=str(tmp / "pipx"), PIPX_BIN_DIR=str(tmp / "bin"), PIPX_MAN_DIR=str(tmp / "man"),
                   LANG="C.UTF-8", COLUMNS="80", PYTHONIOENCODING="utf-8", XDG_DATA_HOME=str(tmp / "share"))
        # an sdist, then the wheel built from that sdist: the sdist must hold everything the wheel needs
        _ok(_run([sys.executable, "-m", "build", "--outdir", tmp / "dist", ROOT], env, timeout=300, cwd=tmp))
        [wheel] = (tmp / "dist").glob("pytorch_playground-*.whl")
        [sdist] = (tmp / "dist").glob("pytorch_playground-*.tar.gz")
        torch_pin = f"torch=={importlib.metadata.version('torch')}"
        (tmp / "constraints.txt").write_text(torch_pin + "\n")
        pip_args = "-c " + shlex.quote(str(tmp / "constraints.txt"))
        _ok(_run([sys.executable, "-m", "pipx", "install", "--pip-args", pip_args, wheel], env, timeout=600))
        venv = tmp / "pipx" / "venvs" / "pytorch-playground"
        yield {"tmp": tmp, "env": env, "wheel": wheel, "sdist": sdist, "torch": torch_pin, "venv": venv,
               "playground": tmp / "bin" / "playground", "python": venv / "bin" / "python"}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_wheel_and_sdist_hold_the_package_resources_templates_and_script(installed):
    assert installed["wheel"].name == f"pytorch_playground-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(installed["wheel"]) as whl:
        names = set(whl.namelist())
        info = f"pytorch_playground-{__version__}.dist-info"
        entry_points = whl.read(f"{info}/entry_points.txt").decode()
        metadata = whl.read(f"{info}/METADATA").decode()
        qm = whl.read(f"playground/resources/{QM}")
        icon = whl.read("playground/resources/icon.svg")
    expected = {"playground/__init__.py", "playground/__main__.py", "playground/cli.py", "playground/app.py",
                "playground/core/presets.py", "playground/engine/engine.py", "playground/ui/views/__init__.py",
                "playground/io/templates/script.py.tmpl", "playground/resources/presets/xor.json",
                "playground/resources/lessons/xor.json"}
    assert expected <= names, sorted(expected - names)
    assert not any(n.startswith(("tests/", "resources/", "benchmarks/")) for n in names)
    assert qm == (ROOT / "resources" / QM).read_bytes() and icon == (ROOT / "resources" / "icon.svg").read_bytes()
    assert "[console_scripts]\nplayground = playground.cli:main\n" in entry_points
    assert f"\nVersion: {__version__}\n" in metadata and "\nRequires-Dist: torch>=" in metadata
    with tarfile.open(installed["sdist"]) as sdist:
        members = set(sdist.getnames())
    top = f"pytorch_playground-{__version__}"
    assert {f"{top}/resources/{QM}", f"{top}/resources/translations/playground_zh_CN.ts",
            f"{top}/resources/icon.svg", f"{top}/playground/io/templates/script.py.tmpl"} <= members


def test_pipx_venv_is_clean_with_the_pinned_torch(installed):
    cfg = (installed["venv"] / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in cfg
    done = _ok(_run([installed["python"], "-c", "import importlib.metadata as m, playground; "
                     "print(playground.__file__); print(m.version('torch')); print(m.version('pytorch-playground'))"],
                    installed["env"], cwd=installed["tmp"]))
    where, torch_version, version = done.stdout.splitlines()
    assert Path(where) == installed["venv"] / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / \
        "site-packages" / "playground" / "__init__.py"
    assert f"torch=={torch_version}" == installed["torch"] and version == __version__


def test_installed_version_presets_and_python_m(installed):
    env, cwd = installed["env"], installed["tmp"]
    for command in ([installed["playground"], "--version"], [installed["python"], "-m", "playground", "--version"]):
        done = _ok(_run(command, env, cwd=cwd))
        assert (done.stdout, done.stderr) == (f"playground {__version__}\n", "")
    done = _ok(_run([installed["playground"], "presets"], env, cwd=cwd))
    here = _ok(_run([sys.executable, "-m", "playground", "presets"], env, cwd=ROOT))
    assert done.stdout == here.stdout and done.stdout.startswith("xor ")  # all the presets, from the wheel's data


def test_installed_training_headless_in_english_and_chinese(installed):
    env, cwd = installed["env"], installed["tmp"]
    done = _ok(_run([installed["playground"], "train", "--preset", "xor", "--epochs", "2", "--json"], env, cwd=cwd))
    summary = json.loads(done.stdout.splitlines()[-1])
    assert (summary["status"], summary["preset"], summary["epochs_run"], summary["steps"], summary["device"]) == \
        ("completed", "xor", 2, 50, "cpu")
    assert "epoch 2/2" in done.stderr
    done = _ok(_run([installed["playground"], "--lang", "zh_CN", "train", "--preset", "xor", "--epochs", "2"],
                    env, cwd=cwd))  # the .qm, loaded from the installed package
    assert done.stdout.startswith("已完成：2 轮，50 步，设备 cpu，"), done.stdout


def test_installed_window_and_desktop_entry(installed):
    env, tmp = dict(installed["env"], QT_QPA_PLATFORM="offscreen"), installed["tmp"]
    shot = tmp / "shot.png"
    done = _ok(_run([installed["playground"], "--lang", "zh_CN", "--screenshot", shot, "--preset", "xor",
                     "--epochs", "2"], env, cwd=tmp))
    assert f"saved {shot} (completed" in done.stderr
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    _ok(_run([installed["playground"], "--install-desktop-entry"], env, cwd=tmp))
    icon = tmp / "share" / "icons" / "hicolor" / "scalable" / "apps" / "pytorch-playground.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icon.svg").read_bytes()
    entry = (tmp / "share" / "applications" / "pytorch-playground.desktop").read_text()
    assert f"\nExec={installed['venv'] / 'bin' / 'playground'}\n" in entry and f"\nIcon={icon}\n" in entry
