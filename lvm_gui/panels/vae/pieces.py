"""What the two VAE views share: the decoded grid, the latent scatter and its clicks, the
colour choice, loss curves, the pages of plots (image plots: lvm_gui.image_plots)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel

from engine.geometry.vae import mesh_lines, mosaic
from engine.vae.pictures import Pictures, Shown, nearest_shown
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.flowing_page import Rows, TopicPages
from lvm_gui.i18n import QT_TRANSLATE_NOOP, engine_words, translate
from lvm_gui.image_plots import show_picture
from lvm_gui.panels.view import View
from lvm_gui.plots import MIN_WIDTH_PROPERTY, make_plot

# Three plots a row beside the controls in a 1400-pixel window (an export's): narrower than
# other panels' plots, their titles kept short; an image plot, without axes, narrower still.
PLOT_MIN_WIDTH, IMAGE_MIN_WIDTH = 270, 220

FACTORS_MAP = pg.colormap.get("viridis")
SHADES = 16  # a factor's colours
VAE_COLOUR, AE_COLOUR, PIXEL_COLOUR = themes.BLUE, themes.ORANGE, themes.GREEN


def show_grid(plot: pg.PlotWidget, view: View, pictures: Pictures, shape) -> None:
    """The decoded grid over the scatter's range, in the scatter's coordinates."""
    (u0, u1), (v0, v1) = pictures.span
    columns = pictures.per_side
    picture = mosaic(pictures.grid, shape, columns)
    # Each decoded image is centred on its grid point: the picture reaches half a step beyond.
    du = (u1 - u0) / max(columns - 1, 1)
    dv = (v1 - v0) / max(pictures.grid_rows - 1, 1) if pictures.grid_rows > 1 else du
    height = dv * pictures.grid_rows
    bottom = v0 - dv / 2 if pictures.grid_rows > 1 else -height / 2
    show_picture(plot, picture, (u0 - du / 2, bottom, du * columns, height))
    item = plot.getPlotItem()
    label_axes(view, item, pictures)


def label_axes(view: View, item: pg.PlotItem, pictures: Pictures) -> None:
    """z₁ and z₂, or the principal components with their shares of the codes' variance."""
    axes = list(pictures.plane.axes)
    for i, share in enumerate(pictures.plane.explained):
        pc = translate("VAEView", "PC {i} ({share:.0%} of the codes' variance)")
        axes[i] = pc.format(i=i + 1, share=share)
    view.set_label(item, "bottom", axes[0])
    view.set_label(item, "left", axes[1] or " ")


class LatentScatter:
    """One model's test codes on its plot, coloured by label or by a true factor, with a path
    drawn over them and its ends marked; a click picks the nearest code's test image."""

    def __init__(self, plot: pg.PlotWidget, on_pick: Callable[[int, bool], None]) -> None:
        self.plot = plot
        self._on_pick = on_pick
        self._pictures: Pictures | None = None
        self._shown: Shown | None = None
        self._brushes: tuple | None = None  # (key, brushes) for the points' colours
        self._names: list[pg.TextItem] = []
        # One unit of z is as long on both axes: a collapsed direction (a large β) shows thin.
        plot.getPlotItem().setAspectLocked(True)
        plot.scene().sigMouseClicked.connect(self.clicked)

    def draw(
        self,
        view: View,
        pictures: Pictures,
        shown: Shown,
        colour_by: str,
        path: np.ndarray | None = None,
        path_colour: str = themes.BLACK,
        mesh: np.ndarray | None = None,
        followed: np.ndarray | None = None,
    ) -> None:
        """`mesh` (pole and shadow): the generator's (θ, φ) grid encoded, (2, lines, points,
        2), drawn over the codes; `followed`: the codes of the true path, dashed beside
        `path`."""
        self._pictures, self._shown = pictures, shown
        item = self.plot.getPlotItem()
        pool = view.pool(item)
        xy = pictures.coords
        codes = pool.scatter(xy[:, 0], xy[:, 1], size=5, brush=self._brushes_for(shown, colour_by))
        codes.setZValue(0)
        self._name_clusters(view, xy, shown, colour_by)
        if mesh is not None:  # over the codes, under the paths
            ink = view.theme.foreground
            # Named in the plot's title and the view's text, not the legend: a legend of
            # several entries below a plot widens what the plot needs, and the page flows.
            for family, (alpha, dashed) in enumerate(((170, False), (120, True))):
                pen = themes.pen(themes.with_alpha(ink, alpha), 1, dashed)
                line = pool.plot(*mesh_lines(mesh, family), pen=pen, connect="finite")
                line.setZValue(1)
        if followed is not None:
            line = pool.plot(
                followed[:, 0], followed[:, 1], pen=themes.pen(path_colour, 2.5, dashed=True)
            )
            line.setZValue(2)
            pool.label(line, translate("VAEView", "true path, encoded"))
        if path is not None:
            ink = path_colour
            line = pool.plot(
                path[:, 0],
                path[:, 1],
                pen=themes.pen(ink, 2.5),
                symbol="o",
                symbolSize=6,
                symbolBrush=ink,
                symbolPen=None,
            )
            line.setZValue(3)
            for end, symbol in zip((path[0], path[-1]), ("t", "s"), strict=True):
                mark = pool.scatter(
                    [end[0]],
                    [end[1]],
                    symbol=symbol,
                    size=14,
                    brush=themes.with_alpha(view.theme.background, 220),
                    pen=themes.pen(ink, 2),
                )
                mark.setZValue(4)
        pool.end()
        label_axes(view, item, pictures)
        (u0, u1), (v0, v1) = pictures.span
        view.steady_range(item, "x", u0, u1)
        view.steady_range(item, "y", v0, v1)

    def _brushes_for(self, shown: Shown, colour_by: str) -> list:
        key = (id(shown), colour_by)
        if self._brushes is not None and self._brushes[0] == key:
            return self._brushes[1]
        if shown.labels is not None:
            palette = [pg.mkBrush(themes.with_alpha(c, 170)) for c in themes.PALETTE]
            brushes = [palette[int(label) % len(palette)] for label in shown.labels]
        else:
            # A few shades, not one colour a point: each colour is a symbol pyqtgraph renders
            # and caches, hundreds of them a slow frame, and 16 look the same.
            column = shown.factors[:, factor_index(shown, colour_by)]
            span = float(column.max() - column.min()) or 1.0
            level = np.round((column - column.min()) / span * (SHADES - 1)).astype(int)
            shades = [
                pg.mkBrush(c) for c in FACTORS_MAP.map(np.linspace(0, 1, SHADES), mode="qcolor")
            ]
            brushes = [shades[i] for i in level]
        self._brushes = (key, brushes)
        return brushes

    def _name_clusters(self, view: View, xy: np.ndarray, shown: Shown, colour_by: str) -> None:
        """Each label's name at the median of its codes (digits): the scatter's legend."""
        labels = shown.labels
        wanted = [] if labels is None else sorted(set(int(v) for v in labels))
        item = self.plot.getPlotItem()
        while len(self._names) < len(wanted):
            text = pg.TextItem(anchor=(0.5, 0.5))
            item.addItem(text, ignoreBounds=True)
            self._names.append(text)
        for i, text in enumerate(self._names):
            if i >= len(wanted):
                text.setVisible(False)
                continue
            members = xy[labels == wanted[i]]
            u, v = np.median(members, axis=0)
            colour = themes.PALETTE[wanted[i] % len(themes.PALETTE)]
            html = (
                f'<span style="font-weight:bold; font-size:13pt; color:{colour};">'
                f"{wanted[i]}</span>"
            )
            if getattr(text, "_html", None) != html:  # laid out again only when it changes
                text.setHtml(html)
                text._html = html
            text.setPos(float(u), float(v))
            text.setVisible(True)

    def clicked(self, event) -> None:
        if self._pictures is None or self._shown is None:
            return
        point = View.clicked_point(self.plot, event)
        if point is None:
            return
        second = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._on_pick(nearest_shown(self._pictures, self._shown, *point), second)


class ColourChoice:
    """The scatter's colour choice: the label (digits), or a true factor (pole and shadow),
    with what the colours mean beside it."""

    def __init__(self, redraw: Callable[[], None]) -> None:
        self.box = QGroupBox()
        i18n.show(self.box, QGroupBox.setTitle, lambda: translate("VAEView", "Scatter colours"))
        layout = QFormLayout(self.box)
        self.combo = QComboBox()
        i18n.show(
            self.combo,
            QComboBox.setToolTip,
            lambda: translate("VAEView", "Pole and shadow: colour the codes by the light's θ or φ"),
        )
        self.combo.currentIndexChanged.connect(lambda _: redraw())
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        label = QLabel()
        i18n.show(label, QLabel.setText, lambda: translate("VAEView", "colour by"))
        layout.addRow(label, self.combo)
        layout.addRow(self.meaning)

    @property
    def name(self) -> str:
        """The factor (its engine name) or "label" that colours the codes."""
        return self.combo.currentData() or "label"

    def offer(self, dataset: str) -> None:
        offer_colours(self.combo, dataset)

    def explain(self, shown: Shown) -> None:
        text = colour_text(shown, self.name)
        if self.meaning.text() != text:
            self.meaning.setText(text)


COLOUR_NAMES = {
    "elevation θ": QT_TRANSLATE_NOOP("VAEView", "elevation θ"),
    "azimuth φ": QT_TRANSLATE_NOOP("VAEView", "azimuth φ"),
    "label": QT_TRANSLATE_NOOP("VAEView", "label"),
}


def offer_colours(combo: QComboBox, dataset: str) -> None:
    """The colourings `dataset` offers, by name in the window's language (their engine names
    as the items' data)."""
    names = ("elevation θ", "azimuth φ") if dataset == "poles" else ("label",)
    shown = tuple(COLOUR_NAMES[name].translated() for name in names)
    if tuple(combo.itemText(i) for i in range(combo.count())) != shown:
        chosen = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        for name, text in zip(names, shown, strict=True):
            combo.addItem(text, name)
        combo.setCurrentIndex(max(0, min(chosen, len(names) - 1)))
        combo.blockSignals(False)
    combo.setEnabled(len(names) > 1)


def factor_index(shown: Shown, colour_by: str) -> int:
    names = shown.factor_names
    return names.index(colour_by) if colour_by in names else 0


def colour_text(shown: Shown, colour_by: str) -> str:
    if shown.labels is not None:
        return translate(
            "VAEView", "each test code in its label's colour, the label at their median"
        )
    name = shown.factor_names[factor_index(shown, colour_by)] if shown.factor_names else ""
    column = shown.factors[:, factor_index(shown, colour_by)]
    low, high = np.degrees(column.min()), np.degrees(column.max())
    named = COLOUR_NAMES[name].translated() if name in COLOUR_NAMES else name
    text = translate("VAEView", "{name} of the light: {low:.0f}° (purple) to {high:.0f}° (yellow)")
    return text.format(name=named, low=low, high=high)


def topic_pages(topics: dict[str, Rows], plot_height: int = 260) -> TopicPages:
    """Plots by topic, a tab each, in rows of (widget, columns spanned) on scrolling pages that
    flow into fewer columns when the window is too narrow for them (lvm_gui.flowing_page);
    image plots may be narrower than plots with axes."""
    for rows in topics.values():
        for row in rows:
            for widget, _ in row:
                narrow = IMAGE_MIN_WIDTH if hasattr(widget, "picture") else PLOT_MIN_WIDTH
                widget.setProperty(MIN_WIDTH_PROPERTY, narrow)
    return TopicPages(topics, plot_height, floor=150)  # pictures read well lower


def loss_plot() -> pg.PlotWidget:
    return make_plot(
        QT_TRANSLATE_NOOP("VAEView", "losses (lower is better)"),
        QT_TRANSLATE_NOOP("VAEView", "epoch"),
        QT_TRANSLATE_NOOP("VAEView", "nats per image"),
    )


def loss_names() -> dict[str, str]:
    """The losses' names in the legends, in the window's language."""
    return {
        "elbo": translate("VAEView", "test −ELBO"),
        "recon": translate("VAEView", "test −reconstruction"),
        "kl": translate("VAEView", "test KL"),
        "train": translate("VAEView", "train loss"),
    }


def draw_losses(view: View, plot: pg.PlotWidget, curves, likelihood: str, last: int) -> None:
    """`curves`: (label, epochs, values, colour, width, dashed), all in nats per image."""
    item = plot.getPlotItem()
    pool = view.pool(item)
    lows, highs = [], []
    for label, epochs, values, colour, width, dashed in curves:
        keep = np.isfinite(values)
        if not keep.any():
            continue
        few = int(keep.sum()) < 3  # a point or two: marked, or a lone point would not show
        line = pool.plot(
            epochs[keep],
            values[keep],
            pen=themes.pen(colour, width, dashed),
            symbol="o" if few else None,
            symbolSize=7,
            symbolBrush=colour,
            symbolPen=None,
        )
        pool.label(line, label)
        lows.append(values[keep].min())
        highs.append(values[keep].max())
    pool.end()
    per_image = translate("VAEView", "nats per image ({likelihood})")
    view.set_label(
        item, "left", per_image.format(likelihood=engine_words.choice("likelihood", likelihood))
    )
    item.setXRange(0, max(last, 1), padding=0.02)
    if lows:
        view.steady_range(item, "y", min(0.0, min(lows)), max(highs))


def weights_writer(model, shape: tuple[int, int], dataset: str) -> Callable[[str], Any]:
    """A function that writes `model`'s weights to a path as save= does (engine.vae.training:
    atomically; a WriteError with one line when it cannot)."""
    from engine.imaging import weight_files  # imported with the experiment, on the GUI thread

    return functools.partial(weight_files.save_weights, model=model, shape=shape, dataset=dataset)
