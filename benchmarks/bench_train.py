"""Is the playground as fast as bare PyTorch? Training time against a minimal loop, and peers.

    .venv/bin/python benchmarks/bench_train.py [--rounds 7] [--script-rounds 5] [--sections 1,2,3,4]

Prints, each figure as a median with its spread (min-max, n) and the 1-minute load average:
1. ``playground train --preset P`` (the Engine driven as the CLI drives it, probes off, timed
   from Train until the run has finished) against a minimal one-thread loop doing the same work:
   the same data, batches and first weights, the same optimizer (made by the same catalog entry),
   and after each epoch the loss and accuracy on the train and test sets that the playground
   shows. The minimal loop runs twice: with a plain ``nn.Module`` of the same layers (what a
   person writes) and with the playground's own network object (so the figure is the training
   loop's alone). Both record each step's loss, and the losses are checked to be equal step for
   step: the same arithmetic. Spiral, circle, xor, digits and seed-example at their presets'
   epochs; the figure is the minimal loop's time over the playground's, round by round (1.00 x:
   as fast; the target is >= 0.95 x).
2. scikit-learn's MLPClassifier on spiral and circle: the same hidden sizes and activation, the
   same solver (adam / plain sgd), learning rate, batch size and epochs, no L2, no early stop,
   BLAS on one thread; its whole ``fit`` against the playground's run (section 1's, in the same
   rounds), and the test accuracy each reached. (It differs in details: two classes get one
   logistic output unit, and it evaluates nothing after each epoch.) Skipped, with a line saying
   so, where scikit-learn is not installed.
3. The exported ``.py`` of spiral (shortened to SCRIPT_EPOCHS), run as a plain ``python`` process
   as exported (one thread) and with its ``torch.set_num_threads`` line removed (torch's default,
   a thread per core, as scripts were exported before), on the machine as it is and beside a
   process that keeps one core busy (a busy machine: there torch's threads spin-wait against it):
   the training time the script prints (its clock starts after the optimizer is made) against the
   minimal loop in the same conditions (in a new process too, so both start cold: the first step of a
   process costs a few ms), and the process's wall time.
4. One ``optimizer.step()`` of each preset's network with torch's implementations: the default
   (on the CPU, a loop over the parameters), ``foreach=True`` and ``fused=True``.

Every variant of a figure runs once per round, in a different order each round, so the load of
the machine falls on all alike. Lines starting with "README row:" are rows of README.md's
benchmark table: benchmarks/run_all.py collects them into benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from _common import Figure, load, table_row, verdict  # noqa: E402
from torch import nn  # noqa: E402

from playground.core.config import TrainConfig  # noqa: E402
from playground.core.devices import use_cpu_threads  # noqa: E402
from playground.core.presets import get_preset  # noqa: E402
from playground.core.training import Trainer, make_optimizer  # noqa: E402
from playground.engine import protocol as p  # noqa: E402
from playground.engine.engine import Engine  # noqa: E402
from playground.engine.transport import Inbox  # noqa: E402
from playground.io.script import standalone_script  # noqa: E402

PRESETS = ("spiral", "circle", "xor", "digits", "seed-example")
PEERS = ("spiral", "circle")  # scikit-learn's MLPClassifier on these
TARGET = 0.95  # the playground's speed as a share of the minimal loop's
SCRIPT_PRESET, SCRIPT_EPOCHS = "spiral", 40  # torch's default threads can be 15x slower: keep it short
SCRIPT_TIMEOUT = 120.0
FUNCTIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
             "leaky_relu": nn.functional.leaky_relu, "gelu": nn.functional.gelu, "linear": lambda x: x}


# -- the two loops --------------------------------------------------------------------------------
def playground_run(config: TrainConfig, preset: str) -> tuple[float, Trainer]:
    """``playground train --preset`` without the argument parsing and printing: the same Engine,
    driven inline with no probes; timed from Train until the run has finished."""
    engine = Engine(lambda event: None, probes={})
    engine.handle(p.SetConfig(config, preset))
    began = time.perf_counter()
    engine.handle(p.Train())
    engine.serve(Inbox(), until_idle=True)
    return time.perf_counter() - began, engine.trainer


class PlainNet(nn.Module):
    """What a person writes: linear layers, an activation between them."""

    def __init__(self, sizes: list[int], activation: str):
        super().__init__()
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in itertools.pairwise(sizes[:-1]))
        self.out = nn.Linear(sizes[-2], sizes[-1])
        self.act = FUNCTIONS[activation]

    def forward(self, x):
        for fc in self.hidden:
            x = self.act(fc(x))
        return self.out(x)


def minimal_run(config: TrainConfig, plain: bool = True) -> tuple[float, list[float], float | None]:
    """The minimal loop: (seconds, every step's loss, the last test accuracy), with a PlainNet or
    (``plain=False``) the playground's own network object. Everything but the loop itself (data,
    network, optimizer) is made before the clock starts, as for the playground."""
    start = Trainer(config)  # the data and the first weights, made as the playground makes them
    x, y, x_test, y_test = start.x_train, start.y_train, start.x_test, start.y_test
    net = PlainNet(list(start.model.sizes), config.activation) if plain else start.model
    with torch.no_grad():
        for mine, theirs in zip(net.parameters(), start.model.parameters(), strict=True):
            mine.copy_(theirs)
    optimizer = make_optimizer(net, config)
    criterion = nn.MSELoss() if config.task == "regression" else nn.CrossEntropyLoss()
    order = torch.Generator().manual_seed(config.seed)
    losses: list[float] = []
    accuracy = None
    began = time.perf_counter()
    for _ in range(config.epochs):
        net.train()
        for idx in torch.randperm(len(x), generator=order).split(config.batch_size):
            loss = criterion(net(x[idx]), y[idx])
            losses.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        net.eval()
        with torch.no_grad():  # what the playground shows after each epoch
            for xs, ys in ((x, y), (x_test, y_test)):
                out = net(xs)
                criterion(out, ys).item()
                if config.task != "regression":
                    accuracy = (out.argmax(1) == ys).float().mean().item()
    return time.perf_counter() - began, losses, accuracy


# -- scikit-learn ---------------------------------------------------------------------------------
def sklearn_run(config: TrainConfig) -> tuple[float, float]:
    """(seconds for fit, test accuracy) of MLPClassifier set up as the playground's run."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from threadpoolctl import threadpool_limits

    start = Trainer(config)
    xs = [t.numpy() for t in (start.x_train, start.y_train, start.x_test, start.y_test)]
    solver = {"adam": {"solver": "adam"}, "sgd": {"solver": "sgd", "momentum": 0.0, "nesterovs_momentum": False},
              "sgd+momentum": {"solver": "sgd", "momentum": 0.9, "nesterovs_momentum": False}}[config.optimizer]
    clf = MLPClassifier(hidden_layer_sizes=config.hidden, activation=config.activation, alpha=config.weight_decay,
                        batch_size=config.batch_size, learning_rate_init=config.learning_rate,
                        max_iter=config.epochs, shuffle=True, random_state=config.seed, tol=0.0,
                        n_iter_no_change=config.epochs + 1, **solver)
    with threadpool_limits(1), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        began = time.perf_counter()
        clf.fit(xs[0], xs[1])
        seconds = time.perf_counter() - began
    return seconds, float(clf.score(xs[2], xs[3]))


def sklearn_missing() -> str | None:
    try:
        import sklearn.neural_network  # noqa: F401
        import threadpoolctl  # noqa: F401
    except ImportError as e:
        return f"scikit-learn is not installed ({e.name}): the MLPClassifier peer is skipped"
    return None


# -- the exported script --------------------------------------------------------------------------
TRAINED = re.compile(r"^trained (\d+) steps in ([0-9.]+) s", re.MULTILINE)


def script_run(path: Path) -> tuple[float | None, float]:
    """(the training time the script prints, the process's wall time); None when it failed."""
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    began = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(path)], cwd=path.parent, capture_output=True, text=True,
                              timeout=SCRIPT_TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        print(f"  ({path.name} ran past {SCRIPT_TIMEOUT:.0f} s: left out)", flush=True)
        return None, time.perf_counter() - began
    wall = time.perf_counter() - began
    found = TRAINED.search(done.stdout)
    if done.returncode != 0 or found is None:
        print(f"  ({path.name} failed: {done.stderr.strip()[-300:]})", flush=True)
        return None, wall
    return float(found.group(2)), wall


MINIMAL_PROCESS = """
import sys
sys.path.insert(0, {here!r})
from bench_train import minimal_run, use_cpu_threads
from playground.core.presets import get_preset
use_cpu_threads()
print(minimal_run(get_preset({preset!r}).config.replace(epochs={epochs}))[0])
"""


def minimal_process(config: TrainConfig) -> float | None:
    """The minimal loop's time in a new process, as cold as the script's: each makes its data, network and
    optimizer (which imports torch._dynamo) before its clock starts, and nothing ran before. None on failure."""
    code = MINIMAL_PROCESS.format(here=str(Path(__file__).resolve().parent), preset=SCRIPT_PRESET,
                                  epochs=config.epochs)
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=SCRIPT_TIMEOUT,
                              check=False)
        return float(done.stdout.split()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError):
        print("  (the minimal loop's process failed: left out)", flush=True)
        return None


def without_thread_limit(source: str) -> str:
    line = "    torch.set_num_threads(THREADS)\n"
    if line not in source:
        raise SystemExit("bench_train: the exported script no longer sets its threads as this benchmark expects")
    return source.replace(line, "")


# -- the optimizers -------------------------------------------------------------------------------
def optimizer_step_us(config: TrainConfig, options: dict, steps: int = 2000) -> float | None:
    """Microseconds per ``optimizer.step()`` for the config's network with torch's ``options``."""
    start = Trainer(config)
    params = list(start.model.parameters())
    for q in params:
        q.grad = torch.randn_like(q) * 1e-3
    kind = config.optimizer
    try:
        if kind == "adam":
            opt = torch.optim.Adam(params, lr=1e-9, **options)
        else:
            opt = torch.optim.SGD(params, lr=1e-9, momentum=0.9 if kind == "sgd+momentum" else 0.0, **options)
        for _ in range(50):
            opt.step()
    except (RuntimeError, ValueError) as e:  # fused where torch has none
        print(f"  ({kind} {options}: {e})")
        return None
    began = time.perf_counter()
    for _ in range(steps):
        opt.step()
    return 1e6 * (time.perf_counter() - began) / steps


def describe(config: TrainConfig, steps: int) -> str:
    return (f"{'-'.join(map(str, config.hidden))} {config.activation}, {config.optimizer} lr {config.learning_rate:g}, "
            f"batch {config.batch_size}, {config.epochs} epochs = {steps} steps")


def per_round(a: Figure, b: Figure, fn) -> Figure:
    """Per round, fn(a, b) (rounds where both have a sample), with the load of the round."""
    out = Figure()
    for x, y, ld in zip(a.samples, b.samples, a.sample_loads):
        if x is not None and y:
            out.samples.append(fn(x, y))
            out.sample_loads.append(ld)
    return out


def ratio(a: Figure, b: Figure) -> Figure:
    return per_round(a, b, lambda x, y: x / y)


def rotated(items: list, r: int) -> list:
    """``items``, starting at a different one in each round ``r``."""
    k = r % len(items)
    return items[k:] + items[:k]


LOOP_KINDS = {"playground": "`playground train`", "minimal": "minimal loop, plain nn.Module",
              "minimal, its network": "minimal loop, the playground's network", "sklearn": "MLPClassifier.fit"}


def loop_and_peers(presets: list[str], peers: list[str], rounds: int, began: float) -> dict:
    """Sections 1 and 2: every preset's variants, interleaved round by round."""
    configs = {name: get_preset(name).config for name in presets}
    times = {(name, kind): Figure() for name in presets for kind in LOOP_KINDS}
    accuracy: dict[tuple[str, str], float | None] = {}
    steps: dict[str, int] = {}
    for r in range(rounds):
        for name in presets:
            config = configs[name]
            losses = {}
            for kind in rotated(list(LOOP_KINDS) if name in peers else list(LOOP_KINDS)[:3], r):
                if kind == "playground":
                    seconds, trainer = playground_run(config, name)
                    losses[kind] = trainer.step_losses.tolist()
                    accuracy[name, kind] = trainer.history[-1].test_accuracy
                    steps[name] = trainer.step_count
                elif kind == "sklearn":
                    seconds, accuracy[name, kind] = sklearn_run(config)
                else:
                    seconds, losses[kind], accuracy[name, kind] = minimal_run(config, plain=kind == "minimal")
                times[name, kind].add(seconds)
            if r == 0:
                for kind in ("minimal", "minimal, its network"):
                    if losses[kind] != losses["playground"]:
                        print(f"  ({name}: the {LOOP_KINDS[kind]}'s losses differ from the playground's: "
                              "not the same work)")
        print(f"  (round {r + 1} of {rounds}, {time.perf_counter() - began:.0f} s, load {load():.1f})", flush=True)

    print("\n1. `playground train --preset P` (the engine, probes off) against a minimal one-thread loop, "
          "same data, weights, optimizer and batches, both evaluating each epoch; time per run:")
    for name in presets:
        pg = times[name, "playground"]
        print(f"  {name} ({describe(configs[name], steps[name])}):")
        for kind in ("playground", "minimal", "minimal, its network"):
            print(f"    {LOOP_KINDS[kind] + ':':40s} {times[name, kind].text('s', 3)}")
        for kind, what in (("minimal, its network", "the loop alone"), ("minimal", "with the network")):
            mini = times[name, kind]
            speed = ratio(mini, pg)
            extra = per_round(pg, mini, lambda x, y, n=steps[name]: 1e6 * (x - y) / n)
            print(f"    speed ({what}): {LOOP_KINDS[kind]} / playground, per round: {speed.text('x', 2)}: "
                  f"{verdict(speed.median >= TARGET)}")
            print(f"      the playground's extra time per step: {extra.text('us', 1)}", flush=True)
        table_row(f"`playground train --preset {name}` ({steps[name]} steps): a minimal one-thread loop's time / "
                  f"the playground's; the loop with a plain `nn.Module`; with the playground's network",
                  f"{ratio(times[name, 'minimal'], pg).text('x', 2)}; "
                  f"{ratio(times[name, 'minimal, its network'], pg).text('x', 2)}", f">= {TARGET:.2f} x")

    print("\n2. scikit-learn's MLPClassifier, the same network, solver, learning rate, batch and epochs "
          "(BLAS on one thread):")
    for name in peers:
        sk, pg = times[name, "sklearn"], times[name, "playground"]
        speed = ratio(sk, pg)
        print(f"  {name}: MLPClassifier.fit {sk.text('s', 2)}, test accuracy {accuracy[name, 'sklearn']:.1%}")
        print(f"  {'':{len(name)}}  playground        {pg.text('s', 2)}, test accuracy "
              f"{accuracy[name, 'playground']:.1%}")
        print(f"  {'':{len(name)}}  MLPClassifier's time / the playground's: {speed.text('x', 2)}", flush=True)
        table_row(f"scikit-learn's MLPClassifier, the same run of {name} ({steps[name]} steps): `fit`'s time / "
                  f"the playground's (below 1: scikit-learn is faster); test accuracy "
                  f"{accuracy[name, 'sklearn']:.0%} / {accuracy[name, 'playground']:.0%}", speed.text("x", 2), "")
    return steps


@contextlib.contextmanager
def busy_core(on: bool):
    """With ``on``, another process spins on one core meanwhile (a busy machine: a browser, a build)."""
    if not on:
        yield
        return
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.3)  # running
        yield
    finally:
        spinner.kill()
        spinner.wait()


def exported_script(rounds: int) -> None:
    """Section 3: the exported .py, as exported and without its thread limit, against the minimal
    loop; on a quiet machine and beside a process that keeps one core busy."""
    config = get_preset(SCRIPT_PRESET).config.replace(epochs=SCRIPT_EPOCHS)
    source = standalone_script(Trainer(config, preset=SCRIPT_PRESET))
    variants = {"as exported (one thread)": source,
                f"torch's default ({os.cpu_count()} threads), as exported before": without_thread_limit(source)}
    settings = {False: "", True: ", one core busy"}
    loop_times = {(label, busy): Figure() for label in variants for busy in settings}
    wall_times = {(label, busy): Figure() for label in variants for busy in settings}
    minimal = {busy: Figure() for busy in settings}
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for i, (label, text) in enumerate(variants.items()):
            paths[label] = Path(folder) / f"exported_{i}.py"
            paths[label].write_text(text, encoding="utf-8")
        for r in range(rounds):
            for label, busy in rotated([(label, busy) for busy in settings for label in [*variants, "minimal"]], r):
                with busy_core(busy):
                    if label == "minimal":
                        minimal[busy].add(minimal_process(config))
                    else:
                        seconds, wall = script_run(paths[label])
                        loop_times[label, busy].add(seconds)
                        wall_times[label, busy].add(wall)
    n_steps = SCRIPT_EPOCHS * math.ceil(len(Trainer(config).x_train) / config.batch_size)
    print(f"\n3. the exported .py of {SCRIPT_PRESET} ({describe(config, n_steps)}), run with python:")
    for busy, where in settings.items():
        print(f"  minimal loop, in a new process as the script is{where}: {minimal[busy].text('s', 3)}")
        for label in variants:
            speed = ratio(minimal[busy], loop_times[label, busy])
            print(f"  {label}{where}:")
            print(f"    its training time (it prints):  {loop_times[label, busy].text('s', 3)}")
            print(f"    the whole process:              {wall_times[label, busy].text('s', 2)}")
            print(f"    speed, minimal loop / script:   {speed.text('x', 2)}", flush=True)
            table_row(f"exported `.py` of {SCRIPT_PRESET} ({n_steps} steps), {label}{where}: the minimal loop's time / "
                      f"the training time the script prints", speed.text("x", 2),
                      f">= {TARGET:.2f} x" if "as exported (" in label else "")


def optimizers(presets: list[str]) -> None:
    """Section 4: one optimizer.step() with torch's implementations."""
    print("\n4. one optimizer.step() of each preset's network, torch's implementations, interleaved:")
    options = {"default": {}, "foreach=True": {"foreach": True}, "fused=True": {"fused": True}}
    for name in presets:
        config = get_preset(name).config
        figures = {label: Figure() for label in options}
        for r in range(5):
            for label in rotated(list(options), r):
                figures[label].add(optimizer_step_us(config, options[label]))
        print(f"  {name} ({config.optimizer}):")
        for label, figure in figures.items():
            print(f"    {label + ':':14s} {figure.text('us', 1)}", flush=True)
        if config.optimizer == "adam":
            table_row(f"one Adam step, {name}'s network: `fused=True` / torch's default (a loop on the CPU)",
                      ratio(figures["fused=True"], figures["default"]).text("x", 2), "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=7, help="rounds of sections 1 and 2 (every variant once each)")
    ap.add_argument("--script-rounds", type=int, default=5, help="rounds of section 3")
    ap.add_argument("--presets", default=",".join(PRESETS), help="section 1's presets, comma-separated")
    ap.add_argument("--sections", default="1,2,3,4", help="which sections to run, comma-separated")
    args = ap.parse_args()
    presets = [name for name in args.presets.split(",") if name]
    sections = set(args.sections.split(","))
    threads = use_cpu_threads()  # as `playground train` does (one thread)
    began = time.perf_counter()
    print(f"torch {torch.__version__}, {threads} torch thread(s), {os.cpu_count()} cores, device cpu; "
          f"load {load():.1f}", flush=True)
    optimizer_step_us(get_preset(presets[0]).config, {})  # the first optimizer of a process imports torch._dynamo
    peers = []
    if "2" in sections:
        missing = sklearn_missing()
        if missing:
            print(missing, flush=True)
            table_row("scikit-learn's MLPClassifier on spiral and circle", f"skipped: {missing}", "")
        else:
            peers = [name for name in PEERS if name in presets]
    if sections & {"1", "2"}:
        loop_and_peers(presets, peers, args.rounds, began)
    if "3" in sections:
        exported_script(args.script_rounds)
    if "4" in sections:
        optimizers(presets)
    print(f"\n({time.perf_counter() - began:.0f} s, load {load():.1f})")


if __name__ == "__main__":
    main()
