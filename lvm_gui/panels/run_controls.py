"""Step, Run (Pause while running), Cancel, Reset and the delay between steps, bound to one
controller: the buttons send it their commands, and its state names the Run button."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout

from lvm_gui.panels import layout
from lvm_gui.worker import ExperimentController, RunState


class RunControls(QObject):
    # Reset goes back to the panel's preset: the panel does it.
    reset_asked = Signal()

    def __init__(self, controller: ExperimentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buttons = layout.RunButtons()
        self.buttons.step.clicked.connect(controller.step)
        self.buttons.run.clicked.connect(controller.toggle)
        self.buttons.cancel.clicked.connect(controller.cancel)
        self.buttons.reset.clicked.connect(self.reset_asked)
        self.delay_slider = layout.delay_slider()
        self.delay_slider.valueChanged.connect(controller.set_delay)
        controller.state_changed.connect(self._name_run_button)

    def add_to(self, column: QVBoxLayout) -> None:
        column.addLayout(self.buttons)
        tip = "Pause between steps while running, to watch each one"
        column.addLayout(layout.labelled_row("Delay (s)", tip, self.delay_slider))

    def _name_run_button(self, state: str) -> None:
        self.buttons.run.setText("Pause" if state == RunState.RUNNING else "Run")
