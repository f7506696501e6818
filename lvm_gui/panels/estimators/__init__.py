"""The Estimators panel: naive Monte Carlo against importance sampling, and the gradient race."""

from __future__ import annotations

from typing import ClassVar

from engine import catalog
from lvm_gui.panels.estimators.gradients_view import GradientsView
from lvm_gui.panels.estimators.race_view import RaceView
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.view import View


class EstimatorsPanel(ExperimentPanel):
    entry = catalog.panel("estimators")
    views: ClassVar[dict[str, type[View]]] = {
        "race": RaceView,
        "gradients": GradientsView,
    }
