"""What a reader of one language would trip over in a text of the window: an English word in
the Chinese window, a Chinese character in the English one.

Symbols and acronyms are the same in both languages (the seeds write them so): single letters
(θ, p_A, x), the allowed acronyms and names below, and identifiers quoted as the command line
takes them ('max_iter', 'data:{...}')."""

from __future__ import annotations

import html
import re

ALLOWED = {
    # the seeds' acronyms and symbols
    "EM", "ELBO", "KL", "VAE", "AE", "IWAE", "PCA", "CAVI", "SGA", "SVI", "log", "exp", "max",
    "min", "std", "Var", "REINFORCE", "argmax", "argmin", "Cat", "Jensen",
    # formats, devices and proper names
    "PNG", "SVG", "PDF", "GIF", "MP4", "CSV", "NPZ", "NPY", "JSON", "IDX", "MNIST", "Fashion",
    "CUDA", "CPU", "Adam", "Bishop", "scikit", "learn", "LVM", "Lab", "Qt", "PySide6", "PC",
    # keys
    "Esc", "Shift", "Ctrl", "Space", "Home", "End", "Left", "Right", "Up", "Down", "F5", "F11",
}  # fmt: skip
_QUOTED = re.compile(r"'[^'\n]*'|`[^`\n]*`")
_TAG = re.compile(r"<sub>[^<]*</sub>|<sup>[^<]*</sup>|<[^>]+>")  # subscripts are symbols
_WORD = re.compile(r"[A-Za-z]{2,}")
_CHINESE = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def plain(text: str) -> str:
    """The text a reader sees: without HTML tags, entities decoded, quoted identifiers out."""
    return _QUOTED.sub(" ", html.unescape(_TAG.sub(" ", text)))


def english_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(plain(text)) if w not in ALLOWED]


def chinese_characters(text: str) -> list[str]:
    return _CHINESE.findall(plain(text))


def widget_texts(root) -> dict[str, str]:
    """Every text a reader of `root` meets, by where it is: labels, buttons, group titles, list
    items, tabs, table headers, tooltips, and each plot's title, axis labels, set ticks and
    legend entries."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QTableWidget,
        QTabWidget,
        QWidget,
    )

    found: dict[str, str] = {}

    def add(where: str, text: str | None) -> None:
        if text and text.strip():
            found[f"{where} #{len(found)}"] = text

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():  # another tab's, or one waiting to be deleted
            continue
        name = type(widget).__name__
        add(f"{name} tooltip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(name, widget.text())
        if isinstance(widget, QGroupBox):
            add(name, widget.title())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(name, widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(name, widget.tabText(i))
        if isinstance(widget, QTableWidget):
            for header in (widget.horizontalHeaderItem, widget.verticalHeaderItem):
                for i in range(max(widget.columnCount(), widget.rowCount())):
                    item = header(i)
                    if item is not None:
                        add(f"{name} header", item.text())
                        add(f"{name} header tooltip", item.toolTip())
        if isinstance(widget, pg.GraphicsView):
            for item in widget.scene().items():
                if isinstance(item, pg.PlotItem):
                    add("plot title", item.titleLabel.text)
                if isinstance(item, pg.AxisItem):
                    add("axis label", item.labelText)
                    for level in item._tickLevels or []:
                        for _, tick in level:
                            add("tick", str(tick))
                if isinstance(item, pg.LegendItem):
                    for _, label in item.items:
                        add("legend", label.text)
    return found
