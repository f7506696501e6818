"""The files that ship in assets/ (assets/README.md says where each comes from and the command
that makes it again), by what they hold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"
OLD_FAITHFUL_CSV = ASSETS / "old_faithful.csv"
# The small digits models, so that interpolation and the race's vae model work at once: made by
# `lvm-gui run vae --preset digits-vae --set save=assets/digits-vae.safetensors --set iwae_k=1`
# (and digits-ae); latent 2, Bernoulli, seed 0.
SHIPPED_DIGITS_MODELS = {
    "vae": ASSETS / "digits-vae.safetensors",
    "ae": ASSETS / "digits-ae.safetensors",
}


@dataclass(frozen=True)
class ShippedModel:
    """A model in assets/ and the recipe that made it (what an experiment's config must ask
    for to use it: its data set, latent size, likelihood and, for a VAE, β)."""

    path: Path
    kind: str  # "vae" or "ae"
    dataset: str
    latent: int
    likelihood: str
    beta: float | None = None  # the VAE's; None for the autoencoder


SHIPPED_MODELS = (
    ShippedModel(SHIPPED_DIGITS_MODELS["vae"], "vae", "digits", 2, "bernoulli", 1.0),
    ShippedModel(SHIPPED_DIGITS_MODELS["ae"], "ae", "digits", 2, "bernoulli"),
    # Pole and shadow (seed 003 §3.2): the VAE at three β and the autoencoder, latent 2,
    # continuous Bernoulli, 5,000 images, seed 0 (assets/README.md gives the commands).
    ShippedModel(ASSETS / "poles-vae.safetensors", "vae", "poles", 2, "continuous-bernoulli", 1.0),
    ShippedModel(
        ASSETS / "poles-vae-beta-0.1.safetensors", "vae", "poles", 2, "continuous-bernoulli", 0.1
    ),
    ShippedModel(
        ASSETS / "poles-vae-beta-4.safetensors", "vae", "poles", 2, "continuous-bernoulli", 4.0
    ),
    ShippedModel(ASSETS / "poles-ae.safetensors", "ae", "poles", 2, "continuous-bernoulli"),
)


def shipped_model(kind: str, dataset: str, latent: int, likelihood: str, beta: float):
    """The shipped model of this recipe (β only matters to a VAE), or None."""
    for model in SHIPPED_MODELS:
        if (model.kind, model.dataset, model.latent, model.likelihood) != (
            kind,
            dataset,
            latent,
            likelihood,
        ):
            continue
        if model.beta is None or model.beta == beta:
            return model
    return None
