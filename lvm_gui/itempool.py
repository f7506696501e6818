"""Reuse a plot's curves and scatters from frame to frame.

Creating a pyqtgraph item and adding it to a plot costs milliseconds (a view update per item);
setData on an item that already exists costs far less. A view that redraws everything each
frame asks the pool for its items in the same order every time: begin(), then plot() and
scatter() as often as needed, then end(), which hides whatever this frame did not use.

The legend goes the same way: label() names an item for this frame, and end() builds the legend
again only when the names, the items or the text colour differ from the last frame's (a legend
lays out a text item per entry, the costliest part of a small plot's frame).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

from lvm_gui import theme as themes
from lvm_gui.plots import legend_below

# Options every reused curve is given, so that no style of an earlier frame leaks into this one.
CURVE_DEFAULTS: dict[str, Any] = {
    "pen": None,
    "symbol": None,
    "symbolPen": None,
    "symbolBrush": None,
    "symbolSize": 7,
    "connect": "all",
}


class ItemPool:
    def __init__(self, plot: pg.PlotItem, legend_offset: tuple[int, int] = (-10, 10)) -> None:
        self.plot_item = plot
        self.curves: list[pg.PlotDataItem] = []
        self.scatters: list[pg.ScatterPlotItem] = []
        self._curve = 0
        self._scatter = 0
        self._legend_offset = legend_offset
        self._labels: list[tuple[pg.GraphicsObject, str]] = []
        self._legend_key: tuple | None = None
        self._text_colour = "k"
        self.unplaced = False
        self.legend_rebuilt = False
        # A view resized (a page refitted, presentation mode) is a new place for the legend.
        plot.getViewBox().sigResized.connect(self._view_resized)

    def begin(self, text_colour: Any = "k") -> None:
        self._curve = self._scatter = 0
        self._labels = []
        self._text_colour = text_colour

    def plot(self, x, y, **opts: Any) -> pg.PlotDataItem:
        if self._curve == len(self.curves):
            curve = pg.PlotDataItem()
            self.plot_item.addItem(curve)
            self.curves.append(curve)
        curve = self.curves[self._curve]
        self._curve += 1
        curve.setData(x, y, **{**CURVE_DEFAULTS, **opts})
        curve.setVisible(True)
        return curve

    def scatter(self, x, y, **opts: Any) -> pg.ScatterPlotItem:
        if self._scatter == len(self.scatters):
            scatter = pg.ScatterPlotItem()
            self.plot_item.addItem(scatter)
            self.scatters.append(scatter)
        scatter = self.scatters[self._scatter]
        self._scatter += 1
        scatter.setData(x=x, y=y, **{"symbol": "o", "pen": None, "brush": None, **opts})
        scatter.setVisible(True)
        return scatter

    def label(self, thing: pg.GraphicsObject, text: str) -> pg.GraphicsObject:
        """Give `thing` a legend entry in this frame."""
        self._labels.append((thing, text))
        return thing

    def labelled(self, text: str) -> pg.GraphicsObject:
        """The item this frame named `text` (or with a name that starts so)."""
        for thing, name in self._labels:
            if name.startswith(text):
                return thing
        raise KeyError(f"no item labelled {text!r} in this frame")

    def end(self) -> None:
        self._update_legend()
        self.unplaced = True  # the panel places the legend once the view's range is set
        for curve in self.curves[self._curve :]:
            if curve.isVisible():
                curve.setData([], [])
                curve.setVisible(False)
        for scatter in self.scatters[self._scatter :]:
            if scatter.isVisible():
                scatter.setData(x=[], y=[])
                scatter.setVisible(False)

    def _update_legend(self) -> None:
        key = (tuple((id(thing), text) for thing, text in self._labels), str(self._text_colour))
        if key == self._legend_key:
            return
        legend = self.plot_item.legend
        previous, self._legend_key = self._legend_key, key
        if (
            legend is not None
            and previous is not None
            and previous[1] == key[1]
            and [ident for ident, _ in previous[0]] == [ident for ident, _ in key[0]]
        ):
            # The same entries with new numbers in them: change the texts in place.
            for (_, label), (_, text) in zip(legend.items, self._labels, strict=True):
                if label.text != text:
                    label.setText(text)
                    # A longer text widens a legend below the plot, and so what it needs.
                    self.legend_rebuilt = self.legend_rebuilt or self._below_in_layout(legend)
            return
        if legend is None:
            if not self._labels:
                return
            legend = self.plot_item.addLegend(offset=self._legend_offset)
        legend.clear()
        legend.setLabelTextColor(self._text_colour)
        legend.setLabelTextSize(themes.legend_text_size())
        for thing, text in self._labels:
            legend.addItem(thing, text)
        self.legend_rebuilt = True  # its size changed: a legend below the plot widens it

    # --- where the legend goes ---------------------------------------------------------------
    CORNERS = ((-10, 10), (10, 10), (-10, -10), (10, -10))  # top right, top left, bottom ...

    def place_legend(self) -> None:
        """Move the legend to a corner of the view where no drawn point or line sample lies
        under it, staying where it is while it hides nothing (it does not hop from frame to
        frame); where every corner would hide something, or the plot shows a picture (a
        heatmap) under every corner, into a row of its own below the plot, for good."""
        self.unplaced = False
        legend = self.plot_item.legend
        view = self.plot_item.getViewBox()
        if legend is None or legend.parentItem() is not view or not legend.isVisible():
            return
        if self._shows_picture():
            self._move_legend_below()
            return
        points = self._drawn_points()
        if points is None:
            return
        if view.width() <= 0 or view.height() <= 0 or view.viewRect().isEmpty():
            return
        box = legend.boundingRect()
        if box.width() + 20 > view.width() or box.height() + 20 > view.height():
            self._move_legend_below()  # larger than the view: no corner holds it
            return
        current = tuple(legend.opts.get("offset") or self._legend_offset)
        counts = {corner: self._hidden_at(corner, points) for corner in self.CORNERS}
        if counts.get(current, 0) == 0:
            return
        best = min(self.CORNERS, key=lambda corner: counts[corner])
        if counts[best] == 0:
            legend.setOffset(best)
        else:
            self._move_legend_below()

    def points_under_legend(self) -> int:
        return points_under_legend(self.plot_item)

    def _view_resized(self) -> None:
        if self._legend_key is None:  # no frame drawn yet
            return
        legend = self.plot_item.legend
        if legend is None:
            return
        if self._below_in_layout(legend):
            if legend.columnCount != (columns := self._columns_below()):
                self._move_legend_below(columns)
        elif legend.parentItem() is self.plot_item.getViewBox():
            self.place_legend()

    def _below_in_layout(self, legend: pg.LegendItem) -> bool:
        """`legend` lies in a row of the plot's own layout (a view may keep its legend in a
        layout of its own: the EM surface's, which it lays out itself)."""
        layout = self.plot_item.layout
        return any(layout.itemAt(i) is legend for i in range(layout.count()))

    def _hidden_at(self, offset: tuple[int, int], points) -> int:
        """How many of `points` a legend at the corner `offset` would hide (10 pixels spare)."""
        view = self.plot_item.getViewBox()
        rect = view.viewRect()
        box = self.plot_item.legend.boundingRect()
        span_x = (box.width() + 10 + abs(offset[0])) / view.width() * rect.width()
        span_y = (box.height() + 10 + abs(offset[1])) / view.height() * rect.height()
        left = rect.left() if offset[0] > 0 else rect.right() - span_x
        # The view's y runs up: "top" on screen is the rectangle's larger y.
        bottom = rect.bottom() - span_y if offset[1] > 0 else rect.top()
        x, y = points
        inside = (x >= left) & (x <= left + span_x) & (y >= bottom) & (y <= bottom + span_y)
        return int(np.count_nonzero(inside))

    def _shows_picture(self) -> bool:
        return any(
            isinstance(item, pg.ImageItem) and item.isVisible() and item.image is not None
            for item in self.plot_item.items
        )

    def _move_legend_below(self, columns: int | None = None) -> None:
        """The legend's entries into a new legend in a row below the plot (plots.legend_below),
        in as many columns as the plot's width holds."""
        old = self.plot_item.legend
        columns = columns or self._columns_below()
        if old is not None:
            if self._below_in_layout(old):
                self.plot_item.layout.removeItem(old)
            if old.scene() is not None:
                old.scene().removeItem(old)
        legend = legend_below(self.plot_item, columns=columns)
        self._legend_key = None
        self._update_legend()
        # Its narrowest, one entry a row: the plot may be narrower than these columns need
        # (its columns follow its width), not narrower than its longest entry.
        legend.setMinimumWidth(max(self._entry_widths(), default=0) + 20)

    def _entry_widths(self) -> list[int]:
        font = QFont()
        font.setPointSizeF(float(themes.legend_text_size().removesuffix("pt")))
        metrics = QFontMetrics(font)
        return [metrics.horizontalAdvance(text) + 50 for _, text in self._labels]

    def _columns_below(self) -> int:
        """As many columns, up to three, as the plot's width holds of this frame's entries
        (filled a row at a time, as pyqtgraph's LegendItem fills them)."""
        room = self.plot_item.width() - 20
        widths = self._entry_widths()
        if room <= 0 or not widths:
            return 2
        for n in (3, 2):
            if sum(max(widths[c::n]) for c in range(min(n, len(widths)))) <= room:
                return n
        return 1

    def _drawn_points(self) -> tuple[np.ndarray, np.ndarray] | None:
        return drawn_points(self.plot_item)


def drawn_points(plot: pg.PlotItem) -> tuple[np.ndarray, np.ndarray] | None:
    """Every visible curve's vertices (and points between them, so that a line crossing a
    corner counts) and every scatter's points, in view coordinates."""
    xs, ys = [], []
    for thing in plot.listDataItems():
        if not thing.isVisible():
            continue
        x, y = thing.getData()
        if x is None or len(x) == 0:
            continue
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if len(x) == len(y) + 1:  # a histogram's steps: each level from edge to edge
            x, y = np.concatenate([x[:-1], x[1:]]), np.concatenate([y, y])
        curve = isinstance(thing, pg.PlotDataItem) and thing.opts.get("pen") is not None
        if curve and 1 < len(x) < 500 and thing.opts.get("connect") == "all":
            t = np.linspace(0.0, len(x) - 1.0, 10 * len(x))
            x = np.interp(t, np.arange(len(x)), x)
            y = np.interp(t, np.arange(len(y)), y)
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    x, y = np.concatenate(xs), np.concatenate(ys)
    keep = np.isfinite(x) & np.isfinite(y)
    return x[keep], y[keep]


def points_under_legend(plot: pg.PlotItem) -> int:
    """How many drawn points and line samples `plot`'s legend hides where it is now (a legend
    below the plot, or none, hides nothing)."""
    legend, view = plot.legend, plot.getViewBox()
    if legend is None or legend.parentItem() is not view or not legend.isVisible():
        return 0
    points = drawn_points(plot)
    if points is None:
        return 0
    rect = view.mapSceneToView(legend.sceneBoundingRect()).boundingRect()
    x, y = points
    inside = (x >= rect.left()) & (x <= rect.right()) & (y >= rect.top())
    return int(np.count_nonzero(inside & (y <= rect.bottom())))
