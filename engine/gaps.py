"""A gap that is exactly zero in theory prints as zero: KL(q ‖ p) after an exact E step.

log p(x) − ELBO = KL ≥ 0, but the two sides come from different sums, and their difference at
the optimum is a rounding error of either sign (±1.1e-16). Within ROUNDING of the values' size
a gap is zero; a larger one stays as it is (a larger negative one is a real error, visible).
"""

from __future__ import annotations

import numpy as np

ROUNDING = 1e-12


def kl_gap(log_px, elbo):
    """log p(x) − ELBO, with a rounding error's worth made zero (scalars or arrays alike)."""
    gap = np.subtract(log_px, elbo)
    tolerance = ROUNDING * np.maximum(1.0, np.abs(log_px))
    cleaned = np.where(np.abs(gap) < tolerance, 0.0, gap)
    return float(cleaned) if np.ndim(cleaned) == 0 else cleaned
