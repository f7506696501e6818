"""Failures the tests stage: what the system and the libraries do when a disk fills."""

from __future__ import annotations

import errno
import os


def torch_save_on_a_full_disk(payload, handle) -> None:
    """torch.save as it fails on a full disk: part written, the file's ENOSPC caught by its
    writer, which raises a RuntimeError of its own."""
    handle.write(b"PK\x03\x04 part of a zip")
    try:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    except OSError:
        raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos") from None
