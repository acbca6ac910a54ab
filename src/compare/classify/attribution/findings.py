"""How each attribution change is quoted and explained to the reader.

Why apart from the rule: ``attribution.find`` decides where attribution
differs; these builders decide what each side's highlight quotes (the
verb, the credited source, the clause stated as fact) and say in plain words
why the difference matters, one merge key per kind of change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from compare.claims.hedge_words import Hedge, hedges
from compare.claims.sources import (
    INSTITUTION_HEADS,
    Marker,
    attribution_range,
    has_subject,
    same_referent,
    source_range,
)
from compare.claims.speakers import identified, one_party, one_side, words
from compare.claims.words import content_words, stem
from compare.classify.base import Candidate, Context
from compare.classify.cells import clause_around, is_variant_elsewhere, sentence_starts
from compare.classify.pairs import CellPair
from compare.classify.variants.name_forms import SURNAME_PARTICLES
from compare.classify.variants.names import is_variant
from compare.model import Kind, Severity, Token

_AGENT_STOP = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "following",
        "after",
        "before",
        "on",
        "in",
        "at",
        "during",
        "and",
        "but",
        "as",
        "with",
        "amid",
        "late",
        "early",
    }
)
MAX_AGENT = 8  # tokens after "by" read as who made the statement
_MEANING = {
    "neutral": "is neutral: it reports the words without judging them",
    "doubt": "signals doubt about the claim",
    "concession": "presents the statement as a reluctant admission of something true",
    # Read blind, "pressing a disputed point" was wrong for "warned" and "vowed".
    "emphatic": "presents the words as said with force (insisting, warning, urging or vowing)",
    "denial": "reports a rejection",
    "accusation": "reports that someone is blamed",
    "criticism": "reports disapproval without a specific charge",
    "announce": "presents it as an official statement",
}


def same_words(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """True when two sources name the same people, allowing variants and "Kenya"/"Kenyan"."""
    sa = [stem(t.norm) for t in content_words(a)]
    sb = [stem(t.norm) for t in content_words(b)]

    def alike(x: str, y: str) -> bool:
        if x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))):
            return True
        close = min(len(x), len(y)) >= 5 and SequenceMatcher(None, x, y).ratio() >= 0.8
        return close or is_variant_elsewhere(x, y)

    def covered(xs: list[str], pool: list[str]) -> bool:
        return all(any(alike(x, y) for y in pool) for x in xs)

    # One source may be fuller than the other ("President Jane Doe" / "Doe").
    if covered(sa, sb) or covered(sb, sa):
        return True
    # One name spelt two ways ("Marquardt" / "Markwardt"), read on the words as written:
    # the name-variant finding reports the spelling.
    ta, tb = [t.text for t in content_words(a)], [t.text for t in content_words(b)]
    return len(ta) == len(tb) and all(
        x == y or is_variant_elsewhere(x, y) for x, y in zip(ta, tb, strict=True)
    )


def _hedged(tokens: Sequence[Token], lo: int, hi: int) -> list[Hedge]:
    """Word hedges starting inside ``[lo, hi)``."""
    return [h for h in hedges(tokens) if lo <= h[0] < hi]


def voice_swap(
    ctx: Context,
    pair: CellPair,
    ra: tuple[int, int],
    rb: tuple[int, int],
    in_a: list[Marker],
    in_b: list[Marker],
) -> Candidate | None:
    """A label credited to the source in one version, doubted by the writer in the other.

    "a report citing what it called unsafe wiring" lets the source own the
    word; "a report listing alleged unsafe wiring" replaces the source's
    voice with the writer's doubt.  The spans quote the attributing
    words, so the hedge family can still report the hedge word itself.
    """
    (i1, i2), (j1, j2) = ra, rb
    ha, hb = _hedged(pair.a_tokens, i1, i2), _hedged(pair.b_tokens, j1, j2)
    sides = []
    for has, has_tokens, markers_in, own_hedges, lo, hi in (
        (pair.a, pair.a_tokens, in_a, ha, i1, i2),
        (pair.b, pair.b_tokens, in_b, hb, j1, j2),
    ):
        voiced = markers_in
        sides.append((has, has_tokens, voiced, own_hedges, lo, hi))
    (a, ta, va, hha, alo, ahi), (b, tb, vb, hhb, blo, bhi) = sides
    if va and not vb and hhb and not any(_is_called(tb, h) for h in hhb):
        src, doubt = (a, ta, alo, ahi), (b, tb, blo, bhi, hhb)
    elif vb and not va and hha and not any(_is_called(ta, h) for h in hha):
        src, doubt = (b, tb, blo, bhi), (a, ta, alo, ahi, hha)
    else:
        return None
    words = [t for t in src[1][src[2] : src[3]] if content_words([t]) or t.norm in ("it", "they")]
    if not words:
        return None
    credited = ctx.tokens_span(src[0], tuple(src[1][src[2] : src[3]]))
    hedge_at = {k for h in doubt[4] for k in range(h[0], h[1])}
    rest = [t for k, t in enumerate(doubt[1][doubt[2] : doubt[3]], doubt[2]) if k not in hedge_at]
    rest = [t for t in rest if content_words([t])] or list(doubt[1][doubt[2] : doubt[3]])
    other = ctx.tokens_span(doubt[0], (rest[0],))
    hedge_word = " ".join(t.text for t in doubt[1][doubt[4][0][0] : doubt[4][0][1]])
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"voice:{credited.text.casefold()}|{hedge_word.casefold()}",
        spans={src[0]: (credited,), doubt[0]: (other,)},
        explanation=f'One version lets the source own the words ("{credited.text}"); the other '
        f'drops that and adds its own doubt ("{hedge_word}"). The first reports what the source '
        "said; the second is the writer's judgement.",
        label=f'"{credited.text}" vs "{hedge_word}"',
        weight=1.1,
    )


def _is_called(tokens: Sequence[Token], h: Hedge) -> bool:
    """True for "what it called"-style hedges, which credit the word to a speaker."""
    return h[2] == "distance" and h[1] - h[0] > 1


def agent_named(
    ctx: Context,
    pair: CellPair,
    ra: tuple[int, int],
    rb: tuple[int, int],
    ma: list[Marker],
    mb: list[Marker],
) -> Candidate | None:
    """ "was announced by the ministers" vs "was announced": who spoke, named in one only."""
    for has, tokens, (lo, hi), found, lacks, other, olo in (
        (pair.a, pair.a_tokens, ra, ma, pair.b, pair.b_tokens, rb[0]),
        (pair.b, pair.b_tokens, rb, mb, pair.a, pair.a_tokens, ra[0]),
    ):
        if hi - lo < 2 or tokens[lo].norm != "by" or olo == 0:
            continue
        verb = next((m for m in found if m[1] == lo), None)
        if verb is None or other[olo - 1].norm != tokens[lo - 1].norm:
            continue
        stop = lo + 1
        while stop < min(hi, lo + 1 + MAX_AGENT) and tokens[stop].norm not in _AGENT_STOP:
            stop += 1
        agent = tokens[lo + 1 : stop]
        if not content_words(agent):
            continue
        named = ctx.tokens_span(has, tuple(tokens[verb[0] : stop]))
        bare = ctx.tokens_span(lacks, tuple(other[olo - 1 : olo]))
        return Candidate(
            kind=Kind.ATTRIBUTION_CHANGE,
            severity=Severity.HIGH,
            passage_id=pair.passage_id,
            key=f"agent:{named.text.casefold()}",
            spans={has: (named,), lacks: (bare,)},
            explanation=f'One version names who made the statement ("{named.text}"); the other '
            f'says only that it was "{bare.text}", without saying by whom.',
            label=f'"{named.text}" vs no speaker',
            weight=1.2,
        )
    return None


# Confidence of a verb change between sentences written apart (``pairs.WRITTEN_TOGETHER``)
# whose credited clauses still share ``RETOLD_SHARED`` content words: the same claim retold,
# perhaps, but the verbs may credit different statements.
RETOLD_CONFIDENCE = 0.5


def verb_change(
    ctx: Context, pair: CellPair, ca: Marker, cb: Marker, *, retold: bool = False
) -> Candidate:
    """Both versions attribute the claim, with verbs of different stance ("said" / "claimed").

    ``retold``: the two sentences were written apart and only their credited
    clauses' words tie them: a minor, uncertain finding that says so.
    """
    va = ctx.tokens_span(pair.a, pair.a_tokens[ca[0] : ca[1]])
    vb = ctx.tokens_span(pair.b, pair.b_tokens[cb[0] : cb[1]])
    (x, cx), (y, cy) = sorted([(va.text, ca[2]), (vb.text, cb[2])], key=lambda p: p[0].casefold())
    explanation = (
        f'The reporting verb differs: "{x}" vs "{y}". "{x}" {_MEANING.get(cx, "")}, '
        f'while "{y}" {_MEANING.get(cy, "")}.'
    )
    if retold:
        explanation += (
            " The two outlets wrote these sentences in their own words, so the verbs may "
            "credit different statements: check that they report the same one."
        )
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.LOW if retold else Severity.HIGH,
        passage_id=pair.passage_id,
        key="verb:" + "|".join(sorted([_verb_key(x, cx), _verb_key(y, cy)])),
        spans={pair.a: (va,), pair.b: (vb,)},
        explanation=explanation,
        label=f'"{x}" vs "{y}"',
        weight=1.0,
        confidence=RETOLD_CONFIDENCE if retold else 1.0,
    )


def _verb_key(verb: str, stance: str) -> str:
    """How a verb enters a verb change's merge key: any neutral verb as one.

    Why: "claimed" against one outlet's "said" and another's "says" in one
    passage is one outlet's choice of verb, shown as one finding quoting all
    three; keyed by the surface verbs it was listed twice.
    """
    return "~neutral" if stance == "neutral" else verb.casefold()


RETOLD_SHARED = 5  # content words the credited clauses of a retold claim have in common


def retold(pair: CellPair, ca: Marker, cb: Marker) -> bool:
    """Do the clauses after two reporting verbs share ``RETOLD_SHARED`` content words?"""
    after_a = {stem(t.norm) for t in content_words(pair.a_tokens[ca[1] :])}
    after_b = {stem(t.norm) for t in content_words(pair.b_tokens[cb[1] :])}
    return len(after_a & after_b) >= RETOLD_SHARED


LEAD_IN_WORDS = 4  # a clause with fewer content words before a comma is a lead-in


def dropped(
    ctx: Context,
    pair: CellPair,
    has: str,
    has_tokens: Sequence[Token],
    marker: Marker,
    lacks: str,
    lacks_tokens: Sequence[Token],
    at: int,
) -> Candidate:
    """One version credits the claim to a source; the other (``lacks``) states it as fact.

    The lacking side quotes the clause where the attribution would stand.
    """
    lo, hi = attribution_range(has_tokens, marker)
    attributed = ctx.tokens_span(has, tuple(has_tokens[lo:hi]))
    # The claim stated as fact: the clause where the attribution would stand,
    # with the clause after it when that one is only a lead-in ("On Tuesday
    # night, the statement was recorded ..."): the reader must see the claim.
    starts = sentence_starts(ctx, pair.passage_id, lacks)
    lo, hi = clause_around(lacks_tokens, at, starts)
    lead_in = len(content_words(lacks_tokens[lo:hi])) < LEAD_IN_WORDS
    if lead_in and hi + 1 < len(lacks_tokens) and hi not in starts and lacks_tokens[hi].norm == ",":
        hi = clause_around(lacks_tokens, hi + 1, starts)[1]
    claim = ctx.tokens_span(lacks, tuple(lacks_tokens[lo:hi]))
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        # One finding per passage: every outlet that credits the claim and every
        # outlet that states it as fact ("officials said" / "emergency officials
        # said" vs none) is one difference, not one per pair of outlets.
        key="fact",
        spans={has: (attributed,), lacks: (claim,)},
        explanation=f'One version credits the claim to a source ("{attributed.text}"); the other '
        "states it as fact, so the reader cannot tell who vouches for it.",
        label=f'"{attributed.text}" vs no attribution',
        weight=1.5,
    )


def source_changes(
    ctx: Context, pair: CellPair, ma: list[Marker], mb: list[Marker]
) -> list[Candidate]:
    """Same verb in the same place, credited to someone else ("police said" / "witnesses said")."""
    out = []
    starts_b = {m[0]: m for m in mb}
    for m in ma:
        n = starts_b.get(pair.a_to_b.get(m[0], -1))
        found = None if n is None else source_change(ctx, pair, m, n)
        if found is not None:
            out.append(found)
    return out


def _shared_words(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Do two sources share a content word besides an institution's head noun?

    >>> from compare.align.segment import tokenize as t
    >>> _shared_words(t("the National Weather Service"), t("the Office of Emergency Services"))
    False
    >>> _shared_words(t("the official KCNA news agency"), t("the state news agency"))
    True
    """
    return bool((words(a) & words(b)) - INSTITUTION_HEADS)


def _described(text: str, named: Sequence[Token], other: Sequence[Token]) -> bool:
    """Is ``other``, all in lower case, a description of the body ``named`` abbreviates?

    "NBS data" / "central bank figures": the article spells out "the National Bank of
    Serbia (NBS)", whose head "bank" the description shares (read blind, nineteenth
    round, as two sources).

    >>> from compare.align.segment import tokenize as t
    >>> text = "It expected the National Bank of Serbia (NBS) to wait."
    >>> _described(text, t("NBS data"), t("central bank figures"))
    True
    >>> _described(text, t("NBS data"), t("the finance ministry"))
    False
    """
    if any(w.text[:1].isupper() for w in content_words(other)):
        return False
    full: list[str] = []
    for w in named:
        if w.text.isupper() and 2 <= len(w.text) <= 6 and w.text.isalpha():
            found = re.search(
                rf"((?:[A-Z][\w'\u2019-]*\s+(?:of\s+|for\s+|and\s+|the\s+)*){{1,8}})\({w.text}\)",
                text,
            )
            if found:
                full.extend(found[1].split())
    expanded = {stem(x.casefold()) for x in full}
    return bool(expanded & {stem(t.norm) for t in content_words(other)})


# Prepositions that open a phrase, never a source: "Under the measures announced ...".
_PHRASE_OPENERS = frozenset(
    {"under", "with", "after", "before", "following", "despite", "amid", "in", "on", "for"}
)


def _cut_participle(tokens: Sequence[Token]) -> bool:
    """Does a source open with a participle and "by" ("carried out by the council")?

    >>> from compare.align.segment import tokenize as t
    >>> _cut_participle(t("carried out by the council")), _cut_participle(t("officials"))
    (True, False)
    """
    return tokens[0].norm.endswith("ed") and any(t.norm == "by" for t in tokens[1:3])


# Not "us": "the US said" names a country.
_FIRST_PERSON = frozenset({"i", "we", "me", "myself", "ourselves"})


def _first_person(tokens: Sequence[Token]) -> bool:
    """Does a source name the speaker as "I" or "we" (a quotation's own words)?

    >>> from compare.align.segment import tokenize
    >>> _first_person(tokenize("I've repeatedly")), _first_person(tokenize("the mayor"))
    (True, False)
    """
    return any(re.split(r"['\u2019]", t.norm)[0] in _FIRST_PERSON for t in tokens)


def spelt_twice(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Do two sources end in one name spelt two ways ("Olsz" / "Olsch", "Valcu" / "Valku")?

    The name-variant finding reports the spelling; read blind, "credited to
    different sources" between two spellings of one witness was wrong.
    """
    last = [next((t.text for t in reversed(ts) if t.text[:1].isupper()), "") for ts in (a, b)]
    if not all(last):
        return False
    if _joined_name(a) and _joined_name(a) == _joined_name(b):
        return True  # "Van den Broeck" / "Vandenbroeck" (seventeenth round)
    # "Valcu" / "Valku": one letter apart, which ``same_words`` takes as one name (read
    # blind, such a pair was called two sources); nicknames ("Mike") stay apart.
    return last[0] == last[1] or is_variant(last[0], last[1]) or _one_letter(*last)


def _joined_name(tokens: Sequence[Token]) -> str:
    """The name ending a source, its words and particles written together and case-folded.

    >>> from compare.align.segment import tokenize as t
    >>> _joined_name(t("director Van den Broeck")), _joined_name(t("Dr Vandenbroeck"))
    ('vandenbroeck', 'vandenbroeck')
    """
    if not tokens or not tokens[-1].text[:1].isupper():
        return ""
    k = len(tokens) - 1
    while k > 0 and tokens[k - 1].norm in SURNAME_PARTICLES:
        k -= 1  # the surname's particles, capitalised or not
    return "".join(t.norm.replace("-", "") for t in tokens[k:])


def _one_letter(a: str, b: str) -> bool:
    """Two names of five letters or more, same length, one letter different, same first.

    >>> _one_letter("Valcu", "Valku"), _one_letter("Mike", "Mika"), _one_letter("Smith", "Smyth")
    (True, False, True)
    """
    if len(a) != len(b) or len(a) < 5 or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def source_change(ctx: Context, pair: CellPair, m: Marker, n: Marker) -> Candidate | None:
    """The claim of marker ``m`` (side a) and ``n`` (side b) credited to different sources.

    Not when either source names no one in particular ("its official media",
    "officials") or the two share a word ("official KCNA news agency"): those
    may well be one source named twice (``claims.speakers``).  Nor when one
    source is the speaker's own "I" or "we" ("“I've repeatedly said ...”"
    / "Santorum said"): quoted words in the first person are the person the
    other version names, told directly.
    """
    if not has_subject(pair.a_tokens, m[0]) or not has_subject(pair.b_tokens, n[0]):
        return None
    sa, sb = source_range(pair.a_tokens, m[0], m[1]), source_range(pair.b_tokens, n[0], n[1])
    ta, tb = pair.a_tokens[sa[0] : sa[1]], pair.b_tokens[sb[0] : sb[1]]
    if (
        not ta
        or not tb
        # "Under the measures announced Thursday": a participle after a noun of a phrase,
        # no one credited (read blind as a source against "the company and the city")
        or ta[0].norm in _PHRASE_OPENERS
        or tb[0].norm in _PHRASE_OPENERS
        # "An equality impact assessment carried out by the council found": the walk back
        # from the verb stopped inside the subject (read blind as another source)
        or _cut_participle(ta)
        or _cut_participle(tb)
        or _first_person(ta)
        or _first_person(tb)
        or not content_words(ta)
        or not content_words(tb)
        or same_words(ta, tb)
        or same_referent(ta, tb)
        or one_side(ta, tb)
        or one_party(ta, tb)
        or not identified(ta)
        or not identified(tb)
        or _shared_words(ta, tb)
        or spelt_twice(ta, tb)
        or _described(ctx.articles[pair.a].text, ta, tb)
        or _described(ctx.articles[pair.b].text, tb, ta)
    ):
        return None
    a_span, b_span = ctx.tokens_span(pair.a, ta), ctx.tokens_span(pair.b, tb)
    x, y = sorted([a_span.text, b_span.text], key=str.casefold)
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"source:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (a_span,), pair.b: (b_span,)},
        explanation=f'The same statement is credited to different sources: "{x}" vs '
        f'"{y}". Who said it changes how far a reader should trust it.',
        label=f'"{x}" vs "{y}"',
        weight=1.2,
    )
