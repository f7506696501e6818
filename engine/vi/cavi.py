"""The `cavi` experiment: mean-field coordinate ascent (seed 002) on a 2-D target p(z₁, z₂).

q(z) = q₁(z₁) q₂(z₂), each factor updated in turn to its optimum with the other held,
q_i ∝ exp E_{q_j} log p(z₁, z₂): a sweep is two half-steps. On a correlated gaussian (unit
variances, correlation ρ) the factors are gaussians of variance 1 − ρ² (not the marginals' 1),
each mean update is m₁ ← μ₁ + ρ (m₂ − μ₂), so the means' error shrinks by ρ² a sweep, and at
the optimum KL(q ‖ p) = −½ log(1 − ρ²). ρ = 0 is the case where mean field is exact. The
`banana` target, p ∝ exp(−z₁²/2 − (z₂ − z₁²/2)²/(2·0.5)) shifted by the mean, is not gaussian:
its factors are found on a grid and KL(q ‖ p) by quadrature.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from engine.config import ExperimentConfig, param, refusal
from engine.experiment import Experiment, Snapshot, bulk, register

TARGETS = ("gaussian", "banana")
GRID = 241  # points per axis of the banana's grid
BANANA_BOX = ((-4.0, 4.0), (-3.0, 7.0))
BANANA_VAR = 0.5


@dataclass(frozen=True, kw_only=True)
class CAVIConfig(ExperimentConfig):
    target: str = param(
        "gaussian", "p(z₁, z₂): a correlated gaussian, or the banana", choices=TARGETS
    )
    rho: float = param(0.8, "ρ, the gaussian's correlation (|ρ| < 1)", minimum=-1.0, maximum=1.0)
    mean: tuple[float, ...] = param(
        (0.0, 0.0), "the target's mean (μ₁, μ₂)", minimum=-50.0, maximum=50.0
    )
    start: tuple[float, ...] = param(
        (-2.5, 2.0), "q's means at the start (m₁, m₂)", minimum=-50.0, maximum=50.0
    )
    sweeps: int = param(20, "full sweeps (two half-steps each)", minimum=0, maximum=10_000)

    steerable: ClassVar[frozenset[str]] = frozenset({"rho", "start"})

    def validate(self) -> None:
        if not abs(self.rho) < 1:
            raise refusal(
                "rho = {rho:g}: a correlation with |ρ| < 1 (at ±1 p has no density)", rho=self.rho
            )
        for name in ("mean", "start"):
            if len(getattr(self, name)) != 2:
                raise refusal("{name}: two numbers (z₁, z₂)", name=name)


@dataclass(frozen=True, kw_only=True)
class CAVISnapshot(Snapshot):
    m1: float
    m2: float
    v1: float
    v2: float
    kl: float  # KL(q ‖ p) after the sweep
    half_m1: float  # after the sweep's first half-step (q₁ updated, q₂ as before)
    half_m2: float
    half_kl: float
    error: float  # |m − μ| (the gaussian; for the banana, to p's mean)
    optimum_kl: float | None  # −½ log(1 − ρ²) (the gaussian)
    # The banana's factors on its grid (None for the gaussian: they are gaussians).
    q1: np.ndarray | None = bulk()
    q2: np.ndarray | None = bulk()
    target: Any = bulk()


def gaussian_kl(m, v, mu, rho) -> float:
    """KL(N(m, diag v) ‖ N(μ, [[1, ρ], [ρ, 1]]))."""
    precision = np.array([[1.0, -rho], [-rho, 1.0]]) / (1 - rho * rho)
    d = np.asarray(mu) - np.asarray(m)
    trace = precision[0, 0] * v[0] + precision[1, 1] * v[1]
    return 0.5 * (trace + d @ precision @ d - 2 + math.log(1 - rho * rho) - math.log(v[0] * v[1]))


@dataclass(frozen=True)
class Banana:
    """p(z₁, z₂) ∝ exp(−z₁²/2 − (z₂ − z₁²/2)²/(2·BANANA_VAR)) moved to `shift`, on a grid."""

    shift: tuple[float, float]

    def axes(self):
        return tuple(
            np.linspace(lo + c, hi + c, GRID)
            for (lo, hi), c in zip(BANANA_BOX, self.shift, strict=True)
        )

    def log_p(self):
        a, b = self.axes()
        z1, z2 = np.meshgrid(a - self.shift[0], b - self.shift[1], indexing="ij")
        log_p = -0.5 * z1**2 - (z2 - 0.5 * z1**2) ** 2 / (2 * BANANA_VAR)
        step = (a[1] - a[0]) * (b[1] - b[0])
        return log_p - (np.log(np.exp(log_p - log_p.max()).sum() * step) + log_p.max())


def generate(config: CAVIConfig) -> Generator[Snapshot, Any, CAVISnapshot]:
    """The sweeps of `config`; a config steered in (the ρ slider) starts them again with it,
    in the same generator: no new thread per step of a drag."""
    while True:
        sweeps = _gaussian(config) if config.target == "gaussian" else _banana(config)
        outcome = yield from _snapshots(config, sweeps)
        if isinstance(outcome, CAVISnapshot):
            return outcome
        config = outcome  # steered: from the start again


def _snapshots(config: CAVIConfig, sweeps):
    """A snapshot of each sweep's fields (sweep 0: the start), the last one returned; a config
    sent in ends them early and is returned instead."""
    snap = None
    for sweep, fields in enumerate(sweeps):
        if snap is not None:
            steered = yield snap
            if steered is not None:
                return steered
        snap = CAVISnapshot(step=sweep, final=sweep == config.sweeps, **fields)
    return snap


def _gaussian(config: CAVIConfig):
    mu, rho = np.array(config.mean), config.rho
    m = np.array(config.start, dtype=np.float64)
    v = np.array([1.0, 1.0])  # q at the start: unit variances
    optimum = -0.5 * math.log(1 - rho * rho)
    for sweep in range(config.sweeps + 1):
        if sweep > 0:
            m[0] = mu[0] + rho * (m[1] - mu[1])  # q₁ ∝ exp E_{q₂} log p: N(·, 1 − ρ²)
            v[0] = 1 - rho * rho
        half, half_kl = m.copy(), gaussian_kl(m, v, mu, rho)
        if sweep > 0:
            m[1] = mu[1] + rho * (m[0] - mu[0])
            v[1] = 1 - rho * rho
        yield dict(
            m1=float(m[0]),
            m2=float(m[1]),
            v1=float(v[0]),
            v2=float(v[1]),
            kl=gaussian_kl(m, v, mu, rho),
            half_m1=float(half[0]),
            half_m2=float(half[1]),
            half_kl=half_kl,
            error=float(np.linalg.norm(m - mu)),
            optimum_kl=optimum,
        )


def _banana(config: CAVIConfig):
    target = Banana(tuple(config.mean))
    a, b = target.axes()
    da, db = a[1] - a[0], b[1] - b[0]
    log_p = target.log_p()
    p = np.exp(log_p)
    mean = np.array([(p.sum(1) * a).sum() * da * db, (p.sum(0) * b).sum() * da * db])

    def moments(log_q, axis, step):
        """A factor from its unnormalised log density: (density, mean, variance)."""
        q = np.exp(log_q - log_q.max())
        q = q / (q.sum() * step)
        m = (q * axis).sum() * step
        return q, float(m), float(((axis - m) ** 2 * q).sum() * step)

    def kl(q1, q2):
        joint = np.outer(q1, q2)
        keep = joint > 1e-300
        return float((joint[keep] * (np.log(joint[keep]) - log_p[keep])).sum() * da * db)

    q1, m1, v1 = moments(-0.5 * (a - config.start[0]) ** 2, a, da)  # q at the start: N(·, 1)
    q2, m2, v2 = moments(-0.5 * (b - config.start[1]) ** 2, b, db)
    for sweep in range(config.sweeps + 1):
        if sweep > 0:
            q1, m1, v1 = moments(log_p @ q2 * db, a, da)  # E_{q₂} log p, per z₁
        half = (m1, m2, kl(q1, q2))
        if sweep > 0:
            q2, m2, v2 = moments(q1 @ log_p * da, b, db)
        yield dict(
            m1=m1,
            m2=m2,
            v1=v1,
            v2=v2,
            kl=kl(q1, q2),
            half_m1=half[0],
            half_m2=half[1],
            half_kl=half[2],
            error=float(np.hypot(m1 - mean[0], m2 - mean[1])),
            optimum_kl=None,
            q1=q1,
            q2=q2,
            target=target,
        )


PRESETS = {
    "rho-0.8": dict(target="gaussian", rho=0.8),
    "rho-0.95": dict(target="gaussian", rho=0.95, sweeps=60),
    "independent": dict(target="gaussian", rho=0.0),  # mean field is exact: one sweep
    "banana": dict(target="banana", start=(1.5, -1.0)),
}

EXPERIMENT = register(
    Experiment(
        "cavi",
        "Mean-field coordinate ascent on a 2-D target, sweep by sweep",
        CAVIConfig,
        generate,
        PRESETS,
    )
)
