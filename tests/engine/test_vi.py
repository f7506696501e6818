"""The ELBO & VI engine against exact answers: quadrature against closed forms, the ELBO's
identities to 1e-9, mean-field coordinate ascent against its algebra, the two KL directions,
reparameterised gradients, and variational learning's staircase."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy.optimize import minimize

from engine import experiment as experiments
from engine.config import ConfigError
from engine.vi import posteriors
from engine.vi.cavi import gaussian_kl

GAUSS = experiments.get("vi-gauss")
KL = experiments.get("kl-directions")
CAVI = experiments.get("cavi")
LEARNING = experiments.get("variational-learning")


def run(experiment, **params):
    r = experiments.Run(experiment.config(**params), experiment.generate)
    steps = list(r.until(None))
    return steps, r.result


@pytest.mark.parametrize("name", posteriors.NAMES)
def test_log_px_equals_elbo_plus_kl_to_1e_9_and_the_elbo_is_below_it(name):
    post = posteriors.posterior(name)
    log_px = post.log_px()
    for m in np.linspace(-6.0, 4.0, 9):
        for s in (0.02, 0.3, 1.0, 2.5, 5.0):
            elbo = float(post.elbo(m, s))
            assert elbo <= log_px
            # To 1e-9 of the numbers' size (a very wide q on the skewed model has an ELBO of −4·10⁶,
            # where float64's own spacing is 1e-9).
            gap = abs(log_px - (elbo + post.kl_by_grid(m, s)))
            assert gap < 1e-9 * max(1.0, abs(elbo)), (m, s)
    scene = GAUSS.generate.__globals__["scene_of"](post)
    assert scene.surface.max() <= log_px  # the drawn surface too, everywhere
    assert scene.best_elbo <= log_px


def test_closed_forms_agree_with_quadrature():
    for name in ("bimodal", "gaussian"):
        post = posteriors.posterior(name)
        assert post.exact_log_px() == pytest.approx(post.grid_log_px(), abs=1e-11)
    bimodal = posteriors.posterior("bimodal", 1.0)
    components = bimodal.exact_components()
    mean = sum(w * mu for w, mu, _ in components)
    second = sum(w * (v + mu * mu) for w, mu, v in components)
    assert bimodal.moments() == pytest.approx((mean, math.sqrt(second - mean * mean)), abs=1e-9)
    assert components[1][0] == pytest.approx(0.935, abs=1e-3)  # seed 000's picture: most near 2


def test_the_kl_is_zero_where_q_is_the_exact_posterior():
    post = posteriors.posterior("gaussian")
    m, s = post.exact_posterior()
    assert abs(post.log_px() - float(post.elbo(m, s))) < 1e-12
    assert abs(post.kl_by_grid(m, s)) < 1e-9
    _, final = run(GAUSS, posterior="gaussian", m=-1.0, s=2.0, iterations=400, step_size=0.2)
    assert final.kl < 1e-9 and final.m == pytest.approx(m, abs=1e-6)


def test_seed_000s_two_qs_n_2_2_fits_better_than_n_minus_4_0_75():
    _, good = run(GAUSS, **GAUSS.preset("seed-000"))
    _, bad = run(GAUSS, **GAUSS.preset("seed-000-other"))
    assert good.log_px == bad.log_px and good.kl < bad.kl
    assert good.elbo == pytest.approx(good.log_px - good.kl, abs=1e-12)


def test_the_exact_gradient_is_the_elbos_and_the_reparameterised_one_is_unbiased():
    rng = np.random.default_rng(0)
    for name in posteriors.NAMES:
        post = posteriors.posterior(name)
        m, s, h = 0.3, 1.2, 1e-6
        dm, dlog_s = post.elbo_gradient(m, s)
        assert dm == pytest.approx((post.elbo(m + h, s) - post.elbo(m - h, s)) / (2 * h), abs=1e-6)
        numeric = (post.elbo(m, s * math.exp(h)) - post.elbo(m, s * math.exp(-h))) / (2 * h)
        assert dlog_s == pytest.approx(numeric, abs=1e-6)
        draws = [post.reparameterised_gradient(m, s, rng.standard_normal(1)) for _ in range(40_000)]
        draws = np.array(draws)
        error = draws.std(0) / math.sqrt(len(draws))
        assert np.all(np.abs(draws.mean(0) - [dm, dlog_s]) < 4 * error), name


def test_sga_ends_near_the_exact_maximiser():
    _, final = run(
        GAUSS, posterior="skewed", method="sga", samples=20, step_size=0.02, iterations=3000
    )
    scene = final.scene
    assert final.m == pytest.approx(scene.best_m, abs=0.05)
    assert final.s == pytest.approx(scene.best_s, abs=0.05)
    assert final.exact_m == pytest.approx(scene.best_m, abs=1e-3)  # the exact path beside it
    assert final.elbo <= final.log_px


def test_a_steered_q_is_shown_where_it_is_and_the_climb_goes_on():
    config = GAUSS.config(posterior="bimodal", iterations=50)
    r = experiments.Run(config, GAUSS.generate)
    r.next_step()
    moved = r.step(steer=config.replace(m=1.5, s=0.7))
    assert (moved.m, moved.s) == (1.5, 0.7)
    after = r.next_step()
    assert after.elbo > moved.elbo  # one ascent step from the dragged q


def test_kl_directions_moment_matching_against_mode_seeking():
    (), result = run(KL, posterior="bimodal")
    post = posteriors.posterior("bimodal")
    found = minimize(
        lambda p: post.forward_kl(p[0], math.exp(p[1])),
        [0.0, 0.0],
        method="Nelder-Mead",
        options={"xatol": 1e-7, "fatol": 1e-12, "maxiter": 4000},
    )
    assert found.x[0] == pytest.approx(result.forward_m, abs=1e-3)
    assert math.exp(found.x[1]) == pytest.approx(result.forward_s, abs=1e-3)
    assert (result.forward_m, result.forward_s) == pytest.approx(
        (result.posterior_mean, result.posterior_sd)
    )
    assert min(abs(result.reverse_m - mode) for mode in result.modes) < 0.05  # on one mode
    assert result.reverse_s < result.posterior_sd
    assert result.reverse_kl < result.forward_reverse_kl  # each is best at its own KL
    assert result.forward_kl < result.reverse_forward_kl
    assert len(result.modes) == 2


@pytest.mark.parametrize("rho", [0.5, 0.8, -0.9])
def test_coordinate_ascent_variances_contraction_and_kl(rho):
    steps, final = run(CAVI, rho=rho, sweeps=200, mean=(1.0, -0.5), start=(-2.0, 3.0))
    for snap in steps[1:]:
        assert snap.v1 == pytest.approx(1 - rho * rho) and snap.v2 == pytest.approx(1 - rho * rho)
    errors = [abs(s.m2 - (-0.5)) for s in steps[1:6]]
    for before, after in itertools.pairwise(errors):
        assert after == pytest.approx(rho * rho * before, rel=1e-9)
    assert final.kl == pytest.approx(-0.5 * math.log(1 - rho * rho), abs=1e-9)
    kls = [s.kl for s in steps]
    assert all(later <= earlier + 1e-12 for earlier, later in itertools.pairwise(kls))


def test_mean_field_is_exact_for_independent_coordinates_and_kl_is_right():
    steps, _ = run(CAVI, rho=0.0, sweeps=3)
    assert steps[1].kl == pytest.approx(0.0, abs=1e-12)
    assert gaussian_kl([0.0, 0.0], [1.0, 1.0], [0.0, 0.0], 0.0) == 0.0


def test_coordinate_ascent_on_the_banana_never_raises_the_kl():
    steps, final = run(CAVI, **CAVI.preset("banana"))
    kls = [s.kl for s in [*steps, final]]
    halves = [s.half_kl for s in [*steps, final]][1:]
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(kls))
    assert all(h <= k + 1e-9 for h, k in zip(halves, kls, strict=False))
    assert final.kl > 0.05  # not gaussian: mean field cannot be exact


@pytest.mark.parametrize("method", ["gaussian", "em"])
def test_variational_learning_never_lowers_the_elbo_and_its_curves_lie_below(method):
    steps, final = run(LEARNING, method=method)
    every = [*steps, final]
    elbos = [s.elbo for s in every]
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(elbos))
    for snap in every:
        assert np.all(snap.curve_elbo <= snap.curve_log_px + 1e-9)
        assert snap.elbo <= snap.log_px + 1e-9
    if method == "em":  # q the exact posterior: the curve touches log p(x; θ) where it was made
        for snap in every:
            if snap.phase == "phi":
                assert snap.elbo == pytest.approx(snap.log_px, abs=1e-8)
                gap = snap.curve_log_px - snap.curve_elbo
                nearest = snap.curve_theta[np.argmin(gap)]  # the drawn curve touches there
                assert abs(nearest - snap.theta) <= snap.curve_theta[1] - snap.curve_theta[0]
    assert final.log_px > steps[0].log_px


@pytest.mark.parametrize(
    ("experiment", "params", "message"),
    [
        (CAVI, dict(rho=1.0), "rho = 1: a correlation with |ρ| < 1"),
        (CAVI, dict(rho=-1.0), "rho = -1"),
        (GAUSS, dict(s=0.0), "s = 0"),
        (LEARNING, dict(x=(0.0, 0.0)), "all counts 0"),
        (LEARNING, dict(x=(1.5,)), "whole numbers"),
    ],
)
def test_bad_settings_are_one_message(experiment, params, message):
    with pytest.raises(ConfigError, match=message):
        experiment.config(**params)


def test_the_skewed_models_q_is_refused_where_its_elbo_leaves_the_numbers(recwarn):
    """E_q eᶻ = exp(m + s²/2) overflows beyond m + s²/2 ≈ 709.8: such a q (s = 50 at m = 0,
    which the form's bounds allow) is one message naming the bound, never an overflow."""
    for params in (dict(s=50.0), dict(m=50.0, s=37.0), dict(other=(-50.0, 50.0))):
        with pytest.raises(ConfigError, match=r"keep m \+ s²/2 ≤ 700") as caught:
            GAUSS.config("skewed", **params)
        assert "\n" not in str(caught.value)
    _, edge = run(GAUSS, posterior="skewed", m=0.0, s=37.4, iterations=0)  # just inside
    assert math.isfinite(edge.elbo) and edge.elbo < -1e300 and edge.kl > 1e300
    assert GAUSS.config("bimodal", s=50.0, other=(-50.0, 50.0)).s == 50.0  # others have no edge
    assert not recwarn.list  # no overflow on the way


@pytest.mark.parametrize(
    ("params", "first_stop"),
    [
        (dict(posterior="bimodal", step_size=1.0), 1),  # the m = −3e25, ELBO −1e51
        (dict(posterior="bimodal", step_size=10.0, method="sga"), 1),
        (dict(posterior="skewed", step_size=10.0), 1),
        (dict(posterior="gaussian", step_size=2.0), 1),
    ],
)
def test_a_diverging_ascent_stops_with_a_word_and_keeps_a_finite_q(params, first_stop):
    with pytest.warns(RuntimeWarning, match="the ascent diverges with step_size") as caught:
        steps, result = run(GAUSS, **params)
    assert len(caught) == 1 and "try a smaller step_size" in str(caught[0].message)
    assert result.final and result.stopped == str(caught[0].message)
    assert result.to_dict()["stopped"] == result.stopped
    assert result.step < params.get("iterations", 300) and result.step >= first_stop - 1
    for snap in [*steps, result]:  # every q shown is finite, its ELBO computed
        assert all(map(math.isfinite, (snap.m, snap.s, snap.elbo, snap.kl, snap.exact_m)))
        assert snap.elbo == pytest.approx(snap.log_px - snap.kl)


def test_an_ascent_that_overshoots_once_from_a_steep_start_climbs_back_and_goes_on():
    """The skewed model from m = 10: a gradient of −22,000 throws m to −1,090 (the ELBO falls
    from −22,000 to −594,000), and the ascent climbs back to the maximiser: no divergence."""
    steps, result = run(GAUSS, posterior="skewed", m=10.0, s=0.1, step_size=0.05, iterations=300)
    assert steps[1].elbo < steps[0].elbo - 1e5  # the one overshoot
    assert result.stopped is None and result.step == 300
    _, best = run(KL, posterior="skewed")
    assert result.elbo == pytest.approx(best.log_px - best.reverse_kl, abs=1e-4)  # near the top


@pytest.mark.parametrize("preset", ["bimodal", "skewed", "gaussian", "sga", "seed-000-other"])
def test_a_sound_ascent_never_stops_early(preset):
    """The default steps, exact and with reparameterised gradients over seeds: the ascent runs
    to its end (no false alarm from sampling noise)."""
    for seed in range(3):
        for method in ("exact", "sga"):
            _, result = run(GAUSS, preset=preset, method=method, seed=seed, iterations=300)
            assert result.stopped is None and result.step == 300, (seed, method)
            assert "stopped" not in result.to_dict()


def test_a_posterior_beyond_its_grid_is_one_message():
    with pytest.raises(ConfigError, match="cannot be normalised on its grid"):
        posteriors.posterior("gaussian", 40.0)
    with pytest.raises(ConfigError, match="cannot be normalised"):
        run(GAUSS, posterior="gaussian", x=40.0)
    with pytest.raises(ConfigError, match="reaches the ends of its grid"):
        run(LEARNING, theta=-20.0, x=(1000.0,))


def test_a_steered_rho_starts_the_sweeps_again_in_the_same_generator():
    config = CAVI.config(rho=0.5, sweeps=10)
    r = experiments.Run(config, CAVI.generate)
    r.next_step()
    r.next_step()
    again = r.step(steer=config.replace(rho=0.9))
    assert again.step == 0 and again.m1 == config.start[0]
    list(r.until(None))
    fresh = run(CAVI, rho=0.9, sweeps=10)[1]
    assert (r.result.m1, r.result.m2, r.result.kl) == (fresh.m1, fresh.m2, fresh.kl)


def test_many_counts_are_refused_and_a_long_start_can_be_cancelled():
    with pytest.raises(ConfigError, match="at most 100"):
        LEARNING.config(x=(1.0,) * 1000)
    generator = LEARNING.generate(LEARNING.config(x=(1.0,) * 100))
    first = next(generator)  # set-up work reports progress: a cancel is never far away
    assert isinstance(first, experiments.Progress)
    generator.close()
