"""The window in English or Simplified Chinese (issue 24), by Qt's own translation system.

Texts are marked with `translate(context, text)` (QCoreApplication.translate: pyside6-lupdate
finds them), collected in `lvm_gui_zh_CN.ts` and compiled by pyside6-lrelease to the `.qm`
beside it (`make translations`; a test checks that both are up to date). `use(language)`
installs the catalogue and Qt's own (its dialogs in the same language) and shows every text
registered with `show` again, so the language changes at once, without a restart. The command
line and its JSON stay English.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

from lvm_gui.languages import LANGUAGES

FOLDER = Path(__file__).resolve().parent
CATALOGUE = FOLDER / "lvm_gui_zh_CN.ts"
# Where no font has Chinese glyphs, Qt draws boxes: the app says so once, naming the package.
CJK_FONT_HINT = (
    "no font with Chinese characters is installed: install fonts-noto-cjk (Debian, Ubuntu) "
    "or google-noto-sans-cjk-fonts (Fedora)"
)

_state = {"language": "en"}
_translators: list[QTranslator] = []
# Texts shown by `show`: (the object whose text it is, a weak reference; how to set it; the
# text, asked again after every switch).
_shown: list[tuple[weakref.ref, Callable[[object, str], None], Callable[[], str]]] = []


def translate(context: str, text: str, key: str | None = None) -> str:
    """`text` in the window's language; `key` tells apart equal texts that mean different
    things (Qt's disambiguation: the engine's texts carry their parameter's name)."""
    return QCoreApplication.translate(context, text, key)


class Marked(str):
    """An English text marked for translation where it is shown, not where it is written:
    a plot's title given at build time and shown again after every switch of language."""

    context: str

    def __new__(cls, context: str, text: str) -> Marked:
        marked = super().__new__(cls, text)
        marked.context = context
        return marked

    def translated(self) -> str:
        return translate(self.context, str(self))


def QT_TRANSLATE_NOOP(context: str, text: str) -> Marked:
    """Mark `text` for pyside6-lupdate, which knows this name, without translating it yet."""
    return Marked(context, text)


def localized(text: str) -> str:
    """A text in the window's language: a Marked one translated, any other as it is."""
    return text.translated() if isinstance(text, Marked) else text


def language() -> str:
    return _state["language"]


def show(owner, setter: Callable[[object, str], None], text: Callable[[], str]) -> None:
    """`setter(owner, text())` now and after every change of language while `owner` lives."""
    setter(owner, text())
    _shown.append((weakref.ref(owner), setter, text))


def follow(owner, changed: Callable[[object], None]) -> None:
    """Call `changed(owner)` after every change of language while `owner` lives (a form built
    again in the new language, a frame drawn again). `changed` must not hold `owner`."""
    _shown.append((weakref.ref(owner), lambda alive, _text: changed(alive), str))


def use(name: str) -> None:
    """Install `name`'s catalogues (none for English) and show every registered text again."""
    if name not in LANGUAGES:
        raise ValueError(f"unknown language {name!r}; known: {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if name != "en":
        qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for path in (FOLDER / f"lvm_gui_{name}.qm", qt / f"qtbase_{name}.qm"):
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                _translators.append(translator)
    _state["language"] = name
    alive = []
    for ref, setter, text in _shown:
        owner = ref()
        if owner is not None and shiboken6.isValid(owner):
            setter(owner, text())
            alive.append((ref, setter, text))
    _shown[:] = alive


def chosen(requested: str | None = None) -> str:
    """The language asked for (--lang), else the one chosen last (View > Language), else the
    system's: Chinese where its locale is, English elsewhere."""
    if requested is not None:
        return requested
    saved = QSettings().value("language")
    if saved in LANGUAGES:
        return str(saved)
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def chinese_font_missing() -> bool:
    return not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
