"""Config validation: every bad value is refused with a message naming parameter, value, rule."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.config import ConfigError, format_value, parse_value
from engine.data.making import DataConfig


def test_defaults_reproduce_seed_003_two_means_data():
    config = DataConfig()
    assert (config.kind, config.n, config.k) == ("gmm1d", 100, 2)
    assert config.means == (-2.0, 2.0)
    assert config.stds == (1.0, 1.0)
    assert config.weights == (0.5, 0.5)


@pytest.mark.parametrize(
    ("params", "fragments"),
    [
        ({"n": 0}, ["n = 0", ">= 1"]),
        ({"n": -5}, ["n = -5"]),
        ({"n": 10**7}, ["n = 10^7", "<= 10^6"]),
        ({"k": 0}, ["k = 0", ">= 1"]),
        ({"k": 11}, ["k = 11", "<= 10"]),
        ({"k": 5, "n": 3}, ["k = 5", "n = 3", "must not exceed"]),
        ({"kind": "gmm2d", "k": 4, "n": 2}, ["k = 4", "n = 2"]),
        ({"stds": (1.0, 0.0)}, ["stds[1] = 0", "> 0"]),
        ({"stds": (1.0, -2.0)}, ["stds[1] = -2"]),
        ({"stds": (1.0,)}, ["stds", "1 numbers for 2 components"]),
        ({"weights": (0.5, 0.7)}, ["weights", "sum to 1.2", "normalize=true"]),
        ({"weights": (-0.5, 1.5)}, ["weights[0] = -0.5"]),
        ({"weights": (0.0, 0.0)}, ["sum to 0"]),
        ({"means": (float("nan"), 1.0)}, ["means[0] = nan", "finite"]),
        ({"means": (float("inf"), 1.0)}, ["means[0] = inf"]),
        ({"kind": "gmm2d", "means": (1.0, 2.0, 3.0)}, ["3 numbers", "x, y"]),
        (
            {"kind": "gmm2d", "covariances": (1, 2, 1, 1, 0, 1, 1, 0, 1)},
            ["covariances[0]", "not positive definite"],
        ),
        (
            {"kind": "gmm2d", "covariances": (0, 0, 1, 1, 0, 1, 1, 0, 1)},
            ["covariances[0]", "must be > 0"],
        ),
        ({"kind": "gmm2d", "stds": (1, 1, 1)}, ["stds are for 1-D"]),
        ({"k": 3, "means": (0.0, 1.0)}, ["k = 3", "means gives 2"]),
        ({"kind": "coins", "p_a": 1.5}, ["p_a = 1.5", "<= 1"]),
        ({"kind": "coins", "p_b": -0.1}, ["p_b = -0.1"]),
        ({"kind": "coins", "observations": (1, 0, 2)}, ["observations[2] = 2"]),
        ({"kind": "coins", "observations": (1, 0), "n": 5}, ["n = 5", "2 tosses"]),
        ({"kind": "file"}, ["path is required"]),
        ({"kind": "nonsense"}, ["kind = 'nonsense'", "gmm1d"]),
        ({"batches": 0}, ["batches = 0"]),
        ({"seed": -1}, ["seed = -1"]),
        ({"n": 2.5}, ["n = 2.5", "integer"]),
        ({"n": "many"}, ["n = 'many'"]),
        ({"device": "tpu"}, ["device = 'tpu'", "auto, cpu, cuda"]),
        ({"out": "/tmp/x.csv"}, ["out", ".npz"]),
        ({"out": "/no/such/folder/x.npz"}, ["does not exist"]),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(params, fragments):
    with pytest.raises(ConfigError) as caught:
        DataConfig.create(**params)
    message = str(caught.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message


def test_unknown_parameter_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown parameter 'colour'.*known: seed"):
        DataConfig.create(colour="red")


def test_weights_are_normalised_only_when_asked_and_say_so():
    config = DataConfig.create(weights=(1.0, 3.0), normalize=True)
    assert config.weights == (0.25, 0.75)
    assert len(config.notes) == 1 and "normalised" in config.notes[0]
    assert DataConfig.create(weights=(0.25, 0.75)).notes == ()


def test_configs_are_frozen_and_replace_revalidates():
    config = DataConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.n = 5
    assert config.replace(n=50).n == 50
    with pytest.raises(ConfigError):
        config.replace(n=0)


def test_from_strings_parses_the_command_line_forms():
    config = DataConfig.from_strings(
        {"kind": "gmm2d", "means": "-2, 0; 2, 0", "n": "1e3", "normalize": "yes", "weights": "1, 1"}
    )
    assert config.means == (-2.0, 0.0, 2.0, 0.0)
    assert config.k == 2 and config.n == 1000
    assert config.weights == (0.5, 0.5)
    assert config.mixture().means.tolist() == [[-2.0, 0.0], [2.0, 0.0]]
    with pytest.raises(ConfigError, match=r"n = '1\.5': not an int"):
        DataConfig.from_strings({"n": "1.5"})
    with pytest.raises(ConfigError, match="normalize = 'maybe'"):
        DataConfig.from_strings({"normalize": "maybe"})
    with pytest.raises(ConfigError, match="empty entry"):
        DataConfig.from_strings({"means": "1,,2"})


def test_text_form_round_trips_through_the_parser():
    config = DataConfig.create(kind="gmm2d", k=4, n=50)
    again = DataConfig.from_strings({k: v for k, v in config.as_text().items() if v})
    assert again.mixture().means == pytest.approx(config.mixture().means, abs=1e-10)
    assert again.covariances == pytest.approx(config.covariances, abs=1e-10)


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=20))
def test_lists_of_floats_round_trip(values):
    text = format_value(tuple(values))
    parsed = parse_value("means", text, tuple[float, ...] | None)
    assert parsed == pytest.approx(tuple(values), rel=1e-11, abs=1e-300)


def test_adjusted_rederives_what_depends_on_the_changed_value():
    old = DataConfig()
    values = old.explicit()
    values["means"] = (-3.0, 0.0, 3.0)
    new = DataConfig.create(**DataConfig.adjusted("means", values, old))
    assert new.k == 3 and new.stds == (1.0, 1.0, 1.0) and len(new.weights) == 3
    values = old.explicit()
    values["kind"] = "gmm2d"
    new = DataConfig.create(**DataConfig.adjusted("kind", values, old))
    assert new.k == 3 and len(new.means) == 6 and new.stds is None and new.n == 500
    moved = old.explicit()
    moved["means"] = (-1.0, 1.0)
    moved["stds"] = (0.5, 2.0)
    kept = DataConfig.create(**DataConfig.adjusted("means", moved, old))
    assert kept.stds == (0.5, 2.0)  # same K: the user's other values stay


def test_only_the_parameters_that_matter_apply():
    mixture = DataConfig()
    assert mixture.applies("stds") and not mixture.applies("covariances")
    assert not mixture.applies("p_a") and mixture.applies("seed")
    sampled = DataConfig.create(kind="coins")
    assert sampled.applies("p_a") and sampled.applies("n")
    given = DataConfig.create(kind="coins", observations=(1, 0, 1))
    assert not given.applies("p_a") and given.n == 3


LONG_PATH = "/tmp/" + "x" * 5000 + ".npy"


@pytest.mark.parametrize(
    ("experiment", "params"),
    [
        ("gmm", {"data": LONG_PATH}),
        ("gmm", {"start": LONG_PATH}),
        ("gmm1d-means", {"data": LONG_PATH}),
        ("data", {"kind": "file", "path": LONG_PATH}),
        ("data", {"out": LONG_PATH[:-4] + ".npz"}),
    ],
)
def test_a_path_too_long_for_the_system_is_one_short_message(experiment, params):
    """A 5,000-character path raised OSError (File name too long) from Path.is_file."""
    import engine

    with pytest.raises(ConfigError) as caught:
        list(engine.run(experiment, **params))
    message = str(caught.value)
    assert "name too long" in message.lower() and "5,0" in message
    assert len(message) < 160 and "\n" not in message and "Errno" not in message


def test_a_long_path_keeps_its_file_name_in_a_message():
    from engine.config import existing_file, shown_path

    assert shown_path("/tmp/w.pt") == "'/tmp/w.pt'"
    deep = "/home/student/" + "runs/" * 30 + "vae-epoch-20.pt"
    quoted = shown_path(deep)
    assert quoted.startswith("'…") and "vae-epoch-20.pt'" in quoted
    assert f"({len(deep):,} characters)" in quoted and len(quoted) < 80
    with pytest.raises(ConfigError, match=r"vae-epoch-20\.pt'.*no such file"):
        existing_file("load", deep)


def test_a_long_list_is_named_not_echoed():
    with pytest.raises(ConfigError) as caught:
        parse_value("means", ",".join(["1"] * 999 + ["x"]), tuple[float, ...])
    assert len(str(caught.value)) < 160
    with pytest.raises(ConfigError) as caught:
        DataConfig.create(kind="gmm1d", means=tuple(range(1000)), k=2)
    assert len(str(caught.value)) < 200


def test_any_failure_of_validation_is_a_config_error():
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Fragile(DataConfig):
        def validate(self) -> None:
            raise OSError(13, "Permission denied")

    with pytest.raises(ConfigError, match="permission denied"):
        Fragile()
