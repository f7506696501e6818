"""One colour-blind-safe palette (Okabe–Ito) and the light and dark plot themes."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"
# Component colours in order; uniform Monte Carlo is BLUE, importance sampling ORANGE (DESIGN).
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, "#7F7F7F", "#8C564B", BLACK)


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted: str
    fill: str

    @property
    def ink(self) -> str:
        """The colour of the log-likelihood, true densities and other 'exact' curves."""
        return self.foreground


LIGHT = Theme("light", "#FFFFFF", "#000000", "#6E6E6E", "#BFD7EA")
DARK = Theme("dark", "#1E1E1E", "#E6E6E6", "#A0A0A0", "#3B5670")
THEMES = {t.name: t for t in (LIGHT, DARK)}


def component_colour(k: int) -> str:
    return PALETTE[k % len(PALETTE)]


def as_text(colour: str) -> QColor:
    """`colour` dark enough to read as text on a light background: the palette's yellow and
    sky blue, as they are, are lines and fills, not letters."""
    c = QColor(colour)
    return c.darker(170) if c.lightnessF() > 0.6 else c


def with_alpha(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


# Presentation mode (View menu) scales fonts and line widths for a projector.
SCALE = {"factor": 1.0}
BASE_FONT_POINTS = 9


def set_presentation(on: bool, screen_height: int = 1080) -> None:
    """Scale fonts and lines for a projector, by its height: 1.8 times on a 1080-line screen,
    less on a smaller one (1.2 at 720 lines), where 1.8 left too little room for the plots."""
    SCALE["factor"] = min(1.8, max(1.2, screen_height / 600)) if on else 1.0


def legend_text_size() -> str:
    """A legend's text, as large as the axes' tick labels."""
    return f"{round(BASE_FONT_POINTS * SCALE['factor'])}pt"


def size_legend(legend: pg.LegendItem) -> None:
    """Set `legend`'s text size for the present scale, its entries' texts laid out again."""
    size = legend_text_size()
    if legend.opts.get("labelTextSize") != size:
        legend.setLabelTextSize(size)
        for _, label in legend.items:
            label.setText(label.text)


def pen(colour: str, width: float = 2.0, dashed: bool = False) -> QPen:
    p = pg.mkPen(colour, width=width * SCALE["factor"])
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    p.setCosmetic(True)
    return p


def configure_pyqtgraph(theme: Theme = LIGHT) -> None:
    """Global options, before any plot exists: anti-aliasing and the theme's colours."""
    pg.setConfigOptions(
        antialias=True,
        background=theme.background,
        foreground=theme.foreground,
        imageAxisOrder="row-major",
    )


def _font(points: int) -> QFont:
    """The application's font at a size (a family-less QFont("") crashes the axis painter)."""
    font = QFont()
    font.setPointSize(points)
    return font


def style_plot(plot: pg.PlotWidget, theme: Theme) -> None:
    """Recolour one plot widget (background, axes, title, legend) for the theme."""
    plot.setBackground(theme.background)
    item = plot.getPlotItem()
    points = round(BASE_FONT_POINTS * SCALE["factor"])
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(theme.foreground, width=SCALE["factor"]))
        axis.setStyle(tickFont=_font(points))
        if axis.label is not None:
            axis.label.setFont(_font(points))
        axis.setTextPen(pg.mkPen(theme.foreground))
        if axis.label is not None:
            axis.label.setDefaultTextColor(QColor(theme.foreground))
        # An axis (with its grid lines) is repainted whenever anything in its view changes;
        # a cached image of it costs nothing until its range changes, its tick labels drawn
        # again cost every frame. Exports render without caches (lvm_gui.export).
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    # A fixed width for the left axis: left to itself it fits the widest tick label, and a label
    # that grows by a digit lays the plot out again and repaints it more than once per frame.
    metrics = QFontMetrics(_font(points))
    item.getAxis("left").setWidth(
        metrics.horizontalAdvance("−0.000000") + metrics.lineSpacing() + round(12 * SCALE["factor"])
    )
    title = item.titleLabel
    title.setText(title.text, color=theme.foreground, size=f"{round(11 * SCALE['factor'])}pt")
    for bar in plot.scene().items():
        if isinstance(bar, pg.ColorBarItem):
            bar.axis.setStyle(tickFont=_font(points))
            bar.getAxis("left").label.setFont(_font(points))
            bar.axis.setTextPen(pg.mkPen(theme.foreground))
            bar.getAxis("left").setTextPen(pg.mkPen(theme.foreground))
            bar.getAxis("left").label.setDefaultTextColor(QColor(theme.foreground))
    legend = item.legend
    if legend is not None:
        legend.setBrush(with_alpha(theme.background, 210))
        legend.setPen(pg.mkPen(theme.muted))
        legend.setLabelTextColor(theme.foreground)
        size_legend(legend)


def apply_theme(root: QWidget, theme: Theme) -> None:
    for view in root.findChildren(pg.GraphicsView):
        if hasattr(view, "getPlotItem"):  # PlotWidget, and layouts that answer like one
            style_plot(view, theme)
