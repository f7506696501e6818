"""The lesson pane walked as a student would, through its public API (issue 23): each step sets
its panel, a prediction waits for an answer, the reveal shows the engine's number beside it."""

from __future__ import annotations

import numpy as np
import pytest

from engine.lessons import answers, schema
from lvm_gui.main_window import MainWindow
from lvm_gui.panels import view as views


@pytest.fixture
def window(qtbot):
    window = MainWindow(panel="em")
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    yield window
    window.close()


def walk(qtbot, pane, index: int, given=None):
    """Go to step `index`, answer its prediction with `given`, and wait for the reveal."""
    pane.go(index)
    step = pane.step
    if step.prediction is None:
        if step.reveal is not None:
            qtbot.waitUntil(lambda: pane.answer is not None, timeout=60000)
        return
    assert pane.answer is None and not pane.commit_button.isEnabled()  # predict first
    pane.commit()  # nothing given: nothing runs
    assert pane.answer is None
    with qtbot.waitSignal(pane.revealed, timeout=60000):
        pane.give(given)
        pane.commit()


def test_a_whole_lesson_reveals_the_engines_answers_beside_the_students(qtbot, window):
    lesson = schema.load(schema.find("em-never-goes-down"))
    window.open_lesson(lesson, resume=False)
    pane = window.lesson_pane
    em = window.panels["em"]
    given = {1: (-1.0, 1.2), 2: 0.38, 3: (0.0, 0.0), 4: -2.0}
    for index, step in enumerate(lesson.steps):
        walk(qtbot, pane, index, given.get(index))
        assert window.current_panel is em and em.experiment.name == step.experiment
        _, engine_snapshot = answers.run_step(step)
        want = answers.answer_of(step, engine_snapshot)
        assert pane.answer.value == pytest.approx(want.value)  # the engine's number, shown
        assert pane.answer.explain in pane.result.text()
        if step.prediction is not None:
            assert pane.right == answers.judged(step.prediction, want, given[index])
            assert "you:" in pane.result.text() and "computed:" in pane.result.text()
    # The click steps marked the student's point and the computed one on the surface.
    pane.go(1)
    surface = em.view.plots()["surface"]
    assert id(surface) in views.CLICKS_TAKEN  # the surface's clicks answer, not restart EM
    with qtbot.waitSignal(pane.revealed, timeout=60000):
        pane.give((-1.0, 1.2))
        pane.commit()
    assert id(surface) not in views.CLICKS_TAKEN
    marks = [item for plot, item in pane._marks if plot is surface]
    points = sorted(
        tuple(np.round(m.getData()[0].tolist() + m.getData()[1].tolist(), 4)) for m in marks
    )
    assert points == sorted([(-1.0, 1.2), tuple(np.round(pane.answer.value, 4))])
    # The step reached is remembered; Restart goes back to the start.
    window.open_lesson(lesson)
    assert pane.index == 1
    pane.restart()
    assert pane.index == 0 and not pane.back_button.isEnabled()
    assert em.controller.shutdown()


def test_a_number_answer_is_a_line_at_it_on_its_plot_and_text_is_refused(qtbot, window):
    lesson = schema.load(schema.find("kl-directions"))
    window.open_lesson(lesson, resume=False)
    pane = window.lesson_pane
    pane.number.setText("not a number")
    assert pane.given is None and not pane.commit_button.isEnabled()
    pane.number.setText("nan")
    assert pane.given is None
    with qtbot.waitSignal(pane.revealed, timeout=60000):
        pane.give(-3.5)
        pane.commit()
    density = window.panels["vi"].view.plots()["density"]
    lines = sorted(item.value() for plot, item in pane._marks if plot is density)
    assert lines == sorted([-3.5, pane.answer.value]) and pane.right


def test_every_lessons_plots_exist_where_its_steps_ask(window):
    for path in schema.shipped():
        lesson = schema.load(path)
        for step in lesson.steps:
            if step.prediction is not None and step.prediction.plot is not None:
                view = window.panels[step.panel].pages.view_of[step.experiment]
                assert step.prediction.plot in view.plots(), (lesson.id, step.experiment)


def test_a_file_that_is_no_lesson_is_one_line_and_the_window_goes_on(tmp_path, window):
    bad = tmp_path / "broken.toml"
    bad.write_text("title = 'x'\n[[steps]]\npanel = 'nowhere'\n", encoding="utf-8")
    window.open_lesson(str(bad))
    message = window.lesson_pane.result.text()
    assert (
        message.startswith("broken.toml, step 1: unknown panel 'nowhere'") and "\n" not in message
    )
    assert window.lesson_pane.lesson is None
    window.open_lesson(schema.find("mean-field"), resume=False)
    assert window.lesson_pane.lesson.id == "mean-field"
