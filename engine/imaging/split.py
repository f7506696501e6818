"""A data set's seeded split as tensors on the device, as the networks see them. Imports torch."""

from __future__ import annotations

import numpy as np
import torch

from engine.imaging import image_files, images


class Data:
    """The split's images as float32 tensors on the device, binarised for the Bernoulli."""

    def __init__(self, dataset: str, likelihood: str, seed: int, device, count: int = 0) -> None:
        if dataset == "digits":
            everything = images.digits()
        elif dataset == "poles":
            everything = images.poles(count, seed)
        else:
            everything = image_files.load_images(dataset)
        self.dataset, self.device = dataset, device
        self.train_set, self.test_set = images.split(everything, seed)
        self.shape = everything.shape
        self.binary = likelihood == "bernoulli"
        self.train, self.test = self.tensor(self.train_set.x), self.tensor(self.test_set.x)

    def tensor(self, x: np.ndarray):
        """Images as the model sees them (binarised at 1/2 for the Bernoulli)."""
        if self.binary:
            x = (x > 0.5).astype(np.float32)
        return torch.as_tensor(np.array(x, dtype=np.float32), device=self.device)

    @property
    def pixels(self) -> int:
        return self.shape[0] * self.shape[1]
