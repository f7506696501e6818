"""One-dimensional models p(z) p(x | z) with one observed x, whose posterior p(z | x) the ELBO &
VI panel approximates by q = N(m, s²). Everything is one-dimensional, so every quantity is
computed exactly: log p(x) in closed form where the model is conjugate, else by Simpson's rule
on a dense grid; E_q log p(x, z) in closed form but for the mixture prior's one softplus term,
by Gauss–Legendre quadrature split at its bend (the drawn surface takes Gauss–Hermite there).

- `gaussian`: z ~ N(0, 1), x | z ~ N(z, σ²): the posterior is gaussian, so q can be exact.
- `bimodal`: z ~ ½ N(−4, ½) + ½ N(2, ½), x | z ~ N(z, 2²): the posterior is a two-component
  mixture (conjugate, so closed form), its modes 8 standard deviations apart. x = −1 weighs
  both equally; x = 1 (seed 000's "intractable posteriors" picture) puts 93.5% of the mass near
  1.9.
- `skewed`: z ~ N(0, 1), x | z ~ Poisson(eᶻ): log-concave but skewed, no closed form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln, logsumexp

from engine.config import ConfigError, refusal

NAMES = ("bimodal", "skewed", "gaussian")
GRID_POINTS = 20_001  # the quadrature grid of log p(x) and of the drawn density
HERMITE_NODES = 32  # Gauss–Hermite nodes of the drawn surface's one term without closed form
EDGE_MASS = 1e-12  # the posterior's mass allowed in the outer tenth of its grid on each side
LOG_2PI = math.log(2 * math.pi)

_nodes, _weights = np.polynomial.hermite.hermgauss(HERMITE_NODES)  # for the drawn surface
# E_{ε ~ N(0,1)} f(ε) = Σ w_i f(√2 t_i) / √π
EPSILON = np.sqrt(2.0) * _nodes
WEIGHTS = _weights / math.sqrt(math.pi)


def _normal_log_pdf(z, mean, var):
    return -0.5 * (LOG_2PI + np.log(var) + (z - mean) ** 2 / var)


@dataclass(frozen=True)
class Posterior:
    """A model and its observed x: log p(x, z), its derivative in z, and p(z | x) on a grid."""

    name: str
    x: float
    span: tuple[float, float]  # the grid of z

    def log_joint(self, z):
        raise NotImplementedError

    def dlog_joint(self, z):
        """∂/∂z log p(x, z): what reparameterised gradients use."""
        raise NotImplementedError

    def exact_log_px(self) -> float | None:
        """log p(x) in closed form, where the model has one."""
        return None

    # --- by quadrature on the grid ------------------------------------------------------------
    @property
    def grid(self) -> np.ndarray:
        return np.linspace(*self.span, GRID_POINTS)

    def log_px(self) -> float:
        """log p(x): closed form where there is one, else the grid's Simpson rule in log space."""
        exact = self.exact_log_px()
        return exact if exact is not None else self.grid_log_px()

    def grid_log_px(self) -> float:
        z = self.grid
        step = z[1] - z[0]
        simpson = np.ones(len(z))
        simpson[1:-1:2], simpson[2:-1:2] = 4.0, 2.0
        return float(logsumexp(self.log_joint(z), b=simpson * step / 3.0))

    def density(self) -> tuple[np.ndarray, np.ndarray]:
        """(z, p(z | x)) on the grid."""
        z = self.grid
        return z, np.exp(self.log_joint(z) - self.log_px())

    def moments(self) -> tuple[float, float]:
        """(mean, standard deviation) of p(z | x), by the grid."""
        z, p = self.density()
        step = z[1] - z[0]
        mean = float((z * p).sum() * step)
        return mean, float(math.sqrt(max(((z - mean) ** 2 * p).sum() * step, 0.0)))

    def modes(self) -> tuple[float, ...]:
        """The posterior's local maxima on the grid."""
        log_p = self.log_joint(self.grid)
        inner = (log_p[1:-1] > log_p[:-2]) & (log_p[1:-1] >= log_p[2:])
        return tuple(float(v) for v in self.grid[1:-1][inner])

    def check_normalisable(self) -> None:
        """A ConfigError when the posterior's mass reaches the grid's edges: log p(x) and every
        quantity after it would be wrong."""
        z, p = self.density()
        step = z[1] - z[0]
        tenth = len(z) // 10
        edge = (p[:tenth].sum() + p[-tenth:].sum()) * step
        total = p.sum() * step
        if not np.isfinite(total) or abs(total - 1.0) > 1e-9 or edge > EDGE_MASS:
            raise refusal(
                "posterior = {given}, x = {x:g}: p(z | x) cannot be normalised on its "
                "grid z ∈ [{span:g}, {span2:g}] (mass {edge:.2g} near the edges); "
                "choose another x",
                given=self.name,
                x=self.x,
                span=self.span[0],
                span2=self.span[1],
                edge=edge,
            )

    # --- q = N(m, s²) ----------------------------------------------------------------------------
    def expected_log_joint(self, m, s):
        """E_q log p(x, z) for q = N(m, s²), exactly (closed form, or quadrature to 1e-11
        where there is none); m and s broadcast."""
        raise NotImplementedError

    def expected_gradient(self, m: float, s: float) -> tuple[float, float]:
        """(∂/∂m, ∂/∂s) of E_q log p(x, z), exactly."""
        raise NotImplementedError

    def surface_expected_log_joint(self, m, s):
        """E_q log p(x, z) over arrays of (m, s) at once, for the drawn surface (the exact one
        where it is closed form)."""
        return self.expected_log_joint(m, s)

    def elbo(self, m, s):
        """ELBO(q) = E_q log p(x, z) + H(q), H(q) = ½ log(2πe s²)."""
        s = np.asarray(s, dtype=np.float64)
        return self.expected_log_joint(m, s) + 0.5 * (LOG_2PI + 1.0) + np.log(s)

    def elbo_surface(self, m, s):
        s = np.asarray(s, dtype=np.float64)
        return self.surface_expected_log_joint(m, s) + 0.5 * (LOG_2PI + 1.0) + np.log(s)

    def elbo_gradient(self, m: float, s: float) -> tuple[float, float]:
        """(∂ELBO/∂m, ∂ELBO/∂log s), exactly: the entropy adds 1 to the second."""
        dm, ds = self.expected_gradient(m, s)
        return dm, s * ds + 1.0

    def reparameterised_gradient(self, m: float, s: float, eps: np.ndarray):
        """One estimate of (∂ELBO/∂m, ∂ELBO/∂log s) from draws ε ~ N(0, 1), z = m + s ε: the
        mean of g(z) and of g(z) s ε, plus the entropy's 1 (g = ∂ log p(x, z)/∂z)."""
        g = self.dlog_joint(m + s * eps)
        return float(g.mean()), float((g * s * eps).mean() + 1.0)

    def kl_by_grid(self, m: float, s: float) -> float:
        """KL(q ‖ p(z | x)) = ∫ q log(q / p(z | x)) dz on a grid of its own around q (not the
        ELBO's quadrature): log p(x) − ELBO must equal it."""
        z = np.linspace(m - 14 * s, m + 14 * s, 40_001)
        log_q = _normal_log_pdf(z, m, s * s)
        log_post = self.log_joint(z) - self.log_px()
        integrand = np.exp(log_q) * (log_q - log_post)
        return float(np.trapezoid(integrand, z))

    def forward_kl(self, m: float, s: float) -> float:
        """KL(p(z | x) ‖ q) on the posterior's grid."""
        z, p = self.density()
        log_p = np.log(np.maximum(p, 1e-300))
        keep = p > 0
        step = z[1] - z[0]
        return float((p[keep] * (log_p[keep] - _normal_log_pdf(z[keep], m, s * s))).sum() * step)


@dataclass(frozen=True)
class Gaussian(Posterior):
    noise: float = 0.5  # σ² of x | z

    def log_joint(self, z):
        return _normal_log_pdf(z, 0.0, 1.0) + _normal_log_pdf(self.x, z, self.noise)

    def dlog_joint(self, z):
        return -z + (self.x - z) / self.noise

    def exact_log_px(self) -> float:
        return float(_normal_log_pdf(self.x, 0.0, 1.0 + self.noise))

    def expected_log_joint(self, m, s):
        m, s = np.asarray(m, dtype=np.float64), np.asarray(s, dtype=np.float64)
        prior = -0.5 * (LOG_2PI + m * m + s * s)
        likelihood = -0.5 * (
            LOG_2PI + math.log(self.noise) + ((self.x - m) ** 2 + s * s) / self.noise
        )
        return prior + likelihood

    def expected_gradient(self, m, s):
        return -m + (self.x - m) / self.noise, -s - s / self.noise

    def exact_posterior(self) -> tuple[float, float]:
        var = self.noise / (1.0 + self.noise)
        return self.x / (1.0 + self.noise), math.sqrt(var)


@dataclass(frozen=True)
class Bimodal(Posterior):
    means: tuple[float, float] = (-4.0, 2.0)
    weights: tuple[float, float] = (0.5, 0.5)
    prior_var: float = 0.5
    noise: float = 4.0

    def log_joint(self, z):
        z = np.asarray(z, dtype=np.float64)
        parts = [
            math.log(w) + _normal_log_pdf(z, mu, self.prior_var)
            for w, mu in zip(self.weights, self.means, strict=True)
        ]
        return np.logaddexp(*parts) + _normal_log_pdf(self.x, z, self.noise)

    def dlog_joint(self, z):
        z = np.asarray(z, dtype=np.float64)
        parts = np.stack(
            [
                math.log(w) + _normal_log_pdf(z, mu, self.prior_var)
                for w, mu in zip(self.weights, self.means, strict=True)
            ]
        )
        share = np.exp(parts - logsumexp(parts, axis=0))
        prior = sum(share[k] * (mu - z) / self.prior_var for k, mu in enumerate(self.means))
        return prior + (self.x - z) / self.noise

    # log p(z) = log(w₂ N(z; μ₂, τ²)) + softplus(αz + β): the components share τ², so the log of
    # their ratio is linear in z. All of E_q log p(x, z) is closed form but E_q softplus(u),
    # u ~ N(αm + β, α²s²): a near-kink for large |α| s, which Gauss–Hermite misses by 0.01.
    @property
    def _line(self) -> tuple[float, float]:
        (w1, w2), (mu1, mu2), tau2 = self.weights, self.means, self.prior_var
        return (mu1 - mu2) / tau2, math.log(w1 / w2) + (mu2 * mu2 - mu1 * mu1) / (2 * tau2)

    def _closed_part(self, m, s):
        m, s = np.asarray(m, dtype=np.float64), np.asarray(s, dtype=np.float64)
        mu2, tau2 = self.means[1], self.prior_var
        second = math.log(self.weights[1]) - 0.5 * (
            LOG_2PI + math.log(tau2) + ((m - mu2) ** 2 + s * s) / tau2
        )
        likelihood = -0.5 * (
            LOG_2PI + math.log(self.noise) + ((self.x - m) ** 2 + s * s) / self.noise
        )
        return second + likelihood

    def expected_log_joint(self, m, s):
        alpha, beta = self._line
        m_b, s_b = np.broadcast_arrays(
            np.asarray(m, dtype=np.float64), np.asarray(s, dtype=np.float64)
        )
        soft = np.vectorize(
            lambda mm, ss: _gaussian_mean(_softplus, alpha * mm + beta, abs(alpha) * ss)
        )(m_b, s_b)
        return self._closed_part(m, s) + soft

    def surface_expected_log_joint(self, m, s):
        alpha, beta = self._line
        m, s = np.asarray(m, dtype=np.float64), np.asarray(s, dtype=np.float64)
        u = (alpha * m + beta)[..., None] + (abs(alpha) * s)[..., None] * EPSILON
        return self._closed_part(m, s) + (np.logaddexp(0.0, u) * WEIGHTS).sum(-1)

    def expected_gradient(self, m, s):
        alpha, beta = self._line
        mu2, tau2 = self.means[1], self.prior_var
        mean_u, sd_u = alpha * m + beta, abs(alpha) * s
        sig = _gaussian_mean(_sigmoid, mean_u, sd_u)
        slope = _gaussian_mean(lambda u: _sigmoid(u) * _sigmoid(-u), mean_u, sd_u)
        dm = -(m - mu2) / tau2 + (self.x - m) / self.noise + alpha * sig
        ds = -s / tau2 - s / self.noise + alpha * alpha * s * slope  # Stein: E[ε σ(u)] = σ_u E σ'
        return dm, ds

    def exact_log_px(self) -> float:
        total = self.prior_var + self.noise
        parts = [
            math.log(w) + float(_normal_log_pdf(self.x, mu, total))
            for w, mu in zip(self.weights, self.means, strict=True)
        ]
        return float(logsumexp(parts))

    def exact_components(self) -> list[tuple[float, float, float]]:
        """p(z | x) as (weight, mean, variance) per component: the conjugate update."""
        var = 1.0 / (1.0 / self.prior_var + 1.0 / self.noise)
        total = self.prior_var + self.noise
        log_w = np.array(
            [
                math.log(w) + float(_normal_log_pdf(self.x, mu, total))
                for w, mu in zip(self.weights, self.means, strict=True)
            ]
        )
        w = np.exp(log_w - logsumexp(log_w))
        return [
            (float(wk), var * (mu / self.prior_var + self.x / self.noise), var)
            for wk, mu in zip(w, self.means, strict=True)
        ]


@dataclass(frozen=True)
class Skewed(Posterior):
    """x | z ~ Poisson(eᶻ): log p(x | z) = x z − eᶻ − log x!."""

    def log_joint(self, z):
        z = np.asarray(z, dtype=np.float64)
        return _normal_log_pdf(z, 0.0, 1.0) + self.x * z - np.exp(z) - gammaln(self.x + 1.0)

    def dlog_joint(self, z):
        return -z + self.x - np.exp(z)

    def expected_log_joint(self, m, s):
        m, s = np.asarray(m, dtype=np.float64), np.asarray(s, dtype=np.float64)
        rate = np.exp(m + 0.5 * s * s)  # E_q eᶻ
        return -0.5 * (LOG_2PI + m * m + s * s) + self.x * m - rate - gammaln(self.x + 1.0)

    def expected_gradient(self, m, s):
        rate = math.exp(m + 0.5 * s * s)
        return -m + self.x - rate, -s - s * rate


# exp(709.8) is float64's largest: beyond m + s²/2 = 700 the skewed model's E_q eᶻ, and so its
# ELBO (below −10³⁰⁰ there), cannot be represented.
MAX_LOG_RATE = 700.0


def largest_s(name: str, m: float) -> float:
    """The largest s for which posterior `name`'s ELBO at q = N(m, s²) can be computed: only
    the skewed model has one, its ELBO holding −E_q eᶻ = −exp(m + s²/2)."""
    if name != "skewed":
        return math.inf
    return math.sqrt(2.0 * (MAX_LOG_RATE - m)) if m < MAX_LOG_RATE else 0.0


def q_out_of_range(name: str, m: float, s: float) -> ConfigError | None:
    """Why q = N(m, s²) is beyond what posterior `name`'s ELBO can be computed for, or None."""
    if s <= largest_s(name, m):
        return None
    return refusal(
        "q = N({m:g}, {s:g}²): the skewed model's ELBO holds −exp(m + s²/2) = "
        "−e^{power:.0f}, beyond any floating-point number; keep m + s²/2 ≤ "
        "{limit:g} (at m = {m:g}, s ≤ {largest:.4g})",
        m=m,
        s=s,
        power=m + 0.5 * s * s,
        limit=MAX_LOG_RATE,
        largest=largest_s(name, m),
    )


def _softplus(u):
    return np.logaddexp(0.0, u)


def _sigmoid(u):
    return 0.5 * (1.0 + np.tanh(0.5 * u))


_LEGENDRE = np.polynomial.legendre.leggauss(256)  # per side of u = 0


def _gaussian_mean(f, mean: float, sd: float) -> float:
    """E f(u), u ~ N(mean, sd²), over mean ± 12 sd by 256-point Gauss–Legendre on each side of
    u = 0, where softplus bends (its nodes crowd at the ends, so at the bend): within 1e-11 of
    adaptive quadrature from sd = 0.001 to 60. One vectorised call: a callback per point held
    the interpreter lock long enough to stall the window (scipy's quad)."""
    if sd == 0:
        return float(f(mean))
    nodes, weights = _LEGENDRE
    low, high = mean - 12 * sd, mean + 12 * sd
    pieces = [(low, 0.0), (0.0, high)] if low < 0.0 < high else [(low, high)]
    total = 0.0
    for a, b in pieces:
        u = 0.5 * (b - a) * nodes + 0.5 * (b + a)
        density = np.exp(-0.5 * ((u - mean) / sd) ** 2) / (sd * math.sqrt(2 * math.pi))
        total += 0.5 * (b - a) * float(np.dot(weights, density * f(u)))
    return total


DEFAULT_X = {"bimodal": -1.0, "skewed": 3.0, "gaussian": 1.5}
SPANS = {"bimodal": (-14.0, 12.0), "skewed": (-12.0, 8.0), "gaussian": (-12.0, 12.0)}


def posterior(name: str, x: float | None = None) -> Posterior:
    if name not in NAMES:
        raise refusal(
            "posterior = {given!r}: unknown; known: {items}", given=name, items=", ".join(NAMES)
        )
    x = DEFAULT_X[name] if x is None else float(x)
    if name == "skewed" and (x < 0 or x != int(x)):
        raise refusal("x = {x:g}: the skewed model's x is a count (0, 1, 2, ...)", x=x)
    made = {"bimodal": Bimodal, "skewed": Skewed, "gaussian": Gaussian}[name](name, x, SPANS[name])
    made.check_normalisable()
    return made
