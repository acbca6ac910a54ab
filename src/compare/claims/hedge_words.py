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
    return [
        h
        for h in find_phrases(tokens, phrase_table(HEDGES_FILE))
        if h[0] not in verbs and not _not_a_modal(tokens, h)
    ]


# Words after "may" / "might" that show it is no modal ("the might of", "military might.").
_NOT_A_VERB_NEXT = frozenset({"of", "and", "or", "to", "the", "a", "an", "in", "on", "for"})


def _not_a_modal(tokens: Sequence[Token], h: Hedge) -> bool:
    """Is a bare "may" or "might" the month or the noun, not the modal of a verb after it?

    >>> from compare.align.segment import tokenize
    >>> [bool(hedges(tokenize(s))) for s in
    ...  ("Prices may rise.", "The vote is in May.", "It showed its military might.",
    ...   "Land may only be searched with permission.")]
    [True, False, False, False]
    """
    if h[1] - h[0] != 1 or tokens[h[0]].norm not in ("may", "might"):
        return False
    if tokens[h[0]].text[:1].isupper() and tokens[h[0]].norm == "may":
        return True  # the month ("in May", "May 5"); a sentence opening with the modal is rare
    nxt = tokens[h[1]] if h[1] < len(tokens) else None
    if nxt is not None and nxt.norm == "only" and tokens[h[0]].norm == "may":
        # "private land may only be searched with the owner's permission": a rule, not a
        # claim hedged (read blind, eleventh round)
        return True
    return (
        nxt is None
        or not nxt.text.isalpha()
        or not nxt.text.islower()
        or (nxt.norm in _NOT_A_VERB_NEXT)
    )
