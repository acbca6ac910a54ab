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
    clause_around,
    content_words,
    find_phrases,
    is_variant_elsewhere,
    phrase_table,
    sentence_starts,
    stem,
)
from compare.model import Kind, Severity, Token

VERBS_FILE = "classify_report_verbs.txt"
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "its", "their", "his", "her", "such"})
_VERB_NEXT = frozenset({"that", "the", "a", "an", "he", "she", "they", "it", "his", "her", ","})
# "announced a deal", "declared a curfew": the verb reports an event, not a claim.
_EVENT_OBJECT = frozenset({"a", "an", "the", "its", "their", "his", "her", "new", "plans"})
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
# "reported net income", "reports strong sales": with a noun object these verbs
# publish figures; they attribute a claim only before a clause.
_OBJECT_VERBS = frozenset({"reported", "reports", "report"})
_CLAUSE_NEXT = frozenset(
    {"that", ",", '"', "“", "he", "she", "they", "it", "we", "i", "on", "in", "late", "earlier"}
)
# "X said it would cut jobs" vs "X is to cut jobs": a speaker announcing its own
# plan is routinely reported as fact; dropping "said" there vouches for nothing new.
_SELF = frozenset({"it", "he", "she", "they", "we"})
_INTENT = frozenset(
    {"would", "will", "plans", "planned", "intends", "intended", "aims", "aimed", "is", "was"}
)
MAX_SELF_GAP = 4  # tokens between the verb and the pronoun ("said on Tuesday it would")
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
        if cls == "announce" and nxt in _EVENT_OBJECT:
            continue  # "announced a merger": news of an event, not a source for a claim
        if tokens[start].norm in _OBJECT_VERBS and nxt[:1].isalnum() and nxt not in _CLAUSE_NEXT:
            continue  # "reported net income of": figures published, not a claim credited
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


_DEFINITE = frozenset({"the", "its", "his", "her", "their"})


def same_referent(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """True when two differently worded sources plainly name the same speaker.

    Why: editors retitle people and replace a name by a description
    ("Acme Corp" / "the Ohio-based company", "club manager Ann Lee" /
    "club coach Ann Lee"); that is not a different source.  Two cases: both
    end with the same capitalised word (a surname or a name's last word), or
    one is a definite description ("the ... company") and the other a name.

    >>> from compare.segment import tokenize as t
    >>> same_referent(t("club manager Ann Lee"), t("coach Ann Lee"))
    True
    >>> same_referent(t("Acme Corp"), t("The Ohio-based company"))
    True
    >>> same_referent(t("Local police"), t("Witnesses"))
    False
    """
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    la, lb = wa[-1], wb[-1]
    if la.norm == lb.norm and la.text[:1].isupper() and lb.text[:1].isupper():
        return True

    def description(tokens: Sequence[Token], words: Sequence[Token]) -> bool:
        return tokens[0].norm in _DEFINITE and not words[-1].text[:1].isupper()

    def name(words: Sequence[Token]) -> bool:
        return all(w.text[:1].isupper() for w in words)

    return (description(a, wa) and name(wb)) or (description(b, wb) and name(wa))


def find(ctx: Context) -> list[Candidate]:
    """Attribution added or dropped, reporting verb changed, or source changed."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        ma, mb = markers(pair.a_tokens), markers(pair.b_tokens)
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                continue
            in_a, in_b = _inside(ma, i1, i2), _inside(mb, j1, j2)
            voice = _to_hedge(ctx, pair, (i1, i2), (j1, j2), in_a, in_b)
            if voice is not None:  # the precise reading of a credited-vs-doubted swap
                out.append(voice)
                continue
            if in_a and in_b:
                ca, cb = in_a[0], in_b[0]
                if ca[2] != cb[2]:
                    out.append(_verb_change(ctx, pair, ca, cb))
            elif in_a and not mb and _claim_dropped(ctx, pair, pair.a_tokens, in_a[0], pair.b, j1):
                out.append(
                    _dropped(ctx, pair, pair.a, pair.a_tokens, in_a[0], pair.b, pair.b_tokens, j1)
                )
            elif in_b and not ma and _claim_dropped(ctx, pair, pair.b_tokens, in_b[0], pair.a, i1):
                out.append(
                    _dropped(ctx, pair, pair.b, pair.b_tokens, in_b[0], pair.a, pair.a_tokens, i1)
                )
            found = _agent(ctx, pair, (i1, i2), (j1, j2), ma, mb)
            if found is not None:
                out.append(found)
        out.extend(_source_changes(ctx, pair, ma, mb))
    return out


_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_COORDINATORS = frozenset({"and", "but", "then", "or"})


def _claim_dropped(
    ctx: Context,
    pair: CellPair,
    has_tokens: Sequence[Token],
    marker: tuple[int, int, str],
    lacks: str,
    at: int,
) -> bool:
    """True when the version without a reporting verb really states the claim as fact.

    Not so for a speaker announcing its own plan (``own_plan``); for a verb
    coordinated with the subject's own action ("the service forecast rain
    and warned ..."), where the subject acts, not vouches; for a verb whose
    only subject is a pronoun announcing ("they announced ..."); and when
    the other version's words are a direct quotation following a sentence
    that names its speaker (a follow-up quote keeps its attribution).
    """
    start = marker[0]
    if own_plan(has_tokens, marker):
        return False
    if start > 0 and has_tokens[start - 1].norm in _COORDINATORS:
        return False
    if marker[2] == "announce" and not content_words(
        has_tokens[_source(has_tokens, *marker[:2])[0] : start]
    ):
        return False
    return not _follow_up_quote(ctx, pair.passage_id, lacks, at)


def _follow_up_quote(ctx: Context, passage_id: str, article_id: str, at: int) -> bool:
    """True when the cell's sentence at token ``at`` opens with a quote mark and the
    article's sentence before it carries a reporting verb (the speaker is named there)."""
    indexes = ctx.passages[passage_id].cells.get(article_id, ())
    sentences = ctx.articles[article_id].sentences
    offset = 0
    for i in indexes:
        n = len(sentences[i].tokens)
        if at < offset + n or i == indexes[-1]:
            toks = sentences[i].tokens
            if not toks or toks[0].norm not in _QUOTES or i == 0:
                return False
            return bool(markers(sentences[i - 1].tokens))
        offset += n
    return False


def own_plan(tokens: Sequence[Token], marker: tuple[int, int, str]) -> bool:
    """True for a speaker announcing its own plan: "X said on Monday it would cut ...".

    >>> from compare.segment import tokenize
    >>> toks = tokenize("Acme said on Monday it would close the plant.")
    >>> own_plan(toks, (1, 2, "neutral"))
    True
    >>> toks = tokenize("Police said he fled the scene.")
    >>> own_plan(toks, (1, 2, "neutral"))
    False
    """
    _start, end, cls = marker
    if cls != "neutral" or end == 0 or tokens[end - 1].norm == "to":  # not "according to"
        return False
    for k in range(end, min(end + MAX_SELF_GAP + 1, len(tokens) - 1)):
        if tokens[k].norm in _SELF:
            return tokens[k + 1].norm in _INTENT
        if tokens[k].norm in {".", ";", '"', "“", "”"}:
            return False
    return False


def _hedged(tokens: Sequence[Token], lo: int, hi: int) -> list[tuple[int, int, str]]:
    from compare.classify.hedges import hedges

    return [h for h in hedges(tokens) if lo <= h[0] < hi]


def _to_hedge(
    ctx: Context,
    pair: CellPair,
    ra: tuple[int, int],
    rb: tuple[int, int],
    in_a: list[tuple[int, int, str]],
    in_b: list[tuple[int, int, str]],
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


def _is_called(tokens: Sequence[Token], h: tuple[int, int, str]) -> bool:
    """True for "what it called"-style hedges, which credit the word to a speaker."""
    return h[2] == "distance" and h[1] - h[0] > 1


def _agent(
    ctx: Context,
    pair: CellPair,
    ra: tuple[int, int],
    rb: tuple[int, int],
    ma: list[tuple[int, int, str]],
    mb: list[tuple[int, int, str]],
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
    # The claim stated as fact: the clause where the attribution would stand.
    lo, hi = clause_around(lacks_tokens, at, sentence_starts(ctx, pair.passage_id, lacks))
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
            or same_referent(ta, tb)
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
