"""What the VAE views draw, as arrays: images laid out in a mosaic, the strips of a path, the
loss curves of a run on one scale, the verdict of the off-manifold scores."""

from __future__ import annotations

import numpy as np

GAP_VALUE = 0.18  # the hairline between images: a light grey between white paper and ink


def mosaic(images: np.ndarray, shape: tuple[int, int], columns: int, gap: int = 1) -> np.ndarray:
    """`images` (n, h·w), bytes or floats in [0, 1], as one picture of `columns` per row (the
    last row padded), a `gap`-pixel hairline between them: (rows·(h+gap)−gap, ...) in [0, 1]."""
    images = np.asarray(images)
    h, w = shape
    n = len(images)
    columns = max(1, min(columns, n)) if n else 1
    rows = max(1, -(-n // columns))
    values = images.astype(np.float32) / (255.0 if images.dtype == np.uint8 else 1.0)
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), GAP_VALUE, np.float32)
    for i in range(n):
        r, c = divmod(i, columns)
        out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = values[
            i
        ].reshape(h, w)
    if n < rows * columns:  # the padding cells are paper, not hairline
        for i in range(n, rows * columns):
            r, c = divmod(i, columns)
            out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = 0.0
    return out


def strips(rows: list[np.ndarray], shape: tuple[int, int], gap: int = 1) -> np.ndarray:
    """Paths one above the other (each (points, h·w)): a row each, as one mosaic."""
    points = max(len(r) for r in rows)
    return mosaic(np.concatenate(rows), shape, points, gap)


def nearer(vae: float, ae: float, pixel: float) -> tuple[str, float, bool] | None:
    """Which path stays nearer the data, as measured (whichever model it favours): "vae", "ae"
    or "both" (within 2 % of each other), how many times less far, and whether both lie below
    the cross-fade's; None where a score is not finite."""
    if not np.isfinite([vae, ae, pixel]).all():
        return None
    if abs(vae - ae) <= 0.02 * max(vae, ae, 1e-12):
        which, ratio = "both", 1.0
    elif vae < ae:
        which, ratio = "vae", ae / max(vae, 1e-12)
    else:
        which, ratio = "ae", vae / max(ae, 1e-12)
    return which, ratio, max(vae, ae) < pixel


def verdict(vae: float, ae: float, pixel: float) -> str:
    """`nearer` in words."""
    found = nearer(vae, ae, pixel)
    if found is None:
        return ""
    which, ratio, below = found
    words = {
        "both": "the VAE's and the AE's paths stay about as near the data",
        "vae": f"the VAE's path stays nearer the data ({ratio:.2g}× less far)",
        "ae": f"the AE's path stays nearer the data ({ratio:.2g}× less far)",
    }[which]
    return f"{words}; {'both' if below else 'not both'} below the cross-fade"


def mesh_lines(mesh: np.ndarray, family: int) -> tuple[np.ndarray, np.ndarray]:
    """One family of a mesh (2, lines, points, 2) (0: constant θ, 1: constant φ) as one
    polyline, x and y with NaN between the lines: drawn as one item, broken where NaN."""
    lines = np.asarray(mesh, dtype=np.float64)[family]
    gap = np.full((len(lines), 1, 2), np.nan)
    flat = np.concatenate([lines, gap], axis=1).reshape(-1, 2)[:-1]
    return flat[:, 0], flat[:, 1]
