"""One VAE (or plain autoencoder) trained live, then its test log-likelihood by importance
sampling: the IWAE ladder, and what amortisation costs one test image (seeds 000, 004)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from engine.config import ExperimentConfig
from engine.vae.experiment import VAESnapshot
from engine.vae.pictures import RECONSTRUCTIONS
from lvm_gui import theme as themes
from lvm_gui.image_plots import image_plot, set_tone, show_images
from lvm_gui.panels.vae import pieces
from lvm_gui.panels.vae.pieces import AE_COLOUR, VAE_COLOUR
from lvm_gui.panels.view import View
from lvm_gui.plots import headroom_for_legend, make_plot

TEXT = (
    "Latent space: the model's test codes (PCA for L > 2) and the decoded grid over their "
    "range. Training: its losses per epoch; samples from the prior and test images above their "
    "reconstructions. Evaluation, when training ends: the VAE's test log p(x) by importance "
    "sampling with the encoder as proposal, the IWAE bounds L_k rising with k toward log p(x) "
    "(the band: ± 2 standard errors over the test images). Two estimates of one ELBO: the "
    "status line's test-set ELBO draws one z an image and takes the KL exactly; L₁ is the "
    "ELBO by the IWAE's own draws, so the two differ by Monte Carlo noise. And for the test "
    "image `image`, its own q fitted by gradient ascent: ELBO(encoder's q) ≤ ELBO(own q) ≤ "
    "L_k, the amortisation gap. Click a code to choose that image."
)
GAP_ROWS = ("encoder's q", "own q", "L_k")
GAP_NAMES = ("ELBO, encoder's q", "ELBO, own q", "L")


class VAEView(View):
    hidden_params = frozenset({"device"})

    def build_controls(self) -> QWidget:
        self.colours = pieces.ColourChoice(self.redraw)
        return self.colours.box

    def build(self) -> QWidget:
        self.loss_plot = pieces.loss_plot()
        self.ladder_plot = make_plot("test log p(x) ≥ L_k (IWAE)", "k", "mean L_k, nats", True)
        self.scatter_plot = make_plot("codes (click one)", "z₁", "z₂")
        self.grid_plot = image_plot("decoded grid", axes=True)
        self.images_plot = image_plot("prior samples; reconstructions")
        self.gap_plot = make_plot("the amortisation gap", "nats", "")
        self.gap_plot.getPlotItem().getAxis("left").setTicks(
            [[(i, name) for i, name in enumerate(GAP_ROWS)]]
        )
        self.scatter = pieces.LatentScatter(self.scatter_plot, self.pick)
        return pieces.topic_pages(
            {
                "latent space": [[(self.scatter_plot, 1), (self.grid_plot, 1)]],
                "training": [[(self.loss_plot, 1), (self.images_plot, 1)]],
                "evaluation": [[(self.ladder_plot, 1), (self.gap_plot, 1)]],
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
        return TEXT

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
        curves = [
            ("test −ELBO", epochs, -run["test_elbo"], colour, 2.5, False),
            ("test −reconstruction", epochs, -run["test_recon"], colour, 1.5, True),
            ("test KL", epochs, run["test_kl"], themes.SKY, 1.5, True),
            ("train loss", epochs, run["train_loss"], colour, 1, False),
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
            pool.label(upper, "± 2 standard errors over the test images")
            line = pool.plot(
                ks,
                values,
                pen=themes.pen(VAE_COLOUR, 2.5),
                symbol="o",
                symbolSize=8,
                symbolBrush=VAE_COLOUR,
                symbolPen=None,
            )
            pool.label(line, f"mean L_k over {snap.test_size} test images: {values[-1]:.3f}")
            elbo = pool.plot(
                [ks[0], ks[-1]],
                [values[0], values[0]],
                pen=themes.pen(self.theme.muted, 1.5, dashed=True),
            )
            pool.label(elbo, f"L₁, the ELBO by these draws: {values[0]:.3f}")
            low, high = float((values - 2 * errors).min()), float((values + 2 * errors).max())
            self.steady_range(item, "y", low, headroom_for_legend(item, low, high))
            title = f"IWAE: mean L_k to k = {int(ks[-1]):,}, band ± 2 s.e."
        elif self.config.model == "ae":
            title = "IWAE: none for an autoencoder"
        else:
            title = "IWAE: when training ends"
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
        labels = ("test images", "reconstructed")
        if drawn.samples is not None:
            rows = [drawn.samples, np.zeros_like(snap.shown.originals), *rows]
            labels = ("", "prior samples", "", "", *labels)
        show_images(
            self.images_plot, np.concatenate(rows), snap.shown.shape, RECONSTRUCTIONS, labels
        )
        self.set_title(
            self.images_plot.getPlotItem(),
            "prior samples; reconstructions"
            if drawn.samples is not None
            else "test images; reconstructions",
        )

    def _draw_gap(self, snap: VAESnapshot) -> None:
        item = self.gap_plot.getPlotItem()
        pool = self.pool(item)
        if snap.gap_image is not None:
            values = [snap.gap_encoder_elbo, snap.gap_own_elbo, snap.gap_log_px]
            errors = [snap.gap_encoder_se, snap.gap_own_se, 0.0]
            colours = [VAE_COLOUR, themes.VERMILLION, self.theme.ink]
            rows = zip(values, errors, colours, GAP_NAMES, strict=True)
            for row, (value, error, colour, name) in enumerate(rows):
                pool.plot(
                    [value - 2 * error, value + 2 * error], [row, row], pen=themes.pen(colour, 2)
                )
                dot = pool.scatter([value], [row], size=11, brush=colour)
                if error:
                    pool.label(dot, f"{name}: {value:.3f}, ± 2 s.e. = ± {2 * error:.3f}")
                else:
                    pool.label(dot, f"{name}_{snap.iwae_k}: {value:.3f}")
            low, high = min(values) - 0.2, max(values) + 0.2
            self.steady_range(item, "x", low, high)
            self.steady_range(item, "y", -0.5, headroom_for_legend(item, -0.5, 2.5))
            title = f"amortisation gap, test image {snap.gap_image}: bars ± 2 s.e."
        else:
            title = "amortisation gap: at the end" if self.config.model == "vae" else "no ELBO"
        pool.end()
        self.set_title(item, title)

    def status_text(self, snap: VAESnapshot) -> str:
        parts = [f"epoch {snap.epoch} of {self.config.epochs}"]
        if snap.test_elbo is not None:
            parts.append(
                f"test-set ELBO {snap.test_elbo:.3f} nats ({self.config.likelihood}; a draw "
                "an image, KL exact)"
            )
        else:
            parts.append(
                f"test reconstruction {snap.test_recon:.3f} nats ({self.config.likelihood})"
            )
        if snap.test_log_px_iwae is not None:
            parts.append(f"test log p(x) ≥ L_{snap.iwae_k} = {snap.test_log_px_iwae:.3f}")
        if snap.gap_image is not None:
            gap = snap.gap_own_elbo - snap.gap_encoder_elbo
            parts.append(
                f"image {snap.gap_image}: its own q gains {gap:.3f} nats over the encoder's "
                "(the amortisation gap)"
            )
        if snap.stopped:
            parts.append(snap.stopped)
        if snap.final and snap.elapsed_s is not None:
            parts.append(f"{snap.elapsed_s:.1f} s")
        parts.append(f"seed {self.config.seed}")
        return " · ".join(parts)
