"""What the views draw, checked as numbers: no Qt here (engine.geometry)."""

import numpy as np
import pytest

from engine import run
from engine.em.coins import ridge_residual
from engine.em.two_means import log_likelihood_at
from engine.estimators.models import ProposalProfile
from engine.geometry import em as em_geometry
from engine.geometry.estimators import (
    ProposalView,
    chains_polyline,
    density_extent,
    inverse_sqrt_guide,
    log_mean_standard_error,
    proposal_view,
)
from engine.history import History


@pytest.fixture(scope="module")
def means_run():
    """Every half-step's snapshot with the run up to it, as a window's history holds it."""
    history, steps = History(), []
    for snap in run("gmm1d-means", preset="seed-003", half_steps=True, iterations=6):
        history.append(snap)
        steps.append((snap, em_geometry.iterates(history, snap)))
    return steps


def test_the_iterates_are_the_starts_and_m_steps_with_one_surrogate_per_e_step(means_run):
    phases = [snap.phase for snap, _ in means_run]
    assert phases == ["start"] + ["E", "M"] * 6
    for i, (snap, iterates) in enumerate(means_run):
        t = (i + 1) // 2  # E steps so far
        assert len(iterates.surrogates) == t and len(iterates.path) == 1 + i // 2
        if t:
            assert iterates.surrogate is snap.surrogate
        # The newest iterate is the snapshot's own θ (an E step repeats it).
        assert tuple(iterates.path[-1]) == (snap.mu1, snap.mu2)
    # Each M step's θ maximises the surrogate of the E step before it.
    final = means_run[-1][1]
    for k, surrogate in enumerate(final.surrogates):
        assert surrogate.maximiser == pytest.approx(final.path[k + 1], abs=1e-12)


def test_iterates_are_numbered_where_they_stand_apart(means_run):
    path = means_run[-1][1].path
    apart = 0.2
    labels = em_geometry.iterate_labels(means_run[-1][1], apart)
    numbered = [t for t, _ in labels]
    assert numbered[0] == 0 and numbered == sorted(numbered)
    points = np.array([p for _, p in labels])
    gaps = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    assert (gaps[~np.eye(len(points), dtype=bool)] >= apart).all()  # no two labels collide
    for t, point in enumerate(path):  # every iterate left out lies near a numbered one
        if t not in numbered:
            assert np.hypot(*(points - point).T).min() < apart
    assert len(labels) < len(path)  # EM piles iterates up near the optimum


def test_surrogate_curves_lie_on_their_anchors_levels(means_run):
    snap, iterates = means_run[-1]
    curves = em_geometry.surrogate_curves(iterates)
    path = iterates.path
    assert len(curves.levels) == len(iterates.surrogates) > 1
    newest = iterates.surrogates[-1]
    # The current ellipse is B's contour at ℓ̄(θ_t): every point at that level.
    assert newest(curves.current[:, 0], curves.current[:, 1]) == pytest.approx(
        curves.levels[-1], abs=1e-9
    )
    # Each level is ℓ̄ at its anchor θ_k (B(θ_k; θ_k) = ℓ̄(θ_k)).
    exact = log_likelihood_at(snap.points, path[: len(iterates.surrogates)], snap.pi)
    assert np.array(curves.levels) == pytest.approx(exact, abs=1e-12)
    # The earlier ones: one line per surrogate, each ended by a NaN row.
    ends = np.isnan(curves.earlier[:, 0])
    assert ends.sum() == len(iterates.surrogates) - 1 and ends[-1]
    assert em_geometry.anchor_level(iterates) == pytest.approx(curves.levels[-1], abs=1e-15)


def test_the_anchor_level_before_any_surrogate_is_the_log_likelihood(means_run):
    start, iterates = means_run[0]
    assert not iterates.surrogates
    assert em_geometry.surrogate_curves(iterates).current.shape == (0, 2)
    assert em_geometry.anchor_level(iterates) == pytest.approx(
        log_likelihood_at(start.points, iterates.path[:1], start.pi)[0], abs=1e-15
    )


def test_the_slice_touches_at_theta_and_peaks_at_the_next_iterate(means_run):
    for snap, iterates in means_run[1:]:
        line = em_geometry.step_slice(iterates)
        assert line.s[0] <= 0 <= line.s[-1]
        # B ≤ ℓ̄ all along the line, equal at θ_t (s = 0).
        for values in line.surrogates:
            assert np.all(values <= line.log_likelihood + 1e-12)
        path = iterates.path
        theta = path[-1] if snap.phase != "M" else path[-2]
        assert snap.surrogate(*theta) == pytest.approx(line.touch, abs=1e-12)
        assert line.step == pytest.approx(np.hypot(*(snap.surrogate.maximiser - theta)))
        assert line.peak == pytest.approx(snap.surrogate(*snap.surrogate.maximiser))
        assert len(line.surrogates) == min(len(iterates.surrogates), em_geometry.SLICE_SURROGATES)


def test_the_ridge_projection_sums_to_the_probability_of_heads():
    rng = np.random.default_rng(3)
    theta = rng.random((5, 4, 3))  # any leading shape: a history of several starts
    u, v = em_geometry.ridge_projection(theta)
    assert u.shape == v.shape == (5, 4)
    heads, n = 37, 100
    assert u + v - heads / n == pytest.approx(ridge_residual(theta, heads, n), abs=1e-15)
    assert em_geometry.ridge_projection(np.array([0.1, 0.9, 0.3])) == pytest.approx((0.09, 0.27))


def test_chains_are_one_polyline_ended_by_nan():
    ks = np.array([1.0, 10.0, 100.0])
    values = np.arange(6.0).reshape(3, 2)  # two chains over three checkpoints
    x, y = chains_polyline(ks, values)
    assert x.shape == y.shape == (8,)
    np.testing.assert_array_equal(x[:3], ks)
    np.testing.assert_array_equal(y[:3], values[:, 0])
    np.testing.assert_array_equal(y[4:7], values[:, 1])
    assert np.isnan(x[3]) and np.isnan(y[7])


def test_the_spread_guide_falls_as_one_over_root_k():
    ks = np.array([1.0, 4.0, 16.0])
    x, y = inverse_sqrt_guide(ks, np.array([0.0, 0.5, 0.2]))  # the first positive at k = 4
    np.testing.assert_array_equal(x, [1.0, 16.0])
    assert y == pytest.approx([1.0, 0.25])
    assert inverse_sqrt_guide(ks, np.zeros(3))[0].size == 0


def test_a_density_is_shown_where_it_has_mass():
    axis = np.linspace(-10, 10, 2001)
    posterior = np.exp(-0.5 * (axis - 2) ** 2)
    proposal = np.exp(-0.5 * ((axis + 1) / 0.5) ** 2)
    view = ProposalView("density", axis, posterior, proposal, np.full_like(axis, 0.05))
    low, high = density_extent(view)
    # exp(−z²/2) > 10⁻⁴ for |z| < 4.29: q's left tail at −1 − 0.5·4.29, p's right at 2 + 4.29.
    assert low == pytest.approx(-1 - 0.5 * np.sqrt(-2 * np.log(1e-4)), abs=0.01)
    assert high == pytest.approx(2 + np.sqrt(-2 * np.log(1e-4)), abs=0.01)


def test_the_proposal_view_shows_the_most_probable_components_first():
    posterior = np.array([0.1, 0.5, 0.05, 0.3, 0.05])
    q = np.array([0.2, 0.2, 0.2, 0.2, 0.2])
    profile = ProposalProfile("components", np.arange(1.0, 6.0), posterior, q, np.full(5, 0.2))
    view = proposal_view(profile, components=3)
    assert view.axis.tolist() == [2.0, 4.0, 1.0]  # by posterior mass, the component numbers
    assert view.posterior.tolist() == [0.5, 0.3, 0.1] and view.proposal.tolist() == [0.2] * 3


def test_the_proposal_view_thins_a_density_and_keeps_every_pixels_marginal():
    axis = np.linspace(-8, 8, 20_001)
    density = np.exp(-0.5 * axis**2) / np.sqrt(2 * np.pi)
    profile = ProposalProfile("density", axis, density, density, np.full_like(axis, 1 / 16))
    view = proposal_view(profile, points=2000)
    assert 2000 <= len(view.axis) <= 2001 and view.axis[0] == -8.0
    np.testing.assert_array_equal(view.posterior, density[:: len(axis) // 2000])
    marginals = ProposalProfile("marginals", np.arange(1.0, 13.0), *np.full((3, 12), 0.5))
    assert len(proposal_view(marginals).axis) == 12


def test_a_mosaic_places_each_image_in_its_cell_between_hairlines():
    from engine.geometry import vae as vae_geometry

    images = np.arange(5 * 6, dtype=np.float32).reshape(5, 6) / 30.0  # five 2×3 images
    out = vae_geometry.mosaic(images, (2, 3), columns=3)
    assert out.shape == (2 * 3 - 1, 3 * 4 - 1)
    assert np.array_equal(out[0:2, 4:7], images[1].reshape(2, 3))  # row 0, column 1
    assert np.array_equal(out[3:5, 4:7], images[4].reshape(2, 3))  # row 1, column 1
    assert (out[2] == vae_geometry.GAP_VALUE).all() and (out[:, 3] == vae_geometry.GAP_VALUE).all()
    assert (out[3:5, 8:11] == 0).all()  # the empty cell is paper
    as_bytes = vae_geometry.mosaic((images * 255).round().astype(np.uint8), (2, 3), columns=3)
    assert np.allclose(as_bytes, out, atol=1 / 255)


def test_strips_stack_paths_a_row_each_and_the_verdict_is_the_measured_one():
    from engine.geometry import vae as vae_geometry

    rows = [np.full((4, 4), v, np.float32) for v in (0.2, 0.5, 1.0)]
    out = vae_geometry.strips(rows, (2, 2))
    assert out.shape == (3 * 3 - 1, 4 * 3 - 1)
    assert out[0, 0] == np.float32(0.2) and out[6, 0] == 1.0
    assert vae_geometry.verdict(0.1, 0.2, 0.3).startswith("the VAE's path stays nearer")
    assert vae_geometry.verdict(0.2, 0.1, 0.15).startswith("the AE's path stays nearer")
    assert "not both below" in vae_geometry.verdict(0.2, 0.1, 0.15)


def test_the_vi_views_geometry():
    from engine.geometry import vi as vi_geometry

    # A drag of q's peak to height h means s = 1 / (h √2π): the density's peak again.
    s = vi_geometry.scale_from_peak(0.4)
    assert vi_geometry.normal_density(np.array([1.0]), 1.0, s)[0] == pytest.approx(0.4)
    path = vi_geometry.half_step_path((0.0, 0.0), [1.0, 3.0], [0.0, 2.0], [1.0, 3.0], [2.0, 4.0])
    assert path.tolist() == [[0, 0], [1, 0], [1, 2], [3, 2], [3, 4]]  # along z₁, then z₂
    surface = np.arange(12.0).reshape(3, 4)
    levels = vi_geometry.surface_levels(surface, 4)
    assert levels[0] < surface.max() and np.all(np.diff(levels) < 0)
    assert vi_geometry.contraction_guide([1, 2, 3], 2.0, 0.5).tolist() == [2.0, 0.5, 0.125]
    one, two = vi_geometry.correlated_ellipses((0.0, 0.0), 0.5)
    radius = np.einsum("ij,jk,ik->i", one, np.linalg.inv([[1, 0.5], [0.5, 1]]), one)
    assert np.allclose(radius, 1.0) and np.allclose(np.abs(two), 2 * np.abs(one))


def test_the_standard_error_of_a_mean_of_logs_is_the_chains_spread_over_root_chains():
    rng = np.random.default_rng(3)
    ratios = np.exp(rng.normal(0.0, 0.5, size=(4, 400)))  # 4 steps of 400 chains' P_k / p(x)
    se = log_mean_standard_error(ratios)
    np.testing.assert_allclose(se, np.log(ratios).std(axis=1, ddof=1) / 20, rtol=1e-12)
    assert np.all(np.abs(se - 0.5 / 20) < 0.004)  # σ/√n for σ = 0.5, within sampling error
    ratios[2, 7] = 0.0  # a chain with no hit: log P_k = −∞, no band at that step
    assert np.isnan(log_mean_standard_error(ratios)[2])
    assert np.isfinite(log_mean_standard_error(ratios)[[0, 1, 3]]).all()


def test_a_polyline_clipped_to_a_box_keeps_its_inside_parts_joined():
    from engine.geometry.curves import clip_polyline

    box = (0.0, 0.0, 1.0, 1.0)
    # In, out through the top, back in, and a point far below: three pieces.
    x = np.array([0.2, 0.4, 0.6, 0.8, 0.9])
    y = np.array([0.5, 0.5, 2.0, 0.5, -10.0])
    cx, cy = clip_polyline(x, y, box)
    pieces = np.split(np.column_stack([cx, cy]), np.flatnonzero(np.isnan(cx)))
    pieces = [p[~np.isnan(p).any(axis=1)] for p in pieces]
    assert len(pieces) == 2
    first, second = pieces
    # The first runs unbroken from (0.2, 0.5) through (0.4, 0.5) up to where it leaves the top.
    assert first[:2].tolist() == [[0.2, 0.5], [0.4, 0.5]]
    assert first[-1] == pytest.approx([0.4 + 0.2 * (0.5 / 1.5), 1.0])
    # The second comes back in through the top, reaches (0.8, 0.5), leaves through the bottom.
    assert second[0] == pytest.approx([0.6 + 0.2 * (1.0 / 1.5), 1.0])
    assert second[1].tolist() == [0.8, 0.5]
    assert second[2] == pytest.approx([0.8 + 0.1 * (0.5 / 10.5), 0.0])
    assert ((cx[~np.isnan(cx)] >= 0) & (cx[~np.isnan(cx)] <= 1)).all()
    assert ((cy[~np.isnan(cy)] >= 0) & (cy[~np.isnan(cy)] <= 1)).all()


def test_clipping_keeps_breaks_and_pairs_and_drops_what_lies_outside():
    from engine.geometry.curves import clip_polyline

    box = (0.0, 0.0, 1.0, 1.0)
    x, y = clip_polyline([0.1, 0.2, np.nan, 0.3, 0.4], [0.1, 0.2, np.nan, 0.3, 0.4], box, "finite")
    assert np.isnan(x).sum() == 1 and x[~np.isnan(x)].tolist() == [0.1, 0.2, 0.3, 0.4]
    # Pairs: each its own segment, never joined to the next.
    x, y = clip_polyline([0.1, 0.2, 0.2, 0.3], [0.5, 0.5, 0.5, 0.5], box, "pairs")
    assert np.isnan(x).sum() == 1
    x, y = clip_polyline([2.0, 3.0], [2.0, 3.0], box)  # wholly outside
    assert len(x) == 0
    x, y = clip_polyline([-1.0, 2.0], [0.5, 0.5], box)  # across: cut at both sides
    assert x.tolist() == [0.0, 1.0] and y.tolist() == [0.5, 0.5]
