"""A panel's settings: the model, the preset and the form, and the one current config.

`PanelSettings` owns the experiment a panel runs and the config shown, and is the only place
either changes. Every edit, whether typed in the form, picked in a list or sent by a view (a
drag on a plot), is validated by the engine's config: a good config is `chosen`, a bad value
is `refused` with the reason and the form shows the values in force again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

import engine
from engine.config import ConfigError, ExperimentConfig
from engine.experiment import Experiment
from lvm_gui import i18n
from lvm_gui.config_form import ConfigForm
from lvm_gui.experiment_thread import describe_error
from lvm_gui.i18n import engine_words, translate
from lvm_gui.panels.view import View

LOG = logging.getLogger("lvm_gui.panels")


def experiment_of(panel: str, experiments: Iterable[str], preset: str | None) -> str:
    """Which of a panel's experiments has this preset (the first for None)."""
    names = tuple(experiments)
    for name in names:
        if preset is None or preset in engine.get(name).presets:
            return name
    known = ", ".join(p for n in names for p in engine.get(n).presets)
    raise ConfigError(f"unknown preset {preset!r} for the {panel} panel; known: {known}")


class PanelSettings(QObject):
    # A valid config to show, and to run when the flag says so.
    chosen = Signal(object, bool)
    # The experiment changed (its name and config: its view is to be shown); a config is
    # chosen next.
    switched = Signal(str, object)
    # A value that was not taken, and why.
    refused = Signal(str)

    def __init__(
        self,
        panel: str,
        views: Mapping[str, type[View]],
        preset: str | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.views = dict(views)
        self.experiments = {name: engine.get(name) for name in self.views}
        self.preset = preset
        # The preset the user chose last: Reset goes back to it.
        self.reset_preset = preset
        self.experiment: Experiment = self.experiments[self.experiment_of(preset)]
        self.config: ExperimentConfig = self.forced(self.experiment.config(preset))
        self.model_box = QComboBox()
        for name in self.experiments:
            self.model_box.addItem("", name)
        i18n.show(
            self.model_box,
            QComboBox.setToolTip,
            lambda: translate("Panel", "Which model this panel runs"),
        )
        self.model_box.setVisible(len(self.experiments) > 1)
        self.model_box.activated.connect(self._on_model_chosen)
        self.preset_box = QComboBox()
        i18n.show(
            self.preset_box,
            QComboBox.setToolTip,
            lambda: translate("Panel", "Presets reproduce the course material's experiments"),
        )
        self.preset_box.activated.connect(self._on_preset_chosen)
        self.form = ConfigForm(self)
        self.form.edited.connect(self.apply_changes)
        self._build_form()
        self.form.show(self.config)
        self._speak()
        i18n.follow(self, PanelSettings._speak)

    def _speak(self) -> None:
        """The model list, the preset list and the form in the window's language."""
        for index, (name, experiment) in enumerate(self.experiments.items()):
            self.model_box.setItemText(index, engine_words.title(name, experiment.title))
        self.preset_box.setItemText(0, translate("Panel", "(custom)"))
        for index in range(1, self.preset_box.count()):
            self.preset_box.setItemText(index, engine_words.preset(self.preset_box.itemData(index)))
        self.form.speak(self.experiment.name)

    def add_to(self, column: QVBoxLayout) -> None:
        """The model chooser and the preset list (the form goes lower: the view's own
        controls come between)."""
        column.addWidget(self.model_box)
        row = QHBoxLayout()
        label = QLabel()
        i18n.show(label, QLabel.setText, lambda: translate("Panel", "Preset"))
        row.addWidget(label)
        row.addWidget(self.preset_box, 1)
        column.addLayout(row)

    def experiment_of(self, preset: str | None) -> str:
        return experiment_of(self.panel, self.experiments, preset)

    def forced(self, config: ExperimentConfig) -> ExperimentConfig:
        """`config` with the values its view always sets (E and M as steps, say)."""
        forced = self.views[config.experiment].forced_params
        if any(getattr(config, k) != v for k, v in forced.items()):
            return config.replace(**forced)
        return config

    # --- changes ----------------------------------------------------------------------------
    def choose(
        self, config: ExperimentConfig, preset: str | None = None, start: bool = True
    ) -> None:
        """Make `config` current (`preset` names it when it is one, else it is custom)."""
        self.preset = preset
        self._select_preset_item(preset)
        self.config = config = self.forced(config)
        self.form.show(config)
        self.chosen.emit(config, start)

    def switch(self, name: str, preset: str | None = None) -> None:
        """Another of the panel's models, with the preset's (or default) values."""
        self.experiment = self.experiments[name]
        self.preset = preset
        self.config = self.forced(self.experiment.config(preset))
        self._build_form()
        self.form.show(self.config)
        self.switched.emit(name, self.config)

    def apply_preset(self, preset: str) -> None:
        self.reset_preset = preset
        name = self.experiment_of(preset)
        if name != self.experiment.name:
            self.switch(name, preset)
        self.choose(self.experiment.config(preset), preset=preset)

    def reset(self) -> None:
        """Back to the preset the user chose last (edits since then are dropped)."""
        self.apply_preset(self.reset_preset)

    def apply_changes(self, changed: list[str]) -> None:
        """Validate the edited fields; a good config is chosen, a bad one refused."""
        try:
            values = self.form.values(self.config, changed)
        except ConfigError as exc:
            self._refuse(engine_words.message(exc))
            return
        self._apply(values, changed)

    def set_params(self, **params: Any) -> None:
        """Change parameters from code (a menu, a drag on a plot), validated like an edit."""
        self._apply({**self.config.explicit(), **params}, list(params))

    def _apply(self, values: dict[str, Any], changed: list[str]) -> None:
        config_type = self.experiment.config_type
        given = {name: values[name] for name in changed}
        try:
            for name in changed:
                values = config_type.adjusted(name, values, self.config)
            # What hangs on one change is cleared, but never another value given with it
            # (k and means together: k's change cleared the means, then theirs cleared k).
            values.update(given)
            values.update(self.views[self.experiment.name].forced_params)
            config = config_type.create(**values)
        except ConfigError as exc:
            self._refuse(engine_words.message(exc))
            return
        except Exception as exc:  # a bug: logged with its traceback, and the window goes on
            LOG.error("unexpected exception applying %s", changed, exc_info=exc)
            self._refuse(describe_error(exc))
            return
        self.choose(config)

    def _refuse(self, message: str) -> None:
        """Say why, and show again the values in force (the last good config and data stay)."""
        self.refused.emit(message)
        self.form.show(self.config)

    # --- the lists --------------------------------------------------------------------------
    def _build_form(self) -> None:
        """(Re)build the form and the preset list for the current experiment."""
        self.form.build(self.config, self.views[self.experiment.name].hidden_params)
        self.preset_box.clear()
        self.preset_box.addItem(translate("Panel", "(custom)"), None)
        for preset in self.experiment.presets:
            self.preset_box.addItem(engine_words.preset(preset), preset)
        self._select_preset_item(self.preset)
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(self.experiment.name)))

    def _select_preset_item(self, preset: str | None) -> None:
        self.preset_box.setCurrentIndex(max(self.preset_box.findData(preset), 0))

    def _on_preset_chosen(self, index: int) -> None:
        preset = self.preset_box.itemData(index)
        if preset is not None:
            self.apply_preset(preset)

    def _on_model_chosen(self, index: int) -> None:
        name = self.model_box.itemData(index)
        if name != self.experiment.name:
            presets = list(self.experiments[name].presets)
            preset = presets[0] if presets else None
            self.switch(name, preset)
            self.reset_preset = preset
            self.choose(self.config, preset=preset)
