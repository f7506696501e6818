"""docs/adding-an-experiment.md's own code, run: the walk a newcomer follows must keep working."""

from __future__ import annotations

import dataclasses
import re
import sys
import types
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from engine import catalog
from engine import experiment as experiments
from lvm_gui.panels import EstimatorsPanel, ExperimentPanel
from tests.gui.helpers import hosted, run_to_end, steps

PAGE = Path(__file__).resolve().parents[2] / "docs" / "adding-an-experiment.md"


def code_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


@pytest.fixture
def walked(monkeypatch):
    """The page's engine and view code, registered in copies of the registries (the rest of
    the test run never sees the experiment)."""
    monkeypatch.setattr(experiments, "_REGISTRY", dict(experiments._REGISTRY))
    sides = []
    for name, code in zip(("walked_engine", "walked_view"), code_blocks(), strict=True):
        module = types.ModuleType(name)  # dataclasses read their module's names
        monkeypatch.setitem(sys.modules, name, module)
        exec(compile(code, f"{PAGE.name} ({name})", "exec"), module.__dict__)
        sides.append(module.__dict__)
    return sides


def test_the_walks_experiment_runs_steers_and_draws(qtbot, walked):
    engine_side, view_side = walked
    experiment = experiments.get("gaussian-mean")
    assert experiment is engine_side["EXPERIMENT"]

    run = experiments.Run(experiment.config("shifted", n=10_000), experiment.generate)
    snaps = list(run.until(None))
    final = run.result  # the generator's return value: the tenth batch
    assert len(snaps) == 9 and final.final and final.count == 10_000
    assert [snap.count for snap in snaps] == list(range(1000, 10_000, 1000))
    assert abs(final.sample_mean - 3.0) < 5 / np.sqrt(10_000)  # five standard errors
    run.close()

    config = experiment.config("standard", n=3000, batches=3)
    steered = experiments.Run(config, experiment.generate)
    first = steered.step()
    second = steered.step(config.replace(mean=5.0))  # a slider's drag, into the same run
    assert first.mean == 0.0 and second.mean == 5.0 and second.count == 2000
    later = second.sample_mean * 2000 - first.sample_mean * 1000  # the second batch's sum
    assert abs(later / 1000 - 5.0) < 5 / np.sqrt(1000)
    steered.close()

    view, host, run = hosted(
        qtbot, "gaussian-mean", "shifted", view_type=view_side["GaussianMeanView"]
    )
    drawn = list(steps(view, host, run))
    last = drawn[-1]
    pool = view.pools[id(view.histogram_plot.getPlotItem())]
    x, _ = pool.labelled("their mean").getData()
    assert np.allclose(x, last.sample_mean)
    assert view.status_text(last).startswith(f"{last.count} draws")
    view.config_changed(host.config)  # shows μ without sending it
    assert host.params == [] and view.mean_slider.value() == pytest.approx(3.0)
    view.mean_slider.setValue(-1.5)  # a drag: sent as a parameter
    assert host.params[-1] == {"mean": -1.5}


def test_a_panel_with_the_walks_rows_runs_it_and_steers_mu(qtbot, walked):
    """The two rows the page adds (the catalog's and the panel's table) make a panel whose
    model chooser offers the walk's experiment, runs it and sends μ into the run."""
    _, view_side = walked
    view_type = view_side["GaussianMeanView"]
    estimators = catalog.panel("estimators")
    walked_entry = dataclasses.replace(
        estimators, experiments={**estimators.experiments, "gaussian-mean": "walked_engine"}
    )

    class WalkedPanel(ExperimentPanel):
        entry = walked_entry
        views: ClassVar[dict] = {**EstimatorsPanel.views, "gaussian-mean": view_type}

    with pytest.raises(TypeError, match="gaussian-mean"):

        class Mismatched(ExperimentPanel):  # a view without its catalog row is refused
            entry = estimators
            views: ClassVar[dict] = WalkedPanel.views

    panel = WalkedPanel(preset="shifted")
    qtbot.addWidget(panel)
    panel.resize(1400, 860)
    panel.show()
    assert panel.settings.model_box.findData("gaussian-mean") >= 0
    assert panel.experiment.name == "gaussian-mean" and isinstance(panel.view, view_type)
    final = run_to_end(qtbot, panel)
    assert final.final and final.mean == 3.0 and final.count == 1000
    assert panel.pages.status_line.text() == panel.view.status_text(final)
    assert panel.shutdown()
