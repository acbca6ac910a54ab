"""Who says so: a source named again a sentence or two away."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims.speakers import credited_nearby, one_party


@pytest.mark.parametrize(
    ("source", "nearby", "credited"),
    [
        ("The Post", "It was first reported by The Times.", False),
        ("when The Times", "It was first reported by The Times.", True),
        ("the panel's senior Democrat", "Ann Lee, the senior Democrat on the panel, said.", True),
        # one organisation's written statement, under another name a paragraph away
        (
            "the press release from the attorney's office",
            "The spending was mislabelled as campaign travel, the statement said.",
            True,
        ),
        (
            "the press release from the attorney's office",
            "The spending was mislabelled as campaign travel, the senator said.",
            False,
        ),
    ],
)
def test_a_source_credited_a_sentence_away(source: str, nearby: str, credited: bool) -> None:
    sentences = [tokenize("Dental bills were called a charitable gift."), tokenize(nearby)]
    assert credited_nearby(tokenize(source), sentences, 0) is credited


@pytest.mark.parametrize(
    ("source", "first", "credited"),
    [
        # read blind (twenty-second round): the act told of the one named, her words next
        (
            "the principal, Maria Roe,",
            "At the school, the head teacher, Maria Roe, kept the building open.",
            True,
        ),
        # the next sentence's "she" has no one named before it to stand for
        ("the principal, Maria Roe,", "At the school, the building stayed open.", False),
        # a surname alone is too little to say who "she" is
        ("Roe", "At the school, the head teacher, Maria Roe, kept the building open.", False),
    ],
)
def test_a_pronoun_speaking_right_after_the_named_source_credits_it(
    source: str, first: str, credited: bool
) -> None:
    sentences = [tokenize(first), tokenize('"Seven of my 23 teachers came in," she said.')]
    assert credited_nearby(tokenize(source), sentences, 0) is credited


def test_a_panel_of_judges_and_the_judges_are_one_party() -> None:
    assert one_party(tokenize("The three-judge panel"), tokenize("Three judges"))
    assert not one_party(tokenize("the expert panel"), tokenize("the judge"))
