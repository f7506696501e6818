"""Two means: EM over the log-likelihood surface with its surrogates (seed 003 §2.9)."""

from __future__ import annotations

import itertools
import math
from typing import Any, ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from engine.data.dataset import Dataset
from engine.em.means_experiment import MeansSnapshot
from engine.geometry import em as em_geometry
from engine.geometry.curves import contour_lines
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.em.bound_plot import draw_bound_history
from lvm_gui.panels.em.surface_view import COLOUR_BAR_WIDTH, SurfaceView
from lvm_gui.panels.em.use_data import LearnsFromData
from lvm_gui.plots import headroom_for_legend, make_plot, scrolling

CONTOURS = 12
CONTOUR_GRID = 160
COLOURMAP = "viridis"
# B's ellipses in a colour no part of viridis has, on a white halo: seen on yellow and on purple.
SURROGATE = "#D6006F"


def _arrow_angle(dx: float, dy: float) -> float:
    """pyqtgraph's ArrowItem points left at angle 0 and turns clockwise on screen; screen y
    runs down while the plot's y runs up."""
    return 180.0 - math.degrees(math.atan2(dy, dx))


class MeansView(LearnsFromData):
    forced_params: ClassVar[dict[str, Any]] = {"half_steps": True}

    def build(self) -> QWidget:
        self.surface_plot = SurfaceView(
            QT_TRANSLATE_NOOP("MeansView", "ℓ̄(μ₁, μ₂), EM's surrogates"), "μ₁", "μ₂"
        )
        self.surface_image = pg.ImageItem(axisOrder="row-major")
        self.surface_image.setZValue(-10)
        self.surface_plot.getPlotItem().addItem(self.surface_image)
        self.colour_map = pg.colormap.get(COLOURMAP)
        self.colour_bar = pg.ColorBarItem(
            colorMap=self.colour_map, interactive=False, label=" ", width=14
        )
        i18n.show(
            self.colour_bar,
            lambda bar, text: bar.getAxis("left").setLabel(text),
            lambda: translate("MeansView", "ℓ̄ per point"),
        )
        self.colour_bar.setImageItem(self.surface_image)
        # Beside the plot in the layout, not inside the plot item: an aspect-locked plot item
        # squeezes an inserted bar out of sight in a narrow window.
        self.surface_plot.addItem(self.colour_bar, row=0, col=1)
        self.surface_plot.ci.layout.setColumnFixedWidth(1, COLOUR_BAR_WIDTH)
        self.surface_plot.ci.layout.setColumnStretchFactor(0, 1)  # the plot takes the rest
        self.surface_plot.scene().sigMouseClicked.connect(self._on_surface_clicked)
        i18n.show(
            self.surface_plot,
            SurfaceView.setToolTip,
            lambda: translate("MeansView", "Click to start EM from that (μ₁, μ₂)"),
        )
        # ℓ̄'s contours (one curve, lines split by NaN) and its contour through θ_t.
        self._contours = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 110), width=1))
        self._anchor_curve = pg.PlotDataItem(pen=pg.mkPen("w", width=2.5))
        self._anchor_key = None
        for curve in (self._contours, self._anchor_curve):
            curve.setZValue(-5)
            self.surface_plot.getPlotItem().addItem(curve)
        self.arrows: list[pg.ArrowItem] = []
        self.numbers: list[pg.TextItem] = []
        self._arrow_angles: list[float | None] = []
        self._surface_key = None

        self.slice_plot = make_plot(
            QT_TRANSLATE_NOOP("MeansView", "along the step: ℓ̄ and B"),
            QT_TRANSLATE_NOOP("MeansView", "distance along the step from θₜ (μ units)"),
            QT_TRANSLATE_NOOP("MeansView", "per-point value"),
        )
        self.bound_plot = make_plot(
            QT_TRANSLATE_NOOP("MeansView", "log p(x) = ELBO + KL per half-step"),
            QT_TRANSLATE_NOOP("MeansView", "half-step"),
            QT_TRANSLATE_NOOP("MeansView", "per-point value"),
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
        return scrolling(splitter)  # pages scroll in small windows rather than clip

    def activated(self) -> None:
        self._surface_key = None
        self._anchor_key = None

    def plots(self) -> dict[str, QWidget]:
        return {"surface": self.surface_plot, "slice": self.slice_plot, "bound": self.bound_plot}

    def what_you_see(self) -> str:
        return MEANS_TEXT.translated()

    def use_dataset(self, dataset: Dataset) -> None:
        if not dataset.is_coins and dataset.d != 1:
            message = translate(
                "MeansView", "the Data panel's data are {d}-D; the two-means model is 1-D"
            )
            self.refuse(message.format(d=dataset.d))
            return
        self.hand_over_points(dataset)

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap: MeansSnapshot):
        run = em_geometry.iterates(self.history, snap)
        return [
            ("surface", lambda: (self._draw_surface(snap), self._draw_overlay(snap, run))),
            ("slice", lambda: self._draw_slice(run)),
            ("bound", lambda: self._draw_bound(snap)),
        ]

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
        self.surface_plot.fit_to_surface((x1 - x0) / (y1 - y0))
        self.surface_plot.getPlotItem().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _draw_overlay(self, snap: MeansSnapshot, run: em_geometry.Iterates) -> None:
        item = self.surface_plot.getPlotItem()
        pool = self.pool(item)
        path = run.path
        if snap.surface is not None:  # ℓ̄'s own contour through θ_t: B touches it there
            self._show_anchor_level(snap, em_geometry.anchor_level(run))
        # Each surrogate's ellipse at the level of its anchor: the current one bold, the
        # earlier ones faded, all in one item (else a long run made an item per frame).
        curves = em_geometry.surrogate_curves(run)
        pool.plot(
            curves.earlier[:, 0],
            curves.earlier[:, 1],
            connect="finite",
            pen=themes.pen(themes.with_alpha(SURROGATE, 150), 1.5),
        )
        pool.plot(curves.current[:, 0], curves.current[:, 1], pen=themes.pen("w", 7))  # halo
        ellipse = pool.plot(
            curves.current[:, 0], curves.current[:, 1], pen=themes.pen(SURROGATE, 4)
        )
        pool.label(ellipse, translate("MeansView", "surrogate B(·; θₜ) at level ℓ̄(θₜ)"))
        if run.surrogate is not None:
            peak = run.surrogate.maximiser
            star = pool.scatter(
                [peak[0]],
                [peak[1]],
                symbol="star",
                size=20 * themes.SCALE["factor"],
                brush=pg.mkBrush(SURROGATE),
                pen=pg.mkPen("w", width=1.5),
            )
            pool.label(star, translate("MeansView", "argmax B = next iterate"))
        line = pool.plot(
            path[:, 0],
            path[:, 1],
            pen=pg.mkPen("w", width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush=pg.mkBrush("w"),
            symbolPen=pg.mkPen("k"),
        )
        pool.label(line, translate("MeansView", "EM iterates θₜ, numbered"))
        self._draw_arrows(item, path)
        self._number_iterates(item, run)
        if abs(snap.pi - 0.5) < 1e-12:
            mirror = pool.scatter(
                [snap.mu2],
                [snap.mu1],
                symbol="o",
                size=14,
                brush=None,
                pen=pg.mkPen(themes.SKY, width=2.5),
            )
            pool.label(mirror, translate("MeansView", "mirror (μ₂, μ₁): label switching"))
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
            if np.hypot(*(b - a)) > 1e-3 * (self.span() or 1)
        ]
        while len(self.arrows) < len(steps):
            arrow = pg.ArrowItem(headLen=14, brush=pg.mkBrush("w"), pen=pg.mkPen("k"))
            item.addItem(arrow)
            self.arrows.append(arrow)
            self._arrow_angles.append(None)
        for i, (tip, angle) in enumerate(steps):
            arrow = self.arrows[i]
            if self._arrow_angles[i] != angle:
                arrow.setStyle(angle=angle)
                self._arrow_angles[i] = angle
            arrow.setPos(float(tip[0]), float(tip[1]))
            arrow.setVisible(True)
        for arrow in self.arrows[len(steps) :]:
            arrow.setVisible(False)

    def _number_iterates(self, item: pg.PlotItem, run: em_geometry.Iterates) -> None:
        """Each iterate's t beside it, where it lies apart from the ones numbered before it
        (near the optimum they pile up: the first of a pile is numbered). Kept from frame to
        frame and only moved, as the arrows are."""
        labels = em_geometry.iterate_labels(run, apart=0.04 * (self.span() or 1))
        while len(self.numbers) < len(labels):
            number = pg.TextItem(color="w", fill=pg.mkBrush(0, 0, 0, 170), anchor=(-0.15, 1.1))
            item.addItem(number)
            self.numbers.append(number)
        for number, (t, point) in zip(self.numbers, labels, strict=False):
            if number.textItem.toPlainText() != str(t):
                number.setText(str(t))
            number.setPos(float(point[0]), float(point[1]))
            number.setVisible(True)
        for number in self.numbers[len(labels) :]:
            number.setVisible(False)

    def span(self) -> float:
        view = self.surface_plot.getPlotItem().viewRange()
        return float(view[0][1] - view[0][0])

    def _draw_slice(self, run: em_geometry.Iterates) -> None:
        item = self.slice_plot.getPlotItem()
        pool = self.pool(item)
        line = em_geometry.step_slice(run)
        s, ell = line.s, line.log_likelihood
        curve = pool.plot(s, ell, pen=themes.pen(self.theme.ink, 2.5))
        pool.label(curve, translate("MeansView", "ℓ̄ along the line"))
        for age, values in enumerate(line.surrogates):
            alpha = 255 if age == 0 else 120 // age
            pen = themes.pen(themes.with_alpha(SURROGATE, alpha), 2.5 if age == 0 else 1.5)
            keep = values > ell.min() - 0.5 * (ell.max() - ell.min() + 1e-9)
            bound = pool.plot(s[keep], values[keep], pen=pen)
            if age == 0:
                pool.label(bound, translate("MeansView", "surrogate B(·; θₜ)"))
        touch = pool.scatter([0.0], [line.touch], size=10, brush=pg.mkBrush(self.theme.ink))
        pool.label(touch, translate("MeansView", "θₜ: B touches ℓ̄"))
        if line.peak is not None:
            top = pool.scatter(
                [line.step],
                [line.peak],
                symbol="star",
                size=16,
                brush=pg.mkBrush(SURROGATE),
                pen=pg.mkPen("k"),
            )
            pool.label(top, translate("MeansView", "max B: θₜ₊₁"))
        pool.end()
        margin = 0.15 * (ell.max() - ell.min() + 1e-9)
        low, high = ell.min() - margin, ell.max() + margin
        # Room above ℓ̄'s maximum for the legend: every surrogate lies below ℓ̄ (B ≤ ℓ̄), so
        # nothing is ever drawn there, and the legend no longer hides the peak or θ_t.
        self.steady_range(item, "y", low, headroom_for_legend(item, low, high))

    def _draw_bound(self, snap: MeansSnapshot) -> None:
        """The run up to `snap` from the history's traces: every half-step's numbers are
        kept there, however few of its snapshots are."""
        run = self.history.traces_to(snap, "log_likelihood", "elbo", "decreased")
        draw_bound_history(
            self,
            self.bound_plot.getPlotItem(),
            run["log_likelihood"],
            run["elbo"],
            run["decreased"] > 0,
        )

    # --- text and clicks ---------------------------------------------------------------------
    def status_text(self, snap: MeansSnapshot) -> str:
        words = {
            "start": translate("MeansView", "start θ₀"),
            "E": translate("MeansView", "E step: q = p(z | x, θₜ), gap closed"),
            "M": translate("MeansView", "M step: θₜ₊₁ = argmax B"),
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
            parts.append(translate("MeansView", "ℓ DECREASED: a bug"))
        parts.append(translate("View", "seed {seed}").format(seed=self.config.seed))
        return " · ".join(parts)

    def _on_surface_clicked(self, event) -> None:
        point = self.clicked_point(self.surface_plot, event)
        if point is not None:
            self.panel.set_params(start=point)


MEANS_TEXT = QT_TRANSLATE_NOOP(
    "MeansView",
    "<p>Data from π N(μ₁, 1) + (1 − π) N(μ₂, 1); EM estimates (μ₁, μ₂) with σ and π known "
    "(seed 003 §2.9). Colours and contours: the log-likelihood ℓ̄(μ) per point.</p>"
    "<p><b>E step</b> at θ<sub>t</sub>: q(z<sub>i</sub>) = p(z<sub>i</sub> | x<sub>i</sub>, "
    "θ<sub>t</sub>) gives the surrogate B(μ; θ<sub>t</sub>) = (1/n) Σ<sub>i</sub> "
    "Σ<sub>z</sub> q log[p(x<sub>i</sub>, z; μ)/q], a quadratic bowl with B ≤ ℓ̄ everywhere and "
    "B = ℓ̄ at θ<sub>t</sub>: the gap KL(q ‖ p(z | x, θ)) closes.</p>"
    "<p><b>M step</b>: θ<sub>t+1</sub> = argmax B (the star), so ℓ̄(θ<sub>t+1</sub>) ≥ "
    "B(θ<sub>t+1</sub>) ≥ B(θ<sub>t</sub>) = ℓ̄(θ<sub>t</sub>): EM never goes down.</p>"
    "<p>Magenta: B's contour at level ℓ̄(θ<sub>t</sub>), an ellipse centred on "
    "θ<sub>t+1</sub> inside ℓ̄'s contour (white) and touching it at θ<sub>t</sub>; the ellipses "
    "walk up the hill. Click the surface to start elsewhere; the mirror (μ₂, μ₁) is the same "
    "fit with the labels swapped.</p>",
)
