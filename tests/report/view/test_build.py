"""View: selects, groups and formats the Report; never re-ranks or recomputes."""

from __future__ import annotations

import dataclasses
import re

import pytest

from compare.model import Finding, Kind, Severity, Span
from compare.report.view import build as view_module
from compare.report.view.build import build_handout, build_index_entry, build_view
from compare.report.view.sentences import keyed_sentence
from compare.report.view.text import (
    SNIPPET_CHARS,
    clip,
    elide,
    format_date,
    format_percent,
    join_keys,
    outlet_keys,
    runs,
    sentences,
    short,
    slug,
)
from compare.util.options import Options

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


def test_spans_in_sentences_apart_are_quoted_apart_not_with_everything_between(report):
    from compare.report.view.text import Source, highlight

    article = next(a for a in report.story.articles if a.id == "wire")
    first, last = article.sentences[0], article.sentences[-1]
    assert last.index >= first.index + 2  # at least one sentence between them
    spans = [
        Span("wire", s.start, s.start + 3, 1, article.text[s.start : s.start + 3])
        for s in (first, last)
    ]
    segments = highlight(Source(article), spans, 120)
    texts = [s.text for s in segments]
    assert " … " in texts
    assert article.sentences[1].text not in "".join(texts)
    assert [s.text for s in segments if s.changed] == [span.text for span in spans]
    assert "".join(texts) == first.text + " … " + last.text


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


def _spans(**words: str) -> dict[str, tuple[Span, ...]]:
    return {aid: ((Span(aid, 0, len(w), 1, w),) if w else ()) for aid, w in words.items()}


KEYS = {"a": "A", "b": "B", "c": "C", "d": "D"}


@pytest.mark.parametrize(
    ("kind", "label", "spans", "explanation", "expected"),
    [
        (
            Kind.NUMBER_DISCREPANCY,
            '"at least 13" vs "14"',
            _spans(a="at least 13 civilians", b="at least 13 civilians", d="14 people"),
            'The number killed differs: "at least 13 civilians" vs "14 people". '
            'One figure is a minimum ("at least"), the other exact.',
            'The number killed differs: Outlets A and B say "at least 13 civilians"; '
            'Outlet D says "14 people". One figure is a minimum ("at least"), the other exact.',
        ),
        (
            Kind.ATTRIBUTION_CHANGE,
            '"according to officials" vs no attribution',
            _spans(a="according to officials", c="Friday."),
            "One version credits the claim to a source; the other states it as fact.",
            'Outlet A credits the claim to a source ("according to officials"); '
            "Outlet C states it as fact, without saying who vouches for it.",
        ),
        (
            Kind.OMITTED_PASSAGE,
            "not in c",
            _spans(a="The mayor declared mourning.", b="The mayor declared mourning.", c=""),
            "2 of 3 outlets carry this passage; c does not. It gives background.",
            'Outlet C leaves out a passage that Outlets A and B carry: "The mayor declared '
            'mourning.". It gives background.',
        ),
        (
            Kind.ADDED_PASSAGE,
            "only in d",
            _spans(d="Valley News has reported on the plant since 2019."),
            "Only one outlet carries this passage. It refers to its own coverage.",
            'Only Outlet D carries this passage: "Valley News has reported on the plant since '
            '2019.". It refers to its own coverage.',
        ),
        (
            Kind.WORDING_CHANGE,
            '"said" vs "insisted"',
            _spans(a="said", b="insisted"),
            "Insisted sounds defensive.",
            'Outlet A says "said"; Outlet B says "insisted". Insisted sounds defensive.',
        ),
        # the speakers, not the quoted sentences: read as spans, it gave 'Outlets A and C
        # say ""If the rain ...' (seen in the fourteenth round's report)
        (
            Kind.ATTRIBUTION_CHANGE,
            '"Noor said" vs "Lindqvist said"',
            _spans(a='"If it rains, we fail," she said.', b='"If it rains, we fail," he said.'),
            'The same claim is credited to different sources: "Noor said" vs "Lindqvist said".'
            " Who said it changes how far a reader should trust it.",
            'The same claim is credited to different sources: "Noor said" vs "Lindqvist said".'
            " Who said it changes how far a reader should trust it.",
        ),
    ],
)
def test_headline_sentences_name_outlets_by_key(kind, label, spans, explanation, expected):
    finding = Finding("f", kind, Severity.HIGH, "p1", spans, explanation, None, label)
    assert keyed_sentence(finding, order=list(KEYS), name=KEYS.get) == expected


def test_text_helpers_for_compact_print():
    assert clip("one two three four", 12) == "one two …" and clip("short", 10) == "short"
    assert join_keys(["A", "C"]) == "Outlets A and C" and join_keys(["B"]) == "Outlet B"
    assert runs(["p1", "p3", "p4", "p5", "p9"], [f"p{n}" for n in range(1, 10)]) == (
        "p1, p3–p5, p9"
    )


def test_headlines_are_quotable_sentences_with_keys(view):
    for headline in view.headlines:
        assert re.search(r"\bOutlets? [A-Z]\b", headline.sentence), headline.sentence
        assert headline.sentence.endswith((".", ")", '"'))


def test_passage_findings_print_once_in_the_passages_section(report, view):
    assert not {g.kind for g in view.groups} & {"omitted_passage", "added_passage"}
    entries = [e for p in view.passages for e in p.omitted + p.added]
    anchors = [e.anchor for e in entries if e.anchor]
    assert len(anchors) == len(set(anchors)) == 3  # one omission, two additions
    per_outlet = [(p.outlet.key, e.passage) for p in view.passages for e in p.omitted + p.added]
    assert len(set(per_outlet)) == len(per_outlet)
    by_key = {p.outlet.key: p for p in view.passages}
    (omitted,) = by_key["C"].omitted
    finding = next(f for f in report.findings if f.kind == Kind.OMITTED_PASSAGE)
    assert omitted.note == sentences(finding.explanation)[0]
    assert omitted.anchor.startswith("finding-") and omitted.source.key == "A"


def test_every_headline_link_has_a_target(view):
    targets = {f.anchor for g in view.groups for f in g.findings}
    targets |= {e.anchor for p in view.passages for e in p.omitted + p.added}
    targets.add("passages")
    assert {h.anchor for h in view.headlines} <= targets


def test_wording_changes_print_as_compact_rows(view):
    (group,) = [g for g in view.groups if g.kind == "wording_change"]
    assert group.layout == "rows" and not group.compact
    for finding in group.findings:
        assert finding.snippets
        for snippet in finding.snippets:
            changed = "".join(s.text for s in snippet.segments if s.changed)
            whole = "".join(s.text for s in snippet.segments)
            assert changed and len(whole) <= len(changed) + 2 * SNIPPET_CHARS + 40
    cards = {g.layout for g in view.groups if g.kind in ("number_discrepancy", "loaded_term")}
    assert cards == {"cards"}


def test_brief_outlet_omissions_are_summarised_in_one_line(report):
    coverage = {**report.scores.coverage, "valley": 0.25}
    brief = dataclasses.replace(
        report,
        scores=dataclasses.replace(
            report.scores, cells=report.scores.cells, coverage=coverage, partial=("valley",)
        ),
    )
    valley = next(p for p in build_view(brief, (), options=OPTIONS).passages if p.outlet.key == "D")
    assert valley.omitted == ()  # no omission finding: nothing quoted
    assert "probably a brief or a follow-up" in valley.summary
    assert "leaves out 3 passages" in valley.summary and "p3, p13, p16" in valley.summary
    assert [p.passage for p in valley.added] == ["p15"]


def test_flagged_omission_of_a_brief_outlet_is_still_quoted(report):
    coverage = {**report.scores.coverage, "ledger": 0.2}
    brief = dataclasses.replace(
        report, scores=dataclasses.replace(report.scores, coverage=coverage, partial=("ledger",))
    )
    ledger = next(p for p in build_view(brief, (), options=OPTIONS).passages if p.outlet.key == "C")
    assert [p.passage for p in ledger.omitted] == ["p5"] and ledger.omitted[0].anchor
    assert "1 omission the analysis flags is quoted below" in ledger.summary


def test_long_passages_are_shortened_for_print_and_kept_whole(report, monkeypatch):
    monkeypatch.setattr(view_module, "PASSAGE_CHARS", 24)
    shortened = build_view(report, (), options=OPTIONS)
    entry = next(p for p in shortened.passages if p.outlet.key == "C").omitted[0]
    assert entry.text == "Workers had complained …"
    assert entry.full.startswith(entry.text[:-2]) and len(entry.full) > 40


def test_provenance_is_said_once_per_source(view):
    assert [(n.keys, n.text) for n in view.name_sources] == [
        (("A", "B", "C", "D"), "front matter 'outlet'")
    ]
    assert [n.keys for n in view.date_sources] == [("A", "B", "C"), ("D",)]


def test_handout_excerpts_stay_short_when_a_name_recurs(report):
    handout = build_handout(report, options=OPTIONS)
    assert all(len(side.plain) < 400 for x in handout.excerpts for side in x.sides)
    assert all(re.search(r"\bOutlet [A-Z]\b", x.answer) for x in handout.excerpts)
