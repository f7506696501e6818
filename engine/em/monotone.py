"""EM never lowers the log-likelihood: the one test of "ℓ went down". The experiments apply it
once per step and their snapshots carry the flag; the views draw it (it was written out in five
places)."""

from __future__ import annotations

import numpy as np

# Relative to max(1, |ℓ|): rounding in a sum over n points moves ℓ̄ by far less; a real drop
# (a bug, a broken M step) by far more.
TOLERANCE = 1e-9


def went_down(before, after):
    """Whether ℓ fell from `before` to `after` by more than rounding (arrays broadcast)."""
    before = np.asarray(before, dtype=np.float64)
    return np.asarray(after) < before - TOLERANCE * np.maximum(1.0, np.abs(before))
