"""Curves and bins every view draws: contours, ellipses, histograms, mixture densities."""

from __future__ import annotations

from collections.abc import Sequence

import contourpy
import numpy as np
import numpy.ma  # contourpy's first call imports it: here, at start-up, not in a frame

from engine.data.dataset import GaussianMixture


def histogram(
    x: np.ndarray, bins: int | None = None, span: tuple[float, float] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Bin edges and heights normalised as a density (the bars' area is 1).

    The default bin count follows the Freedman–Diaconis rule, clipped to [10, 200].
    """
    x = np.asarray(x, dtype=np.float64).ravel()
    lo, hi = span if span is not None else (float(x.min()), float(x.max()))
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    if bins is None:
        q75, q25 = np.percentile(x, [75, 25]) if len(x) > 1 else (hi, lo)
        width = 2.0 * (q75 - q25) / max(len(x), 1) ** (1 / 3)
        bins = int(np.clip(np.ceil((hi - lo) / width), 10, 200)) if width > 0 else 10
    heights, edges = np.histogram(x, bins=bins, range=(lo, hi), density=True)
    return edges, heights


def density_grid(
    mixture: GaussianMixture, lo: float, hi: float, points: int = 400
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A 1-D grid, the mixture density on it, and each weighted component π_k N(x; μ_k, σ_k²)."""
    grid = np.linspace(lo, hi, points)
    components = mixture.weighted_component_densities(grid[:, None])
    return grid, components.sum(axis=1), components


def ellipse(
    mean: np.ndarray, covariance: np.ndarray, n_sigma: float, points: int = 121
) -> np.ndarray:
    """The closed curve {x : (x − μ)ᵀ Σ⁻¹ (x − μ) = n_sigma²}, shape (points, 2)."""
    angles = np.linspace(0.0, 2.0 * np.pi, points)
    circle = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    chol = np.linalg.cholesky(np.asarray(covariance, dtype=np.float64))
    return np.asarray(mean, dtype=np.float64) + n_sigma * circle @ chol.T


def padded_span(
    x: np.ndarray, mixture: GaussianMixture | None = None, pad: float = 0.05
) -> tuple[float, float]:
    """A range holding the data and, for a mixture, 4 σ either side of every mean."""
    lo, hi = float(np.min(x)), float(np.max(x))
    if mixture is not None and mixture.d == 1:
        sd = np.sqrt(mixture.covariances[:, 0, 0])
        lo = min(lo, float(np.min(mixture.means[:, 0] - 4 * sd)))
        hi = max(hi, float(np.max(mixture.means[:, 0] + 4 * sd)))
    margin = pad * (hi - lo if hi > lo else 1.0)
    return lo - margin, hi + margin


def contour_lines(
    values: np.ndarray, x: np.ndarray, y: np.ndarray, levels: Sequence[float]
) -> np.ndarray:
    """The contours of a grid of values at `levels` as one (m, 2) array of points, each line
    ended by a NaN row (one curve drawn with connect="finite").

    values[i, j] is the value at (x[i], y[j]). Traced by contourpy (matplotlib's contour engine,
    in C++) with linear interpolation, fast enough to trace every frame.
    """
    values = np.asarray(values, dtype=np.float64)
    if values.shape != (len(x), len(y)):
        raise ValueError(f"values are {values.shape}, axes are {len(x)} by {len(y)}")
    generator = contourpy.contour_generator(
        np.asarray(x, dtype=np.float64),
        np.asarray(y, dtype=np.float64),
        values.T,  # contourpy wants z[row = y, column = x]
        line_type=contourpy.LineType.ChunkCombinedNan,
    )
    pieces = []
    for level in levels:
        (chunks,) = generator.lines(float(level))
        for chunk in chunks:
            if chunk is not None and len(chunk):
                pieces.append(chunk)
                pieces.append(np.full((1, 2), np.nan))
    if not pieces:
        return np.empty((0, 2))
    return np.concatenate(pieces)


def clip_polyline(
    x: np.ndarray, y: np.ndarray, box: tuple[float, float, float, float], connect: str = "all"
) -> tuple[np.ndarray, np.ndarray]:
    """The parts of a polyline inside `box` = (left, bottom, right, top), as one polyline whose
    pieces are separated by NaN (to be drawn with connect="finite"). `connect` says which
    points are joined, as pyqtgraph's curves say it: "all" consecutive points, "finite" those
    not broken by a NaN, "pairs" the points two by two. Each segment is cut where it crosses
    the box (Liang and Barsky); a piece runs on unbroken while its segments do."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    starts = np.arange(0, len(x) - 1, 2 if connect == "pairs" else 1)
    x0, y0, x1, y1 = x[starts], y[starts], x[starts + 1], y[starts + 1]
    finite = np.isfinite(x0) & np.isfinite(y0) & np.isfinite(x1) & np.isfinite(y1)
    left, bottom, right, top = box
    dx, dy = x1 - x0, y1 - y0
    t_in, t_out = np.zeros(len(starts)), np.ones(len(starts))
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - bottom), (dy, top - y0)):
            parallel = p == 0
            outside = parallel & (q < 0)
            t_out[outside] = -1.0  # never inside
            r = q / p
            entering, leaving = (p < 0) & ~parallel, (p > 0) & ~parallel
            t_in[entering] = np.maximum(t_in[entering], r[entering])
            t_out[leaving] = np.minimum(t_out[leaving], r[leaving])
    kept = np.flatnonzero(finite & (t_in <= t_out))
    out_x: list[float] = []
    out_y: list[float] = []
    previous = None  # (index of the segment drawn last, whether it reached its end)
    for i in kept:
        a = (x0[i] + t_in[i] * dx[i], y0[i] + t_in[i] * dy[i])
        b = (x0[i] + t_out[i] * dx[i], y0[i] + t_out[i] * dy[i])
        joined = (
            previous is not None
            and previous[1]
            and previous[0] == i - 1
            and t_in[i] == 0.0
            and connect != "pairs"
        )
        if not joined:
            if out_x:
                out_x.append(np.nan)
                out_y.append(np.nan)
            out_x.append(a[0])
            out_y.append(a[1])
        out_x.append(b[0])
        out_y.append(b[1])
        previous = (i, t_out[i] == 1.0)
    return np.array(out_x), np.array(out_y)
