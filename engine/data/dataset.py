"""A data set and the true model behind it, when there is one."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from engine.experiment import frozen_array

LOG_2PI = float(np.log(2.0 * np.pi))


@dataclass(frozen=True)
class GaussianMixture:
    """p(x) = Σ_k π_k N(x; μ_k, Σ_k), with weights (K,), means (K, d), covariances (K, d, d)."""

    weights: np.ndarray
    means: np.ndarray
    covariances: np.ndarray

    def __post_init__(self) -> None:
        for name in ("weights", "means", "covariances"):
            object.__setattr__(self, name, frozen_array(getattr(self, name), np.float64))

    @property
    def k(self) -> int:
        return len(self.weights)

    @property
    def d(self) -> int:
        return self.means.shape[1]

    def component_log_densities(self, x: np.ndarray) -> np.ndarray:
        """log N(x_i; μ_k, Σ_k) for every point and component, shape (n, K)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1, self.d)
        chol = np.linalg.cholesky(self.covariances)  # (K, d, d)
        out = np.empty((len(x), self.k))
        for k in range(self.k):
            solved = np.linalg.solve(chol[k], (x - self.means[k]).T)  # (d, n)
            log_det = 2.0 * np.log(np.diag(chol[k])).sum()
            out[:, k] = -0.5 * ((solved**2).sum(axis=0) + self.d * LOG_2PI + log_det)
        return out

    def log_density(self, x: np.ndarray) -> np.ndarray:
        """log p(x_i) by log-sum-exp over the components."""
        joint = self.component_log_densities(x) + np.log(self.weights)
        top = joint.max(axis=1, keepdims=True)
        return (top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True)))[:, 0]

    def weighted_component_densities(self, x: np.ndarray) -> np.ndarray:
        """π_k N(x_i; μ_k, Σ_k), shape (n, K): the curves drawn under the mixture density."""
        return np.exp(self.component_log_densities(x)) * self.weights

    def sample(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """n points and their true components z, drawn z ~ Cat(π), x | z ~ N(μ_z, Σ_z)."""
        z = rng.choice(self.k, size=n, p=self.weights)
        chol = np.linalg.cholesky(self.covariances)
        noise = rng.standard_normal((n, self.d))
        x = self.means[z] + np.einsum("nij,nj->ni", chol[z], noise)
        return x, z


@dataclass(frozen=True)
class ThreeCoins:
    """Toss A (heads w.p. p_a); heads: toss B (p_b), tails: toss C (p_c); only the 2nd is seen."""

    p_a: float
    p_b: float
    p_c: float

    @property
    def p_heads(self) -> float:
        """P(observation = 1) = p_A p_B + (1 − p_A) p_C."""
        return self.p_a * self.p_b + (1.0 - self.p_a) * self.p_c

    def sample(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """n observations (1 = heads) and which coin was tossed (z = 1: B, z = 0: C)."""
        z = (rng.random(n) < self.p_a).astype(np.int64)
        p = np.where(z == 1, self.p_b, self.p_c)
        heads = (rng.random(n) < p).astype(np.float64)
        return heads[:, None], z


@dataclass(frozen=True)
class Dataset:
    """Points x (n, d) float64, true labels z (n,) when known, and the model that made them."""

    name: str
    x: np.ndarray
    z: np.ndarray | None = None
    # "points" (real-valued x) or "coins" (x is 1 for heads, 0 for tails).
    kind: str = "points"
    truth: GaussianMixture | ThreeCoins | None = None
    columns: tuple[str, ...] = ("x",)
    source: str = ""
    # How to make it again, as a model's `data` parameter (engine.data.reference.recipe).
    reference: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", frozen_array(self.x, np.float64))
        if self.z is not None:
            object.__setattr__(self, "z", frozen_array(self.z, np.int64))

    def __len__(self) -> int:
        return len(self.x)

    @property
    def d(self) -> int:
        return self.x.shape[1]

    @functools.cached_property
    def extent(self) -> tuple[np.ndarray, np.ndarray]:
        """Each column's minimum and maximum (d,), computed once (the data panel's worker asks
        first, so that the window never spends a pass over a million points)."""
        if len(self.x) == 0:
            return np.full(self.d, np.nan), np.full(self.d, np.nan)
        return frozen_array(self.x.min(axis=0)), frozen_array(self.x.max(axis=0))

    @property
    def is_coins(self) -> bool:
        return self.kind == "coins"
