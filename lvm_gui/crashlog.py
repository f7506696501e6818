"""What a crash leaves behind, and where the app keeps its files.

While the window runs, `faulthandler` writes the traceback of every thread into this session's
file in the user's data folder (Qt's AppLocalDataLocation, which follows XDG_DATA_HOME) if the
process dies of a fatal signal; a clean exit removes the file. A session file whose process is
gone therefore means the run ended abnormally: the next start keeps it as `crash-TIME.log` and
says so, once. Unexpected exceptions (bugs, not bad input) go with their tracebacks to
`errors.log` beside it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

ORGANISATION = "LVM Lab"
APPLICATION = "lvm-gui"
ERROR_LOG = "errors.log"


def name_application() -> None:
    """The names Qt derives the settings and data folders from."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def data_folder() -> Path:
    location = QStandardPaths.StandardLocation.AppLocalDataLocation
    return Path(QStandardPaths.writableLocation(location))


def app_paths() -> dict[str, Path]:
    """Every place the app reads or writes on its own (`lvm-gui --paths`)."""
    data = data_folder()
    return {
        "settings": Path(QSettings().fileName()),
        "data": data,
        "crash logs": data / "crash-*.log",
        "error log": data / ERROR_LOG,
        "models": data / "models",
    }


class CrashLog:
    """faulthandler into a session file; `start` reports a previous session that died."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_folder()
        self.path: Path | None = None
        self._file: TextIO | None = None
        self._was_enabled = False

    def start(self) -> str | None:
        """Begin this session's log; a notice for the user if an earlier session ended
        abnormally (None if not, or if the folder cannot be written: nothing to say then)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            notice = self._previous_sessions()
            self.path = self.folder / f"session-{os.getpid()}.log"
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (held open)
        except OSError:
            return None
        self._was_enabled = faulthandler.is_enabled()  # python -X faulthandler, pytest
        faulthandler.enable(self._file, all_threads=True)
        return notice

    def stop(self) -> None:
        """A clean exit: nothing to report next time."""
        if self._file is None:
            return
        faulthandler.disable()
        if self._was_enabled:
            faulthandler.enable(sys.__stderr__, all_threads=True)
        self._file.close()
        self._file = None
        with contextlib.suppress(OSError):
            self.path.unlink()

    def _previous_sessions(self) -> str | None:
        kept: list[Path] = []
        silent = 0
        for session in sorted(self.folder.glob("session-*.log")):
            pid = session.stem.removeprefix("session-")
            if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                continue  # another window of the app is running
            try:
                if session.stat().st_size == 0:
                    session.unlink()  # killed without a chance to write (SIGKILL, power)
                    silent += 1
                    continue
                stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(session.stat().st_mtime))
                crash = self.folder / f"crash-{stamp}-{pid}.log"
                session.replace(crash)
                kept.append(crash)
            except OSError:
                continue
        if kept:
            where = ", ".join(str(path) for path in kept)
            ended = QCoreApplication.translate(
                "Window", "The previous run of LVM Lab ended abnormally; its crash log is {where}"
            )
            return ended.format(where=where)
        if silent:
            return QCoreApplication.translate(
                "Window",
                "The previous run of LVM Lab ended abnormally (killed, without a crash log)",
            )
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours to signal
        return True
    return True


def log_errors_to(folder: Path) -> None:
    """Unexpected exceptions, with their tracebacks, into folder/errors.log (1 MB, kept twice)."""
    logger = logging.getLogger("lvm_gui")
    if any(getattr(h, "lvm_error_log", False) for h in logger.handlers):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / ERROR_LOG, maxBytes=1 << 20, backupCount=2, encoding="utf-8", delay=True
        )
    except OSError:
        return
    handler.lvm_error_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(threadName)s %(name)s: %(message)s"))
    logger.addHandler(handler)


def print_paths() -> int:
    """`lvm-gui --paths`: the folders and files the app uses, one a line."""
    name_application()
    for what, path in app_paths().items():
        print(f"{what + ':':<12} {path}")
    return 0
