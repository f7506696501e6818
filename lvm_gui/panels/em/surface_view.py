"""The EM surface's plot: a heatmap with its colour bar beside it and its legend below, drawn
equal-aspect in a cell cut to the surface's shape."""

from __future__ import annotations

from functools import partial

import pyqtgraph as pg

from lvm_gui import i18n
from lvm_gui.i18n import localized

COLOUR_BAR_WIDTH = 90


class SurfaceView(pg.GraphicsLayoutWidget):
    """A plot with its colour bar beside it and its legend below; answers getPlotItem() like
    a PlotWidget.

    The surface is drawn equal-aspect (a circle of μ is round: the surrogates' ellipses are
    true), and the plot's cell is cut to the surface's shape (fit_to_surface) rather than
    showing empty bands beside it. The legend sits below the plot, where it hides nothing:
    every part of the view is surface."""

    def __init__(self, title: str, x_label: str, y_label: str) -> None:
        super().__init__()
        self._plot_item = self.addPlot(title=localized(title))
        i18n.show(self._plot_item, pg.PlotItem.setTitle, partial(localized, title))
        self._plot_item.setLabel("bottom", x_label)
        self._plot_item.setLabel("left", y_label)
        for axis in ("left", "bottom"):
            self._plot_item.getAxis(axis).enableAutoSIPrefix(False)
        self._plot_item.getViewBox().setDefaultPadding(0.0)
        self._plot_item.getViewBox().setAspectLocked(True)
        self.legend = pg.LegendItem(colCount=2)
        self.addItem(self.legend, row=1, col=0, colspan=2)
        self._plot_item.legend = self.legend  # where ItemPool puts the entries
        self.aspect = 1.0  # the surface's width over its height, in data units
        self._caps: tuple[int, int] | None = None
        self._fitting = False
        # Fitted again as the axes, the title or the legend take their room: the fit depends
        # on the widget's size and theirs only, so a second fit sets the same caps and ends.
        self._plot_item.getViewBox().sigResized.connect(self._refit)
        self.legend.geometryChanged.connect(self._refit)

    def getPlotItem(self) -> pg.PlotItem:
        return self._plot_item

    def _refit(self, *_: object) -> None:
        self.fit_to_surface()

    def fit_to_surface(self, aspect: float | None = None) -> None:
        """Cap the plot's cell at the size whose view has the surface's shape, as large as
        the widget holds; the room left over stays empty outside the plot."""
        if aspect is not None:
            self.aspect = aspect
        layout, item = self.ci.layout, self._plot_item
        view = item.getViewBox()
        if view.width() <= 0 or view.height() <= 0:
            return
        frame_w = item.width() - view.width()  # the axes beside the view
        frame_h = item.height() - view.height()  # the title and the axis below it
        left, top, right, bottom = layout.getContentsMargins()
        spacing = layout.horizontalSpacing(), layout.verticalSpacing()
        room_w = self.width() - frame_w - COLOUR_BAR_WIDTH - spacing[0] - left - right - 4
        legend_h = self.legend.boundingRect().height() if self.legend.items else 0
        room_h = self.height() - frame_h - legend_h - spacing[1] - top - bottom - 4
        if room_w <= 0 or room_h <= 0:
            return
        view_w = min(room_w, room_h * self.aspect)
        caps = (round(view_w + frame_w), round(view_w / self.aspect + frame_h))
        if self._fitting or caps == self._caps:
            return  # set already (or being set: a cap's relayout resizes the view at once)
        self._fitting, self._caps = True, caps
        try:
            layout.setColumnMaximumWidth(0, caps[0])
            layout.setRowMaximumHeight(0, caps[1])
            # The view set the layout's geometry when it was resized, held to the old caps.
            self.centralWidget.setGeometry(self.range)
        finally:
            self._fitting = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "legend"):  # not while pyqtgraph builds the widget
            self.fit_to_surface()
