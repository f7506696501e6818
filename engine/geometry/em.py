"""What the EM views draw: surrogate ellipses and their levels, the slice along a step, the
coins' ridge projection."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.em.means_experiment import MeansSnapshot
from engine.em.two_means import Surrogate, log_likelihood_at, slice_line
from engine.history import History

SLICE_SURROGATES = 3  # the newest surrogates drawn along the step


def ridge_projection(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(u, v) = (p_A p_B, (1 − p_A) p_C) for θ of shape (..., 3): the two ways to heads, so
    u + v = P(heads), and the ridge of maxima is the line u + v = ô (the ridge view)."""
    theta = np.asarray(theta, dtype=np.float64)
    return theta[..., 0] * theta[..., 1], (1 - theta[..., 0]) * theta[..., 2]


@dataclass(frozen=True)
class Iterates:
    """A two-means run up to one snapshot: θ_0, θ_1, ... and the surrogate of every E step."""

    path: np.ndarray  # (k + 1, 2): the start and every M step's θ so far
    surrogates: tuple[Surrogate, ...]  # B(·; θ_0), B(·; θ_1), ...: one per E step so far
    phase: str  # the snapshot's: "start", "E" or "M"
    points: np.ndarray
    pi: float

    @property
    def surrogate(self) -> Surrogate | None:
        """The current q's surrogate (None at the start)."""
        return self.surrogates[-1] if self.surrogates else None


def iterates(history: History, snap: MeansSnapshot) -> Iterates:
    """From the steps' own values in `history` (an E step repeats θ_t and carries the surrogate
    that the next M step maximises)."""
    phases = history.values_to(snap, "phase")
    mu = history.traces_to(snap, "mu1", "mu2")
    surrogates = history.values_to(snap, "surrogate")
    last = len(phases) - 1
    path = np.column_stack([mu["mu1"], mu["mu2"]])[[p != "E" for p in phases]]
    # Each surrogate once: from its M step, and the newest from an E step that ends the run.
    each = [
        s
        for i, (p, s) in enumerate(zip(phases, surrogates, strict=True))
        if s is not None and (p == "M" or i == last)
    ]
    return Iterates(
        path=path,
        surrogates=tuple(each),
        phase=snap.phase,
        points=snap.points,
        pi=snap.pi,
    )


def anchor(run: Iterates) -> np.ndarray:
    """θ_t, where the newest surrogate touches ℓ̄ (the start before the first E step)."""
    return run.path[max(0, len(run.surrogates) - 1)]


def anchor_level(run: Iterates) -> float:
    """ℓ̄(θ_t): from the newest surrogate's own numbers, B(θ_t; θ_t) = ℓ̄(θ_t), with no pass
    over the points (the engine's tests hold the two equal to 1e-12)."""
    theta = anchor(run)
    if run.surrogates:
        return float(run.surrogates[-1](*theta))
    return float(log_likelihood_at(run.points, theta[None], run.pi)[0])


@dataclass(frozen=True)
class SurrogateCurves:
    """Each surrogate's contour at the level of its anchor ℓ̄(θ_k): it touches ℓ̄'s contour at
    θ_k and is centred on θ_{k+1}. The earlier ones in one NaN-separated array."""

    earlier: np.ndarray  # (m, 2), lines ended by NaN rows
    current: np.ndarray  # (n, 2), empty before the first E step
    levels: tuple[float, ...]


def iterate_labels(run: Iterates, apart: float) -> list[tuple[int, np.ndarray]]:
    """(t, θ_t) for the iterates to number: θ_0, and each later one at least `apart` (in μ
    units) from every one numbered before it. Near the optimum the iterates pile up; the
    first of a pile stands for it."""
    kept: list[tuple[int, np.ndarray]] = []
    for t, point in enumerate(run.path):
        if all(np.hypot(*(point - other)) >= apart for _, other in kept):
            kept.append((t, point))
    return kept


def surrogate_curves(run: Iterates) -> SurrogateCurves:
    levels = tuple(float(s(*run.path[k])) for k, s in enumerate(run.surrogates))
    curves = [s.level_curve(level) for s, level in zip(run.surrogates, levels, strict=True)]
    earlier = [np.vstack([c, [np.nan, np.nan]]) for c in curves[:-1] if c is not None]
    current = curves[-1] if curves and curves[-1] is not None else np.empty((0, 2))
    return SurrogateCurves(
        earlier=np.vstack(earlier) if earlier else np.empty((0, 2)),
        current=current,
        levels=levels,
    )


@dataclass(frozen=True)
class StepSlice:
    """ℓ̄ and the newest surrogates along the line from θ_t through argmax B."""

    s: np.ndarray  # distance along the line from θ_t
    log_likelihood: np.ndarray  # ℓ̄ at each s
    surrogates: tuple[np.ndarray, ...]  # B at each s, newest first
    touch: float  # ℓ̄(θ_t) = B(θ_t; θ_t), at s = 0
    step: float  # |θ_{t+1} − θ_t|, where B peaks
    peak: float | None  # max B, None before the first E step


def step_slice(run: Iterates) -> StepSlice:
    path, surrogate = run.path, run.surrogate
    theta = path[-1] if run.phase != "M" or len(path) < 2 else path[-2]
    target = surrogate.maximiser if surrogate is not None else theta
    fallback = path[-1] - path[0] if np.hypot(*(path[-1] - path[0])) > 1e-9 else (1, 1)
    s, points = slice_line(theta, target, fallback=fallback)
    ell = log_likelihood_at(run.points, points, run.pi)
    surrogates = tuple(
        b(points[:, 0], points[:, 1]) for b in reversed(run.surrogates[-SLICE_SURROGATES:])
    )
    return StepSlice(
        s=s,
        log_likelihood=ell,
        surrogates=surrogates,
        touch=float(log_likelihood_at(run.points, theta[None], run.pi)[0]),
        step=float(np.hypot(*(np.asarray(target) - theta))),
        peak=None if surrogate is None else float(surrogate.peak),
    )
