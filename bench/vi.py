"""The ELBO & VI panel's surface: the ELBO over a 200 × 200 grid of (m, log s), in one run
against a plain numpy version, printed as times and their ratio.

    .venv/bin/python bench/vi.py [--repeats N]

Ours is engine.vi.posteriors: E_q log p(x, z) in closed form (gaussian, skewed) or closed form
but one softplus term by 32-node Gauss–Hermite (bimodal). The plain version integrates
q(z) log p(x, z) by the trapezoid rule on a fixed grid of 2,001 z for every (m, s), as one would
write it first (wrong where q's mass leaves the grid or q is narrower than its spacing, so the
two are compared only where it can be right). Issue 12's bar: ours under 100 ms.
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np

from engine.vi import posteriors


def plain_surface(post, m, s, z):
    """ELBO by the trapezoid rule on the grid z, a row of (m, s) at a time."""
    log_joint = post.log_joint(z)
    out = np.empty(m.shape)
    for i in range(m.shape[0]):
        q = np.exp(-0.5 * ((z[None] - m[i][:, None]) / s[i][:, None]) ** 2) / (
            s[i][:, None] * math.sqrt(2 * math.pi)
        )
        out[i] = np.trapezoid(q * log_joint[None], z, axis=1)
    return out + 0.5 * (math.log(2 * math.pi) + 1.0) + np.log(s)


def best_ms(function, repeats: int) -> float:
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"# 200 × 200 ELBO surface, best of {args.repeats} (ms)")
    print(f"{'posterior':<10} {'ours':>8} {'plain numpy':>12} {'ratio':>6} {'max |diff|':>11}")
    for name in posteriors.NAMES:
        post = posteriors.posterior(name)
        mean, sd = post.moments()
        m, s = np.meshgrid(
            np.linspace(mean - 4 * sd, mean + 4 * sd, 200),
            np.exp(np.linspace(math.log(sd) - 3, math.log(sd) + 1.2, 200)),
        )
        z = np.linspace(*post.span, 2001)
        ours = best_ms(lambda p=post, m=m, s=s: p.elbo_surface(m, s), args.repeats)
        plain = best_ms(
            lambda p=post, m=m, s=s, z=z: plain_surface(p, m, s, z), max(1, args.repeats // 2)
        )
        # Compared where the plain rule can be right: q's ±8 s inside its grid, 10 points per s.
        fair = (m - 8 * s > z[0]) & (m + 8 * s < z[-1]) & (s > 10 * (z[1] - z[0]))
        diff = np.abs(post.elbo_surface(m, s) - plain_surface(post, m, s, z))[fair].max()
        print(f"{name:<10} {ours:>8.1f} {plain:>12.1f} {ours / plain:>6.3f} {diff:>11.2g}")


if __name__ == "__main__":
    main()
