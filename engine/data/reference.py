"""A data set named by how to make it again, as the models' `data` parameter: a file's path, or a
recipe, "data:" and the Data panel's parameters as JSON. The models read their data through
these; a recipe's data set is made once and kept in the workspace."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from engine.config import ConfigError, existing_file, refusal, shown
from engine.data import files
from engine.data.dataset import Dataset
from engine.data.making import DataConfig, make_dataset
from engine.workspace import WORKSPACE

# A data set named by how to make it again: "data:" and the Data panel's parameters as JSON.
RECIPE = "data:"
NOT_THE_DATA = frozenset({"device", "batches", "out"})  # how it is shown or saved, not made
MAX_RECIPE = 100_000  # characters: ten 2-D components take about 400


def recipe(config: DataConfig) -> str:
    """How to make `config`'s data set again, as a model's `data` parameter: the file's path
    for a file, else RECIPE and the parameters that make the data (derived ones included, so
    that a later change of a default does not change the data)."""
    if config.kind == "file":
        return config.path
    values = {
        name: value
        for name, value in config.to_dict().items()
        if name not in NOT_THE_DATA and value is not None and config.applies(name)
    }
    return RECIPE + json.dumps(values, separators=(",", ":"))


def is_recipe(reference: str) -> bool:
    return reference.startswith(RECIPE)


def recipe_config(name: str, reference: str) -> DataConfig:
    """The Data panel's config in recipe `reference`, given as parameter `name` (a ConfigError
    that names it when the recipe is not one)."""
    if len(reference) > MAX_RECIPE:
        size = f"{len(reference):,} characters"
        raise refusal(
            "{name}: a data recipe of {size}; at most {MAX_RECIPE:,}",
            name=name,
            size=size,
            MAX_RECIPE=MAX_RECIPE,
        )
    try:
        values = json.loads(reference[len(RECIPE) :])
    except ValueError:
        values = None
    if not isinstance(values, dict):
        raise refusal(
            "{name} = {reference}: not a data recipe ('data:' and the Data panel's "
            "parameters as a JSON object)",
            name=name,
            reference=shown(reference),
        )
    if values.get("kind") == "file":
        raise refusal("{name}: a recipe does not name a file; give the file's path", name=name)
    try:
        return DataConfig.create(**values)
    except ConfigError as exc:
        raise refusal("{name}: {exc}", name=name, exc=exc) from None


def check_reference(name: str, reference: str) -> None:
    """A ConfigError naming `name` unless `reference` is a good recipe or an existing file."""
    if is_recipe(reference):
        recipe_config(name, reference)
    else:
        existing_file(name, reference)


def dataset_for(reference: str, **load) -> Dataset:
    """The data set `reference` names: a recipe's from the workspace (made, and kept there,
    when it is not), or the file read now (with files.load's options)."""
    if not is_recipe(reference):
        return files.load(reference, **load)
    return WORKSPACE.get_or_make(reference, lambda: made(recipe_config("data", reference)))


def describe_reference(reference: str) -> str:
    """A short name for messages: the file's name, or which data the recipe makes."""
    if not is_recipe(reference):
        return Path(reference).name
    config = recipe_config("data", reference)
    return f"the Data panel's {config.kind} data (seed {config.seed})"


def made(config: DataConfig) -> Dataset:
    return dataclasses.replace(make_dataset(config), reference=recipe(config))
