"""Image files the user has: MNIST or Fashion-MNIST as IDX (raw or .gz), or an NPZ.

Untrusted, so everything is checked before anything large is allocated: the IDX magic number
(unsigned bytes, 1 or 3 dimensions), the declared dimensions against the file's length (for
.gz, against the bytes that actually arrive, read in bounded chunks: a .gz cannot claim a size
it does not hold, nor inflate past it), and a memory budget for the images as float32. An NPZ's
arrays go through the same checks as the Data panel's (engine.data.files: numbers only, never a
pickle). Each problem is one line that names the file and what is wrong.

Labels: an IDX images file finds its labels beside it (`...-images-idx3-ubyte[.gz]` and
`...-labels-idx1-ubyte[.gz]`, MNIST's names); an NPZ holds `labels` (or `y`) beside `x`.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

import numpy as np

from engine.config import os_reason
from engine.data import files
from engine.data.files import DataError
from engine.imaging.images import ImageSet
from engine.threads import let_others_run

MAX_IMAGE_BYTES = 1 << 30  # the images as float32: MNIST's 70,000 take 220 MB
MAX_SIDE = 256  # pixels on a side: MNIST's are 28
CHUNK = 1 << 20  # bytes read at a time from a .gz
IDX_UNSIGNED_BYTE = 0x08
GZIP_MAGIC = b"\x1f\x8b"


def load_images(path: str | Path) -> ImageSet:
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({os_reason(exc)})") from None
    if start[:2] == b"PK":
        return _load_npz(path)
    x = _read_idx(path, compressed=start[:2] == GZIP_MAGIC)
    if x.ndim != 3:
        raise DataError(f"{path.name}: {x.ndim}-D data, not images (n × rows × columns)")
    labels = _labels_beside(path, len(x))
    return _images(path, x.reshape(len(x), -1).astype(np.float32) / 255.0, x.shape[1:], labels)


def _read_idx(path: Path, compressed: bool) -> np.ndarray:
    with gzip.open(path, "rb") if compressed else open(path, "rb") as handle:
        try:
            header = handle.read(4)
            if len(header) < 4 or header[:2] != b"\x00\x00":
                raise DataError(f"{path.name}: not an IDX file (wrong magic number)")
            if header[2] != IDX_UNSIGNED_BYTE:
                raise DataError(
                    f"{path.name}: IDX values of type 0x{header[2]:02x}; only unsigned bytes "
                    "(0x08, as MNIST's) are read"
                )
            ndims = header[3]
            if ndims not in (1, 3):
                raise DataError(f"{path.name}: an IDX of {ndims} dimensions; images have 3")
            raw = handle.read(4 * ndims)
            if len(raw) < 4 * ndims:
                raise DataError(f"{path.name}: the IDX header ends early")
            shape = struct.unpack(f">{ndims}I", raw)
            if ndims == 3 and (max(shape[1:]) > MAX_SIDE or min(shape[1:]) < 1):
                raise DataError(f"{path.name}: images of {shape[1]} × {shape[2]} pixels")
            count = int(np.prod(shape, dtype=np.float64))
            if count * 4 > MAX_IMAGE_BYTES:
                raise DataError(
                    f"{path.name}: declares {' × '.join(map(str, shape))} values "
                    f"({count * 4 / 2**20:.0f} MiB as float32), more than the "
                    f"{MAX_IMAGE_BYTES >> 20} MiB budget"
                )
            if not compressed:
                size = path.stat().st_size
                if size != 4 + 4 * ndims + count:
                    raise DataError(
                        f"{path.name}: declares {count:,} bytes of data but holds "
                        f"{size - 4 - 4 * ndims:,}"
                    )
            data = _read_exactly(handle, count, path)
        except (OSError, EOFError, zlib.error) as exc:  # gzip's own complaints
            raise DataError(f"{path.name}: a corrupt .gz ({type(exc).__name__})") from None
    return np.frombuffer(data, dtype=np.uint8).reshape(shape)


def _read_exactly(handle, count: int, path: Path) -> bytes:
    """`count` bytes in bounded chunks, and not one more: what arrives is what is kept."""
    chunks, have = [], 0
    while have < count:
        let_others_run()  # on a worker: a cancel stops a long read here
        chunk = handle.read(min(CHUNK, count - have))
        if not chunk:
            raise DataError(
                f"{path.name}: ends after {have:,} of the {count:,} bytes its header declares"
            )
        chunks.append(chunk)
        have += len(chunk)
    if handle.read(1):
        raise DataError(f"{path.name}: holds more data than its header declares")
    return b"".join(chunks)


def _labels_beside(path: Path, n: int) -> np.ndarray | None:
    name = path.name
    if "images-idx3" not in name:
        return None
    beside = path.with_name(name.replace("images-idx3", "labels-idx1"))
    if not beside.is_file():
        return None
    with open(beside, "rb") as handle:
        compressed = handle.read(2) == GZIP_MAGIC
    labels = _read_idx(beside, compressed)
    if labels.ndim != 1 or len(labels) != n:
        raise DataError(f"{beside.name}: {labels.size} labels for {n} images in {path.name}")
    return labels.astype(np.int64)


def _load_npz(path: Path) -> ImageSet:
    with files.open_npz(path, " of images") as (archive, members):
        x = files.read_npy_member(archive, members["x"], path, MAX_IMAGE_BYTES // 16)
        key = "labels" if "labels" in members else "y" if "y" in members else None
        labels = None
        if key is not None:
            labels = files.read_npy_member(archive, members[key], path, max(1, len(x)))
    if x.ndim != 3 or min(x.shape[1:], default=0) < 1 or max(x.shape[1:]) > MAX_SIDE:
        raise DataError(f"{path.name}: x has shape {x.shape}; images are n × rows × columns")
    x = x.astype(np.float32)
    if not np.isfinite(x).all():
        raise DataError(f"{path.name}: x holds NaN or infinite values")
    top = float(x.max()) if x.size else 0.0
    if x.min() < 0 or top > 255:
        raise DataError(f"{path.name}: pixel values beyond [0, 255]")
    if top > 1:
        x = x / 255.0  # grey levels 0 to 255, as MNIST's
    if labels is not None and labels.shape != (len(x),):
        raise DataError(f"{path.name}: {labels.size} labels for {len(x)} images")
    flat = x.reshape(len(x), -1)
    return _images(path, flat, x.shape[1:], None if labels is None else labels.astype(np.int64))


def _images(path: Path, x: np.ndarray, shape, labels) -> ImageSet:
    if len(x) < 10:
        raise DataError(f"{path.name}: {len(x)} images; at least 10 (a training and a test set)")
    return ImageSet(path.name, x, (int(shape[0]), int(shape[1])), labels=labels)
