"""What a lesson's reveal draws on a plot: a line at a number, a mark at a point (the
student's dashed or crossed, the computed one solid or starred)."""

from __future__ import annotations

import pyqtgraph as pg

from lvm_gui import theme as themes
from lvm_gui.lesson_texts import text


def value_line(value: float, axis: str, colour: str, name: str) -> pg.InfiniteLine:
    """A line across the plot at `value` on its `axis` ("x": upright), labelled `name`."""
    return pg.InfiniteLine(
        pos=value,
        angle=90 if axis == "x" else 0,
        pen=themes.pen(colour, 2, dashed=name == "you"),
        label=text(name),  # "you" or "computed", in the window's language
        # the two labels at different heights: near answers would print one over the other
        labelOpts={"color": colour, "position": 0.92 if name == "you" else 0.8},
    )


def point_mark(point, colour: str, name: str) -> pg.ScatterPlotItem:
    """A cross at the student's point, a star at the computed one."""
    return pg.ScatterPlotItem(
        [point[0]],
        [point[1]],
        symbol="x" if name == "you" else "star",
        size=18,
        brush=colour,
        pen=themes.pen(colour, 2),
    )
