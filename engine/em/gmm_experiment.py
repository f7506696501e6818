"""The `gmm` experiment: EM for a K-component Gaussian mixture, one snapshot per iteration."""

from __future__ import annotations

import json
import time
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.assets import OLD_FAITHFUL_CSV
from engine.config import ExperimentConfig, existing_file, param, refusal, shown_path
from engine.data import files
from engine.data.reference import (
    check_reference,
    dataset_for,
    describe_reference,
)
from engine.em.mixture import COVARIANCE_TYPES, MixtureEM, MixtureParameters, check_parameters
from engine.em.monotone import went_down
from engine.experiment import Experiment, Progress, Snapshot, bulk, register

INITS = ("kmeans", "k-means++", "random", "points")
MAX_DIMENSIONS = 64
MAX_COMPONENTS = 100
DISPLAY_ROWS = 20_000  # responsibilities kept for drawing, from the first rows
MAX_START_BYTES = 16 << 20


@dataclass(frozen=True, kw_only=True)
class GMMConfig(ExperimentConfig):
    data: str | None = param(
        None,
        "a CSV, NPY or NPZ file of points (up to 64-D), or the Data panel's recipe "
        "(data:{...}); unset: Old Faithful's 272 eruptions",
    )
    standardize: bool = param(
        False,
        "rescale each column to mean 0 and variance 1 first (as "
        "Bishop's figure 9.8 does with Old Faithful)",
    )
    components: int = param(
        2, "K, the number of Gaussian components", minimum=1, maximum=MAX_COMPONENTS
    )
    covariance: str = param(
        "full",
        "full, diag (axis-aligned), spherical (σ²I) or tied (one full covariance shared by all)",
        choices=COVARIANCE_TYPES,
    )
    init: str = param(
        "kmeans",
        "the start: k-means labels, k-means++ centres, random "
        "responsibilities, or given points (start_means; clicks in the window)",
        choices=INITS,
    )
    start_means: tuple[float, ...] | None = param(
        None,
        "init = points: the K starting means, 'x, y; x, y'; weights start equal and "
        "covariances as circles of the data's variance (Bishop's figure 9.8)",
        minimum=-1e12,
        maximum=1e12,
    )
    start: str | None = param(
        None,
        "a JSON file with weights, means, covariances shaped as scikit-learn's (overrides init)",
    )
    iterations: int = param(
        100, "the most EM iterations (scikit-learn's max_iter)", minimum=0, maximum=100_000
    )
    tol: float = param(
        1e-3,
        "stop at the first θ_t whose ℓ̄ is within tol of the previous iterate's, and report "
        "that θ_t with its ℓ̄ (iterations = t; scikit-learn, by the same test, returns the θ "
        "of one more M step, n_iter_ = t + 1); 0: run all iterations",
        minimum=0.0,
        maximum=1e6,
    )
    reg_covar: float = param(
        1e-6,
        "added to every covariance's diagonal, so that none collapses",
        minimum=0.0,
        maximum=1e6,
    )
    n_init: int = param(
        1, "restarts from different seeds; the best final ℓ̄ is shown", minimum=1, maximum=100
    )

    def validate(self) -> None:
        if self.data is not None:
            check_reference("data", self.data)
        if self.start is not None:
            existing_file("start", self.start)
        if self.init == "points" and self.start is None and self.start_means is None:
            raise refusal(
                "init = points needs start_means (click the scatter, or give 'x, y; x, y')"
            )


def load_points(config: GMMConfig) -> np.ndarray:
    dataset = dataset_for(config.data or str(OLD_FAITHFUL_CSV), max_columns=MAX_DIMENSIONS)
    if dataset.is_coins:
        raise files.DataError(f"{describe_reference(config.data)}: coin tosses, not points")
    x = dataset.x
    if config.standardize:
        spread = x.std(axis=0)
        if np.any(spread == 0):
            raise refusal("standardize: a column is constant (zero variance)")
        x = (x - x.mean(axis=0)) / spread
    return x


def read_start(path: str, covariance_type: str, d: int) -> MixtureParameters:
    """weights, means, covariances from a JSON file; untrusted, so checked before use."""
    source = Path(path)
    if source.stat().st_size > MAX_START_BYTES:
        raise refusal(
            "start = {path}: larger than {limit} MiB",
            path=shown_path(path),
            limit=MAX_START_BYTES >> 20,
        )
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise refusal(
            "start = {path}: not a JSON file ({error})",
            path=shown_path(path),
            error=type(exc).__name__,
        ) from None
    if not isinstance(raw, dict):
        raise refusal(
            "start = {path}: not a JSON object with weights, means and covariances",
            path=shown_path(path),
        )
    fields = {}
    for key in ("weights", "means", "covariances"):
        if key not in raw:
            raise refusal(
                "start = {path}: no {key!r} (it needs weights, means, covariances)",
                path=shown_path(path),
                key=key,
            )
        try:
            fields[key] = np.asarray(raw[key], dtype=np.float64)
        except (ValueError, TypeError):
            raise refusal(
                "start = {path}: {key} is not a rectangular array of numbers",
                path=shown_path(path),
                key=key,
            ) from None
    params = MixtureParameters(**fields, covariance_type=covariance_type)
    check_parameters(params, d, shown_path(path))
    return params


def initial_parameters(
    config: GMMConfig, em: MixtureEM, x: np.ndarray, seed: int
) -> MixtureParameters:
    k, n, d = config.components, len(x), x.shape[1]
    if config.start is not None:
        params = read_start(config.start, config.covariance, d)
        if params.k != k:
            raise refusal("start has {k} components but components = {k2}", k=params.k, k2=k)
        return params
    rng = np.random.default_rng(seed)
    if config.init == "points":
        means = np.asarray(config.start_means, dtype=np.float64)
        if means.size != k * d:
            raise refusal(
                "start_means: {size} numbers; give {k} points of {d} coordinates",
                size=means.size,
                k=k,
                d=d,
            )
        # As Bishop's figure 9.8: the given means, equal weights, circles of the data's variance.
        variance = float(x.var(axis=0).mean()) or 1.0
        covariances = {
            "full": np.stack([np.eye(d) * variance] * k),
            "tied": np.eye(d) * variance,
            "diag": np.full((k, d), variance),
            "spherical": np.full(k, variance),
        }[config.covariance]
        return MixtureParameters(
            np.full(k, 1.0 / k), means.reshape(k, d), covariances, config.covariance
        )
    if config.init == "random":
        r = rng.random((n, k))
        return em.m_step_from_responsibilities(r / r.sum(1, keepdims=True))
    elif config.init == "k-means++":
        from sklearn.cluster import kmeans_plusplus

        centres, _ = kmeans_plusplus(x, k, random_state=int(rng.integers(2**31)))
        labels = ((x[:, None, :] - centres[None]) ** 2).sum(-1).argmin(1)
    else:
        from sklearn.cluster import KMeans

        labels = (
            KMeans(n_clusters=k, n_init=1, random_state=int(rng.integers(2**31))).fit(x).labels_
        )
    r = np.zeros((n, k))
    r[np.arange(n), labels] = 1.0
    return em.m_step_from_responsibilities(r)


@dataclass(frozen=True, kw_only=True)
class GMMSnapshot(Snapshot):
    """θ_t after t EM iterations, with ℓ̄(θ_t), the mean log-likelihood per point."""

    log_likelihood: float
    weights: np.ndarray
    means: np.ndarray
    covariances: np.ndarray
    covariance_type: str
    converged: bool = False
    iterations: int = 0
    elapsed_s: float = 0.0
    decreased: bool = False
    points: np.ndarray = bulk()  # the first rows, for drawing
    responsibilities: np.ndarray = bulk()  # r_ik of those rows at θ_t
    # ELBO(q_{t-1}, θ_t), q_{t-1} the E step's at θ_{t-1}, so ℓ̄ = elbo + kl (None at t = 0)
    elbo: float | None = None
    kl: float | None = None

    @property
    def parameters(self) -> MixtureParameters:
        return MixtureParameters(self.weights, self.means, self.covariances, self.covariance_type)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.pop("covariance_type")
        return out


def run_em(config: GMMConfig, em: MixtureEM, start: MixtureParameters):
    """Iterates (t, θ_t, ℓ̄(θ_t), responsibilities at θ_t) until converged or out of steps."""
    params = start
    previous = None
    em.start_run()
    for t in range(config.iterations + 1):
        ell, following, responsibilities, elbo = em.step(params)
        converged = previous is not None and abs(ell - previous) < config.tol
        yield t, params, ell, responsibilities, converged, elbo
        if converged:
            return
        previous, params = ell, following


def generate(config: GMMConfig) -> Generator[Snapshot, None, GMMSnapshot]:
    x = load_points(config)
    n = len(x)
    if config.components > n:
        raise refusal(
            "components = {components} but the data have {n} points: K must not exceed n",
            components=config.components,
            n=n,
        )
    em = MixtureEM(x, config.covariance, config.reg_covar, config.device, keep_rows=DISPLAY_ROWS)
    start = initial_parameters(config, em, x, config.seed)
    if config.n_init > 1 and config.start is None and config.init != "points":
        best = (-np.inf, start)
        for i in range(config.n_init):
            candidate = initial_parameters(config, em, x, config.seed + i) if i else start
            final = -np.inf
            for _, _, ell, *_ in run_em(config, em, candidate):
                final = ell
            if final > best[0]:
                best = (final, candidate)
            yield Progress(step=0, fraction=(i + 1) / config.n_init, what="restarts")
        start = best[1]
    clock = time.perf_counter()
    previous = snap = None
    for t, params, ell, responsibilities, converged, elbo in run_em(config, em, start):
        decreased = previous is not None and bool(went_down(previous, ell))
        previous = ell
        snap = GMMSnapshot(
            step=t,
            log_likelihood=ell,
            weights=params.weights,
            means=params.means,
            covariances=params.covariances,
            covariance_type=config.covariance,
            converged=converged,
            iterations=t,
            elapsed_s=time.perf_counter() - clock,
            decreased=decreased,
            points=x[:DISPLAY_ROWS],
            responsibilities=responsibilities,
            elbo=elbo,
            kl=None if elbo is None else ell - elbo,
        )
        yield snap
    return snap


PRESETS = {
    "faithful-k2": dict(
        standardize=True,
        components=2,
        covariance="full",
        init="points",
        start_means=(-1.2, 1.5, 1.5, -0.8),
        iterations=20,
        tol=0.0,
    ),
    "faithful-k3-diag": dict(components=3, covariance="diag", init="kmeans", iterations=100),
}

EXPERIMENT = register(
    Experiment(
        "gmm",
        "Gaussian mixture, K components (Bishop §9.2)",
        GMMConfig,
        generate,
        PRESETS,
        imports=("numpy.random", "torch", "sklearn.cluster"),
    )
)
