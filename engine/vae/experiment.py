"""The `vae` experiment: train a VAE or a plain autoencoder on images, epoch by epoch, then
estimate the test log-likelihood by importance sampling with the encoder as proposal.

Per epoch the snapshot holds that epoch's training time and mean training loss, and the test
set's reconstruction, KL and ELBO (reconstruction − KL, whatever β the training used), all in
nats per image under the chosen likelihood. The last one adds the IWAE ladder L_k for k = 1, 10,
100, 1000, 5000 (up to `iwae_k`) with standard errors over the test images: L₁ is the ELBO and
L_k rises toward log p(x). Every draw is seeded, so evaluating saved weights again (`epochs=0`,
`load=`) gives the saved run's numbers.

The default likelihood is the Bernoulli on images binarised at 1/2: its nats are those the
literature reports, and the IWAE ladder is a true bound on a discrete log-likelihood. Grey levels
take the continuous Bernoulli (with its normaliser) or a gaussian.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from engine import device as devices
from engine.atomic import WriteError
from engine.config import (
    ExperimentConfig,
    existing_file,
    param,
    refusal,
    writable_file,
)
from engine.experiment import Experiment, Progress, Snapshot, bulk, register
from engine.imaging.images import DIGITS_IMPORTS, split_sizes
from engine.workspace import WORKSPACE

# torch.optim imports torch._dynamo (seconds) and a profiler module on an optimiser's first
# use: named for a config that trains or fits a q (Experiment.imports_for), so that the GUI
# thread imports them first.
OPTIMISER_IMPORTS = ("torch._dynamo", "torch.profiler._cupti_monitor")

DATASETS = ("digits", "poles")
MODELS = ("vae", "ae")
LIKELIHOODS = ("bernoulli", "continuous-bernoulli", "gaussian")
LADDER = (1, 10, 100, 1000, 5000)
GAP = ("gap_encoder_elbo", "gap_encoder_se", "gap_own_elbo", "gap_own_se", "gap_log_px")
FINAL_ONLY = (
    "gap_image",
    *GAP,
    "test_log_px_iwae",
    "iwae_k",
    "iwae_ladder",
    "train_size",
    "test_size",
    "elapsed_s",
    "stopped",
    "save_error",
)


@dataclass(frozen=True, kw_only=True)
class VAEConfig(ExperimentConfig):
    dataset: str = param(
        "digits",
        "the images: digits (scikit-learn's 8×8), poles (pole and shadow), or a file: MNIST or "
        "Fashion-MNIST as IDX (raw or .gz, labels read from beside it) or an NPZ (x, labels)",
    )
    model: str = param("vae", "a VAE, or a plain autoencoder of the same shape", choices=MODELS)
    latent: int = param(
        2, "L, the latent size (scatters of L > 2 show a PCA)", minimum=1, maximum=32
    )
    likelihood: str = param(
        "bernoulli",
        "p(x | z) per pixel: bernoulli (images binarised at 1/2), continuous-bernoulli "
        "(grey levels, with its normaliser) or gaussian (one learned σ)",
        choices=LIKELIHOODS,
    )
    beta: float = param(
        1.0, "β, the weight of the KL term in the training loss", minimum=0.0, maximum=100.0
    )
    learning_rate: float = param(1e-3, "Adam's learning rate", minimum=1e-6, maximum=1.0)
    batch: int = param(
        128,
        "images per gradient step (a file with fewer training images: all of them, said)",
        minimum=1,
        maximum=100_000,
    )
    epochs: int = param(
        20, "passes over the training images (0: evaluate only)", minimum=0, maximum=10_000
    )
    images: int = param(5000, "pole and shadow: images rendered", minimum=10, maximum=100_000)
    iwae_k: int = param(
        5000, "the largest k of the IWAE ladder at the end", minimum=1, maximum=100_000
    )
    image: int = param(
        0,
        "the test image whose own fitted q measures the amortisation gap (VAE, at the end)",
        minimum=0,
        maximum=10**6,
    )
    save: str | None = param(None, "write the trained weights to this file")
    load: str | None = param(None, "start from the weights in this file (saved by save=)")

    def applies(self, name: str) -> bool:
        if name == "images":
            return self.dataset == "poles"
        return super().applies(name)

    def validate(self) -> None:
        if self.dataset not in DATASETS:
            existing_file("dataset", self.dataset)  # its images are checked when it is read
        sizes = split_sizes(self.dataset, self.images)
        if sizes is not None and self.batch > sizes[0]:
            raise refusal(
                "batch = {batch}: more than the {sizes} training images",
                batch=self.batch,
                sizes=sizes[0],
            )
        if sizes is not None and self.image >= sizes[1]:
            raise refusal(
                "image = {image}: the test set has {sizes} images (0 to {last})",
                image=self.image,
                sizes=sizes[1],
                last=sizes[1] - 1,
            )
        if self.load is not None:
            existing_file("load", self.load)
        if self.save is not None:  # refused before training, not after it
            writable_file("save", self.save)


@dataclass(frozen=True, kw_only=True)
class VAESnapshot(Snapshot):
    """Epoch `epoch` of training; the final one adds the IWAE evaluation."""

    epoch: int
    epoch_s: float
    train_loss: float | None
    test_elbo: float | None  # the AE has none
    test_recon: float
    test_kl: float | None
    gap_image: int | None = None  # the amortisation gap's test image and its numbers (VAE)
    gap_encoder_elbo: float | None = None
    gap_encoder_se: float | None = None
    gap_own_elbo: float | None = None
    gap_own_se: float | None = None
    gap_log_px: float | None = None
    test_log_px_iwae: float | None = None
    iwae_k: int | None = None
    iwae_ladder: tuple[tuple[int, float, float], ...] | None = None  # (k, L_k, its error)
    train_size: int | None = None
    test_size: int | None = None
    elapsed_s: float | None = None
    stopped: str | None = None  # why training stopped early (a non-finite loss), if it did
    save_error: str | None = None  # why save= was not written (the run's results are kept)
    model: Any = bulk()  # the final snapshot's network (frozen; the others hold none)
    likelihood: str = bulk("bernoulli")
    pictures: Any = bulk()  # what the window draws of this epoch (engine.vae.pictures)
    shown: Any = bulk()  # the test images shown, the same in every epoch

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if not self.final:
            for name in FINAL_ONLY:
                out.pop(name)
        else:
            for name in ("stopped", "save_error"):
                if out[name] is None:
                    out.pop(name)
            if out["gap_image"] is None:
                for name in ("gap_image", *GAP):
                    out.pop(name)
        return out


def generate(config: VAEConfig) -> Generator[Snapshot, None, VAESnapshot]:
    from engine.imaging import split, weight_files
    from engine.vae import pictures, training

    device = devices.resolve(config.device)
    data = split.Data(config.dataset, config.likelihood, config.seed, device, config.images)
    if config.image >= len(data.test):
        raise refusal(
            "image = {image}: the test set has {test_count} images",
            image=config.image,
            test_count=len(data.test),
        )
    shown = pictures.shown_of(data.test_set, config.seed)
    trainer = training.trainer_for(config.model, data, config, config.load)
    clock = time.perf_counter()
    snap = _evaluated(config, trainer.good, data, shown, epoch=0, epoch_s=0.0, train_loss=None)
    losses = []
    for epoch in range(1, config.epochs + 1):
        loss, seconds = trainer.train_epoch()
        if loss is None:
            break
        snap = _evaluated(config, trainer.good, data, shown, epoch, seconds, loss)
        losses.append((loss, snap.test_recon, snap.test_kl))
        if epoch < config.epochs:
            yield snap
    save_error = None
    if config.save is not None:  # a failed save loses nothing computed: it is reported
        try:
            weight_files.save_weights(config.save, trainer.good, data.shape, config.dataset)
        except WriteError as exc:
            save_error = str(exc)
    if config.load is None:  # for a run of the other experiments with the same recipe
        key = training.trained_key(config.model, config, device)
        WORKSPACE.put(key, training.Trained(trainer.good, tuple(losses)))
    ladder, gap = None, {}
    if config.model == "vae":
        ks = sorted({k for k in LADDER if k <= config.iwae_k} | {config.iwae_k})
        steps = training.ladder_steps(trainer.good, data, ks, config.seed)
        while True:  # a Progress a chunk of draws: a cancel is never far
            try:
                fraction = next(steps)
            except StopIteration as done:
                ladder = done.value
                break
            yield Progress(step=snap.step, fraction=fraction, what="the IWAE ladder")
        gap = training.amortisation_gap(
            trainer.good, data, config.image, config.iwae_k, config.seed
        )
        gap["gap_image"] = config.image
    return VAESnapshot(
        **{**_fields(snap), "final": True},
        **gap,
        test_log_px_iwae=None if ladder is None else ladder[-1][1],
        iwae_k=None if ladder is None else ladder[-1][0],
        iwae_ladder=ladder,
        train_size=len(data.train),
        test_size=len(data.test),
        elapsed_s=time.perf_counter() - clock,
        stopped=trainer.stopped,
        save_error=save_error,
        model=trainer.good,
        likelihood=config.likelihood,
        pictures=snap.pictures,
        shown=shown,
    )


def _fields(snap: VAESnapshot) -> dict[str, Any]:
    return {
        name: getattr(snap, name)
        for name in ("step", "epoch", "epoch_s", "train_loss", "test_elbo", "test_recon", "test_kl")
    }


def _evaluated(config, model, data, shown, epoch, epoch_s, train_loss) -> VAESnapshot:
    """Epoch `epoch`'s snapshot: the test set's reconstruction, KL and ELBO (β = 1)."""
    from engine.vae import pictures, training

    recon, kl = training.evaluate(model, data, config.seed)
    return VAESnapshot(
        step=epoch,
        epoch=epoch,
        epoch_s=epoch_s,
        train_loss=train_loss,
        test_elbo=None if kl is None else recon - kl,
        test_recon=recon,
        test_kl=kl,
        likelihood=config.likelihood,
        pictures=pictures.pictures_of(model, data.test, shown, config.seed),
        shown=shown,
    )


PRESETS = {
    "digits-vae": dict(dataset="digits", model="vae", latent=2, epochs=20),
    "digits-ae": dict(dataset="digits", model="ae", latent=2, epochs=20),
    # 32×32 images: a ladder to k = 5,000 over its 1,000 test images takes minutes on a CPU.
    "poles-vae": dict(
        dataset="poles",
        model="vae",
        latent=2,
        epochs=20,
        likelihood="continuous-bernoulli",
        iwae_k=100,
    ),
}

EXPERIMENT = register(
    Experiment(
        "vae",
        "A VAE or a plain autoencoder trained on images, evaluated by IWAE",
        VAEConfig,
        generate,
        PRESETS,
        imports=("engine.vae.training", "engine.vae.pictures", *DIGITS_IMPORTS),
        imports_for=lambda config: (
            OPTIMISER_IMPORTS
            if config.epochs > 0 or config.model == "vae"  # the amortisation gap fits a q
            else ()
        ),
    )
)
