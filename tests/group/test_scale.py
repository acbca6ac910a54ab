"""Grouping's per-story work does not depend on the archive's size, and its shortcuts are exact.

Why: per-story steps that walked arrays as long as the archive or its
vocabulary made grouping quadratic (issue #8).  These tests pin the
replacements (compact row gathers, dense story blocks, batched centrality)
to the plain computations they replace.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from compare.group import outliers as cluster_outliers
from compare.group.stories import centrality, cluster
from compare.group.vectors import (
    ArticleCounts,
    gather_dense,
    gather_rows,
    raw_tfidf,
    raw_tfidf_dense,
    tfidf,
)
from compare.util.options import Options
from tests.group.test_stories import dam_articles

OPTIONS = Options()


def _random_csr(seed: int, shape: tuple[int, int] = (60, 400)) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random(shape) * (rng.random(shape) < 0.05)
    dense[7] = 0.0  # an empty row
    return sparse.csr_matrix(dense.astype(np.float32))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gathered_rows_are_the_rows_on_the_words_they_use(seed: int) -> None:
    matrix = _random_csr(seed)
    rows = np.random.default_rng(seed).choice(matrix.shape[0], size=9, replace=False)
    rows[0] = 7
    full = matrix[rows].toarray()
    used = np.flatnonzero(full.any(axis=0))
    assert np.array_equal(gather_rows(matrix, rows).toarray(), full[:, used])
    assert np.array_equal(gather_dense(matrix, rows, 10**6), full[:, used])
    assert gather_dense(matrix, rows, 1) is None


def test_dense_tfidf_is_the_sparse_one() -> None:
    counts = sparse.csr_matrix(np.round(_random_csr(3).toarray() * 4))
    assert np.array_equal(raw_tfidf_dense(counts.toarray()), raw_tfidf(counts).toarray())


def test_centrality_is_the_summed_cosine_with_the_story() -> None:
    vectors = tfidf(_random_csr(4))
    stories = [[0, 5, 9], [7, 1], [3], [2, 4, 6, 8]]
    for story, scores in zip(stories, centrality(vectors, stories), strict=True):
        block = vectors[story].toarray().astype(np.float64)
        gram = block @ block.T
        np.fill_diagonal(gram, (np.diag(gram) > 0).astype(float))
        assert np.allclose(scores, gram.sum(axis=1))


def test_two_versions_tie_exactly_and_the_id_decides_the_title() -> None:
    vectors = tfidf(_random_csr(5))
    (scores,) = centrality(vectors, [[11, 12]])
    assert round(scores[0], 9) == round(scores[1], 9)


def test_big_story_path_flags_the_same_outliers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories too big for a dense block take the sparse path, with the same verdicts."""
    articles = dam_articles()
    dense = cluster(articles, options=OPTIONS)
    monkeypatch.setattr(cluster_outliers, "DENSE_ROWS", 0)
    monkeypatch.setattr(cluster_outliers, "DENSE_CELLS", 0)
    assert cluster(articles, options=OPTIONS) == dense
    monkeypatch.setattr(cluster_outliers, "DENSE_ROWS", 10_000)
    assert cluster(articles, options=OPTIONS) == dense


def test_sentence_rows_follow_the_articles() -> None:
    counts = ArticleCounts.of(dam_articles())
    rows = counts.sentence_rows([2, 0])
    sizes = counts.sentence_counts([2, 0])
    assert len(rows) == sizes.sum()
    assert rows[0] == counts.starts[2] + 1 and rows[sizes[0]] == counts.starts[0] + 1


def test_benchmark_grouper_times_several_runs_and_groups_alike() -> None:
    """bench/cluster_bench.py's Grouper: repeated timed runs, one grouping for all."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    try:
        import cluster_bench

        grouper = cluster_bench.Grouper(150)
        runs = [grouper.run_once() for _ in range(3)]  # raises if two runs group differently
    finally:
        sys.path.pop(0)
    assert len(runs) == 3 and all(wall > 0 and cpu > 0 for wall, cpu in runs)
    assert grouper.stories > 0 and grouper.f1() >= 0.9
