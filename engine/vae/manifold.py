"""The pole-and-shadow manifold as a model sees it (seed 003 figure 5, after Oring et al. 2021).

The generator's images over a (θ, φ) grid, encoded by a model and drawn in its latent plane,
make a mesh: lines of constant elevation θ (φ sweeping) and of constant azimuth φ (θ
sweeping). A straight path between two codes that cuts across the mesh's curves leaves the
manifold; the encoded true path (the generator's images at the linearly interpolated factors)
follows the mesh, and decoding it is the reference a straight path is measured against.
"""

from __future__ import annotations

import functools

import numpy as np
import torch

from engine.experiment import frozen_array
from engine.imaging.images import AZIMUTH, ELEVATION, render_poles

MESH_LINES = 9  # lines of each kind: constant θ, constant φ
MESH_POINTS = 41  # generator images along each line


@functools.lru_cache(maxsize=4)
def mesh_images(lines: int = MESH_LINES, points: int = MESH_POINTS):
    """The mesh's factors and the generator's images at them: ((2, lines, points, 2) as
    (θ, φ), (2 · lines · points, pixels)); [0] holds the lines of constant θ, [1] those of
    constant φ. Read-only: cached, as the mesh is the same for every model and epoch."""
    across, along = np.linspace(0.0, 1.0, lines), np.linspace(0.0, 1.0, points)
    low, high = np.array([ELEVATION[0], AZIMUTH[0]]), np.array([ELEVATION[1], AZIMUTH[1]])
    spread = high - low
    factors = np.empty((2, lines, points, 2))
    factors[0, :, :, 0] = (low[0] + across * spread[0])[:, None]  # constant θ, φ sweeping
    factors[0, :, :, 1] = (low[1] + along * spread[1])[None, :]
    factors[1, :, :, 0] = (low[0] + along * spread[0])[None, :]  # constant φ, θ sweeping
    factors[1, :, :, 1] = (low[1] + across * spread[1])[:, None]
    flat = factors.reshape(-1, 2)
    return frozen_array(factors, np.float64), frozen_array(
        render_poles(flat[:, 0], flat[:, 1]), np.float32
    )


def mesh_of(model, plane, device, lines: int = MESH_LINES, points: int = MESH_POINTS):
    """The mesh encoded by `model` (codes: q's means) in `plane`'s coordinates (PCA for
    L > 2): (2, lines, points, 2)."""
    _, images = mesh_images(lines, points)
    with torch.no_grad():
        codes = model.code(torch.as_tensor(np.array(images), device=device))
    uv = plane.project(codes.double().cpu().numpy())
    return frozen_array(uv.reshape(2, lines, points, 2), np.float64)


def true_codes(model, truth, device):
    """The codes of the true path's images, and the model's images decoded from them: the path
    that follows the mesh. ((points, latent), (points, pixels)) tensors."""
    with torch.no_grad():
        codes = model.code(torch.as_tensor(np.asarray(truth, np.float32), device=device))
        return codes, model.decode(codes)
