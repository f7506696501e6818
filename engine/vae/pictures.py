"""What the window draws of a model after an epoch: the test codes in a plane, the decoded grid
over their range (Kingma and Welling's figure 4), samples from the prior and reconstructions.

Kept small on purpose, since the window's history keeps many epochs: images as uint8, at most
SHOWN codes, and what every epoch shares (which test images are shown, their labels, the
originals) in one `Shown` made once a run, the same object in every snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from engine.experiment import frozen_array
from engine.imaging.images import ImageSet
from engine.imaging.images import as_uint8 as _as_uint8

SHOWN = 2000  # test codes drawn at most: a seeded subset beyond
RECONSTRUCTIONS = 10  # test images shown beside their reconstructions
SAMPLES = 30  # samples from the prior, three rows of ten
SPAN_QUANTILE = 0.01  # the grid spans the scatter's 1st to 99th percentile
SUBSCRIPTS = "₁₂₃₄₅₆₇₈₉"


def as_uint8(images) -> np.ndarray:
    """engine.imaging.images.as_uint8, for a tensor too."""
    if isinstance(images, torch.Tensor):
        images = images.detach().cpu().numpy()
    return _as_uint8(images)


@dataclass(frozen=True)
class Shown:
    """The test images a run shows: `index` into the test set (the scatter's points), their
    labels or true factors, and the first RECONSTRUCTIONS of them as bytes."""

    index: np.ndarray
    shape: tuple[int, int]
    originals: np.ndarray
    labels: np.ndarray | None = None
    factors: np.ndarray | None = None
    factor_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", frozen_array(self.index, np.int64))


def shown_of(test_set: ImageSet, seed: int) -> Shown:
    n = len(test_set)
    if n > SHOWN:
        index = np.sort(np.random.default_rng([seed, 17]).choice(n, SHOWN, replace=False))
    else:
        index = np.arange(n)
    subset = test_set.subset(index)
    return Shown(
        index=index,
        shape=test_set.shape,
        originals=as_uint8(subset.x[:RECONSTRUCTIONS]),
        labels=subset.labels,
        factors=subset.factors,
        factor_names=test_set.factor_names,
    )


@dataclass(frozen=True)
class Plane:
    """Where codes are drawn: z itself for L ≤ 2 (z₂ = 0 for L = 1), else the plane of the
    codes' first two principal components through their mean."""

    origin: np.ndarray  # (L,)
    basis: np.ndarray  # (rows, L): one row for L = 1, else two
    axes: tuple[str, str]
    explained: tuple[float, ...] = ()  # the share of the codes' variance along each row

    def project(self, codes: np.ndarray) -> np.ndarray:
        """(n, 2): the codes' coordinates in the plane (the second 0 when L = 1)."""
        uv = (np.asarray(codes, dtype=np.float64) - self.origin) @ self.basis.T
        if uv.shape[1] == 1:
            uv = np.column_stack([uv, np.zeros(len(uv))])
        return uv

    def lift(self, uv: np.ndarray) -> np.ndarray:
        """Codes at plane coordinates `uv` (n, 2): on the plane, so for L > 2 the other
        directions stay at the codes' mean."""
        uv = np.asarray(uv, dtype=np.float64)[:, : len(self.basis)]
        return self.origin + uv @ self.basis


def plane_of(codes: np.ndarray) -> Plane:
    codes = np.asarray(codes, dtype=np.float64)
    latent = codes.shape[1]
    if latent == 1:
        return Plane(np.zeros(1), np.eye(1), ("z", ""))
    if latent == 2:
        return Plane(np.zeros(2), np.eye(2), ("z₁", "z₂"))
    origin = codes.mean(0)
    _, singular, rows = np.linalg.svd(codes - origin, full_matrices=False)
    variance = singular**2
    share = variance / variance.sum() if variance.sum() > 0 else np.zeros_like(variance)
    axes = tuple(f"PC {i + 1} ({share[i]:.0%} of the codes' variance)" for i in range(2))
    return Plane(origin, rows[:2], axes, (float(share[0]), float(share[1])))


def span_of(coords: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """The scatter's range: its 1st to 99th percentile per axis (a point at least wide)."""
    spans = []
    for column in np.asarray(coords, dtype=np.float64).T:
        finite = column[np.isfinite(column)]
        if len(finite) == 0:
            spans.append((-1.0, 1.0))
            continue
        lo, hi = np.quantile(finite, [SPAN_QUANTILE, 1 - SPAN_QUANTILE])
        if hi - lo < 1e-6:
            lo, hi = lo - 0.5, hi + 0.5
        spans.append((float(lo), float(hi)))
    return spans[0], spans[1]


def grid_points(span, per_side: int, rows: int) -> np.ndarray:
    """Plane coordinates of the grid, row by row from the top (the highest v) down, each row
    from the lowest u: as the scatter shows them. One row when the plane is a line."""
    (u0, u1), (v0, v1) = span
    u = np.linspace(u0, u1, per_side)
    v = np.linspace(v1, v0, per_side) if rows > 1 else np.zeros(1)
    uu, vv = np.meshgrid(u, v)
    return np.column_stack([uu.ravel(), vv.ravel()])


@dataclass(frozen=True)
class Pictures:
    """One model after one epoch, as the window draws it."""

    kind: str  # "vae" or "ae"
    coords: np.ndarray  # (len(shown.index), 2) float32: the shown test codes in the plane
    plane: Plane
    span: tuple[tuple[float, float], tuple[float, float]]
    grid: np.ndarray  # (rows · per_side, pixels) uint8, decoded at grid_points
    per_side: int
    grid_rows: int
    reconstructions: np.ndarray  # (RECONSTRUCTIONS, pixels) uint8 of shown.originals
    samples: np.ndarray | None = None  # (SAMPLES, pixels) uint8 from N(0, I); the AE has no prior


def grid_size(shape: tuple[int, int]) -> int:
    """Decoded images per side of the grid: 15 of the 8×8 digits, fewer of larger images."""
    return 15 if shape[0] * shape[1] <= 256 else 10


def pictures_of(model, test: torch.Tensor, shown: Shown, seed: int) -> Pictures:
    """`model` on the shown test images (`test` is the whole test set as the model sees it)."""
    device = test.device
    with torch.no_grad():
        codes = model.code(test[torch.tensor(np.array(shown.index), device=device)])
        codes_np = codes.double().cpu().numpy()
        plane = plane_of(codes_np)
        coords = plane.project(codes_np)
        span = span_of(coords)
        per_side = grid_size(shown.shape)
        rows = per_side if model.latent > 1 else 1
        at = plane.lift(grid_points(span, per_side, rows))
        grid = model.decode(torch.as_tensor(at, dtype=codes.dtype, device=device))
        reconstructions = model.decode(codes[:RECONSTRUCTIONS])
        samples = None
        if model.kind == "vae":
            generator = torch.Generator(device=device).manual_seed(seed * 1_000_003 + 3)
            z = torch.randn(
                (SAMPLES, model.latent), generator=generator, device=device, dtype=codes.dtype
            )
            samples = as_uint8(model.decode(z))
    return Pictures(
        kind=model.kind,
        coords=frozen_array(coords, np.float32),
        plane=plane,
        span=span,
        grid=as_uint8(grid),
        per_side=per_side,
        grid_rows=rows,
        reconstructions=as_uint8(reconstructions),
        samples=samples,
    )


def nearest_shown(pictures: Pictures, shown: Shown, u: float, v: float) -> int:
    """The test index of the shown code nearest to (u, v), distances measured in units of the
    scatter's span on each axis (so a click means the same on a tall or a wide plot)."""
    (u0, u1), (v0, v1) = pictures.span
    scale = np.array([max(u1 - u0, 1e-9), max(v1 - v0, 1e-9)])
    offsets = (pictures.coords.astype(np.float64) - np.array([u, v])) / scale
    return int(shown.index[int(np.argmin(np.einsum("ij,ij->i", offsets, offsets)))])
