"""Views whose model learns from the Data panel's data set: a button hands it over."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from engine.data.dataset import Dataset
from lvm_gui import i18n
from lvm_gui.i18n import translate
from lvm_gui.panels.view import View


class LearnsFromData(View):
    """A view with a "Use the Data panel's data" button; subclasses say how they take it."""

    hidden_params = frozenset({"device", "out", "half_steps", "surface"})

    def build_controls(self) -> QWidget:
        self.available_dataset: Dataset | None = None
        self.use_data_button = QPushButton()
        i18n.show(
            self.use_data_button,
            QPushButton.setText,
            lambda: translate("LearnsFromData", "Use the Data panel's data"),
        )
        i18n.show(
            self.use_data_button,
            QPushButton.setToolTip,
            lambda: translate(
                "LearnsFromData",
                "Run this model on the data set the Data panel drew last (1-D points for two "
                "means, points for a mixture, tosses for the coins)",
            ),
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
        """Point the model at `dataset` by its reference: the Data panel's recipe (the model's
        run takes the same arrays from the workspace) or the file it was read from. So the
        config, and an exported picture's parameters, make the same data again anywhere."""
        if dataset.is_coins:
            self.refuse(
                translate("Data", "the Data panel holds coin tosses; this model needs points")
            )
            return
        if dataset.reference is None:
            self.refuse(
                translate("Data", "the Data panel's data set has no recipe or file to name it by")
            )
            return
        self.panel.set_params(data=dataset.reference)
