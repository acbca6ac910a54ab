"""Helpers the serious rule families share: phrases, clauses, word tests.

Why here: attribution, hedges, loaded terms, numbers, omission and rewording
all read words the same way (content words, stems, lexicon phrases, the
clause around a gap), so one definition keeps their judgements consistent.
The cell pairs they walk live in ``pairs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from nltk.stem.snowball import SnowballStemmer

from compare.classify.base import Context
from compare.model import Span, Token
from compare.text import lexicons

FUNCTION_WORDS = "classify_function_words.txt"
_WORDLIKE = re.compile(r"\w")
_STEMMER = SnowballStemmer("english")


def is_word(token: Token | str) -> bool:
    """True for tokens holding a letter or digit (not bare punctuation)."""
    text = token if isinstance(token, str) else token.text
    return bool(_WORDLIKE.search(text))


def is_function_word(word: str) -> bool:
    """True for closed-class words (articles, auxiliaries, prepositions...).

    >>> is_function_word("The"), is_function_word("stalled")
    (True, False)
    """
    return word.casefold() in lexicons.words(FUNCTION_WORDS)


def content_words(tokens: Iterable[Token]) -> list[Token]:
    """Tokens that carry meaning: words that are not function words."""
    return [t for t in tokens if is_word(t) and not is_function_word(t.norm)]


@cache
def stem(word: str) -> str:
    """Snowball stem of a case-folded word, so "killing" and "killed" compare equal.

    >>> stem("Killing") == stem("killed")
    True
    """
    return _STEMMER.stem(word.casefold())


def find_phrases(
    tokens: Sequence[Token], phrases: Mapping[tuple[str, ...], str]
) -> list[tuple[int, int, str]]:
    """``(start, end, value)`` of every phrase (tuple of norms) found, longest first.

    Matches never overlap; ties go to the earlier, then longer, phrase.
    """
    norms = [t.norm for t in tokens]
    longest = max((len(p) for p in phrases), default=0)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(norms):
        for n in range(min(longest, len(norms) - i), 0, -1):
            value = phrases.get(tuple(norms[i : i + n]))
            if value is not None:
                out.append((i, i + n, value))
                i += n
                break
        else:
            i += 1
    return out


GROUPS_FILE = "classify_group_nouns.txt"


@cache
def group_nouns() -> frozenset[str]:
    """Nouns naming an actor by group ("army", "witnesses"): never a person's name.

    >>> "witnesses" in group_nouns(), "reuters" in group_nouns()
    (True, False)
    """
    return lexicons.words(GROUPS_FILE)


@cache
def phrase_table(name: str, field_index: int = 1) -> Mapping[tuple[str, ...], str]:
    """A data file's first field split into token norms -> another field."""
    from compare.align.segment import tokenize

    table: dict[tuple[str, ...], str] = {}
    for row in lexicons.rows(name):
        key = tuple(t.norm for t in tokenize(row[0]))
        table.setdefault(key, row[field_index] if len(row) > field_index else "")
    return table


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
