"""The registry, the notebook entry point, the device and the Qt-free engine."""

import itertools
import subprocess
import sys

import numpy as np
import pytest
import torch

import engine
from engine import device
from engine.config import ConfigError


def test_notebook_entry_point_yields_snapshots():
    snaps = list(engine.run("data", kind="gmm2d", n=500))
    assert snaps[-1].shown == 500 and snaps[-1].empirical_weights.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("name", "preset"),
    [(name, preset) for name, ex in engine.experiments().items() for preset in ex.presets],
)
def test_every_preset_is_valid_and_runs(name, preset):
    """Each preset's first steps (a VAE preset's whole run takes a minute); whole runs are the
    experiments' own tests'."""
    experiment = engine.get(name)
    run = engine.Run(experiment.config(preset), experiment.generate)
    try:
        snaps = list(itertools.islice(run.until(None), 3))
    finally:
        run.close()
    assert snaps or run.result is not None


def test_unknown_names_are_config_errors():
    with pytest.raises(ConfigError, match=r"unknown experiment 'nope'; known: .*\bdata\b"):
        engine.get("nope")
    with pytest.raises(ConfigError, match="unknown preset 'x' for data"):
        engine.run("data", preset="x")


def test_device_resolution():
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert device.resolve("auto").type == expected
    assert device.resolve("cpu").type == "cpu"
    assert device.dtype() is torch.float64
    assert device.dtype(device.NETWORK_DTYPE) is torch.float32
    with pytest.raises(ConfigError, match="allowed: one of auto, cpu, cuda"):
        device.resolve("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ConfigError, match="no CUDA device"):
            device.resolve("cuda")


def test_engine_runs_with_qt_unimportable():
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph', 'superqt', 'shiboken6', 'lvm_gui'):\n"
        "    sys.modules[name] = None\n"
        "import engine\n"
        "snaps = list(engine.run('data', kind='gmm2d', n=100))\n"
        "assert snaps[-1].shown == 100\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_prepare_imports_what_each_experiment_declares(monkeypatch):
    """What a generator imports lazily is imported by prepare (the window calls it on the GUI
    thread before a worker starts); each name is a real module, so a typo cannot pass."""
    import importlib.util

    from engine import experiment as experiments

    monkeypatch.setattr(experiments, "_PREPARED", set())
    for experiment in engine.experiments().values():
        for module in experiment.imports:
            assert importlib.util.find_spec(module) is not None, (experiment.name, module)
        experiments.prepare(experiment.name)
        assert set(experiment.imports) <= set(sys.modules), experiment.name
    assert "sklearn.cluster" in engine.get("gmm").imports
    assert set(engine.experiments()) == experiments._PREPARED
    experiments.prepare("a test's own generator")  # not registered: nothing to prepare


def test_went_down_means_more_than_rounding():
    from engine.em.monotone import went_down

    assert not went_down(-2.0, -2.0 - 1e-12)  # rounding of a sum
    assert went_down(-2.0, -2.0 - 1e-6)
    assert not went_down(-1e6, -1e6 - 1e-4)  # relative to |ℓ| beyond 1
    assert went_down(-1e6, -1e6 - 1e-2)
    before = np.array([-3.0, -1.0])  # arrays broadcast: one entry a start
    assert went_down(before, np.array([-2.0, -1.5])).tolist() == [False, True]
