"""The parameter tree of an experiment's config: fields from the declarations, edits read back.

The form shows a config (derived values included, parameters that do not apply hidden) and says
which fields the user edited; it validates nothing itself: the panel hands the values to the
config, which refuses a bad one with a message, and the form then shows the values in force.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Any

from pyqtgraph.parametertree import Parameter, ParameterTree, registerParameterItemType
from pyqtgraph.parametertree.parameterTypes import ListParameter, ListParameterItem
from PySide6.QtCore import QObject, Signal

from engine.config import ExperimentConfig, ParamInfo, format_value, parse_value
from lvm_gui.i18n import engine_words


class ChoiceItem(ListParameterItem):
    """A list field that shows its value by its name (a choice in the window's language), not
    by str(value) as pyqtgraph's list fields do while they are not being edited."""

    def updateDisplayLabel(self, value=None) -> None:
        value = self.param.value() if value is None else value
        names = [name for name, choice in self.forward.items() if choice == value]
        self.displayLabel.setText(names[0] if names else str(value))


registerParameterItemType("choice", ChoiceItem, ListParameter, override=True)


class ConfigForm(QObject):
    # The names of the fields the user changed, in one edit.
    edited = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree = ParameterTree(showHeader=False)
        self.tree.setMinimumHeight(220)
        _forget_root_item_when_destroyed(self.tree)
        self.parameters: Parameter | None = None
        self._infos: dict[str, ParamInfo] = {}
        self._config_type: type[ExperimentConfig] | None = None
        self._syncing = False

    def build(self, config: ExperimentConfig, hidden: Iterable[str]) -> None:
        """Fields for every parameter of `config`'s type but the hidden ones."""
        hidden = frozenset(hidden)
        self._config_type = type(config)
        self._infos = {p.name: p for p in self._config_type.params() if p.name not in hidden}
        self.parameters = Parameter.create(
            name="parameters",
            type="group",
            children=[
                _tree_opts(config.experiment, info, getattr(config, name))
                for name, info in self._infos.items()
            ],
        )
        self.tree.setParameters(self.parameters, showTop=False)
        for child in self.parameters.children():
            for item in child.items:
                item.setToolTip(0, child.opts.get("tip", ""))
        self.parameters.sigTreeStateChanged.connect(self._on_tree_changed)

    def speak(self, experiment: str) -> None:
        """Labels, descriptions and choices in the window's language, in place: the fields
        and their values stay (a form built anew left ~800 widgets for Qt to delete later)."""
        self._syncing = True
        try:
            for name, info in self._infos.items():
                child = self.parameters.child(name)
                opts = _tree_opts(experiment, info, child.value())
                child.setOpts(title=opts["title"], tip=opts["tip"])
                if "limits" in opts:
                    child.setLimits(opts["limits"])
                for item in child.items:
                    item.setToolTip(0, opts["tip"])
        finally:
            self._syncing = False

    def show(self, config: ExperimentConfig) -> None:
        """Show the config's values (derived ones included) and only the relevant parameters."""
        self._syncing = True
        try:
            for name, info in self._infos.items():
                child = self.parameters.child(name)
                child.setValue(_tree_value(info, getattr(config, name), config))
                child.setOpts(visible=config.applies(name))
        finally:
            self._syncing = False

    def values(self, config: ExperimentConfig, names: list[str]) -> dict[str, Any]:
        """`config`'s values with the named ones read from the fields (ConfigError if one
        does not parse)."""
        hints = typing.get_type_hints(self._config_type)
        values = config.explicit()
        for name in names:
            info = self._infos[name]
            raw = self.parameters.child(name).value()
            if isinstance(raw, str) and not info.spec.choices:
                values[name] = parse_value(name, raw, hints[name])
            else:
                values[name] = raw
        return values

    def _on_tree_changed(self, _root: Parameter, changes: list) -> None:
        if self._syncing:
            return
        changed = [param.name() for param, change, _ in changes if change == "value"]
        if changed:
            self.edited.emit(changed)


def _forget_root_item_when_destroyed(tree: ParameterTree) -> None:
    """pyqtgraph's TreeWidget keeps a Python wrapper of the tree's invisible root item, which
    C++ owns, so shiboken is never told when the tree deletes it. While the Python side lives on
    (until the garbage collector breaks a cycle), that stale wrapper is handed out for whatever
    Qt next allocates at the freed address: a test's slider got it as its QStyle and failed with
    "QTreeWidgetItem has no attribute sizeFromContents". The tree's end drops the wrapper."""
    root = getattr(tree, "_invRootItem", None)
    if root is not None and hasattr(root, "_real_item"):
        tree.destroyed.connect(lambda *_: setattr(root, "_real_item", None))


def _tree_value(info: ParamInfo, value: Any, config: ExperimentConfig) -> Any:
    if _tree_type(info) == "str":
        return config.as_text()[info.name] if value is not None else ""
    return value


def _tree_type(info: ParamInfo) -> str:
    """Choices a list, true/false a check box, everything else a text field that the config
    parses and validates: a spin box would clamp to its own limits and revert "abc", "nan" or
    "" without a word, and show a value the config does not hold (issue 9)."""
    if info.spec.choices is not None:
        return "choice"
    if info.base == "bool":
        return "bool"
    return "str"


def _tree_opts(experiment: str, info: ParamInfo, value: Any) -> dict[str, Any]:
    """A field in the window's language: its label, its description (with the values it
    takes) as tooltip, and its choices by their names; its `name` stays the parameter's."""
    kind = _tree_type(info)
    tip = engine_words.description(experiment, info)
    if info.spec.choices is None and info.base != "bool":
        tip += f" ({engine_words.allowed(info.spec, info.base, info.name)})"
    # No default: the tree's reset-to-default buttons would fight the preset's Reset.
    opts: dict[str, Any] = {
        "name": info.name,
        "title": engine_words.parameter(info.name),
        "type": kind,
        "tip": tip,
        "default": None,
    }
    if kind == "choice":
        opts["limits"] = {engine_words.choice(info.name, c): c for c in info.spec.choices}
        opts["value"] = value
    elif kind == "bool":
        opts["value"] = bool(value)
    else:
        opts["value"] = format_value(value, info.spec) if value is not None else ""
    return opts
