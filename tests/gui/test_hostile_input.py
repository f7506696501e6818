"""Bad values typed into every control: one message naming what was typed, the value in force
shown again, the last good run kept, and no exception escaping a handler (pytest-qt fails a
test on any exception raised in a slot)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lvm_gui.panels import PANELS
from tests.gui.helpers import wait_drawn

HOSTILE = ["", "nan", "inf", "-1", "0", "1e12", "abc", "1,2", "1" + ",1" * 999]


def text_fields(panel):
    return [
        child
        for child in panel.parameters.children()
        if child.type() == "str" and child.opts.get("visible", True)
    ]


@pytest.mark.parametrize("panel_name", list(PANELS))
def test_every_text_field_takes_hostile_values_without_losing_the_run(qtbot, panel_name):
    panel = PANELS[panel_name]()
    qtbot.addWidget(panel)
    panel.show()
    for experiment in list(panel.experiments):
        if experiment != panel.experiment.name:
            panel.apply_preset(next(iter(panel.experiments[experiment].presets)))
        wait_drawn(qtbot, panel)
        for field in text_fields(panel):
            name = field.name()
            for text in HOSTILE:
                before = panel.config
                if field.value() == text:
                    continue  # no edit: nothing to say
                panel.clear_message()
                field.setValue(text)
                if panel.config is before:  # refused
                    assert panel.last_message is not None, (name, text)
                    kind, message = panel.last_message
                    assert kind == "error" and name in message, (name, text, message)
                    assert len(message) < 250 and "\n" not in message
                    assert field.value() == before.as_text()[name], (name, text)
                panel.controller.cancel()
            panel.apply_preset(panel.reset_preset)  # back to a good config for the next field
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
    (item,) = panel.parameters.child("q_mean").items
    editor = item.widget
    editor.selectAll()
    qtbot.keyClicks(editor, "")
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.config is before and "q_mean" in panel.last_message[1]
    assert editor.text() == before.as_text()["q_mean"]  # the value in force, shown again
    editor.selectAll()
    qtbot.keyClicks(editor, "1.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert panel.config.q_mean == (1.5,)
    assert panel.shutdown()
