"""Before and after in one run: a benchmark run alternately on an earlier commit and this tree.

    .venv/bin/python bench/ab.py REV [--rounds N] -- bench/em.py --quick

The earlier commit is checked out once in a worktree beside the system's temporary files; each
round runs the script there (that tree first on the import path) and then here, with this
environment's interpreter, so both see the same machine at the same time (in ABBA order: the
second round runs here first). The two outputs are printed as they come, each under its label.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def worktree(rev: str) -> Path:
    """A checkout of `rev` (made once, kept for later runs)."""
    sha = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=HERE, check=True, capture_output=True, text=True
    ).stdout.strip()
    path = Path(tempfile.gettempdir()) / f"lvm-ab-{sha}"
    if not path.is_dir():
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(path), sha], cwd=HERE, check=True
        )
    return path


def run(tree: Path, script: list[str]) -> int:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([sys.executable, *script], cwd=tree, env=env).returncode


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], usage="%(prog)s REV [--rounds N] -- SCRIPT [ARGS]"
    )
    parser.add_argument("rev", help="the earlier commit (a hash, a tag, HEAD~3)")
    parser.add_argument("--rounds", type=int, default=2, help="before-after pairs (default 2)")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    script = argv[split + 1 :]
    if not script:
        parser.error("give the benchmark after --, e.g. -- bench/em.py --quick")
    pair = ((f"before ({args.rev})", worktree(args.rev)), ("after (this tree)", HERE))
    for round_ in range(1, args.rounds + 1):
        # ABBA: each goes first in every other round, so that a machine that slows down as it
        # warms (or speeds up) weighs on both alike.
        for label, tree in pair if round_ % 2 else pair[::-1]:
            print(f"## round {round_}: {label}", flush=True)
            if run(tree, script) != 0:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
