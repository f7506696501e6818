"""General mixtures: the same numbers as scikit-learn's GaussianMixture from the same start."""

import itertools
import json
import warnings

import numpy as np
import pytest
from sklearn.mixture import GaussianMixture

from engine import run
from engine.config import ConfigError
from engine.history import History


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
    eye = "[[[1, 0], [0, 1]], [[1, 0], [0, 1]]]"
    for text, fragment in [
        ("not json", "not a JSON file"),
        ("[1, 2]", "not a JSON object"),
        ('{"weights": [1]}', "no 'means'"),
        (
            '{"weights": [0.5, 0.5], "means": [[0, 0]], "covariances": [1]}',
            r": means have shape \(1, 2\)",
        ),
        (
            '{"weights": [0.5, 0.5], "means": [[0, 0], [1, 1]], "covariances": '
            "[[[1, 2], [2, 1]], [[1, 0], [0, 1]]]}",
            "not positive definite",
        ),
        # Weights shaped (2, 1) ended in a torch traceback; (1, 2) in a message about means.
        (
            f'{{"weights": [[0.5], [0.5]], "means": [[0, 0], [1, 1]], "covariances": {eye}}}',
            "weights have shape \\(2, 1\\); expected \\(K,\\)",
        ),
        (
            f'{{"weights": [[0.5, 0.5]], "means": [[0, 0], [1, 1]], "covariances": {eye}}}',
            "weights have shape \\(1, 2\\)",
        ),
        (
            f'{{"weights": [1.5, -0.5], "means": [[0, 0], [1, 1]], "covariances": {eye}}}',
            "weights must lie in \\[0, 1\\]",
        ),
        (
            f'{{"weights": [0.5, 0.5], "means": [[0, NaN], [1, 1]], "covariances": {eye}}}',
            "means are not all finite",
        ),
        (
            f'{{"weights": [0.5, 0.5], "means": [[0, 0], [1]], "covariances": {eye}}}',
            "means is not a rectangular array",
        ),
        (
            '{"weights": [0.5, 0.5], "means": [[0, 0], [1, 1]], "covariances": [1, 1]}',
            "covariances have shape \\(2,\\); expected \\(2, 2, 2\\) for covariance = full",
        ),
        (
            '{"weights": [0.5, 0.5], "means": [[0, 0], [1, 1]], '
            '"covariances": [[[1, 0.5], [0, 1]], [[1, 0], [0, 1]]]}',
            "not symmetric",
        ),
        (
            '{"weights": [0.5, 0.5], "means": [[0, 0], [1, 1]], "covariances": "big"}',
            "covariances is not a rectangular array",
        ),
    ]:
        path.write_text(text)
        with pytest.raises(ConfigError, match=fragment) as caught:
            list(run("gmm", start=str(path)))
        assert "\n" not in str(caught.value) and "start = " in str(caught.value)


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
    snaps = list(run("gmm", preset="faithful-k2"))
    final, history = snaps[-1], History.of(snaps).trace("log_likelihood")
    assert final.step == 20
    # Standardised Old Faithful: short eruptions bottom-left, long ones top-right.
    low, high = sorted(final.means.tolist())
    assert low[0] < -1 and low[1] < -1 and high[0] > 0.5 and high[1] > 0.5
    assert history[1] < history[10] < history[20] == final.log_likelihood


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


def tight_far_clusters(std, seed=0, n=200):
    """Two tight clusters at ±10⁴, far from the data's mean (scikit-learn's hard case)."""
    rng = np.random.default_rng(seed)
    first = rng.normal(size=(n, 2)) * std * [1.0, 0.7] + 1e4
    second = rng.normal(size=(n, 2)) * std - 1e4
    second[:, 1] += 0.3 * (second[:, 0] + 1e4)  # correlated, so the off-diagonal counts too
    return first, second


def exact_covariance(points, covariance):
    """Two-pass sample covariance (bias = true), in the covariance type's shape."""
    full = np.cov(points.T, bias=True)
    return {"full": full, "diag": np.diag(full), "spherical": np.diag(full).mean()}[covariance]


@pytest.mark.parametrize("covariance", ["full", "diag", "spherical", "tied"])
@pytest.mark.parametrize("std", [1e-3, 1e-4])
@pytest.mark.parametrize("start_offset", [1e-3, 50.0])  # near, and a first step that moves far
def test_tight_clusters_far_from_the_mean_get_exact_covariances(covariance, std, start_offset):
    from engine.em.mixture import MixtureEM, MixtureParameters

    first, second = tight_far_clusters(std)
    x = np.vstack([first, second])
    means = np.array([[1e4 + start_offset, 1e4], [-1e4 - start_offset, -1e4]])
    start = {
        "full": np.stack([np.eye(2)] * 2),
        "tied": np.eye(2),
        "diag": np.ones((2, 2)),
        "spherical": np.ones(2),
    }[covariance]
    params = MixtureParameters(np.array([0.5, 0.5]), means, start, covariance)
    em = MixtureEM(x, covariance, reg_covar=0.0, device="cpu")
    for _ in range(6):
        params = em.step(params).following
    if covariance == "tied":
        within = len(first) * np.cov(first.T, bias=True) + len(second) * np.cov(second.T, bias=True)
        expected = within / len(x)
    else:
        expected = np.array([exact_covariance(c, covariance) for c in (first, second)])
    scale = np.abs(expected).max()
    assert np.abs(params.covariances - expected).max() <= 1e-9 * scale
    assert params.means == pytest.approx(np.array([first.mean(0), second.mean(0)]), rel=1e-14)
    if covariance != "full":
        return  # scikit-learn's diag, spherical and tied M steps are one-pass: they lose digits
    oracle = GaussianMixture(
        2, covariance_type=covariance, reg_covar=0.0, means_init=means, max_iter=6, tol=0
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        oracle.fit(x)
    assert np.abs(params.covariances - oracle.covariances_).max() <= 1e-9 * scale


@pytest.mark.parametrize("covariance", ["full", "diag", "spherical", "tied"])
def test_a_collapsed_component_is_refused_without_reg_covar(tmp_path, covariance):
    """scikit-learn's test_regularisation data: five copies of ones(5), five of zeros(5)."""
    x = np.vstack([np.ones((5, 5)), np.zeros((5, 5))])
    np.save(tmp_path / "x.npy", x)
    common = dict(data=str(tmp_path / "x.npy"), components=2, covariance=covariance, seed=0)
    with pytest.raises(ConfigError, match=r"collapsed.*raise reg_covar"):
        list(run("gmm", reg_covar=0.0, **common))
    final = list(run("gmm", reg_covar=1e-6, **common))[-1]  # what reg_covar is for
    assert np.isfinite(final.log_likelihood) and final.log_likelihood < 30


def test_the_stopping_rule_is_one_m_step_short_of_scikit_learns(tmp_path):
    """Both stop when ℓ̄ changes by less than tol; we report θ_t with its own ℓ̄ and
    iterations = t, scikit-learn the θ_{t+1} of one more M step with n_iter_ = t + 1."""
    from engine.em.mixture import MixtureEM, MixtureParameters

    x = sample(2, seed=7)
    weights, means, covariances = start_for("full", 2, 3, x)
    np.save(tmp_path / "x.npy", x)
    start = {"weights": weights, "means": means, "covariances": covariances}
    (tmp_path / "start.json").write_text(json.dumps({k: v.tolist() for k, v in start.items()}))
    snaps = list(
        run(
            "gmm",
            data=str(tmp_path / "x.npy"),
            start=str(tmp_path / "start.json"),
            components=3,
            covariance="full",
            reg_covar=1e-6,
            tol=1e-4,
            device="cpu",
        )
    )
    final = snaps[-1]
    assert final.converged and not snaps[-2].converged and final.iterations == final.step
    history = History.of(snaps).trace("log_likelihood")
    assert abs(history[-1] - history[-2]) < 1e-4 <= abs(history[-2] - history[-3])
    oracle = GaussianMixture(
        3,
        covariance_type="full",
        tol=1e-4,
        reg_covar=1e-6,
        weights_init=weights,
        means_init=means,
        precisions_init=np.linalg.inv(covariances),
    ).fit(x)
    assert oracle.converged_ and oracle.n_iter_ == final.iterations + 1
    assert oracle.lower_bound_ == pytest.approx(final.log_likelihood, rel=1e-10)
    theta_t = MixtureParameters(
        np.array(final.weights), np.array(final.means), np.array(final.covariances), "full"
    )
    one_more = MixtureEM(x, "full", 1e-6, device="cpu").step(theta_t).following
    assert one_more.means == pytest.approx(oracle.means_, rel=1e-8)


def test_a_step_returns_the_elbo_of_the_previous_steps_q_and_a_new_run_has_none():
    from engine.em.mixture import MixtureEM, MixtureParameters

    rng = np.random.default_rng(5)
    x = np.concatenate([rng.normal(-2, 1, (200, 1)), rng.normal(2, 1, (200, 1))])
    params = MixtureParameters(
        np.array([0.5, 0.5]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1)), "full"
    )
    em = MixtureEM(x, "full", 1e-6, device="cpu")
    first = em.step(params)
    assert first.elbo is None  # no q before the first step
    second = em.step(first.following)
    assert second.elbo <= second.log_likelihood + 1e-12  # ELBO(q_t, θ_{t+1}) ≤ ℓ̄(θ_{t+1})
    assert second.elbo >= first.log_likelihood - 1e-12  # the M step raised the bound
    em.start_run()
    assert em.step(params).elbo is None
