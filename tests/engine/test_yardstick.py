"""The true path as the yardstick of an interpolation on pole and shadow (issue 22)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.imaging import networks
from engine.imaging.images import poles, render_poles
from engine.vae import interpolation, yardstick


@pytest.fixture(scope="module")
def test_set():
    images = poles(300, seed=4)
    return torch.as_tensor(np.array(images.x)), images.factors


class Oracle:
    """A model that codes an image by its true factors and decodes factors by the generator:
    its straight line in code space is the true path itself."""

    def __init__(self, images, factors) -> None:
        self.images, self.factors = images, torch.tensor(np.array(factors))

    def code(self, x):
        return self.factors[torch.cdist(x, self.images).argmin(1)]

    def decode(self, z):
        z = z.numpy()
        return torch.as_tensor(render_poles(z[:, 0], z[:, 1]))


class MeanImage(Oracle):
    """A decoder that draws the mean image whatever the code: blur everywhere."""

    def decode(self, z):
        return self.images.mean(0, keepdim=True).expand(len(z), -1)


def test_the_ideal_path_scores_zero_and_a_blurred_one_does_not(test_set):
    images, factors = test_set
    pairs = yardstick.far_pairs(factors, 20, seed=0)
    exact = yardstick.pair_errors(Oracle(images, factors), images, factors, pairs, 9, "linear")
    assert np.array_equal(exact, np.zeros(len(pairs)))
    blurred = yardstick.pair_errors(MeanImage(images, factors), images, factors, pairs, 9, "linear")
    assert (blurred > 0.03).all()  # the mean image is far from every true one


def test_the_cross_fade_is_exact_at_its_ends_and_not_in_its_middle(test_set):
    images, factors = test_set
    (a, b), *_ = yardstick.far_pairs(factors, 1, seed=1)
    fade = interpolation.cross_fade(images[a], images[b], 9).numpy()
    errors = yardstick.path_error(fade, yardstick.true_path(factors[a], factors[b], 9))
    assert errors[0] == 0 and errors[-1] == 0
    assert errors[4] > 0.02  # a double exposure is not the pole lit from halfway between
    pairs = np.array([[a, b]])
    assert yardstick.pair_errors(None, images, factors, pairs, 9, "linear")[0] == pytest.approx(
        errors.mean(), rel=1e-6
    )


@pytest.mark.parametrize("path", ["linear", "slerp"])
def test_many_pairs_at_once_match_a_pair_at_a_time(test_set, path):
    images, factors = test_set
    model = networks.build("vae", images.shape[1], 2, "bernoulli", 0, torch.device("cpu"))
    pairs = yardstick.far_pairs(factors, 12, seed=2)
    batched = yardstick.pair_errors(model, images, factors, pairs, 7, path)
    for (i, j), error in zip(pairs, batched, strict=True):
        decoded, _ = interpolation.decoded_path(model, images[i], images[j], 7, path)
        truth = yardstick.true_path(factors[i], factors[j], 7)
        assert error == pytest.approx(yardstick.path_error(decoded.numpy(), truth).mean(), rel=1e-5)


def test_pairs_lie_far_apart_and_are_drawn_from_the_seed(test_set):
    _, factors = test_set
    pairs = yardstick.far_pairs(factors, yardstick.PAIRS, seed=3)
    assert pairs.shape == (yardstick.PAIRS, 2) and (pairs[:, 0] != pairs[:, 1]).all()
    scale = np.array([np.ptp(b) for b in (yardstick.ELEVATION, yardstick.AZIMUTH)])
    gaps = np.linalg.norm((factors[pairs[:, 0]] - factors[pairs[:, 1]]) / scale, axis=1)
    assert gaps.min() >= yardstick.SPREAD
    assert np.array_equal(pairs, yardstick.far_pairs(factors, yardstick.PAIRS, seed=3))
    assert not np.array_equal(pairs, yardstick.far_pairs(factors, yardstick.PAIRS, seed=4))


def test_the_verdict_gives_means_standard_errors_and_how_often_the_vae_wins():
    vae, ae, pixel = np.array([0.1, 0.2, 0.3]), np.array([0.2, 0.1, 0.4]), np.array([0.3] * 3)
    found = yardstick.verdict(vae, ae, pixel)
    assert found.pairs == 3 and found.vae == pytest.approx(0.2)
    assert found.vae_se == pytest.approx(0.1 / np.sqrt(3))
    assert found.vae_beats_ae == pytest.approx(2 / 3) and found.pixel_se == 0


def test_an_interpolation_on_pole_and_shadow_ends_with_the_verdict_over_many_pairs():
    from engine import experiment as experiments

    interpolate = experiments.get("interpolate")
    config = interpolate.config("poles", images=400, epochs=1, batch=64, points=5)
    run = experiments.Run(config, interpolate.generate)
    list(run.until(None))
    line = run.result.to_dict()
    assert line["pairs"] == yardstick.PAIRS
    for kind in ("vae", "ae", "pixel"):
        assert 0 < line[f"{kind}_path_error"] < 1 and 0 < line[f"{kind}_path_error_se"] < 0.1
    assert 0 <= line["vae_beats_ae"] <= 1
    assert line["pixel_path_error"] > 0  # the cross-fade's middles are double exposures
    # The chosen pair, point by point against its true path: the cross-fade exact at its ends.
    fade = line["pixel_scores"]
    assert len(fade) == 5 and fade[0] == 0 == fade[-1] and max(fade) > 0
    for kind in ("vae", "ae", "pixel"):
        assert 0 < line[f"{kind}_manifold_distance"] < 1


def test_on_digits_the_verdict_is_the_distance_beyond_the_ends_own():
    from engine import experiment as experiments

    interpolate = experiments.get("interpolate")
    run = experiments.Run(interpolate.config("digits-shipped"), interpolate.generate)
    list(run.until(None))
    line = run.result.to_dict()
    assert line["pairs"] == yardstick.PAIRS and 0 <= line["vae_beats_ae"] <= 1
    # A cross-fade's middle is no digit: beyond its ends (real test images) it is further.
    assert line["pixel_path_error"] > 0 and line["pixel_path_error_se"] > 0
    for kind in ("vae", "ae"):
        assert np.isfinite([line[f"{kind}_path_error"], line[f"{kind}_manifold_distance"]]).all()


def test_blur_shared_by_a_path_and_its_ends_does_not_count():
    """A decoder that draws one blurred image everywhere lies far from every digit, but no
    further along its path than at its ends: its excess is 0, where a cross-fade's is not."""
    from engine.imaging.images import digits

    data = digits()
    train = torch.as_tensor(np.array(data.x[:1000]))
    test = torch.as_tensor(np.array(data.x[1000:1200]))
    pairs = yardstick.label_pairs(np.asarray(data.labels[1000:1200]), 30, seed=0)
    assert (data.labels[1000:1200][pairs[:, 0]] != data.labels[1000:1200][pairs[:, 1]]).all()
    references = interpolation.References(train)
    blur = train.mean(0).expand(len(pairs), 7, -1)
    excess, mean = yardstick.excess_distances(blur, references)
    assert np.allclose(excess, 0) and mean > 0.1
    fade = yardstick.decoded_pairs(None, test, pairs, 7, "linear")
    excess, _ = yardstick.excess_distances(fade, references)
    assert excess.mean() > 0.005  # a double exposure of two digits: further than either
