"""`lvm-gui lesson list|check|run`: the lessons headless, for scripts and for testing them.

`run` drives each step's config with the same generator the window does and prints, a line a
step, what the step asks and the answer the engine computed (engine.lessons.answers).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from engine.lessons import answers, schema


def add_verbs(verbs) -> None:
    lesson = verbs.add_parser("lesson", help="the lessons: list, check, run")
    actions = lesson.add_subparsers(dest="action", required=True, parser_class=type(lesson))
    listing = actions.add_parser("list", help="a line per shipped lesson")
    listing.add_argument("--json", action="store_true", help="JSON Lines")
    check = actions.add_parser(
        "check", help="every step runs and every reveal reads its snapshot (default: all)"
    )
    check.add_argument("lessons", nargs="*", metavar="ID|FILE")
    run = actions.add_parser("run", help="a line per step: its question and the engine's answer")
    run.add_argument("lesson", metavar="ID|FILE")
    run.add_argument("--json", action="store_true", help="JSON Lines")


def load(name: str) -> schema.Lesson:
    """A lesson by id or file, read and checked (a LessonError of one line)."""
    return schema.load(schema.find(name))


def main(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args.json)
    if args.action == "check":
        return _check(args.lessons)
    return _run(args.lesson, args.json)


def _list(as_json: bool) -> int:
    for path in schema.shipped():
        lesson = schema.load(path)
        line = {
            "id": lesson.id,
            "title": lesson.title,
            "seeds": list(lesson.seeds),
            "steps": len(lesson.steps),
        }
        if as_json:
            print(json.dumps(line, ensure_ascii=False), flush=True)
        else:
            print(f"{lesson.id:<26} {len(lesson.steps)} steps  {lesson.title}", flush=True)
    return 0


def _check(names: list[str]) -> int:
    """One line per problem on stderr and exit 2, or one line per lesson that works."""
    paths = [schema.find(name) for name in names] if names else schema.shipped()
    problems = 0
    for path in paths:
        try:
            lesson = schema.load(path)
        except schema.LessonError as exc:
            print(f"lvm-gui: error: {exc}", file=sys.stderr)
            problems += 1
            continue
        found = answers.check(lesson)
        for problem in found:
            print(f"lvm-gui: error: {problem}", file=sys.stderr)
        problems += len(found)
        if not found:
            said = ", ".join(("en", *schema.languages(lesson)))
            print(f"{lesson.id}: {len(lesson.steps)} steps run and reveal ({said})", flush=True)
    return 2 if problems else 0


def _run(name: str, as_json: bool) -> int:
    lesson = schema.load(schema.find(name))
    for number, step in enumerate(lesson.steps, 1):
        config, snapshot = answers.run_step(step)
        answer = answers.answer_of(step, snapshot)
        line = {
            "step": number,
            "panel": step.panel,
            "experiment": step.experiment,
            "config": config.to_dict(),
            "text": step.text,
            "prediction": _prediction(step.prediction),
            "answer": None if answer is None else _plain(answer.value),
            "explain": None if answer is None else answer.explain,
        }
        if as_json:
            print(json.dumps(line, ensure_ascii=False, allow_nan=False), flush=True)
        else:
            question = line["prediction"]["question"] if line["prediction"] else "—"
            print(f"{number}. {step.experiment}: {question} → {line['answer']}", flush=True)
    return 0


def _prediction(prediction: schema.Prediction | None) -> dict[str, Any] | None:
    if prediction is None:
        return None
    out: dict[str, Any] = {"kind": prediction.kind, "question": prediction.question}
    if prediction.kind == "choice":
        out["options"] = list(prediction.options)
    return out


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
