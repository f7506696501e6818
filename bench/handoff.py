"""How long the GUI thread waits for the interpreter lock beside a worker that steps at full speed.

    .venv/bin/python bench/handoff.py [--rounds N]

The main thread stands in for the window: it sleeps 5 ms at a time, as a timer would fire, and
each wake-up needs the lock. A worker thread steps an engine generator without a rest, once
plainly and once with engine.threads' `LockYield` after each step, alternating, `--rounds`
times. Printed: the main thread's worst and 99th-percentile overshoot of its 5 ms, and the run's
time, for each. No Qt event loop: this is the lock alone (bench/responsiveness.py has the rest).
"""

from __future__ import annotations

import argparse
import gc
import sys
import threading
import time

import numpy as np

import engine
from engine.experiment import Run
from engine.threads import LockYield
from lvm_gui.app import SWITCH_INTERVAL

SCENARIOS = [
    ("vi-gauss", "sga", {"iterations": 2000}),
    ("cavi", "rho-0.95", {"sweeps": 10_000}),
    ("variational-learning", None, {"rounds": 200}),
    ("race", "curve1d", {"chains": 100, "samples": 2000}),
]


def measure(
    name: str, preset: str | None, changes: dict, yielding: bool
) -> tuple[float, float, float]:
    experiment = engine.get(name)
    config = experiment.config(preset).replace(**changes)
    engine.experiment.prepare(name, config)
    done = threading.Event()

    def work() -> None:
        run = Run(config, experiment.generate)
        after_step = LockYield() if yielding else (lambda: None)
        try:
            while run.step(None) is not None:
                after_step()
        finally:
            run.close()
            done.set()

    worker = threading.Thread(target=work)
    started = time.perf_counter()
    worker.start()
    ticks = [started]
    while not done.is_set():
        time.sleep(0.005)
        ticks.append(time.perf_counter())
    worker.join()
    overshoot = np.diff(ticks) * 1000 - 5.0
    return float(overshoot.max()), float(np.percentile(overshoot, 99)), ticks[-1] - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.setswitchinterval(SWITCH_INTERVAL)  # as the window runs
    gc.disable()  # the window collects on its own thread, between frames (lvm_gui.app)
    print(f"# main thread's overshoot of a 5 ms sleep, {args.rounds} rounds (ms); run time (s)")
    print(
        f"{'generator':<28} {'plain: worst':>13} {'p99':>6} {'run':>6} {'yield: worst':>13} "
        f"{'p99':>6} {'run':>6}"
    )
    for name, preset, changes in SCENARIOS:
        for _ in range(args.rounds):
            plain = measure(name, preset, changes, yielding=False)
            yielded = measure(name, preset, changes, yielding=True)
            label = f"{name} / {preset}" if preset else name
            print(
                f"{label:<28} {plain[0]:13.1f} {plain[1]:6.1f} {plain[2]:6.2f} "
                f"{yielded[0]:13.1f} {yielded[1]:6.1f} {yielded[2]:6.2f}"
            )


if __name__ == "__main__":
    main()
