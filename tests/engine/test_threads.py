"""engine.threads: a worker thread lets the main thread have the interpreter lock now and then."""

from __future__ import annotations

import threading
import time

from engine import threads
from engine.threads import YIELD_EVERY_S, LockYield, let_others_run, this_threads_yield


def busy_for(seconds: float) -> None:
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        pass


def test_a_yield_sleeps_once_its_interval_has_passed_and_not_before(monkeypatch):
    slept = []
    monkeypatch.setattr(threads.time, "sleep", slept.append)
    lock_yield = LockYield(every_s=0.02, for_s=0.001)
    lock_yield()
    assert slept == []  # called at once: no sleep
    busy_for(0.025)
    lock_yield()
    lock_yield()  # the interval starts again after a sleep
    assert slept == [0.001] and lock_yield.slept == 1


def test_the_main_thread_never_sleeps_for_others():
    before = this_threads_yield().slept
    busy_for(2 * YIELD_EVERY_S)
    let_others_run()
    assert this_threads_yield().slept == before


def test_another_thread_sleeps_every_interval_with_a_clock_of_its_own():
    counts = []

    def worker() -> None:
        for _ in range(8):
            busy_for(YIELD_EVERY_S / 2)
            let_others_run()
        counts.append(this_threads_yield().slept)

    thread = threading.Thread(target=worker)
    started = time.perf_counter()
    thread.start()
    thread.join()
    elapsed = time.perf_counter() - started
    assert 2 <= counts[0] <= elapsed / YIELD_EVERY_S + 1  # 40 ms of work: about every other call


def test_a_thread_told_to_rest_rests_at_each_call_and_the_main_thread_never():
    rests = []
    threads.rest_with(lambda: rests.append("main"))
    try:
        let_others_run()
    finally:
        threads.rest_with(None)
    assert rests == []  # the command line's thread never waits for a window

    def worker() -> None:
        threads.rest_with(lambda: rests.append("worker"))
        for _ in range(3):
            let_others_run()
        threads.rest_with(None)
        let_others_run()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert rests == ["worker"] * 3


def test_a_cancelled_thread_stops_at_its_next_call_and_the_main_thread_never():
    threads.cancel_when(lambda: True)
    try:
        let_others_run()  # the command line is never cancelled this way
    finally:
        threads.cancel_when(None)
    calls, outcome = [], []
    cancelled = threading.Event()

    def worker() -> None:
        threads.cancel_when(cancelled.is_set)
        try:
            for i in range(100):
                calls.append(i)
                if i == 2:
                    cancelled.set()
                let_others_run()
        except threads.Cancelled:
            outcome.append("cancelled")
        finally:
            threads.cancel_when(None)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert calls == [0, 1, 2] and outcome == ["cancelled"]
    assert not issubclass(threads.Cancelled, Exception)  # no `except Exception` takes it


def test_a_cancel_while_resting_stops_before_the_work_goes_on():
    cancelled = threading.Event()
    outcome = []

    def worker() -> None:
        threads.cancel_when(cancelled.is_set)
        threads.rest_with(cancelled.set)  # the window's cancel arrives while the worker rests
        try:
            let_others_run()
            outcome.append("went on")
        except threads.Cancelled:
            outcome.append("cancelled")
        finally:
            threads.rest_with(None)
            threads.cancel_when(None)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert outcome == ["cancelled"]
