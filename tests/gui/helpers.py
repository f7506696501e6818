"""Helpers for the GUI tests."""

from __future__ import annotations


def wait_drawn(qtbot, panel, timeout: int = 10000):
    """Wait until every part of the panel's latest frame is on screen (a panel draws its parts
    one per turn of the event loop, after the snapshot arrives); return that snapshot."""
    while panel.drawing:
        with qtbot.waitSignal(panel.frame_drawn, timeout=timeout):
            pass
    return panel.last_snapshot


def run_to_end(qtbot, panel, timeout: int = 30000):
    """Start the panel's run, play it to the end and wait for its last frame; return it."""
    with qtbot.waitSignal(panel.controller.finished, timeout=timeout):
        panel.restart()
        panel.controller.play()
    return wait_drawn(qtbot, panel)


def assert_plots_fit(panel, sizes=((1400, 860), (700, 420))) -> None:
    """At each size, no visible plot is laid out wider than its widget (a long title used to
    push a plot past the widget's right edge, cut off): small windows scroll instead."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    for size in sizes:
        panel.resize(*size)
        QApplication.sendPostedEvents()  # the layouts settle
        views = [v for v in panel.findChildren(pg.GraphicsView) if v.isVisible()]
        assert views
        for view in views:
            assert view.centralWidget.geometry().width() <= view.viewport().width() + 1
