"""EM speed against the peers in one run, printed as ratios (issue 3's speed bars).

    .venv/bin/python bench/em.py [--quick]

1. One EM iteration of a full-covariance Gaussian mixture, float64, ours (engine.em.mixture) vs
   scikit-learn's GaussianMixture, from the same start. scikit-learn's cost per iteration is the
   difference between fits with max_iter = 1 + k and max_iter = 1, divided by k (public API
   only; its start-up and final E step cancel out).
2. Seed 003's 120 × 120 surface with one surrogate (n = 100), and a 1000 × 1000 surface for
   n = 1000: time and evaluations per second, against plain numpy.

Threads: torch and the BLAS of numpy/scikit-learn get the same count (--threads, default 2).
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

# As the app has it (engine.device sets it before torch loads): huge pages for torch's buffers.
os.environ.setdefault("THP_MEM_ALLOC_ENABLE", "1")

import numpy as np
import torch
from sklearn.mixture import GaussianMixture
from threadpoolctl import threadpool_limits
from timing import best_of  # bench/timing.py, beside this script

from engine.em.mixture import MixtureEM, MixtureParameters
from engine.em.two_means import Surrogate, responsibilities, surface


def mixture_case(n: int, d: int, k: int, repeats: int, extra: int) -> tuple[float, float, float]:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(k, d)) * 5
    x = centres[rng.integers(k, size=n)] + rng.normal(size=(n, d))
    weights = np.full(k, 1 / k)
    means = x[:k].copy()
    covariances = np.stack([np.eye(d)] * k)
    params = MixtureParameters(weights, means, covariances, "full")
    em = MixtureEM(x, "full", 1e-6, device="cpu")
    em.step(params)  # warm-up: allocations, kernels
    ours = best_of(repeats * 4, lambda: em.step(params))  # cheap: more tries for a fair minimum

    def sklearn_fit(iterations: int) -> float:
        model = GaussianMixture(
            k,
            covariance_type="full",
            tol=0,
            max_iter=iterations,
            weights_init=weights,
            means_init=means,
            precisions_init=np.linalg.inv(covariances),
            random_state=0,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            model.fit(x)
        return time.perf_counter() - start

    theirs = min((sklearn_fit(1 + extra) - sklearn_fit(1)) / extra for _ in range(repeats))
    return ours, theirs, ours / theirs


def numpy_surface(x: np.ndarray, pi: float, m1: np.ndarray, m2: np.ndarray) -> np.ndarray:
    a = np.log(pi) - 0.5 * np.log(2 * np.pi) - 0.5 * (x[None, :] - m1[:, None]) ** 2
    b = np.log1p(-pi) - 0.5 * np.log(2 * np.pi) - 0.5 * (x[None, :] - m2[:, None]) ** 2
    out = np.empty((len(m1), len(m2)))
    rows = max(1, (1 << 22) // (len(m2) * len(x)))
    for s in range(0, len(m1), rows):
        out[s : s + rows] = np.logaddexp(a[s : s + rows, None, :], b[None]).mean(axis=2)
    return out


def surface_case(grid: int, n: int, repeats: int) -> tuple[float, float, float]:
    rng = np.random.default_rng(0)
    x = np.where(rng.random(n) < 0.5, -2.0, 2.0) + rng.standard_normal(n)
    axis = np.linspace(-4, 4, grid)

    def ours_with_surrogate():
        surface(x, 0.5, axis, axis, device="cpu")
        s = Surrogate.from_responsibilities(x, responsibilities(x, (0.0, 0.5), 0.5), 0.5)
        s(axis[:, None], axis[None, :])

    ours = best_of(repeats, ours_with_surrogate)
    plain = best_of(max(1, repeats // 2), lambda: numpy_surface(x, 0.5, axis, axis))
    return ours, plain, grid * grid * n / ours


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    cases = (
        [(100_000, 2, 10)]
        if args.quick
        else [(100_000, 2, 10), (100_000, 16, 10), (1_000_000, 2, 10)]
    )
    print(f"# threads: torch {args.threads}, BLAS {args.threads}; float64; best of 3")
    print(f"{'one EM iteration (full)':<28} {'ours (s)':>10} {'sklearn (s)':>12} {'ratio':>7}")
    with threadpool_limits(limits=args.threads):
        for n, d, k in cases:
            ours, theirs, ratio = mixture_case(n, d, k, repeats=3, extra=3 if n > 10**5 else 5)
            print(f"{f'n={n:,} d={d} K={k}':<28} {ours:>10.4f} {theirs:>12.4f} {ratio:>7.2f}")
        print()
        print(
            f"{'surface + surrogate':<28} {'ours (s)':>10} {'numpy (s)':>12} {'ratio':>7} "
            f"{'evals/s':>10}"
        )
        for grid, n in [(120, 100)] + ([] if args.quick else [(1000, 1000)]):
            ours, plain, rate = surface_case(grid, n, repeats=5 if grid < 500 else 2)
            print(
                f"{f'{grid}x{grid}, n={n}':<28} {ours:>10.4f} {plain:>12.4f} "
                f"{ours / plain:>7.2f} {rate:>10.3g}"
            )


if __name__ == "__main__":
    main()
