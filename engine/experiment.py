"""The registry of experiments and the snapshot base class.

An experiment is a config type (validated on construction) and a generator function
`generate(config)` that yields immutable snapshots and returns a final one. The window, the command
line and the tests all drive that same generator.
"""

from __future__ import annotations

import dataclasses
import importlib
import math
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine import catalog
from engine.config import ExperimentConfig, refusal


def frozen_array(values: Any, dtype: Any = None) -> np.ndarray:
    """A read-only array; the snapshot that holds it can be shared across threads safely."""
    array = np.asarray(values, dtype=dtype)
    if array.flags.writeable:
        if array.base is not None or not array.flags.owndata:
            array = array.view()
        array.flags.writeable = False
    return array


def bulk(default: Any = None, *, traced: bool = False) -> Any:
    """A snapshot field left out of JSON (raw data: thousands of points, images). A `traced` one
    is small and the window's history keeps it for every step (engine.history)."""
    return field(default=default, metadata={"json": False, "trace": traced})


def traced(default: Any = dataclasses.MISSING) -> Any:
    """A snapshot field (in JSON) of a few numbers that the history keeps for every step, as it
    keeps every number and flag: what its step adds, never a copy of the steps before."""
    return field(default=default, metadata={"trace": True})


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """Base of every snapshot: which step it is; subclasses add numpy arrays and floats."""

    step: int
    final: bool = False

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray) and value.flags.writeable:
                object.__setattr__(self, f.name, frozen_array(value))

    def to_dict(self) -> dict[str, Any]:
        """A flat dict of JSON values: numbers, text, lists of numbers; bulk arrays left out."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.metadata.get("json", True):
                out[f.name] = to_json_value(getattr(self, f.name))
        return out


@dataclass(frozen=True, kw_only=True)
class Progress(Snapshot):
    """Long work under way before the next step (a large surface, say): shown, not a step.

    Generators yield these between chunks of work so a cancel is never far away; `Run` does not
    count them as steps and the command line does not print them.
    """

    fraction: float
    what: str


def to_json_value(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return to_json_value(value.tolist())
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity
    return value


# A generator may take a steered config through send() (Run.step); most ignore what they get.
Generate = Callable[[Any], Generator[Snapshot, Any, Snapshot]]


@dataclass(frozen=True)
class Experiment:
    name: str
    title: str
    config_type: type[ExperimentConfig]
    generate: Generate
    presets: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Modules the generator imports lazily (torch, scipy, scikit-learn: kept out of start-up so
    # that `lvm-gui list` stays fast). `prepare` imports them on the GUI thread before a worker
    # starts: nothing may be imported for the first time inside a worker (lvm_gui.pyside_imports).
    imports: tuple[str, ...] = ()
    # Modules only some configs need (torch's optimisers import torch._dynamo, seconds, on their
    # first use: only a config that trains should pay for it): config -> more modules.
    imports_for: Callable[[ExperimentConfig], tuple[str, ...]] | None = None

    def config(self, preset: str | None = None, **params: Any) -> ExperimentConfig:
        values: dict[str, Any] = {}
        if preset is not None:
            values.update(self.preset(preset))
        values.update(params)
        return self.config_type.create(**values)

    def config_from_text(
        self, preset: str | None, texts: Mapping[str, str], **typed: Any
    ) -> ExperimentConfig:
        """The preset's values, then typed values (None: not given), then `name=value` texts,
        as the command line's --preset, --seed and --set make a config (and a lesson's step)."""
        base = dict(self.preset(preset)) if preset else {}
        base.update({k: v for k, v in typed.items() if v is not None})
        return self.config_type.from_strings(texts, **base)

    def preset(self, name: str) -> Mapping[str, Any]:
        if name not in self.presets:
            known = ", ".join(self.presets) or "none"
            raise refusal(
                "unknown preset {given!r} for {experiment}; known: {known}",
                given=name,
                experiment=self.name,
                known=known,
            )
        return self.presets[name]


_REGISTRY: dict[str, Experiment] = {}


def register(experiment: Experiment) -> Experiment:
    experiment.config_type.experiment = experiment.name
    _REGISTRY[experiment.name] = experiment
    return experiment


_PREPARED: set[str] = set()


def prepare(name: str, config: ExperimentConfig | None = None) -> None:
    """Import what experiment `name` (run with `config`) imports lazily, here, on the calling
    thread.

    The window calls it on the GUI thread before it starts a worker; an experiment that is not
    registered (a test's own generator) has nothing to prepare."""
    _load_all()
    experiment = _REGISTRY.get(name)
    if experiment is None:
        return
    if name not in _PREPARED:
        for module in experiment.imports:
            importlib.import_module(module)
        _PREPARED.add(name)
    if config is not None and experiment.imports_for is not None:
        for module in experiment.imports_for(config):
            importlib.import_module(module)


def experiments() -> dict[str, Experiment]:
    """Every experiment, in the catalog's order (one not in the catalog after those)."""
    _load_all()
    order = {name: i for i, name in enumerate(catalog.experiment_names())}
    return dict(sorted(_REGISTRY.items(), key=lambda item: order.get(item[0], len(order))))


def get(name: str) -> Experiment:
    _load_all()
    if name not in _REGISTRY:
        raise refusal(
            "unknown experiment {given!r}; known: {items}", given=name, items=", ".join(_REGISTRY)
        )
    return _REGISTRY[name]


def _load_all() -> None:
    # Importing the experiment modules registers them (engine.catalog lists them).
    for module in catalog.experiment_modules():
        importlib.import_module(module)


def run(
    name: str, /, *, preset: str | None = None, **params: Any
) -> Generator[Snapshot, None, Any]:
    """The generator of experiment `name` with the given parameters (validated first).

    >>> for snap in run("data", kind="gmm2d", n=500): ...
    """
    experiment = get(name)
    config = experiment.config(preset, **params)
    return experiment.generate(config)


class Run:
    """Steps a generator one snapshot at a time and keeps the final result when it ends.

    Steering: `step(steer=config)` sends a changed config into the running generator, which
    takes it at the `yield` it waits at (`steered = yield snap`) and computes its next snapshot
    with it; only the config's `steerable` parameters may differ. A generator not yet started
    has computed nothing, so it is simply made anew for the steered config.
    """

    def __init__(self, config: ExperimentConfig, generate: Generate) -> None:
        self.config = config
        self._generate = generate
        self._generator = generate(config)
        self._started = False
        self.result: Snapshot | None = None
        self.last: Snapshot | None = None
        self.steps = 0

    @property
    def done(self) -> bool:
        return self.result is not None

    def step(self, steer: ExperimentConfig | None = None) -> Snapshot | None:
        """The next snapshot (a Progress report included), or None once the generator has
        returned its result; with `steer`, computed with that config (ConfigError if it
        changes a parameter that is not steerable)."""
        if self.done:
            return None
        if steer is not None:
            if not self.config.can_steer_to(steer):
                changed = (
                    ", ".join(sorted(steer.changed_from(self.config))) or "nothing"
                    if type(steer) is type(self.config)
                    else "another experiment's config"
                )
                raise refusal(
                    "a running {experiment} cannot take {changed}",
                    experiment=self.config.experiment,
                    changed=changed,
                )
            self.config = steer
            if not self._started:
                self._generator.close()
                self._generator = self._generate(steer)
        try:
            if steer is not None and self._started:
                snap = self._generator.send(steer)
            else:
                snap = next(self._generator)
        except StopIteration as stop:
            self.result = stop.value if stop.value is not None else self.last
            return None
        self._started = True
        if not isinstance(snap, Progress):
            self.steps += 1
            self.last = snap
        return snap

    def until(self, steps: int | None) -> Generator[Snapshot, None, None]:
        """The real steps, up to and including the first whose step index reaches `steps`
        (all of them for None). Indices are the experiment's own: data batches count from 1,
        EM iterations from 0 (the start), so `--steps 9` means nine EM iterations whether or not
        E and M are shown as separate half-steps."""
        while (snap := self.next_step()) is not None:
            yield snap
            if steps is not None and snap.step >= steps:
                return

    def next_step(self) -> Snapshot | None:
        """The next real step, passing over Progress reports."""
        while isinstance(snap := self.step(), Progress):
            pass
        return snap

    def close(self) -> None:
        self._generator.close()
