"""A panel's message line: one error, warning or note at a time, until the next change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.config import ExperimentConfig
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels import layout

COLOURS = {"error": themes.VERMILLION, "warning": "#A66A00", "note": themes.BLUE}
PREFIXES = {
    "error": QT_TRANSLATE_NOOP("Panel", "Error"),
    "warning": QT_TRANSLATE_NOOP("Panel", "Warning"),
    "note": QT_TRANSLATE_NOOP("Panel", "Note"),
}


class MessageLine(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = layout.wrapped_label()
        # (level, text) of the message shown, None when there is none.
        self.last: tuple[str, str] | None = None

    def show(self, text: str, level: str = "error") -> None:
        if level not in COLOURS:
            raise ValueError(f"level {level!r}: one of {', '.join(COLOURS)}")
        self.label.setStyleSheet(f"color: {COLOURS[level]};")
        prefix = translate("Panel", "<b>{prefix}:</b> {text}")
        self.label.setText(prefix.format(prefix=PREFIXES[level].translated(), text=_escape(text)))
        self.label.setToolTip(text)
        self.label.setVisible(True)
        self.last = (level, text)
        self.changed.emit()

    def show_notes(self, config: ExperimentConfig) -> None:
        """What the config says of itself (a value it adjusted, say), if anything."""
        if config.notes:
            self.show("; ".join(config.notes), "note")

    def clear(self) -> None:
        self.label.clear()
        self.label.setVisible(False)
        self.last = None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
