"""The evidence check on attribution and hedge candidates (classify/evidence.py).

Each case is an invented pair of versions; the candidate is what an
attribution rule would emit for them, so the test reads the check alone.
"""

from __future__ import annotations

import pytest

from compare.classify.base import Candidate, Context
from compare.classify.evidence import keep, supported
from compare.classify.pairs import cell_pairs
from compare.classify.same_content import same_content
from compare.model import Alignment, Kind, Passage, Severity, Span

from builders import story_from_texts

CREDITED = "The harbour master said the ferry to Quarry Island would stop running on Monday."


def _context(a: str, b: str) -> Context:
    story = story_from_texts({"a": a, "b": b})
    return Context(story=story, alignment=Alignment(("a", "b"), ()), edits=())


def _span(text: str, aid: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(aid, start, start + len(needle), 1, needle)


def _candidate(a: str, b: str, a_part: str, b_part: str, *, key: str = "fact") -> Candidate:
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=None,
        key=key,
        spans={"a": (_span(a, "a", a_part),), "b": (_span(b, "b", b_part),)},
        explanation="e",
        label="l",
    )


@pytest.mark.parametrize(
    ("b", "b_part", "kept", "why"),
    [
        (
            "The ferry to Quarry Island will stop running on Monday.",
            "The ferry to Quarry Island will stop running",
            True,
            "same claim, no source at all: a real attribution change",
        ),
        (
            "Schools in the valley reopened after the storm passed.",
            "Schools in the valley reopened",
            False,
            "a different claim: nothing was dropped",
        ),
        (
            "\u201cThe ferry to Quarry Island will stop running on Monday.\u201d",
            "The ferry to Quarry Island will stop running",
            False,
            "quoted words are somebody's words",
        ),
        (
            "The harbour master spoke on Friday and said repairs were due.\n\n"
            "The ferry to Quarry Island will stop running on Monday.",
            "The ferry to Quarry Island will stop running",
            False,
            "reported speech running on from the sentence before",
        ),
        (
            "The harbour master on Friday announced the ferry to Quarry Island will stop running"
            " on Monday.",
            "the ferry to Quarry Island will stop running",
            False,
            "an official announcement is a source too",
        ),
        (
            "The ferry to Quarry Island will stop running on Monday, officials said.",
            "The ferry to Quarry Island will stop running",
            False,
            "both versions attribute it",
        ),
    ],
)
def test_stated_as_fact_needs_the_same_claim_without_any_source(
    b: str, b_part: str, kept: bool, why: str
) -> None:
    ctx = _context(CREDITED, b)
    assert keep(ctx, _candidate(CREDITED, b, "The harbour master said", b_part)) is kept, why


def test_a_source_change_between_different_claims_is_dropped() -> None:
    b = "Fishermen said the catch was the smallest in a decade."
    candidate = _candidate(CREDITED, b, "The harbour master", "Fishermen", key="source:x|y")
    assert supported(_context(CREDITED, b), [candidate]) == []


def test_other_kinds_pass_untouched() -> None:
    b = "Schools in the valley reopened after the storm passed."
    candidate = _candidate(CREDITED, b, "ferry", "Schools")
    loaded = Candidate(**{**candidate.__dict__, "kind": Kind.LOADED_TERM})
    assert keep(_context(CREDITED, b), loaded)


# A chain: the council's notice (a) and the residents' complaint (c) share a
# theme (the bridge's repairs) and are joined only through b, which says both.
CHAIN = {
    "a": "The river council said the old bridge would close on Friday for repairs by winter. "
    "Other filler text about weather.",
    "b": "The old bridge will close on Friday for repairs to its stone arches after winter floods, "
    "the river council said. Farmers sold apples.",
    "c": "Winter floods delayed repairs to the stone arches of the bridge, residents complained. "
    "Trains ran late.",
}


def _passage_context(cells: tuple[str, ...]) -> Context:
    story = story_from_texts({aid: CHAIN[aid] for aid in cells})
    passage = Passage("p1", {aid: (0,) for aid in cells})
    return Context(story=story, alignment=Alignment(cells, (passage,)), edits=())


def test_two_cells_joined_through_a_third_are_not_the_same_statement() -> None:
    ctx = _passage_context(("a", "b", "c"))
    verdicts = {(p.a, p.b): same_content(ctx, p) for p in cell_pairs(ctx)}
    assert verdicts == {("a", "b"): True, ("a", "c"): False, ("b", "c"): True}


def test_a_loose_pair_with_no_closer_partner_is_the_same_statement() -> None:
    # The same two cells as the chain's weak link, alone in their passage: the
    # loose link is the one the passage was built on, so its words are compared.
    ctx = _passage_context(("a", "c"))
    assert [same_content(ctx, p) for p in cell_pairs(ctx)] == [True]
