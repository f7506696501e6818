"""The true path as the yardstick of an interpolation (seed 003 §3.2, pole and shadow).

Every pole-and-shadow image has known factors (the light's elevation θ and azimuth φ), so the
ideal interpolation from image a to image b is the generator's image at the factors linearly
interpolated from a's to b's. A decoded point's error is its root-mean-square pixel distance to
that image: the ideal path's own images score 0, the cross-fade's ends score 0 and its middle
(a double exposure) does not, and a decoder that blurs pays for its blur.

One pair says little; `pair_errors` scores many pairs of test images at once, all their points
decoded in one batch, and `verdict` gives the means with their standard errors and how often
the VAE's path lies nearer the truth than the AE's. Where no generator is known (digits), a
path's mean distance to the nearest training image in excess of its own ends' stands in for
its error (`excess_distances`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from engine.imaging.images import AZIMUTH, ELEVATION, render_poles
from engine.vae.interpolation import line, off_manifold, slerp

PAIRS = 100  # test pairs a verdict rests on
SPREAD = 0.4  # the least distance between a pair's factors, as a fraction of the factor box


def true_path(factors_a, factors_b, points: int) -> np.ndarray:
    """The generator's images at factors from a's to b's, linearly: (points, pixels)."""
    t = np.linspace(0.0, 1.0, points)[:, None]
    factors = (1 - t) * np.asarray(factors_a, float) + t * np.asarray(factors_b, float)
    return render_poles(factors[:, 0], factors[:, 1])


def path_error(images, truth) -> np.ndarray:
    """Each image's root-mean-square pixel distance to the true image beside it: (points,)."""
    images, truth = np.asarray(images, np.float64), np.asarray(truth, np.float64)
    return np.sqrt(((images - truth) ** 2).mean(axis=-1))


def far_pairs(factors: np.ndarray, count: int, seed: int) -> np.ndarray:
    """`count` pairs (i, j) of distinct images whose factors lie at least SPREAD of the factor
    box apart (an interpolation between near twins means little), drawn from `seed`: (count, 2).
    Fewer when the images hold fewer such pairs."""
    scale = np.array([ELEVATION[1] - ELEVATION[0], AZIMUTH[1] - AZIMUTH[0]])
    unit = np.asarray(factors, float) / scale
    rng = np.random.default_rng([seed, 13])
    n = len(unit)
    chosen: list[tuple[int, int]] = []
    for _ in range(50):  # rounds of candidates: a few suffice unless the images crowd together
        i, j = rng.integers(0, n, size=(2, 4 * count))
        far = (i != j) & (np.linalg.norm(unit[i] - unit[j], axis=1) >= SPREAD)
        chosen += list(zip(i[far].tolist(), j[far].tolist(), strict=True))
        if len(chosen) >= count:
            break
    return np.array(chosen[:count], dtype=np.int64).reshape(-1, 2)


def decoded_pairs(model, images, pairs: np.ndarray, points: int, path: str, truth=None):
    """Each pair's path decoded (`model` None: the pixel cross-fade), all the pairs' points in
    one batch: (len(pairs), points, pixels). The path "mesh" decodes the codes of the true
    paths' images, `truth` (len(pairs), points, pixels): the path that follows the manifold."""
    pairs = np.asarray(pairs)
    t_values = np.linspace(0.0, 1.0, points)
    with torch.no_grad():
        ends_a, ends_b = images[pairs[:, 0]], images[pairs[:, 1]]
        if model is None:
            t = torch.as_tensor(t_values, dtype=ends_a.dtype, device=ends_a.device)
            return (1 - t)[None, :, None] * ends_a[:, None] + t[None, :, None] * ends_b[:, None]
        if path == "mesh":
            if truth is None:
                raise ValueError("the mesh path follows the true path: give `truth`")
            flat = torch.as_tensor(np.asarray(truth, np.float32), device=ends_a.device)
            flat = flat.reshape(-1, flat.shape[-1])
            return model.decode(model.code(flat)).reshape(len(pairs), points, -1)
        codes_a, codes_b = model.code(ends_a), model.code(ends_b)
        t = torch.as_tensor(t_values, dtype=codes_a.dtype, device=codes_a.device)
        step = slerp if path == "slerp" else line
        along = torch.stack([step(a, b, t) for a, b in zip(codes_a, codes_b, strict=True)])
        return model.decode(along.reshape(-1, along.shape[-1])).reshape(len(pairs), points, -1)


def true_paths(factors, pairs: np.ndarray, points: int) -> np.ndarray:
    """Every pair's true path, rendered in one call: (len(pairs), points, pixels)."""
    pairs = np.asarray(pairs)
    t = np.linspace(0.0, 1.0, points)[None, :, None]
    along = (1 - t) * factors[pairs[:, 0]][:, None] + t * factors[pairs[:, 1]][:, None]
    images = render_poles(along[..., 0].ravel(), along[..., 1].ravel())
    return images.reshape(len(pairs), points, -1)


def pair_errors(model, images, factors, pairs: np.ndarray, points: int, path: str) -> np.ndarray:
    """The mean error along each pair's decoded path against its true path: (len(pairs),).
    `model` None: the pixel cross-fade."""
    truth = true_paths(factors, pairs, points)
    decoded = decoded_pairs(model, images, pairs, points, path, truth)
    return path_error(decoded.cpu().numpy(), truth).mean(axis=1)


def label_pairs(labels: np.ndarray, count: int, seed: int) -> np.ndarray:
    """`count` pairs (i, j) of test images with different labels, drawn from `seed` (where no
    generator is known: digits): (count, 2)."""
    rng = np.random.default_rng([seed, 17])
    i, j = rng.integers(0, len(labels), size=(2, 8 * count))
    keep = labels[i] != labels[j]
    return np.stack([i[keep], j[keep]], 1)[:count].astype(np.int64)


def excess_distances(decoded, references) -> tuple[np.ndarray, float]:
    """Where no generator is known (digits): each pair's path, its mean distance to the nearest
    reference image in excess of its own ends' (the model's reconstructions of a and b, or the
    test images themselves for the cross-fade), so that a decoder's blur, which its ends share,
    does not win; and the mean distance of all the points. (excess per pair, mean)."""
    pairs, points, pixels = decoded.shape
    nearest = off_manifold(decoded.reshape(-1, pixels), references).reshape(pairs, points)
    ends = nearest[:, [0, -1]].mean(axis=1)
    return nearest.mean(axis=1) - ends, float(nearest.mean())


@dataclass(frozen=True)
class Verdict:
    pairs: int
    vae: float  # mean over the pairs of the mean error along each path
    vae_se: float
    ae: float
    ae_se: float
    pixel: float
    pixel_se: float
    vae_beats_ae: float  # the fraction of pairs whose VAE path lies nearer the truth


def verdict(vae: np.ndarray, ae: np.ndarray, pixel: np.ndarray) -> Verdict:
    def mean_se(errors: np.ndarray) -> tuple[float, float]:
        se = errors.std(ddof=1) / np.sqrt(len(errors)) if len(errors) > 1 else float("nan")
        return float(errors.mean()), float(se)

    return Verdict(
        len(vae),
        *mean_se(vae),
        *mean_se(ae),
        *mean_se(pixel),
        float((vae < ae).mean()),
    )
