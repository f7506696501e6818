"""The `interpolate` experiment: does a straight line between two codes stay on the data?

A VAE and a plain autoencoder of the same shape train side by side, from the same seed on the
same split (or come from weights files). After every epoch both decode `points` codes on the
path from test image a to test image b (the straight line or the slerp), and the pixel-space
cross-fade gives the off-manifold baseline. Each point's score is its distance to the nearest
training image (pole and shadow: to the true generator's images on a dense grid), see
engine.vae.interpolation. The claim under test (seed 003 §3, Oring et al. 2021): the
autoencoder's path leaves the manifold and the VAE's much less. The numbers say whether it does.

The end points, the number of points and the path are steerable: sent into a running
experiment they change what the next epoch decodes, and training goes on (the run's history goes
on with it). Both models trained from the seed are put in the workspace with their losses: a run
of the same training recipe (end points, points or path changed after training ended) takes them
from there, replays the epochs' losses and decodes the new path at once (engine.vae.training.
trained_key); training is seeded, so that is what training again would give.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from engine import device as devices
from engine.assets import SHIPPED_MODELS, shipped_model
from engine.config import ExperimentConfig, existing_file, param, refusal
from engine.experiment import Experiment, Snapshot, bulk, frozen_array, register
from engine.imaging.images import DIGITS_IMPORTS, split_sizes
from engine.vae.experiment import DATASETS, LIKELIHOODS, OPTIMISER_IMPORTS
from engine.workspace import WORKSPACE

PATHS = ("linear", "slerp", "mesh")  # mesh: the encoded true path (pole and shadow)
VERDICT_FIELDS = (
    "pairs",
    "vae_path_error",
    "vae_path_error_se",
    "ae_path_error",
    "ae_path_error_se",
    "pixel_path_error",
    "pixel_path_error_se",
    "vae_beats_ae",
    "vae_mesh_path_error",
    "ae_mesh_path_error",
    "vae_manifold_distance",
    "ae_manifold_distance",
    "pixel_manifold_distance",
)
FINAL_ONLY = (
    "a",
    "b",
    "path",
    "points",
    "vae_scores",
    "ae_scores",
    "pixel_scores",
    *VERDICT_FIELDS,
)
LOSSES = ("train_loss", "test_recon", "test_kl")  # each model's per epoch (the AE's KL: None)
GRID_PER_SIDE = 100  # pole and shadow: the true manifold as 100 × 100 rendered images


@dataclass(frozen=True, kw_only=True)
class InterpolateConfig(ExperimentConfig):
    dataset: str = param("poles", "the images: pole and shadow, or 8×8 digits", choices=DATASETS)
    images: int = param(5000, "pole and shadow: images rendered", minimum=10, maximum=100_000)
    latent: int = param(2, "L, the latent size of both models", minimum=1, maximum=32)
    likelihood: str = param(
        "continuous-bernoulli", "p(x | z) per pixel, for both models", choices=LIKELIHOODS
    )
    beta: float = param(
        1.0,
        "β of the VAE's KL term (shipped for pole and shadow: 0.1, 1, 4)",
        minimum=0.0,
        maximum=100.0,
    )
    learning_rate: float = param(1e-3, "Adam's learning rate", minimum=1e-6, maximum=1.0)
    batch: int = param(32, "images per gradient step", minimum=1, maximum=100_000)
    epochs: int = param(
        0,
        "passes over the training images (0: the shipped models of this recipe, no training)",
        minimum=0,
        maximum=10_000,
    )
    a: int | None = param(
        None,
        "the first end point: a test image's index (default: seeded)",
        minimum=0,
        maximum=10**6,
    )
    b: int | None = param(
        None,
        "the second end point (default: seeded: another label, or a light far from a's)",
        minimum=0,
        maximum=10**6,
    )
    points: int = param(9, "points on the path, ends included", minimum=2, maximum=64)
    path: str = param(
        "linear",
        "the path between the two codes (mesh: the codes of the true path's images, pole "
        "and shadow only: the reference that follows the manifold)",
        choices=PATHS,
    )
    vae_file: str | None = param(None, "the VAE's weights (saved by `vae` save=): no training")
    ae_file: str | None = param(None, "the autoencoder's weights: no training")
    reuse_trained: bool = param(
        False,
        "take both models from an earlier run of the same training recipe in this process "
        "(the window's, after training) instead of training again: training is seeded, so "
        "the numbers are the same, but the epochs' lines are replayed losses, with no scores",
    )

    steerable: ClassVar[frozenset[str]] = frozenset({"a", "b", "points", "path"})
    steering_continues: ClassVar[bool] = True  # training goes on: so does the run's history

    def applies(self, name: str) -> bool:
        if name == "images":
            return self.dataset == "poles"
        return super().applies(name)

    def validate(self) -> None:
        train, test = split_sizes(self.dataset, self.images)
        for name in ("a", "b"):
            index = getattr(self, name)
            if index is not None and index >= test:
                raise refusal(
                    "{name} = {index}: the test set has {test} images (0 to {last})",
                    name=name,
                    index=index,
                    test=test,
                    last=test - 1,
                )
        if self.path == "mesh" and self.dataset != "poles":
            raise refusal(
                "path = mesh: the true path needs the generator's factors (pole and shadow)"
            )
        if self.epochs > 0 and self.batch > train:  # no training: no batches
            raise refusal(
                "batch = {batch}: more than the {train} training images",
                batch=self.batch,
                train=train,
            )
        for name in ("vae_file", "ae_file"):
            if getattr(self, name) is not None:
                existing_file(name, getattr(self, name))


@dataclass(frozen=True, kw_only=True)
class InterpolateSnapshot(Snapshot):
    """Both models after `epoch` epochs and their paths from test image a to b."""

    epoch: int
    vae_test_elbo: float
    ae_test_recon: float
    vae_off_manifold: float | None  # mean score along each path (None: a replayed epoch)
    ae_off_manifold: float | None
    pixel_off_manifold: float | None
    vae_train_loss: float | None  # this epoch's mean training loss (None before training)
    ae_train_loss: float | None
    vae_test_recon: float
    vae_test_kl: float
    a: int
    b: int
    path: str
    points: int
    # Each point of the chosen path's score: on pole and shadow its error against the true
    # path (engine.vae.yardstick), elsewhere its distance to the nearest training image.
    vae_scores: tuple[float, ...]
    ae_scores: tuple[float, ...]
    pixel_scores: tuple[float, ...]
    # The final line's verdict over many test pairs (engine.vae.yardstick): each path's mean
    # error against the true path (pole and shadow; on digits its nearest-training-image
    # distance in excess of its ends'), its standard error over the pairs, and the fraction of
    # pairs whose VAE path does better than the AE's.
    pairs: int | None = None
    vae_path_error: float | None = None
    vae_path_error_se: float | None = None
    ae_path_error: float | None = None
    ae_path_error_se: float | None = None
    pixel_path_error: float | None = None
    pixel_path_error_se: float | None = None
    vae_beats_ae: float | None = None
    # Pole and shadow: the same pairs' mean error along the path that follows the mesh (each
    # model's decoded true path): what the decoder alone costs, so that the straight path's
    # error beyond it is what leaving the manifold costs.
    vae_mesh_path_error: float | None = None
    ae_mesh_path_error: float | None = None
    # The mean distance of the pairs' decoded points to the nearest generator (digits: training)
    # image.
    vae_manifold_distance: float | None = None
    ae_manifold_distance: float | None = None
    pixel_manifold_distance: float | None = None
    # For the window (None in an epoch replayed from the workspace, which has only losses):
    # the strips (points, pixels), the codes on each path and where they lie on each model's
    # scatter, each model's pictures (engine.vae.pictures), the test images shown.
    vae_images: np.ndarray | None = bulk()
    ae_images: np.ndarray | None = bulk()
    pixel_images: np.ndarray | None = bulk()
    vae_codes: np.ndarray | None = bulk()
    ae_codes: np.ndarray | None = bulk()
    vae_path: np.ndarray | None = bulk()
    ae_path: np.ndarray | None = bulk()
    vae_pictures: Any = bulk()
    ae_pictures: Any = bulk()
    # Pole and shadow (engine.vae.manifold): the true path's images, each model's mesh of the
    # generator's images (2, lines, points, 2) and its codes of the true path, in its plane.
    true_images: np.ndarray | None = bulk()
    vae_mesh: np.ndarray | None = bulk()
    ae_mesh: np.ndarray | None = bulk()
    vae_true_path: np.ndarray | None = bulk()
    ae_true_path: np.ndarray | None = bulk()
    shown: Any = bulk()
    shape: tuple[int, int] = bulk((8, 8))
    replayed: bool = bulk(False)  # the models came from the workspace, trained before
    vae: Any = bulk()  # the final snapshot's two models (frozen; the others hold none)
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
    from engine.imaging import images, split
    from engine.vae import interpolation, pictures, training

    device = devices.resolve(config.device)
    data = split.Data(config.dataset, config.likelihood, config.seed, device, config.images)
    if config.dataset == "poles":
        grid, _ = images.pole_grid(GRID_PER_SIDE)
        references = data.tensor(grid)
    else:
        references = data.train
    references = interpolation.References(references)
    run = _Run(config, data, references, pictures.shown_of(data.test_set, config.seed))
    files = shipped_or_given(config)
    trained = [kind for kind, path in files.items() if path is None]
    keys = {kind: training.trained_key(kind, config, device) for kind in trained}
    kept = {kind: WORKSPACE.get(key) for kind, key in keys.items()} if config.reuse_trained else {}
    if trained and kept and all(kept.values()):
        return (yield from _replayed(run, kept))
    trainers = {
        kind: training.trainer_for(kind, data, config, path, f"{kind}_file")
        for kind, path in files.items()
    }
    epochs = config.epochs if trained else 0
    losses: dict[str, list] = {kind: [] for kind in trained}
    models = {kind: trainer.good for kind, trainer in trainers.items()}
    snap = run.paths(models, 0, {})
    for epoch in range(1, epochs + 1):
        record = {}
        for kind in trained:
            loss, _ = trainers[kind].train_epoch()
            if loss is None:
                break
            record[kind] = (loss, *training.evaluate(trainers[kind].good, data, config.seed))
        if len(record) < len(trained):
            break  # a non-finite loss: the last good epoch's paths make the final line
        for kind in trained:
            losses[kind].append(record[kind])
        models = {kind: trainer.good for kind, trainer in trainers.items()}
        snap = run.paths(models, epoch, record)
        if epoch < epochs:
            steered = yield snap
            if steered is not None:
                run.config = steered  # new end points or path: from the next epoch on
    for kind in trained:
        WORKSPACE.put(keys[kind], training.Trained(models[kind], tuple(losses[kind])))
    return dataclasses.replace(
        snap, final=True, vae=models["vae"], ae=models["ae"], **run.verdict(models)
    )


def _replayed(run: _Run, kept) -> Generator[Snapshot, Any, InterpolateSnapshot]:
    """Both models as trained before (the workspace's): each epoch's losses again, then the
    paths of the trained models."""
    epochs = min(len(kept["vae"].losses), len(kept["ae"].losses))
    for epoch in range(1, epochs):
        record = {kind: kept[kind].losses[epoch - 1] for kind in kept}
        steered = yield run.losses_only(epoch, record)
        if steered is not None:
            run.config = steered
    record = {kind: kept[kind].losses[epochs - 1] for kind in kept} if epochs else {}
    models = {kind: kept[kind].model for kind in kept}
    snap = run.paths(models, epochs, record, replayed=True)
    return dataclasses.replace(
        snap, final=True, vae=models["vae"], ae=models["ae"], **run.verdict(models)
    )


def shipped_or_given(config: InterpolateConfig) -> dict[str, Path | str | None]:
    """Each model's weights file: the one given, else with epochs = 0 the shipped model of the
    config's recipe (a ConfigError where none ships), else None: trained here."""
    given = {"vae": config.vae_file, "ae": config.ae_file}
    if config.epochs > 0:
        return given
    for kind, path in given.items():
        if path is not None:
            continue
        found = shipped_model(kind, config.dataset, config.latent, config.likelihood, config.beta)
        if found is None:
            raise refusal(
                "epochs = 0 and no {kind}_file: no {kind} ships for {dataset}, latent {latent}, "
                "{likelihood}{beta}; shipped: {shipped}. Give a weights file or epochs",
                kind=kind,
                dataset=config.dataset,
                latent=config.latent,
                likelihood=config.likelihood,
                beta=f", β {config.beta:g}" if kind == "vae" else "",
                shipped=shipped_recipes(kind),
            )
        given[kind] = found.path
    return given


def shipped_recipes(kind: str) -> str:
    """The recipes of the shipped models of `kind`, for a message: the β of one recipe
    together."""
    recipes: dict[str, list[float]] = {}
    for m in SHIPPED_MODELS:
        if m.kind == kind:
            betas = recipes.setdefault(f"{m.dataset}, latent {m.latent}, {m.likelihood}", [])
            if m.beta is not None:
                betas.append(m.beta)
    return "; ".join(
        recipe + (", β " + ", ".join(f"{b:g}" for b in sorted(betas)) if betas else "")
        for recipe, betas in recipes.items()
    )


class _Run:
    """What every epoch of one run decodes and scores against (the config may be steered)."""

    def __init__(self, config, data, references, shown) -> None:
        self.config, self.data, self.references, self.shown = config, data, references, shown

    def losses(self, models, record) -> dict[str, Any]:
        """Both models' losses: this epoch's training record, or evaluated (epoch 0, files)."""
        from engine.vae import training

        values = {}
        for kind in ("vae", "ae"):
            if kind in record:
                train_loss, recon, kl = record[kind]
            else:
                train_loss, (recon, kl) = (
                    None,
                    training.evaluate(models[kind], self.data, self.config.seed),
                )
            values[kind] = (train_loss, recon, kl)
        (vae_train, vae_recon, vae_kl), (ae_train, ae_recon, _) = values["vae"], values["ae"]
        return dict(
            vae_test_elbo=vae_recon - vae_kl,
            ae_test_recon=ae_recon,
            vae_train_loss=vae_train,
            ae_train_loss=ae_train,
            vae_test_recon=vae_recon,
            vae_test_kl=vae_kl,
        )

    def ends(self) -> tuple[int, int]:
        return default_ends(self.config, self.data.test_set.labels, self.data.test_set.factors)

    def losses_only(self, epoch: int, record) -> InterpolateSnapshot:
        a, b = self.ends()
        return InterpolateSnapshot(
            step=epoch,
            epoch=epoch,
            **self.losses({}, record),
            vae_off_manifold=None,
            ae_off_manifold=None,
            pixel_off_manifold=None,
            a=a,
            b=b,
            path=self.config.path,
            points=self.config.points,
            vae_scores=(),
            ae_scores=(),
            pixel_scores=(),
            shown=self.shown,
            shape=self.data.shape,
            replayed=True,
        )

    def verdict(self, models) -> dict[str, Any]:
        """Both models' paths and the cross-fade between yardstick.PAIRS test pairs: on pole and
        shadow against their true paths, on digits by their distance to the training images in
        excess of their ends' (engine.vae.yardstick): the verdict's fields."""
        from engine.vae import interpolation, yardstick

        factors, labels = self.data.test_set.factors, self.data.test_set.labels
        seed, points, path = self.config.seed, self.config.points, self.config.path
        if factors is not None:
            pairs = yardstick.far_pairs(factors, yardstick.PAIRS, seed)
        elif labels is not None:
            pairs = yardstick.label_pairs(labels, yardstick.PAIRS, seed)
        else:
            return {}
        if not len(pairs):
            return {}
        test = self.data.test
        truth = yardstick.true_paths(factors, pairs, points) if factors is not None else None
        errors, nearest, floor = {}, {}, {}
        for kind, model in (("vae", models["vae"]), ("ae", models["ae"]), ("pixel", None)):
            decoded = yardstick.decoded_pairs(model, test, pairs, points, path, truth)
            if truth is None:  # digits: the nearest training image, beyond the ends' own
                errors[kind], nearest[kind] = yardstick.excess_distances(decoded, self.references)
                continue
            errors[kind] = yardstick.path_error(decoded.cpu().numpy(), truth).mean(axis=1)
            if model is not None:  # the same model along the mesh: what its decoder alone costs
                if path == "mesh":  # decoded already
                    floor[kind] = float(errors[kind].mean())
                else:
                    along = yardstick.decoded_pairs(model, test, pairs, points, "mesh", truth)
                    floor[kind] = float(yardstick.path_error(along.cpu().numpy(), truth).mean())
            # On the manifold, whichever point of it: "not an image of a pole" apart from "an
            # image of the wrong pole".
            flat = decoded.reshape(-1, decoded.shape[-1])
            nearest[kind] = float(interpolation.off_manifold(flat, self.references).mean())
        found = yardstick.verdict(errors["vae"], errors["ae"], errors["pixel"])
        return {
            "vae_manifold_distance": nearest["vae"],
            "ae_manifold_distance": nearest["ae"],
            "pixel_manifold_distance": nearest["pixel"],
            "pairs": found.pairs,
            "vae_path_error": found.vae,
            "vae_path_error_se": found.vae_se,
            "ae_path_error": found.ae,
            "ae_path_error_se": found.ae_se,
            "pixel_path_error": found.pixel,
            "pixel_path_error_se": found.pixel_se,
            "vae_beats_ae": found.vae_beats_ae,
            "vae_mesh_path_error": floor.get("vae"),
            "ae_mesh_path_error": floor.get("ae"),
        }

    def paths(self, models, epoch: int, record, replayed: bool = False) -> InterpolateSnapshot:
        """Both models' paths from a to b after `epoch` epochs, with their scores and
        pictures."""
        from engine.vae import interpolation, manifold, pictures, yardstick

        config, data = self.config, self.data
        a, b = self.ends()
        x_a, x_b = data.test[a], data.test[b]
        factors = data.test_set.factors
        # Pole and shadow: the true path, the yardstick of every point, and its codes.
        truth = (
            None if factors is None else yardstick.true_path(factors[a], factors[b], config.points)
        )
        strips, codes, drawn, where, mesh, followed = {}, {}, {}, {}, {}, {}
        for kind in ("vae", "ae"):
            model = models[kind]
            drawn[kind] = pictures.pictures_of(model, data.test, self.shown, config.seed)
            plane = drawn[kind].plane
            if truth is not None:
                true_codes, true_decoded = manifold.true_codes(model, truth, data.test.device)
                followed[kind] = frozen_array(plane.project(true_codes.double().cpu().numpy()))
                mesh[kind] = manifold.mesh_of(model, plane, data.test.device)
            if config.path == "mesh":
                strips[kind], codes[kind] = true_decoded, true_codes
            else:
                strips[kind], codes[kind] = interpolation.decoded_path(
                    model, x_a, x_b, config.points, config.path
                )
            where[kind] = plane.project(codes[kind].double().cpu().numpy())
        strips["pixel"] = interpolation.cross_fade(x_a, x_b, config.points)
        scores = {
            name: interpolation.off_manifold(strip, self.references)
            for name, strip in strips.items()
        }
        per_point = scores  # each point's score: the nearest image's distance, ...
        if truth is not None:  # ... or on pole and shadow its error against the true path
            per_point = {
                name: yardstick.path_error(strip.cpu().numpy(), truth)
                for name, strip in strips.items()
            }
        return InterpolateSnapshot(
            step=epoch,
            epoch=epoch,
            **self.losses(models, record),
            vae_off_manifold=float(scores["vae"].mean()),
            ae_off_manifold=float(scores["ae"].mean()),
            pixel_off_manifold=float(scores["pixel"].mean()),
            a=a,
            b=b,
            path=config.path,
            points=config.points,
            vae_scores=tuple(float(v) for v in per_point["vae"]),
            ae_scores=tuple(float(v) for v in per_point["ae"]),
            pixel_scores=tuple(float(v) for v in per_point["pixel"]),
            vae_images=pictures.as_uint8(strips["vae"]),
            ae_images=pictures.as_uint8(strips["ae"]),
            pixel_images=pictures.as_uint8(strips["pixel"]),
            vae_codes=codes["vae"].cpu().numpy(),
            ae_codes=codes["ae"].cpu().numpy(),
            vae_path=where["vae"],
            ae_path=where["ae"],
            vae_pictures=drawn["vae"],
            ae_pictures=drawn["ae"],
            true_images=None if truth is None else pictures.as_uint8(truth),
            vae_mesh=mesh.get("vae"),
            ae_mesh=mesh.get("ae"),
            vae_true_path=followed.get("vae"),
            ae_true_path=followed.get("ae"),
            shown=self.shown,
            shape=data.shape,
            replayed=replayed,
        )


PRESETS = {
    # Seed 003's experiment with the shipped models: what the window shows the moment it opens.
    "pole-and-shadow": dict(dataset="poles", epochs=0),
    # The shipped VAEs of a weaker and a stronger KL term: the same autoencoder beside them.
    "poles-beta-0.1": dict(dataset="poles", epochs=0, beta=0.1),
    "poles-beta-4": dict(dataset="poles", epochs=0, beta=4.0),
    # Both models trained live from the seed.
    "poles": dict(dataset="poles", epochs=20),
    "digits-shipped": dict(dataset="digits", likelihood="bernoulli", batch=128, epochs=0),
    "digits": dict(dataset="digits", likelihood="bernoulli", batch=128, epochs=20),
}

EXPERIMENT = register(
    Experiment(
        "interpolate",
        "Straight-line interpolation in a VAE and a plain autoencoder, scored against the data",
        InterpolateConfig,
        generate,
        PRESETS,
        imports=(
            "engine.vae.training",
            "engine.vae.interpolation",
            "engine.vae.pictures",
            "engine.vae.yardstick",
            "engine.vae.manifold",
        ),
        # scikit-learn's digits reader only for digits: a second at the window's opening.
        imports_for=lambda config: (
            (OPTIMISER_IMPORTS if config.epochs > 0 else ())
            + (DIGITS_IMPORTS if config.dataset == "digits" else ())
        ),
    )
)
