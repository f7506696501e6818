"""The main window: one tab per panel, menus, shortcuts, status bar, remembered geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from engine import device as devices
from engine.lessons.schema import Lesson
from lvm_gui import i18n, lesson_menu, menus, window_files
from lvm_gui import theme as themes
from lvm_gui.i18n import engine_words, translate
from lvm_gui.panels import PANELS, DataPanel, ExperimentPanel

SETTINGS_VERSION = 1


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
        self.lessons_menu = None  # the Lessons menu (lvm_gui.lesson_menu.install)
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
        i18n.show(
            self.device_label,
            QLabel.setText,
            lambda: menus.status_words("device", engine_words.choice("device", device)),
        )
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
            kind = {
                "error": translate("Window", "Error: {message}"),
                "warning": translate("Window", "Warning: {message}"),
            }[message[0]]
            self.statusBar().showMessage(kind.format(message=message[1]))
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
                translate(
                    "Window",
                    "Presentation: Space step · R run or pause · Esc cancel · ← → history · "
                    "F5 back",
                )
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

    # --- menu actions (lvm_gui.window_files) ------------------------------------------------
    def open_data(self) -> None:
        window_files.open_data(self)

    def save_data(self) -> None:
        window_files.save_data(self)

    def save_model_dialog(self) -> None:
        window_files.save_model_dialog(self)

    def save_model(self, panel: ExperimentPanel, name: str, path: str) -> bool:
        return window_files.save_model(self, panel, name, path)

    def export_dialog(self) -> None:
        window_files.export_dialog(self)

    def export_file(self, panel: ExperimentPanel, target: str, path: Path, width: int) -> bool:
        return window_files.export_file(self, panel, target, path, width)

    def show_notice(self, text: str) -> QMessageBox:
        """A warning that does not block the window (a previous run that crashed, say)."""
        box = QMessageBox(QMessageBox.Icon.Warning, "LVM Lab", text, parent=self)
        box.setModal(False)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.show()
        self.notice = box
        return box

    def about(self) -> None:
        window_files.about(self)
