"""EM never lowers the log-likelihood: the one test of "ℓ went down", for the engine and the
views alike (it was written out in five places)."""

from __future__ import annotations

import numpy as np

# Relative to max(1, |ℓ|): rounding in a sum over n points moves ℓ̄ by far less; a real drop
# (a bug, a broken M step) by far more.
TOLERANCE = 1e-9


def went_down(before, after):
    """Whether ℓ fell from `before` to `after` by more than rounding (arrays broadcast)."""
    before = np.asarray(before, dtype=np.float64)
    return np.asarray(after) < before - TOLERANCE * np.maximum(1.0, np.abs(before))


def drops(history) -> np.ndarray:
    """For a sequence ℓ_0, ℓ_1, ...: whether each step went down (False for the first); along
    the first axis, so a (T, S) history gives one column per start."""
    values = np.asarray(history, dtype=np.float64)
    if len(values) == 0:
        return np.zeros(0, dtype=bool)
    first = np.zeros((1, *values.shape[1:]), dtype=bool)
    return np.concatenate([first, went_down(values[:-1], values[1:])])
