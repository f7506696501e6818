"""Image data sets for the VAE: scikit-learn's 8×8 digits and the procedural pole and shadow.

Images are rows of pixels in [0, 1] (float32), with their labels (digits) or the true factors
that made them (poles: the light's elevation θ and azimuth φ). A train/test split is fixed by
the seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.experiment import frozen_array
from engine.threads import let_others_run

# What load_digits imports on its first call (its resource files' readers): listed in the
# experiments' `imports`, so that the GUI thread imports them first (engine.experiment.prepare).
DIGITS_IMPORTS = (
    "sklearn.datasets",
    "sklearn.datasets.data",
    "sklearn.datasets.descr",
    "importlib.readers",
    "importlib.resources.readers",
    "importlib.resources._itertools",
)
POLE_SIZE = 32
# The light's elevation θ and azimuth φ (radians): the pole and shadow's true 2-D manifold.
ELEVATION = (np.deg2rad(20.0), np.deg2rad(75.0))
AZIMUTH = (np.deg2rad(15.0), np.deg2rad(165.0))
_POLE_BASE = np.array([16.0, 23.0])  # (x, y) in pixels, y down: the pole stands here
_POLE_HEIGHT = 13.0
_SHADOW_MAX = 14.0  # pixels: a low sun's shadow runs out of the picture beyond this
_LINE_WIDTH = 1.6  # pixels, anti-aliased by coverage
_RENDER_CHUNK = 512


@dataclass(frozen=True)
class ImageSet:
    name: str
    x: np.ndarray  # (n, h·w) float32 in [0, 1]
    shape: tuple[int, int]
    labels: np.ndarray | None = None  # (n,) int64
    factors: np.ndarray | None = None  # (n, f) float64: the true generating factors
    factor_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", frozen_array(self.x, np.float32))
        for name, dtype in (("labels", np.int64), ("factors", np.float64)):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, frozen_array(value, dtype))

    def __len__(self) -> int:
        return len(self.x)

    @property
    def pixels(self) -> int:
        return self.shape[0] * self.shape[1]

    def subset(self, index: np.ndarray) -> ImageSet:
        return ImageSet(
            self.name,
            self.x[index],
            self.shape,
            None if self.labels is None else self.labels[index],
            None if self.factors is None else self.factors[index],
            self.factor_names,
        )


def as_uint8(images: np.ndarray) -> np.ndarray:
    """Images in [0, 1] as bytes (a quarter of float32's memory), read-only."""
    return frozen_array(np.clip(np.asarray(images) * 255.0 + 0.5, 0, 255).astype(np.uint8))


def digits() -> ImageSet:
    """scikit-learn's 1,797 handwritten digits, 8×8 grey levels 0–16 scaled to [0, 1]."""
    from sklearn.datasets import load_digits

    data = load_digits()
    return ImageSet("digits", data.data / 16.0, (8, 8), labels=data.target)


DIGITS_COUNT = 1797
TEST_FRACTION = 0.2


def test_count(total: int) -> int:
    """How many of `total` images the split holds out for testing."""
    return max(1, round(TEST_FRACTION * total))


def split_sizes(dataset: str, count: int) -> tuple[int, int] | None:
    """(training, test) images of the split of `dataset` ("digits", or "poles" of `count`
    images); None for a file, whose size is known once it is read."""
    total = {"digits": DIGITS_COUNT, "poles": count}.get(dataset)
    return None if total is None else (total - test_count(total), test_count(total))


def split(images: ImageSet, seed: int) -> tuple[ImageSet, ImageSet]:
    """(train, test): a permutation fixed by the seed, the last test_count held out."""
    order = np.random.default_rng([seed, 7]).permutation(len(images))
    test = test_count(len(images))
    return images.subset(np.sort(order[test:])), images.subset(np.sort(order[:test]))


def render_poles(elevation: np.ndarray, azimuth: np.ndarray) -> np.ndarray:
    """Pole-and-shadow images (after Oring et al. 2021), (n, 32·32) float32 in [0, 1], for
    lights at elevations θ and azimuths φ (radians): a bright vertical pole on a ground plane lit
    by sin θ, and its shadow from the pole's foot away from the light, cot θ times the pole's
    height long (foreshortened by half across the picture's depth). Deterministic and smooth in
    (θ, φ): lines are drawn by their coverage of each pixel."""
    elevation = np.atleast_1d(np.asarray(elevation, dtype=np.float64))
    azimuth = np.atleast_1d(np.asarray(azimuth, dtype=np.float64))
    if len(elevation) > _RENDER_CHUNK:  # (n, pixels, 2) temporaries: a bounded n at a time
        chunks = []
        for i in range(0, len(elevation), _RENDER_CHUNK):
            let_others_run()  # on a worker: 10⁵ images take seconds, and a cancel stops here
            chunks.append(
                render_poles(elevation[i : i + _RENDER_CHUNK], azimuth[i : i + _RENDER_CHUNK])
            )
        return np.concatenate(chunks)
    centres = np.stack(np.meshgrid(np.arange(POLE_SIZE), np.arange(POLE_SIZE)), -1) + 0.5
    points = centres.reshape(-1, 2)  # (P, 2) as (x, y)
    pole = _coverage(points, _POLE_BASE, _POLE_BASE - [0.0, _POLE_HEIGHT])  # (P,)
    length = np.minimum(_POLE_HEIGHT / np.tan(elevation), _SHADOW_MAX)  # (n,)
    direction = np.stack([np.cos(azimuth), 0.5 * np.sin(azimuth)], -1)  # away from the light
    ends = _POLE_BASE + length[:, None] * direction  # (n, 2)
    shadow = _coverage(points[None], _POLE_BASE, ends[:, None, :])  # (n, P)
    ground = 0.25 + 0.5 * np.sin(elevation)[:, None]  # a higher sun lights the plane more
    image = ground * (1 - 0.85 * shadow)
    image = np.maximum(image, pole[None])
    return np.clip(image, 0.0, 1.0).astype(np.float32)


def _coverage(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """How much of each pixel a line of _LINE_WIDTH from `start` to `end` covers (0 to 1)."""
    # Coordinates apart, not summed over a last axis of 2: numpy's reductions over so short an
    # axis cost more than the arithmetic (the same sums, so the same bits).
    sx, sy = (end - start)[..., 0], (end - start)[..., 1]
    ox, oy = (points - start)[..., 0], (points - start)[..., 1]
    length2 = np.maximum(sx * sx + sy * sy, 1e-12)
    t = np.clip((ox * sx + oy * sy) / length2, 0.0, 1.0)
    dx, dy = ox - t * sx, oy - t * sy
    distance = np.sqrt(dx * dx + dy * dy)
    return np.clip(0.5 + _LINE_WIDTH / 2 - distance, 0.0, 1.0)


def poles(n: int, seed: int) -> ImageSet:
    """n pole-and-shadow images at lights drawn uniformly over the factor box."""
    rng = np.random.default_rng([seed, 11])
    elevation = rng.uniform(*ELEVATION, size=n)
    azimuth = rng.uniform(*AZIMUTH, size=n)
    return ImageSet(
        "poles",
        render_poles(elevation, azimuth),
        (POLE_SIZE, POLE_SIZE),
        factors=np.stack([elevation, azimuth], 1),
        factor_names=("elevation θ", "azimuth φ"),
    )


def pole_grid(per_side: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """The true generator's images over a dense (θ, φ) grid, and the grid: (per_side², 1024)
    images against which a decoded image's distance to the manifold is measured."""
    theta, phi = np.meshgrid(np.linspace(*ELEVATION, per_side), np.linspace(*AZIMUTH, per_side))
    factors = np.stack([theta.ravel(), phi.ravel()], 1)
    return render_poles(factors[:, 0], factors[:, 1]), factors
