"""A panel: a table from experiment to view, and the controls every panel shares.

The panel turns the current experiment's config into a form (lvm_gui.config_form), validates
every edit through the engine's config (a bad value is shown in the panel and the last good data
stay), drives the generator through one `ExperimentController`, and hands each snapshot to the
view of the running experiment, whose parts the frame scheduler draws (lvm_gui.frames).

About 550 lines, above the house's 400: it is where every shared control is wired to the
controller, the form, the frames and the current view, and each piece of that wiring is short.
The widgets themselves are made in lvm_gui.panels.layout, the history slider's logic is
lvm_gui.panels.history_bar's.
"""

from __future__ import annotations

import logging
import shlex
from typing import Any, ClassVar

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import engine
from engine.catalog import PanelEntry
from engine.config import ConfigError, ExperimentConfig
from engine.experiment import Experiment, Run, Snapshot
from engine.history import History
from lvm_gui import theme as themes
from lvm_gui.config_form import ConfigForm
from lvm_gui.frames import FrameScheduler
from lvm_gui.panels import layout
from lvm_gui.panels.history_bar import HistoryBar
from lvm_gui.panels.layout import RunButtons
from lvm_gui.panels.view import VIEWS, View
from lvm_gui.plots import fit_plot_width
from lvm_gui.worker import ExperimentController, RunState, describe_error

LOG = logging.getLogger("lvm_gui.panels")


# Every panel type by its command-line name, as its package defines it.
PANEL_TYPES: dict[str, type[ExperimentPanel]] = {}


class ExperimentPanel(QWidget):
    """Controls on the left, the current view's plots on the right, a status line.

    A subclass names its catalog entry (engine.catalog); the entry gives its name, title,
    default preset and experiments, and each experiment's view is the one registered for it
    (lvm_gui.panels.view.VIEWS), imported before the subclass is made."""

    entry: ClassVar[PanelEntry]
    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    # One view per experiment this panel shows (a model chooser appears when there are several).
    views: ClassVar[tuple[type[View], ...]] = ()
    default_preset: ClassVar[str | None] = None
    # The experiments of its views, in their order.
    experiment_names: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        entry = cls.entry
        missing = [name for name in entry.experiments if name not in VIEWS]
        if missing:
            raise TypeError(f"the {entry.name} panel has no view for {', '.join(missing)}")
        cls.name, cls.title, cls.default_preset = entry.name, entry.title, entry.default_preset
        cls.experiment_names = entry.experiments
        cls.views = tuple(VIEWS[name] for name in entry.experiments)
        PANEL_TYPES[entry.name] = cls

    status_changed = Signal()
    config_changed = Signal(object)
    # Every part of the frame for this snapshot is on screen (see lvm_gui.frames).
    frame_drawn = Signal(object)
    # A complete data set the other panels may learn from (the Data panel's, after each run).
    dataset_ready = Signal(object)

    def __init__(self, preset: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.experiments = {view.experiment: engine.get(view.experiment) for view in self.views}
        self.theme = themes.LIGHT
        self.preset = preset if preset is not None else self.default_preset
        self.reset_preset = self.preset
        self.experiment: Experiment = self.experiments[self.experiment_of(self.preset)]
        self.config: ExperimentConfig = self._forced(self.experiment.config(self.preset))
        self.last_snapshot: Snapshot | None = None
        # The shown snapshot arrived while this panel's tab was hidden: drawn once it is shown.
        self._undrawn = False
        self.controller = ExperimentController(self)
        self.last_message: tuple[str, str] | None = None
        self._headless_history = History()
        self.frames = FrameScheduler(self.controller, self._after_part, self._drawing_failed, self)
        self.frames.frame_drawn.connect(self.frame_drawn)
        self.view_of: dict[str, View] = {}
        self._build()
        self.controller.snapshot_ready.connect(self._on_snapshot)
        self.controller.finished.connect(self._on_result)
        self.controller.failed.connect(lambda m: self.show_message(m, "error"))
        self.controller.warned.connect(lambda m: self.show_message(m, "warning"))
        self.controller.state_changed.connect(self._on_state)
        self.controller.progress.connect(
            lambda report: self.status_line.setText(f"{report.what}: {report.fraction:.0%}")
        )
        self.form.show(self.config)
        self._show_notes(self.config)

    @classmethod
    def experiment_of(cls, preset: str | None) -> str:
        """The experiment whose preset this is (the first experiment for None)."""
        names = cls.experiment_names
        for name in names:
            if preset is None or preset in engine.get(name).presets:
                return name
        known = ", ".join(p for n in names for p in engine.get(n).presets)
        raise ConfigError(f"unknown preset {preset!r} for the {cls.name} panel; known: {known}")

    @property
    def view(self) -> View:
        """The view of the experiment this panel runs now."""
        return self.view_of[self.experiment.name]

    def _forced(self, config: ExperimentConfig) -> ExperimentConfig:
        forced = self._view_type(config.experiment).forced_params
        if any(getattr(config, k) != v for k, v in forced.items()):
            return config.replace(**forced)
        return config

    def _view_type(self, experiment: str) -> type[View]:
        return next(view for view in self.views if view.experiment == experiment)

    @property
    def parameters(self):
        """The form's parameter tree (pyqtgraph Parameter), one child per shown parameter."""
        return self.form.parameters

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        controls = QWidget()
        controls.setMinimumWidth(290)
        controls.setMaximumWidth(420)
        left = QVBoxLayout(controls)
        left.setContentsMargins(6, 6, 6, 6)

        self.model_box = QComboBox()
        for name, experiment in self.experiments.items():
            self.model_box.addItem(experiment.title, name)
        self.model_box.setToolTip("Which model this panel runs")
        self.model_box.setVisible(len(self.experiments) > 1)
        self.model_box.activated.connect(self._on_model_chosen)
        left.addWidget(self.model_box)

        row = QHBoxLayout()
        row.addWidget(QLabel("Preset"))
        self.preset_box = QComboBox()
        self.preset_box.setToolTip("Presets reproduce the course material's experiments")
        self.preset_box.activated.connect(self._on_preset_chosen)
        row.addWidget(self.preset_box, 1)
        left.addLayout(row)

        # Each view's page and controls, made once; the current view's are shown.
        self.stack = QStackedWidget()
        self._view_controls: dict[str, QWidget] = {}
        for view_type in self.views:
            view = self.view_of[view_type.experiment] = view_type(self)
            self.stack.addWidget(view.page)
            extra = view.build_controls()
            if extra is not None:
                self._view_controls[view_type.experiment] = extra
                left.addWidget(extra)

        self.form = ConfigForm(self)
        self.form.edited.connect(self.apply_changes)
        left.addWidget(self.form.tree, 3)
        self._build_form()

        buttons = RunButtons()
        self.step_button, self.run_button = buttons.step, buttons.run
        self.cancel_button, self.reset_button = buttons.cancel, buttons.reset
        self.step_button.clicked.connect(self.step)
        self.run_button.clicked.connect(self.toggle_run)
        self.cancel_button.clicked.connect(self.cancel)
        self.reset_button.clicked.connect(self.reset)
        left.addLayout(buttons)
        self.delay_slider = layout.delay_slider()
        self.delay_slider.valueChanged.connect(self.controller.set_delay)
        tip = "Pause between steps while running, to watch each one"
        left.addLayout(layout.labelled_row("Delay (s)", tip, self.delay_slider))
        self.history_bar = HistoryBar(lambda: self.history, self)
        self.history_bar.chosen.connect(self._queue_frame)
        self.history_slider, self.history_note = self.history_bar.slider, self.history_bar.note
        tip = "Look back at earlier steps (Left and Right keys); the run goes on from the newest"
        left.addLayout(layout.labelled_row("History", tip, self.history_slider))
        left.addWidget(self.history_note)  # says when a step shown was thinned out
        self.message = layout.wrapped_label()
        left.addWidget(self.message)
        explain, self.explanation = layout.explanation_box()
        left.addWidget(explain, 2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self._graphics = self.stack.findChildren(pg.GraphicsView)
        for view in self._graphics:
            # One rectangle around what changed, not pyqtgraph's exact region of many small
            # ones: an antialiased line clipped to such a region draws many times slower.
            view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        right_layout.addWidget(self.stack, 1)
        self.status_line = layout.status_line()
        right_layout.addWidget(self.status_line)

        scroller = layout.scrolling_controls(controls)
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
        self._show_view()

    def _build_form(self) -> None:
        """(Re)build the form and preset list for the current experiment."""
        self.form.build(self.config, self.view.hidden_params)
        self.preset_box.clear()
        self.preset_box.addItem("(custom)", None)
        for preset in self.experiment.presets:
            self.preset_box.addItem(preset, preset)
        self._select_preset_item(self.preset)
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(self.experiment.name)))

    def _show_view(self) -> None:
        """The current view's page, controls and words on screen."""
        self.stack.setCurrentWidget(self.view.page)
        for name, widget in self._view_controls.items():
            widget.setVisible(name == self.experiment.name)
        self.view.activated()
        self.view.config_changed(self.config)
        self.explanation.setText(self.view.what_you_see())

    def set_experiment(self, name: str, preset: str | None = None) -> None:
        """Switch the model: a new form, the preset's (or default) values, its view."""
        self.controller.cancel()
        self.frames.drop()  # the old model's plots are hidden
        self.experiment = self.experiments[name]
        self.preset = preset
        self.config = self._forced(self.experiment.config(preset))
        self.last_snapshot, self._undrawn = None, False
        self._build_form()
        self.form.show(self.config)
        self._show_view()

    def _on_model_chosen(self, index: int) -> None:
        name = self.model_box.itemData(index)
        if name != self.experiment.name:
            presets = list(self.experiments[name].presets)
            preset = presets[0] if presets else None
            self.set_experiment(name, preset)
            self.reset_preset = preset
            self.set_config(self.config, preset=preset)

    # --- edits ------------------------------------------------------------------------------
    def apply_changes(self, changed: list[str]) -> None:
        """Validate the edited fields; a good config restarts, a bad one is shown."""
        try:
            values = self.form.values(self.config, changed)
        except ConfigError as exc:
            self._refuse(str(exc))
            return
        self._apply(values, changed)

    def _refuse(self, message: str) -> None:
        """A value that was not taken: say why, and show again the values in force."""
        self.show_message(message, "error")  # the last good config and data stay
        self.form.show(self.config)

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
            values.update(self.view.forced_params)
            config = config_type.create(**values)
        except ConfigError as exc:
            self._refuse(str(exc))
            return
        except Exception as exc:  # a bug: logged with its traceback, and the window goes on
            LOG.error("unexpected exception applying %s", changed, exc_info=exc)
            self._refuse(describe_error(exc))
            return
        self.set_config(config)

    def set_config(
        self, config: ExperimentConfig, start: bool = True, preset: str | None = None
    ) -> None:
        """Show and (with start) run `config`; `preset` names it when it is one, else custom.
        A change of steerable parameters only (the race's q) is sent into the running
        generator instead (ExperimentController.steer): no new thread."""
        self.preset = preset
        self._select_preset_item(preset)
        self.config = config = self._forced(config)
        self.form.show(config)
        self.clear_message()
        self._show_notes(config)
        self.view.config_changed(config)
        self.explanation.setText(self.view.what_you_see())
        self.config_changed.emit(config)
        if start and self.controller.steer(config):  # False where the run cannot take it
            self.frames.drop()  # the old q's frame is stale: the steered step draws at once
        elif start:
            self.restart()

    def _select_preset_item(self, preset: str | None) -> None:
        index = self.preset_box.findData(preset)
        self.preset_box.setCurrentIndex(max(index, 0))

    def _on_preset_chosen(self, index: int) -> None:
        preset = self.preset_box.itemData(index)
        if preset is not None:
            self.apply_preset(preset)

    def apply_preset(self, preset: str) -> None:
        self.reset_preset = preset
        name = self.experiment_of(preset)
        if name != self.experiment.name:
            self.set_experiment(name, preset)
        self.set_config(self.experiment.config(preset), preset=preset)

    # --- running ----------------------------------------------------------------------------
    def restart(self) -> None:
        self.controller.start(self.config, self.experiment.generate)
        if self.view.autorun:
            self.controller.play()
        elif self.view.show_first_step:
            self.controller.step()

    def step(self) -> None:
        self.controller.step()

    def toggle_run(self) -> None:
        self.controller.toggle()

    def cancel(self) -> None:
        self.controller.cancel()

    def reset(self) -> None:
        """Back to the preset the user last chose (edits since then are dropped)."""
        self.apply_preset(self.reset_preset)

    def run_headless(self, steps: int | None) -> Snapshot | None:
        """Step the generator here, on the calling thread, and draw the last snapshot.

        Used by `lvm-gui export`: the same generator and the same drawing code as the window.
        """
        self.controller.shutdown()
        run = Run(self.config, self.experiment.generate)
        self._headless_history = History()
        try:
            for snap in run.until(steps):
                self._headless_history.append(snap)
        finally:
            run.close()
        shown = run.result if run.done else run.last
        if shown is not None:
            self._on_snapshot(shown)
            self.finish_drawing()
        return shown

    @property
    def history(self) -> History:
        """The current run so far (the worker's, or a headless run's): every step's numbers,
        a bounded number of its snapshots (engine.history)."""
        return self.controller.history or self._headless_history

    def history_back(self) -> None:
        self.history_bar.back()

    def history_forward(self) -> None:
        self.history_bar.forward()

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.history_bar.follow()
        self._queue_frame(snap)

    def _queue_frame(self, snap: Snapshot) -> None:
        self.last_snapshot = snap
        if self.on_hidden_tab:
            # Every panel runs its preset when the window opens: the hidden ones' frames would
            # take the GUI thread's time beside the shown one's first run.
            self._undrawn = True
        else:
            self._draw_frame(snap)

    def _draw_frame(self, snap: Snapshot) -> None:
        self._undrawn = False
        try:
            parts = self.view.draw_parts(snap)
        except Exception as exc:  # a drawing bug must not take the window down
            self._drawing_failed(snap, exc)
            return
        self.frames.queue(snap, parts)
        self.status_line.setText(self.view.status_text(snap))
        self.status_changed.emit()

    @property
    def on_hidden_tab(self) -> bool:
        """In a window, on a page not shown (a panel of its own, shown or not, always draws)."""
        return self.window() is not self and self.isHidden()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._undrawn:
            self._draw_frame(self.last_snapshot)

    def redraw(self) -> None:
        """Draw the shown snapshot again (a view's marks changed, say)."""
        if self.last_snapshot is not None:
            self._queue_frame(self.last_snapshot)

    def _after_part(self) -> None:
        """Fit auto-ranged views to the data just set, here in the part: left to their paint
        event, a range that moves relays the axes and marks the view dirty again from inside
        the paint, so that every frame was painted twice. Then legends go where they hide
        least, now that the range is this frame's."""
        for view in self._graphics:
            if view.isVisible():
                view.scene().prepareForPaint()
        for pool in self.view.pools.values():
            if pool.unplaced:
                pool.place_legend()
            if pool.legend_rebuilt and (widget := pool.plot_item.getViewWidget()) is not None:
                pool.legend_rebuilt = False
                fit_plot_width(widget)

    def _drawing_failed(self, snap: Snapshot, exc: Exception) -> None:
        self.show_message(f"could not draw step {snap.step}: {describe_error(exc)}", "error")

    @property
    def drawing(self) -> bool:
        """Parts of a frame are still waiting to be drawn."""
        return self.frames.drawing

    def show_snapshot(self, snap: Snapshot) -> None:
        """Draw every part of `snap` now."""
        for _key, draw in self.view.draw_parts(snap):
            draw()

    def finish_drawing(self) -> None:
        """Draw every waiting part now (before an export, and headless), a hidden tab's too."""
        if self._undrawn:
            self._draw_frame(self.last_snapshot)
        self.frames.finish()

    def _on_result(self, result: Snapshot) -> None:
        if isinstance(result, Snapshot):
            # The generator's return value: often more than its last step (exact values, a
            # saved file), so it is drawn too, as the command line prints it.
            self._queue_frame(result)
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

    def _on_state(self, state: str) -> None:
        self.run_button.setText("Pause" if state == RunState.RUNNING else "Run")
        self.status_changed.emit()

    @property
    def state_text(self) -> str:
        return f"{self.title}: {self.controller.state}"

    # --- data between panels ----------------------------------------------------------------
    def set_available_dataset(self, dataset) -> None:
        """The Data panel drew `dataset`: every view that learns from data may take it."""
        for view in self.view_of.values():
            view.dataset_available(dataset)

    @property
    def dataset(self):
        """The complete data set this panel shows, if it shows one (the Data panel)."""
        return self.view.dataset(self.last_snapshot) if self.last_snapshot is not None else None

    # --- messages ---------------------------------------------------------------------------
    def show_message(self, text: str, level: str = "error") -> None:
        colour = {"error": themes.VERMILLION, "warning": "#A66A00", "note": themes.BLUE}[level]
        prefix = {"error": "Error", "warning": "Warning", "note": "Note"}[level]
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(f"<b>{prefix}:</b> {_escape(text)}")
        self.message.setToolTip(text)
        self.message.setVisible(True)
        self.last_message = (level, text)
        self.status_changed.emit()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)
        self.last_message = None

    def _show_notes(self, config: ExperimentConfig) -> None:
        if config.notes:
            self.show_message("; ".join(config.notes), "note")

    # --- export and theme -------------------------------------------------------------------
    def plots(self) -> dict[str, QWidget]:
        """The current view's plots a user may export one by one, by name."""
        return self.view.plots()

    def export_targets(self) -> dict[str, QWidget]:
        return {"panel": self, **self.plots()}

    def png_text(self, target: str | None = None) -> dict[str, str]:
        text = {
            "Software": f"LVM Lab {engine.__version__}",
            "Panel": self.name,
            "Seed": str(self.config.seed),
            "Preset": self.preset or "(custom)",
            "Parameters": "; ".join(f"{k}={v}" for k, v in self.config.as_text().items() if v),
            "Command": self.export_command(target),
        }
        if self.last_snapshot is not None:
            text["Step"] = str(self.last_snapshot.step)
        return text

    def export_command(self, target: str | None = None, out: str = "figure.png") -> str:
        """The `lvm-gui export` command line that draws this picture again, anywhere: every
        parameter that differs from a preset's (data named by recipe or file, never by a
        private copy), and the step shown when it is not the last."""
        preset = self.preset or next(iter(self.experiment.presets), None)
        base = self.experiment.config(preset).as_text()
        args = ["lvm-gui", "export", self.name]
        if preset is not None:
            args += ["--preset", preset]
        for name, value in self.config.as_text().items():
            if value != base[name]:
                args += ["--set", f"{name}={value}"]
        snap = self.last_snapshot
        if snap is not None and not snap.final:
            args += ["--steps", str(snap.step)]
        if target is not None:
            args += ["--target", target]
        return shlex.join([*args, "--out", out])

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        themes.apply_theme(self, theme)
        for plot in self._graphics:
            fit_plot_width(plot)  # fonts, and so titles, change size with the theme
        self.redraw()

    def shutdown(self) -> bool:
        self.frames.stop()
        done = self.controller.shutdown()
        for view in self.view_of.values():
            view.shutdown()
        return done


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
