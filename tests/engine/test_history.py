"""The run's history: every step's numbers, a bounded number of snapshots, memory flat."""

import tracemalloc
from dataclasses import dataclass

import numpy as np
import pytest

from engine.config import ExperimentConfig, param
from engine.experiment import Snapshot, bulk, traced
from engine.history import History


@dataclass(frozen=True, kw_only=True)
class ImageSnapshot(Snapshot):
    """A synthetic experiment's step: a number, a flag and an image grid (as a VAE's)."""

    loss: float
    worse: bool
    note: float | None = None
    grid: np.ndarray = bulk()


@dataclass(frozen=True, kw_only=True)
class ImageConfig(ExperimentConfig):
    rate: float = param(1.0, "a rate", minimum=0.0, maximum=10.0)


def image_steps(count, shape=(16, 28, 28)):
    for t in range(count):
        yield ImageSnapshot(
            step=t,
            loss=1.0 / (t + 1),
            worse=t % 7 == 0,
            note=None if t % 2 else float(t),
            grid=np.full(shape, t, dtype=np.float32),
        )


def test_every_number_is_kept_and_at_most_keep_snapshots():
    history = History(keep=16)
    for snap in image_steps(1000):
        history.append(snap)
    assert len(history) == 1000 and history.kept <= 16
    np.testing.assert_array_equal(history.trace("loss"), 1.0 / np.arange(1, 1001))
    np.testing.assert_array_equal(history.trace("worse") > 0, np.arange(1000) % 7 == 0)
    note = history.trace("note")
    assert np.isnan(note[1::2]).all() and note[0::2].tolist() == list(range(0, 1000, 2))
    # Kept evenly: 0, s, 2s, ... and the newest; a dropped step shows the kept one before it.
    steps = [s.step for s in history]
    assert steps[0] == 0 and steps[-1] == 999
    assert all(step % history.stride == 0 for step in steps[:-1])
    assert history[-1].step == 999 and history[0].step == 0
    dropped = history.stride + 1
    assert history.kept_step(dropped) == history.stride
    assert history[dropped].step == history.stride
    with pytest.raises(IndexError):
        history.kept_step(1000)


def test_a_short_run_keeps_every_snapshot_in_order():
    history = History(keep=16)
    snaps = list(image_steps(10))
    for snap in snaps:
        history.append(snap)
    assert list(history) == snaps and history.stride == 1
    assert all(history[i] is snaps[i] for i in range(10))
    assert history.index_of(snaps[4]) == 4 and history.index_of(next(image_steps(1))) is None


def test_traces_to_a_snapshot_end_at_it():
    history = History(keep=64)
    snaps = list(image_steps(20))
    for snap in snaps:
        history.append(snap)
    looking_back = history.traces_to(snaps[5], "loss")["loss"]
    np.testing.assert_array_equal(looking_back, 1.0 / np.arange(1, 7))
    result = ImageSnapshot(step=20, loss=0.0, worse=False, grid=np.zeros(1))
    final = history.traces_to(result, "loss", "note")
    assert len(final["loss"]) == 21 and final["loss"][-1] == 0.0 and np.isnan(final["note"][-1])


@dataclass(frozen=True, kw_only=True)
class StartsSnapshot(Snapshot):
    """A step of several runs at once: a small array per step, None before the first."""

    theta: np.ndarray = traced()
    bound: np.ndarray | None = traced(None)
    model: object = bulk(traced=True)
    cloud: np.ndarray = bulk()


def test_small_arrays_and_objects_are_traced_and_bulk_is_not():
    models = [object() for _ in range(4)]
    snaps = [
        StartsSnapshot(
            step=t,
            theta=np.full((3, 2), t),
            bound=None if t == 0 else np.full(3, -t),
            model=models[t],
            cloud=np.zeros(1000),
        )
        for t in range(4)
    ]
    history = History.of(snaps, keep=2)
    theta = history.trace("theta")
    assert theta.shape == (4, 3, 2) and theta[:, 0, 0].tolist() == [0, 1, 2, 3]
    bound = history.trace("bound")
    assert bound.shape == (4, 3) and np.isnan(bound[0]).all() and bound[3].tolist() == [-3] * 3
    assert history.values("model") == models
    assert history.values("cloud") == [None] * 4  # bulk: only in the kept snapshots
    # Up to a snapshot looked back at, and up to a result not in the history.
    assert history.traces_to(snaps[-1], "theta")["theta"].shape == (4, 3, 2)
    result = StartsSnapshot(step=2, theta=np.ones((3, 2)), model=None, cloud=np.zeros(1))
    assert history.values_to(result, "model") == [*models[:2], None]
    assert np.isnan(history.traces_to(result, "bound")["bound"][-1]).all()


def test_memory_stays_flat_over_ten_thousand_image_sized_steps():
    """Each step holds 50 KB of images: 500 MB if all were kept; at most keep of them are."""
    history = History(keep=64)
    steps = image_steps(10_000)
    tracemalloc.start()
    try:
        for snap in steps:
            history.append(snap)
            if snap.step == 1_000:
                early = tracemalloc.get_traced_memory()[0]
        late, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    per_step = 16 * 28 * 28 * 4
    assert history.kept <= 64 and len(history) == 10_000
    assert peak < 70 * per_step + 5_000_000  # the kept images and the traces, no more
    assert late - early < 2 * 64 * per_step  # flat: the same images' worth as at step 1000


def test_keep_must_hold_the_first_and_the_newest():
    with pytest.raises(ValueError, match="keep"):
        History(keep=1)


def test_each_kept_snapshot_keeps_the_config_that_made_it():
    """A steered run changes its config part way: each step looked back at has its own."""
    first, steered = (ImageConfig(rate=rate) for rate in (1.0, 2.0))
    history = History(keep=4)
    snaps = list(image_steps(40, shape=(1,)))
    for snap in snaps:
        history.append(snap, first if snap.step < 25 else steered)
    kept = list(history)
    assert len(kept) <= 4 and kept[-1] is snaps[-1]
    for snap in kept:
        assert history.config_of(snap) is (first if snap.step < 25 else steered)
    dropped = next(snap for snap in snaps if history.index_of(snap) is None)
    assert history.config_of(dropped) is None  # thinned out: neither it nor its config kept
    untold = History()
    untold.append(snaps[0])
    assert untold.config_of(snaps[0]) is None  # no config given: none made up
