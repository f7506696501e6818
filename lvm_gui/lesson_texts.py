"""The lesson pane's own words, in the window's language (lvm_gui.i18n); the lessons' texts
are the lesson files'."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QGroupBox, QLineEdit, QPushButton

from engine.lessons.schema import in_language
from lvm_gui import i18n
from lvm_gui.i18n import translate

TEXTS = {
    "title": lambda: translate("Lesson", "Lesson"),
    "where": lambda: translate("Lesson", "step %1 of %2 · seed %3"),
    "predict": lambda: translate("Lesson", "Predict first"),
    "number": lambda: translate("Lesson", "your number"),
    "commit": lambda: translate("Lesson", "Run and reveal"),
    "back": lambda: translate("Lesson", "◀ Back"),
    "next": lambda: translate("Lesson", "Next ▶"),
    "restart": lambda: translate("Lesson", "Restart"),
    "back tip": lambda: translate("Lesson", "The step before (Page Up)"),
    "next tip": lambda: translate("Lesson", "The next step (Page Down)"),
    "waiting": lambda: translate("Lesson", "Predict first: the numbers show when the step runs."),
    "click": lambda: translate("Lesson", "Click on the plot “%1”."),
    "you": lambda: translate("Lesson", "you"),
    "computed": lambda: translate("Lesson", "computed"),
    "right": lambda: translate("Lesson", "right"),
    "off": lambda: translate("Lesson", "off"),
}


def text(key: str, *values: str) -> str:
    """The text of `key` with %1, %2, … filled in by `values`."""
    out = TEXTS[key]()
    for number, value in enumerate(values, 1):
        out = out.replace(f"%{number}", value)
    return out


def wire(pane) -> None:
    """Name the pane's title, box, field and buttons, now and after each change of language."""
    i18n.show(pane, QDockWidget.setWindowTitle, TEXTS["title"])
    i18n.show(pane.question_box, QGroupBox.setTitle, TEXTS["predict"])
    i18n.show(pane.number, QLineEdit.setPlaceholderText, TEXTS["number"])
    for button, key in (
        (pane.commit_button, "commit"),
        (pane.back_button, "back"),
        (pane.next_button, "next"),
        (pane.restart_button, "restart"),
    ):
        i18n.show(button, QPushButton.setText, TEXTS[key])
    i18n.show(pane.back_button, QPushButton.setToolTip, TEXTS["back tip"])
    i18n.show(pane.next_button, QPushButton.setToolTip, TEXTS["next tip"])
    i18n.follow(pane, _speak)


def _speak(pane) -> None:
    """The open lesson in the window's language, at the step it shows (begun again)."""
    if pane.source is not None:
        pane.lesson = in_language(pane.source, i18n.language())
        pane.go(pane.index)
