"""The VAE panel: a VAE against a plain autoencoder in latent-space interpolation, and one
model's training and IWAE evaluation."""

from __future__ import annotations

from engine import catalog
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.vae import interpolate_view, vae_view  # noqa: F401 (views)


class VAEPanel(ExperimentPanel):
    entry = catalog.panel("vae")
