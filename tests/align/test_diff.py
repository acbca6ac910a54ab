"""Token-level edits inside aligned cells."""

from __future__ import annotations

import pytest

from compare.align.diff import cell_tokens, diff, matched_tokens
from compare.classify.base import Context
from compare.model import Alignment, Passage

from builders import story_from_texts

CASES = {
    "word replaced": (
        "Police arrested 12 protesters.",
        "Police arrested 14 protesters.",
        [("replace", 2, 2, ["12"], ["14"])],
    ),
    "word inserted": (
        "The mayor resigned.",
        "The mayor finally resigned.",
        [("insert", 2, 2, [], ["finally"])],
    ),
    "words deleted": (
        "The mayor resigned on Friday evening.",
        "The mayor resigned.",
        [("delete", 3, 3, ["on", "Friday", "evening"], [])],
    ),
    "typography only": ("\u201cNo,\u201d she said.", '"No," she said.', []),
    "case only": ("The Mayor resigned.", "The mayor resigned.", []),
    "two changes": (
        "Rain closed three roads on Monday.",
        "Snow closed three roads on Sunday.",
        [("replace", 0, 0, ["Rain"], ["Snow"]), ("replace", 5, 5, ["Monday"], ["Sunday"])],
    ),
}


def one_passage(a: str, b: str) -> tuple:
    story = story_from_texts({"a": a, "b": b})
    alignment = Alignment(("a", "b"), (Passage("p1", {"a": (0,), "b": (0,)}),))
    return story, alignment


@pytest.mark.parametrize(("a", "b", "expected"), CASES.values(), ids=CASES.keys())
def test_edits(a: str, b: str, expected: list[tuple]) -> None:
    story, alignment = one_passage(a, b)
    got = [
        (e.op, e.a_index, e.b_index, [t.text for t in e.a_tokens], [t.text for t in e.b_tokens])
        for e in diff(story, alignment)
    ]
    assert got == expected


def test_indexes_point_into_cell_tokens_of_a_split_cell() -> None:
    story = story_from_texts(
        {"a": "Rain fell. Roads shut at noon.", "b": "Rain fell and roads shut."}
    )
    passage = Passage("p1", {"a": (0, 1), "b": (0,)})
    alignment = Alignment(("a", "b"), (passage,))
    ctx = Context(story, alignment, ())
    assert cell_tokens(story, passage, "a") == ctx.cell_tokens("p1", "a")
    for edit in diff(story, alignment):
        a_cell, b_cell = ctx.cell_tokens("p1", "a"), ctx.cell_tokens("p1", "b")
        assert a_cell[edit.a_index : edit.a_index + len(edit.a_tokens)] == edit.a_tokens
        assert b_cell[edit.b_index : edit.b_index + len(edit.b_tokens)] == edit.b_tokens
    ops = [
        (e.op, [t.text for t in e.a_tokens], [t.text for t in e.b_tokens])
        for e in diff(story, alignment)
    ]
    assert ops == [("replace", ["."], ["and"]), ("delete", ["at", "noon"], [])]


def test_pairs_ordered_by_id_and_single_cells_skipped() -> None:
    story = story_from_texts({"c": "Rain fell.", "a": "Rain fell hard.", "b": "Snow fell."})
    alignment = Alignment(
        ("a", "b", "c"),
        (
            Passage("p1", {"c": (0,), "a": (0,), "b": (0,)}),
            Passage("p2", {"a": (0,)}),
        ),
    )
    pairs = [(e.passage_id, e.a, e.b) for e in diff(story, alignment)]
    assert pairs == [("p1", "a", "b"), ("p1", "a", "b"), ("p1", "a", "c"), ("p1", "b", "c")]


def test_articles_outside_the_alignment_are_ignored() -> None:
    story = story_from_texts({"a": "Rain fell.", "b": "Snow fell."})
    alignment = Alignment(("a",), (Passage("p1", {"a": (0,), "b": (0,)}),))
    assert diff(story, alignment) == ()


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [(["x", "y", "z"], ["x", "q", "z"], 2), ([], ["x"], 0), (["a"] * 300, ["a"] * 300, 300)],
)
def test_matched_tokens(a: list[str], b: list[str], n: int) -> None:
    assert matched_tokens(a, b) == n
