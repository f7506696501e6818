"""The `race` experiment: naive Monte Carlo against importance sampling for p(x) (seed 000).

C independent chains of each estimator run side by side. The uniform one draws z uniformly
(seed 000's "first attempt"), the importance one from the chosen proposal q ("second attempt");
both estimate p(x) = E_q[p(x, z)/q(z)] by the running mean p̂_k of the weights. At checkpoints
k (ten per decade) up to `samples` a snapshot reports, over the chains, the mean of p̂_k, its
spread relative to the exact p(x), and the mean of log p̂_k, which lies below log p(x) by
Jensen's inequality and is the IWAE bound L_k of q (L_1 is the ELBO).

Weights are summed in log space per chain (log-sum-exp), so a p(x) of 1e−300 is as exact as
one of 0.1.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from engine import device as devices
from engine.config import ExperimentConfig, existing_file, param, refusal
from engine.estimators.models import (
    MAX_BITS,
    MAX_COMPONENTS,
    MODELS,
    PROPOSALS,
    TORCH_AND_QUADRATURE,
    BinaryImage,
    Curve,
    ManyComponents,
    Model,
    ProposalProfile,
)
from engine.experiment import Experiment, Progress, Snapshot, bulk, register
from engine.imaging.images import DIGITS_IMPORTS

MAX_CHAINS = 1000
MAX_SAMPLES = 10**6
CHUNK = 1 << 18  # weights evaluated at once (chains × samples), to bound memory


@dataclass(frozen=True, kw_only=True)
class RaceConfig(ExperimentConfig):
    model: str = param("binary", "the model whose p(x) is estimated", choices=MODELS)
    bits: int = param(
        12,
        "D, hidden pixels of the binary model (2^D states enumerated for the exact p(x))",
        minimum=1,
        maximum=MAX_BITS,
    )
    components: int = param(
        1000, "K, components of the mixture model", minimum=1, maximum=MAX_COMPONENTS
    )
    proposal: str = param("fitted", "q for the importance estimator", choices=PROPOSALS)
    # z lives within a few units of 0 for the curves; far beyond, q misses p(z | x) entirely.
    q_mean: tuple[float, ...] = param(
        (0.0,),
        "mean of the gaussian proposal (one, or one per dimension)",
        minimum=-1e3,
        maximum=1e3,
    )
    q_scale: tuple[float, ...] = param(
        (1.0,),
        "standard deviation of the gaussian proposal (one, or one per dimension)",
        minimum=1e-6,
        maximum=1e3,
    )
    image: int = param(
        0, "vae: the digits test image whose p(x) the VAE gives", minimum=0, maximum=358
    )
    weights: str | None = param(
        None,
        "vae: the VAE's weights, a file saved by the vae experiment's save= (digits, latent 2, "
        "bernoulli; default: the shipped VAE)",
    )
    chains: int = param(
        50, "C, independent chains of each estimator", minimum=1, maximum=MAX_CHAINS
    )
    samples: int = param(10_000, "k, samples per chain at the end", minimum=1, maximum=MAX_SAMPLES)

    # A drag of q while the race goes on: the model and its exact p(x) are kept.
    steerable: ClassVar[frozenset[str]] = frozenset({"proposal", "q_mean", "q_scale"})

    def applies(self, name: str) -> bool:
        if name in ("image", "weights"):
            return self.model == "vae"
        return super().applies(name)

    def validate(self) -> None:
        dimensions = 2 if self.model in ("curve2d", "vae") else 1
        for name in ("q_mean", "q_scale"):
            values = getattr(self, name)
            if len(values) not in (1, dimensions):
                fields = {"name": name, "values_count": len(values), "model": self.model}
                if dimensions == 1:
                    raise refusal(
                        "{name}: {values_count} numbers; give one number ({model})", **fields
                    )
                raise refusal(
                    "{name}: {values_count} numbers; give one number, or one per dimension "
                    "({model})",
                    **fields,
                )
        if self.proposal == "gaussian" and self.model in ("binary", "mixture"):
            raise refusal(
                "proposal = gaussian: for continuous z only (curve1d, curve2d, vae), not {model}",
                model=self.model,
            )
        if self.weights is not None and self.model == "vae":
            existing_file("weights", self.weights)  # its architecture is checked when read
        if self.proposal == "posterior" and self.model == "vae":
            raise refusal(
                "proposal = posterior: the vae model's posterior is not known; use "
                "fitted (the encoder's q), prior or gaussian"
            )


def checkpoints(samples: int, per_decade: int = 10) -> list[int]:
    """Ten values of k per decade, evenly spaced on a log axis (1, 2, 3, 4, 5, 6, 8, 10, 13,
    16, 20, 25, 32, 40, 50, 63, 79, 100, ...), and `samples` itself."""
    ks = sorted({round(10 ** (i / per_decade)) for i in range(13 * per_decade)})
    return [k for k in ks if k < samples] + [samples]


@dataclass(frozen=True, kw_only=True)
class RaceSnapshot(Snapshot):
    k: int
    uniform_mean: float
    uniform_rel_std: float
    importance_mean: float
    importance_rel_std: float
    uniform_log_mean: float
    importance_log_mean: float
    exact_p: float | None = None
    exact_log_p: float | None = None
    ess: float | None = None
    max_weight: float | None = None
    # Per chain, for the window's plots (left out of JSON).
    uniform_estimates: np.ndarray = bulk(traced=True)  # p̂_k / p(x)
    importance_estimates: np.ndarray = bulk(traced=True)
    truth_log_p: float = bulk(0.0)
    zero_variance: bool = bulk(False)
    naive: str = bulk("uniform")  # what the naive chains draw from (the prior for the vae)
    # The vae's p(x) is an estimate (IWAE, k = 10⁵): its standard error, in the final line.
    reference_se: float | None = None
    profile: ProposalProfile | None = bulk()  # q beside the exact posterior (one per race)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if not self.final:  # the exact values, ESS and largest weight come with the last line
            for name in ("exact_p", "exact_log_p", "ess", "max_weight"):
                out.pop(name)
        if not self.final or self.reference_se is None:
            out.pop("reference_se")
        return out


class _Chains:
    """Running sums of one estimator's weights, per chain, in log space."""

    def __init__(self, torch, chains: int, dtype, device) -> None:
        self.torch = torch
        self.log_sum = torch.full((chains,), -math.inf, dtype=dtype, device=device)
        self.log_sum_squares = self.log_sum.clone()
        self.log_max = self.log_sum.clone()

    def add(self, log_w) -> None:  # log_w: (chains, m)
        torch = self.torch
        self.log_sum = torch.logaddexp(self.log_sum, torch.logsumexp(log_w, 1))
        self.log_sum_squares = torch.logaddexp(self.log_sum_squares, torch.logsumexp(2 * log_w, 1))
        self.log_max = torch.maximum(self.log_max, log_w.max(1).values)

    def summary(self, k: int, exact_log_p: float) -> tuple[float, float, float, np.ndarray]:
        log_estimate = (self.log_sum - math.log(k)).cpu().numpy()
        ratio = np.exp(log_estimate - exact_log_p)  # p̂_k / p(x), safe from underflow
        exact = math.exp(exact_log_p)
        spread = float(ratio.std()) if len(ratio) > 1 else 0.0
        return float(ratio.mean()) * exact, spread, float(log_estimate.mean()), ratio

    def ess(self) -> float:
        """Mean over chains of (Σw)² / Σw²."""
        return float(self.torch.exp(2 * self.log_sum - self.log_sum_squares).mean())

    def max_weight(self) -> float:
        """Mean over chains of the largest normalised weight max w / Σw."""
        return float(self.torch.exp(self.log_max - self.log_sum).mean())


def generate(config: RaceConfig) -> Generator[Snapshot, RaceConfig | None, Snapshot]:
    """The race; a config sent in at any step (only q changed) starts it again with that q,
    keeping the model and its exact p(x): what follows equals a fresh run of that config."""
    import torch

    device = devices.resolve(config.device)
    dtype = devices.dtype()
    steered = yield Progress(step=0, fraction=0.0, what="exact p(x)")
    config = steered or config
    model = make_model(
        config.model,
        bits=config.bits,
        components=config.components,
        seed=config.seed,
        device=device,
        dtype=dtype,
        image=config.image,
        weights=config.weights,
    )
    while True:
        outcome = yield from _race(torch, model, config, device, dtype)
        if isinstance(outcome, RaceSnapshot):
            return outcome
        config = outcome  # q was moved: the race again, from k = 1


def _race(torch, model, config: RaceConfig, device, dtype):
    """One race of `config`'s q; returns its final snapshot, or the config sent in."""
    exact_log_p = model.exact_log_p
    uniform = model.proposal(model.naive)
    importance = model.proposal(config.proposal, config.q_mean, config.q_scale)
    profile = model.profile(importance)
    generator = torch.Generator(device=device).manual_seed(config.seed)
    chains = config.chains
    races = [(uniform, _Chains(torch, chains, dtype, device))]
    races.append((importance, _Chains(torch, chains, dtype, device)))
    done = 0
    marks = checkpoints(config.samples)
    for step, k in enumerate(marks, start=1):
        while done < k:
            m = min(k - done, max(1, CHUNK // chains))
            for proposal, sums in races:
                z = proposal.sample(chains * m, generator)
                log_w = model.log_joint(z) - proposal.log_prob(z)
                sums.add(log_w.reshape(chains, m))
            done += m
            if done < k:
                steered = yield Progress(step=step, fraction=done / config.samples, what="sampling")
                if steered is not None:
                    return steered
        final = k == marks[-1]
        (u_mean, u_spread, u_log, u_ratio) = races[0][1].summary(k, exact_log_p)
        (i_mean, i_spread, i_log, i_ratio) = races[1][1].summary(k, exact_log_p)
        snapshot = RaceSnapshot(
            step=step,
            final=final,
            k=k,
            uniform_mean=u_mean,
            uniform_rel_std=u_spread,
            importance_mean=i_mean,
            importance_rel_std=i_spread,
            uniform_log_mean=u_log,
            importance_log_mean=i_log,
            exact_p=math.exp(exact_log_p),
            exact_log_p=exact_log_p,
            ess=races[1][1].ess(),
            max_weight=races[1][1].max_weight(),
            uniform_estimates=u_ratio,
            importance_estimates=i_ratio,
            truth_log_p=exact_log_p,
            zero_variance=importance.zero_variance,
            naive=model.naive,
            reference_se=None if model.exact else model.reference_error,
            profile=profile,
        )
        if final:
            return snapshot
        steered = yield snapshot
        if steered is not None:
            return steered
    raise AssertionError("unreachable: the last checkpoint returns")


def make_model(
    name: str,
    *,
    bits: int,
    components: int,
    seed: int,
    device,
    dtype,
    image: int = 0,
    weights: str | None = None,
) -> Model:
    """The race's model `name` (the table of MODELS); the vae model imports torch's networks,
    so only when it is chosen."""
    if name == "vae":
        from engine.estimators.vae_model import VAEImage

        return VAEImage(image, seed, device, dtype, weights)
    if name == "binary":
        return BinaryImage(bits, seed, device, dtype)
    if name == "mixture":
        return ManyComponents(components, seed, device, dtype)
    if name in ("curve1d", "curve2d"):
        return Curve(int(name[5]), seed, device, dtype)
    raise refusal("model = {given!r}: unknown; known: {items}", given=name, items=", ".join(MODELS))


PRESETS = {
    "seed-000-binary": dict(model="binary", bits=12, proposal="fitted"),
    "mixture": dict(model="mixture", components=1000, proposal="fitted"),
    "curve1d": dict(model="curve1d", proposal="fitted"),
    "curve2d": dict(model="curve2d", proposal="fitted"),
    # The shipped digits VAE: p(x) estimated (IWAE, k = 10⁵), the naive chains from the prior.
    "vae": dict(model="vae", image=0, proposal="fitted"),
}

EXPERIMENT = register(
    Experiment(
        "race",
        "Naive Monte Carlo against importance sampling for p(x), against the exact value",
        RaceConfig,
        generate,
        PRESETS,
        # The vae model's VAE, its digits and the shipped weights' reader.
        imports=(
            *TORCH_AND_QUADRATURE,
            "engine.estimators.vae_model",
            "engine.imaging.split",
            "engine.imaging.weight_files",
            *DIGITS_IMPORTS,
        ),
    )
)
