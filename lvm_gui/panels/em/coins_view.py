"""Three coins: seed 003's table, the parameters per start, the ridge of fixed points."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from engine.data.dataset import Dataset
from engine.em.coins import CoinsSnapshot
from engine.geometry.em import ridge_projection
from lvm_gui import i18n
from lvm_gui import theme as themes
from lvm_gui.flowing_page import TopicPages
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate
from lvm_gui.panels.em.bound_plot import draw_bound_history
from lvm_gui.panels.em.use_data import LearnsFromData
from lvm_gui.plots import make_plot

MAX_TOSSES_PASSED = 100_000
TABLE_ROWS_SHOWN = 12  # more starts scroll
COLUMNS_FITTED = 60  # wider tables are sized once, not at every change
CLOUD_DRAWN = 5_000  # points of the fixed-point cloud drawn (the first ones: a random subset)


class CoinsView(LearnsFromData):
    def build(self) -> QWidget:
        self.coins_table = QTableWidget()
        i18n.show(
            self.coins_table,
            QTableWidget.setToolTip,
            lambda: translate(
                "CoinsView",
                "Mean log-likelihood per toss, by start and iteration (seed 003's table 1)",
            ),
        )
        self.coins_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.coins_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._table_shape: tuple | None = None
        self._table_filled = 0
        self.trace_plots = [
            make_plot("", QT_TRANSLATE_NOOP("CoinsView", "iteration"), label)
            for label in ("p_A", "p_B", "p_C")
        ]
        i18n.show(
            self.trace_plots[0].getPlotItem(),
            pg.PlotItem.setTitle,
            lambda: translate("CoinsView", "parameters per start"),
        )
        for plot in self.trace_plots[1:]:
            plot.setXLink(self.trace_plots[0])
        self._trace_width: int | None = None
        self.ridge_plot = make_plot(
            QT_TRANSLATE_NOOP("CoinsView", "fixed points lie on the ridge u + v = ô"),
            QT_TRANSLATE_NOOP("CoinsView", "u = p_A p_B  (heads via coin B)"),
            "v = (1 − p_A) p_C",
        )
        self._cloud = pg.ScatterPlotItem()
        self._cloud.setZValue(-1)
        self.ridge_plot.getPlotItem().addItem(self._cloud)
        self.coins_bound_plot = make_plot(
            "log p(x) = ELBO + KL",
            QT_TRANSLATE_NOOP("CoinsView", "iteration t"),
            QT_TRANSLATE_NOOP("CoinsView", "per-toss value"),
        )
        # The table and the ridge, the seed's exhibits, on one page; the traces on another:
        # on one page a projector's 720 lines left each plot too little height to read.
        return TopicPages(
            {
                QT_TRANSLATE_NOOP("CoinsView", "table and ridge"): [
                    [(self.coins_table, 2)],
                    [(self.ridge_plot, 1), (self.coins_bound_plot, 1)],
                ],
                QT_TRANSLATE_NOOP("CoinsView", "parameters per start"): [
                    [(plot, 1)] for plot in self.trace_plots
                ],
            },
            plot_height=200,
            floor=120,
        )

    def plots(self) -> dict[str, QWidget]:
        return {
            "table": self.coins_table,
            "traces": self.trace_plots[0].parentWidget(),
            "ridge": self.ridge_plot,
            "bound": self.coins_bound_plot,
        }

    def what_you_see(self) -> str:
        return COINS_TEXT.translated()

    def language_changed(self) -> None:
        self._table_shape = None  # its headers are set when its shape changes

    def use_dataset(self, dataset: Dataset) -> None:
        if not dataset.is_coins:
            self.refuse(translate("CoinsView", "the Data panel holds points, not coin tosses"))
            return
        if len(dataset) > MAX_TOSSES_PASSED:
            self.refuse(
                translate(
                    "CoinsView", "{tosses:,} tosses; at most {most:,} are passed to the coins model"
                ).format(tosses=len(dataset), most=MAX_TOSSES_PASSED)
            )
            return
        self.panel.set_params(observations=tuple(int(v) for v in dataset.x[:, 0]))

    # --- drawing ----------------------------------------------------------------------------
    def draw_parts(self, snap: CoinsSnapshot):
        # Every start's θ, ℓ̄, ELBO and drops at every step up to `snap`: (t + 1, S, ...).
        run = self.history.traces_to(snap, "theta", "log_likelihood", "elbo", "decreased_runs")
        if run["elbo"].ndim == 1:  # no bound before the first iteration: NaN for every start
            run["elbo"] = np.full_like(run["log_likelihood"], np.nan)
        parts = [("table", lambda: self._fill_table(snap, run))]
        parts += [
            (f"trace {p}", lambda p=p: self._draw_trace(run, p))
            for p in range(len(self.trace_plots))
        ]
        return [
            *parts,
            ("cloud", lambda: self._draw_cloud(snap)),
            ("ridge", lambda: self._draw_ridge(snap, run)),
            ("coins bound", lambda: self._draw_coins_bound(run)),
        ]

    def _draw_trace(self, run: dict[str, np.ndarray], p: int) -> None:
        """p_A, p_B or p_C (p = 0, 1, 2) per start along the run."""
        history = run["theta"]  # (t + 1, S, 3)
        steps = np.arange(history.shape[0])
        item = self.trace_plots[p].getPlotItem()
        pool = self.pool(item)
        for s in range(history.shape[1]):
            pool.plot(
                steps,
                history[:, s, p],
                pen=themes.pen(themes.component_colour(s), 2),
                symbol="o",
                symbolSize=5,
                symbolBrush=pg.mkBrush(themes.component_colour(s)),
            )
        pool.end()
        # The whole run's width from the start (up to 100 iterations): the three plots are
        # linked in x, and a range that grew with the run would repaint all three every frame.
        width = max(min(self.config.iterations, 100), history.shape[0] - 1)
        if self._trace_width != width:  # unchanged, it would still repaint
            item.setXRange(0, width, padding=0.02)  # all three linked plots
            item.setYRange(0, 1, padding=0.02)
            self._trace_width = width

    def _draw_coins_bound(self, run: dict[str, np.ndarray]) -> None:
        # The bound of the start furthest below the maximum: after the M step the gap is exactly
        # zero (the posterior has not moved), the reason EM converges in one step here.
        worst = int(np.argmin(run["log_likelihood"][0]))
        a, b, c = run["theta"][0, worst]
        item = self.coins_bound_plot.getPlotItem()
        title = translate("CoinsView", "log p(x) = ELBO + KL, start ({a:.2f}, {b:.2f}, {c:.2f})")
        self.set_title(item, title.format(a=a, b=b, c=c))
        draw_bound_history(
            self,
            item,
            run["log_likelihood"][:, worst],
            run["elbo"][:, worst],
            run["decreased_runs"][:, worst] > 0,
        )

    def _fill_table(self, snap: CoinsSnapshot, run: dict[str, np.ndarray]) -> None:
        """Seed 003's table. Headers and column widths change only with the table's shape:
        Qt measures every cell to size a column, too slow to do at every frame."""
        table = self.coins_table
        lls = run["log_likelihood"]  # (t + 1, S)
        starts = run["theta"][0]
        columns = lls.shape[0]
        # Every iteration of the run has its column from the start, filled as it arrives.
        total = max(columns, self.config.iterations + 1)
        shape = (lls.shape[1], total, tuple(starts.ravel()))
        # Looking back in the history shows fewer iterations: start the table afresh.
        reshaped = shape != self._table_shape or columns < self._table_filled
        self._table_filled = columns
        if reshaped:
            table.setUpdatesEnabled(False)
            table.clear()
            table.setRowCount(lls.shape[1])
            table.setColumnCount(total + 1)
            table.setHorizontalHeaderLabels(
                [translate("CoinsView", "Iter {t}").format(t=t) for t in range(total)]
                + [translate("CoinsView", "max ℓ̄ (ô = {o:.3f})").format(o=snap.o_hat)]
            )
            table.horizontalHeaderItem(total).setToolTip(
                translate(
                    "CoinsView",
                    "ô log ô + (1 − ô) log(1 − ô), the largest mean log-likelihood, with ô the "
                    "fraction of heads",
                )
            )
            table.setVerticalHeaderLabels([f"({a:.2f}, {b:.2f}, {c:.2f})" for a, b, c in starts])
            for s in range(lls.shape[1]):
                header = table.verticalHeaderItem(s)
                if header is not None:
                    header.setForeground(themes.as_text(themes.component_colour(s)))
        for s in range(lls.shape[1]):
            for t in range(columns):
                if not reshaped and table.item(s, t) is not None:
                    continue  # an iteration's values never change once shown
                cell = QTableWidgetItem(f"{lls[t, s]:.5f}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if abs(lls[t, s] - snap.best) < 5e-6:
                    cell.setForeground(QColor(themes.GREEN))
                table.setItem(s, t, cell)
            if reshaped:
                best = QTableWidgetItem(f"{snap.best:.5f}")
                best.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(s, total, best)
        if reshaped:
            # Seed 003's table fits whole: every column as wide as its numbers (at any font
            # size, presentation mode's too), every row shown up to TABLE_ROWS_SHOWN. A long
            # run's hundreds of columns are sized once, here (Qt measures every cell).
            fits = total + 1 <= COLUMNS_FITTED
            mode = (
                QHeaderView.ResizeMode.ResizeToContents
                if fits
                else QHeaderView.ResizeMode.Interactive
            )
            table.horizontalHeader().setSectionResizeMode(mode)
            rows = (
                QHeaderView.ResizeMode.ResizeToContents
                if lls.shape[1] <= TABLE_ROWS_SHOWN
                else mode
            )
            table.verticalHeader().setSectionResizeMode(rows)
            if not fits:
                table.resizeColumnsToContents()
            table.setUpdatesEnabled(True)
            self._fit_table_height(lls.shape[1])
            self._table_shape = shape

    def _fit_table_height(self, rows: int) -> None:
        table = self.coins_table
        shown = min(rows, TABLE_ROWS_SHOWN)
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(shown))
        if table.horizontalScrollBar().isVisible() or table.columnCount() > COLUMNS_FITTED:
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height + 2)

    def _draw_cloud(self, snap: CoinsSnapshot) -> None:
        """The random starts after t iterations (CLOUD_DRAWN of them), in their own item and
        part of the frame: thousands of points take longer to set than the rest of the ridge."""
        if snap.cloud is None:
            if self._cloud.isVisible():
                self._cloud.setData(x=[], y=[])
                self._cloud.setVisible(False)
            return
        u, v = ridge_projection(snap.cloud[:CLOUD_DRAWN])
        self._cloud.setData(
            x=u,
            y=v,
            size=5 * themes.SCALE["factor"],
            pen=None,
            brush=themes.with_alpha(themes.SKY, 170),
        )
        self._cloud.setVisible(True)

    def _draw_ridge(self, snap: CoinsSnapshot, run: dict[str, np.ndarray]) -> None:
        item = self.ridge_plot.getPlotItem()
        pool = self.pool(item)
        o = snap.o_hat
        ridge = pool.plot([0, o], [o, 0], pen=themes.pen(self.theme.ink, 2.5))
        ridge.setZValue(-2)  # under the cloud, which collapses onto it after one iteration
        pool.label(ridge, translate("CoinsView", "ridge, ô = {o:.4f}").format(o=o))
        if snap.cloud is not None:
            total = len(snap.cloud)
            cloud = (
                translate("CoinsView", "{total:,} random starts ({drawn:,} drawn)")
                if total > CLOUD_DRAWN
                else translate("CoinsView", "{total:,} random starts")
            )
            pool.label(self._cloud, cloud.format(total=total, drawn=CLOUD_DRAWN))
        history = run["theta"]
        u, v = ridge_projection(history)  # (t + 1, S) each
        colours = [themes.component_colour(s) for s in range(history.shape[1])]
        for s, colour in enumerate(colours):
            pool.plot(u[:, s], v[:, s], pen=themes.pen(colour, 1.5, dashed=True))
        # All starts in one item and all ends in another: two items, not one per start.
        # Hollow starts, on a light theme in each colour darkened as text is (a yellow ring
        # vanished on white).
        light = self.theme.name == "light"
        rings = [pg.mkPen(themes.as_text(c) if light else c, width=2) for c in colours]
        pool.scatter(u[0], v[0], size=10, pen=rings, brush=None)
        pool.scatter(
            u[-1], v[-1], size=9, brush=[pg.mkBrush(c) for c in colours], pen=pg.mkPen("k")
        )
        pool.end()
        # Fit the starts and the ridge; u + v = P(heads) ≤ 1 keeps everything in the triangle.
        # Not aspect-locked: in a wide cell that left half the plot empty.
        reach = 1.08 * max(o, float(u.max()), float(v.max()), 0.05)
        item.setXRange(0, reach, padding=0.02)
        item.setYRange(0, reach, padding=0.02)

    def status_text(self, snap: CoinsSnapshot) -> str:
        spread = float(np.abs(snap.log_likelihood - snap.best).max())
        parts = [
            translate(
                "CoinsView",
                "iteration {t} · ô = {o:.6g} ({heads} heads of {n}) · max ℓ̄ = ô log ô + "
                "(1 − ô) log(1 − ô) = {best:.6g} · largest gap to it {spread:.2g} · largest "
                "distance from the ridge {ridge:.2g}",
            ).format(
                t=snap.step,
                o=snap.o_hat,
                heads=snap.heads,
                n=snap.n,
                best=snap.best,
                spread=spread,
                ridge=float(np.abs(snap.ridge).max()),
            )
        ]
        if snap.kl is not None:
            parts.append(
                translate("CoinsView", "KL after the M step ≤ {kl:.2g}").format(
                    kl=float(snap.kl.max())
                )
            )
        if snap.decreased:
            parts.append(translate("CoinsView", "ℓ DECREASED: a bug"))
        parts.append(translate("View", "seed {seed}").format(seed=self.config.seed))
        return " · ".join(parts)


COINS_TEXT = QT_TRANSLATE_NOOP(
    "CoinsView",
    "<p><b>Three coins</b>: only the second toss is seen, and ℓ̄ depends on (p<sub>A</sub>, "
    "p<sub>B</sub>, p<sub>C</sub>) only through P(heads) = p<sub>A</sub>p<sub>B</sub> + "
    "(1 − p<sub>A</sub>)p<sub>C</sub>. Its maximum, ô log ô + (1 − ô) log(1 − ô) with ô the "
    "fraction of heads, is reached on a whole surface of θ (the ridge): the model is not "
    "identifiable.</p>"
    "<p>One EM step already sets P(heads) = ô from any start (seed 003 §2.4), so every row of "
    "the table reaches the maximum at iteration 1, yet the starts end at different θ. In the "
    "projection (p<sub>A</sub>p<sub>B</sub>, (1 − p<sub>A</sub>)p<sub>C</sub>) the ridge is "
    "the line u + v = ô; hollow circles are starts, filled ones where EM stopped, and the "
    "cloud of random starts collapses onto the line after one iteration.</p>",
)
