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
        if h[0] not in verbs and not _not_a_modal(tokens, h) and not _not_attributive(tokens, h)
    ]


# Hedges that qualify only as an adjective before their noun ("the suspected ringleader");
# as a verb ("Police suspected the driver") they report a belief.
_ADJECTIVE_ONLY = frozenset({"suspected"})
# Words before such an adjective that open its noun phrase: articles, possessives, numbers.
_OPENS_NOUN_PHRASE = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "two", "three", "four", "five",
     "several", "some", "many", "other", "more", "as", "of", "for", "and", "or"}
)  # fmt: skip
_NOT_A_NOUN_NEXT = frozenset({"of", "that", "the", "a", "an", "to", "by", "in"})


def _not_attributive(tokens: Sequence[Token], h: Hedge) -> bool:
    """Is an adjective-only hedge ("suspected") here a verb, not before its noun?

    >>> from compare.align.segment import tokenize
    >>> [bool(hedges(tokenize(s))) for s in
    ...  ("Prosecutors named the suspected ringleader.", "Police arrested 12 suspected members.",
    ...   "Police suspected the driver.", "He is suspected of fraud.")]
    [True, True, False, False]
    """
    if tokens[h[0]].norm not in _ADJECTIVE_ONLY:
        return False
    before = tokens[h[0] - 1] if h[0] else None
    after = tokens[h[1]] if h[1] < len(tokens) else None
    opened = before is not None and (
        before.norm in _OPENS_NOUN_PHRASE or before.norm.isdigit() or before.norm.endswith("'s")
    )
    noun_next = after is not None and after.text.isalpha() and after.norm not in _NOT_A_NOUN_NEXT
    return not (opened and noun_next)


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
