"""The VAE panel's views fed runs by hand (tests/gui/test_views.py's host): what they draw is
the snapshots' numbers and engine.geometry's pictures, clicks pick the nearest test code, and
the panel in the window keeps its history while end points are steered into a training run."""

from __future__ import annotations

import shlex

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

import engine
from engine.geometry.vae import mosaic, strips
from engine.vae.pictures import nearest_shown
from lvm_gui import cli, export
from tests.gui.helpers import assert_plots_fit, hosted, run_to_end, steps, wait_drawn


class Click:
    """A left click at data point (x, y) of `plot` (shift held for `shift`)."""

    def __init__(self, plot, x, y, shift=False):
        view = plot.getPlotItem().vb
        view.setRange(xRange=(-3, 3), yRange=(-3, 3), padding=0)  # a mapping that is certain
        self.position = view.mapViewToScene(QPointF(x, y))
        self.shift = shift

    def button(self):
        return Qt.MouseButton.LeftButton

    def scenePos(self):
        return self.position

    def modifiers(self):
        return Qt.KeyboardModifier.ShiftModifier if self.shift else Qt.KeyboardModifier.NoModifier


def labelled(view, plot, text):
    return view.pools[id(plot.getPlotItem())].labelled(text)


def test_the_interpolation_view_draws_the_shipped_models_scores_and_strips(qtbot):
    view, host, run = hosted(qtbot, "interpolate", "digits-shipped", points=7)
    (final,) = list(steps(view, host, run))
    assert final.final and len(final.vae_scores) == 7
    for name, scores in (
        ("VAE", final.vae_scores),
        ("AE", final.ae_scores),
        ("cross-fade", final.pixel_scores),
    ):
        curve = labelled(view, view.score_plot, name)
        x, y = curve.getData()
        assert np.allclose(y, scores) and np.allclose(x, np.linspace(0, 1, 7))
    strip = view.strip_plot.picture.image
    want = strips([final.vae_images, final.ae_images, final.pixel_images], final.shape)
    assert np.array_equal(strip, want)
    # Each scatter is its model's test codes, and the path its decoded codes' projection.
    scatter = view.scatters["vae"].plot.getPlotItem()
    pool = view.pools[id(scatter)]
    x, y = pool.scatters[0].getData()
    assert np.allclose(np.column_stack([x, y]), final.vae_pictures.coords)
    path = pool.curves[0].getData()
    assert np.allclose(np.column_stack(path), final.vae_path)
    # The grid is drawn over the scatter's range, its top row at the top.
    grid = view.vae_grid_plot.picture
    picture = mosaic(final.vae_pictures.grid, final.shape, final.vae_pictures.per_side)
    assert np.array_equal(grid.image, picture[::-1])
    (u0, u1), _ = final.vae_pictures.span
    assert grid.mapRectToParent(grid.boundingRect()).left() < u0 < u1
    assert "the VAE's path" in view.status_text(final) or "the AE's path" in view.status_text(final)


def test_a_click_on_a_scatter_picks_the_nearest_test_code_as_a_and_shift_as_b(qtbot):
    view, host, run = hosted(qtbot, "interpolate", "digits-shipped")
    view.page.show()
    (final,) = list(steps(view, host, run))
    plot = view.vae_scatter_plot
    view.scatters["vae"].clicked(Click(plot, 1.0, -1.0))
    view.scatters["vae"].clicked(Click(plot, -1.5, 0.5, shift=True))
    want_a = nearest_shown(final.vae_pictures, final.shown, 1.0, -1.0)
    want_b = nearest_shown(final.vae_pictures, final.shown, -1.5, 0.5)
    # The other end stays as drawn (not the seed's choice for the new end).
    assert host.params == [{"a": want_a, "b": final.b}, {"a": final.a, "b": want_b}]
    assert want_a != want_b


def test_the_vae_view_draws_the_ladder_and_the_gap_of_the_final_snapshot(qtbot):
    view, host, run = hosted(qtbot, "vae", "digits-vae", epochs=3, iwae_k=100, image=5)
    drawn = list(steps(view, host, run))
    final = drawn[-1]
    line = labelled(view, view.ladder_plot, "mean L_k")
    ks, values = line.getData()  # log10 k: the axis is logarithmic
    assert np.allclose(ks, [0, 1, 2])
    assert np.allclose(values, [v for _, v, _ in final.iwae_ladder])
    _, upper = labelled(view, view.ladder_plot, "± 2 standard errors").getData()
    assert np.allclose(upper, [v + 2 * e for _, v, e in final.iwae_ladder])
    _, elbo = labelled(view, view.ladder_plot, "L₁, the ELBO").getData()
    assert elbo[0] == pytest.approx(final.iwae_ladder[0][1])
    ticks = view.images_plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [name for _, name in ticks] == ["prior samples", "test images", "reconstructed"]
    assert values[0] <= values[-1] + 3 * final.iwae_ladder[-1][2]  # rising within error
    own = labelled(view, view.gap_plot, "ELBO, own q")
    assert own.getData()[0][0] == pytest.approx(final.gap_own_elbo)
    loss = labelled(view, view.loss_plot, "test −ELBO")
    epochs, values = loss.getData()
    assert list(epochs) == [1, 2, 3]
    assert np.allclose(values, [-s.test_elbo for s in drawn])
    view.scatter.clicked(Click(view.scatter_plot, 0.0, 0.0))
    assert host.params[-1] == {"image": nearest_shown(final.pictures, final.shown, 0.0, 0.0)}


def test_an_autoencoder_shows_no_ladder_and_no_prior_samples(qtbot):
    view, host, run = hosted(qtbot, "vae", "digits-ae", epochs=2)
    final = list(steps(view, host, run))[-1]
    assert final.iwae_ladder is None and final.pictures.samples is None
    assert view.ladder_plot.getPlotItem().titleLabel.text.startswith("IWAE: none")
    rows = view.images_plot.picture.image.shape[0]
    assert rows == 2 * 9 - 1  # the test images and their reconstructions only
    ticks = view.images_plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [y for y, _ in ticks] == [4, 13] and [n for _, n in ticks] == [
        "test images",
        "reconstructed",
    ]


@pytest.fixture
def panel(make_panel):
    return make_panel("vae")


def test_the_panel_opens_on_the_shipped_models_and_its_plots_fit(qtbot, panel):
    final = run_to_end(qtbot, panel)
    assert panel.settings.preset == "pole-and-shadow" and final.final and final.epoch == 0
    assert "nats (continuous-bernoulli)" in panel.pages.status_line.text()
    assert_plots_fit(panel)


def test_both_models_of_an_ended_interpolation_can_be_saved(qtbot, panel, tmp_path):
    import torch

    from engine.imaging import weight_files

    assert panel.models_to_save() == {}  # nothing has run yet
    final = run_to_end(qtbot, panel)
    writers = panel.models_to_save()
    assert list(writers) == ["VAE", "autoencoder"]
    for name, model, kind in (("VAE", final.vae, "vae"), ("autoencoder", final.ae, "ae")):
        path = tmp_path / f"{kind}.pt"
        writers[name](str(path))
        wanted = weight_files.architecture(kind, 1024, 2, "continuous-bernoulli")
        again = weight_files.load_weights("load", str(path), wanted, torch.device("cpu"))
        for (key, a), (_, b) in zip(
            model.state_dict().items(), again.state_dict().items(), strict=True
        ):
            assert torch.equal(a.cpu(), b), (name, key)


def test_a_click_after_training_takes_the_trained_models_from_the_workspace(qtbot, panel):
    panel.set_params(epochs=3, points=5)
    trained = run_to_end(qtbot, panel)
    assert not trained.replayed and len(panel.history) == 2  # and the result: epoch 3
    other = next(int(i) for i in trained.shown.index if i not in (trained.a, trained.b))
    with qtbot.waitSignal(panel.controller.finished, timeout=30000):
        panel.view.pick(other, False)  # the run has ended: a run of the same recipe
        panel.controller.play()
    final = wait_drawn(qtbot, panel)
    assert final.replayed and final.a == other and final.b == trained.b
    assert final.vae_test_elbo == trained.vae_test_elbo  # the same models, not retrained
    # The epochs' losses are in the history again, so the loss curves are whole.
    curve = panel.view.pools[id(panel.view.loss_plot.getPlotItem())].labelled("VAE: test −ELBO")
    assert list(curve.getData()[0]) == [1, 2, 3]


def steer_b_while_training(qtbot, panel):
    """Two epochs of a 6-epoch run, then a shift-click that steers b into it and one more
    epoch: (the config it started with, the epoch before the steer, the steered epoch)."""
    panel.set_params(epochs=6, points=5)
    before = panel.config
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=30000):
        panel.restart()
        panel.controller.step()
    qtbot.waitUntil(lambda: panel.controller.state == "paused", timeout=30000)
    first = panel.controller.history[-1]
    other = next(int(i) for i in first.shown.index if i not in (first.a, first.b))
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=30000):
        panel.view.pick(other, True)
    qtbot.waitUntil(lambda: panel.controller.state == "paused", timeout=30000)
    steered = panel.controller.history[-1]
    assert steered.b == other and panel.config.b == other
    return before, first, steered


def test_a_click_while_training_steers_the_ends_and_keeps_the_losses(qtbot, panel):
    _, first, steered = steer_b_while_training(qtbot, panel)
    assert steered.epoch == first.epoch + 1
    # Every epoch before the steer is still in the history: the loss curves stay whole.
    assert [s.epoch for s in panel.controller.history] == list(range(1, steered.epoch + 1))


def test_a_frame_looked_back_at_after_a_steer_is_drawn_with_its_own_config(qtbot, panel):
    """The history keeps each step's config: after b is steered into the training run, an
    epoch before it is drawn, and its picture's command line written, with the config that
    made it (the ends left to the seed), not with the one the form shows now."""
    before, first, steered = steer_b_while_training(qtbot, panel)
    other = steered.b
    assert wait_drawn(qtbot, panel) is steered and panel.view.config == panel.config
    assert panel.history.config_of(first) == before and before.b is None

    drawn_with = []
    draw_parts = panel.view.draw_parts

    def recording(snap):
        def recorded(key, draw):
            return lambda: (drawn_with.append((key, panel.view.config)), draw())

        return [(key, recorded(key, draw)) for key, draw in draw_parts(snap)]

    panel.view.draw_parts = recording
    panel.history_bar.slider.setValue(panel.history.index_of(first))  # before the steer
    assert wait_drawn(qtbot, panel) is first
    assert len(drawn_with) > 1 and all(config == before for _, config in drawn_with)
    assert panel.config.b == other  # the form still shows the values in force
    command = export.figure_text(panel)["Command"]
    args = cli.build_parser().parse_args(shlex.split(command)[1:])
    assert args.steps == first.step and not any(s.startswith("b=") for s in args.set)
    again = cli.make_config(engine.get("interpolate"), args.preset, cli.parse_sets(args.set))
    assert panel.settings.forced(again) == before
    panel.history_bar.forward()  # forward again: the steered epoch, with its own config
    assert wait_drawn(qtbot, panel) is steered
    assert drawn_with[-1][1] == panel.config and panel.view.config.b == other


def test_the_data_panels_image_view_draws_the_grid_and_the_labels_counts(qtbot):

    view, host, run = hosted(qtbot, "images", "digits")
    (snap,) = list(steps(view, host, run))
    assert np.array_equal(view.grid_plot.picture.image, mosaic(snap.grid, (8, 8), 10))
    bars = view.bars
    assert list(bars.opts["height"]) == list(snap.label_counts)
    ticks = view.grid_plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [name for _, name in ticks] == [str(d) for d in range(10)]
    assert "1,797 images of 8×8" in view.status_text(snap)
    view, host, run = hosted(qtbot, "images", "poles", images=300)
    (snap,) = list(steps(view, host, run))
    test = view.pools[id(view.spread_plot.getPlotItem())].labelled("test")
    assert len(test.getData()[0]) == snap.test_size == 60
    lightest = view.grid_plot.picture.lut[-1][:3]  # pole and shadow's values are light, not ink
    assert (
        view.grid_plot.picture.lut[0][:3].tolist() == [0, 0, 0] and lightest.tolist() == [255] * 3
    )


def test_run_and_cancel_hammered_while_both_models_train(qtbot, panel):
    """Run, cancel and restart pressed in quick succession while both models train: no
    exception escapes, nothing is left running, and the last run still trains to its end."""
    panel.set_params(epochs=4, points=5)
    for _ in range(6):
        panel.controller.toggle()
        panel.controller.cancel()
        panel.restart()
    final = run_to_end(qtbot, panel)
    assert final.final and final.epoch == 4
    assert panel.controller.state == "done"


def test_the_plots_are_split_over_topic_tabs_each_a_figure_of_its_own(qtbot, panel):
    run_to_end(qtbot, panel)
    tabs = panel.pages.stack.currentWidget()
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert names == ["interpolation", "latent space", "training"]
    targets = panel.export_targets()
    assert targets["panel"] is tabs.currentWidget() is targets["interpolation"]
    tabs.setCurrentIndex(1)
    assert panel.export_targets()["panel"] is targets["latent-space"]
    grids = {panel.view.vae_grid_plot, panel.view.ae_grid_plot}
    assert all(targets["latent-space"].isAncestorOf(plot) for plot in grids)
    assert not any(targets["interpolation"].isAncestorOf(plot) for plot in grids)
    ticks = panel.view.strip_plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [name for _, name in ticks] == ["VAE", "AE", "cross-fade", "true path"]


def test_on_pole_and_shadow_the_scatters_draw_the_mesh_and_the_true_path(qtbot):
    from engine.geometry.vae import mesh_lines

    view, host, run = hosted(qtbot, "interpolate", "pole-and-shadow", points=5)
    (final,) = list(steps(view, host, run))
    for kind in ("vae", "ae"):
        plot = view.scatters[kind].plot
        mesh = getattr(final, f"{kind}_mesh")
        assert mesh.shape[:2] == (2, 9)
        pool = view.pools[id(plot.getPlotItem())]
        assert pool.curves[0].opts["connect"] == "finite"  # θ fixed, then φ fixed
        assert "codes, (θ, φ) mesh" in plot.getPlotItem().titleLabel.text
        for family in (0, 1):
            x, y = pool.curves[family].getData()
            want_x, want_y = mesh_lines(mesh, family)
            assert np.array_equal(np.isnan(x), np.isnan(want_x))  # broken between the lines
            assert np.allclose(x, want_x, equal_nan=True)
            assert np.allclose(y, want_y, equal_nan=True)
        followed = labelled(view, plot, "true path, encoded").getData()
        assert np.allclose(np.column_stack(followed), getattr(final, f"{kind}_true_path"))
        straight = pool.curves[3].getData()
        assert np.allclose(np.column_stack(straight), getattr(final, f"{kind}_path"))
    # The strip: the three paths over the true one, the yardstick of each point's score.
    rows = [final.vae_images, final.ae_images, final.pixel_images, final.true_images]
    assert np.array_equal(view.strip_plot.picture.image, strips(rows, final.shape))
    ticks = view.strip_plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [name for _, name in ticks] == ["VAE", "AE", "cross-fade", "true path"]
    status = view.status_text(final)
    assert f"{final.pairs} test pairs against the true path: VAE" in status
    vae_beyond = final.vae_path_error - final.vae_mesh_path_error
    ae_beyond = final.ae_path_error - final.ae_mesh_path_error
    assert f"along the mesh VAE {final.vae_mesh_path_error:.4f}" in status
    assert f"leaving it costs VAE {vae_beyond:+.4f}, AE {ae_beyond:+.4f}" in status


def test_the_mesh_path_is_the_true_paths_codes(qtbot):
    view, host, run = hosted(qtbot, "interpolate", "pole-and-shadow", points=5, path="mesh")
    (final,) = list(steps(view, host, run))
    for kind in ("vae", "ae"):
        assert np.allclose(getattr(final, f"{kind}_path"), getattr(final, f"{kind}_true_path"))
    # Each model along the mesh everywhere: its verdict is its floor.
    assert final.vae_path_error == pytest.approx(final.vae_mesh_path_error, rel=1e-6)
    assert final.ae_path_error == pytest.approx(final.ae_mesh_path_error, rel=1e-6)
