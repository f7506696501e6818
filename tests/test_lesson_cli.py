"""`lvm-gui lesson list|check|run` (issue 23), and each shipped lesson's answers against
`lvm-gui run` of the same config: the answer is what the engine computes, never the file's."""

from __future__ import annotations

import json

import pytest

from engine.lessons import answers, schema
from lvm_gui.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_gives_a_line_per_lesson(capsys):
    code, out, _ = run_cli(capsys, "lesson", "list", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 10
    assert lines[0] == {
        "id": "em-never-goes-down",
        "title": "EM never goes down",
        "seeds": ["003 §2.9", "000"],
        "steps": 5,
    }


def test_check_names_each_problem_in_a_line_and_exits_2(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        "title = 'x'\n[[steps]]\npanel = 'vi'\nexperiment = 'cavi'\ntext = 't'\n"
        "set = { rho = 2 }\n[[steps]]\npanel = 'vi'\nexperiment = 'cavi'\ntext = 't'\n"
        "[steps.reveal]\nvalue = 'nothing_here'\nexplain = 'e'\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "lesson", "check", str(bad), "mean-field")
    problems = err.splitlines()
    assert code == 2 and len(problems) == 2
    assert problems[0].startswith("lvm-gui: error: bad.toml, step 1 (cavi): rho")
    assert "step 2 (cavi): 'nothing_here': the snapshot has no field" in problems[1]
    assert out == "mean-field: 5 steps run and reveal (en, zh_CN)\n"
    code, _, err = run_cli(capsys, "lesson", "run", "no-such-lesson", "--json")
    assert code == 2 and err.startswith("lvm-gui: error: unknown lesson 'no-such-lesson'")
    code, _, err = run_cli(capsys, "--lesson", "no-such-lesson")
    assert code == 2 and err.count("\n") == 1


class Line:
    """The run's last line, read as a snapshot's fields."""

    def __init__(self, fields):
        self.fields = fields

    def to_dict(self):
        return self.fields


@pytest.mark.parametrize("path", schema.shipped(), ids=lambda p: p.stem)
def test_a_lessons_answers_agree_with_run_of_the_same_config(capsys, path):
    lesson = schema.load(path)
    code, out, _ = run_cli(capsys, "lesson", "run", str(path), "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["step"] for line in lines] == list(range(1, len(lesson.steps) + 1))
    for step, line in zip(lesson.steps, lines, strict=True):
        args = ["run", step.experiment, "--json"]
        if step.preset:
            args += ["--preset", step.preset]
        for name, value in step.sets:
            args += ["--set", f"{name}={value}"]
        if step.steps is not None:
            args += ["--steps", str(step.steps)]
        code, out, _ = run_cli(capsys, *args)
        final = json.loads(out.splitlines()[-1])
        assert code == 0 and line["config"] == final["config"]

        want = answers.answer_of(step, Line(final))
        if want is None:
            assert line["answer"] is None
            continue
        got = line["answer"]
        assert (list(want.value) if isinstance(want.value, tuple) else want.value) == got
        if step.prediction is not None:
            assert line["prediction"]["question"] == step.prediction.question
