"""log p(x; θ) = ELBO + KL along a run, as every EM view draws it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from lvm_gui import theme as themes
from lvm_gui.i18n import translate
from lvm_gui.panels.view import View

GAP_SHOWN = 1e-4  # nats per point: a smaller KL gap draws as no segment at all (10⁻⁴)


def draw_bound_history(
    view: View, item: pg.PlotItem, ell: np.ndarray, elbo: np.ndarray, decreased: np.ndarray
) -> None:
    """ℓ̄ in black, the ELBO in orange, the KL as the vermillion gap between them, and a red
    cross wherever ℓ̄ went down."""
    theme = view.theme
    pool = view.pool(item, legend_offset=(-10, -10))
    index = np.arange(len(ell))
    line = pool.plot(
        index,
        ell,
        pen=themes.pen(theme.ink, 2.5),
        symbol="o",
        symbolSize=6,
        symbolBrush=pg.mkBrush(theme.ink),
    )
    pool.label(line, translate("BoundPlot", "log p(x; θ), per point"))
    # Drawn (empty) before the first ELBO too: the legend then keeps its entries for the
    # whole run, and a legend laid out anew mid-run costs several paint passes.
    finite = np.isfinite(elbo)
    bound = pool.plot(
        index[finite],
        elbo[finite],
        pen=themes.pen(themes.ORANGE, 2),
        symbol="s",
        symbolSize=6,
        symbolBrush=pg.mkBrush(themes.ORANGE),
    )
    pool.label(bound, "ELBO(q, θ)")
    gap = pool.plot(
        np.repeat(index[finite], 2),
        np.column_stack([elbo[finite], ell[finite]]).ravel(),
        connect="pairs",
        pen=pg.mkPen(themes.VERMILLION, width=4),
    )
    # Once the gap closes its segment has no length to see: the entry says so (its value
    # is in the status line). Text that changed at every frame laid the legend out anew.
    gaps = ell[finite] - elbo[finite]
    closed = len(gaps) and gaps[-1] < GAP_SHOWN
    pool.label(
        gap,
        translate("BoundPlot", "KL gap: closed (under 10⁻⁴)")
        if closed
        else translate("BoundPlot", "KL(q ‖ p(z | x, θ)) gap"),
    )
    if decreased.any():
        marks = pool.scatter(
            index[decreased],
            ell[decreased],
            symbol="x",
            size=16,
            pen=pg.mkPen("r", width=3),
        )
        pool.label(marks, translate("BoundPlot", "ℓ went DOWN (must never happen)"))
    pool.end()
    finite_all = np.concatenate([ell, elbo[finite]])
    low, high = float(finite_all.min()), float(finite_all.max())
    # At least a small span, so one point does not show ten meaningless decimals.
    pad = max(0.05 * (high - low), 0.02 * max(1.0, abs(high)))
    view.steady_range(item, "y", low - pad, high + pad)
    view.steady_range(item, "x", -0.5, max(len(ell) - 1, 4) + 0.5)
