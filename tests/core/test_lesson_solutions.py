"""Every built-in lesson's goal can be reached: its solution (the change the lesson asks for) trains
to the goal headless, and where the lesson asks for a change, the start config alone does not.

Each run is the lesson's full run on the CPU, as a class would train it; one that takes longer than
RUN_LIMIT_S (a badly overloaded machine) is stopped and the test skipped rather than left to hang.
"""

import json
import re
import time

import pytest

from playground.core.lessons import builtin_lessons_dir, lesson_from_dict, load_lesson_file, parameter_count
from playground.core.training import RunControl, Trainer

RUN_LIMIT_S = 20
# The built-in files only: not a user lessons folder that happens to exist on this machine.
LESSONS = {lesson.name: lesson for lesson in sorted(map(load_lesson_file, builtin_lessons_dir().glob("*.json")),
                                                    key=lambda lesson: lesson.order)}
README = builtin_lessons_dir() / "README.md"
# The example a teacher copies from resources/lessons/README.md works too.
LESSONS["readme-example"] = lesson_from_dict(
    json.loads(re.search(r"```json\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)), README)


def train(config):
    """(summary dict, parameter count) of a full run of ``config``; skip if it takes too long."""
    trainer = Trainer(config)
    control, start = RunControl(), time.perf_counter()

    def on_step(_):
        if time.perf_counter() - start > RUN_LIMIT_S:
            control.stop()

    summary = trainer.run(control, on_step).to_dict()
    if summary["status"] == "stopped":
        pytest.skip(f"{config.dataset}: a run took over {RUN_LIMIT_S} s on this machine")
    n_parameters = sum(p.numel() for p in trainer.model.parameters())
    assert n_parameters == parameter_count(trainer.model.sizes)
    return summary, n_parameters


@pytest.mark.parametrize("name", list(LESSONS))
def test_the_solution_reaches_the_goal(name):
    lesson = LESSONS[name]
    summary, n = train(lesson.solution)
    assert lesson.goal.check(summary, n), f"{name}: {lesson.goal.result_text(summary, n)}"


@pytest.mark.parametrize("name", [n for n, lesson in LESSONS.items() if lesson.solution_changes])
def test_the_start_alone_does_not(name):
    lesson = LESSONS[name]
    summary, n = train(lesson.config)
    assert not lesson.goal.check(summary, n), f"{name}: {lesson.goal.result_text(summary, n)}"
