"""The VAE panel's presets switched while it trains, and the process's resident memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/switching.py [--rounds N]

Each round chooses every preset of the VAE panel as a user does, presses Run and switches as
soon as the new run has shown its first step (mid-epoch). It runs twice, each in a process of
its own: as the window runs (lvm_gui.memory: two malloc arenas, freed memory given back when a
run starts) and without those, and prints the resident memory after the same light preset of
each round, the largest seen, and the workers found computing beside the newest run (each old
run must stop within a batch: 0).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

PRESETS = ("digits-vae", "digits-ae", "poles-vae", "pole-and-shadow", "digits", "poles")
COMPARED_AT = "digits-ae"  # a light run: what stays of the rounds before shows here


def resident_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(rounds: int, as_the_window: bool) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer

    from lvm_gui import memory
    from lvm_gui.app import make_application, quiet_platform_messages

    if not as_the_window:
        memory.limit_malloc_arenas = lambda: False
        memory.give_back_freed_memory = lambda: None
    quiet_platform_messages()
    make_application()
    from lvm_gui.experiment_thread import LIVE_THREADS
    from lvm_gui.panels.vae import VAEPanel

    panel = VAEPanel()
    panel.resize(1400, 860)
    panel.show()

    def first_step_shown() -> None:
        loop = QEventLoop()
        for signal in (panel.controller.snapshot_ready, panel.controller.finished):
            signal.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        for signal in (panel.controller.snapshot_ready, panel.controller.finished):
            signal.disconnect(loop.quit)

    compared, largest, beside = [], 0.0, 0
    started = time.perf_counter()
    for _ in range(rounds):
        for preset in PRESETS:
            panel.apply_preset(preset)
            if panel.controller.state != "running":
                panel.controller.toggle()
            first_step_shown()
            beside = max(beside, sum(t.isRunning() for t in list(LIVE_THREADS)) - 1)
            largest = max(largest, resident_mib())
            if preset == COMPARED_AT:
                compared.append(round(resident_mib()))
    panel.shutdown()
    return {
        "compared_mib": compared,
        "largest_mib": round(largest),
        "workers_beside_the_newest": beside,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--child", choices=("window", "plain"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.rounds, args.child == "window")))
        return
    for child, title in (("window", "as the window runs"), ("plain", "without lvm_gui.memory")):
        done = subprocess.run(
            [sys.executable, __file__, "--rounds", str(args.rounds), "--child", child],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.splitlines()[-1])
        print(
            f"{title}: resident MiB after {COMPARED_AT}, round by round "
            f"{result['compared_mib']}; largest {result['largest_mib']}; workers beside the "
            f"newest run {result['workers_beside_the_newest']}; {result['seconds']} s"
        )


if __name__ == "__main__":
    main()
