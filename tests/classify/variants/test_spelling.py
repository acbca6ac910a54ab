"""Spelling variants: US/UK pairs from breame, one candidate per pair and passage."""

from __future__ import annotations

import pytest

from compare.classify.base import Context
from compare.classify.variants import spelling, style
from compare.model import Kind, Severity

from classify_helpers import assert_quotes_source, sentence_context


def edits_context(texts: dict[str, str]) -> Context:
    """The sentence-index context with the variant families' pairwise edits."""
    return sentence_context(texts, with_edits=True)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Defense", "Defence", True),
        ("neighbors", "neighbours", True),
        ("colour", "color", True),
        ("licence", "license", True),
        ("organize", "organise", True),
        ("Theater", "theatre", True),
        ("Defense Ministry", "Defence ministry", True),
        ("colour", "colours", False),
        ("cooperate", "co-operate", False),
        ("Defence", "defence", False),
        ("color", "colour paint", False),
        ("coloured", "colour", False),
        ("weaponisation", "weaponization", True),  # derived forms breame lacks
        ("Incentivised", "incentivized", True),
        ("electrolysed", "electrolyzed", True),
        ("towards", "toward", True),
        ("prise", "prize", False),
        ("cruise", "cruse", False),
        # British doubles a final "l" after an unstressed vowel; breame lacks "fuelled".
        ("fueled", "fuelled", True),
        ("dialing", "dialling", True),
        ("jeweler", "jeweller", True),
        ("filed", "filled", False),
        ("sealed", "sealled", False),
        ("paled", "palled", False),
    ],
)
def test_is_variant(a: str, b: str, expected: bool) -> None:
    assert spelling.is_variant(a, b) is expected


def test_pair_is_found_with_exact_spans_and_american_first() -> None:
    ctx = edits_context(
        {
            "a": "The Defence Ministry thanked its neighbours.",
            "b": "The Defense Ministry thanked its neighbors.",
        }
    )
    found = {c.key: c for c in spelling.find(ctx)}
    assert set(found) == {"defense|defence", "neighbors|neighbours"}
    defence = found["defense|defence"]
    assert defence.kind is Kind.SPELLING_VARIANT and defence.severity is Severity.LOW
    assert defence.passage_id == "p1"
    assert [s.text for s in defence.spans["a"]] == ["Defence"]
    assert [s.text for s in defence.spans["b"]] == ["Defense"]
    assert defence.label == '"Defence" vs "Defense"'
    assert defence.explanation.startswith('"Defense" (American spelling) and "Defence" (British')
    assert_quotes_source(ctx, defence)


def test_three_outlets_share_one_merge_key() -> None:
    ctx = edits_context(
        {
            "a": "Walls were painted in one colour.",
            "b": "Walls were painted in one color.",
            "c": "Walls were painted in one colour.",
        }
    )
    keys = {c.key for c in spelling.find(ctx)}
    assert keys == {"color|colour"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The walls were red.", "The walls were blue."),
        ("Its colour faded.", "Its colours faded."),
        ("They cooperate closely.", "They co-operate closely."),
    ],
)
def test_no_spelling_finding(a: str, b: str) -> None:
    assert spelling.find(edits_context({"a": a, "b": b})) == []


def test_colour_is_spelling_not_style() -> None:
    ctx = edits_context({"a": "The colour faded.", "b": "The color faded."})
    assert style.find(ctx) == []
    # The aligned pair and the story-wide reading give one key: merged into one finding.
    assert len({c.key for c in spelling.find(ctx)}) == 1


def test_story_wide_pair_outside_aligned_sentences() -> None:
    ctx = sentence_context(
        {
            "a": "Rain fell. The plan calls for containerisation of the port.",
            "b": "Talks on containerization resumed. Nobody came.",
        }
    )
    (found,) = spelling.find(ctx)
    assert found.key == "containerization|containerisation"
    assert [s.text for s in found.spans["a"]] == ["containerisation"]
    assert [s.text for s in found.spans["b"]] == ["containerization"]
    assert_quotes_source(ctx, found)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # An outlet writing both forms keeps to no single convention.
        ("He walked toward the gate. She ran towards it.", "Rain fell. They drove towards town."),
        # "meter" is also a British word ("parking meter"), so not story-wide.
        ("The parking meter broke. Rain fell.", "Rain fell. The wall is a metre high."),
        # The other form only inside quotation marks: the quoted source's spelling.
        (
            "Rain fell. The plan calls for containerisation of the port.",
            'Talks resumed. "We want containerization now," the union wrote.',
        ),
    ],
)
def test_no_story_wide_pair(a: str, b: str) -> None:
    assert spelling.find(sentence_context({"a": a, "b": b})) == []


def test_one_word_in_both_orders_is_one_form_in_the_label() -> None:
    from compare.model import Kind

    from classify_helpers import of_kind, run

    found = of_kind(
        run(
            {
                "a": "The neighbours met. Later the neighbors left.",
                "b": "The neighbors met. Later the neighbours left.",
            }
        ),
        Kind.SPELLING_VARIANT,
    )
    assert [f.label for f in found] == ['"neighbors" vs "neighbours"']


def test_possessives_and_compounds_are_compared_by_their_spelt_word() -> None:
    # read blind (seventeenth round): "neighbour's" / "neighbor's" inside one quotation was
    # called a misquotation, and "four-storey" / "four-story" a change of wording
    ctx = edits_context(
        {
            "a": "The four-storey block fell on a neighbour's house, he said.",
            "b": "The four-story block fell on a neighbor's house, he said.",
            "c": "Two storeys were added to the seven-storey block.",
            "d": "Two stories were added to the seven-story block.",
        }
    )
    keys = {c.key for c in spelling.find(ctx)}
    assert {"story|storey", "neighbor|neighbour", "stories|storeys"} <= keys
    assert spelling.us_uk_pair("four-storey", "five-story") is None
