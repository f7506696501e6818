"""Lessons (issue 23): the file format's every refusal, the answers read from the engine's
snapshots, never from the file, and the shipped lessons in the seeds' order."""

from __future__ import annotations

import pytest

from engine.lessons import answers, schema
from engine.lessons.schema import LessonError

IDS = [
    "em-never-goes-down",
    "three-coins-ridge",
    "naive-vs-importance",
    "jensen-and-iwae",
    "elbo-gap-is-kl",
    "kl-directions",
    "mean-field",
    "variational-learning",
    "score-vs-reparam",
    "vae-vs-ae-interpolation",
]

GOOD_STEP = """
[[steps]]
panel = "vi"
experiment = "kl-directions"
preset = "kl-bimodal"
text = "Fit q both ways."
"""


def write(tmp_path, text, name="lesson.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_ten_lessons_ship_in_the_seeds_order_each_of_four_to_eight_steps():
    lessons = [schema.load(path) for path in schema.shipped()]
    assert [lesson.id for lesson in lessons] == IDS
    for lesson in lessons:
        assert 4 <= len(lesson.steps) <= 8, lesson.id
        assert lesson.seeds and lesson.title
        assert any(step.prediction is not None for step in lesson.steps)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("title = 'x'\n[[steps]\n", "not TOML"),
        ("title = 'x'\n", "no steps"),
        ("[[steps]]\npanel = 'vi'\n", "title is missing"),
        ("title = 'x'\ncolour = 'red'\n" + GOOD_STEP, "unknown field 'colour'"),
        ("title = 'x'\n" + GOOD_STEP.replace('"vi"', '"nowhere"'), "unknown panel 'nowhere'"),
        (
            "title = 'x'\n" + GOOD_STEP.replace('"kl-directions"', '"race"'),
            "has no experiment 'race'",
        ),
        ("title = 'x'\n" + GOOD_STEP + "steps = -1\n", "steps must be a whole number"),
        ("title = 'x'\n" + GOOD_STEP + "set = { m = { a = 1 } }\n", "set.m: a number"),
        ("title = 'x'\n" + GOOD_STEP.replace('text = "Fit q both ways."', ""), "text is missing"),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'number'\n"
            "question = 'q?'\ntolerance = 1\n",
            "a prediction without a reveal",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'guess'\nquestion = 'q?'\n",
            "kind 'guess'",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'number'\nquestion = 'q?'\n"
            "[steps.reveal]\nvalue = 'forward_m'\nexplain = 'e'\n",
            "a number prediction needs tolerance",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'choice'\nquestion = 'q?'\n"
            "options = ['a']\n[steps.reveal]\nchoose = ['1']\npick = 'largest'\nexplain = 'e'\n",
            "at least two options",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'choice'\nquestion = 'q?'\n"
            "options = ['a', 'b']\n[steps.reveal]\nchoose = ['1']\npick = 'largest'\n"
            "explain = 'e'\n",
            "a choice of 2 options needs choose",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'choice'\nquestion = 'q?'\n"
            "options = ['a', 'b']\n[steps.reveal]\nchoose = ['1', '2']\npick = 'best'\n"
            "explain = 'e'\n",
            "pick 'best'",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'click'\nquestion = 'q?'\n"
            "radius = 1\n[steps.reveal]\nx = 'forward_m'\ny = 'forward_s'\nexplain = 'e'\n",
            "a click prediction needs plot",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'click'\nquestion = 'q?'\n"
            "radius = 1\nplot = 'density'\n[steps.reveal]\nx = 'forward_m'\nexplain = 'e'\n",
            "needs x and y",
        ),
        (
            "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'number'\nquestion = 'q?'\n"
            "tolerance = -1\n[steps.reveal]\nvalue = 'forward_m'\nexplain = 'e'\n",
            "tolerance must be a number > 0",
        ),
    ],
)
def test_a_malformed_lesson_is_one_line_naming_the_file_and_what_is_wrong(tmp_path, text, says):
    path = write(tmp_path, text, "bad.toml")
    with pytest.raises(LessonError) as error:
        schema.load(path)
    message = str(error.value)
    assert message.startswith("bad.toml") and says in message and "\n" not in message


def test_files_that_are_no_lessons_are_refused_in_one_line(tmp_path):
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00title")
    with pytest.raises(LessonError, match=r"binary\.toml: not text"):
        schema.load(binary)
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * (schema.MAX_FILE_BYTES + 10))
    with pytest.raises(LessonError, match=r"huge\.toml: .* bytes is no lesson file"):
        schema.load(huge)
    with pytest.raises(LessonError, match=r"missing\.toml: cannot read"):
        schema.load(tmp_path / "missing.toml")
    with pytest.raises(LessonError, match="unknown lesson 'no-such-lesson'"):
        schema.find("no-such-lesson")


def test_a_config_the_engine_refuses_is_a_problem_of_its_step(tmp_path):
    text = (
        "title = 'x'\n"
        + GOOD_STEP
        + GOOD_STEP.replace('preset = "kl-bimodal"', 'set = { posterior = "cubic" }')
    )
    lesson = schema.load(write(tmp_path, text, "refused.toml"))
    problems = answers.check(lesson)
    assert len(problems) == 1
    assert (
        problems[0].startswith("refused.toml, step 2 (kl-directions): ") and "cubic" in problems[0]
    )


def test_a_reveal_reads_the_engines_snapshot_not_the_file(tmp_path):
    text = (
        "title = 'x'\n" + GOOD_STEP + "[steps.prediction]\nkind = 'number'\nquestion = 'q?'\n"
        "tolerance = 0.5\nplot = 'density'\naxis = 'x'\n[steps.reveal]\nvalue = 'reverse_m'\n"
        "explain = 'm = {answer:.2f}'\n"
    )
    lesson = schema.load(write(tmp_path, text))
    (step,) = lesson.steps
    config, snapshot = answers.run_step(step)
    assert config.posterior == "bimodal"
    answer = answers.answer_of(step, snapshot)
    assert answer.value == snapshot.reverse_m and answer.explain == f"m = {snapshot.reverse_m:.2f}"
    assert answers.judged(step.prediction, answer, snapshot.reverse_m + 0.4)
    assert not answers.judged(step.prediction, answer, snapshot.reverse_m + 0.6)


def test_expressions_are_arithmetic_over_fields_and_nothing_more():
    fields = {"a": 2.0, "b": [1.0, 3.0], "runs": [{"p": 0.25}], "flag": True}
    assert answers.evaluate("a * b[1] - runs[0]['p'] + b[-1]", fields) == 8.75
    assert answers.evaluate("sqrt(abs(-a - 2)) + max(a, 5)", fields) == 7.0
    assert (
        answers.evaluate("a < 3 < 4", fields) is True and answers.evaluate("flag + 1", fields) == 2
    )
    for hostile in (
        "__import__('os').system('true')",
        "a.__class__",
        "(lambda: 1)()",
        "[x for x in b]",
        "open('/etc/passwd')",
        "9 ** 9 ** 9",
        "a / 0",
        "exp(1000)",
        "log(-a)",
    ):
        with pytest.raises(LessonError):
            answers.evaluate(hostile, fields)
    with pytest.raises(LessonError, match="no field 'c'; it has a, b, runs, flag"):
        answers.evaluate("c + 1", fields)
    with pytest.raises(LessonError, match="no item 5"):
        answers.evaluate("b[5]", fields)


def test_a_choice_is_the_option_its_expression_picks_and_a_click_is_judged_by_distance():
    choice = schema.Prediction("choice", "which?", options=("one", "two"))
    reveal = schema.Reveal("{answer} wins", choose=("a", "b"), pick="smallest")
    step = schema.Step("vi", "cavi", "t", prediction=choice, reveal=reveal)

    class Snap:
        def __init__(self, **fields):
            self.fields = fields

        def to_dict(self):
            return self.fields

    answer = answers.answer_of(step, Snap(a=2.0, b=1.0))
    assert answer.value == "two" and answer.explain == "two wins"
    assert answers.judged(choice, answer, "two") and not answers.judged(choice, answer, "one")
    click = schema.Prediction("click", "where?", plot="contours", radius=0.5)
    reveal = schema.Reveal("at ({x:.1f}, {y:.1f})", x="a", y="b")
    step = schema.Step("vi", "cavi", "t", prediction=click, reveal=reveal)
    answer = answers.answer_of(step, Snap(a=2.0, b=1.0))
    assert answer.value == (2.0, 1.0) and answer.explain == "at (2.0, 1.0)"
    assert answers.judged(click, answer, (2.3, 1.3)) and not answers.judged(
        click, answer, (2.4, 1.4)
    )


BILINGUAL = """title = 'Which q is wider?'
[zh_CN]
title = '哪个 q 更宽？'
[[steps]]
panel = "vi"
experiment = "kl-directions"
preset = "kl-bimodal"
text = "Fit q both ways."
[steps.zh_CN]
text = "在两个方向上拟合 q。"
[steps.prediction]
kind = "choice"
question = "Which q is wider?"
options = ["the covering one", "the seeking one"]
[steps.prediction.zh_CN]
question = "哪个 q 更宽？"
options = ["覆盖的", "寻找众数的"]
[steps.reveal]
choose = ["forward_s", "reverse_s"]
pick = "largest"
explain = "{answer} is wider."
[steps.reveal.zh_CN]
explain = "{answer}更宽。"
"""


def test_every_shipped_lesson_is_whole_in_chinese_with_the_englishs_numbers():
    for path in schema.shipped():
        lesson = schema.load(path)
        assert schema.languages(lesson) == ("zh_CN",), lesson.id
        chinese = schema.in_language(lesson, "zh_CN")
        assert chinese.title != lesson.title and chinese.id == lesson.id
        for english, said in zip(lesson.steps, chinese.steps, strict=True):
            assert said.text != english.text and said.experiment == english.experiment
            if english.prediction is not None:
                assert said.prediction.question != english.prediction.question
                assert len(said.prediction.options) == len(english.prediction.options)
                assert said.prediction.tolerance == english.prediction.tolerance
            if english.reveal is not None:
                assert said.reveal.value == english.reveal.value


def test_a_lesson_is_read_in_either_language_and_answers_in_it(tmp_path):
    lesson = schema.load(write(tmp_path, BILINGUAL))
    assert schema.in_language(lesson, "en") is lesson
    chinese = schema.in_language(lesson, "zh_CN")
    assert chinese.title == "哪个 q 更宽？" and chinese.steps[0].text == "在两个方向上拟合 q。"
    _, snapshot = answers.run_step(lesson.steps[0])
    english = answers.answer_of(lesson.steps[0], snapshot)
    said = answers.answer_of(chinese.steps[0], snapshot)
    assert english.value == "the covering one" and english.explain == "the covering one is wider."
    assert said.value == "覆盖的" and said.explain == "覆盖的更宽。"
    assert answers.judged(chinese.steps[0].prediction, said, "覆盖的")
    assert answers.check(lesson) == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            ('options = ["覆盖的", "寻找众数的"]', 'options = ["覆盖的"]'),
            "as many distinct options",
        ),
        (('explain = "{answer}更宽。"', 'explain = "更宽。"'), "puts in []"),
        (('[steps.zh_CN]\ntext = "在两个方向上拟合 q。"\n', ""), "step 1 has no zh_CN text"),
        (("[zh_CN]\ntitle = '哪个 q 更宽？'\n", ""), "zh_CN texts, but no title in it"),
        (("[steps.zh_CN]\n", "[steps.zh_CN]\ncolour = 'red'\n"), "unknown field 'colour'"),
    ],
)
def test_a_translation_that_does_not_match_the_english_is_refused(tmp_path, change, says):
    old, new = change
    assert old in BILINGUAL
    with pytest.raises(LessonError, match=r"^lesson\.toml") as refused:
        schema.load(write(tmp_path, BILINGUAL.replace(old, new)))
    assert says in str(refused.value) and "\n" not in str(refused.value)


def test_lesson_check_puts_the_answer_into_every_language(tmp_path):
    # {answer:.2f} of a label: the English step works, the Chinese one cannot format.
    text = BILINGUAL.replace('"{answer} is wider."', '"{answer} is wider."').replace(
        'explain = "{answer}更宽。"', 'explain = "{answer:.2f}更宽。"'
    )
    problems = answers.check(schema.load(write(tmp_path, text, "broken.toml")))
    assert len(problems) == 1
    assert problems[0].startswith("broken.toml, step 1 (kl-directions), zh_CN: explain:")
