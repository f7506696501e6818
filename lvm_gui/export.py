"""Figures of a panel or one plot: PNG at a chosen width, SVG and PDF as vectors.

A PNG is rendered through a QImage whose device pixel ratio is width / logical width, so a
larger picture keeps the proportions of fonts and lines that the window shows (as Orange's
`orangewidget/io.py` does) instead of shrinking them. An SVG (QSvgGenerator) or a PDF
(QPdfWriter) is the same painting on a vector device: curves, markers and text stay vector.
Each carries the version, seed, preset, parameters and the `lvm-gui export` command line of
the frame shown (a PNG's text chunks, an SVG's description, a PDF's title), so a slide's figure
can be made again: with the config that made that frame, which after a steer or a look back in
the history is not always the one the form shows. Animations are lvm_gui.animation's.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPoint, QRect, QSizeF
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRegion,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QTableWidget, QWidget

import engine
from engine import atomic
from lvm_gui import svg_clip, svg_strokes, svg_text, table_export
from lvm_gui.formats import FIGURE_SUFFIXES, TABLE_SUFFIXES

if TYPE_CHECKING:
    from lvm_gui.panels.panel import ExperimentPanel

MIN_WIDTH = 200
MAX_WIDTH = 8000
# QGraphicsItem.data key of an item that is for the mouse, not for a figure (a drag handle).
_NOT_IN_FIGURES = 0x4C564D


def leave_out_of_figures(item: QGraphicsItem) -> None:
    """Never draw `item` in an exported figure or animation: it is there to be dragged."""
    # The base class's: pyqtgraph's items have data and setData of their own.
    QGraphicsItem.setData(item, _NOT_IN_FIGURES, True)


class ExportError(ValueError):
    """Export failed; the message says why in one line."""


@contextmanager
def _painting(widget: QWidget) -> Iterator[None]:
    """`widget`'s plots ready to be painted onto another device, and cached items drawn afresh:
    the axes (theme.style_plot) would otherwise come from their screen-sized images, blurred at
    an export's scale and pixels in a vector file."""
    if widget.width() <= 0 or widget.height() <= 0:
        raise ExportError("the view has no size yet; show it first")
    views = [
        v for v in [widget, *widget.findChildren(pg.GraphicsView)] if isinstance(v, pg.GraphicsView)
    ]
    for view in views:
        view.scene().prepareForPaint()  # what pyqtgraph's own render() does first
    cached = [
        (item, item.cacheMode())
        for view in views
        for item in view.scene().items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    # pyqtgraph's export mode: markers drawn as shapes, not stamped from a screen-sized atlas
    # (blocky when scaled, pictures in a vector file), as pyqtgraph's own exporters do.
    exporting = [
        item for view in views for item in view.scene().items() if isinstance(item, pg.GraphicsItem)
    ]
    for item in exporting:
        item.setExportMode(True, {"antialias": True, "resolutionScale": 1.0})
    handles = [
        item
        for view in views
        for item in view.scene().items()
        if item.isVisible() and QGraphicsItem.data(item, _NOT_IN_FIGURES)
    ]
    for item in handles:
        item.setVisible(False)
    try:
        yield
    finally:
        for item in handles:
            item.setVisible(True)
        for item in exporting:
            item.setExportMode(False)
        for item, mode in cached:
            item.setCacheMode(mode)


def _paint(widget: QWidget, device, background: str | None = None) -> None:
    """One painting session on `device` (a vector device takes only one): the background, if
    given, then the widget."""
    painter = QPainter(device)
    try:
        if background is not None:
            painter.fillRect(QRect(0, 0, widget.width(), widget.height()), QColor(background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # QWidget.render, not the widget's own: QGraphicsView overrides render() to draw its
        # scene into a rectangle, which would skip the frame and the device pixel ratio.
        QWidget.render(
            widget,
            painter,
            QPoint(0, 0),
            QRegion(),
            QWidget.RenderFlag.DrawChildren | QWidget.RenderFlag.DrawWindowBackground,
        )
    finally:
        painter.end()


def render(widget: QWidget, width: int, background: str = "#FFFFFF") -> QImage:
    """`widget` as a picture `width` pixels wide, drawn as the window draws it, scaled."""
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(f"width = {width}: allowed {MIN_WIDTH} to {MAX_WIDTH} pixels")
    with _painting(widget):
        logical = widget.size()
        ratio = width / logical.width()
        image = QImage(
            width,
            max(1, round(logical.height() * ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(background))
        _paint(widget, image)
    return image


def _written(device: QBuffer) -> bytes:
    data = bytes(device.data())
    device.close()
    return data


def png_bytes(widget: QWidget, width: int, text: Mapping[str, str], background: str) -> bytes:
    """A PNG whose tEXt chunks hold `text`."""
    image = render(widget, width, background)
    for key, value in text.items():
        image.setText(key, value)
    buffer = _buffer()
    writer = QImageWriter(buffer, b"png")
    if not writer.write(image):
        raise ExportError(f"cannot encode the PNG ({writer.errorString()})")
    return _written(buffer)


def svg_bytes(widget: QWidget, text: Mapping[str, str], background: str) -> bytes:
    """An SVG of `widget` at its size on screen: curves, markers and text stay vector (an image
    plot's picture stays a picture), each cut to its plot (SVG Tiny has no clip paths: see
    lvm_gui.svg_clip). Its title and description hold `text`."""
    with _painting(widget), svg_clip.clipped_to_views(widget):
        buffer = _buffer()
        size = widget.size()
        # SVG Tiny 1.2, unclipped: the 1.1 writer's clip paths drop a plot's grid, axes and
        # legend samples, and put the clips of a plot right of the page's corner elsewhere.
        svg = QSvgGenerator()
        svg.setOutputDevice(buffer)
        # The screen's dots per inch: pyqtgraph's axes replay pictures recorded on screen,
        # which another resolution scales (tick labels at 3/4 of their places at 72 dpi).
        svg.setResolution(widget.logicalDpiX())
        svg.setSize(size)
        svg.setViewBox(QRect(0, 0, size.width(), size.height()))
        svg.setTitle(_title(text))
        svg.setDescription("\n".join(f"{key}: {value}" for key, value in text.items()))
        _paint(widget, svg, background)
    return svg_text.outlined_text(svg_strokes.plain_strokes(_written(buffer)))


def pdf_bytes(widget: QWidget, text: Mapping[str, str], background: str) -> bytes:
    """A one-page PDF of `widget` at its size on screen, vector as the SVG is."""
    with _painting(widget):
        buffer = _buffer()
        size = widget.size()
        pdf = QPdfWriter(buffer)
        dpi = widget.logicalDpiX()
        pdf.setResolution(dpi)  # a device unit a pixel on screen, as the SVG's
        points = QSizeF(size.width() * 72 / dpi, size.height() * 72 / dpi)
        page = QPageSize(points, QPageSize.Unit.Point, "figure")
        pdf.setPageLayout(
            QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        pdf.setTitle(_title(text))
        pdf.setCreator(text.get("Software", f"LVM Lab {engine.__version__}"))
        _paint(widget, pdf, background)
    return _written(buffer)


def _buffer() -> QBuffer:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer


def _title(text: Mapping[str, str]) -> str:
    parts = [text.get("Software", "LVM Lab"), text.get("Panel"), text.get("Preset")]
    return " · ".join(p for p in parts if p)


def save_figure(
    widget: QWidget,
    path: str | Path,
    width: int,
    text: Mapping[str, str],
    background: str = "#FFFFFF",
) -> Path:
    """Write `widget` to `path` in the format its suffix names (FIGURE_SUFFIXES): a PNG
    `width` pixels wide, or an SVG or PDF at the widget's size; a table (TABLE_SUFFIXES) as
    CSV or LaTeX."""
    path = checked_path(path, FIGURE_SUFFIXES + TABLE_SUFFIXES, "figures")
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if not isinstance(widget, QTableWidget):
            raise ExportError(f"{path}: only a table is written as {suffix} (--target table)")
        if suffix == ".csv":
            data = table_export.csv_bytes(widget)
        else:
            data = table_export.latex_bytes(widget, text)
    elif suffix == ".png":
        data = png_bytes(widget, width, text, background)
    elif suffix == ".svg":
        data = svg_bytes(widget, text, background)
    else:
        data = pdf_bytes(widget, text, background)
    return write(path, data)


def checked_path(path: str | Path, suffixes: tuple[str, ...], what: str) -> Path:
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise ExportError(f"{path}: {what} are {', '.join(suffixes)} files")
    if not path.parent.resolve().is_dir():
        raise ExportError(f"{path}: the folder {path.parent} does not exist")
    return path


def alone_at(widget: QWidget, size: tuple[int, int]) -> QWidget:
    """`widget` taken out of its window and laid out alone at `size` (screen pixels): a figure
    of a slide's shape. For a throwaway panel (the command line's): the widget does not go
    back."""
    widget.setParent(None)
    widget.resize(*size)
    widget.show()
    QApplication.sendPostedEvents()
    return widget


def write(path: Path, data: bytes) -> Path:
    """`data` to `path` atomically: on any failure what was there stays (one line why)."""
    try:
        atomic.write_bytes(path, data)
    except atomic.WriteError as exc:
        raise ExportError(str(exc)) from None
    return path


def figure_text(
    panel: ExperimentPanel, target: str | None = None, out: str = "figure.png"
) -> dict[str, str]:
    """The provenance of a picture of `panel` (or of its plot `target`) as it shows now,
    written to a file like `out` (its suffix names the format)."""
    config = panel.pages.shown_config or panel.config
    text = {
        "Software": f"LVM Lab {engine.__version__}",
        "Panel": panel.name,
        "Seed": str(config.seed),
        "Preset": panel.settings.preset or "(custom)",
        "Parameters": "; ".join(f"{k}={v}" for k, v in config.as_text().items() if v),
        "Command": export_command(panel, target, out),
    }
    if panel.last_snapshot is not None:
        text["Step"] = str(panel.last_snapshot.step)
    return text


def export_command(
    panel: ExperimentPanel, target: str | None = None, out: str = "figure.png"
) -> str:
    """The `lvm-gui export` command line that draws the frame `panel` shows again, anywhere:
    every parameter of the frame's config that differs from a preset's (data named by recipe or
    file, never by a private copy), and the step shown when it is not the last."""
    config = panel.pages.shown_config or panel.config
    experiment = engine.get(config.experiment)
    preset = panel.settings.preset
    if preset not in experiment.presets:
        preset = next(iter(experiment.presets), None)
    base = experiment.config(preset).as_text()
    args = ["lvm-gui", "export", panel.name]
    if preset is not None:
        args += ["--preset", preset]
    for name, value in config.as_text().items():
        if value != base[name]:
            args += ["--set", f"{name}={value}"]
    snap = panel.last_snapshot
    if snap is not None and not snap.final:
        args += ["--steps", str(snap.step)]
    if target is not None:
        args += ["--target", target]
    return shlex.join([*args, "--out", out])
