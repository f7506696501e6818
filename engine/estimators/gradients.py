"""The `gradients` experiment: score function, score function with a baseline, and
reparameterisation, for ∂/∂m and ∂/∂log s of E_q[f(z)] with q = N(m, s²) (seeds 002 and 004).

Per sample z = m + s ε, ε ~ N(0, 1), on common random numbers:
    score:        f(z) (z − m)/s²                      and  f(z) ((z − m)²/s² − 1)
    baseline:     (f(z) − b) (z − m)/s²                 and  (f(z) − b) ((z − m)²/s² − 1)
    reparam:      f′(z)                                 and  f′(z) s ε
with b the mean of f over the other samples (leave one out, so the estimator stays unbiased).
Objectives: f(z) = z², where the variances are known in closed form (reparameterisation 4s²,
score function m⁴/s² + 14m² + 15s² for ∂/∂m), and the ELBO of the curve1d model, f = log p(x, z),
plus the entropy of q, whose gradient (0 in m, 1 in log s) is added exactly. The exact gradients
come from the closed form or from adaptive quadrature.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from engine import device as devices
from engine.config import ExperimentConfig, param
from engine.estimators.models import TORCH_AND_QUADRATURE, Curve
from engine.estimators.race import checkpoints
from engine.experiment import Experiment, Snapshot, register

MAX_SAMPLES = 10**7
CHUNK = 1 << 20
ESTIMATORS = ("score", "baseline", "reparam")


@dataclass(frozen=True, kw_only=True)
class GradientsConfig(ExperimentConfig):
    objective: str = param(
        "z2", "f: z2 for f(z) = z², elbo for the ELBO of the curve1d model", choices=("z2", "elbo")
    )
    # Within these the ELBO's quadrature and f(z) = z²'s moments stay accurate in float64.
    m: float = param(1.0, "mean m of q = N(m, s²)", minimum=-100.0, maximum=100.0)
    s: float = param(1.0, "standard deviation s of q = N(m, s²)", minimum=1e-3, maximum=30.0)
    samples: int = param(
        100_000,
        "N, samples drawn (at least 2: the baseline leaves one sample out)",
        minimum=2,
        maximum=MAX_SAMPLES,
    )


@dataclass(frozen=True, kw_only=True)
class GradientsSnapshot(Snapshot):
    n: int
    score_mean: float
    baseline_mean: float
    reparam_mean: float
    score_var: float
    baseline_var: float
    reparam_var: float
    score_mean_log_s: float
    baseline_mean_log_s: float
    reparam_mean_log_s: float
    score_var_log_s: float
    baseline_var_log_s: float
    reparam_var_log_s: float
    exact_grad: float
    exact_grad_log_s: float
    # The ∂/∂m estimators' variances in closed form, for f = z² (None for the ELBO).
    exact_score_var: float | None = None
    exact_reparam_var: float | None = None


class _Moments:
    """Running sum and sum of squares of per-sample estimates (float64 sums over ≤ 10⁷ terms)."""

    def __init__(self) -> None:
        self.total = self.squares = 0.0
        self.n = 0

    def add(self, values) -> None:
        self.total += float(values.sum())
        self.squares += float((values * values).sum())
        self.n += values.numel()

    @property
    def mean(self) -> float:
        return self.total / self.n

    @property
    def var(self) -> float:
        return max(0.0, (self.squares - self.n * self.mean**2) / (self.n - 1))


def closed_form_variances(config: GradientsConfig) -> tuple[float | None, float | None]:
    """Variances of one sample's ∂/∂m estimate for f = z²: score function, reparameterisation."""
    if config.objective != "z2":
        return None, None
    m, s = config.m, config.s
    return m**4 / s**2 + 14 * m**2 + 15 * s**2, 4 * s**2


def exact_gradients(config: GradientsConfig, curve: Curve | None) -> tuple[float, float]:
    """∂/∂m and ∂/∂log s of the objective, exactly."""
    m, s = config.m, config.s
    if curve is None:  # E[z²] = m² + s²
        return 2 * m, 2 * s * s
    from scipy import integrate

    at_mean = curve.log_joint_scalar(m)

    def f(e):  # less f(m), which changes neither expectation (E ε = E(ε² − 1) = 0) but keeps
        return curve.log_joint_scalar(m + s * e) - at_mean  # a small s from cancelling

    # f is known to about eps · |f|: asking quad for more only makes it warn of roundoff.
    grid = [f(e) for e in np.linspace(-12, 12, 97)]
    floor = 1e-13 * max(1.0, abs(at_mean), max(abs(v) for v in grid))

    def integral(g):
        def integrand(e):
            return g(e) * math.exp(-0.5 * e * e) / math.sqrt(2 * math.pi)

        value, _ = integrate.quad(integrand, -12, 12, epsabs=floor, epsrel=1e-12, limit=500)
        return value

    # ∂/∂m E[f(m + sε)] = E[f ε]/s; ∂/∂log s = E[f (ε² − 1)], plus the entropy's 1.
    return integral(lambda e: f(e) * e) / s, integral(lambda e: f(e) * (e * e - 1)) + 1.0


def generate(config: GradientsConfig) -> Generator[Snapshot, None, Snapshot]:
    import torch

    device = devices.resolve(config.device)
    dtype = devices.dtype()
    curve = Curve(1, config.seed, device, dtype) if config.objective == "elbo" else None
    grad_m, grad_log_s = exact_gradients(config, curve)
    score_var, reparam_var = closed_form_variances(config)
    exact = dict(
        exact_grad=grad_m,
        exact_grad_log_s=grad_log_s,
        exact_score_var=score_var,
        exact_reparam_var=reparam_var,
    )
    generator = torch.Generator(device=device).manual_seed(config.seed)
    m, s = config.m, config.s
    moments = {(name, what): _Moments() for name in ESTIMATORS for what in ("m", "log_s")}
    # The baseline needs every f first: its leave-one-out mean is over all N samples.
    marks = checkpoints(config.samples)
    edges = sorted({k for k in marks if k >= 10} | {config.samples})
    bounds, previous = [], 0
    for edge in edges:  # pieces of at most CHUNK samples, ending at the checkpoints
        while previous < edge:
            bounds.append((previous, min(edge, previous + CHUNK)))
            previous = bounds[-1][1]
    epsilons = [
        torch.randn(hi - lo, generator=generator, dtype=dtype, device=device) for lo, hi in bounds
    ]
    f_total = sum(float(_objective(curve, m + s * eps).sum()) for eps in epsilons)
    entropy_log_s = 1.0 if curve is not None else 0.0
    done = 0
    for step, eps in enumerate(epsilons, start=1):
        z = (m + s * eps).requires_grad_(True)
        f = _objective(curve, z)
        (slope,) = torch.autograd.grad(f.sum(), z)
        f = f.detach()
        baseline = (f_total - f) / (config.samples - 1)
        score_m, score_s = eps / s, eps * eps - 1
        estimates = {
            ("score", "m"): f * score_m,
            ("baseline", "m"): (f - baseline) * score_m,
            ("reparam", "m"): slope,
            ("score", "log_s"): f * score_s + entropy_log_s,
            ("baseline", "log_s"): (f - baseline) * score_s + entropy_log_s,
            ("reparam", "log_s"): slope * s * eps + entropy_log_s,
        }
        for key, values in estimates.items():
            moments[key].add(values)
        done += len(eps)
        snap = _snapshot(moments, step, done, exact, done == config.samples)
        if snap.final:
            return snap
        yield snap
    raise AssertionError("unreachable: the last chunk returns")


def _objective(curve: Curve | None, z):
    if curve is None:
        return z * z
    return curve.log_joint(z[:, None])


def _snapshot(moments, step: int, n: int, exact: dict[str, float | None], final: bool) -> Snapshot:
    values = {}
    for name in ESTIMATORS:
        values[f"{name}_mean"] = moments[name, "m"].mean
        values[f"{name}_var"] = moments[name, "m"].var
        values[f"{name}_mean_log_s"] = moments[name, "log_s"].mean
        values[f"{name}_var_log_s"] = moments[name, "log_s"].var
    return GradientsSnapshot(
        step=step,
        final=final,
        n=n,
        **exact,
        **values,
    )


PRESETS = {
    "z2": dict(objective="z2", m=1.0, s=1.0, samples=100_000),
    "elbo": dict(objective="elbo", m=0.0, s=1.0, samples=100_000),
}

EXPERIMENT = register(
    Experiment(
        "gradients",
        "Score function, baseline and reparameterisation gradients against the exact one",
        GradientsConfig,
        generate,
        PRESETS,
        imports=TORCH_AND_QUADRATURE,
    )
)
