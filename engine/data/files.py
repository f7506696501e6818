"""Reading and writing data files: CSV and NPZ in, NPZ out.

Files are treated as hostile: no pickles, declared array shapes checked against the file's size and
a memory budget before anything is allocated, every value finite, one clear message per problem.
"""

from __future__ import annotations

import contextlib
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from engine.atomic import WriteError, atomic_write
from engine.config import ConfigError, os_reason, shown_path
from engine.data.dataset import Dataset, GaussianMixture, ThreeCoins

MAX_ROWS = 10_000_000
MAX_COLUMNS = 2
MAX_FILE_BYTES = 1 << 30  # 1 GiB
LABEL_COLUMNS = ("z", "label", "component")


# Squares of the points (variances, ℓ̄) stay finite, summed over 10⁶ points, below this.
MAX_MAGNITUDE = 1e150


class DataError(ConfigError):
    """A data file that cannot be used, with the reason in one line."""


def load(path: str | Path, max_columns: int = MAX_COLUMNS) -> Dataset:
    """Read a CSV, NPY or NPZ file into a Dataset: points with at most `max_columns` columns
    (the Data panel's are 1-D or 2-D), optional integer labels z."""
    path = Path(path)
    try:
        if not path.exists():
            raise DataError(f"{shown_path(path)}: no such file")
        if not path.is_file():
            raise DataError(f"{shown_path(path)}: not a file")
        size = path.stat().st_size
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte, no permission
        raise DataError(f"{shown_path(path)}: {os_reason(exc)}") from None
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"{path.name}: {size / 2**20:.0f} MiB is larger than the "
            f"{MAX_FILE_BYTES >> 20} MiB this app reads"
        )
    suffix = path.suffix.lower()
    if suffix == ".npz":
        return _load_npz(path, max_columns)
    if suffix == ".npy":
        return _load_npy(path, max_columns)
    if suffix in (".csv", ".txt", ".tsv"):
        return _load_csv(path, max_columns)
    raise DataError(f"{path.name}: unknown file type {suffix or '(none)'}; use .csv, .npy or .npz")


def _load_csv(path: Path, max_columns: int) -> Dataset:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{path.name}: not a text file (it is not UTF-8)") from None
    lines = [
        (i + 1, line)
        for i, line in enumerate(text.splitlines())
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise DataError(f"{path.name}: no data rows")
    delimiter = _delimiter(lines[0][1])
    first = _split(lines[0][1], delimiter)
    header: list[str] | None = None
    if not all(_is_number(v) for v in first):
        header = [v.strip().strip('"') for v in first]
        lines = lines[1:]
    if not lines:
        raise DataError(f"{path.name}: a header but no data rows")
    width = len(header) if header is not None else len(_split(lines[0][1], delimiter))
    if len(lines) > MAX_ROWS:
        raise DataError(f"{path.name}: {len(lines)} rows; at most {MAX_ROWS} are read")
    values = np.empty((len(lines), width))
    for row, (number, line) in enumerate(lines):
        fields = _split(line, delimiter)
        if len(fields) != width:
            raise DataError(
                f"{path.name}, line {number}: {len(fields)} fields where the first row has {width}"
            )
        for col, field in enumerate(fields):
            try:
                values[row, col] = float(field)
            except ValueError:
                raise DataError(
                    f"{path.name}, line {number}: {field.strip()!r} is not a number"
                ) from None
    names = header or [f"x{i + 1}" for i in range(width)]
    label_at = next((i for i, n in enumerate(names) if n.lower() in LABEL_COLUMNS), None)
    z = None
    if label_at is not None:
        z = values[:, label_at]
        values = np.delete(values, label_at, axis=1)
        names = names[:label_at] + names[label_at + 1 :]
    return _make(path, values, z, tuple(names), max_columns=max_columns)


def _delimiter(line: str) -> str | None:
    for candidate in (",", "\t", ";"):
        if candidate in line:
            return candidate
    return None  # white space


def _split(line: str, delimiter: str | None) -> list[str]:
    return line.split(delimiter) if delimiter else line.split()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# Most values an NPZ member may hold: points and labels up to MAX_ROWS, a true model's few.
MAX_TRUTH_VALUES = 100_000
NPY_HEADER_BYTES = 1 << 16


def read_npy_member(zf: zipfile.ZipFile, name: str, path: Path, max_values: int) -> np.ndarray:
    """A member whose size, as the archive declares it, is checked before one byte of it is
    decompressed (zipfile never inflates past that size): a small archive cannot expand into
    gigabytes before it is refused."""
    info = zf.getinfo(name)
    most = NPY_HEADER_BYTES + 16 * max_values
    if info.file_size > most:
        raise DataError(
            f"{path.name}: {name} unpacks to {info.file_size / 2**20:.0f} MiB, more than "
            f"{max_values:,} numbers need ({most / 2**20:.0f} MiB)"
        )
    with zf.open(info) as fh:
        return _read_npy(fh, info.file_size, path, name, 16 * max_values)


def _read_npy(fh, size: int, path: Path, name: str, budget: int) -> np.ndarray:
    """An .npy stream whose header is checked (numbers only, a declared size that fits the
    budget and the bytes present) before anything is allocated."""
    try:
        version = np.lib.format.read_magic(fh)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(fh)
        else:
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(fh)
    except (ValueError, OSError) as exc:
        raise DataError(f"{path.name}: {name} is not a valid .npy array ({exc})") from None
    if dtype.hasobject or dtype.kind not in "biuf":
        raise DataError(
            f"{path.name}: {name} holds {dtype} values; only numbers are read (no pickled objects)"
        )
    count = int(np.prod(shape, dtype=np.float64)) if shape else 1
    nbytes = count * dtype.itemsize
    if nbytes > budget:
        raise DataError(
            f"{path.name}: {name} declares shape {shape} ({nbytes / 2**20:.0f} "
            f"MiB), more than the {budget >> 20} MiB budget"
        )
    if nbytes > size:
        raise DataError(
            f"{path.name}: {name} declares shape {shape} but holds only "
            f"{size} bytes (truncated or corrupt)"
        )
    try:
        return _read_body(fh, shape, fortran, dtype, path, name)
    except (ValueError, OSError, EOFError) as exc:
        raise DataError(f"{path.name}: {name} could not be read ({exc})") from None


def _load_npy(path: Path, max_columns: int) -> Dataset:
    with open(path, "rb") as fh:
        x = _read_npy(fh, path.stat().st_size, path, "the array", MAX_FILE_BYTES * 2)
    return _make(path, x, None, None, max_columns=max_columns)


def _read_body(fh, shape, fortran, dtype, path: Path, name: str) -> np.ndarray:
    count = int(np.prod(shape)) if shape else 1
    data = fh.read(count * dtype.itemsize)
    if len(data) != count * dtype.itemsize:
        raise DataError(f"{path.name}: {name} is truncated")
    array = np.frombuffer(data, dtype=dtype, count=count)
    return array.reshape(shape, order="F" if fortran else "C")


@contextlib.contextmanager
def open_npz(path: Path, x_is: str = "") -> Iterator[tuple[zipfile.ZipFile, dict[str, str]]]:
    """An NPZ's archive and its arrays' member names by array name, with an array `x` (`x_is`
    says what it holds, for the message); a broken archive, read now or later, is one line."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise DataError(f"{path.name}: not a valid .npz file (not a zip archive)") from None
    with archive:
        members = {n.removesuffix(".npy"): n for n in archive.namelist() if n.endswith(".npy")}
        if "x" not in members:
            found = ", ".join(members) or "none"
            raise DataError(f"{path.name}: no array named 'x'{x_is} (found: {found})")
        try:
            yield archive, members
        except (zipfile.BadZipFile, zlib.error) as exc:
            raise DataError(f"{path.name}: corrupt archive ({exc})") from None


def _load_npz(path: Path, max_columns: int) -> Dataset:
    with open_npz(path) as (zf, members):
        limits = {"x": MAX_ROWS * max_columns, "z": MAX_ROWS}
        arrays = {
            key: read_npy_member(zf, name, path, limits.get(key, MAX_TRUTH_VALUES))
            for key, name in members.items()
            if key in ("x", "z") or key.startswith("truth_")
        }
        meta = _read_meta(zf, members, path)
    x = arrays["x"]
    columns = tuple(meta.get("columns", ())) or None
    return _make(
        path,
        x,
        arrays.get("z"),
        columns,
        truth=_truth(arrays, meta, path),
        kind=meta.get("kind", "points"),
        name=meta.get("name"),
        max_columns=max_columns,
    )


def _read_meta(zf: zipfile.ZipFile, members: dict[str, str], path: Path) -> dict:
    if "meta" not in members:
        return {}
    array = read_npy_member(zf, members["meta"], path, 1 << 20)
    try:
        meta = json.loads(bytes(array.astype(np.uint8)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise DataError(f"{path.name}: its 'meta' entry is not valid JSON") from None
    if not isinstance(meta, dict):
        raise DataError(f"{path.name}: its 'meta' entry is not a JSON object")
    return meta


def _truth(arrays: dict[str, np.ndarray], meta: dict, path: Path):
    try:
        if "truth_coins" in arrays:
            p = np.asarray(arrays["truth_coins"], dtype=np.float64).reshape(3)
            if not np.all((p >= 0) & (p <= 1)):
                raise ValueError("coin probabilities outside [0, 1]")
            return ThreeCoins(*map(float, p))
        if "truth_weights" in arrays:
            return GaussianMixture(
                arrays["truth_weights"], arrays["truth_means"], arrays["truth_covariances"]
            )
    except (KeyError, ValueError) as exc:
        raise DataError(f"{path.name}: its true model is inconsistent ({exc})") from None
    return None


def _make(
    path: Path,
    x: np.ndarray,
    z: np.ndarray | None,
    columns: tuple[str, ...] | None,
    truth=None,
    kind: str = "points",
    name: str | None = None,
    max_columns: int = MAX_COLUMNS,
) -> Dataset:
    x = np.asarray(x)
    if x.ndim == 1:
        x = x[:, None]
    if x.ndim != 2:
        raise DataError(f"{path.name}: x has shape {x.shape}; expected (n,) or (n, d)")
    n, d = x.shape
    if n == 0:
        raise DataError(f"{path.name}: no data points")
    if not 1 <= d <= max_columns:
        what = "1-D or 2-D" if max_columns == 2 else f"at most {max_columns}-D"
        raise DataError(f"{path.name}: {d} data columns; this model's points are {what}")
    if n > MAX_ROWS:
        raise DataError(f"{path.name}: {n} points; at most {MAX_ROWS} are read")
    x = x.astype(np.float64)
    bad = ~np.isfinite(x).all(axis=1)
    if bad.any():
        row = int(np.argmax(bad))
        raise DataError(
            f"{path.name}: point {row + 1} is not finite ({x[row].tolist()}); "
            "remove NaN and infinite values first"
        )
    largest = float(np.abs(x).max())
    if largest > MAX_MAGNITUDE:
        raise DataError(
            f"{path.name}: a value of {largest:.3g}; the statistics square the points, which "
            f"overflows beyond ±{MAX_MAGNITUDE:.0e}: rescale the data"
        )
    if z is not None:
        z = np.asarray(z)
        if z.shape != (n,):
            raise DataError(
                f"{path.name}: z has shape {z.shape}; expected ({n},), one label a point"
            )
        if not np.all(np.isfinite(z)) or not np.all(z == np.round(z)) or z.min() < 0:
            raise DataError(f"{path.name}: labels z must be whole numbers >= 0")
        z = z.astype(np.int64)
    if kind not in ("points", "coins"):
        raise DataError(f"{path.name}: unknown kind {kind!r} in meta")
    if kind == "coins" and not np.isin(x, (0.0, 1.0)).all():
        raise DataError(f"{path.name}: coin data must be 0 or 1")
    if truth is not None and isinstance(truth, GaussianMixture) and truth.d != d:
        raise DataError(f"{path.name}: the true model is {truth.d}-D but x is {d}-D")
    if columns is None or len(columns) != d:
        columns = tuple(f"x{i + 1}" for i in range(d)) if d > 1 else ("x",)
    return Dataset(
        name=name or path.stem, x=x, z=z, truth=truth, columns=columns, source=str(path), kind=kind
    )


def save_npz(dataset: Dataset, path: str | Path) -> Path:
    """Write x, z, the true model and a JSON `meta` entry; readable back without pickles."""
    path = Path(path)
    if path.suffix.lower() != ".npz":
        raise DataError(f"{path}: data are saved as .npz")
    arrays: dict[str, np.ndarray] = {"x": np.ascontiguousarray(dataset.x)}
    if dataset.z is not None:
        arrays["z"] = np.ascontiguousarray(dataset.z)
    truth = dataset.truth
    if isinstance(truth, GaussianMixture):
        arrays.update(
            truth_weights=truth.weights,
            truth_means=truth.means,
            truth_covariances=truth.covariances,
        )
    elif isinstance(truth, ThreeCoins):
        arrays["truth_coins"] = np.array([truth.p_a, truth.p_b, truth.p_c])
    meta = {
        "name": dataset.name,
        "kind": dataset.kind,
        "columns": list(dataset.columns),
        "source": dataset.source,
    }
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    try:
        with atomic_write(path) as fh:
            np.savez_compressed(fh, **arrays)
    except OSError as exc:  # WriteError's message says what happened and what did not
        raise DataError(str(exc) if isinstance(exc, WriteError) else f"{path}: {exc}") from None
    return path
