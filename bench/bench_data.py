"""Data panel speed against the peer, scikit-learn, in one run: ratios, not absolute times.

    .venv/bin/python bench/bench_data.py [--n 1000000] [--repeats 5]

Measures drawing a sample from a 2-D Gaussian mixture and evaluating its log-density, ours
(engine.data.dataset.GaussianMixture) against sklearn.mixture.GaussianMixture with the same
parameters. Both use one BLAS thread (threadpoolctl), so the ratio is not a thread-pool fight.
"""

from __future__ import annotations

import argparse
import platform

import numpy as np
from sklearn.mixture import GaussianMixture as SklearnMixture
from threadpoolctl import threadpool_limits
from timing import best_of  # bench/timing.py, beside this script

from engine.data.making import DataConfig


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    mixture = DataConfig.create(kind="gmm2d", k=args.k, n=args.n).mixture()
    peer = SklearnMixture(n_components=mixture.k, covariance_type="full", random_state=0)
    peer.weights_, peer.means_, peer.covariances_ = (
        mixture.weights,
        mixture.means,
        mixture.covariances,
    )
    peer.precisions_cholesky_ = np.linalg.cholesky(np.linalg.inv(mixture.covariances))
    x, _ = mixture.sample(args.n, np.random.default_rng(0))

    rows = []
    with threadpool_limits(limits=1):
        ours = best_of(args.repeats, lambda: mixture.sample(args.n, np.random.default_rng(0)))
        theirs = best_of(args.repeats, lambda: peer.sample(args.n))
        rows.append(("sample", ours, theirs))
        ours = best_of(args.repeats, lambda: mixture.log_density(x))
        theirs = best_of(args.repeats, lambda: peer.score_samples(x))
        rows.append(("log-density", ours, theirs))
    gap = np.max(np.abs(mixture.log_density(x) - peer.score_samples(x)))

    print(
        f"# n = {args.n:,}, K = {mixture.k}, d = 2, best of {args.repeats}, 1 BLAS thread, "
        f"Python {platform.python_version()}, numpy {np.__version__}"
    )
    print(f"{'task':<12} {'ours (s)':>10} {'sklearn (s)':>12} {'ours/sklearn':>13}")
    for task, ours, theirs in rows:
        print(f"{task:<12} {ours:>10.4f} {theirs:>12.4f} {ours / theirs:>13.2f}")
    print(f"max |log p ours - log p sklearn| = {gap:.2e}")


if __name__ == "__main__":
    main()
