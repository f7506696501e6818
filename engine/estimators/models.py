"""Latent variable models whose marginal likelihood p(x) is known exactly, and proposals q(z).

Every model holds one observation x and gives log p(x, z) for a batch of latents z, on the
engine's device in float64. Its exact log p(x) comes from enumeration (discrete z) or adaptive
quadrature (continuous z), so that every Monte Carlo estimate can be shown against the truth.

- `binary`: z ∈ {0, 1}^D, the hidden half of a binary image strip (seed 000's half-hidden
  digit): p(z_d = 1) = ρ, and each visible pixel x_v ~ Bernoulli(σ(−3 + 6 z_v + 2 (z_{v−1} +
  z_{v+1}))), so x pins down z almost pixel by pixel and few of the 2^D states explain it.
  Exact p(x) by enumerating all 2^D states in batches.
- `mixture`: z ∈ {1..K}, π ~ Dirichlet(1), x | z ~ N(μ_z, σ²I) in 2-D with K means spread over a
  square: only the few components near x matter. Exact p(x) = Σ_k π_k N(x; μ_k, σ²I).
- `curve1d`, `curve2d`: z ∈ R or R², p(z) = N(0, I), x | z ~ N(f(z), σ²I) with a small fixed
  nonlinear f. Exact p(x) by adaptive quadrature (scipy's QUADPACK) to 1e-11 relative.

Proposals: `uniform` (over the 2^D states, the K components, or the box [−8, 8]^d, which holds
all but 1e-15 of the prior), `prior`, `fitted` (to the exact posterior: a product of its
Bernoulli marginals; for the mixture the posterior half-and-half with the prior, a defensive
mixture; for continuous z the Gaussian with the posterior's mean and covariance), `gaussian`
(N(mean, diag(scale²)), the panel's sliders; continuous z only) and `posterior` (the exact
posterior: every weight p(x, z)/p(z | x) equals p(x), an estimator of zero variance).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from engine.config import refusal

# What the models and their proposals import lazily (see Experiment.imports): torch's
# distributions, the symbolic shapes (and sympy, ~0.4 s) that torch.broadcast_shapes imports at
# its first call, and scipy's quadrature for the curves' exact p(x).
TORCH_AND_QUADRATURE = (
    "numpy.random",
    "torch.distributions",
    "torch.fx.experimental.symbolic_shapes",
    "scipy.integrate",
)

MAX_BITS = 20  # 2^20 states enumerated in about a second
MAX_COMPONENTS = 10_000
BOX = 8.0  # the uniform proposal's box for continuous z: [−BOX, BOX]^d
MODELS = ("binary", "mixture", "curve1d", "curve2d", "vae")
PROPOSALS = ("uniform", "prior", "fitted", "gaussian", "posterior")
_ENUMERATION_BATCH = 1 << 16


@dataclass(frozen=True)
class Proposal:
    name: str
    sample: Callable  # (n, torch.Generator) -> z
    log_prob: Callable  # z -> (n,) log q(z)
    zero_variance: bool = False


@dataclass(frozen=True)
class ProposalProfile:
    """q beside the exact posterior, as numbers over one axis: the densities of z (of z₁ for
    2-D z) on the model's fine grid, the marginals P(z_d = 1) of every hidden pixel, or the
    probability of every component. What of it a plot shows is engine.geometry's choice."""

    kind: str  # "density", "marginals" or "components"
    axis: np.ndarray
    posterior: np.ndarray
    proposal: np.ndarray
    uniform: np.ndarray


class Model:
    """One observation x of a latent variable model with an exact log p(x)."""

    name: str = ""
    continuous: bool = False
    naive: str = "uniform"  # the proposal of the naive chains
    exact: bool = True  # exact_log_p is exact (else an estimate, with reference_error)
    reference_error: float | None = None

    def __init__(self, seed: int, device, dtype) -> None:
        import torch

        self.torch = torch
        self.device, self.dtype = device, dtype
        self.rng = np.random.default_rng(seed)

    def log_joint(self, z):
        """log p(x, z) for a batch of latents z: (n,)."""
        raise NotImplementedError

    @property
    def exact_log_p(self) -> float:
        raise NotImplementedError

    def proposal(self, name: str, mean=None, scale=None) -> Proposal:
        raise NotImplementedError

    def profile(self, proposal: Proposal) -> ProposalProfile:
        """The posterior, the proposal and the uniform density side by side."""
        raise NotImplementedError

    def _tensor(self, values):
        # A copy: torch warns about (and must not write into) read-only numpy arrays.
        return self.torch.as_tensor(np.array(values), dtype=self.dtype, device=self.device)


# --- discrete z ---------------------------------------------------------------------------------
class BinaryImage(Model):
    name = "binary"

    def __init__(self, bits: int, seed: int, device, dtype, rho: float = 0.3) -> None:
        if not 1 <= bits <= MAX_BITS:
            raise refusal(
                "bits = {bits}: the binary model enumerates all 2^D states for the "
                "exact p(x); D must be between 1 and {MAX_BITS}",
                bits=bits,
                MAX_BITS=MAX_BITS,
            )
        super().__init__(seed, device, dtype)
        self.bits, self.rho = bits, rho
        torch = self.torch
        eye = np.eye(bits)
        weights = 6 * eye + 2 * (np.eye(bits, k=1) + np.eye(bits, k=-1))
        self.weights = self._tensor(weights)  # (V, D): visible pixel v from hidden pixels
        self.bias = self._tensor(np.full(bits, -3.0))
        hidden = (self.rng.random(bits) < rho).astype(float)
        logits = -3.0 + weights @ hidden
        self.true_z = hidden
        self.x = self._tensor((self.rng.random(bits) < 1 / (1 + np.exp(-logits))).astype(float))
        self._powers = torch.arange(bits, device=device)
        # log p(x | z) = Σ_v log σ(±(b + W z)_v), the sign + where x_v = 1: one product and one
        # logsigmoid per batch with the signs folded into the weights (three times faster than
        # x·logits − softplus(logits)); the log prior is linear in z.
        sign = 2 * self.x - 1
        self._signed_weights = (self.weights * sign[:, None]).T.contiguous()  # (D, V)
        self._signed_bias = self.bias * sign
        self._prior_slope = math.log(rho) - math.log1p(-rho)
        self._prior_base = bits * math.log1p(-rho)

    def bits_of(self, index):
        """The states with these indices as (n, D) 0/1 rows (bit d of the index is z_d)."""
        return ((index[:, None] >> self._powers) & 1).to(self.dtype)

    def log_prior(self, z):
        return z.sum(1) * self._prior_slope + self._prior_base

    def log_joint(self, z):
        torch = self.torch
        signed_logits = torch.addmm(self._signed_bias, z, self._signed_weights)
        # log Π σ(a_v) rather than Σ log σ(a_v): half the time, the same to 1e-15 relative.
        # |a_v| ≤ 3 + 6 + 2·2 = 13 here, so no σ(a_v) (≥ 2·10⁻⁶) nor their product underflows.
        log_lik = torch.log(torch.sigmoid(signed_logits).prod(1))
        return self.log_prior(z) + log_lik

    @cached_property
    def log_joint_all(self):
        """log p(x, z) for every state z, by index: (2^D,)."""
        torch = self.torch
        total = 1 << self.bits
        out = torch.empty(total, dtype=self.dtype, device=self.device)
        for start in range(0, total, _ENUMERATION_BATCH):
            index = torch.arange(start, min(total, start + _ENUMERATION_BATCH), device=self.device)
            out[index] = self.log_joint(self.bits_of(index))
        return out

    @cached_property
    def exact_log_p(self) -> float:
        return float(self.torch.logsumexp(self.log_joint_all, 0))

    @cached_property
    def log_posterior_all(self):
        return self.log_joint_all - self.exact_log_p

    @cached_property
    def posterior_marginals(self):
        """P(z_d = 1 | x) for each hidden pixel: (D,)."""
        torch = self.torch
        probabilities = torch.exp(self.log_posterior_all)
        index = torch.arange(1 << self.bits, device=self.device)
        return torch.stack([probabilities[(index >> d) & 1 == 1].sum() for d in range(self.bits)])

    def proposal(self, name: str, mean=None, scale=None) -> Proposal:
        torch = self.torch
        bits = self.bits
        if name == "uniform":
            half = torch.full((bits,), 0.5, dtype=self.dtype, device=self.device)
            return Proposal(
                name,
                _BernoulliProduct(self, half).sample,
                lambda z: torch.full((z.shape[0],), -bits * math.log(2), dtype=self.dtype),
            )
        if name in ("prior", "fitted"):
            p = (
                torch.full((bits,), self.rho, dtype=self.dtype, device=self.device)
                if name == "prior"
                else self.posterior_marginals.clamp(1e-6, 1 - 1e-6)
            )
            slope, base = torch.log(p) - torch.log1p(-p), float(torch.log1p(-p).sum())
            return Proposal(
                name,
                _BernoulliProduct(self, p).sample,
                lambda z: z @ slope + base,  # Σ_d z_d log p_d + (1 − z_d) log(1 − p_d)
            )
        if name == "posterior":
            return _categorical_proposal(
                self, self.log_posterior_all, lambda index: self.bits_of(index), self._index_of
            )
        raise refusal(
            "proposal = {given!r}: the gaussian proposal is for continuous z (curve1d, curve2d)",
            given=name,
        )

    def _index_of(self, z):
        return (z.long() << self._powers).sum(1)

    def profile(self, proposal: Proposal) -> ProposalProfile:
        torch = self.torch
        if proposal.name in ("uniform", "prior", "fitted"):
            ones = torch.eye(self.bits, dtype=self.dtype, device=self.device)
            # A product of Bernoullis: P(z_d = 1) = q(e_d) / q(0) · (1 − P) solved per pixel.
            zero = torch.zeros((1, self.bits), dtype=self.dtype, device=self.device)
            odds = torch.exp(proposal.log_prob(ones) - proposal.log_prob(zero))
            marginals = (odds / (1 + odds)).cpu().numpy()
        else:  # the posterior itself
            marginals = self.posterior_marginals.cpu().numpy()
        return ProposalProfile(
            "marginals",
            np.arange(1, self.bits + 1, dtype=float),
            self.posterior_marginals.cpu().numpy(),
            marginals,
            np.full(self.bits, 0.5),
        )


class ManyComponents(Model):
    name = "mixture"

    def __init__(self, components: int, seed: int, device, dtype, sigma: float = 0.5) -> None:
        if not 1 <= components <= MAX_COMPONENTS:
            raise refusal(
                "components = {components}: between 1 and {MAX_COMPONENTS} for the mixture",
                components=components,
                MAX_COMPONENTS=MAX_COMPONENTS,
            )
        super().__init__(seed, device, dtype)
        self.k, self.sigma = components, sigma
        means = self.rng.uniform(-10, 10, size=(components, 2))
        weights = self.rng.dirichlet(np.ones(components))
        z = self.rng.choice(components, p=weights)
        self.means, self.log_weights = self._tensor(means), self._tensor(np.log(weights))
        self.x = self._tensor(means[z] + sigma * self.rng.standard_normal(2))

    def log_joint(self, z):
        difference = self.x - self.means[z]
        return (
            self.log_weights[z]
            - 0.5 * (difference**2).sum(1) / self.sigma**2
            - 2 * math.log(self.sigma)
            - math.log(2 * math.pi)
        )

    @cached_property
    def log_joint_all(self):
        return self.log_joint(self.torch.arange(self.k, device=self.device))

    @cached_property
    def exact_log_p(self) -> float:
        return float(self.torch.logsumexp(self.log_joint_all, 0))

    def proposal(self, name: str, mean=None, scale=None) -> Proposal:
        torch = self.torch
        posterior = self.log_joint_all - self.exact_log_p
        tables = {
            "uniform": torch.full((self.k,), -math.log(self.k), dtype=self.dtype),
            "prior": self.log_weights,
            "posterior": posterior,
            # The posterior half-and-half with the prior: near the posterior, with its tails.
            "fitted": torch.logaddexp(posterior, self.log_weights) - math.log(2),
        }
        if name not in tables:
            raise refusal(
                "proposal = {given!r}: the gaussian proposal is for continuous z "
                "(curve1d, curve2d)",
                given=name,
            )
        return _categorical_proposal(
            self, tables[name].to(self.device), lambda index: index, lambda z: z, name
        )

    def profile(self, proposal: Proposal) -> ProposalProfile:
        torch = self.torch
        components = torch.arange(self.k, device=self.device)
        return ProposalProfile(
            "components",
            np.arange(1, self.k + 1, dtype=float),
            torch.exp(self.log_joint_all - self.exact_log_p).cpu().numpy(),
            torch.exp(proposal.log_prob(components)).cpu().numpy(),
            np.full(self.k, 1 / self.k),
        )


class _BernoulliProduct:
    """Draws z with independent bits z_d ~ Bernoulli(p_d), GROUP bits at a time: each group's
    2^GROUP patterns by the inverse of their CDF, one float64 uniform per group instead of one
    per bit (random numbers were the race's largest cost). Exact: a pattern's probability is
    the difference of the CDF, the product of its bits' probabilities to rounding."""

    GROUP = 6

    def __init__(self, model: Model, p) -> None:
        torch = model.torch
        self.model, self.bits = model, len(p)
        self.groups = [
            (start, min(self.bits, start + self.GROUP)) for start in range(0, self.bits, self.GROUP)
        ]
        self.patterns, self.cdfs = [], []
        for lo, hi in self.groups:
            width = hi - lo
            index = torch.arange(1 << width, device=model.device)
            pattern = ((index[:, None] >> torch.arange(width, device=model.device)) & 1).to(
                model.dtype
            )
            probability = (pattern * p[lo:hi] + (1 - pattern) * (1 - p[lo:hi])).prod(1)
            cdf = torch.cumsum(probability, 0)
            self.patterns.append(pattern)
            self.cdfs.append(cdf / cdf[-1])

    def sample(self, n: int, generator):
        torch, model = self.model.torch, self.model
        u = torch.rand(
            (len(self.groups), n), generator=generator, dtype=model.dtype, device=model.device
        )
        columns = []
        for row, (pattern, cdf) in enumerate(zip(self.patterns, self.cdfs, strict=True)):
            choice = torch.searchsorted(cdf, u[row]).clamp_(max=len(cdf) - 1)
            columns.append(pattern[choice])
        return torch.cat(columns, 1)


def _categorical_proposal(model, log_q, state_of, index_of, name="posterior") -> Proposal:
    """Sampling from a table of log q over indexed states, by the inverse of its CDF."""
    torch = model.torch
    cdf = torch.cumsum(torch.exp(log_q - log_q.max()), 0)
    cdf = cdf / cdf[-1]

    def sample(n, generator):
        u = torch.rand(n, generator=generator, dtype=model.dtype, device=model.device)
        index = torch.searchsorted(cdf, u).clamp_(max=len(cdf) - 1)
        return state_of(index)

    return Proposal(name, sample, lambda z: log_q[index_of(z)], zero_variance=name == "posterior")


# --- continuous z -------------------------------------------------------------------------------
class Curve(Model):
    """z ∈ R^d with p(z) = N(0, I), x | z ~ N(f(z), σ²I)."""

    continuous = True

    def __init__(self, dim: int, seed: int, device, dtype, sigma: float = 0.25) -> None:
        super().__init__(seed, device, dtype)
        self.dim, self.sigma = dim, sigma
        self.name = f"curve{dim}d"
        z = self.rng.standard_normal(dim)
        f = self.decode_np(z[None])[0]
        self.x_np = f + sigma * self.rng.standard_normal(f.shape)
        self.x = self._tensor(self.x_np)

    # f, written once for numpy (quadrature) and once for torch (sampling); tests compare them.
    @staticmethod
    def _decode(z, sin, tanh, stack, scalar=False):
        columns = z[0] if scalar else [z[:, j] for j in range(z.shape[1])]
        if len(columns) == 1:
            (t,) = columns
            return stack([t + 0.5 * sin(2 * t), 0.5 * t * t - 0.5])
        a, b = columns
        return stack([a + 0.5 * sin(2 * b), b + 0.5 * tanh(2 * a), 0.3 * a * b])

    def decode_np(self, z):
        return self._decode(z, np.sin, np.tanh, lambda cols: np.stack(cols, 1))

    def decode(self, z):
        torch = self.torch
        return self._decode(z, torch.sin, torch.tanh, lambda cols: torch.stack(cols, 1))

    def _log_joint(self, z_squared, distance_squared):
        """log N(z; 0, I) + log N(x; f(z), σ²I) from |z|² and |x − f(z)|², whatever they are
        (torch or numpy arrays, or plain floats)."""
        d, m = self.dim, len(self.x_np)
        return (
            -0.5 * z_squared
            - 0.5 * distance_squared / self.sigma**2
            - 0.5 * d * math.log(2 * math.pi)
            - m * (math.log(self.sigma) + 0.5 * math.log(2 * math.pi))
        )

    def log_joint(self, z):
        return self._log_joint((z**2).sum(1), ((self.x - self.decode(z)) ** 2).sum(1))

    def log_joint_np(self, z):
        z = np.atleast_2d(z)
        return self._log_joint((z**2).sum(1), ((self.x_np - self.decode_np(z)) ** 2).sum(1))

    def log_joint_scalar(self, *z: float) -> float:
        """log p(x, z) for one z, in plain floats: quadrature calls it some 10⁵ times, where
        numpy's per-call overhead would cost seconds."""
        f = self._decode([z], math.sin, math.tanh, lambda cols: cols, scalar=True)
        distance = sum((x - fz) ** 2 for x, fz in zip(self.x_np.tolist(), f, strict=True))
        return self._log_joint(sum(t * t for t in z), distance)

    @cached_property
    def _grid(self):
        """A fine grid over the box, with log p(x, z) on it, to find where the posterior lives."""
        points = 20_001 if self.dim == 1 else 801
        axis = np.linspace(-BOX, BOX, points)
        if self.dim == 1:
            z = axis[:, None]
        else:
            a, b = np.meshgrid(axis, axis, indexing="ij")
            z = np.column_stack([a.ravel(), b.ravel()])
        return axis, z, self.log_joint_np(z)

    @cached_property
    def _peak(self) -> float:
        return float(self._grid[2].max())

    def _support(self) -> list[tuple[float, float]]:
        """Per axis, the range where p(x, z) is within e^−60 of its peak, two cells wider."""
        axis, z, values = self._grid
        inside = z[values > self._peak - 60]
        step = axis[1] - axis[0]
        return [
            (max(-BOX, lo - 2 * step), min(BOX, hi + 2 * step))
            for lo, hi in zip(inside.min(0), inside.max(0), strict=True)
        ]

    @cached_property
    def exact_log_p(self) -> float:
        from scipy import integrate

        peak = self._peak
        (lo, hi), *rest = self._support()
        if self.dim == 1:

            def density(t):
                return math.exp(self.log_joint_scalar(t) - peak)

            value, _ = integrate.quad(density, lo, hi, epsabs=0, epsrel=1e-12, limit=1000)
        else:
            (lo2, hi2) = rest[0]

            def density2(b, a):
                return math.exp(self.log_joint_scalar(a, b) - peak)

            value, _ = integrate.dblquad(density2, lo, hi, lo2, hi2, epsabs=0, epsrel=1e-11)
        return peak + math.log(value)

    @cached_property
    def posterior_moments(self) -> tuple[np.ndarray, np.ndarray]:
        """The posterior's mean (d,) and covariance (d, d), from the fine grid."""
        _, z, values = self._grid
        weights = np.exp(values - self._peak)
        weights /= weights.sum()
        mean = weights @ z
        centred = z - mean
        return mean, (centred * weights[:, None]).T @ centred

    def proposal(self, name: str, mean=None, scale=None) -> Proposal:
        torch = self.torch
        d = self.dim
        if name == "uniform":
            return Proposal(
                name,
                lambda n, g: (
                    (torch.rand((n, d), generator=g, dtype=self.dtype, device=self.device) * 2 - 1)
                    * BOX
                ),
                lambda z: torch.full(
                    (z.shape[0],), -d * math.log(2 * BOX), dtype=self.dtype, device=self.device
                ),
            )
        if name == "posterior":
            return self._posterior_proposal()
        if name == "prior":
            location, covariance = np.zeros(d), np.eye(d)
        elif name == "fitted":
            location, covariance = self.posterior_moments
        elif name == "gaussian":
            location = np.zeros(d) if mean is None else np.broadcast_to(mean, d)
            spread = np.ones(d) if scale is None else np.broadcast_to(scale, d)
            covariance = np.diag(np.asarray(spread, float) ** 2)
        else:
            raise refusal("proposal = {given!r}: unknown", given=name)
        distribution = torch.distributions.MultivariateNormal(
            self._tensor(location), covariance_matrix=self._tensor(covariance)
        )

        def sample(n, generator):
            noise = torch.randn((n, d), generator=generator, dtype=self.dtype, device=self.device)
            return distribution.loc + noise @ distribution.scale_tril.T

        return Proposal(name, sample, distribution.log_prob)

    def profile(self, proposal: Proposal) -> ProposalProfile:
        """Densities along z (for 2-D z, the marginals of z₁) on the fine grid."""
        torch = self.torch
        axis, z, values = self._grid
        step = axis[1] - axis[0]
        posterior = np.exp(values - self.exact_log_p)
        q = torch.exp(proposal.log_prob(self._tensor(z))).cpu().numpy()
        uniform = np.full(len(axis), 1 / (2 * BOX))
        if self.dim == 2:  # integrate out z₂
            posterior = posterior.reshape(len(axis), len(axis)).sum(1) * step
            q = q.reshape(len(axis), len(axis)).sum(1) * step
        return ProposalProfile("density", axis, posterior, q, uniform)

    def _posterior_proposal(self) -> Proposal:
        """Draws from the posterior to the fine grid's resolution (a cell by its mass, then a
        point in it); log q is the exact posterior density, so every weight is exactly p(x)."""
        torch = self.torch
        axis, z, values = self._grid
        step = axis[1] - axis[0]
        log_mass = self._tensor(values - self._peak)
        cdf = torch.cumsum(torch.exp(log_mass), 0)
        cdf = cdf / cdf[-1]
        centres = self._tensor(z)

        def sample(n, generator):
            u = torch.rand(n, generator=generator, dtype=self.dtype, device=self.device)
            cell = torch.searchsorted(cdf, u).clamp_(max=len(cdf) - 1)
            jitter = torch.rand(
                (n, self.dim), generator=generator, dtype=self.dtype, device=self.device
            )
            return centres[cell] + (jitter - 0.5) * step

        return Proposal(
            "posterior", sample, lambda z: self.log_joint(z) - self.exact_log_p, zero_variance=True
        )
