"""GUI test set-up: offscreen Qt, settings in a temporary folder, no thread left running."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool

from lvm_gui import theme as themes
from lvm_gui.app import collect_garbage_on_gui_thread
from lvm_gui.experiment_thread import LIVE_THREADS
from lvm_gui.startup import prepare_for_qt


def pytest_configure(config):
    prepare_for_qt()  # as the app does, before pytest-qt makes the QApplication


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_on_gui_thread(qapp):
    """As the app does: a worker thread must never run the collector over Qt objects."""
    collect_garbage_on_gui_thread()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("LVM Lab tests")
    QCoreApplication.setApplicationName("lvm-gui-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    themes.configure_pyqtgraph(themes.LIGHT)
    yield
    # What the window's event loop does between two uses: delete what was left for later (the
    # widgets of a form built anew, a closed window), so that the session does not end with
    # thousands of them for Qt to destroy one by one at exit.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_panel(qtbot):
    """make_panel(name, size): a panel of the command-line name `name`, shown at `size`; each
    one made is shut down after the test, and must end its threads."""
    from lvm_gui.panels import PANELS

    made = []

    def make(name: str, size: tuple[int, int] = (1400, 860)):
        panel = PANELS[name]()
        qtbot.addWidget(panel)
        panel.resize(*size)
        panel.show()
        made.append(panel)
        return panel

    yield make
    for panel in made:
        assert panel.shutdown()


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    """Fail any test that leaves a worker thread running (after napari's conftest)."""
    yield
    running = [t for t in list(LIVE_THREADS) if t.isRunning()]
    for thread in running:  # stop them so one leak does not cascade into later tests
        thread.request_cancel()
        thread.wait(2000)
    assert not running, f"{len(running)} worker thread(s) left running"
    assert QThreadPool.globalInstance().activeThreadCount() == 0
