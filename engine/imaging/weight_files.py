"""Weights files of the VAE and the autoencoder: what `save=` writes and `load=`, `vae_file=` and
the race's `weights=` read. Tensors and the architecture only, read with
torch.load(weights_only=True) after a size check. Imports torch."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path
from typing import Any

import torch
import torch.utils.serialization.config  # torch.load imports it on first use: here, not in a worker

from engine.atomic import atomic_write
from engine.config import ConfigError, shown_path
from engine.imaging import networks

MAX_WEIGHTS_BYTES = 256 << 20  # the largest weights file read (the default models: about 1 MB)
WEIGHTS_FORMAT = "lvm-lab-vae/1"


def architecture(kind: str, pixels: int, latent: int, likelihood: str) -> dict[str, Any]:
    return {"model": kind, "pixels": pixels, "latent": latent, "likelihood": likelihood}


def save_weights(path: str, model, shape: tuple[int, int], dataset: str) -> Path:
    """The weights and what they fit (architecture, the images' shape and data set), written
    atomically: a save that fails is one WriteError and leaves any earlier file as it was."""
    payload = {
        "format": WEIGHTS_FORMAT,
        **architecture(model.kind, model.pixels, model.latent, model.decoder.likelihood),
        "shape": list(shape),
        "dataset": dataset,
        "state": {name: value.detach().cpu() for name, value in model.state_dict().items()},
    }
    with atomic_write(path) as handle:
        torch.save(payload, handle)
    return Path(path)


def load_weights(name: str, path: str, wanted: dict[str, Any], device):
    """A model of architecture `wanted` with the weights in `path` (parameter `name`); a
    ConfigError naming the file when it is not a weights file, too large, for another
    architecture, or not finite. Weights only: torch.load(weights_only=True) unpickles nothing
    but tensors and plain containers, after a size check."""
    size = Path(path).stat().st_size
    if size > MAX_WEIGHTS_BYTES:
        raise ConfigError(
            f"{name} = {shown_path(path)}: {size:,} bytes, more than a weights file's "
            f"{MAX_WEIGHTS_BYTES >> 20} MiB"
        )
    try:
        with warnings.catch_warnings():  # torch's remarks on a foreign pickle: ours is one line
            warnings.simplefilter("ignore")
            payload = torch.load(path, map_location=device, weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError, ValueError, OSError) as exc:
        raise ConfigError(
            f"{name} = {shown_path(path)}: not a weights file saved by save= ({type(exc).__name__})"
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != WEIGHTS_FORMAT:
        raise ConfigError(f"{name} = {shown_path(path)}: not a weights file saved by save=")
    found = {key: payload.get(key) for key in wanted}
    if found != wanted:
        differ = ", ".join(
            f"{k} {found[k]} (here {wanted[k]})" for k in wanted if found[k] != wanted[k]
        )
        raise ConfigError(
            f"{name} = {shown_path(path)}: weights for another architecture: {differ}"
        )
    model = networks.build(
        wanted["model"], wanted["pixels"], wanted["latent"], wanted["likelihood"], 0, device
    )
    try:
        model.load_state_dict(payload["state"])
    except (RuntimeError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"{name} = {shown_path(path)}: its weights do not fit the model ({type(exc).__name__})"
        ) from None
    for key, value in model.state_dict().items():  # NaN weights would give NaN everywhere after
        if value.is_floating_point() and not bool(torch.isfinite(value).all()):
            raise ConfigError(
                f"{name} = {shown_path(path)}: its weights are not finite (NaN or infinite values "
                f"in {key}); a weights file holds finite numbers"
            )
    return model
