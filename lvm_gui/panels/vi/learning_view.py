"""Variational learning (seed 000 figure 0016, seed 001): log p(x; θ) and the ELBO curves
ELBO(θ; φ) below it, climbed by alternating φ and θ: a staircase that never falls."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QGridLayout, QWidget

from engine.geometry.vi import staircase
from engine.vi.learning import LearningSnapshot
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, engine_words, translate
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot, scrolling

CURRENT, PREVIOUS, STAIRS = themes.ORANGE, themes.VERMILLION, themes.BLUE
TEXT = QT_TRANSLATE_NOOP(
    "LearningView",
    "Left: log p(x; θ) (black), the marginal likelihood learning is after, and the ELBO "
    "ELBO(θ; φ) as a curve over θ for the current φ (orange) and the one before (red, faint): "
    "each lies below log p(x; θ). A φ step holds θ and raises the ELBO to its best q (up); a θ "
    "step holds φ and moves to its curve's top (along): the staircase (blue) never falls. With "
    "method = em, q is the exact posterior: each curve touches log p(x; θ) where it was made, "
    "and the θ step is EM's M-step. Right: the ELBO and log p(x; θ) half-step by half-step.",
)


class LearningView(View):
    def build(self) -> QWidget:
        nats = QT_TRANSLATE_NOOP("CAVIView", "nats")
        self.curves_plot = make_plot(
            QT_TRANSLATE_NOOP("LearningView", "log p(x; θ) and ELBO(θ; φ)"), "θ", nats
        )
        self.steps_plot = make_plot(
            QT_TRANSLATE_NOOP("LearningView", "per half-step"),
            QT_TRANSLATE_NOOP("MeansView", "half-step"),
            nats,
        )
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.curves_plot, 0, 0)
        grid.addWidget(self.steps_plot, 0, 1)
        return scrolling(page, plot_height=380)

    def plots(self) -> dict[str, QWidget]:
        return {"curves": self.curves_plot, "steps": self.steps_plot}

    def what_you_see(self) -> str:
        return TEXT.translated()

    def draw_parts(self, snap: LearningSnapshot):
        return [
            ("curves", lambda: self._draw_curves(snap)),
            ("steps", lambda: self._draw_steps(snap)),
        ]

    def _previous(self, snap: LearningSnapshot) -> LearningSnapshot | None:
        """The kept snapshot of the φ before this one's (its curve drawn faint)."""
        for earlier in reversed([s for s in self.history if s.step < snap.step]):
            if earlier.phi != snap.phi:
                return earlier
        return None

    def _draw_curves(self, snap: LearningSnapshot) -> None:
        item = self.curves_plot.getPlotItem()
        pool = self.pool(item, legend_offset=(10, -10))
        marginal = pool.plot(
            snap.curve_theta, snap.curve_log_px, pen=themes.pen(self.theme.ink, 2.5)
        )
        pool.label(marginal, "log p(x; θ)")
        previous = self._previous(snap)
        if previous is not None:
            faint = pool.plot(
                previous.curve_theta,
                previous.curve_elbo,
                pen=themes.pen(PREVIOUS, 1.5, dashed=True),
            )
            pool.label(faint, translate("LearningView", "ELBO(θ; φ before)"))
        current = pool.plot(snap.curve_theta, snap.curve_elbo, pen=themes.pen(CURRENT, 2.5))
        pool.label(current, translate("LearningView", "ELBO(θ; φ now)"))
        run = self.history.traces_to(snap, "theta", "elbo")
        stairs = staircase(run["theta"], run["elbo"])
        walk = pool.plot(
            stairs[:, 0],
            stairs[:, 1],
            pen=themes.pen(STAIRS, 2),
            symbol="o",
            symbolSize=6,
            symbolBrush=STAIRS,
            symbolPen=None,
        )
        pool.label(walk, translate("LearningView", "the staircase"))
        pool.end()
        top = float(np.max(snap.curve_log_px))
        low = float(min(np.min(stairs[:, 1]), np.quantile(snap.curve_log_px, 0.2)))
        item.setXRange(snap.curve_theta[0], snap.curve_theta[-1], padding=0)
        self.steady_range(item, "y", low, top + 0.1 * (top - low))

    def _draw_steps(self, snap: LearningSnapshot) -> None:
        item = self.steps_plot.getPlotItem()
        pool = self.pool(item, legend_offset=(-10, -10))
        run = self.history.traces_to(snap, "step", "elbo", "log_px")
        bound = pool.plot(
            run["step"],
            run["elbo"],
            pen=themes.pen(CURRENT, 2),
            symbol="o",
            symbolSize=5,
            symbolBrush=CURRENT,
            symbolPen=None,
        )
        pool.label(bound, "ELBO")
        marginal = pool.plot(
            run["step"], run["log_px"], pen=themes.pen(self.theme.ink, 2, dashed=True)
        )
        pool.label(marginal, "log p(x; θ)")
        pool.end()
        item.setXRange(0, max(2 * self.config.rounds, 1), padding=0.02)

    def status_text(self, snap: LearningSnapshot) -> str:
        phase = {
            "start": translate("LearningView", "the start"),
            "phi": translate("LearningView", "φ updated, θ held"),
            "theta": translate("LearningView", "θ updated, φ held"),
        }[snap.phase]
        step = translate("LearningView", "half-step {step} of {steps} ({phase})")
        return " · ".join(
            [
                step.format(step=snap.step, steps=2 * self.config.rounds, phase=phase),
                f"θ = {snap.theta:.5f}",
                f"ELBO {snap.elbo:.5f} ≤ log p(x; θ) {snap.log_px:.5f}",
                translate("LearningView", "gap {gap:.2e}").format(gap=snap.log_px - snap.elbo),
                "q: " + engine_words.choice("method", self.config.method),
            ]
        )
