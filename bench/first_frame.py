"""How long the window takes from its command to the first complete frame of a panel.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/first_frame.py [--runs N] [PANEL [PRESET]]

Each run starts a fresh process that opens the window on PANEL (default: vae, on its default
preset) as `lvm-gui gui` does and quits when the panel has drawn its run's final frame; the
time is from starting the process (the interpreter's own start, imports, data, models, the
verdict and the drawing) to that frame. Issue 22's bar for the VAE panel: under 5 s on this
CPU. Reported: each run's time and the best.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

CHILD = """
import sys, time
from lvm_gui.app import make_application
app = make_application()
from PySide6.QtCore import QTimer
from lvm_gui.main_window import MainWindow
panel, preset = sys.argv[1], sys.argv[2] or None
window = MainWindow(panel=panel, preset=preset)
def drawn(snap):
    if snap.final:
        print(f"drawn {time.time():.6f}", flush=True)
        app.quit()
window.current_panel.frame_drawn.connect(drawn)
QTimer.singleShot(60_000, app.quit)
window.resize(1600, 1000)
window.show()
app.exec()
window.shutdown_panels()
"""


def one_run(panel: str, preset: str) -> float:
    started = time.time()
    env = {**os.environ, "XDG_CONFIG_HOME": "/tmp/lvm-first-frame"}  # no saved window state
    out = subprocess.run(
        [sys.executable, "-c", CHILD, panel, preset],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    stamps = [float(line.split()[1]) for line in out.splitlines() if line.startswith("drawn")]
    if not stamps:
        raise SystemExit(f"no final frame within 60 s: {out!r}")
    return stamps[0] - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("panel", nargs="?", default="vae")
    parser.add_argument("preset", nargs="?", default="")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = [one_run(args.panel, args.preset) for _ in range(args.runs)]
    shown = ", ".join(f"{t:.2f}" for t in times)
    name = f"{args.panel} {args.preset or '(default)'}"
    print(f"{name}: first complete frame {shown} s; best {min(times):.2f} s")


if __name__ == "__main__":
    main()
