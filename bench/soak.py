"""Soak: every preset of every panel, round after round, in one window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/soak.py [--rounds N] [--steps S]
        [--run-seconds T] [--check-imports] [--json]

Each round chooses every preset of every panel as a user does, steps it S times, presses Run
for up to T seconds and moves on (a new preset cancels the old run). After each round it prints
the process's resident memory, its native threads and the workers still running: memory should
level off after the first round and no worker should outlive its preset.

With --check-imports it also records, from a fresh interpreter, every module first imported off
the GUI thread and every module source read there by `inspect.getsource` (PySide's import hook
did that for each new module; issue 9): both lists must stay empty, and
tests/gui/test_worker_imports.py runs this script to check it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import importlib.abc
import inspect
import json
import sys
import tempfile
import threading
import time

OFF_THREAD_IMPORTS: list[str] = []
OFF_THREAD_SOURCE_READS: list[str] = []


class FirstImportRecorder(importlib.abc.MetaPathFinder):
    """Asked first for every module not yet imported; notes those asked for off the GUI thread
    and lets the usual finders find them."""

    def find_spec(self, fullname, path=None, target=None):
        if threading.current_thread() is not threading.main_thread():
            OFF_THREAD_IMPORTS.append(fullname)
        return None


def record_off_thread_imports() -> None:
    sys.meta_path.insert(0, FirstImportRecorder())
    getsource = inspect.getsource

    def recording_getsource(obj):
        if threading.current_thread() is not threading.main_thread():
            OFF_THREAD_SOURCE_READS.append(getattr(obj, "__name__", type(obj).__name__))
        return getsource(obj)

    inspect.getsource = recording_getsource


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def native_threads() -> int:
    return len(os.listdir("/proc/self/task"))


def wait_while(app, busy, timeout_s: float) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while busy() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def soak_round(app, window, steps: int, run_seconds: float) -> int:
    """Every preset of every panel once; returns how many presets ran."""
    count = 0
    for name, panel in window.panels.items():
        window.show_panel(name)
        for experiment in panel.settings.experiments.values():
            for preset in experiment.presets:
                controller = panel.controller
                panel.apply_preset(preset)
                wait_while(app, lambda c=controller: c.state in ("ready", "stepping"), 60)
                for _ in range(steps):
                    controller.step()
                    wait_while(app, lambda c=controller: c.state in ("ready", "stepping"), 60)
                controller.play()
                wait_while(app, lambda c=controller: c.state == "running", run_seconds)
                wait_while(app, lambda p=panel: p.pages.drawing, 10)
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=3, help="steps of each preset")
    parser.add_argument("--run-seconds", type=float, default=1.0, help="then Run for this long")
    parser.add_argument("--check-imports", action="store_true")
    parser.add_argument("--json", action="store_true", help="a JSON object per line")
    args = parser.parse_args(argv)
    if args.check_imports:
        record_off_thread_imports()

    from PySide6.QtCore import QSettings

    from lvm_gui.app import dispose, make_application, quiet_platform_messages
    from lvm_gui.experiment_thread import LIVE_THREADS
    from lvm_gui.main_window import MainWindow

    app = make_application()
    quiet_platform_messages()
    # A settings file of its own: the soak must not change the user's remembered panel.
    scratch = tempfile.TemporaryDirectory()
    settings = QSettings(os.path.join(scratch.name, "soak.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(1400, 860)
    window.show()
    start = time.perf_counter()
    for round_index in range(1, args.rounds + 1):
        presets = soak_round(app, window, args.steps, args.run_seconds)
        running = sum(thread.isRunning() for thread in list(LIVE_THREADS))
        line = {
            "round": round_index,
            "presets": presets,
            "rss_mb": round(resident_mb(), 1),
            "native_threads": native_threads(),
            "workers_running": running,
            "elapsed_s": round(time.perf_counter() - start, 1),
        }
        if args.json:
            print(json.dumps(line), flush=True)
        else:
            print(
                f"round {round_index}: {presets} presets, RSS {line['rss_mb']:.0f} MB, "
                f"{line['native_threads']} native threads, {running} workers running "
                f"({line['elapsed_s']:.0f} s)",
                flush=True,
            )
    window.close()  # cancels and joins every worker
    dispose(window)
    if args.check_imports:
        report = {
            "off_thread_imports": OFF_THREAD_IMPORTS,
            "off_thread_source_reads": OFF_THREAD_SOURCE_READS,
            "workers_running": sum(t.isRunning() for t in list(LIVE_THREADS)),
        }
        print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
