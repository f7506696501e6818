"""Steering: a changed config sent into a running generator (Run.step(steer=...))."""

from __future__ import annotations

import numpy as np
import pytest

from engine import experiment as experiments
from engine.config import ConfigError
from engine.estimators import race
from engine.experiment import Progress, Run

RACE = experiments.get("race")


def race_run(**params) -> Run:
    return Run(RACE.config("curve1d", chains=20, samples=2000, **params), RACE.generate)


def the_rest(run: Run) -> list:
    snaps = [s for s in iter(run.next_step, None)]
    return [*snaps, run.result]


def same(a, b) -> None:
    assert a.to_dict() == b.to_dict()
    np.testing.assert_array_equal(a.importance_estimates, b.importance_estimates)
    np.testing.assert_array_equal(a.uniform_estimates, b.uniform_estimates)


def test_a_steered_race_is_a_fresh_race_of_the_new_q_without_a_new_model(monkeypatch):
    built = []
    make_model = race.make_model
    monkeypatch.setattr(race, "make_model", lambda *a, **k: built.append(1) or make_model(*a, **k))
    run = race_run(proposal="gaussian", q_mean=(0.0,), q_scale=(1.0,))
    for _ in range(5):
        run.next_step()
    moved = run.config.replace(q_mean=(1.5,), q_scale=(0.4,))
    first = run.step(steer=moved)
    assert run.config == moved and first.step == 1 and first.k == 1  # the race begins again
    steered = [first, *the_rest(run)]
    assert len(built) == 1  # the model and its exact p(x) were kept
    fresh = the_rest(Run(moved, RACE.generate))
    assert len(steered) == len(fresh)
    for a, b in zip(steered, fresh, strict=True):
        same(a, b)


def test_a_steer_during_a_long_step_takes_effect_at_its_next_progress_report():
    run = Run(RACE.config("curve1d", chains=1000, samples=5000), RACE.generate)
    while not isinstance(snap := run.step(), Progress) or snap.what != "sampling":
        pass  # into the sampling of a checkpoint, between two chunks
    moved = run.config.replace(proposal="gaussian", q_mean=(-1.0,))
    after = run.step(steer=moved)
    while isinstance(after, Progress):
        after = run.step()
    fresh = Run(moved, RACE.generate).next_step()
    same(after, fresh)


def test_a_steer_before_the_first_step_starts_the_steered_config():
    run = race_run()
    moved = run.config.replace(proposal="gaussian", q_scale=(2.0,))
    run.step(steer=moved)  # no TypeError from sending into a generator not yet started
    same(run.next_step(), Run(moved, RACE.generate).next_step())


def test_only_steerable_parameters_may_change_while_running():
    run = race_run()
    run.next_step()
    with pytest.raises(ConfigError, match="cannot take chains"):
        run.step(steer=run.config.replace(chains=5))
    with pytest.raises(ConfigError, match="cannot take nothing"):
        run.step(steer=run.config)
    assert run.config.chains == 20 and run.next_step().step == 2  # the run goes on unchanged
    coins = Run(experiments.get("coins").config("li-hang"), experiments.get("coins").generate)
    coins.next_step()
    with pytest.raises(ConfigError, match="a running coins cannot take iterations"):
        coins.step(steer=coins.config.replace(iterations=3))
    assert coins.config.steerable == frozenset()
