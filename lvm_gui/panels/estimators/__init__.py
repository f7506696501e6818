"""The Estimators panel: naive Monte Carlo against importance sampling, and the gradient race."""

from __future__ import annotations

from engine import catalog
from lvm_gui.panels.estimators import gradients_view, race_view  # noqa: F401 (views)
from lvm_gui.panels.panel import ExperimentPanel


class EstimatorsPanel(ExperimentPanel):
    entry = catalog.panel("estimators")
