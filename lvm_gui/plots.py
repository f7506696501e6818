"""Plot helpers every view shares: how a plot is made, sized, ranged and labelled.

Nothing here holds a frame's state: the caches a view needs between frames (titles and labels
set, the legend's room) belong to the view that draws them (`PlotText`, lvm_gui.itempool).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from lvm_gui import theme as themes

# Below this a plot's axes and title crowd it out (pyqtgraph clips rather than shrinks them).
PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT = 340, 230
# A Qt property, not an attribute patched onto the widget: the width a page asks of its plots.
MIN_WIDTH_PROPERTY = "lvmMinimumPlotWidth"


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


def scrolling(page: QWidget, plot_height: int = PLOT_MIN_HEIGHT) -> QScrollArea:
    """The page in a scroll area, each of its plots at least PLOT_MIN_WIDTH × `plot_height`
    (and as wide as its title needs): in a small window it scrolls rather than squeezing its
    plots below the size their axes and titles need."""
    for plot in page.findChildren(pg.GraphicsView):
        plot.setMinimumHeight(plot_height)
        plot.setProperty(MIN_WIDTH_PROPERTY, PLOT_MIN_WIDTH)
        fit_plot_width(plot)
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def fit_plot_width(plot: pg.GraphicsView) -> None:
    """Keep a plot widget as wide as its items need (a title is never wrapped, and sits beside
    the left axis): narrower, pyqtgraph lays them out wider than the widget anyway and the
    right side of the plot is cut off."""
    need = plot.centralWidget.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
    plot.setMinimumWidth(max(int(plot.property(MIN_WIDTH_PROPERTY) or 0), math.ceil(need)))


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


def steady_range(item: pg.PlotItem, axis: str, low: float, high: float) -> None:
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


def whole_run_in_x(item: pg.PlotItem, last: int, first: int = 1) -> None:
    """k (or n) from the first checkpoint to the last on a log x axis from the start: a range
    fitted to a run's first point alone is meaningless."""
    item.setXRange(np.log10(first), np.log10(max(last, 10)), padding=0.02)  # log10 units


class PlotText:
    """Titles and axis labels of one view's plots, set only when they change: every change
    lays the text's HTML out again, too slow to repeat at each frame."""

    def __init__(self) -> None:
        self._titles: dict[int, tuple] = {}
        self._labels: dict[tuple[int, str], str] = {}

    def title(self, item: pg.PlotItem, text: str, theme: themes.Theme) -> None:
        key = (text, theme.name, themes.SCALE["factor"])
        if self._titles.get(id(item)) != key:
            item.setTitle(text, color=theme.foreground, size=f"{round(11 * key[2])}pt")
            self._titles[id(item)] = key
            if (view := item.getViewWidget()) is not None:
                fit_plot_width(view)

    def label(self, item: pg.PlotItem, axis: str, text: str) -> None:
        if self._labels.get((id(item), axis)) != text:
            item.setLabel(axis, text)
            self._labels[(id(item), axis)] = text
