"""classify: merging, precedence, ranking and the fixed rule list.

The per-family tests share ``run`` and the other helpers in
``classify_helpers``: one passage per sentence index, so invented sentence
pairs align without the align stage.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.classify import RULE_MODULES, rules
from compare.classify.base import Candidate
from compare.classify.merge import HEADLINE_SLOTS, apply_precedence, merge, rank
from compare.model import Kind, Severity, Span
from compare.text import lexicons

from builders import story_from_texts
from classify_helpers import COPY_STORY, of_kind, run


def _cand(
    kind: Kind,
    aid: str,
    start: int,
    *,
    sev: Severity = Severity.LOW,
    key: str = "k",
    weight: float = 0.0,
    note: str | None = None,
) -> Candidate:
    span = Span(aid, start, start + 2, 1, "xx")
    return Candidate(kind, sev, "p1", key, {aid: (span,)}, "why", "label", weight, note)


def test_merge_unions_spans_sorted_and_deduplicated() -> None:
    merged = merge(
        [
            _cand(Kind.HEDGE_CHANGE, "b", 5),
            _cand(Kind.HEDGE_CHANGE, "a", 9),
            _cand(Kind.HEDGE_CHANGE, "a", 1),
            _cand(Kind.HEDGE_CHANGE, "a", 1),
        ]
    )
    assert len(merged) == 1
    assert [s.start for s in merged[0].spans["a"]] == [1, 9]
    assert list(merged[0].spans) == ["a", "b"]


def test_merge_keeps_different_keys_apart() -> None:
    merged = merge([_cand(Kind.HEDGE_CHANGE, "a", 1, key="x"), _cand(Kind.HEDGE_CHANGE, "a", 1)])
    assert len(merged) == 2


def test_two_variant_findings_quoting_the_same_words_are_one() -> None:
    # From a blind reading: "Ms. Okafor" / "Ms Okafor" came once as an abbreviation and
    # once as a title's house style, with the same spans.
    twins = merge(
        [_cand(Kind.STYLE_VARIANT, "a", 1, key="x"), _cand(Kind.STYLE_VARIANT, "a", 1, key="y")]
    )
    assert [m.best.key for m in twins] == ["x"]
    # Other kinds keep apart: a hedge and a number finding may quote one figure.
    assert (
        len(merge([_cand(Kind.HEDGE_CHANGE, "a", 1, key="x"), _cand(Kind.HEDGE_CHANGE, "a", 1)]))
        == 2
    )


@pytest.mark.parametrize(
    ("lower", "dropped"),
    [
        (Kind.WORDING_CHANGE, True),  # same tokens as a number discrepancy
        (Kind.HEDGE_CHANGE, True),
        (Kind.OMITTED_PASSAGE, False),  # passage kinds never yield
        (Kind.TYPOGRAPHY, False),
    ],
)
def test_precedence_drops_overlapping_lower_kinds(lower: Kind, dropped: bool) -> None:
    merged = merge([_cand(Kind.NUMBER_DISCREPANCY, "a", 10, key="n"), _cand(lower, "a", 11)])
    kinds = {m.best.kind for m in apply_precedence(merged)}
    assert (lower not in kinds) is dropped


def test_precedence_keeps_lower_kind_elsewhere() -> None:
    merged = merge(
        [_cand(Kind.NUMBER_DISCREPANCY, "a", 10, key="n"), _cand(Kind.HEDGE_CHANGE, "a", 40)]
    )
    assert len(apply_precedence(merged)) == 2


HEADLINED = {
    "a": "Court jails ex-mayor for 12 years. A court sentenced the former mayor to 12 years"
    " in prison on Tuesday.",
    "b": "Ex-mayor gets 10 years. A court sentenced the former mayor to 10 years in prison"
    " on Tuesday.",
}


def _headlined(a: str, b: str) -> list:
    cells = {"headline": {"a": (0,), "b": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    return of_kind(run({"a": a, "b": b}, cells=cells), Kind.NUMBER_DISCREPANCY)


def test_a_headline_figure_the_body_repeats_is_one_finding_quoting_both() -> None:
    (found,) = _headlined(HEADLINED["a"], HEADLINED["b"])
    assert found.passage_id == "p2"
    assert [s.text for s in found.spans["a"]] == ["12 years", "12 years"]
    assert [s.text for s in found.spans["b"]] == ["10 years", "10 years"]
    assert found.explanation.endswith("The headlines give the same two figures.")


def test_a_headline_figure_the_body_does_not_repeat_stays_its_own_finding() -> None:
    a = HEADLINED["a"].replace("to 12 years", "to 9 years")
    found = _headlined(a, HEADLINED["b"])
    assert sorted(f.passage_id or "" for f in found) == ["headline", "p2"]
    assert not any("headlines give" in f.explanation for f in found)


def test_a_headline_toll_in_words_joins_the_body_finding_with_a_third_outlet() -> None:
    # read blind (eighteenth round): "Four dead" / "Seven dead" in the headlines and "Four
    # miners" / "Seven miners" in the body were two findings of one toll: the figures were
    # words, and a third outlet gave the toll in its headline only
    texts = {
        "a": "Four dead in mine collapse. Four miners were killed when the roof of the pit "
        "fell in on Monday, officials said.",
        "b": "Seven dead in mine collapse. Seven miners were killed when the roof of the pit "
        "fell in on Monday, officials said.",
        "c": "Four dead in mine collapse. Miners were trapped when the roof of the pit "
        "fell in on Monday, officials said.",
    }
    cells = {"headline": {k: (0,) for k in texts}, "p2": {k: (1,) for k in texts}}
    (found,) = of_kind(run(texts, cells=cells), Kind.NUMBER_DISCREPANCY)
    assert found.passage_id == "p2"
    assert [s.text for s in found.spans["b"]] == ["Seven", "Seven"]
    assert [s.text for s in found.spans["c"]] == ["Four"]
    assert found.explanation.endswith("The headlines give the same two figures.")


def test_rank_orders_by_severity_then_time_note_then_kind_then_weight() -> None:
    cands = [
        _cand(Kind.WORDING_CHANGE, "a", 1, sev=Severity.LOW, weight=9, key="w"),
        _cand(
            Kind.NUMBER_DISCREPANCY,
            "a",
            3,
            sev=Severity.CRITICAL,
            key="late",
            weight=5,
            note="dates differ",
        ),
        _cand(Kind.NUMBER_DISCREPANCY, "a", 5, sev=Severity.CRITICAL, key="same", weight=1),
        _cand(Kind.HEDGE_CHANGE, "a", 7, sev=Severity.MEDIUM, weight=2, key="h"),
        _cand(Kind.LOADED_TERM, "a", 9, sev=Severity.MEDIUM, weight=3, key="l"),
    ]
    found = rank(merge(cands), {"p1": 0})
    assert [f.id for f in found] == ["f1", "f2", "f3", "f4", "f5"]
    assert [(f.kind, f.time_note is None) for f in found[:2]] == [
        (Kind.NUMBER_DISCREPANCY, True),
        (Kind.NUMBER_DISCREPANCY, False),
    ]
    # Same severity: the more serious kind first (hedge before loaded), whatever the weight.
    assert [f.kind for f in found[2:]] == [Kind.HEDGE_CHANGE, Kind.LOADED_TERM, Kind.WORDING_CHANGE]


def test_rank_puts_an_outlets_own_passage_before_one_an_outlet_lacks() -> None:
    # Read blind, page-1 omissions were right 0.58 of the time (the outlet often tells the
    # passage in other words), page-1 passages only one outlet carries 0.92.
    lacks = _cand(Kind.OMITTED_PASSAGE, "a", 1, sev=Severity.MEDIUM, key="o", weight=9)
    own = _cand(Kind.ADDED_PASSAGE, "b", 5, sev=Severity.MEDIUM, key="a", weight=1)
    worse = _cand(Kind.OMITTED_PASSAGE, "a", 9, sev=Severity.HIGH, key="h", weight=1)
    found = rank(merge([lacks, own, worse]), {"p1": 0})
    assert [f.kind for f in found] == [
        Kind.OMITTED_PASSAGE,  # a more serious omission still comes first
        Kind.ADDED_PASSAGE,
        Kind.OMITTED_PASSAGE,
    ]


def test_rank_puts_sure_findings_of_a_kind_before_uncertain_ones() -> None:
    unsure = replace(
        _cand(Kind.ADDED_PASSAGE, "a", 1, sev=Severity.LOW, key="u", weight=9), confidence=0.5
    )
    sure = _cand(Kind.ADDED_PASSAGE, "a", 5, sev=Severity.LOW, key="s", weight=1)
    style = _cand(Kind.STYLE_VARIANT, "a", 9, sev=Severity.LOW, key="v", weight=5)
    # Enough certain findings above to fill the headlines, so nothing is held back for them.
    above = [
        _cand(Kind.NUMBER_DISCREPANCY, "a", 20 + 3 * n, sev=Severity.CRITICAL, key=str(n))
        for n in range(HEADLINE_SLOTS)
    ]
    found = rank(merge([unsure, sure, style, *above]), {"p1": 0})
    # Within the kind, sure first whatever the weight; another kind keeps its place after it.
    assert [(f.kind, f.confidence) for f in found][-3:] == [
        (Kind.ADDED_PASSAGE, 1.0),
        (Kind.ADDED_PASSAGE, 0.5),
        (Kind.STYLE_VARIANT, 1.0),
    ]


def test_rule_list_is_complete_and_loads() -> None:
    assert len(rules()) == len(RULE_MODULES) == 14
    assert {"numbers.rule", "variants.names", "variants.typography", "framing.rewording"} <= set(
        RULE_MODULES
    )


TEXTS = {
    "a": "A storm killed at least 13 residents on Monday. Officials said the dam held.",
    "b": "A storm killed 14 residents on Monday. The dam held.",
    "c": "A storm killed at least 13 residents on Monday. Officials claimed the dam held.",
}


def test_classify_is_deterministic_and_independent_of_input_order() -> None:
    first = run(TEXTS)
    again = run(dict(reversed(list(TEXTS.items()))))
    assert first == again
    assert [f.id for f in first] == [f"f{i}" for i in range(1, len(first) + 1)]


def test_every_span_quotes_the_article_exactly() -> None:
    story = story_from_texts(TEXTS)
    texts = {a.id: a.text for a in story.articles}
    found = run(TEXTS)
    assert found
    for f in found:
        for aid, spans in f.spans.items():
            for s in spans:
                assert texts[aid][s.start : s.end] == s.text
        assert f.explanation and f.label


def test_most_serious_first() -> None:
    found = run(TEXTS)
    assert found[0].kind == Kind.NUMBER_DISCREPANCY
    assert [f.severity for f in found] == sorted(f.severity for f in found)


@pytest.mark.parametrize("name", [n for n in lexicons.data_files() if n.startswith("classify_")])
def test_classify_data_files_name_source_and_licence(name: str) -> None:
    head = " ".join(lexicons.header(name))
    assert "source:" in head and "licence:" in head
    assert lexicons.entries(name)


def test_a_cell_of_punctuation_alone_does_not_break_the_story() -> None:
    # A "sentence" that is only a full stop, opposite a loaded term: the other
    # side's quote must still be a real span, not an empty one.
    from classify_helpers import run

    found = run(
        {
            "a": "Rain fell on the town. . Snow.",
            "b": "Rain fell on the town. Crowds fled in Sept. as the regime fired.",
        }
    )
    assert all(s.text for f in found for spans in f.spans.values() for s in spans)


def test_hedge_and_attribution_findings_note_different_publication_dates() -> None:
    """A claim hedged in an article written days before the other may simply predate it."""
    texts = {
        "a": "The plan is likely to include a ban on large magazines.",
        "b": "The plan includes a ban on large magazines.",
    }
    dated = run(texts, dates={"a": "2013-01-14", "b": "2013-01-16"})
    (hedge,) = of_kind(dated, Kind.HEDGE_CHANGE)
    assert hedge.time_note and "14 Jan 2013 vs 16 Jan 2013" in hedge.time_note
    (same_day,) = of_kind(
        run(texts, dates={"a": "2013-01-16", "b": "2013-01-16"}), Kind.HEDGE_CHANGE
    )
    assert same_day.time_note is None


def test_a_first_name_and_a_surname_spelt_two_ways_are_one_finding() -> None:
    # From a blind reading: "Yerlan Dzhumabayev" / "Erlan Jumabaev" gave two findings.
    texts = {
        "a": "Prime Minister Yerlan Dzhumabayev told supporters that voters had chosen stability.",
        "b": "Prime Minister Erlan Jumabaev told supporters that voters had chosen stability.",
    }
    (found,) = of_kind(run(texts), Kind.NAME_VARIANT)
    assert "Jumabaev" in found.label
    assert "first name" in found.explanation and '"Erlan"' in found.explanation
    assert sorted(s.text for s in found.spans["a"]) == ["Dzhumabayev", "Yerlan"]


def test_the_name_of_a_changed_speaker_is_no_added_material() -> None:
    # read blind (eighteenth round): the same quotation "said Andreas Vlachos, president of the
    # federation" in one outlet and "said Petros Antoniadis, health spokesman for the main
    # opposition party" in another was a change of source and, again, added background
    quote = '"The ministry had every warning it needed and chose to wait," said '
    after = ' "Elderly people are paying for that with their lives."'
    found = run(
        {
            "a": " ".join(COPY_STORY)
            + f" {quote}Andreas Vlachos, president of the federation.{after}",
            "b": " ".join(COPY_STORY)
            + f" {quote}Petros Antoniadis, health spokesman for the main opposition party.{after}",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE)
    assert of_kind(found, Kind.ADDED_PASSAGE) == []
