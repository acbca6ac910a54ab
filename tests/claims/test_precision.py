"""claims.precision and precision findings: an exact or hedged figure against a vague amount."""

from __future__ import annotations

import pytest

from compare.model import Kind, Severity

from classify_helpers import of_kind, run

FILLER = "Roads into the town were closed. Aid arrived on trucks from the capital. "


@pytest.mark.parametrize(
    ("a", "b", "quoted"),
    [
        # a group sized exactly by one outlet, vaguely by another, no event word in either
        (
            "The governor briefed 120 senior officials on the plan.",
            "The governor asked dozens of state functionaries to stay.",
            {"120", "dozens"},
        ),
        # consistent, so never a conflict (it was not a finding at all before #14)
        (
            "The storm killed hundreds of people.",
            "The storm killed 600 people.",
            {"hundreds", "600"},
        ),
        # a casualty count: "dozens" against "about 60"
        (
            "Floods killed 9 people and dozens were missing.",
            "About 60 people were still missing, rescuers said.",
            {"dozens", "About 60"},
        ),
    ],
)
def test_a_vaguer_version_is_listed_last(a: str, b: str, quoted: set[str]) -> None:
    (f,) = of_kind(run({"a": FILLER + a, "b": b + " " + FILLER}), Kind.NUMBER_DISCREPANCY)
    assert {s.text for ss in f.spans.values() for s in ss} == quoted
    # readers judge a difference of precision alone trivial: it is listed last
    assert f.confidence < 0.7 and f.severity is Severity.COSMETIC
    assert "different precision" in f.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the generic class "people" says nothing about which crowd
        ("A crowd of 300 people gathered.", "Hundreds of people marched later."),
        # disjoint: maybe two different groups, so no conflict on a noun class alone
        ("He met 300 officials.", "He addressed thousands of officials."),
        # two figures for the group in one article: which one is meant is unknown
        ("He met 300 officials. | Later 40 officials left.", "He met hundreds of officials."),
        # different scopes
        ("He met 300 officials in Kent.", "He met hundreds of officials in Surrey."),
        # both exact: a plain conflict of an event-less count is left to the passage rules
        ("He met 300 officials.", "He wrote to 300 officials."),
    ],
)
def test_no_precision_finding(a: str, b: str) -> None:
    texts = {"a": FILLER + a.replace(" | ", " "), "b": b + " " + FILLER}
    assert of_kind(run(texts), Kind.NUMBER_DISCREPANCY) == []
