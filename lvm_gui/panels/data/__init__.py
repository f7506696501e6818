"""The Data panel: draw a data set and watch its sample statistics settle on the true values."""

from __future__ import annotations

from typing import ClassVar

from engine import catalog
from lvm_gui.panels.data.data_view import DataView
from lvm_gui.panels.data.images_view import ImagesView
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.view import View


class DataPanel(ExperimentPanel):
    entry = catalog.panel("data")
    views: ClassVar[dict[str, type[View]]] = {
        "data": DataView,
        "images": ImagesView,
    }
