"""EM for Gaussian mixtures with full, diagonal, spherical or tied covariances, in torch.

Parameters follow scikit-learn's shapes so that its GaussianMixture is an exact oracle:
weights (K,), means (K, d), covariances (K, d, d) full, (d, d) tied, (K, d) diag, (K,) spherical.

One pass over the data per iteration: in chunks of about 2^20 elements, the E step at θ_t is a
single GEMM of the (centred) data against the stacked precision-Cholesky factors of all
components, and the same pass accumulates the M step's sufficient statistics
N_k = Σ r_ik, S1_k = Σ r_ik x_i and S2 (Σ r x xᵀ, Σ r x² or XᵀX by covariance type). It returns
the mean log-likelihood ℓ̄(θ_t) (scikit-learn's lower bound of that iteration) and θ_{t+1}.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.config import ConfigError

COVARIANCE_TYPES = ("full", "diag", "spherical", "tied")
CHUNK_ELEMENTS = 1 << 20
# The previous q is kept (n × K log-responsibilities) for ELBO(q_{t-1}, θ_t) up to this size.
BOUND_ELEMENTS = 1 << 26
LOG_2PI = math.log(2.0 * math.pi)


@dataclass(frozen=True)
class MixtureParameters:
    """θ = (weights, means, covariances), numpy float64, scikit-learn's shapes."""

    weights: np.ndarray
    means: np.ndarray
    covariances: np.ndarray
    covariance_type: str

    @property
    def k(self) -> int:
        return len(self.weights)

    @property
    def d(self) -> int:
        return self.means.shape[1]

    def full_covariances(self) -> np.ndarray:
        """Every component's covariance as a (K, d, d) matrix, whatever the type."""
        k, d = self.k, self.d
        c = self.covariances
        if self.covariance_type == "full":
            return c
        if self.covariance_type == "tied":
            return np.broadcast_to(c, (k, d, d)).copy()
        if self.covariance_type == "diag":
            return np.einsum("ki,ij->kij", c, np.eye(d))
        return c[:, None, None] * np.eye(d)

    def to_dict(self) -> dict:
        return {
            "weights": self.weights.tolist(),
            "means": self.means.tolist(),
            "covariances": self.covariances.tolist(),
        }


def check_parameters(params: MixtureParameters, d: int) -> None:
    """Shapes and values as scikit-learn wants them; ConfigError otherwise."""
    k, t = params.k, params.covariance_type
    expected = {"full": (k, d, d), "tied": (d, d), "diag": (k, d), "spherical": (k,)}[t]
    if params.means.shape != (k, d):
        raise ConfigError(f"start means have shape {params.means.shape}; expected ({k}, {d})")
    if params.covariances.shape != expected:
        raise ConfigError(
            f"start covariances have shape {params.covariances.shape}; expected "
            f"{expected} for covariance = {t}"
        )
    if not (
        np.all(np.isfinite(params.weights))
        and np.all(params.weights >= 0)
        and abs(params.weights.sum() - 1) < 1e-6
    ):
        raise ConfigError("start weights must be >= 0 and sum to 1")
    for name in ("means", "covariances"):
        if not np.all(np.isfinite(getattr(params, name))):
            raise ConfigError(f"start {name} are not all finite")
    try:
        np.linalg.cholesky(params.full_covariances())
    except np.linalg.LinAlgError:
        raise ConfigError("a start covariance is not positive definite") from None


def _precision_cholesky(params: MixtureParameters, torch, dtype, device):
    """(K, d, d) lower-triangular U_k with Σ_k⁻¹ = U_k U_kᵀ, as scikit-learn computes it."""
    covariances = torch.as_tensor(params.full_covariances(), dtype=dtype, device=device)
    try:
        chol = torch.linalg.cholesky(covariances)
    except RuntimeError:
        raise ConfigError(
            "a component's covariance became singular (it collapsed onto too few "
            "points); raise reg_covar or use fewer components"
        ) from None
    eye = torch.eye(params.d, dtype=dtype, device=device).expand_as(chol)
    return torch.linalg.solve_triangular(chol, eye, upper=False).transpose(-1, -2)


class MixtureEM:
    """EM over fixed data; `step(θ)` returns (ℓ̄(θ), θ', responsibilities of the first rows)."""

    def __init__(
        self,
        x: np.ndarray,
        covariance_type: str,
        reg_covar: float,
        device: str = "auto",
        keep_rows: int = 0,
    ) -> None:
        import torch

        from engine import device as devices

        if covariance_type not in COVARIANCE_TYPES:
            raise ConfigError(
                f"covariance = {covariance_type!r}; allowed: {', '.join(COVARIANCE_TYPES)}"
            )
        self.torch = torch
        self.device = devices.resolve(device)
        self.dtype = devices.dtype()
        x = np.asarray(x, dtype=np.float64)
        # Centring first keeps the one-pass second moments free of cancellation.
        self.centre = x.mean(axis=0)
        self.x = torch.tensor(x - self.centre, dtype=self.dtype, device=self.device)
        self.n, self.d = x.shape
        self.covariance_type = covariance_type
        self.reg_covar = reg_covar
        self.keep_rows = min(keep_rows, self.n)
        self._previous_log_r = None
        self.last_elbo: float | None = None
        if covariance_type == "tied":  # XᵀX does not depend on θ: once
            self.xtx = self.x.T @ self.x

    def _chunks(self, k: int):
        rows = max(1, CHUNK_ELEMENTS // max(1, k * self.d, self.d * self.d))
        for start in range(0, self.n, rows):
            yield start, self.x[start : start + rows]

    def log_prob(self, xc, params: MixtureParameters, prec_chol, shifted_means):
        """log N(x_i; μ_k, Σ_k) for a chunk, (rows, K): one GEMM against all factors."""
        torch = self.torch
        k, d = params.k, params.d
        stacked = prec_chol.permute(1, 0, 2).reshape(d, k * d)  # [U_1 … U_K]
        offsets = torch.einsum("ki,kij->kj", shifted_means, prec_chol).reshape(k * d)
        y = (xc @ stacked - offsets).reshape(-1, k, d)
        log_det = torch.log(torch.diagonal(prec_chol, dim1=-2, dim2=-1)).sum(-1)
        # einsum, not (y * y).sum(-1): a sum over a short last axis is 6x slower on the CPU.
        return -0.5 * (d * LOG_2PI + torch.einsum("nkd,nkd->nk", y, y)) + log_det

    def step(self, params: MixtureParameters):
        """One pass: ℓ̄(θ), the M step's θ', and the responsibilities of the first rows."""
        torch = self.torch
        dt, dev = self.dtype, self.device
        k, d = params.k, params.d
        prec_chol = _precision_cholesky(params, torch, dt, dev)
        means = torch.as_tensor(params.means - self.centre, dtype=dt, device=dev)
        log_weights = torch.log(torch.as_tensor(params.weights, dtype=dt, device=dev))
        total = torch.zeros((), dtype=dt, device=dev)
        bound = torch.zeros((), dtype=dt, device=dev)
        previous = self._previous_log_r
        if previous is not None and previous.shape != (self.n, k):
            previous = None
        keep_bound = self.n * k <= BOUND_ELEMENTS
        current = torch.empty((self.n, k), dtype=dt, device=dev) if keep_bound else None
        r_sum = torch.zeros(k, dtype=dt, device=dev)
        s1 = torch.zeros((k, d), dtype=dt, device=dev)
        full = self.covariance_type == "full"
        s2 = torch.zeros((k, d, d) if full else (k, d), dtype=dt, device=dev)
        kept = []
        for start, xc in self._chunks(k):
            weighted = self.log_prob(xc, params, prec_chol, means) + log_weights
            norm = torch.logsumexp(weighted, dim=1, keepdim=True)
            total += norm.sum()
            log_r = weighted - norm
            r = torch.exp(log_r)
            stop = start + len(xc)
            if previous is not None:
                # ELBO(q_prev, θ) = Σ_i Σ_k r'_ik (log π_k + log N(x_i; μ_k, Σ_k) − log r'_ik)
                old_log_r = previous[start:stop]
                old_r = torch.exp(old_log_r)
                bound += torch.where(old_r > 0, old_r * (weighted - old_log_r), 0.0).sum()
            if current is not None:
                current[start:stop] = log_r
            if start < self.keep_rows:
                kept.append(r[: self.keep_rows - start])
            r_sum += r.sum(0)
            s1 += r.T @ xc
            if full:  # Σ r x xᵀ as one GEMM against the rows' outer products
                s2 += (r.T @ (xc[:, :, None] * xc[:, None, :]).reshape(-1, d * d)).view(k, d, d)
            elif self.covariance_type != "tied":
                s2 += r.T @ (xc * xc)
        new = self._m_step(r_sum, s1, s2)
        responsibilities = torch.cat(kept).cpu().numpy() if kept else np.empty((0, k))
        self.last_elbo = float(bound) / self.n if previous is not None else None
        self._previous_log_r = current
        return float(total) / self.n, new, responsibilities

    def reset_bound(self) -> None:
        """Forget the previous q: the next step is the first of a run (no ELBO yet)."""
        self._previous_log_r = None
        self.last_elbo = None

    def _m_step(self, r_sum, s1, s2) -> MixtureParameters:
        """scikit-learn's _estimate_gaussian_parameters, from the sufficient statistics."""
        torch = self.torch
        eps = 10 * torch.finfo(self.dtype).eps
        nk = r_sum + eps
        means = s1 / nk[:, None]
        d = self.d
        eye = torch.eye(d, dtype=self.dtype, device=self.device)
        t = self.covariance_type
        if t == "full":
            # Σ r (x − μ)(x − μ)ᵀ = S2 − (2 N_k − Σ r) μ μᵀ, as μ = S1 / N_k.
            outer = means[:, :, None] * means[:, None, :]
            cov = (s2 - (2 * nk - r_sum)[:, None, None] * outer) / nk[:, None, None]
            cov = cov + self.reg_covar * eye
        elif t == "tied":
            cov = (self.xtx - (nk[:, None] * means).T @ means) / nk.sum() + self.reg_covar * eye
        else:
            cov = s2 / nk[:, None] - means * means + self.reg_covar
            if t == "spherical":
                cov = cov.mean(1)
        weights = nk / nk.sum()
        return MixtureParameters(
            weights.cpu().numpy(), means.cpu().numpy() + self.centre, cov.cpu().numpy(), t
        )

    def m_step_from_responsibilities(self, r: np.ndarray) -> MixtureParameters:
        """θ from given responsibilities (an initialisation), as scikit-learn's _initialize."""
        torch = self.torch
        rt = torch.as_tensor(r, dtype=self.dtype, device=self.device)
        s1 = rt.T @ self.x
        if self.covariance_type == "full":
            s2 = torch.einsum("nk,ni,nj->kij", rt, self.x, self.x)
        elif self.covariance_type == "tied":
            s2 = None
        else:
            s2 = rt.T @ (self.x * self.x)
        return self._m_step(rt.sum(0), s1, s2)
