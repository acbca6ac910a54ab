"""Blockwise candidate selection (``align.topk``): exact, and memory bounded by the band.

Why these tests: the bands must give the very candidate table the whole
product gave (alignment output may not change), and the point of the bands,
memory that does not grow with the square of an article however small its
vocabulary, must be something a test can see fail (issue #19).
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

import compare.align.topk as topk
from compare.align.passages import _scored_edges
from compare.align.similarity import sentence_matrix
from compare.align.topk import fold, row_blocks, strongest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from child import dense_story

LOOSE = 0.35 * 0.55  # the lowest threshold align asks for with default options
COLUMNS = ("value", "weight", "lk", "li", "lw", "rk", "ri", "rw")


def _reference(s: np.ndarray, t: np.ndarray, value: np.ndarray, k: int) -> np.ndarray:
    """``strongest`` as its docstring defines it, one line at a time in Python."""
    keep = np.zeros(len(value), dtype=bool)
    for major, minor in ((s, t), (t, s)):
        for line in set(major.tolist()):
            at = [i for i in range(len(value)) if major[i] == line]
            at.sort(key=lambda i: (-value[i], minor[i]))
            keep[at[:k]] = True
    return keep


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [1, 3, 8])
def test_strongest_matches_its_definition_with_many_ties(seed: int, k: int) -> None:
    """Dense grids (the partition path) and sparse ones (sorting only), values with ties."""
    rnd = np.random.default_rng(seed)
    rows, cols = (40, 30) if seed % 2 else (7, 200)
    s, t = np.divmod(np.arange(rows * cols), cols)
    present = rnd.random(len(s)) < (0.9 if seed < 3 else 0.05)
    s, t = s[present], t[present]
    value = rnd.integers(0, 4, len(s)) / 4  # four values only: ties everywhere
    assert strongest(s, t, value, k).tolist() == _reference(s, t, value, k).tolist()


def test_strongest_is_the_same_in_any_order_and_with_sides_swapped() -> None:
    rnd = np.random.default_rng(1)
    s, t = np.divmod(np.arange(50 * 40), 40)
    value = rnd.integers(0, 5, len(s)) / 5
    keep = strongest(s, t, value, 3)
    order = rnd.permutation(len(s))
    assert strongest(s[order], t[order], value[order], 3).tolist() == keep[order].tolist()
    assert strongest(t, s, value, 3).tolist() == keep.tolist()


def test_fold_of_bands_is_the_cut_of_the_whole() -> None:
    """Cutting band by band keeps the cells a cut of all the cells at once keeps, in order."""
    rnd = np.random.default_rng(2)
    s, t = np.divmod(np.arange(60 * 25), 25)
    value = rnd.integers(0, 6, len(s)) / 6
    whole = {"li": s, "ri": t, "value": value}
    kept = None
    for first, stop in row_blocks(60, 25, cells=25 * 7):
        band = (s >= first) & (s < stop)
        kept = fold(kept, [{name: col[band] for name, col in whole.items()}], 2)
    assert kept is not None
    keep = strongest(s, t, value, 2)
    for name, column in whole.items():
        assert kept[0][name].tolist() == column[keep].tolist()


def _table(story: object, threshold: float) -> dict[str, list]:
    matrix = sentence_matrix(list(story.articles))  # type: ignore[attr-defined]
    table = _scored_edges(matrix, threshold=threshold)
    return {name: getattr(table, name).tolist() for name in COLUMNS}


@pytest.mark.parametrize(("vocabulary", "threshold"), [(40, LOOSE), (300, LOOSE), (25, 0.0)])
def test_bands_of_any_height_give_the_same_candidate_table(
    monkeypatch: pytest.MonkeyPatch, vocabulary: int, threshold: float
) -> None:
    """One row per band, a few rows, or the whole article: the same edges, weights and order."""
    story = dense_story(60, vocabulary)
    whole = _table(story, threshold)
    assert len(whole["value"]) > 0
    for cells in (1, 700):  # one row a band (every neighbour in the next band), seven rows
        monkeypatch.setattr(topk, "BLOCK_CELLS", cells)
        assert _table(story, threshold) == whole


def test_peak_memory_grows_with_the_band_not_with_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #19: 3 x 300 sentences from 40 words held about 50 MB of product cells at once.

    Every pair of sentences shares words there, so the whole product has
    every cell; with bands of 2^15 cells the peak is a few MB (numpy's
    allocations are traced by ``tracemalloc``), whatever the article length.
    """
    monkeypatch.setattr(topk, "BLOCK_CELLS", 1 << 15)
    matrix = sentence_matrix(list(dense_story(300, 40).articles))
    tracemalloc.start()
    try:
        table = _scored_edges(matrix, threshold=LOOSE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(table.value) > 3 * 300  # the dense case: many candidates were there to cut
    assert peak < 16 * 2**20
