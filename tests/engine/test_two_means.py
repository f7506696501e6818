"""EM for two means: the surrogate touches ℓ̄ at θ_t, lies below it, peaks at θ_{t+1}."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import norm

from engine import run
from engine.config import ConfigError
from engine.em import two_means
from engine.em.means_experiment import MeansConfig, em_path, load_points
from engine.em.two_means import Surrogate, log_likelihood, responsibilities, surface
from engine.experiment import Progress, Run, get


def seed_003_points():
    return load_points(MeansConfig())


def brute_force_surrogate(x, gamma, pi, mu):
    """(1/n) Σ_i Σ_z q(z|x_i) log[p(x_i, z; μ) / q(z|x_i)], term by term."""
    total = 0.0
    for xi, g in zip(x, gamma, strict=True):
        for q, weight, mean in ((g, pi, mu[0]), (1 - g, 1 - pi, mu[1])):
            if q > 0:
                total += q * (math.log(weight) + norm.logpdf(xi, mean, 1.0) - math.log(q))
    return total / len(x)


def test_log_likelihood_matches_scipy():
    x = seed_003_points()
    mu, pi = (-1.3, 0.7), 0.3
    expected = np.mean(np.log(pi * norm.pdf(x, mu[0]) + (1 - pi) * norm.pdf(x, mu[1])))
    assert log_likelihood(x, mu, pi) == pytest.approx(expected, rel=1e-13)


def test_surrogate_from_sufficient_statistics_equals_the_definition():
    x = seed_003_points()
    gamma = responsibilities(x, (0.0, 0.5), 0.5)
    surrogate = Surrogate.from_responsibilities(x, gamma, 0.5)
    for mu in [(0.0, 0.5), (-2.0, 2.0), (3.0, -1.0)]:
        assert surrogate(*mu) == pytest.approx(brute_force_surrogate(x, gamma, 0.5, mu), rel=1e-12)


def test_surface_matches_pointwise_log_likelihood(monkeypatch):
    x = seed_003_points()
    m1 = np.linspace(-4, 3, 23)
    m2 = np.linspace(-3, 4, 17)
    values = surface(x, 0.4, m1, m2, device="cpu")
    assert values.shape == (23, 17)
    for i, j in [(0, 0), (5, 11), (22, 16), (13, 3)]:
        assert values[i, j] == pytest.approx(log_likelihood(x, (m1[i], m2[j]), 0.4), rel=1e-13)
    # Many tiles, each a few grid rows by a run of the data: the same numbers (summed in
    # another order), and a report after every tile, so a cancel is never far away.
    monkeypatch.setattr(two_means, "TILE_ELEMENTS", 500)
    blocks = list(two_means.surface_blocks(x, 0.4, m1, m2, device="cpu"))
    assert len(blocks) == 23 * 4  # one grid row by 29 of the 100 points
    assert [f for f, _ in blocks] == pytest.approx(np.arange(1, 93) / 92)
    assert blocks[-1][1] == pytest.approx(values, rel=1e-13)


def test_seed_003_run_touches_bounds_and_climbs():
    snaps = [s for s in run("gmm1d-means", preset="seed-003", half_steps=True)]
    start, rest = snaps[0], snaps[1:]
    assert start.phase == "start" and (start.mu1, start.mu2) == (0.0, 0.5)
    assert [s.phase for s in rest] == ["E", "M"] * 9
    grid1, grid2 = np.meshgrid(start.mu1_axis, start.mu2_axis, indexing="ij")
    previous = start.log_likelihood
    for e, m in zip(rest[::2], rest[1::2], strict=True):
        # E: the surrogate touches ℓ̄ at θ_t (the gap closes) ...
        assert e.elbo == pytest.approx(e.log_likelihood, abs=1e-12) and abs(e.kl) < 1e-12
        bound = e.surrogate(grid1, grid2)
        # ... lies below ℓ̄ on the whole grid ...
        assert np.all(bound <= start.surface + 1e-12)
        # ... and its maximiser is the next iterate, where it is at least as high as anywhere.
        assert (m.mu1, m.mu2) == e.surrogate.maximiser
        assert e.surrogate(m.mu1, m.mu2) >= bound.max() - 1e-12
        # M: the bound rises, ℓ̄ rises at least as much, ℓ̄ = ELBO + KL.
        assert m.elbo >= e.elbo - 1e-12
        assert m.log_likelihood == pytest.approx(m.elbo + m.kl, abs=1e-13)
        assert m.kl >= -1e-13 and m.log_likelihood >= previous - 1e-12
        assert not m.decreased
        previous = m.log_likelihood
    final = snaps[-1]
    assert final.mu1 == pytest.approx(-1.8534, abs=1e-3)
    assert final.mu2 == pytest.approx(1.8748, abs=1e-3)


def test_the_default_surface_shows_the_mirrored_optimum():
    start = next(run("gmm1d-means", preset="seed-003"))
    assert start.mu1_axis.min() < -2 and start.mu1_axis.max() > 2
    assert np.array_equal(start.mu1_axis, start.mu2_axis)
    seed_span = next(run("gmm1d-means", preset="seed-003", span="iterates"))
    path = em_path(start.points, 0.5, (0.0, 0.5), 9)
    assert seed_span.mu1_axis[0] == pytest.approx(path[:, 0].min() - 1)
    assert seed_span.mu2_axis[-1] == pytest.approx(path[:, 1].max() + 1)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 2**31 - 1),
    st.floats(-4, 4),
    st.floats(-4, 4),
    st.floats(0.05, 0.95),
    st.integers(2, 60),
)
def test_em_never_lowers_the_log_likelihood(seed, m1, m2, pi, n):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n) * 2 + rng.choice([-2.0, 2.0], size=n)
    mu = (m1, m2)
    ell = log_likelihood(x, mu, pi)
    for _ in range(15):
        gamma = responsibilities(x, mu, pi)
        surrogate = Surrogate.from_responsibilities(x, gamma, pi)
        assert surrogate(*mu) == pytest.approx(ell, abs=1e-9)
        new = surrogate.maximiser
        if not all(math.isfinite(v) for v in new):
            break
        new_ell = log_likelihood(x, new, pi)
        assert new_ell >= ell - 1e-12 * max(1.0, abs(ell))
        assert surrogate(*new) <= new_ell + 1e-12
        mu, ell = new, new_ell


def test_a_large_surface_reports_progress_and_steps_do_not_count_it(monkeypatch):
    monkeypatch.setattr(two_means, "TILE_ELEMENTS", 120 * 100 * 10)
    runner = Run(get("gmm1d-means").config("seed-003"), get("gmm1d-means").generate)
    reports = []
    while isinstance(snap := runner.step(), Progress):
        reports.append(snap.fraction)
    assert len(reports) >= 10 and reports == sorted(reports) and reports[-1] < 1
    assert snap.phase == "start" and runner.steps == 1


def test_bad_configs_and_a_lost_component():
    with pytest.raises(ConfigError, match="give two numbers"):
        MeansConfig.create(start=(1.0, 2.0, 3.0))
    with pytest.raises(ConfigError, match="pi = 1"):
        MeansConfig.create(pi=1.0)
    with pytest.raises(ConfigError, match="lo < hi"):
        MeansConfig.create(mu_range=(2.0, 1.0))
    with pytest.raises(ConfigError, match="no such file"):
        MeansConfig.create(data="/no/such.csv")
    # Start μ1 so far away that it takes no responsibility at all: refused, never NaN.
    with pytest.raises(ConfigError, match="lost all its weight"):
        list(run("gmm1d-means", start=(1e5, 0.0), surface=False))


def test_data_from_a_file(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("x\n" + "\n".join(str(v) for v in [-2.1, -1.9, 2.0, 2.2, -2.0, 1.8]))
    final = list(run("gmm1d-means", data=str(path), iterations=60, surface=False))[-1]
    x = np.array([-2.1, -1.9, 2.0, 2.2, -2.0, 1.8])
    assert final.mu1 == pytest.approx(-2.0, abs=0.01) and final.mu2 == pytest.approx(2.0, abs=0.01)
    # A fixed point: one more EM step stays put.
    gamma = responsibilities(x, (final.mu1, final.mu2), 0.5)
    again = Surrogate.from_responsibilities(x, gamma, 0.5).maximiser
    assert again == pytest.approx((final.mu1, final.mu2), abs=1e-12)
    wide = tmp_path / "w.csv"
    wide.write_text("a,b\n1,2\n3,4\n")
    with pytest.raises(ConfigError, match="2-D points"):
        list(run("gmm1d-means", data=str(wide)))


def test_level_curve_lies_on_the_level_and_touches_at_the_iterate():
    x = seed_003_points()
    theta = (0.0, 0.5)
    surrogate = Surrogate.from_responsibilities(x, responsibilities(x, theta, 0.5), 0.5)
    level = log_likelihood(x, theta, 0.5)  # = B(θ_t; θ_t)
    curve = surrogate.level_curve(level)
    assert surrogate(curve[:, 0], curve[:, 1]) == pytest.approx(
        np.full(len(curve), level), abs=1e-12
    )
    # θ_t is on the ellipse (B touches ℓ̄ there), and ℓ̄ ≥ B = level all around it.
    assert surrogate(*theta) == pytest.approx(level, abs=1e-12)
    assert np.all(two_means.log_likelihood_at(x, curve, 0.5) >= level - 1e-12)
    assert surrogate.level_curve(surrogate.peak + 1.0) is None


def test_log_likelihood_at_many_points_and_the_slice():
    x = seed_003_points()
    s, points = two_means.slice_line((0.0, 0.5), (-0.8, 1.1))
    assert np.hypot(*(points[1] - points[0])) == pytest.approx(s[1] - s[0])
    at_zero = points[np.argmin(np.abs(s))]
    assert at_zero == pytest.approx([0.0, 0.5], abs=0.02)
    values = two_means.log_likelihood_at(x, points, 0.5)
    assert values[7] == pytest.approx(log_likelihood(x, tuple(points[7]), 0.5), rel=1e-13)
    s2, _ = two_means.slice_line((1.0, 1.0), (1.0, 1.0))
    assert s2[0] == pytest.approx(-0.5)
