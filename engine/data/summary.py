"""Sample statistics of a data set, to compare with the true model's parameters."""

from __future__ import annotations

import numpy as np


def mean_and_covariance(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sample mean (d,) and covariance (d, d) with the 1/n (maximum-likelihood) normalisation."""
    mean = x.mean(axis=0)
    centred = x - mean
    return mean, centred.T @ centred / len(x)


def per_component(x: np.ndarray, z: np.ndarray, k: int) -> tuple[np.ndarray, ...]:
    """Counts (K,), weights (K,), means (K, d), covariances (K, d, d) of the points of each z.

    A component with no points yet has NaN mean and covariance.
    """
    d = x.shape[1]
    counts = np.bincount(z, minlength=k)[:k].astype(np.float64)
    means = np.full((k, d), np.nan)
    covariances = np.full((k, d, d), np.nan)
    for j in range(k):
        members = x[z == j]
        if len(members):
            means[j], covariances[j] = mean_and_covariance(members)
    return counts, counts / max(len(x), 1), means, covariances
