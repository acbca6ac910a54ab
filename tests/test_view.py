"""View: selects, groups and formats the Report; never re-ranks or recomputes."""

from __future__ import annotations

import re

import pytest

from compare.model import Kind
from compare.options import Options
from compare.view import build_handout, build_index_entry, build_view
from compare.view_text import elide, format_date, format_percent, outlet_keys, short, slug

from sample_report import build_report

OPTIONS = Options()


@pytest.fixture(scope="module")
def report():
    return build_report()


@pytest.fixture(scope="module")
def view(report):
    return build_view(report, (), options=OPTIONS)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short words stay", 5, "short words stay"),
        ("abcdefgh ij", 4, "abcd…[4 chars] ij"),
        ("x" * 200_000, 120, "x" * 120 + "…[199,880 chars]"),
        ("", 3, ""),
    ],
)
def test_elide(text, limit, expected):
    assert elide(text, limit) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-17", "17 Oct 2020"),
        ("2021-03-09T12:00:00Z", "9 Mar 2021"),
        (None, "undated"),
        ("2020-02-30", "2020-02-30"),
    ],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [('Daily "News" style=x', "daily-news-style-x"), ("<b>", "b"), ("ÄÖ", "x"), ("", "x")],
)
def test_slug_is_attribute_safe(text, expected):
    assert slug(text) == expected


def test_format_percent_and_short():
    assert format_percent(0.925) == "92%" and format_percent(1.0) == "100%"
    assert short("a\n b   c", 10) == "a b c"


def test_outlet_keys_are_neutral_letters_compared_first(report):
    keys = outlet_keys(report)
    assert [keys[a] for a in ("gazette", "wire", "ledger", "valley", "metro")] == list("ABCDE")


def test_groups_follow_kind_order_and_keep_report_order(report, view):
    kinds = [g.kind for g in view.groups]
    assert kinds == [k.value for k in Kind if k.value in kinds]
    listed = [f for f in report.findings if f.kind != Kind.TYPOGRAPHY]
    for group in view.groups:
        expected = [f.explanation for f in listed if f.kind == group.kind]
        assert [f.explanation for f in group.findings] == expected


def test_typography_is_counted_never_listed(view):
    assert Kind.TYPOGRAPHY.value not in [g.kind for g in view.groups]
    assert all(h.kind != Kind.TYPOGRAPHY for h in view.headlines)
    assert view.typography_total == 1


def test_headlines_are_the_first_findings_in_report_order(report, view):
    first = [f.explanation for f in report.findings if f.kind != Kind.TYPOGRAPHY][:5]
    assert [h.explanation for h in view.headlines] == first


def test_minor_kinds_are_compact(view):
    compact = {g.kind for g in view.groups if g.compact}
    assert compact == {"name_variant", "style_variant", "spelling_variant"}


def test_numbers_are_formatted_not_recomputed(report, view):
    for outlet, aid in zip(view.outlets, ("gazette", "wire", "ledger", "valley"), strict=True):
        assert outlet.coverage == format_percent(report.scores.coverage[aid])
        assert outlet.reworded == format_percent(report.scores.reworded[aid])


def test_highlight_segments_rebuild_the_sentence_and_mark_the_span(report, view):
    finding = view.groups[0].findings[0]  # "at least 12" vs "15"
    wire = next(e for e in finding.excerpts if [o.key for o in e.outlets] == ["B"])
    article = next(a for a in report.story.articles if a.id == "wire")
    span = report.findings[0].spans["wire"][0]
    sentence = next(s for s in article.sentences if s.start <= span.start < s.end)
    assert "".join(s.text for s in wire.segments) == sentence.text
    assert [s.text for s in wire.segments if s.changed] == ["15"]
    assert wire.lines == f"line {span.line}"


def test_identical_excerpts_are_merged_and_absent_outlets_flagged(view):
    group = next(g for g in view.groups if g.kind == "hedge_change")
    about = next(f for f in group.findings if "More than" in f.label)
    absent = [e for e in about.excerpts if not e.present]
    assert [o.key for e in absent for o in e.outlets] == ["D"]


def test_long_token_is_elided_in_excerpts():
    report = build_report(inject="z" * 200_000)
    view = build_view(report, (), options=OPTIONS)
    texts = [
        s.text for g in view.groups for f in g.findings for e in f.excerpts for s in e.segments
    ]
    assert any("…[199,880 chars]" in t for t in texts)
    assert max(len(t) for t in texts) < 1_000


def test_outliers_removed_inputs_and_problems(view):
    ((outlet, reason),) = view.outliers
    assert outlet.key == "E" and "different event" in reason
    assert {r.reason for r in view.removed} == {"social sharing prompt", "newsletter prompt"}
    assert view.problems[0].message == "binary data (NUL bytes)"
    assert re.fullmatch(r"[0-9a-f]{64}", view.outlets[0].sha256)


def test_omitted_and_added_passages_per_outlet(view):
    by_key = {p.outlet.key: p for p in view.passages}
    assert [p.passage for p in by_key["C"].omitted] == ["p5"]
    assert [p.passage for p in by_key["B"].added] == ["p9"]
    assert by_key["C"].omitted[0].text.startswith("Workers had complained")


def test_hostile_label_is_slugged_for_attributes():
    view = build_view(build_report(outlet_label='X" onload="y'), (), options=OPTIONS)
    assert all(re.fullmatch(r"outlet-[a-z]+", o.slug) for o in view.outlets)
    assert all(re.fullmatch(r"[a-z0-9-]+", f.anchor) for g in view.groups for f in g.findings)


def test_handout_has_contrasting_excerpts_with_neutral_labels(report):
    handout = build_handout(report, options=OPTIONS)
    assert 3 <= len(handout.excerpts) <= 6
    for excerpt in handout.excerpts:
        assert len(excerpt.sides) == 2 and excerpt.question.endswith("?")
        assert all(re.fullmatch(r"Outlet [A-Z]+", side.label) for side in excerpt.sides)
        assert excerpt.sides[0].plain != excerpt.sides[1].plain
    assert ("Outlet A", "Northfield Gazette") in handout.key


def test_index_entry_links_stay_relative(report):
    entry = build_index_entry(report, story_slug="../../etc/passwd")
    assert entry.href == "etc-passwd/report.html"
    assert entry.outlets[0] == "Northfield Gazette" and entry.finding_count == 18
