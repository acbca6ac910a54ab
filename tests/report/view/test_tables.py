"""view_tables: page 1's key tables, clipped, linked to findings, and left out when empty."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser import DESKTOP, PHONE, chromium, needs_browser
from compare.model import FigureCell, KeyFigure, SaysCell, SaysRow, Span
from compare.report.html import render_html
from compare.report.view.build import build_view
from compare.report.view.page_one import print_rows
from compare.report.view.tables import PRINT_ROWS, cell_chars, figures_table, says_table
from compare.util.options import Options

from sample_report import build_report

IDS = ("a", "b")
LONG_CLAIM = "The regional council voted to close the old harbour bridge " * 4


def _common(outlets):
    return {
        "ids": IDS,
        "outlets": outlets,
        "published": {"a": "2021-03-09", "b": None},
        "anchors": {"f1": "finding-1-f1"},
        "limit": 120,
    }


@pytest.fixture(scope="module")
def view():
    return build_view(build_report(), (), options=Options())


@pytest.fixture(scope="module")
def outlets(view):
    return view.outlets[:2]


def _figure(aid: str, text: str, unit: str | None = None) -> FigureCell:
    return FigureCell(text, "exact", unit, 1.0, 1.0, None, Span(aid, 0, len(text), 3, text))


def test_figures_are_clipped_at_whole_figures_and_link_to_the_finding(outlets) -> None:
    words = ("at least 13", "more than 60", "some 36", "over 30", "dozens", "about 45", "12")
    many = tuple(_figure("a", t) for t in words)
    rows = [KeyFigure("civilians killed", {"a": many}, "f1", True)]
    table = figures_table(rows, **_common(outlets))
    assert table is not None
    [row] = table.rows
    assert (row.href, row.finding, row.marked) == ("#finding-1-f1", "f1", True)
    a, b = row.cells
    assert a.text.endswith(" · …") and len(a.text) <= cell_chars(len(IDS))
    assert a.full == " · ".join(words)
    assert all(f in a.full.split(" · ") for f in a.text.removesuffix(" · …").split(" · "))
    assert (a.href, a.lines) == ("#finding-1-f1", "l. 3")
    assert (b.text, b.href, b.status) == ("–", "", "none")
    assert table.dates == ("9 Mar", "undated")


def test_a_unit_is_added_only_to_a_bare_number(outlets) -> None:
    cells = {"a": (_figure("a", "3", "metres"),), "b": (_figure("b", "80%", "percent"),)}
    table = figures_table([KeyFigure("height: wall", cells)], **_common(outlets))
    assert table is not None
    assert [c.text for c in table.rows[0].cells] == ["3 metres", "80%"]
    assert table.rows[0].href == ""  # no finding about the row: nothing to link to


def test_says_cells_clip_claims_at_a_word_and_name_source_and_verb(outlets) -> None:
    rows = [
        SaysRow(
            LONG_CLAIM,
            (
                SaysCell(
                    "a", "credited", "The harbour authority", "The harbour authority said", "f1"
                ),
                SaysCell("b", "fact", "", "The council voted to close the bridge", "f1"),
            ),
        )
    ]
    table = says_table(rows, **_common(outlets), line_of=lambda aid, fid: f"l. {len(aid)}")
    assert table is not None
    [row] = table.rows
    assert row.label.endswith(" …") and len(row.label) < len(LONG_CLAIM)
    kept = row.label.removesuffix(" …")
    assert " ".join(LONG_CLAIM.split()).startswith(kept + " ")  # never cut mid-word
    assert row.full == LONG_CLAIM  # the full text, one click or a hover away
    a, b = row.cells
    assert (a.text, a.detail, a.status, a.href) == (
        "The harbour authority",
        "said",
        "credited",
        "#finding-1-f1",
    )
    assert (b.text, b.status, b.lines) == ("as fact", "fact", "l. 1")
    assert "The council voted" in b.full
    assert row.marked  # one outlet credits, the other states it as fact


def test_rows_past_the_print_limit_show_on_screen_only(outlets) -> None:
    cell = SaysCell("a", "fact", "", "x", None)
    rows = [SaysRow(f"claim {n}", (cell,)) for n in range(PRINT_ROWS + 2)]
    table = says_table(rows, **_common(outlets), line_of=lambda aid, fid: "")
    assert table is not None
    assert [r.printed for r in table.rows] == [True] * PRINT_ROWS + [False, False]
    assert table.not_printed == 2
    assert [c.status for c in table.rows[0].cells] == ["fact", "absent"]  # b has no cell


def test_empty_tables_are_left_out(outlets, view) -> None:
    assert figures_table([], **_common(outlets)) is None
    assert says_table([], **_common(outlets), line_of=lambda aid, fid: "") is None
    bare = dataclasses.replace(build_report(), key_figures=(), who_says_so=())
    assert build_view(bare, (), options=Options()).key_tables == ()
    assert 'id="key-figures"' not in render_html(build_view(bare, (), options=Options()))


def test_sample_view_has_both_tables_linked_to_finding_cards(view) -> None:
    assert [t.title for t in view.key_tables] == ["Key figures", "Who says so"]
    anchors = {f.anchor for g in view.groups for f in g.findings}
    links = {c.href for t in view.key_tables for r in t.rows for c in r.cells if c.href}
    assert links and {h.removeprefix("#") for h in links} <= anchors
    html = render_html(view)
    assert 'id="key-figures"' in html and 'id="who-says-so"' in html
    assert html.index('id="key-figures"') < html.index("Headline findings")


@pytest.fixture(scope="module")
def seeds_pdf(seeds_report: Path) -> PdfReader:
    return PdfReader(io.BytesIO((seeds_report / "report.pdf").read_bytes()))


def test_seeds_page_one_holds_both_tables_and_every_headline(seeds_pdf) -> None:
    first = seeds_pdf.pages[0].extract_text()
    second = seeds_pdf.pages[1].extract_text()
    assert "Key figures" in first and "Who says so" in first
    # The headline block ends on page 1: its closing count is there, and page 2
    # starts with the contents instead of a spilled headline.
    assert "findings in all" in first and "Headline findings" in first
    assert "findings in all" not in second
    assert "details p." not in second  # only headline entries carry that link
    assert "Contents" in second


@needs_browser
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "desktop"])
def test_html_tables_fit_their_cells_and_a_cell_leads_to_its_finding(
    seeds_report: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    from selenium.webdriver.common.by import By

    with chromium(tmp_path, size) as driver:
        driver.get((seeds_report / "report.html").as_uri())
        assert driver.execute_script("return document.documentElement.scrollWidth") <= size[0]
        cells = driver.find_elements(By.CSS_SELECTOR, "table.key-table td, table.key-table th")
        assert cells
        for cell in cells:
            spill = driver.execute_script(
                "return arguments[0].scrollWidth - arguments[0].clientWidth", cell
            )
            assert spill <= 1, cell.text  # no text runs out of its column
        link = driver.find_element(By.CSS_SELECTOR, "#who-says-so td a")
        target = link.get_attribute("href").split("#", 1)[1]
        driver.execute_script("arguments[0].click()", link)
        assert driver.execute_script("return location.hash") == f"#{target}"
        card = driver.find_element(By.ID, target)
        assert "Attribution change" in card.text  # the card quotes the outlets' words


@pytest.mark.parametrize(
    ("sizes", "blocks", "printed"),
    [
        ([6, 4], {"outliers": 1, "headlines": 0}, [3, 3]),  # the seeds: room for both
        ([2, 1], {"outliers": 0, "headlines": 0}, [2, 1]),  # short tables print whole
        ([6, 4], {"outliers": 0, "headlines": 4}, [1, 1]),  # four headlines: one row each
        ([1, 5], {"outliers": 0, "headlines": 3}, [1, 2]),  # the longer table gives way
        ([6, 6], {"outliers": 3, "headlines": 6}, [1, 1]),  # never fewer than one
        ([], {"outliers": 0, "headlines": 0}, []),
    ],
)
def test_page_one_prints_fewer_rows_when_it_holds_more(sizes, blocks, printed) -> None:
    assert print_rows(sizes, outlets=4, **blocks) == printed


def test_a_long_title_or_many_outlets_take_a_row(outlets) -> None:
    assert print_rows([3, 3], outlets=4, outliers=1, headlines=0) == [3, 3]
    assert print_rows([3, 3], outlets=4, outliers=1, headlines=0, title="x" * 100) == [3, 2]
    assert print_rows([3, 3], outlets=6, outliers=1, headlines=0) == [3, 2]
