"""The panels and the experiments they run: the one place a new panel is entered.

Each entry names the panel as the command line does, its title, and one table from each of its
experiments (in the order of its model chooser and of `lvm-gui list`) to the engine module that
registers it. The window builds a panel from its entry and the views of `lvm_gui.panels.<name>` once
`window` says they exist; before that its experiments run from the command line, and an entry
with none is known by name, so that the command line can say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PanelEntry:
    name: str
    title: str
    # Each experiment's name and the module whose import registers it.
    experiments: Mapping[str, str] = field(default_factory=dict)
    default_preset: str | None = None
    window: bool = True  # the window has this panel's views (lvm_gui.panels.<name>)

    @property
    def modules(self) -> tuple[str, ...]:
        """The modules that register this panel's experiments, each once, in the table's order."""
        return tuple(dict.fromkeys(self.experiments.values()))

    @property
    def built(self) -> bool:
        """The window shows this panel."""
        return self.window and bool(self.experiments)


PANELS: tuple[PanelEntry, ...] = (
    PanelEntry(
        "data",
        "Data",
        {"data": "engine.data.experiment", "images": "engine.vae.images_experiment"},
        "seed-003",
    ),
    PanelEntry(
        "em",
        "EM",
        {
            "gmm1d-means": "engine.em.means_experiment",
            "coins": "engine.em.coins",
            "gmm": "engine.em.gmm_experiment",
        },
        "seed-003",
    ),
    PanelEntry(
        "estimators",
        "Estimators",
        {"race": "engine.estimators.race", "gradients": "engine.estimators.gradients"},
        "seed-000-binary",
    ),
    PanelEntry(
        "vi",
        "ELBO & VI",
        {
            "vi-gauss": "engine.vi.gauss_experiment",
            "kl-directions": "engine.vi.gauss_experiment",
            "cavi": "engine.vi.cavi",
            "variational-learning": "engine.vi.learning",
        },
        "bimodal",
    ),
    PanelEntry(
        "vae",
        "VAE",
        {"interpolate": "engine.vae.interpolate_experiment", "vae": "engine.vae.experiment"},
        "pole-and-shadow",
    ),
)


def panel(name: str) -> PanelEntry:
    for entry in PANELS:
        if entry.name == name:
            return entry
    raise KeyError(name)


def experiment_modules() -> tuple[str, ...]:
    """Every module that registers experiments, panel by panel."""
    return tuple(module for entry in PANELS for module in entry.modules)


def experiment_names() -> tuple[str, ...]:
    """Every experiment in the catalog, panel by panel, in each panel's order."""
    return tuple(name for entry in PANELS for name in entry.experiments)
