"""A lesson file (TOML, one lesson a file): its title, the seed sections it follows and its
steps, read and checked here before anything runs.

    id = "em-never-goes-down"            # optional: the file's name without .toml
    title = "EM never goes down"
    seeds = ["003 §2.9", "000"]

    [[steps]]
    panel = "em"                          # a panel of engine.catalog
    experiment = "gmm1d-means"            # one of that panel's experiments
    preset = "seed-003"                   # optional
    set = { iterations = 3 }              # optional: --set-style overrides
    steps = 1                             # optional: run to this step (default: to the end)
    text = "Markdown, formulas in Unicode."

    [steps.prediction]                    # optional; needs a reveal
    kind = "number"                       # "choice", "number" or "click"
    question = "Where does μ₁ land after one step?"
    tolerance = 0.2                       # number: how near counts as right
    plot = "surface"                      # number (a line at it) or click: the plot it lives on
    axis = "x"                            # number: the plot's axis the value is on
    options = ["…", "…"]                  # choice: the options' labels
    radius = 0.3                          # click: how near counts as right, in the plot's units

    [steps.reveal]
    value = "mu1"                         # number: an expression of the snapshot's fields
    choose = ["naive_rel_std", "…"]       # choice: one expression an option
    pick = "smallest"                     # choice: "smallest", "largest" or "true"
    x = "mu1"                             # click: the point's coordinates
    y = "mu2"
    explain = "A sentence; {answer:.3f} is the computed answer."

The answer is never written in the file: it is computed from the snapshot of the step's run
(engine.lessons.answers). An error is a LessonError of one line naming the file and the step.

A lesson may hold its texts in other languages too: a table named after the language, beside
the English, holds the same text fields translated (the window shows the lesson in its own
language, `in_language`; the English is used where a translation is missing):

    [zh_CN]
    title = "EM 从不下降"

    [steps.zh_CN]                         # after a step's fields
    text = "..."

    [steps.prediction.zh_CN]
    question = "..."
    options = ["…", "…"]                  # as many as the English

    [steps.reveal.zh_CN]
    explain = "...{answer:.3f}..."        # the same fields put in as the English
"""

from __future__ import annotations

import dataclasses
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import catalog

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
KINDS = ("choice", "number", "click")
PICKS = ("smallest", "largest", "true")
MAX_FILE_BYTES = 1 << 20  # a lesson is a few kilobytes: a larger file is not one
MAX_STEPS = 50

# The languages a lesson's texts may be translated into (the window's, but English).
LANGUAGES = ("zh_CN",)
_LESSON_KEYS = {"id", "title", "seeds", "steps", *LANGUAGES}
_STEP_KEYS = {
    "panel", "experiment", "preset", "set", "steps", "text", "prediction", "reveal", *LANGUAGES
}  # fmt: skip
_PREDICTION_KEYS = {
    "kind", "question", "tolerance", "plot", "axis", "options", "radius", *LANGUAGES
}  # fmt: skip
_REVEAL_KEYS = {"value", "choose", "pick", "x", "y", "explain", *LANGUAGES}
# The fields each table may translate.
_TRANSLATED = {
    "lesson": ("title",),
    "step": ("text",),
    "prediction": ("question", "options"),
    "reveal": ("explain",),
}


class LessonError(ValueError):
    """A lesson that cannot be used: one line naming the file, the step and what is wrong."""


@dataclass(frozen=True)
class Prediction:
    kind: str
    question: str
    tolerance: float | None = None
    plot: str | None = None
    axis: str | None = None
    options: tuple[str, ...] = ()
    radius: float | None = None
    # Its text fields in other languages: {language: {field: text}}.
    translations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Reveal:
    explain: str
    value: str | None = None
    choose: tuple[str, ...] = ()
    pick: str | None = None
    x: str | None = None
    y: str | None = None
    # Its text fields in other languages: {language: {field: text}}.
    translations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Step:
    panel: str
    experiment: str
    text: str
    preset: str | None = None
    sets: tuple[tuple[str, str], ...] = ()  # (name, value as --set text)
    steps: int | None = None
    prediction: Prediction | None = None
    reveal: Reveal | None = None
    # Its text fields in other languages: {language: {field: text}}.
    translations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    seeds: tuple[str, ...]
    steps: tuple[Step, ...]
    path: Path | None = None
    # Its text fields in other languages: {language: {field: text}}.
    translations: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """How messages name it: its file, or its id."""
        return self.path.name if self.path is not None else self.id


def in_language(lesson: Lesson, language: str) -> Lesson:
    """`lesson` with its texts in `language` where it has them (English: as it is)."""
    if language == "en":
        return lesson

    def said(part):
        texts = part.translations.get(language, {})
        return dataclasses.replace(part, **texts) if texts else part

    steps = tuple(
        dataclasses.replace(
            said(step),
            prediction=said(step.prediction) if step.prediction is not None else None,
            reveal=said(step.reveal) if step.reveal is not None else None,
        )
        for step in lesson.steps
    )
    return dataclasses.replace(said(lesson), steps=steps)


def languages(lesson: Lesson) -> tuple[str, ...]:
    """The languages `lesson` is translated into (wholly: `parse` refuses a partial one)."""
    return tuple(lesson.translations)


def shipped() -> list[Path]:
    """The lessons that ship, in the seeds' order (their files are numbered)."""
    return sorted(LESSONS.glob("*.toml"))


def shipped_ids() -> dict[str, Path]:
    return {load(path).id: path for path in shipped()}


def find(name: str) -> Path:
    """A lesson by id (a shipped one) or by file path."""
    path = Path(name)
    if path.suffix == ".toml" or path.exists():
        return path
    ids = shipped_ids()
    if name not in ids:
        raise LessonError(f"unknown lesson {name!r}; shipped: {', '.join(ids)}")
    return ids[name]


def load(path: str | Path) -> Lesson:
    """Read and check a lesson file (its configs are checked by engine.lessons.answers)."""
    path = Path(path)
    where = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LessonError(f"{where}: {path.stat().st_size:,} bytes is no lesson file")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except LessonError:
        raise
    except tomllib.TOMLDecodeError as exc:
        raise LessonError(f"{where}: not TOML: {exc}") from None
    except UnicodeDecodeError:
        raise LessonError(f"{where}: not text (UTF-8)") from None
    except OSError as exc:
        raise LessonError(f"{where}: cannot read ({exc.strerror or exc})") from None
    return parse(data, where, path)


def parse(data: dict[str, Any], where: str, path: Path | None = None) -> Lesson:
    _known(data, _LESSON_KEYS, where)
    title = _text(data, "title", where)
    seeds = data.get("seeds", [])
    if not isinstance(seeds, list) or not all(isinstance(s, str) for s in seeds):
        raise LessonError(f"{where}: seeds must be a list of strings")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise LessonError(f"{where}: no steps ([[steps]] tables)")
    if len(raw_steps) > MAX_STEPS:
        raise LessonError(f"{where}: {len(raw_steps)} steps; at most {MAX_STEPS}")
    default_id = (
        path.stem.split("-", 1)[-1] if path is not None and path.stem[:2].isdigit() else None
    )
    lesson_id = data.get("id", default_id or (path.stem if path is not None else None))
    if not isinstance(lesson_id, str) or not lesson_id:
        raise LessonError(f"{where}: no id")
    steps = tuple(_step(raw, f"{where}, step {i}") for i, raw in enumerate(raw_steps, 1))
    lesson = Lesson(
        lesson_id, title, tuple(seeds), steps, path, _translations(data, "lesson", where)
    )
    _complete(lesson, where)
    return lesson


def _step(raw: Any, where: str) -> Step:
    if not isinstance(raw, dict):
        raise LessonError(f"{where}: a step is a table")
    _known(raw, _STEP_KEYS, where)
    panel = _text(raw, "panel", where)
    names = [entry.name for entry in catalog.PANELS]
    if panel not in names:
        raise LessonError(f"{where}: unknown panel {panel!r}; known: {', '.join(names)}")
    experiment = _text(raw, "experiment", where)
    experiments = catalog.panel(panel).experiments
    if experiment not in experiments:
        raise LessonError(
            f"{where}: the {panel} panel has no experiment {experiment!r}; "
            f"it has {', '.join(experiments)}"
        )
    preset = raw.get("preset")
    if preset is not None and not isinstance(preset, str):
        raise LessonError(f"{where}: preset must be a string")
    sets = raw.get("set", {})
    if not isinstance(sets, dict):
        raise LessonError(f"{where}: set must be a table of name = value")
    steps = raw.get("steps")
    if steps is not None and (isinstance(steps, bool) or not isinstance(steps, int) or steps < 0):
        raise LessonError(f"{where}: steps must be a whole number >= 0")
    prediction = _prediction(raw["prediction"], where) if "prediction" in raw else None
    reveal = _reveal(raw["reveal"], where) if "reveal" in raw else None
    if prediction is not None:
        if reveal is None:
            raise LessonError(f"{where}: a prediction without a reveal")
        _matches(prediction, reveal, where)
    return Step(
        panel=panel,
        experiment=experiment,
        text=_text(raw, "text", where),
        preset=preset,
        sets=tuple((str(k), _as_set_text(v, f"{where}, set.{k}")) for k, v in sets.items()),
        steps=steps,
        prediction=prediction,
        reveal=reveal,
        translations=_translations(raw, "step", where),
    )


def _prediction(raw: Any, where: str) -> Prediction:
    where = f"{where}, prediction"
    if not isinstance(raw, dict):
        raise LessonError(f"{where}: a table")
    _known(raw, _PREDICTION_KEYS, where)
    kind = _text(raw, "kind", where)
    if kind not in KINDS:
        raise LessonError(f"{where}: kind {kind!r}; one of {', '.join(KINDS)}")
    options = raw.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) and o for o in options):
        raise LessonError(f"{where}: options must be a list of labels")
    for name in ("tolerance", "radius"):
        value = raw.get(name)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or not value > 0
        ):
            raise LessonError(f"{where}: {name} must be a number > 0")
    axis = raw.get("axis")
    if axis is not None and axis not in ("x", "y"):
        raise LessonError(f'{where}: axis must be "x" or "y"')
    prediction = Prediction(
        kind=kind,
        question=_text(raw, "question", where),
        tolerance=raw.get("tolerance"),
        plot=raw.get("plot"),
        axis=axis,
        options=tuple(options),
        radius=raw.get("radius"),
        translations=_translations(raw, "prediction", where),
    )
    needs = {
        "choice": ("options",),
        "number": ("tolerance",),
        "click": ("plot", "radius"),
    }[kind]
    for name in needs:
        if not getattr(prediction, name):
            raise LessonError(f"{where}: a {kind} prediction needs {name}")
    if kind == "choice" and len(prediction.options) < 2:
        raise LessonError(f"{where}: a choice needs at least two options")
    if kind == "number" and (prediction.plot is None) != (prediction.axis is None):
        raise LessonError(f"{where}: a number's plot and axis go together")
    return prediction


def _reveal(raw: Any, where: str) -> Reveal:
    where = f"{where}, reveal"
    if not isinstance(raw, dict):
        raise LessonError(f"{where}: a table")
    _known(raw, _REVEAL_KEYS, where)
    choose = raw.get("choose", [])
    if not isinstance(choose, list) or not all(isinstance(c, str) and c for c in choose):
        raise LessonError(f"{where}: choose must be a list of expressions")
    pick = raw.get("pick")
    if pick is not None and pick not in PICKS:
        raise LessonError(f"{where}: pick {pick!r}; one of {', '.join(PICKS)}")
    for name in ("value", "x", "y"):
        if name in raw and not (isinstance(raw[name], str) and raw[name]):
            raise LessonError(f"{where}: {name} must be an expression (text)")
    return Reveal(
        explain=_text(raw, "explain", where),
        value=raw.get("value"),
        choose=tuple(choose),
        pick=pick,
        x=raw.get("x"),
        y=raw.get("y"),
        translations=_translations(raw, "reveal", where),
    )


def _matches(prediction: Prediction, reveal: Reveal, where: str) -> None:
    """The reveal answers the prediction's kind."""
    if prediction.kind == "choice":
        if len(reveal.choose) != len(prediction.options) or reveal.pick is None:
            raise LessonError(
                f"{where}, reveal: a choice of {len(prediction.options)} options needs choose "
                f"(one expression an option) and pick"
            )
    elif prediction.kind == "number" and reveal.value is None:
        raise LessonError(f"{where}, reveal: a number prediction needs value")
    elif prediction.kind == "click" and (reveal.x is None or reveal.y is None):
        raise LessonError(f"{where}, reveal: a click prediction needs x and y")


def _translations(raw: dict, part: str, where: str) -> dict[str, dict[str, Any]]:
    """The table's text fields in each language it has, checked against the English: the
    same fields, as many options, the same {fields} put into an explanation."""
    found = {}
    for language in LANGUAGES:
        if language not in raw:
            continue
        here = f"{where}, {language}"
        table = raw[language]
        if not isinstance(table, dict):
            raise LessonError(f"{here}: a table of translated texts")
        _known(table, set(_TRANSLATED[part]), here)
        texts: dict[str, Any] = {}
        for name in _TRANSLATED[part]:
            if name not in table:
                if name == "options" and not raw.get("options"):
                    continue
                raise LessonError(f"{here}: {name} is missing")
            if name == "options":
                options = table["options"]
                if not isinstance(options, list) or not all(
                    isinstance(o, str) and o.strip() for o in options
                ):
                    raise LessonError(f"{here}: options must be a list of labels")
                if len(options) != len(raw.get("options", [])) or len(set(options)) != len(options):
                    raise LessonError(f"{here}: as many distinct options as the English")
                texts["options"] = tuple(o.strip() for o in options)
            else:
                texts[name] = _text(table, name, here)
                if _fields(texts[name]) != _fields(_text(raw, name, where)):
                    raise LessonError(
                        f"{here}: {name} puts in {sorted(_fields(texts[name]))}, the English "
                        f"{sorted(_fields(_text(raw, name, where)))}"
                    )
        found[language] = texts
    return found


def _fields(text: str) -> set[str]:
    """The {fields} a text puts in ({answer:.3f}: answer); none for a text that formats badly."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return set()


def _complete(lesson: Lesson, where: str) -> None:
    """A language a lesson has is there for every text of it, not for some."""
    for language in lesson.translations:
        parts = [("the title", lesson)]
        for number, step in enumerate(lesson.steps, 1):
            parts.append((f"step {number}", step))
            parts += [(f"step {number}, prediction", step.prediction)] if step.prediction else []
            parts += [(f"step {number}, reveal", step.reveal)] if step.reveal else []
        for name, part in parts:
            if language not in part.translations:
                raise LessonError(f"{where}: {name} has no {language} text, unlike the title")
    for number, step in enumerate(lesson.steps, 1):
        for part in (step, step.prediction, step.reveal):
            extra = set(getattr(part, "translations", {})) - set(lesson.translations)
            if extra:
                raise LessonError(
                    f"{where}, step {number}: {sorted(extra)[0]} texts, but no title in it"
                )


def _known(raw: dict, keys: set[str], where: str) -> None:
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise LessonError(
            f"{where}: unknown field {unknown[0]!r}; known: {', '.join(sorted(keys))}"
        )


def _text(raw: dict, name: str, where: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        raise LessonError(f"{where}: {name} is missing or empty")
    return value.strip()


def _as_set_text(value: Any, where: str) -> str:
    """A `set` value as --set would give it: numbers and words as written, lists by commas."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, list) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in value
    ):
        return ",".join(str(v) for v in value)
    raise LessonError(f"{where}: a number, a word, true/false or a list of numbers")
