"""One worker for every panel: an engine generator stepped in a QThread.

`ExperimentThread` steps a `engine.Run` on command (one step, run at a speed, pause, cancel, and
steer: a changed config sent into the running generator); `ExperimentController` owns at most
one such thread per panel, steers it when only steerable parameters change (a drag of the race's
q) and replaces it for any other change (stale snapshots never land: every signal carries the
run's generation, and a steer starts a new one), and delivers snapshots to the panel at most
`max_fps` times a second, coalescing the ones in between.

Frame pacing. Drawing with pyqtgraph is Python on the GUI thread, and so is much of a step: while
both run they share the interpreter lock, and a frame takes two or three times as long as alone,
long enough to freeze the window. So the worker waits between steps, and between the chunks of
a long step that reports its progress, while the panel draws (`hold_worker` /
`release_worker`, at most HOLD_LIMIT_S per wait), and the controller spaces
frames so that drawing takes at most about half the time (`frame_drawn`): the window stays
responsive and the worker still gets at least half of the interpreter.

Between frames the window needs the lock only briefly (a timer, a key, taking snapshots), but
a worker that lets go of it for an instant at every call takes it straight back each time: so
a worker stepping without a rest sleeps for a moment now and then (engine.threads), and the
inner loops of long steps rest while the window draws as the worker does between steps.
"""

from __future__ import annotations

import logging
import threading
import time
import warnings
import weakref
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from engine import experiment as experiments
from engine import threads
from engine.config import ConfigError, ExperimentConfig
from engine.experiment import Generate, Progress, Run, Snapshot
from engine.history import History
from lvm_gui import memory

LOG = logging.getLogger("lvm_gui.worker")

# The longest a worker waits between two steps for the GUI to finish drawing.
HOLD_LIMIT_S = 0.1
# The longest the window waits for a cancelled run's thread before it starts the next run:
# long steps stop within a batch (engine.threads.Cancelled), so this is rarely reached.
STOP_WAIT_MS = 250
# Snapshots waiting for the window at most, before the worker waits for it to take them: the
# window takes them all in one turn of its event loop, which must stay short.
OUTBOX_LIMIT = 32

# Each worker thread's warnings, raised by its steps (see `catch_worker_warnings`).
_caught = threading.local()
_shown_elsewhere = warnings.showwarning


def _show_or_catch(message, category, filename, lineno, file=None, line=None) -> None:
    caught = getattr(_caught, "warnings", None)
    if caught is not None:
        caught.append(f"{category.__name__}: {message}")
    else:
        _shown_elsewhere(message, category, filename, lineno, file, line)


def catch_worker_warnings() -> None:
    """Warnings raised on a worker thread go to that thread's list, every other thread's as
    before (GUI thread). catch_warnings around each step was not thread-safe: it swaps the
    warnings module's global hook, and with several workers stepping at once (every panel runs
    its preset at start-up) one worker's exit put back another's, so that every later warning
    of the process, any thread's, went into a list nobody read; a GUI thread's warning during a
    step was shown as the run's. One hook stays in; put back if something replaced it (pytest
    does, around each test). Each run's warnings are new (the filters' once-only memory is
    reset): a run that overflows says so again."""
    global _shown_elsewhere
    if warnings.showwarning is not _show_or_catch:
        _shown_elsewhere = warnings.showwarning
        warnings.showwarning = _show_or_catch
    forget = getattr(warnings, "_filters_mutated", None)  # private; Python 3.11 to 3.13
    if forget is not None:
        forget()


# Every ExperimentThread ever started, so tests can prove none is left running.
LIVE_THREADS: weakref.WeakSet[ExperimentThread] = weakref.WeakSet()


def describe_error(exc: BaseException) -> str:
    """One line for the user: the message alone for bad input, the exception type for a bug."""
    if isinstance(exc, ConfigError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class ExperimentThread(QThread):
    """Steps one Run; all control methods are safe to call from the GUI thread."""

    # Snapshots wait in the outbox; the signal is sent only when it was empty, so a generator
    # faster than the window queues one event, not one per step: at 700 steps a second each
    # event's wait for the interpreter lock kept the window from its timers and paints.
    snapshots_waiting = Signal()
    progress = Signal(int, object)
    result = Signal(int, object)
    failed = Signal(int, str)
    warned = Signal(int, str)
    waiting = Signal(int)  # between steps, held while the window draws

    def __init__(
        self,
        run: Run,
        generation: int,
        delay: float = 0.0,
        gui_free: threading.Event | None = None,
    ) -> None:
        super().__init__()  # no parent: the controller keeps the reference (docs/development.md)
        self.run_ = run
        self._gui_free = gui_free
        self.generation = generation
        self._lock = threading.Condition()
        self._outbox: list[tuple[int, Snapshot]] = []
        self._outbox_lock = threading.Lock()
        self._outbox_taken = threading.Event()
        self._credits = 0
        self._running = False
        self._abort = False
        self._delay = delay
        self._steer: tuple[ExperimentConfig, int] | None = None
        LIVE_THREADS.add(self)

    # --- control, from the GUI thread -------------------------------------------------------
    def request_step(self) -> None:
        with self._lock:
            self._running = False
            self._credits += 1
            self._lock.notify_all()

    def request_run(self) -> None:
        with self._lock:
            self._running = True
            self._lock.notify_all()

    def request_pause(self) -> None:
        with self._lock:
            self._running = False
            self._credits = 0
            self._lock.notify_all()

    def request_cancel(self) -> None:
        with self._lock:
            self._abort = True
            self._lock.notify_all()

    def cancelled(self) -> bool:
        """The run was cancelled (read by long steps between their batches)."""
        return self._abort

    def set_delay(self, seconds: float) -> None:
        with self._lock:
            self._delay = max(0.0, seconds)
            self._lock.notify_all()

    def request_steer(self, config: ExperimentConfig, generation: int, step: bool) -> None:
        """The next step is computed with `config` and starts run `generation`; with `step`,
        exactly that one step (the run was paused). A newer steer replaces one not yet taken:
        a fast drag sends many, and the worker takes the latest."""
        with self._lock:
            self._steer = (config, generation)
            if step:
                self._running = False
                self._credits = 1
            self._lock.notify_all()

    # --- the loop, in the worker thread ------------------------------------------------------
    def run(self) -> None:
        # The inner loops of long steps (a VAE epoch's batches) rest too (engine.threads).
        threads.rest_with(self._rest_while_drawing)
        threads.cancel_when(self.cancelled)  # a long step stops within a batch
        _caught.warnings = caught = []
        try:
            while self._wait_for_work():
                steer = self._take_steer()
                snap = self.run_.step(steer)
                for text in caught:
                    self.warned.emit(self.generation, text)
                caught.clear()
                if snap is None:
                    self.result.emit(self.generation, self.run_.result)
                    return
                if isinstance(snap, Progress):  # set-up work: not a step, no credit spent
                    self._refund_credit()
                    self.progress.emit(self.generation, snap)
                    self._rest_while_drawing()  # a long step reports progress: a rest too
                    threads.share_the_lock()
                    continue
                self._post(snap)
                self._pause_between_steps()
                threads.share_the_lock()
        except threads.Cancelled:  # inside a long step: nothing more to say, nobody waits
            pass
        except Exception as exc:  # the worker must never take the app down
            if not isinstance(exc, ConfigError):  # bad input is a message; anything else a bug
                LOG.error("unexpected exception in the worker", exc_info=exc)
            self.failed.emit(self.generation, describe_error(exc))
        finally:
            threads.rest_with(None)
            threads.cancel_when(None)
            _caught.warnings = None
            self.run_.close()

    def _wait_for_work(self) -> bool:
        with self._lock:
            self._lock.wait_for(lambda: self._abort or self._running or self._credits > 0)
            if self._abort:
                return False
            if self._credits > 0 and not self._running:
                self._credits -= 1
            return True

    def _take_steer(self) -> ExperimentConfig | None:
        with self._lock:
            if self._steer is None:
                return None
            (config, self.generation), self._steer = self._steer, None
            return config  # what this step computes belongs to the new generation

    def _refund_credit(self) -> None:
        with self._lock:
            if not self._running:
                self._credits += 1

    def _post(self, snap: Snapshot) -> None:
        with self._outbox_lock:
            self._outbox.append((self.generation, snap))
            first = len(self._outbox) == 1
            full = len(self._outbox) >= OUTBOX_LIMIT
            if full:
                self._outbox_taken.clear()
        if first:
            self.snapshots_waiting.emit()
        if full:  # the window is behind: wait for it (briefly) rather than bury it in steps
            self._outbox_taken.wait(HOLD_LIMIT_S)

    def take_snapshots(self) -> list[tuple[int, Snapshot]]:
        """Every snapshot posted since the last take, oldest first, with its generation (GUI
        thread)."""
        with self._outbox_lock:
            taken, self._outbox = self._outbox, []
            self._outbox_taken.set()
        return taken

    def _pause_between_steps(self) -> None:
        with self._lock:
            if self._running and self._delay > 0:
                self._lock.wait_for(lambda: self._abort or not self._running, timeout=self._delay)
        self._rest_while_drawing()

    def _rest_while_drawing(self) -> None:
        if self._gui_free is not None and not self._gui_free.is_set():
            self.waiting.emit(self.generation)
            self._gui_free.wait(HOLD_LIMIT_S)  # let the window draw (see the module's notes)


class RunState(StrEnum):
    """Where a panel's run is: each equal to its name as text (the state_changed signal's)."""

    IDLE = "idle"  # nothing started
    READY = "ready"  # started, no step asked for yet
    STEPPING = "stepping"  # steps asked for and not yet delivered
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


LIVE = (RunState.READY, RunState.STEPPING, RunState.RUNNING, RunState.PAUSED)
ENDED = (RunState.DONE, RunState.FAILED, RunState.CANCELLED)


class ExperimentController(QObject):
    """The panel's handle on its worker: start, step, run, pause, cancel, throttled delivery."""

    snapshot_ready = Signal(object)  # the newest snapshot, at most max_fps times a second
    progress = Signal(object)  # a Progress report of set-up work
    finished = Signal(object)  # the final result
    failed = Signal(str)
    warned = Signal(str)
    worker_waiting = Signal()  # the worker is between steps, held: the window may draw freely
    state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, max_fps: float = 60.0) -> None:
        super().__init__(parent)
        self._thread: ExperimentThread | None = None
        # Cancelled threads not yet ended (within a batch, as long steps check for a cancel):
        # kept until they end, never dropped while running (Qt would abort).
        self._ending: list[ExperimentThread] = []
        self._generation = 0
        self._delay = 0.0
        self._min_interval_ms = self._interval_ms = 1000.0 / max_fps
        self._gui_free = threading.Event()
        self._gui_free.set()
        self._pending: Snapshot | None = None
        self._last_draw = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._deliver)
        self.history = History()
        self.config: ExperimentConfig | None = None
        self._generate: Generate | None = None
        self.state = RunState.IDLE
        # Steps asked for and not yet delivered: the state reads STEPPING until they are.
        self._steps_asked = 0

    # --- public API -------------------------------------------------------------------------
    def start(self, config: ExperimentConfig, generate: Generate) -> None:
        """Replace any running generator by a fresh one for `config`, ready to step."""
        self._stop_thread()
        self.config, self._generate = config, generate
        self._generation += 1
        self.history = History()
        self._pending = None
        self._steps_asked = 0
        memory.give_back_freed_memory()  # what the last run held
        try:
            # What the generator imports lazily is imported here, on the GUI thread.
            experiments.prepare(config.experiment, config)
            run = Run(config, generate)
        except Exception as exc:
            self._set_state(RunState.FAILED)
            self.failed.emit(describe_error(exc))
            return
        catch_worker_warnings()
        thread = ExperimentThread(run, self._generation, self._delay, self._gui_free)
        thread.snapshots_waiting.connect(self._on_snapshots_waiting)
        thread.progress.connect(self._on_progress)
        thread.result.connect(self._on_result)
        thread.failed.connect(self._on_failed)
        thread.warned.connect(self._on_warned)
        thread.waiting.connect(self._on_waiting)
        self._thread = thread
        thread.start()
        self._set_state(RunState.READY)

    def step(self) -> None:
        if not self._ensure_thread():
            return
        self._steps_asked = 1 if self.state != RunState.STEPPING else self._steps_asked + 1
        self._thread.request_step()
        self._set_state(RunState.STEPPING)

    def play(self) -> None:
        if not self._ensure_thread():
            return
        self._thread.request_run()
        self._set_state(RunState.RUNNING)

    def pause(self) -> None:
        if self._thread is not None and self.state == RunState.RUNNING:
            self._thread.request_pause()
            self._set_state(RunState.PAUSED)

    def steer(self, config: ExperimentConfig) -> bool:
        """Send `config` into the running generator, which computes its next step with it: no
        new thread, and nothing computed again that the change leaves alone (the race keeps its
        model). A run of its own from there: a new generation, and a fresh history unless the
        run goes on where it was (config.steering_continues: training); paused, it takes
        one step to show it. False, and nothing sent, when no generator can take it (none
        started, one that has ended, or a change that is not steerable): start one then."""
        thread = self._thread
        if thread is None or self.config is None or self.state not in LIVE:
            return False
        if not self.config.can_steer_to(config):
            return False
        self._generation += 1
        self.config = config
        if not config.steering_continues:
            self.history = History()
        self._pending = None
        self._timer.stop()
        running = self.state == RunState.RUNNING
        self._gui_free.set()  # what the window draws now is stale: no waiting for it
        thread.request_steer(config, self._generation, step=not running)
        if not running:
            self._steps_asked = 1
            self._set_state(RunState.STEPPING)
        return True

    def toggle(self) -> None:
        self.pause() if self.state == RunState.RUNNING else self.play()

    def cancel(self) -> None:
        if self._thread is not None and self.state in LIVE:
            self._stop_thread()
            self._set_state(RunState.CANCELLED)

    def hold_worker(self) -> None:
        """The GUI is drawing: the worker waits after its current step (up to HOLD_LIMIT_S)."""
        self._gui_free.clear()

    def release_worker(self) -> None:
        self._gui_free.set()

    def frame_drawn(self, seconds: float) -> None:
        """A frame took `seconds` of the GUI thread: space the next ones so that drawing takes at
        most about half the time, and never more often than max_fps."""
        self._interval_ms = max(self._min_interval_ms, 2000.0 * seconds)

    def set_delay(self, seconds: float) -> None:
        self._delay = max(0.0, seconds)
        if self._thread is not None:
            self._thread.set_delay(self._delay)

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Cancel and join every thread and forget its run: what it had already sent, still
        queued in the event loop, is stale and never delivered (a headless run draws after
        this). True when all threads have ended within the time given."""
        self._timer.stop()
        self._gui_free.set()
        self._generation += 1
        self._pending = None
        self._steps_asked = 0
        self.history = History()
        self._stop_thread(timeout_ms)
        deadline = time.monotonic() + timeout_ms / 1000
        for thread in list(self._ending):
            thread.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        self._forget_ended()
        return not self._ending

    @property
    def threads_ending(self) -> int:
        """Cancelled runs' threads still finishing their batch."""
        return len(self._ending)

    # --- internals --------------------------------------------------------------------------
    def _ensure_thread(self) -> bool:
        if self._thread is None or self.state in ENDED:
            if self.config is None or self._generate is None:
                return False
            self.start(self.config, self._generate)
        return self._thread is not None

    def _stop_thread(self, timeout_ms: int = STOP_WAIT_MS) -> None:
        """Cancel the running thread and wait for it at most `timeout_ms`: a thread still in
        its batch then ends on its own, beside the next run, which never waits behind it."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.request_cancel()
        if not thread.wait(timeout_ms):
            self._keep_until_ended(thread)

    def _keep_until_ended(self, thread: ExperimentThread) -> None:
        self._ending.append(thread)
        thread.finished.connect(self._forget_ended)  # a slot of this object: on its thread

    @Slot()
    def _forget_ended(self) -> None:
        """Let go of the ending threads that have ended."""
        for thread in list(self._ending):
            if thread.isFinished():
                thread.wait()  # returns at once: the thread has ended
                self._ending.remove(thread)

    def _set_state(self, state: RunState) -> None:
        self.state = state
        self.state_changed.emit(state)

    @Slot(int, object)
    @Slot()
    def _on_snapshots_waiting(self) -> None:
        """Take every snapshot the running thread has posted (a signal of an earlier thread
        finds the new one's, or none: each is taken once, in order)."""
        thread = self._thread
        if thread is None:
            return
        for generation, snap in thread.take_snapshots():
            self._on_snapshot(generation, snap)

    def _on_snapshot(self, generation: int, snap: Snapshot) -> None:
        if generation != self._generation:
            return
        self.history.append(snap)
        self._pending = snap
        if self.state == RunState.STEPPING:
            self._steps_asked -= 1
            if self._steps_asked <= 0:  # queued steps still compute: still STEPPING
                self._set_state(RunState.PAUSED)
        if not self._timer.isActive():
            # The first step of a run (a start, a steer) answers the user: shown at once. The
            # spacing of frames is for the stream of steps that follows.
            wait = self._interval_ms - (time.monotonic() - self._last_draw) * 1000
            self._timer.start(0 if len(self.history) == 1 else max(0, int(wait)))

    @Slot(int, object)
    def _on_progress(self, generation: int, report: Progress) -> None:
        if generation == self._generation:
            self.progress.emit(report)

    def _deliver(self) -> None:
        snap, self._pending = self._pending, None
        if snap is not None:
            self._last_draw = time.monotonic()
            self.snapshot_ready.emit(snap)

    @Slot(int, object)
    def _on_result(self, generation: int, result: Any) -> None:
        if self._end_run(generation, RunState.DONE):
            self.finished.emit(result)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if self._end_run(generation, RunState.FAILED):
            self.failed.emit(message)

    def _end_run(self, generation: int, state: RunState) -> bool:
        """The current run ended: draw its last snapshot, join its thread. False if stale."""
        if generation != self._generation:
            return False
        self._timer.stop()
        self._deliver()
        self._join_finished()
        self._set_state(state)
        return True

    @Slot(int)
    def _on_waiting(self, generation: int) -> None:
        if generation == self._generation:
            self.worker_waiting.emit()

    @property
    def computing(self) -> bool:
        """A worker is stepping on its own (running, or doing one step)."""
        return self._thread is not None and self.state in (RunState.RUNNING, RunState.STEPPING)

    @Slot(int, str)
    def _on_warned(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.warned.emit(message)

    def _join_finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None and not thread.wait(STOP_WAIT_MS):
            self._keep_until_ended(thread)
