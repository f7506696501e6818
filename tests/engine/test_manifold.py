"""The pole-and-shadow manifold in a model's latent space and the path that follows it (issue
22, seed 003 figure 5)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.config import ConfigError
from engine.geometry.vae import mesh_lines
from engine.imaging import networks
from engine.imaging.images import AZIMUTH, ELEVATION, poles, render_poles
from engine.vae import manifold, pictures, yardstick

CPU = torch.device("cpu")


class Oracle:
    """Codes an image by the true factors of the nearest image it knows; decodes factors by
    the generator."""

    def __init__(self, images, factors) -> None:
        self.images = torch.as_tensor(np.array(images, np.float32))
        self.factors = torch.tensor(np.asarray(factors, np.float64))

    def code(self, x):
        return self.factors[torch.cdist(x, self.images).argmin(1)]

    def decode(self, z):
        z = z.numpy()
        return torch.as_tensor(render_poles(z[:, 0], z[:, 1]))


def test_the_mesh_is_lines_of_constant_theta_and_of_constant_phi_over_the_factor_box():
    factors, images = manifold.mesh_images(5, 7)
    assert factors.shape == (2, 5, 7, 2) and images.shape == (2 * 5 * 7, 32 * 32)
    theta_lines, phi_lines = factors
    assert np.ptp(theta_lines[..., 0], axis=1).max() == 0  # θ fixed along each line
    assert np.ptp(phi_lines[..., 1], axis=1).max() == 0
    assert theta_lines[..., 1].min() == AZIMUTH[0] and theta_lines[..., 1].max() == AZIMUTH[1]
    assert phi_lines[..., 0].min() == ELEVATION[0] and phi_lines[..., 0].max() == ELEVATION[1]
    flat = factors.reshape(-1, 2)
    assert np.array_equal(images, render_poles(flat[:, 0], flat[:, 1]))
    assert not images.flags.writeable  # cached: one copy for every model and epoch


def test_a_model_that_codes_by_the_true_factors_draws_the_mesh_as_the_factor_grid():
    factors, images = manifold.mesh_images(5, 7)
    oracle = Oracle(images, factors.reshape(-1, 2))
    plane = pictures.plane_of(np.zeros((3, 2)))  # L = 2: the plane is z itself
    mesh = manifold.mesh_of(oracle, plane, CPU, 5, 7)
    assert np.allclose(mesh, factors)
    x, y = mesh_lines(mesh, 1)  # one polyline, broken by NaN between the lines
    assert len(x) == 5 * 7 + 4 and np.isnan(x).sum() == 4
    assert np.allclose(x[:7], factors[1, 0, :, 0]) and np.allclose(y[8:15], factors[1, 1, :, 1])


def test_the_mesh_path_decodes_the_true_paths_codes():
    """The path that follows the manifold scores each model's own reconstruction error of the
    true images: 0 for the oracle, and one pair at a time as in the batch for a network."""
    test = poles(200, seed=5)
    images = torch.as_tensor(np.array(test.x))
    pairs = yardstick.far_pairs(test.factors, 8, seed=0)
    truth = yardstick.true_paths(test.factors, pairs, 6)
    known = np.concatenate([np.array(test.x), truth.reshape(-1, truth.shape[-1])])
    known_factors = np.concatenate(
        [test.factors, _path_factors(test.factors, pairs, 6).reshape(-1, 2)]
    )
    oracle = Oracle(known, known_factors)
    errors = yardstick.pair_errors(oracle, images, test.factors, pairs, 6, "mesh")
    assert np.array_equal(errors, np.zeros(len(pairs)))
    model = networks.build("ae", 1024, 2, "continuous-bernoulli", 0, CPU)
    batched = yardstick.pair_errors(model, images, test.factors, pairs, 6, "mesh")
    for (i, j), error in zip(pairs, batched, strict=True):
        one = yardstick.true_path(test.factors[i], test.factors[j], 6)
        _, decoded = manifold.true_codes(model, one, CPU)
        assert error == pytest.approx(yardstick.path_error(decoded.numpy(), one).mean(), rel=1e-5)
    with pytest.raises(ValueError, match="give `truth`"):
        yardstick.decoded_pairs(model, images, pairs, 6, "mesh")


def _path_factors(factors, pairs, points):
    t = np.linspace(0.0, 1.0, points)[None, :, None]
    return (1 - t) * factors[pairs[:, 0]][:, None] + t * factors[pairs[:, 1]][:, None]


def test_the_mesh_path_needs_the_generators_factors():
    from engine import experiment as experiments

    interpolate = experiments.get("interpolate")
    with pytest.raises(ConfigError, match="path = mesh: the true path needs"):
        interpolate.config("digits-shipped", path="mesh")
    assert interpolate.config("pole-and-shadow", path="mesh").path == "mesh"
