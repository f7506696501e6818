"""The application's set-up: the paced garbage collector (short collections while a worker runs,
the rest when idle), and painting kept on the GUI thread."""

from __future__ import annotations

import gc
import os

import numpy as np
import pytest

from lvm_gui.app import BUSY_MIDDLE_LIMIT, collect_garbage_on_gui_thread
from lvm_gui.plots import make_plot


@pytest.fixture
def collector(monkeypatch):
    collector = collect_garbage_on_gui_thread()
    interval = collector.timer.interval()
    collector.timer.stop()  # checked by hand below
    busy = {"now": True}
    monkeypatch.setattr(collector, "worker_running", lambda: busy["now"])
    yield collector, busy
    collector.timer.start(interval)


def fill_middle_generation(count: int) -> list:
    """`count` long-lived objects in the middle generation, and its collection due."""
    gc.collect()
    kept = [[i] for i in range(count)]
    for _ in range(gc.get_threshold()[1] + 1):
        gc.collect(0)  # moves young survivors on, and counts towards the middle's turn
    return kept


def make_young_garbage(collector) -> None:
    for _ in range(collector.threshold[0] + 100):
        cycle: list = []
        cycle.append(cycle)


def test_a_large_middle_generation_waits_while_a_worker_runs(collector):
    collector, busy = collector
    kept = fill_middle_generation(3 * BUSY_MIDDLE_LIMIT)
    make_young_garbage(collector)
    collector.check()
    assert gc.get_count()[0] < collector.threshold[0]  # the young generation was collected
    assert len(gc.get_objects(1)) >= len(kept)  # the middle one was not: it waits

    busy["now"] = False
    collector.last_busy -= 1.0  # a second without a worker
    make_young_garbage(collector)
    collector.check()
    assert len(gc.get_objects(1)) < BUSY_MIDDLE_LIMIT  # collected once idle


def test_a_small_middle_generation_is_collected_while_a_worker_runs(collector):
    collector, _ = collector
    kept = fill_middle_generation(BUSY_MIDDLE_LIMIT // 4)
    make_young_garbage(collector)
    collector.check()
    assert len(gc.get_objects(1)) < len(kept) // 2  # moved on to the oldest generation


def pool_threads() -> list[str]:
    """The names of this process's threads that Qt's thread pools started."""
    names = []
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/comm") as comm:
            names.append(comm.read().strip())
    return [name for name in names if name == "Thread (pooled)"]


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads Linux's /proc")
def test_painting_a_plot_starts_no_qt_pool_thread(qtbot):
    """A plot's background and grid lines are fills of hundreds of spans, which Qt hands to its
    GUI thread pool unless QT_NO_GUI_THREADPOOL is set (lvm_gui.app): the GUI thread then
    waits on threads that share the cores with the worker."""
    before = pool_threads()
    plot = make_plot("a grid", "x", "y")
    qtbot.addWidget(plot)
    plot.resize(800, 600)
    plot.show()
    qtbot.waitExposed(plot)
    plot.plot(np.arange(500.0), np.sin(np.arange(500.0) / 30))
    plot.grab()  # painted for real (a repaint of an offscreen window may paint nothing)
    assert pool_threads() == before
