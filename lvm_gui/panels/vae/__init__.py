"""The VAE panel: a VAE against a plain autoencoder in latent-space interpolation, and one
model's training and IWAE evaluation."""

from __future__ import annotations

from typing import ClassVar

from engine import catalog
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.vae.interpolate_view import InterpolateView
from lvm_gui.panels.vae.vae_view import VAEView
from lvm_gui.panels.view import View


class VAEPanel(ExperimentPanel):
    entry = catalog.panel("vae")
    views: ClassVar[dict[str, type[View]]] = {
        "interpolate": InterpolateView,
        "vae": VAEView,
    }
