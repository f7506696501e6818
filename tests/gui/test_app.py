"""The paced garbage collector: short collections while a worker runs, the rest when idle."""

from __future__ import annotations

import gc

import pytest

from lvm_gui.app import BUSY_MIDDLE_LIMIT, collect_garbage_on_gui_thread


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
