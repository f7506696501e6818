"""The ELBO & VI panel: a gaussian q against exact posteriors, the two KL directions, mean-field
coordinate ascent, variational learning."""

from __future__ import annotations

from typing import ClassVar

from engine import catalog
from lvm_gui.panels.panel import ExperimentPanel
from lvm_gui.panels.vi.cavi_view import CAVIView
from lvm_gui.panels.vi.gauss_view import GaussView
from lvm_gui.panels.vi.kl_view import KLView
from lvm_gui.panels.vi.learning_view import LearningView
from lvm_gui.panels.view import View


class VIPanel(ExperimentPanel):
    entry = catalog.panel("vi")
    views: ClassVar[dict[str, type[View]]] = {
        "vi-gauss": GaussView,
        "kl-directions": KLView,
        "cavi": CAVIView,
        "variational-learning": LearningView,
    }
