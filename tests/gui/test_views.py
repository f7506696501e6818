"""Each view fed snapshots by hand, with no panel and no worker thread (as Orange tests its
runners): what it draws is checked against its geometry (engine.geometry) and the snapshots'
own numbers, found by legend entry, not by pen colour."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.em.two_means import log_likelihood_at
from engine.geometry import curves
from engine.geometry import em as em_geometry
from engine.geometry.estimators import chains_polyline, proposal_view
from lvm_gui.panels.estimators.race_view import CHAINS_DRAWN
from tests.gui.helpers import hosted, steps


def so_far(host, snap) -> list:
    """The steps up to `snap`, the generator's result included."""
    return [s for s in host.history if s.step < snap.step] + [snap]


def drawn(view, plot, label):
    """The data of the item that `plot`'s legend names `label` in the last frame."""
    item = view.pools[id(plot.getPlotItem())].labelled(label)
    # A curve's data as given (getData would give log10 on a log axis); a scatter's points.
    x, y = (item.xData, item.yData) if hasattr(item, "xData") else (item.data["x"], item.data["y"])
    return (np.empty(0), np.empty(0)) if x is None else (x, y)  # an empty curve has None


def test_two_means_draws_the_path_the_surrogates_and_the_bound_of_every_half_step(qtbot):
    view, host, run = hosted(qtbot, "gmm1d-means", "seed-003", iterations=4)
    for snap in steps(view, host, run):
        iterates = em_geometry.iterates(host.history, snap)
        mine = [(s.mu1, s.mu2) for s in host.history if s.phase != "E"]
        x, y = drawn(view, view.surface_plot, "EM iterates")
        np.testing.assert_array_equal(np.column_stack([x, y]), mine)
        np.testing.assert_array_equal(iterates.path, mine)
        current = em_geometry.surrogate_curves(iterates).current
        x, y = drawn(view, view.surface_plot, "surrogate B(·; θₜ) at level")
        np.testing.assert_array_equal(np.column_stack([x, y]), current)
        if snap.surrogate is not None:  # the ellipse lies on B's level at θ_t = ℓ̄(θ_t)
            theta = iterates.path[len(iterates.surrogates) - 1]
            level = log_likelihood_at(snap.points, theta[None], snap.pi)[0]
            assert snap.surrogate(x, y) == pytest.approx(level, abs=1e-9)
        _, ell = drawn(view, view.bound_plot, "log p(x; θ)")
        np.testing.assert_array_equal(ell, [s.log_likelihood for s in host.history])
        line = em_geometry.step_slice(iterates)
        s, along = drawn(view, view.slice_plot, "ℓ̄ along the line")
        np.testing.assert_array_equal(s, line.s)
        np.testing.assert_array_equal(along, line.log_likelihood)
    assert snap.step == 4 and len(host.history) == 1 + 2 * 4


def test_coins_fill_the_table_and_the_ridge_from_step_zero_on(qtbot):
    view, host, run = hosted(qtbot, "coins", "li-hang")
    for snap in steps(view, host, run):
        t = snap.step
        table = view.coins_table
        for s, ell in enumerate(snap.log_likelihood):  # this step's column, every start
            assert table.item(s, t).text() == f"{ell:.5f}"
        u, v = em_geometry.ridge_projection(snap.theta)
        ends = view.pools[id(view.ridge_plot.getPlotItem())].scatters[1]
        np.testing.assert_allclose(ends.data["x"], u, rtol=1e-12)
        np.testing.assert_allclose(ends.data["y"], v, rtol=1e-12)
        bound_x, bound = drawn(view, view.coins_bound_plot, "ELBO(q, θ)")
        assert list(bound_x) == list(range(1, t + 1))  # no bound before the first iteration
        worst = int(np.argmin(host.history[0].log_likelihood))  # the start the plot follows
        assert list(bound) == [s.elbo[worst] for s in so_far(host, snap)[1:]]
    assert not host.messages and snap.step == host.history[-1].step


def test_a_mixture_draws_each_components_ellipses_and_marks_a_drop_from_its_flag(qtbot):
    view, host, run = hosted(qtbot, "gmm", "faithful-k2", iterations=5)
    for snap in steps(view, host, run):
        for k in range(snap.weights.size):
            x, y = drawn(view, view.mixture_plot, f"k = {k + 1}:")
            one_sigma = curves.ellipse(snap.means[k], snap.covariances[k], 1)
            np.testing.assert_allclose(np.column_stack([x, y]), one_sigma, rtol=1e-12)
    _, ell = drawn(view, view.likelihood_plot, "log p(x; θ)")
    np.testing.assert_array_equal(ell, host.history.trace("log_likelihood"))
    with pytest.raises(KeyError):  # EM never went down: no mark
        drawn(view, view.likelihood_plot, "ℓ went DOWN")
    # A step flagged as a drop by the engine is marked, whatever its numbers say.
    flagged = dataclasses.replace(snap, step=snap.step + 1, decreased=True)
    host.history.append(flagged)
    view.draw(flagged)
    x, y = drawn(view, view.likelihood_plot, "ℓ went DOWN")
    assert list(x) == [len(host.history) - 1] and list(y) == [flagged.log_likelihood]


def test_the_race_draws_every_chain_and_the_spread_of_each_checkpoint(qtbot):
    view, host, run = hosted(qtbot, "race", "curve1d", chains=20, samples=200)
    for snap in steps(view, host, run):
        run_so_far = so_far(host, snap)
        ks = [s.k for s in run_so_far]
        ratios = np.array([s.importance_estimates[:CHAINS_DRAWN] for s in run_so_far])
        x, y = drawn(view, view.estimates_plot, "importance")
        expected = chains_polyline(ks, ratios * np.exp(snap.truth_log_p))
        np.testing.assert_array_equal(x, expected[0])
        np.testing.assert_allclose(y, expected[1], rtol=1e-12)
        # The Jensen plot's band: the mean of log P_k less 2 standard errors over the chains.
        x, y = drawn(view, view.jensen_plot, "± 2 standard errors")
        logs = np.log([s.importance_estimates for s in run_so_far]) + snap.truth_log_p
        means = np.array([s.importance_log_mean for s in run_so_far])
        se = logs.std(axis=1, ddof=1) / np.sqrt(logs.shape[1])
        np.testing.assert_allclose(y, means - 2 * se, rtol=1e-9)
        assert np.allclose(means, logs.mean(axis=1))
        x, y = drawn(view, view.spread_plot, "importance")
        spreads = np.array([s.importance_rel_std for s in run_so_far])
        np.testing.assert_array_equal(x, np.array(ks, float)[spreads > 0])
        np.testing.assert_array_equal(y, spreads[spreads > 0])
    assert snap.k == 200
    shown = proposal_view(snap.profile)  # thinned from the profile's 20,001 points
    x, y = drawn(view, view.proposal_plot, "exact posterior")
    np.testing.assert_array_equal(x, shown.axis)
    np.testing.assert_array_equal(y, shown.posterior)
    assert len(x) < len(snap.profile.axis)


def test_the_gradients_view_draws_each_estimators_variance_per_sample_size(qtbot):
    view, host, run = hosted(qtbot, "gradients", "z2", samples=300)
    for snap in steps(view, host, run):
        ns = np.array([s.n for s in so_far(host, snap)], float)
        for name in ("score", "reparam"):
            x, y = drawn(view, view.variance_plot, f"{name}:")
            variance = np.array([getattr(s, f"{name}_var") for s in so_far(host, snap)])
            np.testing.assert_array_equal(x, ns[variance > 0])
            np.testing.assert_array_equal(y, variance[variance > 0])
    assert snap.n == 300


def test_the_data_view_draws_each_components_points_and_the_truths_ellipses(qtbot):
    view, host, run = hosted(qtbot, "data", kind="gmm2d", n=400)
    for snap in steps(view, host, run):
        truth = snap.dataset.truth
        pool = view.scatter_pool
        for k in range(truth.k):
            points = pool.labelled(f"z = {k + 1}")
            members = snap.x[snap.z == k]
            np.testing.assert_array_equal(points.data["x"], members[:, 0])
            np.testing.assert_array_equal(points.data["y"], members[:, 1])
            for i, n_sigma in enumerate((1, 2)):  # each component's 1σ and 2σ outline
                x, y = pool.curves[2 * k + i].getData()
                outline = curves.ellipse(truth.means[k], truth.covariances[k], n_sigma)
                np.testing.assert_allclose(np.column_stack([x, y]), outline, rtol=1e-12)
        handles = [(h.pos().x(), h.pos().y()) for h in view.mean_handles]
        np.testing.assert_allclose(handles, truth.means, rtol=1e-12)
    assert len(snap.x) == 400 and truth.k >= 2
