"""The data generators: statistics within sampling error, seeding, immutable snapshots."""

import dataclasses
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.mixture import GaussianMixture as SklearnMixture

from engine import run
from engine.data.dataset import GaussianMixture, ThreeCoins
from engine.data.making import LI_HANG_TOSSES, DataConfig, make_dataset
from engine.data.summary import RunningMoments
from engine.experiment import Run, get
from engine.geometry.curves import contour_lines, ellipse, histogram

Z = 5.0  # deviations allowed, in standard errors: a false alarm about once in 3.5 million


def test_1d_mixture_matches_its_parameters_within_sampling_error():
    config = DataConfig.create(
        n=200_000, weights=(0.2, 0.8), means=(-1.0, 3.0), stds=(0.5, 2.0), seed=1
    )
    data = make_dataset(config)
    n = len(data)
    for k, (w, mu, sd) in enumerate(zip(config.weights, config.means, config.stds, strict=True)):
        members = data.x[data.z == k, 0]
        assert abs(len(members) / n - w) < Z * np.sqrt(w * (1 - w) / n)
        assert abs(members.mean() - mu) < Z * sd / np.sqrt(len(members))
        assert abs(members.var() - sd**2) < Z * sd**2 * np.sqrt(2 / len(members))


def test_2d_mixture_covariances_match_within_sampling_error():
    config = DataConfig.create(
        kind="gmm2d",
        n=300_000,
        means=(0, 0, 5, 5),
        covariances=(2.0, 0.8, 1.0, 0.5, -0.3, 1.5),
        seed=2,
    )
    data = make_dataset(config)
    truth = config.mixture()
    for k in range(2):
        members = data.x[data.z == k]
        m = len(members)
        sample_cov = np.cov(members.T, bias=True)
        sigma = truth.covariances[k]
        for i in range(2):
            for j in range(2):
                # Var of a sample covariance entry: (Σ_ii Σ_jj + Σ_ij²) / m for Gaussian data.
                se = np.sqrt((sigma[i, i] * sigma[j, j] + sigma[i, j] ** 2) / m)
                assert abs(sample_cov[i, j] - sigma[i, j]) < Z * se
        assert np.all(
            np.abs(members.mean(axis=0) - truth.means[k]) < Z * np.sqrt(np.diag(sigma) / m)
        )


def test_three_coins_frequencies_match_the_process():
    coins = ThreeCoins(0.1, 0.9, 0.3)
    x, z = coins.sample(400_000, np.random.default_rng(3))
    heads = x[:, 0]
    n = len(heads)
    assert coins.p_heads == pytest.approx(0.1 * 0.9 + 0.9 * 0.3)
    assert abs(heads.mean() - coins.p_heads) < Z * np.sqrt(coins.p_heads * 0.64 / n)
    assert abs(z.mean() - 0.1) < Z * np.sqrt(0.09 / n)
    b = heads[z == 1]
    assert abs(b.mean() - 0.9) < Z * np.sqrt(0.09 / len(b))


def test_li_hang_preset_is_the_ten_published_tosses():
    snaps = list(run("data", preset="li-hang"))
    last = snaps[-1]
    assert last.x[:, 0].tolist() == list(LI_HANG_TOSSES)
    assert last.heads_fraction == pytest.approx(0.6)
    assert last.z is None and last.true_heads_probability is None


def test_old_faithful_is_r_faithful():
    last = list(run("data", kind="faithful"))[-1]
    assert last.n == 272
    # R: colMeans(faithful) = 3.487783, 70.897059
    assert last.mean == pytest.approx([3.487783, 70.897059], abs=5e-7)


def test_same_seed_same_data_whatever_the_batching():
    a = make_dataset(DataConfig.create(kind="gmm2d", n=1000, seed=7))
    b = make_dataset(DataConfig.create(kind="gmm2d", n=1000, seed=7, batches=1))
    c = make_dataset(DataConfig.create(kind="gmm2d", n=1000, seed=8))
    assert np.array_equal(a.x, b.x) and np.array_equal(a.z, b.z)
    assert not np.array_equal(a.x, c.x)


def test_steps_reveal_the_sample_and_return_the_whole():
    runner = Run(DataConfig.create(n=95, batches=4), get("data").generate)
    shown = []
    while (snap := runner.step()) is not None:
        shown.append(snap.shown)
    assert shown == [24, 48, 71, 95]
    assert runner.result.final and runner.result.shown == 95
    assert runner.step() is None


def test_snapshots_are_immutable_and_flat_json():
    snap = next(run("data", kind="gmm2d", n=200))
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.shown = 3
    for array in (snap.mean, snap.covariance, snap.empirical_means, snap.x, snap.z):
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array[0] = 1
    data = snap.to_dict()
    assert "dataset" not in data and "x" not in data
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text)["empirical_weights"] == pytest.approx(snap.empirical_weights)
    assert all(not isinstance(v, dict) for v in data.values())


def test_empty_component_gives_null_not_nan_in_json():
    snap = next(run("data", n=1, k=1, batches=1))
    data = json.loads(json.dumps(snap.to_dict(), allow_nan=False))
    assert data["shown"] == 1


def _sklearn_oracle(mixture: GaussianMixture) -> SklearnMixture:
    oracle = SklearnMixture(n_components=mixture.k, covariance_type="full")
    oracle.weights_ = mixture.weights
    oracle.means_ = mixture.means
    oracle.covariances_ = mixture.covariances
    oracle.precisions_cholesky_ = np.linalg.cholesky(np.linalg.inv(mixture.covariances))
    return oracle


def test_log_density_agrees_with_scikit_learn():
    config = DataConfig.create(kind="gmm2d", k=4, n=500, seed=4)
    mixture = config.mixture()
    x = make_dataset(config).x
    expected = _sklearn_oracle(mixture).score_samples(x)
    assert mixture.log_density(x) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_1d_density_integrates_to_one(k, seed):
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.ones(k))
    means = rng.uniform(-5, 5, size=(k, 1))
    stds = rng.uniform(0.2, 2.0, size=k)
    mixture = GaussianMixture(weights, means, (stds**2).reshape(k, 1, 1))
    grid = np.linspace(-20, 20, 40_001)
    total = np.trapezoid(np.exp(mixture.log_density(grid[:, None])), grid)
    assert total == pytest.approx(1.0, abs=1e-9)
    parts = mixture.weighted_component_densities(grid[:, None]).sum(axis=1)
    np.testing.assert_allclose(
        parts, np.exp(mixture.log_density(grid[:, None])), rtol=1e-10, atol=1e-12
    )


@settings(max_examples=50, deadline=None)
@given(st.floats(0.1, 10), st.floats(0.1, 10), st.floats(-0.95, 0.95), st.sampled_from([1, 2]))
def test_ellipse_lies_at_the_given_mahalanobis_distance(sx, sy, rho, n_sigma):
    cov = np.array([[sx * sx, rho * sx * sy], [rho * sx * sy, sy * sy]])
    mean = np.array([1.0, -2.0])
    curve = ellipse(mean, cov, n_sigma)
    d = curve - mean
    distance = np.sqrt(np.einsum("ni,ij,nj->n", d, np.linalg.inv(cov), d))
    assert distance == pytest.approx(np.full(len(curve), float(n_sigma)), rel=1e-9)


def test_histogram_is_a_density():
    x = np.random.default_rng(0).normal(size=1000)
    edges, heights = histogram(x)
    assert np.sum(heights * np.diff(edges)) == pytest.approx(1.0)
    assert 10 <= len(heights) <= 200


def test_running_moments_match_the_two_pass_statistics_batch_by_batch():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(3000, 3)) * [1.0, 1e-3, 10.0] + [1e6, -5.0, 0.0]  # far from 0
    z = rng.integers(0, 4, size=3000)
    z[z == 3] = 2  # group 3 stays empty
    moments = RunningMoments(4, 3)
    for lo, hi in [(0, 1), (1, 700), (700, 701), (701, 3000)]:
        moments.add(x[lo:hi], z[lo:hi])
        for j in range(4):
            members = x[:hi][z[:hi] == j]
            assert moments.counts[j] == len(members)
            if len(members) == 0:
                assert np.isnan(moments.means[j]).all() and np.isnan(moments.covariances[j]).all()
                continue
            assert moments.means[j] == pytest.approx(members.mean(axis=0), rel=1e-14, abs=1e-12)
            expected = np.cov(members, rowvar=False, bias=True) if len(members) > 1 else 0
            assert moments.covariances[j] == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_contour_lines_trace_the_level_set_of_a_quadratic():
    x, y = np.linspace(-2, 2, 161), np.linspace(-3, 3, 121)
    values = -(x[:, None] ** 2) - (y[None, :] / 2) ** 2
    lines = contour_lines(values, x, y, [-1.0, -0.25])
    assert np.isnan(lines[-1]).all()  # every line ends with a NaN row
    points = lines[~np.isnan(lines).any(axis=1)]
    radius = points[:, 0] ** 2 + (points[:, 1] / 2) ** 2
    assert set(np.round(radius, 2)) == {0.25, 1.0}
    assert np.abs(radius - np.round(radius, 2)).max() < 1e-3  # linear interpolation error
    assert contour_lines(values, x, y, [5.0]).shape == (0, 2)  # above the maximum: nothing
    with pytest.raises(ValueError, match="axes"):
        contour_lines(values.T, x, y, [-1.0])
