"""The `images` experiment: the VAE panel's image data sets as the Data panel shows them.

One snapshot: how many images and of what size, the seeded train/test split the VAE panel uses,
the labels' counts (digits, MNIST) or the true factors (pole and shadow), and a grid of images
laid out by what made them: a row per label, or the images nearest a regular (θ, φ) grid.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from engine.config import ExperimentConfig, existing_file, param
from engine.experiment import Experiment, Snapshot, bulk, register
from engine.imaging.images import DIGITS_IMPORTS

DATASETS = ("digits", "poles")
PER_ROW = 10  # images a row of the grid
LABEL_ROWS = 10  # labels shown, a row each
FACTORS_SHOWN = 5000  # factor points drawn at most


@dataclass(frozen=True, kw_only=True)
class ImagesConfig(ExperimentConfig):
    dataset: str = param(
        "digits",
        "the images: digits (scikit-learn's 8×8), poles (pole and shadow), or MNIST / "
        "Fashion-MNIST as IDX (raw or .gz, labels beside it) or an NPZ (x, labels)",
    )
    images: int = param(5000, "pole and shadow: images rendered", minimum=10, maximum=100_000)

    def applies(self, name: str) -> bool:
        if name == "images":
            return self.dataset == "poles"
        return super().applies(name)

    def validate(self) -> None:
        if self.dataset not in DATASETS:
            existing_file("dataset", self.dataset)  # its contents are checked when it is read


@dataclass(frozen=True, kw_only=True)
class ImagesSnapshot(Snapshot):
    dataset: str
    count: int
    train_size: int
    test_size: int
    height: int
    width: int
    label_counts: tuple[int, ...] | None  # images of each label 0, 1, ... (None: unlabelled)
    factor_names: tuple[str, ...] | None
    factor_ranges: tuple[tuple[float, float], ...] | None  # each factor's least and most
    mean_level: float  # the mean pixel value, in [0, 1]
    # For the window: the grid (rows · PER_ROW images as bytes), what each row and column
    # holds, and the factors of (at most FACTORS_SHOWN) images with whether each is a test one.
    grid: np.ndarray = bulk()
    row_names: tuple[str, ...] = bulk(())
    column_names: tuple[str, ...] = bulk(())
    factors: np.ndarray | None = bulk()
    is_test: np.ndarray | None = bulk()
    shape: tuple[int, int] = bulk((8, 8))


def generate(config: ImagesConfig) -> Generator[Snapshot, None, ImagesSnapshot]:
    from engine.imaging import image_files, images

    yield from ()  # one snapshot, the result: no step before it
    if config.dataset == "digits":
        everything = images.digits()
    elif config.dataset == "poles":
        everything = images.poles(config.images, config.seed)
    else:
        everything = image_files.load_images(config.dataset)
    train, test = images.split(everything, config.seed)
    rng = np.random.default_rng([config.seed, 19])
    order = rng.permutation(len(everything))
    rows, row_names, column_names = _grid(everything, order)
    counts = None
    if everything.labels is not None:
        counts = tuple(int(c) for c in np.bincount(everything.labels))
    factors = is_test = ranges = None
    if everything.factors is not None:
        shown = np.sort(order[:FACTORS_SHOWN])
        factors = everything.factors[shown]
        test_index = _test_index(everything, config.seed)
        is_test = np.isin(shown, test_index)
        ranges = tuple((float(f.min()), float(f.max())) for f in everything.factors.T)
    return ImagesSnapshot(
        step=1,
        final=True,
        dataset=config.dataset,
        count=len(everything),
        train_size=len(train),
        test_size=len(test),
        height=everything.shape[0],
        width=everything.shape[1],
        label_counts=counts,
        factor_names=everything.factor_names or None,
        factor_ranges=ranges,
        mean_level=float(everything.x.mean()),
        grid=images.as_uint8(everything.x[rows]),
        row_names=row_names,
        column_names=column_names,
        factors=factors,
        is_test=is_test,
        shape=everything.shape,
    )


def _test_index(everything, seed: int) -> np.ndarray:
    """The indices the split holds out (as engine.imaging.images.split draws them)."""
    from engine.imaging import images

    order = np.random.default_rng([seed, 7]).permutation(len(everything))
    return order[: images.test_count(len(everything))]


def _grid(everything, order: np.ndarray) -> tuple[np.ndarray, tuple[str, ...], tuple[str, ...]]:
    """Which images the grid shows, row by row, and the rows' and columns' names."""
    if everything.labels is not None:
        rows, names = [], []
        for label in np.unique(everything.labels)[:LABEL_ROWS]:
            members = order[everything.labels[order] == label][:PER_ROW]
            padded = np.concatenate([members, np.full(PER_ROW - len(members), members[0])])
            rows.append(padded)
            names.append(str(int(label)))
        return np.concatenate(rows), tuple(names), ()
    if everything.factors is not None:
        # The image nearest each point of a regular grid over the two factors: θ down the
        # rows from high to low, φ along the columns (distances in units of each range).
        factors = everything.factors[:, :2]
        low, high = factors.min(0), factors.max(0)
        span = np.where(high > low, high - low, 1.0)
        theta = np.linspace(high[0], low[0], PER_ROW)
        phi = np.linspace(low[1], high[1], PER_ROW)
        at = np.stack(np.meshgrid(theta, phi, indexing="ij"), -1).reshape(-1, 2)
        scaled = (factors - low) / span
        nearest = np.array(
            [(((scaled - (point - low) / span) ** 2).sum(1)).argmin() for point in at]
        )
        return (
            nearest,
            tuple(f"{np.degrees(t):.0f}°" for t in theta),
            tuple(f"{np.degrees(p):.0f}°" for p in phi),
        )
    return order[: PER_ROW * PER_ROW], (), ()


EXPERIMENT = register(
    Experiment(
        "images",
        "The image data sets of the VAE panel: digits, pole and shadow, MNIST files",
        ImagesConfig,
        generate,
        {"digits": dict(dataset="digits"), "poles": dict(dataset="poles", images=5000)},
        imports=(
            "engine.imaging.images",
            "engine.imaging.image_files",
            *DIGITS_IMPORTS,
        ),
    )
)
