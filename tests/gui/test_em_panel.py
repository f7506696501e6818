"""The EM panel: half-steps over the surface, the bound, clicking a start, the coins, export."""

from __future__ import annotations

import itertools

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from engine.em.coins import CoinsSnapshot
from engine.em.means_experiment import MeansSnapshot
from engine.em.two_means import log_likelihood_at
from lvm_gui import export
from lvm_gui import theme as themes
from lvm_gui.flowing_page import TopicPages
from lvm_gui.panels.em.means_view import SURROGATE
from lvm_gui.plots import PLOT_MIN_WIDTH, HeightFittingArea, steady_range
from tests.gui.helpers import assert_plots_fit, run_to_end, wait_drawn


@pytest.fixture
def panel(make_panel):
    return make_panel("em")


def test_steps_are_half_steps_starting_from_the_start(qtbot, panel):
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000) as blocker:
        panel.restart()  # shows the start at once, so the plots are never empty
    phases = [blocker.args[0].phase]
    qtbot.waitUntil(lambda: panel.controller.state == "paused")
    for _ in range(2):
        with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000) as blocker:
            panel.controller.step()
        phases.append(blocker.args[0].phase)
        qtbot.waitUntil(lambda: panel.controller.state == "paused")
    assert phases == ["start", "E", "M"]
    snap = panel.last_snapshot
    assert snap.step == 1 and "M step" in panel.pages.status_line.text()
    assert f"{snap.log_likelihood:.6g}" in panel.pages.status_line.text()  # ℓ̄ to 6 digits


def test_a_full_run_climbs_and_the_view_shows_every_surrogate(qtbot, panel):
    final = run_to_end(qtbot, panel)
    assert isinstance(final, MeansSnapshot) and final.step == 9
    history = panel.history
    assert len(history) == 1 + 2 * 9
    ells = [s.log_likelihood for s in history]
    assert all(b >= a - 1e-12 for a, b in itertools.pairwise(ells))
    assert not any(s.decreased for s in history)
    # The iterates (the start and every M step) and the surrogate each M step maximised.
    path = np.array([(s.mu1, s.mu2) for s in history if s.phase != "E"])
    surrogates = [s.surrogate for s in history if s.phase == "M"]
    # One ellipse per surrogate whose level set at its anchor is a curve.
    expected = sum(
        s.level_curve(log_likelihood_at(final.points, path[k][None], 0.5)[0]) is not None
        for k, s in enumerate(surrogates)
    )
    drawn = panel.view.surface_plot.getPlotItem().listDataItems()
    ellipses = [
        item
        for item in drawn
        if isinstance(item, pg.PlotDataItem)
        and item.isVisible()
        and item.opts["pen"] is not None
        and pg.mkPen(item.opts["pen"]).color().name() == SURROGATE.lower()
    ]
    # The earlier ones faded in one item (each closed by NaN), the current one bold in another.
    earlier, current = ellipses
    assert np.isnan(earlier.yData).sum() == expected - 1 and len(current.yData) > 10
    assert expected >= 8
    # An arrowhead on each step long enough to see, at the iterate it points to.
    steps = np.hypot(*np.diff(path, axis=0).T)
    tips = path[1:][steps > 1e-3 * panel.view.span()]
    arrows = [a for a in panel.view.arrows if a.isVisible()]
    assert len(arrows) == len(tips) >= 4
    np.testing.assert_allclose([(a.pos().x(), a.pos().y()) for a in arrows], tips, rtol=1e-12)
    assert panel.view.surface_image.image.shape == (120, 120)
    # The iterates numbered where they stand apart: θ₀ first, each label at its iterate.
    numbers = [n for n in panel.view.numbers if n.isVisible()]
    assert numbers[0].textItem.toPlainText() == "0" and 3 <= len(numbers) < len(path)
    for number in numbers:
        t = int(number.textItem.toPlainText())
        assert (number.pos().x(), number.pos().y()) == pytest.approx(tuple(path[t]))


def test_history_slider_shows_an_earlier_step(qtbot, panel):
    run_to_end(qtbot, panel)
    panel.history_bar.slider.setValue(2)
    assert panel.last_snapshot is panel.history[2] and panel.last_snapshot.phase == "M"
    panel.history_bar.back()
    assert panel.last_snapshot.phase == "E"


def test_clicking_the_surface_restarts_from_there(qtbot, panel):
    run_to_end(qtbot, panel)
    view = panel.view.surface_plot.getPlotItem().vb
    scene_point = view.mapViewToScene(QPointF(1.5, -1.0))
    widget_point = panel.view.surface_plot.mapFromScene(scene_point)
    with qtbot.waitSignal(panel.controller.state_changed, timeout=5000):
        qtbot.mouseClick(
            panel.view.surface_plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point
        )
    assert panel.config.start == pytest.approx((1.5, -1.0), abs=0.05)
    assert panel.settings.preset is None


def test_coins_model_runs_seed_003_and_fills_the_table(qtbot, panel):
    panel.apply_preset("seed-003-coins")
    assert panel.experiment.name == "coins" and panel.pages.stack.currentIndex() == 1
    final = run_to_end(qtbot, panel)
    assert isinstance(final, CoinsSnapshot) and final.step == 20
    table = panel.view.coins_table
    assert table.rowCount() == 9 and table.columnCount() == 22
    assert table.item(0, 1).text() == f"{final.best:.5f}"
    assert table.horizontalHeaderItem(21).text() == f"max ℓ̄ (ô = {final.o_hat:.3f})"
    assert table.horizontalHeaderItem(21).toolTip().startswith("ô log ô")
    assert "largest distance from the ridge" in panel.pages.status_line.text()
    # The bound plot of the start furthest below the maximum: ELBO drawn equal to ℓ̄ from t = 1.
    lls = np.array([s.log_likelihood for s in panel.history])  # (T + 1, starts)
    worst = int(np.argmin(lls[0]))
    curves = [c for c in panel.view.coins_bound_plot.getPlotItem().listDataItems() if c.isVisible()]
    _, ell_y = curves[0].getData()
    elbo_x, elbo_y = curves[1].getData()
    assert ell_y == pytest.approx(lls[:, worst])
    assert elbo_x[0] == 1 and elbo_y == pytest.approx(ell_y[1:], abs=1e-12)


def test_switching_model_by_the_chooser(qtbot, panel):
    index = panel.settings.model_box.findData("coins")
    panel.settings.model_box.setCurrentIndex(index)
    panel.settings.model_box.activated.emit(index)
    assert panel.experiment.name == "coins" and panel.settings.preset == "seed-003-coins"
    names = {c.name() for c in panel.settings.form.parameters.children()}
    assert "starts" in names and "grid" not in names
    # The new model's start is shown at once: nine starts of seed 003 in the table.
    qtbot.waitUntil(lambda: isinstance(panel.last_snapshot, CoinsSnapshot), timeout=5000)
    wait_drawn(qtbot, panel)
    assert panel.last_snapshot.step == 0 and panel.view.coins_table.rowCount() == 9


def test_bad_start_is_refused_in_the_panel(qtbot, panel):
    run_to_end(qtbot, panel)
    before = panel.last_snapshot
    panel.settings.form.parameters.child("start").setValue("1, 2, 3")
    assert "give two numbers" in panel.messages.label.text()
    assert panel.last_snapshot is before


def test_export_of_both_models(qtbot, panel, tmp_path):
    run_to_end(qtbot, panel)
    path = export.save_figure(panel, tmp_path / "em.png", 1600, export.figure_text(panel))
    image = QImage(str(path))
    assert image.width() == 1600 and image.text("Preset") == "seed-003"
    lightness = np.array(
        [
            image.pixelColor(x, y).lightness()
            for x in range(0, 1600, 50)
            for y in range(0, image.height(), 50)
        ]
    )
    assert lightness.std() > 20
    for name, widget in panel.view.plots().items():
        assert (
            QImage(str(export.save_figure(widget, tmp_path / f"{name}.png", 800, {}))).width()
            == 800
        )


def test_mixture_model_colours_points_and_takes_clicked_starts(qtbot, panel):
    panel.apply_preset("faithful-k2")
    assert panel.experiment.name == "gmm" and panel.pages.stack.currentIndex() == 2
    final = run_to_end(qtbot, panel)
    assert final.step == 20 and "at the iteration limit" in panel.pages.status_line.text()
    scatter = [
        i
        for i in panel.view.mixture_plot.getPlotItem().items
        if isinstance(i, pg.ScatterPlotItem) and len(i.data) == 272
    ]
    assert len(scatter) == 1
    # Colours blend the component colours by responsibility: a sure point of component 1 is
    # blue, of component 2 orange.
    brushes = scatter[0].data["brush"]
    sure = np.argmax(final.responsibilities[:, 0])
    assert brushes[sure].color().name() == themes.component_colour(0).lower()
    view = panel.view.mixture_plot.getPlotItem().vb
    # Auto-range is applied lazily at paint time; fix the range so the mapping is certain.
    view.setRange(xRange=(-2, 2), yRange=(-2, 2), padding=0)

    class Click:  # two real clicks in quick succession may merge into a double-click
        def __init__(self, x, y):
            self.position = view.mapViewToScene(QPointF(x, y))

        def button(self):
            return Qt.MouseButton.LeftButton

        def scenePos(self):
            return self.position

    panel.view.mixture_clicked(Click(-1.0, -1.0))
    assert "start mean 1 of 2 placed" in panel.messages.label.text()
    panel.view.mixture_clicked(Click(1.0, 1.0))
    assert panel.config.init == "points"
    assert panel.config.start_means == pytest.approx((-1.0, -1.0, 1.0, 1.0), abs=0.05)


def test_coins_table_fills_as_it_goes_and_looks_back_truly(qtbot, panel):
    panel.apply_preset("li-hang")
    final = run_to_end(qtbot, panel)
    table = panel.view.coins_table
    assert table.columnCount() == final.step + 2  # iterations 0..T and the closed form
    assert table.item(1, 1).text() == f"{panel.history[1].log_likelihood[1]:.5f}"
    panel.history_bar.slider.setValue(1)  # back to iteration 1
    wait_drawn(qtbot, panel)
    assert table.item(0, 1) is not None and table.item(0, 2) is None


def test_frames_are_drawn_in_parts_and_the_newest_snapshot_wins(qtbot, panel):
    panel.run_headless(4)
    older, newer = panel.history[1], panel.history[3]
    drawn_parts = []
    draw_parts = panel.view.draw_parts

    def recording(snap):
        return [
            (key, lambda key=key, draw=draw: (drawn_parts.append((key, snap)), draw()))
            for key, draw in draw_parts(snap)
        ]

    panel.view.draw_parts = recording
    panel.pages.show(older, panel.config)
    panel.pages.show(newer, panel.config)
    assert panel.pages.drawing and drawn_parts == []  # nothing drawn before the event loop turns
    with qtbot.waitSignal(panel.frame_drawn, timeout=5000) as blocker:
        pass
    assert blocker.args[0] is newer and not panel.pages.drawing
    assert drawn_parts == [("surface", newer), ("slice", newer), ("bound", newer)]


def test_ranges_move_only_when_the_data_leave_them(qtbot, panel):
    item = panel.pages.view_of["gmm"].likelihood_plot.getPlotItem()
    steady_range(item, "y", 0.0, 1.0)
    assert item.vb.viewRange()[1] == pytest.approx([-0.1, 1.1])
    steady_range(item, "y", 0.2, 0.9)  # inside and filling more than half: stays
    assert item.vb.viewRange()[1] == pytest.approx([-0.1, 1.1])
    steady_range(item, "y", 0.0, 2.0)  # leaves it
    assert item.vb.viewRange()[1] == pytest.approx([-0.2, 2.2])
    steady_range(item, "y", 0.0, 0.5)  # lost in it
    assert item.vb.viewRange()[1] == pytest.approx([-0.05, 0.55])
    steady_range(item, "y", 1.0, float("nan"))  # nothing to show: unchanged
    assert item.vb.viewRange()[1] == pytest.approx([-0.05, 0.55])


def test_the_mixture_view_holds_still_while_the_ellipses_move(qtbot, panel):
    """The points stay where they are on screen step after step, every one of them shown."""
    panel.apply_preset("faithful-k3-diag")
    qtbot.waitUntil(lambda: panel.controller.state == "paused" and not panel.pages.drawing)
    view = panel.view.mixture_plot.getPlotItem().vb
    ranges = [np.array(view.viewRange())]
    for _ in range(4):
        with qtbot.waitSignal(panel.frame_drawn, timeout=10000):
            panel.controller.step()
        ranges.append(np.array(view.viewRange()))
    snap = panel.last_snapshot
    assert snap.step == 4 and not np.allclose(snap.means, panel.history[0].means)
    assert all(np.array_equal(r, ranges[0]) for r in ranges)
    low, high = snap.points.min(axis=0), snap.points.max(axis=0)
    assert (ranges[0][:, 0] < low).all() and (high < ranges[0][:, 1]).all()


@pytest.mark.parametrize("preset", ["seed-003", "seed-003-coins", "faithful-k2"])
def test_pages_scroll_in_a_small_window_instead_of_squeezing_their_plots(qtbot, panel, preset):
    panel.apply_preset(preset)
    panel.resize(700, 420)
    wait_drawn(qtbot, panel)
    area = panel.pages.stack.currentWidget()
    if isinstance(area, TopicPages):
        area = area.shown()
    assert isinstance(area, HeightFittingArea)
    plots = [p for p in panel.findChildren(pg.GraphicsView) if p.isVisible()]
    assert plots
    for plot in plots:  # lower than asked to fit, never below the page's floor
        assert plot.width() >= 0.9 * PLOT_MIN_WIDTH and plot.height() >= area.floor
    assert area.horizontalScrollBar().maximum() > 0 or area.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("preset", ["seed-003", "seed-003-coins", "faithful-k2"])
def test_no_plot_is_laid_out_wider_than_its_widget(qtbot, panel, preset):
    panel.apply_preset(preset)
    wait_drawn(qtbot, panel)
    assert_plots_fit(panel)


def test_an_aspect_locked_range_is_left_alone_while_the_data_fit(qtbot, panel):
    """With the aspect locked the view widens an axis beyond the data; asking again at every
    frame would move it at every frame. It settles with every point in view, then stays."""
    item = panel.pages.view_of["gmm"].likelihood_plot.getPlotItem()
    item.getViewBox().setAspectLocked(True)
    shown = []
    for _ in range(3):
        steady_range(item, "x", 0.0, 10.0)
        steady_range(item, "y", 0.0, 1.0)
        shown.append(np.array(item.getViewBox().viewRange()))
    assert np.array_equal(shown[1], shown[2])
    (x0, x1), (y0, y1) = shown[2]
    assert x0 <= 0 and x1 >= 10 and y0 <= 0 and y1 >= 1


def test_a_collapsed_component_is_a_message_that_says_what_to_do(qtbot, panel, tmp_path):
    np.save(tmp_path / "x.npy", np.vstack([np.ones((5, 5)), np.zeros((5, 5))]))
    panel.apply_preset("faithful-k3-diag")
    before = wait_drawn(qtbot, panel)
    with qtbot.waitSignal(panel.controller.failed, timeout=10000):
        panel.set_params(data=str(tmp_path / "x.npy"), components=2, reg_covar=0.0)
    assert "raise reg_covar" in panel.messages.label.text()
    assert panel.last_snapshot is before  # the last good picture stays


def test_a_long_surface_reports_progress_and_a_new_start_stops_it(qtbot, panel):
    """seed-003 with n = 10⁶ held 3.9 GB in one 10-second tile, with no word and no way to
    stop it; now every tile reports, and a new start ends the old run at the next one."""
    import time

    with qtbot.waitSignal(panel.controller.progress, timeout=20000) as report:
        panel.set_params(n=10**6)
    assert report.args[0].what == "log-likelihood surface"
    assert "log-likelihood surface" in panel.pages.status_line.text()
    old = panel.controller.thread
    start = time.monotonic()
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000):
        panel.apply_preset("seed-003")
    assert old.isFinished() and not panel.controller.threads_ending
    assert time.monotonic() - start < 5


def test_a_long_run_keeps_every_number_but_few_snapshots_and_says_so(qtbot, panel, monkeypatch):
    """The history keeps a bounded number of snapshots (engine.history); looking back at a
    step that was thinned out shows the kept one before it and says so, and the bound plot
    still draws every half-step up to it from the history's traces."""
    monkeypatch.setattr("engine.history.DEFAULT_KEEP", 8)
    # No worker: a started one's first step could arrive after the headless run.
    panel.settings.choose(panel.config.replace(iterations=20), start=False)
    panel.run_headless(None)
    history = panel.history
    assert len(history) == 41 and history.kept <= 8 and history.stride > 1
    dropped = history.stride + 1
    with qtbot.waitSignal(panel.frame_drawn, timeout=5000):
        panel.history_bar.slider.setValue(dropped)
    assert panel.last_snapshot is history[history.stride]
    assert not panel.history_bar.note.isHidden() and f"step {history.stride}" in (
        panel.history_bar.note.text()
    )
    ell = panel.view.bound_plot.getPlotItem().listDataItems()[0]
    assert len(ell.xData) == history.stride + 1  # every half-step up to the one shown
    np.testing.assert_array_equal(ell.yData, history.trace("log_likelihood")[: history.stride + 1])


def test_seed_003s_table_1_shows_whole_as_the_seed_prints_it(qtbot, panel):
    """The seed-003-table preset: nine rows, iterations 0 to 4 and the maximum with ô, every
    row and every digit on screen (no row scrolled away, no cell cut to "-0....")."""
    panel.apply_preset("seed-003-table")
    run_to_end(qtbot, panel)
    table = panel.view.coins_table
    assert (table.rowCount(), table.columnCount()) == (9, 6)
    headers = [table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers[:5] == [f"Iter {t}" for t in range(5)] and "ô = 0.367" in headers[5]
    first_column = [table.item(r, 0).text() for r in range(9)]
    assert first_column[:3] == ["-0.65894", "-0.65757", "-0.65735"]
    assert {table.item(r, c).text() for r in range(9) for c in range(1, 6)} == {"-0.65734"}
    rows = sum(table.rowHeight(r) for r in range(9))
    assert table.viewport().height() >= rows  # every row shown
    metrics = table.fontMetrics()
    for c in range(6):
        widest = max(metrics.horizontalAdvance(table.item(r, c).text()) for r in range(9))
        assert table.columnWidth(c) >= widest  # no number cut short
