"""The window's file actions (File > Open, Save, Export; Help > About), each a function of the
window, its dialogs and messages in the window's language (lvm_gui.i18n)."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

import engine
from engine.atomic import WriteError
from engine.data import files
from lvm_gui import animation, export
from lvm_gui.export_dialog import ExportDialog
from lvm_gui.formats import ANIMATION_SUFFIXES
from lvm_gui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from lvm_gui.main_window import MainWindow
    from lvm_gui.panels import ExperimentPanel

# File > Export's formats, by suffix: figures of the frame shown, then animations of the run.
EXPORT_FILTERS = {
    ".png": QT_TRANSLATE_NOOP("Files", "PNG image (*.png)"),
    ".svg": QT_TRANSLATE_NOOP("Files", "SVG, vector (*.svg)"),
    ".pdf": QT_TRANSLATE_NOOP("Files", "PDF, vector (*.pdf)"),
    ".gif": QT_TRANSLATE_NOOP("Files", "GIF animation of the run (*.gif)"),
    ".mp4": QT_TRANSLATE_NOOP("Files", "MP4 video of the run (*.mp4)"),
    ".csv": QT_TRANSLATE_NOOP("Files", "CSV, a table's numbers (*.csv)"),
    ".tex": QT_TRANSLATE_NOOP("Files", "LaTeX tabular, a table's numbers (*.tex)"),
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


def open_data(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        translate("Files", "Open data"),
        "",
        translate("Files", "Data (*.csv *.txt *.tsv *.npz *.npy);;All files (*)"),
    )
    if path:
        window.show_panel("data")
        window.data_panel.set_params(kind="file", path=path)


def save_data(window: MainWindow) -> None:
    dataset = window.data_panel.dataset
    if dataset is None:
        window.data_panel.show_message(translate("Files", "no data to save yet"), "error")
        return
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("Files", "Save data"),
        f"{dataset.name}.npz",
        translate("Files", "NumPy archive (*.npz)"),
    )
    if not path:
        return
    if not path.lower().endswith(".npz"):
        path += ".npz"
    try:
        files.save_npz(dataset, path)
    except files.DataError as exc:
        window.data_panel.show_message(str(exc), "error")
        return
    saved = translate("Files", "saved {n:,} points to {path}").format(n=len(dataset), path=path)
    window.statusBar().showMessage(saved, 5000)


def save_model_dialog(window: MainWindow) -> None:
    """The shown panel's trained model (the VAE panel's, once a run has ended): which one,
    where, then written as save= writes it."""
    panel = window.current_panel
    models = panel.models_to_save()
    if not models:
        panel.show_message(
            translate(
                "Files",
                "no trained model to save here: the VAE panel's models can be saved once a "
                "run has ended",
            ),
            "error",
        )
        return
    names = list(models)
    name = names[0]
    if len(names) > 1:
        shown = [model_name(n) for n in names]
        chosen_name, chosen = QInputDialog.getItem(
            window, translate("Files", "Save model"), translate("Files", "Model"), shown, 0, False
        )
        if not chosen:
            return
        name = names[shown.index(chosen_name)]
    suggested = f"{panel.config.dataset}-{name.lower()}.safetensors".replace("/", "_")
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("Files", "Save the {model}'s weights").format(model=model_name(name)),
        suggested,
        translate("Files", "Weights (*.safetensors *.pt);;All files (*)"),
    )
    if path:
        save_model(window, panel, name, path)


def model_name(name: str) -> str:
    """A trained model's name (VAE, autoencoder) in the window's language."""
    return translate("Files", "autoencoder") if name == "autoencoder" else name


def save_model(window: MainWindow, panel: ExperimentPanel, name: str, path: str) -> bool:
    """Write `panel`'s trained model `name` to `path`; a failure is one line in the panel and
    the model stays, to be saved elsewhere."""
    write = panel.models_to_save().get(name)
    shown = model_name(name)
    if write is None:
        panel.show_message(translate("Files", "no trained {model} to save").format(model=shown))
        return False
    try:
        write(path)
    except WriteError as exc:
        panel.show_message(str(exc), "error")
        return False
    saved = translate("Files", "the {model}'s weights are saved to {path}")
    panel.show_message(saved.format(model=shown, path=path), "note")
    status = translate("Files", "saved the {model}'s weights to {path}")
    window.statusBar().showMessage(status.format(model=shown, path=path), 5000)
    return True


def export_dialog(window: MainWindow) -> None:
    panel = window.current_panel
    dialog = ExportDialog(panel, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    target, width = dialog.choice()
    filters = {suffix: text.translated() for suffix, text in EXPORT_FILTERS.items()}
    path, chosen = QFileDialog.getSaveFileName(
        window, translate("Files", "Export"), f"lvm-{panel.name}.png", ";;".join(filters.values())
    )
    if not path:
        return
    if Path(path).suffix.lower() not in filters:  # the format the filter named
        path += next((s for s, f in filters.items() if f == chosen), ".png")
    export_file(window, panel, target, Path(path), width)


def export_file(
    window: MainWindow, panel: ExperimentPanel, target: str, path: Path, width: int
) -> bool:
    """Write the panel's figure (or plot `target`) to `path`, in the format its suffix names:
    a figure of the frame shown, or the run so far as an animation."""
    panel.pages.finish()
    widget = panel.export_targets()[target]
    try:
        text = export.figure_text(panel, target, f"figure{path.suffix.lower()}")
        background = window.theme.background
        if path.suffix.lower() in ANIMATION_SUFFIXES:
            frames = animation.frames_of(panel, widget, width, background)
            animation.save_animation(frames, path, animation.DEFAULT_FPS, text)
        else:
            export.save_figure(widget, path, width, text, background)
    except export.ExportError as exc:
        panel.show_message(str(exc), "error")
        return False
    window.statusBar().showMessage(translate("Files", "exported {path}").format(path=path), 5000)
    return True


def about(window: MainWindow) -> None:
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in versions().items())
    QMessageBox.about(
        window,
        translate("Files", "About LVM Lab"),
        translate("Files", "<p><b>LVM Lab</b>: watch latent variable models learn.</p>")
        + f"<table>{rows}</table>",
    )
