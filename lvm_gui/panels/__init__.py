"""The panels that work, by the name the command line uses."""

from __future__ import annotations

from lvm_gui.panels.base import ExperimentPanel
from lvm_gui.panels.data_panel import DataPanel
from lvm_gui.panels.em_panel import EMPanel
from lvm_gui.panels.estimators_panel import EstimatorsPanel

PANELS: dict[str, type[ExperimentPanel]] = {
    panel.name: panel for panel in (DataPanel, EMPanel, EstimatorsPanel)
}

__all__ = ["PANELS", "DataPanel", "EMPanel", "EstimatorsPanel", "ExperimentPanel"]
