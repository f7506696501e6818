"""Plot helpers every view shares: how a plot is made, sized, ranged and labelled.

Nothing here holds a frame's state: the caches a view needs between frames (titles and labels
set, the legend's room) belong to the view that draws them (`PlotText`, lvm_gui.itempool).
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.i18n import localized

# Below this a plot's axes and title crowd it out (pyqtgraph clips rather than shrinks them).
PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT = 340, 230
# A Qt property, not an attribute patched onto the widget: the width a page asks of its plots.
MIN_WIDTH_PROPERTY = "lvmMinimumPlotWidth"
# The height a page asks of a plot, which a HeightFittingArea lowers to the floor to fit.
PLOT_HEIGHT_PROPERTY = "lvmPlotHeight"
PLOT_FLOOR_HEIGHT = 170


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
    its row, None has none. Marked texts (lvm_gui.i18n.QT_TRANSLATE_NOOP) are shown in the
    window's language, and again after every switch."""
    plot = pg.PlotWidget(
        axisItems={"left": SparseLogAxis("left"), "bottom": SparseLogAxis("bottom")}
    )
    item = plot.getPlotItem()
    if title is not None:
        i18n.show(item, pg.PlotItem.setTitle, partial(localized, title))
    i18n.show(item, lambda it, text: it.setLabel("bottom", text), partial(localized, x_label))
    i18n.show(item, lambda it, text: it.setLabel("left", text), partial(localized, y_label))
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setLogMode(x=log_x, y=log_y)
    for axis in ("left", "bottom"):
        item.getAxis(axis).enableAutoSIPrefix(False)
    return plot


def scrolling(
    page: QWidget, plot_height: int = PLOT_MIN_HEIGHT, floor: int | None = None
) -> QScrollArea:
    """The page in a scroll area, each of its plots at least PLOT_MIN_WIDTH wide (and as wide
    as its title needs) and `plot_height` high, or less where that fits the page to the
    window's height (down to `floor`: HeightFittingArea): in a small window it scrolls rather
    than squeezing its plots below the size their axes and titles need."""
    for plot in page.findChildren(pg.GraphicsView):
        plot.setProperty(MIN_WIDTH_PROPERTY, PLOT_MIN_WIDTH)
        fit_plot_width(plot)
    area = HeightFittingArea(floor)
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    for plot in page.findChildren(pg.GraphicsView):
        area.set_plot_height(plot, plot_height)
    return area


def _legend_row_height(plot: QWidget) -> int:
    """The height of a legend in a row below the plot (legend_below): it is not the plot's."""
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else None
    legend = getattr(item, "legend", None)
    if legend is None or legend.parentItem() is item.getViewBox() or not legend.isVisible():
        return 0
    return math.ceil(legend.boundingRect().height())


def refit_heights(plot: QWidget) -> None:
    """Fit the heights of the page that holds `plot` again (its legend moved or grew)."""
    parent = plot.parentWidget()
    while parent is not None and not isinstance(parent, HeightFittingArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.fit_heights()


class HeightFittingArea(QScrollArea):
    """A scroll area whose plots are each as high as asked (set_plot_height), or lower, down to
    PLOT_FLOOR_HEIGHT, where that makes the page fit the area's height: a projector at
    1280 × 720 shows every plot at once, and a page scrolls down only below the floor."""

    def __init__(self, floor: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.floor = PLOT_FLOOR_HEIGHT if floor is None else floor
        self._fitted: tuple | None = None

    def set_plot_height(self, plot: QWidget, height: int) -> None:
        plot.setProperty(PLOT_HEIGHT_PROPERTY, height)
        plot.setMinimumHeight(height)

    def fit_heights(self) -> None:
        page = self.widget()
        if page is None or page.layout() is None:
            return
        plots = [p for p in page.findChildren(QWidget) if p.property(PLOT_HEIGHT_PROPERTY)]
        if not plots:
            return
        room = self.viewport().height()
        if self._state(plots, room) == self._fitted:
            return  # nothing changed since the last fit (which posted layout requests itself)

        def fits(cap: int) -> bool:
            for plot in plots:
                asked = min(int(plot.property(PLOT_HEIGHT_PROPERTY)), cap)
                plot.setMinimumHeight(asked + _legend_row_height(plot))
            page.layout().invalidate()
            return page.layout().totalMinimumSize().height() <= room

        low, high = self.floor, max(int(p.property(PLOT_HEIGHT_PROPERTY)) for p in plots)
        if not fits(high):
            while high - low > 4:  # the tallest cap that fits, to a few pixels
                middle = (low + high) // 2
                if fits(middle):
                    low = middle
                else:
                    high = middle
            fits(low)
        self._fitted = self._state(plots, room)

    def _state(self, plots: list[QWidget], room: int) -> tuple:
        """What a fit depends on and what it set."""
        return (
            room,
            tuple((int(p.property(PLOT_HEIGHT_PROPERTY)), _legend_row_height(p)) for p in plots),
            tuple(p.minimumHeight() for p in plots),
            self.widget().layout().totalMinimumSize().height(),
        )

    def setWidget(self, page: QWidget) -> None:
        super().setWidget(page)
        # A table filled, a title or a font changed: what the page needs changes with them.
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_heights()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_heights()


def fit_plot_width(plot: pg.GraphicsView) -> None:
    """Keep a plot widget as wide as its items need (a title is never wrapped, and sits beside
    the left axis): narrower, pyqtgraph lays them out wider than the widget anyway and the
    right side of the plot is cut off."""
    legend = getattr(plot.getPlotItem(), "legend", None) if hasattr(plot, "getPlotItem") else None
    if legend is not None and legend.parentItem() is not plot.getPlotItem().getViewBox():
        # A legend below the plot whose texts just changed: its size hint and the plot's are
        # cached until Qt propagates the change in a later event; ask them anew now.
        legend.layout.invalidate()
        legend.updateGeometry()
        plot.centralWidget.layout.invalidate()
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


def legend_below(plot: pg.PlotWidget | pg.PlotItem, columns: int = 3) -> pg.LegendItem:
    """The plot's legend in a row of its own under the x axis, for plots whose every corner
    holds data (the chains of a race): there it hides nothing. ItemPool fills it as usual."""
    item = plot if isinstance(plot, pg.PlotItem) else plot.getPlotItem()
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
        text = localized(text)
        key = (text, theme.name, themes.SCALE["factor"])
        if self._titles.get(id(item)) != key:
            item.setTitle(text, color=theme.foreground, size=f"{round(11 * key[2])}pt")
            self._titles[id(item)] = key
            if (view := item.getViewWidget()) is not None:
                fit_plot_width(view)

    def label(self, item: pg.PlotItem, axis: str, text: str) -> None:
        text = localized(text)
        if self._labels.get((id(item), axis)) != text:
            item.setLabel(axis, text)
            self._labels[(id(item), axis)] = text
