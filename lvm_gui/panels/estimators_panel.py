"""The Estimators panel: naive Monte Carlo against importance sampling, and the gradient race."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QStackedWidget,
    QWidget,
)
from superqt import QLabeledDoubleSlider

from engine.estimators.gradients import GradientsSnapshot
from engine.estimators.race import RaceSnapshot
from lvm_gui import theme as themes
from lvm_gui.panels.base import (
    ExperimentPanel,
    headroom_for_legend,
    legend_below,
    make_plot,
    scrolling,
)

UNIFORM, IMPORTANCE = themes.BLUE, themes.ORANGE  # as in seed 000's figure
# The estimate is written P_k, not p̂_k: Qt misplaces a combining circumflex next to subscripts.
CHAINS_DRAWN = 100  # running estimates drawn for at most this many chains of each estimator
GRADIENT_COLOURS = {"score": themes.VERMILLION, "baseline": themes.PURPLE, "reparam": themes.GREEN}


def _series(pool, x, y, colour, width: float = 2.5, marker: int = 5) -> pg.PlotDataItem:
    """A line with a dot at every point (a checkpoint, a pixel, a component)."""
    return pool.plot(
        x, y, pen=themes.pen(colour, width), symbol="o", symbolSize=marker,
        symbolBrush=pg.mkBrush(colour),
    )  # fmt: skip


class EstimatorsPanel(ExperimentPanel):
    name = "estimators"
    title = "Estimators"
    experiment_names = ("race", "gradients")
    default_preset = "seed-000-binary"
    hidden_params = frozenset({"device"})

    def build_controls(self) -> QWidget:
        """Sliders that move the gaussian proposal q = N(mean, scale²) over continuous z."""
        box = QGroupBox("Move q = N(mean, scale²)")
        box.setToolTip(
            "Drag to use a gaussian proposal of this mean and scale (every dimension of z); "
            "the race starts again"
        )
        layout = QFormLayout(box)
        self.q_mean_slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.q_mean_slider.setRange(-4.0, 4.0)
        self.q_scale_slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.q_scale_slider.setRange(0.05, 4.0)
        layout.addRow("mean", self.q_mean_slider)
        layout.addRow("scale", self.q_scale_slider)
        # A drag sends many values: start the race again once it rests for a moment.
        self._slider_timer = QTimer(self)
        self._slider_timer.setSingleShot(True)
        self._slider_timer.setInterval(200)
        self._slider_timer.timeout.connect(self._apply_sliders)
        for slider in (self.q_mean_slider, self.q_scale_slider):
            slider.valueChanged.connect(self._on_slider)
        self._sliders_syncing = False
        self.slider_box = box
        self.config_changed.connect(self._sync_sliders)
        self._sync_sliders(self.config)
        return box

    def _on_slider(self, _value: float) -> None:
        if not self._sliders_syncing:
            self._slider_timer.start()

    def _apply_sliders(self) -> None:
        self.set_params(
            proposal="gaussian",
            q_mean=(round(self.q_mean_slider.value(), 3),),
            q_scale=(round(self.q_scale_slider.value(), 3),),
        )

    def _sync_sliders(self, config) -> None:
        continuous = self.experiment.name == "race" and config.model in ("curve1d", "curve2d")
        self.slider_box.setVisible(continuous)
        if not continuous:
            return
        self._sliders_syncing = True
        try:
            self.q_mean_slider.setValue(float(config.q_mean[0]))
            self.q_scale_slider.setValue(float(config.q_scale[0]))
        finally:
            self._sliders_syncing = False

    def build_plots(self) -> QWidget:
        self.stack = QStackedWidget()
        self.estimates_plot = make_plot("P_k of every chain", "k", "P_k", True)
        legend_below(self.estimates_plot, columns=2)  # the chains fill every corner
        self.spread_plot = make_plot("spread across chains", "k", "std of P_k / p(x)", True, True)
        self.jensen_plot = make_plot("mean log P_k = L_k ≤ log p(x)", "k", "mean of log P_k", True)
        self.histogram_plot = make_plot("final estimates", "P_k / p(x)", "chains")
        self.proposal_plot = make_plot("q beside the posterior", "z", "density")
        self.ess_plot = make_plot(
            "importance weights", "k", "fraction",
            True, True,
        )  # fmt: skip
        race = QWidget()
        grid = QGridLayout(race)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, plot in enumerate(self._race_plots()):
            grid.addWidget(plot, i // 2, i % 2)
        self.variance_plot = make_plot(
            "variance of ∂/∂m per sample", "samples n", "variance", True, True
        )
        self.mean_plot = make_plot("running mean of ∂/∂m", "samples n", "∂/∂m", True)
        self.variance_log_s_plot = make_plot(
            "variance of ∂/∂log s per sample", "samples n", "variance", True, True
        )
        self.mean_log_s_plot = make_plot("running mean of ∂/∂log s", "samples n", "∂/∂log s", True)
        gradients = QWidget()
        side_by_side = QGridLayout(gradients)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        side_by_side.addWidget(self.variance_plot, 0, 0)
        side_by_side.addWidget(self.mean_plot, 0, 1)
        side_by_side.addWidget(self.variance_log_s_plot, 1, 0)
        side_by_side.addWidget(self.mean_log_s_plot, 1, 1)
        self.stack.addWidget(scrolling(race))
        self.stack.addWidget(scrolling(gradients))
        self.on_experiment_changed()
        return self.stack

    def _race_plots(self) -> tuple[pg.PlotWidget, ...]:
        return (
            self.estimates_plot,
            self.spread_plot,
            self.proposal_plot,
            self.histogram_plot,
            self.jensen_plot,
            self.ess_plot,
        )

    def on_experiment_changed(self) -> None:
        self.stack.setCurrentIndex(0 if self.experiment.name == "race" else 1)
        self.explanation.setText(self.what_you_see())

    def plots(self) -> dict[str, QWidget]:
        if self.experiment.name == "gradients":
            return {
                "variance": self.variance_plot,
                "means": self.mean_plot,
                "variance_log_s": self.variance_log_s_plot,
                "means_log_s": self.mean_log_s_plot,
            }
        return {
            "estimates": self.estimates_plot,
            "spread": self.spread_plot,
            "proposal": self.proposal_plot,
            "jensen": self.jensen_plot,
            "histogram": self.histogram_plot,
            "weights": self.ess_plot,
        }

    def what_you_see(self) -> str:
        return GRADIENTS_TEXT if self.experiment.name == "gradients" else RACE_TEXT

    # --- drawing ----------------------------------------------------------------------------
    def _run_so_far(self, snap, kind) -> list:
        """The snapshots of this run up to `snap`, the history may run ahead of it (looking
        back) or not yet hold it (the final result)."""
        return [*(s for s in self.history if isinstance(s, kind) and s.step < snap.step), snap]

    def draw_parts(self, snap) -> list[tuple[str, Callable[[], None]]]:
        if isinstance(snap, RaceSnapshot):
            return [
                ("estimates", lambda: self._draw_estimates(snap)),
                ("spread", lambda: self._draw_spread(snap)),
                ("jensen", lambda: self._draw_jensen(snap)),
                ("histogram", lambda: self._draw_histogram(snap)),
                ("proposal", lambda: self._draw_proposal(snap)),
                ("weights", lambda: self._draw_weights(snap)),
            ]
        if isinstance(snap, GradientsSnapshot):
            return [
                ("variance", lambda: self._draw_variance(snap)),
                ("means", lambda: self._draw_means(snap)),
                ("variance log s", lambda: self._draw_variance(snap, "_log_s")),
                ("means log s", lambda: self._draw_means(snap, "_log_s")),
            ]
        return []

    def _draw_estimates(self, snap: RaceSnapshot) -> None:
        item = self.estimates_plot.getPlotItem()
        pool = self._pool(item)
        history = self._run_so_far(snap, RaceSnapshot)
        ks = np.array([s.k for s in history], float)
        exact = np.exp(snap.truth_log_p)
        for colour, field, label in (
            (UNIFORM, "uniform_estimates", "naive MC, z ~ uniform"),
            (
                IMPORTANCE,
                "importance_estimates",
                f"importance, q = {self.config.proposal}",
            ),
        ):
            ratios = np.array([getattr(s, field)[:CHAINS_DRAWN] for s in history])  # (t, C)
            # All chains in one curve, each ended by NaN: one item instead of C.
            x = np.vstack(
                [np.repeat(ks[:, None], ratios.shape[1], 1), np.full(ratios.shape[1], np.nan)]
            )
            y = np.vstack([ratios * exact, np.full(ratios.shape[1], np.nan)])
            line = pool.plot(
                x.T.ravel(),
                y.T.ravel(),
                connect="finite",
                pen=pg.mkPen(themes.with_alpha(colour, 70), width=1),
            )
            pool.label(line, label)
        truth = pool.plot(
            [1, max(self.config.samples, 10)],
            [exact, exact],
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        pool.label(truth, f"exact p(x) = {exact:.6g}")
        pool.end()
        item.setYRange(0, 3 * exact, padding=0)
        self._whole_run_in_x(item, self.config.samples)

    @staticmethod
    def _whole_run_in_x(item: pg.PlotItem, last: int, first: int = 1) -> None:
        """k (or n) from the first checkpoint to the last on the log axis from the start: a range
        fitted to a run's first point alone is meaningless."""
        item.setXRange(np.log10(first), np.log10(max(last, 10)), padding=0.02)  # log10 units

    def _draw_spread(self, snap: RaceSnapshot) -> None:
        item = self.spread_plot.getPlotItem()
        pool = self._pool(item, legend_offset=(-10, 10))
        history = self._run_so_far(snap, RaceSnapshot)
        ks = np.array([s.k for s in history], float)
        for colour, field, label in (
            (UNIFORM, "uniform_rel_std", "uniform"),
            (IMPORTANCE, "importance_rel_std", "importance"),
        ):
            values = np.array([getattr(s, field) for s in history])
            keep = values > 0
            line = _series(pool, ks[keep], values[keep], colour)
            pool.label(line, label)
            if field == "uniform_rel_std" and keep.any():
                start = values[keep][0] * np.sqrt(ks[keep][0])
                guide = pool.plot(
                    ks[[0, -1]],
                    start / np.sqrt(ks[[0, -1]]),
                    pen=themes.pen(self.theme.muted, 1.5, dashed=True),
                )
                pool.label(guide, "∝ 1/√k")
        pool.end()
        self._whole_run_in_x(item, self.config.samples)
        # The spreads fall with k, so above the highest of them lies nothing: the legend's room.
        spreads = [
            getattr(s, f) for s in history for f in ("uniform_rel_std", "importance_rel_std")
        ]
        shown = np.log10([v for v in spreads if v > 0])
        if len(shown):
            low, high = float(shown.min()), float(shown.max())
            high = max(high, low + 1.0)  # at least a decade: one point is no range
            self.steady_range(item, "y", low, headroom_for_legend(item, low, high))

    def _draw_jensen(self, snap: RaceSnapshot) -> None:
        item = self.jensen_plot.getPlotItem()
        pool = self._pool(item)
        history = self._run_so_far(snap, RaceSnapshot)
        ks = np.array([s.k for s in history], float)
        importance = np.array([s.importance_log_mean for s in history])
        low = min(float(importance.min()), snap.truth_log_p) - 0.5
        for colour, field, label in (
            (UNIFORM, "uniform_log_mean", "uniform"),
            (IMPORTANCE, "importance_log_mean", "importance: L_k of q"),
        ):
            values = np.array([getattr(s, field) for s in history])
            line = _series(pool, ks, values, colour)
            pool.label(line, label + _unseen_note(ks, values, low))
        truth = pool.plot(
            [1, max(self.config.samples, 10)],
            [snap.truth_log_p] * 2,
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        pool.label(truth, f"log p(x) = {snap.truth_log_p:.6g}")
        pool.end()
        self._whole_run_in_x(item, self.config.samples)
        # L_k ≤ log p(x) (Jensen): the room above log p(x) holds the legend and nothing else.
        top = headroom_for_legend(item, low, snap.truth_log_p + 0.1)
        item.setYRange(low, top, padding=0)

    def _draw_histogram(self, snap: RaceSnapshot) -> None:
        item = self.histogram_plot.getPlotItem()
        pool = self._pool(item)
        values = np.concatenate([snap.uniform_estimates, snap.importance_estimates])
        top = max(2.0, float(np.quantile(values, 0.99)) if len(values) else 2.0)
        edges = np.linspace(0, top, 41)
        for colour, estimates, label in (
            (UNIFORM, snap.uniform_estimates, "uniform"),
            (IMPORTANCE, snap.importance_estimates, "importance"),
        ):
            counts, _ = np.histogram(np.clip(estimates, 0, top), bins=edges)
            bars = pool.plot(
                edges,
                counts,
                stepMode="center",
                fillLevel=0,
                brush=themes.with_alpha(colour, 90),
                pen=themes.pen(colour, 1.5),
            )
            pool.label(bars, label)
        exact = pool.plot(
            [1, 1],
            [0, len(snap.uniform_estimates)],
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        pool.label(exact, "exact")
        pool.end()
        self.set_title(item, f"{len(snap.uniform_estimates)} chains at k = {snap.k:,}")

    def _draw_proposal(self, snap: RaceSnapshot) -> None:
        item = self.proposal_plot.getPlotItem()
        pool = self._pool(item)
        view = snap.view
        if view is not None:
            bars = view.kind != "density"
            for values, colour, label, width in (
                (view.posterior, self.theme.ink, "exact posterior p(z | x)", 2.5),
                (view.proposal, IMPORTANCE, f"q = {self.config.proposal}", 2.5),
                (view.uniform, UNIFORM, "uniform", 1.5),
            ):
                if bars:  # discrete: a marker per pixel or component, joined to guide the eye
                    line = _series(pool, np.arange(len(values)), values, colour, width, 7)
                else:
                    line = pool.plot(view.axis, values, pen=themes.pen(colour, width))
                pool.label(line, label)
            titles = {
                "density": ("z" if self.config.model == "curve1d" else "z₁", "density"),
                "marginals": ("hidden pixel d", "P(z_d = 1)"),
                "components": ("components, most probable first", "probability"),
            }
            x_label, y_label = titles[view.kind]
            self.set_label(item, "bottom", x_label)
            self.set_label(item, "left", y_label)
            if view.kind == "components":
                ticks = [(i, f"{int(k)}") for i, k in enumerate(view.axis)][
                    :: max(1, len(view.axis) // 10)
                ]
                item.getAxis("bottom").setTicks([ticks])
            elif view.kind == "marginals":
                item.getAxis("bottom").setTicks([[(i, str(i + 1)) for i in range(len(view.axis))]])
            else:
                item.getAxis("bottom").setTicks(None)
                peak = float(max(view.posterior.max(), view.proposal.max()))
                inside = view.axis[(view.posterior > 1e-4 * peak) | (view.proposal > 1e-4 * peak)]
                item.setXRange(float(inside.min()), float(inside.max()), padding=0.05)
        pool.end()
        if view is not None:  # nothing lies above the highest curve: room there for the legend
            top = 1.05 * float(max(view.posterior.max(), view.proposal.max(), view.uniform.max()))
            low = -0.03 * top
            self.steady_range(item, "y", low, headroom_for_legend(item, low, top))

    def _draw_weights(self, snap: RaceSnapshot) -> None:
        item = self.ess_plot.getPlotItem()
        pool = self._pool(item, legend_offset=(-10, -10))
        history = [s for s in self._run_so_far(snap, RaceSnapshot) if s.ess is not None]
        ks = np.array([s.k for s in history], float)
        for values, colour, label in (
            (np.array([s.ess for s in history]) / ks, IMPORTANCE, "ESS / k"),
            (np.array([s.max_weight for s in history]), themes.VERMILLION, "max w / Σ w"),
        ):
            line = _series(pool, ks, values, colour)
            pool.label(line, label)
        pool.end()
        self._whole_run_in_x(item, self.config.samples)

    def _draw_variance(self, snap: GradientsSnapshot, suffix: str = "") -> None:
        """Variance of one sample's estimate of ∂/∂m (suffix "") or ∂/∂log s ("_log_s")."""
        plot = self.variance_plot if not suffix else self.variance_log_s_plot
        item = plot.getPlotItem()
        pool = self._pool(item)
        history = self._run_so_far(snap, GradientsSnapshot)
        ns = np.array([s.n for s in history], float)
        for name, colour in GRADIENT_COLOURS.items():
            values = np.array([getattr(s, f"{name}_var{suffix}") for s in history])
            keep = values > 0
            line = _series(pool, ns[keep], values[keep], colour)
            pool.label(line, f"{name}: {values[-1]:.4g}")
        if snap.exact_score_var is not None and not suffix:  # the closed forms, for f = z²
            span = [10, max(self.config.samples, 10)]
            for value, colour, label in (
                (snap.exact_score_var, GRADIENT_COLOURS["score"], "m⁴/s² + 14m² + 15s²"),
                (snap.exact_reparam_var, GRADIENT_COLOURS["reparam"], "4s²"),
            ):
                guide = pool.plot(span, [value, value], pen=themes.pen(colour, 1.5, dashed=True))
                pool.label(guide, f"exact {label} = {value:.4g}")
        pool.end()
        self._whole_run_in_x(item, self.config.samples, first=10)

    def _draw_means(self, snap: GradientsSnapshot, suffix: str = "") -> None:
        plot = self.mean_plot if not suffix else self.mean_log_s_plot
        item = plot.getPlotItem()
        pool = self._pool(item)
        history = self._run_so_far(snap, GradientsSnapshot)
        ns = np.array([s.n for s in history], float)
        for name, colour in GRADIENT_COLOURS.items():
            values = np.array([getattr(s, f"{name}_mean{suffix}") for s in history])
            line = _series(pool, ns, values, colour)  # dots: the first frame has one point
            pool.label(line, name)
        exact_value = snap.exact_grad_log_s if suffix else snap.exact_grad
        exact = pool.plot(
            [10, max(self.config.samples, 10)],
            [exact_value] * 2,
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        pool.label(exact, f"exact {exact_value:.6g}")
        pool.end()
        self._whole_run_in_x(item, self.config.samples, first=10)

    # --- text -------------------------------------------------------------------------------
    def status_text(self, snap) -> str:
        if isinstance(snap, RaceSnapshot):
            exact = np.exp(snap.truth_log_p)
            parts = [
                f"k = {snap.k:,}",
                f"exact p(x) = {exact:.6g}",
                f"uniform mean {snap.uniform_mean:.6g} (rel. std {snap.uniform_rel_std:.3g})",
                f"importance mean {snap.importance_mean:.6g} "
                f"(rel. std {snap.importance_rel_std:.3g})",
            ]
            if snap.ess is not None:
                parts.append(f"ESS {snap.ess:.4g} of {snap.k:,}")
                parts.append(f"largest weight {snap.max_weight:.3g}")
            if snap.zero_variance:
                parts.append("q is the exact posterior: every weight is p(x), zero variance")
            parts.append(f"seed {self.config.seed}")
            return " · ".join(parts)
        if isinstance(snap, GradientsSnapshot):
            return (
                f"n = {snap.n:,} · exact ∂/∂m = {snap.exact_grad:.6g} · variances: score "
                f"{snap.score_var:.4g}, baseline {snap.baseline_var:.4g}, reparameterisation "
                f"{snap.reparam_var:.4g} · exact ∂/∂log s = {snap.exact_grad_log_s:.6g} · "
                f"seed {self.config.seed}"
            )
        return super().status_text(snap)


RACE_TEXT = (
    "<p>p(x) = Σ<sub>z</sub> p(x, z) is known exactly here. <b>Naive Monte Carlo</b> (blue): "
    "draw z uniformly and estimate P<sub>k</sub> = |Z| (1/k) Σ p(x, z<sub>i</sub>): unbiased, "
    "but few z explain x, so most draws add nothing and the estimate jumps (seed 000, first "
    "attempt). "
    "<b>Importance sampling</b> (orange): draw z ~ q near the posterior, P<sub>k</sub> = (1/k) "
    "Σ p(x, z<sub>i</sub>)/q(z<sub>i</sub>) (second attempt). With q the exact posterior every "
    "weight equals p(x): zero variance.</p>"
    "<p>Both spreads fall as 1/√k; importance sampling starts far lower. log P<sub>k</sub> "
    "is biased down (Jensen): its mean is the IWAE bound L<sub>k</sub>, rising with k toward "
    "log p(x); L<sub>1</sub> is the ELBO.</p>"
)
GRADIENTS_TEXT = (
    "<p>∂/∂m of E<sub>q</sub>[f(z)] for q = N(m, s²) from one sample z = m + sε: "
    "<b>score function</b> f(z)(z − m)/s², the same with a <b>baseline</b> b subtracted from f "
    "(here the mean of f over the other samples, which keeps it unbiased), and "
    "<b>reparameterisation</b> f′(m + sε). All three are unbiased; their variances differ by "
    "orders of magnitude. For f = z²: 4s² for reparameterisation, m⁴/s² + 14m² + 15s² for "
    "the score function.</p>"
)


def _unseen_note(ks: np.ndarray, values: np.ndarray, low: float) -> str:
    """Why part of a mean-of-log series is not to be seen: a chain whose every sample missed
    has P_k = 0 and log P_k = −∞, so the mean over chains is −∞ until every chain has a hit;
    and naive Monte Carlo's mean can lie far below the axis, which is scaled for L_k."""
    if not len(values):
        return ""
    if values[-1] == -np.inf:
        return ": −∞ (a chain has no hit yet)"
    if values[-1] < low:  # no number: a text that changed at every frame relaid the legend
        return ": below the axis so far"
    hidden = np.flatnonzero(~(values >= low))
    if not len(hidden):
        return ""
    until = f"{ks[hidden[-1] + 1]:,.0f}"
    if (values[: hidden[-1] + 1] == -np.inf).any():
        return f" (−∞ until k = {until}: a chain had no hit)"
    return f" (below the axis until k = {until})"
