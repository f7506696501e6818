"""The Data panel: draw a data set and watch its sample statistics settle on the true values."""

from __future__ import annotations

from engine import catalog
from lvm_gui.panels.data import data_view, images_view  # noqa: F401 (views)
from lvm_gui.panels.panel import ExperimentPanel


class DataPanel(ExperimentPanel):
    entry = catalog.panel("data")
