"""The engine's words in the window's language: each experiment's title, its presets, its
parameters (name, description, choices, the values allowed) and its refusals.

The engine is English and knows nothing of Qt; its texts are translated here by stable keys:
a parameter's description by "experiment.parameter", a choice by its parameter's name, a
refusal by its template (engine.config.refusal). lvm_gui.i18n.collect lists every
one of them for the catalogue, and a test checks that none is missing or unfinished.
"""

from __future__ import annotations

from typing import Any

from engine.config import ConfigError, ParamInfo, Spec, format_bound
from lvm_gui.i18n import language, translate


def title(name: str, english: str) -> str:
    """Experiment `name`'s title (`english`, its title in the engine)."""
    return translate("Experiment", english, name)


def preset(name: str) -> str:
    return translate("Preset", name)


def parameter(name: str) -> str:
    """A parameter's label (in English its name, as `--set name=VALUE` takes it)."""
    return translate("Parameter", name)


def description(experiment: str, info: ParamInfo) -> str:
    return translate("Parameter help", info.spec.help, f"{experiment}.{info.name}")


def choice(name: str, value: Any) -> str:
    """One of parameter `name`'s choices, as the form lists it."""
    return translate("Choice", str(value), name)


def kind(name: str) -> str:
    """A type's name: int, float, list of float..."""
    return translate("Type", name)


def allowed(spec: Spec, kind_name: str, name: str) -> str:
    """The values a parameter takes (in English as Spec.allowed says it)."""
    if spec.choices is not None:
        listed = ", ".join(choice(name, value) for value in spec.choices)
        return translate("Form", "one of {choices}").format(choices=listed)
    bounds = []
    if spec.minimum is not None:
        bounds.append(translate("Form", ">= {bound}").format(bound=format_bound(spec.minimum)))
    if spec.maximum is not None:
        bounds.append(translate("Form", "<= {bound}").format(bound=format_bound(spec.maximum)))
    if len(bounds) == 2:
        bounds = [translate("Form", "{low} and {high}").format(low=bounds[0], high=bounds[1])]
    return " ".join([kind(kind_name), *bounds])


def message(exc: ConfigError) -> str:
    """A refusal in the window's language: its template translated and filled, the parameter
    (field `name`) said by its label and a refusal inside it (a field that is one) said the
    same way; a message without a template as the engine gave it."""
    if exc.template is None or language() == "en":
        return str(exc)
    fields = {
        key: message(value) if isinstance(value, ConfigError) else value
        for key, value in exc.fields.items()
    }
    name = str(fields.get("name", ""))
    base, bracket, rest = name.partition("[")  # "x[2]", an entry of a list
    if name:
        fields["name"] = parameter(base) + bracket + rest
    if "spec" in fields:
        fields["allowed"] = allowed(fields["spec"], fields["kind"], base)
    return translate("Message", exc.template).format(**fields)
