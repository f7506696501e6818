"""Failures the tests stage: what the system does when a disk fills, and files that lie."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def fsync_on_a_full_disk(fd: int) -> None:
    """os.fsync as it fails on a full disk: the data written so far sat in the page cache, and
    flushing it to the disk finds no room (ENOSPC)."""
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def weights_set_to(source: str | Path, value: float, target: str | Path) -> Path:
    """A copy of the weights file `source` (safetensors, as save= writes it) with every tensor
    set to `value` (NaN, inf) and its metadata kept."""
    import torch
    from safetensors import safe_open
    from safetensors.torch import save_file

    with safe_open(str(source), framework="pt") as weights:
        metadata = weights.metadata()
        state = {key: torch.full_like(weights.get_tensor(key), value) for key in weights.keys()}  # noqa: SIM118
    save_file(state, str(target), metadata=metadata)
    return Path(target)
