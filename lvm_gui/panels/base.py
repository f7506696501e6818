"""What every panel shares: controls from the experiment's config, the worker, the status line.

A panel subclass says which experiment it runs, builds its plots and draws a snapshot; this base
turns the config's declared parameters into a pyqtgraph ParameterTree (tooltips from the
declarations), validates every edit through the engine's config (a bad value is shown in the panel
and the last good data stay), and drives the generator through one `ExperimentController`.
"""

from __future__ import annotations

import logging
import math
import time
import typing
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np
import pyqtgraph as pg
from pyqtgraph.parametertree import Parameter, ParameterTree
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from superqt import QLabeledDoubleSlider, QLabeledSlider

import engine
from engine.config import ConfigError, ExperimentConfig, ParamInfo, format_value, parse_value
from engine.experiment import Experiment, Run, Snapshot
from lvm_gui import theme as themes
from lvm_gui.itempool import ItemPool
from lvm_gui.worker import ExperimentController, describe_error

LOG = logging.getLogger("lvm_gui.panels")

# The longest a frame waits for the worker to rest between steps before drawing anyway.
WORKER_REST_MS = 20

# Below this a plot's axes and title crowd it out (pyqtgraph clips rather than shrinks them).
PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT = 340, 230


def scrolling(page: QWidget, plot_height: int = PLOT_MIN_HEIGHT) -> QScrollArea:
    """The page in a scroll area, each of its plots at least PLOT_MIN_WIDTH × `plot_height`
    (and as wide as its title needs): in a small window it scrolls rather than squeezing its
    plots below the size their axes and titles need."""
    for plot in page.findChildren(pg.GraphicsView):
        plot.setMinimumHeight(plot_height)
        plot._lvm_min_width = PLOT_MIN_WIDTH
        fit_plot_width(plot)
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class SparseLogAxis(pg.AxisItem):
    """In log mode, at most a few labelled ticks. Across less than a decade pyqtgraph labels
    every minor tick, 1, 0.9, 0.8, ... crowding into each other; this keeps the labels of
    1, 2 and 5 times a power of ten (of 1 and 3 if those are still too many), and the other
    ticks unlabelled."""

    MAX_LABELS = 5

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        if len(strings) <= self.MAX_LABELS:
            return strings
        mantissas = [round(10 ** (v % 1), 1) for v in np.asarray(values, dtype=float)]
        for keep in ((1, 2, 5), (1, 3), (1,)):
            kept = [s if m in keep else "" for s, m in zip(strings, mantissas, strict=True)]
            if sum(1 for s in kept if s) <= self.MAX_LABELS:
                return kept
        return kept


def make_plot(
    title: str | None, x_label: str, y_label: str, log_x: bool = False, log_y: bool = False
) -> pg.PlotWidget:
    """A plot as every panel draws them: labelled, a faint grid, no SI prefixes on the axes
    (a density reads 0.2, not 200 ×0.001), log axes with a few labels. A title of "" keeps
    its row, None has none."""
    plot = pg.PlotWidget(
        axisItems={"left": SparseLogAxis("left"), "bottom": SparseLogAxis("bottom")}
    )
    item = plot.getPlotItem()
    if title is not None:
        item.setTitle(title)
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setLogMode(x=log_x, y=log_y)
    for axis in ("left", "bottom"):
        item.getAxis(axis).enableAutoSIPrefix(False)
    return plot


def headroom_for_legend(item: pg.PlotItem, low: float, high: float) -> float:
    """The top of a y range from low to high with room above the data for the plot's legend,
    for plots where nothing lies above a bound (B ≤ ℓ̄, L_k ≤ log p(x))."""
    legend, height = item.legend, item.getViewBox().height()
    if legend is None or height <= 0:
        return high
    share = min(0.5, (legend.boundingRect().height() + 20) / height)
    return high + (high - low) * share / (1 - share)


def legend_below(plot: pg.PlotWidget, columns: int = 3) -> pg.LegendItem:
    """The plot's legend in a row of its own under the x axis, for plots whose every corner
    holds data (the chains of a race): there it hides nothing. ItemPool fills it as usual."""
    item = plot.getPlotItem()
    legend = pg.LegendItem(colCount=columns)
    # Rows: title, top axis, view, bottom axis, this; across the axes too, not the view alone.
    item.layout.addItem(legend, 4, 0, 1, 3)
    item.legend = legend
    return legend


def fit_plot_width(plot: pg.GraphicsView) -> None:
    """Keep a plot widget as wide as its items need (a title is never wrapped, and sits beside
    the left axis): narrower, pyqtgraph lays them out wider than the widget anyway and the
    right side of the plot is cut off."""
    need = plot.centralWidget.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
    plot.setMinimumWidth(max(getattr(plot, "_lvm_min_width", 0), math.ceil(need)))


class ExperimentPanel(QWidget):
    """Controls on the left, plots on the right, a status line, 'what you see', export targets."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    # The experiments this panel shows (a model chooser appears when there are several).
    experiment_names: ClassVar[tuple[str, ...]] = ()
    default_preset: ClassVar[str | None] = None
    hidden_params: ClassVar[frozenset[str]] = frozenset({"device", "out"})
    # Values the panel always sets, by experiment (e.g. E and M as separate steps).
    forced_params: ClassVar[dict[str, dict[str, Any]]] = {}
    autorun: ClassVar[bool] = False  # run to the end after every change of parameters
    # Otherwise show the first step (the start) at once, so the plots are never empty.
    show_first_step: ClassVar[bool] = True

    status_changed = Signal()
    config_changed = Signal(object)
    # Every part of the frame for this snapshot is on screen (see draw_parts).
    frame_drawn = Signal(object)

    def __init__(self, preset: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.experiments = {name: engine.get(name) for name in self.experiment_names}
        self.theme = themes.LIGHT
        self.preset = preset if preset is not None else self.default_preset
        self.reset_preset = self.preset
        self.experiment: Experiment = self.experiments[self.experiment_of(self.preset)]
        self.config: ExperimentConfig = self._forced(self.experiment.config(self.preset))
        self.last_snapshot: Snapshot | None = None
        self.controller = ExperimentController(self)
        self._syncing = False
        self.last_message: tuple[str, str] | None = None
        self._headless_history: list[Snapshot] = []
        self._pools: dict[int, ItemPool] = {}
        # Parts of frames still to draw, by key, oldest first: one per turn of the event loop.
        self._parts: dict[str, tuple[Snapshot, Callable[[], None]]] = {}
        self._part_timer = QTimer(self)
        self._part_timer.setSingleShot(True)
        self._part_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._part_timer.timeout.connect(self._draw_next_part)
        # Fires once the last part is painted too: the worker may go on (see lvm_gui.worker).
        self._painted_timer = QTimer(self)
        self._painted_timer.setSingleShot(True)
        self._painted_timer.timeout.connect(self._frame_painted)
        self._frame_started: float | None = None
        self._build()
        self.controller.snapshot_ready.connect(self._on_snapshot)
        self.controller.worker_waiting.connect(self._on_worker_waiting)
        self.controller.finished.connect(self._on_result)
        self.controller.failed.connect(lambda m: self.show_message(m, "error"))
        self.controller.warned.connect(lambda m: self.show_message(m, "warning"))
        self.controller.state_changed.connect(self._on_state)
        self.controller.progress.connect(
            lambda report: self.status_line.setText(f"{report.what}: {report.fraction:.0%}")
        )
        self._sync_tree(self.config)
        self._show_notes(self.config)

    @classmethod
    def experiment_of(cls, preset: str | None) -> str:
        """The experiment whose preset this is (the first experiment for None)."""
        for name in cls.experiment_names:
            if preset is None or preset in engine.get(name).presets:
                return name
        known = ", ".join(p for n in cls.experiment_names for p in engine.get(n).presets)
        raise ConfigError(f"unknown preset {preset!r} for the {cls.name} panel; known: {known}")

    def _forced(self, config: ExperimentConfig) -> ExperimentConfig:
        forced = self.forced_params.get(self.experiment.name, {})
        if any(getattr(config, k) != v for k, v in forced.items()):
            return config.replace(**forced)
        return config

    # --- for subclasses ---------------------------------------------------------------------
    def build_plots(self) -> QWidget:
        raise NotImplementedError

    def draw_parts(self, snap: Snapshot) -> list[tuple[str, Callable[[], None]]]:
        """The frame for `snap` as (key, draw) parts, each about one plot's work.

        The window draws one part per turn of the event loop, so a frame of several plots never
        holds the loop up for longer than its slowest plot; a newer snapshot replaces the parts
        not yet drawn, keeping their place in the queue (no plot is starved).
        """
        raise NotImplementedError

    def show_snapshot(self, snap: Snapshot) -> None:
        """Draw every part of `snap` now."""
        for _key, draw in self.draw_parts(snap):
            draw()

    def build_controls(self) -> QWidget | None:
        """Controls of this panel's own, below the preset (none by default)."""
        return None

    def status_text(self, snap: Snapshot) -> str:
        return f"step {snap.step}"

    def what_you_see(self) -> str:
        return ""

    def plots(self) -> dict[str, pg.PlotWidget]:
        """The plots a user may export one by one, by name."""
        return {}

    def on_result(self, result: Snapshot) -> None:
        """The generator finished; the result is the final snapshot."""

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
        extra = self.build_controls()
        if extra is not None:
            left.addWidget(extra)

        self.tree = ParameterTree(showHeader=False)
        self.tree.setMinimumHeight(220)
        self._build_tree()
        left.addWidget(self.tree, 3)

        buttons = QGridLayout()
        self.step_button = QPushButton("Step")
        self.step_button.setToolTip("Exactly one step of the generator (Space)")
        self.run_button = QPushButton("Run")
        self.run_button.setToolTip("Run to the end at the chosen speed; again to pause (R)")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the running computation; what is drawn stays (Esc)")
        self.reset_button = QPushButton("Reset")
        self.reset_button.setToolTip("Back to the preset's parameters, from the first step")
        self.step_button.clicked.connect(self.step)
        self.run_button.clicked.connect(self.toggle_run)
        self.cancel_button.clicked.connect(self.cancel)
        self.reset_button.clicked.connect(self.reset)
        for i, b in enumerate(
            (self.step_button, self.run_button, self.cancel_button, self.reset_button)
        ):
            buttons.addWidget(b, i // 2, i % 2)
        left.addLayout(buttons)

        speed_row = QHBoxLayout()
        speed_label = QLabel("Delay (s)")
        speed_label.setToolTip("Pause between steps while running, to watch each one")
        self.delay_slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.delay_slider.setRange(0.0, 2.0)
        self.delay_slider.setValue(0.0)
        self.delay_slider.setDecimals(2)
        self.delay_slider.setToolTip(speed_label.toolTip())
        self.delay_slider.valueChanged.connect(self.controller.set_delay)
        speed_row.addWidget(speed_label)
        speed_row.addWidget(self.delay_slider, 1)
        left.addLayout(speed_row)

        history_row = QHBoxLayout()
        history_label = QLabel("History")
        history_label.setToolTip(
            "Look back at earlier steps (Left and Right keys); the run itself goes on from the "
            "newest"
        )
        self.history_slider = QLabeledSlider(Qt.Orientation.Horizontal)
        self.history_slider.setRange(0, 0)
        self.history_slider.setToolTip(history_label.toolTip())
        self.history_slider.valueChanged.connect(self._on_history_moved)
        history_row.addWidget(history_label)
        history_row.addWidget(self.history_slider, 1)
        left.addLayout(history_row)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        left.addWidget(self.message)

        explain = QGroupBox("What you see")
        explain_layout = QVBoxLayout(explain)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        explain_layout.addWidget(self.explanation)
        left.addWidget(explain, 2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.plot_area = self.build_plots()
        self._views = [
            view
            for view in [self.plot_area, *self.plot_area.findChildren(pg.GraphicsView)]
            if isinstance(view, pg.GraphicsView)
        ]
        for view in self._views:
            # One rectangle around what changed, not pyqtgraph's exact region of many small
            # ones: an antialiased line clipped to such a region drew about 15 times slower
            # (the race's chains took 10–20 ms a frame instead of 1).
            view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        right_layout.addWidget(self.plot_area, 1)
        self.status_line = QLabel(" ")
        self.status_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line.setWordWrap(True)
        self.status_line.setToolTip("The current figures; select to copy")
        # A fixed box: a label that grew or shrank with its text would lay out the whole panel
        # again and repaint every plot at every frame.
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status_line.setFixedHeight(3 * self.status_line.fontMetrics().lineSpacing() + 4)
        right_layout.addWidget(self.status_line)

        # The controls scroll rather than clip when the window is small.
        scroller = QScrollArea()
        scroller.setWidget(controls)
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setMinimumWidth(controls.minimumWidth() + 14)
        scroller.setMaximumWidth(controls.maximumWidth() + 14)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroller)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.explanation.setText(self.what_you_see())

    # --- the parameter tree -----------------------------------------------------------------
    def _visible_params(self) -> list[ParamInfo]:
        return [p for p in self.experiment.config_type.params() if p.name not in self.hidden_params]

    def _tree_children(self) -> list[dict[str, Any]]:
        return [
            _tree_opts(info, getattr(self.config, info.name)) for info in self._visible_params()
        ]

    def _build_tree(self) -> None:
        """(Re)build the parameter tree and preset list for the current experiment."""
        self.parameters = Parameter.create(
            name="parameters", type="group", children=self._tree_children()
        )
        self.tree.setParameters(self.parameters, showTop=False)
        self._set_name_tooltips()
        self.parameters.sigTreeStateChanged.connect(self._on_tree_changed)
        self.preset_box.clear()
        self.preset_box.addItem("(custom)", None)
        for preset in self.experiment.presets:
            self.preset_box.addItem(preset, preset)
        self._select_preset_item(self.preset)
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(self.experiment.name)))

    def set_experiment(self, name: str, preset: str | None = None) -> None:
        """Switch the model: a new parameter tree, the preset's (or default) values, new plots."""
        self.controller.cancel()
        self._parts.clear()  # the old model's plots are hidden
        self._painted_timer.start(0)  # and the worker is not held for them
        self.experiment = self.experiments[name]
        self.preset = preset
        self.config = self._forced(self.experiment.config(preset))
        self.last_snapshot = None
        self._build_tree()
        self._sync_tree(self.config)
        self.on_experiment_changed()

    def on_experiment_changed(self) -> None:
        """The model changed: subclasses switch their plots."""

    def _on_model_chosen(self, index: int) -> None:
        name = self.model_box.itemData(index)
        if name != self.experiment.name:
            presets = list(self.experiments[name].presets)
            preset = presets[0] if presets else None
            self.set_experiment(name, preset)
            self.reset_preset = preset
            self.set_config(self.config, preset=preset)

    def _set_name_tooltips(self) -> None:
        for child in self.parameters.children():
            for item in child.items:
                item.setToolTip(0, child.opts.get("tip", ""))

    def _sync_tree(self, config: ExperimentConfig) -> None:
        """Show the config's values (derived ones included) and only the relevant parameters."""
        self._syncing = True
        try:
            for info in self._visible_params():
                child = self.parameters.child(info.name)
                value = getattr(config, info.name)
                child.setValue(_tree_value(info, value, config))
                child.setOpts(visible=config.applies(info.name))
        finally:
            self._syncing = False

    def _on_tree_changed(self, _root: Parameter, changes: list) -> None:
        if self._syncing:
            return
        changed = [param.name() for param, change, _ in changes if change == "value"]
        if changed:
            self.apply_changes(changed)

    def values_from_tree(self, names: list[str]) -> dict[str, Any]:
        """The current config's values with the named ones read from the tree's fields."""
        hints = typing.get_type_hints(self.experiment.config_type)
        infos = {p.name: p for p in self._visible_params()}
        values = self.config.explicit()
        for name in names:
            info = infos[name]
            raw = self.parameters.child(info.name).value()
            if isinstance(raw, str) and not info.spec.choices:
                values[info.name] = parse_value(info.name, raw, hints[info.name])
            else:
                values[info.name] = raw
        return values

    def apply_changes(self, changed: list[str]) -> None:
        """Validate the edited fields; a good config restarts, a bad one is shown."""
        try:
            values = self.values_from_tree(changed)
        except ConfigError as exc:
            self._refuse(str(exc))
            return
        self._apply(values, changed)

    def _refuse(self, message: str) -> None:
        """A value that was not taken: say why, and show again the values in force."""
        self.show_message(message, "error")  # the last good config and data stay
        self._sync_tree(self.config)

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
            values.update(self.forced_params.get(self.experiment.name, {}))
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
        """Show and (with start) run `config`; `preset` names it when it is one, else custom."""
        self.preset = preset
        self._select_preset_item(preset)
        self.config = config = self._forced(config)
        self._sync_tree(config)
        self.clear_message()
        self._show_notes(config)
        self.config_changed.emit(config)
        if start:
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
        if self.autorun:
            self.controller.play()
        elif self.show_first_step:
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
        try:
            self._headless_history = list(run.until(steps))
        finally:
            run.close()
        shown = run.result if run.done else run.last
        if shown is not None:
            self._on_snapshot(shown)
            self.finish_drawing()
        return shown

    @property
    def history(self) -> list[Snapshot]:
        """Every snapshot of the current run so far (the worker's, or a headless run's)."""
        return self.controller.history or self._headless_history

    def _on_history_moved(self, index: int) -> None:
        history = self.history
        if self._syncing or not 0 <= index < len(history):
            return
        self._queue_frame(history[index])

    def history_back(self) -> None:
        self.history_slider.setValue(self.history_slider.value() - 1)

    def history_forward(self) -> None:
        self.history_slider.setValue(self.history_slider.value() + 1)

    def _follow_history(self) -> None:
        """Keep the slider on the newest step while the run goes on (unless moved back)."""
        count = len(self.history)
        self._syncing = True
        try:
            at_end = self.history_slider.value() >= self.history_slider.maximum()
            self.history_slider.setRange(0, max(0, count - 1))
            if at_end:
                self.history_slider.setValue(max(0, count - 1))
        finally:
            self._syncing = False

    def _on_snapshot(self, snap: Snapshot) -> None:
        self._follow_history()
        self._queue_frame(snap)

    def _queue_frame(self, snap: Snapshot) -> None:
        self.last_snapshot = snap
        try:
            parts = self.draw_parts(snap)
        except Exception as exc:  # a drawing bug must not take the window down
            self._drawing_failed(snap, exc)
            return
        for key, draw in parts:
            self._parts[key] = (snap, draw)
        if self._frame_started is None:
            self._frame_started = time.perf_counter()
            self.controller.hold_worker()
            # While a worker computes, start once it rests between steps (worker_waiting), so
            # that no part shares the interpreter with a step; at the latest after
            # WORKER_REST_MS.
            self._part_timer.start(WORKER_REST_MS if self.controller.computing else 0)
        elif not self._part_timer.isActive():
            self._part_timer.start(0)
        self.status_line.setText(self.status_text(snap))
        self.status_changed.emit()

    def _on_worker_waiting(self) -> None:
        if self._parts and self._part_timer.remainingTime() > 1:
            self._part_timer.start(0)

    def _draw_next_part(self) -> None:
        if not self._parts:
            return
        key = next(iter(self._parts))
        snap, draw = self._parts.pop(key)
        try:
            draw()
            self._range_views_now()
            for pool in self._pools.values():
                if pool.unplaced:  # now that the view's range is this frame's
                    pool.place_legend()
                if pool.legend_rebuilt and (view := pool.plot_item.getViewWidget()) is not None:
                    pool.legend_rebuilt = False
                    fit_plot_width(view)
        except Exception as exc:
            self._parts.clear()
            self._drawing_failed(snap, exc)
        if self._parts:
            # 1 ms, not 0: a zero timer started now would run before timers and input already
            # waiting, and the frame's parts would hold the loop as one long stall.
            self._part_timer.start(1)
        else:
            self._painted_timer.start(0)  # after the paint events this part posted
            self.frame_drawn.emit(snap)

    def _frame_painted(self) -> None:
        if self._parts or self._frame_started is None:
            return
        self.controller.frame_drawn(time.perf_counter() - self._frame_started)
        self._frame_started = None
        self.controller.release_worker()

    def _range_views_now(self) -> None:
        """Fit auto-ranged views to the data just set, here in the part: left to their paint
        event, a range that moves relays the axes and marks the view dirty again from inside
        the paint, so that every frame was painted twice."""
        for view in self._views:
            if view.isVisible():
                view.scene().prepareForPaint()

    def _drawing_failed(self, snap: Snapshot, exc: Exception) -> None:
        self.show_message(f"could not draw step {snap.step}: {describe_error(exc)}", "error")

    @property
    def drawing(self) -> bool:
        """Parts of a frame are still waiting to be drawn."""
        return bool(self._parts)

    def finish_drawing(self) -> None:
        """Draw every waiting part now (before an export, and headless)."""
        self._part_timer.stop()
        while self._parts:
            self._draw_next_part()

    def _on_result(self, result: Snapshot) -> None:
        if isinstance(result, Snapshot):
            # The generator's return value: often more than its last step (exact values, a
            # saved file), so it is drawn too, as the command line prints it.
            self._queue_frame(result)
            self.on_result(result)
        self.status_changed.emit()

    def _on_state(self, state: str) -> None:
        self.run_button.setText("Pause" if state == "running" else "Run")
        self.status_changed.emit()

    @property
    def state_text(self) -> str:
        return f"{self.title}: {self.controller.state}"

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
    def export_targets(self) -> dict[str, QWidget]:
        return {"panel": self, **self.plots()}

    def png_text(self) -> dict[str, str]:
        text = {
            "Software": f"LVM Lab {engine.__version__}",
            "Panel": self.name,
            "Seed": str(self.config.seed),
            "Preset": self.preset or "(custom)",
            "Parameters": "; ".join(f"{k}={v}" for k, v in self.config.as_text().items() if v),
        }
        if self.last_snapshot is not None:
            text["Step"] = str(self.last_snapshot.step)
        return text

    def _pool(self, item: pg.PlotItem, legend_offset: tuple[int, int] = (-10, 10)) -> ItemPool:
        """The plot's reusable items, rewound for a new frame (see lvm_gui.itempool)."""
        pool = self._pools.get(id(item))
        if pool is None:
            pool = self._pools[id(item)] = ItemPool(item, legend_offset)
        pool.begin(self.theme.foreground)
        return pool

    def set_title(self, item: pg.PlotItem, text: str) -> None:
        """A plot title in the theme's colour, set only when it changes: every change lays the
        title's HTML out again, too slow to repeat at each frame."""
        key = (text, self.theme.name, themes.SCALE["factor"])
        if getattr(item, "_lvm_title", None) != key:
            item.setTitle(
                text, color=self.theme.foreground, size=f"{round(11 * themes.SCALE['factor'])}pt"
            )
            item._lvm_title = key
            if (view := item.getViewWidget()) is not None:
                fit_plot_width(view)

    def steady_range(self, item: pg.PlotItem, axis: str, low: float, high: float) -> None:
        """Show [low, high] on the "x" or "y" axis, moving the range only when the data leave it
        or fill less than half of it, and then with a tenth of their span to spare on each
        side: a range that followed the data at every frame drew the axes, their tick labels
        and grid lines again at every frame (see also theme.style_plot)."""
        if not (np.isfinite(low) and np.isfinite(high)) or high <= low:
            return
        index = 0 if axis == "x" else 1
        view = item.getViewBox()
        shown_low, shown_high = view.viewRange()[index]
        fits = shown_low <= low and high <= shown_high
        # An aspect-locked view widens one axis to keep its shape: data lost in it are expected.
        filled = view.state["aspectLocked"] or high - low >= 0.5 * (shown_high - shown_low)
        if fits and filled and not view.autoRangeEnabled()[index]:
            return
        spare = 0.1 * (high - low)
        if index == 0:
            item.setXRange(low - spare, high + spare, padding=0)
        else:
            item.setYRange(low - spare, high + spare, padding=0)

    def set_label(self, item: pg.PlotItem, axis: str, text: str) -> None:
        """An axis label, set only when it changes (as set_title)."""
        labels = item.__dict__.setdefault("_lvm_labels", {})
        if labels.get(axis) != text:
            item.setLabel(axis, text)
            labels[axis] = text

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        themes.apply_theme(self, theme)
        for plot in self._views:
            fit_plot_width(plot)  # fonts, and so titles, change size with the theme
        if self.last_snapshot is not None:
            self._queue_frame(self.last_snapshot)

    def shutdown(self) -> bool:
        self._part_timer.stop()
        self._painted_timer.stop()
        self._parts.clear()
        return self.controller.shutdown()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tree_value(info: ParamInfo, value: Any, config: ExperimentConfig) -> Any:
    if _tree_type(info) == "str":
        return config.as_text()[info.name] if value is not None else ""
    return value


def _tree_type(info: ParamInfo) -> str:
    """Choices a list, true/false a check box, everything else a text field that the config
    parses and validates: a spin box would clamp to its own limits and revert "abc", "nan" or
    "" without a word, and show a value the config does not hold (issue 9)."""
    if info.spec.choices is not None:
        return "list"
    if info.base == "bool":
        return "bool"
    return "str"


def _tree_opts(info: ParamInfo, value: Any) -> dict[str, Any]:
    kind = _tree_type(info)
    tip = info.spec.help
    if info.spec.choices is None and info.base != "bool":
        tip += f" ({info.spec.allowed(info.base)})"
    # No default: the tree's reset-to-default buttons would fight the preset's Reset.
    opts: dict[str, Any] = {"name": info.name, "type": kind, "tip": tip, "default": None}
    if kind == "list":
        opts["limits"] = list(info.spec.choices)
        opts["value"] = value
    elif kind == "bool":
        opts["value"] = bool(value)
    else:
        opts["value"] = format_value(value, info.spec) if value is not None else ""
    return opts
