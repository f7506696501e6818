"""What the process sets once, at start-up, before Qt, torch or any worker starts: settings read
once by the libraries, and PySide's import hook made safe for workers. Nothing here runs when a
module is imported: `lvm_gui.cli.main` and `lvm_gui.app.make_application` call these, and so do
the GUI tests' set-up and the benchmarks.
"""

from __future__ import annotations

import functools
import os


def set_environment() -> None:
    """Settings the libraries read once, from the environment (a value already set wins):

    - THP_MEM_ALLOC_ENABLE: transparent huge pages for torch's CPU allocations; fresh large
      temporaries otherwise page-fault (about 2× on the largest EM runs). Read when torch is
      imported.
    - QT_NO_GUI_THREADPOOL: Qt's raster engine hands every fill of 96 spans or more (a plot's
      background, each grid line) to a pool of threads and waits for them, which share the cores
      with the worker: a gridded plot repainted many times slower beside a busy worker. Set,
      the fills stay on the GUI thread. Read at the first fill."""
    os.environ.setdefault("THP_MEM_ALLOC_ENABLE", "1")
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


@functools.cache
def prepare_for_qt() -> None:
    """Before the QApplication and the first worker: the environment above, PySide's per-import
    source scan skipped (lvm_gui.pyside_imports: a first import in a worker crashed the window),
    and the workers' malloc arenas bounded (lvm_gui.memory). Once a process."""
    from lvm_gui import memory
    from lvm_gui.pyside_imports import skip_feature_scan

    set_environment()
    skip_feature_scan()
    memory.limit_malloc_arenas()
