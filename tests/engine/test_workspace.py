"""The workspace and data recipes: a model names its data by how to make it again."""

from __future__ import annotations

import re
import threading

import numpy as np
import pytest

from engine import experiment as experiments
from engine.config import ConfigError
from engine.data import reference as data
from engine.data.making import make_dataset
from engine.workspace import WORKSPACE, Workspace

DATA = experiments.get("data")


@pytest.fixture(autouse=True)
def empty_workspace():
    WORKSPACE.clear()
    yield
    WORKSPACE.clear()


@pytest.mark.parametrize("preset", ["seed-003", "gmm2d", "li-hang", "seed-003-coins", "faithful"])
def test_a_recipe_makes_the_same_data_set_again(preset):
    config = DATA.config(preset, batches=3, out=None)
    reference = data.recipe(config)
    assert data.is_recipe(reference) and "batches" not in reference
    again = data.recipe_config("data", reference)
    assert data.recipe(again) == reference
    made, remade = make_dataset(config), make_dataset(again)
    np.testing.assert_array_equal(made.x, remade.x)
    assert (made.z is None and remade.z is None) or np.array_equal(made.z, remade.z)


def test_a_file_is_named_by_its_path(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("1.0\n2.0\n3.5\n")
    config = DATA.config(kind="file", path=str(path))
    assert data.recipe(config) == str(path)
    assert data.dataset_for(str(path)).x[:, 0].tolist() == [1.0, 2.0, 3.5]


def test_a_model_gets_the_data_panels_arrays_from_the_workspace_or_makes_them_again():
    snaps = list(DATA.generate(DATA.config("gmm2d")))
    made = snaps[-1].dataset
    assert made.reference in WORKSPACE
    assert data.dataset_for(made.reference) is made  # the same arrays, not made anew
    fit = experiments.get("gmm").config(data=made.reference, components=3, iterations=4)
    here = list(experiments.get("gmm").generate(fit))[-1]
    WORKSPACE.clear()  # a fresh process: the command line given the exported parameters
    there = list(experiments.get("gmm").generate(fit))[-1]
    assert here.log_likelihood == there.log_likelihood
    np.testing.assert_array_equal(here.means, there.means)


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("data:not json", "not a data recipe"),
        ("data:[1, 2]", "not a data recipe"),
        ('data:{"kind": "file", "path": "/etc/passwd"}', "give the file's path"),
        ('data:{"kind": "gmm2d", "n": -5}', "data: n = -5"),
        ('data:{"kind": "gmm2d", "colour": 1}', "unknown parameter 'colour'"),
        ("data:" + "{" * 200_000, "at most 100,000"),
    ],
)
def test_a_bad_recipe_is_one_message_naming_the_parameter(reference, message):
    for name in ("gmm", "gmm1d-means"):
        with pytest.raises(ConfigError, match=message) as caught:
            experiments.get(name).config(data=reference)
        assert "\n" not in str(caught.value) and str(caught.value).startswith("data")


def test_the_two_means_model_refuses_two_dimensional_data_by_name():
    reference = data.recipe(DATA.config("gmm2d"))
    config = experiments.get("gmm1d-means").config(data=reference)
    message = re.escape("the Data panel's gmm2d data (seed 0): 2-D points")
    with pytest.raises(ValueError, match=message):
        list(experiments.get("gmm1d-means").generate(config))


def test_the_workspace_lets_the_oldest_go_and_is_safe_across_threads():
    space = Workspace(capacity=2)
    for name in "abc":
        space.put(name, name.upper())
    assert "a" not in space and space.get("b") == "B" and len(space) == 2
    space.put("d", "D")  # b was used last: c goes
    assert "c" not in space and "b" in space
    made = []

    def ask():
        for i in range(200):
            space.get_or_make(f"k{i % 5}", lambda i=i: made.append(i) or i)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(space) == 2 and made  # no error, never more than capacity
    with pytest.raises(ValueError, match="capacity"):
        Workspace(capacity=0)
