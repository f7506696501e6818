"""The Data panel's words: its plots' titles, its status line, its "what you see" and the
built-in data sets' names, in the window's language (a file's own names stay as they are)."""

from __future__ import annotations

import numpy as np

from engine.data.dataset import GaussianMixture
from engine.data.experiment import DataSnapshot
from lvm_gui.i18n import QT_TRANSLATE_NOOP, localized, translate

# The built-in data sets' names and columns (engine.data.making); a file's are its own.
BUILT_IN = {
    "Old Faithful": QT_TRANSLATE_NOOP("DataView", "Old Faithful"),
    "eruption duration (min)": QT_TRANSLATE_NOOP("DataView", "eruption duration (min)"),
    "waiting time (min)": QT_TRANSLATE_NOOP("DataView", "waiting time (min)"),
    "outcome": QT_TRANSLATE_NOOP("DataView", "outcome"),
}


def named(name: str) -> str:
    """A data set's or a column's name: a built-in one in the window's language."""
    return localized(BUILT_IN[name]) if name in BUILT_IN else name


def numbers(values, digits: int = 4) -> str:
    """(a, b) for a vector; (a, b), (c, d) for the rows of a matrix."""
    values = np.asarray(values)
    if values.ndim > 1 and values.shape[-1] > 1:
        return ", ".join(numbers(row, digits) for row in values.reshape(-1, values.shape[-1]))
    return "(" + ", ".join(f"{v:.{digits}g}" for v in np.ravel(values)) + ")"


def title(snap: DataSnapshot, scatter_limit: int) -> str:
    dataset = snap.dataset
    truth = dataset.truth
    if snap.is_coins:
        what = (
            translate("DataView", "three coins")
            if truth is not None
            else translate("DataView", "given coin tosses")
        )
        tosses = translate("DataView", "{what}: {shown:,} of {n:,} tosses")
        return tosses.format(what=what, shown=snap.shown, n=snap.n)
    if isinstance(truth, GaussianMixture):
        mixture = translate("DataView", "{d}-D Gaussian mixture, K = {k}")
        what = mixture.format(d=truth.d, k=truth.k)
    else:
        what = named(dataset.name)
    if snap.d == 2 and snap.shown > scatter_limit:
        shown = translate("DataView", "{shown:,} of {n:,} points (first {drawn:,} drawn)")
    else:
        shown = translate("DataView", "{shown:,} of {n:,} points")
    titled = translate("DataView", "{what}: {shown}")
    return titled.format(
        what=what, shown=shown.format(shown=snap.shown, n=snap.n, drawn=scatter_limit)
    )


def status(snap: DataSnapshot, seed: int) -> str:
    step = translate("DataView", "step {step}/{steps}")
    n = translate("DataView", "n = {shown:,} of {n:,}")
    parts = [step.format(step=snap.step, steps=snap.steps), n.format(shown=snap.shown, n=snap.n)]
    if snap.is_coins:
        heads = translate("DataView", "heads fraction {fraction:.6g}")
        parts.append(heads.format(fraction=snap.heads_fraction))
        p = snap.true_heads_probability
        if p is not None:
            se = np.sqrt(p * (1 - p) / snap.shown)
            expected = translate(
                "DataView", "P(heads) = p_A p_B + (1 − p_A) p_C = {p:.6g} (± {se:.2g} at 1 s.e.)"
            )
            parts.append(expected.format(p=p, se=se))
    elif snap.empirical_weights is not None:
        weights = translate("DataView", "π̂ = {estimate} vs π = {truth}")
        means = translate("DataView", "μ̂ = {estimate} vs μ = {truth}")
        parts += [
            weights.format(
                estimate=numbers(snap.empirical_weights), truth=numbers(snap.true_weights)
            ),
            means.format(estimate=numbers(snap.empirical_means), truth=numbers(snap.true_means)),
        ]
    else:
        mean = translate("DataView", "mean {mean}").format(mean=numbers(snap.mean, 6))
        covariance = translate("DataView", "covariance {covariance}")
        parts += [mean, covariance.format(covariance=numbers(snap.covariance, 6))]
    parts.append(translate("View", "seed {seed}").format(seed=seed))
    return " · ".join(parts)


def explanation(kind: str) -> str:
    """ "What you see" for data of `kind` (gmm1d, gmm2d, coins, faithful, file)."""
    if kind in ("gmm1d", "gmm2d"):
        return MIXTURE.translated() + EXPLANATIONS[kind].translated()
    return EXPLANATIONS[kind].translated() if kind in EXPLANATIONS else ""


MIXTURE = QT_TRANSLATE_NOOP(
    "DataView",
    "<p>A <b>Gaussian mixture</b> is the simplest latent variable model: each point first "
    "draws its component z ~ Cat(π), then x | z ~ N(μ<sub>z</sub>, Σ<sub>z</sub>), so "
    "p(x) = Σ<sub>k</sub> π<sub>k</sub> N(x; μ<sub>k</sub>, Σ<sub>k</sub>).</p>"
    "<p>The sample is revealed batch by batch; its statistics in the status line "
    "(π̂, μ̂) approach π and μ with error shrinking like 1/√n.</p>",
)
EXPLANATIONS = {
    "gmm1d": QT_TRANSLATE_NOOP(
        "DataView",
        "<p>Bars: the histogram of the points shown, as a density; ticks on "
        "the axis: the points themselves. Black: the true p(x); dashed: each π<sub>k</sub> "
        "N(x; μ<sub>k</sub>, σ<sub>k</sub>²), which add up to it. EM will have to recover them "
        "from the points alone.</p>",
    ),
    "gmm2d": QT_TRANSLATE_NOOP(
        "DataView",
        "<p>Points coloured by their true component z (hidden from EM). "
        "Solid: the 1σ ellipse of each component, {x : (x − μ)ᵀΣ⁻¹(x − μ) = 1}; dashed: 2σ. "
        "Drag a target μ to move that mean and draw the data again.</p>",
    ),
    "coins": QT_TRANSLATE_NOOP(
        "DataView",
        "<p><b>Three coins</b> (Li Hang; seed 003): toss A (heads with p<sub>A</sub>); on "
        "heads toss B, on tails toss C, and record only the second toss. So "
        "P(heads) = p<sub>A</sub>p<sub>B</sub> + (1 − p<sub>A</sub>)p<sub>C</sub>.</p>"
        "<p>The bars split each outcome by the hidden coin that produced it (blue B, orange C), "
        "which EM never sees; black marks the expected count n·P(outcome). Only the total of "
        "each bar is data, which is why many (p<sub>A</sub>, p<sub>B</sub>, p<sub>C</sub>) "
        "explain it equally well.</p><p>Given tosses (Li Hang's ten) come without hidden coins "
        "or true probabilities: the bars are the totals alone. Clear <i>observations</i> to "
        "draw n tosses instead.</p>",
    ),
    "faithful": QT_TRANSLATE_NOOP(
        "DataView",
        "<p><b>Old Faithful</b>: 272 eruptions of the Yellowstone geyser, the duration "
        "of each against the wait for the next (R's <i>faithful</i>). Two clusters, short and "
        "long eruptions, with no labels: a classic first data set for a 2-component mixture.</p>",
    ),
    "file": QT_TRANSLATE_NOOP(
        "DataView",
        "<p>Your data from a file: 1-D data as a histogram, 2-D as a scatter coloured by "
        "a label column z when the file has one.</p>",
    ),
}
