"""quotes: which words each carrier quotes, and whether carriers quote one statement."""

from __future__ import annotations

from compare.classify.presence.quotes import cell_quotation, different_quotations

from classify_helpers import sentence_context


def test_a_quotation_opened_in_an_earlier_sentence_counts_as_quoted() -> None:
    ctx = sentence_context(
        {
            "a": "\u201cWe will rebuild the bridge. Every family deserves it,\u201d Holm said.",
            "b": "The bridge fell. Holm promised that every family would get help.",
        }
    )
    assert cell_quotation(ctx, "p2", "a") == {"everi", "famili", "deserv"}  # not "holm"
    assert cell_quotation(ctx, "p2", "b") == frozenset()


def test_different_words_of_two_people_are_different_quotations() -> None:
    ctx = sentence_context(
        {
            "a": "\u201cThe council ignored every warning about the bridge,\u201d Ana Holm said.",
            "b": "\u201cWe built the finest road network in the region,\u201d Karl Reyes said.",
            "c": "\u201cThe council ignored every warning about the bridge,\u201d Holm said.",
        }
    )
    assert different_quotations(ctx, "p1", ["a", "b"])
    assert not different_quotations(ctx, "p1", ["a", "c"])  # one statement, cut short
    assert different_quotations(ctx, "p1", ["b", "c"])  # two people again
