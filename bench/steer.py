"""How soon a drag of the race's q shows: steered into the running race against a new run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/steer.py [--moves N]

For each continuous model, the Estimators panel runs the race; then q is moved N times, each
time waiting for the first frame computed with the new q. "steer" is what the sliders do now
(the value is sent into the running generator: same thread, model and exact p(x) kept);
"restart" is what they did before issue 10 (a new generator on a new thread for every value:
a new model, its quadrature, the thread's start). Reported: the median time from the move to
the first snapshot of the new q, and the ratio restart / steer, in one run.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import statistics
import time

from PySide6.QtCore import QEventLoop, QTimer

from lvm_gui.app import make_application, quiet_platform_messages
from lvm_gui.panels.estimators import EstimatorsPanel


def first_frame_after(panel, move) -> float:
    """Seconds from `move()` to the next snapshot the controller delivers."""
    loop = QEventLoop()
    panel.controller.snapshot_ready.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    start = time.perf_counter()
    move()
    loop.exec()
    elapsed = time.perf_counter() - start
    panel.controller.snapshot_ready.disconnect(loop.quit)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=15)
    args = parser.parse_args()
    quiet_platform_messages()
    app = make_application([])
    panel = EstimatorsPanel()
    panel.resize(1400, 900)
    panel.show()
    print(f"{'model':<8} {'steer ms':>9} {'restart ms':>11} {'ratio':>6}")
    for preset in ("curve1d", "curve2d"):
        panel.apply_preset(preset)
        panel.set_params(chains=200, samples=1_000_000)  # never ends during the moves
        times = {"steer": [], "restart": []}
        for i in range(args.moves):
            mean = round(-1.0 + 2.0 * i / max(1, args.moves - 1), 3)
            for how in ("steer", "restart"):
                panel.controller.play()
                app.processEvents()
                config = panel.config.replace(proposal="gaussian", q_mean=(mean,))
                if how == "steer":
                    move = lambda c=config: panel.settings.choose(c)  # noqa: E731 (as the slider)
                else:
                    move = lambda c=config: (  # noqa: E731 (a new run, as before)
                        setattr(panel, "config", c),
                        panel.restart(),
                    )
                times[how].append(first_frame_after(panel, move))
                panel.controller.pause()
        steer = statistics.median(times["steer"]) * 1000
        restart = statistics.median(times["restart"]) * 1000
        print(f"{preset:<8} {steer:>9.1f} {restart:>11.1f} {restart / steer:>6.1f}")
    panel.shutdown()
    app.processEvents()


if __name__ == "__main__":
    main()
