"""Loaded framing in labels: a status qualifier dropped, a source labelled.

Why apart from term swaps: these compare a whole phrase across the cell,
not one edit: "the de facto capital" vs "the capital" (a disputed status
taken as settled), "the Xland-run health ministry" vs "the health ministry"
(who controls a source, said in one version only), and "rebel commanders
said" vs "according to local commanders" (the same source, framed in one
version only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from compare.claims.sources import markers, source_range
from compare.claims.words import content_words, find_phrases, has_run
from compare.classify.base import Candidate, Context
from compare.classify.framing.loaded_swaps import uses_term
from compare.classify.pairs import CellPair
from compare.model import Kind, Severity, Span, Token
from compare.text import lexicons

QUALIFIERS_FILE = "classify_status_qualifiers.txt"
# "Xland-run", "rebel-held", "state-backed": who runs, holds or backs the thing named next.
AFFILIATION = re.compile(
    r"[^\W\d_][\w.'\u2019]*-(?:run|backed|held|controlled|led|funded|linked|aligned|allied|"
    r"affiliated|appointed|owned|supported|sponsored|installed|occupied)"
)
AFFILIATION_REACH = 2  # words after the qualifier that name the thing it qualifies


@cache
def _qualifiers() -> dict[tuple[str, ...], frozenset[str]]:
    from compare.align.segment import tokenize

    return {
        tuple(t.norm for t in tokenize(row[0])): frozenset(
            n.strip().casefold() for n in row[1].split(",")
        )
        for row in lexicons.rows(QUALIFIERS_FILE)
    }


def _qualified(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(qualifier start, noun index) of "de facto capital"-style phrases."""
    out = []
    norms = [t.norm for t in tokens]
    for qual, nouns in _qualifiers().items():
        n = len(qual)
        for k in range(len(norms) - n):
            if tuple(norms[k : k + n]) == qual and norms[k + n] in nouns:
                out.append((k, k + n))
    return out


def qualifier_dropped(ctx: Context, pair: CellPair) -> list[Candidate]:
    """ "the de facto capital" vs "the capital": a status qualifier one version drops."""
    out = []
    for has, tokens, other, other_tokens in pair.sides():
        kept = {other_tokens[k].norm for _q, k in _qualified(other_tokens)}
        for q, k in _qualified(tokens):
            noun = tokens[k].norm
            bare = [j for j, t in enumerate(other_tokens) if t.norm == noun]
            if noun in kept or not bare:
                continue
            term = ctx.tokens_span(has, tuple(tokens[q : k + 1]))
            there = ctx.tokens_span(other, (other_tokens[bare[0]],))
            out.append(
                _label_candidate(
                    pair,
                    f"qualifier:{term.text.casefold()}",
                    term,
                    there,
                    "Dropping the qualifier gives the place or office the standing of a "
                    "sovereign state's, which is one side's view of a disputed status.",
                )
            )
    return out


def _label_candidate(pair: CellPair, key: str, term: Span, there: Span, why: str) -> Candidate:
    """A label one version has and the other lacks: "<term>" vs just "<there>", and why."""
    return Candidate(
        kind=Kind.LOADED_TERM,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=key,
        spans={term.article_id: (term,), there.article_id: (there,)},
        explanation=f'One version says "{term.text}", the other just "{there.text}". {why}',
        label=f'"{term.text}" vs "{there.text}"',
        weight=1.1,
    )


# Lower-case owners that still name a side ("state-run", "rebel-held"); a
# capitalised one is a name ("Xland-backed").  Not "well-run", "long-held".
_OWNERS = frozenset(
    {"state", "government", "rebel", "militia", "army", "military", "opposition", "party"}
    | {"union", "church", "industry", "donor", "foreign", "police", "separatist", "insurgent"}
)


def affiliations(tokens: Sequence[Token]) -> list[int]:
    """Indexes of "Xland-run"-style qualifiers naming who runs, backs or holds something.

    >>> from compare.align.segment import tokenize
    >>> affiliations(tokenize("The Xland-backed and state-run outlets, a well-run firm."))
    [1, 3]
    """
    out = []
    for k, t in enumerate(tokens):
        if AFFILIATION.fullmatch(t.norm):
            owner = t.text.split("-", 1)[0]
            if owner[:1].isupper() or owner.casefold() in _OWNERS:
                out.append(k)
    return out


def affiliation_dropped(ctx: Context, pair: CellPair) -> list[Candidate]:
    """ "the Xland-run health ministry" vs "the health ministry": who controls it, said once.

    Why: naming who runs, backs or holds a source or a place ("rebel-held",
    "state-backed") tells the reader how far to trust it or whose side it is
    on; one version saying so and the other not is a framing difference.
    Only when the other version names the same thing with no such qualifier.
    """
    out = []
    for has, tokens, other, other_tokens in pair.sides():
        if affiliations(other_tokens):
            continue  # both qualify: another family compares the words
        verbs = {i for m in markers(tokens) for i in range(m[0], m[1])}
        for k in affiliations(tokens):
            if _spelt_apart(tokens[k], other_tokens):
                continue  # "state funded" there: the same qualifier without its hyphen
            # The thing qualified: the words after it that the other version
            # also has, in the same order, up to a reporting verb.
            hit = _same_run(tokens, other_tokens, k + 1, verbs)
            if hit is None:
                continue
            n, at = hit
            if not _voice_or_place(tokens, k, n):
                continue  # "Republican-run redistricting", "state-run programs": a plain fact
            first = owner_start(tokens, k)
            term = ctx.tokens_span(has, tuple(tokens[first : k + 1 + n]))
            there = ctx.tokens_span(other, tuple(other_tokens[at : at + n]))
            qualifier = ctx.tokens_span(has, tuple(tokens[first : k + 1])).text
            out.append(
                _label_candidate(
                    pair,
                    f"affiliation:{tokens[k].norm}",
                    term,
                    there,
                    f'"{qualifier}" tells the reader who controls or backs it, which '
                    "frames how far to trust it or whose side it is on.",
                )
            )
    return out


# Nouns of bodies that speak or rule: who backs or runs one of these tells the reader how
# far to trust what it says ("the Xland-run health ministry", "state-run media").
_VOICES = frozenset(
    {"ministry", "media", "channel", "channels", "television", "tv", "newspaper", "newspapers",
     "outlet", "outlets", "agency", "broadcaster", "radio", "station", "network", "press",
     "news", "government", "authorities", "administration", "officials", "council", "court",
     "forces", "militia", "militias", "fighters", "army", "police", "parliament"}
)  # fmt: skip


# Legislative chambers: who holds one ("Republican-controlled Senate") is the election's
# result, told or not, not a source's allegiance.  Read blind on the fourth BASIL draw,
# "Democrat-controlled House" against "House" was judged wrong.
_CHAMBERS = frozenset({"house", "senate", "congress", "legislature", "chamber", "assembly"})


def _voice_or_place(tokens: Sequence[Token], k: int, n: int) -> bool:
    """Does the qualifier at ``k`` qualify a source or a place (its ``n`` words after it)?

    Why: who runs a ministry, a channel or a town frames what it says or who
    holds it; who runs a process, funds a trip or backs a candidate is a
    plain fact of the story.  Read blind on the BASIL training events,
    "Republican-run redistricting", "state-run programs", "state-funded
    travel" and "Tea Party-backed economics professor" against the bare
    noun were all judged wrong.  A source is a body's noun (``_VOICES``) or
    the subject of a reporting verb; a place or a body is a name right
    after the qualifier ("rebel-held Orvik").
    """
    if any(t.norm in _VOICES for t in tokens[k + 1 : k + 1 + n]):
        return True
    if k + 1 < len(tokens) and tokens[k + 1].norm in _CHAMBERS:
        return False  # "the Democrat-controlled House": which side holds a chamber, a fact
    if k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
        return True
    return any(source_range(tokens, m[0], m[1])[0] <= k < m[0] for m in markers(tokens))


def owner_start(tokens: Sequence[Token], k: int) -> int:
    """First token of the qualifier at ``k`` with the capitalised words of its owner's name.

    Why: "Tea Party-backed" is one qualifier, and quoting "Party-backed" alone
    misquotes the outlet.

    >>> from compare.align.segment import tokenize
    >>> toks = tokenize("The Tea Party-backed candidate won.")
    >>> [t.text for t in toks[owner_start(toks, 2) : 3]]
    ['Tea', 'Party-backed']
    """
    first = k
    while (
        first > 0
        and tokens[first - 1].text[:1].isupper()
        and tokens[first - 1].text.isalpha()
        and content_words(tokens[first - 1 : first])
    ):
        first -= 1
    return first


def _spelt_apart(qualifier: Token, other: Sequence[Token]) -> bool:
    """Does the other version write the qualifier's words apart ("state funded")?"""
    return has_run([t.norm for t in other], qualifier.norm.split("-"))


def _same_run(
    tokens: Sequence[Token], other: Sequence[Token], start: int, stop_at: set[int]
) -> tuple[int, int] | None:
    """The longest run of content words from ``start`` (at most ``AFFILIATION_REACH``)
    that ``other`` has in the same order: ``(length, where it starts in other)``.

    After the first word, a word in "-ed" or "-ing" ends the run: it is most
    likely the verb ("the Xland-backed channel aired it").
    """
    best = None
    for j in range(len(other)):
        n = 0
        while (
            n < AFFILIATION_REACH
            and start + n < len(tokens)
            and j + n < len(other)
            and start + n not in stop_at
            and content_words([tokens[start + n]])
            and not (n and tokens[start + n].norm.endswith(("ed", "ing")))  # a verb follows
            and tokens[start + n].norm == other[j + n].norm
        ):
            n += 1
        if n and (best is None or n > best[0]):
            best = (n, j)
    return best


def source_labels(ctx: Context, pair: CellPair, table: Mapping) -> list[Candidate]:
    """The same source labelled with a loaded term in one version only.

    "rebel commanders said" vs "according to local commanders": both name
    a source, but one frames it.  Sources are compared in order (first
    attributed source with first), only when both cells credit equally many.
    """

    def sources(tokens: Sequence[Token]) -> list[tuple[int, int]]:
        spans = [source_range(tokens, s, e) for s, e, _c in markers(tokens)]
        return [(lo, hi) for lo, hi in spans if hi > lo]

    sa, sb = sources(pair.a_tokens), sources(pair.b_tokens)
    if not sa or len(sa) != len(sb):
        return []
    out = []
    for (alo, ahi), (blo, bhi) in zip(sa, sb, strict=True):
        ta, tb = pair.a_tokens[alo:ahi], pair.b_tokens[blo:bhi]
        terms_a = {tuple(t.norm for t in ta[s:e]): w for s, e, w in find_phrases(ta, table)}
        terms_b = {tuple(t.norm for t in tb[s:e]): w for s, e, w in find_phrases(tb, table)}
        for has, tokens, terms, other, other_tokens, others in (
            (pair.a, ta, terms_a, pair.b, tb, terms_b),
            (pair.b, tb, terms_b, pair.a, ta, terms_a),
        ):
            for term, why in terms.items():
                if term in others or not content_words(other_tokens):
                    continue
                found = next(
                    (tokens[s:e] for s, e, _w in find_phrases(tokens, table)
                     if tuple(t.norm for t in tokens[s:e]) == term),
                    (),
                )  # fmt: skip
                if found and uses_term(ctx, other, found):
                    # "the mayor, who backed the scheme," against an outlet that writes "the
                    # scheme" itself elsewhere: no word avoided (read blind, round 24)
                    continue
                x = ctx.tokens_span(has, tuple(tokens))
                y = ctx.tokens_span(other, tuple(other_tokens))
                out.append(
                    Candidate(
                        kind=Kind.LOADED_TERM,
                        severity=Severity.MEDIUM,
                        passage_id=pair.passage_id,
                        key=f"source:{' '.join(term)}|{y.text.casefold()}",
                        spans={has: (x,), other: (y,)},
                        explanation=f'The same source is called "{x.text}" in one version and '
                        f'"{y.text}" in the other: {why}.',
                        label=f'"{x.text}" vs "{y.text}"',
                        weight=1.15,
                        independent=True,
                    )
                )
    return out
