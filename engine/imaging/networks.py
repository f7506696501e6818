"""A VAE and a plain autoencoder of the same shape, their likelihoods, the ELBO and IWAE.

As pytorch/examples' VAE: one hidden layer of 400 ReLU units on each side. The VAE's encoder
gives q(z | x) = N(μ, diag σ²); the autoencoder's encoder body is the same, with one head, the
code z itself. Both decoders give one parameter per pixel, read by the likelihood:
- bernoulli: p(x | z) = Π Bernoulli(x_d; sigmoid(logit_d)), on binarised images;
- continuous-bernoulli: the same density over [0, 1] with its normaliser (Loaiza-Ganem and
  Cunningham 2019), without which the nats of grey-level data are not a log-likelihood;
- gaussian: N(x_d; sigmoid(logit_d), σ²) with one learned σ.
All from torch.distributions (without argument validation in these hot paths: the inputs are
the model's own tensors; it cost about a tenth of a digits epoch); every number is in nats
per image. This module imports torch:
the experiments import it when they run (and list it in their `imports`), not at start-up.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.distributions import Bernoulli, ContinuousBernoulli, Normal

from engine.threads import let_others_run

LIKELIHOODS = ("bernoulli", "continuous-bernoulli", "gaussian")
HIDDEN = 400
LOGVAR_LIMIT = 10.0  # log σ² of q clamped to ±10: a run-away encoder cannot overflow exp()
LOG_SCALE_LIMIT = (-7.0, 2.0)  # the gaussian likelihood's log σ


def build(kind: str, pixels: int, latent: int, likelihood: str, seed: int, device) -> nn.Module:
    """A fresh `kind` ("vae" or "ae") model, its weights drawn from `seed`, float32."""
    generator_state = torch.random.get_rng_state()
    torch.manual_seed(seed)
    try:
        model = MODELS[kind](pixels, latent, likelihood)
    finally:
        torch.random.set_rng_state(generator_state)
    return model.to(device=device, dtype=torch.float32)


class _Decoder(nn.Module):
    def __init__(self, pixels: int, latent: int, likelihood: str) -> None:
        super().__init__()
        self.likelihood = likelihood
        self.net = nn.Sequential(nn.Linear(latent, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, pixels))
        # The gaussian likelihood's σ (a parameter in every model, so that the weights of
        # every likelihood have the same names; unused by the other two).
        self.log_scale = nn.Parameter(torch.tensor(math.log(0.1)))

    def forward(self, z):
        return self.net(z)  # one logit per pixel

    def log_likelihood(self, x, logits):
        """log p(x | z) summed over pixels: (...,) for logits (..., pixels)."""
        if self.likelihood == "bernoulli":
            return Bernoulli(logits=logits, validate_args=False).log_prob(x).sum(-1)
        if self.likelihood == "continuous-bernoulli":
            return ContinuousBernoulli(logits=logits, validate_args=False).log_prob(x).sum(-1)
        scale = torch.exp(self.log_scale.clamp(*LOG_SCALE_LIMIT))
        return Normal(torch.sigmoid(logits), scale, validate_args=False).log_prob(x).sum(-1)

    def mean(self, logits):
        """The decoded image: the likelihood's mean per pixel (for the gaussian and the
        Bernoulli, sigmoid of the logit; for the continuous Bernoulli, its own mean)."""
        if self.likelihood == "continuous-bernoulli":
            return ContinuousBernoulli(logits=logits, validate_args=False).mean
        return torch.sigmoid(logits)


class VAE(nn.Module):
    kind = "vae"

    def __init__(self, pixels: int, latent: int, likelihood: str) -> None:
        super().__init__()
        self.pixels, self.latent = pixels, latent
        self.body = nn.Sequential(nn.Linear(pixels, HIDDEN), nn.ReLU())
        self.mu = nn.Linear(HIDDEN, latent)
        self.logvar = nn.Linear(HIDDEN, latent)
        self.decoder = _Decoder(pixels, latent, likelihood)

    def encode(self, x):
        """(μ, log σ²) of q(z | x)."""
        h = self.body(x)
        return self.mu(h), self.logvar(h).clamp(-LOGVAR_LIMIT, LOGVAR_LIMIT)

    def code(self, x):
        """Where x lands in the latent space: the mean of q(z | x)."""
        return self.encode(x)[0]

    def decode(self, z):
        return self.decoder.mean(self.decoder(z))

    def terms(self, x, generator=None, beta: float = 1.0):
        """Per image: (reconstruction E_q log p(x | z) by one reparameterised sample, the
        analytic KL(q(z | x) ‖ N(0, I)), and the loss −(reconstruction − β KL))."""
        mu, logvar = self.encode(x)
        noise = torch.randn(mu.shape, generator=generator, device=mu.device, dtype=mu.dtype)
        z = mu + torch.exp(0.5 * logvar) * noise
        reconstruction = self.decoder.log_likelihood(x, self.decoder(z))
        kl = kl_to_standard_normal(mu, logvar)
        return reconstruction, kl, -(reconstruction - beta * kl)

    def log_weights(self, x, k: int, generator=None):
        """log p(x, z_i) − log q(z_i | x) for k draws z_i ~ q(z | x): (k, n)."""
        mu, logvar = self.encode(x)
        std = torch.exp(0.5 * logvar)
        shape = (k, *mu.shape)
        noise = torch.randn(shape, generator=generator, device=mu.device, dtype=mu.dtype)
        z = mu + std * noise
        prior = Normal(torch.zeros_like(mu), torch.ones_like(mu), validate_args=False)
        log_prior = prior.log_prob(z).sum(-1)
        log_q = Normal(mu, std, validate_args=False).log_prob(z).sum(-1)
        return self.decoder.log_likelihood(x, self.decoder(z)) + log_prior - log_q


class AE(nn.Module):
    kind = "ae"

    def __init__(self, pixels: int, latent: int, likelihood: str) -> None:
        super().__init__()
        self.pixels, self.latent = pixels, latent
        self.body = nn.Sequential(nn.Linear(pixels, HIDDEN), nn.ReLU())
        self.head = nn.Linear(HIDDEN, latent)
        self.decoder = _Decoder(pixels, latent, likelihood)

    def code(self, x):
        return self.head(self.body(x))

    def decode(self, z):
        return self.decoder.mean(self.decoder(z))

    def terms(self, x, generator=None, beta: float = 1.0):
        """Per image: (reconstruction log p(x | z = code(x)), no KL, the loss −recon)."""
        reconstruction = self.decoder.log_likelihood(x, self.decoder(self.code(x)))
        return reconstruction, None, -reconstruction


MODELS = {"vae": VAE, "ae": AE}


def kl_to_standard_normal(mu, logvar):
    """KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ (μ² + σ² − 1 − log σ²), per row."""
    return 0.5 * (mu**2 + torch.exp(logvar) - 1.0 - logvar).sum(-1)


def iwae_ladder(model, x, ks, generator=None, chunk: int = 1 << 20) -> list:
    """L_k per image for each k in `ks` (ascending), from one sequence of draws: L_k uses the
    first k, so the rungs are nested, each as unbiased as alone, and their differences carry
    far less Monte Carlo noise than those of separate runs. L_k = log (1/k) Σ_i w_i with
    w_i = p(x, z_i) / q(z_i | x), z_i ~ q(z | x): L₁ is the ELBO, and L_k rises to log p(x) with
    k (Burda et al.). Drawn in chunks of about `chunk` decoded pixels, summed in log space."""
    steps = iwae_ladder_steps(model, x, ks, generator, chunk)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
        let_others_run()  # on a worker: a cancel stops it here


def iwae_ladder_steps(model, x, ks, generator=None, chunk: int = 1 << 20):
    """iwae_ladder as a generator: yields the fraction of the draws done after each chunk (a
    chance to cancel: the ladder to k = 5,000 takes seconds) and returns the rungs."""
    per_draw = max(1, chunk // max(1, len(x) * model.pixels))
    total = torch.full((len(x),), -math.inf, device=x.device, dtype=torch.float64)
    done, rungs = 0, []
    for k in ks:
        while done < k:
            m = min(per_draw, k - done)
            log_w = model.log_weights(x, m, generator).to(torch.float64)
            total = torch.logaddexp(total, torch.logsumexp(log_w, 0))
            done += m
            yield done / ks[-1]
        rungs.append(total - math.log(k))
    return rungs


def fitted_q(model, x, steps=300, samples=16, learning_rate=0.05, generator=None):
    """The amortisation gap (seed 000, "ELBO applied to the entire dataset", per-sample φ): image
    x's own q(z) = N(m, diag s²), fitted by stochastic gradient ascent on its ELBO from the
    encoder's output. Returns (m, log s²); its ELBO is at least the encoder's, up to Monte
    Carlo error, and at most log p(x)."""
    with torch.no_grad():
        mu, logvar = model.encode(x[None])
    mean = mu[0].clone().requires_grad_(True)
    log_variance = logvar[0].clone().requires_grad_(True)
    optimiser = torch.optim.Adam([mean, log_variance], lr=learning_rate)
    weights = [(p, p.requires_grad) for p in model.parameters()]
    for parameter, _ in weights:  # the model's weights stay as they are: only q moves
        parameter.requires_grad_(False)
    try:
        for _ in range(steps):
            let_others_run()  # on a worker: a cancel stops the fit here
            elbo = elbo_of(model, x, mean, log_variance, samples, generator).mean()
            optimiser.zero_grad(set_to_none=True)
            (-elbo).backward()
            optimiser.step()
            with torch.no_grad():
                log_variance.clamp_(-LOGVAR_LIMIT, LOGVAR_LIMIT)
    finally:
        for parameter, wanted in weights:
            parameter.requires_grad_(wanted)
    return mean.detach(), log_variance.detach()


def elbo_of(model, x, mean, log_variance, samples: int, generator=None):
    """ELBO(q) of image x for q = N(mean, diag exp(log_variance)): `samples` reparameterised
    draws of log p(x | z) less the analytic KL to the prior, one value per draw."""
    noise = torch.randn(
        (samples, mean.shape[-1]), generator=generator, device=mean.device, dtype=mean.dtype
    )
    z = mean + torch.exp(0.5 * log_variance) * noise
    reconstruction = model.decoder.log_likelihood(x[None], model.decoder(z))
    return reconstruction - kl_to_standard_normal(mean[None], log_variance[None])
