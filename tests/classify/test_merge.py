"""Merging candidates into findings: one finding per figure of a passage."""

from __future__ import annotations

from dataclasses import replace

from compare.classify.base import Candidate
from compare.classify.merge import merge
from compare.model import Kind, Severity, Span


def _figure(key: str, confidence: float, **quoted: tuple[int, int, str]) -> Candidate:
    spans = {aid: (Span(aid, s, e, 1, text),) for aid, (s, e, text) in quoted.items()}
    return Candidate(
        Kind.NUMBER_DISCREPANCY, Severity.HIGH, "p30", key, spans, "e", key, confidence=confidence
    )


def test_two_number_findings_quoting_one_figure_are_one() -> None:
    # read blind (seventh round): the claim layer's "around 540,000" / "610,000" and the
    # passage's "around 540,000" / "some 610,000" were two findings for one discrepancy
    story = _figure("claims", 0.9, t=(10, 24, "around 540,000"), v=(5, 12, "610,000"))
    passage = _figure("passage", 0.5, t=(10, 24, "around 540,000"), m=(3, 15, "some 610,000"))
    (merged,) = merge([story, passage])
    assert merged.best.key == "claims"
    assert sorted(merged.spans) == ["m", "t", "v"]


def test_number_findings_on_different_figures_stay_apart() -> None:
    dead = _figure("dead", 0.9, a=(0, 2, "12"), b=(0, 2, "14"))
    hurt = _figure("hurt", 0.9, a=(20, 22, "30"), b=(20, 22, "35"))
    assert len(merge([dead, hurt])) == 2


def _marks(passage: str, pair: tuple[str, str], at: int) -> Candidate:
    a, b = pair
    spans = {a: (Span(a, at, at + 1, 1, "\u201c"),), b: (Span(b, at, at + 1, 1, '"'),)}
    return Candidate(
        Kind.TYPOGRAPHY, Severity.COSMETIC, passage, f"quotes|{a}|{b}", spans, "e", "l"
    )


def test_one_typography_finding_per_character_class_for_the_whole_story() -> None:
    # read blind (twelfth round): one outlet's straight quotation marks against the others'
    # curly ones gave 24 findings, one per passage and pair of outlets
    found = [
        _marks(f"p{k}", pair, 10 * k) for k in range(1, 7) for pair in (("a", "b"), ("a", "c"))
    ]
    dashes = Candidate(
        Kind.TYPOGRAPHY, Severity.COSMETIC, "p1", "dashes|a|b",
        {"a": (Span("a", 1, 2, 1, "\u2014"),), "b": (Span("b", 1, 3, 1, "--"),)}, "e", "l",
    )  # fmt: skip
    merged = merge([*found, dashes])
    assert sorted(m.best.key.split("|")[0] for m in merged) == ["dashes", "quotes"]
    (quotes,) = [m for m in merged if m.best.key.startswith("quotes")]
    assert sorted(quotes.spans) == ["a", "b", "c"]
    assert [len(quotes.spans[aid]) for aid in "abc"] == [3, 3, 3]
    assert "Seen in up to 6 places per outlet" in quotes.best.explanation


def test_a_variant_finding_inside_a_wider_one_of_its_kind_is_dropped() -> None:
    # read blind (seventeenth round): "Dr Pieter" / "Dr. Pieter" reported in one passage and
    # again story-wide with a third outlet's "Dr Pieter": the narrower one was a repeat
    def style(key: str, passage: str | None, *aids: str) -> Candidate:
        spans = {aid: (Span(aid, 40, 49, 3, "Dr Pieter"),) for aid in aids}
        return Candidate(Kind.STYLE_VARIANT, Severity.LOW, passage, key, spans, "e", key)

    (kept,) = merge([style("abbreviation", "p4", "a", "b"), style("title", None, "a", "b", "c")])
    assert kept.best.key == "title"
    assert len(merge([style("abbreviation", "p4", "a", "b"), style("title", None, "b", "c")])) == 2


def test_a_figure_written_with_a_capital_is_not_one_more_figure() -> None:
    # "At least 43" opening a sentence and "at least 43" inside one are one figure: the
    # label said "and 1 more"
    story = _figure("claims", 0.9, a=(0, 11, "at least 43"), c=(5, 7, "24"))
    passage = _figure("passage", 0.9, b=(0, 11, "At least 43"), c=(5, 7, "24"))
    story = replace(story, label='"24" vs "At least 43"')
    (merged,) = merge([story, passage])
    assert "more" not in merged.best.label
