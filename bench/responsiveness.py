"""How long the window's event loop stalls while panels compute at full speed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/responsiveness.py [--runs N] [PRESET ...]

A 5 ms timer on the GUI thread records when it fires; the worst gap beyond 5 ms is the longest
the window could not answer a click or a key. Each scenario chooses its panel and preset as a
user would (the panel draws the first step by itself), lets the window settle, then presses Run
and times the event loop until the run ends, the worker stepping with no delay: the first run
goes on from the first step, the later ones run again from the start. Three runs each by
default, as the stalls vary from run to run with what the two cores are doing. Issues 3 and 4's
bar: no stall over 50 ms while EM or an estimator runs; issue 11's: nor while both models of the
VAE panel train (each run trains afresh: the workspace's trained models are let go first);
issue 12's: nor while the ELBO & VI panel climbs.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import itertools

from PySide6.QtCore import QEventLoop, QTimer

from engine.workspace import WORKSPACE
from lvm_gui.app import freeze_startup_objects, make_application, quiet_platform_messages
from lvm_gui.main_window import MainWindow

SCENARIOS = [
    ("data", "gmm2d", {"n": 1_000_000, "k": 10, "batches": 100}),
    ("em", "seed-003", {"grid": 600, "iterations": 30}),
    ("em", "seed-003-coins", {"cloud": 100_000, "iterations": 50}),
    ("em", "faithful-k2", {}),
    ("em", "faithful-k3-diag", {"iterations": 300, "tol": 0.0}),
    ("estimators", "seed-000-binary", {"chains": 200, "samples": 100_000}),
    ("estimators", "curve1d", {"chains": 1000, "samples": 10_000}),
    ("estimators", "z2", {"samples": 10_000_000}),
    ("vae", "digits", {}),
    ("vae", "poles", {"images": 2000, "epochs": 10}),
    ("vae", "digits-vae", {"iwae_k": 1000}),
    ("vi", "sga", {"iterations": 1000}),
    ("vi", "skewed", {"iterations": 1000, "method": "sga"}),
    ("vi", "rho-0.95", {"sweeps": 500}),
    ("vi", "em", {"rounds": 40}),
]


def prepare(window: MainWindow, panel_name: str, preset: str, changes: dict):
    """The panel as a user finds it before pressing Run: the preset chosen and its first step
    drawn (the panel shows it by itself), the window idle."""
    panel = window.panels[panel_name]
    window.show_panel(panel_name)
    panel.apply_preset(preset)
    if changes:
        panel.set_params(**changes)
    loop = QEventLoop()
    panel.controller.state_changed.connect(loop.quit)
    while panel.controller.state in ("ready", "stepping", "running"):
        loop.exec()
    panel.controller.state_changed.disconnect(loop.quit)
    settle(panel)
    return panel


def probe(panel) -> tuple[float, float, int, int]:
    """Press Run (again, once the run has ended) and time the event loop until the run ends."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    panel.controller.finished.connect(loop.quit)
    panel.controller.failed.connect(loop.quit)
    frames = [0]
    count = lambda _snap: frames.__setitem__(0, frames[0] + 1)  # noqa: E731
    panel.controller.snapshot_ready.connect(count)
    if panel.name == "vae":  # train again: a run of a recipe trained before would replay it
        WORKSPACE.clear()
    start = time.perf_counter()
    ticks.append(start)  # so that a loop blocked from the start still shows as a gap
    timer.start()
    panel.controller.toggle()
    loop.exec()
    timer.stop()
    ticks.append(time.perf_counter())  # ... and one blocked until the end
    elapsed = time.perf_counter() - start
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    worst = max(gaps, default=0.0) - 0.005
    panel.controller.finished.disconnect(loop.quit)
    panel.controller.failed.disconnect(loop.quit)
    panel.controller.snapshot_ready.disconnect(count)
    over = sum(1 for gap in gaps if gap - 0.005 > 0.050)
    settle(panel)  # the last frame's parts belong to the run
    return max(worst, 0.0) * 1000, elapsed, frames[0], over


def settle(panel) -> None:
    """Draw what is waiting and let the window run idle for a moment: a page shown for the
    first time lays itself out over several paint passes (axes fit their tick labels), a cost
    of switching panels rather than of the run."""
    panel.pages.finish()
    loop = QEventLoop()
    QTimer.singleShot(400, loop.quit)
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (default 3)")
    parser.add_argument("presets", nargs="*", help="only these presets (default: every one)")
    args = parser.parse_args()
    scenarios = [s for s in SCENARIOS if not args.presets or s[1] in args.presets]
    app = make_application()
    quiet_platform_messages()
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    freeze_startup_objects()  # as the app does after start-up
    print("# worst event-loop stall while the worker runs at full speed (offscreen, 2 cores)")
    print(
        f"{'panel / preset':<34} {f'worst stall (ms), {args.runs} runs':>26} {'> 50 ms':>8} "
        f"{'run (s)':>8} {'frames':>7}"
    )
    for panel, preset, changes in scenarios:
        shown = prepare(window, panel, preset, changes)
        runs = [probe(shown) for _ in range(args.runs)]
        label = f"{panel} / {preset}" + (f" {changes}" if changes else "")
        worst = " ".join(f"{r[0]:7.1f}" for r in runs)
        over = sum(r[3] for r in runs)
        elapsed = sum(r[1] for r in runs) / len(runs)
        frames = sum(r[2] for r in runs) / len(runs)
        print(f"{label[:34]:<34} {worst:>26} {over:>8} {elapsed:>8.2f} {frames:>7.0f}")
    window.close()


if __name__ == "__main__":
    main()
