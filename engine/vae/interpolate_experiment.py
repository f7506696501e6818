"""The `interpolate` experiment: does a straight line between two codes stay on the data?

A VAE and a plain autoencoder of the same shape train side by side, from the same seed on the
same split (or come from weights files). After every epoch both decode `points` codes on the
path from test image a to test image b (the straight line or the slerp), and the pixel-space
cross-fade gives the off-manifold baseline. Each point's score is its distance to the nearest
training image (pole and shadow: to the true generator's images on a dense grid), see
engine.vae.interpolation. The claim under test (seed 003 §3, Oring et al. 2021): the
autoencoder's path leaves the manifold and the VAE's much less. The numbers say whether it does.

The end points, the number of points and the path are steerable: sent into a running
experiment they change what the next epoch decodes, and training goes on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from engine import device as devices
from engine.config import ConfigError, ExperimentConfig, existing_file, param
from engine.experiment import Experiment, Snapshot, bulk, register
from engine.vae.experiment import DATASETS, LIKELIHOODS
from engine.vae.images import DIGITS_IMPORTS, split_sizes

PATHS = ("linear", "slerp")
# The small digits models that ship, so that interpolation works at once (epochs = 0); made by
# `lvm-gui run vae --preset digits-vae --set save=assets/digits-vae.pt --set iwae_k=1` (and
# digits-ae): latent 2, Bernoulli, seed 0.
ASSETS = Path(__file__).resolve().parents[2] / "assets"
SHIPPED = {"vae": ASSETS / "digits-vae.pt", "ae": ASSETS / "digits-ae.pt"}
SHIPPED_FOR = {"dataset": "digits", "latent": 2, "likelihood": "bernoulli"}
FINAL_ONLY = ("a", "b", "path", "points", "vae_scores", "ae_scores", "pixel_scores")
GRID_PER_SIDE = 100  # pole and shadow: the true manifold as 100 × 100 rendered images


@dataclass(frozen=True, kw_only=True)
class InterpolateConfig(ExperimentConfig):
    dataset: str = param("digits", "the images: 8×8 digits, or pole and shadow", choices=DATASETS)
    images: int = param(5000, "pole and shadow: images rendered", minimum=10, maximum=100_000)
    latent: int = param(2, "L, the latent size of both models", minimum=1, maximum=32)
    likelihood: str = param("bernoulli", "p(x | z) per pixel, for both models", choices=LIKELIHOODS)
    beta: float = param(1.0, "β of the VAE's KL term", minimum=0.0, maximum=100.0)
    learning_rate: float = param(1e-3, "Adam's learning rate", minimum=1e-6, maximum=1.0)
    batch: int = param(128, "images per gradient step", minimum=1, maximum=100_000)
    epochs: int = param(20, "passes over the training images", minimum=0, maximum=10_000)
    a: int | None = param(
        None,
        "the first end point: a test image's index (default: seeded)",
        minimum=0,
        maximum=10**6,
    )
    b: int | None = param(
        None, "the second end point (default: seeded, another label)", minimum=0, maximum=10**6
    )
    points: int = param(9, "points on the path, ends included", minimum=2, maximum=64)
    path: str = param("linear", "the path between the two codes", choices=PATHS)
    vae_file: str | None = param(None, "the VAE's weights (saved by `vae` save=): no training")
    ae_file: str | None = param(None, "the autoencoder's weights: no training")

    steerable: ClassVar[frozenset[str]] = frozenset({"a", "b", "points", "path"})

    def applies(self, name: str) -> bool:
        if name == "images":
            return self.dataset == "poles"
        return super().applies(name)

    def validate(self) -> None:
        train, test = split_sizes(self.dataset, self.images)
        for name in ("a", "b"):
            index = getattr(self, name)
            if index is not None and index >= test:
                raise ConfigError(
                    f"{name} = {index}: the test set has {test} images (0 to {test - 1})"
                )
        if self.batch > train:
            raise ConfigError(f"batch = {self.batch}: more than the {train} training images")
        for name in ("vae_file", "ae_file"):
            if getattr(self, name) is not None:
                existing_file(name, getattr(self, name))


@dataclass(frozen=True, kw_only=True)
class InterpolateSnapshot(Snapshot):
    """Both models after `epoch` epochs and their paths from test image a to b."""

    epoch: int
    vae_test_elbo: float
    ae_test_recon: float
    vae_off_manifold: float  # mean score along each path
    ae_off_manifold: float
    pixel_off_manifold: float
    a: int
    b: int
    path: str
    points: int
    vae_scores: tuple[float, ...]
    ae_scores: tuple[float, ...]
    pixel_scores: tuple[float, ...]
    # For the window: the strips (points, pixels), the codes on each path, the image shape.
    vae_images: np.ndarray = bulk()
    ae_images: np.ndarray = bulk()
    pixel_images: np.ndarray = bulk()
    vae_codes: np.ndarray = bulk()
    ae_codes: np.ndarray = bulk()
    shape: tuple[int, int] = bulk((8, 8))
    vae: Any = bulk()  # frozen copies of the two models at this epoch
    ae: Any = bulk()

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if not self.final:
            for name in FINAL_ONLY:
                out.pop(name)
        return out


def default_ends(config: InterpolateConfig, test_labels, test_factors) -> tuple[int, int]:
    """Seeded end points: two test images of different labels (digits), or of lights far
    apart (pole and shadow)."""
    n = len(test_labels) if test_labels is not None else len(test_factors)
    rng = np.random.default_rng([config.seed, 13])
    a = int(rng.integers(n)) if config.a is None else config.a
    if config.b is not None:
        return a, config.b
    if test_labels is not None:
        others = np.flatnonzero(test_labels != test_labels[a])
    else:
        spread = np.abs(test_factors - test_factors[a]).sum(1)
        others = np.flatnonzero(spread >= np.quantile(spread, 0.9))
    return a, int(rng.choice(others)) if len(others) else (a + 1) % n


def generate(config: InterpolateConfig) -> Generator[Snapshot, Any, InterpolateSnapshot]:
    from engine.vae import images, training

    device = devices.resolve(config.device)
    data = training.Data(config.dataset, config.likelihood, config.seed, device, config.images)
    if config.dataset == "poles":
        grid, _ = images.pole_grid(GRID_PER_SIDE)
        references = data.tensor(grid)
    else:
        references = data.train
    files = shipped_or_given(config)
    trainers = {
        kind: training.trainer_for(kind, data, config, path, f"{kind}_file")
        for kind, path in files.items()
    }
    trained = [kind for kind, path in files.items() if path is None]
    epochs = config.epochs if trained else 0
    snap = _paths(config, data, references, trainers, 0)
    for epoch in range(1, epochs + 1):
        if any(trainers[kind].train_epoch()[0] is None for kind in trained):
            break  # a non-finite loss: the last good epoch's paths make the final line
        snap = _paths(config, data, references, trainers, epoch)
        if epoch < epochs:
            steered = yield snap
            if steered is not None:
                config = steered  # new end points or path: from the next epoch on
    return dataclasses.replace(snap, final=True)


def shipped_or_given(config: InterpolateConfig) -> dict[str, Path | str | None]:
    """Each model's weights file: the one given, else with epochs = 0 the shipped digits model
    (a ConfigError where none fits), else None: trained here."""
    given = {"vae": config.vae_file, "ae": config.ae_file}
    if config.epochs > 0:
        return given
    fits = all(getattr(config, k) == v for k, v in SHIPPED_FOR.items())
    for kind, path in given.items():
        if path is None:
            if not fits:
                raise ConfigError(
                    f"epochs = 0 and no {kind}_file: the shipped models are for digits, "
                    "latent 2, bernoulli; give weights files or epochs"
                )
            given[kind] = SHIPPED[kind]
    return given


def _paths(config, data, references, trainers, epoch: int) -> InterpolateSnapshot:
    """Both models' paths from a to b after `epoch` epochs, with their scores."""
    from engine.vae import interpolation, training

    a, b = default_ends(config, data.test_set.labels, data.test_set.factors)
    x_a, x_b = data.test[a], data.test[b]
    vae, ae = trainers["vae"].good, trainers["ae"].good
    vae_images, vae_codes = interpolation.decoded_path(vae, x_a, x_b, config.points, config.path)
    ae_images, ae_codes = interpolation.decoded_path(ae, x_a, x_b, config.points, config.path)
    pixel_images = interpolation.cross_fade(x_a, x_b, config.points)
    scores = {
        name: interpolation.off_manifold(strip, references)
        for name, strip in (("vae", vae_images), ("ae", ae_images), ("pixel", pixel_images))
    }
    recon, kl = training.evaluate(vae, data, config.seed)
    ae_recon, _ = training.evaluate(ae, data, config.seed)
    return InterpolateSnapshot(
        step=epoch,
        epoch=epoch,
        vae_test_elbo=recon - kl,
        ae_test_recon=ae_recon,
        vae_off_manifold=float(scores["vae"].mean()),
        ae_off_manifold=float(scores["ae"].mean()),
        pixel_off_manifold=float(scores["pixel"].mean()),
        a=a,
        b=b,
        path=config.path,
        points=config.points,
        vae_scores=tuple(float(v) for v in scores["vae"]),
        ae_scores=tuple(float(v) for v in scores["ae"]),
        pixel_scores=tuple(float(v) for v in scores["pixel"]),
        vae_images=vae_images.cpu().numpy(),
        ae_images=ae_images.cpu().numpy(),
        pixel_images=pixel_images.cpu().numpy(),
        vae_codes=vae_codes.cpu().numpy(),
        ae_codes=ae_codes.cpu().numpy(),
        shape=data.shape,
        vae=vae,
        ae=ae,
    )


PRESETS = {
    "digits": dict(dataset="digits", epochs=20),
    "poles": dict(dataset="poles", epochs=20, likelihood="continuous-bernoulli"),
}

EXPERIMENT = register(
    Experiment(
        "interpolate",
        "Straight-line interpolation in a VAE and a plain autoencoder, scored against the data",
        InterpolateConfig,
        generate,
        PRESETS,
        imports=("engine.vae.training", "engine.vae.interpolation", *DIGITS_IMPORTS),
    )
)
