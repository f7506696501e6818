"""The `data` experiment: make a data set, then reveal it in batches so its statistics settle.

The whole sample is drawn first from the seed, so the data are the same whatever the number of
batches; each step shows the next batch and the sample statistics of everything shown so far next
to the true parameters (the law of large numbers at work).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from engine.data import files
from engine.data.dataset import Dataset, GaussianMixture, ThreeCoins
from engine.data.making import LI_HANG_TOSSES, DataConfig
from engine.data.reference import is_recipe, made
from engine.data.summary import RunningMoments
from engine.experiment import Experiment, Snapshot, bulk, register
from engine.workspace import WORKSPACE


@dataclass(frozen=True, kw_only=True)
class DataSnapshot(Snapshot):
    """The first `shown` points of the data set with their statistics and the true parameters."""

    steps: int
    shown: int
    n: int
    name: str
    d: int
    is_coins: bool
    mean: np.ndarray
    covariance: np.ndarray
    empirical_weights: np.ndarray | None = None
    empirical_means: np.ndarray | None = None
    empirical_covariances: np.ndarray | None = None
    true_weights: np.ndarray | None = None
    true_means: np.ndarray | None = None
    true_covariances: np.ndarray | None = None
    heads_fraction: float | None = None
    true_heads_probability: float | None = None
    saved_to: str | None = None
    dataset: Dataset = bulk()

    @property
    def x(self) -> np.ndarray:
        return self.dataset.x[: self.shown]

    @property
    def z(self) -> np.ndarray | None:
        return None if self.dataset.z is None else self.dataset.z[: self.shown]


class _Summary:
    """The statistics of the points revealed so far, kept up to date batch by batch."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        dataset.extent  # noqa: B018 - computed here, on the worker, for the views
        self.shown = 0
        self.overall = RunningMoments(1, dataset.d)
        truth = dataset.truth
        self.by_component = (
            RunningMoments(truth.k, dataset.d) if isinstance(truth, GaussianMixture) else None
        )

    def reveal(self, shown: int) -> None:
        x = self.dataset.x[self.shown : shown]
        self.overall.add(x)
        if self.by_component is not None:
            self.by_component.add(x, self.dataset.z[self.shown : shown])
        self.shown = shown


def snapshot_of(summary: _Summary, step: int, steps: int, **extra) -> DataSnapshot:
    dataset, shown = summary.dataset, summary.shown
    mean, covariance = summary.overall.means[0], summary.overall.covariances[0]
    fields: dict = {}
    truth = dataset.truth
    if summary.by_component is not None:
        moments = summary.by_component
        fields.update(
            empirical_weights=moments.counts / max(shown, 1),
            empirical_means=moments.means,
            empirical_covariances=moments.covariances,
            true_weights=truth.weights,
            true_means=truth.means,
            true_covariances=truth.covariances,
        )
    if dataset.is_coins:
        fields["heads_fraction"] = float(mean[0])
        if isinstance(truth, ThreeCoins):
            fields["true_heads_probability"] = truth.p_heads
    return DataSnapshot(
        step=step,
        steps=steps,
        shown=shown,
        n=len(dataset),
        name=dataset.name,
        d=dataset.d,
        is_coins=dataset.is_coins,
        mean=mean,
        covariance=covariance,
        dataset=dataset,
        **fields,
        **extra,
    )


def generate(config: DataConfig) -> Generator[DataSnapshot, None, DataSnapshot]:
    dataset = made(config)
    if is_recipe(dataset.reference):  # shared with the models that ask for it (a file: read)
        WORKSPACE.put(dataset.reference, dataset)
    n = len(dataset)
    steps = min(config.batches, n)
    edges = np.linspace(0, n, steps + 1).round().astype(int)
    summary = _Summary(dataset)
    for step, revealed in enumerate(edges[1:], start=1):
        summary.reveal(int(revealed))
        yield snapshot_of(summary, step, steps)
    saved = None
    if config.out is not None:
        saved = str(files.save_npz(dataset, config.out))
    summary.reveal(n)
    return snapshot_of(summary, steps, steps, final=True, saved_to=saved)


PRESETS = {
    "seed-003": dict(
        kind="gmm1d", n=100, weights=(0.5, 0.5), means=(-2.0, 2.0), stds=(1.0, 1.0), seed=0
    ),
    "gmm2d": dict(kind="gmm2d", k=3, n=500, seed=0),
    "li-hang": dict(kind="coins", observations=LI_HANG_TOSSES, batches=10),
    "seed-003-coins": dict(kind="coins", p_a=0.1, p_b=0.9, p_c=0.3, n=1000, seed=0),
    "faithful": dict(kind="faithful"),
}

EXPERIMENT = register(
    Experiment(
        "data",
        "Data sets: Gaussian mixtures, three coins, Old Faithful",
        DataConfig,
        generate,
        PRESETS,
        # CSV files are read as utf-8-sig (a spreadsheet's byte-order mark).
        imports=("numpy.random", "encodings.utf_8_sig"),
    )
)
