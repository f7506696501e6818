"""The race's sliders for a gaussian proposal q = N(mean, scale²), named in the window's
language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel
from superqt import QLabeledDoubleSlider

from lvm_gui import i18n
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate


def proposal_sliders() -> tuple[QGroupBox, QLabeledDoubleSlider, QLabeledDoubleSlider]:
    """A box holding a slider for q's mean and one for its scale."""
    box = QGroupBox()
    i18n.show(box, QGroupBox.setTitle, lambda: translate("RaceView", "Move q = N(mean, scale²)"))
    i18n.show(
        box,
        QGroupBox.setToolTip,
        lambda: translate(
            "RaceView",
            "Drag to use a gaussian proposal of this mean and scale (every dimension of z): "
            "the race starts again with it at once, the model and its exact p(x) kept",
        ),
    )
    layout = QFormLayout(box)
    mean = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
    mean.setRange(-4.0, 4.0)
    scale = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
    scale.setRange(0.05, 4.0)
    for slider, name in (
        (mean, QT_TRANSLATE_NOOP("RaceView", "mean")),
        (scale, QT_TRANSLATE_NOOP("RaceView", "scale")),
    ):
        label = QLabel()
        i18n.show(label, QLabel.setText, name.translated)
        layout.addRow(label, slider)
    return box, mean, scale
