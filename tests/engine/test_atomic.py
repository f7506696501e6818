"""Saves that never lose a file: a temporary file beside the target, replaced atomically."""

import errno
import os
import stat

import numpy as np
import pytest

from engine import atomic
from engine.data import files
from engine.data.making import DataConfig, make_dataset


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_failed_write_leaves_the_earlier_file_and_nothing_else(tmp_path):
    path = tmp_path / "figure.png"
    path.write_bytes(b"the earlier file")
    with pytest.raises(atomic.WriteError) as caught, atomic.atomic_write(path) as handle:
        handle.write(b"half of the new")
        disk_full()
    message = str(caught.value)
    assert "No space left on device" in message and "unchanged" in message
    assert "\n" not in message
    assert path.read_bytes() == b"the earlier file"
    assert os.listdir(tmp_path) == ["figure.png"]


def test_any_exception_while_writing_is_one_line_and_leaves_nothing_behind(tmp_path):
    path = tmp_path / "new.bin"
    with pytest.raises(atomic.WriteError) as caught, atomic.atomic_write(path) as handle:
        handle.write(b"x")
        raise ValueError("bad\narray " + "x" * 500)
    message = str(caught.value)
    assert "cannot write (ValueError: bad array xxx" in message and "\n" not in message
    assert len(message) < 250 and isinstance(caught.value.__cause__, ValueError)
    assert os.listdir(tmp_path) == []


def test_a_library_error_raised_from_a_full_disk_names_the_disk(tmp_path):
    """torch.save on a full disk: the file's write raises ENOSPC, torch's writer catches it and
    raises RuntimeError ("[enforce fail at inline_container.cc] unexpected pos ...")."""
    path = tmp_path / "w.pt"
    path.write_bytes(b"earlier weights")
    with pytest.raises(atomic.WriteError) as caught, atomic.atomic_write(path) as handle:
        handle.write(b"part")
        try:
            disk_full()
        except OSError:
            raise RuntimeError(
                "[enforce fail at inline_container.cc:672] . unexpected pos"
            ) from None
    message = str(caught.value)
    assert "cannot write (No space left on device)" in message and "unchanged" in message
    assert path.read_bytes() == b"earlier weights" and os.listdir(tmp_path) == ["w.pt"]


def test_an_interrupt_is_not_turned_into_a_write_error(tmp_path):
    with pytest.raises(KeyboardInterrupt), atomic.atomic_write(tmp_path / "k.bin") as handle:
        handle.write(b"x")
        raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_a_failed_rename_keeps_the_earlier_file(tmp_path, monkeypatch):
    path = tmp_path / "d.bin"
    path.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(atomic.WriteError, match="unchanged"):
        atomic.write_bytes(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["d.bin"]


def test_permissions_and_links_are_kept(tmp_path):
    path = tmp_path / "d.bin"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic.write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.bin"
    atomic.write_bytes(fresh, b"1")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # as any new file
    link = tmp_path / "link.bin"
    link.symlink_to(path)
    atomic.write_bytes(link, b"through the link")
    assert link.is_symlink() and path.read_bytes() == b"through the link"


def test_a_missing_folder_is_one_line(tmp_path):
    with pytest.raises(atomic.WriteError, match=r"cannot write \(No such file or directory\)"):
        atomic.write_bytes(tmp_path / "missing" / "d.bin", b"x")


def test_a_data_save_that_fills_the_disk_keeps_the_earlier_npz(tmp_path, monkeypatch):
    path = tmp_path / "d.npz"
    earlier = make_dataset(DataConfig.create(kind="gmm2d", n=200, seed=1))
    files.save_npz(earlier, path)
    before = path.read_bytes()

    def fills_the_disk(handle, **arrays):
        handle.write(b"PK\x03\x04 part of an archive")
        disk_full()

    monkeypatch.setattr(np, "savez_compressed", fills_the_disk)
    later = make_dataset(DataConfig.create(kind="gmm2d", n=300, seed=2))
    with pytest.raises(files.DataError, match=r"No space left on device.*unchanged"):
        files.save_npz(later, path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["d.npz"]
    monkeypatch.undo()
    assert np.array_equal(files.load(path).x, earlier.x)
