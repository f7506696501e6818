"""What a reader sees: full pictures, legends where nothing is drawn, readable ticks and
labels, and series that say why they are not drawn (issue 9, part 6)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from lvm_gui.itempool import ItemPool
from lvm_gui.panels.em import EMPanel
from lvm_gui.panels.estimators import EstimatorsPanel
from lvm_gui.panels.estimators.series import unseen_note
from lvm_gui.plots import SparseLogAxis
from tests.gui.helpers import wait_drawn


def test_log_axes_across_less_than_a_decade_label_only_a_few_ticks(qapp):
    axis = SparseLogAxis("left")
    axis.setLogMode(True)
    minor = list(np.log10(np.arange(1, 10) / 10))  # 0.1, 0.2, ... 0.9: one decade
    strings = axis.logTickStrings(minor, 1.0, None)
    assert [s for s in strings if s] == ["0.1", "0.2", "0.5"]
    assert len(strings) == len(minor)  # the other ticks stay, unlabelled
    few = list(np.log10([0.2, 0.3]))
    assert axis.logTickStrings(few, 1.0, None) == ["0.2", "0.3"]


def test_a_legend_goes_to_the_corner_where_nothing_is_drawn(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(500, 400)
    plot.show()
    item = plot.getPlotItem()
    pool = ItemPool(item)  # top right by default
    pool.begin()
    x = np.linspace(0, 1, 200)
    pool.label(pool.plot(x, x**4), "a curve that fills the top right")  # rises at the right
    pool.label(pool.plot([0, 1], [0.5, 0.5]), "a level")
    pool.end()
    item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    pool.place_legend()
    assert item.legend.opts["offset"] == (10, 10)  # top left: nothing drawn there
    assert pool.points_under_legend() == 0


def test_a_legend_that_would_hide_data_in_every_corner_goes_below_the_plot(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(500, 400)
    plot.show()
    item = plot.getPlotItem()
    pool = ItemPool(item)
    pool.begin()
    grid = np.linspace(0, 1, 40)
    x, y = (v.ravel() for v in np.meshgrid(grid, grid))
    pool.label(pool.scatter(x, y), "points everywhere")
    pool.end()
    item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    assert pool.points_under_legend() > 0  # where it was put first
    pool.place_legend()
    assert item.legend.parentItem() is not item.getViewBox()
    assert [label.text for _, label in item.legend.items] == ["points everywhere"]
    assert pool.points_under_legend() == 0
    pool.begin()  # the next frame keeps it there, filled anew
    pool.label(pool.scatter(x, y), "points everywhere, again")
    pool.end()
    pool.place_legend()
    assert [label.text for _, label in item.legend.items] == ["points everywhere, again"]
    assert item.legend.parentItem() is not item.getViewBox()


def steps(qtbot, panel, count):
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000):
        panel.restart()  # and its first step
    for _ in range(count):
        with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000):
            panel.controller.step()
        wait_drawn(qtbot, panel)


@pytest.fixture
def em(qtbot):
    panel = EMPanel()
    qtbot.addWidget(panel)
    panel.resize(1400, 860)
    panel.show()
    yield panel
    assert panel.shutdown()


def test_the_surface_fills_its_view_and_the_labels_are_plain_text(qtbot, em):
    steps(qtbot, em, 4)
    snap = em.last_snapshot
    view = em.view.surface_plot.getPlotItem().getViewBox()
    assert view.state["aspectLocked"] == 1  # equal aspect: the surrogates' ellipses are true
    # The plot's cell is cut to the surface's shape: the view shows the surface with at most
    # a sliver to spare on either axis.
    (x0, x1), (y0, y1) = view.viewRange()
    (a0, a1), (b0, b1) = (snap.mu1_axis[[0, -1]], snap.mu2_axis[[0, -1]])
    assert x0 <= a0 and a1 <= x1 and y0 <= b0 and b1 <= y1
    assert (x1 - x0) / (a1 - a0) < 1.03 and (y1 - y0) / (b1 - b0) < 1.03
    # The legend lies below the plot, outside the view (every part of the view is surface).
    assert em.view.surface_plot.legend.parentItem() is not view
    texts = [label.text for _, label in em.view.slice_plot.getPlotItem().legend.items]
    assert "max B: θₜ₊₁" in texts and not any("_{" in t for t in texts)
    assert "_{" not in em.pages.status_line.text() and "θₜ" in em.pages.status_line.text()


def test_a_closed_gap_still_shows_its_value(qtbot, em):
    steps(qtbot, em, 5)  # start, then E, M, E, M, E: the E step closes the gap
    texts = [label.text for _, label in em.view.bound_plot.getPlotItem().legend.items]
    (gap,) = [t for t in texts if t.startswith("KL")]
    assert em.last_snapshot.phase == "E" and em.last_snapshot.kl < 1e-4
    assert gap == "KL gap: closed (under 10⁻⁴)"


def test_a_mean_of_logs_says_why_it_is_not_drawn():
    ks = np.array([1.0, 2, 3, 4])
    assert unseen_note(ks, np.array([-np.inf, -np.inf, -3.0, -2.0]), -5.0) == (
        " (−∞ until k = 3: a chain had no hit)"
    )
    assert unseen_note(ks, np.array([-np.inf] * 4), -5.0) == ": −∞ (a chain has no hit yet)"
    assert unseen_note(ks, np.array([-20.0, -9.0, -3.0, -2.0]), -5.0) == (
        " (below the axis until k = 3)"
    )
    assert unseen_note(ks, np.array([-4.0, -3.0, -3.0, -2.0]), -5.0) == ""


def test_the_chains_legend_lies_below_the_chains(qtbot):
    panel = EstimatorsPanel()
    qtbot.addWidget(panel)
    panel.resize(1400, 860)
    panel.show()
    with qtbot.waitSignal(panel.controller.snapshot_ready, timeout=10000):
        panel.restart()
    wait_drawn(qtbot, panel)
    item = panel.view.estimates_plot.getPlotItem()
    assert item.legend.parentItem() is not item.getViewBox()
    assert item.legend.sceneBoundingRect().top() >= item.getViewBox().sceneBoundingRect().bottom()
    assert panel.shutdown()


def test_the_surface_stays_large_through_resizes(qtbot, em):
    """Cut to the surface's shape, the plot's cell must not shrink step by step as the window
    is resized (a trim that followed each layout once ratcheted it down to a corner)."""
    from PySide6.QtWidgets import QApplication

    steps(qtbot, em, 2)
    surface = em.view.surface_plot
    view = surface.getPlotItem().getViewBox()
    for size in [(1600, 1000), (1280, 720), (1920, 1080), (1400, 860), (1600, 1000)]:
        em.resize(*size)
        for _ in range(5):
            QApplication.processEvents()
        shown = view.width() * view.height()
        assert shown >= 0.3 * surface.width() * surface.height(), size
        assert abs(view.width() / view.height() - 1.0) < 0.03, size  # the square surface
