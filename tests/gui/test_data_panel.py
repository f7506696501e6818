"""The Data panel: presets, edits, bad edits, views by kind, dragging a mean, export, errors."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem

from lvm_gui import export
from lvm_gui import theme as themes
from tests.gui.helpers import wait_drawn


@pytest.fixture
def panel(make_panel):
    return make_panel("data", (1200, 760))


def run_to_end(qtbot, panel, action=None):
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        (action or panel.restart)()
    return wait_drawn(qtbot, panel)


def test_preset_runs_to_the_whole_sample_and_publishes_it(qtbot, panel):
    with qtbot.waitSignal(panel.dataset_ready, timeout=10000) as blocker:
        panel.restart()
    dataset = blocker.args[0]
    assert len(dataset) == 100 and dataset.truth.means[:, 0].tolist() == [-2.0, 2.0]
    assert panel.view.stack.currentWidget() is panel.view.histogram_plot
    assert "n = 100 of 100" in panel.pages.status_line.text()
    assert "seed 0" in panel.pages.status_line.text()


def test_step_shows_one_batch(qtbot, panel):
    panel.controller.start(panel.config, panel.experiment.generate)
    with qtbot.waitSignal(panel.controller.snapshot_ready):
        panel.controller.step()
    assert panel.last_snapshot.shown == 10 and panel.last_snapshot.step == 1
    assert "step 1/10" in panel.pages.status_line.text()


def test_editing_a_parameter_regenerates(qtbot, panel):
    run_to_end(qtbot, panel)
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        panel.settings.form.parameters.child("n").setValue(250)
    assert panel.last_snapshot.n == 250
    assert panel.settings.preset_box.currentData() is None  # no longer the preset


def test_a_bad_edit_is_shown_and_the_data_stay(qtbot, panel):
    before = run_to_end(qtbot, panel)
    panel.settings.form.parameters.child("stds").setValue("1, 0")
    assert panel.messages.label.isVisible()
    assert "stds[1] = 0" in panel.messages.label.text()
    assert panel.last_snapshot is before
    assert panel.config.stds == (1.0, 1.0)


@pytest.mark.parametrize(
    ("kind", "view"),
    [("gmm2d", "scatter_plot"), ("coins", "coins_plot"), ("faithful", "scatter_plot")],
)
def test_each_kind_has_its_view(qtbot, panel, kind, view):
    run_to_end(qtbot, panel)
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        panel.settings.form.parameters.child("kind").setValue(kind)
    wait_drawn(qtbot, panel)
    assert panel.view.stack.currentWidget() is getattr(panel.view, view)
    visible = {c.name() for c in panel.settings.form.parameters.children() if c.opts["visible"]}
    assert ("p_a" in visible) == (kind == "coins")
    assert ("covariances" in visible) == (kind == "gmm2d")


def test_dragging_a_mean_moves_the_component(qtbot, panel):
    panel.apply_preset("gmm2d")
    qtbot.waitUntil(lambda: panel.controller.state == "done", timeout=10000)
    wait_drawn(qtbot, panel)
    handle = panel.view.mean_handles[0]
    handle.setPos(QPointF(1.5, 4.0))
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        handle.sigPositionChangeFinished.emit(handle)
    assert panel.config.means[:2] == (1.5, 4.0)
    assert panel.last_snapshot.dataset.truth.means[0].tolist() == [1.5, 4.0]
    assert panel.config.k == 3


def test_export_png_is_not_blank_and_carries_its_provenance(qtbot, panel, tmp_path):
    run_to_end(qtbot, panel)
    path = export.save_figure(panel, tmp_path / "panel.png", 1600, export.figure_text(panel))
    image = QImage(str(path))
    assert image.width() == 1600
    assert image.height() == round(panel.height() * 1600 / panel.width())
    pixels = np.array(
        [
            image.pixelColor(x, y).lightness()
            for x in range(0, 1600, 40)
            for y in range(0, image.height(), 40)
        ]
    )
    assert pixels.std() > 10  # not one flat colour
    assert image.text("Seed") == "0" and image.text("Preset") == "seed-003"
    assert image.text("Software").startswith("LVM Lab")


def test_export_of_one_plot_and_bad_widths(qtbot, panel, tmp_path):
    run_to_end(qtbot, panel)
    plot = panel.export_targets()["histogram"]
    path = export.save_figure(plot, tmp_path / "plot.png", 800, {})
    assert QImage(str(path)).width() == 800
    with pytest.raises(export.ExportError, match="width = 10"):
        export.save_figure(plot, tmp_path / "p.png", 10, {})
    with pytest.raises(export.ExportError, match=r"\.png"):
        export.save_figure(plot, tmp_path / "p.jpg", 800, {})


def test_a_failing_generator_shows_in_the_panel_and_the_panel_recovers(qtbot, panel):
    def broken(config):
        yield from ()
        raise RuntimeError("the engine broke")

    good = panel.experiment
    panel.settings.experiment = dataclasses.replace(good, generate=broken)
    with qtbot.waitSignal(panel.controller.failed, timeout=5000):
        panel.restart()
    assert panel.messages.label.isVisible() and "the engine broke" in panel.messages.label.text()
    panel.settings.experiment = good
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        panel.settings.reset()
    assert not panel.messages.label.isVisible()


def test_many_redraws_stay_alive(qtbot, panel, qapp):
    """A few hundred live frames: catches Qt bindings that crash on repaint (the PySide6 pin,
    docs/development.md)."""
    run_to_end(qtbot, panel)
    snaps = panel.controller.history
    for i in range(300):
        panel.view.draw(snaps[i % len(snaps)])
        qapp.processEvents()
    assert panel.isVisible()


def test_reset_returns_to_the_preset_chosen_last(qtbot, panel):
    panel.apply_preset("gmm2d")
    qtbot.waitUntil(lambda: panel.controller.state == "done", timeout=10000)
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        panel.settings.form.parameters.child("n").setValue(77)
    assert panel.settings.preset is None and panel.settings.preset_box.currentText() == "(custom)"
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        panel.settings.reset()
    assert panel.settings.preset == "gmm2d" and panel.config.n == 500
    assert export.figure_text(panel)["Preset"] == "gmm2d"


def test_exports_draw_cached_axes_afresh_at_their_scale(qtbot, panel):
    """Axes are cached as screen-sized images (theme.style_plot); an export at twice the size
    must draw them sharp, exactly as it would without the cache, and leave the cache on."""
    panel.set_theme(themes.LIGHT)  # as the window does
    run_to_end(qtbot, panel)
    plot = panel.export_targets()["histogram"]
    axes = [plot.getPlotItem().getAxis(name) for name in ("left", "bottom")]
    assert all(a.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for a in axes)
    plot.viewport().repaint()  # the caches filled at screen size
    cached = export.render(plot, 2 * plot.width())
    for axis in axes:
        axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    fresh = export.render(plot, 2 * plot.width())
    for axis in axes:
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    assert cached == fresh
    assert all(a.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for a in axes)


def test_mean_handles_are_kept_and_moved_from_run_to_run(qtbot, panel):
    panel.apply_preset("gmm2d")
    run_to_end(qtbot, panel)
    handles = list(panel.view.mean_handles)
    panel.set_params(means=(1.5, 4.0, *panel.config.means[2:]))
    run_to_end(qtbot, panel, action=lambda: None)
    assert panel.view.mean_handles == handles  # the same items, moved
    assert (handles[0].pos().x(), handles[0].pos().y()) == (1.5, 4.0)
    panel.set_params(k=2)
    run_to_end(qtbot, panel, action=lambda: None)
    assert panel.last_snapshot.dataset.truth.k == 2 and len(panel.view.mean_handles) == 2


def test_values_given_together_all_hold(qtbot, panel):
    """k and the means in one change: neither clears the other (each alone clears what hangs
    on it: a new k drops the means, new means set k)."""
    panel.apply_preset("gmm2d")
    run_to_end(qtbot, panel)
    panel.set_params(k=2, means=(0.0, 0.0, 3.0, 3.0))
    assert panel.config.k == 2 and panel.config.means == (0.0, 0.0, 3.0, 3.0)
    assert panel.messages.last is None
    panel.set_params(k=4)  # alone: the means follow k
    assert panel.config.k == 4 and len(panel.config.means) == 8


def test_the_history_bar_names_the_step_the_status_line_names(qtbot, panel):
    """The slider's position is an index; beside it, the step shown, as the status line counts
    it (seed 003's draws are steps 1 to 10: the last is step 10, not 9)."""
    final = run_to_end(qtbot, panel)
    assert final.step == 10 and panel.history_bar.step.text() == "step 10"
    assert "step 10/10" in panel.pages.status_line.text()
    panel.history_bar.back()
    shown = wait_drawn(qtbot, panel)
    assert shown.step == 9 and panel.history_bar.step.text() == "step 9"
    assert "step 9/10" in panel.pages.status_line.text()


def test_the_1d_histogram_has_a_rug_and_its_components_over_the_density(qtbot, panel):
    final = run_to_end(qtbot, panel)
    items = panel.view.histogram_plot.getPlotItem().listDataItems()
    (rug,) = [i for i in items if i.opts.get("symbol") == "|"]
    x, y = rug.getData()
    assert np.array_equal(x, final.x[:, 0]) and not y.any()  # a tick at each point, on the axis
    styles = [pg.mkPen(item.opts["pen"]).style() for item in items]
    dashed = [i for i, style in enumerate(styles) if style == Qt.PenStyle.DashLine]
    density = max(i for i, style in enumerate(styles) if style == Qt.PenStyle.SolidLine)
    assert len(dashed) == 2 and min(dashed) > density  # drawn after (over) the density
