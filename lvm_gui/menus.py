"""The window's menus and its tabs' names, each text translated (lvm_gui.i18n) and shown again
when View > Language changes the language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QTabWidget

from lvm_gui import i18n, lesson_menu
from lvm_gui import theme as themes
from lvm_gui.i18n import translate

# The panels' names on their tabs, by panel.
PANEL_TITLES = {
    "data": lambda: translate("Panels", "Data"),
    "em": lambda: translate("Panels", "EM"),
    "estimators": lambda: translate("Panels", "Estimators"),
    "vi": lambda: translate("Panels", "ELBO & VI"),
    "vae": lambda: translate("Panels", "VAE"),
}
STATE_NAMES = {
    "idle": lambda: translate("RunState", "idle"),
    "ready": lambda: translate("RunState", "ready"),
    "stepping": lambda: translate("RunState", "stepping"),
    "running": lambda: translate("RunState", "running"),
    "paused": lambda: translate("RunState", "paused"),
    "done": lambda: translate("RunState", "done"),
    "failed": lambda: translate("RunState", "failed"),
    "cancelled": lambda: translate("RunState", "cancelled"),
}
THEME_NAMES = {
    "light": lambda: translate("Menus", "Light theme"),
    "dark": lambda: translate("Menus", "Dark theme"),
}


def state_words(panel: str, state: str) -> str:
    """The status bar's "EM: running", in the window's language."""
    words = STATE_NAMES.get(state, lambda: state)()
    return translate("Window", "%1: %2").replace("%1", PANEL_TITLES[panel]()).replace("%2", words)


def status_words(what: str, value: str) -> str:
    """The status bar's "seed 0" and "device: cpu", in the window's language."""
    text = {
        "seed": lambda: translate("Window", "seed %1"),
        "device": lambda: translate("Window", "device: %1"),
    }[what]()
    return text.replace("%1", value)


def name_tab(tabs: QTabWidget, index: int, panel: str) -> None:
    """The tab's text in the window's language ("&" is no mnemonic there)."""
    i18n.show(
        tabs,
        lambda widget, text: widget.setTabText(index, text.replace("&", "&&")),
        PANEL_TITLES[panel],
    )


def build(window) -> None:
    bar = window.menuBar()
    file_menu = _menu(bar, lambda: translate("Menus", "&File"))
    _action(
        window,
        file_menu,
        lambda: translate("Menus", "&Open data…"),
        window.open_data,
        QKeySequence.StandardKey.Open,
    )
    _action(
        window,
        file_menu,
        lambda: translate("Menus", "&Save data…"),
        window.save_data,
        QKeySequence.StandardKey.Save,
    )
    _action(
        window,
        file_menu,
        lambda: translate("Menus", "Save &model…"),
        window.save_model_dialog,
        "Ctrl+Shift+S",
    )
    _action(
        window,
        file_menu,
        lambda: translate("Menus", "&Export figure or animation…"),
        window.export_dialog,
        "Ctrl+E",
    )
    file_menu.addSeparator()
    _action(
        window,
        file_menu,
        lambda: translate("Menus", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
    )

    view_menu = _menu(bar, lambda: translate("Menus", "&View"))
    group = QActionGroup(window)
    for theme in themes.THEMES.values():
        action = QAction(window, checkable=True)
        i18n.show(action, QAction.setText, THEME_NAMES[theme.name])
        action.setChecked(theme is window.theme)
        action.triggered.connect(lambda _=False, t=theme: window.set_theme(t))
        group.addAction(action)
        view_menu.addAction(action)
    view_menu.addSeparator()
    window.presentation_action = presentation = QAction(window, checkable=True)
    i18n.show(presentation, QAction.setText, lambda: translate("Menus", "&Presentation mode"))
    i18n.show(
        presentation,
        QAction.setToolTip,
        lambda: translate("Menus", "Large fonts and thick lines for a projector"),
    )
    presentation.setShortcut(QKeySequence("F5"))
    presentation.toggled.connect(window.set_presentation)
    view_menu.addAction(presentation)
    languages = view_menu.addMenu("")
    i18n.show(languages, QMenu.setTitle, lambda: translate("Menus", "&Language"))
    chosen = QActionGroup(window)
    for code, name in i18n.LANGUAGES.items():  # each named in itself, never translated
        action = QAction(name, window, checkable=True)
        action.setChecked(code == i18n.language())
        action.triggered.connect(lambda _=False, c=code: choose_language(c))
        chosen.addAction(action)
        languages.addAction(action)
    window.language_actions = chosen

    help_menu = _menu(bar, lambda: translate("Menus", "&Help"))
    _action(window, help_menu, lambda: translate("Menus", "&About LVM Lab"), window.about)
    lesson_menu.install(window, file_menu, help_menu.menuAction())


def choose_language(code: str) -> None:
    """View > Language: at once, and remembered for the next start."""
    QSettings().setValue("language", code)
    i18n.use(code)


def _menu(bar, title) -> QMenu:
    menu = bar.addMenu("")
    i18n.show(menu, QMenu.setTitle, title)
    return menu


def _action(window, menu: QMenu, text, slot, shortcut=None) -> QAction:
    action = QAction(window)
    i18n.show(action, QAction.setText, text)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
