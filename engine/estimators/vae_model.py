"""The race's `vae` model: p(x) of one digits test image under a VAE (issue 11): the shipped one,
or the weights a `vae` run saved (`weights=`).

p(x) = ∫ p(x | z) N(z; 0, I) dz has no closed form here, so the race's reference line is an
estimate, and says so: the IWAE estimate with k = 10⁵ draws from the encoder's q(z | x), with
its standard error by the delta method. The naive proposal is the prior (a VAE's z has no box
to be uniform over); importance sampling draws from the encoder's q (`fitted`), the prior, or a
gaussian the sliders move. All in float64 (the VAE's weights are cast).
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np

from engine.assets import SHIPPED_DIGITS_MODELS
from engine.config import refusal
from engine.estimators.models import Model, Proposal, ProposalProfile

REFERENCE_K = 100_000
GRID = 201  # points per latent axis for the drawn densities (latent 2)
GRID_BOX = 4.5


class VAEImage(Model):
    name = "vae"
    continuous = True
    naive = "prior"  # what the naive chains draw from
    exact = False  # the reference p(x) is an estimate

    def __init__(self, image: int, seed: int, device, dtype, weights: str | None = None) -> None:
        super().__init__(seed, device, dtype)
        from engine.imaging import split, weight_files

        data = split.Data("digits", "bernoulli", 0, device)
        if not 0 <= image < len(data.test):
            raise refusal(
                "image = {image}: the digits test set has {test_count} images",
                image=image,
                test_count=len(data.test),
            )
        wanted = weight_files.architecture("vae", data.pixels, 2, "bernoulli")
        path = str(SHIPPED_DIGITS_MODELS["vae"]) if weights is None else weights
        self.network = weight_files.load_weights("weights", path, wanted, device)
        self.network = self.network.to(dtype).eval()
        for parameter in self.network.parameters():
            parameter.requires_grad_(False)
        self.x = data.test[image].to(dtype)
        self.image, self.label = image, int(data.test_set.labels[image])
        self.dim = 2

    def log_joint(self, z):
        torch = self.torch
        decoder = self.network.decoder
        log_prior = -0.5 * (z**2).sum(1) - math.log(2 * math.pi)
        with torch.no_grad():
            return decoder.log_likelihood(self.x[None], decoder(z)) + log_prior

    @cached_property
    def _reference(self) -> tuple[float, float]:
        """(log p̂(x), its standard error) from REFERENCE_K draws of the encoder's q."""
        torch = self.torch
        generator = torch.Generator(device=self.device).manual_seed(2**31 - 1)
        q = self.proposal("fitted")
        log_w = torch.cat(
            [
                self.log_joint(z) - q.log_prob(z)
                for z in (q.sample(10_000, generator) for _ in range(REFERENCE_K // 10_000))
            ]
        )
        top = log_w.max()
        w = torch.exp(log_w - top)
        log_p = float(top + torch.log(w.mean()))
        relative = float(w.std() / w.mean()) / math.sqrt(len(w))  # delta method: se of log p̂
        return log_p, relative

    @property
    def exact_log_p(self) -> float:
        return self._reference[0]

    @property
    def reference_error(self) -> float:
        """The standard error of the reference log p̂(x)."""
        return self._reference[1]

    def proposal(self, name: str, mean=None, scale=None) -> Proposal:
        torch = self.torch
        if name in ("uniform", "prior"):
            location, spread = np.zeros(2), np.ones(2)
        elif name == "fitted":
            with torch.no_grad():
                mu, logvar = self.network.encode(self.x[None])
            location = mu[0].cpu().numpy()
            spread = torch.exp(0.5 * logvar[0]).cpu().numpy()
        elif name == "gaussian":
            location = np.zeros(2) if mean is None else np.broadcast_to(mean, 2)
            spread = np.ones(2) if scale is None else np.broadcast_to(scale, 2)
        else:
            raise refusal(
                "proposal = {given!r}: the vae model's posterior is not known; use "
                "fitted (the encoder's q), prior or gaussian",
                given=name,
            )
        distribution = torch.distributions.Independent(
            torch.distributions.Normal(self._tensor(location), self._tensor(spread)), 1
        )

        def sample(n, generator):
            noise = torch.randn((n, 2), generator=generator, dtype=self.dtype, device=self.device)
            return distribution.base_dist.loc + noise * distribution.base_dist.scale

        return Proposal("prior" if name == "uniform" else name, sample, distribution.log_prob)

    def profile(self, proposal: Proposal) -> ProposalProfile:
        """Densities of z₁ on a grid: the posterior normalised on the grid itself (its own
        quadrature, whatever the reference's error), q and the prior, z₂ integrated out."""
        torch = self.torch
        axis = np.linspace(-GRID_BOX, GRID_BOX, GRID)
        step = axis[1] - axis[0]
        a, b = np.meshgrid(axis, axis, indexing="ij")
        z = self._tensor(np.column_stack([a.ravel(), b.ravel()]))
        log_joint = self.log_joint(z).cpu().numpy().reshape(GRID, GRID)
        posterior = np.exp(log_joint - log_joint.max())
        posterior = posterior.sum(1) / (posterior.sum() * step)
        q = torch.exp(proposal.log_prob(z)).cpu().numpy().reshape(GRID, GRID).sum(1) * step
        prior = np.exp(-0.5 * axis**2) / math.sqrt(2 * math.pi)
        return ProposalProfile("density", axis, posterior, q, prior)
