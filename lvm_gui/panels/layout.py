"""The widgets every panel lays out the same way, made here so the panel only wires them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from superqt import QLabeledDoubleSlider, QLabeledSlider

from lvm_gui import i18n
from lvm_gui.i18n import translate


class RunButtons(QGridLayout):
    """Step, Run (Pause while running), Cancel and Reset, two by two."""

    def __init__(self) -> None:
        super().__init__()
        self.step, self.run, self.cancel, self.reset = (QPushButton() for _ in range(4))
        for button, text, tip in (
            (
                self.step,
                lambda: translate("RunButtons", "Step"),
                lambda: translate("RunButtons", "Exactly one step of the generator (Space)"),
            ),
            (
                self.run,
                lambda: translate("RunButtons", "Run"),
                lambda: translate(
                    "RunButtons", "Run to the end at the chosen speed; again to pause (R)"
                ),
            ),
            (
                self.cancel,
                lambda: translate("RunButtons", "Cancel"),
                lambda: translate(
                    "RunButtons", "Stop the running computation; what is drawn stays (Esc)"
                ),
            ),
            (
                self.reset,
                lambda: translate("RunButtons", "Reset"),
                lambda: translate(
                    "RunButtons", "Back to the preset's parameters, from the first step"
                ),
            ),
        ):
            i18n.show(button, QPushButton.setToolTip, tip)
            if button is not self.run:  # the Run button's text follows the run (RunControls)
                i18n.show(button, QPushButton.setText, text)
        for i, button in enumerate((self.step, self.run, self.cancel, self.reset)):
            self.addWidget(button, i // 2, i % 2)


def labelled_row(text, tip, widget: QWidget) -> QHBoxLayout:
    """`widget` after its label; `text` and `tip` give the label and the tooltip in the
    window's language (lvm_gui.i18n.show)."""
    row = QHBoxLayout()
    label = QLabel()
    i18n.show(label, QLabel.setText, text)
    i18n.show(label, QLabel.setToolTip, tip)
    i18n.show(widget, QWidget.setToolTip, tip)
    row.addWidget(label)
    row.addWidget(widget, 1)
    return row


def delay_slider() -> QLabeledDoubleSlider:
    slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
    slider.setRange(0.0, 2.0)
    slider.setValue(0.0)
    slider.setDecimals(2)
    return slider


def history_slider() -> QLabeledSlider:
    slider = QLabeledSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 0)
    return slider


def wrapped_label(visible: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(visible)
    return label


def explanation_box() -> tuple[QGroupBox, QLabel]:
    """'What you see': rich text, top-aligned, as tall as it needs."""
    box = QGroupBox()
    i18n.show(box, QGroupBox.setTitle, lambda: translate("Panel", "What you see"))
    layout = QVBoxLayout(box)
    text = QLabel()
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setAlignment(Qt.AlignmentFlag.AlignTop)
    text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    layout.addWidget(text)
    return box, text


def status_line() -> QLabel:
    label = QLabel(" ")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    i18n.show(
        label, QLabel.setToolTip, lambda: translate("Panel", "The current figures; select to copy")
    )
    # A fixed box: a label that grew or shrank with its text would lay out the whole panel
    # again and repaint every plot at every frame.
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setFixedHeight(3 * label.fontMetrics().lineSpacing() + 4)
    return label


def scrolling_controls(controls: QWidget) -> QScrollArea:
    """The controls scroll rather than clip when the window is small."""
    scroller = QScrollArea()
    scroller.setWidget(controls)
    scroller.setWidgetResizable(True)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setMinimumWidth(controls.minimumWidth() + 14)
    scroller.setMaximumWidth(controls.maximumWidth() + 14)
    return scroller
