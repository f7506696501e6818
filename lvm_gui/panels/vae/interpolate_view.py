"""The VAE against a plain autoencoder: both trained live, and a straight line between two test
images' codes decoded by each and scored against the data (seed 003 §3, Oring et al. 2021)."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from PySide6.QtWidgets import QWidget

from engine.config import ExperimentConfig
from engine.geometry.vae import nearer, strips
from engine.vae.interpolate_experiment import InterpolateSnapshot
from engine.vae.pictures import RECONSTRUCTIONS
from lvm_gui import theme as themes
from lvm_gui.i18n import QT_TRANSLATE_NOOP, engine_words, localized, translate
from lvm_gui.image_plots import image_plot, label_rows, set_tone, show_images, show_picture
from lvm_gui.panels.vae import pieces
from lvm_gui.panels.vae.pieces import AE_COLOUR, PIXEL_COLOUR, VAE_COLOUR
from lvm_gui.panels.view import View
from lvm_gui.plots import make_plot

TEXT = QT_TRANSLATE_NOOP(
    "InterpolateView",
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
    "images above the VAE's and the AE's reconstructions.",
)
STRIP_ROWS = ("VAE", "AE", QT_TRANSLATE_NOOP("InterpolateView", "cross-fade"))
IMAGE_ROWS = (
    "",
    QT_TRANSLATE_NOOP("VAEView", "prior samples"),
    "",
    "",
    QT_TRANSLATE_NOOP("VAEView", "test images"),
    "VAE",
    "AE",
)


class InterpolateView(View):
    hidden_params = frozenset({"device", "reuse_trained"})
    # A click after training decodes the new path with the trained models, at once.
    forced_params: ClassVar[dict[str, Any]] = {"reuse_trained": True}

    def build_controls(self) -> QWidget:
        self.colours = pieces.ColourChoice(self.redraw)
        return self.colours.box

    def build(self) -> QWidget:
        self.loss_plot = pieces.loss_plot()
        self.score_plot = make_plot(
            QT_TRANSLATE_NOOP("InterpolateView", "off-manifold score"),
            "t",
            QT_TRANSLATE_NOOP("InterpolateView", "RMS distance to the data"),
        )
        codes = QT_TRANSLATE_NOOP("InterpolateView", "{name} codes, ▽ a, □ b")
        self.vae_scatter_plot = make_plot(codes.translated().format(name="VAE"), "z₁", "z₂")
        self.ae_scatter_plot = make_plot(codes.translated().format(name="AE"), "z₁", "z₂")
        self.strip_plot = image_plot(QT_TRANSLATE_NOOP("InterpolateView", "the path decoded"))
        self.vae_grid_plot = image_plot(
            QT_TRANSLATE_NOOP("InterpolateView", "VAE: decoded grid"), axes=True
        )
        self.ae_grid_plot = image_plot(
            QT_TRANSLATE_NOOP("InterpolateView", "AE: decoded grid"), axes=True
        )
        self.images_plot = image_plot(
            QT_TRANSLATE_NOOP("VAEView", "prior samples; reconstructions")
        )
        self._ends: tuple[int, int] | None = None  # the ends drawn last
        self.scatters = {
            "vae": pieces.LatentScatter(self.vae_scatter_plot, self.pick),
            "ae": pieces.LatentScatter(self.ae_scatter_plot, self.pick),
        }
        return pieces.topic_pages(
            {
                QT_TRANSLATE_NOOP("InterpolateView", "interpolation"): [
                    [(self.vae_scatter_plot, 1), (self.ae_scatter_plot, 1), (self.score_plot, 1)],
                    [(self.strip_plot, 3)],
                ],
                QT_TRANSLATE_NOOP("VAEView", "latent space"): [
                    [(self.vae_grid_plot, 1), (self.ae_grid_plot, 1)]
                ],
                QT_TRANSLATE_NOOP("VAEView", "training"): [
                    [(self.loss_plot, 1), (self.images_plot, 1)]
                ],
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
        return TEXT.translated()

    def language_changed(self) -> None:
        self.colours.offer(self.config.dataset)  # the colourings' names

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
        vae = {k: "VAE: " + v for k, v in pieces.loss_names().items()}
        ae = {k: "AE: " + v for k, v in pieces.loss_names().items()}
        curves = [
            (vae["elbo"], epochs, -run["vae_test_elbo"], VAE_COLOUR, 2.5, False),
            (vae["recon"], epochs, -run["vae_test_recon"], VAE_COLOUR, 1.5, True),
            (vae["kl"], epochs, run["vae_test_kl"], themes.SKY, 1.5, True),
            (vae["train"], epochs, run["vae_train_loss"], VAE_COLOUR, 1, False),
            (ae["recon"], epochs, -run["ae_test_recon"], AE_COLOUR, 2.5, False),
            (ae["train"], epochs, run["ae_train_loss"], AE_COLOUR, 1, False),
        ]
        pieces.draw_losses(self, self.loss_plot, curves, self.config.likelihood, self.config.epochs)

    def _draw_scores(self, snap: InterpolateSnapshot) -> None:
        item = self.score_plot.getPlotItem()
        pool = self.pool(item)
        t = np.linspace(0.0, 1.0, len(snap.vae_scores))
        for name, scores, colour in (
            ("VAE", snap.vae_scores, VAE_COLOUR),
            ("AE", snap.ae_scores, AE_COLOUR),
            (STRIP_ROWS[2].translated(), snap.pixel_scores, PIXEL_COLOUR),
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
            pool.label(
                line,
                translate("InterpolateView", "{name}: mean {mean:.4f}").format(
                    name=name, mean=mean
                ),
            )
        pool.end()
        item.setXRange(0, 1, padding=0.03)
        high = max(max(snap.vae_scores), max(snap.ae_scores), max(snap.pixel_scores))
        self.steady_range(item, "y", 0.0, high * 1.35)  # room above for the legend
        # Pole and shadow's true factors give the true path: each point against it.
        truth = self.config.dataset == "poles"
        score = (
            translate("InterpolateView", "error against the truth")
            if truth
            else translate("InterpolateView", "off-manifold score")
        )
        titled = translate("InterpolateView", "{score} ({path})")
        self.set_title(
            item, titled.format(score=score, path=engine_words.choice("path", snap.path))
        )
        self.set_label(
            item,
            "left",
            translate("InterpolateView", "RMS distance to the true image")
            if truth
            else translate("InterpolateView", "RMS distance to the data"),
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
        title = (
            translate("InterpolateView", "{name} codes, (θ, φ) mesh")
            if mesh is not None
            else translate("InterpolateView", "{name} codes, ▽ a, □ b")
        )
        self.set_title(plot.getPlotItem(), title.format(name=name))
        self.colours.explain(snap.shown)

    def _draw_strips(self, snap: InterpolateSnapshot) -> None:
        rows = [snap.vae_images, snap.ae_images, snap.pixel_images]
        names = STRIP_ROWS
        if snap.true_images is not None:  # pole and shadow: the yardstick under them
            rows, names = (
                [*rows, snap.true_images],
                (*STRIP_ROWS, QT_TRANSLATE_NOOP("InterpolateView", "true path")),
            )
        show_picture(self.strip_plot, strips(rows, snap.shape))
        label_rows(self.strip_plot, [localized(name) for name in names], snap.shape[0])
        title = translate("InterpolateView", "the path from test image a = {a} (▽) to b = {b} (□)")
        self.set_title(self.strip_plot.getPlotItem(), title.format(a=snap.a, b=snap.b))

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
        names = [localized(name) for name in IMAGE_ROWS]
        show_images(self.images_plot, rows, snap.shape, RECONSTRUCTIONS, names)

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
        if trained:
            epoch = translate("VAEView", "epoch {epoch} of {epochs}")
            parts = [epoch.format(epoch=snap.epoch, epochs=self.config.epochs)]
        elif given:
            parts = [translate("InterpolateView", "models from files")]
        else:
            parts = [translate("InterpolateView", "shipped models")]
        scores = translate(
            "InterpolateView",
            "VAE test-set ELBO {elbo:.3f}, AE reconstruction {recon:.3f} nats ({likelihood})",
        )
        parts.append(
            scores.format(
                elbo=snap.vae_test_elbo,
                recon=snap.ae_test_recon,
                likelihood=engine_words.choice("likelihood", self.config.likelihood),
            )
        )
        # Each epoch's chosen pair; the verdict over many pairs replaces it at the end.
        if snap.vae_off_manifold is not None and snap.pairs is None:
            off = translate(
                "InterpolateView",
                "off-manifold: VAE {vae:.4f}, AE {ae:.4f}, cross-fade {pixel:.4f}",
            )
            parts.append(
                off.format(
                    vae=snap.vae_off_manifold,
                    ae=snap.ae_off_manifold,
                    pixel=snap.pixel_off_manifold,
                )
            )
            if snap.final and snap.pairs is None:
                parts.append(
                    verdict_text(
                        snap.vae_off_manifold, snap.ae_off_manifold, snap.pixel_off_manifold
                    )
                )
        if snap.pairs is not None:  # the measured verdict, whichever model it favours
            pairs = (
                translate(
                    "InterpolateView",
                    "{pairs} test pairs against the true path: VAE {vae:.4f} ± {vae_se:.4f}, AE "
                    "{ae:.4f} ± {ae_se:.4f}, cross-fade {pixel:.4f} ± {pixel_se:.4f} (RMS ± 1 "
                    "s.e.), the VAE's path better in {better:.0%}",
                )
                if self.config.dataset == "poles"
                else translate(
                    "InterpolateView",
                    "{pairs} test pairs nearest training image, beyond the ends': VAE {vae:.4f} "
                    "± {vae_se:.4f}, AE {ae:.4f} ± {ae_se:.4f}, cross-fade {pixel:.4f} ± "
                    "{pixel_se:.4f} (RMS ± 1 s.e.), the VAE's path better in {better:.0%}",
                )
            )
            parts.append(
                pairs.format(
                    pairs=snap.pairs,
                    vae=snap.vae_path_error,
                    vae_se=snap.vae_path_error_se,
                    ae=snap.ae_path_error,
                    ae_se=snap.ae_path_error_se,
                    pixel=snap.pixel_path_error,
                    pixel_se=snap.pixel_path_error_se,
                    better=snap.vae_beats_ae,
                )
            )
            if snap.vae_mesh_path_error is not None:
                mesh = translate(
                    "InterpolateView",
                    "along the mesh VAE {vae:.4f}, AE {ae:.4f}: leaving it costs VAE "
                    "{vae_beyond:+.4f}, AE {ae_beyond:+.4f}",
                )
                parts.append(
                    mesh.format(
                        vae=snap.vae_mesh_path_error,
                        ae=snap.ae_mesh_path_error,
                        vae_beyond=snap.vae_path_error - snap.vae_mesh_path_error,
                        ae_beyond=snap.ae_path_error - snap.ae_mesh_path_error,
                    )
                )
        if snap.replayed and snap.final:
            parts.append(translate("InterpolateView", "models trained before, from the workspace"))
        parts.append(translate("View", "seed {seed}").format(seed=self.config.seed))
        return " · ".join(p for p in parts if p)


def verdict_text(vae: float, ae: float, pixel: float) -> str:
    """Which path stays nearer the data (engine.geometry.vae.nearer), in the window's language."""
    found = nearer(vae, ae, pixel)
    if found is None:
        return ""
    which, ratio, below = found
    words = {
        "both": translate(
            "InterpolateView", "the VAE's and the AE's paths stay about as near the data"
        ),
        "vae": translate(
            "InterpolateView", "the VAE's path stays nearer the data ({ratio:.2g}× less far)"
        ),
        "ae": translate(
            "InterpolateView", "the AE's path stays nearer the data ({ratio:.2g}× less far)"
        ),
    }[which].format(ratio=ratio)
    baseline = (
        translate("InterpolateView", "both below the cross-fade")
        if below
        else translate("InterpolateView", "not both below the cross-fade")
    )
    return f"{words}; {baseline}"
