"""Paths between two images and how far each point lies from the data (seed 003 §3, after
Oring et al. 2021): the straight line and the slerp between two codes, decoded, and the
pixel-space cross-fade, the off-manifold baseline.

A point's off-manifold score is the root-mean-square pixel distance from its image to the
nearest reference image: the training images, or on pole and shadow the true generator's
images over a dense (θ, φ) grid, so that a generator image on the grid scores 0. Distances are
computed on the device in blocks, the references' norms once a run (References): a 16-point
path against 10⁴ references is one matrix product.
"""

from __future__ import annotations

import numpy as np
import torch

PATHS = ("linear", "slerp")
_BLOCK = 4096  # reference images per distance block


def line(a, b, t):
    """(1 − t) a + t b for each t: (len(t), dim)."""
    t = t.reshape(-1, 1)
    return (1 - t) * a[None] + t * b[None]


def slerp(a, b, t):
    """Along the great circle from a to b with the norm interpolated linearly (the straight
    line where a and b point the same way or either is 0)."""
    norm_a, norm_b = torch.linalg.vector_norm(a), torch.linalg.vector_norm(b)
    if float(norm_a) == 0 or float(norm_b) == 0:
        return line(a, b, t)
    unit_a, unit_b = a / norm_a, b / norm_b
    angle = torch.arccos(torch.clamp(torch.dot(unit_a, unit_b), -1.0, 1.0))
    if float(angle) < 1e-6:
        return line(a, b, t)
    t = t.reshape(-1, 1)
    direction = (torch.sin((1 - t) * angle) * unit_a + torch.sin(t * angle) * unit_b) / torch.sin(
        angle
    )
    return direction * ((1 - t) * norm_a + t * norm_b)


def decoded_path(model, x_a, x_b, points: int, path: str):
    """The decoded images of `points` codes from code(x_a) to code(x_b), ends included, and
    the codes: ((points, pixels), (points, latent))."""
    with torch.no_grad():
        codes = model.code(torch.stack([x_a, x_b]))
        t = torch.linspace(0, 1, points, device=codes.device, dtype=codes.dtype)
        along = (slerp if path == "slerp" else line)(codes[0], codes[1], t)
        return model.decode(along), along


def cross_fade(x_a, x_b, points: int):
    """(1 − t) x_a + t x_b in pixel space: the images a path off the data manifold passes."""
    t = torch.linspace(0, 1, points, device=x_a.device, dtype=x_a.dtype)
    return line(x_a, x_b, t)


class References:
    """Reference images with their squared norms, computed once a run (the norms of 10⁴ pole
    images take longer than a path's whole score): a path is then one matrix product."""

    def __init__(self, images) -> None:
        self.images = images
        self.norms = torch.einsum("ij,ij->i", images, images)

    def __len__(self) -> int:
        return len(self.images)


def off_manifold(images, references) -> np.ndarray:
    """Each image's root-mean-square pixel distance to its nearest reference: (n,)."""
    if not isinstance(references, References):
        references = References(references)
    with torch.no_grad():
        nearest = torch.full((len(images),), float("inf"), device=images.device)
        for start in range(0, len(references), _BLOCK):
            block = references.images[start : start + _BLOCK]
            # The candidate by a matrix product, |b|² − 2ab (fast, but it loses digits: an
            # image's distance to itself came out near 1e-3), then its distance exactly.
            far = references.norms[start : start + _BLOCK][None] - 2 * images @ block.T
            candidate = block[far.argmin(1)]
            exact = torch.linalg.vector_norm(images - candidate, dim=1)
            nearest = torch.minimum(nearest, exact)
        return (nearest / np.sqrt(images.shape[1])).cpu().numpy().astype(np.float64)
