"""Pictures on a plot: a mosaic of images with square pixels, paper white and ink black."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from engine.geometry.vae import mosaic
from lvm_gui.plots import fit_plot_width, make_plot

# Handwriting's values are ink (0 the paper, 1 the darkest stroke): black on white, as printed.
# Pole and shadow's are light (a sunlit plane, a bright pole, a dark shadow): 0 is black.
_INK = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (0, 0, 0)]).getLookupTable(0.0, 1.0, 256)
_LIGHT = pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)]).getLookupTable(0.0, 1.0, 256)
LIGHT_DATASETS = ("poles",)


def set_tone(plot: pg.PlotWidget, dataset: str) -> None:
    """Draw `dataset`'s values as ink or as light (see above)."""
    light = dataset in LIGHT_DATASETS
    if getattr(plot, "_light", False) != light:
        plot.picture.setLookupTable(_LIGHT if light else _INK)
        plot._light = light


def image_plot(title: str, axes: bool = False) -> pg.PlotWidget:
    """A plot that shows one picture with square pixels: no axes unless `axes` (the decoded
    grid shows its latent coordinates)."""
    plot = make_plot(title, "", "")
    item = plot.getPlotItem()
    item.showGrid(x=False, y=False)
    if not axes:
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.getViewBox().invertY(True)  # row 0 at the top, as a picture
    view = item.getViewBox()
    # Square pixels for a picture; the decoded grid fills the scatter's range, however
    # unequal its sides (a code squeezed onto a thin strip would leave a sliver of a grid).
    view.setAspectLocked(not axes)
    view.setMouseEnabled(False, False)
    image = pg.ImageItem()
    image.setLookupTable(_INK)
    item.addItem(image)
    plot.picture = image  # the one item: set by show_picture
    return plot


def show_picture(plot: pg.PlotWidget, picture: np.ndarray, rect=None) -> None:
    """`picture` (rows, columns) in [0, 1]; in data units `rect` = (x, y, width, height) with
    its first row at the top (the decoded grid over the scatter's range), else in pixels."""
    image: pg.ImageItem = plot.picture
    if rect is not None:
        picture = picture[::-1]  # the view's y runs up: the top row goes last
    image.setImage(picture, levels=(0.0, 1.0), autoLevels=False)
    if rect is not None:
        image.setRect(*rect)
        bounds = rect
    else:
        bounds = (0, 0, picture.shape[1], picture.shape[0])
    if getattr(plot, "_bounds", None) != bounds:
        plot._bounds = bounds
        plot.getPlotItem().getViewBox().setRange(
            xRange=(bounds[0], bounds[0] + bounds[2]),
            yRange=(bounds[1], bounds[1] + bounds[3]),
            padding=0.02,
        )


def show_images(
    plot: pg.PlotWidget, images: np.ndarray, shape, columns: int, row_labels=()
) -> None:
    """`images` as a mosaic `columns` wide; `row_labels` name its rows from the top, one
    each ("" for none), on the left axis."""
    show_picture(plot, mosaic(images, shape, columns))
    label_rows(plot, row_labels, shape[0])


def label_rows(plot: pg.PlotWidget, labels, height: int, gap: int = 1) -> None:
    """Name a mosaic's rows of pictures `height` pixels high (engine.geometry.vae.mosaic) on
    the plot's left axis, beside each row's middle: a strip or a mosaic says what each row
    is. No labels, no axis."""
    item = plot.getPlotItem()
    ticks = [((height + gap) * r + height / 2, text) for r, text in enumerate(labels) if text]
    axis = item.getAxis("left")
    font = axis.style["tickFont"] or axis.font()
    key = (ticks, font.toString())  # the theme's font scale changes the axis' width
    if getattr(plot, "_row_labels", None) == key:
        return
    plot._row_labels = key
    if not ticks:
        item.hideAxis("left")
        return
    axis.setTicks([ticks, []])
    axis.setStyle(tickLength=0)
    # Wide enough for the longest name now: pyqtgraph sizes an axis only when it paints, too
    # late for the plot's minimum width (the page would be laid out narrower than the plot).
    metrics = QFontMetrics(font)
    axis.setWidth(max(metrics.horizontalAdvance(text) for _, text in ticks) + 12)
    item.showAxis("left")
    fit_plot_width(plot)
