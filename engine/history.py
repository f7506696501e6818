"""The one owner of a run's past: every step's numbers, and a bounded number of snapshots.

A long run yields thousands of snapshots, and a snapshot may hold images; keeping them all grew
without bound. A snapshot carries what its own step adds, and `History` keeps, for the whole run,
each step's traced fields (every number and flag, and the small arrays and objects a field marks
`traced`: what the plots of a run draw), and at most `keep` full snapshots, thinned evenly: when
there are more, every other one is dropped and the stride doubles, so the kept steps are 0, s,
2s, ... and the newest. Asking for a step that was dropped gives the nearest kept step before it;
`kept_step` says which, so that the window can say so.

Each kept snapshot keeps the config it was made with, when the caller gives it: a run that is
steered goes on with another config (the VAE panel keeps its history through a steer), and a
step looked back at is drawn with its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import numpy as np

from engine.config import ExperimentConfig
from engine.experiment import Snapshot

DEFAULT_KEEP = 256
SCALARS = (bool, int, float, str, np.generic)


def _traced(field: dataclasses.Field, value: object) -> bool:
    """Marked `traced`, or a number, flag or word (None too, but not for a bulk field)."""
    if field.metadata.get("trace"):
        return True
    if value is None:
        return field.metadata.get("json", True)
    return isinstance(value, SCALARS)


class History:
    def __init__(self, keep: int | None = None) -> None:
        keep = DEFAULT_KEEP if keep is None else keep
        if keep < 2:
            raise ValueError(f"keep = {keep}: at least the first and the newest step")
        self.keep = keep
        self.stride = 1
        self._count = 0
        self._kept: dict[int, Snapshot] = {}
        self._configs: dict[int, ExperimentConfig] = {}
        self._index_by_id: dict[int, int] = {}
        self._traces: dict[str, list] = {}

    @classmethod
    def of(cls, snaps: Iterable[Snapshot], keep: int | None = None) -> History:
        """The history of a whole run (a list of snapshots, or a generator's steps)."""
        history = cls(keep)
        for snap in snaps:
            history.append(snap)
        return history

    def append(self, snap: Snapshot, config: ExperimentConfig | None = None) -> None:
        """Add the newest step, made with `config`."""
        index = self._count
        self._count += 1
        for field in dataclasses.fields(snap):
            value = getattr(snap, field.name)
            if _traced(field, value):
                trace = self._traces.get(field.name)
                if trace is None:  # not setdefault: its default, a list of every step so far,
                    # would be built at every call, a cost quadratic in the run's length
                    trace = self._traces[field.name] = [None] * index
                trace.append(value)
        for trace in self._traces.values():  # a field this snapshot lacks, or left at None
            if len(trace) < self._count:
                trace.append(None)
        newest = index - 1
        if newest in self._kept and newest % self.stride:
            self._drop(newest)  # it was kept only as the newest
        self._kept[index] = snap
        if config is not None:
            self._configs[index] = config
        self._index_by_id[id(snap)] = index
        if len(self._kept) > self.keep:
            self.stride *= 2
            for i in [i for i in self._kept if i % self.stride and i != index]:
                self._drop(i)

    def _drop(self, index: int) -> None:
        snap = self._kept.pop(index)
        self._configs.pop(index, None)
        if self._index_by_id.get(id(snap)) == index:
            del self._index_by_id[id(snap)]

    def __len__(self) -> int:
        """Every step appended, kept or not."""
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def kept_step(self, index: int) -> int:
        """The index of the snapshot shown for step `index`: itself, or the nearest kept one
        before it."""
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(f"step {index} of {self._count}")
        if index in self._kept:
            return index
        return index - index % self.stride

    def __getitem__(self, index: int) -> Snapshot:
        return self._kept[self.kept_step(index)]

    def __iter__(self) -> Iterator[Snapshot]:
        """The kept snapshots, oldest first."""
        return iter(list(self._kept.values()))

    @property
    def kept(self) -> int:
        return len(self._kept)

    def config_of(self, snap: Snapshot) -> ExperimentConfig | None:
        """The config `snap` was made with, when it is kept here and was given one."""
        index = self.index_of(snap)
        return None if index is None else self._configs.get(index)

    def values(self, name: str, upto: int | None = None) -> list:
        """Field `name` of every step (up to and including index `upto`), as it was."""
        values = self._traces.get(name, [None] * self._count)
        return values if upto is None else values[: upto + 1]

    def trace(self, name: str, upto: int | None = None) -> np.ndarray:
        """Field `name` of every step (up to and including index `upto`), stacked as floats:
        (T,) for numbers, (T, *shape) for arrays; a step without a value is NaN."""
        return _stacked(self.values(name, upto))

    def index_of(self, snap: Snapshot) -> int | None:
        """Where `snap` is in this history, if it is kept here."""
        index = self._index_by_id.get(id(snap))
        return index if index is not None and self._kept.get(index) is snap else None

    def values_to(self, snap: Snapshot, name: str) -> list:
        """Field `name` of every step up to `snap`: up to its place when it is kept here
        (looking back), else the steps before its step number and then its own value (the
        generator's result, or a snapshot not yet delivered)."""
        index = self.index_of(snap)
        if index is not None:
            return self.values(name, index)
        steps = self.values("step")
        earlier = [v for v, step in zip(self.values(name), steps, strict=True) if step < snap.step]
        return [*earlier, getattr(snap, name)]

    def traces_to(self, snap: Snapshot, *names: str) -> dict[str, np.ndarray]:
        """The named fields of every step up to `snap` (as `values_to`), stacked (as `trace`)."""
        return {name: _stacked(self.values_to(snap, name)) for name in names}


def _stacked(values: list) -> np.ndarray:
    shape = next((np.shape(v) for v in values if v is not None), ())
    missing = np.full(shape, np.nan)
    rows = [missing if v is None else np.asarray(v, dtype=np.float64) for v in values]
    return np.array(rows, dtype=np.float64).reshape(len(rows), *shape)
