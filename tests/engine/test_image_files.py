"""Image files the user has (MNIST's IDX, raw or .gz, and NPZ): read right, refused in one line."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest

from engine import experiment as experiments
from engine.data.files import DataError
from engine.imaging import image_files


def idx(array: np.ndarray) -> bytes:
    """An IDX file of unsigned bytes, as MNIST's: magic 0x00 0x00 0x08 ndims, sizes, data."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(np.uint8).tobytes()


@pytest.fixture
def mnist_like(tmp_path):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(40, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=40, dtype=np.uint8)
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(idx(images)))
    (tmp_path / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx(labels)))
    return path, images, labels


def test_an_idx_pair_reads_as_images_with_their_labels(mnist_like, tmp_path):
    path, images, labels = mnist_like
    loaded = image_files.load_images(path)
    assert loaded.shape == (28, 28) and len(loaded) == 40
    np.testing.assert_array_equal(loaded.x, images.reshape(40, -1) / np.float32(255))
    np.testing.assert_array_equal(loaded.labels, labels)
    raw = tmp_path / "raw-images-idx3-ubyte"  # uncompressed, no labels beside it
    raw.write_bytes(idx(images))
    assert image_files.load_images(raw).labels is None


def test_an_npz_of_grey_levels_reads_as_images(tmp_path):
    x = np.linspace(0, 255, 12 * 5 * 6).reshape(12, 5, 6)
    path = tmp_path / "faces.npz"
    np.savez(path, x=x, labels=np.arange(12))
    loaded = image_files.load_images(path)
    assert loaded.shape == (5, 6) and loaded.x.max() == pytest.approx(1.0)
    assert loaded.labels.tolist() == list(range(12))


def corrupt_files(tmp_path):
    good = idx(np.zeros((20, 8, 8)))
    declared_huge = bytes([0, 0, 8, 3]) + struct.pack(">3I", 10**7, 256, 256)
    cases = {
        "wrong magic": (b"\x01\x02\x08\x03" + good[4:], "wrong magic number"),
        "floats": (bytes([0, 0, 0x0D, 3]) + good[4:], "only unsigned bytes"),
        "truncated": (good[:-100], "declares 1,280 bytes of data but holds 1,180"),
        "too long": (good + b"\x00" * 7, "declares 1,280 bytes of data but holds 1,287"),
        "beyond the budget": (declared_huge + b"\x00" * 64, "more than the 1024 MiB budget"),
        "a .gz that ends early": (gzip.compress(good)[:-30], "ends after|corrupt .gz"),
        "a .gz that lies": (gzip.compress(good[:-200]), "ends after 1,080 of the 1,280 bytes"),
        "a .gz with more": (gzip.compress(good + b"\x01" * 5), "more data than its header"),
        "labels, not images": (idx(np.zeros(20)), "1-D data, not images"),
        "huge images": (bytes([0, 0, 8, 3]) + struct.pack(">3I", 2, 4096, 4096), "4096 × 4096"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / f"{name.replace(' ', '_')}.idx"
        path.write_bytes(content)
        yield name, path, message


def test_every_corrupt_idx_is_refused_in_one_line_naming_the_file(tmp_path):
    for name, path, message in corrupt_files(tmp_path):
        with pytest.raises(DataError, match=message) as caught:
            image_files.load_images(path)
        text = str(caught.value)
        assert text.startswith(path.name) and "\n" not in text, name


def test_a_pickled_or_wrong_npz_is_refused(tmp_path):
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, x=np.array([object()] * 20, dtype=object))
    with pytest.raises(DataError, match="no pickled objects"):
        image_files.load_images(pickled)
    flat = tmp_path / "flat.npz"
    np.savez(flat, x=np.zeros((20, 64)))
    with pytest.raises(DataError, match="images are n × rows × columns"):
        image_files.load_images(flat)
    nan = tmp_path / "nan.npz"
    np.savez(nan, x=np.full((20, 4, 4), np.nan))
    with pytest.raises(DataError, match="NaN"):
        image_files.load_images(nan)
    few = tmp_path / "few.npz"
    np.savez(few, x=np.zeros((3, 4, 4)))
    with pytest.raises(DataError, match="3 images; at least 10"):
        image_files.load_images(few)


def test_the_vae_trains_on_a_file_of_images(mnist_like):
    path, _, _ = mnist_like
    vae = experiments.get("vae")
    config = vae.config(dataset=str(path), epochs=1, batch=16, iwae_k=2)
    run = experiments.Run(config, vae.generate)
    list(run.until(None))
    assert run.result.train_size == 32 and run.result.test_size == 8


def test_a_file_smaller_than_the_batch_trains_on_all_its_images_and_says_so(mnist_like):
    """The file's size is known once it is read: batch 128 (the default, untouched) over its
    32 training images is one batch of 32 and a word, not a failure naming batch."""
    path, _, _ = mnist_like
    chosen = experiments.get("vae")
    config = chosen.config(dataset=str(path), epochs=2, batch=128, iwae_k=2)
    run = experiments.Run(config, chosen.generate)
    with pytest.warns(RuntimeWarning, match="batch = 128: .* has 32 training images; each step"):
        list(run.until(None))
    assert run.result.final and run.result.epoch == 2
