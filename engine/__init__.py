"""LVM Lab's mathematics: experiments as validated configs and generators of snapshots.

For notebooks::

    from engine import run
    for snap in run("data", kind="gmm2d", n=500):
        print(snap.shown, snap.empirical_weights)
"""

from engine.config import ConfigError, ExperimentConfig
from engine.experiment import Experiment, Progress, Run, Snapshot, experiments, get, run

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Experiment",
    "ExperimentConfig",
    "Progress",
    "Run",
    "Snapshot",
    "__version__",
    "experiments",
    "get",
    "run",
]
