"""Every page fits a projector: at 1280 × 720, and in presentation mode at 1280 × 720 and
1920 × 1080, no page of any panel scrolls, every plot is in view and every legend inside its
plot over no drawn point (or in a row below it); presentation mode shows the plots alone, full
screen, and gives the controls back when it ends."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea

from lvm_gui.flowing_page import TopicPages
from lvm_gui.itempool import points_under_legend
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


def misfits(window, size, steps: int | None = None, down: bool = True) -> list[str]:
    """What does not fit at `size`, on every page (after `steps` steps of each model's
    default run, None for none): a page that scrolls sideways (or down, if `down`), a plot
    outside the page's visible area (or beside it), a legend outside its plot or over a drawn
    point."""
    window.resize(*size)
    found, ran = [], set()
    for where, page in shown_pages(window):
        panel = window.current_panel
        if steps is not None and panel.experiment.name not in ran:
            ran.add(panel.experiment.name)
            panel.run_headless(steps)
            for _ in range(3):
                QApplication.processEvents()
        areas = [page] if isinstance(page, QScrollArea) else page.findChildren(QScrollArea)
        for area in (a for a in areas if a.isVisible()):
            if area.horizontalScrollBar().maximum() > 0:
                found.append(f"{where}: scrolls sideways {area.horizontalScrollBar().maximum()}")
            if down and area.verticalScrollBar().maximum() > 0:
                found.append(f"{where}: scrolls down {area.verticalScrollBar().maximum()}")
            seen = area.viewport().rect()
            if not down:  # only beside it: as tall as the page
                seen.setHeight(area.widget().height())
            for plot in (p for p in area.findChildren(pg.GraphicsView) if p.isVisible()):
                shown = QRect(plot.mapTo(area.viewport(), QPoint(0, 0)), plot.size())
                if not seen.contains(shown):
                    found.append(f"{where}: {title(plot)} at {shown} outside {seen}")
                if hasattr(plot, "getPlotItem") and plot.getPlotItem().legend is not None:
                    found += legend_misfits(f"{where}: {title(plot)}", plot)
    return found


def title(plot) -> str:
    return plot.getPlotItem().titleLabel.text if hasattr(plot, "getPlotItem") else "a picture"


def legend_misfits(where: str, plot) -> list[str]:
    item = plot.getPlotItem()
    legend, view = item.legend, item.getViewBox()
    if not legend.isVisible() or not legend.items:
        return []
    found = []
    if legend.parentItem() is view:
        if not view.sceneBoundingRect().contains(legend.sceneBoundingRect()):
            found.append(f"{where}: legend outside the plot")
    elif not plot.sceneRect().contains(legend.sceneBoundingRect()):
        found.append(f"{where}: legend below the plot cut off")
    if hidden := points_under_legend(item):
        found.append(f"{where}: legend over {hidden} drawn points")
    return found


def test_nothing_is_cut_off_or_hidden_at_1280_by_720(window):
    # Beside the controls a page of six plots may scroll down (presentation mode fits it).
    assert misfits(window, (1280, 720), steps=3, down=False) == []


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presentation_mode_shows_the_plots_alone_and_fits(window, size):
    window.presentation_action.setChecked(True)
    assert window.isFullScreen()
    window.set_presentation(True, screen_height=size[1])  # the projector's scale
    window.showNormal()  # the offscreen screen is small: the projector's size by hand
    assert all(not panel.controls_column.isVisible() for panel in window.panels.values())
    assert misfits(window, size, steps=3) == []


def test_leaving_presentation_mode_gives_the_controls_and_the_window_back(window):
    window.resize(700, 500)
    window.presentation_action.setChecked(True)
    window.presentation_action.setChecked(False)
    assert not window.isFullScreen() and window.size().width() == 700
    panel = window.current_panel
    assert panel.controls_column.isVisible()


class DoubleClick:
    """What pyqtgraph's scene sends on a double click (a left one, in the plot's middle)."""

    def __init__(self, plot) -> None:
        self._pos = plot.getPlotItem().getViewBox().sceneBoundingRect().center()

    def double(self) -> bool:
        return True

    def button(self):
        from PySide6.QtCore import Qt

        return Qt.MouseButton.LeftButton

    def scenePos(self):
        return self._pos


def test_a_double_clicked_plot_shows_alone_and_goes_back_to_its_cell(qtbot, window):
    window.resize(1280, 720)
    window.show_panel("estimators")
    panel = window.current_panel
    panel.run_headless(3)
    page = panel.pages.stack.currentWidget()
    plot, other = panel.view.jensen_plot, panel.view.spread_plot
    cell = plot.parentWidget(), plot.parentWidget().layout().indexOf(plot)
    grid = plot.parentWidget().layout()
    position = grid.getItemPosition(cell[1])
    plot.scene().sigMouseClicked.emit(DoubleClick(plot))
    holder = panel.pages.solo.holder
    assert panel.pages.stack.currentWidget() is holder and holder.isAncestorOf(plot)
    QApplication.processEvents()
    assert plot.isVisible() and not other.isVisible()
    assert plot.width() >= 0.95 * holder.width() and plot.height() >= 0.95 * holder.height()
    plot.scene().sigMouseClicked.emit(DoubleClick(plot))
    assert panel.pages.stack.currentWidget() is page and plot.parentWidget() is cell[0]
    assert grid.getItemPosition(grid.indexOf(plot)) == position
    QApplication.processEvents()
    assert plot.isVisible() and other.isVisible()
