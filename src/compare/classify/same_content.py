"""Whether two outlets' cells of a passage say the same thing.

Why a module of its own: the word-level families (attribution, hedges,
rewording) and the evidence check all ask it, and it needs only the
aligner's sentence vectors; kept apart, the families do not import the
evidence check (which reads the story-wide claim layer) to ask it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from compare.align.passages import LOOSE_RATIO
from compare.classify.base import Context
from compare.classify.pairs import CellPair
from compare.model import Sentence


def similarity(ctx: Context, quoted: Mapping[str, Sequence[Sentence]]) -> float:
    """The lowest cosine between two versions' quoted sentences (each version's summed).

    The aligner's own measure (``compare.align.similarity``, IDF over the story), so
    "the same claim" means what "the same content" means to the aligner.
    """
    matrix, block = ctx.sentence_vectors
    vectors = []
    for aid, sentences in quoted.items():
        rows = [matrix.starts[block[aid]] + s.index for s in sentences]
        total = matrix.raw[rows].sum(axis=0)
        norm = float(np.sqrt(np.multiply(total, total).sum()))
        vectors.append(np.asarray(total).ravel() / (norm or 1.0))
    return min((float(x @ y) for k, x in enumerate(vectors) for y in vectors[k + 1 :]), default=0.0)


def same_content(ctx: Context, pair: CellPair) -> bool:
    """Do the two cells say the same thing, so that their words can be compared?

    Why: a passage's cells can be joined by the aligner's loose pass or
    through a third outlet (A pairs with B, B with C), so two of its cells
    may share only a theme.  Words of two statements that merely resemble
    each other are not word choices for one statement: a hedge, a source or
    a loaded word one of them lacks says nothing about how the other told
    the same fact.  So a pair counts when it is as similar as the aligner
    requires of a pair, or when it reaches the loose pass's level and one
    of the two cells has no closer partner in the passage (the link the
    passage was built on, not a chain through another outlet).
    """
    threshold = ctx.options.align_threshold
    value = _cell_similarity(ctx, pair.passage_id, pair.a, pair.b)
    if value >= threshold:
        return True
    if value < threshold * LOOSE_RATIO:
        return False
    cells = ctx.passages[pair.passage_id].cells
    for one in (pair.a, pair.b):
        closer = (
            _cell_similarity(ctx, pair.passage_id, one, other)
            for other in cells
            if other not in (pair.a, pair.b) and cells[other]
        )
        if all(v <= value for v in closer):
            return True
    return False


def _cell_similarity(ctx: Context, passage_id: str, a: str, b: str) -> float:
    """The aligner's cosine between two outlets' cells of one passage.

    Kept per story: every word-level family asks it of the same pairs.
    """
    known: dict[tuple[str, str, str], float] = ctx.memo(__name__ + ".cells", lambda _ctx: {})
    low, high = sorted((a, b))
    key = (passage_id, low, high)
    if key not in known:
        quoted = {a: ctx.cell_sentences(passage_id, a), b: ctx.cell_sentences(passage_id, b)}
        known[key] = similarity(ctx, quoted)
    return known[key]
