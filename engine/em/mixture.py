"""EM for Gaussian mixtures with full, diagonal, spherical or tied covariances, in torch.

Parameters follow scikit-learn's shapes so that its GaussianMixture is an exact oracle:
weights (K,), means (K, d), covariances (K, d, d) full, (d, d) tied, (K, d) diag, (K,) spherical.

One pass over the data per iteration: in chunks of about 2^20 elements, the E step at θ_t is a
single GEMM of the (centred) data against the stacked precision-Cholesky factors of all
components, and the same pass accumulates the M step's sufficient statistics about each
component's current mean c_k = μ_k^t: N_k = Σ r_ik, S1_k = Σ r_ik (x_i − c_k) and S2_k =
Σ r_ik (x_i − c_k)(x_i − c_k)ᵀ (its diagonal for diag and spherical). Then
Σ r (x − μ')(x − μ')ᵀ = S2_k − N_k δ δᵀ with δ = μ' − c_k = S1_k / N_k, which cancels only as
far as the means move in one step, and that vanishes as EM converges (about the data's mean
instead, a tight cluster far from it lost every digit: issue 9). When a step moves a mean far
relative to its component's spread, so that the one pass would keep fewer than about 11
digits of a covariance, a second pass sums the squares about the new means, exactly as
scikit-learn's two-pass M step does. It returns the mean log-likelihood ℓ̄(θ_t)
(scikit-learn's lower bound of that iteration) and θ_{t+1}.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from engine.config import refusal, template

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


def check_parameters(params: MixtureParameters, d: int, path: str) -> None:
    """Every field's shape, finiteness and range as scikit-learn wants them, for the start file
    `path` (as shown); a ConfigError that names the field otherwise. K is the number of weights."""
    weights, t = params.weights, params.covariance_type
    if weights.ndim != 1 or weights.size == 0:
        raise refusal(
            "start = {path}: weights have shape {shape}; expected (K,): one weight a component",
            path=path,
            shape=weights.shape,
        )
    k = weights.size
    expected = {
        "weights": (k,),
        "means": (k, d),
        "covariances": {"full": (k, d, d), "tied": (d, d), "diag": (k, d), "spherical": (k,)}[t],
    }
    for array, shape in expected.items():
        value = getattr(params, array)
        if value.shape != shape:
            fields = {"path": path, "shape": value.shape, "expected": shape, "k": k, "d": d}
            if array == "covariances":
                raise refusal(
                    "start = {path}: covariances have shape {shape}; expected {expected} for "
                    "covariance = {covariance} (K = {k} components, d = {d})",
                    covariance=t,
                    **fields,
                )
            raise refusal(
                "start = {path}: {array} have shape {shape}; expected {expected} (K = {k} "
                "components, d = {d})",
                array=array,
                **fields,
            )
        if not np.all(np.isfinite(value)):
            raise refusal("start = {path}: {array} are not all finite", path=path, array=array)
    if np.any(weights < 0) or np.any(weights > 1) or abs(weights.sum() - 1) > 1e-6:
        raise refusal(
            "start = {path}: weights must lie in [0, 1] and sum to 1 (they sum to {sum:.6g})",
            path=path,
            sum=weights.sum(),
        )
    covariances = params.covariances
    if t in ("diag", "spherical"):
        if np.any(covariances <= 0):
            raise refusal(
                "start = {path}: covariances must be > 0 (variances, for {covariance})",
                path=path,
                covariance=t,
            )
        return
    matrices = covariances[None] if t == "tied" else covariances
    asymmetry = np.abs(matrices - np.swapaxes(matrices, -1, -2)).max()
    if asymmetry > 1e-10 * max(1.0, np.abs(matrices).max()):
        raise refusal("start = {path}: covariances are not symmetric", path=path)
    try:
        np.linalg.cholesky(matrices)
    except np.linalg.LinAlgError:
        raise refusal(
            "start = {path}: covariances: one is not positive definite", path=path
        ) from None


def _precision_cholesky(params: MixtureParameters, torch, dtype, device):
    """(K, d, d) lower-triangular U_k with Σ_k⁻¹ = U_k U_kᵀ, as scikit-learn computes it."""
    covariances = torch.as_tensor(params.full_covariances(), dtype=dtype, device=device)
    try:
        chol = torch.linalg.cholesky(covariances)
    except RuntimeError:
        raise refusal(COLLAPSED) from None
    eye = torch.eye(params.d, dtype=dtype, device=device).expand_as(chol)
    return torch.linalg.solve_triangular(chol, eye, upper=False).transpose(-1, -2)


class EMStep(NamedTuple):
    """One pass of MixtureEM.step at θ_t."""

    log_likelihood: float  # ℓ̄(θ_t), the mean per point
    following: MixtureParameters  # θ_{t+1}, the M step's
    responsibilities: np.ndarray  # r_ik at θ_t of the first rows kept
    elbo: float | None  # ELBO(q_{t-1}, θ_t) per point, the previous E step's q; None at a start


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
            raise refusal(
                "covariance = {covariance_type!r}; allowed: {items}",
                covariance_type=covariance_type,
                items=", ".join(COVARIANCE_TYPES),
            )
        self.torch = torch
        self.device = devices.resolve(device)
        self.dtype = devices.dtype()
        x = np.asarray(x, dtype=np.float64)
        # Centred, so that |x| is the data's spread, not their distance from the origin.
        self.centre = x.mean(axis=0)
        self.x = torch.tensor(x - self.centre, dtype=self.dtype, device=self.device)
        self.n, self.d = x.shape
        self.covariance_type = covariance_type
        self.reg_covar = reg_covar
        self.keep_rows = min(keep_rows, self.n)
        self._previous_log_r = None
        # Sums about each component's mean, not the data's: once a step showed that the data's
        # mean is too far from some tight component (see the module's notes).
        self.shifted = False
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

    def step(self, params: MixtureParameters) -> EMStep:
        """One pass at θ: ℓ̄(θ), the M step's θ', the responsibilities of the first rows, and
        the ELBO of the previous step's q at θ (None after `start_run`). The previous q is
        what EM keeps between its steps: this object keeps it too."""
        torch = self.torch
        dt, dev = self.dtype, self.device
        k = params.k
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
        moments = _Moments(self, k, means if self.shifted else None)
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
            moments.add(xc, r)
        new, exact = self._m_step(moments)
        if not exact:  # too far from the shifts: sum the squares about the new means
            self.shifted = True
            new_means = torch.as_tensor(new.means - self.centre, dtype=dt, device=dev)
            again = _Moments(self, k, new_means)
            for start, xc in self._chunks(k):
                if current is not None:
                    r = torch.exp(current[start : start + len(xc)])
                else:
                    weighted = self.log_prob(xc, params, prec_chol, means) + log_weights
                    r = torch.exp(weighted - torch.logsumexp(weighted, dim=1, keepdim=True))
                again.add(xc, r)
            new, _ = self._m_step(again, last_pass=True)
        responsibilities = torch.cat(kept).cpu().numpy() if kept else np.empty((0, k))
        elbo = float(bound) / self.n if previous is not None else None
        self._previous_log_r = current
        return EMStep(float(total) / self.n, new, responsibilities, elbo)

    def start_run(self) -> None:
        """Forget the previous q: the next step is the first of a run (no ELBO yet)."""
        self._previous_log_r = None

    def _m_step(self, moments: _Moments, last_pass: bool = False) -> tuple[MixtureParameters, bool]:
        """scikit-learn's _estimate_gaussian_parameters from the sums about the shifts c_k;
        and whether the one pass kept about 11 digits of every variance (else: a second pass
        about the new means, see the module's notes, after which `last_pass`)."""
        torch = self.torch
        eps = torch.finfo(self.dtype).eps
        r_sum, shifts = moments.r_sum, moments.shifts
        nk = r_sum + 10 * eps
        delta = moments.s1 / nk[:, None]  # μ' − c
        means = shifts + delta
        t = self.covariance_type
        s2 = moments.second_moments()
        # Σ r (x − μ')(x − μ')ᵀ = S2 − (2 N_k − Σ r) δ δᵀ, as S1 = N_k δ.
        excess = (2 * nk - r_sum)[:, None]
        if t in ("full", "tied"):
            scatter = s2 - excess[:, :, None] * delta[:, :, None] * delta[:, None, :]
            about_shift = torch.diagonal(s2, dim1=-2, dim2=-1)
            spread = torch.diagonal(scatter, dim1=-2, dim2=-1)
            if t == "tied":  # one covariance: the sums over components are what count
                about_shift, spread = about_shift.sum(0, True), spread.sum(0, True)
        else:
            scatter = s2 - excess * delta * delta
            about_shift, spread = s2, scatter
        # The one pass's rounding error in a variance is about eps · S2 / N_k.
        exact = bool(torch.all(about_shift * (64 * eps) <= 1e-11 * spread.clamp_min(0)))
        eye = torch.eye(self.d, dtype=self.dtype, device=self.device)
        if t == "full":
            cov = scatter / nk[:, None, None] + self.reg_covar * eye
        elif t == "tied":
            cov = scatter.sum(0) / nk.sum() + self.reg_covar * eye
        else:
            cov = scatter / nk[:, None] + self.reg_covar
            if t == "spherical":
                cov = cov.mean(1)
        weights = nk / nk.sum()
        new = MixtureParameters(
            weights.cpu().numpy(), means.cpu().numpy() + self.centre, cov.cpu().numpy(), t
        )
        if exact or last_pass:
            total = nk.sum(0, True) if t == "tied" else nk
            self._refuse_collapsed(new, about_shift / total[:, None])
        return new, exact

    def _refuse_collapsed(self, params: MixtureParameters, about_shift) -> None:
        """A variance no larger than rounding alone makes is a collapsed component (all its
        points equal, in some direction): with reg_covar = 0 its density and ℓ̄ are infinite
        in exact arithmetic, so it is refused, as scikit-learn does, not reported as a number.
        Rounding: of the sums (eps · their mean square about the shift) and of the points
        themselves (eps · |x|, squared)."""
        eps = np.finfo(np.float64).eps
        floor = 64 * eps * about_shift.cpu().numpy() + (16 * eps * params.means) ** 2
        variances = _pivot_variances(params)  # (K, d): what each coordinate adds
        if params.covariance_type == "tied":
            floor = floor.max(0, keepdims=True)
        elif params.covariance_type == "spherical":
            floor = floor.max(1, keepdims=True)
        if not np.all(variances > floor):
            raise refusal(COLLAPSED)

    def m_step_from_responsibilities(self, r: np.ndarray) -> MixtureParameters:
        """θ from given responsibilities (an initialisation), as scikit-learn's _initialize:
        the means first, then the squares about them (two passes)."""
        torch = self.torch
        rt = torch.as_tensor(r, dtype=self.dtype, device=self.device)
        means = (rt.T @ self.x) / (rt.sum(0) + 10 * torch.finfo(self.dtype).eps)[:, None]
        moments = _Moments(self, rt.shape[1], means)
        rows = max(1, CHUNK_ELEMENTS // max(1, rt.shape[1] * self.d))
        for start in range(0, self.n, rows):
            moments.add(self.x[start : start + rows], rt[start : start + rows])
        return self._m_step(moments, last_pass=True)[0]


COLLAPSED = template(
    "a component's covariance became singular (it collapsed onto too few distinct points); "
    "raise reg_covar (say to 1e-6) or use fewer components"
)


def _pivot_variances(params: MixtureParameters) -> np.ndarray:
    """(K, d) or (1, d) or (K, 1): the variances, or for full and tied the squared Cholesky
    pivots (each coordinate's variance given the ones before it); −inf if not positive
    definite."""
    c = params.covariances
    t = params.covariance_type
    if t == "diag":
        return c
    if t == "spherical":
        return c[:, None]
    matrices = c[None] if t == "tied" else c
    out = np.full(matrices.shape[:2], -np.inf)
    for i, matrix in enumerate(matrices):
        with contextlib.suppress(np.linalg.LinAlgError):
            out[i] = np.diagonal(np.linalg.cholesky(matrix)) ** 2
    return out


class _Moments:
    """Σ r, Σ r (x − c) and Σ r (x − c)(x − c)ᵀ (or its diagonal) per component, over chunks.

    Without shifts, c = 0 (the data's mean) and the squares are one GEMM against the rows'
    outer products (tied: XᵀX, the same for every θ), the fastest; with shifts, each
    component's own c_k, which costs a (rows, K, d) difference per chunk."""

    def __init__(self, em: MixtureEM, k: int, shifts=None) -> None:
        self.torch = torch = em.torch
        self.type, self.d, d = em.covariance_type, em.d, em.d
        self.shifted = shifts is not None

        def zeros(*shape):
            return torch.zeros(shape, dtype=em.dtype, device=em.device)

        self.shifts = shifts if self.shifted else zeros(k, d)
        self.r_sum, self.s1 = zeros(k), zeros(k, d)
        self.s2 = zeros(k, d, d) if self.type in ("full", "tied") else zeros(k, d)
        self._xtx = em.xtx if self.type == "tied" and not self.shifted else None

    def add(self, xc, r) -> None:
        torch = self.torch
        self.r_sum += r.sum(0)
        if not self.shifted:
            self.s1 += r.T @ xc
            if self.type == "full":
                d = self.d
                outer = (xc[:, :, None] * xc[:, None, :]).reshape(-1, d * d)
                self.s2 += (r.T @ outer).view(-1, d, d)
            elif self.type != "tied":
                self.s2 += r.T @ (xc * xc)
            return
        diff = xc[:, None, :] - self.shifts  # (rows, K, d)
        weighted = r[:, :, None] * diff
        self.s1 += weighted.sum(0)
        if self.type in ("full", "tied"):
            self.s2 += torch.einsum("nki,nkj->kij", weighted, diff)
        else:
            self.s2 += torch.einsum("nkd,nkd->kd", weighted, diff)

    def second_moments(self):
        """S2 per component; for tied without shifts only the total is known: XᵀX / K each."""
        if self._xtx is not None:
            return (self._xtx / self.r_sum.numel()).expand(self.r_sum.numel(), -1, -1)
        return self.s2
