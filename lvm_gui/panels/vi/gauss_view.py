"""q = N(m, s²) against p(z | x): the densities, the ELBO over (m, log s) with the ascent's
paths, and log p(x) = ELBO + KL as bars that move while q is dragged (seed 000)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGridLayout, QWidget

from engine.geometry.vi import normal_density, scale_from_peak, surface_contours
from engine.vi.gauss_experiment import GaussSnapshot
from engine.vi.posteriors import largest_s
from lvm_gui import export, i18n
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot, scrolling

Q_COLOUR, EXACT_COLOUR, OTHER_COLOUR = themes.ORANGE, themes.BLUE, themes.GREEN
KL_COLOUR = themes.SKY  # the KL stacked on an ELBO: a colour of its own
TEXT = QT_TRANSLATE_NOOP(
    "GaussView",
    "Left: the posterior p(z | x) (black) and q = N(m, s²) (orange); drag q's peak sideways to "
    "move m, up or down to change s. Right: the ELBO over (m, log s), its maximiser (star), the "
    "ascent's path (orange) and, with method = sga (reparameterised gradients), the exact "
    "gradient ascent from the same start (blue, dashed); click to put q there. Below: "
    "log p(x) = ELBO + KL(q ‖ p) as bars: the ELBO's bar, with the KL (light blue) stacked on "
    "it, ends where log p(x)'s does (the numbers, exact to many digits, in the status line); "
    "and the ELBO step by step (with no steps to take, iterations = 0, the ELBO along s at "
    "q's m). Where q is the exact posterior (the gaussian posterior) the KL "
    "is 0 and the gap closes. Gaussians are written N(mean, variance), as seed 000 writes "
    "them: q = N(m, s²), s its standard deviation.",
)


class GaussView(View):
    def build(self) -> QWidget:
        nats = QT_TRANSLATE_NOOP("CAVIView", "nats")
        self.density_plot = make_plot(
            QT_TRANSLATE_NOOP("GaussView", "p(z | x) and q"),
            "z",
            QT_TRANSLATE_NOOP("RaceView", "density"),
        )
        i18n.show(
            self.density_plot,
            pg.PlotWidget.setToolTip,
            lambda: translate(
                "GaussView",
                "q = N(m, s²) as seed 000 writes a gaussian, N(mean, variance): the app's "
                "parameter s is q's standard deviation, its variance s². Drag q's peak to move it.",
            ),
        )
        self.surface_plot = make_plot(
            QT_TRANSLATE_NOOP("GaussView", "ELBO over (m, log s)"), "m", "log s"
        )
        self.bars_plot = make_plot(
            QT_TRANSLATE_NOOP("GaussView", "log p(x) = ELBO + KL (light blue)"), "", nats
        )
        self.trace_plot = make_plot(
            QT_TRANSLATE_NOOP("GaussView", "ELBO per step"),
            QT_TRANSLATE_NOOP("GaussView", "step"),
            nats,
        )
        self.surface_image = pg.ImageItem(axisOrder="row-major")
        self.surface_image.setColorMap(pg.colormap.get("viridis"))
        self.surface_plot.getPlotItem().addItem(self.surface_image)
        self.colour_bar = pg.ColorBarItem(
            colorMap=pg.colormap.get("viridis"), interactive=False, label="ELBO", width=14
        )
        self.colour_bar.setImageItem(self.surface_image, insert_in=self.surface_plot.getPlotItem())
        self._contours = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 110), width=1))
        self.surface_plot.getPlotItem().addItem(self._contours)
        self._scene = None
        self.handle = pg.TargetItem(size=14, movable=True, pen=themes.pen(Q_COLOUR, 2))
        self.density_plot.getPlotItem().addItem(self.handle)
        export.leave_out_of_figures(self.handle)
        self.handle.sigPositionChanged.connect(self._dragged)
        self._placing = False
        self.bars = pg.BarGraphItem(x=[0, 1, 2], height=[0, 0, 0], width=0.6)
        self.bars_plot.getPlotItem().addItem(self.bars)
        self.surface_plot.scene().sigMouseClicked.connect(self.clicked)
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.density_plot, 0, 0)
        grid.addWidget(self.surface_plot, 0, 1)
        grid.addWidget(self.bars_plot, 1, 0)
        grid.addWidget(self.trace_plot, 1, 1)
        return scrolling(page, plot_height=300)

    def plots(self) -> dict[str, QWidget]:
        return {
            "density": self.density_plot,
            "surface": self.surface_plot,
            "bars": self.bars_plot,
            "trace": self.trace_plot,
        }

    def what_you_see(self) -> str:
        return TEXT.translated()

    # --- what the user does -------------------------------------------------------------------
    def _dragged(self) -> None:
        """q's peak dragged: its position is (m, 1/(s√2π)); sent into the run as it moves."""
        if self._placing:
            return
        point = self.handle.pos()
        self._put_q(point.x(), scale_from_peak(point.y()))

    def clicked(self, event) -> None:
        point = self.clicked_point(self.surface_plot, event)
        if point is not None:
            m, log_s = point
            self._put_q(m, math.exp(min(log_s, 700.0)))

    def _put_q(self, m: float, s: float) -> None:
        """q moved by the mouse, held to m's and s's ranges (a click on a zoomed-out surface
        falls anywhere): the nearest q the form allows, never a refusal of a value nobody
        typed."""
        config = type(self.config)
        m = config.clamped("m", m)
        s = config.clamped("s", min(s, 0.999 * largest_s(self.config.posterior, m)))
        self.panel.set_params(m=round(m, 4), s=round(s, 4))

    # --- drawing ------------------------------------------------------------------------------
    def draw_parts(self, snap: GaussSnapshot):
        return [
            ("density", lambda: self._draw_density(snap)),
            ("surface", lambda: self._draw_surface(snap)),
            ("bars", lambda: self._draw_bars(snap)),
            ("trace", lambda: self._draw_trace(snap)),
        ]

    def _draw_density(self, snap: GaussSnapshot) -> None:
        scene = snap.scene
        item = self.density_plot.getPlotItem()
        pool = self.pool(item)
        posterior = pool.plot(scene.z, scene.density, pen=themes.pen(self.theme.ink, 2.5))
        described = translate("GaussView", "p(z | x): mean {mean:.4f}, sd {sd:.4f}")
        pool.label(posterior, described.format(mean=snap.posterior_mean, sd=snap.posterior_sd))
        q = pool.plot(
            scene.z, normal_density(scene.z, snap.m, snap.s), pen=themes.pen(Q_COLOUR, 2.5)
        )
        pool.label(q, "q = N(m, s²)")
        if self.config.other is not None:
            other_m, other_s = self.config.other
            other = pool.plot(
                scene.z, normal_density(scene.z, other_m, other_s), pen=themes.pen(OTHER_COLOUR, 2)
            )
            named = translate("GaussView", "other q = N({m:g}, {variance:.3g})")
            pool.label(other, named.format(m=other_m, variance=other_s**2))
        pool.end()
        peak = 1.0 / (snap.s * math.sqrt(2 * math.pi))
        self._placing = True
        try:
            self.handle.setPos(snap.m, peak)
        finally:
            self._placing = False
        low, high = scene.z[0], scene.z[-1]
        mass = scene.density > 1e-4 * scene.density.max()
        if mass.any():
            low, high = scene.z[mass][0] - 1.0, scene.z[mass][-1] + 1.0
        self.steady_range(item, "x", low, high)
        self.steady_range(item, "y", 0.0, 1.3 * max(float(scene.density.max()), min(peak, 3.0)))

    def _draw_surface(self, snap: GaussSnapshot) -> None:
        scene = snap.scene
        item = self.surface_plot.getPlotItem()
        if scene is not self._scene:
            self._scene = scene
            top = float(scene.surface.max())
            floor = float(np.quantile(scene.surface, 0.05))
            self.surface_image.setImage(
                np.ascontiguousarray(scene.surface, dtype=np.float32), levels=(floor, top)
            )
            self.colour_bar.setLevels((floor, top))
            m0, m1 = scene.m_axis[0], scene.m_axis[-1]
            s0, s1 = scene.log_s_axis[0], scene.log_s_axis[-1]
            self.surface_image.setRect(QRectF(m0, s0, m1 - m0, s1 - s0))
            lines = surface_contours(scene)
            self._contours.setData(lines[:, 0], lines[:, 1], connect="finite")
            item.setRange(xRange=(m0, m1), yRange=(s0, s1), padding=0)
        pool = self.pool(item)
        run = self.history.traces_to(snap, "m", "s", "exact_m", "exact_s")
        path = pool.plot(run["m"], np.log(run["s"]), pen=themes.pen(Q_COLOUR, 2))
        if self.config.method == "sga":
            pool.label(path, translate("GaussView", "sga ascent"))
            exact = pool.plot(
                run["exact_m"],
                np.log(run["exact_s"]),
                pen=themes.pen(EXACT_COLOUR, 2, dashed=True),
            )
            pool.label(exact, translate("GaussView", "exact gradient ascent"))
        else:  # the exact path is the ascent itself: drawn once, named once
            pool.label(path, translate("GaussView", "exact gradient ascent"))
        now = pool.scatter([snap.m], [math.log(snap.s)], size=10, brush=Q_COLOUR)
        pool.label(now, translate("GaussView", "q now"))
        best = pool.scatter(
            [scene.best_m],
            [math.log(scene.best_s)],
            symbol="star",
            size=18,
            brush="#FFFFFF",
            pen=themes.pen(themes.BLACK, 1.5),
        )
        pool.label(
            best, translate("GaussView", "maximiser: ELBO {elbo:.4f}").format(elbo=scene.best_elbo)
        )
        pool.end()

    def _draw_bars(self, snap: GaussSnapshot) -> None:
        """log p(x) beside each q's ELBO with its KL stacked on it: the stack reaches log p(x)
        exactly, which is the identity log p(x) = ELBO + KL (the other q's, when there is
        one, beside them)."""
        item = self.bars_plot.getPlotItem()
        x, bottoms, heights = [0, 1, 1], [0.0, 0.0, snap.elbo], [snap.log_px, snap.elbo, snap.kl]
        colours = [self.theme.ink, Q_COLOUR, KL_COLOUR]
        ticks = [(0, "log p(x)"), (1, "q: ELBO + KL")]  # symbols only
        if snap.other_elbo is not None:
            x += [2, 2]
            bottoms += [0.0, snap.other_elbo]
            heights += [snap.other_elbo, snap.other_kl]
            colours += [OTHER_COLOUR, KL_COLOUR]
            ticks += [(2, translate("GaussView", "other q: ELBO + KL"))]
        if getattr(self, "_ticks", None) != ticks:
            item.getAxis("bottom").setTicks([ticks])
            self._ticks = ticks
        self.bars.setOpts(
            x=x,
            y0=bottoms,
            height=heights,
            width=0.6,
            brushes=[themes.with_alpha(c, 200) for c in colours],
            pen=themes.pen(self.theme.foreground, 1),
        )
        tops = [b + h for b, h in zip(bottoms, heights, strict=True)]
        low, high = min(0.0, *bottoms, *tops), max(0.0, *bottoms, *tops)
        self.steady_range(item, "y", low, high)
        item.setXRange(-0.6, max(x) + 0.6, padding=0)
        # The numbers are in the status line: a title changed at every frame is laid out again
        # at every frame.

    def _draw_trace(self, snap: GaussSnapshot) -> None:
        """The ELBO step by step; with no steps to take (iterations = 0: q moved by hand), the
        ELBO along s at q's m instead, from the surface: where it peaks, and q on it."""
        item = self.trace_plot.getPlotItem()
        pool = self.pool(item, legend_offset=(-10, -10))
        if self.config.iterations == 0:
            scene = snap.scene
            column = int(np.abs(scene.m_axis - snap.m).argmin())
            s_values = np.exp(scene.log_s_axis)
            line = pool.plot(s_values, scene.surface[:, column], pen=themes.pen(Q_COLOUR, 2))
            pool.label(line, f"ELBO(m = {scene.m_axis[column]:.2f}, s)")
            xs, low = [s_values[0], s_values[-1]], float(np.nanmin(scene.surface[:, column]))
            now = pool.scatter([snap.s], [snap.elbo], size=10, brush=Q_COLOUR)
            pool.label(now, translate("GaussView", "q now"))
            self.set_title(item, translate("GaussView", "ELBO along s at q's m"))
            self.set_label(item, "bottom", "s")
        else:
            run = self.history.traces_to(snap, "step", "elbo")
            line = pool.plot(
                run["step"],
                run["elbo"],
                pen=themes.pen(Q_COLOUR, 2),
                symbol="o" if len(run["step"]) < 3 else None,  # a lone point shows
                symbolBrush=Q_COLOUR,
                symbolPen=None,
            )
            pool.label(line, "ELBO")
            xs, low = [0, self.config.iterations], float(np.nanmin(run["elbo"]))
            self.set_title(item, translate("GaussView", "ELBO per step"))
            self.set_label(item, "bottom", translate("GaussView", "step"))
        bound = pool.plot(
            xs, [snap.log_px, snap.log_px], pen=themes.pen(self.theme.ink, 2, dashed=True)
        )
        pool.label(bound, "log p(x)")
        pool.end()
        item.setXRange(xs[0], xs[1], padding=0.02)
        low = max(low, snap.log_px - 4 * (snap.log_px - snap.elbo + 0.5))  # not the far tails
        self.steady_range(item, "y", low, snap.log_px + 0.15 * (snap.log_px - low + 1e-3))

    def status_text(self, snap: GaussSnapshot) -> str:
        step = translate("GaussView", "step {step} of {steps}")
        parts = [
            step.format(step=snap.step, steps=self.config.iterations),
            # N(mean, variance), as seed 000 writes it; s, the app's parameter, beside it.
            f"q = N({snap.m:.4f}, {snap.s**2:.4f}), s = {snap.s:.4f}",
            f"ELBO {snap.elbo:.6f}",
            f"KL(q ‖ p) {snap.kl:.6f}",
            f"log p(x) {snap.log_px:.6f}",
        ]
        if snap.other_elbo is not None:
            other = translate("GaussView", "other q: ELBO {elbo:.6f}, KL {kl:.6f}")
            parts.append(other.format(elbo=snap.other_elbo, kl=snap.other_kl))
        if snap.stopped:
            parts.append(translate("GaussView", "stopped at {why}").format(why=snap.stopped))
        parts.append(translate("View", "seed {seed}").format(seed=self.config.seed))
        return " · ".join(parts)
