"""What the VAE views draw, computed without Qt: the plane of the codes, the decoded grid, the
nearest code to a click, and that a run's snapshots stay small; the workspace's trained models
give what training again gives."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
from sklearn.decomposition import PCA

from engine import experiment as experiments
from engine.assets import SHIPPED_DIGITS_MODELS
from engine.imaging import images
from engine.vae import pictures
from engine.workspace import WORKSPACE

INTERPOLATE = experiments.get("interpolate")
VAE = experiments.get("vae")


def result_of(experiment, **params):
    # The interpolations here train, on digits (seconds) unless they say otherwise: the
    # defaults are pole and shadow's shipped models.
    preset = "digits" if experiment is INTERPOLATE else None
    run = experiments.Run(experiment.config(preset, **params), experiment.generate)
    steps = list(run.until(None))
    return steps, run.result


def test_the_plane_of_many_latents_is_their_first_two_principal_components():
    codes = np.random.default_rng(0).normal(size=(500, 5)) * [5.0, 3.0, 1.0, 0.5, 0.1]
    plane = pictures.plane_of(codes)
    oracle = PCA(2).fit(codes)
    assert np.allclose(np.abs(plane.basis @ oracle.components_.T), np.eye(2), atol=1e-9)
    assert plane.explained == pytest.approx(tuple(oracle.explained_variance_ratio_), rel=1e-9)
    uv = plane.project(codes)
    assert np.allclose(np.abs(uv), np.abs(oracle.transform(codes)), atol=1e-9)
    # Lifting back lands on the plane: projecting again gives the same coordinates.
    assert np.allclose(plane.project(plane.lift(uv)), uv, atol=1e-9)
    assert "PC 1" in plane.axes[0]


def test_two_latents_are_drawn_as_they_are_and_one_latent_on_a_line():
    codes = np.random.default_rng(1).normal(size=(50, 2))
    assert np.array_equal(pictures.plane_of(codes).project(codes), codes)
    line = pictures.plane_of(codes[:, :1])
    assert np.array_equal(line.project(codes[:, :1]), np.column_stack([codes[:, 0], np.zeros(50)]))


def test_the_grid_runs_as_the_scatter_does_top_row_first():
    at = pictures.grid_points(((0.0, 2.0), (-1.0, 1.0)), 3, 3)
    assert at[0].tolist() == [0.0, 1.0] and at[2].tolist() == [2.0, 1.0]  # top row, left to right
    assert at[-1].tolist() == [2.0, -1.0]
    assert pictures.grid_points(((0.0, 2.0), (-1.0, 1.0)), 3, 1)[:, 1].tolist() == [0, 0, 0]


def test_a_click_picks_the_nearest_shown_code_in_units_of_the_span():
    shown = pictures.Shown(index=np.array([10, 20, 30]), shape=(1, 1), originals=np.zeros((0, 1)))
    coords = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    drawn = pictures.Pictures(
        kind="vae",
        coords=coords,
        plane=pictures.plane_of(coords),
        span=((0.0, 100.0), (0.0, 1.0)),
        grid=np.zeros((0, 1), np.uint8),
        per_side=0,
        grid_rows=0,
        reconstructions=np.zeros((0, 1), np.uint8),
    )
    # (10, 0.6) is 10 units from the first in u but, scaled by the spans, nearer the third.
    assert pictures.nearest_shown(drawn, shown, 10.0, 0.6) == 30
    assert pictures.nearest_shown(drawn, shown, 90.0, 0.0) == 20


def test_images_as_bytes_round_to_the_nearest_level_and_clip():
    values = np.array([[-0.5, 0.0, 0.5, 1.0, 2.0]])
    assert pictures.as_uint8(values).tolist() == [[0, 0, 128, 255, 255]]


def test_each_epoch_draws_the_models_pictures_from_the_shown_test_images():
    steps, final = result_of(VAE, epochs=3, iwae_k=10, latent=3)
    for snap in [*steps, final]:
        drawn = snap.pictures
        assert drawn.coords.shape == (359, 2) and drawn.grid.dtype == np.uint8
        assert drawn.grid.shape == (15 * 15, 64) and drawn.samples.shape == (30, 64)
        assert snap.shown is steps[0].shown  # made once a run
    # The reconstructions are the final model's decoding of the first shown test images.
    with torch.no_grad():
        data = final.model.code(torch.as_tensor(np.array(_test_x(final.shown.index[:10]))))
        want = pictures.as_uint8(final.model.decode(data))
    assert np.abs(want.astype(int) - final.pictures.reconstructions.astype(int)).max() <= 1
    assert all(snap.model is None for snap in steps) and final.model is not None


def _test_x(index):
    _, test = images.split(images.digits(), 0)
    return (test.x[index] > 0.5).astype(np.float32)


def test_a_long_run_keeps_no_model_in_its_snapshots_and_its_pictures_small():
    steps, final = result_of(INTERPOLATE, dataset="poles", images=400, epochs=3, points=16)
    for snap in steps:
        assert snap.vae is None and snap.ae is None
        held = sum(
            value.nbytes
            for value in (
                *(getattr(snap, n) for n in ("vae_images", "ae_images", "pixel_images")),
                *(
                    getattr(p, n)
                    for p in (snap.vae_pictures, snap.ae_pictures)
                    for n in ("coords", "grid", "reconstructions")
                ),
            )
        )
        assert held < 300_000  # of a 32×32 run: a model alone is 3.3 MB
    assert final.vae is not None and final.ae is not None


def test_a_run_of_a_trained_recipe_takes_the_models_from_the_workspace_as_training_would():
    params = dict(epochs=4, points=5, a=3, b=40, reuse_trained=True)
    trained, first = result_of(INTERPOLATE, **params)
    assert not first.replayed and len(WORKSPACE) == 2
    replay, again = result_of(INTERPOLATE, **{**params, "a": 7, "path": "slerp"})
    assert again.replayed and again.vae is first.vae  # no training: the same models
    # Each epoch's losses replayed as they were.
    assert [s.vae_train_loss for s in replay] == [s.vae_train_loss for s in trained]
    assert [s.ae_test_recon for s in replay] == [s.ae_test_recon for s in trained]
    WORKSPACE.clear()  # what training again gives for the new end points
    _, fresh = result_of(INTERPOLATE, **{**params, "a": 7, "path": "slerp"})
    assert not fresh.replayed
    assert fresh.vae_scores == again.vae_scores and fresh.ae_scores == again.ae_scores
    assert fresh.vae_test_elbo == again.vae_test_elbo


def test_the_two_models_trained_alone_serve_the_interpolation():
    for model in ("vae", "ae"):
        result_of(VAE, model=model, epochs=3, iwae_k=1)
    steps, both = result_of(INTERPOLATE, epochs=3, points=5, reuse_trained=True)
    assert both.replayed and len(steps) == 2
    WORKSPACE.clear()
    _, fresh = result_of(INTERPOLATE, epochs=3, points=5)
    assert fresh.vae_scores == both.vae_scores and fresh.ae_test_recon == both.ae_test_recon


def test_a_changed_recipe_trains_again():
    result_of(INTERPOLATE, epochs=2, points=3)
    _, other = result_of(INTERPOLATE, epochs=2, points=3, beta=2.0, reuse_trained=True)
    assert not other.replayed


def test_a_run_depends_on_what_ran_before_only_when_its_config_says_so():
    """A warm workspace changes nothing unless reuse_trained says so: the same lines, scores
    in every epoch, as in a fresh process."""
    cold_steps, cold = result_of(INTERPOLATE, epochs=2, points=3)
    warm_steps, warm = result_of(INTERPOLATE, epochs=2, points=3)
    assert not warm.replayed and len(WORKSPACE) == 2
    assert [s.to_dict() for s in warm_steps] == [s.to_dict() for s in cold_steps]
    assert warm.to_dict() == cold.to_dict() and warm_steps[0].vae_off_manifold is not None


def test_the_amortisation_gap_is_in_order_and_in_the_final_line():
    _, final = result_of(VAE, epochs=5, iwae_k=1000, image=4)
    line = final.to_dict()
    errors = 3 * np.hypot(line["gap_encoder_se"], line["gap_own_se"])
    assert line["gap_image"] == 4
    assert line["gap_encoder_elbo"] <= line["gap_own_elbo"] + errors
    assert line["gap_own_elbo"] <= line["gap_log_px"] + 3 * line["gap_own_se"]
    _, ae = result_of(VAE, model="ae", epochs=1, iwae_k=1)
    assert "gap_image" not in ae.to_dict()


def test_snapshots_are_still_frozen():
    _, final = result_of(VAE, epochs=1, iwae_k=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        final.pictures.grid = None
    with pytest.raises(ValueError):
        final.pictures.grid[0, 0] = 1


IMAGES = experiments.get("images")


def test_the_digits_as_the_data_panel_shows_them():
    from sklearn.datasets import load_digits

    _, snap = result_of(IMAGES, dataset="digits")
    target = load_digits().target
    assert snap.label_counts == tuple(np.bincount(target))
    assert (snap.train_size, snap.test_size) == images.split_sizes("digits", 0)
    assert snap.row_names == tuple(str(d) for d in range(10)) and snap.grid.shape == (100, 64)
    # Row r of the grid holds ten different images of label r.
    everything = images.digits()
    bytes_of_all = images.as_uint8(everything.x)
    for row in range(10):
        for image in snap.grid[row * 10 : row * 10 + 10]:
            match = np.flatnonzero((bytes_of_all == image).all(1))
            assert len(match) and (everything.labels[match] == row).all()
        assert len({bytes(image) for image in snap.grid[row * 10 : row * 10 + 10]}) == 10


def test_pole_and_shadow_are_laid_out_on_their_true_factors():
    _, snap = result_of(IMAGES, dataset="poles", images=2000)
    everything = images.poles(2000, 0)
    grid = everything.factors
    low, high = grid.min(0), grid.max(0)
    theta = np.linspace(high[0], low[0], 10)
    phi = np.linspace(low[1], high[1], 10)
    bytes_of_all = images.as_uint8(everything.x)
    for i, image in enumerate(snap.grid):
        found = grid[np.flatnonzero((bytes_of_all == image).all(1))[0]]
        r, c = divmod(i, 10)
        step = (high - low) / 9
        assert abs(found[0] - theta[r]) < step[0] and abs(found[1] - phi[c]) < step[1]
    assert snap.factors.shape == (2000, 2) and snap.is_test.sum() == snap.test_size
    assert snap.row_names[0] == f"{np.degrees(high[0]):.0f}°"


def test_an_image_file_that_lies_is_refused_in_one_line(tmp_path, capfd):
    from engine.data.files import DataError

    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(b"\x00\x00\x08\x03" + (60000).to_bytes(4, "big") + b"\x00\x00\x00\x1c" * 2)
    with pytest.raises(DataError, match="train-images-idx3-ubyte") as caught:
        result_of(IMAGES, dataset=str(path))
    assert "\n" not in str(caught.value)


def test_the_off_manifold_score_is_the_distance_to_the_nearest_reference():
    from engine.vae import interpolation

    generator = torch.Generator().manual_seed(3)
    references = torch.rand((5000, 64), generator=generator)
    points = torch.rand((16, 64), generator=generator)
    points[3] = references[4321]  # on a reference: 0
    brute = torch.cdist(points.double(), references.double()).min(1).values / 8.0
    kept = interpolation.References(references)
    assert np.allclose(interpolation.off_manifold(points, kept), brute.numpy(), atol=1e-6)
    assert interpolation.off_manifold(points, references)[3] == 0.0


def test_the_ladder_reports_progress_so_a_cancel_is_never_far():
    """The ladder to k = 5,000 takes seconds: it yields Progress a chunk of draws at a time
    (a cancel waits for one chunk), and its numbers are those of the ladder in one piece."""
    generator = VAE.generate(
        VAE.config(epochs=0, load=str(SHIPPED_DIGITS_MODELS["vae"]), iwae_k=1000)
    )
    reports = []
    with pytest.raises(StopIteration) as ended:
        while True:
            reports.append(next(generator))
    assert len(reports) > 3 and all(isinstance(r, experiments.Progress) for r in reports)
    fractions = [r.fraction for r in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    from engine.imaging import split
    from engine.vae import training

    data = split.Data("digits", "bernoulli", 0, torch.device("cpu"))
    model = ended.value.value.model
    assert ended.value.value.iwae_ladder == training.ladder(model, data, [1, 10, 100, 1000], 0)
    early = VAE.generate(VAE.config(epochs=0, load=str(SHIPPED_DIGITS_MODELS["vae"])))
    next(early)
    early.close()  # mid-ladder: closes at once
