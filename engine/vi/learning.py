"""The `variational-learning` experiment (seed 000 figure 0016, seed 001): learning θ by
alternating ascents of the ELBO, whose curves ELBO(θ; φ) lie below log p(x; θ).

The model: counts xᵢ, each with its own zᵢ ~ N(0, 1), xᵢ | zᵢ ~ Poisson(e^{θ + zᵢ}); its
posterior is not gaussian. φ holds one q(zᵢ) = N(mᵢ, sᵢ²) per count (seed 000's per-sample φⁱ).
A φ half-step maximises the ELBO over φ with θ held (each q's own optimum, exact); a θ half-step
maximises it over θ with φ held, in closed form: θ = log Σxᵢ − log Σ E_q e^{zᵢ}. Both raise the
ELBO, so it never falls: a staircase under log p(x; θ). With `method=em` q is each zᵢ's exact
posterior (on a grid): each curve then touches log p(x; θ) at the θ it was made at, and the
θ half-step is EM's M-step.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln, logsumexp

from engine.config import ExperimentConfig, param, refusal
from engine.experiment import Experiment, Progress, Snapshot, bulk, register

METHODS = ("gaussian", "em")
MAX_COUNTS = 100  # counts at most: each has its own q, its own grid posterior
Z = np.linspace(-14.0, 10.0, 6001)  # the grid of each zᵢ's exact posterior
CURVE_POINTS = 241  # θ values each drawn curve is evaluated at


@dataclass(frozen=True, kw_only=True)
class LearningConfig(ExperimentConfig):
    x: tuple[float, ...] = param(
        (0.0, 2.0, 3.0, 9.0), "the observed counts xᵢ", minimum=0.0, maximum=1000.0
    )
    theta: float = param(-1.5, "θ at the start", minimum=-20.0, maximum=20.0)
    method: str = param(
        "gaussian", "q per count: gaussian N(mᵢ, sᵢ²), or em: the exact posterior", choices=METHODS
    )
    rounds: int = param(8, "φ then θ, this many times", minimum=0, maximum=1000)

    def validate(self) -> None:
        if not self.x:
            raise refusal("x: at least one count")
        if len(self.x) > MAX_COUNTS:
            raise refusal(
                "x: {x_count} counts; at most {MAX_COUNTS}",
                x_count=len(self.x),
                MAX_COUNTS=MAX_COUNTS,
            )
        if any(v != int(v) for v in self.x):
            raise refusal("x: counts are whole numbers (0, 1, 2, ...)")
        if sum(self.x) == 0:
            raise refusal("x: all counts 0: log p(x; θ) rises without end as θ → −∞")


def _log_normal(z):
    return -0.5 * (math.log(2 * math.pi) + z * z)


def log_joint(x, theta, z):
    """log p(xᵢ, zᵢ; θ) for each count (rows) at each z (columns)."""
    x = np.asarray(x, dtype=np.float64)[:, None]
    rate = theta + z
    return _log_normal(z) + x * rate - np.exp(rate) - gammaln(x + 1.0)


def log_px(x, theta) -> float:
    """log p(x; θ) = Σᵢ log ∫ p(xᵢ, z; θ) dz, by quadrature on the grid."""
    step = Z[1] - Z[0]
    return float(logsumexp(log_joint(x, theta, Z[None]), axis=1).sum() + len(x) * math.log(step))


def gaussian_elbo(x, theta, m, s) -> float:
    """Σᵢ ELBO of q(zᵢ) = N(mᵢ, sᵢ²), in closed form."""
    x, m, s = (np.asarray(v, dtype=np.float64) for v in (x, m, s))
    expected = -0.5 * (math.log(2 * math.pi) + m * m + s * s)
    expected += x * (theta + m) - np.exp(theta + m + 0.5 * s * s) - gammaln(x + 1.0)
    return float((expected + 0.5 * (math.log(2 * math.pi) + 1.0) + np.log(s)).sum())


def grid_elbo(x, theta, q) -> float:
    """Σᵢ ELBO of q(zᵢ) given on the grid (rows: densities)."""
    return float(grid_elbos(x, np.array([theta]), q)[0])


def grid_elbos(x, thetas: np.ndarray, q) -> np.ndarray:
    """Σᵢ ELBO of the grid's q at each θ at once: E_q log p(xᵢ, z; θ) is x(θ + E z) −
    e^θ E eᶻ + θ-free terms, so one pass over the grid serves every θ."""
    step = Z[1] - Z[0]
    x = np.asarray(x, dtype=np.float64)
    log_q = np.log(np.maximum(q, 1e-300))
    base = np.where(q > 0, q * (_log_normal(Z)[None] + x[:, None] * Z[None] - log_q), 0.0)
    constant = float(base.sum() * step) - float(gammaln(x + 1.0).sum())
    mean_exp = (q * np.exp(Z)[None]).sum(1) * step  # E_q eᶻ per count
    thetas = np.asarray(thetas, dtype=np.float64)
    return constant + x.sum() * thetas - np.exp(thetas) * mean_exp.sum()


def best_gaussian(x, theta, m, s):
    """Each q(zᵢ)'s own maximiser of its ELBO with θ held (BFGS from the current q, exact
    gradients)."""
    from scipy.optimize import minimize

    m, s = np.array(m, dtype=np.float64), np.array(s, dtype=np.float64)
    for i, xi in enumerate(x):

        def negative(p, xi=xi):
            mean, log_s = p
            sd = math.exp(log_s)
            rate = math.exp(theta + mean + 0.5 * sd * sd)
            value = -0.5 * (mean * mean + sd * sd) + xi * mean - rate + log_s
            gradient = [-mean + xi - rate, -sd * sd - sd * sd * rate + 1.0]
            return -value, -np.array(gradient)

        found = minimize(
            negative, [m[i], math.log(s[i])], jac=True, method="BFGS", options={"gtol": 1e-12}
        )
        m[i], s[i] = found.x[0], math.exp(found.x[1])
    return m, s


def check_grid(x, theta) -> None:
    """A ConfigError when some zᵢ's posterior reaches the grid's ends: log p(x; θ) and the exact
    posteriors would be wrong there."""
    q = exact_posterior(x, theta)
    edge = (q[:, :300].sum(1) + q[:, -300:].sum(1)) * (Z[1] - Z[0])
    if not np.all(np.isfinite(edge)) or edge.max() > 1e-12:
        raise refusal(
            "theta = {theta:g}: p(z | x; θ) reaches the ends of its grid z ∈ "
            "[{Z:g}, {Z2:g}]; choose a θ nearer log(mean x)",
            theta=theta,
            Z=Z[0],
            Z2=Z[-1],
        )


def exact_posterior(x, theta) -> np.ndarray:
    """Each zᵢ's exact posterior on the grid (rows, densities)."""
    step = Z[1] - Z[0]
    log_p = log_joint(x, theta, Z[None])
    return np.exp(log_p - logsumexp(log_p, axis=1, keepdims=True)) / step


@dataclass(frozen=True, kw_only=True)
class LearningSnapshot(Snapshot):
    phase: str  # "start", "phi" (φ updated, θ held) or "theta"
    theta: float
    phi: tuple[tuple[float, float], ...]  # (mean, sd) of each q(zᵢ)
    elbo: float
    log_px: float  # log p(x; θ)
    # For the window: the curve ELBO(θ'; φ) of this step's φ over θ', and log p(x; θ').
    curve_theta: np.ndarray = bulk()
    curve_elbo: np.ndarray = bulk()
    curve_log_px: np.ndarray = bulk()


def generate(config: LearningConfig) -> Generator[Snapshot, None, LearningSnapshot]:
    x = np.array(config.x, dtype=np.float64)
    theta = config.theta
    check_grid(x, theta)
    centre = math.log(max(x.mean(), 0.5))
    thetas = np.linspace(min(theta, centre) - 2.5, max(theta, centre) + 2.5, CURVE_POINTS)
    curve_log_px = np.empty(len(thetas))
    for i, t in enumerate(thetas):  # in chunks, each a chance to cancel (many counts: seconds)
        curve_log_px[i] = log_px(x, t)
        if i % 20 == 19:
            yield Progress(step=0, fraction=(i + 1) / len(thetas), what="log p(x; θ)")
    m, s = np.zeros(len(x)), np.ones(len(x))  # q at the start: the prior
    q = np.exp(_log_normal(Z))[None].repeat(len(x), 0)

    def elbo_at(t) -> float:
        if config.method == "em":
            return grid_elbo(x, t, q)
        return gaussian_elbo(x, t, m, s)

    def phi():
        if config.method == "em":
            step = Z[1] - Z[0]
            means = (q * Z).sum(1) * step
            sds = np.sqrt(np.maximum((q * (Z - means[:, None]) ** 2).sum(1) * step, 0.0))
            return tuple((float(a), float(b)) for a, b in zip(means, sds, strict=True))
        return tuple((float(a), float(b)) for a, b in zip(m, s, strict=True))

    def curve() -> np.ndarray:
        if config.method == "em":
            return grid_elbos(x, thetas, q)
        return np.array([gaussian_elbo(x, t, m, s) for t in thetas])

    def snapshot(step: int, phase: str, final: bool = False) -> LearningSnapshot:
        return LearningSnapshot(
            step=step,
            final=final,
            phase=phase,
            theta=float(theta),
            phi=phi(),
            elbo=elbo_at(theta),
            log_px=log_px(x, theta),
            curve_theta=thetas,
            curve_elbo=curve(),
            curve_log_px=curve_log_px,
        )

    snap = snapshot(0, "start", config.rounds == 0)
    step = 0
    for round_ in range(config.rounds):
        yield snap
        if config.method == "em":
            q = exact_posterior(x, theta)
        else:
            m, s = best_gaussian(x, theta, m, s)
        step += 1
        snap = snapshot(step, "phi")
        yield snap
        if config.method == "em":
            step_z = Z[1] - Z[0]
            expected = (q * np.exp(Z)).sum(1) * step_z
        else:
            expected = np.exp(m + 0.5 * s * s)
        theta = math.log(max(x.sum(), 1e-300)) - math.log(expected.sum())
        step += 1
        snap = snapshot(step, "theta", round_ == config.rounds - 1)
    return snap


PRESETS = {
    "gaussian-q": dict(method="gaussian"),
    "em": dict(method="em"),
}

EXPERIMENT = register(
    Experiment(
        "variational-learning",
        "Learning θ by alternating ascents of the ELBO: the staircase under log p(x; θ)",
        LearningConfig,
        generate,
        PRESETS,
        imports=("scipy.optimize", "scipy.special"),
    )
)
