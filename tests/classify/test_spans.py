"""Highlights on the side that lacks something, and the rules added with them.

Every span must quote the words that differ; the version that lacks an
attribution or a detail quotes the clause where it would stand, never a
stray neighbouring token.  Short invented sentences, positive and negative.
"""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.align.similarity import name_grams
from compare.claims.number_parse import quantities
from compare.classify.cells import clause_around
from compare.classify.numbers.rule import rounded
from compare.classify.variants.style import is_variant as style_variant
from compare.model import Kind

from classify_helpers import of_kind, run


def _texts(finding, article_id: str) -> list[str]:
    return [s.text for s in finding.spans.get(article_id, ())]


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("Rain fell on Monday, and roads shut.", 7, "and roads shut"),
        ("Rain fell on Monday, and roads shut.", 4, "Rain fell on Monday"),
        ("Rain fell on Monday, and roads shut.", 9, "and roads shut"),  # the final "."
        ("Roads shut.", 0, "Roads shut"),
        ('"We lost," he said.', 0, "We lost"),
    ],
)
def test_clause_around(text: str, at: int, expected: str) -> None:
    toks = tokenize(text)
    lo, hi = clause_around(toks, at)
    assert " ".join(t.text for t in toks[lo:hi]) == expected


@pytest.mark.parametrize(
    ("a", "b", "quoted_b"),
    [
        # attribution at the end: the lacking side quotes the claim, not the "."
        (
            "The bridge will reopen on Friday, the council said.",
            "The bridge will reopen on Friday.",
            "The bridge will reopen on Friday",
        ),
        # attribution at the start
        (
            "Police said six people were hurt.",
            "Six people were hurt.",
            "Six people were hurt",
        ),
    ],
)
def test_unattributed_side_quotes_the_claim(a: str, b: str, quoted_b: str) -> None:
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert _texts(finding, "b") == [quoted_b]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a follow-up quote after a tagged one: the speaker is named next door
        (
            'The coach spoke after the game. "We lost," he said. "The pitch was poor," he said.',
            'The coach spoke after the game. "We lost," he said. "The pitch was poor."',
        ),
        # a coordinated verb: the subject acts ("forecast ... and warned"), it does not vouch
        (
            "The agency forecast more rain and warned that rivers could rise.",
            "The agency forecast more rain.",
        ),
    ],
)
def test_no_attribution_finding(a: str, b: str) -> None:
    assert not of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)


def test_sentence_after_reported_speech_is_not_read_as_stated_as_fact() -> None:
    # Read blind on real coverage, a sentence that follows "..., he said." is
    # still the speaker's account (classify/evidence.py): not "stated as fact".
    a = 'The coach spoke. "We lost," he said. The pitch was poor, he said.'
    b = 'The coach spoke. "We lost," he said. The pitch was poor.'
    assert not of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)


def test_unquoted_sentence_after_narration_reads_as_dropped_attribution() -> None:
    a = "The coach spoke after the game. The pitch was poor, he said."
    b = "The coach spoke after the game. The pitch was poor."
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)


@pytest.mark.parametrize(
    ("a", "b", "only", "other"),
    [
        (
            "The mayor, a former teacher, opened the bridge.",
            "The mayor opened the bridge.",
            "a former teacher",
            "The mayor opened the bridge",
        ),
        (
            "Voters in the north backed the plan strongly.",
            "Voters in the north backed the plan.",
            "strongly",
            "Voters in the north backed the plan",
        ),
    ],
)
def test_only_in_one_version_quotes_the_other_clause(a: str, b: str, only: str, other: str) -> None:
    found = [
        f
        for f in of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
        if "in one version, not another" in f.label
    ]
    assert found
    assert _texts(found[0], "a") == [only]
    assert _texts(found[0], "b") == [other]
    assert all(any(c.isalnum() for c in t) for t in _texts(found[0], "b"))


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("a crowd of 41,212", "about 41,000 fans", True),
        ("a crowd of 41,212", "about 38,000 fans", False),
        ("41,212 fans", "41,000 seats", False),  # neither is hedged: not a rounding
        ("eight boats", "about 10 boats", True),
        ("about 10 boats", "about 12 boats", False),
    ],
)
def test_rounded(x: str, y: str, expected: bool) -> None:
    assert rounded(quantities(tokenize(x))[0], quantities(tokenize(y))[0]) is expected


def test_rounded_figure_is_a_number_discrepancy() -> None:
    found = of_kind(
        run(
            {
                "a": "The crowd of 52,317 was a record for the ground.",
                "b": "About 52,000 fans attended the game.",
            }
        ),
        Kind.NUMBER_DISCREPANCY,
    )
    assert found


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Shares fell a further 2% on Thursday.", "Shares fell 6% on Wednesday.", False),
        ("Shares fell another 2% on Thursday.", "Shares fell 6% on Wednesday.", False),
        ("Shares fell 2% on Thursday.", "Shares fell 6% on Thursday.", True),
    ],
)
def test_increment_is_not_a_total(a: str, b: str, expected: bool) -> None:
    assert bool(of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("$212m", "$212 million", True),
        ("£4.1bn", "£4.1 billion", True),
        ("$212m", "$213 million", False),
        ("5m", "5 million", False),  # no currency: could be metres
    ],
)
def test_magnitude_abbreviation_is_style(a: str, b: str, expected: bool) -> None:
    assert style_variant(a, b) is expected


def test_magnitude_style_found_inside_a_rewrite() -> None:
    found = of_kind(
        run(
            {
                "a": "Profit fell to $88m in the three months to June.",
                "b": "The firm reported profit of $88 million for the three months to June.",
            }
        ),
        Kind.STYLE_VARIANT,
    )
    assert any("$88m" in t or "88m" in t for f in found for t in _texts(f, "a"))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the same surname after two spellings of a first name is evidence
        (
            "The goal came from Oleksiy Marchuk late on. Marchuk was mobbed.",
            "The goal came late on from Aleksiy Marchuk. Marchuk was mobbed.",
            True,
        ),
        # different surnames: two people
        (
            "The goal came from Oleksiy Marchuk late on.",
            "The goal came late on from Aleksiy Bondar.",
            False,
        ),
    ],
)
def test_first_name_variant_by_surname(a: str, b: str, expected: bool) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.NAME_VARIANT)
    hit = any("Oleksiy" in _texts(f, "a") or "Aleksiy" in _texts(f, "b") for f in found)
    assert hit is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("had handed $5m to owners", "paid out $5 million to owners", True),  # split at figure
        ("closed 9% lower", "fell 7% in early trading", True),  # "closed" vs "fell" only
        ("is up 5% on the year", "is up 5% on the year", False),
    ],
)
def test_rewording_split_at_figures(a: str, b: str, expected: bool) -> None:
    texts = {"a": f"The union said the firm {a}.", "b": f"The union said the firm {b}."}
    found = of_kind(run(texts), Kind.WORDING_CHANGE)
    spans = [t for f in found for t in _texts(f, "a")]
    assert all("$" not in t and "%" not in t for t in spans)
    assert bool(found) is expected


@pytest.mark.parametrize(
    ("x", "y", "shared"),
    [
        ("He met Tokhtarov.", "He met Tukhtarov.", True),
        ("He met Wróbel.", "He met Wrobel.", True),
        ("He met Tokhtarov.", "He met Lindqvist.", False),
        ("Tokhtarov spoke.", "He met Tokhtarov.", False),  # sentence-initial: not read
    ],
)
def test_name_grams(x: str, y: str, shared: bool) -> None:
    a, b = set(name_grams(tokenize(x))), set(name_grams(tokenize(y)))
    assert (len(a & b) >= 3) is shared


def test_loaded_term_added_quotes_the_other_clause() -> None:
    a = "Police clashed with rioters outside the court on Monday."
    b = "Police clashed outside the court on Monday."
    found = [f for f in of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM) if "added" in f.label]
    assert found
    assert _texts(found[0], "a") == ["rioters"]
    (other,) = _texts(found[0], "b")
    assert "Police clashed" in other and other[-1].isalnum()
