"""Data sets the panels learn from: Gaussian mixtures, the three coins, Old Faithful, files."""

from engine.data.dataset import Dataset, GaussianMixture, ThreeCoins

__all__ = ["Dataset", "GaussianMixture", "ThreeCoins"]
