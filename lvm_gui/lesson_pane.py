"""The lesson pane: a lesson's steps beside the panels (issue 23).

Each step sets its panel to the step's config and runs it to the step's `steps` (the plots
draw live). A step with a prediction waits for the student's answer (a choice, a number, or a
click on a named plot) before it runs; when the run reaches its step the pane reveals the
answer the engine computed (engine.lessons.answers) beside the student's, on the plot where it
lives: a line at their number and at the computed one, or a mark where they clicked and one at
the computed point. The panels stay usable throughout; the step reached is remembered.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engine.config import ConfigError
from engine.experiment import Snapshot
from engine.lessons import answers
from engine.lessons.schema import Lesson, LessonError, Step, in_language
from lvm_gui import i18n, lesson_texts
from lvm_gui import lesson_marks as marks
from lvm_gui import theme as themes
from lvm_gui.lesson_texts import text as texts
from lvm_gui.panels import view as views

YOURS, COMPUTED = themes.VERMILLION, themes.BLUE


class LessonPane(QDockWidget):
    """One lesson at a time; `window` is the MainWindow whose panels it drives."""

    revealed = Signal(object)  # the Answer, once a step's run has reached its step

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("lesson-pane")
        self.window_ = window
        self.lesson: Lesson | None = None  # in the window's language
        self.source: Lesson | None = None  # as read, every language in it
        self.index = 0
        self.given: Any = None  # the student's answer to this step's prediction
        self.answer: answers.Answer | None = None  # the engine's, once revealed
        self._panel = None
        self._target: int | None = None
        self._running = False
        self._marks: list[tuple[pg.PlotWidget, pg.GraphicsObject]] = []
        self._taken: pg.PlotWidget | None = None
        self._wired: set[int] = set()  # the panels whose signals reach the pane
        self._build()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title, self.where, self.question, self.click_hint, self.result = (
            _wrapped() for _ in range(5)
        )
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.question_box = QGroupBox()
        question_layout = QVBoxLayout(self.question_box)
        question_layout.addWidget(self.question)
        self.options = QButtonGroup(self)
        self.options_box = QVBoxLayout()
        question_layout.addLayout(self.options_box)
        self.number = QLineEdit()
        self.number.textChanged.connect(self._number_typed)
        question_layout.addWidget(self.number)
        question_layout.addWidget(self.click_hint)
        self.commit_button = QPushButton()
        self.commit_button.clicked.connect(self.commit)
        question_layout.addWidget(self.commit_button)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        buttons = QHBoxLayout()
        self.back_button, self.next_button, self.restart_button = (QPushButton() for _ in range(3))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.restart_button.clicked.connect(self.restart)
        for button in (self.back_button, self.next_button, self.restart_button):
            buttons.addWidget(button)
        for widget in (self.title, self.where):
            layout.addWidget(widget)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.question_box)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        body.setMinimumWidth(250)
        body.setMaximumWidth(340)
        self.setWidget(body)
        lesson_texts.wire(self)

    # --- public API -------------------------------------------------------------------------
    def open(self, lesson: Lesson, resume: bool = True) -> None:
        """Show `lesson` at the step reached last time (resume) or at its start."""
        self._leave()
        self.source, self.lesson = lesson, in_language(lesson, i18n.language())
        saved = int(QSettings().value(self._key(), 0) or 0) if resume else 0
        self.show()
        self.raise_()
        self.go(min(max(saved, 0), len(lesson.steps) - 1))

    def go(self, index: int) -> None:
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return
        self._leave()
        self.index = index
        QSettings().setValue(self._key(), index)
        self._enter(self.lesson.steps[index])

    def next(self) -> None:
        self.go(self.index + 1)

    def back(self) -> None:
        self.go(self.index - 1)

    def restart(self) -> None:
        self.go(0)

    def give(self, value: Any) -> None:
        """The student's answer: an option's label, a number, or a point (x, y)."""
        step = self.step
        if step is None or step.prediction is None or self._running or self.answer is not None:
            return
        kind = step.prediction.kind
        if kind == "choice":
            for button in self.options.buttons():
                button.setChecked(button.text() == value)
        elif kind == "number" and self.number.text() != str(value):
            self.number.setText(str(value))
            return  # _number_typed takes it from there
        elif kind == "click":
            self._clear_marks()
            self._mark(self._taken, value, YOURS, "you")
            self.click_hint.setText(f"{texts('you')}: ({value[0]:.3g}, {value[1]:.3g})")
        self.given = value
        self.commit_button.setEnabled(True)

    def commit(self) -> None:
        """Run the step (after the student's answer, where it asks for one)."""
        step = self.step
        if step is None or self._running or self.answer is not None:
            return
        if step.prediction is not None and self.given is None:
            return  # predict first
        for widget in (self.number, self.commit_button, *self.options.buttons()):
            widget.setEnabled(False)
        self._release_clicks()
        self._run(step)

    @property
    def step(self) -> Step | None:
        return None if self.lesson is None else self.lesson.steps[self.index]

    @property
    def right(self) -> bool | None:
        """Whether the student's answer was right (None before the reveal or without one)."""
        step = self.step
        if self.answer is None or step is None or step.prediction is None:
            return None
        return answers.judged(step.prediction, self.answer, self.given)

    # --- a step -----------------------------------------------------------------------------
    def _enter(self, step: Step) -> None:
        lesson = self.lesson
        self.title.setText(lesson.title)
        where = [str(self.index + 1), str(len(lesson.steps)), ", ".join(lesson.seeds)]
        self.where.setText(texts("where", *where))
        self.text.setMarkdown(step.text)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(lesson.steps) - 1)
        self.result.setText("")
        self.given, self.answer = None, None
        panel = self._panel = self.window_.panels[step.panel]
        self.window_.skip_start(panel)
        self.window_.show_panel(step.panel)
        try:
            config = answers.config_of(step)
        except (ConfigError, LessonError) as exc:  # refused by the engine: said, kept usable
            self._say_error(f"{lesson.name}, step {self.index + 1}: {exc}")
            self.question_box.hide()
            return
        if panel.experiment.name != step.experiment:
            panel.settings.switch(step.experiment, step.preset)
        panel.settings.choose(config, preset=None if step.sets else step.preset, start=False)
        prediction = step.prediction
        self.question_box.setVisible(prediction is not None)
        if prediction is None:
            self._run(step)
            return
        self.question.setText(prediction.question)
        # The last run's numbers would give the answer away: the next frame writes them again.
        panel.pages.status_line.setText(texts("waiting"))
        self._offer(step)

    def _offer(self, step: Step) -> None:
        prediction = step.prediction
        for button in self.options.buttons():
            self.options.removeButton(button)
            button.setParent(None)  # gone at once, not at the next turn of the event loop
            button.deleteLater()
        for label in prediction.options:
            button = QRadioButton(label)
            button.toggled.connect(lambda on, text=label: on and self.give(text))
            self.options.addButton(button)
            self.options_box.addWidget(button)
        self.number.setVisible(prediction.kind == "number")
        self.number.clear()
        self.number.setEnabled(True)
        self.click_hint.setVisible(prediction.kind == "click")
        if prediction.kind == "click":
            plot = self._plot(prediction.plot)
            if plot is None:
                return
            self._taken = plot
            views.CLICKS_TAKEN.add(id(plot))
            plot.scene().sigMouseClicked.connect(self._plot_clicked)
            title = plot.getPlotItem().titleLabel.text or prediction.plot
            self.click_hint.setText(texts("click", title))
        self.commit_button.setEnabled(False)

    def _number_typed(self, text: str) -> None:
        try:
            value = float(text.replace("−", "-"))
        except ValueError:
            value = math.nan
        if math.isfinite(value):
            self.given = value
            self.commit_button.setEnabled(True)
        else:
            self.given = None
            self.commit_button.setEnabled(False)

    def _plot_clicked(self, event) -> None:
        if self._taken is None:
            return
        point = views.point_clicked(self._taken, event)
        if point is not None:
            self.give(point)

    def _run(self, step: Step) -> None:
        panel = self._panel
        self._running = True
        self._target = step.steps
        if id(panel) not in self._wired:  # once a panel; the slots ignore other panels' runs
            self._wired.add(id(panel))
            panel.frame_drawn.connect(lambda snap, p=panel: self._drawn(p, snap))
            panel.controller.finished.connect(lambda snap, p=panel: self._ended(p, snap))
            panel.controller.snapshot_ready.connect(lambda snap, p=panel: self._arrived(p, snap))
            panel.controller.failed.connect(lambda text, p=panel: self._failed(p, text))
        panel.controller.start(panel.config, panel.experiment.generate)
        if step.steps is None:
            panel.controller.play()
        else:
            panel.controller.step()

    def _arrived(self, panel, snap) -> None:
        """One step at a time up to the target, so that the run stops exactly there."""
        target = self._target
        if panel is self._panel and self._running and target is not None and snap.step < target:
            panel.controller.step()

    def _drawn(self, panel, snap) -> None:
        step, target = self.step, self._target
        if panel is self._panel and not self._running and step.prediction and not self.answer:
            panel.pages.status_line.setText(texts("waiting"))  # a late frame of the step before
        if panel is self._panel and self._running and target is not None and snap.step >= target:
            self._running = False
            self._reveal(snap)

    def _ended(self, panel, result) -> None:
        """The run ended before its target or had none: its result (or last step) answers."""
        if panel is self._panel and self._running:
            self._running = False
            shown = result if isinstance(result, Snapshot) else panel.last_snapshot
            if shown is not None:
                self._reveal(shown)

    def _failed(self, panel, message: str) -> None:
        if panel is self._panel and self._running:
            self._say_error(message)

    def _reveal(self, snap) -> None:
        step = self.step
        try:
            self.answer = answers.answer_of(step, answers.as_read(snap))
        except LessonError as exc:
            self._say_error(f"{self.lesson.name}, step {self.index + 1}: {exc}")
            return
        if self.answer is None:
            return
        parts = []
        if step.prediction is not None:
            verdict = texts("right" if self.right else "off")
            parts.append(
                f"<span style='color:{YOURS}'>{texts('you')}: {_shown(self.given)}</span> · "
                f"<span style='color:{COMPUTED}'>{texts('computed')}: "
                f"{_shown(self.answer.value)}</span>"
                f" — {verdict}"
            )
            self._mark_answer(step)
        parts.append(self.answer.explain)
        self.result.setText("<br>".join(parts))
        self.revealed.emit(self.answer)

    def _mark_answer(self, step: Step) -> None:
        prediction = step.prediction
        plot = self._plot(prediction.plot) if prediction.plot else None
        if plot is None:
            return
        if prediction.kind == "click":
            self._mark(plot, self.answer.value, COMPUTED, "computed")
        elif prediction.kind == "number":
            for value, colour, name in (
                (self.given, YOURS, "you"),
                (self.answer.value, COMPUTED, "computed"),
            ):
                self._add(plot, marks.value_line(value, prediction.axis, colour, name))

    def _mark(self, plot, point, colour: str, name: str) -> None:
        if plot is not None:
            self._add(plot, marks.point_mark(point, colour, name))

    def _add(self, plot, item) -> None:
        item.setZValue(50)
        plot.getPlotItem().addItem(item, ignoreBounds=True)
        self._marks.append((plot, item))

    def _plot(self, name: str):
        plot = self._panel.view.plots().get(name) if self._panel is not None else None
        if not hasattr(plot, "getPlotItem"):  # a PlotWidget, or a plot with its colour bar
            self._say_error(f"{self.lesson.name}, step {self.index + 1}: no plot {name!r} here")
            return None
        return plot

    def _say_error(self, message: str) -> None:
        self._running = False
        self.result.setText(f"<span style='color:{themes.VERMILLION}'>{message}</span>")

    # --- leaving a step ---------------------------------------------------------------------
    def _leave(self) -> None:
        self._running = False
        self._release_clicks()
        self._clear_marks()

    def _release_clicks(self) -> None:
        if self._taken is not None:
            views.CLICKS_TAKEN.discard(id(self._taken))
            with contextlib.suppress(RuntimeError, TypeError):
                self._taken.scene().sigMouseClicked.disconnect(self._plot_clicked)
            self._taken = None

    def _clear_marks(self) -> None:
        for plot, item in self._marks:
            plot.getPlotItem().removeItem(item)
        self._marks = []

    def _key(self) -> str:
        return f"lessons/{self.lesson.id}/step"


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(f"{v:.4g}" for v in value) + ")"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _wrapped() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label
