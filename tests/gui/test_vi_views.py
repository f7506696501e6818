"""The ELBO & VI panel's views fed runs by hand (tests/gui/test_views.py's host): what they
draw is the engine's exact numbers and engine.geometry's curves; dragging q and clicking the
surface send (m, s) into the run."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from engine.geometry.vi import correlated_ellipses, normal_density, scale_from_peak
from tests.gui.helpers import assert_plots_fit, hosted, run_to_end, steps


def labelled(view, plot, text):
    return view.pools[id(plot.getPlotItem())].labelled(text)


def shown_items(plot):
    return [item for item in plot.getPlotItem().listDataItems() if item.isVisible()]


def test_the_gauss_view_draws_q_the_bars_and_both_paths(qtbot):
    view, host, run = hosted(qtbot, "vi-gauss", "sga", iterations=40)
    drawn = list(steps(view, host, run))
    final = drawn[-1]
    z, q = labelled(view, view.density_plot, "q = N").getData()
    assert np.allclose(q, normal_density(z, final.m, final.s))
    assert list(view.bars.opts["height"]) == [final.log_px, final.elbo, final.kl]
    # KL stacked on the ELBO: the stack's top is log p(x), the identity made visible.
    assert list(view.bars.opts["x"]) == [0, 1, 1] and view.bars.opts["y0"][2] == final.elbo
    assert view.bars.opts["y0"][2] + final.kl == pytest.approx(final.log_px, abs=1e-12)
    assert final.elbo + final.kl == pytest.approx(final.log_px, abs=1e-12)
    m, log_s = labelled(view, view.surface_plot, "sga ascent").getData()
    assert np.allclose(m, [s.m for s in drawn]) and np.allclose(np.exp(log_s), [s.s for s in drawn])
    em, _ = labelled(view, view.surface_plot, "exact gradient").getData()
    assert np.allclose(em, [s.exact_m for s in drawn])
    assert len(shown_items(view.surface_plot)) == 5  # contours, both paths, q, maximiser
    # The drag handle sits on q's peak; moving it sends (m, s) with s read from its height.
    assert view.handle.pos().x() == pytest.approx(final.m)
    view.handle.setPos(QPointF(0.5, 0.2))
    assert host.params[-1] == {"m": 0.5, "s": round(scale_from_peak(0.2), 4)}


def test_exact_ascent_draws_one_path_named_once(qtbot):
    view, host, run = hosted(qtbot, "vi-gauss", "bimodal", iterations=20)
    drawn = list(steps(view, host, run))
    m, _ = labelled(view, view.surface_plot, "exact gradient ascent").getData()
    assert np.allclose(m, [s.m for s in drawn])
    assert len(shown_items(view.surface_plot)) == 4  # contours, the path, q, maximiser
    legend = view.surface_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items].count("exact gradient ascent") == 1


def test_a_click_on_the_surface_puts_q_there(qtbot):
    view, host, run = hosted(qtbot, "vi-gauss", "bimodal", iterations=2)
    list(steps(view, host, run))
    box = view.surface_plot.getPlotItem().vb
    box.setRange(xRange=(-3, 3), yRange=(-2, 1), padding=0)

    class Click:
        def button(self):
            return Qt.MouseButton.LeftButton

        def scenePos(self):
            return box.mapViewToScene(QPointF(1.0, -0.5))

    view.clicked(Click())
    assert host.params[-1]["m"] == pytest.approx(1.0, abs=0.01)
    assert host.params[-1]["s"] == pytest.approx(math.exp(-0.5), abs=0.01)


def test_the_kl_view_draws_both_optima_over_p(qtbot):
    view, host, run = hosted(qtbot, "kl-directions", "kl-bimodal")
    (result,) = list(steps(view, host, run))
    z, forward = labelled(view, view.density_plot, "argmin KL(p").getData()
    assert np.allclose(forward, normal_density(z, result.forward_m, result.forward_s))
    _, reverse = labelled(view, view.density_plot, "argmin KL(q").getData()
    assert np.allclose(reverse, normal_density(z, result.reverse_m, result.reverse_s))
    _, values = labelled(view, view.kl_plot, "mode-seeking").getData()
    assert list(values) == [result.reverse_forward_kl, result.reverse_kl]


def test_the_cavi_view_draws_p_q_and_the_half_steps(qtbot):
    view, host, run = hosted(qtbot, "cavi", "rho-0.8", sweeps=5)
    drawn = list(steps(view, host, run))
    final = drawn[-1]
    x, y = labelled(view, view.contour_plot, "p(z₁, z₂)").getData()
    want = correlated_ellipses((0.0, 0.0), 0.8)[0]
    assert np.allclose(x, want[:, 0]) and np.allclose(y, want[:, 1])
    px, py = labelled(view, view.contour_plot, "q's means").getData()
    assert len(px) == 1 + 2 * 5 and (px[0], py[0]) == (-2.5, 2.0)
    assert (px[-1], py[-1]) == pytest.approx((final.m1, final.m2))
    assert px[1] != px[0] and py[1] == py[0]  # q₁'s update moves along z₁ only
    _, kl = labelled(view, view.kl_plot, "after each sweep").getData()
    assert np.allclose(kl, [s.kl for s in drawn])


def test_the_learning_view_draws_the_curves_and_the_staircase(qtbot):
    view, host, run = hosted(qtbot, "variational-learning", "em", rounds=3)
    drawn = list(steps(view, host, run))
    final = drawn[-1]
    theta, elbo = labelled(view, view.curves_plot, "the staircase").getData()
    assert np.allclose(theta, [s.theta for s in drawn]) and np.allclose(
        elbo, [s.elbo for s in drawn]
    )
    assert np.all(np.diff(elbo) >= -1e-9)
    _, now = labelled(view, view.curves_plot, "ELBO(θ; φ now)").getData()
    assert np.allclose(now, final.curve_elbo)
    labelled(view, view.curves_plot, "ELBO(θ; φ before)")  # the previous φ's curve, drawn


@pytest.fixture
def panel(make_panel):
    return make_panel("vi")


def test_the_panel_steers_a_dragged_q_into_its_paused_run(qtbot, panel):
    panel.restart()  # as the window does: the first step shown, the run paused
    qtbot.waitUntil(lambda: panel.controller.state == "paused", timeout=30000)
    thread = panel.controller.thread
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000) as blocker:
        panel.set_params(m=1.25, s=0.5)
    assert panel.controller.thread is thread  # no new thread for a drag
    assert (blocker.args[0].m, blocker.args[0].s) == (1.25, 0.5)
    final = run_to_end(qtbot, panel)
    assert final.final and final.kl >= 0
    assert_plots_fit(panel)


def test_the_rho_slider_sends_its_value(qtbot):
    view, host, run = hosted(qtbot, "cavi", "rho-0.8", sweeps=2)
    list(steps(view, host, run))
    view.rho_slider.setValue(0.5)
    assert host.params[-1] == {"rho": 0.5}
    view.config_changed(host.config)  # showing a config moves the slider without sending
    assert host.params[-1] == {"rho": 0.5} and view.rho_slider.value() == pytest.approx(0.8)


def test_a_click_beyond_the_forms_range_puts_q_at_its_edge(qtbot, panel):
    """Zoomed out, a click falls at m = −2453.8 or log s = 8: q goes to the nearest q the form
    allows (m = −50, s = 50), with no message about a value nobody typed. On the skewed model
    s stops where its ELBO can still be computed (m + s²/2 ≤ 700)."""
    panel.restart()
    qtbot.waitUntil(lambda: panel.controller.state == "paused", timeout=30000)
    box = panel.view.surface_plot.getPlotItem().vb
    box.setRange(xRange=(-5000, 5000), yRange=(-10, 10), padding=0)

    class Click:
        def __init__(self, m, log_s):
            self.where = box.mapViewToScene(QPointF(m, log_s))

        def button(self):
            return Qt.MouseButton.LeftButton

        def scenePos(self):
            return self.where

    panel.view.clicked(Click(-2453.8259, 8.0))
    assert (panel.config.m, panel.config.s) == (-50.0, 50.0)
    assert panel.messages.last is None
    panel.view.clicked(Click(2453.8, -10.0))
    assert (panel.config.m, panel.config.s) == (50.0, pytest.approx(math.exp(-10), abs=1e-3))
    panel.apply_preset("skewed")
    qtbot.waitUntil(lambda: panel.controller.state == "paused", timeout=30000)
    box.setRange(xRange=(-5000, 5000), yRange=(-10, 10), padding=0)
    panel.view.clicked(Click(0.0, 8.0))
    assert panel.messages.last is None and panel.config.m == 0.0
    assert 37.0 < panel.config.s < math.sqrt(1400.0)
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000) as shown:
        pass
    assert math.isfinite(shown.args[0].elbo)


@pytest.mark.filterwarnings("always::RuntimeWarning")  # the window's filters: shown, not raised
def test_a_diverging_ascent_stops_and_says_what_to_change(qtbot, panel):
    panel.set_params(step_size=1.0)
    final = run_to_end(qtbot, panel)
    assert final.stopped and final.step < panel.config.iterations
    kind, message = panel.messages.last
    assert kind == "warning" and "try a smaller step_size" in message and "\n" not in message
    assert "stopped at step" in panel.pages.status_line.text()
    assert math.isfinite(final.elbo) and abs(final.m) < 50
