"""Helpers for the GUI tests: waiting for a panel's frames, and a view hosted without a panel
(fed snapshots by hand, as Orange tests its runners)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine import experiment as experiments
from engine.experiment import Run
from engine.history import History
from lvm_gui import theme as themes
from lvm_gui.panels import VIEWS


def wait_drawn(qtbot, panel, timeout: int = 10000):
    """Wait until every part of the panel's latest frame is on screen (a panel draws its parts
    one per turn of the event loop, after the snapshot arrives); return that snapshot."""
    while panel.pages.drawing:
        with qtbot.waitSignal(panel.frame_drawn, timeout=timeout):
            pass
    return panel.last_snapshot


def run_to_end(qtbot, panel, timeout: int = 30000):
    """Start the panel's run, play it to the end and wait for its last frame; return it."""
    with qtbot.waitSignal(panel.controller.finished, timeout=timeout):
        panel.restart()
        panel.controller.play()
    return wait_drawn(qtbot, panel)


def assert_plots_fit(panel, sizes=((1400, 860), (700, 420))) -> None:
    """At each size, no visible plot is laid out wider than its widget (a long title used to
    push a plot past the widget's right edge, cut off): small windows scroll instead."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    for size in sizes:
        panel.resize(*size)
        QApplication.sendPostedEvents()  # the layouts settle
        views = [v for v in panel.findChildren(pg.GraphicsView) if v.isVisible()]
        assert views
        for view in views:
            assert view.centralWidget.geometry().width() <= view.viewport().width() + 1


class Host(QObject):
    """What a view asks of its panel (lvm_gui.panels.view.ViewHost), and nothing more."""

    dataset_ready = Signal(object)

    def __init__(self, config) -> None:
        super().__init__()
        self.config = config
        self.theme = themes.LIGHT
        self.history = History()
        self.params: list[dict] = []
        self.messages: list[str] = []

    def set_params(self, **params) -> None:
        self.params.append(params)

    def show_message(self, text: str, level: str = "error") -> None:
        self.messages.append(text)

    def redraw(self) -> None:
        pass


def hosted(qtbot, name, preset=None, *, view_type=None, **params):
    """The view of experiment `name` (the panels' tables say which, unless `view_type` does)
    on a Host with the preset's config (and `params`), and a Run of that config to feed it
    (`steps`)."""
    view_type = view_type or VIEWS[name]
    experiment = experiments.get(name)
    config = experiment.config(preset, **{**view_type.forced_params, **params})
    host = Host(config)
    view = view_type(host)
    view.build_controls()
    qtbot.addWidget(view.page)
    view.page.resize(1200, 800)
    view.config_changed(config)
    experiments.prepare(config.experiment)
    return view, host, Run(config, experiment.generate)


def steps(view, host, run):
    """Every step of the run, each appended to the history and drawn whole as it comes, then
    the generator's result, drawn as the panel draws it (not a step of the history)."""
    while (snap := run.next_step()) is not None:
        host.history.append(snap)
        view.draw(snap)
        yield snap
    if run.result is not None and (not host.history or run.result is not host.history[-1]):
        view.draw(run.result)
        yield run.result
