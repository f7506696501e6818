"""Step, Run (Pause while running), Cancel, Reset and the delay between steps, bound to one
controller: the buttons send it their commands, and its state names the Run button."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from lvm_gui import i18n
from lvm_gui.i18n import translate
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
        self._running = False
        i18n.show(self.buttons.run, QPushButton.setText, self._run_text)
        controller.state_changed.connect(self._name_run_button)

    def add_to(self, column: QVBoxLayout) -> None:
        column.addLayout(self.buttons)
        column.addLayout(
            layout.labelled_row(
                lambda: translate("Panel", "Delay (s)"),
                lambda: translate("Panel", "Pause between steps while running, to watch each one"),
                self.delay_slider,
            )
        )

    def _name_run_button(self, state: str) -> None:
        self._running = state == RunState.RUNNING
        self.buttons.run.setText(self._run_text())

    def _run_text(self) -> str:
        if self._running:
            return translate("RunButtons", "Pause")
        return translate("RunButtons", "Run")
