"""The `vae` experiment: train a VAE or a plain autoencoder on images, epoch by epoch, then
estimate the test log-likelihood by importance sampling with the encoder as proposal.

Per epoch the snapshot holds that epoch's training time and mean training loss, and the test
set's reconstruction, KL and ELBO (reconstruction − KL, whatever β the training used), all in
nats per image under the chosen likelihood. The last one adds the IWAE ladder L_k for k = 1, 10,
100, 1000, 5000 (up to `iwae_k`) with standard errors over the test images: L₁ is the ELBO and
L_k rises toward log p(x). Every draw is seeded, so evaluating saved weights again (`epochs=0`,
`load=`) gives the saved run's numbers.

The default likelihood is the Bernoulli on images binarised at 1/2: its nats are those the
literature reports, and the IWAE ladder is a true bound on a discrete log-likelihood. Grey levels
take the continuous Bernoulli (with its normaliser) or a gaussian.
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine import device as devices
from engine.config import ConfigError, ExperimentConfig, existing_file, param, shown
from engine.experiment import Experiment, Snapshot, bulk, register
from engine.vae import images

DATASETS = ("digits", "poles")
MODELS = ("vae", "ae")
LIKELIHOODS = ("bernoulli", "continuous-bernoulli", "gaussian")
LADDER = (1, 10, 100, 1000, 5000)
MAX_WEIGHTS_BYTES = 256 << 20  # the largest weights file read (the default models: about 1 MB)
WEIGHTS_FORMAT = "lvm-lab-vae/1"
GRADIENT_CLIP = 100.0  # the gradient's norm is clipped to this: one wild batch cannot blow up
FINAL_ONLY = (
    "test_log_px_iwae",
    "iwae_k",
    "iwae_ladder",
    "train_size",
    "test_size",
    "elapsed_s",
    "stopped",
)


@dataclass(frozen=True, kw_only=True)
class VAEConfig(ExperimentConfig):
    dataset: str = param(
        "digits", "the images: scikit-learn's 8×8 digits, or pole and shadow", choices=DATASETS
    )
    model: str = param("vae", "a VAE, or a plain autoencoder of the same shape", choices=MODELS)
    latent: int = param(
        2, "L, the latent size (scatters of L > 2 show a PCA)", minimum=1, maximum=32
    )
    likelihood: str = param(
        "bernoulli",
        "p(x | z) per pixel: bernoulli (images binarised at 1/2), continuous-bernoulli "
        "(grey levels, with its normaliser) or gaussian (one learned σ)",
        choices=LIKELIHOODS,
    )
    beta: float = param(
        1.0, "β, the weight of the KL term in the training loss", minimum=0.0, maximum=100.0
    )
    learning_rate: float = param(1e-3, "Adam's learning rate", minimum=1e-6, maximum=1.0)
    batch: int = param(128, "images per gradient step", minimum=1, maximum=100_000)
    epochs: int = param(
        20, "passes over the training images (0: evaluate only)", minimum=0, maximum=10_000
    )
    images: int = param(5000, "pole and shadow: images rendered", minimum=10, maximum=100_000)
    iwae_k: int = param(
        5000, "the largest k of the IWAE ladder at the end", minimum=1, maximum=100_000
    )
    save: str | None = param(None, "write the trained weights to this file")
    load: str | None = param(None, "start from the weights in this file (saved by save=)")

    def applies(self, name: str) -> bool:
        if name == "images":
            return self.dataset == "poles"
        return super().applies(name)

    def validate(self) -> None:
        train = train_size(self)
        if self.batch > train:
            raise ConfigError(f"batch = {self.batch}: more than the {train} training images")
        if self.load is not None:
            existing_file("load", self.load)


def train_size(config: VAEConfig) -> int:
    total = 1797 if config.dataset == "digits" else config.images
    return total - max(1, round(0.2 * total))


@dataclass(frozen=True, kw_only=True)
class VAESnapshot(Snapshot):
    """Epoch `epoch` of training; the final one adds the IWAE evaluation."""

    epoch: int
    epoch_s: float
    train_loss: float | None
    test_elbo: float | None  # the AE has none
    test_recon: float
    test_kl: float | None
    test_log_px_iwae: float | None = None
    iwae_k: int | None = None
    iwae_ladder: tuple[tuple[int, float, float], ...] | None = None  # (k, L_k, its error)
    train_size: int | None = None
    test_size: int | None = None
    elapsed_s: float | None = None
    stopped: str | None = None  # why training stopped early (a non-finite loss), if it did
    model: Any = bulk()  # the network with this epoch's weights (a copy: it never changes)
    likelihood: str = bulk("bernoulli")

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if not self.final:
            for name in FINAL_ONLY:
                out.pop(name)
        elif out["stopped"] is None:
            out.pop("stopped")
        return out


class _Data:
    """The split's images as float32 tensors on the device, binarised for the Bernoulli."""

    def __init__(self, config: VAEConfig, device) -> None:
        import torch

        if config.dataset == "digits":
            everything = images.digits()
        else:
            everything = images.poles(config.images, config.seed)
        self.train_set, self.test_set = images.split(everything, config.seed)
        self.shape = everything.shape

        def tensor(x: np.ndarray):
            if config.likelihood == "bernoulli":
                x = (x > 0.5).astype(np.float32)
            return torch.as_tensor(np.array(x), device=device)

        self.train, self.test = tensor(self.train_set.x), tensor(self.test_set.x)


def generate(config: VAEConfig) -> Generator[Snapshot, None, VAESnapshot]:
    import torch

    from engine.vae import networks

    device = devices.resolve(config.device)
    data = _Data(config, device)
    pixels = data.train.shape[1]
    if config.load is not None:
        model = load_weights(config, pixels, device)
    else:
        model = networks.build(
            config.model, pixels, config.latent, config.likelihood, config.seed, device
        )
    optimiser = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    shuffle = torch.Generator(device=device).manual_seed(config.seed)
    clock = time.perf_counter()
    good = _copy(model)
    snap = _evaluate(config, good, data, epoch=0, epoch_s=0.0, train_loss=None)
    stopped = None
    for epoch in range(1, config.epochs + 1):
        started = time.perf_counter()
        model.train()
        order = torch.randperm(len(data.train), generator=shuffle, device=device)
        total, seen = 0.0, 0
        for index in order.split(config.batch):
            _, _, loss = model.terms(data.train[index], shuffle, config.beta)
            loss = loss.mean()
            if not torch.isfinite(loss):
                stopped = (
                    f"epoch {epoch}: the training loss became {float(loss.detach())}; "
                    f"training stopped with the weights of epoch {epoch - 1}"
                )
                break
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), GRADIENT_CLIP)
            optimiser.step()
            total += float(loss.detach()) * len(index)
            seen += len(index)
        if stopped is not None:
            warnings.warn(stopped, RuntimeWarning, stacklevel=1)
            break
        epoch_s = time.perf_counter() - started
        good = _copy(model)
        snap = _evaluate(config, good, data, epoch, epoch_s, total / seen)
        if epoch < config.epochs:
            yield snap
    if config.save is not None:
        save_weights(config, good, pixels, data.shape)
    ladder = _ladder(config, good, data) if config.model == "vae" else None
    best = ladder[-1] if ladder else None
    return VAESnapshot(
        **{**_fields(snap), "final": True},
        test_log_px_iwae=None if best is None else best[1],
        iwae_k=None if best is None else int(best[0]),
        iwae_ladder=ladder,
        train_size=len(data.train),
        test_size=len(data.test),
        elapsed_s=time.perf_counter() - clock,
        stopped=stopped,
        model=good,
        likelihood=config.likelihood,
    )


def _fields(snap: VAESnapshot) -> dict[str, Any]:
    return {
        name: getattr(snap, name)
        for name in ("step", "epoch", "epoch_s", "train_loss", "test_elbo", "test_recon", "test_kl")
    }


def _copy(model):
    """A frozen copy of the model for the snapshot (training goes on changing the original)."""
    import copy

    clone = copy.deepcopy(model).eval()
    for parameter in clone.parameters():
        parameter.requires_grad_(False)
    return clone


def _evaluation_generator(config: VAEConfig, device, salt: int):
    import torch

    return torch.Generator(device=device).manual_seed(config.seed * 1_000_003 + salt)


def _evaluate(config, model, data, epoch, epoch_s, train_loss) -> VAESnapshot:
    """The test set's mean reconstruction, KL and ELBO (β = 1), nats per image, seeded."""
    import torch

    with torch.no_grad():
        generator = _evaluation_generator(config, data.test.device, 1)
        reconstruction, kl, _ = model.terms(data.test, generator)
    recon = float(reconstruction.mean())
    kl_mean = None if kl is None else float(kl.mean())
    return VAESnapshot(
        step=epoch,
        epoch=epoch,
        epoch_s=epoch_s,
        train_loss=train_loss,
        test_elbo=None if kl is None else recon - kl_mean,
        test_recon=recon,
        test_kl=kl_mean,
        model=model,
        likelihood=config.likelihood,
    )


def _ladder(config, model, data) -> tuple[tuple[int, float, float], ...]:
    """(k, mean L_k, its standard error over the test images) for the ladder's k."""
    import torch

    from engine.vae import networks

    ks = sorted({k for k in LADDER if k <= config.iwae_k} | {config.iwae_k})
    with torch.no_grad():
        generator = _evaluation_generator(config, data.test.device, 2)
        bounds = networks.iwae_ladder(model, data.test, ks, generator)
    rungs = []
    for k, bound in zip(ks, bounds, strict=True):
        values = bound.cpu().numpy()
        error = float(values.std(ddof=1) / math.sqrt(len(values))) if len(values) > 1 else 0.0
        rungs.append((k, float(values.mean()), error))
    return tuple(rungs)


def _architecture(config: VAEConfig, pixels: int) -> dict[str, Any]:
    return {
        "model": config.model,
        "pixels": pixels,
        "latent": config.latent,
        "likelihood": config.likelihood,
    }


def save_weights(config: VAEConfig, model, pixels: int, shape: tuple[int, int]) -> Path:
    """The weights and what they fit (architecture, image shape), written atomically."""
    import torch

    from engine.atomic import atomic_write

    payload = {
        "format": WEIGHTS_FORMAT,
        **_architecture(config, pixels),
        "shape": list(shape),
        "dataset": config.dataset,
        "state": {name: value.detach().cpu() for name, value in model.state_dict().items()},
    }
    with atomic_write(config.save) as handle:
        torch.save(payload, handle)
    return Path(config.save)


def load_weights(config: VAEConfig, pixels: int, device):
    """A model of `config`'s architecture with the file's weights; a ConfigError naming the
    file when it is not a weights file, too large, or for another architecture. Weights only:
    torch.load(weights_only=True) unpickles nothing but tensors and plain containers."""
    import pickle

    import torch

    from engine.vae import networks

    path = config.load
    size = Path(path).stat().st_size
    if size > MAX_WEIGHTS_BYTES:
        raise ConfigError(
            f"load = {shown(path)}: {size:,} bytes, more than a weights file's "
            f"{MAX_WEIGHTS_BYTES >> 20} MiB"
        )
    try:
        with warnings.catch_warnings():  # torch's remarks on a foreign pickle: ours is one line
            warnings.simplefilter("ignore")
            payload = torch.load(path, map_location=device, weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError, ValueError, OSError) as exc:
        raise ConfigError(
            f"load = {shown(path)}: not a weights file saved by save= ({type(exc).__name__})"
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != WEIGHTS_FORMAT:
        raise ConfigError(f"load = {shown(path)}: not a weights file saved by save=")
    wanted = _architecture(config, pixels)
    found = {name: payload.get(name) for name in wanted}
    if found != wanted:
        differ = ", ".join(
            f"{k} {found[k]} (here {wanted[k]})" for k in wanted if found[k] != wanted[k]
        )
        raise ConfigError(f"load = {shown(path)}: weights for another architecture: {differ}")
    model = networks.build(config.model, pixels, config.latent, config.likelihood, 0, device)
    try:
        model.load_state_dict(payload["state"])
    except (RuntimeError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"load = {shown(path)}: its weights do not fit the model ({type(exc).__name__})"
        ) from None
    return model


PRESETS = {
    "digits-vae": dict(dataset="digits", model="vae", latent=2, epochs=20),
    "digits-ae": dict(dataset="digits", model="ae", latent=2, epochs=20),
    # 32×32 images: a ladder to k = 5,000 over its 1,000 test images takes minutes on a CPU.
    "poles-vae": dict(
        dataset="poles",
        model="vae",
        latent=2,
        epochs=20,
        likelihood="continuous-bernoulli",
        iwae_k=100,
    ),
}

EXPERIMENT = register(
    Experiment(
        "vae",
        "A VAE or a plain autoencoder trained on images, evaluated by IWAE",
        VAEConfig,
        generate,
        PRESETS,
        imports=("engine.vae.networks", "sklearn.datasets", "copy", "pickle", "engine.atomic"),
    )
)
