"""A panel: a table from experiment to view, and the parts every panel shares.

The parts each own one job and are wired here: the settings (lvm_gui.panels.settings: the
model, the preset, the form and the one current config), the run controls bound to the
controller (lvm_gui.panels.run_controls, lvm_gui.worker), the view pages and their frames
(lvm_gui.panels.pages), the history bar (lvm_gui.panels.history_bar) and the message line
(lvm_gui.panels.messages). The widgets themselves are made in lvm_gui.panels.layout.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from engine.catalog import PanelEntry
from engine.config import ExperimentConfig
from engine.experiment import Experiment, Run, Snapshot
from engine.history import History
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, localized
from lvm_gui.panels import layout
from lvm_gui.panels.history_bar import HistoryBar
from lvm_gui.panels.messages import MessageLine
from lvm_gui.panels.pages import ViewPages
from lvm_gui.panels.run_controls import RunControls
from lvm_gui.panels.settings import PanelSettings, experiment_of
from lvm_gui.panels.view import View
from lvm_gui.plots import fit_plot_width
from lvm_gui.worker import ExperimentController

# The set-up work the engine reports (engine.experiment.Progress.what), in the window's language.
PROGRESS = {
    "the IWAE ladder": QT_TRANSLATE_NOOP("Progress", "the IWAE ladder"),
    "log p(x; θ)": QT_TRANSLATE_NOOP("Progress", "log p(x; θ)"),
    "restarts": QT_TRANSLATE_NOOP("Progress", "restarts"),
    "log-likelihood surface": QT_TRANSLATE_NOOP("Progress", "log-likelihood surface"),
    "exact p(x)": QT_TRANSLATE_NOOP("Progress", "exact p(x)"),
    "sampling": QT_TRANSLATE_NOOP("Progress", "sampling"),
}


class ExperimentPanel(QWidget):
    """Controls on the left, the current view's plots on the right, a status line.

    A subclass names its catalog entry (engine.catalog) and its table from each of the entry's
    experiments to the view that draws it."""

    entry: ClassVar[PanelEntry]
    views: ClassVar[dict[str, type[View]]] = {}
    name: ClassVar[str] = ""
    title: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if list(cls.views) != list(cls.entry.experiments):
            raise TypeError(
                f"the {cls.entry.name} panel's views are for {', '.join(cls.views)}; its "
                f"catalog entry lists {', '.join(cls.entry.experiments)}, in that order"
            )
        cls.name, cls.title = cls.entry.name, cls.entry.title

    status_changed = Signal()
    config_changed = Signal(object)
    # Every part of the frame for this snapshot is on screen (see lvm_gui.frames).
    frame_drawn = Signal(object)
    # A complete data set the other panels may learn from (the Data panel's, after each run).
    dataset_ready = Signal(object)

    def __init__(self, preset: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = themes.LIGHT
        preset = preset if preset is not None else self.entry.default_preset
        self.settings = PanelSettings(self.name, self.views, preset, self)
        self.controller = ExperimentController(self)
        self.messages = MessageLine(self)
        self.pages = ViewPages(
            {name: view_type(self) for name, view_type in self.views.items()},
            self.controller,
            lambda: self.window() is not self and self.isHidden(),
            self,
        )
        self.history_bar = HistoryBar(lambda: self.history, self)
        self.run_controls = RunControls(self.controller, self)
        # A headless run's history (lvm-gui export); the window's runs are the controller's.
        self._headless_history = History()
        self._build()
        self.settings.chosen.connect(self._on_chosen)
        self.settings.switched.connect(self.controller.cancel)
        self.settings.switched.connect(self.pages.switch_to)  # the old model's plots hide
        self.settings.refused.connect(self.show_message)
        self.run_controls.reset_asked.connect(self.settings.reset)
        self.messages.changed.connect(self.status_changed)
        self.pages.frame_drawn.connect(self.frame_drawn)
        self.pages.frame_queued.connect(self.status_changed)
        self.pages.failed.connect(self.show_message)
        self.history_bar.chosen.connect(self._show)
        self.controller.snapshot_ready.connect(self._on_snapshot)
        self.controller.finished.connect(self._on_result)
        self.controller.failed.connect(lambda m: self.show_message(m, "error"))
        self.controller.warned.connect(lambda m: self.show_message(m, "warning"))
        self.controller.state_changed.connect(self.status_changed)
        self.controller.progress.connect(
            lambda report: self.pages.status_line.setText(
                f"{localized(PROGRESS.get(report.what, report.what))}: {report.fraction:.0%}"
            )
        )
        self.messages.show_notes(self.config)

    @classmethod
    def experiment_of(cls, preset: str | None) -> str:
        """The experiment whose preset this is (the first experiment for None)."""
        return experiment_of(cls.name, cls.views, preset)

    @property
    def config(self) -> ExperimentConfig:
        """The config the form shows (PanelSettings owns it)."""
        return self.settings.config

    @property
    def experiment(self) -> Experiment:
        return self.settings.experiment

    @property
    def view(self) -> View:
        """The view of the experiment this panel runs now."""
        return self.pages.current

    @property
    def last_snapshot(self) -> Snapshot | None:
        """The snapshot shown (or to be shown, on a hidden tab)."""
        return self.pages.last_snapshot

    def _build(self) -> None:
        controls = QWidget()
        controls.setMinimumWidth(290)
        controls.setMaximumWidth(380)
        left = QVBoxLayout(controls)
        left.setContentsMargins(6, 6, 6, 6)
        self.settings.add_to(left)
        for widget in self.pages.controls.values():  # each view's own, below the preset
            left.addWidget(widget)
        left.addWidget(self.settings.form.tree, 3)
        self.run_controls.add_to(left)
        self.history_bar.add_to(left)
        left.addWidget(self.messages.label)
        left.addWidget(self.pages.explanation_box, 2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.add_to(right_layout)

        scroller = self.controls_column = layout.scrolling_controls(controls)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroller)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # Left to itself the splitter gave the controls more than their widest (a blank strip
        # of 70 pixels beside them): they get that much, the plots the rest.
        splitter.setSizes([scroller.maximumWidth(), 1 << 16])
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(splitter)
        self.pages.show_view(self.experiment.name, self.config)

    # --- changes ----------------------------------------------------------------------------
    def apply_preset(self, preset: str) -> None:
        self.settings.apply_preset(preset)

    def set_params(self, **params: Any) -> None:
        """Change parameters from code (a menu, a drag on a plot), validated like an edit."""
        self.settings.set_params(**params)

    def _on_chosen(self, config: ExperimentConfig, start: bool) -> None:
        """Show `config` and (with start) run it. A change of steerable parameters only (the
        race's q) is sent into the running generator instead (ExperimentController.steer):
        no new thread."""
        self.messages.clear()
        self.messages.show_notes(config)
        self.pages.config_changed(config)
        self.config_changed.emit(config)
        if start and self.controller.steer(config):  # False where the run cannot take it
            self.pages.frames.drop()  # the old frame is stale: the steered step draws at once
        elif start:
            self.restart()

    # --- running ----------------------------------------------------------------------------
    def restart(self) -> None:
        self.controller.start(self.config, self.experiment.generate)
        if self.view.autorun:
            self.controller.play()
        elif self.view.show_first_step:
            self.controller.step()

    def run_headless(self, steps: int | None) -> Snapshot | None:
        """Step the generator here, on the calling thread, and draw the last snapshot.

        Used by `lvm-gui export`: the same generator and the same drawing code as the window.
        """
        self.controller.shutdown()
        run = Run(self.config, self.experiment.generate)
        self._headless_history = History()
        try:
            for snap in run.until(steps):
                self._headless_history.append(snap, self.config)
        finally:
            run.close()
        shown = run.result if run.done else run.last
        if shown is not None:
            self.history_bar.follow()
            self._show(shown, self.config)
            self.pages.finish()
        return shown

    @property
    def history(self) -> History:
        """The current run so far (the worker's, or a headless run's): every step's numbers,
        a bounded number of its snapshots and the config of each (engine.history)."""
        return self.controller.history or self._headless_history

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.history_bar.follow()
        self._show(snap)

    def _show(self, snap: Snapshot, config: ExperimentConfig | None = None) -> None:
        """Draw `snap` with the config that made it: the history's, else the given one, else
        that of the run (a result or a headless run's last step: not in the history)."""
        made_with = self.history.config_of(snap) or config or self.controller.config
        self.pages.show(snap, made_with or self.config)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.pages.show_if_undrawn()

    def redraw(self) -> None:
        """Draw the shown snapshot again (a view's marks changed, say)."""
        self.pages.redraw()

    def _on_result(self, result: Snapshot) -> None:
        if isinstance(result, Snapshot):
            # The generator's return value: often more than its last step (exact values, a
            # saved file), so it is drawn too, as the command line prints it.
            self._show(result, self.controller.config)
            self.view.on_result(result)
            save_error = getattr(result, "save_error", None)
            if save_error:  # the run's results stay: File > Save model… writes them elsewhere
                self.show_message(f"{save_error}; save the model elsewhere (File > Save model…)")
        self.status_changed.emit()

    def models_to_save(self) -> dict[str, Any]:
        """The trained models the shown snapshot holds, by name: each a function that writes
        its weights to a path (raising engine.atomic.WriteError when it cannot)."""
        if self.last_snapshot is None:
            return {}
        return self.view.models_to_save(self.last_snapshot)

    # --- data between panels ----------------------------------------------------------------
    def set_available_dataset(self, dataset) -> None:
        """The Data panel drew `dataset`: every view that learns from data may take it."""
        for view in self.pages.view_of.values():
            view.dataset_available(dataset)

    @property
    def dataset(self):
        """The complete data set this panel shows, if it shows one (the Data panel)."""
        return self.view.dataset(self.last_snapshot) if self.last_snapshot is not None else None

    # --- words, pictures, theme -------------------------------------------------------------
    def show_message(self, text: str, level: str = "error") -> None:
        self.messages.show(text, level)

    def export_targets(self) -> dict[str, QWidget]:
        """What a user may export: the figures ("panel": the current view's page of plots,
        without the controls; its topics if it has tabs) and each of its plots by name."""
        return {**self.view.figures(), **self.view.plots()}

    def show_controls(self, shown: bool) -> None:
        """The controls column, or the plots alone (presentation mode: the keys still step,
        run, cancel and look back)."""
        self.controls_column.setVisible(shown)

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        themes.apply_theme(self, theme)
        for plot in self.pages.graphics:
            fit_plot_width(plot)  # fonts, and so titles, change size with the theme
        self.redraw()

    def shutdown(self) -> bool:
        self.pages.frames.stop()
        done = self.controller.shutdown()
        for view in self.pages.view_of.values():
            view.shutdown()
        return done
