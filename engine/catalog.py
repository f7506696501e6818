"""The panels and the experiments they run: the one place a new panel is entered.

Each entry names the panel as the command line does, its title, its experiments (in the order of
its model chooser) and the engine modules that register them (in the order `lvm-gui list` shows
them). The window builds a panel from its entry and the views of `lvm_gui.panels.<name>` once
`window` says they exist; before that its experiments run from the command line, and an entry
with none is known by name, so that the command line can say so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PanelEntry:
    name: str
    title: str
    experiments: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    default_preset: str | None = None
    window: bool = True  # the window has this panel's views (lvm_gui.panels.<name>)

    @property
    def built(self) -> bool:
        """The window shows this panel."""
        return self.window and bool(self.experiments)


PANELS: tuple[PanelEntry, ...] = (
    PanelEntry(
        "data",
        "Data",
        ("data", "images"),
        ("engine.data.experiment", "engine.vae.images_experiment"),
        "seed-003",
    ),
    PanelEntry(
        "em",
        "EM",
        ("gmm1d-means", "coins", "gmm"),
        ("engine.em.coins", "engine.em.gmm_experiment", "engine.em.means_experiment"),
        "seed-003",
    ),
    PanelEntry(
        "estimators",
        "Estimators",
        ("race", "gradients"),
        ("engine.estimators.race", "engine.estimators.gradients"),
        "seed-000-binary",
    ),
    PanelEntry(
        "vi",
        "ELBO & VI",
        ("vi-gauss", "kl-directions", "cavi", "variational-learning"),
        ("engine.vi.gauss_experiment", "engine.vi.cavi", "engine.vi.learning"),
        "bimodal",
    ),
    PanelEntry(
        "vae",
        "VAE",
        ("interpolate", "vae"),
        ("engine.vae.experiment", "engine.vae.interpolate_experiment"),
        "shipped",
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
