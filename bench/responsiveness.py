"""How long the window's event loop stalls while panels compute at full speed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/responsiveness.py

A 5 ms timer on the GUI thread records when it fires; the worst gap beyond 5 ms is the longest
the window could not answer a click or a key. Each scenario runs one panel's worker with no delay
between steps (drawing throttled to 60 frames a second) until it finishes. Issue 3's bar: no
stall over 50 ms while EM runs.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools

from PySide6.QtCore import QEventLoop, QTimer

from lvm_gui.app import freeze_startup_objects, make_application, quiet_platform_messages
from lvm_gui.main_window import MainWindow

SCENARIOS = [
    ("data", "gmm2d", {"n": 1_000_000, "k": 10, "batches": 100}),
    ("em", "seed-003", {"grid": 600, "iterations": 30}),
    ("em", "seed-003-coins", {"cloud": 100_000, "iterations": 50}),
    ("em", "faithful-k2", {}),
    ("em", "faithful-k3-diag", {"iterations": 300, "tol": 0.0}),
]


def probe(
    window: MainWindow, panel_name: str, preset: str, changes: dict
) -> tuple[float, float, int]:
    panel = window.panels[panel_name]
    window.show_panel(panel_name)
    panel.apply_preset(preset)
    if changes:
        panel.set_params(**changes)
    panel.controller.cancel()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    panel.controller.finished.connect(loop.quit)
    panel.controller.failed.connect(loop.quit)
    frames = [0]
    panel.controller.snapshot_ready.connect(lambda _snap: frames.__setitem__(0, frames[0] + 1))
    start = time.perf_counter()
    timer.start()
    panel.controller.start(panel.config, panel.experiment.generate)
    panel.controller.play()
    loop.exec()
    timer.stop()
    elapsed = time.perf_counter() - start
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    worst = max(gaps, default=0.0) - 0.005
    panel.controller.finished.disconnect(loop.quit)
    panel.controller.failed.disconnect(loop.quit)
    return max(worst, 0.0) * 1000, elapsed, frames[0]


def main() -> None:
    app = make_application()
    quiet_platform_messages()
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    freeze_startup_objects()  # as the app does after start-up
    print("# worst event-loop stall while the worker runs at full speed (offscreen, 2 cores)")
    print(f"{'panel / preset':<34} {'worst stall (ms)':>17} {'run (s)':>8} {'frames':>7}")
    for panel, preset, changes in SCENARIOS:
        worst, elapsed, frames = probe(window, panel, preset, changes)
        label = f"{panel} / {preset}" + (f" {changes}" if changes else "")
        print(f"{label[:34]:<34} {worst:>17.1f} {elapsed:>8.2f} {frames:>7}")
    window.close()


if __name__ == "__main__":
    main()
