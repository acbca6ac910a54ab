"""Rule family: loaded_term.

Why three signals: a documented lexicon (``classify_loaded_terms.txt``)
explains the well-known cases ("rioters" vs "protesters"); a proper
adjective swapped before a group noun ("Xish soldiers" vs "Yish soldiers")
catches an actor named by another identity; and VADER valences (shipped
with vaderSentiment) catch unseen swaps whose tone differs sharply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from functools import cache

from compare import lexicons
from compare.classify.attribution import markers
from compare.classify.base import Candidate, Context
from compare.classify.cells import (
    CellPair,
    cell_pairs,
    clause_around,
    find_phrases,
    is_variant_elsewhere,
    is_word,
    phrase_table,
    stem,
)
from compare.classify.cells import content_words as content_words_of
from compare.classify.hedges import hedges
from compare.model import Kind, Severity, Span, Token

TERMS_FILE = "classify_loaded_terms.txt"
QUALIFIERS_FILE = "classify_status_qualifiers.txt"
GROUPS_FILE = "classify_group_nouns.txt"
VALENCE_GAP = 1.8  # VADER scale is -4..+4
VALENCE_STRONG = 2.0
PEOPLE_PLURALS = ("ers", "ists", "ans", "ants", "ents", "ites", "ors")


@cache
def _valences() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def valence(word: str) -> float | None:
    """VADER valence of a word or a simple inflection of it ("slammed" -> "slam").

    >>> valence("slammed"), valence("table")
    (-1.6, None)
    """
    lex = _valences()
    w = word.casefold()
    forms = [w] + [w[: -len(end)] for end in ("s", "es", "d", "ed", "ing") if w.endswith(end)]
    if w.endswith(("ed", "ing")):
        base = w[:-2] if w.endswith("ed") else w[:-3]
        forms += [base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else ""]
    for form in forms:
        if form and form in lex:
            return lex[form]
    return None


def _claimed(tokens: Sequence[Token]) -> set[int]:
    """Token indexes other families own: reporting verbs and hedges."""
    out: set[int] = set()
    for start, end, _c in [*markers(tokens), *hedges(tokens)]:
        out.update(range(start, end))
    return out


@cache
def terms_table() -> Mapping[tuple[str, ...], str]:
    """The loaded-term lexicon, each entry also under its other grammatical number.

    Why: the list names "hooligans" or "rioter" once; the same framing in the
    singular or plural must not need a second line.  Singulars are derived
    only from plural nouns for people ("-ers", "-ists", "-ans", ...): "blasts"
    (a verb: "criticises") must not make "blast" (an explosion) loaded.  A
    listed form always wins over a derived one.

    >>> ("rioter",) in terms_table(), ("blast",) in terms_table()
    (True, False)
    """
    table = dict(phrase_table(TERMS_FILE, 2))
    for key, why in list(table.items()):
        last = key[-1]
        if not last.isalpha() or len(last) < 4:
            continue
        if last.endswith(PEOPLE_PLURALS):
            other = last[:-1]
        elif last.endswith("s"):
            continue
        else:
            other = last + "s"
        table.setdefault((*key[:-1], other), why)
    return table


def find(ctx: Context) -> list[Candidate]:
    """Loaded terms substituted or added inside aligned passages."""
    out: list[Candidate] = []
    table = terms_table()
    for pair in cell_pairs(ctx):
        claimed_a, claimed_b = _claimed(pair.a_tokens), _claimed(pair.b_tokens)
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                continue
            seg_a, seg_b = pair.a_tokens[i1:i2], pair.b_tokens[j1:j2]
            la = [
                (s + i1, e + i1, why)
                for s, e, why in find_phrases(seg_a, table)
                if s + i1 not in claimed_a
            ]
            lb = [
                (s + j1, e + j1, why)
                for s, e, why in find_phrases(seg_b, table)
                if s + j1 not in claimed_b
            ]
            if la or lb:
                out.extend(_lexicon(ctx, pair, la, lb, (i1, i2), (j1, j2)))
            elif op == "replace":
                found = _demonym(ctx, pair, i1, i2, j1, j2) or _tone(ctx, pair, seg_a, seg_b)
                if found is not None:
                    out.append(found)
        out.extend(_qualifier_dropped(ctx, pair))
        out.extend(_source_labels(ctx, pair, table))
    return out


@cache
def _qualifiers() -> dict[tuple[str, ...], frozenset[str]]:
    from compare.segment import tokenize

    return {
        tuple(t.norm for t in tokenize(row[0])): frozenset(
            n.strip().casefold() for n in row[1].split(",")
        )
        for row in lexicons.rows(QUALIFIERS_FILE)
    }


def _qualified(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(qualifier start, noun index) of "provincial capital"-style phrases."""
    out = []
    norms = [t.norm for t in tokens]
    for qual, nouns in _qualifiers().items():
        n = len(qual)
        for k in range(len(norms) - n):
            if tuple(norms[k : k + n]) == qual and norms[k + n] in nouns:
                out.append((k, k + n))
    return out


def _qualifier_dropped(ctx: Context, pair: CellPair) -> list[Candidate]:
    """ "the provincial capital" vs "the capital": a status qualifier one version drops."""
    out = []
    for has, tokens, other, other_tokens in (
        (pair.a, pair.a_tokens, pair.b, pair.b_tokens),
        (pair.b, pair.b_tokens, pair.a, pair.a_tokens),
    ):
        kept = {other_tokens[k].norm for _q, k in _qualified(other_tokens)}
        for q, k in _qualified(tokens):
            noun = tokens[k].norm
            bare = [j for j, t in enumerate(other_tokens) if t.norm == noun]
            if noun in kept or not bare:
                continue
            term = ctx.tokens_span(has, tuple(tokens[q : k + 1]))
            there = ctx.tokens_span(other, (other_tokens[bare[0]],))
            out.append(
                Candidate(
                    kind=Kind.LOADED_TERM,
                    severity=Severity.MEDIUM,
                    passage_id=pair.passage_id,
                    key=f"qualifier:{term.text.casefold()}",
                    spans={has: (term,), other: (there,)},
                    explanation=f'One version says "{term.text}", the other just "{there.text}". '
                    "Dropping the qualifier gives the place or office the standing of a "
                    "sovereign state's, which is one side's view of a disputed status.",
                    label=f'"{term.text}" vs "{there.text}"',
                    weight=1.1,
                )
            )
    return out


def _source_labels(ctx: Context, pair: CellPair, table: Mapping) -> list[Candidate]:
    """The same source labelled with a loaded term in one version only.

    "rebel commanders said" vs "according to local commanders": both name
    a source, but one frames it.  Sources are compared in order (first
    attributed source with first), only when both cells credit equally many.
    """
    from compare.classify.attribution import _source

    def sources(tokens: Sequence[Token]) -> list[tuple[int, int]]:
        spans = [_source(tokens, s, e) for s, e, _c in markers(tokens)]
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
                if term in others or not content_words_of(other_tokens):
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


def _span(ctx: Context, aid: str, tokens: Sequence[Token], lo: int, hi: int) -> Span:
    """The other side's words; for an insertion, the clause where the term would stand."""
    if hi <= lo or not any(is_word(t) for t in tokens[lo:hi]):
        lo, hi = clause_around(tokens, lo)
    return ctx.tokens_span(aid, tuple(tokens[lo:hi]))


@cache
def _alternatives() -> Mapping[str, frozenset[str]]:
    """Each lexicon reason (unique per entry) -> the plainer words it lists."""
    out: dict[str, frozenset[str]] = {}
    for row in lexicons.rows(TERMS_FILE):
        if len(row) > 2:
            words = {w.strip().casefold() for alt in row[1].split(",") for w in alt.split()}
            out[row[2]] = frozenset(w for w in words if w.isalpha())
    return out


def _plain_word(tokens: Sequence[Token], lo: int, hi: int, why: str) -> int | None:
    """Index of a plainer alternative the lexicon lists, inside the other side's block.

    Why: a term swapped inside a longer rewrite ("hooligans who hurled" vs
    "fans threw") should quote "fans", not the whole block, so the rewording
    around it stays its own finding.
    """
    plain = _alternatives().get(why, frozenset())
    for k in range(lo, hi):
        norm = tokens[k].norm
        if norm in plain or (norm.endswith("s") and norm[:-1] in plain):
            return k
    return None


def _lexicon(
    ctx: Context, pair: CellPair, la: list, lb: list, ra: tuple[int, int], rb: tuple[int, int]
) -> list[Candidate]:
    out = []
    terms_a = {tuple(t.norm for t in pair.a_tokens[s:e]) for s, e, _w in la}
    terms_b = {tuple(t.norm for t in pair.b_tokens[s:e]) for s, e, _w in lb}
    for side, found, other_terms in ((pair.a, la, terms_b), (pair.b, lb, terms_a)):
        tokens = pair.a_tokens if side == pair.a else pair.b_tokens
        other, other_tokens, (lo, hi) = (
            (pair.b, pair.b_tokens, rb) if side == pair.a else (pair.a, pair.a_tokens, ra)
        )
        for s, e, why in found:
            if tuple(t.norm for t in tokens[s:e]) in other_terms:
                continue
            term = ctx.tokens_span(side, tuple(tokens[s:e]))
            plain = _plain_word(other_tokens, lo, hi, why)
            there = (
                ctx.tokens_span(other, (other_tokens[plain],))
                if plain is not None
                else _span(ctx, other, other_tokens, lo, hi)
            )
            replaced = hi > lo
            out.append(
                Candidate(
                    kind=Kind.LOADED_TERM,
                    severity=Severity.MEDIUM,
                    passage_id=pair.passage_id,
                    # One finding per term and passage, whatever each other outlet
                    # wrote in its place ("hooligans" vs "fans" and vs "supporters").
                    key=f"term:{term.text.casefold()}",
                    spans={side: (term,), other: (there,)},
                    explanation=(
                        f'One version uses the loaded term "{term.text}" where the other has '
                        f'"{there.text}": {why}.'
                        if replaced
                        else f'Only one version uses the loaded term "{term.text}": {why}.'
                    ),
                    label=f'"{term.text}" vs "{there.text}"'
                    if replaced
                    else f'"{term.text}" added',
                    weight=1.2,
                )
            )
    return out


@cache
def _groups() -> frozenset[str]:
    return lexicons.words(GROUPS_FILE)


def _proper(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if is_word(t)]
    return 0 < len(words) <= 3 and all(t.text[:1].isupper() for t in words)


def _alike(a: str, b: str) -> bool:
    x, y = stem(a), stem(b)
    if x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))):
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.75 or is_variant_elsewhere(a, b)


def _demonym(ctx: Context, pair: CellPair, i1: int, i2: int, j1: int, j2: int) -> Candidate | None:
    """ "Xish soldiers" vs "Yish soldiers": a group named by another identity."""
    # A figure replaced alongside ("12 Xish" / "15 Yish") belongs to the numbers rule.
    while i1 < i2 - 1 and pair.a_tokens[i1].text[:1].isdigit():
        i1 += 1
    while j1 < j2 - 1 and pair.b_tokens[j1].text[:1].isdigit():
        j1 += 1
    seg_a, seg_b = pair.a_tokens[i1:i2], pair.b_tokens[j1:j2]
    if (
        not (_proper(seg_a) and _proper(seg_b))
        or i2 >= len(pair.a_tokens)
        or j2 >= len(pair.b_tokens)
    ):
        return None
    noun = pair.a_tokens[i2].norm
    if noun != pair.b_tokens[j2].norm or noun not in _groups() or i1 == 0 or j1 == 0:
        return None  # sentence-initial capitals are not evidence of a proper adjective
    text_a = " ".join(t.text for t in seg_a)
    text_b = " ".join(t.text for t in seg_b)
    if _alike(text_a, text_b) or is_variant_elsewhere(text_a, text_b):
        return None
    sa = ctx.tokens_span(pair.a, pair.a_tokens[i1 : i2 + 1])
    sb = ctx.tokens_span(pair.b, pair.b_tokens[j1 : j2 + 1])
    x, y = sorted([sa.text, sb.text], key=str.casefold)
    return Candidate(
        kind=Kind.LOADED_TERM,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=f"group:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (sa,), pair.b: (sb,)},
        explanation=f'The same group is named by a different identity: "{x}" vs "{y}". '
        "Who a group is said to belong to frames whose side it is on.",
        label=f'"{x}" vs "{y}"',
        weight=1.1,
    )


def _tone(
    ctx: Context, pair: CellPair, seg_a: Sequence[Token], seg_b: Sequence[Token]
) -> Candidate | None:
    """A short swap whose VADER valences differ sharply ("terrorists" vs "fighters")."""
    wa, wb = [t for t in seg_a if is_word(t)], [t for t in seg_b if is_word(t)]
    if not (0 < len(wa) <= 3 and 0 < len(wb) <= 3):
        return None
    va = [v for t in wa if (v := valence(t.norm)) is not None]
    vb = [v for t in wb if (v := valence(t.norm)) is not None]
    if not va or not vb:
        return None
    sa, sb = sum(va), sum(vb)
    # Framing by tone is pejoration ("thugs" for "youths"); a sharply *positive*
    # everyday verb ("save", "handed") swapped for a flat one is rewording.
    if abs(sa - sb) < VALENCE_GAP or min(sa, sb) > -VALENCE_STRONG:
        return None
    span_a, span_b = ctx.tokens_span(pair.a, tuple(seg_a)), ctx.tokens_span(pair.b, tuple(seg_b))
    (x, vx), (y, vy) = sorted([(span_a.text, sa), (span_b.text, sb)], key=lambda p: p[1])
    return Candidate(
        kind=Kind.LOADED_TERM,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=f"tone:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (span_a,), pair.b: (span_b,)},
        explanation=f'"{x}" is much more negative in tone than "{y}" (VADER scores {vx:+.1f} vs '
        f"{vy:+.1f} on a -4 to +4 scale), which colours how the reader sees the same event.",
        label=f'"{x}" vs "{y}"',
        weight=0.8 + abs(vx - vy) / 10,
    )
