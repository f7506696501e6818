"""KL(p ‖ q) against KL(q ‖ p) on one posterior: mass covering against mode seeking."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QGridLayout, QWidget

from engine.geometry.vi import normal_density
from engine.vi.gauss_experiment import KLSnapshot
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, engine_words, translate
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot, scrolling

FORWARD, REVERSE = themes.BLUE, themes.ORANGE
TEXT = QT_TRANSLATE_NOOP(
    "KLView",
    "The posterior p(z | x) (black) and the two gaussians that fit it best, each by one KL. "
    "Blue minimises KL(p ‖ q): it must put mass wherever p has some, so it takes p's mean and "
    "variance (moment matching) and covers both modes. Orange minimises KL(q ‖ p), the gap "
    "under the ELBO that variational inference closes: q pays for mass where p has none, so "
    "it sits on one mode, narrower than p (mode seeking). Right: each q's two KLs.",
)


class KLView(View):
    autorun = True

    def build(self) -> QWidget:
        self.density_plot = make_plot(
            QT_TRANSLATE_NOOP("KLView", "p(z | x) and its two best gaussians"),
            "z",
            QT_TRANSLATE_NOOP("RaceView", "density"),
        )
        self.kl_plot = make_plot(
            QT_TRANSLATE_NOOP("KLView", "each q's KL both ways"),
            "",
            QT_TRANSLATE_NOOP("CAVIView", "nats"),
        )
        self.kl_plot.getPlotItem().getAxis("bottom").setTicks(
            [[(0, "KL(p ‖ q)"), (1, "KL(q ‖ p)")]]
        )
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.density_plot, 0, 0)
        grid.addWidget(self.kl_plot, 0, 1)
        return scrolling(page, plot_height=380)

    def plots(self) -> dict[str, QWidget]:
        return {"density": self.density_plot, "kl": self.kl_plot}

    def what_you_see(self) -> str:
        return TEXT.translated()

    def draw_parts(self, snap: KLSnapshot):
        return [("density", lambda: self._draw_density(snap)), ("kl", lambda: self._draw_kl(snap))]

    def _draw_density(self, snap: KLSnapshot) -> None:
        item = self.density_plot.getPlotItem()
        pool = self.pool(item)
        z = snap.z
        posterior = pool.plot(z, snap.density, pen=themes.pen(self.theme.ink, 2.5))
        pool.label(posterior, "p(z | x)")
        forward = pool.plot(
            z, normal_density(z, snap.forward_m, snap.forward_s), pen=themes.pen(FORWARD, 2.5)
        )
        # N(mean, variance), as seed 000 writes its gaussians.
        pool.label(forward, f"argmin KL(p ‖ q): N({snap.forward_m:.3f}, {snap.forward_s**2:.3f})")
        reverse = pool.plot(
            z, normal_density(z, snap.reverse_m, snap.reverse_s), pen=themes.pen(REVERSE, 2.5)
        )
        pool.label(reverse, f"argmin KL(q ‖ p): N({snap.reverse_m:.3f}, {snap.reverse_s**2:.3f})")
        peaks = np.interp(snap.modes, z, snap.density)
        modes = pool.scatter(
            list(snap.modes), list(peaks), symbol="t", size=11, brush=self.theme.ink
        )
        pool.label(modes, translate("KLView", "p's modes"))
        pool.end()
        mass = snap.density > 1e-4 * snap.density.max()
        low, high = z[mass][0] - 1.0, z[mass][-1] + 1.0
        item.setXRange(low, high, padding=0)
        top = max(float(snap.density.max()), 1.0 / (snap.reverse_s * np.sqrt(2 * np.pi)))
        item.setYRange(0, 1.45 * top, padding=0)

    def _draw_kl(self, snap: KLSnapshot) -> None:
        item = self.kl_plot.getPlotItem()
        pool = self.pool(item)
        for offset, colour, values, name in (
            (
                -0.15,
                FORWARD,
                (snap.forward_kl, snap.forward_reverse_kl),
                translate("KLView", "moment-matched q"),
            ),
            (
                0.15,
                REVERSE,
                (snap.reverse_forward_kl, snap.reverse_kl),
                translate("KLView", "mode-seeking q"),
            ),
        ):
            dots = pool.scatter(
                [0 + offset, 1 + offset], list(values), size=12, brush=colour, symbol="s"
            )
            pool.label(dots, f"{name}: {values[0]:.4f}, {values[1]:.4f}")
            for x, value in zip((0 + offset, 1 + offset), values, strict=True):
                pool.plot([x, x], [0, value], pen=themes.pen(colour, 6))
        pool.end()
        item.setXRange(-0.6, 1.6, padding=0)
        high = max(
            snap.forward_kl, snap.reverse_kl, snap.forward_reverse_kl, snap.reverse_forward_kl
        )
        item.setYRange(0, 1.4 * high, padding=0)

    def status_text(self, snap: KLSnapshot) -> str:
        posterior = translate(
            "KLView", "{posterior} posterior: mean {mean:.4f}, sd {sd:.4f}, modes {modes}"
        )
        least = translate("KLView", "{kl} least at N({m:.3f}, {s:.3f}²): {value:.4f}")
        return " · ".join(
            [
                posterior.format(
                    posterior=engine_words.choice("posterior", self.config.posterior),
                    mean=snap.posterior_mean,
                    sd=snap.posterior_sd,
                    modes=", ".join(f"{m:.3f}" for m in snap.modes),
                ),
                least.format(
                    kl="KL(p ‖ q)", m=snap.forward_m, s=snap.forward_s, value=snap.forward_kl
                ),
                least.format(
                    kl="KL(q ‖ p)", m=snap.reverse_m, s=snap.reverse_s, value=snap.reverse_kl
                ),
            ]
        )
