"""Rule family: attribution_change.

Why it matters: "police said the man fled" tells the reader who vouches for
the claim; "the man fled" presents it as established fact.  Swapping the
reporting verb ("said" -> "alleged", "admitted", "insisted") adds the
writer's judgement of the speaker.  Reporting verbs and their stance classes
live in ``classify_report_verbs.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from compare.classify.base import Candidate, Context
from compare.classify.cells import (
    CellPair,
    cell_pairs,
    content_words,
    find_phrases,
    is_variant_elsewhere,
    phrase_table,
    stem,
)
from compare.model import Kind, Severity, Token

VERBS_FILE = "classify_report_verbs.txt"
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "its", "their", "his", "her", "such"})
_VERB_NEXT = frozenset({"that", "the", "a", "an", "he", "she", "they", "it", "his", "her", ","})
_MEANING = {
    "neutral": "is neutral: it reports the words without judging them",
    "doubt": "signals doubt about the claim",
    "concession": "presents the statement as a reluctant admission of something true",
    "emphatic": "presents the speaker as pressing a disputed point",
    "denial": "reports a rejection",
    "accusation": "reports that someone is blamed",
    "announce": "presents it as an official statement",
}


def markers(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """``(start, end, class)`` of reporting verbs and "according to" used as attribution.

    "the claims" (a noun) and "the alleged attack" (an adjective, a hedge) are skipped.

    >>> from compare.segment import tokenize
    >>> markers(tokenize("Police alleged that he fled, according to officials."))
    [(1, 2, 'doubt'), (6, 8, 'neutral')]
    """
    out = []
    for start, end, cls in find_phrases(tokens, phrase_table(VERBS_FILE)):
        prev = tokens[start - 1].norm if start > 0 else ""
        nxt = tokens[end].norm if end < len(tokens) else ""
        if prev in _DETERMINERS:
            continue
        if tokens[start].norm in ("alleged", "purported") and nxt not in _VERB_NEXT:
            continue  # "alleged attack": an adjective, left to hedges
        out.append((start, end, cls))
    return out


def _inside(found: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [m for m in found if lo <= m[0] < hi or (m[0] < lo < m[1])]


def _source(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Token range of who is credited: before the verb, or after "according to"."""
    if tokens[start].norm == "according":
        stop = end
        while stop < len(tokens) and stop < end + 5 and tokens[stop].norm not in {",", ".", ";"}:
            stop += 1
        return end, stop
    first = start
    while first > 0 and first > start - 5 and tokens[first - 1].norm not in {",", ".", ";", '"'}:
        first -= 1
    return first, start


def _has_subject(tokens: Sequence[Token], start: int) -> bool:
    """True when a content word stands right before the verb ("police said", not "of claiming")."""
    if tokens[start].norm == "according":
        return True
    return start > 0 and bool(content_words(tokens[start - 1 : start]))


def _same_words(a: Sequence[Token], b: Sequence[Token]) -> bool:
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
    return covered(sa, sb) or covered(sb, sa)


def find(ctx: Context) -> list[Candidate]:
    """Attribution added or dropped, reporting verb changed, or source changed."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        ma, mb = markers(pair.a_tokens), markers(pair.b_tokens)
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                continue
            in_a, in_b = _inside(ma, i1, i2), _inside(mb, j1, j2)
            if in_a and in_b:
                ca, cb = in_a[0], in_b[0]
                if ca[2] != cb[2]:
                    out.append(_verb_change(ctx, pair, ca, cb))
            elif in_a and not mb:
                out.append(
                    _dropped(ctx, pair, pair.a, pair.a_tokens, in_a[0], pair.b, pair.b_tokens, j1)
                )
            elif in_b and not ma:
                out.append(
                    _dropped(ctx, pair, pair.b, pair.b_tokens, in_b[0], pair.a, pair.a_tokens, i1)
                )
        out.extend(_source_changes(ctx, pair, ma, mb))
    return out


def _verb_change(
    ctx: Context, pair: CellPair, ca: tuple[int, int, str], cb: tuple[int, int, str]
) -> Candidate:
    va = ctx.tokens_span(pair.a, pair.a_tokens[ca[0] : ca[1]])
    vb = ctx.tokens_span(pair.b, pair.b_tokens[cb[0] : cb[1]])
    (x, cx), (y, cy) = sorted([(va.text, ca[2]), (vb.text, cb[2])], key=lambda p: p[0].casefold())
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"verb:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (va,), pair.b: (vb,)},
        explanation=f'The reporting verb differs: "{x}" vs "{y}". "{x}" {_MEANING.get(cx, "")}, '
        f'while "{y}" {_MEANING.get(cy, "")}.',
        label=f'"{x}" vs "{y}"',
        weight=1.0,
    )


def _dropped(
    ctx: Context,
    pair: CellPair,
    has: str,
    has_tokens: Sequence[Token],
    marker: tuple[int, int, str],
    lacks: str,
    lacks_tokens: Sequence[Token],
    at: int,
) -> Candidate:
    lo, hi = _source(has_tokens, marker[0], marker[1])
    lo, hi = min(lo, marker[0]), max(hi, marker[1])
    attributed = ctx.tokens_span(has, tuple(has_tokens[lo:hi]))
    at = min(at, len(lacks_tokens) - 1)
    claim = ctx.tokens_span(lacks, tuple(lacks_tokens[at : at + 4]))
    verb = " ".join(t.text for t in has_tokens[marker[0] : marker[1]])
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"fact:{verb.casefold()}",
        spans={has: (attributed,), lacks: (claim,)},
        explanation=f'One version credits the claim to a source ("{attributed.text}"); the other '
        "states it as fact, so the reader cannot tell who vouches for it.",
        label=f'"{attributed.text}" vs no attribution',
        weight=1.5,
    )


def _source_changes(
    ctx: Context, pair: CellPair, ma: list[tuple[int, int, str]], mb: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Same verb in the same place, credited to someone else ("police said" / "witnesses said")."""
    out = []
    starts_b = {m[0]: m for m in mb}
    shift = {
        i: j
        for op, i1, i2, j1, _j2 in pair.opcodes
        if op == "equal"
        for i, j in zip(range(i1, i2), range(j1, j1 + i2 - i1), strict=True)
    }
    for m in ma:
        n = starts_b.get(shift.get(m[0], -1))
        if (
            n is None
            or not _has_subject(pair.a_tokens, m[0])
            or not _has_subject(pair.b_tokens, n[0])
        ):
            continue
        sa, sb = _source(pair.a_tokens, m[0], m[1]), _source(pair.b_tokens, n[0], n[1])
        ta, tb = pair.a_tokens[sa[0] : sa[1]], pair.b_tokens[sb[0] : sb[1]]
        if (
            not ta
            or not tb
            or not content_words(ta)
            or not content_words(tb)
            or _same_words(ta, tb)
        ):
            continue
        a_span, b_span = ctx.tokens_span(pair.a, ta), ctx.tokens_span(pair.b, tb)
        x, y = sorted([a_span.text, b_span.text], key=str.casefold)
        out.append(
            Candidate(
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
        )
    return out
