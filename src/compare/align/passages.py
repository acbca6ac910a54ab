"""Sentence alignment across every compared article at once.

How: all sentences of all articles become rows of one TF-IDF matrix
(``similarity``), so every cross-article similarity comes from sparse
products, a band of one article's rows against the articles after it at a
time (``align.topk``); only the cells above the lowest threshold either pass
uses become candidates, and each sentence keeps its ``MAX_CANDIDATES``
strongest in each other article, so memory grows with one band and the
kept matches, not with the square of an article.  Pairs
above ``options.align_threshold`` become weighted edges; a sentence that
another outlet split in two also gets a *split edge* to the pair of
sentences when their joined vector matches clearly better than either half.
Edges are then merged greedily, strongest first, with union-find
(``align.merge``) under one constraint: a passage holds at most one
contiguous run of each article's sentences, and only a split edge may make
that run longer than one sentence.  Weights get a small bonus when the
neighbouring sentences also match (a paragraph moved as a whole) and when
the positions in the two articles are close, which decides ties between
repeated or generic sentences in favour of the local reading.

A second, loose pass (``loose_edges``) then merges weaker edges (down to
``LOOSE_RATIO`` of the threshold) for sentences the strong pass left alone,
when the pair shares rare features (names, numbers) and sits where the
strongly aligned neighbours on both sides point: a rewritten sentence keeps
its place in the story even when it keeps few words.

A third, anchored pass (``align.anchors``) then pairs a sentence still
alone with its mutual best match in another article, anywhere in it, when
the two share rare words (independently written coverage reorders facts).

A fourth, learned pass (``align.learned``) last pairs sentences still alone
in two articles that are each other's best match among the left-overs when
the paraphrase model fitted on MRPC (``align.paraphrase``) accepts them.

The weak passes' edges (second to fourth) are kept only when the two sides
are close enough in meaning (``align.meaning``): shared rare words of one
story also recur in different facts.  A fifth pass pairing left-over
sentences by meaning alone was measured and left out: at the cosine that
best separates MRPC paraphrases it paired 2 more gold pairs on the
development clusters, but about half of its 17 pairs (with the seeds') were
wrong, and six added-passage findings readers had judged right were lost.
Measured again with stricter pairs (both sentences alone, each the other's
best match by meaning over every sentence of the other article, not only
the left-overs): at cosine 0.60 it paired 4 more gold pairs (40 of 69) but
19 added passages judged right on the BASIL training events were lost; at
0.66 the held-out BASIL events lost 7 judged right for 1 judged wrong; at
0.72 it paired 1 more gold pair and changed nothing on the held-out events.

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

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import partial

import numpy as np

from compare.align.anchors import NEAR_RATIO, anchored_edges, rare_words
from compare.align.learned import learned_edges
from compare.align.meaning import plausible
from compare.align.merge import MAX_CELL, Edge, merge_components
from compare.align.order import reading_order
from compare.align.similarity import SentenceMatrix, features, sentence_matrix, window_rows
from compare.align.topk import Block, fold, row_blocks, strongest
from compare.model import Alignment, Article, Passage, Story
from compare.util.options import Options

CONTEXT_BONUS = 0.1  # times the best neighbouring-diagonal similarity
LOCALITY_BONUS = 0.05  # times (1 - distance of relative positions)
SPLIT_GAIN = 0.1  # a joined pair must beat each half by this much
SPLIT_PART = 0.15  # and each half must resemble the sentence at least this much
LOOSE_RATIO = 0.55  # the loose pass accepts this fraction of align_threshold
LOOSE_SHARED = 2  # features a loose pair must share (rare words, numbers, names)
LOOSE_SLACK = 1  # sentences a loose match may sit outside its neighbours' anchors
# Candidates kept per sentence and other article, the strongest first (issue #19):
# a sentence of news copy resembles at most a few sentences of another version,
# but in articles sharing one small vocabulary every pair passed the threshold,
# and 3 articles of 2,000 sentences made millions of edges (40 s, 2.2 GB).
MAX_CANDIDATES = 8


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


class _Pair:
    """Articles ka and kb (kb after ka) read through one band of ka's strips (``Block``).

    ``sims``: ka's sentences against every later sentence; ``right[w]``: ka's
    sentences against later runs of w sentences; ``left[w]``: ka's runs of w
    sentences against later sentences.  kb's sentences are the columns from
    ``offset`` on.
    """

    def __init__(self, strips: tuple, na: int, nb: int, offset: int) -> None:
        self.sims, self.right, self.left = strips
        self.na, self.nb, self.offset = na, nb, offset

    def sim(self, s: np.ndarray, t: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
        """Similarity of ka's sentences s and kb's sentences t."""
        return self.sims.get(s, t + self.offset, valid)

    def bonus(self, s: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Context bonus (best diagonal neighbour) plus locality bonus of cells (s, t)."""
        prev = self.sim(s - 1, t - 1, (s > 0) & (t > 0))
        nxt = self.sim(s + 1, t + 1, (s < self.na - 1) & (t < self.nb - 1))
        locality = 1.0 - np.abs(_relpos(self.na)[s] - _relpos(self.nb)[t])
        return CONTEXT_BONUS * np.maximum(prev, nxt) + LOCALITY_BONUS * locality


# Columns of a candidate table: similarity, weight, then (article, first
# sentence, sentences) of the left and of the right side.
_FIELDS = ("value", "weight", "lk", "li", "lw", "rk", "ri", "rw")


class _Candidates:
    """Candidate edges as columns of arrays, in the order the edges are listed.

    Why arrays: a pass needs Edge objects only for the candidates it keeps
    (above its threshold, or next to a sentence still alone), a small part of
    all candidates at the lowest threshold.
    """

    # One column per name in _FIELDS, set in __init__.
    value: np.ndarray
    weight: np.ndarray
    lk: np.ndarray
    li: np.ndarray
    lw: np.ndarray
    rk: np.ndarray
    ri: np.ndarray
    rw: np.ndarray

    def __init__(self, parts: Sequence[dict[str, np.ndarray]]) -> None:
        for name in _FIELDS:
            dtype = float if name in ("value", "weight") else np.int64
            column = [part[name] for part in parts]
            setattr(self, name, np.concatenate(column) if column else np.zeros(0, dtype=dtype))

    def edges(self, keep: np.ndarray | None = None) -> list[Edge]:
        """The candidates (those where ``keep`` is True) as Edges, in order."""
        columns = [getattr(self, name) for name in _FIELDS[1:]]
        if keep is not None:
            columns = [column[keep] for column in columns]
        return [
            Edge(
                w,
                ((lk, li),) if lw == 1 else tuple((lk, li + d) for d in range(lw)),
                ((rk, ri),) if rw == 1 else tuple((rk, ri + d) for d in range(rw)),
            )
            for w, lk, li, lw, rk, ri, rw in zip(*(c.tolist() for c in columns), strict=True)
        ]


def _part(pair: _Pair, value: np.ndarray, s: np.ndarray, t: np.ndarray, **sides: object) -> dict:
    """One block of candidates: cells (s, t) of the pair with their similarity and weight."""
    part = {"value": value, "weight": value + pair.bonus(s, t)}
    part.update({k: np.broadcast_to(np.asarray(v), len(s)) for k, v in sides.items()})
    return part


def _split_edges(pair: _Pair, ka: int, kb: int, *, flip: bool) -> list[dict]:
    """Candidate edges (table parts) from one sentence of one article to a run of the other's.

    Not flipped: ka's sentence s against kb's run t .. t + w - 1; flipped:
    kb's sentence t against ka's run s .. s + w - 1.  A run is accepted only
    when joining it matches clearly better than any shorter run inside it and
    every sentence of it resembles the sentence.  Width by width, edges come
    in order of the single sentence, then of the run's start.
    """
    parts = []
    runs = pair.left if flip else pair.right
    for width in range(2, min(MAX_CELL, pair.na if flip else pair.nb) + 1):
        shrink = width - 1
        s, t, joined = runs[width].cells(
            pair.na - shrink if flip else pair.na,
            slice(pair.offset, pair.offset + pair.nb - (0 if flip else shrink)),
        )

        def at(d: int, s: np.ndarray = s, t: np.ndarray = t) -> tuple[np.ndarray, np.ndarray]:
            return (s + d, t) if flip else (s, t + d)

        inner = weakest = pair.sim(*at(0))
        for d in range(1, width):
            single = pair.sim(*at(d))
            inner, weakest = np.maximum(inner, single), np.minimum(weakest, single)
        for shorter in range(2, width):  # every shorter run inside counts too
            for d in range(width - shorter + 1):
                i, j = at(d)
                inner = np.maximum(inner, runs[shorter].get(i, j + pair.offset))
        ok = (
            (joined >= runs[width].threshold)
            & (joined >= inner + SPLIT_GAIN)
            & (weakest >= SPLIT_PART)
        )
        s, t, joined = s[ok], t[ok], joined[ok]
        ok = strongest(s, t, joined, MAX_CANDIDATES)
        s, t, joined = s[ok], t[ok], joined[ok]
        if flip:
            order = np.lexsort((s, t))
            s, t, joined = s[order], t[order], joined[order]
            parts.append(_part(pair, joined, s, t, lk=kb, li=t, lw=1, rk=ka, ri=s, rw=width))
        else:
            parts.append(_part(pair, joined, s, t, lk=ka, li=s, lw=1, rk=kb, ri=t, rw=width))
    return parts


def _scored_edges(matrix: SentenceMatrix, *, threshold: float) -> _Candidates:
    """Every 1:1 and split edge between sentences of different articles, with its similarity.

    The similarity (before bonuses) is what the threshold was compared
    with, so the edges at any higher threshold are these, filtered, in order.
    Per pair of articles: 1:1 edges, then split edges both ways.
    """
    rows = matrix.rows
    runs = {w: window_rows(matrix, w) for w in range(2, MAX_CELL + 1)}
    # Below SPLIT_PART a run's similarity cannot matter: a split edge needs
    # every sentence of it at SPLIT_PART, so its best sub-run is at least that.
    floor = min(threshold, SPLIT_PART) if threshold > 0 else 0.0
    n = len(matrix.starts) - 1
    parts: list[dict] = []
    for ka in range(n):
        a = matrix.block(ka)
        later = slice(a.stop, matrix.starts[-1])
        if a.start == a.stop or later.start == later.stop:
            continue
        kept: dict[int, list[dict]] = {}
        # A band of ka's rows at a time against every later sentence (or
        # run), in the orientation of the whole-story products, so every
        # value is bit for bit what ``rows @ rows.T`` holds there; the band
        # reaches one row above and MAX_CELL - 1 below for the neighbours and
        # runs its edges look up (``align.topk``).
        for first, stop in row_blocks(a.stop - a.start, later.stop - later.start):
            lo, hi = max(first - 1, 0), min(stop + MAX_CELL - 1, a.stop - a.start)
            band = slice(a.start + lo, a.start + hi)
            block = partial(Block, lo=lo, own=(first, stop), threshold=threshold)
            strips = (
                block(rows[band] @ rows[later].T),
                {w: block(rows[band] @ m[later].T, floor=floor) for w, m in runs.items()},
                {w: block(m[band] @ rows[later].T, floor=floor) for w, m in runs.items()},
            )
            for kb in range(ka + 1, n):
                b = matrix.block(kb)
                if b.start == b.stop:
                    continue
                pair = _Pair(strips, a.stop - a.start, b.stop - b.start, b.start - later.start)
                s, t, sims = pair.sims.cells(pair.na, slice(pair.offset, pair.offset + pair.nb))
                ok = strongest(s, t, sims, MAX_CANDIDATES)
                s, t, sims = s[ok], t[ok], sims[ok]
                found = [_part(pair, sims, s, t, lk=ka, li=s, lw=1, rk=kb, ri=t, rw=1)]
                found += _split_edges(pair, ka, kb, flip=False)
                found += _split_edges(pair, ka, kb, flip=True)
                kept[kb] = fold(kept.get(kb), found, MAX_CANDIDATES)
        parts += [part for kb in sorted(kept) for part in kept[kb]]
    return _Candidates(parts)


def candidate_edges(matrix: SentenceMatrix, *, threshold: float) -> list[Edge]:
    """Every 1:1 and split edge between sentences of different articles."""
    return _scored_edges(matrix, threshold=threshold).edges()


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


class _Anchors:
    """The anchors of one article pair, searchable by the first article's sentence."""

    def __init__(self, pairs: list) -> None:
        self.pairs = pairs
        self.keys = [s for s, _ in pairs]

    def local(self, s_lo: int, s_hi: int, t_lo: int, t_hi: int) -> bool:
        """True when sentences t_lo..t_hi sit near where the anchors around s_lo..s_hi point.

        The anchors are the nearest strongly aligned sentences before and
        after; the candidate must lie between their images (either order:
        paragraphs move), give or take ``LOOSE_SLACK``.  No anchor at all: no
        context to trust a weak match.
        """
        first_after = bisect_right(self.keys, s_hi)
        last_before = bisect_left(self.keys, s_lo) - 1
        near = [self.pairs[i][1] for i in (last_before, first_after) if 0 <= i < len(self.pairs)]
        if not near:
            return False
        lo, hi = min(near) - LOOSE_SLACK, max(near) + LOOSE_SLACK
        if len(near) == 1:  # one anchor only: stay close to it
            lo, hi = near[0] - 2 * LOOSE_SLACK, near[0] + 2 * LOOSE_SLACK
        return lo <= t_lo and t_hi <= hi


def loose_edges(
    matrix: SentenceMatrix,
    groups: Sequence[dict[int, tuple[int, ...]]],
    *,
    threshold: float,
    candidates: _Candidates | None = None,
) -> list[Edge]:
    """Weaker edges for sentences the strong pass left on their own.

    Why: an outlet that rewrites a sentence ("officials said 40 were hurt" /
    "according to officials, 41 people were injured") keeps its place in the
    story and its rare words (names, numbers) but shares too few words to
    pass ``align_threshold``.  An edge is kept only when one side is still
    unaligned, the two share ``LOOSE_SHARED`` features and the pair sits
    between sentences the strong pass already aligned (locality).
    ``candidates``, when given, are the candidates at ``threshold`` or
    lower, already computed.
    """
    lonely = np.zeros(matrix.starts[-1] + MAX_CELL, dtype=bool)  # sentences alone
    for group in groups:
        if len(group) == 1:
            ((k, indexes),) = group.items()
            lonely[[matrix.starts[k] + i for i in indexes]] = True
    anchors = {pair: _Anchors(pairs) for pair, pairs in _anchors(groups).items()}
    nowhere = _Anchors([])
    rows = matrix.raw
    table = _scored_edges(matrix, threshold=threshold) if candidates is None else candidates
    # Only edges with one side wholly alone can add anything: keep those
    # before making Edge objects.
    starts = np.asarray(matrix.starts, dtype=np.int64)

    def all_alone(k: np.ndarray, first: np.ndarray, width: np.ndarray) -> np.ndarray:
        at = starts[k] + first
        return np.logical_and.reduce([lonely[at + d] | (d >= width) for d in range(MAX_CELL)])

    keep = (table.value >= threshold) & (
        all_alone(table.lk, table.li, table.lw) | all_alone(table.rk, table.ri, table.rw)
    )
    out = []
    for edge in table.edges(keep):
        (ka, _), (kb, _) = edge.left[0], edge.right[0]
        s_lo, s_hi = edge.left[0][1], edge.left[-1][1]
        t_lo, t_hi = edge.right[0][1], edge.right[-1][1]
        if not (
            anchors.get((ka, kb), nowhere).local(s_lo, s_hi, t_lo, t_hi)
            and anchors.get((kb, ka), nowhere).local(t_lo, t_hi, s_lo, s_hi)
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
    texts = [[s.text for s in a.sentences] for a in articles]
    strong, loose = options.align_threshold, options.align_threshold * LOOSE_RATIO
    anchored = options.align_threshold * NEAR_RATIO  # the lowest the anchored pass accepts
    # One set of sparse products for every pass: each pass's edges are the
    # candidates at the lowest threshold whose similarity reaches its own.
    scored = _scored_edges(matrix, threshold=min(strong, loose, anchored))
    edges = scored.edges(scored.value >= strong)

    def checked(found: list[Edge]) -> list[Edge]:
        return plausible(found, texts) if options.sentence_meanings else found

    def second(groups: list[dict[int, tuple[int, ...]]]) -> list[Edge]:
        return checked(loose_edges(matrix, groups, threshold=loose, candidates=scored))

    def third(groups: list[dict[int, tuple[int, ...]]]) -> list[Edge]:
        rare = rare_words([[frozenset(features(s.tokens)) for s in a.sentences] for a in articles])
        return checked(anchored_edges(matrix, groups, threshold=strong, table=scored, rare=rare))

    def fourth(groups: list[dict[int, tuple[int, ...]]]) -> list[Edge]:
        tokens = [[s.tokens for s in a.sentences] for a in articles]
        return checked(learned_edges(matrix, groups, tokens=tokens))

    groups = merge_components(edges, texts=texts, second=second, third=third, fourth=fourth)
    ordered = reading_order(groups, texts=texts)
    passages = tuple(
        Passage(
            id=f"p{n}",
            cells=dict(sorted((articles[k].id, indexes) for k, indexes in group.items())),
        )
        for n, group in enumerate(ordered, start=1)
    )
    return Alignment(article_ids=ids, passages=passages)
