"""The data view: draw a data set and watch its sample statistics settle on the true values."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QStackedWidget, QWidget

from engine.data.dataset import Dataset, GaussianMixture
from engine.data.experiment import DataSnapshot
from engine.geometry.curves import density_grid, ellipse, histogram, padded_span
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.itempool import ItemPool
from lvm_gui.panels.data import data_texts
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot

SCATTER_LIMIT = 20_000  # points drawn at most; the sample is i.i.d., so its first points are a
# uniform subsample of everything shown
SUBSCRIPTS = "₁₂₃₄₅₆₇₈₉"
MAX_RUG = 2_000  # points shown as ticks on the x axis of a 1-D histogram, at most


def _sub(k: int) -> str:
    return SUBSCRIPTS[k] if k < len(SUBSCRIPTS) else f"_{k + 1}"


class DataView(View):
    autorun = True

    def build(self) -> QWidget:
        self.stack = QStackedWidget()
        self.histogram_plot = make_plot(None, "x", QT_TRANSLATE_NOOP("DataView", "density p(x)"))
        self.scatter_plot = make_plot(None, "x₁", "x₂")
        self.coins_plot = make_plot(
            None,
            QT_TRANSLATE_NOOP("DataView", "outcome of the second toss"),
            QT_TRANSLATE_NOOP("DataView", "count"),
        )
        for plot in (self.histogram_plot, self.scatter_plot, self.coins_plot):
            self.stack.addWidget(plot)
        self.mean_handles: list[pg.TargetItem] = []
        self._handles_for: tuple[GaussianMixture | None, str] | None = None  # and theme
        self.scatter_pool = ItemPool(self.scatter_plot.getPlotItem())
        self._point_scatters: list[pg.ScatterPlotItem] = []
        self._points_drawn: dict[int, tuple] = {}
        # Legend samples only, never added to the plot.
        self._legend_solid = pg.PlotDataItem()
        self._legend_dashed = pg.PlotDataItem()
        return self.stack

    def plots(self) -> dict[str, pg.PlotWidget]:
        current = self.stack.currentWidget()
        names = {
            self.histogram_plot: "histogram",
            self.scatter_plot: "scatter",
            self.coins_plot: "coins",
        }
        return {names[current]: current}

    def what_you_see(self) -> str:
        return data_texts.explanation(getattr(self.config, "kind", ""))

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap: DataSnapshot) -> list[tuple[str, Callable[[], None]]]:
        if snap.is_coins:
            return [("coins", lambda: self._draw_coins(snap))]
        if snap.d == 1:
            return [("histogram", lambda: self._draw_histogram(snap))]
        # The points in one part per component: setting 20,000 points at once takes longer
        # than a frame may (and they are set again only when more of the sample is revealed).
        z = snap.z[:SCATTER_LIMIT] if snap.z is not None else None
        groups = 1 if z is None else (int(z.max()) + 1 if len(z) else 0)
        parts = [(f"points {k}", lambda k=k: self._draw_points(snap, k)) for k in range(groups)]
        return [*parts, ("scatter", lambda: self._draw_scatter(snap, groups))]

    def _draw_points(self, snap: DataSnapshot, k: int) -> None:
        """Component k's points (all points when z is unknown), drawn again only when the
        points drawn change."""
        while len(self._point_scatters) <= k:
            scatter = pg.ScatterPlotItem()
            self.scatter_plot.getPlotItem().addItem(scatter)
            self._point_scatters.append(scatter)
        scatter = self._point_scatters[k]
        x = snap.x[:SCATTER_LIMIT]
        key = (id(snap.dataset), len(x))
        if self._points_drawn.get(k) == key and scatter.isVisible():
            return
        if snap.z is None:
            members, colour = x, themes.with_alpha(themes.BLUE, 150)
        else:
            members = x[snap.z[:SCATTER_LIMIT] == k]
            colour = themes.with_alpha(themes.component_colour(k), 140)
        scatter.setData(x=members[:, 0], y=members[:, 1], size=5, pen=None, brush=colour)
        scatter.setVisible(True)
        self._points_drawn[k] = key

    def _draw_histogram(self, snap: DataSnapshot) -> None:
        plot = self.histogram_plot
        self.stack.setCurrentWidget(plot)
        item = plot.getPlotItem()
        item.clear()
        legend = _fresh_legend(item, self.theme)
        dataset = snap.dataset
        truth = dataset.truth if isinstance(dataset.truth, GaussianMixture) else None
        lo, hi = self._span_1d(dataset, truth)
        edges, heights = histogram(snap.x[:, 0], span=(lo, hi), bins=_bins_for(len(dataset)))
        bars = pg.PlotDataItem(
            edges,
            heights,
            stepMode="center",
            fillLevel=0,
            brush=themes.with_alpha(self.theme.fill, 200),
            pen=themes.pen(self.theme.muted, 1),
        )
        item.addItem(bars)
        legend.addItem(
            bars, translate("DataView", "histogram of {n:,} points").format(n=snap.shown)
        )
        if len(snap.x) <= MAX_RUG:  # each point a tick on the axis: a few hundred stay readable
            rug = item.plot(
                snap.x[:, 0],
                np.zeros(len(snap.x)),
                pen=None,
                symbol="|",
                symbolSize=9,
                symbolPen=themes.pen(self.theme.ink, 1),
                symbolBrush=None,
            )
            legend.addItem(rug, translate("DataView", "the points"))
        if truth is not None:
            grid, total, components = density_grid(truth, lo, hi)
            mixture = item.plot(grid, total, pen=themes.pen(self.theme.ink, 2.5))
            legend.addItem(mixture, translate("DataView", "true density p(x)"))
            # The components over the density: where one of them is the density (the tails),
            # drawn under it they were hidden.
            for k in range(truth.k):
                curve = item.plot(
                    grid,
                    components[:, k],
                    pen=themes.pen(themes.component_colour(k), 2.5, dashed=True),
                )
                legend.addItem(curve, f"π{_sub(k)} N(μ{_sub(k)}, σ{_sub(k)}²)")
        item.setXRange(lo, hi, padding=0)
        self.set_label(item, "bottom", dataset.columns[0])
        self.set_title(item, data_texts.title(snap, SCATTER_LIMIT))

    def _draw_scatter(self, snap: DataSnapshot, groups: int) -> None:
        """Everything on the scatter but the points: ellipses, legend, handles, titles."""
        plot = self.scatter_plot
        self.stack.setCurrentWidget(plot)
        item = plot.getPlotItem()
        pool = self.scatter_pool
        pool.begin(self.theme.foreground)
        dataset = snap.dataset
        truth = dataset.truth if isinstance(dataset.truth, GaussianMixture) else None
        for k, scatter in enumerate(self._point_scatters):
            if k >= groups and scatter.isVisible():
                scatter.setData(x=[], y=[])
                scatter.setVisible(False)
            elif k < groups:
                label = (
                    translate("DataView", "{n:,} points").format(n=snap.shown)
                    if snap.z is None
                    else f"z = {k + 1}"
                )
                pool.label(scatter, label)
        if truth is not None:
            for k in range(truth.k):
                colour = themes.component_colour(k)
                for n_sigma, dashed in ((1, False), (2, True)):
                    outline = ellipse(truth.means[k], truth.covariances[k], n_sigma)
                    pool.plot(
                        outline[:, 0],
                        outline[:, 1],
                        pen=themes.pen(self.theme.ink if n_sigma == 1 else colour, 1.5, dashed),
                    )
            self._legend_solid.setPen(themes.pen(self.theme.ink, 1.5))
            self._legend_dashed.setPen(themes.pen(self.theme.muted, 1.5, dashed=True))
            pool.label(self._legend_solid, translate("DataView", "1σ ellipse"))
            pool.label(self._legend_dashed, translate("DataView", "2σ ellipse"))
        pool.end()
        self._place_handles(item, truth)
        self.set_label(item, "bottom", data_texts.named(dataset.columns[0]))
        self.set_label(item, "left", data_texts.named(dataset.columns[1]) if dataset.d > 1 else "")
        self.set_title(item, data_texts.title(snap, SCATTER_LIMIT))
        # Equal scales keep a mixture's ellipses true to shape; columns in other units
        # (Old Faithful's minutes of eruption and of waiting) get an axis each.
        item.setAspectLocked(truth is not None)
        self._keep_range(item, dataset)

    def _place_handles(self, item: pg.PlotItem, truth: GaussianMixture | None) -> None:
        """One draggable target per true mean: made anew only when the number of components
        changes, and otherwise moved (each run brings a new mixture object, and making the
        targets again is a costly part of a frame)."""
        shown = self._handles_for
        if shown is not None and shown[0] is truth and shown[1] == self.theme.name:
            return
        remade = self._handles_for is None or self._handles_for[1] != self.theme.name
        self._handles_for = (truth, self.theme.name)
        wanted = 0 if truth is None else truth.k
        if remade or len(self.mean_handles) != wanted:
            for handle in self.mean_handles:
                item.removeItem(handle)
            self.mean_handles = [self._make_handle(item, k) for k in range(wanted)]
        for handle, mean in zip(
            self.mean_handles, [] if truth is None else truth.means, strict=True
        ):
            if (handle.pos().x(), handle.pos().y()) != (mean[0], mean[1]):
                handle.setPos(QPointF(*mean))

    def _make_handle(self, item: pg.PlotItem, k: int) -> pg.TargetItem:
        handle = pg.TargetItem(
            size=14,
            movable=True,
            pen=themes.pen(self.theme.ink, 2),
            brush=themes.with_alpha(themes.component_colour(k), 200),
            label=f"μ{_sub(k)}",
            labelOpts={"color": self.theme.foreground, "offset": (8, -8)},
        )
        tip = translate("DataView", "mean μ{sub} of component {k}: drag to move it")
        handle.setToolTip(tip.format(sub=_sub(k), k=k + 1))
        handle.sigPositionChangeFinished.connect(self._on_mean_dragged)
        item.addItem(handle)
        return handle

    def _span_1d(self, dataset: Dataset, truth) -> tuple[float, float]:
        lo, hi = dataset.extent
        return padded_span(np.array([lo[0], hi[0]]), truth)

    def _keep_range(self, item: pg.PlotItem, dataset: Dataset) -> None:
        """Fix the view to the whole data set, so revealing batches does not rescale the axes.
        Steady (ExperimentPanel.steady_range): with the aspect locked the view widens one axis
        beyond what was asked, and asking again at every frame moved it, redrawing the axes."""
        lo, hi = dataset.extent
        pad = 0.05 * np.maximum(hi - lo, 1e-9)
        self.steady_range(item, "x", lo[0] - pad[0], hi[0] + pad[0])
        self.steady_range(item, "y", lo[1] - pad[1], hi[1] + pad[1])

    def _draw_coins(self, snap: DataSnapshot) -> None:
        plot = self.coins_plot
        self.stack.setCurrentWidget(plot)
        item = plot.getPlotItem()
        item.clear()
        legend = _fresh_legend(item, self.theme)
        outcomes = snap.x[:, 0]
        heads = float(outcomes.sum())
        counts = np.array([len(outcomes) - heads, heads])
        z = snap.z
        if z is not None:
            from_b = np.array([np.sum((outcomes == o) & (z == 1)) for o in (0, 1)], float)
            from_c = counts - from_b
            b_bars = pg.BarGraphItem(
                x=[0, 1],
                height=from_b,
                width=0.6,
                brush=themes.with_alpha(themes.BLUE, 220),
                pen=None,
            )
            c_bars = pg.BarGraphItem(
                x=[0, 1],
                y0=from_b,
                height=from_c,
                width=0.6,
                brush=themes.with_alpha(themes.ORANGE, 220),
                pen=None,
            )
            item.addItem(b_bars)
            item.addItem(c_bars)
            legend.addItem(b_bars, translate("DataView", "second toss by coin B (A heads, hidden)"))
            legend.addItem(c_bars, translate("DataView", "second toss by coin C (A tails, hidden)"))
        else:
            bars = pg.BarGraphItem(
                x=[0, 1],
                height=counts,
                width=0.6,
                brush=themes.with_alpha(themes.BLUE, 220),
                pen=None,
            )
            item.addItem(bars)
            legend.addItem(bars, translate("DataView", "observed outcomes"))
        p = snap.true_heads_probability
        if p is not None:
            expected = len(outcomes) * np.array([1 - p, p])
            marks = pg.PlotDataItem(
                [-0.36, 0.36, 0.64, 1.36],
                np.repeat(expected, 2),
                connect="pairs",
                pen=themes.pen(self.theme.ink, 3),
            )
            item.addItem(marks)
            legend.addItem(marks, translate("DataView", "expected n·P(outcome)"))
        ticks = [(0, translate("DataView", "tails (0)")), (1, translate("DataView", "heads (1)"))]
        item.getAxis("bottom").setTicks([ticks])
        item.setXRange(-0.6, 1.6, padding=0)
        # Scaled to the whole sample, so the bars grow in place as batches arrive.
        everything = snap.dataset.x[:, 0]
        top = max(float(everything.sum()), len(everything) - float(everything.sum()), 1.0)
        if p is not None:
            top = max(top, len(everything) * max(p, 1 - p))
        item.setYRange(0, top * 1.25, padding=0)
        self.set_title(item, data_texts.title(snap, SCATTER_LIMIT))

    def status_text(self, snap: DataSnapshot) -> str:
        return data_texts.status(snap, self.config.seed)

    def on_result(self, result: DataSnapshot) -> None:
        self.panel.dataset_ready.emit(result.dataset)

    def dataset(self, snap: DataSnapshot) -> Dataset:
        return snap.dataset

    def _on_mean_dragged(self, handle: pg.TargetItem) -> None:
        means = [float(v) for h in self.mean_handles for v in (h.pos().x(), h.pos().y())]
        self.panel.set_params(means=tuple(round(v, 4) for v in means))


def _fresh_legend(item: pg.PlotItem, theme: themes.Theme) -> pg.LegendItem:
    if item.legend is None:
        item.addLegend(offset=(-10, 10))
    item.legend.clear()
    item.legend.setLabelTextColor(theme.foreground)  # labels added from now on take it
    item.legend.setLabelTextSize(themes.legend_text_size())
    return item.legend


def _bins_for(n: int) -> int | None:
    """Bins fixed for the whole sample, so bars grow in place as batches arrive."""
    return int(np.clip(np.sqrt(n) * 1.5, 10, 120))
