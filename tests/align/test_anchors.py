"""The anchored pass of the aligner: mutual best matches that share rare words, anywhere."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

import compare.align.anchors as align_anchors
import compare.align.learned as align_learned
from compare.align.anchors import anchored_edges, mutual_best, rare_words
from compare.align.passages import align
from compare.align.similarity import SentenceMatrix
from compare.model import Alignment
from compare.util.options import Options
from tests.align.test_passages import BRIDGE, DETOUR, MAYOR, RAIN, REPAIR, SCHOOL

from builders import story_from_texts

# REPAIR reworded (TF-IDF similarity about 0.31, under align_threshold) and
# moved to the end of its article, away from where its neighbours point.
MOVED = "It will take three weeks to rebuild the damaged parapet, officials said."
A = f"{BRIDGE} {DETOUR} {REPAIR} {MAYOR} {SCHOOL} {RAIN}"
B = f"{BRIDGE} {DETOUR} {MAYOR} {SCHOOL} {RAIN} {MOVED}"


def passages(alignment: Alignment) -> list[dict[str, tuple[int, ...]]]:
    return [dict(p.cells) for p in alignment.passages]


def test_moved_rewording_is_paired() -> None:
    found = passages(align(story_from_texts({"a": A, "b": B}), options=Options()))
    assert {"a": (2,), "b": (5,)} in found
    assert len(found) == 6  # every other sentence keeps its own counterpart


def test_moved_rewording_needs_the_anchored_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the third pass (and the learned fourth, which would pair it
    # too: tests/align/test_learned.py) the pair stays apart: the first two
    # passes cannot see it.
    monkeypatch.setattr(align_anchors, "ANCHOR_RATIO", 10.0)
    monkeypatch.setattr(align_anchors, "NEAR_RATIO", 10.0)
    monkeypatch.setattr(align_learned, "LEARNED_MIN", 2.0)
    found = passages(align(story_from_texts({"a": A, "b": B}), options=Options()))
    assert {"a": (2,)} in found and {"b": (5,)} in found


def test_runner_up_does_not_take_a_sentence_already_matched() -> None:
    # a's repair sentence has an exact copy in b: the rewording is only its
    # second best match, so it stays alone instead of joining the passage.
    texts = {"a": A, "b": f"{BRIDGE} {REPAIR} {DETOUR} {MAYOR} {MOVED}"}
    found = passages(align(story_from_texts(texts), options=Options()))
    assert {"a": (2,), "b": (1,)} in found
    assert {"b": (4,)} in found


F = frozenset


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a word in every sentence of both articles is the story's, not a fact's
        (
            [
                [F({"flood", "levee"}), F({"flood"}), F({"flood"})],
                [F({"flood", "levee"}), F({"flood"})],
            ],
            [[F({"levee"}), F(), F()], [F({"levee"}), F()]],
        ),
        # up to RARE_PER_ARTICLE (2) sentences per article: still rare
        (
            [[F({"dam"}), F({"dam"})], [F({"dam"}), F({"dam"})]],
            [[F({"dam"}), F({"dam"})], [F({"dam"}), F({"dam"})]],
        ),
        ([[F({"dam"}), F({"dam"}), F({"dam"})]], [[F(), F(), F()]]),
        ([[], []], [[], []]),
    ],
    ids=["story word", "at the limit", "over the limit", "empty"],
)
def test_rare_words(
    sentences: list[list[frozenset[str]]], expected: list[list[frozenset[str]]]
) -> None:
    assert rare_words(sentences) == expected


class _Table:
    """A candidate table between article 0 (left) and article 1 (right)."""

    def __init__(self, cells: list[tuple[int, int, float]], *, widths: int = 1) -> None:
        self.li = np.array([c[0] for c in cells], dtype=np.int64)
        self.ri = np.array([c[1] for c in cells], dtype=np.int64)
        self.value = np.array([c[2] for c in cells])
        self.weight = self.value.copy()
        self.lk = np.zeros(len(cells), dtype=np.int64)
        self.rk = np.ones(len(cells), dtype=np.int64)
        self.lw = np.ones(len(cells), dtype=np.int64)
        self.rw = np.full(len(cells), widths, dtype=np.int64)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ([(0, 0, 0.4)], [True]),
        # 0 -> 1 is 0's best, but 1's best is 2 -> 1
        ([(0, 0, 0.2), (0, 1, 0.4), (2, 1, 0.5)], [False, False, True]),
        # a tie is best for both tied cells: no order decides
        ([(0, 0, 0.3), (1, 0, 0.3)], [True, True]),
        ([], []),
    ],
    ids=["single", "column has a better row", "tie", "empty"],
)
def test_mutual_best(cells: list[tuple[int, int, float]], expected: list[bool]) -> None:
    assert mutual_best(_Table(cells)).tolist() == expected


def test_split_edges_are_never_mutual_best() -> None:
    # A split edge (one sentence against a run of two) is the split pass's business.
    assert mutual_best(_Table([(0, 0, 0.9)], widths=2)).tolist() == [False]


def _edges(value: float, left: int, right: int, shared: int) -> list[tuple[int, int]]:
    """Anchored edges between two lonely 10-sentence articles with one candidate cell."""
    matrix = SentenceMatrix(sparse.csr_matrix((20, 1)), sparse.csr_matrix((20, 1)), (0, 10, 20))
    words = [F(f"w{n}" for n in range(shared))]
    rare = [[words[0] if i == left else F() for i in range(10)]]
    rare.append([words[0] if i == right else F() for i in range(10)])
    table = _Table([(left, right, value)])
    alone = [{k: (i,)} for k in (0, 1) for i in range(10)]
    edges = anchored_edges(matrix, alone, threshold=0.35, table=table, rare=rare)
    return [(e.left[0][1], e.right[0][1]) for e in edges]


@pytest.mark.parametrize(
    ("value", "left", "right", "shared", "paired"),
    [
        (0.30, 1, 8, 2, True),  # 0.8 of the threshold or more: anywhere
        (0.25, 1, 8, 2, False),  # weaker and far apart: no
        (0.25, 4, 6, 2, True),  # weaker but at about the same place
        (0.18, 4, 4, 2, False),  # under NEAR_RATIO of the threshold
        (0.30, 1, 8, 1, False),  # one rare word in common is not enough
    ],
)
def test_anchored_edge_rules(
    value: float, left: int, right: int, shared: int, paired: bool
) -> None:
    assert _edges(value, left, right, shared) == ([(left, right)] if paired else [])
