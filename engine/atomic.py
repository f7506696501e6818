"""Every file the app writes: to a temporary file beside it, then replaced atomically.

A save that fails (a full disk, a quota, a crash mid-write) leaves the user's earlier file at
that path as it was and no temporary file behind; a reader never sees half a file. Whatever the
writer raised, an OSError or a library's own error (torch.save turns a full disk into a
RuntimeError), the caller gets one WriteError with a line for the user.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from engine.config import shown_path

REASON_CHARACTERS = 120  # a library's message, cut: the line names the file and what was kept


class WriteError(OSError):
    """A save that did not happen; the message is one line for the user."""


@contextlib.contextmanager
def atomic_write(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new contents into; they replace `path` only once all
    is written and flushed to disk. A symbolic link at `path` keeps pointing where it did (its
    target is replaced); an existing file's permissions are kept."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _error(path, exc) from None
    fd, temporary = _create_beside(path, target)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, Exception) and not isinstance(exc, WriteError):
            raise _error(path, exc) from exc
        raise
    _sync_folder(target.parent)


def write_bytes(path: str | Path, data: bytes) -> Path:
    with atomic_write(path) as handle:
        handle.write(data)
    return Path(path)


def _error(path: str | Path, exc: Exception) -> WriteError:
    """The system's reason where the failure was the system's (found in the exception's chain:
    a library that caught an OSError raises its own error from it), else the library's words."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, OSError):
        reason = cause.strerror or str(cause) or type(cause).__name__
    else:
        words = " ".join(str(exc).split())
        reason = f"{type(exc).__name__}: {words}" if words else type(exc).__name__
        if len(reason) > REASON_CHARACTERS:
            reason = reason[: REASON_CHARACTERS - 1] + "…"
    return WriteError(
        f"{shown_path(path)}: cannot write ({reason}); any earlier file there is unchanged"
    )


def _create_beside(path: str | Path, target: Path) -> tuple[int, Path]:
    """A new, hidden file in the target's folder (so the rename stays on one file system),
    created with the permissions a new file gets there (0o666 less the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = target.with_name(f".{target.name[:80]}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(path, exc) from None
    raise WriteError(f"{shown_path(path)}: cannot write (no free temporary name beside it)")


def _sync_folder(folder: Path) -> None:
    """The rename itself on disk too (POSIX); not every system can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
