"""The race: naive Monte Carlo against importance sampling for p(x) (seed 000)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from engine.config import ExperimentConfig
from engine.estimators.models import ProposalProfile
from engine.estimators.race import RaceSnapshot
from engine.geometry.estimators import (
    ProposalView,
    chains_polyline,
    density_extent,
    inverse_sqrt_guide,
    log_mean_standard_error,
    proposal_view,
)
from lvm_gui import theme as themes
from lvm_gui.flowing_page import FlowingPage
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.estimators import race_texts
from lvm_gui.panels.estimators.proposal_sliders import proposal_sliders
from lvm_gui.panels.estimators.series import IMPORTANCE, UNIFORM, unseen_note
from lvm_gui.panels.estimators.series import series as _series
from lvm_gui.panels.view import View
from lvm_gui.plots import headroom_for_legend, legend_below, make_plot, whole_run_in_x

# The estimate is written P_k, not p̂_k: Qt misplaces a combining circumflex next to subscripts.
CHAINS_DRAWN = 100  # running estimates drawn for at most this many chains of each estimator


class RaceView(View):
    hidden_params = frozenset({"device"})

    def build_controls(self) -> QWidget:
        """Sliders that move the gaussian proposal q = N(mean, scale²) over continuous z."""
        self.slider_box, self.q_mean_slider, self.q_scale_slider = proposal_sliders()
        # Every value of a drag is sent into the running race (ExperimentController.steer):
        # no thread is started, and the worker takes the newest value at its next step.
        for slider in (self.q_mean_slider, self.q_scale_slider):
            slider.valueChanged.connect(self._on_slider)
        self._sliders_syncing = False
        return self.slider_box

    def _on_slider(self, _value: float) -> None:
        if not self._sliders_syncing:
            self.panel.set_params(
                proposal="gaussian",
                q_mean=(round(self.q_mean_slider.value(), 3),),
                q_scale=(round(self.q_scale_slider.value(), 3),),
            )

    def config_changed(self, config: ExperimentConfig) -> None:
        continuous = config.model in ("curve1d", "curve2d", "vae")
        self.slider_box.setVisible(continuous)
        if not continuous:
            return
        self._sliders_syncing = True
        try:
            self.q_mean_slider.setValue(float(config.q_mean[0]))
            self.q_scale_slider.setValue(float(config.q_scale[0]))
        finally:
            self._sliders_syncing = False

    def build(self) -> QWidget:
        self._profile_shown: tuple[ProposalProfile, ProposalView] | None = None
        # Both axes logarithmic: a naive chain's jump to 10 p(x) and a dip to p(x)/10 are the
        # same distance from the truth, and the jumps are not cut off at the top.
        self.estimates_plot = make_plot(
            QT_TRANSLATE_NOOP("RaceView", "P_k of every chain"), "k", "P_k", True, True
        )
        legend_below(self.estimates_plot, columns=2)  # the chains fill every corner
        self.spread_plot = make_plot(
            QT_TRANSLATE_NOOP("RaceView", "spread across chains"),
            "k",
            QT_TRANSLATE_NOOP("RaceView", "std of P_k / p(x)"),
            True,
            True,
        )
        self.jensen_plot = make_plot(
            QT_TRANSLATE_NOOP("RaceView", "mean log P_k ≈ L_k ≤ log p(x)"),
            "k",
            QT_TRANSLATE_NOOP("RaceView", "mean of log P_k"),
            True,
        )
        self.histogram_plot = make_plot(
            QT_TRANSLATE_NOOP("RaceView", "final estimates"),
            "P_k / p(x)",
            QT_TRANSLATE_NOOP("RaceView", "chains"),
        )
        self.proposal_plot = make_plot(
            QT_TRANSLATE_NOOP("RaceView", "q beside the posterior"),
            "z",
            QT_TRANSLATE_NOOP("RaceView", "density"),
        )
        self.ess_plot = make_plot(
            QT_TRANSLATE_NOOP("RaceView", "importance weights"),
            "k",
            QT_TRANSLATE_NOOP("RaceView", "fraction"),
            True,
            True,
        )
        # Three a row where the width holds them (a projector's 1280 × 720: two rows, no
        # scrolling), else two or one (lvm_gui.flowing_page).
        return FlowingPage(
            [
                [(self.estimates_plot, 1), (self.spread_plot, 1), (self.proposal_plot, 1)],
                [(self.histogram_plot, 1), (self.jensen_plot, 1), (self.ess_plot, 1)],
            ]
        )

    def plots(self) -> dict[str, QWidget]:
        return {
            "estimates": self.estimates_plot,
            "spread": self.spread_plot,
            "proposal": self.proposal_plot,
            "jensen": self.jensen_plot,
            "histogram": self.histogram_plot,
            "weights": self.ess_plot,
        }

    def what_you_see(self) -> str:
        return race_texts.what_you_see(self.config.model)

    def draw_parts(self, snap: RaceSnapshot):
        return [
            ("estimates", lambda: self._draw_estimates(snap)),
            ("spread", lambda: self._draw_spread(snap)),
            ("jensen", lambda: self._draw_jensen(snap)),
            ("histogram", lambda: self._draw_histogram(snap)),
            ("proposal", lambda: self._draw_proposal(snap)),
            ("weights", lambda: self._draw_weights(snap)),
        ]

    def _draw_estimates(self, snap: RaceSnapshot) -> None:
        item = self.estimates_plot.getPlotItem()
        pool = self.pool(item)
        exact = np.exp(snap.truth_log_p)
        highest = 3 * exact
        for colour, field, label in (
            (
                UNIFORM,
                "uniform_estimates",
                translate("RaceView", "naive MC, z ~ {q}").format(q=race_texts.naive(snap)),
            ),
            (
                IMPORTANCE,
                "importance_estimates",
                translate("RaceView", "importance, q = {q}").format(
                    q=race_texts.proposal(self.config.proposal)
                ),
            ),
        ):
            run = self.history.traces_to(snap, "k", field)
            ratios = run[field][:, :CHAINS_DRAWN]  # (t, C)
            x, y = chains_polyline(run["k"], ratios * exact)
            if np.isfinite(y).any():
                highest = max(highest, float(np.nanmax(y)))
            line = pool.plot(
                x,
                y,
                connect="finite",
                pen=pg.mkPen(themes.with_alpha(colour, 70), width=1),
            )
            pool.label(line, label)
        truth = pool.plot(
            [1, max(self.config.samples, 10)],
            [exact, exact],
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        pool.label(truth, race_texts.truth_text(snap))
        pool.end()
        # From p(x)/30 (chains that have hit nothing yet enter from below) to the highest
        # chain: every jump in view.
        # A log axis: its range in log10 units.
        self.steady_range(item, "y", math.log10(exact / 30), math.log10(highest))
        whole_run_in_x(item, self.config.samples)

    def _draw_spread(self, snap: RaceSnapshot) -> None:
        item = self.spread_plot.getPlotItem()
        pool = self.pool(item, legend_offset=(-10, 10))
        run = self.history.traces_to(snap, "k", "uniform_rel_std", "importance_rel_std")
        ks = run["k"]
        for colour, field, label in (
            (UNIFORM, "uniform_rel_std", race_texts.naive(snap)),
            (IMPORTANCE, "importance_rel_std", translate("RaceView", "importance")),
        ):
            values = run[field]
            keep = values > 0
            line = _series(pool, ks[keep], values[keep], colour)
            pool.label(line, label)
            if field == "uniform_rel_std" and keep.any():
                guide = pool.plot(
                    *inverse_sqrt_guide(ks, values),
                    pen=themes.pen(self.theme.muted, 1.5, dashed=True),
                )
                pool.label(guide, "∝ 1/√k")
        pool.end()
        whole_run_in_x(item, self.config.samples)
        # The spreads fall with k, so above the highest of them lies nothing: the legend's room.
        spreads = np.concatenate([run["uniform_rel_std"], run["importance_rel_std"]])
        shown = np.log10(spreads[spreads > 0])
        if len(shown):
            low, high = float(shown.min()), float(shown.max())
            high = max(high, low + 1.0)  # at least a decade: one point is no range
            self.steady_range(item, "y", low, headroom_for_legend(item, low, high))

    def _draw_jensen(self, snap: RaceSnapshot) -> None:
        """The mean over the chains of log P_k, an estimate of L_k with its ± 2 standard
        errors (the chains' spread over √chains): L_k ≤ log p(x), but a mean of 50 chains may
        lie above log p(x) by chance, within its band."""
        item = self.jensen_plot.getPlotItem()
        pool = self.pool(item)
        run = self.history.traces_to(
            snap,
            "k",
            "uniform_log_mean",
            "importance_log_mean",
            "uniform_estimates",
            "importance_estimates",
        )
        ks = run["k"]
        low = min(float(run["importance_log_mean"].min()), snap.truth_log_p) - 0.5
        high = snap.truth_log_p
        for colour, field, label in (
            (UNIFORM, "uniform", race_texts.naive(snap)),
            (IMPORTANCE, "importance", translate("RaceView", "importance: L_k of q")),
        ):
            values = run[f"{field}_log_mean"]
            line = _series(pool, ks, values, colour)
            pool.label(line, label + unseen_note(ks, values, low))
            band = 2 * log_mean_standard_error(run[f"{field}_estimates"])
            if np.isfinite(band).any():
                for sign in (1, -1):
                    edge = pool.plot(ks, values + sign * band, pen=themes.pen(colour, 1, True))
                if field == "importance":
                    pool.label(edge, translate("RaceView", "± 2 standard errors over the chains"))
                    high = max(high, float(np.nanmax(values + band)))
        truth = pool.plot(
            [1, max(self.config.samples, 10)],
            [snap.truth_log_p] * 2,
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        sign = "=" if snap.reference_se is None else "≈"
        pool.label(truth, f"log p(x) {sign} {snap.truth_log_p:.6g}")
        pool.end()
        whole_run_in_x(item, self.config.samples)
        # Room above the highest band for the legend.
        top = headroom_for_legend(item, low, high + 0.1)
        item.setYRange(low, top, padding=0)

    def _draw_histogram(self, snap: RaceSnapshot) -> None:
        item = self.histogram_plot.getPlotItem()
        pool = self.pool(item)
        values = np.concatenate([snap.uniform_estimates, snap.importance_estimates])
        top = max(2.0, float(np.quantile(values, 0.99)) if len(values) else 2.0)
        edges = np.linspace(0, top, 41)
        for colour, estimates, label in (
            (UNIFORM, snap.uniform_estimates, race_texts.naive(snap)),
            (IMPORTANCE, snap.importance_estimates, translate("RaceView", "importance")),
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
        pool.label(
            exact,
            translate("RaceView", "exact")
            if snap.reference_se is None
            else translate("RaceView", "reference"),
        )
        pool.end()
        title = translate("RaceView", "{chains} chains at k = {k:,}")
        self.set_title(item, title.format(chains=len(snap.uniform_estimates), k=snap.k))

    def _draw_proposal(self, snap: RaceSnapshot) -> None:
        item = self.proposal_plot.getPlotItem()
        pool = self.pool(item)
        view = self._proposal_view(snap)
        if view is not None:
            bars = view.kind != "density"
            for values, colour, label, width in (
                (view.posterior, self.theme.ink, race_texts.posterior(snap), 2.5),
                (
                    view.proposal,
                    IMPORTANCE,
                    f"q = {race_texts.proposal(self.config.proposal)}",
                    3.5,
                ),
                (view.uniform, UNIFORM, race_texts.naive(snap), 1.5),
            ):
                if bars:  # discrete: a marker per pixel or component, joined to guide the eye
                    line = _series(pool, np.arange(len(values)), values, colour, width, 7)
                else:
                    line = pool.plot(view.axis, values, pen=themes.pen(colour, width))
                pool.label(line, label)
            # The exact posterior over q, thin, dashed and hollow-marked: where q fits it well
            # the two coincide, and the posterior drawn under q was lost.
            posterior = pool.labelled(race_texts.posterior(snap))
            posterior.setZValue(1)
            posterior.setPen(themes.pen(self.theme.ink, 1.5, dashed=True))
            if bars:
                posterior.setSymbolBrush(None)
                posterior.setSymbolPen(themes.pen(self.theme.ink, 1.5))
                posterior.setSymbolSize(11)
            titles = {
                "density": (
                    "z" if self.config.model == "curve1d" else "z₁",
                    translate("RaceView", "density"),
                ),
                "marginals": (translate("RaceView", "hidden pixel d"), "P(z_d = 1)"),
                "components": (
                    translate("RaceView", "components, most probable first"),
                    translate("RaceView", "probability"),
                ),
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
                item.setXRange(*density_extent(view), padding=0.05)
        pool.end()
        if view is not None:
            top = 1.05 * float(max(view.posterior.max(), view.proposal.max(), view.uniform.max()))
            if view.kind == "marginals":  # probabilities: the axis ends at 1
                self.steady_range(item, "y", -0.03, 1.03)
            else:  # nothing lies above the highest curve: room there for the legend
                low = -0.03 * top
                self.steady_range(item, "y", low, headroom_for_legend(item, low, top))

    def _proposal_view(self, snap: RaceSnapshot) -> ProposalView | None:
        """The proposal plot's geometry, worked out once per race (every checkpoint of a race
        shares its q and so its profile)."""
        if snap.profile is None:
            return None
        if self._profile_shown is None or self._profile_shown[0] is not snap.profile:
            self._profile_shown = (snap.profile, proposal_view(snap.profile))
        return self._profile_shown[1]

    def _draw_weights(self, snap: RaceSnapshot) -> None:
        item = self.ess_plot.getPlotItem()
        pool = self.pool(item, legend_offset=(-10, -10))
        run = self.history.traces_to(snap, "k", "ess", "max_weight")
        shown = np.isfinite(run["ess"])
        ks = run["k"][shown]
        for values, colour, label in (
            (run["ess"][shown] / ks, IMPORTANCE, translate("RaceView", "ESS / k")),
            (run["max_weight"][shown], themes.VERMILLION, "max w / Σ w"),
        ):
            line = _series(pool, ks, values, colour)
            pool.label(line, label)
        pool.end()
        whole_run_in_x(item, self.config.samples)

    def status_text(self, snap: RaceSnapshot) -> str:
        return race_texts.status(snap, self.config.seed)
