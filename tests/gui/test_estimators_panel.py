"""The Estimators panel: the race's four views and the gradient race, drawn from the engine."""

from __future__ import annotations

import numpy as np
import pytest

import engine
from engine.estimators.gradients import GradientsSnapshot
from engine.estimators.race import RaceSnapshot
from engine.experiment import Run
from lvm_gui.experiment_thread import LIVE_THREADS
from tests.gui.helpers import assert_plots_fit, run_to_end


@pytest.fixture
def panel(make_panel):
    return make_panel("estimators", (1400, 900))


def visible_curves(plot):
    return [c for c in plot.getPlotItem().listDataItems() if c.isVisible()]


def test_the_race_draws_every_chain_the_truth_and_the_spread(qtbot, panel):
    panel.set_params(chains=20, samples=2000)
    final = run_to_end(qtbot, panel)
    assert isinstance(final, RaceSnapshot) and final.final and final.k == 2000
    uniform, _importance, truth = visible_curves(panel.view.estimates_plot)[:3]
    # One curve per estimator holds all 20 chains, each line ended by NaN.
    assert np.isnan(uniform.yData).sum() == 20
    assert truth.yData == pytest.approx([final.exact_p] * 2)
    spread = visible_curves(panel.view.spread_plot)
    assert spread[0].yData[-1] == pytest.approx(final.uniform_rel_std)
    jensen = panel.view.pools[id(panel.view.jensen_plot.getPlotItem())]
    assert (jensen.labelled("importance").yData <= final.exact_log_p + 0.05).all()
    posterior, fitted, uniform = visible_curves(panel.view.proposal_plot)
    assert posterior.yData == pytest.approx(final.profile.posterior)  # P(z_d = 1 | x) per pixel
    assert fitted.yData == pytest.approx(np.clip(final.profile.posterior, 1e-6, 1 - 1e-6))
    assert uniform.yData == pytest.approx(0.5)
    ess, largest = visible_curves(panel.view.ess_plot)
    assert ess.yData[-1] == pytest.approx(final.ess / final.k)
    assert largest.yData[-1] == pytest.approx(final.max_weight)
    text = panel.pages.status_line.text()
    assert f"{final.exact_p:.6g}" in text and "ESS" in text and "seed 0" in text


def test_the_exact_posterior_is_named_as_zero_variance(qtbot, panel):
    panel.set_params(proposal="posterior", chains=5, samples=100)
    final = run_to_end(qtbot, panel)
    assert final.importance_rel_std < 1e-12
    assert "zero variance" in panel.pages.status_line.text()


def test_a_bad_setting_shows_a_message_and_keeps_the_run(qtbot, panel):
    panel.set_params(chains=5, samples=100)
    before = run_to_end(qtbot, panel)
    panel.settings.form.parameters.child("bits").setValue("40")
    assert (
        panel.messages.label.isVisible() and "bits = 40: too large" in panel.messages.label.text()
    )
    assert panel.settings.form.parameters.child("bits").value() == str(
        panel.config.bits
    )  # value in force
    assert panel.last_snapshot is before and panel.config.bits == 12


def test_the_gradient_race_draws_three_variances(qtbot, panel):
    panel.apply_preset("z2")
    assert panel.experiment.name == "gradients" and panel.pages.stack.currentIndex() == 1
    final = run_to_end(qtbot, panel)
    assert isinstance(final, GradientsSnapshot) and final.n == 100_000
    lines = visible_curves(panel.view.variance_plot)[:3]  # then the closed forms, dashed
    assert [line.yData[-1] for line in lines] == pytest.approx(
        [final.score_var, final.baseline_var, final.reparam_var]
    )
    assert "reparameterisation" in panel.pages.status_line.text()


def test_the_sliders_move_a_gaussian_proposal_for_continuous_z(qtbot, panel):
    assert panel.view.slider_box.isHidden()  # the binary model has no gaussian proposal
    panel.apply_preset("curve1d")
    assert not panel.view.slider_box.isHidden()
    panel.view.q_mean_slider.setValue(1.5)
    panel.view.q_scale_slider.setValue(0.5)
    config = panel.config
    assert config.proposal == "gaussian"
    assert config.q_mean == (1.5,) and config.q_scale == (0.5,)
    assert panel.settings.form.parameters.child("q_mean").value() == "1.5"
    panel.controller.cancel()


def fresh(config):
    return Run(config, engine.get("race").generate)


def test_a_drag_steers_the_running_race_without_a_new_thread(qtbot, panel):
    """Each value of a drag goes into the running generator: the same thread, the race again
    from k = 1 with the new q, equal to a fresh run of that config; paused, one step shows it."""
    panel.apply_preset("curve1d")
    panel.set_params(chains=20, samples=5000)
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000):
        panel.controller.step()  # the first step was shown at the start; now the second
    thread, before = panel.controller.thread, set(LIVE_THREADS)
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000) as blocker:
        panel.view.q_mean_slider.setValue(0.8)
    shown = blocker.args[0]
    assert panel.controller.thread is thread and set(LIVE_THREADS) == before
    assert shown.step == 1 and panel.config.q_mean == (0.8,)
    assert shown.to_dict() == fresh(panel.config).next_step().to_dict()
    qtbot.waitUntil(lambda: panel.controller.state == "paused")
    assert len(panel.history) == 1  # the steered race's history, from its first step

    # Hammered while it runs: every value sent, the newest taken; the end is the newest q's.
    with qtbot.waitSignal(panel.controller.finished, timeout=30000) as blocker:
        panel.controller.play()
        for value in np.linspace(-1.0, 1.0, 25):
            panel.view.q_mean_slider.setValue(float(value))
            panel.view.q_scale_slider.setValue(0.4 + abs(float(value)) / 2)
    assert panel.controller.thread is None  # joined at the end
    assert not set(LIVE_THREADS) - before  # and none other was ever started
    expected = fresh(panel.config)
    list(expected.until(None))
    assert blocker.args[0].to_dict() == expected.result.to_dict()
    assert panel.config.q_mean == (1.0,) and panel.config.q_scale == (0.9,)


def test_a_change_that_cannot_steer_starts_a_new_run(qtbot, panel):
    panel.apply_preset("curve1d")
    thread = panel.controller.thread
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000):
        panel.set_params(chains=7)  # not steerable: a new generator, a new thread
    assert panel.controller.thread is not thread
    qtbot.waitUntil(lambda: panel.controller.state == "paused")


@pytest.mark.parametrize("preset", ["seed-000-binary", "z2"])
def test_no_plot_is_laid_out_wider_than_its_widget(qtbot, panel, preset):
    panel.apply_preset(preset)
    run_to_end(qtbot, panel)
    assert_plots_fit(panel)
