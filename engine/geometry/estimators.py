"""What the Estimators views draw: every chain as one polyline, q beside the posterior, where a
density has its mass, the 1/√k guide of a spread."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.estimators.models import ProposalProfile

MASS_SHOWN = 1e-4  # a density's x range holds where it exceeds this share of its peak
COMPONENTS_SHOWN = 30  # the most probable components a bar chart can show side by side
POINTS_SHOWN = 2000  # a density's points drawn: finer than a plot's pixels


@dataclass(frozen=True)
class ProposalView:
    """What the proposal plot draws: at `axis`, the posterior, q and the uniform proposal."""

    kind: str  # "density", "marginals" or "components"
    axis: np.ndarray
    posterior: np.ndarray
    proposal: np.ndarray
    uniform: np.ndarray


def proposal_view(
    profile: ProposalProfile, components: int = COMPONENTS_SHOWN, points: int = POINTS_SHOWN
) -> ProposalView:
    """A density thinned to about `points` points, every pixel's marginal, or the `components`
    most probable components under the posterior, most probable first."""
    axis, posterior = profile.axis, profile.posterior
    if profile.kind == "density":
        keep = slice(None, None, max(1, len(axis) // points))
    elif profile.kind == "components":
        keep = np.argsort(-posterior, kind="stable")[:components]
    else:
        keep = slice(None)
    return ProposalView(
        profile.kind, axis[keep], posterior[keep], profile.proposal[keep], profile.uniform[keep]
    )


def chains_polyline(ks: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chains of running values (values[t, c] at checkpoint ks[t]) as one curve: each chain's
    points in order, ended by a NaN (drawn with connect="finite": one item instead of C)."""
    values = np.asarray(values, dtype=np.float64)
    chains = values.shape[1]
    x = np.vstack([np.repeat(np.asarray(ks, float)[:, None], chains, 1), np.full(chains, np.nan)])
    y = np.vstack([values, np.full(chains, np.nan)])
    return x.T.ravel(), y.T.ravel()


def inverse_sqrt_guide(ks: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The line c/√k through the first positive value, from the first checkpoint to the last
    (empty while no value is positive): how a Monte Carlo spread falls."""
    ks, values = np.asarray(ks, float), np.asarray(values, float)
    keep = values > 0
    if not keep.any():
        return np.empty(0), np.empty(0)
    scale = values[keep][0] * np.sqrt(ks[keep][0])
    ends = ks[[0, -1]]
    return ends, scale / np.sqrt(ends)


def density_extent(view: ProposalView) -> tuple[float, float]:
    """The z range where the posterior or q has mass (above MASS_SHOWN of the higher peak)."""
    peak = float(max(view.posterior.max(), view.proposal.max()))
    inside = view.axis[(view.posterior > MASS_SHOWN * peak) | (view.proposal > MASS_SHOWN * peak)]
    return float(inside.min()), float(inside.max())


def log_mean_standard_error(ratios: np.ndarray) -> np.ndarray:
    """Per step, the standard error of the mean over the chains of log P_k, from each chain's
    P_k / p(x) (steps × chains): NaN where a chain has P_k = 0 (log P_k = −∞)."""
    ratios = np.atleast_2d(ratios)
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log(ratios)
        spread = np.std(logs, axis=1, ddof=1) / np.sqrt(ratios.shape[1])
    return np.where(np.isfinite(spread), spread, np.nan)
