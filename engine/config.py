"""Experiment configs: frozen dataclasses whose fields declare their own range, help and parsing.

Every field is made with `param(...)`; `ExperimentConfig.__post_init__` checks each value against
its declaration and then calls `validate()` for the rules that tie fields together. Every failure
is a `ConfigError` whose message names the parameter, the value and what is allowed.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar


class ConfigError(ValueError):
    """A bad parameter value: the message is one line meant for the user.

    Made by `refusal(template, **fields)`, it keeps the stable form of its message too: the
    template, declared once with `template()`, and the fields it is filled with, which the
    window translates (lvm_gui.i18n.message); str() is the English line the command line prints.
    """

    def __init__(
        self, message: str, template: str | None = None, fields: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.template = template
        self.fields = dict(fields or {})


# The templates declared here, for messages raised in several places. A template written where
# it is raised, `refusal("...", ...)`, is found there: lvm_gui.i18n.collect lists both for the
# window's catalogue, and a test checks that each one is translated.
TEMPLATES: list[str] = []


def template(text: str) -> str:
    """Declare a message's template: fields in braces, filled by `refusal`."""
    if text not in TEMPLATES:
        TEMPLATES.append(text)
    return text


def refusal(text: str, **fields: Any) -> ConfigError:
    """A ConfigError from a template written as a literal (or declared with `template`);
    fields beyond the template's are kept for the window's own rendering (an `allowed`
    rebuilt from `spec` and `kind`, say)."""
    return ConfigError(text.format(**fields), text, fields)


VALUE_REQUIRED = template("{name} = None: a value is required")
NOT_A_LIST = template("{name} = {value}: expected a list of numbers")
NOT_TRUE_OR_FALSE = template("{name} = {value}: expected true or false")
NOT_AN_INTEGER = template("{name} = {value}: expected an integer; allowed: {allowed}")
NOT_A_NUMBER = template("{name} = {value}: expected a number; allowed: {allowed}")
NOT_FINITE = template("{name} = {value}: not a finite number; allowed: {allowed}")
NOT_TEXT = template("{name} = {value}: expected text; allowed: {allowed}")
NOT_ALLOWED = template("{name} = {value}: not allowed; allowed: {allowed}")
TOO_SMALL = template("{name} = {value}: too small; allowed: {allowed}")
TOO_LARGE = template("{name} = {value}: too large; allowed: {allowed}")
EMPTY_ENTRY = template("{name} = {value}: an empty entry; give numbers separated by commas")
NOT_PARSED = {
    bool: template("{name} = {value}: not a bool"),
    int: template("{name} = {value}: not an int"),
    float: template("{name} = {value}: not a float"),
}


SHOWN_CHARACTERS = 60


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short when long (a 5,000-character path
    or a thousand-item list is named, not echoed)."""
    text = repr(value)
    if len(text) <= SHOWN_CHARACTERS:
        return text
    if isinstance(value, tuple | list):
        size = f"{len(value):,} items"
    else:
        size = f"{len(value) if isinstance(value, str) else len(text):,} characters"
    return f"{text[: SHOWN_CHARACTERS - 20]}… ({size})"


def shown_path(path: Any) -> str:
    """A file's path as a message quotes it: its repr, cut short from the front when long, so
    that the file's name stays (`'…/runs/vae.pt' (5,004 characters)`)."""
    text = repr(str(path))
    if len(text) <= SHOWN_CHARACTERS:
        return text
    return f"'…{text[-(SHOWN_CHARACTERS - 21) :]} ({len(str(path)):,} characters)"


def echoed(value: Any) -> str:
    """A value in its text form (as typed: `1, 2, 3`), cut short when long."""
    text = format_value(value)
    if len(text) <= SHOWN_CHARACTERS:
        return text
    count = (
        f"{len(value):,} numbers"
        if isinstance(value, tuple | list)
        else f"{len(text):,} characters"
    )
    return f"{text[: SHOWN_CHARACTERS - 20]}… ({count})"


def existing_file(name: str, value: str) -> None:
    """A ConfigError naming `name` unless `value` is the path of an existing file."""
    try:
        path = Path(value)
        if path.is_file():
            return
        reason = "not a file" if path.exists() else "no such file"
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        reason = os_reason(exc)
    raise refusal("{name} = {value}: {reason}", name=name, value=shown_path(value), reason=reason)


def writable_file(name: str, value: str) -> None:
    """A ConfigError naming `name` unless `value` is a file that can be written: its folder
    exists and it is not a folder (checked before the work whose result it would hold)."""
    target = Path(value)
    try:
        folder, directory = target.parent.resolve().is_dir(), target.is_dir()
    except (OSError, ValueError) as exc:
        raise refusal(
            "{name} = {value}: {reason}", name=name, value=shown_path(value), reason=os_reason(exc)
        ) from None
    if directory or not folder:
        why = "a folder, not a file" if directory else "its folder does not exist"
        raise refusal("{name} = {value}: {why}", name=name, value=shown_path(value), why=why)


def os_reason(exc: BaseException) -> str:
    """What the system said, in a few words ("File name too long"), not its errno line."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


@dataclass(frozen=True)
class Spec:
    """What a parameter means and which values it takes."""

    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None
    # Which `kind`s of an experiment the parameter applies to (None: all); the GUI hides the rest.
    kinds: tuple[str, ...] | None = None
    # For tuples: the symbol that groups entries in the text form ("x,y; x,y").
    group: int | None = None

    def allowed(self, kind: str) -> str:
        if self.choices is not None:
            return "one of " + ", ".join(str(c) for c in self.choices)
        bounds = []
        if self.minimum is not None:
            bounds.append(f">= {format_bound(self.minimum)}")
        if self.maximum is not None:
            bounds.append(f"<= {format_bound(self.maximum)}")
        return f"{kind} " + " and ".join(bounds) if bounds else kind


def format_bound(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10_000:
        digits = str(abs(value))
        if digits.rstrip("0") == "1":
            return f"{'-' if value < 0 else ''}10^{len(digits) - 1}"
        if value == 2**63 - 1:
            return "2^63 - 1"
    return str(value)


def param(
    default: Any,
    help: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    choices: tuple[Any, ...] | None = None,
    kinds: tuple[str, ...] | None = None,
    group: int | None = None,
) -> Any:
    """A config field with its declaration (range, choices, help) attached."""
    spec = Spec(help, minimum, maximum, choices, kinds, group)
    return field(default=default, metadata={"spec": spec})


@dataclass(frozen=True)
class ParamInfo:
    """One parameter as the command line, the GUI and `lvm-gui list` see it."""

    name: str
    type_name: str
    default: Any
    spec: Spec

    @property
    def optional(self) -> bool:
        return self.type_name.endswith("?")

    def describe(self) -> str:
        default = "unset" if self.default is None else format_value(self.default, self.spec)
        where = f"; for kind {', '.join(self.spec.kinds)}" if self.spec.kinds else ""
        return (
            f"{self.name} = {default}  ({self.spec.allowed(self.base)}{where})\n"
            f"    {self.spec.help}"
        )

    @property
    def base(self) -> str:
        return self.type_name.rstrip("?")


def format_value(value: Any, spec: Spec | None = None) -> str:
    """The text form of a value, as `--set name=VALUE` takes it back."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        items = [format_value(v) for v in value]
        if spec is not None and spec.group:
            rows = [items[i : i + spec.group] for i in range(0, len(items), spec.group)]
            return "; ".join(", ".join(row) for row in rows)
        return ", ".join(items)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.12g}"  # 12 digits: exact enough, and readable in a text field
    return str(value)


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _base_type(annotation: Any) -> tuple[Any, bool]:
    """(type without None, whether None is allowed)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], True
    return annotation, False


def _type_name(annotation: Any) -> str:
    base, optional = _base_type(annotation)
    if typing.get_origin(base) is tuple:
        name = f"list of {typing.get_args(base)[0].__name__}"
    else:
        name = base.__name__
    return name + ("?" if optional else "")


@dataclass(frozen=True, kw_only=True)
class ExperimentConfig:
    """Base of every experiment's config: a seed, a torch device, and validation on construction."""

    seed: int = param(
        0,
        "seed of the random number generator; same seed, same output",
        minimum=0,
        maximum=2**63 - 1,
    )
    device: str = param(
        "auto",
        "torch device: auto (CUDA when present, else CPU), cpu or cuda",
        choices=("auto", "cpu", "cuda"),
    )
    # Remarks made while validating (e.g. weights normalised); shown to the user, not compared.
    notes: tuple[str, ...] = field(default=(), init=False, compare=False, repr=False)

    experiment: ClassVar[str] = ""
    # Parameters a running generator takes through send() (a drag, while it goes on) rather
    # than by starting again: see engine.experiment.Run.step.
    steerable: ClassVar[frozenset[str]] = frozenset()
    # Whether a steered run goes on from where it was (training does), so the window keeps its
    # history, or starts again with the new values (the race: from k = 1) and a fresh one.
    steering_continues: ClassVar[bool] = False

    def __post_init__(self) -> None:
        hints = typing.get_type_hints(type(self))
        for f in dataclasses.fields(self):
            spec = f.metadata.get("spec")
            if spec is None:
                continue
            value = getattr(self, f.name)
            checked = _check(f.name, value, hints[f.name], spec)
            if checked is not value:
                object.__setattr__(self, f.name, checked)
        try:
            self.validate()
        except ConfigError:
            raise
        except (OSError, ValueError, ArithmeticError) as exc:  # every failure is one message
            raise refusal(
                "{experiment}: {reason}",
                experiment=self.experiment or type(self).__name__,
                reason=os_reason(exc),
            ) from None

    def validate(self) -> None:
        """Rules that tie several fields together; raise ConfigError."""

    @classmethod
    def adjusted(
        cls, changed: str, values: dict[str, Any], previous: ExperimentConfig
    ) -> dict[str, Any]:
        """The values after a user changed `changed`: the derived values that hang on it are
        cleared (set to None) so that validation derives them anew. Default: none."""
        return values

    def applies(self, name: str) -> bool:
        """Whether parameter `name` affects this config (the GUI hides the others)."""
        spec = next(p.spec for p in self.params() if p.name == name)
        return spec.kinds is None or getattr(self, "kind", None) in spec.kinds

    def _set(self, name: str, value: Any) -> None:
        """Fill in a derived value during validation (the dataclass is frozen)."""
        object.__setattr__(self, name, value)

    def _note(self, text: str) -> None:
        object.__setattr__(self, "notes", (*self.notes, text))

    @classmethod
    def params(cls) -> list[ParamInfo]:
        hints = typing.get_type_hints(cls)
        out = []
        for f in dataclasses.fields(cls):
            spec = f.metadata.get("spec")
            if spec is not None:
                out.append(ParamInfo(f.name, _type_name(hints[f.name]), f.default, spec))
        return out

    @classmethod
    def clamped(cls, name: str, value: float) -> float:
        """`value` moved into parameter `name`'s declared range: what a click or a drag on a
        plot asks for, which may fall outside the range, while a typed value is refused."""
        spec = next(info.spec for info in cls.params() if info.name == name)
        if spec.minimum is not None:
            value = max(value, spec.minimum)
        if spec.maximum is not None:
            value = min(value, spec.maximum)
        return value

    @classmethod
    def param_names(cls) -> list[str]:
        return [p.name for p in cls.params()]

    @classmethod
    def from_strings(cls, values: Mapping[str, str], **typed: Any) -> ExperimentConfig:
        """Build from `name=value` text (the command line, the GUI's fields) plus typed values."""
        hints = typing.get_type_hints(cls)
        known = cls.param_names()
        kwargs: dict[str, Any] = dict(typed)
        for name, text in values.items():
            if name not in known:
                raise refusal(
                    "unknown parameter {given!r} for {experiment}; known: {items}",
                    given=name,
                    experiment=cls.experiment or cls.__name__,
                    items=", ".join(known),
                )
            kwargs[name] = parse_value(name, text, hints[name])
        return cls.create(**kwargs)

    @classmethod
    def create(cls, **kwargs: Any) -> ExperimentConfig:
        """Like the constructor, but an unknown name is a ConfigError rather than a TypeError."""
        known = cls.param_names()
        for name in kwargs:
            if name not in known:
                raise refusal(
                    "unknown parameter {given!r} for {experiment}; known: {items}",
                    given=name,
                    experiment=cls.experiment or cls.__name__,
                    items=", ".join(known),
                )
        return cls(**kwargs)

    def replace(self, **changes: Any) -> ExperimentConfig:
        """A new validated config with some values changed; derived values are derived anew."""
        values = self.explicit()
        values.update(changes)
        return type(self).create(**values)

    def changed_from(self, other: ExperimentConfig) -> set[str]:
        """The parameters whose values differ from `other`'s (a config of the same type)."""
        return {name for name in self.param_names() if getattr(self, name) != getattr(other, name)}

    def can_steer_to(self, other: ExperimentConfig) -> bool:
        """Whether a run of this config can take `other` while it goes on: the same
        experiment, only steerable parameters changed, and at least one."""
        if type(other) is not type(self):
            return False
        changed = other.changed_from(self)
        return bool(changed) and changed <= self.steerable

    def explicit(self) -> dict[str, Any]:
        """The values a user set, i.e. the init fields (derived ones included as they are)."""
        return {p.name: getattr(self, p.name) for p in self.params()}

    def to_dict(self) -> dict[str, Any]:
        return {name: _jsonable(value) for name, value in self.explicit().items()}

    def as_text(self) -> dict[str, str]:
        """Each parameter's text form, as the GUI's fields and `--set` take it."""
        return {p.name: format_value(getattr(self, p.name), p.spec) for p in self.params()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def parse_value(name: str, text: str, annotation: Any) -> Any:
    """Turn the text of `--set name=text` into a value of the field's type."""
    base, optional = _base_type(annotation)
    text = text.strip()
    if optional and text.lower() in {"", "none", "auto", "default"} and base is not str:
        return None
    if optional and text == "" and base is str:
        return None
    if typing.get_origin(base) is tuple:
        item_type = typing.get_args(base)[0]
        parts = [p for p in text.replace(";", ",").split(",")]
        if text and any(not p.strip() for p in parts):
            raise refusal(EMPTY_ENTRY, name=name, value=shown(text))
        return tuple(_parse_scalar(name, p.strip(), item_type) for p in parts if p.strip())
    return _parse_scalar(name, text, base)


def _parse_scalar(name: str, text: str, kind: Any) -> Any:
    try:
        if kind is bool:
            low = text.lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise ValueError
        if kind is int:
            value = float(text)
            if not value.is_integer():
                raise ValueError
            return int(value)
        if kind is float:
            return float(text)
    except (ValueError, OverflowError):
        raise refusal(NOT_PARSED[kind], name=name, value=shown(text)) from None
    return text


def _check(name: str, value: Any, annotation: Any, spec: Spec) -> Any:
    base, optional = _base_type(annotation)
    if value is None:
        if optional:
            return value
        raise refusal(VALUE_REQUIRED, name=name)
    if typing.get_origin(base) is tuple:
        if isinstance(value, str) or not hasattr(value, "__iter__"):
            raise refusal(NOT_A_LIST, name=name, value=shown(value))
        item_type = typing.get_args(base)[0]
        items = tuple(
            _check_scalar(f"{name}[{i}]", v, item_type, spec) for i, v in enumerate(_flatten(value))
        )
        return items
    return _check_scalar(name, value, base, spec)


def _flatten(value: Any) -> list[Any]:
    out: list[Any] = []
    for v in value:
        if hasattr(v, "__iter__") and not isinstance(v, str):
            out.extend(_flatten(v))
        else:
            out.append(v)
    return out


def _check_scalar(name: str, value: Any, kind: Any, spec: Spec) -> Any:
    allowed = spec.allowed(kind.__name__)
    # What the window needs to say `allowed` in its own language (lvm_gui.i18n.message).
    facts = {"name": name, "allowed": allowed, "spec": spec, "kind": kind.__name__}
    if kind is bool:
        if not isinstance(value, bool):
            raise refusal(NOT_TRUE_OR_FALSE, value=shown(value), **facts)
    elif kind is int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not value.is_integer())
        ):
            if hasattr(value, "item"):  # numpy scalars
                return _check_scalar(name, value.item(), kind, spec)
            raise refusal(NOT_AN_INTEGER, value=shown(value), **facts)
        value = int(value)
    elif kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            if hasattr(value, "item"):
                return _check_scalar(name, value.item(), kind, spec)
            raise refusal(NOT_A_NUMBER, value=shown(value), **facts)
        value = float(value)
        if not math.isfinite(value):
            raise refusal(NOT_FINITE, value=shown(value), **facts)
    elif kind is str and not isinstance(value, str):
        raise refusal(NOT_TEXT, value=shown(value), **facts)
    if spec.choices is not None and value not in spec.choices:
        raise refusal(NOT_ALLOWED, value=shown(value), **facts)
    if spec.minimum is not None and value < spec.minimum:
        raise refusal(TOO_SMALL, value=format_bound(value), **facts)
    if spec.maximum is not None and value > spec.maximum:
        raise refusal(TOO_LARGE, value=format_bound(value), **facts)
    return value
