"""Spelling variants: American vs British spellings of the same word (breame).

Why a family of its own: "Defense" vs "Defence" is the most common difference
between copies of the same wire story and says nothing about the news; it
tells the reader which spelling convention an outlet follows.  ``breame``
holds curated US/UK pairs, so no word list of our own is needed.
"""

from __future__ import annotations

from breame.spelling import (
    american_spelling_exists,
    british_spelling_exists,
    get_american_spelling,
    get_british_spelling,
)

from compare.classify.base import Candidate, Context
from compare.classify.variants.align import pairwise_edits
from compare.model import Kind, Severity, Token


def us_uk_pair(a: str, b: str) -> tuple[str, str] | None:
    """``(american, british)`` in the original texts when a/b are a US/UK pair.

    Case is ignored for the lookup and kept in the answer.

    >>> us_uk_pair("Defence", "Defense")
    ('Defense', 'Defence')
    >>> us_uk_pair("color", "colour")
    ('color', 'colour')
    >>> us_uk_pair("colour", "colours") is None
    True
    """
    la, lb = a.casefold(), b.casefold()
    if la == lb or not la.isalpha() or not lb.isalpha():
        return None
    if american_spelling_exists(la) and get_british_spelling(la) == lb:
        return a, b
    if american_spelling_exists(lb) and get_british_spelling(lb) == la:
        return b, a
    if british_spelling_exists(la) and get_american_spelling(la) == lb:
        return b, a
    if british_spelling_exists(lb) and get_american_spelling(lb) == la:
        return a, b
    return None


def is_variant(a: str, b: str) -> bool:
    """True when a and b differ only by US/UK spellings, word for word.

    >>> is_variant("neighbors", "neighbours"), is_variant("Defense Ministry", "Defence ministry")
    (True, True)
    >>> is_variant("cooperate", "co-operate")
    False
    """
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or not wa:
        return False
    found = False
    for x, y in zip(wa, wb, strict=True):
        if x.casefold() == y.casefold():
            continue
        if us_uk_pair(x, y) is None:
            return False
        found = True
    return found


def _words(tokens: tuple[Token, ...]) -> list[Token]:
    return [t for t in tokens if t.text.isalpha()]


def find(ctx: Context) -> list[Candidate]:
    """One candidate per US/UK pair per passage and outlet pair (merged by the pair)."""
    out: list[Candidate] = []
    for edit in pairwise_edits(ctx):
        if edit.op != "replace":
            continue
        used: set[int] = set()
        for ta in _words(edit.a_tokens):
            for tb in _words(edit.b_tokens):
                if id(tb) in used:
                    continue
                pair = us_uk_pair(ta.text, tb.text)
                if pair is None:
                    continue
                used.add(id(tb))
                out.append(_candidate(ctx, edit.passage_id, edit.a, ta, edit.b, tb, pair))
                break
    return out


def _candidate(
    ctx: Context,
    passage_id: str,
    a: str,
    ta: Token,
    b: str,
    tb: Token,
    pair: tuple[str, str],
) -> Candidate:
    us, uk = pair
    return Candidate(
        kind=Kind.SPELLING_VARIANT,
        severity=Severity.LOW,
        passage_id=passage_id,
        key=f"{us.casefold()}|{uk.casefold()}",
        spans={a: (ctx.tokens_span(a, (ta,)),), b: (ctx.tokens_span(b, (tb,)),)},
        explanation=(
            f'"{us}" (American spelling) and "{uk}" (British spelling) are the same word: '
            "a house-style choice, not a change of meaning."
        ),
        label=f'"{ta.text}" vs "{tb.text}"',
        weight=0.1,
    )
