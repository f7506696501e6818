"""The panels the window shows, by the name the command line uses, in the catalog's order.

A panel is its entry in engine.catalog and its package here, `lvm_gui.panels.<name>`, which
defines the panel's class and its table from experiment to view.
"""

from __future__ import annotations

from engine import catalog
from lvm_gui.panels.data import DataPanel
from lvm_gui.panels.em import EMPanel
from lvm_gui.panels.estimators import EstimatorsPanel
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.vae import VAEPanel
from lvm_gui.panels.vi import VIPanel
from lvm_gui.panels.view import View

_BUILT = {panel.name: panel for panel in (DataPanel, EMPanel, EstimatorsPanel, VIPanel, VAEPanel)}
PANELS: dict[str, type[ExperimentPanel]] = {
    entry.name: _BUILT[entry.name] for entry in catalog.PANELS if entry.built
}
# Every view by the experiment it draws, from the panels' tables.
VIEWS: dict[str, type[View]] = {
    name: view for panel in PANELS.values() for name, view in panel.views.items()
}

__all__ = [
    "PANELS",
    "VIEWS",
    "DataPanel",
    "EMPanel",
    "EstimatorsPanel",
    "ExperimentPanel",
    "VAEPanel",
    "VIPanel",
]
