"""Application bootstrap: QApplication, translators, the window, and the screenshot mode.

The window's process imports no torch when the engine runs in its own process (the default): the
training process is started first thing (``make_app``), imports torch and warms up while the
window is built and paints, and says Ready (issue 14). With ``PLAYGROUND_PROCESS=0`` the engine
runs in a thread here, and torch is imported before the QApplication exists, as it always was.
"""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path


def create_window(preset: str | None = None, lang: str | None = None):
    """The fully wired main window, not shown, no event loop started (a QApplication must exist).

    ``lang`` ("en" or "zh_CN") sets the language of this window and the next ones; None keeps the
    one in force (the user's choice, else the system's)."""
    from playground.ui.language import set_language
    from playground.ui.main_window import MainWindow

    if lang is not None:
        set_language(lang)
    return MainWindow(preset=preset)


def make_app(argv: list[str] | None = None, lang: str | None = None):
    from PySide6.QtWidgets import QApplication

    from playground.engine import transport

    if transport.use_process_default():
        transport.prestart()  # it imports torch and warms up while this process builds the window
    else:  # the engine in this process: torch before the QApplication, on one thread
        import torch  # noqa: F401

        from playground.core.devices import use_cpu_threads

        use_cpu_threads()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("PyTorch Playground")
    app.setOrganizationName("PyTorch Playground")
    app.setWindowIcon(app_icon())  # the window's and the taskbar's
    app.setDesktopFileName("pytorch-playground")  # Wayland: the desktop entry's icon (playground/desktop.py)
    from playground.ui.logfile import setup_logging

    setup_logging()  # after the names: they pick the data folder the log goes to
    from playground.ui.language import set_language

    set_language(lang)
    atexit.register(_settle, app)
    return app


def icon_path() -> Path:
    """resources/icon.svg: the application's icon (also the desktop entry's, playground/desktop.py)."""
    from playground.core.presets import resources_dir

    return resources_dir() / "icon.svg"


def app_icon():
    """The application's icon as a QIcon (empty when the resources folder lacks it)."""
    from PySide6.QtGui import QIcon

    try:
        return QIcon(str(icon_path()))
    except FileNotFoundError:
        return QIcon()


def _settle(app) -> None:
    """At interpreter exit, before Python tears its objects down: deliver what is still queued for
    the window's objects (a script that closes the window and ends leaves some; destroying them
    later, with half of Python gone, crashed)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    try:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    except RuntimeError:  # the application is already gone
        pass


def main(preset: str | None = None, session: str | None = None, screenshot: str | None = None,
         epochs: int | None = None, lesson: str | None = None, lang: str | None = None, phases: int = 0,
         data: str | None = None) -> int:
    if screenshot:
        problem = screenshot_problem(Path(screenshot), epochs)
        if problem:
            print(f"playground: error: {problem}", file=sys.stderr)
            return 2
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if session:  # no modal box with no one to close it: the reason on stderr, exit 2
            problem = session_problem(session)
            if problem:
                print(f"playground: error: {problem}", file=sys.stderr)
                return 2
    elif not has_screen():
        print("playground: error: no screen to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). "
              "Train headless with `playground train`, or save a picture with `playground --screenshot OUT.png`.",
              file=sys.stderr)
        return 2
    missing = missing_xcb_libraries()
    if missing:
        print(f"playground: error: Qt cannot open a window: the X libraries {', '.join(missing)} are missing; "
              f"install them with: sudo apt-get install {' '.join(XCB_PACKAGES)}", file=sys.stderr)
        return 2
    app = make_app(lang=lang)
    window = create_window(preset)
    if not (preset or lesson or session or data or screenshot):  # the config shown when it last closed
        from playground.ui.settings import restore_last_config

        restore_last_config(window)
    if lesson and hasattr(window, "open_lesson"):
        window.open_lesson(lesson)
    if session:
        failures: list[str] = []
        if screenshot:  # whatever the engine still refuses: a line on stderr, not a box no one can close
            window.files._fail = lambda title, message, field="": failures.append(
                f"{field}: {message}" if field else message)
        if not window.open_path(session) and screenshot:
            print(f"playground: error: {failures[0] if failures else f'cannot open {session}'}", file=sys.stderr)
            window.ask_before_closing = False
            window.close()
            return 2
    if data and not window.data.import_data(data) and screenshot:
        print(f"playground: error: cannot import {data}", file=sys.stderr)
        window.ask_before_closing = False
        window.close()
        return 2
    if screenshot:
        return _screenshot(app, window, Path(screenshot), epochs, phases)
    window.show()
    return app.exec()


def has_screen() -> bool:
    """False on a Linux machine with no display, where Qt would abort instead of opening a window."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# The libraries Qt's xcb platform plugin loads (Qt 6.5+ needs libxcb-cursor0 too), by the name the dynamic
# linker knows, and the Debian/Ubuntu packages that bring them.
XCB_LIBRARIES = {"xcb": "libxcb.so.1", "xcb-icccm": "libxcb-icccm.so.4", "xcb-keysyms": "libxcb-keysyms.so.1",
                 "xcb-cursor": "libxcb-cursor.so.0", "xcb-image": "libxcb-image.so.0",
                 "xcb-render-util": "libxcb-render-util.so.0", "xcb-shape": "libxcb-shape.so.0",
                 "xcb-randr": "libxcb-randr.so.0", "xcb-xkb": "libxcb-xkb.so.1",
                 "xkbcommon-x11": "libxkbcommon-x11.so.0"}
XCB_PACKAGES = ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxcb-image0", "libxcb-render-util0",
                "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1", "libxkbcommon-x11-0")


def missing_xcb_libraries() -> list[str]:
    """The X libraries Qt's xcb plugin needs that this Linux machine lacks (Qt's own message for them is
    misleading); empty off Linux, with another platform asked for, or with no DISPLAY."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return []
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return []
    import ctypes
    import ctypes.util

    missing = []
    for name, soname in XCB_LIBRARIES.items():
        for candidate in (soname, ctypes.util.find_library(name)):  # as Qt loads it, then wherever it is
            try:
                if candidate is not None:
                    ctypes.CDLL(candidate)
                    break
            except OSError:
                pass
        else:
            missing.append(f"lib{name}")
    return missing


def screenshot_problem(out: Path, epochs: int | None) -> str | None:
    """Why ``--screenshot out`` cannot work, in one line, before any training; None when it can."""
    if epochs is not None and epochs < 1:
        return f"epochs: {epochs} epochs; allowed 1 or more"
    if out.suffix.lower() != ".png":
        return f"screenshot: {out}: the picture is saved as PNG; give a name ending in .png"
    folder = out.expanduser().parent
    if not folder.is_dir():
        return f"screenshot: cannot write {out}: the folder {folder} does not exist"
    if out.expanduser().is_dir():
        return f"screenshot: cannot write {out}: a folder of that name is in the way"
    if not os.access(folder, os.W_OK):
        return f"screenshot: cannot write {out}: permission denied"
    return None


def session_problem(path: str) -> str | None:
    """Why the session or config at ``path`` cannot be opened, in one line; None when it can."""
    from playground.core.config import ConfigError

    try:
        if Path(path).suffix.lower() == ".json":
            from playground.io.session import load_config

            load_config(path)
        else:
            from playground.io.session import load_session

            load_session(path)
    except ConfigError as e:
        return str(e)
    except RecursionError:
        return f"config: {path} is not a config the playground can read (nested too deeply)"
    except (OSError, ValueError, TypeError) as e:
        return f"cannot open {path}: {str(e).splitlines()[0][:120] if str(e) else type(e).__name__}"
    return None


def _screenshot(app, window, out: Path, epochs: int | None, phases: int = 0) -> int:
    """Train to the end offscreen, then (``phases``) step that many phases of the next mini-batch,
    then save a PNG of the whole window (written atomically: a failure leaves no file, and says why
    in one line, exit 2)."""
    if epochs is not None:
        window.controls.epochsInput.setValue(epochs)
    window.remember_geometry = False
    window.resize(1600, 900) if phases else window.resize(1280, 720)
    window.ask_before_closing = False
    window.show()
    result = {}
    error = []

    def done(summary: dict) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from playground.core.config import ConfigError
        from playground.io.atomic import atomic_write

        result.update(summary)
        app.processEvents()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        try:
            if not window.grab().toImage().save(buffer, "PNG"):
                error.append(f"screenshot: cannot write {out}: Qt could not encode the PNG")
            else:
                atomic_write(out, bytes(data.data()))
        except ConfigError as e:
            error.append(f"screenshot: {e.message}")
        finally:
            buffer.close()
            window.close()

    def next_phase(*_) -> None:
        """One phase per report, each once its animation has run: then the picture."""
        if window.graphView.animating():
            return  # animationFinished calls again
        if len(shown) < phases:
            if not shown or shown[-1] != "asked":
                shown.append("asked")
                window.step_phase()
            return
        done(result_of_run)

    shown: list[str] = []
    result_of_run: dict = {}

    def phase_shown(phase: str) -> None:
        shown[-1] = phase
        next_phase()

    def trained(summary: dict) -> None:
        if not phases:
            done(summary)
            return
        result_of_run.update(summary)
        window.explain_weight("fc1.weight", (0, 0))  # the panel's chain rule, beside autograd
        window.phaseChanged.connect(phase_shown)
        window.graphView.animationFinished.connect(next_phase)
        next_phase()

    window.trainingFinished.connect(trained)
    window.trainButton.click()
    app.exec()
    if error:
        print(f"playground: error: {error[0]}", file=sys.stderr)
        return 2
    if not result:
        print(f"playground: error: screenshot: the run did not finish; nothing saved to {out}", file=sys.stderr)
        return 1
    print(f"saved {out} ({result.get('status')}, test loss {result.get('test_loss')})", file=sys.stderr)
    return 0
