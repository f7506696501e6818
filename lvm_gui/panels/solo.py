"""Double-click a plot to show it alone, as large as the panel's page; again to put it back.

The plot is lifted out of its page into a page of its own in the panel's stack, a placeholder
of its size keeping its cell (a grid's, a box's or a splitter's), and goes back into that cell.
"""

from __future__ import annotations

import functools

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget


class SoloPlots(QObject):
    def __init__(self, stack: QStackedWidget, plots: list[pg.GraphicsView]) -> None:
        super().__init__(stack)
        self.stack = stack
        self.holder = QWidget()
        QVBoxLayout(self.holder).setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.holder)
        # (the plot shown alone, the placeholder in its cell, the page it came from)
        self.shown: tuple[pg.GraphicsView, QWidget, QWidget] | None = None
        for plot in plots:
            plot.scene().sigMouseClicked.connect(functools.partial(self._clicked, plot))

    def _clicked(self, plot: pg.GraphicsView, event) -> None:
        if event.double() and event.button() == Qt.MouseButton.LeftButton:
            self.toggle(plot)

    def toggle(self, plot: pg.GraphicsView) -> None:
        """Show `plot` alone, or put it back if it is the one shown alone."""
        if self.shown is None:
            self._show_alone(plot)
        elif self.shown[0] is plot:
            self.put_back()

    def _show_alone(self, plot: pg.GraphicsView) -> None:
        parent = plot.parentWidget()
        if parent is None:
            return
        placeholder = QWidget()
        placeholder.setMinimumSize(plot.minimumSize())
        if isinstance(parent, QSplitter):
            parent.replaceWidget(parent.indexOf(plot), placeholder)
        elif parent.layout() is not None:
            parent.layout().replaceWidget(plot, placeholder)
        else:
            return
        self.shown = (plot, placeholder, self.stack.currentWidget())
        self.holder.layout().addWidget(plot)
        plot.show()
        self.stack.setCurrentWidget(self.holder)

    def put_back(self) -> None:
        if self.shown is None:
            return
        plot, placeholder, page = self.shown
        self.shown = None
        self.holder.layout().removeWidget(plot)
        parent = placeholder.parentWidget()
        if isinstance(parent, QSplitter):
            parent.replaceWidget(parent.indexOf(placeholder), plot)
        else:
            parent.layout().replaceWidget(placeholder, plot)
        plot.show()
        placeholder.deleteLater()
        self.stack.setCurrentWidget(page)
