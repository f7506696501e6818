"""What the ELBO & VI views draw, as numbers: q's density over z, the ELBO surface's contour
levels, mean field's ellipses and its path of half-steps, variational learning's staircase."""

from __future__ import annotations

import math

import numpy as np

from engine.geometry.curves import contour_lines, ellipse

SIGMAS = (1.0, 2.0)  # the ellipses drawn: 1 and 2 standard deviations
SURFACE_LEVELS = 12


def normal_density(z: np.ndarray, m: float, s: float) -> np.ndarray:
    return np.exp(-0.5 * ((z - m) / s) ** 2) / (s * math.sqrt(2 * math.pi))


def scale_from_peak(height: float) -> float:
    """The s of a gaussian whose peak is `height` (a drag of q's peak up or down)."""
    return 1.0 / (max(height, 1e-9) * math.sqrt(2 * math.pi))


def surface_levels(surface: np.ndarray, count: int = SURFACE_LEVELS) -> np.ndarray:
    """Contour levels crowded toward the maximum, where the ascent ends."""
    top, floor = float(surface.max()), float(np.quantile(surface, 0.05))
    return top - (top - floor) * np.linspace(0.02, 1.0, count) ** 2


def surface_contours(scene) -> np.ndarray:
    """The ELBO surface's contours over (m, log s) as one NaN-separated polyline."""
    return contour_lines(
        scene.surface.T, scene.m_axis, scene.log_s_axis, surface_levels(scene.surface)
    )


def correlated_ellipses(mean, rho: float) -> list[np.ndarray]:
    """p's 1σ and 2σ contours: unit variances, correlation ρ."""
    covariance = np.array([[1.0, rho], [rho, 1.0]])
    return [ellipse(mean, covariance, k) for k in SIGMAS]


def factor_ellipses(m1: float, m2: float, v1: float, v2: float) -> list[np.ndarray]:
    """q₁q₂'s contours: axis-aligned, variances v₁ and v₂."""
    return [ellipse([m1, m2], np.diag([v1, v2]), k) for k in SIGMAS]


def half_step_path(start, half_m1, half_m2, m1, m2) -> np.ndarray:
    """The means' path from `start`, each sweep (one entry of the arrays) as two moves parallel
    to the axes: (m₁, m₂) → (m₁′, m₂) after q₁'s update → (m₁′, m₂′) after q₂'s."""
    halves = np.column_stack([half_m1, half_m2])
    fulls = np.column_stack([m1, m2])
    walk = np.stack([halves, fulls], axis=1).reshape(-1, 2)
    return np.vstack([np.asarray(start, dtype=np.float64)[None], walk])


def contraction_guide(steps, first_error: float, rho: float) -> np.ndarray:
    """The means' error if it shrank by exactly ρ² a sweep from sweep 1's: the guide the
    error plot draws (sweep t: first_error · ρ^{2(t − 1)})."""
    return first_error * (rho * rho) ** (np.asarray(steps, dtype=np.float64) - 1)


def grid_contours(log_p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A density on a grid (log values), its contours at 1 and 2 "sigma" heights (e^{-½},
    e^{-2} of its peak) as one polyline."""
    top = float(log_p.max())
    return contour_lines(log_p, a, b, [top - 0.5 * k * k for k in SIGMAS])


def staircase(thetas, elbos) -> np.ndarray:
    """Variational learning's (θ, ELBO) after each half-step, in order: a φ step moves up at
    the same θ, a θ step moves along θ (and up)."""
    return np.column_stack([np.asarray(thetas, float), np.asarray(elbos, float)])
