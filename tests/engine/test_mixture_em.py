"""General mixtures: the same numbers as scikit-learn's GaussianMixture from the same start."""

import itertools
import json
import warnings

import numpy as np
import pytest
from sklearn.mixture import GaussianMixture

from engine import run
from engine.config import ConfigError


def sample(d, k=3, n=400, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, d)) * 4
    return centres[rng.integers(k, size=n)] + rng.normal(size=(n, d))


def start_for(covariance, d, k, x):
    covariances = {
        "full": np.stack([np.eye(d) * 1.5] * k),
        "tied": np.eye(d) * 1.5,
        "diag": np.full((k, d), 1.5),
        "spherical": np.full(k, 1.5),
    }[covariance]
    return np.array([0.3, 0.3, 0.4]), x[:k].copy(), covariances


@pytest.mark.parametrize("covariance", ["full", "diag", "spherical", "tied"])
@pytest.mark.parametrize("d", [1, 2, 5])
def test_agrees_with_scikit_learn_from_the_same_start(tmp_path, covariance, d):
    x = sample(d, seed=d)
    weights, means, covariances = start_for(covariance, d, 3, x)
    precisions = np.linalg.inv(covariances) if covariance in ("full", "tied") else 1 / covariances
    oracle = GaussianMixture(
        3,
        covariance_type=covariance,
        tol=0,
        max_iter=15,
        reg_covar=1e-4,
        weights_init=weights,
        means_init=means,
        precisions_init=precisions,
        random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tol = 0 never "converges"
        oracle.fit(x)
    np.save(tmp_path / "x.npy", x)
    (tmp_path / "start.json").write_text(
        json.dumps(
            {
                "weights": weights.tolist(),
                "means": means.tolist(),
                "covariances": covariances.tolist(),
            }
        )
    )
    snaps = list(
        run(
            "gmm",
            data=str(tmp_path / "x.npy"),
            components=3,
            covariance=covariance,
            start=str(tmp_path / "start.json"),
            iterations=15,
            tol=0.0,
            reg_covar=1e-4,
            device="cpu",
        )
    )
    ours = np.array([s.log_likelihood for s in snaps[:15]])
    assert ours == pytest.approx(np.array(oracle.lower_bounds_), rel=1e-8)
    final = snaps[-1]
    assert final.step == 15
    assert final.weights == pytest.approx(oracle.weights_, rel=1e-8)
    assert final.means == pytest.approx(oracle.means_, rel=1e-8, abs=1e-12)
    assert final.covariances == pytest.approx(oracle.covariances_, rel=1e-8, abs=1e-12)
    assert np.all(np.diff(ours) >= -1e-12)  # EM never goes down


def test_old_faithful_default_runs_and_converges_by_tol():
    snaps = list(run("gmm"))
    final = snaps[-1]
    assert final.converged and final.iterations < 100
    assert final.weights.sum() == pytest.approx(1.0)
    assert final.means.shape == (2, 2) and final.covariances.shape == (2, 2, 2)
    assert not any(s.decreased for s in snaps)


def test_bishop_preset_starts_at_the_given_means():
    first = next(run("gmm", preset="faithful-k2"))
    # init = points: the given means, equal weights, unit circles (standardised data).
    assert first.means.tolist() == [[-1.2, 1.5], [1.5, -0.8]]
    assert first.weights.tolist() == [0.5, 0.5]
    assert first.covariances == pytest.approx(np.stack([np.eye(2)] * 2))
    assert first.responsibilities.shape == (272, 2)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"init": "points"}, "needs start_means"),
        ({"init": "points", "start_means": (0.0, 1.0, 2.0)}, "give 2 points of 2"),
        ({"data": "/no/such.npy"}, "no such file"),
        ({"covariance": "banana"}, "covariance = 'banana'"),
    ],
)
def test_bad_configs(params, fragment):
    with pytest.raises(ConfigError) as caught:
        list(run("gmm", **params))
    assert fragment in str(caught.value)


def test_more_components_than_points(tmp_path):
    np.save(tmp_path / "few.npy", np.arange(10.0))
    with pytest.raises(ConfigError, match="components = 12 but the data have 10 points"):
        list(run("gmm", data=str(tmp_path / "few.npy"), components=12))


def test_hostile_start_files(tmp_path):
    path = tmp_path / "s.json"
    for text, fragment in [
        ("not json", "not a JSON object"),
        ('{"weights": [1]}', "not a JSON object"),
        ('{"weights": [0.5, 0.5], "means": [[0, 0]], "covariances": [1]}', "start means"),
        (
            '{"weights": [0.5, 0.5], "means": [[0, 0], [1, 1]], "covariances": '
            "[[[1, 2], [2, 1]], [[1, 0], [0, 1]]]}",
            "not positive definite",
        ),
    ]:
        path.write_text(text)
        with pytest.raises(ConfigError, match=fragment):
            list(run("gmm", start=str(path)))


def test_duplicate_points_and_a_constant_column(tmp_path):
    x = np.repeat(np.array([[0.0, 0.0], [5.0, 5.0]]), 50, axis=0)
    np.save(tmp_path / "dup.npy", x)
    final = list(run("gmm", data=str(tmp_path / "dup.npy"), components=2, iterations=5))[-1]
    # Each component sits on one point; reg_covar keeps its covariance positive and finite.
    assert np.all(np.isfinite(final.covariances))
    assert np.all(np.linalg.eigvalsh(final.covariances) > 0)
    const = np.column_stack([np.arange(10.0), np.ones(10)])
    np.save(tmp_path / "const.npy", const)
    with pytest.raises(ConfigError, match="constant"):
        list(run("gmm", data=str(tmp_path / "const.npy"), standardize=True))


def test_bishop_sequence_finds_the_two_eruption_clusters_by_iteration_20():
    final = list(run("gmm", preset="faithful-k2"))[-1]
    assert final.step == 20
    # Standardised Old Faithful: short eruptions bottom-left, long ones top-right.
    low, high = sorted(final.means.tolist())
    assert low[0] < -1 and low[1] < -1 and high[0] > 0.5 and high[1] > 0.5
    assert final.log_likelihoods[1] < final.log_likelihoods[10] < final.log_likelihoods[20]


def test_elbo_and_kl_per_iteration_against_a_direct_computation():
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal

    snaps = list(run("gmm", preset="faithful-k2", iterations=6))
    x = snaps[0].points  # all 272 points

    def log_joint(snap):
        return np.column_stack(
            [
                np.log(snap.weights[k])
                + multivariate_normal(snap.means[k], snap.covariances[k]).logpdf(x)
                for k in range(2)
            ]
        )

    assert snaps[0].elbo is None and snaps[0].kl is None
    for previous, snap in itertools.pairwise(snaps):
        joint_prev = log_joint(previous)
        log_q = joint_prev - logsumexp(joint_prev, axis=1, keepdims=True)
        expected = np.mean(np.sum(np.exp(log_q) * (log_joint(snap) - log_q), axis=1))
        assert snap.elbo == pytest.approx(expected, rel=1e-10)
        assert previous.log_likelihood <= snap.elbo + 1e-12 <= snap.log_likelihood + 2e-12
        assert snap.kl == pytest.approx(snap.log_likelihood - snap.elbo) and snap.kl >= -1e-12
