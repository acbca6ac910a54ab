"""Datelines: "CITY:" before a lede one outlet keeps and another cuts."""

from __future__ import annotations

import pytest

from compare.classify.variants import datelines
from compare.model import Kind

from classify_helpers import assert_quotes_source, sentence_context


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("EASTFIELD: Talks ended.", "EASTFIELD:"),
        ("NORTHGATE \u2014 Talks ended.", "NORTHGATE \u2014"),
        ("EASTFIELD, Ohio (Wirenews) - Talks ended.", "EASTFIELD, Ohio (Wirenews) -"),
        ("Port Vell (Wirenews): Talks ended.", "Port Vell (Wirenews):"),
        ("(Wirenews) - Talks ended.", "(Wirenews) -"),
        ("Talks ended in ROME: nobody came.", None),
        ("US: talks ended.", None),
        ("Port Vell: talks ended.", None),
    ],
)
def test_dateline(text: str, line: str | None) -> None:
    assert datelines.dateline(text) == line


def test_dateline_against_a_bare_lede() -> None:
    ctx = sentence_context(
        {
            "a": "PORT VELL: The council voted to close the harbour. Rain fell.",
            "b": "The council voted to close the harbour on Monday. Rain fell.",
        }
    )
    (found,) = datelines.find(ctx)
    assert found.kind is Kind.STYLE_VARIANT
    assert [s.text for s in found.spans["a"]] == ["PORT VELL:"]
    assert [s.text for s in found.spans["b"]] == ["The council voted"]
    assert_quotes_source(ctx, found)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PORT VELL: The council voted.", "PORT VELL \u2014 The council voted."),  # both have one
        ("The council voted.", "The council voted."),
        ("PORT VELL: The council voted.", "Port Vell - The council voted."),  # one in title case
        # A dateline deep in the story is not the lede's.
        ("Rain fell. Fog came. Wind rose. PORT VELL: The council voted.", "Rain fell."),
        # read blind (twelfth round): a hyphened place in the dateline read as no dateline
        (
            "AL KHATEM AIRBASE, Zahran (Globus Wire) \u2014 The two sides swapped prisoners.",
            "AL-KHATIM AIRBASE, Zahran (Globus Wire) \u2014 The two sides swapped prisoners.",
        ),
    ],
)
def test_no_dateline_finding(a: str, b: str) -> None:
    assert datelines.find(sentence_context({"a": a, "b": b})) == []


def test_two_outlets_own_ledes_are_not_a_dateline_difference() -> None:
    ctx = sentence_context(
        {
            "a": "PORT VELL: The council voted to close the harbour. Rain fell.",
            "b": "In a late-night session, councillors shut the harbour for good. Rain fell.",
        }
    )
    assert datelines.find(ctx) == []


@pytest.mark.parametrize(
    ("opening", "reported"), [("PORT VELL, Ostria \u2014 ", False), ("", True)]
)
def test_no_dateline_finding_where_the_other_opens_with_its_own(
    opening: str, reported: bool
) -> None:
    # read blind (nineteenth round): "BELGRADE \u2013 The National Bank ..." paired with the
    # other outlet's third sentence, whose own lede opens "BELGRADE, Serbia \u2014 ..."
    from compare.classify.base import Context
    from compare.model import Alignment, Passage

    texts = {
        "a": "PORT VELL \u2014 The council voted to close the harbour. Rain fell.",
        "b": f"{opening}Fishermen face ruin. Rain fell. The council voted to close the harbour.",
    }
    story = sentence_context(texts).story
    passage = Passage("p1", {"a": (0,), "b": (2,)})
    ctx = Context(story, Alignment(("a", "b"), (passage,)), ())
    assert bool(datelines.find(ctx)) is reported
