"""The export dialog: which figure of a panel, and how wide (lvm_gui.export writes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from lvm_gui import export
from lvm_gui.i18n import translate

if TYPE_CHECKING:
    from lvm_gui.panels import ExperimentPanel

DEFAULT_EXPORT_WIDTH = 1600


class ExportDialog(QDialog):
    """Which view to export, and at what width in pixels (a PNG's, an animation's frames')."""

    def __init__(self, panel: ExperimentPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Files", "Export"))
        layout = QFormLayout(self)
        self.target = QComboBox()
        figures = panel.view.figures()
        for name in panel.export_targets():
            if name == "panel":
                text = translate("Files", "every plot on show")
            elif name in figures:
                text = translate("Files", "page: {name}").format(name=name.replace("-", " "))
            else:
                text = translate("Files", "plot: {name}").format(name=name)
            self.target.addItem(text, name)
        self.width_box = QSpinBox()
        self.width_box.setRange(export.MIN_WIDTH, export.MAX_WIDTH)
        self.width_box.setSingleStep(100)
        self.width_box.setValue(DEFAULT_EXPORT_WIDTH)
        self.width_box.setSuffix(" px")
        self.width_box.setToolTip(
            translate(
                "Files",
                "A PNG's width, or an animation's: fonts and lines keep their proportions at "
                "any width. SVG and PDF are vector, at the size shown.",
            )
        )
        layout.addRow(translate("Files", "View"), self.target)
        layout.addRow(translate("Files", "Width"), self.width_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def choice(self) -> tuple[str, int]:
        return self.target.currentData(), self.width_box.value()
