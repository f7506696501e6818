"""The worker thread: an engine generator stepped in a QThread, on command.

`ExperimentThread` steps a `engine.Run` on command (one step, run at a speed, pause, cancel, and
steer: a changed config sent into the running generator), posts its snapshots to an outbox the
window empties in one turn, and tags every signal with its run's generation, so that a stale
run's never lands (lvm_gui.worker's controller drops them).

Frame pacing. Drawing with pyqtgraph is Python on the GUI thread, and so is much of a step: while
both run they share the interpreter lock, and a frame takes two or three times as long as alone,
long enough to freeze the window. So the worker waits between steps, and between the chunks of
a long step that reports its progress, while the panel draws (the controller's `hold_worker` /
`release_worker`, at most HOLD_LIMIT_S per wait).

Between frames the window needs the lock only briefly (a timer, a key, taking snapshots), but
a worker that lets go of it for an instant at every call takes it straight back each time: so
a worker stepping without a rest sleeps for a moment now and then (engine.threads), and the
inner loops of long steps rest while the window draws as the worker does between steps.
"""

from __future__ import annotations

import logging
import threading
import warnings
import weakref

from PySide6.QtCore import QThread, Signal

from engine import threads
from engine.config import ConfigError, ExperimentConfig
from engine.experiment import Progress, Run, Snapshot
from lvm_gui.i18n import engine_words

LOG = logging.getLogger("lvm_gui.worker")

# The longest a worker waits between two steps for the GUI to finish drawing.
HOLD_LIMIT_S = 0.1
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
        return engine_words.message(exc)  # in the window's language
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
