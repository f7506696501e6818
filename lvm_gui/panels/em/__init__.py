"""The EM panel: two means over the log-likelihood surface, the three coins, a mixture."""

from __future__ import annotations

from typing import ClassVar

from engine import catalog
from lvm_gui.panels.em.coins_view import CoinsView
from lvm_gui.panels.em.means_view import MeansView
from lvm_gui.panels.em.mixture_view import MixtureView
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.view import View


class EMPanel(ExperimentPanel):
    entry = catalog.panel("em")
    views: ClassVar[dict[str, type[View]]] = {
        "gmm1d-means": MeansView,
        "coins": CoinsView,
        "gmm": MixtureView,
    }
