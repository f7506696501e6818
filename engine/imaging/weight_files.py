"""Weights files of the VAE and the autoencoder: what `save=` writes and `load=`, `vae_file=` and
the race's `weights=` read.

`save=` writes safetensors whatever the file's name: the tensors, and in the file's metadata the
format, the architecture, the images' shape and the data set. Reading runs no code from the file:
a safetensors file is a JSON header and raw tensors; the torch archives that earlier versions
saved (format lvm-lab-vae/1) are still read, with torch.load(weights_only=True), which unpickles
nothing but tensors and plain containers. Both after a size check. Imports torch."""

from __future__ import annotations

import io
import json
import pickle
import warnings
from pathlib import Path
from typing import Any

import safetensors.torch
import torch
import torch.utils.serialization.config  # torch.load imports it on first use: here, not in a worker
from safetensors import SafetensorError

from engine.atomic import write_bytes
from engine.config import refusal, shown_path
from engine.imaging import networks

MAX_WEIGHTS_BYTES = 256 << 20  # the largest weights file read (the default models: about 1 MB)
WEIGHTS_FORMAT = "lvm-lab-vae/2"  # safetensors
TORCH_FORMAT = "lvm-lab-vae/1"  # a torch archive: what versions before 2 saved
MAX_HEADER_BYTES = 1 << 20  # a safetensors header of ours: a few kB


def architecture(kind: str, pixels: int, latent: int, likelihood: str) -> dict[str, Any]:
    return {"model": kind, "pixels": pixels, "latent": latent, "likelihood": likelihood}


def save_weights(path: str, model, shape: tuple[int, int], dataset: str) -> Path:
    """The weights as safetensors, with what they fit (architecture, the images' shape and data
    set) in the file's metadata, written atomically: a save that fails is one WriteError and
    leaves any earlier file as it was."""
    metadata = {
        "format": WEIGHTS_FORMAT,
        **{
            key: str(value)
            for key, value in architecture(
                model.kind, model.pixels, model.latent, model.decoder.likelihood
            ).items()
        },
        "shape": ",".join(str(side) for side in shape),
        "dataset": dataset,
    }
    state = {name: value.detach().cpu().contiguous() for name, value in model.state_dict().items()}
    return write_bytes(path, safetensors.torch.save(state, metadata=metadata))


def _read(name: str, path: str, data: bytes, device) -> tuple[dict[str, Any], dict]:
    """(what the file says it fits, its tensors), from safetensors or an earlier torch archive;
    a ConfigError naming the file when it is neither."""
    if _looks_like_safetensors(data):
        try:
            header_size = int.from_bytes(data[:8], "little")
            metadata = json.loads(data[8 : 8 + header_size]).get("__metadata__") or {}
            state = safetensors.torch.load(data)
        except (SafetensorError, ValueError, UnicodeDecodeError, AttributeError) as exc:
            raise refusal(
                "{name} = {path}: a damaged weights file ({error})",
                name=name,
                path=shown_path(path),
                error=type(exc).__name__,
            ) from None
        if metadata.get("format") != WEIGHTS_FORMAT:
            raise refusal(
                "{name} = {path}: not a weights file saved by save=",
                name=name,
                path=shown_path(path),
            )
        found: dict[str, Any] = dict(metadata)
        for key in ("pixels", "latent"):
            found[key] = int(found[key]) if str(found.get(key, "")).isdigit() else found.get(key)
        return found, {key: value.to(device) for key, value in state.items()}
    try:
        with warnings.catch_warnings():  # torch's remarks on a foreign pickle: ours is one line
            warnings.simplefilter("ignore")
            payload = torch.load(io.BytesIO(data), map_location=device, weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError, ValueError, OSError) as exc:
        raise refusal(
            "{name} = {path}: not a weights file saved by save= ({error})",
            name=name,
            path=shown_path(path),
            error=type(exc).__name__,
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != TORCH_FORMAT:
        raise refusal(
            "{name} = {path}: not a weights file saved by save=", name=name, path=shown_path(path)
        )
    return payload, payload.get("state")


def _looks_like_safetensors(data: bytes) -> bool:
    """A safetensors file: an 8-byte little-endian header size, then the JSON header."""
    if len(data) < 10:
        return False
    size = int.from_bytes(data[:8], "little")
    return 2 <= size <= min(MAX_HEADER_BYTES, len(data) - 8) and data[8:9] == b"{"


def load_weights(name: str, path: str, wanted: dict[str, Any], device):
    """A model of architecture `wanted` with the weights in `path` (parameter `name`), from
    safetensors or an earlier version's torch archive; a ConfigError naming the file when it is
    not a weights file, too large, damaged, for another architecture, or not finite."""
    size = Path(path).stat().st_size
    if size > MAX_WEIGHTS_BYTES:
        raise refusal(
            "{name} = {path}: {size:,} bytes, more than a weights file's {limit} MiB",
            name=name,
            path=shown_path(path),
            size=size,
            limit=MAX_WEIGHTS_BYTES >> 20,
        )
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise refusal(
            "{name} = {path}: cannot read ({reason})",
            name=name,
            path=shown_path(path),
            reason=exc.strerror,
        ) from None
    payload, state = _read(name, path, data, device)
    found = {key: payload.get(key) for key in wanted}
    if found != wanted:
        differ = ", ".join(
            f"{k} {found[k]} (here {wanted[k]})" for k in wanted if found[k] != wanted[k]
        )
        raise refusal(
            "{name} = {path}: weights for another architecture: {differ}",
            name=name,
            path=shown_path(path),
            differ=differ,
        )
    model = networks.build(
        wanted["model"], wanted["pixels"], wanted["latent"], wanted["likelihood"], 0, device
    )
    try:
        model.load_state_dict(state)
    except (RuntimeError, KeyError, TypeError, AttributeError) as exc:
        raise refusal(
            "{name} = {path}: its weights do not fit the model ({error})",
            name=name,
            path=shown_path(path),
            error=type(exc).__name__,
        ) from None
    for key, value in model.state_dict().items():  # NaN weights would give NaN everywhere after
        if value.is_floating_point() and not bool(torch.isfinite(value).all()):
            raise refusal(
                "{name} = {path}: its weights are not finite (NaN or infinite values "
                "in {key}); a weights file holds finite numbers",
                name=name,
                path=shown_path(path),
                key=key,
            )
    return model
