"""The panels that work, by the name the command line uses."""

from __future__ import annotations

from lvm_gui.panels.base import ExperimentPanel
from lvm_gui.panels.data_panel import DataPanel

PANELS: dict[str, type[ExperimentPanel]] = {panel.name: panel for panel in (DataPanel,)}

__all__ = ["PANELS", "DataPanel", "ExperimentPanel"]
