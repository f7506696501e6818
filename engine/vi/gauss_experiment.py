"""The `vi-gauss` and `kl-directions` experiments: q = N(m, s²) against a 1-D posterior p(z | x),
every quantity exact (engine.vi.posteriors): log p(x), the ELBO and the gap KL(q ‖ p).

`vi-gauss` climbs the ELBO over (m, log s), by exact gradient ascent or by stochastic gradient
ascent with reparameterised gradients (seed 004), the exact path computed beside the stochastic
one from the same start. Step 0 is the given q; a q steered in (a drag) is evaluated where it is
and the climb goes on from there. `kl-directions` gives the two optima of seed 000's "KL view":
KL(p ‖ q) is least at p's own mean and variance (moment matching), KL(q ‖ p) at a local maximum
of the ELBO, which on a bimodal posterior sits on one mode (mode seeking).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import warnings
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from engine.config import ExperimentConfig, param, refusal
from engine.experiment import Experiment, Snapshot, bulk, register
from engine.gaps import kl_gap
from engine.vi.posteriors import NAMES, posterior, q_out_of_range

METHODS = ("exact", "sga")
SURFACE_SIDE = 200  # the drawn ELBO surface, (m, log s)
DENSITY_POINTS = 2000


@dataclass(frozen=True, kw_only=True)
class GaussConfig(ExperimentConfig):
    posterior: str = param("bimodal", "p(z | x): bimodal, skewed or gaussian", choices=NAMES)
    x: float | None = param(
        None,
        "the observed x (default: bimodal −1, two equal modes; skewed 3; gaussian 1.5)",
        minimum=-50.0,
        maximum=50.0,
    )
    m: float = param(0.0, "q's mean at the start", minimum=-50.0, maximum=50.0)
    s: float = param(1.0, "q's standard deviation at the start", minimum=1e-3, maximum=50.0)
    method: str = param(
        "exact", "exact gradient ascent, or sga: reparameterised samples", choices=METHODS
    )
    samples: int = param(10, "sga: draws of ε per step", minimum=1, maximum=100_000)
    step_size: float = param(0.05, "the ascent's step on (m, log s)", minimum=1e-6, maximum=10.0)
    iterations: int = param(300, "steps of the ascent", minimum=0, maximum=100_000)
    other: tuple[float, ...] | None = param(
        None,
        "another q to compare, 'm, s' (seed 000's N(−4, 0.75) beside N(2, 2))",
        minimum=-50.0,
        maximum=50.0,
    )

    steerable: ClassVar[frozenset[str]] = frozenset({"m", "s"})

    def validate(self) -> None:
        if self.s <= 0:
            raise refusal("s = {s:g}: a standard deviation is positive", s=self.s)
        if self.other is not None and (len(self.other) != 2 or self.other[1] <= 0):
            raise refusal("other: two numbers 'm, s' with s > 0")
        for name, (m, s) in (("s", (self.m, self.s)), ("other", self.other or (0.0, 1.0))):
            refused = q_out_of_range(self.posterior, m, s)
            if refused is not None:
                raise refusal("{name}: {refused}", name=name, refused=refused)


@dataclass(frozen=True)
class Scene:
    """What the view draws whatever the step: p(z | x), and the ELBO over (m, log s) with its
    maximiser. Made once a run; the same object in every snapshot."""

    z: np.ndarray
    density: np.ndarray
    m_axis: np.ndarray
    log_s_axis: np.ndarray
    surface: np.ndarray  # (len(log_s_axis), len(m_axis))
    best_m: float
    best_s: float
    best_elbo: float


@dataclass(frozen=True, kw_only=True)
class GaussSnapshot(Snapshot):
    m: float
    s: float
    elbo: float
    kl: float
    log_px: float
    posterior_mean: float
    posterior_sd: float
    grad_m: float  # the step's gradient on (m, log s): exact, or the reparameterised estimate
    grad_log_s: float
    exact_m: float  # the exact ascent from the same start, step for step
    exact_s: float
    other_elbo: float | None = None  # the other q's (config.other), fixed
    other_kl: float | None = None
    stopped: str | None = None  # why the ascent stopped early (it diverged), if it did
    scene: Any = bulk()

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if out["other_elbo"] is None:
            out.pop("other_elbo")
            out.pop("other_kl")
        if out["stopped"] is None:
            out.pop("stopped")
        return out


def maximiser(post, starts) -> tuple[float, float, float]:
    """The best local maximum of the ELBO over (m, log s) from the given starts: (m, s, ELBO)."""
    from scipy.optimize import minimize

    best = None
    for m0, s0 in starts:

        def negative(p):
            return -float(post.elbo(p[0], math.exp(p[1])))

        def gradient(p):
            dm, dlog_s = post.elbo_gradient(p[0], math.exp(p[1]))
            return -np.array([dm, dlog_s])

        found = minimize(
            negative, [m0, math.log(s0)], jac=gradient, method="BFGS", options={"gtol": 1e-10}
        )
        value = -found.fun
        if best is None or value > best[2]:
            best = (float(found.x[0]), float(math.exp(found.x[1])), float(value))
    return best


@functools.lru_cache(maxsize=8)  # a run started again (a drag after the end) redraws at once
def scene_of(post) -> Scene:
    mean, sd = post.moments()
    modes = post.modes()
    z, p = post.density()
    thin = max(1, len(z) // DENSITY_POINTS)
    starts = [(mode, 0.5 * sd) for mode in modes] + [(mean, sd)]
    best_m, best_s, best_elbo = maximiser(post, starts)
    low = min(mean - 1.5 * sd, *modes) - 2.5
    high = max(mean + 1.5 * sd, *modes) + 2.5
    m_axis = np.linspace(low, high, SURFACE_SIDE)
    log_s_axis = np.linspace(math.log(sd) - 3.0, math.log(sd) + 1.2, SURFACE_SIDE)
    mm, ss = np.meshgrid(m_axis, np.exp(log_s_axis))
    return Scene(
        z=z[::thin],
        density=p[::thin],
        m_axis=m_axis,
        log_s_axis=log_s_axis,
        surface=post.elbo_surface(mm, ss),
        best_m=best_m,
        best_s=best_s,
        best_elbo=best_elbo,
    )


def generate(config: GaussConfig) -> Generator[Snapshot, Any, GaussSnapshot]:
    post = posterior(config.posterior, config.x)
    log_px = post.log_px()
    mean, sd = post.moments()
    scene = scene_of(post)
    rng = np.random.default_rng([config.seed, 23])
    m, log_s = config.m, math.log(config.s)
    exact_m, exact_log_s = m, log_s
    other_elbo = other_kl = None
    if config.other is not None:
        other_elbo = float(post.elbo(*config.other))
        other_kl = log_px - other_elbo

    def snapshot(step: int, grad, elbo: float | None = None) -> GaussSnapshot:
        s = math.exp(log_s)
        if elbo is None:
            elbo = float(post.elbo(m, s))
        return GaussSnapshot(
            step=step,
            final=step == config.iterations,
            m=m,
            s=s,
            elbo=elbo,
            kl=kl_gap(log_px, elbo),
            log_px=log_px,
            posterior_mean=mean,
            posterior_sd=sd,
            grad_m=grad[0],
            grad_log_s=grad[1],
            exact_m=exact_m,
            exact_s=math.exp(exact_log_s),
            other_elbo=other_elbo,
            other_kl=other_kl,
            scene=scene,
        )

    grad = post.elbo_gradient(m, math.exp(log_s))
    snap = snapshot(0, grad)
    watches = {"ascent": Divergence(snap.elbo), "exact": Divergence(snap.elbo)}
    for step in range(1, config.iterations + 1):
        steered = yield snap
        if steered is not None:  # a q dragged in: shown where it is, the climb goes on from it
            config = steered
            m, log_s = config.m, math.log(config.s)
            exact_m, exact_log_s = m, log_s
            snap = snapshot(step, post.elbo_gradient(m, config.s))
            watches = {"ascent": Divergence(snap.elbo), "exact": Divergence(snap.elbo)}
            continue
        s = math.exp(log_s)
        if config.method == "sga":
            grad = post.reparameterised_gradient(m, s, rng.standard_normal(config.samples))
        else:
            grad = post.elbo_gradient(m, s)
        exact = post.elbo_gradient(exact_m, math.exp(exact_log_s))
        moved = {
            "ascent": (m + config.step_size * grad[0], log_s + config.step_size * grad[1]),
            "exact": (
                exact_m + config.step_size * exact[0],
                exact_log_s + config.step_size * exact[1],
            ),
        }
        why = None
        for path, (new_m, new_log_s) in moved.items():
            why = why or watches[path].step(post, new_m, new_log_s)
        if why is not None:  # the last q that could be computed stays, and the run says why
            remedy = "a smaller step_size" + (" or more samples" if config.method == "sga" else "")
            stopped = (
                f"step {step}: {why}; the ascent diverges with step_size = "
                f"{config.step_size:g}: try {remedy}"
            )
            warnings.warn(stopped, RuntimeWarning, stacklevel=2)
            return dataclasses.replace(snap, final=True, stopped=stopped)
        (m, log_s), (exact_m, exact_log_s) = moved["ascent"], moved["exact"]
        snap = snapshot(step, grad, watches["ascent"].elbo)  # computed once, by its watch
    return snap


# Far below its best: more nats than any noise of reparameterised gradients at these sizes.
DIVERGED_NATS = 100.0


class Divergence:
    """Watches one ascent's path, step by step, for a divergence: q not finite, beyond what the
    model's ELBO can be computed for, or an ELBO far below its best (by more than
    max(DIVERGED_NATS, |best|)) that falls further at the next step. A step larger than the
    curvature allows overshoots by more each time; an ascent that overshot once from a steep
    start (the skewed model from m = 10: a gradient of −22,000) climbs back, and goes on."""

    def __init__(self, start: float) -> None:
        self.best = start
        self.fallen: float | None = None  # the last ELBO far below the best, while it lasts
        self.elbo = start  # at the newest q stepped to

    def step(self, post, m: float, log_s: float) -> str | None:
        """Why the step to q = N(m, exp(log_s)²) shows a divergence, or None."""
        if not (math.isfinite(m) and math.isfinite(log_s)) or abs(log_s) > MAX_ABS_LOG_S:
            return f"q = N({m:.4g}, exp({log_s:.4g})²) left the numbers"
        s = math.exp(log_s)
        refused = q_out_of_range(post.name, m, s)
        if refused is not None:
            return str(refused)
        elbo = self.elbo = float(post.elbo(m, s))
        if not math.isfinite(elbo):
            return f"the ELBO at q = N({m:.4g}, {s:.4g}²) left the numbers"
        if elbo >= self.best - max(DIVERGED_NATS, abs(self.best)):
            self.best, self.fallen = max(self.best, elbo), None
            return None
        if self.fallen is not None and elbo < self.fallen:
            return (
                f"the ELBO fell from {self.best:.6g} to {self.fallen:.6g}, then to {elbo:.6g} "
                f"at q = N({m:.4g}, {s:.4g}²)"
            )
        self.fallen = elbo
        return None


MAX_ABS_LOG_S = 300.0  # s within e^±300: s² and 1/s² stay floating-point numbers


@dataclass(frozen=True, kw_only=True)
class KLConfig(ExperimentConfig):
    posterior: str = param("bimodal", "p(z | x): bimodal, skewed or gaussian", choices=NAMES)
    x: float | None = param(
        None, "the observed x (default as vi-gauss)", minimum=-50.0, maximum=50.0
    )


@dataclass(frozen=True, kw_only=True)
class KLSnapshot(Snapshot):
    forward_m: float  # argmin over q of KL(p ‖ q): p's mean and sd
    forward_s: float
    forward_kl: float  # KL(p ‖ q) there
    reverse_m: float  # argmin over q of KL(q ‖ p) = argmax ELBO
    reverse_s: float
    reverse_kl: float  # KL(q ‖ p) there
    forward_reverse_kl: float  # KL(q ‖ p) at the forward optimum: what mass covering costs
    reverse_forward_kl: float  # KL(p ‖ q) at the reverse optimum
    posterior_mean: float
    posterior_sd: float
    modes: tuple[float, ...]
    log_px: float
    z: np.ndarray = bulk()
    density: np.ndarray = bulk()


def generate_kl(config: KLConfig) -> Generator[Snapshot, None, KLSnapshot]:
    yield from ()  # one snapshot, the result
    post = posterior(config.posterior, config.x)
    log_px = post.log_px()
    mean, sd = post.moments()
    modes = post.modes()
    reverse_m, reverse_s, best = maximiser(post, [(mode, 0.5 * sd) for mode in modes])
    z, p = post.density()
    thin = max(1, len(z) // DENSITY_POINTS)
    return KLSnapshot(
        step=0,
        final=True,
        forward_m=mean,
        forward_s=sd,
        forward_kl=post.forward_kl(mean, sd),
        reverse_m=reverse_m,
        reverse_s=reverse_s,
        reverse_kl=log_px - best,
        forward_reverse_kl=log_px - float(post.elbo(mean, sd)),
        reverse_forward_kl=post.forward_kl(reverse_m, reverse_s),
        posterior_mean=mean,
        posterior_sd=sd,
        modes=modes,
        log_px=log_px,
        z=z[::thin],
        density=p[::thin],
    )


PRESETS = {
    "bimodal": dict(posterior="bimodal", m=0.0, s=1.0),
    "skewed": dict(posterior="skewed", m=0.0, s=1.0),
    "gaussian": dict(posterior="gaussian", m=-1.0, s=2.0),
    # Seed 000's "intractable posteriors": N(2, 2) fits p(z | x) better than N(−4, 0.75); read
    # as N(mean, variance), q = N(2, 2) has s = √2. The posterior: bimodal, x = 1 (93.5% near 1.9).
    "seed-000": dict(
        posterior="bimodal",
        x=1.0,
        m=2.0,
        s=math.sqrt(2.0),
        other=(-4.0, math.sqrt(0.75)),
        iterations=0,
    ),
    "seed-000-other": dict(posterior="bimodal", x=1.0, m=-4.0, s=math.sqrt(0.75), iterations=0),
    "sga": dict(posterior="bimodal", m=0.0, s=1.0, method="sga", samples=10),
}

EXPERIMENT = register(
    Experiment(
        "vi-gauss",
        "q = N(m, s²) against a 1-D posterior: the ELBO, its gap and its ascent, exactly",
        GaussConfig,
        generate,
        PRESETS,
        imports=("scipy.optimize", "scipy.integrate", "scipy.special"),
    )
)
KL_EXPERIMENT = register(
    Experiment(
        "kl-directions",
        "KL(p ‖ q) against KL(q ‖ p): mass covering against mode seeking",
        KLConfig,
        generate_kl,
        {"kl-bimodal": dict(posterior="bimodal"), "kl-skewed": dict(posterior="skewed")},
        imports=("scipy.optimize", "scipy.integrate", "scipy.special"),
    )
)
