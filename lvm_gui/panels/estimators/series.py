"""What the two estimator views share: colours, a line with its points, and why a mean of logs
is not to be seen."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from lvm_gui import theme as themes
from lvm_gui.i18n import translate

UNIFORM, IMPORTANCE = themes.BLUE, themes.ORANGE  # as in seed 000's figure


def series(pool, x, y, colour, width: float = 2.5, marker: int = 5) -> pg.PlotDataItem:
    """A line with a dot at every point (a checkpoint, a pixel, a component)."""
    return pool.plot(
        x, y, pen=themes.pen(colour, width), symbol="o", symbolSize=marker,
        symbolBrush=pg.mkBrush(colour),
    )  # fmt: skip


def unseen_note(ks: np.ndarray, values: np.ndarray, low: float) -> str:
    """Why part of a mean-of-log series is not to be seen: a chain whose every sample missed
    has P_k = 0 and log P_k = −∞, so the mean over chains is −∞ until every chain has a hit;
    and naive Monte Carlo's mean can lie far below the axis, which is scaled for L_k."""
    if not len(values):
        return ""
    if values[-1] == -np.inf:
        return translate("RaceView", ": −∞ (a chain has no hit yet)")
    if values[-1] < low:  # no number: a text that changed at every frame relaid the legend
        return translate("RaceView", ": below the axis so far")
    hidden = np.flatnonzero(~(values >= low))
    if not len(hidden):
        return ""
    until = f"{ks[hidden[-1] + 1]:,.0f}"
    if (values[: hidden[-1] + 1] == -np.inf).any():
        return translate("RaceView", " (−∞ until k = {k}: a chain had no hit)").format(k=until)
    return translate("RaceView", " (below the axis until k = {k})").format(k=until)
