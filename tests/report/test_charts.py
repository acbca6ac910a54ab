"""Charts: four deterministic SVGs with words for screen readers, no article text inside."""

from __future__ import annotations

import dataclasses
import re
from xml.etree import ElementTree

import pytest

from compare.model import CellStatus, Passage
from compare.report import charts
from compare.report.charts import make_charts

from sample_report import build_report


@pytest.fixture(scope="module")
def report():
    return build_report()


@pytest.fixture(scope="module")
def drawn(report):
    return make_charts(report)


def test_four_charts_in_reading_order(drawn):
    assert [c.id for c in drawn] == ["coverage", "similarity", "kinds", "timeline"]
    for chart in drawn:
        assert chart.title and chart.caption and chart.alt
        assert chart.svg.lstrip().startswith("<?xml")


def test_svg_bytes_are_identical_across_runs(report, drawn):
    assert [c.svg for c in make_charts(report)] == [c.svg for c in drawn]


def test_svg_has_no_date_and_keeps_text_as_text_in_the_bundled_font(drawn):
    for chart in drawn:
        assert "<dc:date>" not in chart.svg
        assert "<text" in chart.svg and "font-family: 'DejaVu Sans'" in chart.svg
        assert 'id="DejaVuSans-' not in chart.svg  # no glyphs drawn as paths


def test_svgs_stay_small_so_the_pdf_paints_them_fast(drawn):
    # Text as paths and a hatch pattern per cell made the matrix 250 KB and
    # cost seconds in WeasyPrint; one compound path per status keeps it small.
    assert sum(len(c.svg) for c in drawn) < 120_000
    coverage = drawn[0].svg
    assert coverage.count("<pattern") <= len(charts.CELL_STYLE)


@pytest.mark.parametrize(
    ("chart_id", "words"),
    [
        ("coverage", ["16 passages", "4 outlets", "outlet C", "omits 1"]),
        ("similarity", ["C and D 89%", "A and B 98%"]),
        ("kinds", ["A: Number discrepancy 2, Attribution change 2", "US/UK spelling 1"]),
        ("timeline", ["B published 10 Mar 2021", "15, 41", "Undated: D"]),
    ],
)
def test_alt_text_states_the_content_in_words(drawn, chart_id, words):
    alt = next(c.alt for c in drawn if c.id == chart_id)
    for word in words:
        assert word in alt


def test_charts_are_drawn_at_printed_size_with_8pt_text():
    assert charts._RC["font.size"] >= 8
    assert charts.LANDSCAPE_IN <= 10.5 and charts.PORTRAIT_IN <= 6.7


def test_hostile_outlet_label_is_escaped_text_in_the_svg():
    report = build_report(outlet_label='$x$ <script>alert(1)</script> "q" style=x &amp;')
    for chart in make_charts(report):
        assert "<script" not in chart.svg and 'style=x"' not in chart.svg
        ElementTree.fromstring(chart.svg.encode())  # still well-formed XML
    short = make_charts(build_report(outlet_label='<b>&amp;"q"'))[0].svg
    assert "&lt;b&gt;&amp;amp;" in short


def test_a_character_no_font_has_draws_without_repeating_warnings(recwarn):
    drawn = make_charts(build_report(outlet_label="Party \U0001f389 Post"))
    assert any("Party" in chart.svg for chart in drawn)
    assert not [w for w in recwarn if "missing from font" in str(w.message)]


def _many_passages(report, count: int):
    """The sample report stretched to ``count`` passages (cells repeated)."""
    base = report.alignment.passages
    passages = tuple(Passage(f"p{n + 1}", base[n % len(base)].cells) for n in range(count))
    cells = {
        aid: {
            f"p{n + 1}": row.get(base[n % len(base)].id, CellStatus.OMITTED) for n in range(count)
        }
        for aid, row in report.scores.cells.items()
    }
    return dataclasses.replace(
        report,
        alignment=dataclasses.replace(report.alignment, passages=passages),
        scores=dataclasses.replace(report.scores, cells=cells),
    )


def test_matrix_with_many_passages_stays_on_the_wide_page(report):
    chart = make_charts(_many_passages(report, 130))[0]
    width = float(re.search(r'width="([\d.]+)pt"', chart.svg).group(1))
    height = float(re.search(r'height="([\d.]+)pt"', chart.svg).group(1))
    assert width == pytest.approx(charts.LANDSCAPE_IN * 72)
    assert height < 7.3 * 72  # three bands of 60 columns fit a landscape A4 page
    assert "130 passages" in chart.alt
