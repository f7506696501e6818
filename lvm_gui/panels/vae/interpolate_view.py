"""The VAE against a plain autoencoder: both trained live, and a straight line between two test
images' codes decoded by each and scored against the data (seed 003 §3, Oring et al. 2021)."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from PySide6.QtWidgets import QWidget

from engine.config import ExperimentConfig
from engine.geometry.vae import strips, verdict
from engine.vae.interpolate_experiment import InterpolateSnapshot
from engine.vae.pictures import RECONSTRUCTIONS
from lvm_gui import theme as themes
from lvm_gui.image_plots import image_plot, label_rows, set_tone, show_images, show_picture
from lvm_gui.panels.vae import pieces
from lvm_gui.panels.vae.pieces import AE_COLOUR, PIXEL_COLOUR, VAE_COLOUR
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot

TEXT = (
    "Seed 003 §3: does a straight line between two codes stay on the data? A VAE and a plain "
    "autoencoder of the same shape (the presets with no epochs: the models shipped in assets/, "
    "trained before from seed 0). Interpolation: each model's test codes (PCA for L > 2) with "
    "its path from test image a to b; click a code to make it a, shift-click for b. On pole "
    "and shadow the generator's images over a (θ, φ) grid are encoded too and drawn as a mesh "
    "of lines of constant elevation θ (solid) and constant azimuth φ (dashed), with the codes "
    "of the true path (the generator's images at the interpolated θ and φ) dashed in the "
    "model's colour beside the straight path. One unit of z is as long on both axes. "
    "Beside them, each point's error: its RMS pixel distance to the true path's image (digits: "
    "to the nearest training image), for the VAE, the autoencoder and a pixel cross-fade; below, "
    "the paths decoded, over the true path. The status line gives the verdict over 100 test "
    "pairs, with standard errors, and each model's error along the mesh: what its decoder "
    "costs by itself, the rest being what the straight path's leaving the mesh costs. "
    "Latent space: the decoded grids over the scatters' ranges. "
    "Training: both losses on one scale; three rows of samples from the VAE's prior, then test "
    "images above the VAE's and the AE's reconstructions."
)
STRIP_ROWS = ("VAE", "AE", "cross-fade")
IMAGE_ROWS = ("", "prior samples", "", "", "test images", "VAE", "AE")


class InterpolateView(View):
    hidden_params = frozenset({"device", "reuse_trained"})
    # A click after training decodes the new path with the trained models, at once.
    forced_params: ClassVar[dict[str, Any]] = {"reuse_trained": True}

    def build_controls(self) -> QWidget:
        self.colours = pieces.ColourChoice(self.redraw)
        return self.colours.box

    def build(self) -> QWidget:
        self.loss_plot = pieces.loss_plot()
        self.score_plot = make_plot("off-manifold score", "t", "RMS distance to the data")
        self.vae_scatter_plot = make_plot("VAE codes, ▽ a, □ b", "z₁", "z₂")
        self.ae_scatter_plot = make_plot("AE codes, ▽ a, □ b", "z₁", "z₂")
        self.strip_plot = image_plot("the path decoded")
        self.vae_grid_plot = image_plot("VAE: decoded grid", axes=True)
        self.ae_grid_plot = image_plot("AE: decoded grid", axes=True)
        self.images_plot = image_plot("prior samples; reconstructions")
        self._ends: tuple[int, int] | None = None  # the ends drawn last
        self.scatters = {
            "vae": pieces.LatentScatter(self.vae_scatter_plot, self.pick),
            "ae": pieces.LatentScatter(self.ae_scatter_plot, self.pick),
        }
        return pieces.topic_pages(
            {
                "interpolation": [
                    [(self.vae_scatter_plot, 1), (self.ae_scatter_plot, 1), (self.score_plot, 1)],
                    [(self.strip_plot, 3)],
                ],
                "latent space": [[(self.vae_grid_plot, 1), (self.ae_grid_plot, 1)]],
                "training": [[(self.loss_plot, 1), (self.images_plot, 1)]],
            }
        )

    def plots(self) -> dict[str, QWidget]:
        return {
            "losses": self.loss_plot,
            "scores": self.score_plot,
            "vae-scatter": self.vae_scatter_plot,
            "ae-scatter": self.ae_scatter_plot,
            "strips": self.strip_plot,
            "vae-grid": self.vae_grid_plot,
            "ae-grid": self.ae_grid_plot,
            "images": self.images_plot,
        }

    def what_you_see(self) -> str:
        return TEXT

    def config_changed(self, config: ExperimentConfig) -> None:
        self.colours.offer(config.dataset)
        for plot in (self.strip_plot, self.vae_grid_plot, self.ae_grid_plot, self.images_plot):
            set_tone(plot, config.dataset)

    def pick(self, index: int, second: bool) -> None:
        """A click on a scatter: its nearest test image becomes a (shift: b), sent into the
        running experiment, or a run of the same recipe (the models from the workspace). The
        other end stays where it is shown (left to the seed, it would follow a's label)."""
        a, b = self._ends if self._ends is not None else (self.config.a, self.config.b)
        self.panel.set_params(**({"a": a, "b": index} if second else {"a": index, "b": b}))

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap: InterpolateSnapshot):
        parts = [("losses", lambda: self._draw_losses(snap))]
        if snap.vae_pictures is None:  # an epoch replayed from the workspace: losses only
            return parts
        return [
            *parts,
            ("scores", lambda: self._draw_scores(snap)),
            ("vae scatter", lambda: self._draw_scatter(snap, "vae")),
            ("ae scatter", lambda: self._draw_scatter(snap, "ae")),
            ("strips", lambda: self._draw_strips(snap)),
            ("grids", lambda: self._draw_grids(snap)),
            ("images", lambda: self._draw_images(snap)),
        ]

    def _draw_losses(self, snap: InterpolateSnapshot) -> None:
        names = (
            "epoch",
            "vae_train_loss",
            "vae_test_elbo",
            "vae_test_recon",
            "vae_test_kl",
            "ae_train_loss",
            "ae_test_recon",
        )
        run = self.history.traces_to(snap, *names)
        epochs = run["epoch"]
        curves = [
            ("VAE: test −ELBO", epochs, -run["vae_test_elbo"], VAE_COLOUR, 2.5, False),
            ("VAE: test −reconstruction", epochs, -run["vae_test_recon"], VAE_COLOUR, 1.5, True),
            ("VAE: test KL", epochs, run["vae_test_kl"], themes.SKY, 1.5, True),
            ("VAE: train loss", epochs, run["vae_train_loss"], VAE_COLOUR, 1, False),
            ("AE: test −reconstruction", epochs, -run["ae_test_recon"], AE_COLOUR, 2.5, False),
            ("AE: train loss", epochs, run["ae_train_loss"], AE_COLOUR, 1, False),
        ]
        pieces.draw_losses(self, self.loss_plot, curves, self.config.likelihood, self.config.epochs)

    def _draw_scores(self, snap: InterpolateSnapshot) -> None:
        item = self.score_plot.getPlotItem()
        pool = self.pool(item)
        t = np.linspace(0.0, 1.0, len(snap.vae_scores))
        for name, scores, colour in (
            ("VAE", snap.vae_scores, VAE_COLOUR),
            ("AE", snap.ae_scores, AE_COLOUR),
            ("cross-fade", snap.pixel_scores, PIXEL_COLOUR),
        ):
            mean = float(np.mean(scores))
            line = pool.plot(
                t,
                np.asarray(scores),
                pen=themes.pen(colour, 2.5),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                symbolPen=None,
            )
            pool.label(line, f"{name}: mean {mean:.4f}")
        pool.end()
        item.setXRange(0, 1, padding=0.03)
        high = max(max(snap.vae_scores), max(snap.ae_scores), max(snap.pixel_scores))
        self.steady_range(item, "y", 0.0, high * 1.35)  # room above for the legend
        # Pole and shadow's true factors give the true path: each point against it.
        truth = self.config.dataset == "poles"
        score = "error against the truth" if truth else "off-manifold score"
        self.set_title(item, f"{score} ({snap.path})")
        self.set_label(
            item, "left", "RMS distance to the true image" if truth else "RMS distance to the data"
        )

    def _draw_scatter(self, snap: InterpolateSnapshot, kind: str) -> None:
        self._ends = (snap.a, snap.b)
        pictures = getattr(snap, f"{kind}_pictures")
        path = getattr(snap, f"{kind}_path")
        colour = VAE_COLOUR if kind == "vae" else AE_COLOUR
        mesh, followed = getattr(snap, f"{kind}_mesh"), getattr(snap, f"{kind}_true_path")
        self.scatters[kind].draw(
            self, pictures, snap.shown, self.colours.name, path, colour, mesh, followed
        )
        name = "VAE" if kind == "vae" else "AE"
        plot = self.vae_scatter_plot if kind == "vae" else self.ae_scatter_plot
        # Short titles: a title wider than its column pushes the plot past the widget's edge.
        title = f"{name} codes, (θ, φ) mesh" if mesh is not None else f"{name} codes, ▽ a, □ b"
        self.set_title(plot.getPlotItem(), title)
        self.colours.explain(snap.shown)

    def _draw_strips(self, snap: InterpolateSnapshot) -> None:
        rows = [snap.vae_images, snap.ae_images, snap.pixel_images]
        names = STRIP_ROWS
        if snap.true_images is not None:  # pole and shadow: the yardstick under them
            rows, names = [*rows, snap.true_images], (*STRIP_ROWS, "true path")
        show_picture(self.strip_plot, strips(rows, snap.shape))
        label_rows(self.strip_plot, names, snap.shape[0])
        self.set_title(
            self.strip_plot.getPlotItem(),
            f"the path from test image a = {snap.a} (▽) to b = {snap.b} (□)",
        )

    def _draw_grids(self, snap: InterpolateSnapshot) -> None:
        pieces.show_grid(self.vae_grid_plot, self, snap.vae_pictures, snap.shape)
        pieces.show_grid(self.ae_grid_plot, self, snap.ae_pictures, snap.shape)

    def _draw_images(self, snap: InterpolateSnapshot) -> None:
        """Three rows of the VAE's prior samples, a blank row, then test images above the
        VAE's and the AE's reconstructions of them."""
        blank = np.zeros((RECONSTRUCTIONS, snap.vae_pictures.samples.shape[1]), np.uint8)
        rows = np.concatenate(
            [
                snap.vae_pictures.samples,
                blank,
                snap.shown.originals,
                snap.vae_pictures.reconstructions,
                snap.ae_pictures.reconstructions,
            ]
        )
        show_images(self.images_plot, rows, snap.shape, RECONSTRUCTIONS, IMAGE_ROWS)

    def models_to_save(self, snap: InterpolateSnapshot):
        models = {"VAE": snap.vae, "autoencoder": snap.ae}  # the final snapshot's
        return {
            name: pieces.weights_writer(model, snap.shape, self.config.dataset)
            for name, model in models.items()
            if model is not None
        }

    def status_text(self, snap: InterpolateSnapshot) -> str:
        trained = self.config.epochs > 0
        given = self.config.vae_file is not None or self.config.ae_file is not None
        parts = [
            f"epoch {snap.epoch} of {self.config.epochs}"
            if trained
            else ("models from files" if given else "shipped models")
        ]
        parts.append(
            f"VAE test-set ELBO {snap.vae_test_elbo:.3f}, AE reconstruction "
            f"{snap.ae_test_recon:.3f} nats ({self.config.likelihood})"
        )
        # Each epoch's chosen pair; the verdict over many pairs replaces it at the end.
        if snap.vae_off_manifold is not None and snap.pairs is None:
            parts.append(
                f"off-manifold: VAE {snap.vae_off_manifold:.4f}, AE {snap.ae_off_manifold:.4f}, "
                f"cross-fade {snap.pixel_off_manifold:.4f}"
            )
            if snap.final and snap.pairs is None:
                parts.append(
                    verdict(snap.vae_off_manifold, snap.ae_off_manifold, snap.pixel_off_manifold)
                )
        if snap.pairs is not None:  # the measured verdict, whichever model it favours
            against = (
                "against the true path"
                if self.config.dataset == "poles"
                else "nearest training image, beyond the ends'"
            )
            parts.append(
                f"{snap.pairs} test pairs {against}: VAE "
                f"{snap.vae_path_error:.4f} ± {snap.vae_path_error_se:.4f}, AE "
                f"{snap.ae_path_error:.4f} ± {snap.ae_path_error_se:.4f}, cross-fade "
                f"{snap.pixel_path_error:.4f} ± {snap.pixel_path_error_se:.4f} (RMS ± 1 s.e.), "
                f"the VAE's path better in {snap.vae_beats_ae:.0%}"
            )
            if snap.vae_mesh_path_error is not None:
                vae_beyond = snap.vae_path_error - snap.vae_mesh_path_error
                ae_beyond = snap.ae_path_error - snap.ae_mesh_path_error
                parts.append(
                    f"along the mesh VAE {snap.vae_mesh_path_error:.4f}, AE "
                    f"{snap.ae_mesh_path_error:.4f}: leaving it costs VAE {vae_beyond:+.4f}, "
                    f"AE {ae_beyond:+.4f}"
                )
        if snap.replayed and snap.final:
            parts.append("models trained before, from the workspace")
        parts.append(f"seed {self.config.seed}")
        return " · ".join(p for p in parts if p)
