"""Nothing is imported for the first time in a worker, and no module's source is read there.

PySide6's import hook read the source of every newly imported module (for its `__feature__`
switches); done in a worker beside the painting GUI thread, it crashed the window (issue 9).
Both checks run in a fresh interpreter: in this one, earlier tests have imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(args: list[str], timeout: float) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(  # -X faulthandler: a crash says where it happened
        [sys.executable, "-X", "faulthandler", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, (
        f"exit {done.returncode}: {done.stdout[-500:]}{done.stderr[-6000:]}"
    )
    return done.stdout


def test_every_preset_runs_without_imports_or_source_reads_off_the_gui_thread():
    soak = ["bench/soak.py", "--rounds", "1", "--steps", "2", "--run-seconds", "0.5"]
    out = run_python([*soak, "--check-imports", "--json"], timeout=300)
    lines = [json.loads(line) for line in out.splitlines()]
    round_line, report = lines[0], lines[-1]
    assert round_line["presets"] >= 16  # every preset of the three panels
    assert report["off_thread_source_reads"] == []
    assert report["off_thread_imports"] == []
    assert report["workers_running"] == 0


def test_the_window_exits_cleanly_after_running_every_preset():
    """Left to the interpreter's finalisation, the window's Qt objects died in no particular
    order: the soak ended in a segfault after its last line in 8 exits of 10 (and once in CI)
    until the window was disposed of on the GUI thread (lvm_gui.app.dispose)."""
    for _ in range(3):
        out = run_python(
            ["bench/soak.py", "--rounds", "1", "--steps", "0", "--run-seconds", "0.1", "--json"],
            timeout=300,
        )
        assert json.loads(out.splitlines()[-1])["presets"] >= 16  # and exit status 0


def test_the_scan_is_skipped_until_a_feature_is_selected_then_pysides_own(tmp_path):
    """No source is read at import while no module uses `__feature__`; once one does, PySide
    scans what it skipped, and a module imported before keeps the plain Qt API."""
    (tmp_path / "plain_qt_user.py").write_text(
        "from PySide6.QtCore import QObject\n\ndef name(o):\n    return o.objectName()\n"
    )
    (tmp_path / "snake_case_user.py").write_text(
        "from __feature__ import snake_case\nfrom PySide6.QtCore import QObject\n\n"
        "def name(o):\n    return o.object_name()\n"
    )
    script = textwrap.dedent(
        f"""
        import inspect, sys
        from lvm_gui.pyside_imports import skip_feature_scan
        assert skip_feature_scan() and skip_feature_scan()  # idempotent
        reads = []
        getsource = inspect.getsource
        def recording(obj):
            reads.append(obj.__name__)
            return getsource(obj)
        inspect.getsource = recording
        sys.path.insert(0, {str(tmp_path)!r})
        import plain_qt_user
        before = list(reads)
        import snake_case_user
        from PySide6.QtCore import QObject
        o = QObject()
        o.setObjectName("x")
        print(before, snake_case_user.name(o), plain_qt_user.name(o), "plain_qt_user" in reads)
        """
    )
    assert run_python(["-c", script], timeout=120).split() == ["[]", "x", "x", "True"]
