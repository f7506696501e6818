"""Three unbiased estimators of a gradient and their variances (seed 004)."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from engine.estimators.gradients import GradientsSnapshot
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.estimators.series import series as _series
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot, scrolling, whole_run_in_x

GRADIENT_COLOURS = {"score": themes.VERMILLION, "baseline": themes.PURPLE, "reparam": themes.GREEN}


class GradientsView(View):
    hidden_params = frozenset({"device"})

    def build(self) -> QWidget:
        samples = QT_TRANSLATE_NOOP("GradientsView", "samples n")
        variance = QT_TRANSLATE_NOOP("GradientsView", "variance")
        self.variance_plot = make_plot(
            QT_TRANSLATE_NOOP("GradientsView", "variance of ∂/∂m per sample"),
            samples,
            variance,
            True,
            True,
        )
        self.mean_plot = make_plot(
            QT_TRANSLATE_NOOP("GradientsView", "running mean of ∂/∂m"), samples, "∂/∂m", True
        )
        self.variance_log_s_plot = make_plot(
            QT_TRANSLATE_NOOP("GradientsView", "variance of ∂/∂log s per sample"),
            samples,
            variance,
            True,
            True,
        )
        self.mean_log_s_plot = make_plot(
            QT_TRANSLATE_NOOP("GradientsView", "running mean of ∂/∂log s"),
            samples,
            "∂/∂log s",
            True,
        )
        gradients = QWidget()
        side_by_side = QGridLayout(gradients)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        side_by_side.addWidget(self.variance_plot, 0, 0)
        side_by_side.addWidget(self.mean_plot, 0, 1)
        side_by_side.addWidget(self.variance_log_s_plot, 1, 0)
        side_by_side.addWidget(self.mean_log_s_plot, 1, 1)
        return scrolling(gradients)

    def plots(self) -> dict[str, QWidget]:
        return {
            "variance": self.variance_plot,
            "means": self.mean_plot,
            "variance_log_s": self.variance_log_s_plot,
            "means_log_s": self.mean_log_s_plot,
        }

    def what_you_see(self) -> str:
        return GRADIENTS_TEXT.translated()

    def draw_parts(self, snap: GradientsSnapshot):
        return [
            ("variance", lambda: self._draw_variance(snap)),
            ("means", lambda: self._draw_means(snap)),
            ("variance log s", lambda: self._draw_variance(snap, "_log_s")),
            ("means log s", lambda: self._draw_means(snap, "_log_s")),
        ]

    def _draw_variance(self, snap: GradientsSnapshot, suffix: str = "") -> None:
        """Variance of one sample's estimate of ∂/∂m (suffix "") or ∂/∂log s ("_log_s")."""
        plot = self.variance_plot if not suffix else self.variance_log_s_plot
        item = plot.getPlotItem()
        pool = self.pool(item)
        fields = [f"{name}_var{suffix}" for name in GRADIENT_COLOURS]
        run = self.history.traces_to(snap, "n", *fields)
        ns = run["n"]
        for name, colour in GRADIENT_COLOURS.items():
            values = run[f"{name}_var{suffix}"]
            keep = values > 0
            line = _series(pool, ns[keep], values[keep], colour)
            pool.label(line, f"{estimator_name(name)}: {values[-1]:.4g}")
        if snap.exact_score_var is not None and not suffix:  # the closed forms, for f = z²
            span = [10, max(self.config.samples, 10)]
            for value, colour, label in (
                (snap.exact_score_var, GRADIENT_COLOURS["score"], "m⁴/s² + 14m² + 15s²"),
                (snap.exact_reparam_var, GRADIENT_COLOURS["reparam"], "4s²"),
            ):
                guide = pool.plot(span, [value, value], pen=themes.pen(colour, 1.5, dashed=True))
                exact = translate("GradientsView", "exact {formula} = {value:.4g}")
                pool.label(guide, exact.format(formula=label, value=value))
        pool.end()
        whole_run_in_x(item, self.config.samples, first=10)

    def _draw_means(self, snap: GradientsSnapshot, suffix: str = "") -> None:
        plot = self.mean_plot if not suffix else self.mean_log_s_plot
        item = plot.getPlotItem()
        pool = self.pool(item)
        fields = [f"{name}_mean{suffix}" for name in GRADIENT_COLOURS]
        run = self.history.traces_to(snap, "n", *fields)
        ns = run["n"]
        for name, colour in GRADIENT_COLOURS.items():
            values = run[f"{name}_mean{suffix}"]
            line = _series(pool, ns, values, colour)  # dots: the first frame has one point
            pool.label(line, estimator_name(name))
        exact_value = snap.exact_grad_log_s if suffix else snap.exact_grad
        exact = pool.plot(
            [10, max(self.config.samples, 10)],
            [exact_value] * 2,
            pen=themes.pen(self.theme.ink, 2.5, dashed=True),
        )
        pool.label(exact, translate("GradientsView", "exact {value:.6g}").format(value=exact_value))
        pool.end()
        whole_run_in_x(item, self.config.samples, first=10)

    def status_text(self, snap: GradientsSnapshot) -> str:
        return translate(
            "GradientsView",
            "n = {n:,} · exact ∂/∂m = {exact:.6g} · variances: score {score:.4g}, baseline "
            "{baseline:.4g}, reparameterisation {reparam:.4g}{ratios} · exact ∂/∂log s = "
            "{exact_log_s:.6g} · seed {seed}",
        ).format(
            n=snap.n,
            exact=snap.exact_grad,
            score=snap.score_var,
            baseline=snap.baseline_var,
            reparam=snap.reparam_var,
            ratios=_ratios(snap),
            exact_log_s=snap.exact_grad_log_s,
            seed=self.config.seed,
        )


def _ratios(snap: GradientsSnapshot) -> str:
    """How many times the reparameterisation's variance the other two are, as measured."""
    if not snap.reparam_var > 0:
        return ""
    score, baseline = snap.score_var / snap.reparam_var, snap.baseline_var / snap.reparam_var
    ratios = translate(
        "GradientsView", " (score {score:.3g}×, baseline {baseline:.3g}× reparameterisation)"
    )
    return ratios.format(score=score, baseline=baseline)


def estimator_name(name: str) -> str:
    """An estimator's name in the legends: score, baseline or reparam."""
    return {
        "score": translate("GradientsView", "score"),
        "baseline": translate("GradientsView", "baseline"),
        "reparam": translate("GradientsView", "reparam"),
    }[name]


GRADIENTS_TEXT = QT_TRANSLATE_NOOP(
    "GradientsView",
    "<p>∂/∂m of E<sub>q</sub>[f(z)] for q = N(m, s²) from one sample z = m + sε: "
    "<b>score function</b> f(z)(z − m)/s², the same with a <b>baseline</b> b subtracted from f "
    "(here the mean of f over the other samples, which keeps it unbiased), and "
    "<b>reparameterisation</b> f′(m + sε). All three are unbiased; their variances are not "
    "alike. For f = z²: 4s² for reparameterisation, m⁴/s² + 14m² + 15s² for the score "
    "function, 7.5 times as much at m = s = 1. The status line gives the measured ratios.</p>",
)
