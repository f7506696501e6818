"""An SVG that draws the same in every program: strokes that do not scale, made plain.

Qt's SVG writer draws a plot's curves in data coordinates, inside a group whose transform maps
them to the page (a scale of hundreds on a log-likelihood axis), and keeps the pen one pixel
wide with `vector-effect="non-scaling-stroke"`. Browsers honour that; cairo (cairosvg, many
converters) and some slide programs do not, and scale the pen with the data: a curve becomes a
band hundreds of pixels wide. So each such shape gets its group's transform applied to its
coordinates, as pyqtgraph's own SVG exporter does, and everything else in the group gets the
transform as its own attribute. No Qt here: it is text in, text out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
SHAPES = {f"{{{SVG}}}path", f"{{{SVG}}}polyline", f"{{{SVG}}}polygon", f"{{{SVG}}}rect"}
GROUP = f"{{{SVG}}}g"
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
MATRIX = re.compile(
    rf"^\s*matrix\(\s*({NUMBER})\s*,?\s*({NUMBER})\s*,?\s*({NUMBER})\s*,?\s*"
    rf"({NUMBER})\s*,?\s*({NUMBER})\s*,?\s*({NUMBER})\s*\)\s*$"
)
PATH_TOKEN = re.compile(rf"[A-Za-z]|{NUMBER}")
# Commands whose arguments are all absolute points (x, y pairs).
POINT_COMMANDS = set("MLCQTSZ")


def plain_strokes(svg: bytes) -> bytes:
    """`svg` with every non-scaling stroke drawn in page coordinates (see the module's notes)."""
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    root = ET.fromstring(svg)
    _flatten(root, np.eye(3))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _flatten(parent: ET.Element, matrix: np.ndarray) -> None:
    for child in list(parent):
        own = _matrix(child.get("transform"))
        if own is None:  # a transform other than a matrix: left as it is, and what is inside
            continue
        combined = matrix @ own
        if child.tag == GROUP:
            if "clip-path" in child.attrib and not np.allclose(combined, np.eye(3)):
                _set_matrix(child, combined)  # its clip is in these coordinates: left whole
                continue
            child.attrib.pop("transform", None)
            _flatten(child, combined)
        elif child.tag in SHAPES and child.get("vector-effect") == "non-scaling-stroke":
            if _bake(child, combined):
                child.attrib.pop("transform", None)
            else:
                _set_matrix(child, combined)
        elif not np.allclose(combined, np.eye(3)):
            _set_matrix(child, combined)
        elif "transform" in child.attrib:
            del child.attrib["transform"]


def _matrix(text: str | None) -> np.ndarray | None:
    if text is None:
        return np.eye(3)
    found = MATRIX.match(text)
    if found is None:
        return None
    a, b, c, d, e, f = (float(v) for v in found.groups())
    return np.array([[a, c, e], [b, d, f], [0.0, 0.0, 1.0]])


def _set_matrix(element: ET.Element, matrix: np.ndarray) -> None:
    (a, c, e), (b, d, f) = matrix[0], matrix[1]
    element.set("transform", f"matrix({a:.6g},{b:.6g},{c:.6g},{d:.6g},{e:.6g},{f:.6g})")


def _apply(matrix: np.ndarray, xs: list[float], ys: list[float]) -> tuple[np.ndarray, np.ndarray]:
    points = matrix @ np.vstack([xs, ys, np.ones(len(xs))])
    return points[0], points[1]


def _bake(element: ET.Element, matrix: np.ndarray) -> bool:
    """Apply `matrix` to the shape's coordinates; False where they are not plain points."""
    tag = element.tag.rsplit("}", 1)[-1]
    if tag == "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        w, h = float(element.get("width", 0)), float(element.get("height", 0))
        xs, ys = _apply(matrix, [x, x + w, x + w, x], [y, y, y + h, y + h])
        element.tag = f"{{{SVG}}}path"
        for name in ("x", "y", "width", "height", "rx", "ry"):
            element.attrib.pop(name, None)
        corners = " L".join(f"{px:.6g},{py:.6g}" for px, py in zip(xs, ys, strict=True))
        element.set("d", f"M{corners} Z")
        return True
    if tag in ("polyline", "polygon"):
        values = [float(v) for v in re.findall(NUMBER, element.get("points", ""))]
        if len(values) % 2:
            return False
        xs, ys = _apply(matrix, values[0::2], values[1::2])
        element.set("points", " ".join(f"{px:.6g},{py:.6g}" for px, py in zip(xs, ys, strict=True)))
        return True
    tokens = PATH_TOKEN.findall(element.get("d", ""))
    commands, numbers = [], []
    for token in tokens:
        if token.isalpha():
            if token not in POINT_COMMANDS:
                return False  # relative moves or arcs: not plain points
            commands.append((token, len(numbers)))
        else:
            numbers.append(float(token))
    if len(numbers) % 2:
        return False
    xs, ys = _apply(matrix, numbers[0::2], numbers[1::2])
    moved = [f"{px:.6g},{py:.6g}" for px, py in zip(xs, ys, strict=True)]
    out, starts = [], [start // 2 for _, start in commands] + [len(moved)]
    for (command, _), start, end in zip(commands, starts, starts[1:], strict=False):
        out.append(command + " ".join(moved[start:end]))
    element.set("d", " ".join(out))
    return True
