"""The `gmm1d-means` experiment: EM for two means, stepped over the log-likelihood surface."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from engine.config import ExperimentConfig, echoed, param, refusal
from engine.data import files
from engine.data.reference import check_reference, dataset_for, describe_reference
from engine.em.monotone import went_down
from engine.em.two_means import (
    Surrogate,
    log_likelihood,
    responsibilities,
    surface_blocks,
)
from engine.experiment import Experiment, Progress, Snapshot, bulk, register

# A step may lower ℓ by this much (relative) from rounding alone; more is flagged.
MAX_POINTS = 1_000_000
SPANS = ("square", "iterates")


@dataclass(frozen=True, kw_only=True)
class MeansConfig(ExperimentConfig):
    data: str | None = param(
        None,
        "a CSV or NPZ file of 1-D points, or the Data panel's recipe (data:{...}); unset: "
        "seed 003's sample "
        "(n points from π N(−2, 1) + (1 − π) N(2, 1))",
    )
    n: int = param(100, "points drawn when no data file is given", minimum=1, maximum=MAX_POINTS)
    true_means: tuple[float, ...] = param(
        (-2.0, 2.0), "μ1, μ2 that generate the sample", minimum=-1e6, maximum=1e6
    )
    pi: float = param(
        0.5, "π, the known weight of component 1 (σ = 1 for both)", minimum=1e-6, maximum=1 - 1e-6
    )
    start: tuple[float, ...] = param(
        (0.0, 0.5),
        "the starting means μ1, μ2 (click the surface to choose)",
        minimum=-1e6,
        maximum=1e6,
    )
    iterations: int = param(9, "T, the number of EM iterations", minimum=1, maximum=100_000)
    grid: int = param(120, "G: the surface is drawn on a G × G grid", minimum=10, maximum=1000)
    span: str = param(
        "square",
        "the surface's range: 'square' covers both optima (label "
        "switching shows), 'iterates' is seed 003's min − 1 to max + 1 per axis",
        choices=SPANS,
    )
    mu_range: tuple[float, ...] | None = param(
        None, "lo, hi for both axes (overrides span)", minimum=-1e6, maximum=1e6
    )
    surface: bool = param(True, "compute the log-likelihood surface (the command line may skip it)")
    half_steps: bool = param(False, "yield E and M as separate steps (the window does)")

    def validate(self) -> None:
        for name in ("true_means", "start"):
            if len(getattr(self, name)) != 2:
                raise refusal(
                    "{name} = {echoed}: give two numbers, μ1, μ2",
                    name=name,
                    echoed=echoed(getattr(self, name)),
                )
        if self.mu_range is not None and (
            len(self.mu_range) != 2 or self.mu_range[0] >= self.mu_range[1]
        ):
            raise refusal(
                "mu_range = {echoed}: give lo, hi with lo < hi", echoed=echoed(self.mu_range)
            )
        if self.data is not None:
            check_reference("data", self.data)


def load_points(config: MeansConfig) -> np.ndarray:
    if config.data is not None:
        dataset = dataset_for(config.data)
        if dataset.is_coins or dataset.d != 1:
            what = "coin tosses" if dataset.is_coins else f"{dataset.d}-D points"
            raise files.DataError(
                f"{describe_reference(config.data)}: {what}; the two-means model is 1-D"
            )
        return dataset.x[:, 0]
    rng = np.random.default_rng(config.seed)
    first = rng.random(config.n) < config.pi
    means = np.where(first, config.true_means[0], config.true_means[1])
    return means + rng.standard_normal(config.n)


def em_path(x: np.ndarray, pi: float, start: tuple[float, float], iterations: int) -> np.ndarray:
    """The iterates θ_0 … θ_T of EM, shape (T + 1, 2)."""
    path = [tuple(start)]
    for _ in range(iterations):
        gamma = responsibilities(x, path[-1], pi)
        path.append(Surrogate.from_responsibilities(x, gamma, pi).maximiser)
    return np.array(path)


def grid_axes(config: MeansConfig, path: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    finite = path[np.all(np.isfinite(path), axis=1)]
    if config.mu_range is not None:
        lo = np.array([config.mu_range[0]] * 2)
        hi = np.array([config.mu_range[1]] * 2)
    elif config.span == "iterates":  # seed 003: min_t μ_k − 1 ≤ μ_k ≤ max_t μ_k + 1
        lo, hi = finite.min(axis=0) - 1, finite.max(axis=0) + 1
    else:
        lo = np.full(2, finite.min() - 1)
        hi = np.full(2, finite.max() + 1)
    return (np.linspace(lo[0], hi[0], config.grid), np.linspace(lo[1], hi[1], config.grid))


@dataclass(frozen=True, kw_only=True)
class MeansSnapshot(Snapshot):
    """One (half-)step of EM: the iterate, ℓ̄, and the bound of the current q.

    phase: 'start' (θ_0, no q yet), 'E' (q = p(z | x, θ_t): ELBO = ℓ̄, KL = 0), or 'M' (θ_{t+1},
    the maximiser of the surrogate B(·; θ_t); ELBO = B(θ_{t+1}; θ_t), KL = ℓ̄ − ELBO ≥ 0).
    """

    phase: str
    mu1: float
    mu2: float
    log_likelihood: float
    elbo: float | None = None
    kl: float | None = None
    decreased: bool = False
    # The current q's surrogate B(·; θ_t) (None at the start); the history keeps every one.
    surrogate: Surrogate | None = bulk(traced=True)
    points: np.ndarray = bulk()
    pi: float = bulk(0.5)
    mu1_axis: np.ndarray | None = bulk()
    mu2_axis: np.ndarray | None = bulk()
    surface: np.ndarray | None = bulk()


def generate(config: MeansConfig) -> Generator[Snapshot, None, MeansSnapshot]:
    x = load_points(config)
    if len(x) > MAX_POINTS:
        raise files.DataError(f"{len(x)} points; at most {MAX_POINTS} are used")
    pi = config.pi
    mu1_axis = mu2_axis = values = None
    if config.surface:
        path = em_path(x, pi, config.start, config.iterations)
        mu1_axis, mu2_axis = grid_axes(config, path)
        for fraction, block in surface_blocks(x, pi, mu1_axis, mu2_axis, config.device):
            if fraction < 1:
                yield Progress(step=0, fraction=fraction, what="log-likelihood surface")
            else:
                values = block
    shared = dict(points=x, pi=pi, mu1_axis=mu1_axis, mu2_axis=mu2_axis, surface=values)

    mu = (float(config.start[0]), float(config.start[1]))
    ell = log_likelihood(x, mu, pi)
    snap = MeansSnapshot(
        step=0,
        phase="start",
        mu1=mu[0],
        mu2=mu[1],
        log_likelihood=ell,
        **shared,
    )
    yield snap
    for t in range(1, config.iterations + 1):
        gamma = responsibilities(x, mu, pi)
        surrogate = Surrogate.from_responsibilities(x, gamma, pi)
        if config.half_steps:
            yield MeansSnapshot(
                step=t - 1,
                phase="E",
                mu1=mu[0],
                mu2=mu[1],
                log_likelihood=ell,
                elbo=surrogate(*mu),
                kl=ell - surrogate(*mu),
                surrogate=surrogate,
                **shared,
            )
        new_mu = surrogate.maximiser
        if not all(math.isfinite(v) for v in new_mu):
            raise refusal(
                "iteration {t}: a component lost all its weight (no point is closer to "
                "it); choose another start",
                t=t,
            )
        new_ell = log_likelihood(x, new_mu, pi)
        elbo = float(surrogate(*new_mu))
        decreased = bool(went_down(ell, new_ell))
        mu, ell = new_mu, new_ell
        snap = MeansSnapshot(
            step=t,
            phase="M",
            mu1=mu[0],
            mu2=mu[1],
            log_likelihood=ell,
            elbo=elbo,
            kl=ell - elbo,
            decreased=decreased,
            surrogate=surrogate,
            **shared,
        )
        yield snap
    return snap


PRESETS = {
    "seed-003": dict(
        n=100, true_means=(-2.0, 2.0), pi=0.5, start=(0.0, 0.5), iterations=9, grid=120, seed=0
    ),
}

EXPERIMENT = register(
    Experiment(
        "gmm1d-means",
        "Two means of a 1-D mixture (seed 003 §2.9)",
        MeansConfig,
        generate,
        PRESETS,
        imports=("numpy.random", "torch"),
    )
)
