"""The history slider and its note: look back at the steps of a run (engine.history).

The slider follows the newest step while the run goes on, unless the user moved it back; a step
thinned out of a long run's history shows the kept step before it, and the note says so. Beside
the slider, the step number of the snapshot shown, as the status line counts it: the slider's
own position is an index (a run that starts at step 1 showed 9 at its step 10).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout
from superqt import QLabeledSlider

from engine.history import History
from lvm_gui.i18n import translate
from lvm_gui.panels import layout


class HistoryBar(QObject):
    # The snapshot of the step the user moved to.
    chosen = Signal(object)

    def __init__(self, history: Callable[[], History], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self.slider = layout.history_slider()
        self.slider.setEdgeLabelMode(QLabeledSlider.EdgeLabelMode.NoLabel)
        self.slider.valueChanged.connect(self._moved)
        self.step = QLabel("")
        self.note = layout.wrapped_label()
        self._syncing = False

    def add_to(self, column: QVBoxLayout) -> None:
        row = layout.labelled_row(
            lambda: translate("Panel", "History"),
            lambda: translate(
                "Panel",
                "Look back at earlier steps (Left and Right keys); the run goes on from the newest",
            ),
            self.slider,
        )
        row.addWidget(self.step)
        column.addLayout(row)
        column.addWidget(self.note)  # says when a step shown was thinned out

    def back(self) -> None:
        self.slider.setValue(self.slider.value() - 1)

    def forward(self) -> None:
        self.slider.setValue(self.slider.value() + 1)

    def follow(self) -> None:
        """A step arrived: stay on the newest one (unless moved back)."""
        count = len(self._history())
        self._syncing = True
        try:
            at_end = self.slider.value() >= self.slider.maximum()
            self.slider.setRange(0, max(0, count - 1))
            if at_end:
                self.slider.setValue(max(0, count - 1))
                self.note.setVisible(False)
                self._say_step(self._history()[-1] if count else None)
        finally:
            self._syncing = False

    def _moved(self, index: int) -> None:
        history = self._history()
        if self._syncing or not 0 <= index < len(history):
            return
        kept = history.kept_step(index)
        if kept == index:
            self.note.setVisible(False)
        else:
            note = translate(
                "Panel", "showing step {kept}: one step in {stride} of this run's {steps:,} is kept"
            )
            self.note.setText(note.format(kept=kept, stride=history.stride, steps=len(history)))
            self.note.setVisible(True)
        self._say_step(history[index])
        self.chosen.emit(history[index])

    def _say_step(self, snap) -> None:
        shown = translate("View", "step {step}").format(step=snap.step) if snap is not None else ""
        self.step.setText(shown)
