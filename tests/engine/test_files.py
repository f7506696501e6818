"""Data files: round trips, and hostile or broken files refused with one clear message."""

import io
import zipfile

import numpy as np
import pytest

from engine.data import files
from engine.data.files import DataError
from engine.data.making import DataConfig, make_dataset


def test_npz_round_trip_keeps_points_labels_and_truth(tmp_path):
    data = make_dataset(DataConfig.create(kind="gmm2d", n=300, seed=5))
    path = files.save_npz(data, tmp_path / "d.npz")
    back = files.load(path)
    assert np.array_equal(back.x, data.x) and np.array_equal(back.z, data.z)
    assert np.array_equal(back.truth.covariances, data.truth.covariances)
    assert back.columns == data.columns and back.name == data.name


def test_coin_data_round_trip(tmp_path):
    data = make_dataset(DataConfig.create(kind="coins", n=50))
    back = files.load(files.save_npz(data, tmp_path / "c.npz"))
    assert back.is_coins and back.truth.p_heads == pytest.approx(data.truth.p_heads)


def test_csv_with_header_and_label_column(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("# a comment\na,b,z\n1,2,0\n3,4.5,1\n-1,0,1\n")
    data = files.load(path)
    assert data.x.tolist() == [[1, 2], [3, 4.5], [-1, 0]]
    assert data.z.tolist() == [0, 1, 1]
    assert data.columns == ("a", "b")


def test_whitespace_csv_without_header(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("1.5\n2.5\n  3.5\n")
    assert files.load(path).x[:, 0].tolist() == [1.5, 2.5, 3.5]


def _npz_bytes(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _declared_huge_npy() -> bytes:
    header = {"descr": "<f8", "fortran_order": False, "shape": (10**12, 2)}
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, header)
    return buffer.getvalue() + b"\0" * 64


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("nan.csv", "x,y\n1,2\nnan,3\n", "point 2 is not finite"),
        ("ragged.csv", "1,2\n3\n", "line 2: 1 fields"),
        ("words.csv", "x\n1\nabc\n", "line 3: 'abc' is not a number"),
        ("empty.csv", "", "no data rows"),
        ("header.csv", "x,y\n", "a header but no data rows"),
        ("wide.csv", "1,2,3\n4,5,6\n", "3 data columns"),
        ("binary.csv", b"\xff\xfe\x00\x01", "not a text file"),
        ("labels.csv", "x,z\n1,0.5\n", "whole numbers"),
        ("neg.csv", "x,z\n1,-1\n", "whole numbers"),
        ("data.xlsx", "x", "unknown file type .xlsx"),
        ("bad.npz", b"not a zip at all", "not a valid .npz"),
        ("nox.npz", _npz_bytes(y=np.zeros(3)), "no array named 'x'"),
        ("obj.npz", None, "only numbers are read"),
        ("huge.npz", None, "budget"),
        ("short.npz", None, "truncated or corrupt"),
        ("cube.npz", _npz_bytes(x=np.zeros((2, 2, 2))), "expected (n,) or (n, d)"),
        ("zlen.npz", _npz_bytes(x=np.zeros(3), z=np.zeros(2)), "z has shape (2,)"),
        ("inf.npz", _npz_bytes(x=np.array([1.0, np.inf])), "point 2 is not finite"),
        ("zero.npz", _npz_bytes(x=np.zeros((0, 2))), "no data points"),
    ],
)
def test_bad_files_are_refused(tmp_path, name, content, fragment):
    path = tmp_path / name
    if name == "obj.npz":
        buffer = io.BytesIO()
        np.savez(buffer, x=np.array([{"evil": 1}, 2], dtype=object))
        content = buffer.getvalue()
    elif name == "huge.npz":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("x.npy", _declared_huge_npy())
    elif name == "short.npz":
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(
            header, {"descr": "<f8", "fortran_order": False, "shape": (1000, 2)}
        )
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("x.npy", header.getvalue() + b"\0" * 80)
    if content is not None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(DataError) as caught:
        files.load(path)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        files.load(tmp_path / "nope.csv")
    with pytest.raises(DataError, match="not a file"):
        files.load(tmp_path)


def test_save_refuses_other_suffixes_and_unwritable_places(tmp_path):
    data = make_dataset(DataConfig.create(n=10))
    with pytest.raises(DataError, match=r"\.npz"):
        files.save_npz(data, tmp_path / "d.csv")
    with pytest.raises(DataError, match="cannot write"):
        files.save_npz(data, tmp_path / "missing" / "d.npz")


def test_the_file_kind_reads_through_the_experiment(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("x\n" + "\n".join(str(v) for v in range(20)))
    data = make_dataset(DataConfig.create(kind="file", path=str(path)))
    assert len(data) == 20 and data.d == 1


def test_values_whose_squares_overflow_are_refused(tmp_path):
    """A CSV of 1e308 loaded and showed numpy's 'overflow encountered in multiply'."""
    import engine

    path = tmp_path / "big.csv"
    path.write_text("x,y\n1e308,1e308\n-1e308,2e307\n1,2\n")
    with pytest.raises(DataError, match=r"big.csv: a value of 1e\+308;.*rescale the data"):
        files.load(path)
    path.write_text("x,y\n1e149,1e149\n-1e149,2e148\n1,2\n")
    final = list(engine.run("data", kind="file", path=str(path)))[-1]  # warnings are errors here
    assert np.all(np.isfinite(final.covariance))


def test_a_path_the_system_refuses_is_one_line():
    with pytest.raises(DataError) as caught:
        files.load("/tmp/" + "y" * 5000 + ".csv")
    assert "name too long" in str(caught.value) and len(str(caught.value)) < 160


def test_an_npz_member_is_refused_by_its_declared_size_before_it_is_inflated(tmp_path, monkeypatch):
    """A 400 MB compressed NPZ raised memory by 775 MB before it was refused: each member's
    size in the archive's directory is now checked before any of it is decompressed."""
    monkeypatch.setattr(files, "MAX_ROWS", 1000)  # the limits, scaled down for a quick test
    path = tmp_path / "big.npz"
    np.savez_compressed(path, x=np.zeros((100_000, 2)))
    inflated: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        inflated.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    with pytest.raises(DataError, match=r"x.npy unpacks to 2 MiB, more than 2,000 numbers"):
        files.load(path)
    assert inflated == []
