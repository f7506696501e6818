"""A run as an animation: a GIF (Pillow) or an MP4 (the ffmpeg that imageio-ffmpeg ships).

The frames are the steps that the run's history keeps (engine.history: every step of a short
run, an even thinning of a long one), and then the generator's result when it is not a step.
Each frame is drawn as the window draws it, with the config that made it, and rendered like a
PNG export (lvm_gui.export.render). The last frame is held for HOLD_S, so that a looping GIF
rests on the end of the run. Afterwards the panel shows again what it showed before.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from lvm_gui.export import ExportError, checked_path, render, write
from lvm_gui.formats import ANIMATION_SUFFIXES

if TYPE_CHECKING:
    from lvm_gui.panels.panel import ExperimentPanel

DEFAULT_FPS = 4.0
MAX_FPS = 60.0
HOLD_S = 2.0


def frames_of(
    panel: ExperimentPanel, widget: QWidget, width: int, background: str = "#FFFFFF"
) -> Iterator[np.ndarray]:
    """`widget` (the panel's figure or one of its plots) as RGB arrays, one for each kept step
    of the panel's run and its result, drawn in turn."""
    history = panel.history
    snaps = list(history)
    shown, shown_config = panel.pages.last_snapshot, panel.pages.shown_config
    if shown is not None and history.index_of(shown) is None:
        snaps.append(shown)  # the result: more than the last step (exact values, say)
    if not snaps:
        raise ExportError("nothing to animate yet: run the experiment first")
    try:
        for snap in snaps:
            made_with = history.config_of(snap) or shown_config or panel.config
            panel.pages.show(snap, made_with)
            panel.pages.finish()
            QApplication.sendPostedEvents()  # layouts that the frame changed settle
            yield _rgb(render(widget, width, background))
    finally:
        if shown is not None:
            panel.pages.show(shown, shown_config)
            panel.pages.finish()


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : 3 * image.width()].reshape(image.height(), image.width(), 3).copy()


def save_animation(
    frames: Iterable[np.ndarray],
    path: str | Path,
    fps: float = DEFAULT_FPS,
    text: Mapping[str, str] | None = None,
) -> tuple[Path, int]:
    """Write `frames` (RGB arrays of one size) to `path` as its suffix says, at `fps` frames a
    second, the last held HOLD_S; `text` (the figure's provenance) goes into the file's
    comment. Returns the path and the number of frames."""
    path = checked_path(path, ANIMATION_SUFFIXES, "animations")
    if not 0 < fps <= MAX_FPS:
        raise ExportError(f"fps = {fps:g}: allowed above 0 and up to {MAX_FPS:g}")
    comment = (text or {}).get("Command", "")
    if path.suffix.lower() == ".gif":
        data, count = _gif(frames, fps, comment)
    else:
        data, count = _mp4(frames, fps, comment)
    return write(path, data), count


def _gif(frames: Iterable[np.ndarray], fps: float, comment: str) -> tuple[bytes, int]:
    from PIL import Image  # imported on the first export, on the GUI thread

    # Each frame is kept as a palette image (a byte a pixel), not as RGB: a long run's frames
    # at slide width would otherwise take gigabytes. Pillow merges a frame identical to the one
    # before into it (a result drawn as its last step), adding up their durations.
    images = [Image.fromarray(frame).quantize(colors=256) for frame in frames]
    if not images:
        raise ExportError("no frames to write")
    step_ms = round(1000 / fps)
    durations = [step_ms] * (len(images) - 1) + [step_ms + round(1000 * HOLD_S)]
    out = BytesIO()
    images[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=durations,
        loop=0,
        comment=comment.encode("utf-8"),
    )
    return out.getvalue(), len(images)


def _mp4(frames: Iterable[np.ndarray], fps: float, comment: str) -> tuple[bytes, int]:
    import imageio_ffmpeg

    count = 0
    writer = None
    last = None
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "run.mp4"
        try:
            for frame in frames:
                frame = np.ascontiguousarray(_even(frame))  # yuv420p takes even sides
                if writer is None:
                    writer = imageio_ffmpeg.write_frames(
                        str(file),
                        (frame.shape[1], frame.shape[0]),
                        fps=fps,
                        codec="libx264",
                        pix_fmt_out="yuv420p",
                        macro_block_size=1,
                        output_params=["-metadata", f"comment={comment}"],
                    )
                    writer.send(None)
                writer.send(frame)
                last, count = frame, count + 1
            if writer is None:
                raise ExportError("no frames to write")
            for _ in range(round(HOLD_S * fps)):
                writer.send(last)
            writer.close()
        except (OSError, RuntimeError) as exc:  # ffmpeg's own failures
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ExportError(f"cannot encode the MP4 ({reason})") from None
        finally:
            if writer is not None:
                writer.close()
        return file.read_bytes(), count


def _even(frame: np.ndarray) -> np.ndarray:
    height, width = frame.shape[0] // 2 * 2, frame.shape[1] // 2 * 2
    return frame[:height, :width]
