"""Estimators of p(x) and of gradients against exact answers (issue 4)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch
from scipy import integrate
from scipy.special import logsumexp

from engine.config import ConfigError
from engine.estimators.gradients import GradientsConfig
from engine.estimators.models import MAX_BITS, BinaryImage, Curve, ManyComponents
from engine.estimators.race import RaceConfig
from engine.experiment import Run, get
from engine.geometry.estimators import proposal_view

CPU, F64 = torch.device("cpu"), torch.float64


def steps(experiment: str, **params) -> list:
    """Every snapshot of a run (set-up progress left out), the final one last."""
    name = get(experiment)
    runner = Run(name.config(None, **params), name.generate)
    snaps = list(runner.until(None))
    return [*snaps, runner.result]


def final(experiment: str, **params):
    return steps(experiment, **params)[-1]


# --- exact p(x) -------------------------------------------------------------------------------
def test_binary_exact_p_equals_brute_force_enumeration():
    model = BinaryImage(8, seed=3, device=CPU, dtype=F64)
    x, w = model.x.numpy(), model.weights.numpy()
    terms = []
    for z in itertools.product((0, 1), repeat=8):
        z = np.array(z, float)
        prior = np.prod(np.where(z == 1, model.rho, 1 - model.rho))
        p = 1 / (1 + np.exp(-(-3.0 + w @ z)))
        terms.append(prior * np.prod(np.where(x == 1, p, 1 - p)))
    assert model.exact_log_p == pytest.approx(math.log(sum(terms)), rel=1e-13)
    marginals = model.posterior_marginals.numpy()
    assert ((marginals > 0) & (marginals < 1)).all()


def test_mixture_exact_p_equals_the_density_sum():
    model = ManyComponents(500, seed=1, device=CPU, dtype=F64)
    x, means = model.x.numpy(), model.means.numpy()
    log_terms = (
        model.log_weights.numpy()
        - 0.5 * ((x - means) ** 2).sum(1) / model.sigma**2
        - np.log(2 * np.pi * model.sigma**2)
    )
    assert model.exact_log_p == pytest.approx(logsumexp(log_terms), rel=1e-13)


def test_curve1d_quadrature_agrees_with_a_fine_simpson_rule():
    model = Curve(1, seed=2, device=CPU, dtype=F64)
    t = np.linspace(-8, 8, 400_001)
    simpson = integrate.simpson(np.exp(model.log_joint_np(t[:, None])), x=t)
    assert model.exact_log_p == pytest.approx(math.log(simpson), abs=1e-10)


def test_curve_torch_and_numpy_log_joints_agree():
    for dim in (1, 2):
        model = Curve(dim, seed=4, device=CPU, dtype=F64)
        z = np.random.default_rng(0).normal(size=(50, dim)) * 2
        assert model.log_joint(torch.as_tensor(z)).numpy() == pytest.approx(
            model.log_joint_np(z), rel=1e-13
        )
        scalar = [model.log_joint_scalar(*row) for row in z.tolist()]
        assert scalar == pytest.approx(model.log_joint_np(z), rel=1e-13)


# --- the race ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("model", "params"),
    [("binary", {"bits": 10}), ("mixture", {"components": 300}), ("curve1d", {})],
)
def test_both_estimators_are_unbiased_and_importance_wins(model, params):
    snap = final("race", model=model, proposal="fitted", chains=400, samples=200, **params)
    exact = snap.exact_p
    for mean, spread in (
        (snap.uniform_mean, snap.uniform_rel_std),
        (snap.importance_mean, snap.importance_rel_std),
    ):
        standard_error = spread * exact / math.sqrt(400)
        assert abs(mean - exact) < 4 * standard_error + 1e-15 * exact
    assert snap.importance_rel_std < snap.uniform_rel_std
    assert snap.exact_log_p == pytest.approx(math.log(exact))
    assert 1 <= snap.ess <= 200 and 0 < snap.max_weight <= 1


def test_curve2d_importance_is_unbiased():
    snap = final("race", model="curve2d", proposal="prior", chains=200, samples=100)
    standard_error = snap.importance_rel_std * snap.exact_p / math.sqrt(200)
    assert abs(snap.importance_mean - snap.exact_p) < 4 * standard_error


@pytest.mark.parametrize("model", ["binary", "mixture", "curve1d"])
def test_the_exact_posterior_gives_zero_variance(model):
    snap = final("race", model=model, proposal="posterior", chains=20, samples=50)
    assert snap.importance_rel_std < 1e-12
    assert snap.importance_mean == pytest.approx(snap.exact_p, rel=1e-12)
    assert snap.ess == pytest.approx(50, rel=1e-9)


def test_jensen_log_estimates_rise_with_k_and_stay_below_log_p():
    snaps = steps("race", model="binary", bits=10, proposal="prior", chains=300, samples=1000)
    ks = [s.k for s in snaps]
    assert ks[:10] == [1, 2, 3, 4, 5, 6, 8, 10, 13, 16] and ks[-1] == 1000 and len(ks) == 28
    logs = np.array([s.importance_log_mean for s in snaps])
    exact = snaps[-1].exact_log_p
    # E[log p̂_k] = L_k is monotone in k; with 300 chains allow a little Monte Carlo noise.
    assert (np.diff(logs) > -0.05).all() and logs[-1] - logs[0] > 0.5
    assert (logs < exact + 0.01).all()
    assert logs[0] < exact - 0.5  # L_1, the ELBO, far below with the prior as q


def test_json_lines_carry_the_exact_values_only_at_the_end():
    snaps = steps("race", chains=3, samples=20)
    assert "exact_p" not in snaps[0].to_dict()
    last = snaps[-1].to_dict()
    for key in ("k", "uniform_mean", "uniform_rel_std", "importance_mean", "importance_rel_std"):
        assert key in last
    for key in ("uniform_log_mean", "importance_log_mean", "exact_p", "exact_log_p", "ess"):
        assert key in last


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"chains": 0}, "chains = 0"),
        ({"samples": 0}, "samples = 0"),
        ({"chains": 1001}, r"chains = 1001: too large; allowed: int >= 1 and <= 1000"),
        ({"model": "binary", "bits": MAX_BITS + 1}, f"<= {MAX_BITS}"),
        ({"model": "curve1d", "proposal": "gaussian", "q_scale": (0.0,)}, r"q_scale\[0\] = 0"),
        ({"model": "curve1d", "proposal": "gaussian", "q_scale": (-1.0,)}, "too small"),
        ({"model": "curve1d", "q_mean": ()}, "q_mean: 0 numbers; give one number"),
        (
            {"model": "curve2d", "q_mean": (1.0, 2.0, 3.0)},
            "q_mean: 3 numbers; give one number, or one per dimension",
        ),
        ({"model": "binary", "proposal": "gaussian"}, "continuous z only"),
        (
            {"model": "mixture", "components": 10**5},
            r"components = 10\^5: too large; allowed: int >= 1 and <= 10\^4",
        ),
    ],
)
def test_bad_race_settings_are_refused_with_a_message(params, message):
    with pytest.raises(ConfigError, match=message):
        RaceConfig(**params)


# --- gradients --------------------------------------------------------------------------------
def test_z_squared_variances_match_the_closed_forms():
    m, s = 1.0, 0.5
    snap = final("gradients", objective="z2", m=m, s=s, samples=1_000_000)
    assert snap.exact_grad == 2 * m and snap.exact_grad_log_s == 2 * s * s
    assert snap.reparam_var == pytest.approx(4 * s * s, rel=0.02)
    assert snap.score_var == pytest.approx(m**4 / s**2 + 14 * m**2 + 15 * s**2, rel=0.05)
    assert snap.exact_reparam_var == 4 * s * s
    assert snap.exact_score_var == m**4 / s**2 + 14 * m**2 + 15 * s**2
    assert snap.baseline_var < snap.score_var
    for name in ("score", "baseline", "reparam"):
        mean, var = getattr(snap, f"{name}_mean"), getattr(snap, f"{name}_var")
        assert abs(mean - snap.exact_grad) < 4 * math.sqrt(var / snap.n)


def test_elbo_gradient_estimators_are_unbiased_against_quadrature():
    snap = final("gradients", objective="elbo", m=0.3, s=0.8, samples=400_000)
    for name in ("score", "baseline", "reparam"):
        for suffix, exact in (("", snap.exact_grad), ("_log_s", snap.exact_grad_log_s)):
            mean = getattr(snap, f"{name}_mean{suffix}")
            var = getattr(snap, f"{name}_var{suffix}")
            assert abs(mean - exact) < 4 * math.sqrt(var / snap.n), (name, suffix)
    assert snap.reparam_var < snap.baseline_var < snap.score_var


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"s": 0.0}, "s = 0: too small"),
        ({"s": -1.0}, "s = -1: too small"),
        ({"samples": 1}, "samples = 1: too small; allowed: int >= 2"),
        ({"m": 1e12}, r"m = 10\^12: too large"),  # quadrature and moments overflow
    ],
)
def test_bad_gradient_settings_are_refused(params, message):
    with pytest.raises(ConfigError, match=message):
        GradientsConfig(**params)


def test_a_gaussian_proposal_from_the_sliders_is_unbiased():
    snap = final(
        "race", model="curve1d", proposal="gaussian", q_mean=(0.5,), q_scale=(0.7,), chains=300,
        samples=100,
    )  # fmt: skip
    standard_error = snap.importance_rel_std * snap.exact_p / math.sqrt(300)
    assert abs(snap.importance_mean - snap.exact_p) < 4 * standard_error


@pytest.mark.parametrize("model", ["binary", "mixture", "curve1d", "curve2d"])
def test_the_proposal_view_shows_a_normalised_posterior_and_the_fitted_q(model):
    snap = final("race", model=model, proposal="fitted", chains=2, samples=2)
    if snap.profile.kind == "components":  # the race's profile holds every component
        assert snap.profile.posterior.sum() == pytest.approx(1, abs=1e-12)
    view = proposal_view(snap.profile)
    if view.kind == "density":  # densities over z: each integrates to 1
        step = view.axis[1] - view.axis[0]
        for values in (view.posterior, view.proposal, view.uniform):
            assert values.sum() * step == pytest.approx(1, abs=2e-3)
    elif view.kind == "marginals":  # P(z_d = 1), the fitted q matching the posterior's
        assert view.proposal == pytest.approx(np.clip(view.posterior, 1e-6, 1 - 1e-6))
    else:  # the most probable components, sorted, with q = (posterior + prior) / 2 there
        assert len(view.axis) == 30 and (np.diff(view.posterior) <= 0).all()
        assert (view.proposal >= view.posterior / 2 - 1e-15).all()


def test_the_grouped_bernoulli_sampler_draws_independent_bits_with_the_right_means():
    model = BinaryImage(14, seed=5, device=CPU, dtype=F64)  # groups of 6, 6 and 2 bits
    proposal = model.proposal("fitted")
    generator = torch.Generator().manual_seed(1)
    z = proposal.sample(400_000, generator).numpy()
    p = np.clip(model.posterior_marginals.numpy(), 1e-6, 1 - 1e-6)
    assert set(np.unique(z)) <= {0.0, 1.0}
    standard_error = np.sqrt(p * (1 - p) / len(z))
    assert (np.abs(z.mean(0) - p) < 5 * standard_error + 1e-12).all()
    # Bits in different groups, and in the same group, are independent.
    for a, b in ((5, 6), (0, 3), (11, 12)):
        joint = (z[:, a] * z[:, b]).mean()
        assert abs(joint - p[a] * p[b]) < 5 * math.sqrt(p[a] * p[b] / len(z)) + 1e-12
    # The uniform proposal draws fair bits through the same grouped sampler.
    uniform = model.proposal("uniform").sample(200_000, generator).numpy()
    assert abs(uniform.mean() - 0.5) < 5 * 0.5 / math.sqrt(uniform.size)


def test_the_vae_race_estimates_p_x_against_an_iwae_reference_that_says_it_is_one():
    """The shipped digits VAE: no exact p(x), so the reference is an IWAE estimate with its
    standard error; both estimators agree with it, the naive one drawing from the prior."""
    run = Run(RaceConfig(model="vae", image=3, chains=40, samples=300), get("race").generate)
    steps = list(run.until(None))
    snap = run.result
    assert snap.naive == "prior" and 0 < snap.reference_se < 0.01
    line = snap.to_dict()
    assert line["reference_se"] == snap.reference_se and "reference_se" not in steps[1].to_dict()
    error = snap.importance_rel_std / math.sqrt(40)  # of the mean ratio p̂ / p(x)
    assert abs(snap.importance_mean / snap.exact_p - 1) < 4 * error + 3 * snap.reference_se
    assert snap.importance_rel_std < snap.uniform_rel_std  # the encoder's q beats the prior
    profile = snap.profile
    step = profile.axis[1] - profile.axis[0]
    for density in (profile.posterior, profile.proposal, profile.uniform):
        assert density.sum() * step == pytest.approx(1.0, abs=2e-3)
    with pytest.raises(ConfigError, match="the vae model's posterior is not known"):
        RaceConfig(model="vae", proposal="posterior")
    exact = final("race", model="curve1d", chains=2, samples=2)
    assert exact.reference_se is None and "reference_se" not in exact.to_dict()


def test_the_vae_race_takes_the_weights_a_vae_run_saved(tmp_path):
    """weights= names the file a `vae` run saved: its p(x) is that model's (here a VAE trained
    2 epochs, far worse than the shipped one), and a file of another architecture is refused."""
    saved = tmp_path / "vae.pt"
    final("vae", epochs=2, iwae_k=1, save=str(saved))
    shipped = final("race", model="vae", image=3, chains=2, samples=10)
    ours = final("race", model="vae", image=3, chains=2, samples=10, weights=str(saved))
    assert ours.truth_log_p < shipped.truth_log_p - 1  # a worse model: a lower p(x)
    other = tmp_path / "ae.pt"
    final("vae", model="ae", epochs=1, iwae_k=1, save=str(other))
    with pytest.raises(ConfigError, match=r"weights = .*another architecture: model ae"):
        final("race", model="vae", weights=str(other), chains=2, samples=10)
    with pytest.raises(ConfigError, match=r"weights = .*no such file"):
        RaceConfig(model="vae", weights=str(tmp_path / "missing.pt"))
