"""The EM panel: two means over the log-likelihood surface, the three coins, a mixture."""

from __future__ import annotations

from engine import catalog
from lvm_gui.panels.em import coins_view, means_view, mixture_view  # noqa: F401 (views)
from lvm_gui.panels.panel import ExperimentPanel


class EMPanel(ExperimentPanel):
    entry = catalog.panel("em")
