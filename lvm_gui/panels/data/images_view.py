"""The image data sets of the VAE panel: a grid of images laid out by label or by the true
factors, and how the labels or the factors are spread over the seeded train/test split."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QWidget

from engine.vae.images_experiment import PER_ROW, ImagesSnapshot
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.image_plots import image_plot, set_tone, show_images
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot, scrolling

TEXT = QT_TRANSLATE_NOOP(
    "ImagesView",
    "The images the VAE panel learns from. Left: a row of images per label (digits, MNIST), "
    "or for pole and shadow the image nearest each point of a regular grid over the light's "
    "elevation θ (down) and azimuth φ (across): its true 2-D manifold. Right: the images per "
    "label, or every image's (θ, φ); the test images, held out by the seed, in orange.",
)


class ImagesView(View):
    autorun = True

    def build(self) -> QWidget:
        self.grid_plot = image_plot(QT_TRANSLATE_NOOP("ImagesView", "images"), axes=True)
        self.grid_plot.getPlotItem().getViewBox().invertY(True)  # the first row on top
        self.grid_plot.getPlotItem().getViewBox().setAspectLocked(True)
        self.spread_plot = make_plot(
            QT_TRANSLATE_NOOP("ImagesView", "images per label"),
            QT_TRANSLATE_NOOP("VAEView", "label"),
            QT_TRANSLATE_NOOP("ImagesView", "images"),
        )
        self.bars: pg.BarGraphItem | None = None
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.grid_plot, 0, 0)
        grid.addWidget(self.spread_plot, 0, 1)
        return scrolling(page, plot_height=400)

    def plots(self) -> dict[str, QWidget]:
        return {"images": self.grid_plot, "spread": self.spread_plot}

    def what_you_see(self) -> str:
        return TEXT.translated()

    def draw_parts(self, snap: ImagesSnapshot):
        return [
            ("grid", lambda: self._draw_grid(snap)),
            ("spread", lambda: self._draw_spread(snap)),
        ]

    def _draw_grid(self, snap: ImagesSnapshot) -> None:
        set_tone(self.grid_plot, snap.dataset)
        show_images(self.grid_plot, snap.grid, snap.shape, PER_ROW)
        item = self.grid_plot.getPlotItem()
        h, w = snap.shape
        rows = [((h + 1) * i + h / 2, name) for i, name in enumerate(snap.row_names)]
        columns = [((w + 1) * i + w / 2, name) for i, name in enumerate(snap.column_names)]
        item.getAxis("left").setTicks([rows] if rows else None)
        item.getAxis("bottom").setTicks([columns] if columns else None)
        for axis, shown in (("left", bool(rows)), ("bottom", bool(columns))):
            item.showAxis(axis, shown)
        if snap.factor_names:
            self.set_label(item, "left", factor(snap.factor_names[0]))
            self.set_label(item, "bottom", factor(snap.factor_names[1]))
            title = translate("ImagesView", "the nearest image to each (θ, φ) of a grid")
        elif snap.label_counts is not None:
            self.set_label(item, "left", translate("VAEView", "label"))
            title = translate("ImagesView", "{n} images of each label").format(n=PER_ROW)
        else:
            title = translate("ImagesView", "the first {n} images").format(n=len(snap.grid))
        self.set_title(item, title)

    def _draw_spread(self, snap: ImagesSnapshot) -> None:
        item = self.spread_plot.getPlotItem()
        pool = self.pool(item)
        if self.bars is not None:
            self.bars.setVisible(False)
        if snap.label_counts is not None:
            counts = np.asarray(snap.label_counts, dtype=float)
            labels = np.arange(len(counts))
            if self.bars is None:
                self.bars = pg.BarGraphItem(x=labels, height=counts, width=0.7)
                item.addItem(self.bars)
            self.bars.setOpts(
                x=labels,
                height=counts,
                width=0.7,
                brush=themes.with_alpha(themes.BLUE, 200),
                pen=themes.pen(self.theme.foreground, 1),
            )
            self.bars.setVisible(True)
            self.set_label(item, "bottom", translate("VAEView", "label"))
            self.set_label(item, "left", translate("ImagesView", "images"))
            item.setXRange(-0.7, len(counts) - 0.3, padding=0)
            item.setYRange(0, counts.max() * 1.1, padding=0)
            title = translate("ImagesView", "images per label ({n:,} in all)").format(n=snap.count)
        elif snap.factors is not None:
            degrees = np.degrees(snap.factors)
            for test, colour, name in (
                (False, themes.BLUE, translate("ImagesView", "train")),
                (True, themes.ORANGE, translate("ImagesView", "test")),
            ):
                members = degrees[snap.is_test == test]
                dots = pool.scatter(
                    members[:, 1], members[:, 0], size=4, brush=themes.with_alpha(colour, 160)
                )
                pool.label(dots, f"{name}: {len(members):,}")
            degrees = translate("ImagesView", "{factor} (degrees)")
            self.set_label(item, "bottom", degrees.format(factor=factor(snap.factor_names[1])))
            self.set_label(item, "left", degrees.format(factor=factor(snap.factor_names[0])))
            title = translate("ImagesView", "the light of every image")
        else:
            title = translate("ImagesView", "no labels or factors in this file")
        pool.end()
        self.set_title(item, title)

    def status_text(self, snap: ImagesSnapshot) -> str:
        images = translate("ImagesView", "{n:,} images of {height}×{width} pixels")
        split = translate("ImagesView", "train {train:,}, test {test:,} (seed {seed}'s split)")
        parts = [
            images.format(n=snap.count, height=snap.height, width=snap.width),
            split.format(train=snap.train_size, test=snap.test_size, seed=self.config.seed),
            translate("ImagesView", "mean pixel {level:.3f}").format(level=snap.mean_level),
        ]
        if snap.label_counts is not None:
            parts.append(translate("ImagesView", "{n} labels").format(n=len(snap.label_counts)))
        if snap.factor_ranges is not None:
            span = translate("ImagesView", "{factor} {low:.0f}° to {high:.0f}°")
            for name, (low, high) in zip(snap.factor_names, snap.factor_ranges, strict=True):
                parts.append(
                    span.format(factor=factor(name), low=np.degrees(low), high=np.degrees(high))
                )
        return " · ".join(parts)


def factor(name: str) -> str:
    """A true factor's name (elevation θ, azimuth φ) in the window's language."""
    return translate("VAEView", name)
