"""A crash leaves a log, the next start says so once, and `--paths` tells where."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from lvm_gui.crashlog import CrashLog, log_errors_to

ROOT = Path(__file__).resolve().parents[2]

CRASHING_SESSION = """
import faulthandler, sys
from pathlib import Path
from lvm_gui.crashlog import CrashLog
assert CrashLog(Path(sys.argv[1])).start() is None
faulthandler._sigsegv()
"""


def python(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **env},
    )


def started(folder: Path) -> str | None:
    """A session started and ended cleanly: its notice about the sessions before it."""
    log = CrashLog(folder)
    try:
        return log.start()
    finally:
        log.stop()


def test_a_crash_is_logged_and_reported_once_at_the_next_start(tmp_path):
    crashed = python("-c", CRASHING_SESSION, str(tmp_path))
    assert crashed.returncode != 0  # died of the signal
    log = CrashLog(tmp_path)
    notice = log.start()
    assert notice is not None and "ended abnormally" in notice
    (kept,) = tmp_path.glob("crash-*.log")
    assert str(kept) in notice
    text = kept.read_text()
    assert "Segmentation fault" in text and "Current thread" in text
    log.stop()
    assert started(tmp_path) is None  # said once; the crash log stays for the user
    assert kept.exists()


def test_a_clean_exit_leaves_nothing_to_report(tmp_path):
    log = CrashLog(tmp_path)
    assert log.start() is None
    assert log.path.exists()
    log.stop()
    assert list(tmp_path.iterdir()) == []
    assert started(tmp_path) is None


def test_a_running_window_is_not_a_crash_and_a_silent_kill_is(tmp_path):
    running = tmp_path / f"session-{os.getppid()}.log"  # a live process: another window
    running.write_text("")
    ended = python("-c", "import os; print(os.getpid())")
    (tmp_path / f"session-{ended.stdout.strip()}.log").write_text("")  # killed, nothing written
    notice = started(tmp_path)
    assert notice is not None and "without a crash log" in notice
    assert running.exists()


def test_unwritable_data_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert started(blocker / "data") is None


def test_paths_follow_xdg_data_home(tmp_path):
    done = python("-m", "lvm_gui", "--paths", XDG_DATA_HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(":", 1) for line in done.stdout.splitlines())
    data = tmp_path / "LVM Lab" / "lvm-gui"
    assert lines["data"].strip() == str(data)
    assert lines["crash logs"].strip() == str(data / "crash-*.log")
    assert {"settings", "error log", "models"} <= set(lines)


def test_an_exception_that_escapes_is_logged_with_its_traceback(qtbot, tmp_path):
    from lvm_gui.app import report_unexpected
    from lvm_gui.main_window import MainWindow

    log_errors_to(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        raise KeyError("boom")
    except KeyError:
        report_unexpected(window, *sys.exc_info())
    for handler in logging.getLogger("lvm_gui").handlers:
        handler.flush()
    logged = (tmp_path / "errors.log").read_text()
    assert "KeyError: 'boom'" in logged and "Traceback" in logged
    assert window.statusBar().currentMessage().startswith("Internal error: KeyError")
    window.shutdown_panels()
    logger = logging.getLogger("lvm_gui")
    for handler in [h for h in logger.handlers if getattr(h, "lvm_error_log", False)]:
        logger.removeHandler(handler)
        handler.close()


def test_the_notice_does_not_block_the_window(qtbot):
    from lvm_gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    box = window.show_notice("The previous run of LVM Lab ended abnormally; its crash log is x")
    assert box.isVisible() and not box.isModal() and "crash log is x" in box.text()
    window.shutdown_panels()
