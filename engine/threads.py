"""Sharing the interpreter with the main thread while a long computation runs on another.

The window steps each generator on a worker thread, and its own thread needs the interpreter
lock for every timer, key and frame. CPython asks the lock's holder to let go only after a
switch interval in which no thread took the lock, and a thread that lets go of it for an instant
at every call (numpy's random draws and BLAS calls, each small torch operation) takes it
straight back each time, faster than the waiting thread wakes, and the window waits for the
lock far longer than a frame. So a worker sleeps for a moment every YIELD_EVERY_S: between steps
(lvm_gui.worker), and in the inner loops of long steps, which call `let_others_run()`. There a
worker also rests while the window draws, as it does between steps (`rest_with`), so that a
frame never shares the interpreter with a step. On the main thread (the command line) that is
nothing. The figures: docs/benchmarks.md (bench/handoff.py).

The same calls are where a long step is cancelled: a worker whose run was cancelled (`cancel_when`)
gets `Cancelled` from its next `let_others_run()`, so a VAE epoch, an IWAE ladder or a q's fit
stops within a batch and a new run never shares the machine with an old one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

# A sleep of 0.2 ms every 10 ms costs the worker 2% of its time and gives the window the lock
# within about a frame (bench/handoff.py).
YIELD_EVERY_S = 0.010
YIELD_FOR_S = 0.0002

_local = threading.local()


class Cancelled(BaseException):
    """Raised by `let_others_run()` inside a long step once the thread's run was cancelled.
    A BaseException, as GeneratorExit is: no `except Exception` in a step takes it for a
    failure, and the step's `finally` and `with` blocks unwind as for any exception."""


class LockYield:
    """Sleeps YIELD_FOR_S when called once YIELD_EVERY_S has passed since it last slept."""

    def __init__(self, every_s: float = YIELD_EVERY_S, for_s: float = YIELD_FOR_S) -> None:
        self.every_s, self.for_s = every_s, for_s
        self.last = time.perf_counter()
        self.slept = 0

    def __call__(self) -> None:
        if time.perf_counter() - self.last >= self.every_s:
            time.sleep(self.for_s)
            self.slept += 1
            self.last = time.perf_counter()


def this_threads_yield() -> LockYield:
    """The calling thread's LockYield (one a thread, so that a step's inner loop and the
    worker's loop around it share one clock)."""
    found = getattr(_local, "lock_yield", None)
    if found is None:
        found = _local.lock_yield = LockYield()
    return found


def share_the_lock() -> None:
    """This thread's LockYield, called: a moment's sleep once YIELD_EVERY_S has passed."""
    this_threads_yield()()


def rest_with(rest: Callable[[], None] | None) -> None:
    """This thread's `let_others_run()` calls `rest` first (a worker's wait while the window
    draws); None: no more."""
    _local.rest = rest


def cancel_when(is_cancelled: Callable[[], bool] | None) -> None:
    """This thread's `let_others_run()` raises Cancelled once `is_cancelled()` is true (a
    worker's cancel); None: no more."""
    _local.is_cancelled = is_cancelled


def let_others_run() -> None:
    """Off the main thread, stop here if the run was cancelled (`cancel_when`: Cancelled), rest
    as the thread was told to (`rest_with`) and let a thread waiting for the interpreter lock
    have it now and then (see the module's notes); cheap enough to call at every pass of an
    inner loop."""
    if threading.get_ident() != threading.main_thread().ident:
        is_cancelled = getattr(_local, "is_cancelled", None) or _never
        if is_cancelled():
            raise Cancelled
        rest = getattr(_local, "rest", None)
        if rest is not None:
            rest()
            if is_cancelled():  # cancelled while it rested
                raise Cancelled
        share_the_lock()


def _never() -> bool:
    return False
