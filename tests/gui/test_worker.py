"""The worker: step, run, pause, speed, cancel, errors, warnings, throttling, joining."""

from __future__ import annotations

import gc
import itertools
import threading
import time
import warnings
from dataclasses import dataclass
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, QTimer

from engine.config import ConfigError, ExperimentConfig, param
from engine.experiment import Progress, Snapshot
from engine.threads import YIELD_EVERY_S, this_threads_yield
from lvm_gui.experiment_thread import HOLD_LIMIT_S, LIVE_THREADS
from lvm_gui.worker import ExperimentController


@dataclass(frozen=True, kw_only=True)
class Tick(Snapshot):
    value: int


class Counter:
    """A generator function that counts how often it was advanced."""

    def __init__(
        self,
        limit: int | None = None,
        fail_at: int | None = None,
        warn_at: int | None = None,
        block: threading.Event | None = None,
    ):
        self.limit, self.fail_at, self.warn_at, self.block = limit, fail_at, warn_at, block
        self.advanced = 0

    def __call__(self, config):
        for i in itertools.count(1) if self.limit is None else range(1, self.limit + 1):
            if i == self.fail_at:
                raise ValueError(f"broken at step {i}")
            if i == self.warn_at:
                warnings.warn("weights look odd", RuntimeWarning, stacklevel=1)
            self.advanced = i
            yield Tick(step=i, value=i * i)
        return Tick(step=self.limit, value=-1, final=True)


CONFIG = ExperimentConfig()


@dataclass(frozen=True, kw_only=True)
class RateConfig(ExperimentConfig):
    rate: int = param(1, "how much each step adds", minimum=1)
    steerable: ClassVar[frozenset[str]] = frozenset({"rate"})


def counting_by_rate(config):
    """Counts up by `rate`; a rate sent in takes effect at once."""
    value = 0
    for i in itertools.count(1):
        value += config.rate
        config = (yield Tick(step=i, value=value)) or config


def test_a_steer_goes_into_the_same_thread_and_a_paused_run_shows_one_step(qtbot, controller):
    controller.start(RateConfig(rate=1), counting_by_rate)
    for _ in range(3):
        with qtbot.waitSignal(controller.snapshot_ready):
            controller.step()
    qtbot.waitUntil(lambda: controller.state == "paused")
    thread = controller.thread
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        assert controller.steer(RateConfig(rate=10))
    assert controller.thread is thread and controller.config.rate == 10
    assert blocker.args[0].value == 3 + 10  # the generator went on, with the new rate
    qtbot.waitUntil(lambda: controller.state == "paused")
    assert [s.value for s in controller.history] == [13]  # a run of its own from there
    assert not controller.steer(RateConfig(rate=10, seed=1))  # seed is not steerable
    assert not controller.steer(RateConfig(rate=10))  # nothing changed: nothing to send
    controller.cancel()
    assert not controller.steer(RateConfig(rate=2))  # no generator left to take it


@dataclass(frozen=True, kw_only=True)
class GoingOnConfig(RateConfig):
    steering_continues: ClassVar[bool] = True  # as training does: the run goes on


def test_a_steer_into_a_run_that_goes_on_keeps_its_history(qtbot, controller):
    controller.start(GoingOnConfig(rate=1), counting_by_rate)
    for _ in range(2):
        with qtbot.waitSignal(controller.snapshot_ready):
            controller.step()
    qtbot.waitUntil(lambda: controller.state == "paused")
    with qtbot.waitSignal(controller.snapshot_ready):
        assert controller.steer(GoingOnConfig(rate=10))
    qtbot.waitUntil(lambda: controller.state == "paused")
    assert [s.value for s in controller.history] == [1, 2, 12]  # the steps before it kept


@pytest.fixture
def controller(qtbot):
    controller = ExperimentController()
    yield controller
    assert controller.shutdown()


def test_step_advances_exactly_one_snapshot(qtbot, controller):
    counter = Counter()
    controller.start(CONFIG, counter)
    for expected in (1, 2, 3):
        with qtbot.waitSignal(controller.snapshot_ready) as blocker:
            controller.step()
        assert blocker.args[0].step == expected
        qtbot.waitUntil(lambda: controller.state == "paused")
    # The thread now waits for a command: the generator was advanced three times, not more.
    assert counter.advanced == 3
    assert [s.value for s in controller.history] == [1, 4, 9]


def test_run_to_the_end_delivers_the_result(qtbot, controller):
    controller.start(CONFIG, Counter(limit=50))
    with qtbot.waitSignal(controller.finished, timeout=5000) as blocker:
        controller.play()
    assert blocker.args[0].final and blocker.args[0].value == -1
    assert len(controller.history) == 50
    assert controller.state == "done"


def test_drawing_is_throttled_but_history_is_complete(qtbot, controller):
    delivered = []
    controller.snapshot_ready.connect(delivered.append)
    controller.start(CONFIG, Counter(limit=3000))
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.play()
    assert len(controller.history) == 3000
    assert delivered[-1].step == 3000  # the newest is always drawn last
    assert len(delivered) < 600  # coalesced: far fewer draws than snapshots


def test_pause_then_step_resumes_one_at_a_time(qtbot, controller):
    counter = Counter()
    controller.set_delay(0.005)
    controller.start(CONFIG, counter)
    controller.play()
    qtbot.waitUntil(lambda: len(controller.history) >= 3)
    controller.pause()
    assert controller.state == "paused"
    with qtbot.waitSignal(controller.snapshot_ready):
        controller.step()
    qtbot.waitUntil(lambda: controller.state == "paused")
    before = counter.advanced
    with qtbot.waitSignal(controller.snapshot_ready):
        controller.step()
    qtbot.waitUntil(lambda: controller.state == "paused")
    assert counter.advanced == before + 1


def test_cancel_stops_and_joins_the_thread(qtbot, controller):
    controller.set_delay(0.001)
    controller.start(CONFIG, Counter())
    controller.play()
    qtbot.waitUntil(lambda: len(controller.history) >= 2)
    controller.cancel()
    assert controller.state == "cancelled"
    assert not any(t.isRunning() for t in LIVE_THREADS)


def test_a_long_delay_does_not_delay_shutdown(qtbot, controller):
    controller.set_delay(30.0)
    controller.start(CONFIG, Counter())
    with qtbot.waitSignal(controller.snapshot_ready):
        controller.play()
    assert controller.shutdown(timeout_ms=2000)  # the wait between steps is interruptible


def test_an_exception_becomes_a_message_and_a_restart_works(qtbot, controller, caplog, capfd):
    controller.start(CONFIG, Counter(fail_at=3))
    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.play()
    assert blocker.args == ["ValueError: broken at step 3"]
    # A bug: its traceback goes to the error log (lvm_gui.crashlog), not to the terminal.
    (record,) = [r for r in caplog.records if r.name == "lvm_gui.worker"]
    assert record.exc_info[0] is ValueError
    assert "Traceback" not in capfd.readouterr().err
    assert controller.state == "failed"
    assert len(controller.history) == 2
    controller.start(CONFIG, Counter(limit=2))
    with qtbot.waitSignal(controller.finished):
        controller.play()


def test_bad_input_is_a_message_without_a_traceback(qtbot, controller, caplog, capfd):
    def refuses(config):
        raise ConfigError("n = 0: at least 1 point")
        yield

    controller.start(CONFIG, refuses)
    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.step()
    assert blocker.args == ["n = 0: at least 1 point"]
    assert not [r for r in caplog.records if r.name == "lvm_gui.worker"]
    assert "Traceback" not in capfd.readouterr().err


def test_a_warning_becomes_a_message(qtbot, controller):
    controller.start(CONFIG, Counter(limit=5, warn_at=2))
    with qtbot.waitSignal(controller.warned, timeout=5000) as blocker:
        controller.play()
    assert blocker.args == ["RuntimeWarning: weights look odd"]
    qtbot.waitUntil(lambda: controller.state == "done")


def test_each_run_reports_its_warnings_again(qtbot, controller):
    """The filters remember a warning shown once; each run forgets that, so a second run that
    overflows says so too."""
    for _ in range(2):
        with qtbot.waitSignal(controller.warned, timeout=5000) as blocker:
            controller.start(CONFIG, Counter(limit=3, warn_at=2))
            controller.play()
        assert blocker.args == ["RuntimeWarning: weights look odd"]
        qtbot.waitUntil(lambda: controller.state == "done")


def test_warnings_go_to_the_thread_that_raised_them(qtbot, controller, monkeypatch):
    """A worker's warnings become its messages; the window's own, raised while the worker is
    inside a step, are shown as any other (catch_warnings around each step took them for the
    run's, and with several workers at once left a hook behind that swallowed every warning)."""
    shown = []
    monkeypatch.setattr(
        warnings, "showwarning", lambda message, *_args, **_kwargs: shown.append(str(message))
    )
    inside, window_warned = threading.Event(), threading.Event()

    def warns(config):
        for i in range(1, 4):
            warnings.warn(f"step {i} looks odd", RuntimeWarning, stacklevel=1)
            inside.set()
            window_warned.wait(5)
            yield Tick(step=i, value=i)
        return Tick(step=3, value=-1, final=True)

    messages = []
    controller.warned.connect(messages.append)
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.start(CONFIG, warns)
        controller.play()
        assert inside.wait(5)  # the worker is in its first step
        warnings.warn("the window's own", UserWarning, stacklevel=1)
        window_warned.set()
    assert messages == [f"RuntimeWarning: step {i} looks odd" for i in (1, 2, 3)]
    assert shown == ["the window's own"]


def test_a_new_start_drops_the_old_runs_snapshots(qtbot, controller):
    controller.start(CONFIG, Counter())
    controller.play()
    qtbot.waitUntil(lambda: len(controller.history) >= 5)
    controller.start(CONFIG, Counter(limit=3))
    with qtbot.waitSignal(controller.finished):
        controller.play()
    assert [s.value for s in controller.history] == [1, 4, 9]


def test_nothing_is_delivered_after_shutdown(qtbot, controller):
    """Snapshots the worker sent before it stopped wait in the event loop and reach the slot
    afterwards: none may land (the panel draws a headless run's frame right after a
    shutdown, and a late one replaced it)."""
    delivered = []
    controller.snapshot_ready.connect(delivered.append)
    controller.start(CONFIG, Counter())
    controller.play()
    qtbot.waitUntil(lambda: len(controller.history) >= 3)
    generation = controller.thread.generation
    assert controller.shutdown()
    seen = len(delivered)
    controller.receive(generation, Tick(step=100, value=100))  # as the queue delivers it
    controller.deliver()  # as the throttle's timer would
    assert len(delivered) == seen and not controller.history
    assert not controller.delivery_due


def test_step_after_the_end_starts_again(qtbot, controller):
    controller.start(CONFIG, Counter(limit=1))
    with qtbot.waitSignal(controller.finished):
        controller.play()
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        controller.step()
    assert blocker.args[0].step == 1


def test_qt_garbage_is_never_collected_on_the_worker_thread(qtbot, controller):
    """Unreachable Qt objects in a reference cycle, then a worker that allocates a lot: the
    collector must run on the GUI thread, or Qt warns and crashes (a Qt warning fails a test)."""
    for _ in range(20):
        holder = QObject()
        timer = QTimer(holder)
        timer.start(60_000)
        holder.cycle = holder  # only the cyclic collector can free it
    del holder, timer
    controller.start(CONFIG, Counter(limit=5000))
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.play()
    gc.collect()  # here, on the GUI thread: fine


def test_the_worker_waits_between_steps_while_the_window_draws(qtbot, controller):
    """Frame pacing: held, the worker takes HOLD_LIMIT_S per step; released, it runs free."""
    counter = Counter(limit=4)
    controller.hold_worker()
    started = time.perf_counter()
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(CONFIG, counter)
        controller.play()
    held = time.perf_counter() - started
    assert held >= 3 * HOLD_LIMIT_S  # a wait after each of the first steps
    controller.release_worker()
    started = time.perf_counter()
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(CONFIG, Counter(limit=4))
        controller.play()
    assert time.perf_counter() - started < held


def test_frames_are_spaced_so_drawing_takes_at_most_half_the_time(controller):
    controller.frame_drawn(0.001)
    assert controller.frame_interval_ms == pytest.approx(
        1000 / 60
    )  # never above 60 frames a second
    controller.frame_drawn(0.040)
    assert controller.frame_interval_ms == pytest.approx(80.0)


def test_a_held_worker_says_it_rests_so_the_window_can_draw(qtbot, controller):
    controller.hold_worker()
    with qtbot.waitSignal(controller.worker_waiting, timeout=5000):
        controller.start(CONFIG, Counter(limit=3))
        controller.play()
    assert controller.computing
    controller.release_worker()
    with qtbot.waitSignal(controller.finished, timeout=5000):
        pass
    assert not controller.computing


def test_a_held_worker_also_rests_between_the_chunks_of_a_long_step(qtbot, controller):
    """A step that reports its progress chunk by chunk rests after each chunk while the
    window draws, not only at the end of the step."""
    chunks_done = []

    def long_step(config):
        for chunk in range(3):
            chunks_done.append(chunk)
            yield Progress(step=1, fraction=(chunk + 1) / 3, what="sampling")
        return Tick(step=1, value=1, final=True)

    rests = []
    controller.worker_waiting.connect(lambda: rests.append(True))
    controller.hold_worker()  # and never released: each rest ends after HOLD_LIMIT_S
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(CONFIG, long_step)
        controller.play()
    assert len(rests) == 3 and chunks_done == [0, 1, 2]  # a rest after each chunk of the step
    controller.release_worker()


def test_a_worker_stepping_without_a_rest_lets_go_of_the_lock_now_and_then(qtbot, controller):
    """CPython hands the interpreter lock over on request only after a switch interval in which
    no thread took it, and a worker that lets go for an instant at every step takes it straight
    back: so a worker with no rest sleeps a moment every YIELD_EVERY_S for the GUI thread."""
    step_s = YIELD_EVERY_S / 4
    slept = []

    def busy(config):
        before = this_threads_yield().slept  # the worker thread's own count
        for i in range(1, 41):  # ten yields' worth of steps, none of which rests
            until = time.perf_counter() + step_s
            while time.perf_counter() < until:
                pass
            yield Tick(step=i, value=i)
        slept.append(this_threads_yield().slept - before)
        return Tick(step=40, value=-1, final=True)

    started = time.perf_counter()
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.start(CONFIG, busy)
        controller.play()
    elapsed = time.perf_counter() - started
    # At least once in every YIELD_EVERY_S plus a step, at most once in every YIELD_EVERY_S.
    assert 40 * step_s / (YIELD_EVERY_S + step_s) - 2 <= slept[0] <= elapsed / YIELD_EVERY_S + 1


def test_a_long_steps_inner_loop_rests_while_the_window_draws(qtbot, controller):
    """A step's inner loop (a VAE epoch's batches) calls engine.threads.let_others_run: held,
    the worker waits there too, HOLD_LIMIT_S a pass, as between steps."""
    from engine.threads import let_others_run

    def long_step(config):
        started = time.perf_counter()
        for _ in range(3):
            let_others_run()
        yield Tick(step=1, value=round((time.perf_counter() - started) * 1000))
        return Tick(step=1, value=-1, final=True)

    waited = []
    controller.snapshot_ready.connect(lambda snap: waited.append(snap.value))
    controller.hold_worker()  # never released: each pass waits HOLD_LIMIT_S
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(CONFIG, long_step)
        controller.play()
    controller.release_worker()
    assert waited and waited[0] >= 3 * HOLD_LIMIT_S * 1000 * 0.9


def test_queued_steps_read_stepping_until_the_last_is_delivered(qtbot, controller):
    """Five Steps pressed at once: the state said "paused" after the first snapshot while
    the other four went on computing."""
    counter = Counter()
    controller.start(CONFIG, counter)
    seen = []
    controller.state_changed.connect(lambda state: seen.append((len(controller.history), state)))
    for _ in range(5):
        controller.step()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=5000)
    assert len(controller.history) == 5 and counter.advanced == 5
    assert [n for n, state in seen if state == "paused"] == [5]
    controller.step()  # one more, from paused
    qtbot.waitUntil(lambda: len(controller.history) == 6, timeout=5000)
    assert controller.state == "paused" and counter.advanced == 6


def test_a_cancel_stops_a_step_that_would_never_end_at_its_inner_loop(qtbot, controller, caplog):
    """A step whose inner loop calls let_others_run (a VAE epoch's batches) stops there once
    cancelled: the thread ends at once, quietly (no failure, nothing logged), and the next run
    starts beside nothing."""
    from engine.threads import let_others_run

    inside = threading.Event()

    def endless_step(config):
        while True:  # an epoch of endless batches
            inside.set()
            let_others_run()
        yield Tick(step=1, value=0)

    failed = []
    controller.failed.connect(failed.append)
    controller.start(CONFIG, endless_step)
    controller.step()
    assert inside.wait(5)
    controller.cancel()
    assert controller.state == "cancelled" and controller.threads_ending == 0
    assert not any(t.isRunning() for t in LIVE_THREADS)
    assert not failed and not caplog.records
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(CONFIG, Counter(limit=3))
        controller.play()
