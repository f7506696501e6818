"""The files that ship in assets/ (assets/README.md says where each comes from and the command
that makes it again), by what they hold."""

from __future__ import annotations

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
SHIPPED_DIGITS_ARCHITECTURE = {"dataset": "digits", "latent": 2, "likelihood": "bernoulli"}
