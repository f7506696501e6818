"""The VAE engine: likelihoods, KL, ELBO and IWAE against exact answers; training, weights."""

from __future__ import annotations

import itertools
import math
import os
import pickle

import numpy as np
import pytest
import torch
from scipy import integrate
from torch.distributions import ContinuousBernoulli, Normal, kl_divergence

from engine import experiment as experiments
from engine.config import ConfigError
from engine.imaging import images, networks
from engine.vae.experiment import VAEConfig
from tests.faults import fsync_on_a_full_disk, weights_set_to

VAE = experiments.get("vae")
CPU = torch.device("cpu")


def final(**params):
    run = experiments.Run(VAE.config(**params), VAE.generate)
    steps = list(run.until(None))
    return steps, run.result


def test_the_kl_of_a_diagonal_gaussian_to_the_prior_is_torchs():
    generator = torch.Generator().manual_seed(0)
    mu = torch.randn((50, 3), generator=generator)
    logvar = torch.randn((50, 3), generator=generator)
    q = Normal(mu, torch.exp(0.5 * logvar))
    p = Normal(torch.zeros_like(mu), torch.ones_like(mu))
    expected = kl_divergence(q, p).sum(-1)
    assert networks.kl_to_standard_normal(mu, logvar) == pytest.approx(expected, abs=1e-5)


@pytest.mark.parametrize("logit", [-6.0, -1.0, -1e-4, 0.0, 1e-4, 2.5, 7.0])
def test_the_continuous_bernoulli_is_a_density_on_the_unit_interval(logit):
    """With its normaliser it integrates to one (the λ near 1/2 included, where torch uses a
    Taylor expansion): the nats of grey-level data are a log-likelihood."""
    density = ContinuousBernoulli(logits=torch.tensor(logit, dtype=torch.float64))
    mass, _ = integrate.quad(lambda x: math.exp(density.log_prob(torch.tensor(x))), 0.0, 1.0)
    assert mass == pytest.approx(1.0, abs=1e-6)


@pytest.fixture(scope="module")
def trained():
    steps, result = final(epochs=4, iwae_k=1000, seed=3)
    return steps, result


def test_the_elbo_is_reconstruction_minus_kl_and_agrees_with_monte_carlo(trained):
    _, result = trained
    assert result.test_elbo == pytest.approx(result.test_recon - result.test_kl, abs=1e-9)
    model = result.model
    test = images.split(images.digits(), 3)[1]
    x = torch.as_tensor((test.x > 0.5).astype(np.float32))
    with torch.no_grad():
        log_w = model.log_weights(x, 400, torch.Generator().manual_seed(1)).double()
    per_image = log_w.mean(0)  # E_q[log p(x, z) − log q(z | x)] per image: its ELBO
    error = float(per_image.std() / math.sqrt(len(per_image))) + 0.05
    assert float(per_image.mean()) == pytest.approx(result.test_elbo, abs=4 * error)


def test_the_iwae_ladder_rises_from_the_elbo(trained):
    _, result = trained
    ladder = result.iwae_ladder
    assert [k for k, _, _ in ladder] == [1, 10, 100, 1000] and result.iwae_k == 1000
    values = [value for _, value, _ in ladder]
    assert values[0] == pytest.approx(result.test_elbo, abs=3 * ladder[0][2])  # L₁ = ELBO
    # The errors given are over images (how log p(x) varies between them); the rungs are nested
    # (L_k from the first k draws), and the Monte Carlo error of a difference of their means
    # over 359 images is far smaller: under 0.05 nats here.
    for (_, low, _), (_, high, _) in itertools.pairwise(ladder):
        assert high >= low - 0.05
    assert values[-1] > values[0] + 0.1 and result.test_log_px_iwae == values[-1]


def test_training_lowers_the_loss_on_digits(trained):
    steps, result = trained
    losses = [s.train_loss for s in steps] + [result.train_loss]
    assert losses[-1] < losses[0] - 2.0
    assert result.epoch == 4 and result.train_size == 1438 and result.test_size == 359


def test_saved_weights_load_back_exactly_and_evaluate_to_the_same_numbers(tmp_path):
    path = tmp_path / "vae.pt"
    _, saved = final(epochs=2, iwae_k=10, save=str(path))
    _, again = final(epochs=0, iwae_k=10, load=str(path))
    assert again.test_elbo == saved.test_elbo and again.iwae_ladder == saved.iwae_ladder
    for (name, a), (_, b) in zip(
        saved.model.state_dict().items(), again.model.state_dict().items(), strict=True
    ):
        assert torch.equal(a, b), name
    with pytest.raises(ConfigError, match=r"another architecture: latent 2 \(here 3\)"):
        list(VAE.generate(VAE.config(epochs=0, load=str(path), latent=3)))


@pytest.mark.parametrize("name", ["vae.safetensors", "vae.pt", "model.bin"])
def test_weights_are_saved_as_safetensors_whatever_the_name(tmp_path, name):
    from safetensors import safe_open

    from engine.imaging import weight_files

    path = tmp_path / name
    _, saved = final(epochs=1, iwae_k=10, save=str(path))
    with safe_open(str(path), framework="pt") as weights:  # a safetensors file, read as one
        metadata = weights.metadata()
        assert set(weights.keys()) == set(saved.model.state_dict())
    assert metadata == {
        "format": weight_files.WEIGHTS_FORMAT,
        "model": "vae",
        "pixels": "64",
        "latent": "2",
        "likelihood": "bernoulli",
        "shape": "8,8",
        "dataset": "digits",
    }
    _, again = final(epochs=0, iwae_k=10, load=str(path))
    assert again.test_elbo == saved.test_elbo and again.iwae_ladder == saved.iwae_ladder


def test_weights_an_earlier_version_saved_as_a_torch_archive_still_load(tmp_path):
    """Versions before safetensors wrote torch.save of the state and the architecture."""
    from engine.imaging import weight_files

    _, saved = final(epochs=1, iwae_k=10)
    model = saved.model
    legacy = tmp_path / "legacy.pt"
    torch.save(
        {
            "format": weight_files.TORCH_FORMAT,
            **weight_files.architecture("vae", model.pixels, model.latent, "bernoulli"),
            "shape": [8, 8],
            "dataset": "digits",
            "state": {k: v.detach().cpu() for k, v in model.state_dict().items()},
        },
        legacy,
    )
    _, again = final(epochs=0, iwae_k=10, load=str(legacy))
    assert again.test_elbo == saved.test_elbo


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[:-100], "a damaged weights file"),  # cut short
        (lambda data: data[:9] + b"#" + data[10:], "a damaged weights file"),  # header broken
        (lambda data: data.replace(b"lvm-lab-vae/2", b"someone-else1"), "not a weights file"),
    ],
    ids=["truncated", "bad header", "another program's"],
)
def test_a_damaged_or_foreign_safetensors_file_is_refused_in_one_line(tmp_path, damage, message):
    path = tmp_path / "w.safetensors"
    final(epochs=0, iwae_k=1, save=str(path))
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(ConfigError, match=message) as caught:
        list(VAE.generate(VAE.config(epochs=0, load=str(path))))
    assert "\n" not in str(caught.value) and "w.safetensors" in str(caught.value)


def test_the_shipped_models_load_in_a_fresh_process():
    import subprocess
    import sys

    from engine.assets import SHIPPED_MODELS

    code = (
        "import torch\n"
        "from engine.assets import SHIPPED_MODELS\n"
        "from engine.imaging import weight_files\n"
        "pixels = {'digits': 64, 'poles': 1024}\n"
        "for m in SHIPPED_MODELS:\n"
        "    wanted = weight_files.architecture(m.kind, pixels[m.dataset], m.latent, "
        "m.likelihood)\n"
        "    weight_files.load_weights('load', str(m.path), wanted, torch.device('cpu'))\n"
        "print('loaded', len(SHIPPED_MODELS))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"loaded {len(SHIPPED_MODELS)}" and len(SHIPPED_MODELS) == 6
    for model in SHIPPED_MODELS:  # a few MB each at most
        assert model.path.stat().st_size < 4_000_000


def test_a_save_that_fails_keeps_the_run_and_says_so_in_one_line(tmp_path, monkeypatch):
    path = tmp_path / "vae.pt"
    path.write_bytes(b"the earlier weights")
    monkeypatch.setattr("engine.atomic.os.fsync", fsync_on_a_full_disk)
    _, result = final(epochs=1, iwae_k=10, save=str(path))
    assert "cannot write (No space left on device)" in result.save_error
    assert "unchanged" in result.save_error and "\n" not in result.save_error
    assert result.model is not None and result.iwae_ladder is not None  # nothing computed lost
    assert result.to_dict()["save_error"] == result.save_error
    assert path.read_bytes() == b"the earlier weights" and os.listdir(tmp_path) == ["vae.pt"]
    monkeypatch.undo()
    _, saved = final(epochs=1, iwae_k=10, save=str(path))
    assert saved.save_error is None and "save_error" not in saved.to_dict()


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_weights_that_are_not_finite_are_refused_by_name(tmp_path, bad):
    """A file saved by the app, its every tensor then set to NaN (or inf): refused at load,
    by the vae and interpolate experiments and by the race, in one line naming the file."""
    path = tmp_path / "broken.safetensors"
    final(epochs=0, iwae_k=1, save=str(path))
    weights_set_to(path, bad, path)
    message = "its weights are not finite"
    with pytest.raises(ConfigError, match=message):
        list(VAE.generate(VAE.config(epochs=0, load=str(path))))
    interpolate = experiments.get("interpolate")
    with pytest.raises(ConfigError, match=message):
        list(interpolate.generate(interpolate.config("digits-shipped", vae_file=str(path))))
    race = experiments.get("race")
    with pytest.raises(ConfigError, match=message):
        list(race.generate(race.config("vae", weights=str(path))))


def test_the_autoencoder_has_a_reconstruction_loss_and_no_elbo():
    steps, result = final(model="ae", epochs=2)
    assert result.test_elbo is None and result.test_kl is None and result.iwae_ladder is None
    assert result.train_loss == pytest.approx(-steps[0].test_recon, rel=0.5)
    line = result.to_dict()
    assert line["test_elbo"] is None and line["test_log_px_iwae"] is None


class _Evil:
    def __reduce__(self):
        return (print, ("unpickled!",))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a torch file at all", "not a weights file"),
        (pickle.dumps(_Evil()), "not a weights file"),
        (None, "not a weights file"),  # a torch file of something else
    ],
    ids=["text", "a pickle that would run code", "another torch file"],
)
def test_a_file_that_is_not_our_weights_is_refused_in_one_line(tmp_path, content, message, capfd):
    path = tmp_path / "weights.pt"
    if content is None:
        torch.save({"format": "someone else's"}, path)
    else:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match=message) as caught:
        list(VAE.generate(VAE.config(epochs=0, load=str(path))))
    assert "\n" not in str(caught.value) and "unpickled!" not in capfd.readouterr().out


def test_a_file_larger_than_any_weights_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pt"
    with open(path, "wb") as handle:
        handle.truncate(1 << 30)  # sparse: a gigabyte that takes no disk
    with pytest.raises(ConfigError, match="more than a weights file's 256 MiB"):
        list(VAE.generate(VAE.config(epochs=0, load=str(path))))


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"latent": 0}, "latent = 0"),
        ({"batch": 5000}, "more than the 1438 training images"),
        ({"dataset": "poles", "images": 100, "batch": 90}, "more than the 80 training images"),
        ({"likelihood": "poisson"}, "likelihood"),
        ({"load": "/no/such/file.pt"}, "no such file"),
        ({"save": "/no/such/folder/vae.pt"}, "its folder does not exist"),
        ({"save": "/tmp"}, "a folder, not a file"),
    ],
)
def test_bad_settings_are_one_message(params, message):
    with pytest.raises(ConfigError, match=message):
        VAEConfig.create(**params)


def test_a_non_finite_loss_stops_training_and_keeps_the_last_good_weights(monkeypatch):
    calls = {"n": 0}
    terms = networks.VAE.terms

    def breaking(self, x, generator=None, beta=1.0):
        reconstruction, kl, loss = terms(self, x, generator, beta)
        if self.training:
            calls["n"] += 1
            if calls["n"] > 12:  # the first batches of epoch 2 (12 batches an epoch)
                loss = loss * float("nan")
        return reconstruction, kl, loss

    monkeypatch.setattr(networks.VAE, "terms", breaking)
    with pytest.warns(RuntimeWarning, match="epoch 2: the training loss became nan"):
        steps, result = final(epochs=5, iwae_k=1)
    assert result.stopped.startswith("epoch 2") and result.epoch == 1
    assert result.test_elbo == steps[0].test_elbo and math.isfinite(result.test_elbo)
    assert result.to_dict()["stopped"].endswith("with the weights of epoch 1")


def test_pole_and_shadow_is_deterministic_and_its_shadow_follows_the_light():
    theta, phi = np.deg2rad([30.0, 60.0]), np.deg2rad([40.0, 140.0])
    first, again = images.render_poles(theta, phi), images.render_poles(theta, phi)
    np.testing.assert_array_equal(first, again)
    assert first.shape == (2, 1024) and first.min() >= 0 and first.max() <= 1
    dark = [np.argwhere(img.reshape(32, 32) < 0.2) for img in first]  # the shadows' pixels
    assert dark[0][:, 1].mean() > 16 > dark[1][:, 1].mean()  # φ = 40°: right, 140°: left
    low_sun = images.render_poles(np.deg2rad([25.0]), np.deg2rad([90.0]))
    high_sun = images.render_poles(np.deg2rad([70.0]), np.deg2rad([90.0]))
    assert (low_sun < 0.2).sum() > 2 * (high_sun < 0.2).sum()  # a low sun: a long shadow
    grid, factors = images.pole_grid(10)
    assert grid.shape == (100, 1024) and factors.shape == (100, 2)


# --- interpolation ---------------------------------------------------------------------------
INTERPOLATE = experiments.get("interpolate")


def test_a_generator_image_on_the_grid_scores_zero_and_a_cross_fade_does_not():
    from engine.vae import interpolation

    grid, _ = images.pole_grid(30)
    references = torch.as_tensor(grid)
    # Two lights far apart: the ends lie on the grid, the blend of two shadows on no image.
    fade = interpolation.cross_fade(references[0], references[-1], 9)
    scores = interpolation.off_manifold(fade, references)
    assert scores[0] == 0.0 and scores[-1] == 0.0  # exactly: the images themselves
    # Images of the true generator off the grid lie within the grid's spacing of it; the
    # cross-fade's middle lies several times further from every image the generator makes.
    rng = np.random.default_rng(0)
    lights = rng.uniform(*images.ELEVATION, 20), rng.uniform(*images.AZIMUTH, 20)
    on_manifold = interpolation.off_manifold(
        torch.as_tensor(images.render_poles(*lights)), references
    )
    assert scores[4] > 2.5 * on_manifold.max() and scores[4] > scores[1] > scores[0]


def test_slerp_keeps_its_ends_and_walks_the_circle():
    from engine.vae import interpolation

    a, b = torch.tensor([2.0, 0.0]), torch.tensor([0.0, 2.0])
    t = torch.linspace(0, 1, 5)
    path = interpolation.slerp(a, b, t)
    assert torch.allclose(path[0], a) and torch.allclose(path[-1], b, atol=1e-6)
    assert torch.allclose(torch.linalg.vector_norm(path, dim=1), torch.full((5,), 2.0))
    straight = interpolation.line(a, b, t)
    assert torch.linalg.vector_norm(straight[2]) < 1.5  # the chord cuts inside the circle
    same_way = interpolation.slerp(a, 3 * a, t)  # parallel: the straight line
    assert torch.allclose(same_way, interpolation.line(a, 3 * a, t))


def test_interpolation_scores_every_point_and_end_points_steer_without_retraining():
    config = INTERPOLATE.config("digits", epochs=4, a=3, b=40, points=5)
    plain = list(INTERPOLATE.generate(config))
    run = experiments.Run(config, INTERPOLATE.generate)
    first = run.next_step()
    moved = run.step(steer=config.replace(a=7, path="slerp"))
    rest = list(run.until(None))
    final = run.result
    assert (first.a, moved.a, final.a, final.path) == (3, 7, 7, "slerp")
    # Training went on untouched: the same models as the run that was never steered.
    assert moved.vae_test_elbo == plain[1].vae_test_elbo and len(rest) == 1
    assert len(final.vae_scores) == len(final.ae_scores) == len(final.pixel_scores) == 5
    assert final.vae_off_manifold == pytest.approx(np.mean(final.vae_scores))
    # The cross-fade starts and ends at the test images themselves: the VAE's and AE's paths
    # start at their reconstructions, which the ends' scores need not equal.
    assert np.isfinite([*final.vae_scores, *final.ae_scores, *final.pixel_scores]).all()
    assert "vae_scores" in final.to_dict() and "vae_scores" not in first.to_dict()
    assert final.vae_images.shape == (5, 64) and final.shape == (8, 8)


def test_interpolation_refuses_end_points_beyond_the_test_set_and_foreign_weights(tmp_path):
    with pytest.raises(ConfigError, match="a = 400: the test set has 359 images"):
        INTERPOLATE.config("digits", a=400)
    path = tmp_path / "ae.pt"
    final(model="ae", epochs=1, iwae_k=1, save=str(path))
    with pytest.raises(ConfigError, match=r"vae_file = .*another architecture: model ae"):
        list(INTERPOLATE.generate(INTERPOLATE.config("digits-shipped", vae_file=str(path))))


def test_gradients_are_clipped_as_torch_clips_them():
    from engine.vae import training

    torch.manual_seed(0)
    for scale in (1e-3, 1e4):  # below the limit: untouched; above: scaled to it
        ours = [torch.nn.Parameter(torch.randn(5, 3)) for _ in range(3)]
        theirs = [torch.nn.Parameter(p.detach().clone()) for p in ours]
        for a, b in zip(ours, theirs, strict=True):
            a.grad = torch.randn(5, 3) * scale
            b.grad = a.grad.clone()
        training.clip_gradients(ours)
        torch.nn.utils.clip_grad_norm_(theirs, training.GRADIENT_CLIP)
        for a, b in zip(ours, theirs, strict=True):
            assert torch.allclose(a.grad, b.grad, rtol=1e-5)
    total = torch.linalg.vector_norm(torch.stack([p.grad.norm() for p in ours]))
    assert float(total) == pytest.approx(training.GRADIENT_CLIP, rel=1e-5)


def test_the_shipped_digits_models_load_and_interpolate_at_once():
    """assets/digits-{vae,ae}.pt, made by the command assets/README.md names: they load with the
    architecture check, evaluate to the numbers recorded there, and epochs = 0 uses them."""
    config = INTERPOLATE.config("digits-shipped", points=5)
    snap = list(INTERPOLATE.generate(config))
    assert not snap  # no epochs: the result only
    run = experiments.Run(config, INTERPOLATE.generate)
    list(run.until(None))
    result = run.result
    assert result.epoch == 0 and len(result.vae_scores) == 5
    assert result.vae_test_elbo == pytest.approx(-21.372, abs=2e-3)
    assert result.ae_test_recon == pytest.approx(-17.518, abs=2e-3)
    with pytest.raises(ConfigError, match="no vae ships for digits, latent 3, bernoulli, β 1;"):
        list(INTERPOLATE.generate(INTERPOLATE.config("digits-shipped", latent=3)))


@pytest.mark.parametrize(
    ("preset", "beta", "elbo"),
    [
        ("pole-and-shadow", 1.0, 132.836),
        ("poles-beta-0.1", 0.1, 130.443),
        ("poles-beta-4", 4.0, 124.351),
    ],
)
def test_the_shipped_pole_and_shadow_models_are_what_opens_with_no_training(preset, beta, elbo):
    """assets/poles-*.safetensors, made by the commands assets/README.md names: the defaults
    (no preset) are seed 003's experiment with them, they evaluate to the numbers recorded
    there, and a β that did not ship is refused, naming those that did."""
    assert INTERPOLATE.config() == INTERPOLATE.config("pole-and-shadow")
    config = INTERPOLATE.config(preset, points=5)
    assert (config.dataset, config.epochs, config.beta) == ("poles", 0, beta)
    run = experiments.Run(config, INTERPOLATE.generate)
    list(run.until(None))
    result = run.result
    assert result.epoch == 0 and result.vae_test_elbo == pytest.approx(elbo, abs=2e-3)
    assert result.ae_test_recon == pytest.approx(140.596, abs=2e-3)
    assert result.pairs == 100 and result.vae_mesh_path_error is not None
    with pytest.raises(
        ConfigError, match=r"no vae ships for poles, latent 2, .*β 0.3; shipped: .*β 0.1"
    ):
        list(INTERPOLATE.generate(INTERPOLATE.config(preset, beta=0.3)))


def test_an_images_own_q_closes_part_of_the_gap_amortisation_leaves():
    """ELBO(encoder's q) ≤ ELBO(the image's own fitted q) ≤ L_k ≤ log p(x), for test images of
    the shipped VAE (each ELBO by 20,000 draws; L_k with k = 2,000)."""
    from engine.assets import SHIPPED_DIGITS_MODELS
    from engine.imaging import split, weight_files

    data = split.Data("digits", "bernoulli", 0, CPU)
    wanted = weight_files.architecture("vae", 64, 2, "bernoulli")
    model = weight_files.load_weights("vae_file", str(SHIPPED_DIGITS_MODELS["vae"]), wanted, CPU)
    before = {name: value.clone() for name, value in model.state_dict().items()}
    gaps = []
    for index in (0, 5, 11):
        x = data.test[index]
        generator = torch.Generator().manual_seed(index)
        with torch.no_grad():
            mu, logvar = model.encode(x[None])
            encoder = networks.elbo_of(model, x, mu[0], logvar[0], 20_000, generator)
        mean, log_variance = networks.fitted_q(model, x, generator=generator)
        with torch.no_grad():
            own = networks.elbo_of(model, x, mean, log_variance, 20_000, generator)
            bound = networks.iwae_ladder(model, x[None], [2000], generator)[0]
        error = 3 * math.hypot(encoder.std(), own.std()) / math.sqrt(20_000)
        assert float(encoder.mean()) <= float(own.mean()) + error
        assert float(own.mean()) <= float(bound[0]) + error
        gaps.append(float(own.mean() - encoder.mean()))
    assert max(gaps) > 0.01  # somewhere amortisation costs something measurable
    # Only q moved: the model's weights, and whether they take gradients, are as they were.
    assert all(torch.equal(before[n], v) for n, v in model.state_dict().items())
    assert all(p.requires_grad for p in model.parameters())


@pytest.mark.parametrize(
    ("what", "params", "stop_after"),
    [
        ("an epoch", dict(dataset="digits", epochs=3, batch=8), "batch"),
        ("the amortisation fit", dict(dataset="digits", epochs=0, iwae_k=1), "fit"),
        ("rendering pole and shadow", dict(dataset="poles", images=20_000, epochs=1), "render"),
    ],
)
def test_a_cancel_stops_a_long_step_within_a_batch(monkeypatch, what, params, stop_after):
    """On a worker, every long loop's let_others_run() is a cancel point: the step ends with
    Cancelled a batch after the cancel, not at the end of the epoch (or fit, or data set)."""
    import threading

    from engine import threads

    cancelled = threading.Event()
    counted = {"batch": 0, "fit": 0, "render": 0}
    if stop_after == "batch":
        original = networks.VAE.terms

        def terms(self, x, generator=None, beta=1.0):
            if self.training:
                counted["batch"] += 1
                if counted["batch"] == 3:
                    cancelled.set()
            return original(self, x, generator, beta)

        monkeypatch.setattr(networks.VAE, "terms", terms)
    elif stop_after == "fit":
        original_elbo = networks.elbo_of

        def elbo_of(*args, **kwargs):
            counted["fit"] += 1
            if counted["fit"] == 3:
                cancelled.set()
            return original_elbo(*args, **kwargs)

        monkeypatch.setattr(networks, "elbo_of", elbo_of)
    else:
        original_render = images.render_poles

        def render(elevation, azimuth):
            if len(elevation) <= images._RENDER_CHUNK:
                counted["render"] += 1
                if counted["render"] == 3:
                    cancelled.set()
            return original_render(elevation, azimuth)

        monkeypatch.setattr(images, "render_poles", render)
    outcome = []

    def worker() -> None:
        threads.cancel_when(cancelled.is_set)
        run = experiments.Run(VAE.config(**params), VAE.generate)
        try:
            while run.step() is not None:
                pass
            outcome.append("ran to the end")
        except threads.Cancelled:
            outcome.append("cancelled")
        finally:
            threads.cancel_when(None)
            run.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(120)
    assert outcome == ["cancelled"], what
    assert counted[stop_after] == 3, what  # not one batch more
