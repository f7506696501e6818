"""The `coins` experiment: EM for the three coins from many starts at once (seed 003 §2.1–2.6).

Toss A (heads w.p. p_A); heads: toss B (p_B), tails: toss C (p_C); only the second toss o_i is
seen. The outcomes are binary, so the counts h (heads) and m = n − h are sufficient: each EM
iteration costs O(1) per start whatever n is, and thousands of starts run together.

E step (responsibility of coin B for an outcome o):
    r_o = p_A p_B^o (1 − p_B)^(1−o) / [p_A p_B^o (1 − p_B)^(1−o) + (1 − p_A) p_C^o (1 − p_C)^(1−o)]
M step:
    p_A = (h r_1 + m r_0) / n,  p_B = h r_1 / (h r_1 + m r_0),
    p_C = h (1 − r_1) / (h (1 − r_1) + m (1 − r_0)).

The mean log-likelihood depends on θ only through P(heads) = p_A p_B + (1 − p_A) p_C, so every
θ on the ridge P(heads) = ô = h/n is a maximum, worth ô log ô + (1 − ô) log(1 − ô); one EM step
from any start lands on the ridge (seed 003 §2.4–2.6).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.config import ExperimentConfig, echoed, param, refusal
from engine.em.monotone import went_down
from engine.experiment import Experiment, Snapshot, bulk, register, traced
from engine.gaps import kl_gap

SEED_003_STARTS = (
    (0.15, 0.85, 0.25), (0.12, 0.92, 0.28), (0.08, 0.88, 0.32),
    (0.90, 0.10, 0.50), (0.80, 0.20, 0.10), (0.20, 0.80, 0.60),
    (0.60, 0.40, 0.90), (0.40, 0.70, 0.20), (0.30, 0.30, 0.80),
)  # fmt: skip
SEED_003_TABLE_HEADS = 367
LI_HANG_TOSSES = (1, 1, 0, 1, 0, 0, 1, 0, 1, 1)
LI_HANG_STARTS = ((0.5, 0.5, 0.5), (0.4, 0.6, 0.7))
MAX_STARTS = 1000
MAX_CLOUD = 100_000


def _flat(rows) -> tuple[float, ...]:
    return tuple(v for row in rows for v in row)


@dataclass(frozen=True, kw_only=True)
class CoinsConfig(ExperimentConfig):
    observations: tuple[int, ...] | None = param(
        None,
        "the observed tosses (1 heads, 0 tails); unset: n tosses drawn from truth",
        minimum=0,
        maximum=1,
    )
    n: int = param(
        1000,
        "tosses drawn (or counted, with heads) when no observations are given",
        minimum=1,
        maximum=10**9,
    )
    heads: int | None = param(
        None,
        "how many of the n tosses were heads, in place of drawing them (all EM sees of the "
        "tosses: seed 003's table 1 has 367 in 1,000); unset: drawn from truth",
        minimum=0,
        maximum=10**9,
    )
    truth: tuple[float, ...] = param(
        (0.1, 0.9, 0.3), "p_A, p_B, p_C that draw the tosses", minimum=0.0, maximum=1.0
    )
    starts: tuple[float, ...] = param(
        _flat(SEED_003_STARTS),
        "starting (p_A, p_B, p_C), 'a, b, c; a, b, c; ...', all run together",
        minimum=0.0,
        maximum=1.0,
        group=3,
    )
    iterations: int = param(20, "T, EM iterations", minimum=1, maximum=100_000)
    cloud: int = param(
        0,
        "M random starts whose fixed points are drawn as a cloud (seed 003 "
        "appendix A.2); 0 for none",
        minimum=0,
        maximum=MAX_CLOUD,
    )

    def validate(self) -> None:
        if len(self.truth) != 3:
            raise refusal("truth = {echoed}: give p_A, p_B, p_C", echoed=echoed(self.truth))
        if len(self.starts) % 3 or not self.starts:
            raise refusal(
                "starts: {starts_count} numbers; give 'p_A, p_B, p_C' for each start",
                starts_count=len(self.starts),
            )
        if len(self.starts) // 3 > MAX_STARTS:
            raise refusal(
                "starts: {count} starts; at most {MAX_STARTS}",
                count=len(self.starts) // 3,
                MAX_STARTS=MAX_STARTS,
            )
        for i, value in enumerate(self.starts):
            if not 0.0 < value < 1.0:
                raise refusal(
                    "starts[{index}] = {echoed}: each probability must lie strictly "
                    "between 0 and 1 (EM never moves one off 0 or 1)",
                    index=i // 3,
                    echoed=echoed(self.starts[i - i % 3 :][:3]),
                )
        if self.observations is not None and not self.observations:
            raise refusal("observations = (): give at least one toss")
        if self.heads is not None and self.observations is not None:
            raise refusal("heads and observations both given: give the tosses or their count")
        if self.heads is not None and self.heads > self.n:
            raise refusal(
                "heads = {heads}: more than the n = {n} tosses", heads=self.heads, n=self.n
            )

    def start_array(self) -> np.ndarray:
        return np.asarray(self.starts, dtype=np.float64).reshape(-1, 3)


def counts(config: CoinsConfig) -> tuple[int, int]:
    """(heads, n), from the given tosses, or as given, or drawn from the truth with the seed."""
    if config.observations is not None:
        return int(sum(config.observations)), len(config.observations)
    if config.heads is not None:
        return config.heads, config.n
    p_a, p_b, p_c = config.truth
    rng = np.random.default_rng(config.seed)
    # Only the number of heads matters, and each toss is heads w.p. p_A p_B + (1 − p_A) p_C;
    # drawing coin A then B or C, as the data panel does, gives the same count distribution.
    from_b = rng.binomial(config.n, p_a)
    heads = rng.binomial(from_b, p_b) + rng.binomial(config.n - from_b, p_c)
    return int(heads), config.n


def mean_log_likelihood(theta: np.ndarray, heads: int, n: int) -> np.ndarray:
    """(1/n) Σ_i log p(o_i | θ) for each row θ = (p_A, p_B, p_C)."""
    p_a, p_b, p_c = theta[..., 0], theta[..., 1], theta[..., 2]
    p_heads = p_a * p_b + (1 - p_a) * p_c
    total = np.zeros_like(p_heads)
    with np.errstate(divide="ignore"):
        # A count of zero contributes nothing (0 log 0 = 0), even where P(heads) is 0 or 1.
        if heads:
            total = total + heads * np.log(p_heads)
        if n - heads:
            total = total + (n - heads) * np.log1p(-p_heads)
    return total / n


def best_mean_log_likelihood(heads: int, n: int) -> float:
    """ô log ô + (1 − ô) log(1 − ô), ô = h/n: the maximum over all θ (0 log 0 = 0)."""
    o = heads / n
    return sum(p * math.log(p) for p in (o, 1 - o) if p > 0)


def _posterior(via_b: np.ndarray, via_c: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """via_b / (via_b + via_c); where an outcome is impossible under θ (0/0) the prior p_A,
    which only ever multiplies a count of zero then."""
    total = via_b + via_c
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, via_b / total, prior)


def em_step(theta: np.ndarray, heads: int, n: int) -> np.ndarray:
    """One EM iteration for every row θ = (p_A, p_B, p_C) at once."""
    p_a, p_b, p_c = theta[:, 0], theta[:, 1], theta[:, 2]
    tails = n - heads
    from_b_heads = p_a * p_b
    from_b_tails = p_a * (1 - p_b)
    r1 = _posterior(from_b_heads, (1 - p_a) * p_c, p_a)  # p(A = heads | o = 1)
    r0 = _posterior(from_b_tails, (1 - p_a) * (1 - p_c), p_a)  # p(A = heads | o = 0)
    weight_b = heads * r1 + tails * r0
    weight_c = n - weight_b
    out = np.empty_like(theta)
    out[:, 0] = weight_b / n
    # A coin that takes no weight (p_A → 0 or 1 in floating point) keeps its old value.
    with np.errstate(divide="ignore", invalid="ignore"):
        out[:, 1] = np.where(weight_b > 0, heads * r1 / weight_b, p_b)
        out[:, 2] = np.where(weight_c > 0, heads * (1 - r1) / weight_c, p_c)
    return out


def elbo(previous: np.ndarray, theta: np.ndarray, heads: int, n: int) -> np.ndarray:
    """ELBO(q, θ) per row, q the E step's at `previous`: (1/n) Σ_i Σ_a q(a | o_i) log[p(o_i, a;
    θ) / q(a | o_i)], a the hidden coin A. Equal to ℓ̄(θ) when θ = previous (the gap closes)."""
    p_a, p_b, p_c = previous[:, 0], previous[:, 1], previous[:, 2]
    r1 = _posterior(p_a * p_b, (1 - p_a) * p_c, p_a)
    r0 = _posterior(p_a * (1 - p_b), (1 - p_a) * (1 - p_c), p_a)
    a, b, c = theta[:, 0], theta[:, 1], theta[:, 2]
    total = np.zeros(len(theta))
    with np.errstate(divide="ignore", invalid="ignore"):
        for count, r, via_b, via_c in (
            (heads, r1, a * b, (1 - a) * c),
            (n - heads, r0, a * (1 - b), (1 - a) * (1 - c)),
        ):
            if count:
                # q log(p/q) with 0 log(anything/0) = 0
                term = np.where(r > 0, r * (np.log(via_b) - np.log(r)), 0.0) + np.where(
                    r < 1, (1 - r) * (np.log(via_c) - np.log1p(-r)), 0.0
                )
                total += count * term
    return total / n


def ridge_residual(theta: np.ndarray, heads: int, n: int) -> np.ndarray:
    """p_A p_B + (1 − p_A) p_C − ô: zero on the ridge of maxima."""
    return theta[..., 0] * theta[..., 1] + (1 - theta[..., 0]) * theta[..., 2] - heads / n


@dataclass(frozen=True, kw_only=True)
class CoinsSnapshot(Snapshot):
    """Every start after `step` iterations; step 0 is the starts themselves."""

    heads: int
    n: int
    theta: np.ndarray = traced()  # (S, 3)
    log_likelihood: np.ndarray = traced()  # (S,), mean per toss
    best: float  # ô log ô + (1 − ô) log(1 − ô)
    ridge: np.ndarray  # (S,) p_A p_B + (1 − p_A) p_C − ô
    elbo: np.ndarray | None = traced(None)  # (S,) ELBO(q_{t-1}, θ_t); None at step 0
    kl: np.ndarray | None = None  # (S,) ℓ̄ − ELBO ≥ 0
    decreased: bool = False  # some start's ℓ̄ went down (it never may)
    decreased_runs: np.ndarray | None = bulk(traced=True)  # (S,): which starts' ℓ̄ went down
    cloud: np.ndarray | None = bulk()  # (M, 3): the random starts after `step` iterations

    @property
    def o_hat(self) -> float:
        return self.heads / self.n

    def to_dict(self) -> dict[str, Any]:
        """The command line's stable form: {"step", "runs": [{p_a, p_b, p_c, log_likelihood}]}."""
        runs = [
            {"p_a": float(a), "p_b": float(b), "p_c": float(c), "log_likelihood": float(ll)}
            for (a, b, c), ll in zip(self.theta, self.log_likelihood, strict=True)
        ]
        if self.elbo is not None:
            for run, bound, gap in zip(runs, self.elbo, self.kl, strict=True):
                run.update(elbo=float(bound), kl=float(gap))
        return {
            "decreased": self.decreased,
            "step": self.step,
            "final": self.final,
            "runs": runs,
            "heads": self.heads,
            "n": self.n,
            "o_hat": self.o_hat,
            "best_log_likelihood": self.best,
        }


def generate(config: CoinsConfig) -> Generator[CoinsSnapshot, None, CoinsSnapshot]:
    heads, n = counts(config)
    best = best_mean_log_likelihood(heads, n)
    theta = config.start_array()
    cloud = None
    if config.cloud:
        # Uniform on the open cube; the generator is seeded apart from the data's draw.
        rng = np.random.default_rng([config.seed, 1])
        cloud = rng.uniform(1e-6, 1 - 1e-6, size=(config.cloud, 3))
    ell = mean_log_likelihood(theta, heads, n)

    def snapshot(step: int, final: bool = False, previous=None) -> CoinsSnapshot:
        """The starts after `step` iterations; `previous` = (θ, ℓ̄) of the iteration before."""
        bound = gap = None
        went = np.zeros(len(theta), dtype=bool)
        if previous is not None:
            bound = elbo(previous[0], theta, heads, n)
            gap = kl_gap(ell, bound)
            went = went_down(previous[1], ell)
        return CoinsSnapshot(
            elbo=bound,
            kl=gap,
            decreased=bool(went.any()),
            decreased_runs=went,
            step=step,
            final=final,
            heads=heads,
            n=n,
            theta=theta,
            log_likelihood=ell,
            best=best,
            ridge=ridge_residual(theta, heads, n),
            cloud=cloud,
        )

    snap = snapshot(0)
    yield snap
    for t in range(1, config.iterations + 1):
        previous = (theta, ell)
        theta = em_step(theta, heads, n)
        if cloud is not None:
            cloud = em_step(cloud, heads, n)
        ell = mean_log_likelihood(theta, heads, n)
        snap = snapshot(t, previous=previous)
        yield snap
    return dataclasses.replace(snap, final=True)


PRESETS = {
    "seed-003-coins": dict(
        truth=(0.1, 0.9, 0.3),
        n=1000,
        starts=_flat(SEED_003_STARTS),
        iterations=20,
        cloud=2000,
        seed=0,
    ),
    # Seed 003's table 1: its nine starts, iterations 0 to 4, on a sample of 367 heads in 1,000
    # (what the table's values imply; every entry agrees to 5 decimals).
    "seed-003-table": dict(
        heads=SEED_003_TABLE_HEADS, n=1000, starts=_flat(SEED_003_STARTS), iterations=4
    ),
    "li-hang": dict(observations=LI_HANG_TOSSES, starts=_flat(LI_HANG_STARTS), iterations=10),
}

EXPERIMENT = register(
    Experiment(
        "coins",
        "Three coins, many starts (seed 003, Li Hang)",
        CoinsConfig,
        generate,
        PRESETS,
        imports=("numpy.random",),
    )
)
