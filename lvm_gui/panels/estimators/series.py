"""What the two estimator views share: colours and a line with its points."""

from __future__ import annotations

import pyqtgraph as pg

from lvm_gui import theme as themes

UNIFORM, IMPORTANCE = themes.BLUE, themes.ORANGE  # as in seed 000's figure


def series(pool, x, y, colour, width: float = 2.5, marker: int = 5) -> pg.PlotDataItem:
    """A line with a dot at every point (a checkpoint, a pixel, a component)."""
    return pool.plot(
        x, y, pen=themes.pen(colour, width), symbol="o", symbolSize=marker,
        symbolBrush=pg.mkBrush(colour),
    )  # fmt: skip
