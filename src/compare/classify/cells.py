"""Helpers the serious rule families share: clauses, sentence starts, quoting.

Why here: attribution, hedges, loaded terms, numbers, omission and rewording
all read a cell the same way (the clause around a gap, where sentences
start), so one definition keeps their judgements consistent.  The word tests
(content words, stems, lexicon phrases) live below, in ``claims.words``,
which the claim layer shares; the cell pairs live in ``pairs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from compare.claims.words import (
    is_word,
)
from compare.classify.base import Context
from compare.model import Span, Token


def sentence_starts(ctx: Context, passage_id: str, article_id: str) -> set[int]:
    """Cell token indexes where a sentence (other than the first) begins."""
    out, at = set(), 0
    for sentence in ctx.cell_sentences(passage_id, article_id):
        if at:
            out.add(at)
        at += len(sentence.tokens)
    return out


_CLAUSE_STOPS = frozenset({",", ";", ":", ".", "!", "?", "\u2014", "\u2013"})


def clause_around(tokens: Sequence[Token], at: int, starts: Iterable[int] = ()) -> tuple[int, int]:
    """Token range of the clause holding position ``at`` (a token or a gap before it).

    Why: when one version lacks words the other has, its highlight must
    quote where they would stand, the clause around the gap, never the
    stray token that happens to follow it ("." or an unrelated word).  A
    clause runs between clause punctuation or sentence starts (``starts``);
    when the gap sits between two clause marks, the clause before it is
    taken, and when nothing word-like is found, the whole sentence.

    >>> from compare.align.segment import tokenize
    >>> toks = tokenize("Rain fell on Monday, and roads shut.")
    >>> lo, hi = clause_around(toks, 7)
    >>> " ".join(t.text for t in toks[lo:hi])
    'and roads shut'
    >>> lo, hi = clause_around(toks, 4)
    >>> " ".join(t.text for t in toks[lo:hi])
    'Rain fell on Monday'
    >>> clause_around(tokenize("."), 1)
    (0, 1)
    """
    n = len(tokens)
    if not n:
        return 0, 0
    at = max(0, min(at, n))
    cuts = sorted({0, n, *(k for k in starts if 0 < k < n)})
    s_lo = max(c for c in cuts if c <= min(at, n - 1))
    s_hi = min(c for c in cuts if c > min(at, n - 1))

    def grow(k: int) -> tuple[int, int]:
        lo = k
        while lo > s_lo and tokens[lo - 1].norm not in _CLAUSE_STOPS:
            lo -= 1
        hi = k
        while hi < s_hi and tokens[hi].norm not in _CLAUSE_STOPS:
            hi += 1
        return lo, hi

    lo, hi = grow(at)
    if not any(is_word(t) for t in tokens[lo:hi]) and at > s_lo:
        lo, hi = grow(at - 1)  # the gap sits on a clause mark: the clause before it
        lo = min(lo, at - 1)
    words = [k for k in range(lo, hi) if is_word(tokens[k])]
    if not words:
        words = [k for k in range(s_lo, s_hi) if is_word(tokens[k])]
    if not words:  # no word at all (a cell of punctuation): the token at or before ``at``
        k = min(at, n - 1)
        return k, k + 1
    return words[0], words[-1] + 1


def span_of(ctx: Context, article_id: str, tokens: Sequence[Token]) -> Span:
    """The exact Span from the first to the last token."""
    return ctx.span(article_id, tokens[0].start, tokens[-1].end)


def text_of(ctx: Context, article_id: str, tokens: Sequence[Token]) -> str:
    """The original text covered by a run of tokens ('' when empty)."""
    return span_of(ctx, article_id, tokens).text if tokens else ""


def shorten(text: str, limit: int = 60) -> str:
    """Text on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("a  b\\nc", 10)
    'a b c'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def is_variant_elsewhere(a: str, b: str) -> bool:
    """True when a lower-severity family claims the pair (name, style, spelling, typography).

    Why: a wording change must not double-count "colour"/"color" or
    "Gaddafi"/"Qadhafi".  The predicates belong to the other rule modules;
    a module without ``is_variant`` simply claims nothing.
    """
    from compare.classify.variants import names, spelling, style, typography

    checks = [getattr(m, "is_variant", None) for m in (names, spelling, style)]
    checks.append(getattr(typography, "is_typographic", None))
    return any(check is not None and check(a, b) for check in checks)
