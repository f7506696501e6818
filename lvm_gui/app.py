"""Application start-up: one QApplication, pyqtgraph's options, torch's threads, the window."""

from __future__ import annotations

import gc
import logging
import signal
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication

from engine import device
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.crashlog import CrashLog, log_errors_to, name_application
from lvm_gui.experiment_thread import describe_error
from lvm_gui.startup import prepare_for_qt

LOG = logging.getLogger("lvm_gui.app")

# Said by the offscreen platform on every window; harmless, and noise on the command line.
QUIET_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_previous_handler = None


def _filter_messages(kind: QtMsgType, context, message: str) -> None:
    if message in QUIET_MESSAGES:
        return
    if _previous_handler is not None:
        _previous_handler(kind, context, message)
    else:
        print(message, file=sys.stderr)


def quiet_platform_messages() -> None:
    global _previous_handler
    _previous_handler = qInstallMessageHandler(_filter_messages)


_collector = None


def collect_garbage_on_gui_thread():
    """Run Python's cyclic garbage collector only on the GUI thread, from a timer.

    Left automatic, it runs in whichever thread allocates, often the busy worker, and destroys
    unreachable Qt objects there, which crashes Qt ("Timers cannot be stopped from another
    thread", then a segfault; seen in this project's tests). pyqtgraph ships the remedy.
    """
    global _collector
    if _collector is None:
        _collector = _make_collector()
    return _collector


# While a worker runs, the middle generation is collected only while it holds fewer objects
# than this, a traversal short enough for a frame. It holds more after a large import (a first
# k-means start imports scikit-learn); those wait for the next idle moment.
BUSY_MIDDLE_LIMIT = 20_000


def _make_collector():
    from pyqtgraph.util.garbage_collector import GarbageCollector

    from lvm_gui.experiment_thread import LIVE_THREADS

    class PacedCollector(GarbageCollector):
        """Young generations often, so that each collection is short; full collections, and
        a middle generation grown large, only once no worker has run for a second: one over a
        session's objects is a visible stall in the middle of a run (or as it ends)."""

        last_busy = 0.0

        def worker_running(self) -> bool:
            return any(thread.isRunning() for thread in list(LIVE_THREADS))

        def check(self) -> None:
            now = time.monotonic()
            if self.worker_running():
                self.last_busy = now
            if now - self.last_busy >= 1.0:
                super().check()
                return
            young, middle, _ = gc.get_count()
            if young > self.threshold[0]:
                gc.collect(0)
                if middle > self.threshold[1] and len(gc.get_objects(1)) < BUSY_MIDDLE_LIMIT:
                    gc.collect(1)

    return PacedCollector(interval=0.1)


def freeze_startup_objects() -> None:
    """Move everything alive after start-up (Qt wrappers, torch, numpy: ~2·10⁵ objects) out of
    the collector's reach: a full collection over them is a visible stall of the GUI thread;
    with them frozen, collections see only what the session creates."""
    gc.collect()
    gc.freeze()


SWITCH_INTERVAL = 0.001  # seconds


def make_application(argv: list[str] | None = None) -> QApplication:
    prepare_for_qt()  # before the QApplication (lvm_gui.startup)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        name_application()
        device.configure_threads()
    collect_garbage_on_gui_thread()
    # A worker busy in Python holds the interpreter lock until the switch interval asks it to
    # let go, and the GUI thread waits that long at every Qt call that took the lock back: at
    # Python's 5 ms a frame of many calls stalls the window. 1 ms costs a busy worker next to
    # nothing.
    sys.setswitchinterval(SWITCH_INTERVAL)
    themes.configure_pyqtgraph(themes.LIGHT)
    # Room for the axes' cached images (theme.style_plot): each is about its plot's size, two
    # per plot, and Qt's default 10 MB holds a page of them only in a small window.
    QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))  # in KB
    return app


def run_window(
    panel: str | None = None, preset: str | None = None, lesson=None, language: str | None = None
) -> int:
    app = make_application()
    i18n.use(i18n.chosen(language))
    crash_log = CrashLog()
    notice = crash_log.start()
    log_errors_to(crash_log.folder)
    from lvm_gui.main_window import MainWindow

    window = MainWindow(panel=panel, preset=preset)
    sys.excepthook = lambda *info: report_unexpected(window, *info)
    # Ctrl+C in the terminal and a polite kill close the window as its menu does (settings
    # saved, workers joined, no crash reported next time). Python sees the signal at its next
    # bytecode: the collector's timer runs some every 0.1 s.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: window.close())
    window.show()
    if lesson is not None:
        window.open_lesson(lesson)
    if i18n.language() != "en" and i18n.chinese_font_missing():  # boxes, not characters
        window.statusBar().showMessage(f"Warning: {i18n.CJK_FONT_HINT}")
    if notice is not None:
        window.show_notice(notice)
    # Quitting any way at all (the menu, a signal) still joins every worker thread.
    app.aboutToQuit.connect(window.shutdown_panels)
    freeze_startup_objects()
    try:
        return app.exec()
    finally:
        dispose(window)  # before the log closes: a crash in it is still a crash
        crash_log.stop()


def dispose(widget) -> None:
    """Delete a top-level widget's C++ side now, on the GUI thread. Left to the interpreter's
    finalisation, Qt objects are destroyed in no particular order: bench/soak.py died of a
    segfault after its last line in up to 8 exits of 10, and in none of 39 with this."""
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def report_unexpected(window, kind, value, trace) -> None:
    """The last resort for an exception that escaped a handler (a bug): its traceback to the
    error log, one line in the status bar, and the window goes on."""
    LOG.error("unexpected exception", exc_info=(kind, value, trace))
    text = describe_error(value)
    internal = i18n.translate("Window", "Internal error: {error} (details in the error log)")
    window.statusBar().showMessage(internal.format(error=text))
