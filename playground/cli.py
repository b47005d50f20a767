"""Command line: `playground` opens the window; `playground train | graph | presets | lessons` run headless.

Exit codes: 0 completed, 2 bad input (one line naming the field and what is allowed),
3 diverged, 130 interrupted by Ctrl-C (stopped cleanly, summary still printed).

The help and the summary lines are in English or Simplified Chinese: ``--lang zh_CN|en`` anywhere on the
command line, else the system's language (LC_ALL, LC_MESSAGES, LANG; on Windows the user's UI language).
The Chinese texts come from the window's translation (``resources/translations/playground_zh_CN.qm``,
context "cli"), loaded with QtCore only when Chinese is asked for.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import stat
import sys
from pathlib import Path

# No torch here, nor in core.config, core.catalog, core.presets or core.lessons: `presets`, `lessons`,
# --version and every --help answer in a tenth of a second. The commands that train, trace or export
# import torch (and the engine, io) inside themselves, under main()'s Ctrl-C handling.
from playground import __version__
from playground.cli_text import _one_of, _Parser, choose_language, translate
from playground.core.config import ConfigError, TrainConfig, parse_channels, parse_dropout, parse_features, parse_layers

EXIT_OK, EXIT_BAD_INPUT, EXIT_DIVERGED, EXIT_INTERRUPTED = 0, 2, 3, 130

def _add_model_options(p: argparse.ArgumentParser) -> None:
    from playground.core import catalog

    src = p.add_mutually_exclusive_group()
    src.add_argument("--preset", help=translate("cli", "start from a preset (see `playground presets`)"))
    src.add_argument("--config", metavar="FILE.json", help=translate("cli", "start from a saved config"))
    p.add_argument("--dataset", help=translate("cli", "dataset name (see `playground presets`)"))
    p.add_argument("--layers", metavar="8,8", help=translate("cli", 'hidden layer sizes, e.g. "8,8"; "" for none'))
    p.add_argument("--model", help=translate("cli", "model family: {0} (dynamic: a middle layer that each training "
                                                    "pass repeats a random 0-3 times)").format(_one_of(catalog.MODELS)))
    pictures = _one_of([n for n, e in catalog.DATASETS.items() if e.image_shape])
    p.add_argument("--channels", metavar="8,16",
                   help=translate("cli", 'with --model cnn: out-channels of each convolution layer, e.g. "8,16"; '
                                         "--layers is then the linear head after them (image data: {0})")
                   .format(pictures))
    p.add_argument("--kernel-size", type=int, metavar="K",
                   help=translate("cli", "with --model cnn: the square kernels' size, 1, 3, 5 or 7"))
    p.add_argument("--heads", type=int, metavar="N",
                   help=translate("cli", "with --model attention: attention heads per block, 1 to 8, dividing the "
                                         "width (--layers, e.g. \"32\" or \"32,32\" for two blocks)"))
    p.add_argument("--activation", help=_one_of(catalog.ACTIVATIONS))
    p.add_argument("--dropout", metavar="RATE[,RATE...]",
                   help=translate("cli", 'dropout after each hidden layer while training, 0 to 0.9; "0.1,0.3" for '
                                         "one rate per hidden layer"))
    p.add_argument("--lr", type=float, dest="learning_rate", help=translate("cli", "learning rate, 1e-5 to 10"))
    p.add_argument("--epochs", type=int, help=translate("cli", "epochs to train"))
    p.add_argument("--batch-size", type=int, help=translate("cli", "mini-batch size"))
    p.add_argument("--optimizer", help=_one_of(catalog.OPTIMIZERS))
    p.add_argument("--weight-decay", type=float, help=translate("cli", "L2 weight decay, 0 to 1"))
    p.add_argument("--noise", type=float, help=translate("cli", "dataset noise, 0 to 0.5"))
    p.add_argument("--samples", type=int, help=translate("cli", "points the dataset draws, 20 to 100000"))
    p.add_argument("--classes", type=int, help=translate("cli", "classes of gauss and spiral, 2 to 6"))
    p.add_argument("--data-seed", type=int,
                   help=translate("cli", "seed of the data (points and split); default: --seed"))
    p.add_argument("--data", metavar="FILE.csv",
                   help=translate("cli", "train on your own data: a CSV file, one row per point, the label in "
                                         "the column named label or y, else the last"))
    p.add_argument("--no-standardize", dest="standardize", action="store_false", default=None,
                   help=translate("cli", "with --data: use the features as read (default: scaled to mean 0, "
                                         "standard deviation 1)"))
    p.add_argument("--features", metavar="x1,x2,...",
                   help=translate("cli", "the inputs a 2-D network sees, from {0}; default x1,x2")
                   .format(",".join(catalog.FEATURES)))
    p.add_argument("--regularization", help=translate("cli", "a penalty on the weights added to the loss: {0}")
                   .format(_one_of(catalog.REGULARIZATIONS)))
    p.add_argument("--regularization-rate", type=float, metavar="RATE",
                   help=translate("cli", "the penalty's rate, 0 to 10"))
    p.add_argument("--seed", type=int, help=translate("cli", "random seed: same seed, same run"))
    p.add_argument("--device", help=translate("cli", "cpu, cuda:N or mps (only what is present)"))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="playground", description=translate("cli", "Watch real PyTorch train a neural network."))
    p.add_argument("--version", action="version", version=f"playground {__version__}",
                   help=translate("cli", "show program's version number and exit"))
    p.add_argument("--preset", dest="gui_preset", metavar="NAME",
                   help=translate("cli", "open the window with this preset"))
    p.add_argument("--lesson", dest="gui_lesson", metavar="NAME",
                   help=translate("cli", "open the window with this lesson (see `playground lessons`)"))
    p.add_argument("--open", dest="gui_open", metavar="SESSION",
                   help=translate("cli", "open a saved session in the window"))
    p.add_argument("--data", dest="gui_data", metavar="FILE.csv",
                   help=translate("cli", "open the window with your own data from a CSV file (as File > Import data)"))
    p.add_argument("--lang", dest="gui_lang", choices=("en", "zh_CN"),
                   help=translate("cli", "the window's language (default: the one chosen in View > Language, "
                                         "else the system's)"))
    p.add_argument("--install-desktop-entry", action="store_true",
                   help=translate("cli", "Linux: add the playground to the applications menu (a .desktop file and "
                                         "its icon under ~/.local/share) and exit"))
    p.add_argument("--uninstall-desktop-entry", action="store_true",
                   help=translate("cli", "Linux: remove what --install-desktop-entry wrote and exit"))
    p.add_argument("--screenshot", metavar="OUT.png",
                   help=translate("cli", "train offscreen to the end, save a PNG, exit"))
    p.add_argument("--epochs", dest="gui_epochs", type=int,
                   help=translate("cli", "with --screenshot: epochs to train"))
    p.add_argument("--phases", dest="gui_phases", type=int, default=0, metavar="N",
                   help=translate("cli", "with --screenshot: after training, step N phases of the next mini-batch "
                                         "(1 forward ... 5 step) and show the iteration panel"))
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("presets", help=translate("cli", "list the presets, one per line"))
    ls = sub.add_parser("lessons", help=translate("cli", "list the lessons (built-in and the user lessons folder), "
                                                         "one per line"))
    ls.add_argument("--json", action="store_true",
                    help=translate("cli", "one JSON object per line: name, title, title_zh"))

    t = sub.add_parser("train", help=translate("cli", "train headless and print a summary"))
    _add_model_options(t)
    t.add_argument("--json", action="store_true", help=translate("cli", "print the summary as one JSON line on stdout"))
    t.add_argument("--export", action="append", default=[], metavar="PATH",
                   help=translate("cli", "save the result; the extension picks the format (.safetensors .pt .onnx "
                                         ".pt2 .py .json or a session .pgsession); repeatable"))
    t.add_argument("--init-weights", metavar="FILE",
                   help=translate("cli", "start from these weights (.safetensors or .pt)"))
    t.add_argument("--tensorboard", metavar="DIR",
                   help=translate("cli", "write the run for TensorBoard into a new folder under DIR (needs "
                                         "pip install \"pytorch-playground[tensorboard]\")"))

    g = sub.add_parser("graph", help=translate("cli", "render the autograd graph of one forward+backward pass"))
    _add_model_options(g)
    g.add_argument("--out", required=True, metavar="FILE", help=translate("cli", "output: .json, .svg, .png or .dot"))
    for command in sub.choices.values():  # --lang after the command too (the help's language), not in its help
        command.add_argument("--lang", dest="gui_lang", choices=("en", "zh_CN"), default=argparse.SUPPRESS,
                             help=argparse.SUPPRESS)
    return p


def config_from_args(args: argparse.Namespace) -> tuple[TrainConfig, str | None]:
    """The config the options describe: preset or file, then each given option on top."""
    config, preset, _table = config_and_table(args)
    return config, preset


def config_and_table(args: argparse.Namespace):
    """``config_from_args`` and the table of your own data (``--data``; None without it)."""
    from playground.core.config import CUSTOM
    from playground.core.presets import get_preset
    from playground.io.csv_data import read_data_file

    preset_name = args.preset
    if args.config:
        from playground.io.session import load_config

        config = load_config(args.config)  # as the window reads it: a .json config or preset, or a session
    else:
        preset_name = preset_name or "circle"
        config = get_preset(preset_name).config
    changes = {
        k: getattr(args, k)
        for k in ("dataset", "model", "activation", "learning_rate", "epochs", "batch_size", "optimizer",
                  "weight_decay", "noise", "seed", "device", "samples", "classes", "data_seed", "standardize",
                  "regularization", "regularization_rate", "kernel_size", "heads")
        if getattr(args, k, None) is not None
    }
    if args.features is not None:
        changes["features"] = parse_features(args.features)
    table = None
    if args.data is not None:
        if changes.get("dataset", CUSTOM) != CUSTOM:
            raise ConfigError("data", f"--data is your own data; leave out --dataset {changes['dataset']} "
                                      f"(or give --dataset {CUSTOM})")
        table = read_data_file(args.data)
        changes.update(dataset=CUSTOM, data=args.data, classes=changes.get("classes", table.n_classes))
    elif changes.get("dataset") not in (None, CUSTOM) and config.dataset == CUSTOM:
        changes.update(data="", classes=changes.get("classes"))  # from your own data back to a generator
    if args.layers is not None:
        changes["hidden"] = parse_layers(args.layers)
    if args.dropout is not None:
        changes["dropout"] = parse_dropout(args.dropout)
    if args.channels is not None:
        changes["channels"] = parse_channels(args.channels)
    if table is None and changes.get("dataset", config.dataset) == CUSTOM:  # a saved config names its CSV file
        if not config.data:
            raise ConfigError("data", f"dataset {CUSTOM} is your own data: give its CSV file with --data FILE.csv")
        table = read_data_file(config.data)
    config = config.replace(**changes).validate()
    for option, field, family in (("--channels", "channels", "cnn"), ("--kernel-size", "kernel_size", "cnn"),
                                  ("--heads", "heads", "attention")):
        if getattr(args, field, None) is not None and config.model != family:  # not silently ignored
            raise ConfigError(field, f"{option} is for --model {family}; this run's model is {config.model}")
    if table is not None:
        from playground.core.training import check_table

        check_table(config, table)
    return config, preset_name, table


def check_export_paths(paths: list[str]) -> None:
    """Each --export path, checked before training: not empty, a known extension, an existing folder."""
    from playground.io.atomic import os_reason
    from playground.io.export import export_format

    for path in paths:
        if not path.strip():
            raise ConfigError("export", "an empty path; give a file name such as model.safetensors")
        export_format(path)
        try:  # the words atomic_write would use after training
            if not stat.S_ISDIR(os.stat(Path(path).expanduser().parent).st_mode):
                raise NotADirectoryError(errno.ENOTDIR, "Not a directory")
        except OSError as e:
            raise ConfigError("export", f"cannot write {path}: {os_reason(e, path)}") from None


class _Progress:
    """A progress bar on stderr from the engine's snapshots (about ten a second)."""

    def __init__(self, total_epochs: int):
        self.total = total_epochs
        self.tty = sys.stderr.isatty()

    def __call__(self, snap) -> None:
        if not snap.new_epochs:
            return
        m = snap.new_epochs[-1]
        filled = int(30 * min(m.epoch, self.total) / self.total)
        acc = "" if m.test_accuracy is None else f"  test acc {m.test_accuracy:.1%}"
        line = f"[{'#' * filled}{'.' * (30 - filled)}] epoch {m.epoch}/{self.total}  loss {m.train_loss:.4f}{acc}"
        sys.stderr.write(("\r" + line) if self.tty else line + "\n")
        if self.tty and m.epoch >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


class _Inline:
    """The engine, driven in this thread: each command's reply, or ConfigError with its message."""

    def __init__(self, on_snapshot) -> None:
        from playground.engine import protocol
        from playground.engine.engine import Engine
        from playground.engine.reporter import TrainSnapshot
        from playground.engine.transport import Inbox

        self.protocol = protocol
        self.inbox = Inbox()
        self.summary = None
        self._reply = None

        def on_event(event) -> None:
            if isinstance(event, TrainSnapshot):
                on_snapshot(event)
            elif isinstance(event, protocol.RunFinished):
                self.summary = event.summary
            elif isinstance(event, protocol.Reply):
                self._reply = event

        self.engine = Engine(on_event, probes={})

    def do(self, command):
        self.engine.handle(command)
        reply, self._reply = self._reply, None
        if reply is not None and not reply.ok:
            raise ConfigError(reply.field or type(command).__name__.lower(), reply.message)
        return reply

    def run(self) -> None:
        """Train until the run ends (completed, diverged, or stopped by ``interrupt``)."""
        self.do(self.protocol.Train())
        self.engine.serve(self.inbox, until_idle=True)

    def interrupt(self) -> None:  # from a signal handler: no locks
        self.inbox.post(self.protocol.Stop())


def cmd_lessons(args) -> int:
    """The lessons in order; a lesson file that cannot be read is named on stderr and skipped."""
    from playground.core.lessons import load_lessons

    lessons, errors = load_lessons()
    for error in errors:
        print("playground: " + translate("cli", "skipped lesson: {0}").format(error), file=sys.stderr)
    width = max(map(len, lessons), default=0)
    for name, lesson in lessons.items():
        if args.json:  # ASCII escapes: valid JSON on any console encoding
            print(json.dumps({"name": name, "title": lesson.title, "title_zh": lesson.title_zh}))
        else:
            line = f"{name:<{width}}  {lesson.title}"
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            print(line.encode(encoding, "replace").decode(encoding))  # "→" on a cp1252 console: "?"
    return EXIT_OK


def cmd_presets(args) -> int:
    from playground.core.presets import load_presets

    presets = load_presets()
    width = max(map(len, presets))
    for name, preset in presets.items():
        # the window's translation of the description (ui/catalog_texts.py lists them for lupdate)
        print(f"{name:<{width}}  {translate('ControlPanel', preset.description)}")
    return EXIT_OK


def _use_cpu_threads() -> None:
    """Import torch (a second or so) and set its CPU threads, for the commands that run torch.

    Ctrl-C is held back during the import: a KeyboardInterrupt raised inside torch's import is
    sometimes swallowed there (the run then goes on as if nothing was pressed) or breaks numpy's
    import ("cannot load module more than once per process"). Held back, a Ctrl-C pressed during
    the import arrives right after it, as one clean KeyboardInterrupt (exit 130)."""
    import threading

    shield = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if shield else None
    try:
        import torch

        from playground.core.devices import use_cpu_threads

        use_cpu_threads()
        # the first optimizer imports torch._dynamo (another second): here, still shielded
        torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    finally:
        if shield:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def cmd_train(args) -> int:
    _use_cpu_threads()
    from playground.engine import protocol

    config, preset, table = config_and_table(args)
    check_export_paths(args.export)  # bad input: say so before training, not after
    if args.tensorboard is not None:
        from playground.io import tensorboard_log

        if not tensorboard_log.available():
            print(tensorboard_log.NOT_INSTALLED, file=sys.stderr)
            return EXIT_BAD_INPUT
    engine = _Inline(_Progress(config.epochs))
    engine.do(protocol.SetConfig(config, preset, table=table))
    if args.init_weights:
        engine.do(protocol.LoadWeights(args.init_weights))
    board = None
    if args.tensorboard is not None:
        if not args.tensorboard.strip():
            raise ConfigError("tensorboard", "an empty path; give a folder")
        try:
            board = tensorboard_log.TensorBoardLog(args.tensorboard, config, preset)
        except OSError as e:
            raise ConfigError("tensorboard", f"cannot write there ({e.strerror or e})") from None
        board.attach(engine.engine.trainer)
        print(translate("cli", "tensorboard: writing {0}").format(board.folder), file=sys.stderr)
    interrupted = []

    def on_sigint(signum, frame):  # first Ctrl-C stops cleanly between steps; a second one ends the process
        if interrupted:  # no exception, no lock: one raised inside the engine or torch could deadlock
            _exit_interrupted()
        interrupted.append(True)
        engine.interrupt()  # Inbox.post: lock-free

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        engine.run()
    finally:  # exports and the summary: Ctrl-C raises KeyboardInterrupt, which main() reports (exit 130)
        signal.signal(signal.SIGINT, previous)
        if board is not None:  # what the run wrote stays readable, even after Ctrl-C
            board.close(engine.summary)

    summary = engine.summary
    d = summary.to_dict()
    acc = "" if d["test_accuracy"] is None else translate("cli", ", test accuracy {0:.1%}").format(d["test_accuracy"])
    loss = translate("cli", "n/a") if d["test_loss"] is None else f"{d['test_loss']:.4f}"
    status = {"completed": translate("cli", "completed"), "diverged": translate("cli", "diverged"),
              "stopped": translate("cli", "stopped")}.get(d["status"], d["status"])
    print(translate("cli", "{0}: {1} epochs, {2} steps on {3} in {4:.1f} s ({5:.0f} steps/s); test loss {6}{7}")
          .format(status, d["epochs_run"], d["steps"], d["device"], d["seconds"], d["steps_per_second"], loss, acc),
          file=sys.stderr if args.json else sys.stdout)
    for path in args.export:
        lang = getattr(args, "gui_lang", None)  # a notebook's text: --lang, else the environment's language
        print(translate("cli", "saved {0}").format(engine.do(protocol.Export(path, lang)).path), file=sys.stderr)
    if summary.status == "diverged":
        print(translate("cli", "training diverged at step {0}: the loss blew up (too large, or not a number). "
                               "Try a lower learning rate, e.g. --lr {1:g}")
              .format(summary.steps + 1, config.learning_rate / 10), file=sys.stderr)
    if args.json:
        print(json.dumps(d))
    if summary.status == "diverged":
        return EXIT_DIVERGED
    return EXIT_INTERRUPTED if interrupted else EXIT_OK


def cmd_graph(args) -> int:
    _use_cpu_threads()
    from playground.core.probe import graph_for_config
    from playground.io.atomic import ExportError
    from playground.io.graph_render import write_graph

    if not args.out.strip():
        raise ConfigError("out", "an empty path; give a file name ending in .json, .svg, .png or .dot")
    config, _, table = config_and_table(args)
    if table is None:
        spec = graph_for_config(config)
    else:  # your own data: the graph of the first mini-batch, with its gradients
        from playground.core.probe import preview_snapshot
        from playground.core.training import Trainer

        spec = (snapshot := preview_snapshot(Trainer(config, table=table))).spec
        spec.stats = {k: {"grad_norm": v["grad_norm"]} for k, v in snapshot.node_stats.items() if "grad_norm" in v}
    try:
        write_graph(spec, args.out)
    except ExportError as e:  # the option the user gave, not "export"
        raise ConfigError("out", e.message) from None
    print(translate("cli", "saved {0}: {1} nodes, {2} edges").format(args.out, len(spec.nodes), len(spec.edges)),
          file=sys.stderr)
    return EXIT_OK


def _exit_interrupted() -> None:
    """End the process at once with 130: from a signal handler, so a raw write and no Python-level locks."""
    try:
        os.write(2, b"\nplayground: interrupted\n")
    finally:
        os._exit(EXIT_INTERRUPTED)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; Ctrl-C anywhere (before training, during an export) prints one line, exit 130."""
    try:
        if signal.getsignal(signal.SIGINT) in (signal.SIG_DFL, None):  # Python's own, unless ignored (nohup, &)
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread
        pass
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _forget_unhandled_interrupt()
        print("\nplayground: " + translate("cli", "interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED


def _forget_unhandled_interrupt() -> None:
    """A Ctrl-C that lands while a C extension runs Python code (torch's import does) leaves CPython
    believing the KeyboardInterrupt went unhandled, even once caught here: at exit it would kill
    the process with SIGINT (exit -2, not 130). Running one empty statement through the same C
    path (``PyRun_SimpleString``) clears that flag."""
    try:
        import ctypes

        ctypes.pythonapi.PyRun_SimpleString(b"")
    except (ImportError, AttributeError, OSError):  # not CPython: no such flag either
        pass


def _main(argv: list[str] | None = None) -> int:
    if choose_language(argv) == "zh_CN":  # a console that cannot show Chinese shows "?", not a traceback
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(errors="replace")
            except (AttributeError, ValueError):
                pass
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "lessons":
            return cmd_lessons(args)
        if args.command == "presets":
            return cmd_presets(args)
        if args.command == "train":
            return cmd_train(args)
        if args.command == "graph":
            return cmd_graph(args)
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            from playground import desktop

            return desktop.install() if args.install_desktop_entry else desktop.uninstall()
        if args.gui_epochs is not None and args.gui_epochs < 1:
            raise ConfigError("epochs", f"{args.gui_epochs} epochs; allowed 1 or more")
        if args.gui_lesson is not None:  # an unknown name: one line listing the lessons, before any window
            from playground.core.lessons import get_lesson

            get_lesson(args.gui_lesson)
        from playground.app import main as gui_main

        if not 0 <= args.gui_phases <= 5:
            raise ConfigError("phases", f"{args.gui_phases} phases; allowed 0 to 5 (forward, loss, zero_grad, "
                                        f"backward, step)")
        if args.gui_data is not None:  # a bad file: its one line (file, line, column) before any window
            from playground.io.csv_data import read_data_file

            read_data_file(args.gui_data)
        return gui_main(preset=args.gui_preset, session=args.gui_open, screenshot=args.screenshot,
                        epochs=args.gui_epochs, lesson=args.gui_lesson, lang=args.gui_lang, phases=args.gui_phases,
                        data=args.gui_data)
    except ConfigError as e:
        print(f"playground: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as e:
        print(f"playground: error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return EXIT_BAD_INPUT
