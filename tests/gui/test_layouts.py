"""Every page fits a projector's width: at 1280 × 720, and in presentation mode at 1280 × 720
and 1920 × 1080, no page of any panel scrolls sideways; presentation mode shows the plots
alone, full screen, and gives the controls back when it ends."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from lvm_gui.flowing_page import TopicPages
from lvm_gui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.presentation_action.setChecked(False)
    window.close()


def shown_pages(window):
    """Show every page of every panel's every model (every topic tab of a view that has
    them) in turn, yielding its name and the page once its layouts have settled."""
    for name, panel in window.panels.items():
        window.show_panel(name)
        for experiment in panel.views:
            if experiment != panel.experiment.name:
                panel.settings.switch(experiment)
            page = panel.pages.stack.currentWidget()
            tabs = page if isinstance(page, TopicPages) else None
            for index in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(index)
                for _ in range(3):  # the layouts settle, then flowing pages refit
                    QApplication.processEvents()
                topic = f"/{tabs.tabText(index)}" if tabs else ""
                yield f"{name}/{experiment}{topic}", page


def sideways(window, size) -> list[str]:
    """Every page that scrolls sideways at `size`."""
    window.resize(*size)
    found = []
    for where, page in shown_pages(window):
        areas = [page] if isinstance(page, QScrollArea) else page.findChildren(QScrollArea)
        for area in areas:
            if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
                found.append(f"{where}: {area.horizontalScrollBar().maximum()}")
    return found


def test_no_page_scrolls_sideways_at_1280_by_720(window):
    assert sideways(window, (1280, 720)) == []


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presentation_mode_shows_the_plots_alone_and_fits(window, size):
    window.presentation_action.setChecked(True)
    assert window.isFullScreen()
    window.showNormal()  # the offscreen screen is small: the projector's size by hand
    assert all(not panel.controls_column.isVisible() for panel in window.panels.values())
    assert sideways(window, size) == []


def test_leaving_presentation_mode_gives_the_controls_and_the_window_back(window):
    window.resize(700, 500)
    window.presentation_action.setChecked(True)
    window.presentation_action.setChecked(False)
    assert not window.isFullScreen() and window.size().width() == 700
    panel = window.current_panel
    assert panel.controls_column.isVisible()
