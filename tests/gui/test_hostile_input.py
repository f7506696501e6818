"""Bad values typed into every control: one message naming what was typed, the value in force
shown again, the last good run kept, and no exception escaping a handler (pytest-qt fails a
test on any exception raised in a slot)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lvm_gui.experiment_thread import LIVE_THREADS
from lvm_gui.panels import PANELS
from tests.gui.helpers import wait_drawn

HOSTILE = ["", "nan", "inf", "-1", "0", "1e12", "abc", "1,2", "1" + ",1" * 999]


def text_fields(panel):
    return [
        child
        for child in panel.settings.form.parameters.children()
        if child.type() == "str" and child.opts.get("visible", True)
    ]


@pytest.mark.parametrize("panel_name", list(PANELS))
def test_every_text_field_takes_hostile_values_without_losing_the_run(qtbot, panel_name):
    panel = PANELS[panel_name]()
    qtbot.addWidget(panel)
    panel.show()
    for experiment in list(panel.settings.experiments):
        if experiment != panel.experiment.name:
            panel.apply_preset(next(iter(panel.settings.experiments[experiment].presets)))
        wait_drawn(qtbot, panel)
        for field in text_fields(panel):
            name = field.name()
            for text in HOSTILE:
                before = panel.config
                if field.value() == text:
                    continue  # no edit: nothing to say
                panel.messages.clear()
                field.setValue(text)
                if panel.config is before:  # refused
                    assert panel.messages.last is not None, (name, text)
                    kind, message = panel.messages.last
                    assert kind == "error" and name in message, (name, text, message)
                    assert len(message) < 250 and "\n" not in message
                    assert field.value() == before.as_text()[name], (name, text)
                panel.controller.cancel()
            panel.apply_preset(
                panel.settings.reset_preset
            )  # back to a good config for the next field
            wait_drawn(qtbot, panel)
    assert panel.shutdown()


def test_keystrokes_in_a_field_are_validated_like_any_edit(qtbot):
    """Typed as a user types: select the field's text, type, press Return."""
    panel = PANELS["estimators"]()
    qtbot.addWidget(panel)
    panel.show()
    panel.apply_preset("curve1d")
    wait_drawn(qtbot, panel)
    before = panel.config
    (item,) = panel.settings.form.parameters.child("q_mean").items
    editor = item.widget
    editor.selectAll()
    qtbot.keyClicks(editor, "")
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.config is before and "q_mean" in panel.messages.last[1]
    assert editor.text() == before.as_text()["q_mean"]  # the value in force, shown again
    editor.selectAll()
    qtbot.keyClicks(editor, "1.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.config.q_mean == (1.5,)
    assert panel.shutdown()


def resident_mib() -> float:
    """This process's resident memory (Linux's /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="resident memory from /proc")
def test_switching_presets_and_models_while_training_stops_every_old_run(qtbot):
    """A preset chosen every moment while the VAE panel trains, then its model ten times: each
    old run stops within a batch (no thread left computing beside the new one), the newest run
    draws, and the process does not grow (it grew 620 to 956 MB over such a session)."""
    from lvm_gui.panels.vae import VAEPanel

    panel = VAEPanel()
    qtbot.addWidget(panel)
    panel.resize(1400, 860)
    panel.show()
    shown = []
    panel.controller.snapshot_ready.connect(shown.append)
    panel.controller.finished.connect(shown.append)

    def switched(change) -> None:
        before = len(shown)
        change()
        if panel.controller.state != "running":
            panel.controller.toggle()  # Run pressed, as a user would: training goes on
        qtbot.waitUntil(lambda: len(shown) > before, timeout=60000)  # the new run has begun
        running = [thread for thread in list(LIVE_THREADS) if thread.isRunning()]
        assert len(running) <= 1, f"{len(running)} workers computing after {panel.settings.preset}"

    presets = ["digits-vae", "digits-ae", "poles-vae", "pole-and-shadow", "digits", "poles"]
    memory = []
    for switch in range(20):
        preset = presets[switch % len(presets)]
        switched(lambda preset=preset: panel.apply_preset(preset))
        if preset == "digits-ae":  # the same light run each round: where the memory is compared
            memory.append(resident_mib())
    for _ in range(10):
        index = (panel.settings.model_box.currentIndex() + 1) % panel.settings.model_box.count()
        switched(lambda index=index: panel.settings.model_box.activated.emit(index))
    assert panel.experiment.name == "vae"  # ten switches from interpolate: back to vae
    wait_drawn(qtbot, panel)
    assert panel.last_snapshot is not None and panel.controller.state in ("running", "done")
    assert panel.shutdown()
    first_warm, last = memory[1], memory[-1]
    assert last <= 1.10 * first_warm, f"resident memory {first_warm:.0f} -> {last:.0f} MiB"


def lying_image_files(folder: Path):
    """(name, path, what the message says) for every kind of image file that lies."""
    import gzip

    import numpy as np

    from tests.engine.test_image_files import corrupt_files, idx

    yield from corrupt_files(folder)
    arrays = {
        "a pickled npz": (dict(x=np.array([object()] * 20, dtype=object)), "no pickled objects"),
        "NaN pixels": (dict(x=np.full((20, 4, 4), np.nan)), "NaN"),
        "labels of another length": (dict(x=np.zeros((20, 4, 4)), labels=np.arange(7)), "7 labels"),
    }
    for name, (content, message) in arrays.items():
        path = folder / f"{name.replace(' ', '_')}.npz"
        np.savez(path, **content)
        yield name, path, message
    images = folder / "t10k-images-idx3-ubyte.gz"  # MNIST's names: the labels beside it lie
    images.write_bytes(gzip.compress(idx(np.zeros((20, 8, 8)))))
    (folder / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx(np.zeros(12))))
    yield "labels beside, of another length", images, "12 labels for 20 images"


def test_every_lying_file_in_the_vae_panels_file_fields_is_one_line(qtbot, tmp_path):
    """Image files that lie in `dataset`, weights that lie in `load` and `vae_file`, and a
    5,000-character path in every file field: one line each, naming the file or the field,
    and the last good picture stays."""
    import re

    import numpy as np

    from engine.assets import SHIPPED_DIGITS_MODELS
    from lvm_gui.panels.vae import VAEPanel
    from tests.faults import weights_set_to

    panel = VAEPanel()
    qtbot.addWidget(panel)
    panel.show()

    def shown_first_step(preset: str):
        with qtbot.waitSignals([panel.controller.snapshot_ready], timeout=30000):
            panel.apply_preset(preset)
        return wait_drawn(qtbot, panel)

    before = shown_first_step("digits-vae")

    def refused_at_run(field: str, path: Path, says: str) -> None:
        with qtbot.waitSignal(panel.controller.failed, timeout=20000):
            panel.set_params(**{field: str(path)})
        kind, message = panel.messages.last
        assert kind == "error" and "\n" not in message and len(message) < 250, (path, message)
        assert path.name[:20] in message and re.search(says, message), (path, message)
        assert panel.last_snapshot is before

    for _name, path, says in lying_image_files(tmp_path):
        refused_at_run("dataset", path, says)
    before = shown_first_step("digits-vae")
    text = tmp_path / "notes.pt"
    text.write_text("not weights")
    refused_at_run("load", text, "not a weights file")
    nan = weights_set_to(SHIPPED_DIGITS_MODELS["vae"], np.nan, tmp_path / "nan-weights.pt")
    refused_at_run("load", nan, "its weights are not finite")

    long_path = "/tmp/" + "x" * 5000 + ".pt"
    for preset, fields in (
        ("digits-vae", ("dataset", "save", "load")),
        ("digits-shipped", ("vae_file", "ae_file")),
    ):
        panel.apply_preset(preset)
        for field in fields:
            config = panel.config
            panel.set_params(**{field: long_path})
            kind, message = panel.messages.last
            assert panel.config is config and kind == "error" and field in message
            assert len(message) < 250 and "\n" not in message and "5,0" in message
    panel.set_params(vae_file=str(nan))
    panel.controller.step()
    with qtbot.waitSignal(panel.controller.failed, timeout=20000):
        pass
    assert "its weights are not finite" in panel.messages.last[1]
    assert panel.shutdown()
