"""A frame drawn in parts, one part per turn of the event loop, paced with the worker.

A view gives the frame for a snapshot as (key, draw) parts, each about one plot's work. The
scheduler draws one part per turn of the event loop, so a frame of several plots never holds the
loop up for longer than its slowest plot; a newer snapshot replaces the parts not yet drawn,
keeping their place in the queue (no plot is starved). While a worker computes, a frame starts
once the worker rests between steps, so that no part shares the interpreter with a step.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from engine.experiment import Snapshot
from lvm_gui.worker import ExperimentController

Part = tuple[str, Callable[[], None]]

# The longest a frame waits for the worker to rest between steps before drawing anyway.
WORKER_REST_MS = 20


class FrameScheduler(QObject):
    # Every part of the frame for this snapshot is on screen.
    frame_drawn = Signal(object)

    def __init__(
        self,
        controller: ExperimentController,
        after_part: Callable[[], None],
        failed: Callable[[Snapshot, Exception], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._after_part = after_part
        self._failed = failed
        # Parts of frames still to draw, by key, oldest first.
        self._parts: dict[str, tuple[Snapshot, Callable[[], None]]] = {}
        self._part_timer = QTimer(self)
        self._part_timer.setSingleShot(True)
        self._part_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._part_timer.timeout.connect(self.draw_next_part)
        # Fires once the last part is painted too: the worker may go on (see lvm_gui.worker).
        self._painted_timer = QTimer(self)
        self._painted_timer.setSingleShot(True)
        self._painted_timer.timeout.connect(self._frame_painted)
        self._frame_started: float | None = None
        controller.worker_waiting.connect(self._on_worker_waiting)

    @property
    def drawing(self) -> bool:
        """Parts of a frame are still waiting to be drawn."""
        return bool(self._parts)

    def queue(self, snap: Snapshot, parts: list[Part]) -> None:
        for key, draw in parts:
            self._parts[key] = (snap, draw)
        if self._frame_started is None:
            self._frame_started = time.perf_counter()
            self.controller.hold_worker()
            # While a worker computes, start once it rests between steps (worker_waiting); at
            # the latest after WORKER_REST_MS.
            self._part_timer.start(WORKER_REST_MS if self.controller.computing else 0)
        elif not self._part_timer.isActive():
            self._part_timer.start(0)

    def _on_worker_waiting(self) -> None:
        if self._parts and self._part_timer.remainingTime() > 1:
            self._part_timer.start(0)

    def draw_next_part(self) -> None:
        if not self._parts:
            return
        key = next(iter(self._parts))
        snap, draw = self._parts.pop(key)
        try:
            draw()
            self._after_part()
        except Exception as exc:  # a drawing bug must not take the window down
            self._parts.clear()
            self._failed(snap, exc)
        if self._parts:
            # 1 ms, not 0: a zero timer started now would run before timers and input already
            # waiting, and the frame's parts would hold the loop as one long stall.
            self._part_timer.start(1)
        else:
            self._painted_timer.start(0)  # after the paint events this part posted
            self.frame_drawn.emit(snap)

    def _frame_painted(self) -> None:
        if self._parts or self._frame_started is None:
            return
        self.controller.frame_drawn(time.perf_counter() - self._frame_started)
        self._frame_started = None
        self.controller.release_worker()

    def finish(self) -> None:
        """Draw every waiting part now (before an export, and headless)."""
        self._part_timer.stop()
        while self._parts:
            self.draw_next_part()

    def drop(self) -> None:
        """Forget the parts not yet drawn (their plots are hidden), and let the worker go on."""
        self._parts.clear()
        self._painted_timer.start(0)

    def stop(self) -> None:
        self._part_timer.stop()
        self._painted_timer.stop()
        self._parts.clear()
