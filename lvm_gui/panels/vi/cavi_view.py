"""Mean-field coordinate ascent (seed 002): p's contours and q₁q₂'s, sweep by sweep, each
coordinate update a half-step; the means' error shrinking by ρ² a sweep; KL(q ‖ p)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QWidget
from superqt import QLabeledDoubleSlider

from engine.geometry.vi import (
    contraction_guide,
    correlated_ellipses,
    factor_ellipses,
    grid_contours,
    half_step_path,
)
from engine.vi.cavi import CAVISnapshot
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot, scrolling

Q_COLOUR = themes.ORANGE
WALK_COLOUR = themes.BLUE  # the means' path: unlike q's orange circles it runs through
TEXT = QT_TRANSLATE_NOOP(
    "CAVIView",
    "Left: p(z₁, z₂)'s 1σ and 2σ contours (black) and q₁(z₁) q₂(z₂)'s (orange), with the path "
    "of q's means: each sweep updates q₁ with q₂ held (a move along z₁), then q₂ (along z₂). "
    "On the correlated gaussian the factors' variance is 1 − ρ², not the marginals' 1: mean "
    "field is overconfident, and KL(q ‖ p) ends at −½ log(1 − ρ²). Right: the means' error, "
    "shrinking by ρ² a sweep, and the KL falling to its optimum. The banana is not gaussian: "
    "its factors are found on a grid, and no choice of them is exact.",
)


class CAVIView(View):
    def build_controls(self) -> QWidget:
        """ρ as a slider: every value of a drag goes into the running sweeps, which start again
        with it (no new thread)."""
        box = QGroupBox()
        i18n.show(box, QGroupBox.setTitle, lambda: translate("CAVIView", "Correlation ρ"))
        layout = QFormLayout(box)
        self.rho_slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.rho_slider.setRange(-0.99, 0.99)
        self.rho_slider.valueChanged.connect(self._on_rho)
        self._syncing = False
        layout.addRow("ρ", self.rho_slider)
        self.rho_box = box
        return box

    def _on_rho(self, value: float) -> None:
        if not self._syncing:
            self.panel.set_params(rho=round(value, 3))

    def config_changed(self, config) -> None:
        self.rho_box.setVisible(config.target == "gaussian")
        self._syncing = True
        try:
            self.rho_slider.setValue(float(config.rho))
        finally:
            self._syncing = False

    def build(self) -> QWidget:
        self.contour_plot = make_plot(QT_TRANSLATE_NOOP("CAVIView", "p and q₁q₂"), "z₁", "z₂")
        self.contour_plot.getPlotItem().getViewBox().setAspectLocked(True)
        sweep = QT_TRANSLATE_NOOP("CAVIView", "sweep")
        self.error_plot = make_plot(
            QT_TRANSLATE_NOOP("CAVIView", "the means' error"), sweep, "|m − μ|", log_y=True
        )
        self.kl_plot = make_plot("KL(q ‖ p)", sweep, QT_TRANSLATE_NOOP("CAVIView", "nats"))
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.contour_plot, 0, 0, 2, 1)
        grid.addWidget(self.error_plot, 0, 1)
        grid.addWidget(self.kl_plot, 1, 1)
        return scrolling(page, plot_height=260)

    def plots(self) -> dict[str, QWidget]:
        return {"contours": self.contour_plot, "error": self.error_plot, "kl": self.kl_plot}

    def what_you_see(self) -> str:
        return TEXT.translated()

    def draw_parts(self, snap: CAVISnapshot):
        return [
            ("contours", lambda: self._draw_contours(snap)),
            ("error", lambda: self._draw_error(snap)),
            ("kl", lambda: self._draw_kl(snap)),
        ]

    def _draw_contours(self, snap: CAVISnapshot) -> None:
        item = self.contour_plot.getPlotItem()
        pool = self.pool(item)
        config = self.config
        if snap.target is None:
            p_lines = correlated_ellipses(config.mean, config.rho)
            q_lines = factor_ellipses(snap.m1, snap.m2, snap.v1, snap.v2)
        else:
            a, b = snap.target.axes()
            p_lines = [grid_contours(snap.target.log_p(), a, b)]
            log_q = np.log(np.maximum(np.outer(snap.q1, snap.q2), 1e-300))
            q_lines = [grid_contours(log_q, a, b)]
        for k, line in enumerate(p_lines):
            curve = pool.plot(
                line[:, 0], line[:, 1], connect="finite", pen=themes.pen(self.theme.ink, 2)
            )
            if k == 0:
                pool.label(curve, "p(z₁, z₂)")
        for k, line in enumerate(q_lines):
            curve = pool.plot(line[:, 0], line[:, 1], connect="finite", pen=themes.pen(Q_COLOUR, 2))
            if k == 0:
                pool.label(curve, "q₁(z₁) q₂(z₂)")
        run = self.history.traces_to(snap, "half_m1", "half_m2", "m1", "m2")
        # Sweep 0 is the start itself; each later sweep adds its two half-steps.
        path = half_step_path(
            config.start, run["half_m1"][1:], run["half_m2"][1:], run["m1"][1:], run["m2"][1:]
        )
        walk = pool.plot(
            path[:, 0],
            path[:, 1],
            pen=themes.pen(WALK_COLOUR, 1.5),
            symbol="o",
            symbolSize=5,
            symbolBrush=WALK_COLOUR,
            symbolPen=None,
        )
        pool.label(walk, translate("CAVIView", "q's means, a half-step per coordinate"))
        pool.end()
        # p, q and the whole path in view, both axes at once (the view keeps its aspect: set one
        # axis at a time, the second undid the first), moved only when something leaves it.
        everything = np.vstack([*p_lines, *q_lines, path])
        finite = everything[np.isfinite(everything).all(1)]
        (x0, y0), (x1, y1) = finite.min(0), finite.max(0)
        (vx0, vx1), (vy0, vy1) = item.getViewBox().viewRange()
        if not (vx0 <= x0 and x1 <= vx1 and vy0 <= y0 and y1 <= vy1):
            item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.05)

    def _draw_error(self, snap: CAVISnapshot) -> None:
        item = self.error_plot.getPlotItem()
        pool = self.pool(item)
        run = self.history.traces_to(snap, "step", "error")
        keep = run["error"] > 0
        line = pool.plot(
            run["step"][keep],
            run["error"][keep],
            pen=themes.pen(Q_COLOUR, 2),
            symbol="o",
            symbolSize=5,
            symbolBrush=Q_COLOUR,
            symbolPen=None,
        )
        pool.label(line, "|m − μ|")
        rho = self.config.rho
        if snap.target is None and abs(rho) > 0 and keep.sum() > 1:
            first = run["error"][1] if len(run["error"]) > 1 else run["error"][0]
            steps = run["step"][1:]
            guide = contraction_guide(steps, first, rho)
            shown = guide > 1e-300
            curve = pool.plot(
                steps[shown], guide[shown], pen=themes.pen(self.theme.muted, 1.5, dashed=True)
            )
            pool.label(curve, f"∝ ρ²ᵗ = {rho * rho:.3f}ᵗ")
        pool.end()
        item.setXRange(0, max(self.config.sweeps, 1), padding=0.02)

    def _draw_kl(self, snap: CAVISnapshot) -> None:
        item = self.kl_plot.getPlotItem()
        pool = self.pool(item)
        run = self.history.traces_to(snap, "step", "kl", "half_kl")
        line = pool.plot(
            run["step"],
            run["kl"],
            pen=themes.pen(Q_COLOUR, 2),
            symbol="o",
            symbolSize=5,
            symbolBrush=Q_COLOUR,
            symbolPen=None,
        )
        pool.label(line, translate("CAVIView", "after each sweep"))
        if snap.optimum_kl is not None:
            optimum = pool.plot(
                [0, max(self.config.sweeps, 1)],
                [snap.optimum_kl, snap.optimum_kl],
                pen=themes.pen(self.theme.ink, 2, dashed=True),
            )
            pool.label(optimum, f"−½ log(1 − ρ²) = {snap.optimum_kl:.6f}")
        pool.end()
        item.setXRange(0, max(self.config.sweeps, 1), padding=0.02)
        kls = run["kl"][np.isfinite(run["kl"])]
        if len(kls):
            low = min(float(kls.min()), snap.optimum_kl or float(kls.min()))
            shown = np.sort(kls)[-min(len(kls), 2)]  # the start's KL may dwarf the rest
            self.steady_range(item, "y", max(0.0, low - 0.05), max(shown, low + 0.1) * 1.3)

    def status_text(self, snap: CAVISnapshot) -> str:
        sweep = translate("CAVIView", "sweep {step} of {sweeps}")
        variances = translate("CAVIView", "variances ({v1:.4f}, {v2:.4f})")
        parts = [
            sweep.format(step=snap.step, sweeps=self.config.sweeps),
            f"m = ({snap.m1:.5f}, {snap.m2:.5f})",
            variances.format(v1=snap.v1, v2=snap.v2),
            f"KL(q ‖ p) {snap.kl:.6f}",
        ]
        if snap.optimum_kl is not None:
            rho = self.config.rho
            optimum = translate(
                "CAVIView",
                "1 − ρ² = {variance:.4f} against the marginals' 1; optimum KL "
                "−½ log(1 − ρ²) = {kl:.6f}",
            )
            parts.append(optimum.format(variance=1 - rho * rho, kl=snap.optimum_kl))
        if not math.isfinite(snap.kl):
            parts.append(translate("CAVIView", "KL not finite"))
        return " · ".join(parts)
