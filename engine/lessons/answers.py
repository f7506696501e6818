"""A lesson step run, and its answer read from what the engine computed.

A reveal's expressions are small arithmetic over the snapshot's fields as `lvm-gui run --json`
writes them (its final line's, or the line of the step the lesson runs to): names, numbers,
+ − × ÷ and powers, comparisons, indexing (`modes[0]`, `runs[2]["log_likelihood"]`) and
abs, min, max, sqrt, log, exp. Nothing else is evaluated: a lesson file runs no code.
"""

from __future__ import annotations

import ast
import dataclasses
import math
import operator
from dataclasses import dataclass
from typing import Any

from engine import experiment as experiments
from engine.config import ConfigError, refusal
from engine.lessons import schema
from engine.lessons.schema import Lesson, LessonError, Prediction, Step

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_COMPARE = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_FUNCTIONS = {
    "abs": abs,
    "min": min,
    "max": max,
    "sqrt": math.sqrt,
    "log": math.log,
    "exp": math.exp,
}
MAX_EXPRESSION = 300  # characters


def config_of(step: Step):
    """The step's config: its preset, then its `set` overrides, as the command line makes it."""
    return experiments.get(step.experiment).config_from_text(step.preset, dict(step.sets))


def run_step(step: Step):
    """Run the step's config to its `steps` (or to the end): (config, the snapshot shown)."""
    config = config_of(step)
    experiment = experiments.get(step.experiment)
    experiments.prepare(step.experiment, config)
    run = experiments.Run(config, experiment.generate)
    try:
        for _ in run.until(step.steps):
            pass
    finally:
        run.close()
    if run.result is None and run.last is None:
        raise refusal("the run gave no snapshot")
    return config, as_read(run.result if run.done else run.last)


def as_read(snapshot):
    """The snapshot a step's answer is read from, as `lvm-gui run --steps N --json` writes its
    last line: marked final, so the final line's fields are there too."""
    return snapshot if snapshot.final else dataclasses.replace(snapshot, final=True)


def evaluate(expression: str, fields: dict[str, Any]) -> Any:
    """The value of a reveal's expression over `fields` (a snapshot's to_dict())."""
    if len(expression) > MAX_EXPRESSION:
        raise LessonError(f"the expression is longer than {MAX_EXPRESSION} characters")
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        raise LessonError(f"{expression!r} is not an expression") from None
    return _value(tree.body, fields, expression)


def _value(node: ast.AST, fields: dict[str, Any], text: str) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float | str):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in fields:
            known = ", ".join(k for k in fields if k != "config")
            raise LessonError(f"{text!r}: the snapshot has no field {node.id!r}; it has {known}")
        return fields[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _number(node.left, fields, text), _number(node.right, fields, text)
        try:  # numbers are floats: 9 ** 9 ** 9 overflows at once rather than computing
            return _BINARY[type(node.op)](left, right)
        except (OverflowError, ZeroDivisionError) as exc:
            raise LessonError(f"{text!r}: {exc}") from None
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_number(node.operand, fields, text))
    if isinstance(node, ast.Compare) and all(type(op) in _COMPARE for op in node.ops):
        left = _number(node.left, fields, text)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _number(right_node, fields, text)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Subscript):
        container = _value(node.value, fields, text)
        key = _value(node.slice, fields, text)
        if isinstance(key, float) and key.is_integer():  # -1 parses as −(1): a float here
            key = int(key)
        try:
            return container[key]
        except (IndexError, KeyError, TypeError):
            raise LessonError(f"{text!r}: no item {key!r} there") from None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _FUNCTIONS
        and not node.keywords
    ):
        args = [_number(arg, fields, text) for arg in node.args]
        try:
            return _FUNCTIONS[node.func.id](*args)
        except (TypeError, ValueError, OverflowError) as exc:
            raise LessonError(f"{text!r}: {node.func.id}: {exc}") from None
    raise LessonError(
        f"{text!r}: only fields, numbers, arithmetic, comparisons, [ ] and "
        f"{', '.join(_FUNCTIONS)} are allowed"
    )


def _number(node: ast.AST, fields: dict[str, Any], text: str) -> float:
    value = _value(node, fields, text)
    if isinstance(value, bool):  # a flag counts as 1 or 0
        return float(value)
    if not isinstance(value, int | float):
        raise LessonError(f"{text!r}: {ast.unparse(node)} is not a number ({value!r})")
    return float(value)


@dataclass(frozen=True)
class Answer:
    """What the engine computed for a step: a number, a choice's label, or a point."""

    kind: str  # "number", "choice", "point" (a click's), or "value" (a reveal alone)
    value: Any  # the number, the label, or (x, y)
    explain: str  # the reveal's sentence, the answer put in


def answer_of(step: Step, snapshot) -> Answer | None:
    reveal = step.reveal
    if reveal is None:
        return None
    fields = snapshot.to_dict()
    kind = step.prediction.kind if step.prediction is not None else None
    if kind == "choice":
        scores = [evaluate(e, fields) for e in reveal.choose]
        labels = step.prediction.options
        if reveal.pick == "true":
            chosen = [label for label, score in zip(labels, scores, strict=True) if score is True]
            if len(chosen) != 1:
                truth = dict(zip(labels, scores, strict=True))
                raise LessonError(f"{len(chosen)} options are true, not one: {truth}")
            value = chosen[0]
        else:
            numbers = [_finite(s, e) for s, e in zip(scores, reveal.choose, strict=True)]
            best = (min if reveal.pick == "smallest" else max)(
                range(len(numbers)), key=numbers.__getitem__
            )
            value = labels[best]
        return Answer("choice", value, _explained(reveal.explain, value))
    if kind == "click":
        point = (
            _finite(evaluate(reveal.x, fields), reveal.x),
            _finite(evaluate(reveal.y, fields), reveal.y),
        )
        return Answer("point", point, _explained(reveal.explain, point))
    if reveal.value is None:
        return Answer("value", None, _explained(reveal.explain, None))
    value = _finite(evaluate(reveal.value, fields), reveal.value)
    return Answer(
        "number" if kind == "number" else "value", value, _explained(reveal.explain, value)
    )


def _finite(value: Any, expression: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise LessonError(f"{expression!r} is {value!r}, not a finite number")
    return float(value)


def _explained(text: str, answer: Any) -> str:
    """The reveal's sentence with {answer} (and a format, {answer:.3f}) put in."""
    try:
        if isinstance(answer, tuple):
            return text.format(answer=answer, x=answer[0], y=answer[1])
        return text.format(answer=answer)
    except (KeyError, IndexError, ValueError, TypeError) as exc:
        raise LessonError(f"explain: cannot put the answer in ({exc})") from None


def judged(prediction: Prediction, answer: Answer, given: Any) -> bool:
    """Whether the student's answer `given` (a label, a number, or a point) is right."""
    if prediction.kind == "choice":
        return given == answer.value
    if prediction.kind == "number":
        return abs(float(given) - answer.value) <= prediction.tolerance
    x, y = given
    return math.hypot(x - answer.value[0], y - answer.value[1]) <= prediction.radius


def check(lesson: Lesson) -> list[str]:
    """Every step's config is valid and runs, and its reveal reads what the snapshot has, in
    English and in every language the lesson has: one line per problem (none: it works)."""
    problems = []
    said = [schema.in_language(lesson, language) for language in schema.languages(lesson)]
    for number, step in enumerate(lesson.steps, 1):
        where = f"{lesson.name}, step {number} ({step.experiment})"
        try:
            _, snapshot = run_step(step)
            answer_of(step, snapshot)
        except (ConfigError, LessonError) as exc:
            problems.append(f"{where}: {exc}")
            continue
        for language, translated in zip(schema.languages(lesson), said, strict=True):
            try:
                answer_of(translated.steps[number - 1], snapshot)
            except LessonError as exc:
                problems.append(f"{where}, {language}: {exc}")
    return problems
