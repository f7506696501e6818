"""The EM panel: step EM over the log-likelihood surface with its surrogates; the three coins."""

from __future__ import annotations

import itertools
import math
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.data import files
from engine.data.dataset import Dataset
from engine.data.views import contour_lines, ellipse
from engine.em.coins import CoinsSnapshot, ridge_projection
from engine.em.gmm_experiment import GMMSnapshot
from engine.em.means_experiment import MeansSnapshot
from engine.em.monotone import drops
from engine.em.two_means import log_likelihood_at, slice_line
from lvm_gui import theme as themes
from lvm_gui.panels.base import ExperimentPanel, headroom_for_legend, make_plot, scrolling

CONTOURS = 12
GAP_SHOWN = 1e-4  # nats per point: a smaller KL gap draws as no segment at all (10⁻⁴)
MAX_TOSSES_PASSED = 100_000
CONTOUR_GRID = 160
CLOUD_DRAWN = 5_000  # points of the fixed-point cloud drawn (the first ones: a random subset)
COLOURMAP = "viridis"


class SurfaceView(pg.GraphicsLayoutWidget):
    """A plot with its colour bar beside it and its legend below; answers getPlotItem() like
    a PlotWidget.

    The view shows exactly the surface, whatever the widget's shape: aspect-locked, a square
    surface in a tall cell left a third of the plot empty (issue 9). The legend sits below the
    plot, where it hides nothing: every part of the view is surface."""

    def __init__(self, title: str, x_label: str, y_label: str) -> None:
        super().__init__()
        self._plot_item = self.addPlot(title=title)
        self._plot_item.setLabel("bottom", x_label)
        self._plot_item.setLabel("left", y_label)
        for axis in ("left", "bottom"):
            self._plot_item.getAxis(axis).enableAutoSIPrefix(False)
        self._plot_item.getViewBox().setDefaultPadding(0.0)
        self.legend = pg.LegendItem(colCount=2)
        self.addItem(self.legend, row=1, col=0, colspan=2)
        self._plot_item.legend = self.legend  # where ItemPool puts the entries

    def getPlotItem(self) -> pg.PlotItem:
        return self._plot_item


def _arrow_angle(dx: float, dy: float) -> float:
    """pyqtgraph's ArrowItem points left at angle 0 and turns clockwise on screen; screen y
    runs down while the plot's y runs up."""
    return 180.0 - math.degrees(math.atan2(dy, dx))


class EMPanel(ExperimentPanel):
    name = "em"
    title = "EM"
    experiment_names = ("gmm1d-means", "coins", "gmm")
    default_preset = "seed-003"
    forced_params: ClassVar[dict[str, dict[str, object]]] = {"gmm1d-means": {"half_steps": True}}
    hidden_params = frozenset({"device", "out", "half_steps", "surface"})

    # --- the Data panel's data --------------------------------------------------------------
    def build_controls(self) -> QWidget:
        self.available_dataset: Dataset | None = None
        self._data_folder = tempfile.TemporaryDirectory(prefix="lvm-lab-")
        self.use_data_button = QPushButton("Use the Data panel's data")
        self.use_data_button.setToolTip(
            "Run this model on the data set the Data panel drew last (1-D points for two "
            "means, points for a mixture, tosses for the coins)"
        )
        self.use_data_button.setEnabled(False)
        self.use_data_button.clicked.connect(self.use_dataset)
        return self.use_data_button

    def set_available_dataset(self, dataset: Dataset) -> None:
        self.available_dataset = dataset
        self.use_data_button.setEnabled(True)

    def use_dataset(self) -> None:
        """Point the current model at the Data panel's data set (written to a private NPZ)."""
        dataset = self.available_dataset
        if dataset is None:
            return
        name = self.experiment.name
        if name == "coins":
            if not dataset.is_coins:
                self.show_message("the Data panel holds points, not coin tosses", "error")
                return
            if len(dataset) > MAX_TOSSES_PASSED:
                self.show_message(
                    f"{len(dataset):,} tosses; at most {MAX_TOSSES_PASSED:,} are "
                    "passed to the coins model",
                    "error",
                )
                return
            self.set_params(observations=tuple(int(v) for v in dataset.x[:, 0]))
            return
        if dataset.is_coins:
            self.show_message("the Data panel holds coin tosses; this model needs points", "error")
            return
        if name == "gmm1d-means" and dataset.d != 1:
            self.show_message(
                f"the Data panel's data are {dataset.d}-D; the two-means model is 1-D", "error"
            )
            return
        path = Path(self._data_folder.name) / f"data-{id(dataset):x}.npz"
        try:
            files.save_npz(dataset, path)
        except files.DataError as exc:
            self.show_message(str(exc), "error")
            return
        self.set_params(data=str(path))

    def shutdown(self) -> bool:
        done = super().shutdown()
        self._data_folder.cleanup()
        return done

    # --- plots ------------------------------------------------------------------------------
    def build_plots(self) -> QWidget:
        self.stack = QStackedWidget()
        # Pages scroll in small windows rather than clip their plots.
        self.stack.addWidget(scrolling(self._build_means()))
        self.stack.addWidget(scrolling(self._build_coins(), plot_height=150))  # traces: 3 high
        self.stack.addWidget(scrolling(self._build_mixture()))
        self.on_experiment_changed()
        return self.stack

    def _build_means(self) -> QWidget:
        self.surface_plot = SurfaceView("ℓ̄(μ₁, μ₂) and EM's surrogates", "μ₁", "μ₂")
        self.surface_image = pg.ImageItem(axisOrder="row-major")
        self.surface_image.setZValue(-10)
        self.surface_plot.getPlotItem().addItem(self.surface_image)
        self.colour_map = pg.colormap.get(COLOURMAP)
        self.colour_bar = pg.ColorBarItem(
            colorMap=self.colour_map, interactive=False, label="ℓ̄ per point", width=14
        )
        self.colour_bar.setImageItem(self.surface_image)
        # Beside the plot in the layout, not inside the plot item: an aspect-locked plot item
        # squeezes an inserted bar out of sight in a narrow window.
        self.surface_plot.addItem(self.colour_bar, row=0, col=1)
        self.surface_plot.ci.layout.setColumnFixedWidth(1, 90)
        self.surface_plot.ci.layout.setColumnStretchFactor(0, 1)  # the plot takes the rest
        self.surface_plot.scene().sigMouseClicked.connect(self._on_surface_clicked)
        self.surface_plot.setToolTip("Click to start EM from that (μ₁, μ₂)")
        # ℓ̄'s contours (one curve, lines split by NaN) and its contour through θ_t.
        self._contours = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 110), width=1))
        self._anchor_curve = pg.PlotDataItem(pen=pg.mkPen("w", width=2.5))
        self._anchor_key = None
        for curve in (self._contours, self._anchor_curve):
            curve.setZValue(-5)
            self.surface_plot.getPlotItem().addItem(curve)
        self._arrows: list[pg.ArrowItem] = []
        self._surface_key = None

        self.slice_plot = make_plot(
            "along the step: ℓ̄ and the surrogates",
            "distance along the step from θₜ (μ units)",
            "per-point value",
        )
        self.bound_plot = make_plot(
            "log p(x) = ELBO + KL per half-step", "half-step", "per-point value"
        )
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.slice_plot)
        right.addWidget(self.bound_plot)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.surface_plot)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_coins(self) -> QWidget:
        self.coins_table = QTableWidget()
        self.coins_table.setToolTip(
            "Mean log-likelihood per toss, by start and iteration (seed 003's table 1)"
        )
        self.coins_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.coins_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.trace_plots = [make_plot("", "iteration", label) for label in ("p_A", "p_B", "p_C")]
        self.trace_plots[0].getPlotItem().setTitle("parameters per start")
        for plot in self.trace_plots[1:]:
            plot.setXLink(self.trace_plots[0])
        self.ridge_plot = make_plot(
            "fixed points lie on the ridge u + v = ô",
            "p_A p_B  (heads via coin B)",
            "(1 − p_A) p_C  (heads via coin C)",
        )
        self.ridge_plot.setAspectLocked(True)
        self._cloud = pg.ScatterPlotItem()
        self._cloud.setZValue(-1)
        self.ridge_plot.getPlotItem().addItem(self._cloud)
        traces = QWidget()
        trace_layout = QVBoxLayout(traces)
        trace_layout.setContentsMargins(0, 0, 0, 0)
        for plot in self.trace_plots:
            trace_layout.addWidget(plot)
        grid = QWidget()
        layout = QGridLayout(grid)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.coins_table, 0, 0, 1, 2)
        layout.addWidget(traces, 1, 0)
        self.coins_bound_plot = make_plot("log p(x) = ELBO + KL", "iteration t", "per-toss value")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.ridge_plot)
        right.addWidget(self.coins_bound_plot)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        layout.addWidget(right, 1, 1)
        layout.setRowStretch(0, 2)
        layout.setRowStretch(1, 5)
        return grid

    def _build_mixture(self) -> QWidget:
        self.mixture_plot = make_plot("points coloured by their responsibilities", "x₁", "x₂")
        self.mixture_plot.scene().sigMouseClicked.connect(self._on_mixture_clicked)
        self.mixture_plot.setToolTip("Click K points to start EM from those means (init = points)")
        self.likelihood_plot = make_plot("ℓ̄ per iteration: never down", "iteration t", "ℓ̄(θₜ)")
        self._clicked_means: list[tuple[float, float]] = []
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.mixture_plot)
        splitter.addWidget(self.likelihood_plot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def on_experiment_changed(self) -> None:
        index = {"gmm1d-means": 0, "coins": 1, "gmm": 2}[self.experiment.name]
        self.stack.setCurrentIndex(index)
        self._surface_key = None
        self._clicked_means = []
        self._anchor_key = None
        self.explanation.setText(self.what_you_see())

    def plots(self) -> dict[str, QWidget]:
        if self.experiment.name == "gmm":
            return {"mixture": self.mixture_plot, "likelihood": self.likelihood_plot}
        if self.experiment.name == "coins":
            return {
                "table": self.coins_table,
                "traces": self.trace_plots[0].parentWidget(),
                "ridge": self.ridge_plot,
                "bound": self.coins_bound_plot,
            }
        return {"surface": self.surface_plot, "slice": self.slice_plot, "bound": self.bound_plot}

    def what_you_see(self) -> str:
        if self.experiment.name == "gmm":
            return MIXTURE_TEXT
        if self.experiment.name == "coins":
            return COINS_TEXT
        return MEANS_TEXT

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap) -> list[tuple[str, Callable[[], None]]]:
        if isinstance(snap, CoinsSnapshot):
            parts = [("table", lambda: self._fill_table(snap))]
            parts += [
                (f"trace {p}", lambda p=p: self._draw_trace(snap, p))
                for p in range(len(self.trace_plots))
            ]
            return [
                *parts,
                ("cloud", lambda: self._draw_cloud(snap)),
                ("ridge", lambda: self._draw_ridge(snap)),
                ("coins bound", lambda: self._draw_coins_bound(snap)),
            ]
        if isinstance(snap, MeansSnapshot):
            return [
                ("surface", lambda: (self._draw_surface(snap), self._draw_overlay(snap))),
                ("slice", lambda: self._draw_slice(snap)),
                ("bound", lambda: self._draw_bound(snap)),
            ]
        if isinstance(snap, GMMSnapshot):
            return [
                ("mixture", lambda: self._draw_mixture(snap)),
                ("likelihood", lambda: self._draw_likelihood(snap)),
            ]
        return []

    def redraw(self) -> None:
        if self.last_snapshot is not None:
            self._queue_frame(self.last_snapshot)

    def _draw_mixture(self, snap: GMMSnapshot) -> None:
        item = self.mixture_plot.getPlotItem()
        pool = self._pool(item)
        points, r = snap.points, snap.responsibilities
        palette = np.array(
            [QColor(themes.component_colour(k)).getRgbF()[:3] for k in range(snap.weights.size)]
        )
        # Each point's colour mixes the component colours by its responsibilities.
        brushes = self._blend_brushes(r, palette)
        y = points[:, 1] if points.shape[1] > 1 else np.zeros(len(points))
        pool.scatter(points[:, 0], y, size=6, pen=None, brush=brushes)
        covariances = snap.parameters.full_covariances()
        for k in range(snap.weights.size):
            colour = themes.component_colour(k)
            mean = snap.means[k, :2] if points.shape[1] > 1 else np.array([snap.means[k, 0], 0])
            cov = (
                covariances[k][:2, :2]
                if points.shape[1] > 1
                else np.diag([covariances[k][0, 0], 1e-12])
            )
            for n_sigma, dashed in ((1, False), (2, True)):
                curve = ellipse(mean, cov, n_sigma)
                line = pool.plot(curve[:, 0], curve[:, 1], pen=themes.pen(colour, 2.5, dashed))
                if n_sigma == 1:
                    pool.label(line, f"k = {k + 1}: π = {snap.weights[k]:.3f}")
            pool.scatter(
                [mean[0]], [mean[1]], symbol="+", size=16, pen=pg.mkPen(self.theme.ink, width=2.5)
            )
        for x, y_click in self._clicked_means:
            pool.scatter(
                [x], [y_click], symbol="x", size=14, pen=pg.mkPen(themes.VERMILLION, width=3)
            )
        pool.end()
        # The data's extent, not auto-range: the ellipses move at every step, and a range that
        # followed them would shift the points under the reader's eye and redraw the axes.
        low, high = points[:, :2].min(axis=0), points[:, :2].max(axis=0)
        pad = 0.05 * np.maximum(high - low, 1e-9)
        self.steady_range(item, "x", low[0] - pad[0], high[0] + pad[0])
        if points.shape[1] > 1:
            self.steady_range(item, "y", low[1] - pad[1], high[1] + pad[1])
        else:
            self.steady_range(item, "y", -1.0, 1.0)
        columns = "x₁", "x₂"
        self.set_label(item, "bottom", columns[0])
        self.set_label(item, "left", columns[1] if points.shape[1] > 1 else "")
        if snap.means.shape[1] > 2:
            self.set_title(
                item, f"responsibilities (first two of {snap.means.shape[1]} dimensions)"
            )

    def _draw_likelihood(self, snap: GMMSnapshot) -> None:
        values = snap.log_likelihoods
        self._draw_bound_history(
            self.likelihood_plot.getPlotItem(), values, snap.elbos, drops(values)
        )

    def _blend_brushes(self, responsibilities: np.ndarray, palette: np.ndarray) -> np.ndarray:
        """One brush per point, mixing the component colours by its responsibilities, rounded
        to steps of 1/32 and the brushes kept from frame to frame: pyqtgraph renders a symbol
        image for every new brush colour, and with exact mixtures every frame renders one per
        point. A point wholly in one component keeps that component's exact colour."""
        rounded = np.round(responsibilities * 32) / 32
        rgb = np.round(np.clip(rounded @ palette, 0, 1) * 255).astype(np.int64)
        keys = rgb[:, 0] << 16 | rgb[:, 1] << 8 | rgb[:, 2]
        unique, inverse = np.unique(keys, return_inverse=True)
        cache = self.__dict__.setdefault("_brush_cache", {})
        if len(cache) > 4096:
            cache.clear()
        brushes = np.empty(len(unique), dtype=object)
        for i, key in enumerate(unique.tolist()):
            brush = cache.get(key)
            if brush is None:
                brush = cache[key] = pg.mkBrush(key >> 16, key >> 8 & 255, key & 255, 190)
            brushes[i] = brush
        return brushes[inverse.ravel()]

    def _on_mixture_clicked(self, event) -> None:
        if self.experiment.name != "gmm" or event.button() != Qt.MouseButton.LeftButton:
            return
        view = self.mixture_plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view.mapSceneToView(event.scenePos())
        self._clicked_means.append((round(point.x(), 4), round(point.y(), 4)))
        wanted = self.config.components
        if len(self._clicked_means) < wanted:
            self.show_message(
                f"start mean {len(self._clicked_means)} of {wanted} placed; click the rest", "note"
            )
            self.redraw()
            return
        means = tuple(v for point in self._clicked_means for v in point)
        self._clicked_means = []
        self.set_params(init="points", start_means=means)

    def _draw_surface(self, snap: MeansSnapshot) -> None:
        if snap.surface is None:
            return
        key = id(snap.surface)
        if key == self._surface_key:
            return  # the surface and its colour scale are fixed for the whole run
        self._surface_key = key
        values = snap.surface
        top = float(values.max())
        # Colours and contour levels focus on the upper part of the surface, where EM moves.
        floor = float(np.quantile(values, 0.02))
        self.surface_image.setImage(
            np.ascontiguousarray(values.T, dtype=np.float32), levels=(floor, top)
        )
        x0, x1 = snap.mu1_axis[0], snap.mu1_axis[-1]
        y0, y1 = snap.mu2_axis[0], snap.mu2_axis[-1]
        dx = (x1 - x0) / (len(snap.mu1_axis) - 1)
        dy = (y1 - y0) / (len(snap.mu2_axis) - 1)
        self.surface_image.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
        self.colour_bar.setLevels((floor, top))
        levels = top - (top - floor) * np.linspace(0.03, 1.0, CONTOURS) ** 2
        lines = self._contour_lines(snap, levels)
        self._contours.setData(lines[:, 0], lines[:, 1], connect="finite")
        self.surface_plot.getPlotItem().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _draw_overlay(self, snap: MeansSnapshot) -> None:
        item = self.surface_plot.getPlotItem()
        pool = self._pool(item)
        path = snap.path
        # ℓ̄'s own contour through θ_t, the anchor of the current surrogate: B touches it there.
        anchor = path[max(0, len(snap.surrogates) - 1)]
        if snap.surface is not None:
            # B(θₜ; θₜ) = ℓ̄(θₜ): the surrogate's own numbers give the level, no pass over the
            # points (the engine's tests hold the two equal to 1e-12).
            if snap.surrogates:
                anchor_level = float(snap.surrogates[-1](*anchor))
            else:
                anchor_level = float(log_likelihood_at(snap.points, anchor[None], snap.pi)[0])
            self._show_anchor_level(snap, anchor_level)
        # Each surrogate's ellipse at the level ℓ̄(θ_k) of its anchor: it touches ℓ̄'s contour
        # at θ_k and is centred on θ_{k+1}. The current one is bold; the earlier ones fade, all
        # in one item (a run of many iterations would otherwise create an item per frame).
        count = len(snap.surrogates)
        curves = [
            surrogate.level_curve(surrogate(*path[k]))
            for k, surrogate in enumerate(snap.surrogates)
        ]
        earlier = [np.vstack([c, [np.nan, np.nan]]) for c in curves[:-1] if c is not None]
        earlier_xy = np.vstack(earlier) if earlier else np.empty((0, 2))
        pool.plot(
            earlier_xy[:, 0],
            earlier_xy[:, 1],
            connect="finite",
            pen=pg.mkPen(themes.with_alpha(themes.ORANGE, 110), width=1.5),
        )
        current = curves[-1] if curves and curves[-1] is not None else np.empty((0, 2))
        ellipse = pool.plot(
            current[:, 0],
            current[:, 1],
            pen=pg.mkPen(themes.with_alpha(themes.ORANGE, 255), width=3),
        )
        pool.label(ellipse, "surrogate B(·; θₜ) at level ℓ̄(θₜ)")
        if count:
            peak = snap.surrogate.maximiser
            star = pool.scatter(
                [peak[0]],
                [peak[1]],
                symbol="star",
                size=18,
                brush=pg.mkBrush(themes.ORANGE),
                pen=pg.mkPen("k"),
            )
            pool.label(star, "argmax B = next iterate")
        line = pool.plot(
            path[:, 0],
            path[:, 1],
            pen=pg.mkPen("w", width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush=pg.mkBrush("w"),
            symbolPen=pg.mkPen("k"),
        )
        pool.label(line, "EM iterates θₜ")
        self._draw_arrows(item, path)
        if abs(snap.pi - 0.5) < 1e-12:
            mirror = pool.scatter(
                [snap.mu2],
                [snap.mu1],
                symbol="o",
                size=14,
                brush=None,
                pen=pg.mkPen(themes.SKY, width=2.5),
            )
            pool.label(mirror, "mirror (μ₂, μ₁): label switching")
        pool.end()

    @staticmethod
    def _contour_lines(snap: MeansSnapshot, levels) -> np.ndarray:
        """Contours of the surface, traced on at most about CONTOUR_GRID² points: a finer grid
        costs milliseconds per level on the GUI thread and looks the same on screen."""
        step = max(1, math.ceil(max(snap.surface.shape) / CONTOUR_GRID))
        return contour_lines(
            snap.surface[::step, ::step], snap.mu1_axis[::step], snap.mu2_axis[::step], levels
        )

    def _show_anchor_level(self, snap: MeansSnapshot, level: float) -> None:
        """ℓ̄'s contour through the current anchor, traced again only when the level or the
        surface changes (E and M of an iteration share it)."""
        key = (id(snap.surface), level)
        if key == self._anchor_key:
            return
        line = self._contour_lines(snap, [level])
        self._anchor_curve.setData(line[:, 0], line[:, 1], connect="finite")
        self._anchor_key = key

    def _draw_arrows(self, item: pg.PlotItem, path: np.ndarray) -> None:
        """An arrowhead on every step of the path long enough to show one. Arrows are kept
        from frame to frame and only moved: creating thirty items a frame stalled the window."""
        steps = [
            (b, _arrow_angle(*(b - a)))
            for a, b in itertools.pairwise(path)
            if np.hypot(*(b - a)) > 1e-3 * (self._span() or 1)
        ]
        while len(self._arrows) < len(steps):
            arrow = pg.ArrowItem(headLen=14, brush=pg.mkBrush("w"), pen=pg.mkPen("k"))
            item.addItem(arrow)
            self._arrows.append(arrow)
        for arrow, (tip, angle) in zip(self._arrows, steps, strict=False):
            if getattr(arrow, "_lvm_angle", None) != angle:
                arrow.setStyle(angle=angle)
                arrow._lvm_angle = angle
            arrow.setPos(float(tip[0]), float(tip[1]))
            arrow.setVisible(True)
        for arrow in self._arrows[len(steps) :]:
            arrow.setVisible(False)

    def _span(self) -> float:
        view = self.surface_plot.getPlotItem().viewRange()
        return float(view[0][1] - view[0][0])

    def _draw_slice(self, snap: MeansSnapshot) -> None:
        item = self.slice_plot.getPlotItem()
        pool = self._pool(item)
        path = snap.path
        theta = path[-1] if snap.phase != "M" or len(path) < 2 else path[-2]
        target = snap.surrogate.maximiser if snap.surrogate is not None else theta
        fallback = path[-1] - path[0] if np.hypot(*(path[-1] - path[0])) > 1e-9 else (1, 1)
        s, points = slice_line(theta, target, fallback=fallback)
        ell = log_likelihood_at(snap.points, points, snap.pi)
        curve = pool.plot(s, ell, pen=themes.pen(self.theme.ink, 2.5))
        pool.label(curve, "ℓ̄ along the line")
        shown = snap.surrogates[-3:]
        for age, surrogate in enumerate(reversed(shown)):
            values = surrogate(points[:, 0], points[:, 1])
            alpha = 255 if age == 0 else 120 // age
            pen = pg.mkPen(themes.with_alpha(themes.ORANGE, alpha), width=2.5 if age == 0 else 1.5)
            keep = values > ell.min() - 0.5 * (ell.max() - ell.min() + 1e-9)
            bound = pool.plot(s[keep], values[keep], pen=pen)
            if age == 0:
                pool.label(bound, "surrogate B(·; θₜ)")
        step = float(np.hypot(*(np.asarray(target) - theta)))
        touch = pool.scatter(
            [0.0],
            [log_likelihood_at(snap.points, theta[None], snap.pi)[0]],
            size=10,
            brush=pg.mkBrush(self.theme.ink),
        )
        pool.label(touch, "θₜ: B touches ℓ̄")
        if snap.surrogate is not None:
            top = pool.scatter(
                [step],
                [snap.surrogate.peak],
                symbol="star",
                size=16,
                brush=pg.mkBrush(themes.ORANGE),
                pen=pg.mkPen("k"),
            )
            pool.label(top, "max B: θₜ₊₁")
        pool.end()
        margin = 0.15 * (ell.max() - ell.min() + 1e-9)
        low, high = ell.min() - margin, ell.max() + margin
        # Room above ℓ̄'s maximum for the legend: every surrogate lies below ℓ̄ (B ≤ ℓ̄), so
        # nothing is ever drawn there, and the legend no longer hides the peak or θ_t.
        self.steady_range(item, "y", low, headroom_for_legend(item, low, high))

    def _draw_bound(self, snap: MeansSnapshot) -> None:
        history = [s for s in self.history if isinstance(s, MeansSnapshot)]
        if not history or history[-1] is not snap:
            history = [s for s in history if s.path.shape[0] <= snap.path.shape[0]]
            if not history or history[-1] is not snap:
                history = [*history, snap]
        self._draw_bound_history(
            self.bound_plot.getPlotItem(),
            np.array([s.log_likelihood for s in history]),
            np.array([np.nan if s.elbo is None else s.elbo for s in history]),
            np.array([s.decreased for s in history]),
        )

    def _draw_bound_history(
        self, item: pg.PlotItem, ell: np.ndarray, elbo: np.ndarray, decreased: np.ndarray
    ) -> None:
        """log p(x; θ) = ELBO + KL along a run: ℓ̄ in black, the ELBO in orange, the KL as the
        vermillion gap between them, and a red cross wherever ℓ̄ went down."""
        pool = self._pool(item, legend_offset=(-10, -10))
        index = np.arange(len(ell))
        line = pool.plot(
            index,
            ell,
            pen=themes.pen(self.theme.ink, 2.5),
            symbol="o",
            symbolSize=6,
            symbolBrush=pg.mkBrush(self.theme.ink),
        )
        pool.label(line, "log p(x; θ), per point")
        # Drawn (empty) before the first ELBO too: the legend then keeps its entries for the
        # whole run, and a legend laid out anew mid-run costs several paint passes.
        finite = np.isfinite(elbo)
        bound = pool.plot(
            index[finite],
            elbo[finite],
            pen=themes.pen(themes.ORANGE, 2),
            symbol="s",
            symbolSize=6,
            symbolBrush=pg.mkBrush(themes.ORANGE),
        )
        pool.label(bound, "ELBO(q, θ)")
        gap = pool.plot(
            np.repeat(index[finite], 2),
            np.column_stack([elbo[finite], ell[finite]]).ravel(),
            connect="pairs",
            pen=pg.mkPen(themes.VERMILLION, width=4),
        )
        # Once the gap closes its segment has no length to see: the entry says so (its value
        # is in the status line). Text that changed at every frame laid the legend out anew.
        gaps = ell[finite] - elbo[finite]
        closed = len(gaps) and gaps[-1] < GAP_SHOWN
        pool.label(gap, "KL gap: closed (under 10⁻⁴)" if closed else "KL(q ‖ p(z | x, θ)) gap")
        if decreased.any():
            marks = pool.scatter(
                index[decreased],
                ell[decreased],
                symbol="x",
                size=16,
                pen=pg.mkPen("r", width=3),
            )
            pool.label(marks, "ℓ went DOWN (must never happen)")
        pool.end()
        finite_all = np.concatenate([ell, elbo[finite]])
        low, high = float(finite_all.min()), float(finite_all.max())
        # At least a small span, so one point does not show ten meaningless decimals.
        pad = max(0.05 * (high - low), 0.02 * max(1.0, abs(high)))
        self.steady_range(item, "y", low - pad, high + pad)
        self.steady_range(item, "x", -0.5, max(len(ell) - 1, 4) + 0.5)

    def _draw_trace(self, snap: CoinsSnapshot, p: int) -> None:
        """p_A, p_B or p_C (p = 0, 1, 2) per start along the run."""
        history = snap.history  # (t + 1, S, 3)
        steps = np.arange(history.shape[0])
        item = self.trace_plots[p].getPlotItem()
        pool = self._pool(item)
        for s in range(history.shape[1]):
            pool.plot(
                steps,
                history[:, s, p],
                pen=themes.pen(themes.component_colour(s), 2),
                symbol="o",
                symbolSize=5,
                symbolBrush=pg.mkBrush(themes.component_colour(s)),
            )
        pool.end()
        # The whole run's width from the start (up to 100 iterations): the three plots are
        # linked in x, and a range that grew with the run would repaint all three every frame.
        width = max(min(self.config.iterations, 100), history.shape[0] - 1)
        if getattr(item, "_lvm_width", None) != width:  # unchanged, it would still repaint
            item.setXRange(0, width, padding=0.02)  # all three linked plots
            item.setYRange(0, 1, padding=0.02)
            item._lvm_width = width

    def _draw_coins_bound(self, snap: CoinsSnapshot) -> None:
        # The bound of the start furthest below the maximum: after the M step the gap is exactly
        # zero (the posterior has not moved), the reason EM converges in one step here.
        worst = int(np.argmin(snap.log_likelihood_history[0]))
        lls = snap.log_likelihood_history[:, worst]
        bounds = snap.elbo_history[:, worst]
        a, b, c = snap.history[0, worst]
        self.set_title(
            self.coins_bound_plot.getPlotItem(),
            f"log p(x) = ELBO + KL, start ({a:.2f}, {b:.2f}, {c:.2f})",
        )
        self._draw_bound_history(
            self.coins_bound_plot.getPlotItem(),
            lls,
            bounds,
            drops(lls),
        )

    def _fill_table(self, snap: CoinsSnapshot) -> None:
        """Seed 003's table. Headers and column widths change only with the table's shape:
        Qt measures every cell to size a column, too slow to do at every frame."""
        table = self.coins_table
        lls = snap.log_likelihood_history  # (t + 1, S)
        starts = snap.history[0]
        columns = lls.shape[0]
        # Every iteration of the run has its column from the start, filled as it arrives.
        total = max(columns, self.config.iterations + 1)
        shape = (lls.shape[1], total, tuple(starts.ravel()))
        # Looking back in the history shows fewer iterations: start the table afresh.
        reshaped = shape != getattr(self, "_table_shape", None) or columns < getattr(
            self, "_table_filled", 0
        )
        self._table_filled = columns
        if reshaped:
            table.setUpdatesEnabled(False)
            table.clear()
            table.setRowCount(lls.shape[1])
            table.setColumnCount(total + 1)
            table.setHorizontalHeaderLabels(
                [f"Iter {t}" for t in range(total)] + ["ô log ô + (1−ô) log(1−ô)"]
            )
            table.setVerticalHeaderLabels([f"({a:.2f}, {b:.2f}, {c:.2f})" for a, b, c in starts])
            for s in range(lls.shape[1]):
                header = table.verticalHeaderItem(s)
                if header is not None:
                    header.setForeground(QColor(themes.component_colour(s)))
        for s in range(lls.shape[1]):
            for t in range(columns):
                if not reshaped and table.item(s, t) is not None:
                    continue  # an iteration's values never change once shown
                cell = QTableWidgetItem(f"{lls[t, s]:.5f}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if abs(lls[t, s] - snap.best) < 5e-6:
                    cell.setForeground(QColor(themes.GREEN))
                table.setItem(s, t, cell)
            if reshaped:
                best = QTableWidgetItem(f"{snap.best:.5f}")
                best.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(s, total, best)
        if reshaped:
            table.resizeColumnsToContents()
            table.setUpdatesEnabled(True)
            self._table_shape = shape

    def _draw_cloud(self, snap: CoinsSnapshot) -> None:
        """The random starts after t iterations (CLOUD_DRAWN of them), in their own item and
        part of the frame: thousands of points take longer to set than the rest of the ridge."""
        if snap.cloud is None:
            if self._cloud.isVisible():
                self._cloud.setData(x=[], y=[])
                self._cloud.setVisible(False)
            return
        u, v = ridge_projection(snap.cloud[:CLOUD_DRAWN])
        self._cloud.setData(
            x=u,
            y=v,
            size=3,
            pen=None,
            brush=themes.with_alpha(themes.SKY, 90),
        )
        self._cloud.setVisible(True)

    def _draw_ridge(self, snap: CoinsSnapshot) -> None:
        item = self.ridge_plot.getPlotItem()
        pool = self._pool(item)
        o = snap.o_hat
        ridge = pool.plot([0, o], [o, 0], pen=themes.pen(self.theme.ink, 2.5))
        pool.label(ridge, f"ridge, ô = {o:.4f}")
        if snap.cloud is not None:
            total = len(snap.cloud)
            drawn = f" ({CLOUD_DRAWN:,} drawn)" if total > CLOUD_DRAWN else ""
            pool.label(self._cloud, f"{total:,} random starts{drawn}")
        history = snap.history
        u, v = ridge_projection(history)  # (t + 1, S) each
        colours = [themes.component_colour(s) for s in range(history.shape[1])]
        for s, colour in enumerate(colours):
            pool.plot(u[:, s], v[:, s], pen=themes.pen(colour, 1.5, dashed=True))
        # All starts in one item and all ends in another: two items, not one per start.
        pool.scatter(u[0], v[0], size=9, pen=[pg.mkPen(c, width=2) for c in colours], brush=None)
        pool.scatter(
            u[-1], v[-1], size=9, brush=[pg.mkBrush(c) for c in colours], pen=pg.mkPen("k")
        )
        pool.end()
        # Fit the starts and the ridge; u + v = P(heads) ≤ 1 keeps everything in the triangle.
        reach = 1.08 * max(o, float(u.max()), float(v.max()), 0.05)
        item.setXRange(0, reach, padding=0.02)
        item.setYRange(0, reach, padding=0.02)

    # --- text -------------------------------------------------------------------------------
    def status_text(self, snap) -> str:
        if isinstance(snap, CoinsSnapshot):
            spread = float(np.abs(snap.log_likelihood - snap.best).max())
            gap = "" if snap.kl is None else f" · KL after the M step ≤ {float(snap.kl.max()):.2g}"
            flag = " · ℓ DECREASED: a bug" if snap.decreased else ""
            return (
                f"iteration {snap.step} · ô = {snap.o_hat:.6g} ({snap.heads} heads of "
                f"{snap.n}) · max ℓ̄ = ô log ô + (1 − ô) log(1 − ô) = {snap.best:.6g} · "
                f"largest gap to it {spread:.2g} · largest distance from the ridge "
                f"{float(np.abs(snap.ridge).max()):.2g}{gap}{flag} · seed {self.config.seed}"
            )
        if isinstance(snap, MeansSnapshot):
            words = {
                "start": "start θ₀",
                "E": "E step: q = p(z | x, θₜ), gap closed",
                "M": "M step: θₜ₊₁ = argmax B",
            }[snap.phase]
            parts = [
                f"t = {snap.step}",
                words,
                f"μ = ({snap.mu1:.6g}, {snap.mu2:.6g})",
                f"ℓ̄ = {snap.log_likelihood:.6g}",
            ]
            if snap.elbo is not None:
                parts += [f"ELBO = {snap.elbo:.6g}", f"KL = {snap.kl:.3g}"]
            if snap.decreased:
                parts.append("ℓ DECREASED: a bug")
            parts.append(f"seed {self.config.seed}")
            return " · ".join(parts)
        if isinstance(snap, GMMSnapshot):
            if snap.converged:
                state = "converged"
            elif snap.step >= self.config.iterations:
                state = "at the iteration limit"
            else:
                state = "not yet converged"
            flag = " · ℓ DECREASED: a bug" if snap.decreased else ""
            bound = "" if snap.elbo is None else f" · ELBO = {snap.elbo:.6g} · KL = {snap.kl:.3g}"
            return (
                f"t = {snap.step} · ℓ̄ = {snap.log_likelihood:.6g}{bound} · π = "
                f"({', '.join(f'{w:.4g}' for w in snap.weights)}) · {state} "
                f"(tol {self.config.tol:g}) · {snap.elapsed_s * 1000:.1f} ms in EM{flag} · "
                f"seed {self.config.seed}"
            )
        return super().status_text(snap)

    def _on_surface_clicked(self, event) -> None:
        if self.experiment.name != "gmm1d-means" or event.button() != Qt.MouseButton.LeftButton:
            return
        view = self.surface_plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view.mapSceneToView(event.scenePos())
        self.set_params(start=(round(point.x(), 4), round(point.y(), 4)))


MEANS_TEXT = (
    "<p>Data from π N(μ₁, 1) + (1 − π) N(μ₂, 1); EM estimates (μ₁, μ₂) with σ and π known "
    "(seed 003 §2.9). Colours and contours: the log-likelihood ℓ̄(μ) per point.</p>"
    "<p><b>E step</b> at θ<sub>t</sub>: q(z<sub>i</sub>) = p(z<sub>i</sub> | x<sub>i</sub>, "
    "θ<sub>t</sub>) gives the surrogate B(μ; θ<sub>t</sub>) = (1/n) Σ<sub>i</sub> "
    "Σ<sub>z</sub> q log[p(x<sub>i</sub>, z; μ)/q], a quadratic bowl with B ≤ ℓ̄ everywhere and "
    "B = ℓ̄ at θ<sub>t</sub>: the gap KL(q ‖ p(z | x, θ)) closes.</p>"
    "<p><b>M step</b>: θ<sub>t+1</sub> = argmax B (the star), so ℓ̄(θ<sub>t+1</sub>) ≥ "
    "B(θ<sub>t+1</sub>) ≥ B(θ<sub>t</sub>) = ℓ̄(θ<sub>t</sub>): EM never goes down.</p>"
    "<p>Orange: B's contour at level ℓ̄(θ<sub>t</sub>), an ellipse centred on "
    "θ<sub>t+1</sub> inside ℓ̄'s contour (white) and touching it at θ<sub>t</sub>; the ellipses "
    "walk up the hill. Click the surface to start elsewhere; the mirror (μ₂, μ₁) is the same "
    "fit with the labels swapped.</p>"
)
MIXTURE_TEXT = (
    "<p>A <b>Gaussian mixture</b> with K components, fitted by EM (Bishop §9.2). E step: "
    "r<sub>ik</sub> = π<sub>k</sub> N(x<sub>i</sub>; μ<sub>k</sub>, Σ<sub>k</sub>) / Σ<sub>j</sub> "
    "π<sub>j</sub> N(x<sub>i</sub>; μ<sub>j</sub>, Σ<sub>j</sub>), shown as each point's colour, "
    "a blend of the component colours. M step: N<sub>k</sub> = Σ<sub>i</sub> r<sub>ik</sub>, "
    "π<sub>k</sub> = N<sub>k</sub>/n, μ<sub>k</sub> = Σ r<sub>ik</sub>x<sub>i</sub>/N<sub>k</sub>, "
    "Σ<sub>k</sub> = Σ r<sub>ik</sub>(x<sub>i</sub> − μ<sub>k</sub>)(x<sub>i</sub> − "
    "μ<sub>k</sub>)ᵀ/N<sub>k</sub> (+ reg_covar).</p>"
    "<p>Ellipses at 1σ (solid) and 2σ (dashed). Right: ℓ̄ per iteration, which never "
    "decreases. Click K points on the scatter to start from those means; the numbers agree "
    "with scikit-learn's GaussianMixture from the same start.</p>"
)
COINS_TEXT = (
    "<p><b>Three coins</b>: only the second toss is seen, and ℓ̄ depends on (p<sub>A</sub>, "
    "p<sub>B</sub>, p<sub>C</sub>) only through P(heads) = p<sub>A</sub>p<sub>B</sub> + "
    "(1 − p<sub>A</sub>)p<sub>C</sub>. Its maximum, ô log ô + (1 − ô) log(1 − ô) with ô the "
    "fraction of heads, is reached on a whole surface of θ (the ridge): the model is not "
    "identifiable.</p>"
    "<p>One EM step already sets P(heads) = ô from any start (seed 003 §2.4), so every row of "
    "the table reaches the maximum at iteration 1, yet the starts end at different θ. In the "
    "projection (p<sub>A</sub>p<sub>B</sub>, (1 − p<sub>A</sub>)p<sub>C</sub>) the ridge is "
    "the line u + v = ô; hollow circles are starts, filled ones where EM stopped, and the "
    "cloud of random starts collapses onto the line after one iteration.</p>"
)
