"""The exported script runs on one CPU thread, as the playground does (torch's default of a thread
per core spin-waits on a busy machine: a spiral run took 85.7 s instead of 5.5 s, issue 14), and
times its training loop without the second or so the first optimizer of a process spends importing
torch._dynamo."""

import re
import subprocess
import sys

from playground.core.presets import get_preset
from playground.core.training import Trainer
from playground.io.script import standalone_script


def script_for(preset: str, epochs: int) -> str:
    trainer = Trainer(get_preset(preset).config.replace(epochs=epochs), preset=preset)
    trainer.run()
    return standalone_script(trainer)


def test_the_script_sets_one_thread_before_anything_runs_and_says_why():
    source = script_for("spiral", 1)
    assert re.search(r"^THREADS = 1$", source, re.MULTILINE)
    main = source[source.index("def main():"):]
    assert main.splitlines()[1] == "    torch.set_num_threads(THREADS)"
    comment = source[:source.index("THREADS = 1")].rsplit("\n\n", 1)[1]
    assert "spin" in comment and "85.7 s" in comment  # the reason, next to the setting


def test_the_clock_starts_after_the_optimizer_is_made():
    main = script_for("xor", 1).split("def main():", 1)[1]
    assert main.index("optimizer = optim.") < main.index("start = time.perf_counter()") < main.index("for epoch in")


def test_the_script_prints_its_training_time_on_one_thread(tmp_path):
    script = tmp_path / "exported.py"
    script.write_text(script_for("seed-example", 3))
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^trained 30 steps in [0-9.]+ s \([0-9]+ steps/s, 1 CPU thread\)$", done.stdout, re.MULTILINE)
