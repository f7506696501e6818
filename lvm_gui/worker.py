"""One worker for every panel: the controller of its runs' threads.

`ExperimentController` owns at most one `ExperimentThread` (lvm_gui.experiment_thread) per
panel, steers it when only steerable parameters change (a drag of the race's q) and replaces
it for any other change (stale snapshots never land: every signal carries the run's
generation, and a steer starts a new one), and delivers snapshots to the panel at most
`max_fps` times a second, coalescing the ones in between. It spaces frames so that drawing
takes at most about half the time (`frame_drawn`), and holds the worker while the window
draws (`hold_worker`): the window stays responsive and the worker still gets at least half of
the interpreter.
"""

from __future__ import annotations

import threading
import time
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from engine import experiment as experiments
from engine.config import ExperimentConfig
from engine.experiment import Generate, Progress, Run, Snapshot
from engine.history import History
from lvm_gui import memory
from lvm_gui.experiment_thread import ExperimentThread, catch_worker_warnings, describe_error

# The longest the window waits for a cancelled run's thread before it starts the next run:
# long steps stop within a batch (engine.threads.Cancelled), so this is rarely reached.
STOP_WAIT_MS = 250


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
        self._min_interval_ms = self.frame_interval_ms = 1000.0 / max_fps
        self._gui_free = threading.Event()
        self._gui_free.set()
        self._pending: Snapshot | None = None
        self._last_draw = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.deliver)
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
        self.frame_interval_ms = max(self._min_interval_ms, 2000.0 * seconds)

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
    def thread(self) -> ExperimentThread | None:
        """The thread of the current run (None before a start, and once it has ended)."""
        return self._thread

    @property
    def delivery_due(self) -> bool:
        """A snapshot waits for its turn to be shown (frames are spaced, see frame_drawn)."""
        return self._timer.isActive()

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
            self.receive(generation, snap)

    def receive(self, generation: int, snap: Snapshot) -> None:
        """A snapshot of run `generation` arrived (one of an earlier run is stale: dropped)."""
        if generation != self._generation:
            return
        self.history.append(snap, self.config)  # the config of this generation
        self._pending = snap
        if self.state == RunState.STEPPING:
            self._steps_asked -= 1
            if self._steps_asked <= 0:  # queued steps still compute: still STEPPING
                self._set_state(RunState.PAUSED)
        if not self._timer.isActive():
            # The first step of a run (a start, a steer) answers the user: shown at once. The
            # spacing of frames is for the stream of steps that follows.
            wait = self.frame_interval_ms - (time.monotonic() - self._last_draw) * 1000
            self._timer.start(0 if len(self.history) == 1 else max(0, int(wait)))

    @Slot(int, object)
    def _on_progress(self, generation: int, report: Progress) -> None:
        if generation == self._generation:
            self.progress.emit(report)

    def deliver(self) -> None:
        """Show the newest snapshot not yet shown, now (the throttle's timer calls it)."""
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
        self.deliver()
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
