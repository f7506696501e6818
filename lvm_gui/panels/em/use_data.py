"""Views whose model learns from the Data panel's data set: a button hands it over."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget

from engine.data import files
from engine.data.dataset import Dataset
from lvm_gui.panels.view import View


class LearnsFromData(View):
    """A view with a "Use the Data panel's data" button; subclasses say how they take it."""

    hidden_params = frozenset({"device", "out", "half_steps", "surface"})

    def build_controls(self) -> QWidget:
        self.available_dataset: Dataset | None = None
        self._data_folder: tempfile.TemporaryDirectory | None = None
        self.use_data_button = QPushButton("Use the Data panel's data")
        self.use_data_button.setToolTip(
            "Run this model on the data set the Data panel drew last (1-D points for two "
            "means, points for a mixture, tosses for the coins)"
        )
        self.use_data_button.setEnabled(False)
        self.use_data_button.clicked.connect(self._use_available)
        return self.use_data_button

    def dataset_available(self, dataset: Dataset) -> None:
        self.available_dataset = dataset
        self.use_data_button.setEnabled(True)

    def _use_available(self) -> None:
        if self.available_dataset is not None:
            self.use_dataset(self.available_dataset)

    def use_dataset(self, dataset: Dataset) -> None:
        raise NotImplementedError

    def refuse(self, message: str) -> None:
        self.panel.show_message(message, "error")

    def hand_over_points(self, dataset: Dataset) -> None:
        """Point the model at `dataset`'s points, written to a private NPZ."""
        if dataset.is_coins:
            self.refuse("the Data panel holds coin tosses; this model needs points")
            return
        if self._data_folder is None:
            self._data_folder = tempfile.TemporaryDirectory(prefix="lvm-lab-")
        path = Path(self._data_folder.name) / f"data-{id(dataset):x}.npz"
        try:
            files.save_npz(dataset, path)
        except files.DataError as exc:
            self.refuse(str(exc))
            return
        self.panel.set_params(data=str(path))

    def shutdown(self) -> None:
        if self._data_folder is not None:
            self._data_folder.cleanup()
            self._data_folder = None
