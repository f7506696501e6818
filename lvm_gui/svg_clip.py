"""Curves and points cut to their plot's view for an SVG.

Our SVGs are SVG Tiny 1.2 (lvm_gui.export: the 1.1 writer's clip paths lose axes and legend
samples), which has no clip paths: a curve that leaves its plot's range, a chain that jumps
off the top, would be drawn across the axes and the legend. So while an SVG is painted, every
curve is cut to its view's rectangle (engine.geometry.curves.clip_polyline) and every point
outside it hidden; then each is given back what it had.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from engine.geometry.curves import clip_polyline


@contextmanager
def clipped_to_views(widget: QWidget) -> Iterator[None]:
    views = [
        v for v in [widget, *widget.findChildren(pg.GraphicsView)] if isinstance(v, pg.GraphicsView)
    ]
    restore = []
    try:
        for view in views:
            for item in view.scene().items():
                if not item.isVisible():
                    continue
                box = _view_box_of(item)
                if box is None:
                    continue
                rect = box.viewRect()
                bounds = (rect.left(), rect.top(), rect.right(), rect.bottom())
                if isinstance(item, pg.PlotCurveItem):
                    restore.append(_clip_curve(item, bounds))
                elif isinstance(item, pg.ScatterPlotItem):
                    restore.append(_clip_points(item, bounds))
        yield
    finally:
        for undo in reversed(restore):
            if undo is not None:
                undo()


def _view_box_of(item) -> pg.ViewBox | None:
    parent = item.parentItem()
    while parent is not None and not isinstance(parent, pg.ViewBox):
        parent = parent.parentItem()
    return parent


def _clip_curve(curve: pg.PlotCurveItem, bounds):
    x, y = curve.getData()
    if x is None or len(x) < 2 or len(x) != len(y):  # a histogram's steps: one more x
        return None
    if curve.opts.get("fillLevel") is not None or curve.opts.get("brush") is not None:
        return None  # a filled area keeps its outline
    inside = (x >= bounds[0]) & (x <= bounds[2]) & (y >= bounds[1]) & (y <= bounds[3])
    if inside[np.isfinite(x) & np.isfinite(y)].all():
        return None
    connect = curve.opts.get("connect", "all")
    if not isinstance(connect, str) or connect not in ("all", "finite", "pairs"):
        return None
    cx, cy = clip_polyline(x, y, bounds, connect)
    curve.setData(cx, cy, connect="finite")
    return lambda: curve.setData(x, y, connect=connect)


def _clip_points(scatter: pg.ScatterPlotItem, bounds):
    x, y = scatter.getData()
    if len(x) == 0:
        return None
    inside = (x >= bounds[0]) & (x <= bounds[2]) & (y >= bounds[1]) & (y <= bounds[3])
    if inside.all():
        return None
    shown = scatter.data["visible"].copy()
    scatter.setPointsVisible(shown & inside)
    return lambda: scatter.setPointsVisible(shown)
