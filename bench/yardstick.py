"""Pole and shadow's verdict against the true path: 100 test pairs of 16 points, all decoded in
one batch (engine.vae.yardstick.pair_errors), in one run against a plain loop that decodes and
scores a pair at a time, printed as times and their ratio.

    .venv/bin/python bench/yardstick.py [--repeats N]

Both score an untrained VAE of the panel's shape (32 × 32 pixels, latent 2): the time is the
decoding and the rendering of the true paths, not what the weights hold. Issue 22's bar: the
100 pairs in under 1 s.
"""

from __future__ import annotations

import argparse

import numpy as np
import torch
from timing import best_of  # bench/timing.py, beside this script

from engine.imaging import networks
from engine.imaging.images import poles
from engine.vae import interpolation, yardstick

POINTS = 16


def plain(model, images, factors, pairs) -> np.ndarray:
    errors = []
    for i, j in pairs:
        decoded, _ = interpolation.decoded_path(model, images[i], images[j], POINTS, "linear")
        truth = yardstick.true_path(factors[i], factors[j], POINTS)
        errors.append(yardstick.path_error(decoded.numpy(), truth).mean())
    return np.array(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(2)
    data = poles(1000, seed=0)
    images, factors = torch.as_tensor(np.array(data.x)), data.factors
    model = networks.build("vae", images.shape[1], 2, "bernoulli", 0, torch.device("cpu"))
    pairs = yardstick.far_pairs(factors, yardstick.PAIRS, seed=0)
    # Checked first, which also warms both up (torch's first call allocates).
    batched = yardstick.pair_errors(model, images, factors, pairs, POINTS, "linear")
    assert np.allclose(batched, plain(model, images, factors, pairs), rtol=1e-5)
    ours = best_of(
        args.repeats,
        lambda: yardstick.pair_errors(model, images, factors, pairs, POINTS, "linear"),
    )
    loop = best_of(args.repeats, lambda: plain(model, images, factors, pairs))
    print(f"{len(pairs)} pairs × {POINTS} points against the true path, best of {args.repeats}")
    print(f"  batched (ours): {ours * 1000:.1f} ms")
    print(f"  a pair at a time: {loop * 1000:.1f} ms")
    print(f"  ours / loop: {ours / loop:.2f}")


if __name__ == "__main__":
    main()
