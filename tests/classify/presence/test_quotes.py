"""quotes: which words each carrier quotes, and whether carriers quote one statement."""

from __future__ import annotations

from compare.classify.presence.quotes import cell_quotation, different_quotations
from compare.model import Kind

from classify_helpers import of_kind, run, sentence_context


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


def test_a_quotation_the_omitter_gives_to_another_speaker_is_not_omitted() -> None:
    # read blind (twenty-first round): "'We called them twice and they told us everything was
    # fine,' said Plamen Stoyanov" called left out by the outlet that gives the same words to
    # another resident (the attribution rules report that change)
    base = "The blast destroyed the block before dawn. Rescuers searched the rubble all day."
    quote = '"We called them twice and they told us everything was fine," said '
    texts = {
        "a": f"{base} {quote}Plamen Stoyanov, 41, a neighbour. Officials promised an inquiry.",
        "b": f"{base} {quote}Plamen Stoyanov, 41, a neighbour. Officials promised an inquiry.",
        "c": f"{base} Officials promised an inquiry. {quote}Yordanka Ivanova, a resident.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,), "c": (1,)},
        "p3": {"a": (2,), "b": (2,)},
        "p4": {"a": (3,), "b": (3,), "c": (2,)},
        "p5": {"c": (3,)},
    }
    found = run(texts, cells=cells)
    assert of_kind(found, Kind.OMITTED_PASSAGE) == []
    texts["c"] = f"{base} Officials promised an inquiry. Neighbours said they had warned the firm."
    assert len(of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)) == 1
