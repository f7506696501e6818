"""A view draws one experiment's snapshots: its plots, its frame parts, its words, its clicks.

A panel is a table from experiment to view plus the controls they share (lvm_gui.panels.panel):
it never asks what kind of snapshot it holds, the view of the running experiment does the
drawing. A view owns what it keeps between frames (item pools, texts set, ranges).

A view draws a snapshot with the config that made it (`config`, set by `frame_parts`), which
is not always the one the form shows: after a steer that keeps the run's history, or when the
user looks back at a step before the last change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from engine.config import ExperimentConfig
from engine.experiment import Snapshot
from lvm_gui.flowing_page import TopicPages
from lvm_gui.i18n import translate
from lvm_gui.itempool import ItemPool
from lvm_gui.plots import PlotText, steady_range

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from engine.data.dataset import Dataset
    from engine.history import History
    from lvm_gui import theme as themes

Part = tuple[str, Callable[[], None]]


class ViewHost(Protocol):
    """All that a view asks of its panel (ExperimentPanel), so that a test can host a view
    without one and feed it snapshots by hand."""

    config: ExperimentConfig  # the config shown in the form
    theme: themes.Theme
    history: History
    dataset_ready: SignalInstance

    def set_params(self, **params: Any) -> None: ...

    def show_message(self, text: str, level: str = "error") -> None: ...

    def redraw(self) -> None: ...


class View:
    """Subclasses build their page and draw; the panel's table names the experiment each draws
    (ExperimentPanel.views), and the panel calls the rest."""

    # Parameters the form does not show, and values the panel always sets (E and M as steps).
    hidden_params: ClassVar[frozenset[str]] = frozenset({"device", "out"})
    forced_params: ClassVar[dict[str, Any]] = {}
    autorun: ClassVar[bool] = False  # run to the end after every change of parameters
    # Otherwise show the first step (the start) at once, so the plots are never empty.
    show_first_step: ClassVar[bool] = True

    def __init__(self, panel: ViewHost) -> None:
        self.panel = panel
        # The config of the snapshot drawn last (None before the first frame).
        self.shown_config: ExperimentConfig | None = None
        self.pools: dict[int, ItemPool] = {}
        self.text = PlotText()
        self.page = self.build()

    # --- what a view says about itself -----------------------------------------------------
    def build(self) -> QWidget:
        """The page of plots, shown while this view's experiment runs."""
        raise NotImplementedError

    def build_controls(self) -> QWidget | None:
        """Controls of this view's own, below the preset (none by default)."""
        return None

    def plots(self) -> dict[str, QWidget]:
        """The plots a user may export one by one, by name."""
        return {}

    def figures(self) -> dict[str, QWidget]:
        """The pages a user may export whole: "panel", the page on show (without the
        controls), and a view with topic tabs (lvm_gui.flowing_page.TopicPages) each topic."""
        if isinstance(self.page, TopicPages):
            return {"panel": self.page.shown(), **self.page.pages}
        return {"panel": self.page}

    def what_you_see(self) -> str:
        return ""

    def draw_parts(self, snap: Snapshot) -> list[Part]:
        """The frame for `snap` as (key, draw) parts, each about one plot's work."""
        raise NotImplementedError

    def frame_parts(self, snap: Snapshot, config: ExperimentConfig) -> list[Part]:
        """`draw_parts(snap)`, each part drawn with `config`, the config that made `snap`: the
        parts of two frames may take turns (lvm_gui.frames), so each sets its own."""
        self.shown_config = config
        return [(key, _drawn_with(self, config, draw)) for key, draw in self.draw_parts(snap)]

    def draw(self, snap: Snapshot, config: ExperimentConfig | None = None) -> None:
        """The whole frame at once (the panel draws it in parts, a part per turn), with the
        config that made `snap` (by default the panel's)."""
        for _, draw in self.frame_parts(snap, config or self.panel.config):
            draw()

    def status_text(self, snap: Snapshot) -> str:
        return translate("View", "step {step}").format(step=snap.step)

    def dataset(self, snap: Snapshot) -> Dataset | None:
        """The complete data set `snap` shows, for the other panels (the Data panel's)."""
        return None

    def models_to_save(self, snap: Snapshot) -> dict[str, Callable[[str], Any]]:
        """The trained models `snap` holds, by name, each as a function that writes its
        weights to a path (File > Save model…); none by default."""
        return {}

    # --- what the panel tells it ------------------------------------------------------------
    def activated(self) -> None:
        """The panel switched to this view: what it drew of another run is stale."""

    def config_changed(self, config: ExperimentConfig) -> None:
        """A new config is shown (the run has not necessarily started)."""

    def language_changed(self) -> None:
        """The window's language changed: forget texts kept between frames (table headers
        set once), which the frame drawn next sets again in the new language."""

    def on_result(self, result: Snapshot) -> None:
        """The generator finished; the result is the final snapshot."""

    def dataset_available(self, dataset: Dataset) -> None:
        """The Data panel drew a data set this view's model may learn from."""

    def shutdown(self) -> None:
        """The window closes: give back what the view holds outside Qt (files)."""

    # --- for subclasses ---------------------------------------------------------------------
    @property
    def config(self) -> ExperimentConfig:
        """The config of the snapshot being drawn, or drawn last; the panel's before any."""
        return self.shown_config if self.shown_config is not None else self.panel.config

    @property
    def theme(self) -> themes.Theme:
        return self.panel.theme

    @property
    def history(self) -> History:
        """The run's past: what a step shown draws of the steps before it (engine.history)."""
        return self.panel.history

    def pool(self, item: pg.PlotItem, legend_offset: tuple[int, int] = (-10, 10)) -> ItemPool:
        """The plot's reusable items, rewound for a new frame (see lvm_gui.itempool)."""
        pool = self.pools.get(id(item))
        if pool is None:
            pool = self.pools[id(item)] = ItemPool(item, legend_offset)
        pool.begin(self.theme.foreground)
        return pool

    def set_title(self, item: pg.PlotItem, text: str) -> None:
        self.text.title(item, text, self.theme)

    def set_label(self, item: pg.PlotItem, axis: str, text: str) -> None:
        self.text.label(item, axis, text)

    @staticmethod
    def steady_range(item: pg.PlotItem, axis: str, low: float, high: float) -> None:
        steady_range(item, axis, low, high)

    def redraw(self) -> None:
        self.panel.redraw()

    @staticmethod
    def clicked_point(plot: pg.GraphicsView, event) -> tuple[float, float] | None:
        """Where a left click on `plot`'s view box fell, in data units rounded to 4 places
        (None for another button, a click outside the view box, or a plot whose clicks answer
        a lesson's question: the view's own click waits until it is answered)."""
        if id(plot) in CLICKS_TAKEN:
            return None
        return point_clicked(plot, event)


# Plots whose clicks answer a lesson's prediction (lvm_gui.lesson_pane), by id.
CLICKS_TAKEN: set[int] = set()


def point_clicked(plot: pg.GraphicsView, event) -> tuple[float, float] | None:
    if event.button() != Qt.MouseButton.LeftButton:
        return None
    view = plot.getPlotItem().vb
    if not view.sceneBoundingRect().contains(event.scenePos()):
        return None
    point = view.mapSceneToView(event.scenePos())
    return round(point.x(), 4), round(point.y(), 4)


def _drawn_with(view: View, config: ExperimentConfig, draw: Callable[[], None]):
    def part() -> None:
        view.shown_config = config
        draw()

    return part
