"""Word hedges ("reportedly", "allegedly", "so-called") found in a sentence's tokens.

Why in ``claims``: the attributed-claim reading asks whether a claim is
hedged, and the hedge rule (``classify.framing.hedges``) compares the
hedges of two outlets; both read them with this one function.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.sources import markers
from compare.claims.words import find_phrases, phrase_table
from compare.model import Token

HEDGES_FILE = "classify_hedges.txt"

Hedge = tuple[int, int, str]


def hedges(tokens: Sequence[Token]) -> list[Hedge]:
    """``(start, end, class)`` of word hedges; "alleged that" is a reporting verb, not a hedge.

    >>> from compare.align.segment import tokenize
    >>> hedges(tokenize("The so-called deal reportedly failed."))
    [(1, 2, 'distance'), (3, 4, 'hearsay')]
    """
    verbs = {m[0] for m in markers(tokens)}
    return [h for h in find_phrases(tokens, phrase_table(HEDGES_FILE)) if h[0] not in verbs]
