"""Figures and animations to take away: each format opened by its own reader, the figure
without the controls, slide shapes, one animation frame a step, the same bytes for a seed."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage

from engine import experiment as experiments
from lvm_gui import i18n, svg_strokes, svg_text
from lvm_gui.cli import main

SVG = "{http://www.w3.org/2000/svg}"


def export(capsys, *args):
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_svg_is_vector_and_draws_the_same_in_every_program(capsys, tmp_path, qapp):
    path = tmp_path / "em.svg"
    code, _, err = export(capsys, "em", "--steps", "4", "--out", str(path))
    assert code == 0, err
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    shapes = [e for e in root.iter() if e.tag in (f"{SVG}path", f"{SVG}polyline")]
    texts = "".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))
    assert len(shapes) > 100 and "EM's surrogates" in texts and "half-step" in texts
    assert "lvm-gui export em" in root.find(f"{SVG}desc").text
    # No stroke that only a browser draws right: nothing that keeps its pen one pixel wide
    # sits inside a group that scales it (cairo would widen the pen with the data).
    parents = {child: parent for parent in root.iter() for child in parent}
    for shape in shapes:
        if shape.get("vector-effect") == "non-scaling-stroke":
            node = shape
            while node in parents:
                node = parents[node]
                assert "transform" not in node.attrib
    # Pictures are pictures (the heatmap, the colour bar); markers are shapes, not the
    # screen's small stamps of them.
    sides = [min(float(e.get("width")), float(e.get("height"))) for e in root.iter(f"{SVG}image")]
    assert sides and min(sides) >= 1 and not [s for s in sides if 1 < s < 24]


def test_a_pdf_is_one_page_of_the_figures_shape(capsys, tmp_path, qapp):
    path = tmp_path / "vi.pdf"
    code, _, err = export(capsys, "vi", "--size", "4:3", "--out", str(path))
    assert code == 0, err
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 1
    (box,) = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert float(box[0]) / float(box[1]) == pytest.approx(4 / 3, rel=0.01)


def test_the_figure_has_the_plots_and_not_the_controls(qtbot, make_panel, tmp_path):
    from lvm_gui import export as exports

    panel = make_panel("em")
    panel.run_headless(3)
    figure = panel.export_targets()["panel"]
    assert figure is panel.pages.stack.currentWidget()
    assert not figure.isAncestorOf(panel.settings.form.tree)
    assert not figure.isAncestorOf(panel.run_controls.buttons.run)
    path = exports.save_figure(figure, tmp_path / "em.png", 1200, exports.figure_text(panel))
    image = QImage(str(path))
    assert image.width() == 1200
    assert image.height() == round(figure.height() * 1200 / figure.width())
    assert abs(image.height() / image.width() - panel.height() / panel.width()) > 0.05


@pytest.mark.parametrize(("size", "shape"), [("16:9", (1600, 900)), ("1000x1000", (1600, 1600))])
def test_size_gives_a_slides_shape(capsys, tmp_path, qapp, size, shape):
    path = tmp_path / "race.png"
    code, _, err = export(capsys, "estimators", "--size", size, "--out", str(path))
    assert code == 0, err
    image = QImage(str(path))
    assert (image.width(), image.height()) == shape


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--size", "16:10"], "--size '16:10'"),
        (["--size", "20x20"], "200 to 4000"),
        (["--out", "x.jpg"], "the suffix names the format"),
        (["--out", "x.gif", "--fps", "0"], "fps = 0"),
    ],
)
def test_bad_export_options_are_one_line(capsys, tmp_path, qapp, args, says):
    out = ["--out", str(tmp_path / "x.png")] if "--out" not in args else []
    if "--out" in args:
        args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    code, _, err = export(capsys, "data", *out, *args)
    assert code == 2 and says in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def data_run_frames() -> int:
    """How many frames the Data panel's seed-003 run gives: every step, then its result."""
    experiment = experiments.get("data")
    run = experiments.Run(experiment.config("seed-003"), experiment.generate)
    snaps = list(run.until(None))
    run.close()
    return len(snaps) + (run.result is not None and run.result is not snaps[-1])


def test_a_gif_is_the_run_a_frame_a_step_and_the_same_for_a_seed(capsys, tmp_path, qapp):
    paths = [tmp_path / "a.gif", tmp_path / "b.gif"]
    for path in paths:
        code, _, err = export(capsys, "data", "--out", str(path), "--fps", "5", "--width", "400")
        assert code == 0, err
    assert paths[0].read_bytes() == paths[1].read_bytes()  # deterministic for a seed
    gif = Image.open(paths[0])
    expected = data_run_frames()
    assert expected - 1 <= gif.n_frames <= expected and gif.n_frames >= 10 and gif.size[0] == 400
    assert b"lvm-gui export data" in gif.info["comment"]
    frames, durations = [], []
    for index in range(gif.n_frames):
        gif.seek(index)
        frames.append(np.asarray(gif.convert("RGB"), dtype=np.int16))
        durations.append(gif.info["duration"])
    # The draws fill in step by step; a frame the same as the one before (the result drawn as
    # the last step) is merged into it, its time added: every step's time is there.
    assert all(np.abs(a - b).mean() > 0.01 for a, b in itertools.pairwise(frames))
    assert durations[0] == 200 and sum(durations) == expected * 200 + 2000  # the end held 2 s


def test_an_mp4_is_the_run_then_the_end_held(capsys, tmp_path, qapp):
    import imageio_ffmpeg

    path = tmp_path / "run.mp4"
    code, _, err = export(capsys, "data", "--out", str(path), "--fps", "4", "--width", "401")
    assert code == 0, err
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    frames = sum(1 for _ in reader)
    assert meta["fps"] == 4 and meta["size"][0] == 400  # even sides, as the codec needs
    assert frames == data_run_frames() + 2 * 4


def test_plain_strokes_bakes_a_scaled_stroke_and_moves_the_rest():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        b'<g transform="matrix(10,0,0,-20,5,90)">'
        b'<path vector-effect="non-scaling-stroke" d="M0,0 L1,2 C2,3 3,3 4,4"/>'
        b'<polyline vector-effect="non-scaling-stroke" points="0,0 1,1 "/>'
        b'<text x="1" y="2">a</text></g>'
        b'<g clip-path="url(#c)" transform="matrix(2,0,0,2,0,0)"><path d="M0,0 L1,1"/></g>'
        b"</svg>"
    )
    root = ET.fromstring(svg_strokes.plain_strokes(svg))
    group, clipped = root.findall(f"{SVG}g")
    assert "transform" not in group.attrib
    path, polyline, text = list(group)
    assert path.get("d") == "M5,90 L15,50 C25,30 35,30 45,10"
    assert polyline.get("points") == "5,90 15,70"
    assert text.get("transform") == "matrix(10,0,0,-20,5,90)"
    assert clipped.get("transform") == "matrix(2,0,0,2,0,0)"  # its clip is in its own space


def test_seed_003s_table_exports_as_csv_and_latex_with_the_digits_shown(capsys, tmp_path, qapp):
    import csv

    csv_path, tex_path = tmp_path / "table.csv", tmp_path / "table.tex"
    for path in (csv_path, tex_path):
        code, _, err = export(
            capsys, "em", "--preset", "seed-003-table", "--target", "table", "--out", str(path)
        )
        assert code == 0, err
    rows = list(csv.reader(csv_path.open(encoding="utf-8")))
    assert rows[0] == ["", "Iter 0", "Iter 1", "Iter 2", "Iter 3", "Iter 4", "max ℓ̄ (ô = 0.367)"]
    assert len(rows) == 10 and rows[1][0] == "(0.15, 0.85, 0.25)"
    assert [row[1] for row in rows[1:4]] == ["-0.65894", "-0.65757", "-0.65735"]
    assert {cell for row in rows[1:] for cell in row[2:]} == {"-0.65734"}
    tex = tex_path.read_text(encoding="utf-8")
    assert r"\begin{tabular}{lrrrrrr}" in tex and tex.count(r" \\") == 10
    assert r"max $\bar{\ell}$ ($\hat{o}$ = 0.367)" in tex and "$-0.65894$" in tex
    assert "% Command: lvm-gui export em --preset seed-003-table --target table" in tex


def test_only_a_table_is_written_as_csv(capsys, tmp_path, qapp):
    code, _, err = export(capsys, "em", "--out", str(tmp_path / "surface.csv"))
    assert code == 2 and "only a table is written as .csv" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_svg_cuts_every_curve_and_point_to_its_plot_and_gives_them_back(make_panel):
    from lvm_gui import svg_clip

    panel = make_panel("estimators")
    panel.run_headless(None)  # the naive chains jump far above and below the view
    plot = panel.view.estimates_plot
    item = plot.getPlotItem()
    curves = [c.curve for c in item.listDataItems() if c.isVisible()]
    before = [c.getData() for c in curves]
    rect = item.getViewBox().viewRect()

    def outside(x, y):
        keep = np.isfinite(x) & np.isfinite(y)
        x, y = x[keep], y[keep]
        return np.count_nonzero(
            (x < rect.left()) | (x > rect.right()) | (y < rect.top()) | (y > rect.bottom())
        )

    assert sum(outside(*data) for data in before) > 0
    with svg_clip.clipped_to_views(plot):
        assert sum(outside(*c.getData()) for c in curves) == 0
    for curve, (x, y) in zip(curves, before, strict=True):
        np.testing.assert_array_equal(curve.getData()[0], x)
        np.testing.assert_array_equal(curve.getData()[1], y)


def test_a_drag_handle_is_left_out_of_the_figure(make_panel, tmp_path):
    from lvm_gui import export as exports

    panel = make_panel("vi")
    panel.run_headless(None)
    plot, handle = panel.view.density_plot, panel.view.handle
    assert handle.isVisible()
    text = exports.figure_text(panel, "density")
    with_handle = exports.save_figure(plot, tmp_path / "a.png", 800, text)
    handle.setVisible(False)
    without = exports.save_figure(plot, tmp_path / "b.png", 800, text)
    handle.setVisible(True)
    assert QImage(str(with_handle)) == QImage(str(without))
    assert handle.isVisible()  # given back to the window


@pytest.fixture
def back_to_english():
    yield
    i18n.use("en")


def test_a_chinese_svg_draws_its_words_as_outlines_and_a_pdf_embeds_them(
    capsys, tmp_path, qapp, back_to_english
):
    svg, pdf = tmp_path / "em.svg", tmp_path / "em.pdf"
    for path in (svg, pdf):
        code, _, err = export(capsys, "em", "--steps", "2", "--lang", "zh_CN", "--out", str(path))
        assert code == 0, err
    root = ET.parse(svg).getroot()
    # No <text> that a machine without a Chinese font would draw as boxes: glyph outlines.
    assert not list(root.iter(f"{SVG}text"))
    glyphs = [e for e in root.iter(f"{SVG}path") if e.get("stroke") == "none" and "C" in e.get("d")]
    assert len(glyphs) > 50
    data = pdf.read_bytes()
    fonts = re.findall(rb"/FontName\s*/\w+\+([\w-]+)", data)
    assert fonts and len(re.findall(rb"/FontFile2?\b", data)) >= len(fonts)  # all embedded
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert {f.decode() for f in fonts} & {family.replace(" ", "") for family in chinese}


def test_outlines_take_the_place_and_size_of_their_text(qapp):
    svg = (
        f'<svg xmlns="{SVG[1:-1]}"><g><text x="10" y="30" font-family="Sans Serif" '
        'font-size="20" transform="matrix(1,0,0,1,5,0)" fill="#123456">均值 μ</text>'
        '<text x="0" y="0">kept</text></g></svg>'
    ).encode()
    root = ET.fromstring(svg_text.outlined_text(svg))
    word, latin = root.iter(f"{SVG}path")  # with Chinese in it, every word is outlined
    assert latin.get("d").startswith("M")
    assert word.get("transform") == "matrix(1,0,0,1,5,0)" and word.get("fill") == "#123456"
    xs = [float(v) for v in re.findall(r"[-\d.]+", word.get("d"))[0::2]]
    ys = [float(v) for v in re.findall(r"[-\d.]+", word.get("d"))[1::2]]
    font = QFont("Sans Serif")
    font.setPixelSize(20)
    width = QFontMetrics(font).horizontalAdvance("均值 μ")
    assert 10 <= min(xs) < 13 and max(xs) == pytest.approx(10 + width, abs=3)
    assert 10 < min(ys) < max(ys) <= 36  # glyphs above the baseline at y = 30, a descent below
    # An SVG without Chinese keeps its words as text (editable, searchable).
    latin = svg.replace("均值 μ".encode(), b"mean")
    assert svg_text.outlined_text(latin) == latin
