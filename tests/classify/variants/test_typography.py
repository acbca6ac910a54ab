"""Typography: same words, different characters; counted per passage, pair and class."""

from __future__ import annotations

import pytest

from compare.classify.variants import typography
from compare.model import Kind, Severity

from classify_helpers import assert_quotes_source, sentence_context


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("\u201cpeace\u201d", '"peace"', True),
        ("it\u2019s", "it's", True),
        ("2019\u20132020", "2019-2020", True),
        ("wait\u2026", "wait...", True),
        ("cease\u00adfire", "ceasefire", True),
        ("10\u00a0km", "10 km", True),
        ("Peace", "peace", False),
        ("peace", "peace", False),
        ("colour", "color", False),
        ("cease-fire", "ceasefire", False),
    ],
)
def test_is_typographic(a: str, b: str, expected: bool) -> None:
    assert typography.is_typographic(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "cls"),
    [
        ("He said \u201cno\u201d to them.", 'He said "no" to them.', "quotes"),
        ("It\u2019s over now.", "It's over now.", "apostrophes"),
        ("They left \u2014 quickly.", "They left -- quickly.", "dashes"),
        ("They waited\u2026 and left.", "They waited... and left.", "ellipsis"),
        ("The road is 10\u00a0km long.", "The road is 10 km long.", "spaces"),
        ("The cafe\u0301 shut.", "The caf\u00e9 shut.", "accents"),
    ],
)
def test_each_character_class_is_one_cosmetic_candidate(a: str, b: str, cls: str) -> None:
    ctx = sentence_context({"a": a, "b": b})
    found = typography.find(ctx)
    assert [c.key for c in found] == [f"{cls}|a|b"]
    cand = found[0]
    assert cand.kind is Kind.TYPOGRAPHY and cand.severity is Severity.COSMETIC
    assert set(cand.spans) == {"a", "b"}
    assert_quotes_source(ctx, cand)


@pytest.mark.parametrize("char", ["\u00ad", "\u200b", "\u2063", "\u200e"])
def test_invisible_characters_are_not_a_difference(char: str) -> None:
    """Issue #19: they are ignored when comparing (one ingest warning per article instead)."""
    ctx = sentence_context({"a": f"A cease{char}fire held.", "b": "A ceasefire held."})
    assert typography.find(ctx) == []


def test_one_candidate_per_pair_so_they_are_counted() -> None:
    ctx = sentence_context(
        {
            "a": "She said \u201cyes\u201d and \u201cno\u201d.",
            "b": 'She said "yes" and "no".',
            "c": 'She said "yes" and "no".',
        }
    )
    keys = sorted(c.key for c in typography.find(ctx))
    assert keys == ["quotes|a|b", "quotes|a|c"]  # b and c agree: nothing between them
    first = typography.find(ctx)[0]
    assert len(first.spans["a"]) == 4  # every curly quote of the passage is shown


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The talks ended.", "The talks ended."),
        ("The talks ended.", "the talks ended."),
        ("The talks ended.", "The talks stopped."),
        ("The talks\nended.", "The talks ended."),  # line wrapping is not typography
    ],
)
def test_no_typography(a: str, b: str) -> None:
    assert typography.find(sentence_context({"a": a, "b": b})) == []


def test_apostrophes_are_compared_story_wide() -> None:
    ctx = sentence_context(
        {
            "a": "Rain fell. The city`s mayor said it`s over.",
            "b": "It's late, the city's mayor said. Nobody came.",
        }
    )
    found = [c for c in typography.find(ctx) if c.passage_id is None]
    assert [c.key for c in found] == ["apostrophes|a|b"]
    assert [s.text for s in found[0].spans["a"]] == ["city`s", "it`s"]
    assert [s.text for s in found[0].spans["b"]] == ["city's", "It's"]
    assert found[0].severity is Severity.COSMETIC
    assert_quotes_source(ctx, found[0])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rain fell. The city's mayor left.", "The city's mayor said so. Nobody came."),
        # One outlet typing the word both ways follows no single habit.
        ("Rain fell. The city's mayor and the city`s staff.", "The city`s mayor left. Nobody."),
    ],
)
def test_no_story_wide_apostrophes(a: str, b: str) -> None:
    ctx = sentence_context({"a": a, "b": b})
    assert [c for c in typography.find(ctx) if c.passage_id is None] == []


def test_a_word_written_as_two_is_no_typography() -> None:
    # read blind (twelfth round): "percent" / "per cent" was a style finding and again a
    # typography one ("differ only in spaces")
    ctx = sentence_context(
        {"a": "Prices rose 5 percent in May.", "b": "Prices rose 5 per cent in May."}
    )
    assert typography.find(ctx) == []
