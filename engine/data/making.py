"""The Data panel's data sets: what they are (DataConfig: mixtures, the three coins, Old Faithful
or a file, validated on construction) and how they are made (make_dataset, from the seed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.assets import OLD_FAITHFUL_CSV
from engine.config import (
    ExperimentConfig,
    echoed,
    format_value,
    param,
    refusal,
    shown,
    writable_file,
)
from engine.data import files
from engine.data.dataset import Dataset, GaussianMixture, ThreeCoins

KINDS = ("gmm1d", "gmm2d", "coins", "faithful", "file")
MIXTURES = ("gmm1d", "gmm2d")
SAMPLED = ("gmm1d", "gmm2d", "coins")
MAX_N = 1_000_000
MAX_K = 10
DEFAULT_N = {"gmm1d": 100, "gmm2d": 500, "coins": 1000}
LI_HANG_TOSSES = (1, 1, 0, 1, 0, 0, 1, 0, 1, 1)
WEIGHT_TOLERANCE = 1e-6


@dataclass(frozen=True, kw_only=True)
class DataConfig(ExperimentConfig):
    kind: str = param(
        "gmm1d",
        "what data: a 1-D or 2-D Gaussian mixture, the three coins, Old "
        "Faithful's eruptions, or a CSV/NPZ file",
        choices=KINDS,
    )
    n: int | None = param(
        None,
        "number of data points drawn (default: 100 in 1-D as in seed 003, "
        "500 in 2-D, 1000 coin tosses)",
        minimum=1,
        maximum=MAX_N,
        kinds=SAMPLED,
    )
    k: int | None = param(
        None,
        "K, the number of mixture components (default: from the means, else 2 in 1-D and 3 in 2-D)",
        minimum=1,
        maximum=MAX_K,
        kinds=MIXTURES,
    )
    weights: tuple[float, ...] | None = param(
        None,
        "mixing weights π_k = p(z = k), one a component, summing to 1 (default: equal)",
        minimum=0.0,
        maximum=1e6,
        kinds=MIXTURES,
    )
    means: tuple[float, ...] | None = param(
        None,
        "component means μ_k: K numbers in 1-D; 'x, y; x, y' in 2-D",
        minimum=-1e6,
        maximum=1e6,
        kinds=MIXTURES,
    )
    stds: tuple[float, ...] | None = param(
        None,
        "1-D: standard deviations σ_k, one a component (default 1)",
        minimum=0.0,
        maximum=1e6,
        kinds=("gmm1d",),
    )
    covariances: tuple[float, ...] | None = param(
        None,
        "2-D: covariances Σ_k as 'σx², σxy, σy²' a component, separated by ';'",
        minimum=-1e12,
        maximum=1e12,
        kinds=("gmm2d",),
        group=3,
    )
    normalize: bool = param(
        False,
        "rescale weights that do not sum to 1 (with a note) instead of rejecting them",
        kinds=MIXTURES,
    )
    p_a: float = param(
        0.1,
        "p_A: probability that coin A shows heads (then B is tossed)",
        minimum=0.0,
        maximum=1.0,
        kinds=("coins",),
    )
    p_b: float = param(
        0.9, "p_B: probability that coin B shows heads", minimum=0.0, maximum=1.0, kinds=("coins",)
    )
    p_c: float = param(
        0.3, "p_C: probability that coin C shows heads", minimum=0.0, maximum=1.0, kinds=("coins",)
    )
    observations: tuple[int, ...] | None = param(
        None,
        "given coin outcomes (1 heads, 0 tails) instead of drawing n, e.g. Li Hang's "
        "1,1,0,1,0,0,1,0,1,1",
        minimum=0,
        maximum=1,
        kinds=("coins",),
    )
    path: str | None = param(
        None,
        "a CSV (1 or 2 numeric columns, optional label column z) or "
        "NPZ file (arrays x, optional z)",
        kinds=("file",),
    )
    batches: int = param(10, "the sample is revealed in this many steps", minimum=1, maximum=1000)
    out: str | None = param(None, "write the data set to this .npz file when done")

    @property
    def d(self) -> int:
        return 2 if self.kind in ("gmm2d", "faithful") else 1

    def validate(self) -> None:
        if self.kind in MIXTURES:
            self._validate_mixture()
        elif self.kind == "coins" and self.observations is not None:
            if not self.observations:
                raise refusal("observations = (): give at least one toss")
            if self.n is not None and self.n != len(self.observations):
                raise refusal(
                    "n = {n} but observations has {observations_count} tosses; give one or "
                    "the other",
                    n=self.n,
                    observations_count=len(self.observations),
                )
            self._set("n", len(self.observations))
        elif self.kind == "file" and not self.path:
            raise refusal("path is required when kind = file: a .csv or .npz file")
        if self.kind in SAMPLED and self.n is None and self.observations is None:
            self._set("n", DEFAULT_N[self.kind])
        if self.out is not None:
            out = Path(self.out)
            if out.suffix.lower() != ".npz":
                raise refusal("out = {out}: data are saved as .npz", out=shown(self.out))
            writable_file("out", self.out)

    def applies(self, name: str) -> bool:
        if name in ("p_a", "p_b", "p_c") and self.observations is not None:
            return False  # given tosses: nothing is drawn from the coins' probabilities
        return super().applies(name)

    @classmethod
    def adjusted(cls, changed: str, values: dict, previous: ExperimentConfig) -> dict:
        values = dict(values)
        shape = ("weights", "stds", "covariances")
        if changed == "kind":
            values.update(dict.fromkeys(("n", "k", "means", "observations", *shape)))
        elif changed == "k":
            values.update(dict.fromkeys(("means", *shape)))
        elif changed == "means":
            values["k"] = None
            d = 2 if values.get("kind") == "gmm2d" else 1
            means = values.get("means")
            if means is None or len(means) // d != getattr(previous, "k", None):
                values.update(dict.fromkeys(shape))
        elif changed == "observations":
            values["n"] = None
        elif changed == "n":
            values["observations"] = None
        return values

    def _validate_mixture(self) -> None:
        d = self.d
        if self.means is not None:
            if len(self.means) % d:
                raise refusal(
                    "means = {echoed}: {means_count} numbers; in 2-D give 'x, y' for each "
                    "component",
                    echoed=echoed(self.means),
                    means_count=len(self.means),
                )
            k = len(self.means) // d
            if self.k is not None and self.k != k:
                raise refusal("k = {k} but means gives {k2} components", k=self.k, k2=k)
            if not 1 <= k <= MAX_K:
                raise refusal("means gives {k} components; allowed: 1 to {MAX_K}", k=k, MAX_K=MAX_K)
        else:
            k = self.k if self.k is not None else (2 if d == 1 else 3)
            self._set("means", _default_means(k, d))
        self._set("k", k)
        n = self.n if self.n is not None else DEFAULT_N[self.kind]
        if k > n:
            raise refusal("k = {k} components but n = {n} points: K must not exceed n", k=k, n=n)
        self._validate_weights(k)
        if d == 1:
            self._validate_stds(k)
        else:
            self._validate_covariances(k)

    def _validate_weights(self, k: int) -> None:
        if self.weights is None:
            self._set("weights", tuple([1.0 / k] * k))
            return
        if len(self.weights) != k:
            raise refusal(
                "weights = {echoed}: {weights_count} numbers for {k} components",
                echoed=echoed(self.weights),
                weights_count=len(self.weights),
                k=k,
            )
        total = sum(self.weights)
        if total <= 0:
            raise refusal("weights = {echoed}: they sum to 0", echoed=echoed(self.weights))
        if abs(total - 1.0) > WEIGHT_TOLERANCE:
            if not self.normalize:
                raise refusal(
                    "weights = {echoed} sum to {total:.6g}, not 1; fix them or set normalize=true",
                    echoed=echoed(self.weights),
                    total=total,
                )
            scaled = tuple(w / total for w in self.weights)
            self._note(
                f"weights {echoed(self.weights)} summed to {total:.6g}; normalised "
                f"to {', '.join(f'{w:.6g}' for w in scaled)}"
            )
            self._set("weights", scaled)

    def _validate_stds(self, k: int) -> None:
        if self.covariances is not None:
            raise refusal("covariances are for 2-D mixtures; in 1-D give stds")
        if self.stds is None:
            self._set("stds", tuple([1.0] * k))
            return
        if len(self.stds) != k:
            raise refusal(
                "stds = {echoed}: {stds_count} numbers for {k} components",
                echoed=echoed(self.stds),
                stds_count=len(self.stds),
                k=k,
            )
        for i, s in enumerate(self.stds):
            if s <= 0:
                raise refusal(
                    "stds[{i}] = {s:g}: a standard deviation must be > 0 (zero variance "
                    "has no density)",
                    i=i,
                    s=s,
                )

    def _validate_covariances(self, k: int) -> None:
        if self.stds is not None:
            raise refusal("stds are for 1-D mixtures; in 2-D give covariances 'σx², σxy, σy²'")
        if self.covariances is None:
            self._set("covariances", _default_covariances(k))
            return
        if len(self.covariances) != 3 * k:
            raise refusal(
                "covariances: {covariances_count} numbers for {k} components; give "
                "'σx², σxy, σy²' for each",
                covariances_count=len(self.covariances),
                k=k,
            )
        for i in range(k):
            vx, cxy, vy = self.covariances[3 * i : 3 * i + 3]
            if vx <= 0 or vy <= 0:
                raise refusal(
                    "covariances[{i}] = ({vx:g}, {cxy:g}, {vy:g}): the variances σx², σy² "
                    "must be > 0",
                    i=i,
                    vx=vx,
                    cxy=cxy,
                    vy=vy,
                )
            if cxy * cxy >= vx * vy * (1 - 1e-12):
                raise refusal(
                    "covariances[{i}] = ({vx:g}, {cxy:g}, {vy:g}) is not positive "
                    "definite: need σxy² < σx² σy²",
                    i=i,
                    vx=vx,
                    cxy=cxy,
                    vy=vy,
                )

    def mixture(self) -> GaussianMixture:
        k, d = self.k, self.d
        means = np.asarray(self.means, dtype=np.float64).reshape(k, d)
        if d == 1:
            covariances = (np.asarray(self.stds, dtype=np.float64) ** 2).reshape(k, 1, 1)
        else:
            c = np.asarray(self.covariances, dtype=np.float64).reshape(k, 3)
            covariances = np.stack([c[:, [0, 1]], c[:, [1, 2]]], axis=1)
        return GaussianMixture(np.asarray(self.weights), means, covariances)

    def as_text(self) -> dict[str, str]:
        text = super().as_text()
        if self.means is not None and self.d == 2:
            pairs = [self.means[i : i + 2] for i in range(0, len(self.means), 2)]
            text["means"] = "; ".join(f"{format_value(x)}, {format_value(y)}" for x, y in pairs)
        return text


def _default_means(k: int, d: int) -> tuple[float, ...]:
    if d == 1:  # k = 2 gives seed 003's means −2 and 2
        return tuple(float(4.0 * (i - (k - 1) / 2)) for i in range(k))
    if k == 1:
        return (0.0, 0.0)
    angles = np.pi / 2 + 2 * np.pi * np.arange(k) / k
    # + 0.0 turns a rounded -0.0 into 0.0, which reads better in the text fields.
    return tuple(round(float(v), 6) + 0.0 for a in angles for v in (3 * np.cos(a), 3 * np.sin(a)))


def _default_covariances(k: int) -> tuple[float, ...]:
    """Elongated components, each turned by π/K more than the last, so the ellipses differ."""
    out: list[float] = []
    for i in range(k):
        t = np.pi * i / k
        rotation = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
        cov = rotation @ np.diag([1.0, 0.35]) @ rotation.T
        out += [round(float(cov[0, 0]), 6), round(float(cov[0, 1]), 6), round(float(cov[1, 1]), 6)]
    return tuple(out)


def make_dataset(config: DataConfig) -> Dataset:
    """Draw (or read) the whole data set the config describes."""
    rng = np.random.default_rng(config.seed)
    if config.kind in MIXTURES:
        mixture = config.mixture()
        x, z = mixture.sample(config.n, rng)
        columns = ("x",) if config.d == 1 else ("x₁", "x₂")
        return Dataset(
            name=config.kind, x=x, z=z, truth=mixture, columns=columns, source=f"seed {config.seed}"
        )
    if config.kind == "coins":
        if config.observations is not None:
            x = np.asarray(config.observations, dtype=np.float64)[:, None]
            return Dataset(
                name="coins", x=x, columns=("outcome",), source="given tosses", kind="coins"
            )
        coins = ThreeCoins(config.p_a, config.p_b, config.p_c)
        x, z = coins.sample(config.n, rng)
        return Dataset(
            name="coins",
            x=x,
            z=z,
            truth=coins,
            columns=("outcome",),
            source=f"seed {config.seed}",
            kind="coins",
        )
    if config.kind == "faithful":
        data = files.load(OLD_FAITHFUL_CSV)
        return Dataset(
            name="Old Faithful",
            x=data.x,
            columns=("eruption duration (min)", "waiting time (min)"),
            source="R datasets::faithful (272 eruptions)",
        )
    return files.load(config.path)
