"""Reading order of aligned passages (helper of ``align``).

Why a base article plus insertions, not mean positions: averaging relative
positions interleaves articles of different lengths and structure, so the
report would read in nobody's order.  Instead the article that carries most
shared passages gives the backbone, read exactly in its order; each other
article's passages that are not yet placed are inserted, run by run, right
after the passage that precedes them in that article.  Every article's own
material therefore sits next to its context, and the base article reads
straight through.  The base and the insertion order are chosen by content,
so the order does not depend on ids or input order.
"""

from __future__ import annotations

from collections.abc import Sequence

Group = dict[int, tuple[int, ...]]


def _sequences(groups: Sequence[Group], n_articles: int) -> list[list[int]]:
    """For each article, its groups sorted by first sentence."""
    seqs: list[list[tuple[int, int]]] = [[] for _ in range(n_articles)]
    for g, group in enumerate(groups):
        for k, indexes in group.items():
            seqs[k].append((indexes[0], g))
    return [[g for _, g in sorted(seq)] for seq in seqs]


def _insert_run(
    order: list[int], run: list[int], prev: int | None, nxt: int | None, *, where: float
) -> None:
    """Insert a run after its preceding anchor or before its following one.

    When the article jumped (its two anchors are far apart in the order so
    far), the run goes next to the anchor whose place in the order is closer
    to the run's relative position ``where`` (0..1) in its own article.
    """
    options = []
    if prev is not None:
        options.append(order.index(prev) + 1)
    if nxt is not None:
        options.append(order.index(nxt))
    at = min(options, key=lambda i: abs(i / max(len(order), 1) - where)) if options else len(order)
    order[at:at] = run


def reading_order(groups: Sequence[Group], *, texts: Sequence[Sequence[str]]) -> list[Group]:
    """Groups in reading order: the base article's order, others inserted in context.

    >>> reading_order([{0: (1,)}, {0: (0,), 1: (0,)}, {1: (1,)}], texts=[["A", "B"], ["A", "C"]])
    [{0: (0,), 1: (0,)}, {1: (1,)}, {0: (1,)}]
    """
    seqs = _sequences(groups, len(texts))
    shared = [sum(1 for g in seq if len(groups[g]) > 1) for seq in seqs]
    # k is the canonical (content-derived) article number, so ties stay order-free.
    articles = sorted(range(len(texts)), key=lambda k: (-shared[k], -len(texts[k]), k))
    order: list[int] = []
    placed: set[int] = set()
    for k in articles:
        prev: int | None = None
        run: list[int] = []
        for g in [*seqs[k], None]:
            if g is not None and g not in placed:
                run.append(g)
                continue
            if run:
                middle = (groups[run[0]][k][0] + groups[run[-1]][k][-1] + 1) / 2
                _insert_run(order, run, prev, g, where=middle / len(texts[k]))
                placed.update(run)
                run = []
            prev = g
    return [groups[g] for g in order]
