"""The process's memory as the window's workers use it: a bounded number of malloc arenas, and
what a run freed given back to the system when it ends.

Every run starts a worker thread, and glibc gives each new thread a heap (an arena) of its own,
up to eight per core, each keeping what was freed in it for later. A user switching the VAE
panel's presets while it trains starts a thread a switch, and the process grew by a fifth over
48 switches with nothing alive to show for it; with two arenas and a trim when a run starts, by
3% (bench/switching.py). Elsewhere than glibc (macOS, Windows, musl) these are nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


@functools.cache
def _glibc():
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        library = ctypes.CDLL(name)
        library.mallopt, library.malloc_trim  # noqa: B018 (both present: glibc)
    except (OSError, AttributeError):
        return None
    return library


@functools.cache
def limit_malloc_arenas() -> bool:
    """At most ARENAS malloc arenas from now on (glibc); True where that was set. Once a
    process: arenas are made as threads first allocate, so before the first worker."""
    library = _glibc()
    return bool(library is not None and library.mallopt(M_ARENA_MAX, ARENAS))


def give_back_freed_memory() -> None:
    """Return the pages that freed memory holds to the system (glibc's malloc_trim): after a
    run ends, what its snapshots and tensors held."""
    library = _glibc()
    if library is not None:
        library.malloc_trim(0)
