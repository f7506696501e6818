"""One VAE (or plain autoencoder) trained live, then its test log-likelihood by importance
sampling: the IWAE ladder, and what amortisation costs one test image (seeds 000, 004)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from engine.config import ExperimentConfig
from engine.vae.experiment import VAESnapshot
from engine.vae.pictures import RECONSTRUCTIONS
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, engine_words, localized, translate
from lvm_gui.image_plots import image_plot, set_tone, show_images
from lvm_gui.panels.vae import pieces
from lvm_gui.panels.vae.pieces import AE_COLOUR, VAE_COLOUR
from lvm_gui.panels.view import View
from lvm_gui.plots import headroom_for_legend, make_plot

TEXT = QT_TRANSLATE_NOOP(
    "VAEView",
    "Latent space: the model's test codes (PCA for L > 2) and the decoded grid over their "
    "range. Training: its losses per epoch; samples from the prior and test images above their "
    "reconstructions. Evaluation, when training ends: the VAE's test log p(x) by importance "
    "sampling with the encoder as proposal, the IWAE bounds L_k rising with k toward log p(x) "
    "(the band: ± 2 standard errors over the test images). Two estimates of one ELBO: the "
    "status line's test-set ELBO draws one z an image and takes the KL exactly; L₁ is the "
    "ELBO by the IWAE's own draws, so the two differ by Monte Carlo noise. And for the test "
    "image `image`, its own q fitted by gradient ascent: ELBO(encoder's q) ≤ ELBO(own q) ≤ "
    "L_k, the amortisation gap. Click a code to choose that image.",
)
GAP_ROWS = (
    QT_TRANSLATE_NOOP("VAEView", "encoder's q"),
    QT_TRANSLATE_NOOP("VAEView", "own q"),
    "L_k",
)
GAP_NAMES = (
    QT_TRANSLATE_NOOP("VAEView", "ELBO, encoder's q"),
    QT_TRANSLATE_NOOP("VAEView", "ELBO, own q"),
    "L",
)


class VAEView(View):
    hidden_params = frozenset({"device"})

    def build_controls(self) -> QWidget:
        self.colours = pieces.ColourChoice(self.redraw)
        return self.colours.box

    def build(self) -> QWidget:
        self.loss_plot = pieces.loss_plot()
        self.ladder_plot = make_plot(
            QT_TRANSLATE_NOOP("VAEView", "test log p(x) ≥ L_k (IWAE)"),
            "k",
            QT_TRANSLATE_NOOP("VAEView", "mean L_k, nats"),
            True,
        )
        self.scatter_plot = make_plot(QT_TRANSLATE_NOOP("VAEView", "codes (click one)"), "z₁", "z₂")
        self.grid_plot = image_plot(QT_TRANSLATE_NOOP("VAEView", "decoded grid"), axes=True)
        self.images_plot = image_plot(
            QT_TRANSLATE_NOOP("VAEView", "prior samples; reconstructions")
        )
        self.gap_plot = make_plot(
            QT_TRANSLATE_NOOP("VAEView", "the amortisation gap"),
            QT_TRANSLATE_NOOP("CAVIView", "nats"),
            "",
        )
        i18n.show(
            self.gap_plot.getPlotItem().getAxis("left"),
            lambda axis, _: axis.setTicks([[(i, localized(n)) for i, n in enumerate(GAP_ROWS)]]),
            str,
        )
        self.scatter = pieces.LatentScatter(self.scatter_plot, self.pick)
        return pieces.topic_pages(
            {
                QT_TRANSLATE_NOOP("VAEView", "latent space"): [
                    [(self.scatter_plot, 1), (self.grid_plot, 1)]
                ],
                QT_TRANSLATE_NOOP("VAEView", "training"): [
                    [(self.loss_plot, 1), (self.images_plot, 1)]
                ],
                QT_TRANSLATE_NOOP("VAEView", "evaluation"): [
                    [(self.ladder_plot, 1), (self.gap_plot, 1)]
                ],
            },
            plot_height=300,
        )

    def plots(self) -> dict[str, QWidget]:
        return {
            "losses": self.loss_plot,
            "ladder": self.ladder_plot,
            "scatter": self.scatter_plot,
            "grid": self.grid_plot,
            "images": self.images_plot,
            "gap": self.gap_plot,
        }

    def what_you_see(self) -> str:
        return TEXT.translated()

    def language_changed(self) -> None:
        self.colours.offer(self.config.dataset)  # the colourings' names

    def config_changed(self, config: ExperimentConfig) -> None:
        self.colours.offer(config.dataset)
        for plot in (self.grid_plot, self.images_plot):
            set_tone(plot, config.dataset)

    def models_to_save(self, snap: VAESnapshot):
        if snap.model is None:  # only the final snapshot holds the trained model
            return {}
        name = "VAE" if self.config.model == "vae" else "autoencoder"
        return {name: pieces.weights_writer(snap.model, snap.shown.shape, self.config.dataset)}

    def pick(self, index: int, _second: bool) -> None:
        self.panel.set_params(image=index)

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap: VAESnapshot):
        return [
            ("losses", lambda: self._draw_losses(snap)),
            ("ladder", lambda: self._draw_ladder(snap)),
            ("scatter", lambda: self._draw_scatter(snap)),
            (
                "grid",
                lambda: pieces.show_grid(self.grid_plot, self, snap.pictures, snap.shown.shape),
            ),
            ("images", lambda: self._draw_images(snap)),
            ("gap", lambda: self._draw_gap(snap)),
        ]

    def _colour(self) -> str:
        return VAE_COLOUR if self.config.model == "vae" else AE_COLOUR

    def _draw_losses(self, snap: VAESnapshot) -> None:
        run = self.history.traces_to(
            snap, "epoch", "train_loss", "test_elbo", "test_recon", "test_kl"
        )
        epochs, colour = run["epoch"], self._colour()
        names = pieces.loss_names()
        curves = [
            (names["elbo"], epochs, -run["test_elbo"], colour, 2.5, False),
            (names["recon"], epochs, -run["test_recon"], colour, 1.5, True),
            (names["kl"], epochs, run["test_kl"], themes.SKY, 1.5, True),
            (names["train"], epochs, run["train_loss"], colour, 1, False),
        ]
        if self.config.model == "ae":
            curves = [curves[1], curves[3]]
        pieces.draw_losses(self, self.loss_plot, curves, self.config.likelihood, self.config.epochs)

    def _draw_ladder(self, snap: VAESnapshot) -> None:
        item = self.ladder_plot.getPlotItem()
        pool = self.pool(item, legend_offset=(10, -10))
        if snap.iwae_ladder:
            ks = np.array([k for k, _, _ in snap.iwae_ladder], dtype=float)
            values = np.array([v for _, v, _ in snap.iwae_ladder])
            errors = np.array([e for _, _, e in snap.iwae_ladder])
            # The band: mean L_k ± two standard errors over the test images, dashed lines
            # as on the estimators' Jensen plot.
            band = themes.pen(VAE_COLOUR, 1, dashed=True)
            upper = pool.plot(ks, values + 2 * errors, pen=band)
            pool.plot(ks, values - 2 * errors, pen=band)
            pool.label(upper, translate("VAEView", "± 2 standard errors over the test images"))
            line = pool.plot(
                ks,
                values,
                pen=themes.pen(VAE_COLOUR, 2.5),
                symbol="o",
                symbolSize=8,
                symbolBrush=VAE_COLOUR,
                symbolPen=None,
            )
            mean = translate("VAEView", "mean L_k over {n} test images: {value:.3f}")
            pool.label(line, mean.format(n=snap.test_size, value=values[-1]))
            elbo = pool.plot(
                [ks[0], ks[-1]],
                [values[0], values[0]],
                pen=themes.pen(self.theme.muted, 1.5, dashed=True),
            )
            first = translate("VAEView", "L₁, the ELBO by these draws: {value:.3f}")
            pool.label(elbo, first.format(value=values[0]))
            low, high = float((values - 2 * errors).min()), float((values + 2 * errors).max())
            self.steady_range(item, "y", low, headroom_for_legend(item, low, high))
            title = translate("VAEView", "IWAE: mean L_k to k = {k:,}, band ± 2 s.e.")
            title = title.format(k=int(ks[-1]))
        elif self.config.model == "ae":
            title = translate("VAEView", "IWAE: none for an autoencoder")
        else:
            title = translate("VAEView", "IWAE: when training ends")
        pool.end()
        self.set_title(item, title)

    def _draw_scatter(self, snap: VAESnapshot) -> None:
        self.scatter.draw(self, snap.pictures, snap.shown, self.colours.name)
        self.colours.explain(snap.shown)

    def _draw_images(self, snap: VAESnapshot) -> None:
        """The VAE's prior samples (three rows), a blank row, then test images above their
        reconstructions (an autoencoder has no prior: those two rows alone)."""
        drawn = snap.pictures
        rows = [snap.shown.originals, drawn.reconstructions]
        labels = (translate("VAEView", "test images"), translate("VAEView", "reconstructed"))
        if drawn.samples is not None:
            rows = [drawn.samples, np.zeros_like(snap.shown.originals), *rows]
            labels = ("", translate("VAEView", "prior samples"), "", "", *labels)
        show_images(
            self.images_plot, np.concatenate(rows), snap.shown.shape, RECONSTRUCTIONS, labels
        )
        self.set_title(
            self.images_plot.getPlotItem(),
            translate("VAEView", "prior samples; reconstructions")
            if drawn.samples is not None
            else translate("VAEView", "test images; reconstructions"),
        )

    def _draw_gap(self, snap: VAESnapshot) -> None:
        item = self.gap_plot.getPlotItem()
        pool = self.pool(item)
        if snap.gap_image is not None:
            values = [snap.gap_encoder_elbo, snap.gap_own_elbo, snap.gap_log_px]
            errors = [snap.gap_encoder_se, snap.gap_own_se, 0.0]
            colours = [VAE_COLOUR, themes.VERMILLION, self.theme.ink]
            names = [localized(name) for name in GAP_NAMES]
            rows = zip(values, errors, colours, names, strict=True)
            for row, (value, error, colour, name) in enumerate(rows):
                pool.plot(
                    [value - 2 * error, value + 2 * error], [row, row], pen=themes.pen(colour, 2)
                )
                dot = pool.scatter([value], [row], size=11, brush=colour)
                if error:
                    bar = translate("VAEView", "{name}: {value:.3f}, ± 2 s.e. = ± {error:.3f}")
                    pool.label(dot, bar.format(name=name, value=value, error=2 * error))
                else:
                    pool.label(dot, f"{name}_{snap.iwae_k}: {value:.3f}")
            low, high = min(values) - 0.2, max(values) + 0.2
            self.steady_range(item, "x", low, high)
            self.steady_range(item, "y", -0.5, headroom_for_legend(item, -0.5, 2.5))
            title = translate("VAEView", "amortisation gap, test image {image}: bars ± 2 s.e.")
            title = title.format(image=snap.gap_image)
        elif self.config.model == "vae":
            title = translate("VAEView", "amortisation gap: at the end")
        else:
            title = translate("VAEView", "no ELBO")
        pool.end()
        self.set_title(item, title)

    def status_text(self, snap: VAESnapshot) -> str:
        epoch = translate("VAEView", "epoch {epoch} of {epochs}")
        parts = [epoch.format(epoch=snap.epoch, epochs=self.config.epochs)]
        likelihood = engine_words.choice("likelihood", self.config.likelihood)
        if snap.test_elbo is not None:
            elbo = translate(
                "VAEView", "test-set ELBO {elbo:.3f} nats ({likelihood}; a draw an image, KL exact)"
            )
            parts.append(elbo.format(elbo=snap.test_elbo, likelihood=likelihood))
        else:
            recon = translate("VAEView", "test reconstruction {recon:.3f} nats ({likelihood})")
            parts.append(recon.format(recon=snap.test_recon, likelihood=likelihood))
        if snap.test_log_px_iwae is not None:
            bound = translate("VAEView", "test log p(x) ≥ L_{k} = {value:.3f}")
            parts.append(bound.format(k=snap.iwae_k, value=snap.test_log_px_iwae))
        if snap.gap_image is not None:
            gap = translate(
                "VAEView",
                "image {image}: its own q gains {gap:.3f} nats over the encoder's "
                "(the amortisation gap)",
            )
            parts.append(
                gap.format(image=snap.gap_image, gap=snap.gap_own_elbo - snap.gap_encoder_elbo)
            )
        if snap.stopped:
            parts.append(snap.stopped)
        if snap.final and snap.elapsed_s is not None:
            parts.append(translate("VAEView", "{seconds:.1f} s").format(seconds=snap.elapsed_s))
        parts.append(translate("View", "seed {seed}").format(seed=self.config.seed))
        return " · ".join(parts)
