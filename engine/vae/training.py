"""Training and evaluating one model on a seeded split: what the `vae` and `interpolate`
experiments share (the split and the weights files are engine.imaging's). Imports torch (the
experiments import this module when they run, and list it in their `imports`)."""

from __future__ import annotations

import copy
import json
import math
import os
import time
import warnings
from dataclasses import dataclass
from typing import Any

import torch

from engine.config import shown_path
from engine.imaging import networks
from engine.imaging.split import Data
from engine.imaging.weight_files import architecture, load_weights
from engine.threads import let_others_run

GRADIENT_CLIP = 100.0  # the gradient's norm is clipped to this: one wild batch cannot blow up


def frozen_copy(model):
    """A copy for a snapshot: training goes on changing the original, never this one."""
    clone = copy.deepcopy(model).eval()
    for parameter in clone.parameters():
        parameter.requires_grad_(False)
    return clone


def evaluation_generator(seed: int, device, salt: int):
    """Every evaluation draws from its own seeded generator: the same weights, the same
    numbers, whenever and wherever they are evaluated."""
    return torch.Generator(device=device).manual_seed(seed * 1_000_003 + salt)


class Trainer:
    """One model trained an epoch at a time with Adam; `good` is a frozen copy of the last
    epoch whose loss stayed finite (a non-finite loss stops training and says so)."""

    def __init__(self, model, data: Data, *, beta, learning_rate, batch, seed) -> None:
        self.model, self.data = model, data
        self.beta, self.batch = beta, min(batch, len(data.train))
        if self.batch < batch:  # a file's size is known once read: all its images, and a word
            warnings.warn(
                f"batch = {batch}: {shown_path(data.dataset)} has {len(data.train)} training "
                f"images; each step takes all {len(data.train)}",
                RuntimeWarning,
                stacklevel=2,
            )
        # foreach: one multi-tensor step, not a loop over tensors (a fifth of a digits epoch)
        self.parameters = list(model.parameters())
        self.learning_rate = learning_rate
        self.optimiser: torch.optim.Optimizer | None = None  # made when training starts
        self.shuffle = torch.Generator(device=data.train.device).manual_seed(seed)
        self.good = frozen_copy(model)
        self.epoch = 0
        self.stopped: str | None = None

    def train_epoch(self) -> tuple[float | None, float]:
        """(mean training loss, seconds) of one more epoch; (None, seconds) if it stopped.

        The loss is summed on the device and read once an epoch: a read per batch made the
        worker wait for every step (on a GPU, a synchronisation each). A non-finite epoch's
        weights are let go: `good` stays the last finite epoch's, and training stops."""
        started = time.perf_counter()
        if self.optimiser is None:
            self.optimiser = torch.optim.Adam(self.parameters, lr=self.learning_rate, foreach=True)
        model, train = self.model, self.data.train
        model.train()
        order = torch.randperm(len(train), generator=self.shuffle, device=train.device)
        total = torch.zeros((), device=train.device)
        for index in order.split(self.batch):
            _, _, loss = model.terms(train[index], self.shuffle, self.beta)
            loss = loss.mean()
            self.optimiser.zero_grad(set_to_none=True)
            loss.backward()
            clip_gradients(self.parameters)
            self.optimiser.step()
            total += loss.detach() * len(index)
            let_others_run()  # on a worker: the window draws between batches, not beside them
        mean = float(total) / len(train)
        if not math.isfinite(mean):
            self.stopped = (
                f"epoch {self.epoch + 1}: the training loss became {mean}; training stopped "
                f"with the weights of epoch {self.epoch}"
            )
            warnings.warn(self.stopped, RuntimeWarning, stacklevel=2)
            return None, time.perf_counter() - started
        self.epoch += 1
        self.good = frozen_copy(model)
        return mean, time.perf_counter() - started


def clip_gradients(parameters: list) -> None:
    """Scale the gradients to a norm of at most GRADIENT_CLIP, as clip_grad_norm_ does, without
    its grouping by device and type (one model, one device, one type). bench/vae.py, digits
    epoch against pytorch/examples': 1.06–1.10× with clip_grad_norm_, 0.91–0.94× unclipped,
    0.89–1.00× with this. No read of the norm: no wait for the device."""
    grads = [p.grad for p in parameters if p.grad is not None]
    norm = torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads)))
    torch._foreach_mul_(grads, torch.clamp(GRADIENT_CLIP / (norm + 1e-6), max=1.0))


def trainer_for(kind, data: Data, config, weights: str | None = None, name: str = "load"):
    """A Trainer of a `kind` model for `config` (its latent, likelihood, β, learning rate,
    batch, seed, device): fresh from the seed, or with the weights in file `weights`
    (parameter `name`, architecture checked)."""
    device = data.device
    if weights is not None:
        wanted = architecture(kind, data.pixels, config.latent, config.likelihood)
        model = load_weights(name, str(weights), wanted, device)
    else:
        model = networks.build(
            kind, data.pixels, config.latent, config.likelihood, config.seed, device
        )
    return Trainer(
        model,
        data,
        beta=config.beta,
        learning_rate=config.learning_rate,
        batch=config.batch,
        seed=config.seed,
    )


@dataclass(frozen=True)
class Trained:
    """A model trained from the seed, kept in the workspace under its recipe (trained_key),
    and its record: (training loss, test reconstruction, test KL or None) per epoch."""

    model: Any
    losses: tuple[tuple[float, float, float | None], ...]


def trained_key(kind: str, config, device) -> str:
    """The workspace's name for a `kind` model trained from the seed as `config` says: all that
    decides its weights (training is seeded: the same recipe trains the same weights). A data
    file's size and time of change are part of it: a file changed since is trained again."""
    recipe = {
        name: getattr(config, name)
        for name in ("dataset", "latent", "likelihood", "beta", "learning_rate", "batch")
    }
    recipe.update(kind=kind, epochs=config.epochs, seed=config.seed, device=str(device))
    if config.dataset == "poles":
        recipe["images"] = config.images
    elif config.dataset != "digits":
        status = os.stat(config.dataset)
        recipe["file"] = [os.path.abspath(config.dataset), status.st_size, status.st_mtime_ns]
    return "trained:" + json.dumps(recipe, sort_keys=True)


def evaluate(model, data: Data, seed: int) -> tuple[float, float | None]:
    """The test set's mean reconstruction and KL (None for the autoencoder), nats per image."""
    with torch.no_grad():
        reconstruction, kl, _ = model.terms(data.test, evaluation_generator(seed, data.device, 1))
    return float(reconstruction.mean()), None if kl is None else float(kl.mean())


def ladder(model, data: Data, ks, seed: int) -> tuple[tuple[int, float, float], ...]:
    """(k, mean L_k, its standard error over the test images) for each k, nested draws."""
    steps = ladder_steps(model, data, ks, seed)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def ladder_steps(model, data: Data, ks, seed: int):
    """`ladder` as a generator: yields the fraction done after each chunk of draws (the
    experiment reports it, and a cancel waits for a chunk, not the whole ladder)."""
    with torch.no_grad():
        bounds = yield from networks.iwae_ladder_steps(
            model, data.test, ks, evaluation_generator(seed, data.device, 2)
        )
    rungs = []
    for k, bound in zip(ks, bounds, strict=True):
        values = bound.cpu().numpy()
        error = float(values.std(ddof=1) / math.sqrt(len(values))) if len(values) > 1 else 0.0
        rungs.append((k, float(values.mean()), error))
    return tuple(rungs)


GAP_DRAWS = 20_000  # draws of each ELBO in the amortisation gap: a standard error of ~0.01 nats


def amortisation_gap(model, data: Data, index: int, k: int, seed: int) -> dict[str, float]:
    """Test image `index`'s ELBO under the encoder's q, under its own fitted q (networks.
    fitted_q), and its L_k: what amortisation costs, ELBO(encoder) ≤ ELBO(own) ≤ L_k ≤ log p(x)
    up to Monte Carlo error (the errors: standard errors of the two ELBOs)."""
    x = data.test[index]
    generator = evaluation_generator(seed, data.device, 4)
    with torch.no_grad():
        mu, logvar = model.encode(x[None])
        encoder = networks.elbo_of(model, x, mu[0], logvar[0], GAP_DRAWS, generator)
    mean, log_variance = networks.fitted_q(model, x, generator=generator)
    with torch.no_grad():
        own = networks.elbo_of(model, x, mean, log_variance, GAP_DRAWS, generator)
        bound = networks.iwae_ladder(model, x[None], [k], generator)[0]
    root = math.sqrt(GAP_DRAWS)
    return {
        "gap_encoder_elbo": float(encoder.mean()),
        "gap_encoder_se": float(encoder.std()) / root,
        "gap_own_elbo": float(own.mean()),
        "gap_own_se": float(own.std()) / root,
        "gap_log_px": float(bound[0]),
    }
