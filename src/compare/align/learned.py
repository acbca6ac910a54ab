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
only the story's names but differ in numbers and wording stay apart.
"""

from __future__ import annotations

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
    return out
