"""Cell pairs are rebuilt from the diff stage's edits, not matched a second time."""

from __future__ import annotations

from compare.align.diff import diff, opcodes
from compare.classify.base import Context
from compare.classify.pairs import cell_pairs, cell_pairs_by_id, rebuilt_opcodes, shared_copy
from compare.model import Alignment, Passage

from builders import story_from_texts
from classify_helpers import sentence_context

TEXTS = {
    "b": "Heavy rain fell on the town on Monday. Roads shut.",
    "a": "Rain fell on the old town on Monday night. Roads shut at noon.",
    "c": "Rain fell. Roads shut.",
}


def _contexts() -> tuple[Context, Context]:
    story = story_from_texts(TEXTS)
    passages = (
        Passage("p1", {"a": (0,), "b": (0,), "c": (0,)}),
        Passage("p2", {"a": (1,), "b": (1,), "c": (1,)}),
    )
    # Alignment order b, c, a: pairs (b, a) and (c, a) run against diff's id order.
    alignment = Alignment(("b", "c", "a"), passages)
    bare = Context(story, alignment, ())
    return bare, Context(story, alignment, diff(story, alignment))


def test_opcodes_from_diff_edits_equal_a_direct_match() -> None:
    _bare, ctx = _contexts()
    for pair in cell_pairs_by_id(ctx):
        direct = opcodes([t.norm for t in pair.a_tokens], [t.norm for t in pair.b_tokens])
        assert list(pair.opcodes) == direct


def test_reversed_pairs_swap_sides_and_cover_both_cells() -> None:
    bare, ctx = _contexts()
    reversed_pairs = [p for p in cell_pairs(ctx) if p.a > p.b]
    assert reversed_pairs, "alignment order must put a later id first somewhere"
    for pair in reversed_pairs:
        ops = pair.opcodes
        assert ops[0][1] == 0 and ops[0][3] == 0
        assert ops[-1][2] == len(pair.a_tokens) and ops[-1][4] == len(pair.b_tokens)
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                assert [t.norm for t in pair.a_tokens[i1:i2]] == [
                    t.norm for t in pair.b_tokens[j1:j2]
                ]
            if op == "insert":
                assert i1 == i2 and j2 > j1
            if op == "delete":
                assert j1 == j2 and i2 > i1
    # The same edits, whether the pairs came from the diff stage or were matched here.
    assert [p.edits() for p in cell_pairs_by_id(ctx)] == [p.edits() for p in cell_pairs_by_id(bare)]


def test_identical_cells_are_one_equal_run() -> None:
    assert rebuilt_opcodes([], 3, 3) == [("equal", 0, 3, 0, 3)]
    assert rebuilt_opcodes([], 0, 0) == []


def test_shared_copy_tells_edited_copy_from_reports_in_own_words() -> None:
    copy = sentence_context(
        {
            "a": "Rain fell on Monday. The river rose a metre. Roads shut.",
            "b": "Heavy rain fell on Monday. The river rose a metre overnight. Two roads shut.",
        }
    )
    own = sentence_context(
        {
            "a": "Rain fell on Monday. The river rose a metre. Roads shut.",
            "b": "Monday brought a downpour. Water levels climbed. Drivers found routes closed.",
        }
    )
    assert shared_copy(copy) == 1.0
    assert shared_copy(own) == 0.0
