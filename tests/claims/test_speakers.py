"""Who says so: a source named again a sentence or two away."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims.speakers import credited_nearby


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
