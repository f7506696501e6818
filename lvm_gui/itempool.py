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
            return
        if legend is None:
            if not self._labels:
                return
            legend = self.plot_item.addLegend(offset=self._legend_offset)
        legend.clear()
        legend.setLabelTextColor(self._text_colour)
        for thing, text in self._labels:
            legend.addItem(thing, text)
        self.legend_rebuilt = True  # its size changed: a legend below the plot widens it

    # --- where the legend goes ---------------------------------------------------------------
    CORNERS = ((-10, 10), (10, 10), (-10, -10), (10, -10))  # top right, top left, bottom ...

    def place_legend(self) -> None:
        """Move the legend to the corner of the view where the fewest drawn points and line
        samples lie under it; it moves only when another corner hides less than half as much,
        so it does not hop from frame to frame."""
        self.unplaced = False
        legend = self.plot_item.legend
        view = self.plot_item.getViewBox()
        if legend is None or legend.parentItem() is not view or not legend.isVisible():
            return
        points = self._drawn_points()
        if points is None:
            return
        rect = view.viewRect()
        width, height = view.width(), view.height()
        box = legend.boundingRect()
        if width <= 0 or height <= 0 or rect.width() <= 0 or rect.height() <= 0:
            return
        span_x = (box.width() + 10) / width * rect.width()
        span_y = (box.height() + 10) / height * rect.height()
        x, y = points

        def hidden(offset: tuple[int, int]) -> int:
            left = rect.left() if offset[0] > 0 else rect.right() - span_x
            # The view's y runs up: "top" on screen is the rectangle's larger y.
            bottom = rect.bottom() - span_y if offset[1] > 0 else rect.top()
            inside = (x >= left) & (x <= left + span_x) & (y >= bottom) & (y <= bottom + span_y)
            return int(np.count_nonzero(inside))

        current = tuple(legend.opts.get("offset") or self._legend_offset)
        counts = {corner: hidden(corner) for corner in self.CORNERS}
        best = min(self.CORNERS, key=lambda corner: (counts[corner], corner != current))
        if counts.get(current, 0) > 0 and counts[best] * 2 < counts[current]:
            legend.setOffset(best)

    def _drawn_points(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Every visible curve's vertices (and points between them, so that a line crossing a
        corner counts) and every scatter's points, in view coordinates."""
        xs, ys = [], []
        for curve in self.curves[: self._curve]:
            x, y = curve.getData()
            if x is None or len(x) == 0:
                continue
            x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
            if 1 < len(x) < 500 and curve.opts.get("connect") == "all":
                t = np.linspace(0.0, len(x) - 1.0, 10 * len(x))
                x = np.interp(t, np.arange(len(x)), x)
                y = np.interp(t, np.arange(len(y)), y)
            xs.append(x)
            ys.append(y)
        for scatter in self.scatters[: self._scatter]:
            x, y = scatter.getData()
            if len(x):
                xs.append(np.asarray(x, dtype=float))
                ys.append(np.asarray(y, dtype=float))
        if not xs:
            return None
        x, y = np.concatenate(xs), np.concatenate(ys)
        keep = np.isfinite(x) & np.isfinite(y)
        return x[keep], y[keep]
