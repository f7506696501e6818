"""Speed of the race's estimators against a plain numpy version of the same estimators.

    .venv/bin/python bench/estimators.py [--samples K]

Both sides run C = 100 chains of K samples of the uniform and the importance (fitted) estimator
on the binary model (D = 12 hidden pixels) in float64, in the same chunks, summing weights in log
space per chain, and must agree with the exact p(x). Issue 4's goal: at least 3 × numpy's
samples per second at K = 10⁶ (the default here is 10⁵, a tenth of the time). Also: the exact
enumeration of 2^20 states.
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np
import torch
from scipy.special import logsumexp

from engine import device as devices
from engine.estimators.models import BinaryImage
from engine.estimators.race import CHUNK
from engine.experiment import Run, get

CHAINS = 100


def numpy_race(
    model: BinaryImage, samples: int, seed: int, same_formulas: bool = False
) -> tuple[float, float]:
    """The same two estimators in plain numpy, in chunks of the same size; their final means.

    Plain: log p(x | z) as Σ x·a − log(1 + e^a). With same_formulas, numpy gets the engine's
    algebra too (signs folded into the weights, log Π σ), so that only the libraries differ."""
    rng = np.random.default_rng(seed)
    x, w, b = model.x.numpy(), model.weights.numpy(), model.bias.numpy()
    d, rho = model.bits, model.rho
    fitted = np.clip(model.posterior_marginals.numpy(), 1e-6, 1 - 1e-6)
    sign = 2 * x - 1
    signed_weights, signed_bias = (w * sign[:, None]).T.copy(), b * sign

    def log_joint(z):
        ones = z.sum(1)
        log_prior = ones * math.log(rho) + (d - ones) * math.log1p(-rho)
        if same_formulas:
            return log_prior + np.log(
                (1 / (1 + np.exp(-(z @ signed_weights + signed_bias)))).prod(1)
            )
        logits = b + z @ w.T
        return log_prior + (x * logits - np.logaddexp(0, logits)).sum(1)

    sums = {"uniform": np.full(CHAINS, -np.inf), "fitted": np.full(CHAINS, -np.inf)}
    per_chunk = max(1, CHUNK // CHAINS)  # the same chunks as ours
    done = 0
    while done < samples:
        m = min(per_chunk, samples - done)
        z = (rng.random((CHAINS * m, d)) < 0.5).astype(float)
        log_w = log_joint(z) + d * math.log(2)
        sums["uniform"] = np.logaddexp(sums["uniform"], logsumexp(log_w.reshape(CHAINS, m), 1))
        z = (rng.random((CHAINS * m, d)) < fitted).astype(float)
        log_q = (z * np.log(fitted) + (1 - z) * np.log1p(-fitted)).sum(1)
        log_w = log_joint(z) - log_q
        sums["fitted"] = np.logaddexp(sums["fitted"], logsumexp(log_w.reshape(CHAINS, m), 1))
        done += m
    return tuple(float(np.exp(s - math.log(samples)).mean()) for s in sums.values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=100_000)
    args = parser.parse_args()
    devices.configure_threads(leave_free=0)
    dtype = devices.dtype()
    model = BinaryImage(12, seed=0, device=torch.device("cpu"), dtype=dtype)
    exact = math.exp(model.exact_log_p)

    experiment = get("race")
    config = experiment.config("seed-000-binary", chains=CHAINS, samples=args.samples)
    start = time.perf_counter()
    runner = Run(config, experiment.generate)
    for _ in runner.until(None):
        pass
    ours = time.perf_counter() - start
    result = runner.result

    start = time.perf_counter()
    uniform, fitted = numpy_race(model, args.samples, seed=0)
    theirs = time.perf_counter() - start
    start = time.perf_counter()
    uniform_same, fitted_same = numpy_race(model, args.samples, seed=0, same_formulas=True)
    theirs_same = time.perf_counter() - start

    total = 2 * CHAINS * args.samples
    print(f"# race, binary model D = 12, {CHAINS} chains × {args.samples:,} samples, 2 estimators")
    header = f"{'time (s)':>9} {'samples/s':>12} {'uniform / p(x)':>15} {'fitted / p(x)':>14}"
    print(f"{'':<18} {header}")
    print(
        f"{'ours':<18} {ours:>9.2f} {total / ours:>12.3g} "
        f"{result.uniform_mean / exact:>15.4f} {result.importance_mean / exact:>14.4f}"
    )
    print(
        f"{'numpy':<18} {theirs:>9.2f} {total / theirs:>12.3g} "
        f"{uniform / exact:>15.4f} {fitted / exact:>14.4f}"
    )
    print(
        f"{'numpy, our algebra':<18} {theirs_same:>9.2f} {total / theirs_same:>12.3g} "
        f"{uniform_same / exact:>15.4f} {fitted_same / exact:>14.4f}"
    )
    speed_up = f"speed-up: {theirs / ours:.2f} × plain numpy"
    print(f"{speed_up}, {theirs_same / ours:.2f} × numpy with our algebra")

    big = BinaryImage(20, seed=0, device=torch.device("cpu"), dtype=dtype)
    start = time.perf_counter()
    _ = big.exact_log_p
    print(f"exact p(x) by enumerating 2^20 states: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
