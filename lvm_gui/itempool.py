"""Reuse a plot's curves and scatters from frame to frame.

Creating a pyqtgraph item and adding it to a plot costs milliseconds (a view update per item);
setData on an item that already exists costs far less. A view that redraws everything each
frame asks the pool for its items in the same order every time: begin(), then plot() and
scatter() as often as needed, then end(), which hides whatever this frame did not use.
"""

from __future__ import annotations

from typing import Any

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
    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot_item = plot
        self.curves: list[pg.PlotDataItem] = []
        self.scatters: list[pg.ScatterPlotItem] = []
        self._curve = 0
        self._scatter = 0

    def begin(self) -> None:
        self._curve = self._scatter = 0

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

    def end(self) -> None:
        for curve in self.curves[self._curve :]:
            if curve.isVisible():
                curve.setData([], [])
                curve.setVisible(False)
        for scatter in self.scatters[self._scatter :]:
            if scatter.isVisible():
                scatter.setData(x=[], y=[])
                scatter.setVisible(False)
