"""The main window: one tab per panel, menus, shortcuts, status bar, remembered geometry."""

from __future__ import annotations

import platform
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

import engine
from engine import device as devices
from engine.atomic import WriteError
from engine.data import files
from engine.lessons.schema import Lesson
from lvm_gui import animation, export, i18n, lesson_menu, menus
from lvm_gui import theme as themes
from lvm_gui.export_dialog import ExportDialog
from lvm_gui.formats import ANIMATION_SUFFIXES
from lvm_gui.i18n import translate
from lvm_gui.panels import PANELS, DataPanel, ExperimentPanel

SETTINGS_VERSION = 1
# File > Export's formats, by suffix: figures of the frame shown, then animations of the run.
EXPORT_FILTERS = {
    ".png": "PNG image (*.png)",
    ".svg": "SVG, vector (*.svg)",
    ".pdf": "PDF, vector (*.pdf)",
    ".gif": "GIF animation of the run (*.gif)",
    ".mp4": "MP4 video of the run (*.mp4)",
    ".csv": "CSV, a table's numbers (*.csv)",
    ".tex": "LaTeX tabular, a table's numbers (*.tex)",
}


def versions() -> dict[str, str]:
    import torch

    return {
        "LVM Lab": engine.__version__,
        "Python": platform.python_version(),
        "torch": torch.__version__,
        "Qt": PySide6.QtCore.qVersion(),
        "PySide6": PySide6.__version__,
        "pyqtgraph": pg.__version__,
        "numpy": np.__version__,
    }


class MainWindow(QMainWindow):
    # The data set the Data panel last completed: what the other panels learn from.
    dataset_changed = Signal(object)

    def __init__(
        self, panel: str | None = None, preset: str | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self._geometry_before: QByteArray | None = None  # the window's, before presentation
        self.setWindowTitle("LVM Lab")
        self.settings = settings or QSettings()
        self.theme = themes.THEMES.get(str(self.settings.value("theme", "light")), themes.LIGHT)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._base_font_points = QApplication.font().pointSizeF()
        self.panels: dict[str, ExperimentPanel] = {}
        self.lesson_pane = None  # lvm_gui.lesson_pane.LessonPane, made when a lesson opens
        for name, panel_type in PANELS.items():
            chosen = preset if name == panel else None
            widget = panel_type(preset=chosen)
            widget.status_changed.connect(self._update_status)
            self.panels[name] = widget
            menus.name_tab(self.tabs, self.tabs.addTab(widget, ""), name)
        self.tabs.currentChanged.connect(self._update_status)
        self.dataset = None
        self.data_panel.dataset_ready.connect(self._on_dataset)
        menus.build(self)
        self._build_shortcuts()
        self._build_status_bar()
        self._restore(panel)
        for widget in self.panels.values():
            widget.set_theme(self.theme)
        # The panel in view starts alone and has the machine to itself until it has drawn its
        # first frame (or failed): the others start then, or when one of them is chosen.
        shown = self.current_panel
        self._waiting = [widget for widget in self.panels.values() if widget is not shown]
        shown.restart()
        if shown.controller.state in ("stepping", "running"):
            shown.frame_drawn.connect(self._start_waiting)
            shown.controller.failed.connect(self._start_waiting)
            self.tabs.currentChanged.connect(self._start_waiting)
        else:
            self._start_waiting()

    def _start_waiting(self, *_args) -> None:
        if self._waiting:  # after the frame's paint events: it shows before they start
            QTimer.singleShot(0, self, self._start_waiting_now)

    def skip_start(self, panel: ExperimentPanel) -> None:
        """Leave `panel` to whoever drives it now (a lesson's step that waits for a prediction:
        its preset's run would show the answer)."""
        if panel in self._waiting:
            self._waiting.remove(panel)

    def _start_waiting_now(self) -> None:
        waiting, self._waiting = self._waiting, []
        for widget in waiting:
            if widget.controller.state == "idle":  # not started meanwhile (a lesson's step)
                widget.restart()

    # --- building ---------------------------------------------------------------------------
    def open_lesson(self, lesson: Lesson | str | Path, resume: bool = True) -> None:
        lesson_menu.open_lesson(self, lesson, resume)

    def _build_shortcuts(self) -> None:
        keys = (
            ("Space", lambda panel: panel.controller.step()),
            ("R", lambda panel: panel.controller.toggle()),
            ("Esc", lambda panel: panel.controller.cancel()),
            ("Left", lambda panel: panel.history_bar.back()),
            ("Right", lambda panel: panel.history_bar.forward()),
        )
        for key, command in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda c=command: c(self.current_panel))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.state_label, self.seed_label, self.device_label = QLabel(), QLabel(), QLabel()
        device = devices.describe("auto")
        i18n.show(self.device_label, QLabel.setText, lambda: menus.status_words("device", device))
        i18n.show(
            self.device_label,
            QLabel.setToolTip,
            lambda: translate(
                "Window", "torch device chosen by engine.device (auto: CUDA when present, else CPU)"
            ),
        )
        for label in (self.state_label, self.seed_label, self.device_label):
            bar.addPermanentWidget(label)
        i18n.show(self.state_label, QLabel.setText, self._state_text)
        i18n.show(self.seed_label, QLabel.setText, self._seed_text)
        self._update_status()

    # --- state ------------------------------------------------------------------------------
    @property
    def current_panel(self) -> ExperimentPanel:
        return self.tabs.currentWidget()

    @property
    def data_panel(self) -> DataPanel:
        return self.panels["data"]

    def _state_text(self) -> str:
        panel = self.current_panel
        return "" if panel is None else menus.state_words(panel.name, panel.controller.state)

    def _seed_text(self) -> str:
        panel = self.current_panel
        return "" if panel is None else menus.status_words("seed", str(panel.config.seed))

    def _update_status(self, *_args) -> None:
        panel = self.current_panel
        if panel is None:
            return
        self.state_label.setText(self._state_text())
        self.seed_label.setText(self._seed_text())
        message = panel.messages.last
        if message is not None and message[0] in ("error", "warning"):
            self.statusBar().showMessage(f"{message[0].capitalize()}: {message[1]}")
        else:
            self.statusBar().clearMessage()

    def _on_dataset(self, dataset) -> None:
        self.dataset = dataset
        self.dataset_changed.emit(dataset)
        for panel in self.panels.values():
            panel.set_available_dataset(dataset)

    def show_panel(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.panels[name])

    def set_presentation(self, on: bool, screen_height: int | None = None) -> None:
        """For a projector: full screen, the plots alone (the controls hidden; the keys step,
        run, cancel and look back as ever), fonts and lines scaled to the screen's height
        (by default this window's screen's)."""
        themes.set_presentation(on, screen_height or self.screen().geometry().height())
        font = QApplication.font()
        font.setPointSizeF(self._base_font_points * (themes.SCALE["factor"]))
        QApplication.setFont(font)
        for panel in self.panels.values():
            panel.show_controls(not on)
            panel.set_theme(self.theme)
        if on and not self.isFullScreen():
            self._geometry_before = self.saveGeometry()
            self.showFullScreen()
            self.statusBar().showMessage(
                "Presentation: Space step · R run or pause · Esc cancel · ← → history · F5 back"
            )
        elif not on and self.isFullScreen():
            self.showNormal()
            if self._geometry_before is not None:
                self.restoreGeometry(self._geometry_before)
            self.statusBar().clearMessage()

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        self.settings.setValue("theme", theme.name)
        for panel in self.panels.values():
            panel.set_theme(theme)

    def _restore(self, panel: str | None) -> None:
        if int(self.settings.value("version", SETTINGS_VERSION)) == SETTINGS_VERSION:
            geometry = self.settings.value("geometry")
            if isinstance(geometry, QByteArray | bytes) and geometry:
                self.restoreGeometry(geometry)
            else:
                self._default_size()
        else:
            self._default_size()
        last = panel or str(self.settings.value("panel", ""))
        if last in self.panels:
            self.show_panel(last)

    def _default_size(self) -> None:
        """1400 × 860, or nine tenths of a smaller screen (the pages scroll below their size)."""
        screen = self.screen().availableGeometry()
        self.resize(min(1400, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("version", SETTINGS_VERSION)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("panel", self.current_panel.name)
        self.shutdown_panels()
        super().closeEvent(event)

    def shutdown_panels(self) -> None:
        """Cancel and join every panel's worker (and start none that waited)."""
        self._waiting = []
        for panel in self.panels.values():
            panel.shutdown()

    # --- menu actions -----------------------------------------------------------------------
    def open_data(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open data", "", "Data (*.csv *.txt *.tsv *.npz *.npy);;All files (*)"
        )
        if path:
            self.show_panel("data")
            self.data_panel.set_params(kind="file", path=path)

    def save_data(self) -> None:
        dataset = self.data_panel.dataset
        if dataset is None:
            self.data_panel.show_message("no data to save yet", "error")
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Save data", f"{dataset.name}.npz", "NumPy archive (*.npz)"
        )
        if not path:
            return
        if not path.lower().endswith(".npz"):
            path += ".npz"
        try:
            files.save_npz(dataset, path)
        except files.DataError as exc:
            self.data_panel.show_message(str(exc), "error")
            return
        self.statusBar().showMessage(f"saved {len(dataset):,} points to {path}", 5000)

    def save_model_dialog(self) -> None:
        """The shown panel's trained model (the VAE panel's, once a run has ended): which one,
        where, then written as save= writes it."""
        panel = self.current_panel
        models = panel.models_to_save()
        if not models:
            panel.show_message(
                "no trained model to save here: the VAE panel's models can be saved once a "
                "run has ended",
                "error",
            )
            return
        names = list(models)
        name = names[0]
        if len(names) > 1:
            name, chosen = QInputDialog.getItem(self, "Save model", "Model", names, 0, False)
            if not chosen:
                return
        suggested = f"{panel.config.dataset}-{name.lower()}.safetensors".replace("/", "_")
        path, _ = QFileDialog.getSaveFileName(
            self,
            f"Save the {name}'s weights",
            suggested,
            "Weights (*.safetensors *.pt);;All files (*)",
        )
        if path:
            self.save_model(panel, name, path)

    def save_model(self, panel: ExperimentPanel, name: str, path: str) -> bool:
        """Write `panel`'s trained model `name` to `path`; a failure is one line in the panel
        and the model stays, to be saved elsewhere."""
        write = panel.models_to_save().get(name)
        if write is None:
            panel.show_message(f"no trained {name} to save", "error")
            return False
        try:
            write(path)
        except WriteError as exc:
            panel.show_message(str(exc), "error")
            return False
        panel.show_message(f"the {name}'s weights are saved to {path}", "note")
        self.statusBar().showMessage(f"saved the {name}'s weights to {path}", 5000)
        return True

    def export_dialog(self) -> None:
        panel = self.current_panel
        dialog = ExportDialog(panel, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        target, width = dialog.choice()
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export", f"lvm-{panel.name}.png", ";;".join(EXPORT_FILTERS.values())
        )
        if not path:
            return
        if Path(path).suffix.lower() not in EXPORT_FILTERS:  # the format the filter named
            path += next((s for s, f in EXPORT_FILTERS.items() if f == chosen), ".png")
        self.export_file(panel, target, Path(path), width)

    def export_file(self, panel: ExperimentPanel, target: str, path: Path, width: int) -> bool:
        """Write the panel's figure (or plot `target`) to `path`, in the format its suffix
        names: a figure of the frame shown, or the run so far as an animation."""
        panel.pages.finish()
        widget = panel.export_targets()[target]
        try:
            text = export.figure_text(panel, target, f"figure{path.suffix.lower()}")
            background = self.theme.background
            if path.suffix.lower() in ANIMATION_SUFFIXES:
                frames = animation.frames_of(panel, widget, width, background)
                animation.save_animation(frames, path, animation.DEFAULT_FPS, text)
            else:
                export.save_figure(widget, path, width, text, background)
        except export.ExportError as exc:
            panel.show_message(str(exc), "error")
            return False
        self.statusBar().showMessage(f"exported {path}", 5000)
        return True

    def show_notice(self, text: str) -> QMessageBox:
        """A warning that does not block the window (a previous run that crashed, say)."""
        box = QMessageBox(QMessageBox.Icon.Warning, "LVM Lab", text, parent=self)
        box.setModal(False)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.show()
        self.notice = box
        return box

    def about(self) -> None:
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in versions().items())
        QMessageBox.about(
            self,
            "About LVM Lab",
            f"<p><b>LVM Lab</b>: watch latent variable models learn.</p><table>{rows}</table>",
        )
