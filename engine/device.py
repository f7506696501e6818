"""Which torch device and dtype the engine computes on.

`auto` is CUDA when present, else the CPU. EM and the estimators compute in float64 (their numbers
are compared with exact answers); the VAE in float32. torch is imported on first use only, so the
command line's quick verbs (`list`, data generation) do not pay for it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from engine.config import refusal

if TYPE_CHECKING:
    import torch

DEVICES = ("auto", "cpu", "cuda")
EXACT_DTYPE = "float64"  # EM, estimators, ELBO surfaces
NETWORK_DTYPE = "float32"  # the VAE


def resolve(name: str = "auto") -> torch.device:
    """The torch device for `auto`, `cpu` or `cuda`; asking for CUDA without one is an error."""
    import torch

    if name not in DEVICES:
        raise refusal(
            "device = {given!r}: not allowed; allowed: one of {items}",
            given=name,
            items=", ".join(DEVICES),
        )
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise refusal("device = 'cuda': no CUDA device is available here; use auto or cpu")
    return torch.device(name)


def dtype(name: str = EXACT_DTYPE) -> torch.dtype:
    import torch

    return getattr(torch, name)


def describe(name: str = "auto") -> str:
    """A short label for the status bar, e.g. 'cpu (float64)' or 'cuda:0 NVIDIA H100'."""
    device = resolve(name)
    if device.type == "cuda":
        import torch

        return f"cuda ({torch.cuda.get_device_name(device)})"
    return "cpu"


def configure_threads(leave_free: int = 1) -> int:
    """Set torch's intra-op threads once, at start-up on the main thread, leaving the GUI a core."""
    import torch

    count = max(1, (os.cpu_count() or 1) - leave_free)
    torch.set_num_threads(count)
    return count
