"""The main window: tabs, menus, keys, status bar, settings, theme, closing during a run."""

from __future__ import annotations

import shlex

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

import engine
from engine.data.reference import recipe
from lvm_gui import cli, export
from lvm_gui import theme as themes
from lvm_gui.experiment_thread import LIVE_THREADS
from lvm_gui.main_window import MainWindow
from lvm_gui.panels import PANELS
from lvm_gui.panels.em import EMPanel
from lvm_gui.window_files import versions
from tests.faults import fsync_on_a_full_disk
from tests.gui.helpers import wait_drawn


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.data_panel.controller.state == "done", timeout=10000)
    yield window
    window.close()


def test_one_tab_per_working_panel(window):
    assert window.tabs.count() == len(PANELS)
    assert [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())] == [
        "Data",
        "EM",
        "Estimators",
        "ELBO & VI",
        "VAE",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Lessons", "&Help"]


def test_status_bar_shows_device_seed_and_state(window):
    assert window.device_label.text() in ("device: cpu",) or "cuda" in window.device_label.text()
    assert window.seed_label.text() == "seed 0"
    assert window.state_label.text() == "Data: done"


def test_a_hidden_tab_draws_its_newest_step_once_shown(qtbot, window):
    """Every panel runs its preset when the window opens, but only the shown tab draws: a hidden
    one keeps its newest snapshot and draws that when its tab is chosen."""
    vi = window.panels["vi"]
    qtbot.waitUntil(lambda: vi.last_snapshot is not None, timeout=10000)
    density = vi.view.density_plot.getPlotItem()
    assert vi.isHidden() and not vi.pages.drawing and not density.listDataItems()
    window.show_panel("vi")
    assert vi.isVisible()
    shown = wait_drawn(qtbot, vi)
    assert shown is vi.last_snapshot and density.listDataItems()
    assert vi.pages.status_line.text() == vi.view.status_text(shown)
    window.show_panel("data")  # hidden again: a new step waits, the one drawn stays
    with qtbot.waitSignal(vi.controller.snapshot_ready, timeout=10000):
        vi.controller.step()
    assert vi.isHidden() and not vi.pages.drawing and vi.last_snapshot.step == shown.step + 1
    vi.pages.finish()  # as before an export: the hidden tab's newest step is drawn
    assert vi.pages.status_line.text() == vi.view.status_text(vi.last_snapshot)


def test_about_lists_the_versions():
    found = versions()
    for key in ("Python", "torch", "Qt", "pyqtgraph"):
        assert found[key]


def test_space_steps_and_r_runs(qtbot, window):
    panel = window.data_panel
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setFocus()
    with qtbot.waitSignal(panel.controller.snapshot_ready):
        qtbot.keyClick(window.tabs, Qt.Key.Key_Space)
    assert panel.last_snapshot.step == 1  # finished runs start again from the first step
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        qtbot.keyClick(window.tabs, Qt.Key.Key_R)


def test_closing_during_a_run_joins_every_thread(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = window.data_panel
    panel.run_controls.delay_slider.setValue(1.0)
    panel.controller.start(panel.config, panel.experiment.generate)
    with qtbot.waitSignal(panel.controller.snapshot_ready):
        panel.controller.play()
    assert panel.controller.state == "running"
    window.close()
    assert not any(t.isRunning() for t in LIVE_THREADS)


def test_geometry_panel_and_theme_are_remembered(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 480)  # inside the offscreen screen (800 x 600)
    first.set_theme(themes.DARK)
    first.close()
    assert QSettings().value("panel") == "data"
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.theme is themes.DARK
    assert second.size().width() == 640
    second.close()


def test_dark_theme_recolours_the_plots(window):
    window.set_theme(themes.DARK)
    plot = window.data_panel.view.histogram_plot
    assert plot.backgroundBrush().color() == QColor(themes.DARK.background)
    window.set_theme(themes.LIGHT)
    assert plot.backgroundBrush().color() == QColor(themes.LIGHT.background)
    assert isinstance(plot, pg.PlotWidget)


def test_a_save_error_shows_in_the_panel(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "missing" / "d.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_data()
    assert "cannot write" in window.data_panel.messages.label.text()
    good = tmp_path / "d.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(good), ""))
    window.save_data()
    assert good.exists()


def test_open_data_loads_a_file_into_the_data_panel(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "mine.csv"
    path.write_text("a,b\n" + "\n".join(f"{i},{i * i}" for i in range(30)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(window.data_panel.controller.finished, timeout=10000):
        window.open_data()
    dataset = window.data_panel.dataset
    assert len(dataset) == 30 and dataset.columns == ("a", "b")


def test_the_window_holds_the_current_data_set(qtbot, window):
    assert len(window.dataset) == 100
    with qtbot.waitSignal(window.dataset_changed, timeout=10000) as blocker:
        window.data_panel.apply_preset("li-hang")
    assert blocker.args[0] is window.dataset and len(window.dataset) == 10


def test_a_worker_error_reaches_the_status_bar(qtbot, window):
    import dataclasses

    def broken(config):
        yield from ()
        raise ZeroDivisionError("division by zero in the engine")

    panel = window.data_panel
    good = panel.experiment
    panel.settings.experiment = dataclasses.replace(good, generate=broken)
    with qtbot.waitSignal(panel.controller.failed, timeout=5000):
        panel.restart()
    assert "ZeroDivisionError" in window.statusBar().currentMessage()
    assert window.state_label.text() == "Data: failed"
    panel.settings.experiment = good
    with qtbot.waitSignal(panel.controller.finished, timeout=10000):
        panel.settings.reset()
    assert window.statusBar().currentMessage() == ""


def test_file_export_writes_the_chosen_view(window, tmp_path):
    from PySide6.QtGui import QImage

    from lvm_gui.export_dialog import ExportDialog

    dialog = ExportDialog(window.data_panel, window)
    assert [dialog.target.itemData(i) for i in range(dialog.target.count())] == [
        "panel",
        "histogram",
    ]
    dialog.target.setCurrentIndex(1)
    dialog.width_box.setValue(900)
    target, width = dialog.choice()
    path = tmp_path / "hist.png"
    assert window.export_file(window.data_panel, target, path, width)
    image = QImage(str(path))
    assert image.width() == 900 and image.text("Panel") == "data"
    assert not window.export_file(window.data_panel, "panel", tmp_path / "no" / "x.png", 900)
    assert "does not exist" in window.data_panel.messages.label.text()


def test_file_export_writes_an_animation_of_the_run_and_a_vector_figure(qtbot, window, tmp_path):
    from PIL import Image

    panel = window.data_panel
    shown = wait_drawn(qtbot, panel)
    assert len(panel.history) >= 10 and shown is not None
    gif = tmp_path / "run.gif"
    assert window.export_file(panel, "histogram", gif, 300)
    frames = Image.open(gif).n_frames
    assert len(panel.history) - 1 <= frames <= len(panel.history) + 1
    assert panel.last_snapshot is shown  # the frame shown before the export is shown again
    svg = tmp_path / "figure.svg"
    assert window.export_file(panel, "panel", svg, 1600)
    assert b"<svg" in svg.read_bytes()[:400] and b"<text" in svg.read_bytes()


def disk_full(*_args):
    import errno
    import os

    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_failed_export_or_save_keeps_the_earlier_file_and_says_so(window, tmp_path, monkeypatch):
    import os

    from engine import atomic
    from engine.data import files

    png, npz = tmp_path / "slide.png", tmp_path / "data.npz"
    assert window.export_file(window.data_panel, "panel", png, 900)
    files.save_npz(window.data_panel.dataset, npz)
    before = png.read_bytes(), npz.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", disk_full)  # the disk fills as the file is done
    assert not window.export_file(window.data_panel, "panel", png, 1200)
    message = window.data_panel.messages.label.text()
    assert "No space left on device" in message and "unchanged" in message
    monkeypatch.setattr(
        "lvm_gui.window_files.QFileDialog.getSaveFileName", lambda *a, **k: (str(npz), "")
    )
    window.save_data()
    assert "No space left on device" in window.data_panel.messages.label.text()
    assert (png.read_bytes(), npz.read_bytes()) == before
    assert sorted(os.listdir(tmp_path)) == ["data.npz", "slide.png"]


def test_em_runs_on_the_data_panels_data(qtbot, window):
    em = window.panels["em"]
    assert em.view.use_data_button.isEnabled()  # the Data panel published its sample at start
    window.show_panel("em")
    with qtbot.waitSignal(em.controller.snapshot_ready, timeout=10000):
        em.view.use_data_button.click()
    assert em.config.data is not None and em.last_snapshot.points.shape == (100,)
    assert np.array_equal(em.last_snapshot.points, window.dataset.x[:, 0])
    # Named by its recipe, not by a private file: the exported picture's command line gives
    # the same config, and so the same data, in a fresh process.
    assert em.config.data == recipe(window.data_panel.config)
    command = shlex.split(export.figure_text(em, "surface")["Command"])
    assert command[:3] == ["lvm-gui", "export", "em"] and command[-2:] == ["--out", "figure.png"]
    args = cli.build_parser().parse_args(command[1:])
    experiment = engine.get(EMPanel.experiment_of(args.preset))
    again = cli.make_config(experiment, args.preset, cli.parse_sets(args.set))
    assert em.settings.forced(again) == em.config and args.target == "surface"
    with qtbot.waitSignal(window.dataset_changed, timeout=10000):
        window.data_panel.apply_preset("gmm2d")
    em.view.use_data_button.click()
    assert "2-D; the two-means model is 1-D" in em.messages.label.text()
    em.apply_preset("faithful-k2")
    with qtbot.waitSignal(em.controller.snapshot_ready, timeout=10000):
        em.view.use_data_button.click()
    assert em.last_snapshot.points.shape == (500, 2)


def test_presentation_mode_enlarges_fonts_and_lines(window):
    from PySide6.QtWidgets import QApplication

    base = QApplication.font().pointSizeF()
    window.presentation_action.setChecked(True)  # scaled by the screen's height
    assert 1.2 * base <= QApplication.font().pointSizeF() <= 1.8 * base
    window.set_presentation(True, screen_height=720)  # a 720-line projector: the least
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.2)
    assert themes.pen("#000000", 2.0).widthF() == pytest.approx(2.4)
    window.set_presentation(True, screen_height=1080)  # a 1080-line projector: the most
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.8)
    assert themes.pen("#000000", 2.0).widthF() == pytest.approx(3.6)
    window.presentation_action.setChecked(False)
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert themes.pen("#000000", 2.0).widthF() == pytest.approx(2.0)


def test_a_failed_weights_save_keeps_the_trained_model_to_save_elsewhere(
    qtbot, window, tmp_path, monkeypatch
):
    """A save on a full disk: the panel says so in one line, the run ends done with its
    model, and File > Save model… writes it elsewhere."""
    import os

    vae = window.panels["vae"]
    window.show_panel("vae")
    vae.apply_preset("digits-vae")
    full, elsewhere = tmp_path / "full" / "w.pt", tmp_path / "w.pt"
    full.parent.mkdir()
    monkeypatch.setattr("engine.atomic.os.fsync", fsync_on_a_full_disk)
    with qtbot.waitSignal(vae.controller.finished, timeout=60000):
        vae.set_params(epochs=1, iwae_k=10, save=str(full))
        vae.controller.play()
    wait_drawn(qtbot, vae)
    assert vae.controller.state == "done" and vae.last_snapshot.model is not None
    kind, message = vae.messages.last
    assert kind == "error" and "No space left on device" in message and "\n" not in message
    assert "Save model" in message and os.listdir(full.parent) == []
    monkeypatch.undo()
    assert list(vae.models_to_save()) == ["VAE"]
    monkeypatch.setattr(
        "lvm_gui.window_files.QFileDialog.getSaveFileName", lambda *a, **k: (str(elsewhere), "")
    )
    window.save_model_dialog()
    assert vae.messages.last == ("note", f"the VAE's weights are saved to {elsewhere}")
    again = engine.get("vae").config(epochs=0, iwae_k=10, load=str(elsewhere))
    run = engine.Run(again, engine.get("vae").generate)
    list(run.until(None))
    assert run.result.test_elbo == vae.last_snapshot.test_elbo  # the same model, read back


def test_save_model_says_when_there_is_nothing_to_save(window):
    window.show_panel("em")
    window.save_model_dialog()
    assert window.panels["em"].messages.last[0] == "error"
    assert "no trained model to save here" in window.panels["em"].messages.last[1]


def test_the_panel_in_view_computes_alone_until_it_has_drawn(qtbot):
    """The window opens on a panel that computes for a second or more (the VAE's verdict): the
    other panels wait for its first frame, then all start; choosing one starts them at once."""
    window = MainWindow(panel="vae")
    qtbot.addWidget(window)
    vae = window.panels["vae"]
    others = [panel for name, panel in window.panels.items() if name != "vae"]
    assert vae.controller.state != "idle"
    assert all(panel.controller.state == "idle" for panel in others)
    window.show()
    with qtbot.waitSignal(vae.frame_drawn, timeout=30000):
        pass
    qtbot.waitUntil(lambda: all(p.controller.state != "idle" for p in others), timeout=10000)
    window.close()
    chosen = MainWindow(panel="vae")
    qtbot.addWidget(chosen)
    waiting = [panel for name, panel in chosen.panels.items() if name != "vae"]
    chosen.show_panel("em")  # before the VAE's first frame
    qtbot.waitUntil(lambda: all(p.controller.state != "idle" for p in waiting), timeout=10000)
    chosen.close()
