"""A Gaussian mixture fitted by EM: points coloured by responsibilities, ℓ̄ per iteration."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSplitter, QWidget

from engine.data.dataset import Dataset
from engine.em.gmm_experiment import GMMSnapshot
from engine.geometry.curves import ellipse
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.em.bound_plot import draw_bound_history
from lvm_gui.panels.em.use_data import LearnsFromData
from lvm_gui.plots import make_plot, scrolling

BRUSHES_KEPT = 4096  # blended brushes kept from frame to frame, at most


class MixtureView(LearnsFromData):
    def build(self) -> QWidget:
        self.mixture_plot = make_plot(
            QT_TRANSLATE_NOOP("MixtureView", "points coloured by their responsibilities"),
            "x₁",
            "x₂",
        )
        self.mixture_plot.scene().sigMouseClicked.connect(self.mixture_clicked)
        i18n.show(
            self.mixture_plot,
            pg.PlotWidget.setToolTip,
            lambda: translate(
                "MixtureView", "Click K points to start EM from those means (init = points)"
            ),
        )
        self.likelihood_plot = make_plot(
            QT_TRANSLATE_NOOP("MixtureView", "ℓ̄ per iteration: never down"),
            QT_TRANSLATE_NOOP("MixtureView", "iteration t"),
            "ℓ̄(θₜ)",
        )
        self.clicked_means: list[tuple[float, float]] = []
        self._brushes: dict[int, pg.QtGui.QBrush] = {}
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.mixture_plot)
        splitter.addWidget(self.likelihood_plot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return scrolling(splitter)

    def activated(self) -> None:
        self.clicked_means = []

    def plots(self) -> dict[str, QWidget]:
        return {"mixture": self.mixture_plot, "likelihood": self.likelihood_plot}

    def what_you_see(self) -> str:
        return MIXTURE_TEXT.translated()

    def use_dataset(self, dataset: Dataset) -> None:
        self.hand_over_points(dataset)

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap: GMMSnapshot):
        return [
            ("mixture", lambda: self._draw_mixture(snap)),
            ("likelihood", lambda: self._draw_likelihood(snap)),
        ]

    def _draw_mixture(self, snap: GMMSnapshot) -> None:
        item = self.mixture_plot.getPlotItem()
        pool = self.pool(item)
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
                    pool.label(line, f"k = {k + 1}: π = {snap.weights[k]:.3f}")  # symbols only
            pool.scatter(
                [mean[0]], [mean[1]], symbol="+", size=16, pen=pg.mkPen(self.theme.ink, width=2.5)
            )
        for x, y_click in self.clicked_means:
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
            title = translate("MixtureView", "responsibilities (first two of {d} dimensions)")
            self.set_title(item, title.format(d=snap.means.shape[1]))

    def _draw_likelihood(self, snap: GMMSnapshot) -> None:
        run = self.history.traces_to(snap, "log_likelihood", "elbo", "decreased")
        draw_bound_history(
            self,
            self.likelihood_plot.getPlotItem(),
            run["log_likelihood"],
            run["elbo"],
            run["decreased"] > 0,
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
        cache = self._brushes
        if len(cache) > BRUSHES_KEPT:
            cache.clear()
        brushes = np.empty(len(unique), dtype=object)
        for i, key in enumerate(unique.tolist()):
            brush = cache.get(key)
            if brush is None:
                brush = cache[key] = pg.mkBrush(key >> 16, key >> 8 & 255, key & 255, 190)
            brushes[i] = brush
        return brushes[inverse.ravel()]

    def mixture_clicked(self, event) -> None:
        point = self.clicked_point(self.mixture_plot, event)
        if point is None:
            return
        self.clicked_means.append(point)
        wanted = self.config.components
        if len(self.clicked_means) < wanted:
            placed = translate(
                "MixtureView", "start mean {placed} of {wanted} placed; click the rest"
            )
            self.panel.show_message(
                placed.format(placed=len(self.clicked_means), wanted=wanted), "note"
            )
            self.redraw()
            return
        means = tuple(v for point in self.clicked_means for v in point)
        self.clicked_means = []
        self.panel.set_params(init="points", start_means=means)

    # --- text -------------------------------------------------------------------------------
    def status_text(self, snap: GMMSnapshot) -> str:
        if snap.converged:
            state = translate("MixtureView", "converged (tol {tol:g})")
        elif snap.step >= self.config.iterations:
            state = translate("MixtureView", "at the iteration limit (tol {tol:g})")
        else:
            state = translate("MixtureView", "not yet converged (tol {tol:g})")
        parts = [f"t = {snap.step}", f"ℓ̄ = {snap.log_likelihood:.6g}"]
        if snap.elbo is not None:
            parts += [f"ELBO = {snap.elbo:.6g}", f"KL = {snap.kl:.3g}"]
        parts += [
            f"π = ({', '.join(f'{w:.4g}' for w in snap.weights)})",
            state.format(tol=self.config.tol),
            translate("MixtureView", "{ms:.1f} ms in EM").format(ms=snap.elapsed_s * 1000),
        ]
        if snap.decreased:
            parts.append(translate("MeansView", "ℓ DECREASED: a bug"))
        parts.append(translate("View", "seed {seed}").format(seed=self.config.seed))
        return " · ".join(parts)


MIXTURE_TEXT = QT_TRANSLATE_NOOP(
    "MixtureView",
    "<p>A <b>Gaussian mixture</b> with K components, fitted by EM (Bishop §9.2). E step: "
    "r<sub>ik</sub> = π<sub>k</sub> N(x<sub>i</sub>; μ<sub>k</sub>, Σ<sub>k</sub>) / Σ<sub>j</sub> "
    "π<sub>j</sub> N(x<sub>i</sub>; μ<sub>j</sub>, Σ<sub>j</sub>), shown as each point's colour, "
    "a blend of the component colours. M step: N<sub>k</sub> = Σ<sub>i</sub> r<sub>ik</sub>, "
    "π<sub>k</sub> = N<sub>k</sub>/n, μ<sub>k</sub> = Σ r<sub>ik</sub>x<sub>i</sub>/N<sub>k</sub>, "
    "Σ<sub>k</sub> = Σ r<sub>ik</sub>(x<sub>i</sub> − μ<sub>k</sub>)(x<sub>i</sub> − "
    "μ<sub>k</sub>)ᵀ/N<sub>k</sub> (+ reg_covar).</p>"
    "<p>Ellipses at 1σ (solid) and 2σ (dashed). Right: ℓ̄ per iteration, which never "
    "decreases. Click K points on the scatter to start from those means; the numbers agree "
    "with scikit-learn's GaussianMixture from the same start.</p>",
)
