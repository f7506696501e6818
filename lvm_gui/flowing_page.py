"""A page of plots in rows that flows into fewer columns when the window is too narrow.

The page is given as rows of (widget, columns spanned). While the scroll area's width holds
every row at its plots' minimum widths (their titles and axes: lvm_gui.plots.fit_plot_width),
the rows are as given; narrower (a projector at 1280 × 720 with presentation mode's fonts),
the same plots, in the same order, fill rows of two columns, then one. The page scrolls down,
never sideways, while one column fits.
"""

from __future__ import annotations

import math
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QGridLayout, QTabWidget, QWidget

from lvm_gui import i18n
from lvm_gui.i18n import localized
from lvm_gui.plots import (
    MIN_WIDTH_PROPERTY,
    PLOT_MIN_HEIGHT,
    PLOT_MIN_WIDTH,
    HeightFittingArea,
    fit_plot_width,
)

Rows = list[list[tuple[QWidget, int]]]


def flowed(rows: Rows, columns: int) -> Rows:
    """`rows` refilled `columns` wide, in order: a plot that no longer fits its row starts the
    next; a span wider than the page is cut to it."""
    out: Rows = [[]]
    used = 0
    for widget, span in (cell for row in rows for cell in row):
        span = min(span, columns)
        if used + span > columns:
            out.append([])
            used = 0
        out[-1].append((widget, span))
        used += span
    return [row for row in out if row]


class FlowingPage(HeightFittingArea):
    def __init__(
        self,
        rows: Rows,
        plot_height: int = PLOT_MIN_HEIGHT,
        floor: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`rows` of plots, each `plot_height` high or less to fit (down to `floor`:
        HeightFittingArea); a widget that is no plot (a table) keeps its own height."""
        super().__init__(floor, parent)
        self.rows = rows
        self.widest = max(sum(span for _, span in row) for row in rows)
        self.columns = self.widest
        self.page = QWidget()
        self.grid = QGridLayout(self.page)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._place(self.rows)
        self.setWidget(self.page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        for widget, _ in (cell for row in rows for cell in row):
            if isinstance(widget, pg.GraphicsView):
                if widget.property(MIN_WIDTH_PROPERTY) is None:
                    widget.setProperty(MIN_WIDTH_PROPERTY, PLOT_MIN_WIDTH)
                fit_plot_width(widget)
                self.set_plot_height(widget, plot_height)

    def needed_width(self, columns: int) -> int:
        """The page's width at its plots' minimum widths, `columns` wide."""
        spacing = max(self.grid.horizontalSpacing(), 0)
        widths = [0] * columns
        for row in flowed(self.rows, columns):
            at = 0
            for widget, span in row:
                share = math.ceil((widget.minimumWidth() - spacing * (span - 1)) / span)
                for c in range(at, at + span):
                    widths[c] = max(widths[c], share)
                at += span
        return sum(widths) + spacing * (columns - 1)

    def fit(self) -> None:
        """As many columns as the width holds (at least one); not while hidden (a plot may be
        out of the page, shown alone: lvm_gui.panels.solo), but once shown again."""
        if not self.isVisible():
            return
        width = self.viewport().width()
        columns = next((c for c in range(self.widest, 0, -1) if self.needed_width(c) <= width), 1)
        if columns != self.columns:
            self.columns = columns
            self._place(flowed(self.rows, columns))
            self.fit_heights()

    def _place(self, rows: Rows) -> None:
        for widget, _ in (cell for row in self.rows for cell in row):
            self.grid.removeWidget(widget)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        for r, row in enumerate(rows):
            column = 0
            for widget, span in row:
                self.grid.addWidget(widget, r, column, 1, span)
                column += span
        for c in range(self.columns):
            self.grid.setColumnStretch(c, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A plot's minimum width changes with the theme's fonts: the layout asks again.
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)


class TopicPages(QTabWidget):
    """A view's plots by topic, a tab each, each tab a FlowingPage: a view with more plots
    than a page holds at a readable size (the VAE's eight) shows a few at a time."""

    def __init__(
        self,
        topics: dict[str, Rows],
        plot_height: int = PLOT_MIN_HEIGHT,
        floor: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.pages: dict[str, FlowingPage] = {}
        for name, rows in topics.items():
            page = FlowingPage(rows, plot_height, floor)
            self.pages[name.replace(" ", "-")] = page  # the English name: the command line's
            index = self.addTab(page, name)
            # A marked name (lvm_gui.i18n.QT_TRANSLATE_NOOP) in the window's language.
            i18n.show(
                self, lambda tabs, text, i=index: tabs.setTabText(i, text), partial(localized, name)
            )

    def shown(self) -> QWidget:
        """The page on show: what a figure of the whole view exports."""
        return self.currentWidget()
