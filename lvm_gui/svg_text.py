"""An SVG whose words show without their font: every text drawn as the outlines of its glyphs.

Qt's SVG writer keeps text as <text> elements that name a font family, which a machine without
that font draws in another, and Chinese in boxes where it has none with the glyphs. So each
<text> becomes a <path> of its glyphs' outlines, laid out by Qt with the font the window used
(QPainterPath.addText), in the element's own position, transform and fill. Only an SVG with
Chinese in it is outlined. A PDF needs none of this: Qt's PDF writer embeds the glyphs it uses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtGui import QFont, QPainterPath

from lvm_gui.svg_strokes import SVG, XLINK

TEXT = f"{{{SVG}}}text"
PATH = f"{{{SVG}}}path"
# What a <path> of the glyphs keeps of the <text>: where it is and how it is filled.
KEPT = ("transform", "fill", "fill-opacity", "opacity", "clip-path", "style")
SIZE = re.compile(r"^\s*([0-9.]+)\s*(pt|px)?\s*$")


CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def outlined_text(svg: bytes) -> bytes:
    """`svg` with every <text> element replaced by the outlines of its glyphs, where any of
    them is Chinese; an SVG of Latin text keeps its text, editable and searchable."""
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    root = ET.fromstring(svg)
    if not any(CJK.search("".join(text.itertext())) for text in root.iter(TEXT)):
        return svg
    for parent in list(root.iter()):
        for index, child in enumerate(list(parent)):
            if child.tag == TEXT:
                parent.remove(child)
                parent.insert(index, _outlines(child))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _outlines(text: ET.Element) -> ET.Element:
    words = "".join(text.itertext())
    path = QPainterPath()
    path.addText(float(text.get("x", "0") or 0), float(text.get("y", "0") or 0), _font(text), words)
    outline = ET.Element(PATH, {k: text.get(k) for k in KEPT if text.get(k) is not None})
    outline.set("fill", text.get("fill", "#000000"))
    outline.set("stroke", "none")
    outline.set("d", _path_data(path))
    return outline


def _font(text: ET.Element) -> QFont:
    font = QFont(text.get("font-family", "").strip("'\""))
    size = SIZE.match(text.get("font-size", "") or "")
    if size is not None:
        value = float(size.group(1))
        if size.group(2) == "pt":
            font.setPointSizeF(value)
        else:  # SVG units are pixels
            font.setPixelSize(max(1, round(value)))
    weight = text.get("font-weight", "")
    if weight.isdigit():
        font.setWeight(QFont.Weight(min(max(int(weight), 100), 900)))
    elif weight == "bold":
        font.setBold(True)
    font.setItalic(text.get("font-style") in ("italic", "oblique"))
    return font


def _path_data(path: QPainterPath) -> str:
    """The path as SVG path data: moves, lines and cubic curves, in the text's coordinates."""
    parts = []
    i, count = 0, path.elementCount()
    while i < count:
        element = path.elementAt(i)
        if element.isMoveTo():
            parts.append(f"M{element.x:.2f} {element.y:.2f}")
        elif element.isLineTo():
            parts.append(f"L{element.x:.2f} {element.y:.2f}")
        else:  # a curve: its first control point, then two CurveToData elements
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(
                f"C{element.x:.2f} {element.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}"
            )
            i += 2
        i += 1
    return "".join(parts) + ("Z" if parts else "")
