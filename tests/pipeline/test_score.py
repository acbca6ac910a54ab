"""Scores on a tiny hand-computed example, and the cell status rules."""

from __future__ import annotations

import pytest

from compare.model import (
    Alignment,
    CellStatus,
    Finding,
    Kind,
    PairScore,
    Passage,
    Severity,
    Span,
)
from compare.pipeline.score import cell_statuses, score
from compare.util.options import Options

from builders import story_from_texts

SAME, REWORDED, OMITTED, ONLY = (
    CellStatus.SAME,
    CellStatus.REWORDED,
    CellStatus.OMITTED,
    CellStatus.ONLY_HERE,
)

# Tokens (norms): a = rain fell . | roads shut .            -> 6
#                 b = rain fell . | roads closed . | schools shut .  -> 9
#                 c = rain fell . | bridges fell .          -> 6
STORY = story_from_texts(
    {
        "a": "Rain fell. Roads shut.",
        "b": "Ra\u00adin fell. Roads closed. Schools shut.",  # soft hyphen: typography
        "c": "RAIN fell. Bridges fell.",
    }
)
ALIGNMENT = Alignment(
    ("a", "b", "c"),
    (
        Passage("p1", {"a": (0,), "b": (0,), "c": (0,)}),
        Passage("p2", {"a": (1,), "b": (1,)}),
        Passage("p3", {"b": (2,)}),
        Passage("p4", {"c": (1,)}),
    ),
)


def finding(n: int, kind: Kind, ids: tuple[str, ...]) -> Finding:
    spans = {aid: (Span(aid, 0, 1, 1, "x"),) for aid in ids}
    return Finding(f"f{n}", kind, Severity.LOW, "p1", spans, "why")


FINDINGS = (
    finding(1, Kind.TYPOGRAPHY, ("a", "b")),
    finding(2, Kind.NUMBER_DISCREPANCY, ("b", "c")),
    finding(3, Kind.TYPOGRAPHY, ("b",)),
    Finding("f4", Kind.HEDGE_CHANGE, Severity.LOW, "p1", {"a": ()}, "no span: not counted"),
)
SCORES = score(STORY, ALIGNMENT, FINDINGS, options=Options())


def test_pairs() -> None:
    # a-b: p1 matches 3 tokens, p2 "roads ." 2 -> 2*5/(6+9); a-c: 2*3/12; b-c: 2*3/15.
    assert SCORES.pairs == (
        PairScore("a", "b", 0.6667),
        PairScore("a", "c", 0.5),
        PairScore("b", "c", 0.4),
    )


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("coverage", {"a": 1.0, "b": 1.0, "c": 0.5}),  # shared story = p1, p2
        ("reworded", {"a": 0.5, "b": 0.5, "c": 0.0}),  # p2 versions tie: both reworded
        ("divergence", {"a": 0.4167, "b": 0.4667, "c": 0.55}),  # 1 - mean of unrounded pairs
        ("typography", {"a": 1, "b": 2, "c": 0}),
    ],
)
def test_per_article_numbers(field: str, expected: dict) -> None:
    assert dict(getattr(SCORES, field)) == expected


def test_by_kind_counts_findings_whose_spans_include_the_article() -> None:
    assert SCORES.by_kind["b"]["typography"] == 2
    assert SCORES.by_kind["b"]["number_discrepancy"] == 1
    assert SCORES.by_kind["a"]["hedge_change"] == 0
    assert set(SCORES.by_kind["c"]) == {k.value for k in Kind}


def test_cells() -> None:
    assert {a: dict(c) for a, c in SCORES.cells.items()} == {
        # p1: typography and case do not count
        "a": {"p1": SAME, "p2": REWORDED},
        "b": {"p1": SAME, "p2": REWORDED, "p3": ONLY},
        "c": {"p1": SAME, "p2": OMITTED, "p4": ONLY},
    }


V1, V2, V3 = ("x", "y"), ("x", "z"), ("w",)
STATUS_CASES = {
    "majority wins": ({"a": V1, "b": V1, "c": V2}, {"a": SAME, "b": SAME, "c": REWORDED}),
    "all differ": ({"a": V1, "b": V2}, {"a": REWORDED, "b": REWORDED}),
    "tie of two versions": (
        {"a": V1, "b": V1, "c": V2, "d": V2},
        {"a": REWORDED, "b": REWORDED, "c": REWORDED, "d": REWORDED},
    ),
    "one carrier": ({"a": V3}, {"a": ONLY}),
    "two carriers, the rest omitted": (
        {"a": V3, "b": V3},
        {"a": SAME, "b": SAME, "c": OMITTED, "d": OMITTED},
    ),
}


@pytest.mark.parametrize(("versions", "expected"), STATUS_CASES.values(), ids=STATUS_CASES.keys())
def test_cell_statuses(versions: dict, expected: dict) -> None:
    ids = sorted(expected) if len(versions) > 1 else ["a", "b", "c", "d"]
    assert cell_statuses(versions, ids) == expected


def test_empty_alignment() -> None:
    empty = score(STORY, Alignment((), ()), (), options=Options())
    assert (empty.pairs, dict(empty.coverage), dict(empty.cells)) == ((), {}, {})


def test_single_article_has_zero_divergence_and_coverage() -> None:
    alignment = Alignment(("a",), (Passage("p1", {"a": (0,)}), Passage("p2", {"a": (1,)})))
    scores = score(STORY, alignment, (), options=Options())
    assert (dict(scores.divergence), dict(scores.coverage)) == ({"a": 0.0}, {"a": 0.0})


def test_partial_lists_articles_carrying_under_half_the_shared_story() -> None:
    story = story_from_texts(
        {
            "a": "Rain fell. Roads shut. Schools closed.",
            "b": "Rain fell. Roads shut. Schools closed.",
            "c": "Rain fell.",
        }
    )
    alignment = Alignment(
        ("a", "b", "c"),
        (
            Passage("p1", {"a": (0,), "b": (0,), "c": (0,)}),
            Passage("p2", {"a": (1,), "b": (1,)}),
            Passage("p3", {"a": (2,), "b": (2,)}),
        ),
    )
    scores = score(story, alignment, (), options=Options())
    assert scores.coverage["c"] < 0.5
    assert scores.partial == ("c",)
    assert SCORES.partial == ()  # c carries exactly half: not partial
