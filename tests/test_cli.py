"""The command line: list, run --json, export, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import engine
from engine.data import files
from lvm_gui.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_parameter_with_default_and_range(capsys):
    code, out, _ = run_cli(capsys, "list")
    assert code == 0
    assert out.startswith("data: ")
    assert "presets: seed-003, gmm2d, li-hang, seed-003-coins, faithful" in out
    assert "n = unset  (int >= 1 and <= 10^6; for kind gmm1d, gmm2d, coins)" in out
    assert "kind = gmm1d  (one of gmm1d, gmm2d, coins, faithful, file)" in out


def test_run_prints_json_lines_ending_with_the_final_result(capsys):
    code, out, err = run_cli(
        capsys, "run", "data", "--set", "kind=gmm2d", "--set", "n=500", "--json"
    )
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["step"] for line in lines[:-1]] == list(range(1, 11))
    final = lines[-1]
    assert final["final"] and final["complete"] and final["shown"] == 500
    assert sum(final["empirical_weights"]) == pytest.approx(1.0)
    assert final["config"]["n"] == 500 and final["config"]["kind"] == "gmm2d"


def test_run_is_reproducible_and_seeded(capsys):
    _, first, _ = run_cli(capsys, "run", "data", "--seed", "3", "--json")
    _, again, _ = run_cli(capsys, "run", "data", "--seed", "3", "--json")
    _, other, _ = run_cli(capsys, "run", "data", "--seed", "4", "--json")
    assert first == again and first != other


def test_run_steps_stops_early_and_says_so(capsys):
    code, out, _ = run_cli(capsys, "run", "data", "--steps", "2", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 3
    assert lines[-1]["final"] and not lines[-1]["complete"] and lines[-1]["shown"] == 20


def test_run_writes_the_data_set(capsys, tmp_path):
    out_file = tmp_path / "sample.npz"
    code, out, _ = run_cli(
        capsys,
        "run",
        "data",
        "--set",
        "kind=gmm2d",
        "--set",
        "n=500",
        "--set",
        f"out={out_file}",
        "--json",
    )
    assert code == 0
    assert json.loads(out.splitlines()[-1])["saved_to"] == str(out_file)
    data = files.load(out_file)
    assert data.x.shape == (500, 2) and np.bincount(data.z).sum() == 500


def test_run_reports_notes_on_stderr(capsys):
    code, _, err = run_cli(
        capsys, "run", "data", "--set", "weights=1,3", "--set", "normalize=true", "--json"
    )
    assert code == 0 and "note: weights 1, 3 summed to 4" in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["run", "nope"], "unknown experiment 'nope'"),
        (["run", "data", "--set", "n=0"], "n = 0: too small"),
        (["run", "data", "--set", "k=5", "--set", "n=3"], "K must not exceed n"),
        (["run", "data", "--set", "stds=1,-1"], "stds[1] = -1"),
        (["run", "data", "--set", "weights=0.2,0.2"], "sum to 0.4, not 1"),
        (["run", "data", "--set", "means=nan,1"], "means[0] = nan"),
        (["run", "data", "--set", "colour=red"], "unknown parameter 'colour'"),
        (["run", "data", "--set", "novalue"], "expected NAME=VALUE"),
        (["run", "data", "--steps", "-1"], "--steps -1"),
        (["run", "data", "--preset", "x"], "unknown preset 'x'"),
        (["run", "data", "--device", "tpu"], "device = 'tpu'"),
        (["run", "data", "--set", "kind=file", "--set", "path=/no/such.csv"], "no such file"),
        (["run"], "the following arguments are required"),
        (["frobnicate"], "invalid choice"),
        (["export", "vi", "--preset", "nope", "--out", "x.png"], "unknown preset 'nope'"),
        (["export", "em", "--preset", "faithful", "--out", "x.png"], "unknown preset 'faithful'"),
        (["export", "nope", "--out", "x.png"], "unknown panel 'nope'"),
        (["--panel", "nope"], "unknown panel 'nope'"),
        (["--panel", "data", "--preset", "nope"], "unknown preset 'nope'"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(capsys, args, fragment):
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("lvm-gui: error: ")
    assert fragment in err
    assert "Traceback" not in err


def test_a_hostile_file_is_one_line(capsys, tmp_path):
    path = tmp_path / "evil.npz"
    path.write_bytes(b"PK\x03\x04 definitely not a zip")
    code, _, err = run_cli(capsys, "run", "data", "--set", "kind=file", "--set", f"path={path}")
    assert code == 2 and "not a valid .npz" in err and err.count("\n") == 1


def test_export_writes_the_panel_png(capsys, tmp_path, qapp):
    target = tmp_path / "coins.png"
    code, _, err = run_cli(
        capsys,
        "export",
        "data",
        "--preset",
        "seed-003-coins",
        "--steps",
        "3",
        "--out",
        str(target),
        "--width",
        "1000",
    )
    assert code == 0, err
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() == 1000
    assert image.text("Preset") == "seed-003-coins" and image.text("Step") == "3"


def test_a_save_that_fails_keeps_the_earlier_file_and_is_one_line(capsys, tmp_path, monkeypatch):
    import errno
    import os

    from engine import atomic

    target = tmp_path / "d.npz"
    assert run_cli(capsys, "run", "data", "--set", f"out={target}")[0] == 0
    before = target.read_bytes()

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    code, _, err = run_cli(capsys, "run", "data", "--set", "n=50", "--set", f"out={target}")
    assert code == 2 and err.count("\n") == 1
    assert "No space left on device" in err and "unchanged" in err
    assert target.read_bytes() == before and os.listdir(tmp_path) == ["d.npz"]


def test_a_weights_save_that_fails_prints_the_run_then_one_line_and_exit_2(
    capsys, tmp_path, monkeypatch
):
    """A save on a full disk: the run's numbers are printed, the failure is one line, exit 2;
    a folder the system refuses to write is exit 2 too."""
    import errno
    import os

    from tests.faults import fsync_on_a_full_disk

    monkeypatch.setattr("engine.atomic.os.fsync", fsync_on_a_full_disk)
    target = tmp_path / "w.pt"
    args = ["run", "vae", "--set", "epochs=1", "--set", "iwae_k=10", "--json"]
    code, out, err = run_cli(capsys, *args, "--set", f"save={target}")
    assert code == 2 and err.count("\n") == 1 and err.startswith("lvm-gui: error: ")
    assert "No space left on device" in err and "Traceback" not in err
    final = json.loads(out.splitlines()[-1])
    assert final["complete"] and final["iwae_ladder"] and "No space" in final["save_error"]
    assert os.listdir(tmp_path) == []

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("engine.atomic.os.open", refused)
    code, _, err = run_cli(capsys, *args, "--set", f"save={target}")
    assert code == 2 and "cannot write (Read-only file system)" in err and err.count("\n") == 1


def test_weights_full_of_nan_are_one_line(capsys, tmp_path):
    from tests.faults import weights_set_to

    path = tmp_path / "nan.pt"  # written as safetensors whatever its name
    assert (
        run_cli(
            capsys, "run", "vae", "--set", "epochs=0", "--set", "iwae_k=1", "--set", f"save={path}"
        )[0]
        == 0
    )
    weights_set_to(path, float("nan"), path)
    for args in (
        ["run", "vae", "--set", "epochs=0", "--set", f"load={path}"],
        ["run", "race", "--preset", "vae", "--set", f"weights={path}"],
        ["run", "interpolate", "--preset", "digits-shipped", "--set", f"vae_file={path}"],
    ):
        code, _, err = run_cli(capsys, *args)
        assert code == 2 and err.count("\n") == 1, (args, err)
        assert "its weights are not finite" in err and "Traceback" not in err


def test_export_refuses_bad_width_and_target(capsys, tmp_path, qapp):
    code, _, err = run_cli(
        capsys, "export", "data", "--out", str(tmp_path / "a.png"), "--width", "5"
    )
    assert code == 2 and "width = 5" in err
    code, _, err = run_cli(
        capsys, "export", "data", "--out", str(tmp_path / "a.png"), "--target", "nope"
    )
    assert code == 2 and "--target 'nope'" in err


def test_console_script_runs_as_a_module(tmp_path):
    """The installed entry point, as a user calls it: `python -m lvm_gui run ... --json`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "lvm_gui", "run", "data", "--preset", "li-hang", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    final = json.loads(done.stdout.splitlines()[-1])
    assert final["heads_fraction"] == pytest.approx(0.6) and final["n"] == 10
    bad = subprocess.run(
        [sys.executable, "-m", "lvm_gui", "run", "data", "--set", "n=-1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_gmm1d_means_lines_follow_the_stable_format(capsys, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("x\n" + "\n".join(str(v) for v in [-2.5, -2, -1.5, 1.5, 2, 2.5, 0.1]))
    code, out, _ = run_cli(
        capsys,
        "run",
        "gmm1d-means",
        "--set",
        f"data={path}",
        "--set",
        "start=-1,1",
        "--steps",
        "5",
        "--json",
    )
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["step"] for line in lines[:-1]] == [0, 1, 2, 3, 4, 5]
    for line in lines[1:-1]:
        assert {"step", "mu1", "mu2", "log_likelihood", "elbo", "kl"} <= set(line)
        assert line["log_likelihood"] == pytest.approx(line["elbo"] + line["kl"], abs=1e-12)
        assert line["kl"] >= -1e-12
    lls = [line["log_likelihood"] for line in lines[:-1]]
    assert lls == sorted(lls)
    assert lines[0]["mu1"] == -1 and lines[0]["elbo"] is None


def test_coins_lines_follow_the_stable_format(capsys):
    code, out, _ = run_cli(
        capsys,
        "run",
        "coins",
        "--set",
        "observations=1,1,0,1,0,0,1,0,1,1",
        "--set",
        "starts=0.5,0.5,0.5;0.4,0.6,0.7",
        "--steps",
        "3",
        "--json",
    )
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["step"] for line in lines[:-1]] == [0, 1, 2, 3]
    first, second = lines[1]["runs"]
    assert (first["p_a"], first["p_b"], first["p_c"]) == pytest.approx((0.5, 0.6, 0.6))
    assert (second["p_a"], second["p_b"], second["p_c"]) == pytest.approx(
        (0.4064, 0.5368, 0.6432), abs=1e-4
    )
    assert first["log_likelihood"] == pytest.approx(lines[1]["best_log_likelihood"])
    code, out, _ = run_cli(
        capsys,
        "run",
        "coins",
        "--set",
        "n=500",
        "--set",
        "truth=0.1,0.9,0.3",
        "--steps",
        "1",
        "--json",
    )
    assert code == 0 and json.loads(out.splitlines()[0])["n"] == 500


def test_gmm_final_line_for_scripts(capsys, tmp_path):
    x = np.concatenate(
        [
            np.random.default_rng(1).normal(-3, 1, (60, 2)),
            np.random.default_rng(2).normal(3, 1, (60, 2)),
        ]
    )
    np.save(tmp_path / "x.npy", x)
    code, out, _ = run_cli(
        capsys,
        "run",
        "gmm",
        "--set",
        f"data={tmp_path / 'x.npy'}",
        "--set",
        "components=2",
        "--set",
        "covariance=diag",
        "--set",
        "tol=1e-8",
        "--json",
    )
    assert code == 0
    final = json.loads(out.splitlines()[-1])
    assert final["final"] and final["complete"]
    assert {"log_likelihood", "weights", "means", "covariances", "iterations", "elapsed_s"} <= set(
        final
    )
    assert np.array(final["covariances"]).shape == (2, 2)
    assert sorted(np.array(final["means"])[:, 0]) == pytest.approx([-3, 3], abs=0.5)
    code, _, err = run_cli(
        capsys, "run", "gmm", "--set", f"data={tmp_path / 'x.npy'}", "--set", "components=200"
    )
    assert code == 2 and "components = 200" in err


def _every_panel_preset():
    from lvm_gui.panels import PANELS

    return [
        (name, preset)
        for name, panel in PANELS.items()
        for experiment in panel.views
        for preset in __import__("engine").get(experiment).presets
    ]


@pytest.mark.parametrize(("panel", "preset"), _every_panel_preset())
def test_every_preset_exports(capsys, tmp_path, qapp, panel, preset):
    target = tmp_path / f"{panel}-{preset}.png"
    code, _, err = run_cli(
        capsys, "export", panel, "--preset", preset, "--out", str(target), "--width", "800"
    )
    assert code == 0, err
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() == 800 and image.text("Preset") == preset


def test_a_start_file_with_misshapen_weights_is_one_line(capsys, tmp_path):
    """Weights shaped (2, 1) ended in a torch RuntimeError traceback and exit status 1."""
    start = tmp_path / "start.json"
    start.write_text(
        '{"weights": [[0.5], [0.5]], "means": [[0, 0], [1, 1]], '
        '"covariances": [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]}'
    )
    code, _, err = run_cli(
        capsys, "run", "gmm", "--set", "components=2", "--set", f"start={start}", "--json"
    )
    assert code == 2 and err.count("\n") == 1
    assert "weights have shape (2, 1); expected (K,)" in err


def test_a_model_runs_on_a_data_recipe_as_on_the_same_data_saved_to_a_file(capsys, tmp_path):
    """The parameters of a picture made on the Data panel's data, given on the command line:
    the recipe makes the same points again, so the fit is the one on the saved file."""
    from engine.data.reference import recipe
    from engine.experiment import get

    config = get("data").config("gmm2d", seed=11)
    saved = tmp_path / "sample.npz"
    made = ("run", "data", "--preset", "gmm2d", "--seed", "11", "--set", f"out={saved}")
    assert run_cli(capsys, *made)[0] == 0
    fits = []
    for data in (recipe(config), str(saved)):
        code, out, err = run_cli(
            capsys, "run", "gmm", "--set", f"data={data}", "--set", "components=3", "--json"
        )
        assert code == 0 and err == ""
        fits.append(json.loads(out.splitlines()[-1]))
    assert fits[0]["log_likelihood"] == fits[1]["log_likelihood"]
    assert fits[0]["means"] == fits[1]["means"]
    code, _, err = run_cli(capsys, "run", "gmm", "--set", "data=data:{broken")
    assert code == 2 and "not a data recipe" in err and err.count("\n") == 1


def test_the_parameters_page_is_what_list_writes(capsys):
    """docs/parameters.md is generated from the configs (`lvm-gui list --markdown`): a change
    of a parameter's range, default or help that is not written there fails here."""
    from pathlib import Path

    code, out, _ = run_cli(capsys, "list", "--markdown")
    page = Path(__file__).resolve().parents[1] / "docs" / "parameters.md"
    assert code == 0 and out == page.read_text(encoding="utf-8"), (
        "docs/parameters.md is out of date: lvm-gui list --markdown > docs/parameters.md"
    )
    assert out.count("\n## `") == len(engine.experiments())


def test_the_seed_003_table_preset_prints_seed_003s_table_1(capsys):
    code, out, err = run_cli(
        capsys, "run", "coins", "--preset", "seed-003-table", "--steps", "4", "--json"
    )
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    table = [[round(r["log_likelihood"], 5) for r in line["runs"]] for line in lines[:5]]
    assert [line["step"] for line in lines[:5]] == [0, 1, 2, 3, 4]
    assert table[0][:3] == [-0.65894, -0.65757, -0.65735] and table[0][7] == -0.65963
    assert all(value == -0.65734 for row in table[1:] for value in row)
