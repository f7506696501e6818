"""The window in Simplified Chinese (issue 24, begun): Qt's catalogue is complete and compiled,
it lists every text of the engine the window shows, View > Language switches the window's
texts at once and is remembered, and the forms speak the language chosen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

import engine
from engine import experiment
from engine.config import ConfigError
from engine.lessons import schema
from lvm_gui import i18n
from lvm_gui.cli import main
from lvm_gui.flowing_page import TopicPages
from lvm_gui.i18n import collect, engine_words
from lvm_gui.main_window import MainWindow
from tests.gui.words import chinese_characters, english_words, widget_texts

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent


def messages(path: Path) -> dict[tuple[str, str, str | None], ET.Element]:
    tree = ET.parse(path)
    return {
        (context.findtext("name"), message.findtext("source"), message.findtext("comment")): (
            message.find("translation")
        )
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_the_catalogue_holds_every_marked_text_translated(tmp_path):
    fresh = tmp_path / "fresh_zh_CN.ts"
    shutil.copy(i18n.CATALOGUE, fresh)
    sources = sorted(str(p) for p in (ROOT / "lvm_gui").rglob("*.py"))
    done = subprocess.run(
        [
            str(TOOLS / "pyside6-lupdate"),
            *sources,
            "-locations",
            "none",
            "-no-obsolete",
            "-ts",
            str(fresh),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 new and" in done.stdout  # nothing marked in the code is missing from the .ts
    ours, scanned = messages(i18n.CATALOGUE), messages(fresh)
    assert set(scanned) == set(ours) and len(ours) > 20  # and nothing obsolete kept
    for key, translation in ours.items():
        assert translation.get("type") is None and translation.text, key  # none unfinished


def test_the_catalogue_lists_every_text_of_the_engine_the_window_shows():
    # Every experiment's title and presets, every parameter's name, description and choices,
    # every declared message: a parameter added to the engine fails here until it is listed
    # (make translations) and then in the test above until it is translated.
    assert collect.TARGET.read_text(encoding="utf-8") == collect.source()
    listed = collect.entries()
    for name, exp in engine.experiments().items():
        for info in exp.config_type.params():
            assert ("Parameter help", info.spec.help, f"{name}.{info.name}") in listed
    ours = messages(i18n.CATALOGUE)
    assert all(entry in ours for entry in listed)


def test_the_compiled_catalogue_is_the_catalogue(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(i18n.CATALOGUE), "-qm", str(compiled)],
        capture_output=True,
        check=True,
    )
    assert compiled.read_bytes() == i18n.CATALOGUE.with_suffix(".qm").read_bytes()


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    yield window
    i18n.use("en")
    window.close()


def test_view_language_switches_the_window_at_once_and_is_remembered(window):
    menus = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    tabs = lambda: [window.tabs.tabText(i) for i in range(window.tabs.count())]  # noqa: E731
    run = window.panels["em"].run_controls.buttons.run
    assert menus() == ["&File", "&View", "&Lessons", "&Help"] and run.text() == "Run"
    chinese = next(a for a in window.language_actions.actions() if a.text() == "简体中文")
    chinese.trigger()
    assert i18n.language() == "zh_CN" and QSettings().value("language") == "zh_CN"
    assert menus() == ["文件(&F)", "视图(&V)", "课程(&L)", "帮助(&H)"]
    assert tabs() == ["数据", "EM", "估计量", "ELBO 与变分推断", "VAE"]
    assert run.text() == "运行" and window.presentation_action.text() == "演示模式(&P)"
    assert i18n.chosen() == "zh_CN"  # the next start opens in Chinese
    status = [window.state_label.text(), window.seed_label.text(), window.device_label.text()]
    assert status[1] == "种子 0" and status[2].startswith("设备：")
    assert status[0].split("：")[1] in ("空闲", "就绪", "单步中", "运行中", "已暂停", "完成")
    controls = window.panels["em"].controls_column.widget()
    shown = " ".join(w.text() for w in controls.findChildren(QLabel))
    assert "预设" in shown and "延时（秒）" in shown and "历史" in shown
    window.open_lesson(schema.find("kl-directions"), resume=False)
    pane = window.lesson_pane
    assert pane.windowTitle() == "课程" and pane.commit_button.text() == "运行并揭晓"
    english = next(a for a in window.language_actions.actions() if a.text() == "English")
    english.trigger()
    assert menus()[0] == "&File" and tabs()[3] == "ELBO && VI" and run.text() == "Run"
    assert window.seed_label.text() == "seed 0" and pane.commit_button.text() == "Run and reveal"


def test_an_unknown_language_is_one_line(capsys):
    assert main(["--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--lang" in err and "zh_CN" in err


def form_texts(panel) -> list[str]:
    """Every text of the panel's model list, preset list and form: labels, tooltips, choices."""
    settings = panel.settings
    texts = [settings.model_box.toolTip(), settings.preset_box.toolTip()]
    texts += [settings.model_box.itemText(i) for i in range(settings.model_box.count())]
    texts += [settings.preset_box.itemText(i) for i in range(settings.preset_box.count())]
    for field in settings.form.parameters.children():
        texts += [field.title(), field.opts["tip"], *(field.opts.get("limits") or ())]
    return texts


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_form_speaks_the_window_language(window, language):
    i18n.use(language)
    found = {}
    for name, panel in window.panels.items():
        for index in range(panel.settings.model_box.count()):  # every experiment's form
            panel.settings.model_box.activated.emit(index)
            for text in form_texts(panel):
                stray = english_words(text) if language == "zh_CN" else chinese_characters(text)
                if stray:
                    found[f"{name}/{index}: {text}"] = stray
    assert found == {}


def test_a_refused_value_is_said_in_the_window_language(window, qtbot):
    settings = window.panels["em"].settings
    i18n.use("zh_CN")
    with qtbot.waitSignal(settings.refused) as refused:
        settings.form.parameters.child("iterations").setValue("-3")
    assert refused.args[0] == "迭代次数 = -3：太小；允许：整数 ≥ 1 且 ≤ 10^5"
    i18n.use("en")
    with qtbot.waitSignal(settings.refused) as refused:
        settings.form.parameters.child("iterations").setValue("abc")
    assert refused.args[0] == "iterations = 'abc': not an int"


def whole_window_texts(window, qtbot) -> dict[str, str]:
    """Every text of the window with every panel shown in turn, each of its experiments run
    (a few steps of the long ones) and each of its topic tabs shown: menus, forms, plots,
    status lines, "what you see", and a refused value's message."""
    found = {}
    for menu in window.menuBar().actions():
        found[f"menu {menu.text()}"] = menu.text()
        for action in menu.menu().actions():
            found[f"menu item {action.text()}"] = action.text()
    for name, panel in window.panels.items():
        window.show_panel(name)
        for index in range(panel.settings.model_box.count()):
            panel.settings.model_box.activated.emit(index)
            experiment = panel.settings.experiment.name
            panel.run_headless(3 if experiment in ("race", "vae") else None)
            page = panel.view.page
            for tab in range(page.count()) if isinstance(page, TopicPages) else [None]:
                if tab is not None:
                    page.setCurrentIndex(tab)
                    panel.redraw()
                    panel.pages.finish()
                # A text field's value is what the user typed, as the command line takes it.
                typed = {str(field.value()) for field in panel.settings.form.parameters}
                for where, text in widget_texts(window).items():
                    if text not in typed:
                        found[f"{experiment}: {where}"] = text
            found[f"{experiment}: status"] = panel.pages.status_line.text()
            found[f"{experiment}: what you see"] = panel.pages.explanation.text()
    settings = window.panels["em"].settings
    with qtbot.waitSignal(settings.refused) as refused:
        settings.form.parameters.child("iterations").setValue("0.5")
    found["refused"] = refused.args[0]
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_whole_window_speaks_one_language(window, qtbot, language):
    window.resize(1600, 1000)
    window.show()
    i18n.use(language)
    texts = whole_window_texts(window, qtbot)
    assert len(texts) > 500  # the walk saw the window, not an empty one
    stray = english_words if language == "zh_CN" else chinese_characters
    found = {where: (stray(text), text[:80]) for where, text in texts.items() if stray(text)}
    assert found == {}


def test_a_lesson_speaks_the_window_language_and_switches_with_it(window, qtbot):
    i18n.use("zh_CN")
    titles = [action.text() for action in window.lessons_menu.actions() if action.text()]
    assert "EM 从不下降" in titles and not any(english_words(t) for t in titles)
    window.open_lesson(schema.find("kl-directions"), resume=False)
    pane = window.lesson_pane
    assert pane.title.text() == "KL(p ‖ q) 对 KL(q ‖ p)：覆盖对寻找众数"
    assert "拟合" in pane.text.toPlainText() and pane.question.text().startswith("最小化")
    for label in (pane.title, pane.where, pane.question):
        assert not english_words(label.text()), label.text()
    pane.next()
    assert pane.index == 1
    i18n.use("en")  # the same step, begun again in English
    assert pane.index == 1 and pane.title.text().startswith("KL(p ‖ q) against")
    assert pane.question.text().startswith("Where is the mean m")
    assert not chinese_characters(pane.text.toPlainText())
    i18n.use("zh_CN")
    pane.give(0.0)
    with qtbot.waitSignal(pane.revealed, timeout=20_000) as revealed:
        pane.commit()
    assert (
        revealed.args[0].explain.startswith("m = ") and "p 自己的均值" in revealed.args[0].explain
    )


def test_an_experiments_own_refusal_is_said_in_the_window_language(window, qtbot):
    # Refused by the data experiment's validate (weights against each other), not by a
    # value's own bounds: its template too is in the catalogue.
    settings = window.panels["data"].settings
    i18n.use("zh_CN")
    with qtbot.waitSignal(settings.refused) as refused:
        settings.form.parameters.child("weights").setValue("0.2, 0.2")
    said = refused.args[0]
    assert said.startswith("权重 = ") and "之和为 0.4，不是 1" in said, said
    assert not english_words(said)
    i18n.use("en")
    with qtbot.waitSignal(settings.refused) as refused:
        settings.form.parameters.child("weights").setValue("0.2, 0.2")
    assert refused.args[0].startswith("weights = ") and "sum to 0.4, not 1" in refused.args[0]


def test_every_refusal_of_the_engine_has_a_template_the_window_translates():
    # A ConfigError made from a bare string would reach the Chinese window in English.
    bare = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, node in collect.engine_calls("ConfigError")
        if len(node.args) < 3  # refusal's own passes the template and fields
    ]
    assert bare == []
    listed = {text for context, text, _ in collect.entries() if context == "Message"}
    assert len(listed) > 100 and set(collect.refusals()) <= listed


def test_a_refusal_with_a_refusal_inside_is_said_whole_in_the_window_language(window):
    # window: the application whose translators i18n.use installs.
    def refused(experiment_name, **values):
        config_type = experiment.get(experiment_name).config_type
        with pytest.raises(ConfigError) as caught:
            config_type.from_strings(values)
        return caught.value

    recipe = refused("gmm", data='data:{"n": -5}')  # the data panel's refusal inside
    far_q = refused("vi-gauss", posterior="skewed", s="40")  # the skewed ELBO's own reason
    i18n.use("zh_CN")
    for said in (engine_words.message(recipe), engine_words.message(far_q)):
        assert not english_words(said), said
    assert engine_words.message(recipe) == "数据：n，样本数 = -5：太小；允许：整数 ≥ 1 且 ≤ 10^6"
    assert "偏斜模型的证据下界" in engine_words.message(far_q)
    i18n.use("en")
    assert engine_words.message(recipe) == "data: n = -5: too small; allowed: int >= 1 and <= 10^6"
