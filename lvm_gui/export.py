"""PNG export of a panel or one plot at a chosen width.

The widget is rendered through a QImage whose device pixel ratio is width / logical width, so a
larger picture keeps the proportions of fonts and lines that the window shows (as Orange's
`orangewidget/io.py` does) instead of shrinking them. The PNG's text chunks carry the version,
seed, preset, parameters and the `lvm-gui export` command line of the frame shown, so a slide's
figure can be made again: with the config that made that frame, which after a steer or a look
back in the history is not always the one the form shows.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter, QRegion
from PySide6.QtWidgets import QGraphicsItem, QWidget

import engine
from engine import atomic

if TYPE_CHECKING:
    from lvm_gui.panels.panel import ExperimentPanel

MIN_WIDTH = 200
MAX_WIDTH = 8000


class ExportError(ValueError):
    """Export failed; the message says why in one line."""


def render(widget: QWidget, width: int, background: str = "#FFFFFF") -> QImage:
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(f"width = {width}: allowed {MIN_WIDTH} to {MAX_WIDTH} pixels")
    logical = widget.size()
    if logical.width() <= 0 or logical.height() <= 0:
        raise ExportError("the view has no size yet; show it first")
    ratio = width / logical.width()
    image = QImage(
        width, max(1, round(logical.height() * ratio)), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(background))
    views = [
        v for v in [widget, *widget.findChildren(pg.GraphicsView)] if isinstance(v, pg.GraphicsView)
    ]
    for view in views:
        view.scene().prepareForPaint()  # what pyqtgraph's own render() does first
    # Cached items (the axes, see theme.style_plot) would be drawn from their screen-sized
    # images, blurred at an export's scale: drawn afresh here.
    cached = [
        (item, item.cacheMode())
        for view in views
        for item in view.scene().items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    painter = QPainter(image)
    try:
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
        for item, mode in cached:
            item.setCacheMode(mode)
    return image


def save_png(
    widget: QWidget,
    path: str | Path,
    width: int,
    text: Mapping[str, str],
    background: str = "#FFFFFF",
) -> Path:
    """Render `widget` at `width` pixels and write a PNG whose tEXt chunks hold `text`."""
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise ExportError(f"{path}: exports are .png files")
    if not path.parent.resolve().is_dir():
        raise ExportError(f"{path}: the folder {path.parent} does not exist")
    image = render(widget, width, background)
    for key, value in text.items():
        image.setText(key, value)
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    if not writer.write(image):
        raise ExportError(f"{path}: cannot encode the PNG ({writer.errorString()})")
    buffer.close()
    try:
        atomic.write_bytes(path, encoded.data())
    except atomic.WriteError as exc:
        raise ExportError(str(exc)) from None
    return path


def png_text(panel: ExperimentPanel, target: str | None = None) -> dict[str, str]:
    """The text chunks of a picture of `panel` (or of its plot `target`) as it shows now."""
    config = panel.pages.shown_config or panel.config
    text = {
        "Software": f"LVM Lab {engine.__version__}",
        "Panel": panel.name,
        "Seed": str(config.seed),
        "Preset": panel.settings.preset or "(custom)",
        "Parameters": "; ".join(f"{k}={v}" for k, v in config.as_text().items() if v),
        "Command": export_command(panel, target),
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
