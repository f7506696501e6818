"""EM for the two means of a 1-D mixture with known σ = 1 and weight π (seed 003 §2.9).

    p(x | μ) = π N(x; μ1, 1) + (1 − π) N(x; μ2, 1)

All log-likelihoods here are means per data point, ℓ̄(μ) = (1/n) Σ_i log p(x_i | μ), so they
compare across data sets and with the command line's output.

The E step at θ_t gives responsibilities γ_i = p(z_i = 1 | x_i, θ_t). The surrogate (the ELBO
with q fixed at those responsibilities)

    B(μ; θ_t) = (1/n) Σ_i Σ_z q_t(z | x_i) log[p(x_i, z; μ) / q_t(z | x_i)]

is quadratic in μ: with S1 = Σγ, T1 = Σγx, S2 = Σ(1 − γ), T2 = Σ(1 − γ)x,

    B(μ) = c − (S1 μ1² − 2 T1 μ1 + S2 μ2² − 2 T2 μ2) / (2n),

so it is evaluated on any grid in O(G²) from five numbers, and its maximiser (T1/S1, T2/S2)
is the M step. B ≤ ℓ̄ everywhere and B(θ_t; θ_t) = ℓ̄(θ_t).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

LOG_2PI = math.log(2.0 * math.pi)
# Elements of a surface tile, G1 × G2 × n, evaluated at once (about 2^22 doubles = 32 MB).
TILE_ELEMENTS = 1 << 22


def _log_normal(x: np.ndarray, mean: float) -> np.ndarray:
    return -0.5 * LOG_2PI - 0.5 * (x - mean) ** 2


def log_likelihood(x: np.ndarray, mu: tuple[float, float], pi: float) -> float:
    """ℓ̄(μ), the mean log-likelihood per data point."""
    a = math.log(pi) + _log_normal(x, mu[0])
    b = math.log1p(-pi) + _log_normal(x, mu[1])
    return float(np.mean(np.logaddexp(a, b)))


def log_likelihood_at(x: np.ndarray, mus: np.ndarray, pi: float) -> np.ndarray:
    """ℓ̄ at many parameter points mus (P, 2) at once, shape (P,)."""
    mus = np.asarray(mus, dtype=np.float64)
    a = math.log(pi) + _log_normal(x[None, :], mus[:, :1])
    b = math.log1p(-pi) + _log_normal(x[None, :], mus[:, 1:])
    return np.logaddexp(a, b).mean(axis=1)


def slice_line(
    origin, target, fallback=(1.0, 1.0), points: int = 241, reach: float = 1.5
) -> tuple[np.ndarray, np.ndarray]:
    """Points on the line through origin and target, extended both ways.

    Returns (s, μ(s)) with μ(s) = origin + s·u, u the unit direction towards target and s in
    μ units; the span reaches `reach` step lengths beyond both ends (at least ±0.5). When the
    two coincide (EM has converged) the direction is `fallback`.
    """
    origin = np.asarray(origin, dtype=np.float64)
    step = np.asarray(target, dtype=np.float64) - origin
    length = float(np.hypot(*step))
    direction = step / length if length > 1e-9 else np.asarray(fallback) / np.hypot(*fallback)
    half = max(0.5, reach * length)
    s = np.linspace(-half, length + half, points)
    return s, origin + s[:, None] * direction


def responsibilities(x: np.ndarray, mu: tuple[float, float], pi: float) -> np.ndarray:
    """γ_i = p(z_i = 1 | x_i, μ): the posterior of the first component (the E step)."""
    a = math.log(pi) + _log_normal(x, mu[0])
    b = math.log1p(-pi) + _log_normal(x, mu[1])
    return np.exp(a - np.logaddexp(a, b))


@dataclass(frozen=True)
class Surrogate:
    """B(μ; θ_t) from the responsibilities of θ_t: B = c − (S1μ1² − 2T1μ1 + S2μ2² − 2T2μ2)/2n."""

    s1: float
    t1: float
    s2: float
    t2: float
    constant: float
    n: int

    @classmethod
    def from_responsibilities(cls, x: np.ndarray, gamma: np.ndarray, pi: float) -> Surrogate:
        other = 1.0 - gamma
        # Σ_i [γ log π + (1−γ) log(1−π) − ½ log 2π − ½ x² + H(γ_i)], H the binary entropy.
        with np.errstate(divide="ignore", invalid="ignore"):
            entropy = -(
                np.where(gamma > 0, gamma * np.log(gamma), 0.0)
                + np.where(other > 0, other * np.log(other), 0.0)
            )
        total = (
            gamma.sum() * math.log(pi)
            + other.sum() * math.log1p(-pi)
            - 0.5 * len(x) * LOG_2PI
            - 0.5 * float(np.dot(x, x))
            + float(entropy.sum())
        )
        return cls(
            float(gamma.sum()),
            float(np.dot(gamma, x)),
            float(other.sum()),
            float(np.dot(other, x)),
            total / len(x),
            len(x),
        )

    def __call__(self, mu1, mu2):
        """B at (μ1, μ2); numpy arrays broadcast, so a grid is B(m1[:, None], m2[None, :])."""
        quadratic = self.s1 * mu1**2 - 2 * self.t1 * mu1 + self.s2 * mu2**2 - 2 * self.t2 * mu2
        return self.constant - quadratic / (2 * self.n)

    @property
    def peak(self) -> float:
        """max B, reached at the maximiser."""
        return float(self(*self.maximiser))

    def level_curve(self, level: float, points: int = 181) -> np.ndarray | None:
        """The closed curve {μ : B(μ) = level}, shape (points, 2), or None above the peak.

        B has no cross term, so its level sets are axis-aligned ellipses centred on the
        maximiser: S1 (μ1 − m1)² + S2 (μ2 − m2)² = 2n (max B − level).
        """
        room = 2 * self.n * (self.peak - level)
        if not room > 0 or self.s1 <= 0 or self.s2 <= 0:
            return None
        angles = np.linspace(0.0, 2.0 * np.pi, points)
        m1, m2 = self.maximiser
        return np.stack(
            [
                m1 + np.sqrt(room / self.s1) * np.cos(angles),
                m2 + np.sqrt(room / self.s2) * np.sin(angles),
            ],
            axis=1,
        )

    @property
    def maximiser(self) -> tuple[float, float]:
        """argmax B = (T1/S1, T2/S2): the M step. A component with no weight keeps no mean (NaN)."""
        m1 = self.t1 / self.s1 if self.s1 > 0 else math.nan
        m2 = self.t2 / self.s2 if self.s2 > 0 else math.nan
        return m1, m2


def surface(
    x: np.ndarray, pi: float, mu1: np.ndarray, mu2: np.ndarray, device: str = "auto"
) -> np.ndarray:
    """ℓ̄ on the grid mu1 × mu2, shape (len(mu1), len(mu2)): rows are μ1, columns μ2."""
    return deque(surface_blocks(x, pi, mu1, mu2, device), maxlen=1)[0][1]


def surface_blocks(
    x: np.ndarray, pi: float, mu1: np.ndarray, mu2: np.ndarray, device: str = "auto"
):
    """Compute the surface a block of rows at a time, yielding (fraction done, surface).

    With A_k[g, i] = log π_k + log N(x_i; μ_k[g], 1), every grid point needs one log-add-exp
    per data point; tiles of about 2^22 elements (rows of the grid by a run of data points)
    keep memory flat at any size, and a caller can stop between them (n = 10⁶ held 3.9 GB in
    one 10-second tile before). The surface is complete once the fraction is 1.
    """
    import torch

    from engine import device as devices

    where = devices.resolve(device)
    dtype = devices.dtype()
    # torch.tensor copies: the data arrays are read-only, which torch.as_tensor warns about.
    xs = torch.tensor(np.asarray(x, dtype=np.float64), device=where, dtype=dtype)
    m1 = torch.tensor(np.asarray(mu1, dtype=np.float64), device=where, dtype=dtype)
    m2 = torch.tensor(np.asarray(mu2, dtype=np.float64), device=where, dtype=dtype)
    log_pi, log_rest = math.log(pi) - 0.5 * LOG_2PI, math.log1p(-pi) - 0.5 * LOG_2PI

    def terms(points, means, log_weight):  # (len(means), len(points))
        return log_weight - 0.5 * (points[None, :] - means[:, None]) ** 2

    n, g1, g2 = len(xs), len(m1), len(m2)
    run = min(n, max(1, TILE_ELEMENTS // max(1, g2)))  # data points per tile
    rows = max(1, TILE_ELEMENTS // max(1, g2 * run))
    whole = run == n  # the data fit one tile: the terms once, not per row block
    if whole:
        a_all, b_all = terms(xs, m1, log_pi), terms(xs, m2, log_rest)
    out = torch.empty((g1, g2), device=where, dtype=dtype)
    result = np.empty((g1, g2))
    tiles, done = math.ceil(g1 / rows) * math.ceil(n / run), 0
    for start in range(0, g1, rows):
        stop = min(start + rows, g1)
        total = torch.zeros((stop - start, g2), device=where, dtype=dtype)
        for first in range(0, n, run):
            if whole:
                a, b = a_all[start:stop], b_all
            else:
                points = xs[first : first + run]
                a, b = terms(points, m1[start:stop], log_pi), terms(points, m2, log_rest)
            total += torch.logaddexp(a[:, None, :], b[None, :, :]).sum(dim=2)  # (rows, G2)
            done += 1
            if done == tiles:
                out[start:stop] = total / n
                result[:] = out.cpu().numpy()
            yield done / tiles, result
        out[start:stop] = total / n
