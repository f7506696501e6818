"""The panels that work, by the name the command line uses, in the catalog's order.

A panel is its entry in engine.catalog and its package here, `lvm_gui.panels.<name>`, whose
view modules register one view per experiment and which defines the panel's class.
"""

from __future__ import annotations

import importlib

from engine import catalog
from lvm_gui.panels.panel import PANEL_TYPES, ExperimentPanel

for _entry in catalog.PANELS:
    if _entry.built:
        importlib.import_module(f"lvm_gui.panels.{_entry.name}")

PANELS: dict[str, type[ExperimentPanel]] = {
    entry.name: PANEL_TYPES[entry.name] for entry in catalog.PANELS if entry.built
}

from lvm_gui.panels.data import DataPanel  # noqa: E402  (imported above; named for callers)

__all__ = ["PANELS", "DataPanel", "ExperimentPanel"]
