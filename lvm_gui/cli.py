"""`lvm-gui`: the window, and the same experiments headless (`list`, `run`, `export`).

Qt is imported only by the verbs that draw, so `list` and `run` start quickly and work where no
display exists. Every error from bad input is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import engine
from engine import catalog
from engine.atomic import WriteError
from engine.config import ConfigError, format_value
from engine.experiment import Run
from engine.lessons.schema import LessonError
from lvm_gui import lesson_cli, startup
from lvm_gui.formats import ANIMATION_SUFFIXES, FIGURE_SUFFIXES, TABLE_SUFFIXES
from lvm_gui.languages import LANGUAGES

PANEL_NAMES = tuple(entry.name for entry in catalog.PANELS)
USAGE_ERROR = 2


class UsageError(Exception):
    """Bad command line; the message is printed as one line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(message)


def build_parser() -> Parser:
    parser = Parser(prog="lvm-gui", description="LVM Lab: watch latent variable models learn.")
    parser.add_argument("--panel", help="open the window on this panel (data, em, ...)")
    parser.add_argument("--preset", help="open the panel on this preset, e.g. seed-003")
    parser.add_argument("--lesson", help="open the window on a lesson (an id, or a .toml file)")
    parser.add_argument("--lang", choices=LANGUAGES, help="the window's language")
    parser.add_argument(
        "--paths",
        action="store_true",
        help="print the folders and files the app uses (settings, crash logs, models) and exit",
    )
    verbs = parser.add_subparsers(dest="verb", parser_class=Parser)

    listing = verbs.add_parser(
        "list", help="every experiment with its parameters, defaults and ranges"
    )
    listing.add_argument(
        "--markdown", action="store_true", help="as docs/parameters.md writes it (tables)"
    )

    run = verbs.add_parser("run", help="run an experiment headless")
    run.add_argument("experiment")
    _common(run)
    run.add_argument("--seed", type=int, help="seed of the random number generator")
    run.add_argument("--device", help="torch device: auto, cpu or cuda")
    run.add_argument(
        "--json",
        action="store_true",
        help="JSON Lines on stdout: one object per step, the final result last",
    )

    out = verbs.add_parser(
        "export", help="draw a panel offscreen after N steps: a figure, or the run as an animation"
    )
    out.add_argument("panel")
    _common(out)
    out.add_argument("--seed", type=int, help="seed of the random number generator")
    out.add_argument(
        "--out",
        required=True,
        help="the file to write, by its suffix: .png, .svg or .pdf (the figure), "
        ".gif or .mp4 (the run, a frame for each step kept), .csv or .tex (--target table)",
    )
    out.add_argument(
        "--width", type=int, help="width in pixels of a PNG (default 1600) or an animation (800)"
    )
    out.add_argument(
        "--size",
        help="the figure's shape: 16:9, 4:3, 1:1 (1200 screen pixels wide) or WxH in screen "
        "pixels; default: as the window lays it out",
    )
    out.add_argument(
        "--fps", type=float, default=4.0, help="frames a second of an animation (default 4)"
    )
    out.add_argument(
        "--target",
        default="panel",
        help="'panel' (default: every plot of the panel, no controls) or the name of one plot",
    )
    out.add_argument("--theme", default="light", choices=("light", "dark"))
    out.add_argument("--lang", default="en", choices=LANGUAGES, help="the figure's language")
    lesson_cli.add_verbs(verbs)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--preset", help="start from this preset")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter (repeat for several)",
    )
    parser.add_argument("--steps", type=int, help="stop after this many steps (default: all)")


def parse_sets(items: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set {item!r}: expected NAME=VALUE")
        values[name.strip()] = value
    return values


def make_config(
    experiment: engine.Experiment, preset: str | None, sets: dict[str, str], **typed: Any
) -> engine.ExperimentConfig:
    return experiment.config_from_text(preset, sets, **typed)


def check_steps(steps: int | None) -> None:
    if steps is not None and steps < 0:
        raise UsageError(f"--steps {steps}: give a step number >= 0 (0: EM's start)")


def _json_line(obj: dict[str, Any]) -> str:
    return json.dumps(
        obj,
        allow_nan=False,
        ensure_ascii=False,
        default=lambda v: None if isinstance(v, float) and not math.isfinite(v) else str(v),
    )


def cmd_list(markdown: bool = False) -> int:
    if markdown:
        print(parameters_markdown(), end="")
        return 0
    for name, experiment in engine.experiments().items():
        print(f"{name}: {experiment.title}")
        presets = ", ".join(experiment.presets) or "none"
        print(f"  presets: {presets}")
        for info in experiment.config_type.params():
            for line in info.describe().splitlines():
                print("  " + line)
        print()
    return 0


@contextlib.contextmanager
def warnings_as_lines() -> Iterator[None]:
    """Each warning a run raises (a diverging ascent, a non-finite loss) as one line on stderr,
    not Python's two lines with a source file and its code."""

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        print(f"lvm-gui: warning: {_one_line(str(message))}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = show
        yield


def parameters_markdown() -> str:
    """docs/parameters.md: every experiment's presets and parameters, from their configs."""
    out = [
        "# Parameters",
        "",
        "Every experiment's presets and parameters, with their defaults and the values they",
        "take: written by `lvm-gui list --markdown` from the configs themselves (a test checks",
        "that this page is what it writes). A parameter is set with `--set name=value` on the",
        "command line, or in the window's form.",
    ]
    for name, experiment in engine.experiments().items():
        presets = ", ".join(f"`{preset}`" for preset in experiment.presets) or "none"
        out += ["", f"## `{name}`: {experiment.title}", "", f"Presets: {presets}.", ""]
        out += ["| parameter | default | takes | what it is |", "|---|---|---|---|"]
        for info in experiment.config_type.params():
            default = "unset" if info.default is None else format_value(info.default, info.spec)
            takes = info.spec.allowed(info.base)
            if info.spec.kinds:
                takes += f"; for kind {', '.join(info.spec.kinds)}"
            cells = (f"`{info.name}`", f"`{default}`", takes, info.spec.help)
            out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(out) + "\n"


def cmd_run(args: argparse.Namespace) -> int:
    with warnings_as_lines():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    check_steps(args.steps)
    experiment = engine.get(args.experiment)
    config = make_config(
        experiment, args.preset, parse_sets(args.set), seed=args.seed, device=args.device
    )
    if config.device != "auto":
        from engine import device

        device.resolve(config.device)
    for note in config.notes:
        print(f"lvm-gui: note: {note}", file=sys.stderr)
    run = Run(config, experiment.generate)
    try:
        for snap in run.until(args.steps):
            _emit(snap.to_dict(), args.json)
    finally:
        run.close()
    if run.done:
        final = run.result.to_dict()
        final["complete"] = True
    else:
        final = dataclasses.replace(run.last, final=True).to_dict() if run.last else {}
        final["complete"] = False
    final["final"] = True
    final["config"] = config.to_dict()
    _emit(final, args.json)
    # A file the run was asked to write and could not: what was computed is printed above,
    # and the failure is the run's one error line.
    save_error = getattr(run.result, "save_error", None)
    if save_error:
        print(f"lvm-gui: error: {_one_line(save_error)}", file=sys.stderr)
        return USAGE_ERROR
    return 0


def _emit(obj: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(_json_line(obj), flush=True)
    else:
        print("  ".join(f"{k}={_short(v)}" for k, v in obj.items() if k != "config"), flush=True)


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    return str(value)


def cmd_export(args: argparse.Namespace) -> int:
    check_steps(args.steps)
    suffix = Path(args.out).suffix.lower()
    if suffix not in FIGURE_SUFFIXES + ANIMATION_SUFFIXES + TABLE_SUFFIXES:
        known = ", ".join(FIGURE_SUFFIXES + ANIMATION_SUFFIXES + TABLE_SUFFIXES)
        raise UsageError(f"--out {args.out}: the suffix names the format, one of {known}")
    animated = suffix in ANIMATION_SUFFIXES
    size = parse_size(args.size) if args.size is not None else None
    from lvm_gui.app import make_application, quiet_platform_messages
    from lvm_gui.panels import PANELS

    if args.panel not in PANELS:
        raise UsageError(_unknown_panel(args.panel))
    panel_type = PANELS[args.panel]
    if args.preset is None:  # what the window opens on: `export vae` draws the shipped models
        args.preset = panel_type.entry.default_preset
    experiment = engine.get(panel_type.experiment_of(args.preset))
    config = make_config(experiment, args.preset, parse_sets(args.set), seed=args.seed)
    for note in config.notes:
        print(f"lvm-gui: note: {note}", file=sys.stderr)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quiet_platform_messages()
    app = make_application()
    from lvm_gui import animation, export, i18n

    i18n.use(args.lang)
    from lvm_gui import theme as themes

    panel = panel_type(preset=args.preset)
    panel.settings.choose(config, preset=None if args.set else args.preset, start=False)
    panel.resize(1400, 860)
    panel.show()
    app.processEvents()
    panel.set_theme(themes.THEMES[args.theme])
    shown = panel.run_headless(args.steps)
    message = panel.messages.last
    if message is not None and message[0] == "error":
        raise ConfigError(message[1])
    if shown is None:
        raise ConfigError("the experiment produced nothing to draw")
    app.processEvents()
    targets = panel.export_targets()
    if args.target not in targets:
        raise UsageError(f"--target {args.target!r}: this panel shows {', '.join(targets)}")
    widget = targets[args.target]
    if size is not None:
        widget = export.alone_at(widget, size)
        panel.redraw()
        panel.pages.finish()
        for _ in range(3):  # the pages refit to their new size and legends (posted events)
            app.processEvents()
    text = export.figure_text(panel, args.target, f"figure{suffix}")
    background = themes.THEMES[args.theme].background
    try:
        if animated:
            frames = animation.frames_of(panel, widget, args.width or 800, background)
            path, _ = animation.save_animation(frames, args.out, args.fps, text)
        else:
            path = export.save_figure(widget, args.out, args.width or 1600, text, background)
    except export.ExportError as exc:
        raise ConfigError(str(exc)) from None
    panel.shutdown()
    print(path)
    return 0


SIZES = {"16:9": (1200, 675), "4:3": (1200, 900), "1:1": (1200, 1200)}
MIN_SIDE, MAX_SIDE = 200, 4000


def parse_size(text: str) -> tuple[int, int]:
    """--size: a slide's shape (16:9, 4:3, 1:1) or WxH in screen pixels."""
    if text in SIZES:
        return SIZES[text]
    width, sep, height = text.lower().partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise UsageError(f"--size {text!r}: expected {', '.join(SIZES)} or WxH, e.g. 1600x900")
    size = int(width), int(height)
    if not all(MIN_SIDE <= side <= MAX_SIDE for side in size):
        raise UsageError(f"--size {text!r}: each side {MIN_SIDE} to {MAX_SIDE} pixels")
    return size


def _unknown_panel(name: str) -> str:
    from lvm_gui.panels import PANELS

    if name in PANEL_NAMES:
        return f"panel {name!r} is not built yet; working panels: {', '.join(PANELS)}"
    return f"unknown panel {name!r}; panels: {', '.join(PANELS)}"


def cmd_window(args: argparse.Namespace) -> int:
    from lvm_gui.panels import PANELS

    if args.panel is not None and args.panel not in PANELS:
        raise UsageError(_unknown_panel(args.panel))
    if args.preset is not None:
        panel = args.panel or "data"
        PANELS[panel].experiment_of(args.preset)
    lesson = None if args.lesson is None else lesson_cli.load(args.lesson)
    from lvm_gui.app import run_window

    return run_window(args.panel, args.preset, lesson, args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    startup.set_environment()  # before torch is imported (lvm_gui.startup)
    try:
        args = build_parser().parse_args(argv)
        if args.paths:
            from lvm_gui.crashlog import print_paths

            return print_paths()
        if args.verb == "list":
            return cmd_list(args.markdown)
        if args.verb == "run":
            return cmd_run(args)
        if args.verb == "lesson":
            return lesson_cli.main(args)
        if args.verb == "export":
            with warnings_as_lines():
                return cmd_export(args)
        return cmd_window(args)
    except (UsageError, ConfigError, WriteError, LessonError) as exc:  # a path refused too
        print(f"lvm-gui: error: {_one_line(str(exc))}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:  # `lvm-gui run ... | head`
        sys.stderr.close()
        return 0
    except OSError as exc:
        print(f"lvm-gui: error: {_one_line(str(exc))}", file=sys.stderr)
        return 1


def _one_line(text: str) -> str:
    return " ".join(text.split())
