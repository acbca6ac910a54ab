"""Spelling variants: American vs British spellings of the same word (breame).

Why a family of its own: "Defense" vs "Defence" is the most common difference
between copies of the same wire story and says nothing about the news; it
tells the reader which spelling convention an outlet follows.  ``breame``
holds curated US/UK pairs; its lists miss derived forms ("weaponisation"),
so the regular -ise/-ize and -yse/-yze endings are also read as a rule, and
a small data file adds word-form pairs ("toward" / "towards").

Why also story-wide: an outlet's spelling convention shows wherever the word
does, in aligned sentences or not.  Across the story a pair counts only when
no outlet writes both forms (each follows one convention) and the pair is not
one whose two forms are also two different words ("meter" / "metre").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from breame.spelling import (
    american_spelling_exists,
    british_spelling_exists,
    get_american_spelling,
    get_british_spelling,
)

from compare.claims.attributed_frames import token_quote_flags
from compare.classify.base import Candidate, Context
from compare.classify.variants.align import pairwise_edits
from compare.model import Kind, Sentence, Severity, Span, Token
from compare.text import lexicons

MAX_SPANS = 3  # occurrences quoted per form per article in a story-wide finding

# The regular verb endings whose "s" is British and "z" American: "-ise"/"-ize"
# with their derivations ("-isation", "-ising"), and "-yse"/"-yze".  Three
# letters before "-ise" keep out short words that are two words ("prise"/"prize").
_IZE = re.compile(r"([a-z]{3,}i)[sz](e|es|ed|ing|ation|ations|ational|er|ers|able)")
_YZE = re.compile(r"([a-z]{2,}y)[sz](e|es|ed|ing|er|ers)")
# British English doubles a final "l" after a vowel before "-ed", "-ing", "-er" whatever
# the stress ("fuelled", "dialling", "traveller"); American doubles it only under stress
# ("fueled", "dialing", "traveler").  Read for stems ending in "-el" or "-al" of four
# letters or more, the unstressed endings, not after a long vowel ("sealed", "feeling",
# "appealed" are never doubled); a pair counts only when both forms occur, so "scaled"
# (no "scalled") never pairs.
_DOUBLED_L = re.compile(r"([a-z]+[b-df-hj-np-tv-zui][ea])ll?(ed|ing|er|ers)")


@cache
def _forms() -> dict[str, tuple[str, str]]:
    """Word -> ``(american, british)`` for the pairs of ``variants_spelling_forms.txt``."""
    out: dict[str, tuple[str, str]] = {}
    for us, uk in lexicons.rows("variants_spelling_forms.txt"):
        out[us] = out[uk] = (us, uk)
    return out


@cache
def _ambiguous() -> frozenset[str]:
    """American forms that are also a different British word (read per word, not story-wide)."""
    return lexicons.words("variants_spelling_ambiguous.txt")


def counterpart(word: str) -> tuple[str, str] | None:
    """``(american, british)`` forms of a lower-case word that has a US/UK pair.

    >>> counterpart("weaponisation")
    ('weaponization', 'weaponisation')
    >>> counterpart("towards"), counterpart("paralyzed")
    (('toward', 'towards'), ('paralyzed', 'paralysed'))
    >>> counterpart("prize") is None, counterpart("news") is None
    (True, True)
    >>> counterpart("fuelled"), counterpart("dialing")
    (('fueled', 'fuelled'), ('dialing', 'dialling'))
    """
    if american_spelling_exists(word):
        return word, get_british_spelling(word)
    if british_spelling_exists(word):
        return get_american_spelling(word), word
    if word in _forms():
        return _forms()[word]
    for pattern in (_IZE, _YZE):
        m = pattern.fullmatch(word)
        if m:
            stem, end = m.group(1), m.group(2)
            return f"{stem}z{end}", f"{stem}s{end}"
    m = _DOUBLED_L.fullmatch(word)
    if m:
        return f"{m.group(1)}l{m.group(2)}", f"{m.group(1)}ll{m.group(2)}"
    return None


def _folded(word: str) -> str:
    """A word case-folded, its curly apostrophe straight ("Neighbor\u2019s" -> "neighbor's")."""
    return word.casefold().replace("\u2019", "'")


def us_uk_pair(a: str, b: str) -> tuple[str, str] | None:
    """``(american, british)`` in the original texts when a/b are a US/UK pair.

    Case is ignored for the lookup and kept in the answer.

    >>> us_uk_pair("Defence", "Defense")
    ('Defense', 'Defence')
    >>> us_uk_pair("color", "colour")
    ('color', 'colour')
    >>> us_uk_pair("colour", "colours") is None
    True
    >>> us_uk_pair("neighbour's", "neighbor's"), us_uk_pair("four-storey", "four-story")
    (("neighbor's", "neighbour's"), ('four-story', 'four-storey'))
    """
    la, lb = _folded(a), _folded(b)
    if la == lb:
        return None
    if la.endswith("'s") and lb.endswith("'s"):
        la, lb = la[:-2], lb[:-2]  # "neighbour's" / "neighbor's"
    if "-" in la and la.count("-") == lb.count("-"):
        parts = [us_uk_pair(x, y) for x, y in zip(la.split("-"), lb.split("-"), strict=True)]
        differ = [p for p, x, y in zip(parts, la.split("-"), lb.split("-"), strict=True) if x != y]
        if len(differ) == 1 and differ[0] is not None:  # "four-storey" / "four-story"
            return (a, b) if differ[0][0] in la.split("-") else (b, a)
        return None
    if not la.isalpha() or not lb.isalpha():
        return None
    for pair in (counterpart(la), counterpart(lb)):
        if pair is not None and {la, lb} == set(pair):
            return (a, b) if pair[0] == la else (b, a)
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
    """Words, with a hyphen or a possessive ("four-storey", "neighbour's")."""
    return [t for t in tokens if _WORD.fullmatch(t.text)]


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:['\u2019]s)?")


def _sides(us: str, uk: str) -> str:
    """Both forms, each named by its convention.

    A word-form pair ("toward" / "towards") is a preference, not a spelling
    rule, so it is named for the variety where it is more usual.

    >>> _sides("Color", "colour")
    '"Color" (American spelling) and "colour" (British spelling)'
    >>> _sides("toward", "towards")
    '"toward" (more usual in American English) and "towards" (more usual in British English)'
    """
    if us.casefold() in _forms():
        return f'"{us}" (more usual in American English) and "{uk}" (more usual in British English)'
    return f'"{us}" (American spelling) and "{uk}" (British spelling)'


def find(ctx: Context) -> list[Candidate]:
    """One candidate per US/UK pair per passage and outlet pair (merged by the pair)."""
    out = _story_candidates(ctx)
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
        key=_pair_key(us, uk),
        spans={a: (ctx.tokens_span(a, (ta,)),), b: (ctx.tokens_span(b, (tb,)),)},
        explanation=(
            f"{_sides(us, uk)} are the same word: a house-style choice, not a change of meaning."
        ),
        label=f'"{ta.text}" vs "{tb.text}"',
        weight=0.1,
    )


def _pair_key(us: str, uk: str) -> str:
    """The pair's words that differ, so "four-storey" and "seven-storey" are one finding.

    >>> _pair_key("four-story", "four-storey"), _pair_key("Neighbor\u2019s", "neighbour's")
    ('story|storey', 'neighbor|neighbour')
    """
    x, y = (_folded(w).removesuffix("'s") for w in (us, uk))
    differ = [(p, q) for p, q in zip(x.split("-"), y.split("-"), strict=False) if p != q]
    return "|".join(differ[0]) if len(differ) == 1 else f"{x}|{y}"


def _own_voice_words(sentences: Sequence[Sentence]) -> list[Token]:
    """The words of an article outside quotation marks (``token_quote_flags``).

    Why: a convention is the outlet's only where it writes in its own voice;
    inside quotation marks the spelling is the quoted source's ("amidst" in
    a senator's tweet that an outlet writing "amid" quotes), and read blind,
    such a story-wide pair was judged wrong.
    """
    return [t for t, quoted in token_quote_flags(sentences) if not quoted and t.text.isalpha()]


def _story_candidates(ctx: Context) -> list[Candidate]:
    """US/UK pairs across the whole story, where each outlet writes one form only."""
    uses: dict[str, dict[str, list[Token]]] = defaultdict(lambda: defaultdict(list))
    for aid, article in ctx.articles.items():
        for tok in _own_voice_words(article.sentences):
            uses[tok.text.casefold()][aid].append(tok)
    out: list[Candidate] = []
    done: set[tuple[str, str]] = set()
    for word in sorted(uses):
        pair = counterpart(word)
        if pair is None or pair in done or pair[0] in _ambiguous():
            continue
        done.add(pair)
        us, uk = pair
        if us == uk or us not in uses or uk not in uses or set(uses[us]) & set(uses[uk]):
            continue
        spans: dict[str, tuple[Span, ...]] = {}
        for form in (us, uk):
            for aid, toks in uses[form].items():
                spans[aid] = tuple(ctx.tokens_span(aid, (t,)) for t in toks[:MAX_SPANS])
        first_us = next(iter(uses[us].values()))[0].text
        first_uk = next(iter(uses[uk].values()))[0].text
        out.append(
            Candidate(
                kind=Kind.SPELLING_VARIANT,
                severity=Severity.LOW,
                passage_id=None,
                key=f"{us}|{uk}",
                spans=spans,
                explanation=(
                    f"{_sides(first_us, first_uk)} are the same word: each outlet keeps to "
                    "one convention, a house-style choice, not a change of meaning."
                ),
                label=f'"{first_us}" vs "{first_uk}"',
                weight=0.1,
            )
        )
    return out
