"""The window's ways into lessons: File > Open lesson…, the Lessons menu, --lesson, and the
keys that step through one (lvm_gui.lesson_pane shows it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMenu, QSplitter

from engine.lessons import schema
from engine.lessons.schema import Lesson, LessonError, in_language
from lvm_gui import i18n
from lvm_gui.i18n import translate
from lvm_gui.lesson_pane import LessonPane


def install(window, file_menu, before) -> None:
    """File > Open lesson…, the Lessons menu (each shipped lesson, Restart) before the action
    `before`, and Page Down / Page Up for Next / Back while a lesson is open."""
    open_file = QAction(window)
    i18n.show(open_file, QAction.setText, lambda: translate("Menus", "Open &lesson…"))
    open_file.triggered.connect(lambda: _open_file(window))
    file_menu.insertAction(file_menu.actions()[2], open_file)
    menu = window.lessons_menu = window.menuBar().addMenu("")
    i18n.show(menu, QMenu.setTitle, lambda: translate("Menus", "&Lessons"))
    window.menuBar().insertMenu(before, menu)
    for path in schema.shipped():
        try:
            lesson = schema.load(path)
        except LessonError as exc:  # a damaged install: said where the lesson would be
            window.statusBar().showMessage(
                translate("Window", "Error: {message}").format(message=exc)
            )
            continue
        action = QAction(window)
        i18n.show(
            action,
            QAction.setText,
            lambda lesson=lesson: in_language(lesson, i18n.language()).title,
        )
        action.triggered.connect(lambda _=False, p=path: window.open_lesson(p))
        menu.addAction(action)
    menu.addSeparator()
    restart = QAction(window)
    i18n.show(restart, QAction.setText, lambda: translate("Menus", "&Restart lesson"))
    restart.triggered.connect(
        lambda: window.lesson_pane is not None and window.lesson_pane.restart()
    )
    menu.addAction(restart)
    for key, move in (("PgDown", "next"), ("PgUp", "back")):
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.activated.connect(
            lambda m=move: window.lesson_pane is not None and getattr(window.lesson_pane, m)()
        )


def _open_file(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        translate("Files", "Open lesson"),
        "",
        translate("Files", "Lessons (*.toml)"),
    )
    if path:
        window.open_lesson(path)


def open_lesson(window, lesson: Lesson | str | Path, resume: bool = True) -> None:
    """Show a lesson (a Lesson, or a file read here) in the window's lesson pane, docked right;
    a file that is no lesson is one line in the pane and the status bar, and the window goes on."""
    if window.lesson_pane is None:
        window.lesson_pane = LessonPane(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.lesson_pane)
        window.lesson_pane.visibilityChanged.connect(lambda shown: _narrow(window, shown))
    if not isinstance(lesson, Lesson):
        try:
            lesson = schema.load(lesson)
        except LessonError as exc:
            window.lesson_pane.show()
            window.lesson_pane.result.setText(str(exc))
            window.statusBar().showMessage(
                translate("Window", "Error: {message}").format(message=exc)
            )
            return
    window.lesson_pane.open(lesson, resume)


def _narrow(window, lesson_shown: bool) -> None:
    """While the pane is open each panel's controls keep to their least width, so that the
    plots keep theirs (a 1400-pixel window holds the controls, the plots and the pane)."""
    for panel in window.panels.values():
        column = panel.controls_column
        widest = column.property("widest") or column.maximumWidth()
        column.setProperty("widest", widest)
        column.setMaximumWidth(column.minimumWidth() if lesson_shown else widest)
        splitter = column.parentWidget()
        if isinstance(splitter, QSplitter):  # the room given up goes to the plots
            splitter.setSizes([column.maximumWidth(), 1 << 16])
