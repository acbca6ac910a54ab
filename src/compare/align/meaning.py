"""Weak alignment edges checked by meaning: two sentences that share words but not a fact.

Why: the loose, anchored and learned passes (``align.passages``,
``align.anchors``, ``align.learned``) accept pairs below the strong
threshold on the evidence of a few shared rare words.  Rare words of one
story recur in different facts ("France, Russia and the United States"
co-chair the mediators in one sentence and coordinate a truce in another),
and each wrong pair hides an added passage on one side and reports a false
omission on the other.

A weak edge is kept only when the two sides' meanings (sentence vectors of
``align.encoder``; a side of two sentences is their summed vector) reach
``MEANING_FLOOR``: on the MRPC train file 99.8% of the pairs labelled
paraphrases are above it (and 2% of the non-paraphrases, which are mostly
the same story told with a detail changed, are below).  On the development
clusters no gold pair is lost at this floor; the seeds were not used.
Strong edges (the first pass) are never checked: their wording already says
they tell the same thing.  Without the model, every edge is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from compare.align.encoder import embed
from compare.align.merge import Edge

MEANING_FLOOR = 0.4  # embedding cosine below which a weak edge is two different facts
# Sentences one pass's edges may touch for the check to run: real stories touch under 20
# (17 at most on the development clusters and the seeds); a story whose weak edges touch
# hundreds (machine-made or repetitive text) is aligned by words only, not slowed by seconds.
MAX_CHECKED = 100
MAX_STORY = 1000  # sentences in the story above which alignment goes by words only


def plausible(edges: Sequence[Edge], texts: Sequence[Sequence[str]]) -> list[Edge]:
    """The edges whose two sides are close enough in meaning (all of them without the model).

    ``texts[k][i]`` is sentence i of article k, as the edges' nodes number them.
    Only the sentences the edges touch are encoded, and when they are more than
    ``MAX_CHECKED``, or the story has more than ``MAX_STORY`` sentences, the
    edges are kept unchecked: the check would cost more than the alignment
    (about a second per hundred sentences, and the model's memory).
    """
    if not edges:
        return []
    if sum(len(sentences) for sentences in texts) > MAX_STORY:
        return list(edges)
    needed = sorted({texts[k][i] for e in edges for k, i in e.left + e.right})
    if len(needed) > MAX_CHECKED:
        return list(edges)
    vectors = embed(needed)
    if vectors is None:
        return list(edges)
    row = {t: vectors[n] for n, t in enumerate(needed)}
    out = []
    for edge in edges:
        left = np.sum([row[texts[k][i]] for k, i in edge.left], axis=0)
        right = np.sum([row[texts[k][i]] for k, i in edge.right], axis=0)
        norm = float(np.linalg.norm(left) * np.linalg.norm(right))
        if norm and float(left @ right) / norm >= MEANING_FLOOR:
            out.append(edge)
    return out
