"""The race's words: its status line, its "what you see" and the names of its estimators and
distributions, in the window's language."""

from __future__ import annotations

import numpy as np

from engine.estimators.race import RaceSnapshot
from lvm_gui.i18n import QT_TRANSLATE_NOOP, engine_words, translate


def status(snap: RaceSnapshot, seed: int) -> str:
    mean = translate("RaceView", "{estimator} mean {mean:.6g} (rel. std {std:.3g})")
    parts = [
        f"k = {snap.k:,}",
        truth_text(snap) + estimate_note(snap),
        mean.format(estimator=naive(snap), mean=snap.uniform_mean, std=snap.uniform_rel_std),
        mean.format(
            estimator=translate("RaceView", "importance"),
            mean=snap.importance_mean,
            std=snap.importance_rel_std,
        ),
    ]
    if snap.ess is not None:
        parts.append(translate("RaceView", "ESS {ess:.4g} of {k:,}").format(ess=snap.ess, k=snap.k))
        largest = translate("RaceView", "largest weight {weight:.3g}")
        parts.append(largest.format(weight=snap.max_weight))
    if snap.zero_variance:
        parts.append(
            translate("RaceView", "q is the exact posterior: every weight is p(x), zero variance")
        )
    parts.append(translate("View", "seed {seed}").format(seed=seed))
    return " · ".join(parts)


def proposal(name: str) -> str:
    """The importance sampler's q by name: uniform, prior, fitted, gaussian, posterior."""
    return engine_words.choice("proposal", name)


def what_you_see(model: str) -> str:
    vae = VAE_TEXT.translated() if model == "vae" else ""
    return vae + RACE_TEXT.translated()


RACE_TEXT = QT_TRANSLATE_NOOP(
    "RaceView",
    "<p>p(x) = Σ<sub>z</sub> p(x, z) is known exactly here. <b>Naive Monte Carlo</b> (blue): "
    "draw z uniformly and estimate P<sub>k</sub> = |Z| (1/k) Σ p(x, z<sub>i</sub>): unbiased, "
    "but few z explain x, so most draws add nothing and the estimate jumps (seed 000, first "
    "attempt). "
    "<b>Importance sampling</b> (orange): draw z ~ q near the posterior, P<sub>k</sub> = (1/k) "
    "Σ p(x, z<sub>i</sub>)/q(z<sub>i</sub>) (second attempt). With q the exact posterior every "
    "weight equals p(x): zero variance.</p>"
    "<p>Both spreads fall as 1/√k; importance sampling starts far lower. log P<sub>k</sub> "
    "is biased down (Jensen): its mean is the IWAE bound L<sub>k</sub>, rising with k toward "
    "log p(x); L<sub>1</sub> is the ELBO. The plot shows the mean over the chains, an estimate "
    "of L<sub>k</sub>, with ± 2 standard errors dashed: by chance it may lie a little above "
    "log p(x), within its band.</p>",
)


VAE_TEXT = QT_TRANSLATE_NOOP(
    "RaceView",
    "<p><b>The vae model</b>, unlike the others below, has no exact p(x): x is a digits test "
    "image and p(x) = ∫ p(x | z) N(z; 0, I) dz under the shipped VAE. The dashed line is an "
    "estimate (IWAE with 10⁵ draws from the encoder's q; its standard error is in the status "
    "line). The naive chains draw z from the prior; q = fitted is the encoder's q(z | x).</p>",
)


def truth_text(snap: RaceSnapshot) -> str:
    """The reference line's words: the exact p(x), or (the vae) an estimate that says so."""
    p = np.exp(snap.truth_log_p)
    if snap.reference_se is None:
        return translate("RaceView", "exact p(x) = {p:.6g}").format(p=p)
    return translate("RaceView", "p(x) ≈ {p:.6g} (IWAE, k = 10⁵)").format(p=p)


def estimate_note(snap: RaceSnapshot) -> str:
    if snap.reference_se is None:
        return ""
    return translate("RaceView", ", an estimate: log ± {se:.2g}").format(se=snap.reference_se)


def posterior(snap: RaceSnapshot) -> str:
    if snap.reference_se is None:
        return translate("RaceView", "exact posterior p(z | x)")
    return translate("RaceView", "posterior (on a grid)")


def naive(snap: RaceSnapshot) -> str:
    """Naive Monte Carlo's distribution of z: uniform, or the prior."""
    return engine_words.choice("proposal", snap.naive)
