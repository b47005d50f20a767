"""The desktop entry on Linux: `playground --install-desktop-entry` puts the playground in the
applications menu (a freedesktop ``.desktop`` file and the icon), `--uninstall-desktop-entry` takes
them out again. Both write under $XDG_DATA_HOME (default ~/.local/share), for this user only.

Torch-free and Qt-free: it only writes two files.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from playground.cli_text import translate

APP_ID = "pytorch-playground"
EXIT_OK, EXIT_NOT_HERE = 0, 2


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def entry_path() -> Path:
    return data_home() / "applications" / f"{APP_ID}.desktop"


def icon_target() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def icon_source() -> Path:
    from playground.core.presets import resources_dir

    return resources_dir() / "icon.svg"


def launch_command() -> list[str]:
    """How the menu starts the window: the `playground` script this process runs from, else this
    Python with ``-m playground``."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name in ("playground", "playground.exe") and script.exists():
        return [str(script.resolve())]
    found = shutil.which("playground", path=str(Path(sys.executable).parent))
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).absolute()), "-m", "playground"]


def _exec_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (its own quoting rules, close to the shell's)."""
    if arg and all(c.isalnum() or c in "/._-+:@" for c in arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def entry_text(command: list[str], icon: Path) -> str:
    exec_line = " ".join(_exec_quote(a).replace("%", "%%") for a in command)
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=PyTorch Playground",
        "GenericName=Neural network playground",
        "Comment=Watch real PyTorch train a neural network",
        f"Exec={exec_line}",
        f"TryExec={command[0]}",
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Education;Science;",
        "Keywords=neural;network;pytorch;machine;learning;",
        "StartupNotify=true",
        "",
    ])


def _not_linux() -> int:
    print("playground: " + translate("cli", "the desktop entry is for Linux (freedesktop menus); this is {0}")
          .format(sys.platform), file=sys.stderr)
    return EXIT_NOT_HERE


def install() -> int:
    if not sys.platform.startswith("linux"):
        return _not_linux()
    entry, icon = entry_path(), icon_target()
    try:
        icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon_source(), icon)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(entry.name + ".tmp")
        tmp.write_text(entry_text(launch_command(), icon), encoding="utf-8")
        os.replace(tmp, entry)
    except OSError as e:
        print(f"playground: error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return EXIT_NOT_HERE
    print(translate("cli", "wrote {0} and {1}").format(entry, icon))
    return EXIT_OK


def uninstall() -> int:
    if not sys.platform.startswith("linux"):
        return _not_linux()
    removed = []
    for path in (entry_path(), icon_target()):
        try:
            path.unlink()
            removed.append(str(path))
        except FileNotFoundError:
            pass
        except OSError as e:
            print(f"playground: error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
            return EXIT_NOT_HERE
    if removed:
        print(translate("cli", "removed {0}").format(" and ".join(removed)))
    else:
        print(translate("cli", "no desktop entry to remove ({0} does not exist)").format(entry_path()))
    return EXIT_OK


__all__ = ["entry_path", "entry_text", "icon_target", "install", "launch_command", "uninstall"]
