"""Sentence alignment across every compared article at once.

How: all sentences of all articles become rows of one TF-IDF matrix
(``similarity``), so every cross-article similarity comes from one sparse
product.  Pairs above ``options.align_threshold`` become weighted edges; a
sentence that another outlet split in two also gets a *split edge* to the
pair of sentences when their joined vector matches clearly better than
either half.  Edges are then merged greedily, strongest first, with
union-find (``align_merge``) under one constraint: a passage holds at most
one contiguous run of each article's sentences, and only a split edge may
make that run longer than one sentence.  Weights get a small bonus when the
neighbouring sentences also match (a paragraph moved as a whole) and when
the positions in the two articles are close, which decides ties between
repeated or generic sentences in favour of the local reading.

A second, loose pass (``loose_edges``) then merges weaker edges (down to
``LOOSE_RATIO`` of the threshold) for sentences the strong pass left alone,
when the pair shares rare features (names, numbers) and sits where the
strongly aligned neighbours on both sides point: a rewritten sentence keeps
its place in the story even when it keeps few words.

Why not pairwise alignment to a base text (as CollateX does): a greedy
global merge sees all outlets together, so a passage carried by three
outlets becomes one passage even when each pair alone would be ambiguous,
and reordered paragraphs need no special case.

Order independence: articles are processed in a canonical order derived
from their content (never their ids or input order), and every tie is
broken by content and position, so permuting or renaming the articles
gives the same passages.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from compare.align_merge import MAX_CELL, Edge, merge_components
from compare.align_order import reading_order
from compare.model import Alignment, Article, Passage, Story
from compare.options import Options
from compare.similarity import SentenceMatrix, sentence_matrix, window_rows

CONTEXT_BONUS = 0.1  # times the best neighbouring-diagonal similarity
LOCALITY_BONUS = 0.05  # times (1 - distance of relative positions)
SPLIT_GAIN = 0.1  # a joined pair must beat each half by this much
SPLIT_PART = 0.15  # and each half must resemble the sentence at least this much
LOOSE_RATIO = 0.55  # the loose pass accepts this fraction of align_threshold
LOOSE_SHARED = 2  # features a loose pair must share (rare words, numbers, names)
LOOSE_SLACK = 1  # sentences a loose match may sit outside its neighbours' anchors


def compared_articles(story: Story, *, options: Options) -> tuple[Article, ...]:
    """The story's articles that take part in the comparison, sorted by id.

    >>> from compare.model import Outlier
    >>> s = Story("s", "S", (), outliers=(Outlier("x", "old"),))
    >>> compared_articles(s, options=Options())
    ()
    """
    skip = set() if options.include_outliers else {o.article_id for o in story.outliers}
    return tuple(sorted((a for a in story.articles if a.id not in skip), key=lambda a: a.id))


def canonical(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Articles in an order that depends only on their content.

    Ids break ties only between articles with identical sentences, where
    either order gives the same alignment.
    """
    return tuple(sorted(articles, key=lambda a: (tuple(s.text for s in a.sentences), a.id)))


def _relpos(n: int) -> np.ndarray:
    return np.arange(n) / max(n - 1, 1)


def _context(block: np.ndarray) -> np.ndarray:
    """Per cell, the best similarity of the previous or next diagonal neighbour."""
    prev = np.zeros_like(block)
    nxt = np.zeros_like(block)
    prev[1:, 1:] = block[:-1, :-1]
    nxt[:-1, :-1] = block[1:, 1:]
    return np.maximum(prev, nxt)


def _split_edges(
    sims: np.ndarray,
    windows: dict[int, np.ndarray],
    bonus: np.ndarray,
    kl: int,
    kr: int,
    *,
    threshold: float,
) -> list[Edge]:
    """Edges from one sentence of article kl to a run of kr's sentences.

    ``windows[w][s, t]`` is sentence s against sentences t .. t + w - 1 joined.
    A run is accepted only when joining it matches clearly better than any
    shorter run inside it and every sentence of it resembles the sentence.
    """
    edges: list[Edge] = []
    best, weakest = sims, sims  # over all runs inside each window / over its sentences
    for width in range(2, min(MAX_CELL, sims.shape[1]) + 1):
        cols = sims.shape[1] - width + 1
        joined = windows[width][:, :cols]
        inner = np.maximum(best[:, :cols], best[:, 1 : cols + 1])
        weakest = np.minimum(weakest[:, :cols], weakest[:, 1 : cols + 1])
        ok = (joined >= threshold) & (joined >= inner + SPLIT_GAIN) & (weakest >= SPLIT_PART)
        for s, t in zip(*np.nonzero(ok), strict=True):
            run = tuple((kr, int(t) + d) for d in range(width))
            edges.append(Edge(float(joined[s, t] + bonus[s, t]), ((kl, int(s)),), run))
        best = np.maximum(joined, inner)
    return edges


def _pair_edges(
    sims: np.ndarray,
    right_runs: dict[int, np.ndarray],
    left_runs: dict[int, np.ndarray],
    ka: int,
    kb: int,
    *,
    threshold: float,
) -> list[Edge]:
    """1:1 and split edges (both ways) between articles ka and kb.

    ``right_runs[w][s, t]``: ka's sentence s vs kb's sentences t .. t + w - 1;
    ``left_runs[w][s, t]``: ka's sentences s .. s + w - 1 vs kb's sentence t.
    """
    na, nb = sims.shape
    bonus = CONTEXT_BONUS * _context(sims) + LOCALITY_BONUS * (
        1.0 - np.abs(_relpos(na)[:, None] - _relpos(nb)[None, :])
    )
    edges = [
        Edge(float(sims[s, t] + bonus[s, t]), ((ka, int(s)),), ((kb, int(t)),))
        for s, t in zip(*np.nonzero(sims >= threshold), strict=True)
    ]
    edges += _split_edges(sims, right_runs, bonus, ka, kb, threshold=threshold)
    left = {w: m.T for w, m in left_runs.items()}
    edges += _split_edges(sims.T, left, bonus.T, kb, ka, threshold=threshold)
    return edges


def candidate_edges(matrix: SentenceMatrix, *, threshold: float) -> list[Edge]:
    """Every 1:1 and split edge between sentences of different articles."""
    rows = matrix.rows
    sims = sparse.csr_matrix(rows @ rows.T)
    runs = {w: window_rows(matrix, w) for w in range(2, MAX_CELL + 1)}
    to_runs = {w: sparse.csr_matrix(rows @ m.T) for w, m in runs.items()}
    from_runs = {w: sparse.csr_matrix(m @ rows.T) for w, m in runs.items()}
    n = len(matrix.starts) - 1
    edges: list[Edge] = []
    for ka in range(n):
        a = matrix.block(ka)
        if a.start == a.stop:
            continue
        # One dense strip per article (its rows against every sentence): cheap
        # to slice, and memory grows with one article, not the whole story.
        strip = sims[a].toarray()
        to_strip = {w: m[a].toarray() for w, m in to_runs.items()}
        from_strip = {w: m[a].toarray() for w, m in from_runs.items()}
        for kb in range(ka + 1, n):
            b = matrix.block(kb)
            if b.start == b.stop:
                continue
            edges += _pair_edges(
                strip[:, b],
                {w: m[:, b] for w, m in to_strip.items()},
                {w: m[:, b] for w, m in from_strip.items()},
                ka,
                kb,
                threshold=threshold,
            )
    return edges


def _anchors(groups: Sequence[dict[int, tuple[int, ...]]]) -> dict[tuple[int, int], list]:
    """(ka, kb) -> sorted (sentence in ka, sentence in kb) pairs aligned by the strong pass."""
    out: dict[tuple[int, int], list] = {}
    for group in groups:
        for ka, ia in group.items():
            for kb, ib in group.items():
                if ka != kb:
                    out.setdefault((ka, kb), []).append((ia[0], ib[0]))
    for pairs in out.values():
        pairs.sort()
    return out


def _local(anchors: list, s_lo: int, s_hi: int, t_lo: int, t_hi: int) -> bool:
    """True when sentences t_lo..t_hi sit near where the anchors around s_lo..s_hi point.

    The anchors are the nearest strongly aligned sentences before and after;
    the candidate must lie between their images (either order: paragraphs
    move), give or take ``LOOSE_SLACK``.  No anchor at all: no context to
    trust a weak match.
    """
    before = [t for s, t in anchors if s < s_lo]
    after = [t for s, t in anchors if s > s_hi]
    if not before and not after:
        return False
    near = ([before[-1]] if before else []) + ([after[0]] if after else [])
    lo, hi = min(near) - LOOSE_SLACK, max(near) + LOOSE_SLACK
    if not before or not after:  # one anchor only: stay close to it
        lo, hi = near[0] - 2 * LOOSE_SLACK, near[0] + 2 * LOOSE_SLACK
    return lo <= t_lo and t_hi <= hi


def loose_edges(
    matrix: SentenceMatrix, groups: Sequence[dict[int, tuple[int, ...]]], *, threshold: float
) -> list[Edge]:
    """Weaker edges for sentences the strong pass left on their own.

    Why: an outlet that rewrites a sentence ("officials said 40 were hurt" /
    "according to officials, 41 people were injured") keeps its place in the
    story and its rare words (names, numbers) but shares too few words to
    pass ``align_threshold``.  An edge is kept only when one side is still
    unaligned, the two share ``LOOSE_SHARED`` features and the pair sits
    between sentences the strong pass already aligned (locality).
    """
    alone = {(k, i) for g in groups if len(g) == 1 for k, idx in g.items() for i in idx}
    anchors = _anchors(groups)
    rows = matrix.raw
    out = []
    for edge in candidate_edges(matrix, threshold=threshold):
        left_alone = all(n in alone for n in edge.left)
        right_alone = all(n in alone for n in edge.right)
        if not (left_alone or right_alone):
            continue
        (ka, _), (kb, _) = edge.left[0], edge.right[0]
        s_lo, s_hi = edge.left[0][1], edge.left[-1][1]
        t_lo, t_hi = edge.right[0][1], edge.right[-1][1]
        if not (
            _local(anchors.get((ka, kb), []), s_lo, s_hi, t_lo, t_hi)
            and _local(anchors.get((kb, ka), []), t_lo, t_hi, s_lo, s_hi)
        ):
            continue
        left = sum(rows[matrix.starts[ka] + i] for _, i in edge.left)
        right = sum(rows[matrix.starts[kb] + i] for _, i in edge.right)
        if left.multiply(right).nnz >= LOOSE_SHARED:
            out.append(edge)
    return out


def align(story: Story, *, options: Options) -> Alignment:
    """Align the sentences of the story's compared articles into passages.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from builders import story_from_texts
    >>> texts = {"a": "Rain fell. Roads shut.", "b": "Roads shut. Rain fell hard."}
    >>> story = story_from_texts(texts)
    >>> [dict(p.cells) for p in align(story, options=Options()).passages]
    [{'a': (0,), 'b': (1,)}, {'a': (1,), 'b': (0,)}]
    """
    articles = canonical(compared_articles(story, options=options))
    ids = tuple(sorted(a.id for a in articles))
    if not any(a.sentences for a in articles):
        return Alignment(article_ids=ids, passages=())
    matrix = sentence_matrix(articles)
    edges = candidate_edges(matrix, threshold=options.align_threshold)
    texts = [[s.text for s in a.sentences] for a in articles]
    loose = options.align_threshold * LOOSE_RATIO

    def second(groups: list[dict[int, tuple[int, ...]]]) -> list[Edge]:
        return loose_edges(matrix, groups, threshold=loose)

    groups = merge_components(edges, texts=texts, second=second)
    ordered = reading_order(groups, texts=texts)
    passages = tuple(
        Passage(
            id=f"p{n}",
            cells=dict(sorted((articles[k].id, indexes) for k, indexes in group.items())),
        )
        for n, group in enumerate(ordered, start=1)
    )
    return Alignment(article_ids=ids, passages=passages)
