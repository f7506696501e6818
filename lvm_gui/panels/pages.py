"""A panel's view pages: one page of plots per experiment, the current one shown, its frames
drawn in parts (lvm_gui.frames) with the config that made each snapshot, and its words.

A snapshot that arrives while the panel's tab is hidden is kept and drawn once the tab is shown:
every panel runs its preset when the window opens, and the hidden ones' frames would take the
GUI thread's time beside the shown one's first run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGraphicsView, QStackedWidget, QVBoxLayout, QWidget

from engine.config import ExperimentConfig
from engine.experiment import Snapshot
from lvm_gui import i18n
from lvm_gui.experiment_thread import describe_error
from lvm_gui.frames import FrameScheduler
from lvm_gui.panels import layout
from lvm_gui.panels.solo import SoloPlots
from lvm_gui.panels.view import View
from lvm_gui.plots import fit_plot_width, refit_heights
from lvm_gui.worker import ExperimentController


class ViewPages(QObject):
    # Every part of the frame for this snapshot is on screen.
    frame_drawn = Signal(object)
    # A frame was queued (its status line is set) or could not be drawn (its message).
    frame_queued = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        views: Mapping[str, View],
        controller: ExperimentController,
        hidden: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view_of = dict(views)
        self._hidden = hidden
        self.stack = QStackedWidget()
        # Each view's own controls, shown while its page is.
        self.controls: dict[str, QWidget] = {}
        for name, view in self.view_of.items():
            self.stack.addWidget(view.page)
            extra = view.build_controls()
            if extra is not None:
                self.controls[name] = extra
        self.graphics = self.stack.findChildren(pg.GraphicsView)
        for plot in self.graphics:
            # One rectangle around what changed, not pyqtgraph's exact region of many small
            # ones: an antialiased line clipped to such a region draws many times slower.
            plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.solo = SoloPlots(self.stack, self.graphics)
        self.frames = FrameScheduler(controller, self._after_part, self._drawing_failed, self)
        self.frames.frame_drawn.connect(self.frame_drawn)
        self.status_line = layout.status_line()
        self.explanation_box, self.explanation = layout.explanation_box()
        self.current: View = next(iter(self.view_of.values()))
        # The snapshot shown (or to be shown once the tab is) and the config that made it.
        self.last_snapshot: Snapshot | None = None
        self.shown_config: ExperimentConfig | None = None
        self._undrawn = False
        i18n.follow(self, ViewPages._speak)

    def _speak(self) -> None:
        """After a switch of language: the views' words, and the frame drawn again in it."""
        for view in self.view_of.values():
            view.language_changed()
        self.explanation.setText(self.current.what_you_see())
        self.redraw()

    def show_view(self, name: str, config: ExperimentConfig) -> None:
        """Show the view of experiment `name`, its controls and its words, for `config`."""
        self.solo.put_back()
        self.current = self.view_of[name]
        self.stack.setCurrentWidget(self.current.page)
        for experiment, widget in self.controls.items():
            widget.setVisible(experiment == name)
        self.current.activated()
        self.config_changed(config)

    def config_changed(self, config: ExperimentConfig) -> None:
        self.current.config_changed(config)
        self.explanation.setText(self.current.what_you_see())

    def switch_to(self, name: str, config: ExperimentConfig) -> None:
        """Another experiment's view: what is drawn belongs to another run, and no part of it
        is drawn any more."""
        self.frames.drop()
        self.last_snapshot, self.shown_config, self._undrawn = None, None, False
        self.show_view(name, config)

    # --- frames -----------------------------------------------------------------------------
    def show(self, snap: Snapshot, config: ExperimentConfig) -> None:
        """Draw `snap`, made with `config`, in parts (once the tab is shown, if it is hidden)."""
        self.last_snapshot, self.shown_config = snap, config
        if self._hidden():
            self._undrawn = True
        else:
            self._draw_frame()

    def show_if_undrawn(self) -> None:
        if self._undrawn:
            self._draw_frame()

    def redraw(self) -> None:
        """Draw the shown snapshot again (a view's marks changed, say)."""
        if self.last_snapshot is not None:
            self.show(self.last_snapshot, self.shown_config)

    def finish(self) -> None:
        """Draw every waiting part now (before an export, and headless), a hidden tab's too."""
        self.show_if_undrawn()
        self.frames.finish()

    @property
    def drawing(self) -> bool:
        """Parts of a frame are still waiting to be drawn."""
        return self.frames.drawing

    def _draw_frame(self) -> None:
        self._undrawn = False
        snap = self.last_snapshot
        try:
            parts = self.current.frame_parts(snap, self.shown_config)
        except Exception as exc:  # a drawing bug must not take the window down
            self._drawing_failed(snap, exc)
            return
        self.frames.queue(snap, parts)
        self.status_line.setText(self.current.status_text(snap))
        self.frame_queued.emit(snap)

    def _after_part(self) -> None:
        """Fit auto-ranged views to the data just set, here in the part: left to their paint
        event, a range that moves relays the axes and marks the view dirty again from inside
        the paint, so that every frame was painted twice. Then legends go where they hide
        least, now that the range is this frame's."""
        for plot in self.graphics:
            if plot.isVisible():
                plot.scene().prepareForPaint()
        for pool in self.current.pools.values():
            if pool.unplaced:
                pool.place_legend()
            if pool.legend_rebuilt and (widget := pool.plot_item.getViewWidget()) is not None:
                pool.legend_rebuilt = False
                fit_plot_width(widget)
                refit_heights(widget)

    def _drawing_failed(self, snap: Snapshot, exc: Exception) -> None:
        self.failed.emit(
            i18n.translate("Panel", "could not draw step {step}: {error}").format(
                step=snap.step, error=describe_error(exc)
            )
        )

    def add_to(self, column: QVBoxLayout) -> None:
        """The current page above its status line."""
        column.addWidget(self.stack, 1)
        column.addWidget(self.status_line)
