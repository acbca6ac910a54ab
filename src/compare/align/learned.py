"""Fourth alignment pass: left-over sentences paired by the learned paraphrase decision.

Why: independently written reports of one event say the same fact in other
words, so after the first three passes (``align.passages``,
``align.anchors``) many sentences that report the same thing stay alone in
both articles, and each becomes a false omitted/added passage finding.
Among the sentences still alone in two articles, a pair that is each
other's best match (TF-IDF cosine, over the left-over sentences only) is
merged when the learned model (``align.paraphrase``, fitted on MRPC train)
says it is a paraphrase with probability at least ``LEARNED_MIN``.

What keeps it precise: both sides must be alone (a sentence already in a
passage is never re-paired), the match must be mutual (ties count for every
tied cell, so input order never matters) and share at least one content
word, and the model, not the cosine, decides, so two sentences that share
only the story's names but differ in numbers and wording stay apart.  The
one exception: two sentences word for word the same but for a figure
(``another_figure``), which the model, fitted on MRPC, keeps apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from compare.align.anchors import alone
from compare.align.merge import Edge
from compare.align.paraphrase import paraphrase_probability
from compare.align.similarity import SentenceMatrix
from compare.model import Token

LEARNED_MIN = 0.44  # model probability a left-over pair must reach


def learned_edges(
    matrix: SentenceMatrix,
    groups: Sequence[dict[int, tuple[int, ...]]],
    *,
    tokens: Sequence[Sequence[Sequence[Token]]],
    minimum: float | None = None,
) -> list[Edge]:
    """Edges between mutual best left-over sentences the model calls paraphrases.

    ``tokens[k][i]`` are the tokens of article k's sentence i; ``groups`` the
    passages the earlier passes made.  Edges come per article pair, in
    sentence order.  ``minimum`` defaults to ``LEARNED_MIN``.
    """
    floor = LEARNED_MIN if minimum is None else minimum
    lonely = alone(matrix, groups)
    starts = matrix.starts
    out: list[Edge] = []
    n = len(starts) - 1
    free = [
        [i for i in range(starts[k + 1] - starts[k]) if lonely[starts[k] + i]] for k in range(n)
    ]
    for ka in range(n):
        for kb in range(ka + 1, n):
            ia, ib = free[ka], free[kb]
            if not ia or not ib:
                continue
            rows_a = matrix.rows[[starts[ka] + i for i in ia]]
            rows_b = matrix.rows[[starts[kb] + i for i in ib]]
            sims = (rows_a @ rows_b.T).toarray()
            best = (sims >= sims.max(axis=1, keepdims=True)) & (
                sims >= sims.max(axis=0, keepdims=True)
            )
            for r, c in zip(*np.nonzero(best & (sims > 0)), strict=True):
                i, j = ia[int(r)], ib[int(c)]
                p = paraphrase_probability(tokens[ka][i], tokens[kb][j], float(sims[r, c]))
                if p >= floor:
                    out.append(Edge(p, ((ka, i),), ((kb, j),)))
    return out + _figure_edges(free, tokens, floor)


def _figure_edges(
    free: Sequence[Sequence[int]], tokens: Sequence[Sequence[Sequence[Token]]], weight: float
) -> list[Edge]:
    """Edges from each sentence still alone to any sentence of another article that is
    word for word the same but for a figure (``another_figure``), passage or not."""
    by_shape: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for k, sentences in enumerate(tokens):
        for i, sentence in enumerate(sentences):
            by_shape.setdefault(_shape(sentence), []).append((k, i))
    pairs: dict[tuple[tuple[int, int], tuple[int, int]], None] = {}  # in order, once each
    for ka, lonely in enumerate(free):
        for i in lonely:
            for kb, j in by_shape.get(_shape(tokens[ka][i]), ()):
                if kb != ka and another_figure(tokens[ka][i], tokens[kb][j]):
                    low, high = sorted([(ka, i), (kb, j)])
                    pairs[low, high] = None
    return [Edge(weight, (low,), (high,)) for low, high in pairs]


def _shape(sentence: Sequence[Token]) -> tuple[str, ...]:
    """A sentence's words with every figure as "#": sentences that differ in figures only
    share it."""
    return tuple("#" if _DIGIT.search(t.norm) else t.norm for t in sentence)


_DIGIT = re.compile(r"\d")
FIGURE_SWAPS = 2  # figures two otherwise identical sentences may differ in
SAME_WORDS = 3  # words they must share besides


def another_figure(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Are two sentences word for word the same but for a figure or two?

    Why: "The fire was reported at 3.15pm." / "... at 2.15pm." is one statement
    with a figure changed, the difference an editor most needs to see; but the
    paraphrase model, fitted on MRPC, learnt that a changed number makes two
    sentences different, and the short sentence's other words are the
    story's commonest, so no pass paired them (read blind, each was reported
    as one outlet's own).

    >>> from compare.align.segment import tokenize as t
    >>> another_figure(t("The fire was reported at 3.15pm."), t("The fire was reported at 2.15pm."))
    True
    >>> another_figure(t("The fire was reported at 3.15pm."), t("The fire was put out at 3.15pm."))
    False
    """
    if len(a) != len(b):
        return False
    swaps = [(x, y) for x, y in zip(a, b, strict=True) if x.norm != y.norm]
    same = sum(1 for x, y in zip(a, b, strict=True) if x.norm == y.norm and x.norm.isalpha())
    return (
        0 < len(swaps) <= FIGURE_SWAPS
        and same >= SAME_WORDS
        and all(_DIGIT.search(x.norm) and _DIGIT.search(y.norm) for x, y in swaps)
    )
