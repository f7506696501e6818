"""Sample statistics of a data set, to compare with the true model's parameters."""

from __future__ import annotations

import numpy as np


class RunningMoments:
    """Counts, means and covariances (1/n) of k groups of d-dimensional points, updated batch by
    batch in O(batch) time: a data set revealed in batches is summarised without going over the
    points already seen again (the worker would otherwise hold the interpreter for tens of
    milliseconds per batch of a million points).

    Batches merge by Chan, Golub and LeVeque's pairwise update of the centred sums, as stable as
    the two-pass formula.
    """

    def __init__(self, k: int, d: int) -> None:
        self.k, self.d = k, d
        self.counts = np.zeros(k)
        self._means = np.zeros((k, d))
        self._scatter = np.zeros((k, d, d))  # Σ (x − mean)(x − mean)ᵀ per group

    def add(self, x: np.ndarray, z: np.ndarray | None = None) -> None:
        """Add the points x (m, d), of groups z (m,) in 0..k−1 (all in group 0 when None)."""
        x = np.asarray(x, dtype=np.float64)
        if z is None:
            groups = [(0, x)]
        else:
            order = np.argsort(z, kind="stable")
            edges = np.searchsorted(z[order], np.arange(self.k + 1))
            ordered = x[order]
            groups = [(j, ordered[edges[j] : edges[j + 1]]) for j in range(self.k)]
        for j, members in groups:
            m = len(members)
            if m == 0:
                continue
            batch_mean = members.mean(axis=0)
            centred = members - batch_mean
            batch_scatter = centred.T @ centred
            n = self.counts[j]
            total = n + m
            delta = batch_mean - self._means[j]
            self._means[j] += delta * (m / total)
            self._scatter[j] += batch_scatter + np.outer(delta, delta) * (n * m / total)
            self.counts[j] = total

    @property
    def means(self) -> np.ndarray:
        """(k, d); NaN for a group with no points yet."""
        return np.where(self.counts[:, None] > 0, self._means, np.nan)

    @property
    def covariances(self) -> np.ndarray:
        """(k, d, d) with the 1/n normalisation; NaN for a group with no points yet."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return self._scatter / self.counts[:, None, None]
