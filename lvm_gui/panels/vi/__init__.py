"""The ELBO & VI panel: a gaussian q against exact posteriors, the two KL directions, mean-field
coordinate ascent, variational learning."""

from __future__ import annotations

from engine import catalog
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.vi import cavi_view, gauss_view, kl_view, learning_view  # noqa: F401 (views)


class VIPanel(ExperimentPanel):
    entry = catalog.panel("vi")
